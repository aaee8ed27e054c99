// retouche check: findings only, nothing written; exit 1 when anything was found.
#include <cstdio>
#include <iostream>

#include "cli/cli.h"
#include "cli/process.h"
#include "core/sha256.h"
#include "io/findings_io.h"

namespace retouche::cli {

int run_check(const Options& o) {
  int code = kExitOk;
  const Pipeline* p = make_pipeline(o, &code);
  if (!p) return code;
  if (o.list_rules) {
    print_rules(*p);
    return kExitOk;
  }
  if (o.inputs.empty()) {
    print_error("check: no input given");
    return kExitUsage;
  }
  size_t found = 0;
  size_t failures = for_each_result(o, *p, [&](const Processed& pr) {
    std::string out;
    if (o.format == "jsonl") {
      out = findings_jsonl(pr.result.findings, sha256_hex(pr.original), pr.input.path);
    } else {
      for (const Finding& f : pr.result.findings) {
        out += pr.input.path + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ": " +
               f.rule + ": " + f.message;
        out += " [" + std::string(applicability_name(f.applicability));
        if (f.status == FindingStatus::kApplied) {
          out += ", fix: " + (f.replacement.empty() ? std::string("delete") : "\"" + f.replacement + "\"");
        } else if (f.status == FindingStatus::kConflict) {
          out += ", overridden by " + f.conflict_with;
        } else if (f.applicability != Applicability::kReport) {
          out += ", proposed: " + (f.replacement.empty() ? std::string("delete") : "\"" + f.replacement + "\"");
        }
        out += "]\n";
      }
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    found += pr.result.findings.size();
    return true;
  });
  std::fflush(stdout);
  if (failures) return kExitInput;
  return found ? kExitFindings : kExitOk;
}

}  // namespace retouche::cli
