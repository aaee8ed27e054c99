#include "core/short_word_set.h"

#include <cstring>

namespace retouche {

ShortWordSet::Key ShortWordSet::pack(std::string_view w) {
  Key k;
  char bytes[kPacked] = {};
  std::memcpy(bytes, w.data(), w.size());
  std::memcpy(&k.a, bytes, 8);
  std::memcpy(&k.b, bytes + 8, 8);
  k.length = static_cast<uint32_t>(w.size());
  return k;
}

size_t ShortWordSet::slot(const Key& k) const {
  uint64_t h = (k.a * 0x9E3779B97F4A7C15ull) ^ ((k.b + k.length) * 0xC2B2AE3D27D4EB4Full);
  return static_cast<size_t>((h ^ (h >> 29)) * 0x9E3779B97F4A7C15ull >> shift_);
}

ShortWordSet::ShortWordSet(const WordSet& words) {
  size_t packed = 0;
  for (const std::string& w : words) packed += !w.empty() && w.size() <= kPacked;
  // At most a quarter full: a miss (most words asked) ends within a probe or two.
  size_t size = 4;
  shift_ = 62;
  while (size < packed * 4) size <<= 1, --shift_;
  slots_.assign(size, Key{});
  for (const std::string& w : words) {
    if (w.empty()) {
      has_empty_ = true;
      continue;
    }
    if (w.size() > kPacked) {
      longer_.insert(w);
      continue;
    }
    Key k = pack(w);
    size_t at = slot(k);
    while (slots_[at].length != 0 && !(slots_[at].a == k.a && slots_[at].b == k.b && slots_[at].length == k.length)) {
      at = (at + 1) & (slots_.size() - 1);
    }
    slots_[at] = k;
  }
}

bool ShortWordSet::contains(std::string_view w) const {
  if (w.empty()) return has_empty_;
  if (w.size() > kPacked) return !longer_.empty() && longer_.count(w) > 0;
  Key k = pack(w);
  for (size_t at = slot(k);; at = (at + 1) & (slots_.size() - 1)) {
    const Key& s = slots_[at];
    if (s.length == 0) return false;
    if (s.a == k.a && s.b == k.b && s.length == k.length) return true;
  }
}

}  // namespace retouche
