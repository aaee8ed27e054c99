// Line boundaries of a text, for line-level rules and for line:column in messages.
// A line ends with "\n", "\r\n" or a lone "\r" (old Mac files); the terminator
// is not part of the line's content but belongs to the line for deletion.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace retouche {

struct Line {
  size_t begin;        // first byte of the line
  size_t content_end;  // end of the content, before the terminator
  size_t end;          // after the terminator (== content_end on the last line without one)
};

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  size_t size() const { return lines_.size(); }
  const Line& operator[](size_t i) const { return lines_[i]; }
  const std::vector<Line>& lines() const { return lines_; }

  // 0-based index of the line containing byte `pos` (a terminator belongs to its line).
  size_t line_of(size_t pos) const;

 private:
  std::vector<Line> lines_;
};

}  // namespace retouche
