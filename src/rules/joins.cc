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

  // May a title start at an article glued to `left` ("GranowskyLes
  // Aventures", "filmLes Aventures")? Not when the left part is a common
  // word other than a work noun and one side of the glue has a verb, nor
  // when both sides have one.
  static bool title_after(RuleContext& ctx, WordKnowledge& wk, std::string_view left, bool camel_shape,
                          const Context& c) {
    bool before = clause_has_verb(ctx, wk, c);
    bool after = sentence_verb_after(ctx, wk, c.token);
    if (before && after) return false;
    return camel_shape || wk.work_noun(last_part(left)) || !(before || after);
  }

  // Does the sentence after the token hold a conjugated verb (names aside)?
  static bool sentence_verb_after(RuleContext& ctx, WordKnowledge& wk, size_t token) {
    std::string_view t = ctx.text();
    const auto& toks = ctx.tokens();
    for (size_t k = token + 1; k < toks.size(); ++k) {
      const Token& tok = toks[k];
      if (tok.kind == TokenKind::kNewline) return false;
      if (tok.kind == TokenKind::kPunct) {
        std::string_view p = tok.text(t);
        if (p == "." || p == "!" || p == "?" || p == ";" || p == ":") return false;
        continue;
      }
      if (tok.kind != TokenKind::kWord || tok.elision) continue;
      if (text::is_upper(cp_at(tok.text(t), 0))) continue;
      if (finite_verb_at(wk, t, toks, k)) return true;
    }
    return false;
  }

  // Is the name followed, within four words, by a conjugated verb of its
  // own (not one of a relative clause: "Kretschmer qui avait défini")?
  static bool verb_follows(RuleContext& ctx, WordKnowledge& wk, const Context& c) {
    std::string_view t = ctx.text();
    const auto& toks = ctx.tokens();
    int words = 0;
    for (size_t k = c.token + 1; k < toks.size() && words < 4; ++k) {
      if (toks[k].kind == TokenKind::kPunct || toks[k].kind == TokenKind::kNewline) return false;
      if (toks[k].kind != TokenKind::kWord || toks[k].elision) continue;
      ++words;
      std::string_view w = toks[k].text(t);
      if (subordinator(w)) return false;
      if (finite_verb(wk, w)) return true;
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
    // an article before a capitalised word after a name or a work noun: "le
    // film d'Alexis GranowskyLes Aventures" is a title. After another word
    // ("la queueLe Parlement européen a adopté"), or when both sides have
    // their verb, the article starts a sentence.
    if (wk.starter(right) && !right_name && rl.size() >= 2 &&
        !(capitalised_next && wk.determiner(right) && title_after(ctx, wk, left, camel_shape, context))) {
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
    bool right_known = wk.known(right) || right_name;
    // A capitalised word the lexicon does not know is a rare name.
    bool name_like = right_name || (!right_known && code_points(right) >= 3 && rs.initial_upper &&
                                    !rs.inner_upper && !wk.camelcase(right));
    // A CamelCase word with a content tail ("BlackRock", "PlayStation") is a
    // brand or a name: left alone, unless a person's name starts at the
    // capital: a first name, then a surname ("MatignonNicolas Sarkozy"; two
    // first names make one: "JeanPierre").
    if (camel_shape) {
      if (wk.first_name(right) && capitalised_next && code_points(left) >= 3 && !wk.first_name(left)) {
        separate_names(ctx, wk, at, msg, right, context);
      }
      return;
    }
    // 2. A grammar word glued to a name: "laRépublique", "deFrance",
    // "avecBeyoncé" (a rare name too: "dePouancey"; not "onClick").
    std::string_view lp = last_part(left);
    if (wk.opener(lp) || wk.function_word(lp)) {
      if (right_known || (name_like && lp != "on")) {
        ctx.propose(0, at, at, " ", 0.88, msg + ": a space is missing");
      }
      return;  // no sentence or clause ends with a grammar word
    }
    if (!right_known && !name_like) return;
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
    if (name_like && !noun) {
      // 5. A name starting a clause with its verb: after a sentence with its
      // own verb a new sentence, after a fronted phrase a comma.
      if (separate_names(ctx, wk, at, msg, right, context)) return;
      // 6. A name without a verb of its own after a conjugated verb: its
      // subject or object ("se féliciteBastien Duclaux", "emportaNenya sur un
      // navire"). Not after an infinitive: "userName" is code.
      uint32_t lm = wk.morphology(lp);
      if ((lm & word::kFiniteVerb) &&
          !(lm & (word::kNoun | word::kAdjective | word::kParticiple | word::kInfinitive |
                  word::kFunctionWord))) {
        ctx.propose(0, at, at, " ", 0.75, msg + ": a space is missing");
        return;
      }
    }
    // 7. A name or a noun: a period, a comma or a space? Only a reviewer
    // knows; a word the lexicon does not know may be code ("userName").
    if (!right_known) return;
    ctx.propose(0, at, at, ". ", 0.35,
                msg + ": a separator is missing (a period, a comma or a space)",
                Applicability::kSuggested);
  }

  // A name glued after a word, starting a clause with its verb ("...a dû
  // être dérouté en raison des conditions météorologiquesStéphanos s'était
  // opposé"): after a sentence that has its own verb, a new sentence; after
  // a fronted phrase without one ("Selon un dernier sondage
  // OpinionwayFrançois Hollande conforte"), a comma. With no verb after the
  // name, nothing tells them apart.
  static bool separate_names(RuleContext& ctx, WordKnowledge& wk, size_t at, const std::string& msg,
                             std::string_view right, const Context& context) {
    if (!verb_follows(ctx, wk, context)) return false;
    bool sentence = main_verb_before(ctx, wk, context.token);
    ctx.propose(0, at, at, sentence ? ". " : ", ", 0.6,
                msg + (sentence ? ": a sentence ends before \"" : ": a comma is missing before \"") +
                    std::string(right) + "\"");
    return true;
  }

  // Does the sentence before the token hold a verb of its main clause? The
  // sentence starts after a sentence end (not an abbreviation: "av. J.-C.")
  // or a line break; verbs of a relative or subordinate clause ("Après une
  // invasion qui n'a rencontré que peu de résistance") do not count, up to
  // the comma that closes it.
  static bool main_verb_before(RuleContext& ctx, WordKnowledge& wk, size_t token) {
    std::string_view t = ctx.text();
    const auto& toks = ctx.tokens();
    size_t start = 0;
    for (size_t k = token; k-- > 0;) {
      const Token& tok = toks[k];
      if (tok.kind == TokenKind::kNewline) {
        start = k + 1;
        break;
      }
      // Another glued sentence start: "fuselageEn tant que ville".
      if (tok.kind == TokenKind::kWord && glued_sentence_start(wk, tok.text(t))) {
        start = k;
        break;
      }
      if (tok.kind != TokenKind::kPunct) continue;
      std::string_view p = tok.text(t);
      if (p == "!" || p == "?" || p == ";" || p == ":" || (p == "." && !abbreviation_before(t, toks, k))) {
        start = k + 1;
        break;
      }
    }
    bool subordinate = false;
    for (size_t k = start; k < token; ++k) {
      const Token& tok = toks[k];
      if (tok.kind == TokenKind::kPunct && tok.text(t) == ",") subordinate = false;
      if (tok.kind != TokenKind::kWord) continue;
      std::string_view w = tok.text(t);
      if (subordinator(w)) {
        subordinate = true;
        continue;
      }
      if (tok.elision || subordinate || text::is_upper(cp_at(w, 0))) continue;
      if (finite_verb(wk, w)) return true;
    }
    return false;
  }

  // A word with a sentence starter glued after a lowercase letter ("fuselageEn").
  static bool glued_sentence_start(WordKnowledge& wk, std::string_view w) {
    size_t i = 0;
    char32_t prev = 0;
    while (i < w.size()) {
      size_t at = i;
      char32_t c = utf8::decode(w, i);
      if (text::is_upper(c) && text::is_lower(prev)) return wk.starter(w.substr(at));
      prev = c;
    }
    return false;
  }

  // Is the period at token `k` the end of an abbreviation: after one or two
  // letters ("av.", "J.-C.", "M.")?
  static bool abbreviation_before(std::string_view t, const std::vector<Token>& toks, size_t k) {
    if (k == 0 || toks[k - 1].kind != TokenKind::kWord) return false;
    return code_points(toks[k - 1].text(t)) <= 2;
  }

  static bool subordinator(std::string_view w) {
    static const char* kWords[] = {"qui",   "que",     "qu'",   "qu\xE2\x80\x99", "où",     "dont",
                                   "lorsque", "lorsqu'", "quand", "si",              "puisque", "comme"};
    for (const char* s : kWords) {
      if (w == s) return true;
    }
    return false;
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
// or by the sentence around it, whatever the left part (a rare name):
//   the clause has no verb but the glued one    "Christine Cochetest une actrice"
//   a date or a year follows                    "Toulousele 20 septembre", "Sélestaten 1935"
//   a word no name ends with                    "Parisoù", "Margareeavant de"
//   an institution after its article           "la Chambredes députés", "le Parlementeuropéen"
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
    const auto& toks = ctx.tokens();
    for (size_t ti = 0; ti < toks.size(); ++ti) {
      const Token& tok = toks[ti];
      if (tok.kind != TokenKind::kWord || tok.elision || tok.hyphenated) continue;
      std::string_view w = tok.text(t);
      size_t n = code_points(w);
      if (n < 5 || has_digit(w) || w.find('\'') != std::string_view::npos ||
          w.find("\xE2\x80\x99") != std::string_view::npos) {
        continue;
      }
      text::CaseShape shape = text::case_shape(w);
      if (shape.inner_upper || shape.all_upper) continue;  // joins.glued's business, or an acronym
      if (wk.known(w) || ctx.resources().names->find_variant(w)) continue;  // no apostrophe in `w`
      bool capital = shape.initial_upper;
      bool derived = !capital && wk.derived_ending(w);
      Surroundings env = surroundings(ctx, t, ti);
      std::string_view previous = env.previous;
      // After a title or profession ("le professeur Pariset") or a first name
      // ("Louis Gardet") a capitalised word is a person's surname, and many
      // surnames begin with a place (Pariset, Gardet, Lyonnet).
      bool person_position = capital && !previous.empty() &&
                             (wk.person_noun(previous) ||
                              (text::is_upper(cp_at(previous, 0)) && wk.first_name(previous)));
      // What the sentence around a capitalised word allows, asked once per
      // word and only when a split needs it.
      Evidence ev;
      if (capital) {
        ev.previous_starts_name = !previous.empty() && wk.names().starts_multiword(previous);
        ev.article_before = !previous.empty() && article(previous);
      }
      Split best{0, 0, 0}, second{0, 0, 0};
      size_t pos = 0, k = 0;
      while (pos < w.size()) {
        pos += cp_len(w, pos);
        ++k;
        if (k < 2 || n - k < 2) continue;
        std::string_view left = w.substr(0, pos), right = w.substr(pos);
        Split s{pos, 0, 0};
        if (capital) {
          s.score = score_capital(wk, left, right, n - k, env, ev, person_position);
          // Evidence from the sentence: weighs whatever the left part is.
          if (k >= 3) {
            int rank = 0;
            if (sentence_evidence(ctx, wk, env, ev, ti, left, right, n - k, &rank)) {
              s.score = 4;
              s.rank = rank;
            }
          }
        } else {
          s.score = score_lower(wk, left, right, k, n - k, derived, env);
          // "ontété": the auxiliary "ont" before "été", rather than "on" before "tété".
          if (s.score == 2 && (wk.morphology(left) & word::kFiniteVerb)) s.rank = 1;
        }
        if (s.score == 0) continue;
        if (s.score > best.score || (s.score == best.score && s.rank > best.rank)) {
          second = best;
          best = s;
        } else if (s.score > second.score || (s.score == second.score && s.rank > second.rank)) {
          second = s;
        }
      }
      if (best.score == 0) continue;
      if (second.score == best.score && second.rank == best.rank) continue;  // ambiguous
      std::string_view left = w.substr(0, best.at), right = w.substr(best.at);
      // A date after an article: "Toulousele 20 septembre".
      bool date = best.score == 4 && !env.next.number.empty();
      if (!date && !plausible_next(wk, right, env.next.word)) continue;
      // Among words French does not know, a lowercase word is foreign too
      // ("Kritik der reinen Vernunft", "Verbum Domini nostris Lucerna").
      if (!capital && foreign_context(ctx, wk, t, ti)) continue;
      ctx.propose(0, tok.begin + best.at, tok.begin + best.at, " ", best.score >= 3 ? 0.85 : 0.8,
                  "\"" + std::string(w) + "\" is not a word; \"" + std::string(left) + "\" and \"" +
                      std::string(right) + "\" glued together");
    }
  }

 private:
  // Facts about the sentence around a capitalised word, for all its splits:
  // -1 until asked.
  struct Evidence {
    bool previous_starts_name = false;  // the word before may begin a name of several words
    bool article_before = false;        // the word before is an article
    int verb_wanted = -1;  // a verb fits after the word and its clause has none
  };

  struct Split {
    size_t at;
    int score;  // 4 sentence evidence, 3 grammar word, 2 verb, 1 determiner + noun
    int rank;   // breaks ties between splits of score 4
  };

  // Are two of the four words around the token (two before, two after,
  // capitalised ones too) unknown to the lexicon?
  static bool foreign_context(RuleContext& ctx, WordKnowledge& wk, std::string_view t, size_t ti) {
    const auto& toks = ctx.tokens();
    int unknown = 0;
    auto count = [&](size_t k) {
      if (toks[k].kind != TokenKind::kWord || toks[k].elision) return;
      std::string_view w = toks[k].text(t);
      if (!has_digit(w) && !wk.known(w) && !wk.known(WordKnowledge::lower(w))) ++unknown;
    };
    int words = 0;
    for (size_t k = ti; k-- > 0 && words < 2;) {
      if (toks[k].kind == TokenKind::kNewline) break;
      if (toks[k].kind == TokenKind::kWord) ++words, count(k);
    }
    words = 0;
    for (size_t k = ti + 1; k < toks.size() && words < 2; ++k) {
      if (toks[k].kind == TokenKind::kNewline) break;
      if (toks[k].kind == TokenKind::kWord) ++words, count(k);
    }
    return unknown >= 2;
  }

  // What comes right after the token.
  struct Following {
    std::string_view word;    // a word after spaces (an elided one too: "l'"), or ""
    std::string_view number;  // or a number
    std::string_view then;    // the word after that word or number, or ""
    size_t index = 0;         // the token of `word` or `number`
    bool punctuation = false; // punctuation right after the token
  };
  // The token's neighbours.
  struct Surroundings {
    std::string_view previous;  // the word before, after one space, or an elided word ("l'")
    Following next;
  };

  static Surroundings surroundings(RuleContext& ctx, std::string_view t, size_t ti) {
    const auto& toks = ctx.tokens();
    Surroundings s;
    if (ti >= 1 && toks[ti - 1].kind == TokenKind::kWord && toks[ti - 1].elision) {
      s.previous = toks[ti - 1].text(t);
    } else if (ti >= 2 && toks[ti - 1].kind == TokenKind::kSpace && toks[ti - 2].kind == TokenKind::kWord) {
      s.previous = toks[ti - 2].text(t);
    }
    size_t i = ti + 1;
    Following& f = s.next;
    if (i < toks.size() && toks[i].kind != TokenKind::kSpace) {
      f.punctuation = toks[i].kind == TokenKind::kPunct || toks[i].kind == TokenKind::kOther;
      return s;
    }
    while (i < toks.size() && toks[i].kind == TokenKind::kSpace) ++i;
    if (i >= toks.size()) return s;
    f.index = i;
    if (toks[i].kind == TokenKind::kWord) {
      f.word = toks[i].text(t);
    } else if (toks[i].kind == TokenKind::kNumber) {
      f.number = toks[i].text(t);
    } else {
      return s;
    }
    size_t j = i + 1;
    if (toks[i].kind == TokenKind::kWord && toks[i].elision) {
      // "l'orgue": the word after is the elided word's host.
    } else {
      if (j >= toks.size() || toks[j].kind != TokenKind::kSpace) return s;
      while (j < toks.size() && toks[j].kind == TokenKind::kSpace) ++j;
    }
    if (j < toks.size() && toks[j].kind == TokenKind::kWord) f.then = toks[j].text(t);
    return s;
  }

  // A capitalised unknown word: a place, organisation or person of the name
  // table (a curated, well-known name, not a first name: Peterson, Nielsen,
  // Machen are real names that merely end like a grammar word) followed by a
  // grammar word or a verb.
  static int score_capital(WordKnowledge& wk, std::string_view left, std::string_view right,
                           size_t right_len, const Surroundings& env, const Evidence& ev,
                           bool person_position) {
    if (left.size() <= kLongestGrammarWord) {
      const WordLists& lists = wk.lists();
      std::string ll;
      text::lower_into(left, ll);
      // A sentence that starts with a determiner or preposition of four
      // letters or more ("Certainscourtiers", "Notrepassage", "Parmices");
      // the short ones begin surnames (Dupont, Lebrun, Sonnier).
      bool determiner = WordKnowledge::in(lists.determiners, ll);
      if (determiner || WordKnowledge::preposition_not_prefix_lc(ll)) {
        if (code_points(left) < 4 || right_len < 3 || WordKnowledge::in(lists.prefixes, ll) ||
            !wk.lexicon().known(right)) {
          return 0;
        }
        uint32_t rm = wk.morphology(right);
        if (determiner) return right_len >= 4 && (rm & (word::kNoun | word::kAdjective)) ? 2 : 0;
        return !(rm & word::kFiniteVerb) ? 2 : 0;
      }
      if (WordKnowledge::in(lists.function_words, ll)) return 0;
    }
    // "Kazakhstanskaya Pravdaappelant": the word before and the left part
    // make a name of the table; a verb form (a participle too) follows it.
    if (right_len >= 6 && ev.previous_starts_name && part_of_name(wk, env.previous, left) &&
        wk.lexicon().known(right) && (wk.morphology(right) & (word::kFiniteVerb | word::kParticiple))) {
      return 2;
    }
    // Where a person's name stands, only a person's name can be glued to
    // the next word ("le président Zelenskyet").
    if (person_position && !person_name(wk, left)) return 0;
    // A common noun capitalised at a sentence start ("Archivesdes" is; a
    // name like "Programme" is not): four letters or more and a grammar
    // word of three letters or more (names end in -et and -de too often:
    // Bouhet, Feuillade).
    if (!curated_name(wk, left)) {
      if (right_len < 3 || !WordKnowledge::in(wk.lists().glue_after_name, right) || code_points(left) < 4) {
        return 0;
      }
      std::string l = WordKnowledge::lower(left);
      bool common = wk.lexicon().known(l) && (wk.morphology(l) & word::kCommonReading) &&
                    !(wk.morphology(left) & word::kNameReading);
      return common ? 3 : 0;
    }
    // Only a curated name: the dictionary's names (Beck, Palma, Gram) end
    // real names too often (Becket, Palmade, Gramont).
    if (wk.glue_after_name(right)) return env.next.punctuation && right_len <= 2 ? 0 : 3;
    if (right_len >= 6 && wk.lexicon().known(right) &&
        (wk.morphology(right) & word::kFiniteVerb) && !(wk.morphology(right) & word::kNoun)) {
      return 2;
    }
    return 0;
  }

  static constexpr size_t kLongestGrammarWord = 12;  // bytes: "aujourd'hui", "lorsque"

  // WordKnowledge::curated_name without a copy of the word (the token has
  // no typographic apostrophe).
  static bool curated_name(WordKnowledge& wk, std::string_view w) {
    if (const auto* entries = wk.names().find_correct(w)) {
      for (const NameEntry* e : *entries) {
        if (e->kind != NameKind::kFirstName && e->kind != NameKind::kAdjective) return true;
      }
    }
    return false;
  }

  static bool part_of_name(WordKnowledge& wk, std::string_view previous, std::string_view left) {
    return wk.names().is_correct(ascii_apostrophes(std::string(previous) + " " + std::string(left)));
  }

  // Evidence from the sentence that `right` is a word of its own after a
  // capitalised `left` of three letters or more, known or not (most glued
  // names are rare ones). `rank` prefers, among several such splits, a
  // left part the lexicon knows, then the longer right part.
  bool sentence_evidence(RuleContext& ctx, WordKnowledge& wk, const Surroundings& env, Evidence& ev,
                         size_t ti, std::string_view left, std::string_view right, size_t right_len,
                         int* rank) const {
    const Following& next = env.next;
    if (next.word.empty() && next.number.empty()) return false;  // nothing for it to govern
    bool evidence = false;
    if (right == "où") {
      // No name ends with "où": "Parisoù il vivait".
      evidence = !next.word.empty();
    } else if (right == "le") {
      // A date follows: "Toulousele 20 septembre".
      evidence = day_of_month(next.number) && month(next.then);
    } else if (right == "en") {
      // A year, a month or a country follows: "Sélestaten 1935", "Nógráden Hongrie".
      evidence = year(next.number) || month(next.word) || place(wk, next.word);
    } else if (right == "et") {
      evidence = coordination(ctx, wk, env, ti, left);
    } else if ((right == "de" || right == "du") && wk.first_name(left) && capitalised(next.word)) {
      // A first name, then a surname with its particle: "Georgesde Traz".
      evidence = true;
    } else if (right_len >= 4 && long_grammar_word(right)) {
      // A preposition or conjunction names do not end with ("Franklindans",
      // "Margareeavant de"); a short one needs a left part the lexicon knows.
      evidence = fits_after_grammar_word(wk, next) && (right_len >= 5 || wk.known(left));
    } else if (right_len >= 3 && verb_wanted(ctx, wk, next, ev, ti) && verb_form(wk, right, right_len)) {
      // The clause has no verb but this one: "Christine Cochetest une
      // actrice", "la tribu des Werchefanaaient installé".
      evidence = true;
    } else if (ev.article_before) {
      evidence = institution(wk, env, left, right, right_len);
    }
    if (!evidence) return false;
    *rank = (wk.auxiliary(right) ? 200 : 0) + (wk.known(left) ? 100 : 0) + static_cast<int>(right_len);
    return true;
  }

  static bool capitalised(std::string_view w) {
    return !w.empty() && text::is_upper(cp_at(w, 0)) && !text::case_shape(w).all_upper;
  }

  // A country, region or city of the name table, as written.
  static bool place(WordKnowledge& wk, std::string_view w) {
    if (!capitalised(w)) return false;
    if (const auto* entries = wk.names().find_correct(ascii_apostrophes(w))) {
      for (const NameEntry* e : *entries) {
        if (is_place_kind(e->kind)) return true;
      }
    }
    return false;
  }

  // "et" glued to a capitalised word, in a coordination: two names
  // ("Husserlet Heidegger", "Brandoet Jack Nicholson"), or two verbs after a
  // complement ("il va à New Yorket commence"). Surnames end in -et often
  // (Cochet, Gardet), so a name followed by its verb ("Cochet est") or by
  // anything else is left alone.
  static bool coordination(RuleContext& ctx, WordKnowledge& wk, const Surroundings& env, size_t ti,
                           std::string_view left) {
    const Following& next = env.next;
    if (capitalised(next.word)) {
      // A first name and a surname, or two names the lexicon knows.
      if (wk.first_name(next.word) && capitalised(next.then)) return true;
      return wk.is_name(left) && wk.is_name(next.word) && !wk.common_lower(next.word);
    }
    if (next.word.empty() || !clear_finite_verb(wk, next.word)) return false;
    return after_preposition(ctx, wk, ti) && verb_earlier_in_sentence(ctx, wk, ti);
  }

  // An auxiliary, or a conjugated form that is not also a noun.
  static bool clear_finite_verb(WordKnowledge& wk, std::string_view w) {
    if (!text::is_lower(cp_at(w, 0))) return false;
    if (wk.auxiliary(w) && wk.lexicon().known(w) && (wk.morphology(w) & word::kFiniteVerb)) return true;
    uint32_t m = wk.morphology(w);
    return (m & word::kFiniteVerb) && !(m & word::kNoun);
  }

  // Is one of the three words before the token a preposition (the token is
  // in a complement, not a subject)?
  static bool after_preposition(RuleContext& ctx, WordKnowledge& wk, size_t ti) {
    std::string_view t = ctx.text();
    const auto& toks = ctx.tokens();
    int words = 0;
    for (size_t k = ti; k-- > 0 && words < 3;) {
      const Token& tok = toks[k];
      if (tok.kind == TokenKind::kSpace) continue;
      if (tok.kind != TokenKind::kWord) return false;
      ++words;
      std::string l = WordKnowledge::lower(tok.text(t));
      if (l == "à" || l == "de" || l == "d'" || l == "du" || l == "des" || l == "au" || l == "aux" ||
          (wk.morphology(l) & word::kPreposition)) {
        return true;
      }
      if (clear_finite_verb(wk, l)) return false;
    }
    return false;
  }

  // Does the sentence before the token hold a conjugated verb?
  static bool verb_earlier_in_sentence(RuleContext& ctx, WordKnowledge& wk, size_t ti) {
    std::string_view t = ctx.text();
    const auto& toks = ctx.tokens();
    for (size_t k = ti; k-- > 0;) {
      const Token& tok = toks[k];
      if (tok.kind == TokenKind::kNewline) return false;
      if (tok.kind == TokenKind::kPunct) {
        std::string_view p = tok.text(t);
        if (p == "." || p == "!" || p == "?" || p == ";" || p == ":") return false;
        continue;
      }
      if (tok.kind == TokenKind::kWord && !tok.elision && clear_finite_verb(wk, tok.text(t))) return true;
    }
    return false;
  }

  // Does a conjugated verb fit after the word, in a clause that has none?
  static bool verb_wanted(RuleContext& ctx, WordKnowledge& wk, const Following& next, Evidence& ev,
                          size_t ti) {
    if (ev.verb_wanted < 0) ev.verb_wanted = fits_after_verb(wk, next) && clause_lacks_verb(ctx, wk, ti);
    return ev.verb_wanted > 0;
  }

  // "la Chambredes députés", "le Parlementeuropéen": after an article, a
  // capitalised common noun is an institution's name, and a grammar word or
  // an adjective agreeing with it was glued to it (surnames take no article).
  static bool institution(WordKnowledge& wk, const Surroundings& env, std::string_view left,
                          std::string_view right, size_t right_len) {
    if (code_points(left) < 4) return false;
    std::string l = WordKnowledge::lower(left);
    if (!wk.lexicon().known(l)) return false;
    uint32_t lm = wk.morphology(l);
    if (!(lm & word::kNoun) || !(lm & word::kCommonReading)) return false;
    if (right_len <= 3 && (right == "de" || right == "des" || right == "du" || right == "et" ||
                           right == "ou" || right == "au" || right == "aux" || right == "en")) {
      return fits_after_grammar_word(wk, env.next);
    }
    // An adjective agrees with the noun and its article in number; after
    // "l'" nothing shows that it agrees ("l'Intersecret").
    if (right_len >= 6 && !env.previous.ends_with("'") && !env.previous.ends_with("\xE2\x80\x99") &&
        wk.lexicon().known(right)) {
      uint32_t rm = wk.morphology(right);
      // ("du Prix européen": a noun in -s or -x may be either).
      bool plural_article = env.previous.ends_with("s") || env.previous.ends_with("x");
      return (rm & word::kAdjective) && !(rm & word::kFiniteVerb) && plural_article == plural(right) &&
             (plural(left) || !plural(right));
    }
    return false;
  }

  static bool article(std::string_view w) {
    std::string l = WordKnowledge::lower(w);
    static const char* kArticles[] = {"le", "la", "les", "l'", "du", "des", "au", "aux", "un", "une"};
    for (const char* a : kArticles) {
      if (l == a) return true;
    }
    return false;
  }

  static bool long_grammar_word(std::string_view w) {
    static const char* kWords[] = {"dans",   "lors",   "avant",  "contre", "avec",  "pour",
                                   "chez",   "sans",   "depuis", "pendant", "après", "selon",
                                   "malgré", "parmi",  "durant", "auprès", "lorsque", "tandis"};
    for (const char* s : kWords) {
      if (w == s) return true;
    }
    return false;
  }

  // An auxiliary ("est", "étaient"), or a conjugated verb of six letters or
  // more that is not also a noun: shorter forms end too many rare words
  // ("Apollonie", "Polaris", "Eurylaime", "Leprince").
  static bool verb_form(WordKnowledge& wk, std::string_view w, size_t len) {
    static const char* kAuxiliaries[] = {"est",    "sont",    "était", "étaient", "ont",    "avait",
                                         "avaient", "sera",   "seront", "serait", "aurait", "aient"};
    for (const char* a : kAuxiliaries) {
      if (w == a) return true;
    }
    if (len < 6 || !wk.lexicon().known(w)) return false;
    uint32_t m = wk.morphology(w);
    return (m & word::kFiniteVerb) && !(m & word::kNoun);
  }

  // After a preposition: a word that can start its complement, not a verb
  // or a conjunction.
  static bool fits_after_grammar_word(WordKnowledge& wk, const Following& next) {
    if (!next.number.empty()) return true;
    if (next.word.empty()) return false;
    std::string l = WordKnowledge::lower(next.word);
    static const char* kNever[] = {"et", "ou", "mais", "donc", "car", "que", "qu'", "qui", "dont", "ni"};
    for (const char* s : kNever) {
      if (l == s) return false;
    }
    uint32_t m = wk.morphology(l);
    return !((m & word::kFiniteVerb) && !(m & (word::kNoun | word::kAdjective | word::kFunctionWord)));
  }

  // After a conjugated verb: a lowercase French word that is not another
  // verb nor a conjunction ("Southwest Corridor" is English, "Galerida
  // malabarica" Latin).
  static bool fits_after_verb(WordKnowledge& wk, const Following& next) {
    if (next.word.empty()) return !next.number.empty();
    if (!text::is_lower(cp_at(next.word, 0)) || !wk.lexicon().known(next.word)) return false;
    std::string l = WordKnowledge::lower(next.word);
    static const char* kNever[] = {"et", "ou", "mais", "car", "ni"};
    for (const char* s : kNever) {
      if (l == s) return false;
    }
    uint32_t m = wk.morphology(l);
    return !((m & word::kFiniteVerb) && !(m & (word::kNoun | word::kAdjective | word::kFunctionWord |
                                               word::kParticiple)));
  }

  // Does the clause around token `ti` lack a conjugated verb? It runs from
  // the last sentence punctuation, line break or clause-opening word ("que",
  // "qui", "et", "lorsque"…) before the token to the next one after it.
  // Names (capitalised words) are not verbs.
  static bool clause_lacks_verb(RuleContext& ctx, WordKnowledge& wk, size_t ti) {
    std::string_view t = ctx.text();
    const auto& toks = ctx.tokens();
    auto stops = [&](size_t k) {
      const Token& tok = toks[k];
      if (tok.kind == TokenKind::kNewline) return true;
      if (tok.kind == TokenKind::kPunct || tok.kind == TokenKind::kOther) {
        std::string_view p = tok.text(t);
        return p == "." || p == "," || p == "!" || p == "?" || p == ";" || p == ":" || p == "(" || p == ")" ||
               p == "\xC2\xAB" || p == "\xC2\xBB" || p == "\"" || p == "\xE2\x80\x9C" ||
               p == "\xE2\x80\x9D" || p == "\xE2\x80\xA6";
      }
      return tok.kind == TokenKind::kWord && clause_opener(tok.text(t));
    };
    auto verb = [&](size_t k) {
      const Token& tok = toks[k];
      if (tok.kind != TokenKind::kWord || tok.elision) return false;
      std::string_view w = tok.text(t);
      if (text::is_upper(cp_at(w, 0))) return false;
      if (wk.auxiliary(w)) return true;
      // Around the missing verb, a form that is also a noun is the noun
      // ("et critique d'art", "plusieurs failles").
      uint32_t m = wk.morphology(w);
      return (m & word::kFiniteVerb) && !(m & word::kNoun);
    };
    constexpr int kMaxTokens = 80;  // a run-on clause: give up
    int seen = 0;
    for (size_t k = ti; k-- > 0;) {
      if (stops(k)) break;
      if (verb(k) || ++seen > kMaxTokens) return false;
    }
    seen = 0;
    for (size_t k = ti + 1; k < toks.size(); ++k) {
      if (stops(k)) break;
      if (verb(k) || ++seen > kMaxTokens) return false;
    }
    return true;
  }

  static bool clause_opener(std::string_view w) {
    static const char* kOpeners[] = {"que", "qu'", "qu\xE2\x80\x99", "qui", "dont", "où", "lorsque",
                                     "lorsqu'", "lorsqu\xE2\x80\x99", "quand", "puisque", "si",
                                     "mais", "car", "comme", "parce", "Que", "Qui", "Lorsque",
                                     "Quand", "Si", "Mais", "Comme"};
    for (const char* o : kOpeners) {
      if (w == o) return true;
    }
    return false;
  }

  static bool day_of_month(std::string_view d) {
    if (d.empty() || d.size() > 2) return false;
    int v = 0;
    for (char c : d) {
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    return v >= 1 && v <= 31;
  }
  static bool year(std::string_view d) {
    if (d.size() != 4) return false;
    for (char c : d) {
      if (c < '0' || c > '9') return false;
    }
    return d[0] == '1' || (d[0] == '2' && d[1] == '0');
  }
  static bool month(std::string_view w) {
    static const char* kMonths[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                    "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
    for (const char* m : kMonths) {
      if (w == m) return true;
    }
    return false;
  }

  static bool person_name(WordKnowledge& wk, std::string_view w) {
    if (const auto* entries = wk.names().find_correct(ascii_apostrophes(w))) {
      for (const NameEntry* e : *entries) {
        if (e->kind == NameKind::kPerson || e->kind == NameKind::kSurname) return true;
      }
    }
    return false;
  }

  // Could a split of a lowercase word be explained, from the word lists
  // and the lengths alone? Every split needs a grammar word on one side, or
  // two parts long enough for a content word and a verb or adjective.
  // What the word lists say of the two parts of a lowercase word, asked
  // without case mapping (the parts are lowercase already).
  struct Listed {
    bool grammar_right = false;  // a grammar word, or one that follows names ("de", "les", "était")
    bool grammar_left = false, auxiliary_left = false, determiner_left = false;
    bool preposition_left = false, prenominal_left = false;
    bool any() const {
      return grammar_right || grammar_left || auxiliary_left || determiner_left || preposition_left ||
             prenominal_left;
    }
  };
  static Listed listed(WordKnowledge& wk, std::string_view left, std::string_view right) {
    const WordLists& l = wk.lists();
    Listed r;
    if (right.size() <= kLongestGrammarWord) {
      r.grammar_right = WordKnowledge::in(l.function_words, right) || WordKnowledge::in(l.glue_after_name, right);
    }
    if (left.size() <= kLongestGrammarWord) {
      r.grammar_left = WordKnowledge::in(l.function_words, left);
      r.auxiliary_left = WordKnowledge::in(l.auxiliaries, left);
      r.determiner_left = WordKnowledge::in(l.determiners, left);
      r.preposition_left = WordKnowledge::preposition_not_prefix_lc(left);
      r.prenominal_left = WordKnowledge::in(l.prenominal, left);
    }
    return r;
  }

  static int score_lower(WordKnowledge& wk, std::string_view left, std::string_view right,
                         size_t left_len, size_t right_len, bool derived, const Surroundings& env) {
    // Before asking the lexicon: a grammar word on one side, or two parts
    // long enough for a content word and a verb or adjective.
    Listed is = listed(wk, left, right);
    if (!is.any() && (left_len < 4 || right_len < 5 || derived)) return 0;
    if (!wk.lexicon().known(right) || !wk.lexicon().known(left)) return 0;
    if (left.size() <= kLongestGrammarWord && WordKnowledge::in(wk.lists().prefixes, left)) {
      return 0;  // "postsecondaire", "surpantalon": compounds
    }
    // "fonctionnepar", "peinturessur", "toutesles"
    if (is.grammar_right && right_len >= 2 && left_len >= 4 && !weak_ending(right)) return 3;
    if (derived) return 0;  // a rare derived word, not a glue
    uint32_t rm = wk.morphology(right);
    uint32_t lm = wk.morphology(left);
    // "dansquatre": a preposition that is not also a prefix (sur-, sous-, contre-)
    // before a word that can follow it (not a conjugated verb)
    if (is.preposition_left && right_len >= 3 && !(rm & word::kFiniteVerb)) return 2;
    // "estsitué", "étéatteint", "quipublia", "estbien"
    if (is.auxiliary_left && right_len >= 3 &&
        (rm & (word::kFiniteVerb | word::kParticiple | word::kInfinitive | word::kAdverb))) {
      return 2;
    }
    // "maisplutôt", "déjàprétendre": a conjunction or adverb of four letters
    // or more (prepositions: above; "versailles" is a place), before a word
    // that is not only a conjugated verb
    if (is.grammar_left && left_len >= 4 && right_len >= 4 && !(lm & word::kPreposition) &&
        !((rm & word::kFiniteVerb) && !(rm & ~(word::kFiniteVerb | word::kVerb | word::kKnown |
                                                word::kLowerKnown | word::kCommonReading)))) {
      return 2;
    }
    // "unepartie", "sonorigine", "deuxtravées"
    if (is.determiner_left && right_len >= 4 && (rm & (word::kNoun | word::kAdjective))) return 1;
    // "premiermodèle", "superbechâteau": an adjective that stands before
    // its noun (dictionaries/prenominal-adjectives-fr.txt), agreeing in number
    if (is.prenominal_left && right_len >= 4 && (rm & word::kNoun) &&
        plural(left) == plural(right)) {
      return 1;
    }
    bool left_content = !(lm & word::kFunctionWord) && (lm & (word::kNoun | word::kAdjective)) && left_len >= 4;
    // "banquisepermet", "entretienpublié", "japonaisdatant"
    if (left_content && right_len >= 5 && (rm & (word::kFiniteVerb | word::kParticiple)) &&
        !(rm & word::kNoun)) {
      return 1;
    }
    // "appellationsusuelles": a noun and an adjective that agree in number;
    // after an article, an adjective that is also a noun ("du
    // banquierviennois", "les éluseuropéens")
    if (left_content && (lm & word::kNoun) && right_len >= 5 && (rm & word::kAdjective) &&
        plural(left) == plural(right) &&
        (!(rm & word::kNoun) || (right_len >= 6 && after_article(env, plural(left))))) {
      return 1;
    }
    return 0;
  }

  // Is the word before the token an article of the given number ("du", "les")?
  static bool after_article(const Surroundings& env, bool plural_number) {
    static const char* kSingular[] = {"le", "la", "l'", "l\xE2\x80\x99", "du", "au", "un", "une"};
    static const char* kPlural[] = {"les", "des", "aux"};
    for (const char* a : kSingular) {
      if (env.previous == a) return !plural_number;
    }
    for (const char* a : kPlural) {
      if (env.previous == a) return plural_number;
    }
    return false;
  }

  // After a split, a determiner must be followed by a word that is not a
  // verb or a grammar word ("whistle est" is not "whist le est"; "quatre
  // des cinq" and "plusieurs autres" are fine), and "que" or "qui" must be
  // followed by a word ("soufique." is not "soufi que.").
  static bool plausible_next(WordKnowledge& wk, std::string_view right, std::string_view next) {
    if (wk.determiner(right)) {
      if (next.empty()) return false;
      if (next == "autre" || next == "autres") return true;
      if ((wk.morphology(right) & word::kDeterminer) == 0 && (next == "de" || next == "des" || next == "d'")) {
        return true;  // a number: "quatre des cinq parties"
      }
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
