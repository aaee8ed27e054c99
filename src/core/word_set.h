// WordSet: a word list of dictionaries/*.txt. Looked up by std::string_view
// without building a std::string (transparent hash and equality), so rules
// may ask about every token without a heap allocation.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace retouche {

struct WordSetHash {
  using is_transparent = void;
  // Not noexcept on purpose: libstdc++ then stores each entry's hash, as it
  // does for std::hash<std::string>, instead of hashing again every entry a
  // look-up walks past in its bucket.
  size_t operator()(std::string_view w) const { return std::hash<std::string_view>{}(w); }
};

using WordSet = std::unordered_set<std::string, WordSetHash, std::equal_to<>>;

}  // namespace retouche
