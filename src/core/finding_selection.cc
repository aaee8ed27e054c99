#include "core/finding_selection.h"

#include <algorithm>

#include "retouche/edit_list.h"

namespace retouche {
namespace {

// How specifically `selector` names `f`: 3 by id, 2 by rule, 1 by family, 0 not.
int match_level(const std::string& selector, const Finding& f) {
  if (f.id == selector) return 3;
  if (f.rule == selector) return 2;
  return rule_family(f.rule) == selector ? 1 : 0;
}

std::string describe(const Finding& f) {
  return (f.id.empty() ? std::string("(no id)") : f.id) + " (" + f.rule + " at line " +
         std::to_string(f.line) + ", column " + std::to_string(f.column) + ")";
}

// The applied findings of each stage, sorted by position.
std::vector<std::vector<const Finding*>> applied_by_stage(const std::vector<Finding>& findings) {
  std::vector<std::vector<const Finding*>> out(kStageCount);
  for (const Finding& f : findings) {
    if (f.status == FindingStatus::kApplied) out[static_cast<size_t>(f.stage)].push_back(&f);
  }
  for (auto& fs : out) {
    std::stable_sort(fs.begin(), fs.end(), [](const Finding* a, const Finding* b) {
      if (a->begin != b->begin) return a->begin < b->begin;
      return a->end < b->end;
    });
  }
  return out;
}

}  // namespace

Status apply_choices(const std::vector<std::string>& accept, const std::vector<std::string>& reject,
                     std::vector<Finding>* findings) {
  for (const std::string& a : accept) {
    if (std::find(reject.begin(), reject.end(), a) != reject.end()) {
      return UsageError(a + " is both accepted and rejected");
    }
  }
  for (const auto* list : {&accept, &reject}) {
    std::vector<std::string> unknown;
    for (const std::string& s : *list) {
      if (std::none_of(findings->begin(), findings->end(),
                       [&](const Finding& f) { return match_level(s, f) > 0; })) {
        unknown.push_back(s);
      }
    }
    if (!unknown.empty()) {
      std::string names;
      for (const std::string& u : unknown) names += (names.empty() ? "" : ", ") + u;
      return UsageError(std::string(list == &accept ? "--accept" : "--reject") +
                        ": no finding has the id, rule or family " + names);
    }
  }
  for (Finding& f : *findings) {
    int best = 0;
    for (const std::string& s : accept) {
      if (int l = match_level(s, f); l > best) best = l, f.status = FindingStatus::kApplied;
    }
    for (const std::string& s : reject) {
      if (int l = match_level(s, f); l > best) best = l, f.status = FindingStatus::kNotApplied;
    }
  }
  return Status::Ok();
}

Status check_overlaps(const std::vector<Finding>& findings) {
  for (const auto& fs : applied_by_stage(findings)) {
    // Sorted by begin: a finding can clash with the one just before it, or
    // with the earlier one that reaches furthest.
    const Finding* reach = nullptr;
    for (size_t i = 0; i < fs.size(); ++i) {
      Edit b{fs[i]->begin, fs[i]->end, fs[i]->replacement};
      for (const Finding* prev : {i > 0 ? fs[i - 1] : nullptr, reach}) {
        if (!prev) continue;
        Edit a{prev->begin, prev->end, prev->replacement};
        if (EditList::conflict(a, b) || a.end > b.begin) {
          return InputError("findings " + describe(*prev) + " and " + describe(*fs[i]) +
                            " overlap: accept only one of them (--reject " + fs[i]->id + ")");
        }
      }
      if (!reach || fs[i]->end > reach->end) reach = fs[i];
    }
  }
  return Status::Ok();
}

OffsetMap replay_map(size_t original_size, const std::vector<Finding>& findings) {
  OffsetMap map(original_size);
  for (const auto& fs : applied_by_stage(findings)) {
    if (fs.empty()) continue;
    std::vector<Edit> edits;
    for (const Finding* f : fs) {
      edits.push_back({map.to_current_begin(f->begin), map.to_current_end(f->end), f->replacement});
    }
    map.compose(edits);
  }
  return map;
}

}  // namespace retouche
