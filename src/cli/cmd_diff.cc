// retouche diff: the proposed changes as a unified diff on stdout.
#include <unistd.h>

#include <cstdio>

#include "cli/cli.h"
#include "cli/process.h"
#include "io/diff_writer.h"

namespace retouche::cli {

int run_diff(const Options& o) {
  int code = kExitOk;
  const Pipeline* p = make_pipeline(o, &code);
  if (!p) return code;
  if (o.list_rules) {
    print_rules(*p);
    return kExitOk;
  }
  if (o.inputs.empty()) {
    print_error("diff: no input given");
    return kExitUsage;
  }
  DiffOptions d;
  d.color = o.color == "always" || (o.color == "auto" && ::isatty(STDOUT_FILENO));
  size_t failures = for_each_result(o, *p, [&](const Processed& pr) {
    std::string name = pr.input.path == "-" ? "stdin" : pr.input.path;
    std::string diff = unified_diff(pr.original, pr.result.clean_text, pr.result.map, name, d);
    std::fwrite(diff.data(), 1, diff.size(), stdout);
    return true;
  });
  std::fflush(stdout);
  return failures ? kExitInput : kExitOk;
}

}  // namespace retouche::cli
