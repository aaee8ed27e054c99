// A project file, retouche.toml, as `--config` and the search upwards read
// it (checks.h: config).
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  retouche::fuzz::fail_on(retouche::fuzz::check_config(retouche::fuzz::as_bytes(data, size)), "config");
  return 0;
}
