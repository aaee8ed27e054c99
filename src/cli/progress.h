// A one-line progress display on stderr for long corpus runs: documents,
// MB read, MB/s and, when the input size is known, the time left. Drawn only
// when stderr is a terminal, at most five times a second.
//
// Thread-safety: one thread (the writer) calls update() and finish().
#pragma once

#include <chrono>
#include <cstdint>

namespace retouche::cli {

class Progress {
 public:
  // `total_raw_bytes`: the size of the inputs on disk (0 when unknown, e.g. stdin).
  Progress(bool enabled, uint64_t total_raw_bytes);
  // `raw_bytes`: bytes of the input files consumed (compressed bytes for
  // compressed inputs); `bytes`: uncompressed bytes processed.
  void update(uint64_t documents, uint64_t raw_bytes, uint64_t bytes);
  void finish();  // erases the line

 private:
  bool enabled_;
  uint64_t total_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace retouche::cli
