#include "retouche/offset_map.h"

#include <algorithm>
#include <cassert>

namespace retouche {
namespace {
bool is_insertion(const OffsetMap::Segment& s) { return s.orig_begin == s.orig_end; }
bool is_deletion(const OffsetMap::Segment& s) { return s.cur_begin == s.cur_end; }
}  // namespace

// Positions between segments are copies: the offset to apply is the one after
// the previous segment.
size_t OffsetMap::to_original_begin(size_t cur) const {
  // Last segment starting at or before `cur`.
  auto it = std::upper_bound(segments_.begin(), segments_.end(), cur,
                             [](size_t c, const Segment& s) { return c < s.cur_begin; });
  if (it == segments_.begin()) return cur;
  const Segment& s = *std::prev(it);
  if (is_deletion(s) && cur == s.cur_begin) return s.orig_end;  // deletions are excluded
  if (cur < s.cur_end) return s.orig_begin;                      // at or inside a replaced region
  return s.orig_end + (cur - s.cur_end);                         // copy region after it
}

size_t OffsetMap::to_original_end(size_t cur) const {
  // First segment ending at or after `cur`.
  auto it = std::lower_bound(segments_.begin(), segments_.end(), cur,
                             [](const Segment& s, size_t c) { return s.cur_end < c; });
  if (it == segments_.end()) {
    if (segments_.empty()) return cur;
    const Segment& last = segments_.back();
    return last.orig_end + (cur - last.cur_end);
  }
  const Segment& s = *it;
  if (cur > s.cur_begin) return s.orig_end;        // inside or at the end of a replaced region
  return s.orig_begin - (s.cur_begin - cur);       // copy region before it (deletions excluded)
}

size_t OffsetMap::to_current_begin(size_t orig) const {
  auto it = std::lower_bound(segments_.begin(), segments_.end(), orig,
                             [](const Segment& s, size_t o) { return s.orig_end < o; });
  if (it == segments_.end()) {
    if (segments_.empty()) return orig;
    const Segment& last = segments_.back();
    return last.cur_end + (orig - last.orig_end);
  }
  const Segment& s = *it;
  if (orig < s.orig_begin) return s.cur_begin - (s.orig_begin - orig);
  if (orig == s.orig_end && s.orig_end > s.orig_begin) return s.cur_end;
  return s.cur_begin;
}

size_t OffsetMap::to_current_end(size_t orig) const {
  auto it = std::upper_bound(segments_.begin(), segments_.end(), orig,
                             [](size_t o, const Segment& s) { return o < s.orig_begin; });
  if (it == segments_.begin()) return orig;
  const Segment& s = *std::prev(it);
  if (orig > s.orig_end) return s.cur_end + (orig - s.orig_end);
  if (orig == s.orig_begin && s.orig_end > orig) return s.cur_begin;
  return s.cur_end;
}

std::pair<size_t, size_t> OffsetMap::widen(size_t begin, size_t end) const {
  bool changed = true;
  while (changed) {
    changed = false;
    // Segments whose current range could touch [begin, end].
    auto it = std::lower_bound(segments_.begin(), segments_.end(), begin,
                               [](const Segment& s, size_t b) { return s.cur_end < b; });
    for (; it != segments_.end() && it->cur_begin <= end; ++it) {
      const Segment& s = *it;
      if (is_deletion(s)) continue;  // nothing of it is in the current text
      bool overlaps = begin < s.cur_end && s.cur_begin < end;
      bool inside_empty = begin == end && s.cur_begin < begin && begin < s.cur_end;
      bool touches_insertion = is_insertion(s) && begin <= s.cur_end && s.cur_begin <= end;
      bool partial = overlaps && (begin > s.cur_begin || end < s.cur_end);
      if (partial || inside_empty || touches_insertion) {
        if (s.cur_begin < begin || s.cur_end > end) changed = true;
        begin = std::min(begin, s.cur_begin);
        end = std::max(end, s.cur_end);
      }
    }
  }
  return {begin, end};
}

void OffsetMap::compose(const std::vector<Edit>& edits) {
  if (edits.empty()) return;
  std::vector<Segment> out;
  out.reserve(segments_.size() + edits.size());
  auto push = [&out](Segment s) {
    if (s.orig_begin == s.orig_end && s.cur_begin == s.cur_end) return;
    if (!out.empty() && out.back().orig_end == s.orig_begin && out.back().cur_end == s.cur_begin) {
      out.back().orig_end = s.orig_end;
      out.back().cur_end = s.cur_end;
      return;
    }
    out.push_back(s);
  };
  // `shift` converts old current positions to new ones, edit by edit.
  long long shift = 0;
  size_t si = 0;
  for (const Edit& e : edits) {
    // Old segments entirely before this edit keep their place (shifted).
    while (si < segments_.size() &&
           (segments_[si].cur_end < e.begin ||
            (segments_[si].cur_end == e.begin &&
             (segments_[si].cur_begin < e.begin || is_deletion(segments_[si]))))) {
      Segment s = segments_[si++];
      s.cur_begin += shift;
      s.cur_end += shift;
      push(s);
    }
    Segment n;
    if (e.begin == e.end) {
      n.orig_begin = n.orig_end = to_original_begin(e.begin);
    } else {
      n.orig_begin = to_original_begin(e.begin);
      n.orig_end = to_original_end(e.end);
    }
    n.cur_begin = e.begin + shift;
    n.cur_end = n.cur_begin + e.text.size();
    // Old segments inside the edit (widen() guarantees whole ones) are absorbed by it.
    while (si < segments_.size() && segments_[si].cur_begin < e.end) ++si;
    push(n);
    shift += static_cast<long long>(e.text.size()) - static_cast<long long>(e.end - e.begin);
  }
  for (; si < segments_.size(); ++si) {
    Segment s = segments_[si];
    s.cur_begin += shift;
    s.cur_end += shift;
    push(s);
  }
  segments_ = std::move(out);
  cur_size_ = static_cast<size_t>(static_cast<long long>(cur_size_) + shift);
}

std::string apply_edits(std::string_view text, const std::vector<Edit>& edits) {
  std::string out;
  size_t grow = 0;
  for (const Edit& e : edits) grow += e.text.size();
  out.reserve(text.size() + grow);
  size_t pos = 0;
  for (const Edit& e : edits) {
    assert(e.begin >= pos && e.end >= e.begin && e.end <= text.size());
    out.append(text, pos, e.begin - pos);
    out.append(e.text);
    pos = e.end;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

}  // namespace retouche
