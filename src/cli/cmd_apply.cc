// retouche apply: replays a reviewed findings file on its original text,
// with the reviewer's --accept/--reject choices on top.
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/cli.h"
#include "cli/output_paths.h"
#include "core/finding_selection.h"
#include "core/sha256.h"
#include "io/diff_writer.h"
#include "io/findings_io.h"
#include "io/text_file.h"

namespace retouche::cli {
namespace {

std::string shown(const std::string& s) {
  if (s.empty()) return "(nothing)";
  std::string out = "\"";
  size_t n = 0;
  for (char c : s) {
    // Cut only before a lead byte, never inside a UTF-8 sequence.
    if (++n > 60 && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      out += "…";
      break;
    }
    out += c == '\n' ? std::string("\\n") : std::string(1, c);
  }
  return out + "\"";
}

}  // namespace

int run_apply(const Options& o) {
  if (o.jsonl) return run_apply_jsonl(o);
  if (o.inputs.size() != 1 || o.findings.empty()) {
    print_error("apply: give one ORIGINAL and --findings FILE.jsonl");
    print_usage(o.command);
    return kExitUsage;
  }
  const std::string& original_path = o.inputs[0];
  if (std::string same = output_overwrites_input({o.output, o.diff_output}, {o.inputs[0], o.findings});
      !same.empty()) {
    print_error("apply: " + same + " is an input; write elsewhere (inputs are never overwritten)");
    return kExitUsage;
  }
  if (!o.output.empty() && o.output != "-") {
    for (const std::string& in : {original_path, o.findings}) {
      if (same_file(o.output, in)) {
        print_error("apply: -o " + o.output + " would replace the input " + in + "; write elsewhere");
        return kExitUsage;
      }
    }
    std::error_code ec;
    if (!o.force && std::filesystem::exists(std::filesystem::symlink_status(o.output, ec))) {
      print_error("apply: " + o.output + " exists; use --force to replace it");
      return kExitUsage;
    }
  }
  std::string original, findings_text;
  Status st = read_file(original_path, &original);
  if (st.ok()) st = read_file(o.findings, &findings_text);
  std::vector<Finding> all;
  std::vector<std::string> hashes;
  FindingsFileInfo info;
  if (st.ok()) st = parse_findings_jsonl(findings_text, o.findings, &all, &hashes, &info);
  if (!st.ok()) {
    print_error(st.message());
    return exit_code_for(st);
  }
  std::string hash = sha256_hex(original);
  // A review page's export may hold several documents: take this one's. Any
  // other findings file is for one text, and every line must say so.
  std::vector<Finding> findings;
  for (size_t i = 0; i < all.size(); ++i) {
    if (hashes[i] == hash) {
      findings.push_back(std::move(all[i]));
    } else if (!info.review_export) {
      print_error(o.findings + ": these findings were made for another text than " + original_path +
                  " (finding " + std::to_string(i + 1) + " has sha256 " + hashes[i].substr(0, 12) +
                  "…, " + original_path + " has " + hash.substr(0, 12) + "…); nothing written");
      return kExitInput;
    }
  }
  if (info.review_export && findings.empty() && !all.empty()) {
    print_error(o.findings + ": this review export holds no document with the text of " +
                original_path + " (sha256 " + hash.substr(0, 12) + "…); nothing written");
    return kExitInput;
  }
  st = apply_choices(o.accept, o.reject, &findings);
  if (!st.ok()) {
    print_error(o.findings + ": " + st.message() + "; nothing written");
    return exit_code_for(st);
  }
  st = check_overlaps(findings);
  std::string clean;
  if (st.ok()) st = check_findings_fit(original, findings);
  if (st.ok()) st = replay_findings(original, findings, &clean);
  if (!st.ok()) {
    print_error(o.findings + ": " + st.message() + "; nothing written");
    return kExitInput;
  }
  if (!o.diff_output.empty()) {
    OffsetMap map = replay_map(original.size(), findings);
    std::string name = original_path;
    if (name.starts_with("/")) name = name.substr(name.rfind('/') + 1);
    DiffOptions d;
    d.context = o.context;
    d.findings = &findings;
    st = write_file_atomic(o.diff_output, unified_diff(original, clean, map, name, d));
    if (!st.ok()) {
      print_error(st.message());
      return kExitInput;
    }
  }
  if (o.output.empty() || o.output == "-") {
    st = write_stdout(clean);
    if (st.ok()) st = flush_stdout();
  } else {
    st = write_file_atomic(o.output, clean);
  }
  if (!st.ok()) {
    print_error(st.message());
    return kExitInput;
  }
  size_t applied = 0;
  for (const Finding& f : findings) {
    if (f.status != FindingStatus::kApplied) continue;
    ++applied;
    if (!o.quiet) {
      std::cerr << "  applied " << f.id << "  " << original_path << ":" << f.line << ":" << f.column
                << "  " << f.rule << "  " << shown(f.original) << " -> " << shown(f.replacement)
                << "\n";
    }
  }
  if (!o.quiet) {
    std::cerr << "retouche: applied " << applied << " of " << findings.size() << " findings to "
              << original_path << " (" << original.size() << " -> " << clean.size() << " bytes)";
    if (!o.diff_output.empty()) std::cerr << "; diff in " << o.diff_output;
    std::cerr << "\n";
  }
  return kExitOk;
}

}  // namespace retouche::cli
