#include "pipeline/keep_words.h"

#include <algorithm>
#include <fstream>

#include "core/utf8.h"
#include "io/data_file.h"
#include "text/chars.h"

namespace retouche {
namespace {

bool word_char_before(std::string_view t, size_t pos) {
  if (pos == 0) return false;
  char32_t c = utf8::decode_before(t, pos);
  return text::is_letter(c) || text::is_digit(c);
}

bool word_char_at(std::string_view t, size_t pos) {
  if (pos >= t.size()) return false;
  char32_t c = utf8::decode(t, pos);
  return text::is_letter(c) || text::is_digit(c);
}

}  // namespace

Status KeepWords::load(const std::vector<std::string>& files, std::unique_ptr<KeepWords>* out) {
  std::vector<std::string> phrases;
  for (const std::string& path : files) {
    std::ifstream probe(path);
    if (!probe) return ConfigError("cannot read --keep-words file " + path);
    std::vector<DataRow> rows;
    RETURN_IF_ERROR(read_data_file(path, 1, 1, &rows));
    for (const DataRow& r : rows) {
      std::string p = r.fields[0];
      while (!p.empty() && (p.back() == ' ' || p.back() == '\r')) p.pop_back();
      if (!p.empty()) phrases.push_back(std::move(p));
    }
  }
  auto kw = std::make_unique<KeepWords>();
  // Longest first: "Rosa Luxemburg" wins over "Rosa" at the same place.
  std::sort(phrases.begin(), phrases.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  phrases.erase(std::unique(phrases.begin(), phrases.end()), phrases.end());
  std::string pattern;
  for (const std::string& p : phrases) {
    if (!pattern.empty()) pattern += '|';
    pattern += RE2::QuoteMeta(p);
  }
  kw->count_ = phrases.size();
  if (!pattern.empty()) {
    RE2::Options o;
    o.set_max_mem(256 << 20);
    kw->re_ = std::make_unique<RE2>("(" + pattern + ")", o);
    if (!kw->re_->ok()) return ConfigError("cannot compile the --keep-words list: " + kw->re_->error());
  }
  *out = std::move(kw);
  return Status::Ok();
}

ByteSpans KeepWords::find(std::string_view text) const {
  ByteSpans out;
  if (!re_) return out;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece m;
  size_t pos = 0;
  while (pos < text.size() && re_->Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    size_t b = static_cast<size_t>(m.data() - text.data()), e = b + m.size();
    if (e == b) break;
    if (!word_char_before(text, b) && !word_char_at(text, e)) {
      out.emplace_back(b, e);
      pos = e;
    } else {
      pos = b + 1;  // inside a longer word: look again from the next byte
      while (pos < text.size() && utf8::is_continuation(static_cast<unsigned char>(text[pos]))) ++pos;
    }
  }
  return out;
}

}  // namespace retouche
