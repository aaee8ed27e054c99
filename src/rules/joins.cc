// joins.* — sentence and word boundaries lost when scraped link text was
// glued back into the sentence: "afghanCela", "la Chinecontinue",
// "triste ».Mais", "Cependant,une". Every split is decided by the lexicon
// and word lists (dictionaries/), never by a list of seed strings.
#include <algorithm>
#include <memory>
#include <vector>

#include "core/utf8.h"
#include "pipeline/registry.h"
#include "pipeline/resources.h"
#include "pipeline/rule.h"
#include "rules/families.h"
#include "rules/word_knowledge.h"
#include "text/chars.h"

namespace retouche {
namespace {

using text::Token;
using text::TokenKind;

char32_t cp_at(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  return utf8::decode(s, i);
}
char32_t cp_before(std::string_view s, size_t i) {
  if (i == 0) return 0;
  return utf8::decode_before(s, i);
}
size_t cp_len(std::string_view s, size_t i) {
  size_t j = i;
  utf8::decode(s, j);
  return j - i;
}
bool has_digit(std::string_view w) {
  for (char c : w) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}
size_t code_points(std::string_view w) { return utf8::count_code_points(w); }

bool inside(const std::vector<std::pair<size_t, size_t>>& spans, size_t pos) {
  for (const auto& [b, e] : spans) {
    if (b <= pos && pos < e) return true;
    if (b > pos) break;
  }
  return false;
}

// ---------------------------------------------------------------------------
// joins.missing-space: ".Mais", "».Mais", "»Handicap", "Cependant,une".
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
    for (size_t i = 0; i < t.size(); ++i) {
      char c = t[i];
      bool guillemet = t.compare(i, 2, "\xC2\xBB") == 0;  // »
      if (c != '.' && c != ',' && c != '!' && c != '?' && c != ';' && !guillemet) continue;
      size_t after = i + (guillemet ? 2 : 1);
      if (after >= t.size() || inside(prot, i)) continue;
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
        ctx.propose(0, after, after, " ", 0.93, "space missing after a comma");
        continue;
      }
      // Sentence end glued to the next sentence: "pays.Il", "».Mais", "Talancé.Les".
      if (!text::is_upper(next)) continue;
      if (!(text::is_lower(second) || text::is_apostrophe(second))) continue;  // "U.S.A", "S.A."
      if (c == '.' && !sentence_like_before(t, i)) continue;
      if (c == '.' && dotted_into_protected(t, after, prot)) continue;  // "Rapport.Final.docx"
      ctx.propose(0, after, after, " ", 0.95,
                  std::string("space missing after '") + c + "' before a new sentence");
    }
  }

 private:
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
    size_t i = from;
    while (i < t.size()) {
      if (inside(prot, i)) return true;
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

// ---------------------------------------------------------------------------
// joins.glued: two words glued at a lowercase->uppercase boundary.
class GluedCase : public Rule {
 public:
  explicit GluedCase(WordLists lists) : lists_(lists) {}

  std::vector<RuleInfo> infos() const override {
    return {{"joins.glued", Stage::kTokens, Applicability::kSafe,
             "two words glued at a lowercase/uppercase boundary ('afghanCela', 'laRépublique'); "
             "brands and CamelCase names (dictionaries/camelcase.txt) are never split"}};
  }

  void check(RuleContext& ctx) const override {
    std::string_view t = ctx.text();
    WordKnowledge wk(ctx.lexicon(), *ctx.resources().names, lists_);
    const auto& toks = ctx.tokens();
    size_t clause_start = 0;
    for (size_t ti = 0; ti < toks.size(); ++ti) {
      const Token& tok = toks[ti];
      if (tok.kind == TokenKind::kNewline) clause_start = ti + 1;
      if (tok.kind == TokenKind::kPunct) {
        std::string_view p = tok.text(t);
        if (p == "." || p == "!" || p == "?" || p == ";" || p == ":" || p == ",") clause_start = ti + 1;
      }
      if (tok.kind != TokenKind::kWord || tok.elision) continue;
      std::string_view w = tok.text(t);
      if (has_digit(w)) continue;
      Context context{clause_start, ti};
      // Boundaries inside the token.
      std::vector<size_t> cuts;
      size_t i = 0;
      char32_t prev = 0;
      while (i < w.size()) {
        size_t at = i;
        char32_t c = utf8::decode(w, i);
        if (text::is_upper(c) && text::is_lower(prev)) cuts.push_back(at);
        prev = c;
      }
      if (cuts.empty()) continue;
      if (wk.camelcase(w) || wk.known(w)) continue;
      if (code_points(w.substr(0, cuts[0])) < 2) continue;  // iPhone, eBay
      bool capital_start = text::is_upper(cp_at(w, 0));
      // Is the next word capitalised ("Les Aventures")?
      bool capitalised_next = false;
      const auto& toks = ctx.tokens();
      for (size_t j = static_cast<size_t>(&tok - toks.data()) + 1; j < toks.size(); ++j) {
        if (toks[j].kind == TokenKind::kSpace) continue;
        capitalised_next = toks[j].kind == TokenKind::kWord && text::is_upper(cp_at(toks[j].text(t), 0));
        break;
      }
      cuts.push_back(w.size());
      size_t seg_begin = 0;
      for (size_t k = 0; k + 1 < cuts.size(); ++k) {
        std::string_view left = w.substr(seg_begin, cuts[k] - seg_begin);
        std::string_view right = w.substr(cuts[k], cuts[k + 1] - cuts[k]);
        seg_begin = cuts[k];
        decide(ctx, wk, tok.begin + cuts[k], left, right, capital_start && k == 0,
               capitalised_next && k + 2 == cuts.size(), context);
      }
    }
  }

 private:
  // The last word of a hyphenated left part ("canadienne-française").
  static std::string_view last_part(std::string_view s) {
    size_t h = s.find_last_of('-');
    return h == std::string_view::npos ? s : s.substr(h + 1);
  }

  static bool plural(std::string_view w) { return w.ends_with("s") || w.ends_with("x"); }

  // Where the glued token sits: the first token of its clause, and itself.
  struct Context {
    size_t clause_start;
    size_t token;
  };

  static bool finite_verb(WordKnowledge& wk, std::string_view w) {
    if (text::is_upper(cp_at(w, 0))) return false;
    // "a", "est", "ont": auxiliaries are verbs whatever else the dictionary says they can be.
    static const char* kAuxiliaries[] = {"a", "ont", "est", "sont", "était", "étaient", "avait",
                                         "avaient", "sera", "seront", "serait", "aurait"};
    for (const char* aux : kAuxiliaries) {
      if (w == aux) return true;
    }
    uint32_t m = wk.morphology(w);
    return (m & word::kFiniteVerb) && !(m & word::kNoun);
  }

  // Does the clause before the token hold a conjugated verb? Then the glued
  // left word ended a sentence ("…l'éruption minoenne" + "René van der Linden
  // est…"); a clause without one is a fronted phrase, followed by a comma
  // ("Dans un entretien publié lundi" + ", Ramzan Kadyrov a plaidé").
  static bool clause_has_verb(RuleContext& ctx, WordKnowledge& wk, const Context& c) {
    std::string_view t = ctx.text();
    const auto& toks = ctx.tokens();
    for (size_t k = c.clause_start; k < c.token; ++k) {
      if (toks[k].kind == TokenKind::kWord && !toks[k].elision && finite_verb(wk, toks[k].text(t))) return true;
    }
    return false;
  }

  // Is the name followed, within four words, by a conjugated verb?
  static bool verb_follows(RuleContext& ctx, WordKnowledge& wk, const Context& c) {
    std::string_view t = ctx.text();
    const auto& toks = ctx.tokens();
    int words = 0;
    for (size_t k = c.token + 1; k < toks.size() && words < 4; ++k) {
      if (toks[k].kind == TokenKind::kPunct || toks[k].kind == TokenKind::kNewline) return false;
      if (toks[k].kind != TokenKind::kWord || toks[k].elision) continue;
      ++words;
      if (finite_verb(wk, toks[k].text(t))) return true;
    }
    return false;
  }

  void decide(RuleContext& ctx, WordKnowledge& wk, size_t at, std::string_view left,
              std::string_view right, bool camel_shape, bool capitalised_next,
              const Context& context) const {
    text::CaseShape rs = text::case_shape(right);
    if (rs.all_upper) return;  // "macOS", "pH", an acronym tail
    bool left_known = wk.known(left) || wk.known(last_part(left));
    // "Ce" is also Cerium's symbol for the dictionary: a grammar reading wins.
    bool right_name = wk.is_name(right) && !(wk.morphology(right) & word::kFunctionWord);
    std::string rl = WordKnowledge::lower(right);
    std::string msg = "\"" + std::string(left) + "\" and \"" + std::string(right) + "\" glued together";
    // 1. The right part starts a sentence ("Cela", "Les", "Mais"), unless it is
    // an article before a capitalised word: "GranowskyLes Aventures" is a title.
    if (wk.starter(right) && !right_name && rl.size() >= 2 && !(capitalised_next && wk.determiner(right))) {
      ctx.propose(0, at, at, ". ", left_known ? 0.92 : 0.8, msg + ": a sentence starts at \"" +
                                                              std::string(right) + "\"");
      return;
    }
    // "groupeEt Washington", "DonetskQue Moscou": a conjunction or relative
    // joins the two; a space and lowercase are right whether or not a
    // sentence ended there.
    if (rl == "et" || rl == "ou" || rl == "ni" || rl == "que" || rl == "qui" || rl == "dont") {
      if (code_points(left) >= 3) {
        ctx.propose(0, at, at + right.size(), " " + rl, 0.82, msg + ": a space is missing");
      }
      return;
    }
    if (!left_known) return;
    // A CamelCase word with a content tail ("BlackRock", "PlayStation") is a
    // brand or a name: left alone.
    if (camel_shape) return;
    bool right_known = wk.known(right) || right_name;
    if (!right_known) return;
    // 2. A grammar word glued to a name: "laRépublique", "deFrance".
    if (wk.opener(last_part(left)) || wk.function_word(last_part(left))) {
      ctx.propose(0, at, at, " ", 0.88, msg + ": a space is missing");
      return;
    }
    uint32_t m = wk.morphology(rl);
    bool noun = m & word::kNoun, adj = m & (word::kAdjective | word::kParticiple);
    // 3. An adjective capitalised by the link it came from: "stratégiqueIntégré"
    // (it agrees in number with the word before it; "premiersPompée" does not).
    if (adj && !noun && !right_name && plural(left) == plural(rl)) {
      ctx.propose(0, at, at + right.size(), " " + rl, 0.75,
                  msg + ": a space is missing and \"" + std::string(right) + "\" is not a name");
      return;
    }
    // 4. A verb or adverb starts a new sentence: "sexuelleSéparez", "jeuneEncore".
    if (!right_name && !noun && (m & (word::kAdverb | word::kFiniteVerb | word::kInfinitive))) {
      ctx.propose(0, at, at, ". ", 0.8, msg + ": a sentence starts at \"" + std::string(right) + "\"");
      return;
    }
    // 5. A name starting a clause with its verb: after a complete clause a
    // new sentence, after a fronted phrase a comma.
    if (right_name && !noun && verb_follows(ctx, wk, context)) {
      bool sentence = clause_has_verb(ctx, wk, context);
      ctx.propose(0, at, at, sentence ? ". " : ", ", 0.6,
                  msg + (sentence ? ": a sentence ends before \"" : ": a comma is missing before \"") +
                      std::string(right) + "\"");
      return;
    }
    // 6. A name or a noun: a period, a comma or a space? Only a reviewer knows.
    ctx.propose(0, at, at, ". ", 0.35,
                msg + ": a separator is missing (a period, a comma or a space)",
                Applicability::kSuggested);
  }

  WordLists lists_;
};

// ---------------------------------------------------------------------------
// joins.glued-words: a word unknown to the lexicon that is two known words
// without the space: "Chinecontinue", "Lillede", "fonctionnepar".
//
// Unknown words are mostly rare real words and names (Peterson, Lemaire,
// dramaturgiquement), so a split must be explained by one of these shapes:
//   a place/surname + a grammar word or verb   "Lillede", "Chinecontinue"
//   a word + a grammar word                    "fonctionnepar", "toutesles"
//   an auxiliary or subject + a verb           "estsitué", "quipublia"
//   a determiner + a noun or adjective         "unepartie", "sonorigine"
// and only when exactly one split has the best shape.
class GluedWords : public Rule {
 public:
  explicit GluedWords(WordLists lists) : lists_(lists) {}

  std::vector<RuleInfo> infos() const override {
    return {{"joins.glued-words", Stage::kTokens, Applicability::kSafe,
             "an unknown word that is two known words without the space ('Chinecontinue', "
             "'fonctionnepar', 'unepartie')"}};
  }

  void check(RuleContext& ctx) const override {
    std::string_view t = ctx.text();
    WordKnowledge wk(ctx.lexicon(), *ctx.resources().names, lists_);
    for (const Token& tok : ctx.tokens()) {
      if (tok.kind != TokenKind::kWord || tok.elision || tok.hyphenated) continue;
      std::string_view w = tok.text(t);
      size_t n = code_points(w);
      if (n < 5 || has_digit(w) || w.find('\'') != std::string_view::npos ||
          w.find("\xE2\x80\x99") != std::string_view::npos) {
        continue;
      }
      text::CaseShape shape = text::case_shape(w);
      if (shape.inner_upper || shape.all_upper) continue;  // joins.glued's business, or an acronym
      if (wk.known(w) || ctx.resources().names->find_variant(ascii_apostrophes(w))) continue;
      bool capital = shape.initial_upper;
      bool derived = wk.derived_ending(w);
      Following following = what_follows(ctx, t, &tok);
      std::string_view previous = word_before(ctx, t, &tok);
      // After a title or profession ("le professeur Pariset") or a first name
      // ("Louis Gardet") a capitalised word is a person's surname, and many
      // surnames begin with a place (Pariset, Gardet, Lyonnet).
      bool person_position = capital && !previous.empty() &&
                             (wk.person_noun(previous) ||
                              (text::is_upper(cp_at(previous, 0)) && wk.first_name(previous)));
      struct Split {
        size_t at;
        int score;  // 3 grammar word, 2 verb, 1 determiner + noun
      };
      std::vector<Split> splits;
      size_t pos = 0, k = 0;
      while (pos < w.size()) {
        pos += cp_len(w, pos);
        ++k;
        if (k < 2 || n - k < 2) continue;
        std::string_view left = w.substr(0, pos), right = w.substr(pos);
        bool part_of_name = capital && !previous.empty() &&
                            ctx.resources().names->is_correct(ascii_apostrophes(std::string(previous) + " " + std::string(left)));
        int score = capital ? score_capital(wk, left, right, n - k, following, part_of_name,
                                            person_position)
                            : score_lower(wk, left, right, k, n - k, derived);
        if (score > 0) splits.push_back({pos, score});
      }
      if (splits.empty()) continue;
      std::stable_sort(splits.begin(), splits.end(),
                       [](const Split& a, const Split& b) { return a.score > b.score; });
      if (splits.size() > 1 && splits[1].score == splits[0].score) continue;  // ambiguous
      const Split& best = splits[0];
      std::string left(w.substr(0, best.at)), right(w.substr(best.at));
      if (!plausible_next(wk, right, next_word(ctx, t, &tok))) continue;
      ctx.propose(0, tok.begin + best.at, tok.begin + best.at, " ", best.score == 3 ? 0.85 : 0.8,
                  "\"" + std::string(w) + "\" is not a word; \"" + left + "\" and \"" + right +
                      "\" glued together");
    }
  }

 private:
  // The word right before the token, after one space, or "".
  static std::string_view word_before(RuleContext& ctx, std::string_view t, const Token* tok) {
    const auto& toks = ctx.tokens();
    size_t i = static_cast<size_t>(tok - toks.data());
    if (i < 2 || toks[i - 1].kind != TokenKind::kSpace || toks[i - 2].kind != TokenKind::kWord) return "";
    return toks[i - 2].text(t);
  }

  // What comes right after the token: a word, punctuation, or nothing.
  struct Following {
    std::string_view word;  // empty unless a word follows after spaces
    bool punctuation = false;
  };
  static Following what_follows(RuleContext& ctx, std::string_view t, const Token* tok) {
    const auto& toks = ctx.tokens();
    size_t i = static_cast<size_t>(tok - toks.data()) + 1;
    Following f;
    if (i < toks.size() && toks[i].kind != TokenKind::kSpace) {
      f.punctuation = toks[i].kind == TokenKind::kPunct || toks[i].kind == TokenKind::kOther;
      return f;
    }
    while (i < toks.size() && toks[i].kind == TokenKind::kSpace) ++i;
    if (i < toks.size() && toks[i].kind == TokenKind::kWord) f.word = toks[i].text(t);
    return f;
  }

  // A capitalised unknown word: a place, organisation or person of the name
  // table (a curated, well-known name, not a first name: Peterson, Nielsen,
  // Machen are real names that merely end like a grammar word) followed by a
  // grammar word or a verb.
  static int score_capital(WordKnowledge& wk, std::string_view left, std::string_view right,
                           size_t right_len, const Following& next, bool part_of_name,
                           bool person_position) {
    if (wk.function_word(left)) return 0;
    // "Kazakhstanskaya Pravdaappelant": the word before and the left part
    // make a name of the table; a verb form (a participle too) follows it.
    if (part_of_name && right_len >= 6 && wk.lexicon().known(right) &&
        (wk.morphology(right) & (word::kFiniteVerb | word::kParticiple))) {
      return 2;
    }
    // Where a person's name stands, only a person's name can be glued to
    // the next word ("le président Zelenskyet").
    if (person_position && !person_name(wk, left)) return 0;
    // A common noun capitalised at a sentence start ("Archivesdes" is; a
    // name like "Programme" is not): four letters or more and a grammar
    // word of three letters or more (names end in -et and -de too often:
    // Bouhet, Feuillade).
    if (!wk.curated_name(left)) {
      std::string l = WordKnowledge::lower(left);
      bool common = code_points(left) >= 4 && wk.lexicon().known(l) &&
                    (wk.morphology(l) & word::kCommonReading) &&
                    !(wk.morphology(left) & word::kNameReading);
      return common && wk.glue_after_name(right) && right_len >= 3 ? 3 : 0;
    }
    // Only a curated name: the dictionary's names (Beck, Palma, Gram) end
    // real names too often (Becket, Palmade, Gramont).
    if (wk.glue_after_name(right)) return next.punctuation && right_len <= 2 ? 0 : 3;
    if (right_len >= 6 && wk.lexicon().known(right) &&
        (wk.morphology(right) & word::kFiniteVerb) && !(wk.morphology(right) & word::kNoun)) {
      return 2;
    }
    return 0;
  }

  static bool person_name(WordKnowledge& wk, std::string_view w) {
    if (const auto* entries = wk.names().find_correct(ascii_apostrophes(w))) {
      for (const NameEntry* e : *entries) {
        if (e->kind == NameKind::kPerson || e->kind == NameKind::kSurname) return true;
      }
    }
    return false;
  }

  static int score_lower(WordKnowledge& wk, std::string_view left, std::string_view right,
                         size_t left_len, size_t right_len, bool derived) {
    if (!wk.lexicon().known(left) || !wk.lexicon().known(right)) return 0;
    if (wk.prefix(left)) return 0;  // "postsecondaire", "surpantalon": compounds
    // "fonctionnepar", "peinturessur", "toutesles"
    if ((wk.function_word(right) || wk.glue_after_name(right)) && right_len >= 2 && left_len >= 4 &&
        !weak_ending(right)) {
      return 3;
    }
    if (derived) return 0;  // a rare derived word, not a glue
    uint32_t rm = wk.morphology(right);
    uint32_t lm = wk.morphology(left);
    // "dansquatre": a preposition that is not also a prefix (sur-, sous-, contre-)
    // before a word that can follow it (not a conjugated verb)
    if (wk.preposition_not_prefix(left) && right_len >= 3 && !(rm & word::kFiniteVerb)) return 2;
    // "estsitué", "étéatteint", "quipublia"
    if (wk.auxiliary(left) && right_len >= 3 && (rm & (word::kFiniteVerb | word::kParticiple | word::kInfinitive))) {
      return 2;
    }
    // "unepartie", "sonorigine", "deuxtravées"
    if (wk.determiner(left) && right_len >= 4 && (rm & (word::kNoun | word::kAdjective))) return 1;
    bool left_content = !(lm & word::kFunctionWord) && (lm & (word::kNoun | word::kAdjective)) && left_len >= 4;
    // "banquisepermet", "entretienpublié", "japonaisdatant"
    if (left_content && right_len >= 5 && (rm & (word::kFiniteVerb | word::kParticiple)) &&
        !(rm & word::kNoun)) {
      return 1;
    }
    // "appellationsusuelles", "banquierviennois": a noun and an adjective that agree in number
    if (left_content && (lm & word::kNoun) && right_len >= 5 && (rm & word::kAdjective) &&
        !(rm & word::kNoun) && plural(left) == plural(right)) {
      return 1;
    }
    return 0;
  }

  // The word after the token, or "" (punctuation, end of line).
  static std::string_view next_word(RuleContext& ctx, std::string_view t, const Token* tok) {
    const auto& toks = ctx.tokens();
    size_t i = static_cast<size_t>(tok - toks.data()) + 1;
    while (i < toks.size() && toks[i].kind == TokenKind::kSpace) ++i;
    if (i < toks.size() && toks[i].kind == TokenKind::kWord) return toks[i].text(t);
    return "";
  }

  // After a split, a determiner must be followed by a word that is not a
  // verb or a grammar word ("whistle est" is not "whist le est"), and "que"
  // or "qui" must be followed by a word ("soufique." is not "soufi que.").
  static bool plausible_next(WordKnowledge& wk, std::string_view right, std::string_view next) {
    if (wk.determiner(right)) {
      if (next.empty()) return false;
      uint32_t m = wk.morphology(next);
      if (wk.function_word(next) || ((m & word::kFiniteVerb) && !(m & (word::kNoun | word::kAdjective)))) {
        return false;
      }
    }
    if ((right == "que" || right == "qui") && next.empty()) return false;
    return true;
  }

  static bool plural(std::string_view w) { return w.ends_with("s") || w.ends_with("x"); }

  // Grammar words too short or too common at the end of real words to split on.
  static bool weak_ending(std::string_view w) {
    static const char* kWeak[] = {"on",  "se",  "me",  "te",  "ne",  "y",   "a",   "sa", "ta",
                                  "ma",  "son", "ton", "mon", "ce",  "tes", "mes", "ses", "nos",
                                  "vos"};
    for (const char* s : kWeak) {
      if (w == s) return true;
    }
    return false;
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

void register_joins_rules(RuleRegistry& r) {
  r.add("joins.missing-space", [](const Resources&, Status*) {
    return std::unique_ptr<Rule>(new MissingSpace());
  });
  r.add("joins.glued", with_lists<GluedCase>());
  r.add("joins.glued-words", with_lists<GluedWords>());
}

}  // namespace retouche
