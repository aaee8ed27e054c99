// retouche/edit_list.h — choosing a consistent set of edits for one stage.
//
// Rules of a stage propose edits independently, and two proposals may touch
// the same bytes. An EditList collects them and keeps a non-overlapping
// subset. The conflict rule, applied greedily:
//   1. higher confidence wins;
//   2. then the longer span;
//   3. then the rule registered first (lower `order`; stages run in order, so
//      an earlier stage always had its say before a later one saw the text);
//   4. then the earlier position.
// A losing proposal is not dropped: resolve() reports it with the winner, and
// the pipeline reports it as a finding with status "conflict".
//
// Two edits conflict when their spans overlap, when both insert at the same
// point, or when one inserts strictly inside the other. An insertion at the
// edge of a replacement does not conflict with it.
//
//   EditList list;
//   list.add({3, 5, "x"}, /*confidence=*/0.9, /*order=*/0, /*id=*/0);
//   list.add({4, 6, "y"}, 0.8, 1, 1);
//   auto r = list.resolve();   // r.accepted == {0}, r.conflicts == {{1, 0}}
//
// Thread-safety: not thread-safe; one per stage run.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "retouche/offset_map.h"

namespace retouche {

class EditList {
 public:
  struct Resolution {
    std::vector<size_t> accepted;                     // ids, sorted by position
    std::vector<std::pair<size_t, size_t>> conflicts;  // (loser id, winner id)
  };

  void add(Edit edit, double confidence, int order, size_t id);
  bool empty() const { return items_.empty(); }
  size_t size() const { return items_.size(); }

  Resolution resolve() const;

  // The accepted edits, in position order, ready for apply_edits().
  std::vector<Edit> edits(const Resolution& r) const;

  static bool conflict(const Edit& a, const Edit& b);

 private:
  struct Item {
    Edit edit;
    double confidence;
    int order;
    size_t id;
  };
  std::vector<Item> items_;
};

}  // namespace retouche
