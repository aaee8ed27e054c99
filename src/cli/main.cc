// retouche — cleans French text damaged by web scraping and machine translation.
#include <malloc.h>

#include "cli/cli.h"

using namespace retouche::cli;

int main(int argc, char** argv) {
  // glibc raises its mmap threshold each time a big block is freed (start-up
  // frees some); the big buffers of a long document then come from the heap,
  // which keeps their peak after them: 17 MB more on an 8 MB row. A fixed
  // threshold (glibc's initial one) keeps memory a multiple of the document.
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
  Options o;
  int code = parse_command_line(argc, argv, &o);
  if (code != kGoOn) return code;
  if (o.command == "clean") return run_clean(o);
  if (o.command == "check") return run_check(o);
  if (o.command == "diff") return run_diff(o);
  if (o.command == "apply") return run_apply(o);
  if (o.command == "stats") return run_stats(o);
  if (o.command == "review") return run_review(o);
  print_error("unknown command '" + o.command + "'");
  return kExitUsage;
}
