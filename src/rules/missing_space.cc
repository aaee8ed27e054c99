// joins.missing-space — a space lost after a sentence end, a comma or a
// closing guillemet when scraped link text was glued back into the sentence:
// "pays.Il", "triste ».Mais", "»Handicap", "Cependant,une".
#include <array>
#include <memory>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "lexicon/lexicon.h"
#include "lexicon/name_table.h"
#include "pipeline/registry.h"
#include "pipeline/resources.h"
#include "pipeline/rule.h"
#include "rules/families.h"
#include "rules/join_helpers.h"
#include "text/chars.h"

namespace retouche {
namespace joins {
namespace {

char32_t cp_before(std::string_view s, size_t i) {
  if (i == 0) return 0;
  return utf8::decode_before(s, i);
}

// Is `pos` inside one of the sorted `spans`? `*first` is the first span that
// may still hold a position; asked about growing positions, the spans are
// walked once, not from the first for every position.
bool inside(const std::vector<std::pair<size_t, size_t>>& spans, size_t pos, size_t* first) {
  while (*first < spans.size() && spans[*first].second <= pos) ++*first;
  return *first < spans.size() && spans[*first].first <= pos;
}

// joins.missing-space: ".Mais", "».Mais", "»Handicap", "Cependant,une".
// The bytes after which the rule looks for a missing space: . , ! ? ; and
// the first byte of "»" (U+00BB is C2 BB).
constexpr std::array<bool, 256> kMayNeedSpaceAfter = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {'.', ',', '!', '?', ';'}) t[c] = true;
  t[0xC2] = true;
  return t;
}();

class MissingSpace : public Rule {
 public:
  std::vector<RuleInfo> infos() const override {
    return {{"joins.missing-space", Stage::kTokens, Applicability::kSafe,
             "a space missing after a sentence end, a comma or a closing guillemet "
             "('pays.Il', '».Mais', 'Cependant,une'); never in numbers, URLs or initials"}};
  }

  void check(RuleContext& ctx) const override {
    std::string_view t = ctx.text();
    const auto& prot = ctx.protected_spans();
    size_t next_span = 0;
    for (size_t i = 0; i < t.size(); ++i) {
      char c = t[i];
      if (!kMayNeedSpaceAfter[static_cast<unsigned char>(c)]) continue;  // most bytes: one load
      bool guillemet = c == '\xC2' && i + 1 < t.size() && t[i + 1] == '\xBB';  // »
      if (c == '\xC2' && !guillemet) continue;
      size_t after = i + (guillemet ? 2 : 1);
      if (after >= t.size() || inside(prot, i, &next_span)) continue;
      char32_t next = cp_at(t, after);
      char32_t prev = cp_before(t, i);
      if (guillemet) {
        // »X: a closing guillemet glued to the next word ("»Handicap").
        if (text::is_letter(next) && text::is_letter(cp_at(t, after + cp_len(t, after)))) {
          ctx.propose(0, after, after, " ", 0.9, "space missing after a closing guillemet");
        }
        continue;
      }
      char32_t second = cp_at(t, after + cp_len(t, after));
      // What follows is a word: two letters, an elided article ("l'église",
      // "C'est"), or a one-letter word ("à", "a") before a space.
      bool word_follows = text::is_letter(next) &&
                          (text::is_letter(second) || text::is_apostrophe(second) || second == ' ');
      if (c == ',') {
        // word,word — not 1,5 and not inside a code or list of letters.
        if (!word_follows || !(text::is_letter(prev) || prev == ')' || prev == U'»')) continue;
        if (second == ' ' && !(next == U'à' || next == 'a' || next == 'y')) continue;
        // "deny,allow", "{paranoid,server}": words French does not know on
        // either side are code or a foreign list, not a lost space.
        if (unknown_lowercase(ctx, word_before(t, i)) || unknown_lowercase(ctx, word_after(t, after))) continue;
        ctx.propose(0, after, after, " ", 0.93, "space missing after a comma");
        continue;
      }
      // Sentence end glued to the next sentence: "pays.Il", "».Mais", "Talancé.Les".
      if (!text::is_upper(next)) continue;
      if (!(text::is_lower(second) || text::is_apostrophe(second))) continue;  // "U.S.A", "S.A."
      if (c == '.' && !sentence_like_before(t, i)) continue;
      // "README.Debian", "index.Html": a word in capitals before the period
      // or a word French does not know after it is a file or a name.
      // A rare name may start the next sentence ("accueil.Abdelhakim") after a
      // French word, not after code ("index.Html").
      std::string_view left_word = word_before(t, i);
      if (c == '.' && all_capitals(left_word)) continue;
      if (!french_word(ctx, word_after(t, after)) &&
          !(french_word(ctx, left_word) && text::case_shape(left_word).all_lower)) {
        continue;
      }
      if (c == '.' && dotted_into_protected(t, after, prot)) continue;  // "Rapport.Final.docx"
      ctx.propose(0, after, after, " ", 0.95,
                  std::string("space missing after '") + c + "' before a new sentence");
    }
  }

 private:
  // The letters (and inner apostrophes of elisions) right before `i`, or after it.
  static std::string_view word_before(std::string_view t, size_t i) {
    size_t b = i;
    while (b > 0) {
      size_t j = b;
      if (!text::is_letter(utf8::decode_before(t, j))) break;
      b = j;
    }
    return t.substr(b, i - b);
  }
  static std::string_view word_after(std::string_view t, size_t i) {
    size_t e = i;
    while (e < t.size()) {
      size_t j = e;
      if (!text::is_letter(utf8::decode(t, j))) break;
      e = j;
    }
    return t.substr(i, e - i);
  }
  static bool all_capitals(std::string_view w) {
    text::CaseShape s = text::case_shape(w);
    return s.letters >= 2 && s.all_upper;
  }
  // Known to the French lexicon (as written, or in lowercase), or a name of the table.
  static bool french_word(RuleContext& ctx, std::string_view w) {
    if (w.empty()) return false;
    uint32_t f = ctx.lexicon().flags(w);
    if (f & (word::kKnown | word::kLowerKnown)) return true;
    return ctx.resources().names->is_correct(std::string(w));
  }

  // A lowercase word French does not know: code, or another language.
  static bool unknown_lowercase(RuleContext& ctx, std::string_view w) {
    return !w.empty() && text::case_shape(w).all_lower && !french_word(ctx, w);
  }

  static bool word_at_least(std::string_view t, size_t i, int n) {
    int k = 0;
    while (i < t.size() && k < n) {
      char32_t c = utf8::decode(t, i);
      if (!text::is_letter(c)) return false;
      ++k;
    }
    return k >= n;
  }
  // Does the text at `from` run, through words joined by periods and no
  // space, into a protected span? Then the period before `from` is part of
  // a file name or address ("Rapport.Final.docx"), whose protected part the
  // pattern found only from its last dot-free stem.
  static bool dotted_into_protected(std::string_view t, size_t from,
                                    const std::vector<std::pair<size_t, size_t>>& prot) {
    size_t i = from, first = 0;
    while (i < t.size()) {
      if (inside(prot, i, &first)) return true;
      size_t j = i;
      while (j < t.size()) {
        size_t k = j;
        char32_t c = utf8::decode(t, k);
        if (!(text::is_letter(c) || text::is_digit(c) || c == '_' || c == '-')) break;
        j = k;
      }
      if (j == i || j + 1 >= t.size() || t[j] != '.') return false;
      size_t k = j + 1;
      char32_t c = utf8::decode(t, k);
      if (!(text::is_letter(c) || text::is_digit(c))) return false;
      i = j + 1;
    }
    return false;
  }

  // What precedes a period must read as the end of a word of two letters or
  // more (not an initial "J." or an abbreviation chain "U.S."), or a closing
  // quote or bracket.
  static bool sentence_like_before(std::string_view t, size_t dot) {
    size_t i = dot;
    char32_t p = cp_before(t, i);
    if (p == U'»' || p == ')' || p == '"' || p == U'”') return true;
    int letters = 0;
    while (i > 0) {
      size_t j = i;
      char32_t c = utf8::decode_before(t, j);
      if (!text::is_letter(c)) {
        if (c == '.') return false;  // "U.S.A" chains
        break;
      }
      ++letters;
      i = j;
    }
    return letters >= 2;
  }
};

}  // namespace
}  // namespace joins

void register_missing_space_rules(RuleRegistry& r) {
  r.add("joins.missing-space",
        [](const Resources&, Status*) { return std::unique_ptr<Rule>(new joins::MissingSpace()); });
}

}  // namespace retouche
