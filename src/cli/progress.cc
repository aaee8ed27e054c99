#include "cli/progress.h"

#include <cstdio>

namespace retouche::cli {

Progress::Progress(bool enabled, uint64_t total_raw_bytes)
    : enabled_(enabled), total_(total_raw_bytes), start_(std::chrono::steady_clock::now()), last_(start_) {}

void Progress::update(uint64_t documents, uint64_t raw_bytes, uint64_t bytes) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  double mb = static_cast<double>(bytes) / 1e6;
  char line[160];
  int n = std::snprintf(line, sizeof line, "\r%llu documents, %.1f MB, %.1f MB/s",
                        static_cast<unsigned long long>(documents), mb, seconds > 0 ? mb / seconds : 0.0);
  if (total_ > 0 && raw_bytes > 0 && raw_bytes <= total_ && seconds > 0) {
    double left = seconds * static_cast<double>(total_ - raw_bytes) / static_cast<double>(raw_bytes);
    auto secs = static_cast<unsigned long long>(left + 0.5);
    std::snprintf(line + n, sizeof line - static_cast<size_t>(n), ", %.0f%%, ETA %llu:%02llu:%02llu",
                  100.0 * static_cast<double>(raw_bytes) / static_cast<double>(total_), secs / 3600,
                  secs / 60 % 60, secs % 60);
  }
  std::fputs(line, stderr);
  std::fputs("\033[K", stderr);  // clear what a longer previous line left
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish() {
  if (!drawn_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace retouche::cli
