// One JSONL corpus row: scanner and parser agree, and a cleaned row differs
// from its input only inside the text value (checks.h: json_row).
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  retouche::fuzz::fail_on(retouche::fuzz::check_json_row(retouche::fuzz::as_bytes(data, size)), "json_row");
  return 0;
}
