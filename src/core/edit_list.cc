#include "retouche/edit_list.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace retouche {

void EditList::add(Edit edit, double confidence, int order, size_t id) {
  items_.push_back({std::move(edit), confidence, order, id});
}

bool EditList::conflict(const Edit& a, const Edit& b) {
  bool a_empty = a.begin == a.end, b_empty = b.begin == b.end;
  if (a_empty && b_empty) return a.begin == b.begin;
  if (a_empty) return b.begin < a.begin && a.begin < b.end;
  if (b_empty) return a.begin < b.begin && b.begin < a.end;
  return a.begin < b.end && b.begin < a.end;
}

EditList::Resolution EditList::resolve() const {
  std::vector<size_t> by_priority(items_.size());
  for (size_t i = 0; i < items_.size(); ++i) by_priority[i] = i;
  std::stable_sort(by_priority.begin(), by_priority.end(), [this](size_t x, size_t y) {
    const Item& a = items_[x];
    const Item& b = items_[y];
    if (a.confidence != b.confidence) return a.confidence > b.confidence;
    size_t la = a.edit.end - a.edit.begin, lb = b.edit.end - b.edit.begin;
    if (la != lb) return la > lb;
    if (a.order != b.order) return a.order < b.order;
    return a.edit.begin < b.edit.begin;
  });
  // Accepted edits keyed by begin. Those at or after a candidate's begin are
  // met walking forward, and the walk stops at the first conflict: at most
  // one accepted insertion sits at each point, so it passes O(1) edits that do
  // not conflict. Before the candidate's begin, only the last accepted
  // replacement can reach over it (accepted replacements never overlap, and
  // an insertion before the begin conflicts with nothing that starts there),
  // so replacements have a map of their own: O(log n) per candidate, however
  // many insertions were accepted.
  std::multimap<size_t, size_t> accepted;  // begin -> item index
  std::map<size_t, size_t> replacements;   // begin -> item index, non-empty edits only
  Resolution r;
  for (size_t idx : by_priority) {
    const Edit& e = items_[idx].edit;
    long winner = -1;
    for (auto jt = accepted.lower_bound(e.begin); jt != accepted.end() && jt->first <= e.end && winner < 0;
         ++jt) {
      if (conflict(e, items_[jt->second].edit)) winner = static_cast<long>(jt->second);
    }
    if (winner < 0) {
      auto jt = replacements.lower_bound(e.begin);
      if (jt != replacements.begin()) {
        --jt;
        if (conflict(e, items_[jt->second].edit)) winner = static_cast<long>(jt->second);
      }
    }
    if (winner >= 0) {
      r.conflicts.emplace_back(items_[idx].id, items_[static_cast<size_t>(winner)].id);
    } else {
      accepted.emplace(e.begin, idx);
      if (e.begin != e.end) replacements.emplace(e.begin, idx);
    }
  }
  std::vector<size_t> order;
  for (const auto& [begin, idx] : accepted) order.push_back(idx);
  std::stable_sort(order.begin(), order.end(), [this](size_t x, size_t y) {
    const Edit& a = items_[x].edit;
    const Edit& b = items_[y].edit;
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.end < b.end;  // an insertion goes before a replacement starting at the same point
  });
  for (size_t idx : order) r.accepted.push_back(items_[idx].id);
  return r;
}

std::vector<Edit> EditList::edits(const Resolution& r) const {
  std::unordered_map<size_t, size_t> by_id;
  for (size_t i = 0; i < items_.size(); ++i) by_id[items_[i].id] = i;
  std::vector<Edit> out;
  out.reserve(r.accepted.size());
  for (size_t id : r.accepted) out.push_back(items_[by_id.at(id)].edit);
  return out;
}

}  // namespace retouche
