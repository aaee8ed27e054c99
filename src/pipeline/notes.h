// DocumentNotes: what one stage tells later stages about a document, in
// original coordinates (so it stays true while the text changes).
// Example: the lines stage keeps a doubtful line but reports it; the structure
// stage must then not merge it into a paragraph.
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace retouche {

class DocumentNotes {
 public:
  void clear() { held_lines_.clear(); }

  // A line (original byte span) that must stay a line of its own.
  void hold_line(size_t orig_begin, size_t orig_end) { held_lines_.emplace_back(orig_begin, orig_end); }
  bool line_held(size_t orig_begin, size_t orig_end) const {
    for (const auto& [b, e] : held_lines_) {
      if (b < orig_end && orig_begin < e) return true;
    }
    return false;
  }

 private:
  std::vector<std::pair<size_t, size_t>> held_lines_;
};

}  // namespace retouche
