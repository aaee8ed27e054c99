// retouche apply --jsonl IN.jsonl --findings SIDECAR: replays a reviewed
// sidecar (from `clean --sidecar`, or a review page's export of corpus rows)
// onto the shard, row for row: each row's text becomes the replay of its
// findings, every other byte of the row stays as it was.
#include <iostream>

#include "cli/cli.h"
#include "core/finding_selection.h"
#include "core/sha256.h"
#include "io/byte_stream.h"
#include "io/findings_io.h"
#include "io/json.h"

namespace retouche::cli {
namespace {

struct SidecarRow {
  uint64_t row = 0;
  std::vector<Finding> findings;
};

// The next sidecar row that carries findings (a review header is skipped and
// its counts checked at the end; an error row of a malformed input row is kept
// with no findings).
Status next_sidecar(LineReader& in, const std::string& path, uint64_t* line_no, SidecarRow* out,
                    bool* done, double* announced_rows) {
  std::string line;
  while (in.next(&line)) {
    ++*line_no;
    std::string where = path + ":" + std::to_string(*line_no);
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json::Value v;
    json::Error err;
    if (!json::parse(line, &v, &err)) {
      return InputError(where + ":" + std::to_string(err.offset + 1) + ": malformed sidecar row: " + err.message);
    }
    if (v.type != json::Type::kObject) return InputError(where + ": a sidecar row must be a JSON object");
    if (v.find("retouche_review")) {
      const json::Value* d = v.find("documents");
      if (*line_no != 1 || !d || d->type != json::Type::kNumber) {
        return InputError(where + ": a review header ({\"retouche_review\":1,\"documents\":N,…}) may only be the first line");
      }
      *announced_rows = d->number;
      continue;
    }
    const json::Value* row = v.find("row");
    if (!row || row->type != json::Type::kNumber || row->number < 1) {
      return InputError(where + ": sidecar row has no \"row\" number");
    }
    out->row = static_cast<uint64_t>(row->number);
    out->findings.clear();
    if (const json::Value* fs = v.find("findings")) {
      if (fs->type != json::Type::kArray) return InputError(where + ": \"findings\" must be an array");
      for (size_t i = 0; i < fs->array.size(); ++i) {
        Finding f;
        std::string hash;
        RETURN_IF_ERROR(parse_finding_object(fs->array[i], where + ": finding " + std::to_string(i + 1),
                                             false, &f, &hash));
        out->findings.push_back(std::move(f));
      }
    }
    return Status::Ok();
  }
  *done = true;
  return in.status();
}

}  // namespace

int run_apply_jsonl(const Options& o) {
  if (o.inputs.size() != 1 || o.findings.empty()) {
    print_error("apply --jsonl: give one IN.jsonl and --findings SIDECAR");
    return kExitUsage;
  }
  const std::string& in_path = o.inputs[0];
  if (std::string same = output_overwrites_input({o.output, o.diff_output}, {o.inputs[0], o.findings});
      !same.empty()) {
    print_error("apply --jsonl: " + same + " is an input; write elsewhere (inputs are never overwritten)");
    return kExitUsage;
  }
  std::unique_ptr<LineReader> in, sc;
  Status st = LineReader::open(in_path, &in);
  if (st.ok()) st = LineReader::open(o.findings, &sc);
  std::unique_ptr<OutputFile> out;
  if (st.ok()) st = OutputFile::open(o.output.empty() ? "-" : o.output, &out);
  if (!st.ok()) {
    print_error(st.message());
    return kExitInput;
  }
  auto fail = [&](const std::string& message) {
    out->abort();
    print_error(message + "; nothing written");
    return kExitInput;
  };
  uint64_t row = 0, sc_line = 0, rows_done = 0, applied = 0, changed = 0;
  double announced_rows = -1;
  SidecarRow pending;
  bool sc_done = false, have = false;
  std::string line;
  while (in->next(&line)) {
    ++row;
    if (!have && !sc_done) {
      st = next_sidecar(*sc, o.findings, &sc_line, &pending, &sc_done, &announced_rows);
      if (!st.ok()) return fail(st.message());
      have = !sc_done;
    }
    if (!have || pending.row != row) {
      if (have && pending.row < row) {
        return fail(o.findings + ":" + std::to_string(sc_line) + ": sidecar rows are out of order (row " +
                    std::to_string(pending.row) + " after row " + std::to_string(row - 1) + ")");
      }
      // No sidecar row (or a later one): the row is copied as it is.
      st = out->write(line + "\n");
      if (!st.ok()) return fail(st.message());
      continue;
    }
    have = false;
    ++rows_done;
    std::vector<json::Member> members;
    json::Error err;
    const json::Member* text_member = nullptr;
    std::string text;
    if (json::scan_object(line, &members, &err)) {
      for (const json::Member& m : members) {
        if (m.key == o.text_key && m.type == json::Type::kString) text_member = &m;
      }
    }
    if (!text_member ||
        !json::decode_string(std::string_view(line).substr(text_member->value_begin,
                                                            text_member->value_end - text_member->value_begin),
                             &text, &err)) {
      if (pending.findings.empty()) {  // a malformed row the run passed through: pass it through again
        st = out->write(line + "\n");
        if (!st.ok()) return fail(st.message());
        continue;
      }
      return fail(in_path + ":" + std::to_string(row) + ": no string \"" + o.text_key + "\" for the findings of sidecar line " +
                  std::to_string(sc_line));
    }
    // The ids were made from this text's SHA-256: a sidecar of another shard is refused.
    std::string hash = sha256_hex(text);
    for (const Finding& f : pending.findings) {
      if (!f.id.empty() && finding_id(hash, f) != f.id.substr(0, 10)) {
        return fail(o.findings + ":" + std::to_string(sc_line) + ": finding " + f.id + " was not made for row " +
                    std::to_string(row) + " of " + in_path + " (another text)");
      }
    }
    st = check_overlaps(pending.findings);
    std::string clean;
    if (st.ok()) st = replay_findings(text, pending.findings, &clean);
    if (!st.ok()) return fail(o.findings + ":" + std::to_string(sc_line) + ": " + st.message());
    for (const Finding& f : pending.findings) applied += f.status == FindingStatus::kApplied;
    changed += clean != text;
    std::string row_out = line.substr(0, text_member->value_begin);
    json::append_string(row_out, clean);
    row_out.append(line, text_member->value_end, std::string::npos);
    row_out += "\n";
    st = out->write(row_out);
    if (!st.ok()) return fail(st.message());
  }
  if (!in->status().ok()) return fail(in->status().message());
  if (have || (!sc_done && (st = next_sidecar(*sc, o.findings, &sc_line, &pending, &sc_done, &announced_rows), !sc_done))) {
    if (!st.ok()) return fail(st.message());
    return fail(o.findings + ":" + std::to_string(sc_line) + ": row " + std::to_string(pending.row) +
                " is past the end of " + in_path + " (" + std::to_string(row) + " rows)");
  }
  if (!st.ok()) return fail(st.message());
  if (announced_rows >= 0 && static_cast<double>(rows_done) != announced_rows) {
    return fail(o.findings + ":" + std::to_string(sc_line + 1) + ": the review export is truncated or edited: its header (line 1) announces " +
                std::to_string(static_cast<uint64_t>(announced_rows)) + " rows, the file holds " + std::to_string(rows_done));
  }
  st = out->commit();
  if (!st.ok()) {
    print_error(st.message());
    return kExitInput;
  }
  if (!o.quiet) {
    std::cerr << "retouche: applied " << applied << " findings to " << rows_done << " of " << row << " rows of "
              << in_path << " (" << changed << " rows changed)\n";
  }
  return kExitOk;
}

}  // namespace retouche::cli
