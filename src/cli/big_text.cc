#include "cli/big_text.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "core/utf8.h"

namespace retouche::cli {

std::vector<std::pair<size_t, size_t>> split_pieces(std::string_view text, size_t split_bytes,
                                                    size_t piece_bytes) {
  std::vector<std::pair<size_t, size_t>> out;
  if (text.size() <= split_bytes) {
    out.emplace_back(0, text.size());
    return out;
  }
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.size();
    size_t from = begin + piece_bytes;
    while (from < text.size()) {
      size_t nl = text.find('\n', from);
      if (nl == std::string_view::npos) break;
      // A blank line right after this newline (possibly "\r\n").
      size_t next = nl + 1;
      if (next < text.size() && text[next] == '\r') ++next;
      if (next < text.size() && text[next] == '\n') {
        end = next + 1;
        break;
      }
      from = nl + 1;
    }
    out.emplace_back(begin, end);
    begin = end;
  }
  return out;
}

Status run_big_text(const Pipeline& p, const Document& doc, unsigned jobs, Result* out,
                    size_t split_bytes, size_t piece_bytes) {
  auto pieces = split_pieces(doc.text, split_bytes, piece_bytes);
  // Invalid UTF-8 without --lossy: the whole text fails, naming the position.
  if (pieces.size() == 1 || (!p.options().lossy_utf8 && utf8::find_invalid(doc.text) != utf8::kValid)) {
    return p.run(doc, out);
  }
  std::vector<Result> results(pieces.size());
  std::vector<Status> status(pieces.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < pieces.size();) {
      auto [b, e] = pieces[i];
      status[i] = p.run(Document{doc.id, doc.text.substr(b, e - b)}, &results[i]);
    }
  };
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < std::min<size_t>(jobs, pieces.size()); ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();

  *out = Result();
  out->map = OffsetMap(doc.text.size());
  std::vector<Edit> edits;
  size_t lines = 0, code_points = 0;
  for (size_t i = 0; i < pieces.size(); ++i) {
    auto [b, e] = pieces[i];
    std::string_view piece = std::string_view(doc.text).substr(b, e - b);
    if (!status[i].ok()) return status[i];
    Result& r = results[i];
    for (Finding f : r.findings) {
      f.begin += b;
      f.end += b;
      f.line += lines;
      f.cp_begin += code_points;
      f.cp_end += code_points;
      out->findings.push_back(std::move(f));
    }
    for (const OffsetMap::Segment& s : r.map.segments()) {
      edits.push_back({s.orig_begin + b, s.orig_end + b, r.clean_text.substr(s.cur_begin, s.cur_end - s.cur_begin)});
    }
    out->clean_text += r.clean_text;
    for (int k = 0; k < kStageCount; ++k) out->stage_seconds[k] += r.stage_seconds[k];
    // Line breaks as LineIndex counts them: "\n", "\r\n", a lone "\r".
    for (size_t k = 0; k < piece.size(); ++k) {
      lines += piece[k] == '\n' || (piece[k] == '\r' && (k + 1 == piece.size() || piece[k + 1] != '\n'));
    }
    code_points += utf8::count_code_points(piece);
  }
  out->map.compose(edits);
  return Status::Ok();
}

}  // namespace retouche::cli
