// A line-stats file (`retouche stats` output) as `clean --line-stats` loads
// it (checks.h: line_stats).
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  retouche::fuzz::fail_on(retouche::fuzz::check_line_stats(retouche::fuzz::as_bytes(data, size)),
                          "line_stats");
  return 0;
}
