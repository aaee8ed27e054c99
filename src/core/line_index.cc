#include "core/line_index.h"

#include <algorithm>
#include <cstring>

namespace retouche {

LineIndex::LineIndex(std::string_view text) {
  size_t n = text.size();
  size_t begin = 0;
  const char* data = text.data();
  while (begin < n) {
    // memchr for '\n' is fast; a lone '\r' before it also ends a line.
    const void* nl = std::memchr(data + begin, '\n', n - begin);
    size_t stop = nl ? static_cast<const char*>(nl) - data : n;
    const void* cr = std::memchr(data + begin, '\r', stop - begin);
    if (cr) {
      size_t c = static_cast<const char*>(cr) - data;
      if (c + 1 == stop && nl) {
        lines_.push_back({begin, c, stop + 1});  // "\r\n"
        begin = stop + 1;
      } else {
        lines_.push_back({begin, c, c + 1});  // lone "\r"
        begin = c + 1;
      }
      continue;
    }
    if (nl) {
      lines_.push_back({begin, stop, stop + 1});
      begin = stop + 1;
    } else {
      lines_.push_back({begin, n, n});
      begin = n;
    }
  }
}

size_t LineIndex::line_of(size_t pos) const {
  if (lines_.empty()) return 0;
  auto it = std::upper_bound(lines_.begin(), lines_.end(), pos,
                             [](size_t p, const Line& l) { return p < l.begin; });
  if (it == lines_.begin()) return 0;
  return static_cast<size_t>(std::prev(it) - lines_.begin());
}

}  // namespace retouche
