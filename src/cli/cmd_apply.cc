// retouche apply: replays a reviewed findings file on its original text.
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/cli.h"
#include "cli/output_paths.h"
#include "core/sha256.h"
#include "io/findings_io.h"
#include "io/text_file.h"

namespace retouche::cli {

int run_apply(const Options& o) {
  if (o.inputs.size() != 1 || o.findings.empty()) {
    print_error("apply: give one ORIGINAL and --findings FILE.jsonl");
    print_usage(o.command);
    return kExitUsage;
  }
  const std::string& original_path = o.inputs[0];
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
  std::vector<Finding> findings;
  std::vector<std::string> hashes;
  if (st.ok()) st = parse_findings_jsonl(findings_text, o.findings, &findings, &hashes);
  if (!st.ok()) {
    print_error(st.message());
    return exit_code_for(st);
  }
  std::string hash = sha256_hex(original);
  for (size_t i = 0; i < hashes.size(); ++i) {
    if (hashes[i] != hash) {
      print_error(o.findings + ": these findings were made for another text than " + original_path +
                  " (finding " + std::to_string(i + 1) + " has sha256 " + hashes[i].substr(0, 12) +
                  "…, " + original_path + " has " + hash.substr(0, 12) + "…); nothing written");
      return kExitInput;
    }
  }
  std::string clean;
  st = check_findings_fit(original, findings);
  if (st.ok()) st = replay_findings(original, findings, &clean);
  if (!st.ok()) {
    print_error(o.findings + ": " + st.message() + "; nothing written");
    return kExitInput;
  }
  if (o.output.empty() || o.output == "-") {
    st = write_stdout(clean);
    if (st.ok()) st = flush_stdout();
    if (!st.ok()) {
      print_error(st.message());
      return kExitInput;
    }
    return kExitOk;
  }
  st = write_file_atomic(o.output, clean);
  if (!st.ok()) {
    print_error(st.message());
    return kExitInput;
  }
  return kExitOk;
}

}  // namespace retouche::cli
