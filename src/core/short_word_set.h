// ShortWordSet: a word list asked about every word of every line (the
// function words that line_shape() counts). A word of at most 16 bytes is
// packed into two 64-bit integers and found in an open-addressing table: a
// look-up is two multiplies and a probe or two, not a string hash and a
// bucket walk. Longer words stay in a WordSet beside it.
//
//   ShortWordSet fr(*resources.word_list("function-words-fr"));
//   if (fr.contains("dans")) ...
//
// The answers are those of the WordSet it is built from.
// Thread-safety: immutable after construction.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/word_set.h"

namespace retouche {

class ShortWordSet {
 public:
  explicit ShortWordSet(const WordSet& words);
  bool contains(std::string_view w) const;

 private:
  static constexpr size_t kPacked = 16;
  struct Key {
    uint64_t a = 0, b = 0;
    uint32_t length = 0;  // 0: an empty slot (no listed word is empty)
  };
  static Key pack(std::string_view w);
  size_t slot(const Key& k) const;

  std::vector<Key> slots_;
  int shift_ = 64;
  WordSet longer_;
  bool has_empty_ = false;
};

}  // namespace retouche
