// What every libFuzzer target does with a check of checks.h: a violated
// invariant aborts (libFuzzer saves the input as crash-*), and the inputs
// that are not idempotent are only reported (see checks.h): each is saved
// under $RETOUCHE_FUZZ_REPORT_DIR/idempotency/ when that is set.
#pragma once

#include <sys/stat.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "checks.h"
#include "core/sha256.h"

namespace retouche::fuzz {

inline std::string_view as_bytes(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

inline void fail_on(const std::string& why, const char* target) {
  if (why.empty()) return;
  std::fprintf(stderr, "\nretouche fuzz %s: invariant violated: %s\n", target, why.c_str());
  std::abort();
}

inline void report_idempotency(std::string_view bytes) {
  std::string why = check_idempotent(bytes);
  if (why.empty()) return;
  static int reported = 0;
  if (reported++ < 20) std::fprintf(stderr, "\nretouche fuzz: not idempotent: %s\n", why.c_str());
  const char* dir = std::getenv("RETOUCHE_FUZZ_REPORT_DIR");
  if (!dir || !*dir) return;
  std::string sub = std::string(dir) + "/idempotency";
  ::mkdir(dir, 0755);
  ::mkdir(sub.c_str(), 0755);
  std::string path = sub + "/" + sha256_hex(bytes).substr(0, 16) + ".txt";
  if (FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(bytes.data(), 1, bytes.size(), f);
    std::fclose(f);
  }
}

}  // namespace retouche::fuzz
