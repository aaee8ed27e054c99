// Capitals in the wrong place: a sentence end lost before a capital
// ("abattu Nous ne disons" -> "abattu. Nous ne disons"), a capital left
// mid-sentence by a link ("officielle Du gouvernement" -> "du"), and headings
// in English title case ("Les Alliés De La Russie" -> "Les alliés de la Russie").
// The lexicon decides what is a name: a word the dictionary knows only as a
// common word, or the name table does not hold, is not a name.
#include <memory>
#include <vector>

#include "core/utf8.h"
#include "pipeline/registry.h"
#include "pipeline/resources.h"
#include "pipeline/rule.h"
#include "rules/families.h"
#include "rules/line_patterns.h"
#include "rules/word_knowledge.h"
#include "text/chars.h"

namespace retouche {
namespace {

using text::Token;
using text::TokenKind;

char32_t first_cp(std::string_view s) {
  size_t i = 0;
  return s.empty() ? 0 : utf8::decode(s, i);
}
size_t first_len(std::string_view s) {
  size_t i = 0;
  utf8::decode(s, i);
  return i;
}
std::string lower_first(std::string_view w) {
  std::string out;
  utf8::append(out, text::to_lower(first_cp(w)));
  out.append(w.substr(first_len(w)));
  return out;
}
bool is_horizontal_space(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t') return false;
  }
  return !s.empty();
}

// ---------------------------------------------------------------------------
class MidSentenceCapital : public Rule {
 public:
  explicit MidSentenceCapital(WordLists lists) : lists_(lists) {}

  std::vector<RuleInfo> infos() const override {
    return {{"joins.dropped-period", Stage::kTokens, Applicability::kSafe,
             "a sentence end lost before a capitalised sentence starter, after a complete "
             "clause ('abattu Nous ne disons' -> 'abattu. Nous ne disons')"},
            {"case.mid-sentence-capital", Stage::kTokens, Applicability::kSafe,
             "a grammar word or verb left capitalised inside a sentence by a lost link "
             "('officielle Du gouvernement' -> 'du'); names, nouns and titles keep their capitals"}};
  }

  // A capitalised word inside a sentence, found in a first pass.
  struct Candidate {
    size_t tok;          // index of W
    size_t prev;         // index of the word before it
    bool after_comma;
    size_t clause_start;
  };
  // What kind of word W is, for the decision.
  enum class Kind { kStarter, kGrammar, kInfinitive, kOther };

  void check(RuleContext& ctx) const override {
    std::string_view t = ctx.text();
    const auto& toks = ctx.tokens();
    WordKnowledge wk(ctx.lexicon(), *ctx.resources().names, lists_);
    std::vector<Candidate> found;
    size_t clause_start = 0;
    for (size_t i = 0; i < toks.size(); ++i) {
      const Token& tok = toks[i];
      if (tok.kind == TokenKind::kNewline) {
        clause_start = i + 1;
        continue;
      }
      if (tok.kind == TokenKind::kPunct || tok.kind == TokenKind::kOther) {
        std::string_view p = tok.text(t);
        if (p == "." || p == "!" || p == "?" || p == ";" || p == ":" || p == "«" || p == "…" ||
            p == "(" || p == ")" || p == "\"" || p == "“" || p == "”") {
          clause_start = i + 1;
        }
        continue;
      }
      if (tok.kind != TokenKind::kWord || tok.elision || i < 2) continue;  // "L'autre": left alone
      std::string_view w = tok.text(t);
      text::CaseShape shape = text::case_shape(w);
      if (!shape.initial_upper || shape.all_upper || shape.inner_upper) continue;
      if (toks[i - 1].kind != TokenKind::kSpace || !is_horizontal_space(toks[i - 1].text(t))) continue;
      size_t pi = i - 2;
      bool after_comma = false;
      if (toks[pi].kind == TokenKind::kPunct && toks[pi].text(t) == ",") {
        after_comma = true;
        if (pi < 2 || toks[pi - 1].kind != TokenKind::kWord) continue;
        --pi;
      }
      const Token& prev = toks[pi];
      if (prev.kind != TokenKind::kWord || prev.elision) continue;
      std::string_view p = prev.text(t);
      text::CaseShape ps = text::case_shape(p);
      if (ps.all_upper || wk.opener(p) || wk.determiner(p)) continue;  // "la Défense", "titre III"
      // A lowercase word the dictionary does not know is a foreign context
      // ("Aceites del Sur"); an unknown capitalised word is a name.
      if (!wk.known(p) && !ps.initial_upper) continue;
      // The word after W: a capitalised one makes W part of a name or title.
      const Token* next = nullptr;
      for (size_t j = i + 1; j < toks.size(); ++j) {
        if (toks[j].kind == TokenKind::kSpace) continue;
        next = &toks[j];
        break;
      }
      if (next && next->kind == TokenKind::kWord && text::is_upper(first_cp(next->text(t)))) continue;
      if (!common_word(wk, w)) continue;
      if (after_title_noun(wk, t, toks, clause_start, pi)) continue;  // "le film Chantons sous la pluie"
      found.push_back({i, pi, after_comma, clause_start});
    }
    // A document full of mid-sentence capitals (machine translation of linked
    // text) lets the rule lowercase more than a stray capital in clean prose.
    int strong = 0;
    for (const Candidate& c : found) {
      Kind k = kind(wk, toks[c.tok].text(t));
      strong += !c.after_comma && (k == Kind::kGrammar || k == Kind::kInfinitive);
    }
    bool garbled = strong >= 3;
    for (const Candidate& c : found) decide(ctx, wk, t, toks, c, garbled);
  }

 private:
  Kind kind(WordKnowledge& wk, std::string_view w) const {
    if (wk.starter(w)) return Kind::kStarter;
    uint32_t m = wk.morphology(WordKnowledge::lower(w));
    if (m & word::kFunctionWord) return Kind::kGrammar;
    if ((m & word::kInfinitive) && !(m & (word::kNoun | word::kAdjective))) return Kind::kInfinitive;
    return Kind::kOther;
  }

  void decide(RuleContext& ctx, WordKnowledge& wk, std::string_view t, const std::vector<Token>& toks,
              const Candidate& c, bool garbled) const {
    const Token& tok = toks[c.tok];
    const Token& prev = toks[c.prev];
    std::string_view w = tok.text(t), p = prev.text(t);
    Kind k = kind(wk, w);
    if (k == Kind::kOther) return;  // nouns and adjectives keep their capitals: titles, institutions
    std::string lw = WordKnowledge::lower(w);
    if (lw == "me" || lw == "te") return;  // "Me Dupont" (Maître), English "like Me"
    auto lowercase = [&](const char* why) {
      ctx.propose(1, tok.begin, tok.end, lower_first(w), 0.8, "\"" + std::string(w) + "\" " + why);
    };
    if (c.after_comma) {
      // "au-delà, Avec des conséquences"; in a garbled text also "islamique, Ils ont".
      if (k == Kind::kGrammar || (garbled && k == Kind::kStarter)) lowercase("capitalised after a comma");
      return;
    }
    bool p_upper = text::is_upper(first_cp(p));
    // A subject pronoun ("Il", "Nous") opens a sentence by itself; a
    // determiner or preposition only after a clause with a verb.
    bool subject = wk.morphology(lw) & word::kSubjectPronoun || lw == "ce" || lw == "cela" || lw == "on";
    // In a text full of link leftovers, a capitalised preposition ("joueurs
    // Pour renforcer", "relations Avec l'Arménie") is one more of them.
    bool preposition = wk.morphology(lw) & word::kPreposition;
    if (garbled && preposition) {
      lowercase("capitalised inside a sentence (a lost link?)");
      return;
    }
    if (k == Kind::kStarter && !(p_upper && wk.function_word(p)) &&
        (subject || clause_has_verb(ctx, wk, c.clause_start, c.prev))) {
      ctx.propose(0, prev.end, tok.begin, ". ", 0.85,
                  "a sentence seems to end after \"" + std::string(p) + "\": \"" + std::string(w) +
                      "\" starts the next one");
      return;
    }
    if (p_upper) return;  // "Francis De Taddeo": a name
    if (k == Kind::kGrammar || k == Kind::kInfinitive || (garbled && k == Kind::kStarter)) {
      lowercase("capitalised inside a sentence (a lost link?)");
    }
  }

  // Is one of the three words before W a noun that introduces a title?
  bool after_title_noun(WordKnowledge& wk, std::string_view t, const std::vector<Token>& toks,
                        size_t from, size_t prev) const {
    int seen = 0;
    for (size_t k = prev + 1; k-- > from && seen < 3;) {
      if (toks[k].kind != TokenKind::kWord) continue;
      ++seen;
      if (wk.work_noun(toks[k].text(t))) return true;
    }
    return false;
  }

 private:
  // A common word that is not a name: the dictionary knows its lowercase
  // form, and neither the name table nor the dictionary knows it as a name
  // (a grammar reading wins over a symbol such as "Ce" for cerium).
  static bool common_word(WordKnowledge& wk, std::string_view w) {
    if (wk.camelcase(w) || !wk.common_lower(w)) return false;
    if (wk.names().is_correct(ascii_apostrophes(w))) return false;
    uint32_t m = wk.morphology(w);
    if ((m & word::kNameReading) && !(m & word::kFunctionWord)) return false;
    return true;
  }

  // A capitalised previous word may end a sentence only if it is a name
  // ("Soweto Elle"); a capitalised grammar word may not.
  static bool p_upper_blocked(WordKnowledge& wk, std::string_view p, bool p_upper) {
    if (!p_upper) return false;
    return wk.function_word(p);
  }

  // Does the clause [from, to] hold a finite verb? Then it can end here.
  static bool clause_has_verb(RuleContext& ctx, WordKnowledge& wk, size_t from, size_t to) {
    std::string_view t = ctx.text();
    const auto& toks = ctx.tokens();
    int words = 0;
    for (size_t k = from; k <= to && k < toks.size(); ++k) {
      if (toks[k].kind != TokenKind::kWord || toks[k].elision) continue;
      ++words;
      std::string_view w = toks[k].text(t);
      if (text::is_upper(first_cp(w)) && k != from) continue;  // names are not verbs
      uint32_t m = wk.morphology(WordKnowledge::lower(w));
      if (m & word::kFiniteVerb) return words >= 2;
    }
    return false;
  }

  WordLists lists_;
};

// ---------------------------------------------------------------------------
// case.title-case-heading: "Les Alliés De La Russie Se Détournent Un À Un".
class TitleCaseHeading : public Rule {
 public:
  explicit TitleCaseHeading(WordLists lists) : lists_(lists) {}

  std::vector<RuleInfo> infos() const override {
    return {{"case.title-case-heading", Stage::kTokens, Applicability::kSafe,
             "a heading in English title case turned into French sentence case; names keep "
             "their capitals ('Les Alliés De La Russie' -> 'Les alliés de la Russie')"}};
  }

  void check(RuleContext& ctx) const override {
    std::string_view t = ctx.text();
    const auto& toks = ctx.tokens();
    WordKnowledge wk(ctx.lexicon(), *ctx.resources().names, lists_);
    size_t i = 0;
    while (i < toks.size()) {
      size_t j = i;
      while (j < toks.size() && toks[j].kind != TokenKind::kNewline) ++j;
      check_line(ctx, wk, t, toks, i, j);
      i = j + 1;
    }
  }

 private:
  static constexpr int kMaxHeadingWords = 20;

  void check_line(RuleContext& ctx, WordKnowledge& wk, std::string_view t,
                  const std::vector<Token>& toks, size_t from, size_t to) const {
    if (from >= to) return;
    std::string_view line = trim_line(t.substr(toks[from].begin, toks[to - 1].end - toks[from].begin));
    if (line.empty()) return;
    if (line.back() == '.' || line.back() == ',' || line.back() == ';') return;  // a sentence
    std::vector<size_t> words;
    for (size_t k = from; k < to; ++k) {
      if (toks[k].kind == TokenKind::kWord) words.push_back(k);
      if (toks[k].kind == TokenKind::kPunct) {
        std::string_view p = toks[k].text(t);
        if (p == "." && k + 1 < to) return;  // two sentences: not a heading
      }
    }
    if (words.size() < 3 || static_cast<int>(words.size()) > kMaxHeadingWords) return;
    // Capitalised words after the first, and among them common words.
    int later = 0, capitalised = 0, common_caps = 0;
    std::vector<size_t> fix;
    for (size_t n = 1; n < words.size(); ++n) {
      const Token& tok = toks[words[n]];
      std::string_view w = tok.text(t);
      text::CaseShape s = text::case_shape(w);
      if (s.letters == 0) continue;
      ++later;
      if (!s.initial_upper || s.all_upper || s.inner_upper) continue;
      ++capitalised;
      if (keeps_capital(wk, t, toks, words, n)) continue;
      ++common_caps;
      fix.push_back(words[n]);
    }
    if (later == 0 || common_caps < 2 || capitalised * 2 < later) return;
    for (size_t k : fix) {
      std::string_view w = toks[k].text(t);
      ctx.propose(0, toks[k].begin, toks[k].end, lower_first(w), 0.9,
                  "heading in English title case: \"" + std::string(w) + "\" is not a name");
    }
  }

  // Names keep their capital; so does a demonym used as a noun after a
  // determiner ("les Ukrainiens"), while the adjective loses it
  // ("avancées Ukrainiennes" -> "ukrainiennes").
  static bool keeps_capital(WordKnowledge& wk, std::string_view t, const std::vector<Token>& toks,
                            const std::vector<size_t>& words, size_t n) {
    std::string_view w = toks[words[n]].text(t);
    if (wk.camelcase(w)) return true;
    if (const auto* entries = wk.names().find_correct(ascii_apostrophes(w))) {
      bool demonym_only = true;
      for (const NameEntry* e : *entries) {
        demonym_only &= e->kind == NameKind::kDemonym || e->kind == NameKind::kAdjective;
      }
      if (!demonym_only) return true;
      std::string_view prev = toks[words[n - 1]].text(t);
      return wk.determiner(prev);
    }
    if (!wk.common_lower(w)) return true;  // unknown in lowercase: a name or a foreign word
    uint32_t m = wk.morphology(w);
    return (m & word::kNameReading) && !(m & word::kFunctionWord) &&
           !(wk.morphology(WordKnowledge::lower(w)) & word::kCommonReading);
  }

  WordLists lists_;
};

template <typename T>
RuleRegistry::Factory with_lists() {
  return [](const Resources& res, Status* st) -> std::unique_ptr<Rule> {
    WordLists lists;
    *st = lists.load(res);
    if (!st->ok()) return nullptr;
    return std::make_unique<T>(lists);
  };
}

}  // namespace

void register_casing_rules(RuleRegistry& r) {
  r.add("joins.dropped-period", with_lists<MidSentenceCapital>());
  r.add("case.title-case-heading", with_lists<TitleCaseHeading>());
}

}  // namespace retouche
