// What the joins token rules (missing_space.cc, glued_case.cc, glued_words*.cc)
// share: code-point access to a word and the factory of a rule that reads the
// word lists. Inline: they run on every word of the text.
#pragma once

#include <memory>
#include <string_view>

#include "core/utf8.h"
#include "pipeline/registry.h"
#include "pipeline/resources.h"
#include "pipeline/rule.h"
#include "rules/word_knowledge.h"

namespace retouche::joins {

inline char32_t cp_at(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  return utf8::decode(s, i);
}
inline size_t cp_len(std::string_view s, size_t i) {
  size_t j = i;
  utf8::decode(s, j);
  return j - i;
}
inline bool has_digit(std::string_view w) {
  for (char c : w) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}
inline size_t code_points(std::string_view w) { return utf8::count_code_points(w); }

inline bool plural(std::string_view w) { return w.ends_with("s") || w.ends_with("x"); }

// A factory for a rule built from the word lists of dictionaries/.
template <typename T>
RuleRegistry::Factory with_lists() {
  return [](const Resources& res, Status* st) -> std::unique_ptr<Rule> {
    WordLists lists;
    *st = lists.load(res);
    if (!st->ok()) return nullptr;
    return std::make_unique<T>(lists);
  };
}

}  // namespace retouche::joins
