// retouche/offset_map.h — positions in a derived text, traced back to the original.
//
// Every stage of the pipeline runs on the previous stage's output, but every
// finding must point at the user's original bytes. An OffsetMap records which
// regions of the original were replaced (and by what length of text) so that
// positions can be mapped both ways:
//
//   OffsetMap map(original.size());            // identity
//   map.compose(stage_edits);                  // after applying a stage's edits
//   size_t ob = map.to_original_begin(cur_b);  // a span [cur_b, cur_e) of the current text
//   size_t oe = map.to_original_end(cur_e);    // ...is [ob, oe) of the original
//
// Conventions, so that original spans replay exactly (`retouche apply`):
//  * a span that touches a pure deletion excludes it;
//  * a span that touches a pure insertion, or partly overlaps any replaced
//    region, must first be widened to contain it (widen()); the pipeline does
//    this before mapping, and extends the replacement text accordingly.
//  * an empty span (an insertion point) maps like a span begin.
//
// Thread-safety: const methods are safe to call concurrently.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace retouche {

// Replace bytes [begin, end) of some text with `text`.
struct Edit {
  size_t begin = 0;
  size_t end = 0;
  std::string text;
};

class OffsetMap {
 public:
  // A replaced region: original [orig_begin, orig_end) is current [cur_begin, cur_end).
  // Everything between segments is copied unchanged. Segments are sorted and
  // never contiguous (contiguous ones are merged).
  struct Segment {
    size_t orig_begin, orig_end, cur_begin, cur_end;
    bool operator==(const Segment&) const = default;
  };

  explicit OffsetMap(size_t original_size = 0) : orig_size_(original_size), cur_size_(original_size) {}

  size_t original_size() const { return orig_size_; }
  size_t current_size() const { return cur_size_; }
  const std::vector<Segment>& segments() const { return segments_; }
  bool identity() const { return segments_.empty(); }

  size_t to_original_begin(size_t cur) const;
  size_t to_original_end(size_t cur) const;
  size_t to_current_begin(size_t orig) const;
  size_t to_current_end(size_t orig) const;

  // The smallest span containing [begin, end) that contains or avoids every
  // replaced region (see the conventions above).
  std::pair<size_t, size_t> widen(size_t begin, size_t end) const;

  // Record that `edits` (sorted, non-overlapping, in current coordinates,
  // already widened) were applied to the current text.
  void compose(const std::vector<Edit>& edits);

 private:
  size_t orig_size_;
  size_t cur_size_;
  std::vector<Segment> segments_;
};

// Applies sorted, non-overlapping edits to `text` in one pass.
std::string apply_edits(std::string_view text, const std::vector<Edit>& edits);

}  // namespace retouche
