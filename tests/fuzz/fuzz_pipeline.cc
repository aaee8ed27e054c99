// The pipeline on arbitrary bytes, strict and --lossy (checks.h: pipeline),
// and the idempotency of cleaning (reported only).
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes = retouche::fuzz::as_bytes(data, size);
  retouche::fuzz::fail_on(retouche::fuzz::check_pipeline(bytes), "pipeline");
  retouche::fuzz::report_idempotency(bytes);
  return 0;
}
