// A text, a NUL byte and a findings file: the findings reader, its writer,
// and replay as `retouche apply` runs it (checks.h: findings).
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  retouche::fuzz::fail_on(retouche::fuzz::check_findings(retouche::fuzz::as_bytes(data, size)), "findings");
  return 0;
}
