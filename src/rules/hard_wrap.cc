// joins.hard-wrap — a paragraph cut across lines at a fixed width is joined
// back into one line. Which breaks are wraps is decided once, in
// rules/paragraphs (shared with the boilerplate rule); lines the lines stage
// kept but reported are never merged.
#include <memory>

#include "core/utf8.h"
#include "pipeline/notes.h"
#include "pipeline/registry.h"
#include "pipeline/resources.h"
#include "pipeline/rule.h"
#include "rules/families.h"
#include "rules/line_patterns.h"
#include "rules/paragraphs.h"
#include "rules/word_knowledge.h"
#include "text/chars.h"

namespace retouche {
namespace {

class HardWrap : public Rule {
 public:
  explicit HardWrap(WordLists lists) : lists_(lists) {}

  std::vector<RuleInfo> infos() const override {
    return {{"joins.hard-wrap", Stage::kStructure, Applicability::kSafe,
             "a paragraph hard-wrapped at a fixed width joined back into one line; headings, "
             "lists and short lines are never merged"}};
  }

  void check(RuleContext& ctx) const override {
    std::string_view t = ctx.text();
    const LineIndex& lines = ctx.lines();
    size_t n = lines.size();
    if (n < 2) return;
    std::vector<bool> held(n, false);
    for (size_t i = 0; i < n; ++i) {
      held[i] = ctx.notes().line_held(ctx.map().to_original_begin(lines[i].begin),
                                      ctx.map().to_original_end(lines[i].content_end));
    }
    std::vector<bool> wrap = find_wraps(t, lines, held, *lists_.clause_openers);
    WordKnowledge wk(ctx.lexicon(), *ctx.resources().names, lists_);
    for (size_t i = 0; i + 1 < n; ++i) {
      if (!wrap[i]) continue;
      // Replace the line end (and the spaces around it) with one space.
      size_t b = lines[i].content_end, e = lines[i + 1].begin;
      std::string_view cur = t.substr(lines[i].begin, lines[i].content_end - lines[i].begin);
      std::string_view next = t.substr(lines[i + 1].begin, lines[i + 1].content_end - lines[i + 1].begin);
      size_t trailing = cur.size() - trim_right(cur).size();
      size_t leading = next.size() - trim_left(next).size();
      b -= trailing;
      e += leading;
      std::string joiner = " ";
      std::string_view left = trim_right(cur);
      // "inter-\nnational": a hyphen at the line end goes when the joined word is known.
      if (left.size() >= 2 && left.back() == '-' && text::is_letter(prev_cp(left, left.size() - 1))) {
        std::string_view right = trim_left(next);
        std::string_view lw = last_word(left.substr(0, left.size() - 1));
        std::string_view rw = first_word(right);
        joiner = "";
        if (!lw.empty() && !rw.empty() && text::is_lower(first_cp(rw)) &&
            wk.lexicon().known(std::string(lw) + std::string(rw)) &&
            !wk.lexicon().known(std::string(lw) + "-" + std::string(rw))) {
          b -= 1;  // drop the hyphen too
        }
      }
      ctx.propose(0, b, e, joiner, 0.95, "line " + std::to_string(i + 1) +
                                             " is hard-wrapped: the paragraph goes on in the next line");
    }
  }

 private:
  static std::string_view trim_right(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
  }
  static std::string_view trim_left(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    return s;
  }
  static char32_t prev_cp(std::string_view s, size_t i) { return utf8::decode_before(s, i); }
  static char32_t first_cp(std::string_view s) {
    size_t i = 0;
    return s.empty() ? 0 : utf8::decode(s, i);
  }
  static std::string_view last_word(std::string_view s) {
    size_t i = s.size();
    while (i > 0) {
      size_t j = i;
      if (!text::is_letter(utf8::decode_before(s, j))) break;
      i = j;
    }
    return s.substr(i);
  }
  static std::string_view first_word(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
      size_t j = i;
      if (!text::is_letter(utf8::decode(s, j))) break;
      i = j;
    }
    return s.substr(0, i);
  }

  WordLists lists_;
};

}  // namespace

void register_hard_wrap_rules(RuleRegistry& r) {
  r.add("joins.hard-wrap", [](const Resources& res, Status* st) -> std::unique_ptr<Rule> {
    WordLists lists;
    *st = lists.load(res);
    if (!st->ok()) return nullptr;
    return std::make_unique<HardWrap>(lists);
  });
}

}  // namespace retouche
