// retouche diff: the proposed changes as a unified diff on stdout; exit 1
// when there are changes, 0 when none (as diff(1)).
#include <unistd.h>

#include <cstdio>
#include <set>

#include "cli/cli.h"
#include "cli/output_paths.h"
#include "cli/process.h"
#include "io/diff_writer.h"
#include "io/text_file.h"

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
  d.context = o.context;
  size_t failures = 0;
  std::vector<InputFile> inputs = gather_inputs(o, "", &failures);
  bool changes = false;
  std::set<std::string> apply_from;
  Status written;  // the first write error on stdout; nothing more is written after it
  failures += for_each_result(inputs, *p, [&](const Processed& pr) {
    if (!written.ok()) return false;
    std::string from;
    std::string name = pr.input.path == "-" ? "stdin" : patch_path(pr.input.path, &from);
    DiffOptions fd = d;
    fd.findings = &pr.result.findings;
    std::string diff = o.word_diff ? word_diff(pr.original, pr.result.clean_text, pr.result.map, name, fd)
                                   : unified_diff(pr.original, pr.result.clean_text, pr.result.map, name, fd);
    if (!diff.empty() && !from.empty()) apply_from.insert(from);
    changes |= !diff.empty();
    written = write_stdout(diff);
    return written.ok();
  });
  if (written.ok()) written = flush_stdout();
  if (!written.ok()) {
    print_error(written.message());
    return kExitInput;
  }
  for (const std::string& dir : apply_from) {
    print_error("note: files in " + dir + " are outside the current directory; their diffs apply from there "
                "(cd " + dir + " && patch -p1)");
  }
  if (failures) return kExitInput;
  return changes ? kExitFindings : kExitOk;
}

}  // namespace retouche::cli
