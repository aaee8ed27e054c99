// joins.glued-words, a capitalised unknown word: a name glued to the grammar
// word or verb after it ("Lillede", "Chinecontinue"), told apart from the
// many rare names that merely end like one (Peterson, Cochet, Gardet) by the
// name table and by the sentence around the word.
#include <string>

#include "core/utf8.h"
#include "lexicon/name_table.h"
#include "pipeline/rule.h"
#include "rules/glued_words.h"
#include "rules/join_helpers.h"
#include "rules/word_knowledge.h"
#include "text/chars.h"

namespace retouche::joins {
namespace {

using text::Token;
using text::TokenKind;

// WordKnowledge::curated_name without a copy of the word (the token has
// no typographic apostrophe).
bool curated_name(WordKnowledge& wk, std::string_view w) {
  if (const auto* entries = wk.names().find_correct(w)) {
    for (const NameEntry* e : *entries) {
      if (e->kind != NameKind::kFirstName && e->kind != NameKind::kAdjective) return true;
    }
  }
  return false;
}

bool part_of_name(WordKnowledge& wk, std::string_view previous, std::string_view left) {
  return wk.names().is_correct(ascii_apostrophes(std::string(previous) + " " + std::string(left)));
}

bool person_name(WordKnowledge& wk, std::string_view w) {
  if (const auto* entries = wk.names().find_correct(ascii_apostrophes(w))) {
    for (const NameEntry* e : *entries) {
      if (e->kind == NameKind::kPerson || e->kind == NameKind::kSurname) return true;
    }
  }
  return false;
}

bool capitalised(std::string_view w) {
  return !w.empty() && text::is_upper(cp_at(w, 0)) && !text::case_shape(w).all_upper;
}

// A country, region or city of the name table, as written.
bool place(WordKnowledge& wk, std::string_view w) {
  if (!capitalised(w)) return false;
  if (const auto* entries = wk.names().find_correct(ascii_apostrophes(w))) {
    for (const NameEntry* e : *entries) {
      if (is_place_kind(e->kind)) return true;
    }
  }
  return false;
}

// An auxiliary, or a conjugated form that is not also a noun.
bool clear_finite_verb(WordKnowledge& wk, std::string_view w) {
  if (!text::is_lower(cp_at(w, 0))) return false;
  if (wk.auxiliary(w) && wk.lexicon().known(w) && (wk.morphology(w) & word::kFiniteVerb))
    return true;
  uint32_t m = wk.morphology(w);
  return (m & word::kFiniteVerb) && !(m & word::kNoun);
}

// Is one of the three words before the token a preposition (the token is
// in a complement, not a subject)?
bool after_preposition(RuleContext& ctx, WordKnowledge& wk, size_t ti) {
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
bool verb_earlier_in_sentence(RuleContext& ctx, WordKnowledge& wk, size_t ti) {
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
    if (tok.kind == TokenKind::kWord && !tok.elision && clear_finite_verb(wk, tok.text(t)))
      return true;
  }
  return false;
}

// "et" glued to a capitalised word, in a coordination: two names
// ("Husserlet Heidegger", "Brandoet Jack Nicholson"), or two verbs after a
// complement ("il va à New Yorket commence"). Surnames end in -et often
// (Cochet, Gardet), so a name followed by its verb ("Cochet est") or by
// anything else is left alone.
bool coordination(RuleContext& ctx, WordKnowledge& wk, const Surroundings& env, size_t ti,
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

// After a preposition: a word that can start its complement, not a verb
// or a conjunction (dictionaries/never-after-preposition-fr.txt).
bool fits_after_grammar_word(WordKnowledge& wk, const Following& next) {
  if (!next.number.empty()) return true;
  if (next.word.empty()) return false;
  std::string l = WordKnowledge::lower(next.word);
  if (WordKnowledge::in(wk.lists().never_after_preposition, l)) return false;
  uint32_t m = wk.morphology(l);
  return !((m & word::kFiniteVerb) &&
           !(m & (word::kNoun | word::kAdjective | word::kFunctionWord)));
}

// After a conjugated verb: a lowercase French word that is not another
// verb nor a conjunction (dictionaries/never-after-verb-fr.txt; "Southwest
// Corridor" is English, "Galerida malabarica" Latin).
bool fits_after_verb(WordKnowledge& wk, const Following& next) {
  if (next.word.empty()) return !next.number.empty();
  if (!text::is_lower(cp_at(next.word, 0)) || !wk.lexicon().known(next.word)) return false;
  std::string l = WordKnowledge::lower(next.word);
  if (WordKnowledge::in(wk.lists().never_after_verb, l)) return false;
  uint32_t m = wk.morphology(l);
  return !((m & word::kFiniteVerb) &&
           !(m & (word::kNoun | word::kAdjective | word::kFunctionWord | word::kParticiple)));
}

// A word that opens a new clause (dictionaries/clause-boundaries-fr.txt, as
// written: the capitalised forms it lists match, no others).
bool clause_opener(WordKnowledge& wk, std::string_view w) {
  return WordKnowledge::in(wk.lists().clause_boundaries, w);
}

// Does the clause around token `ti` lack a conjugated verb? It runs from
// the last sentence punctuation, line break or clause-opening word ("que",
// "lorsque", "mais"…) before the token to the next one after it.
// Names (capitalised words) are not verbs.
bool clause_lacks_verb(RuleContext& ctx, WordKnowledge& wk, size_t ti) {
  std::string_view t = ctx.text();
  const auto& toks = ctx.tokens();
  auto stops = [&](size_t k) {
    const Token& tok = toks[k];
    if (tok.kind == TokenKind::kNewline) return true;
    if (tok.kind == TokenKind::kPunct || tok.kind == TokenKind::kOther) {
      std::string_view p = tok.text(t);
      return p == "." || p == "," || p == "!" || p == "?" || p == ";" || p == ":" || p == "(" ||
             p == ")" || p == "\xC2\xAB" || p == "\xC2\xBB" || p == "\"" || p == "\xE2\x80\x9C" ||
             p == "\xE2\x80\x9D" || p == "\xE2\x80\xA6";
    }
    return tok.kind == TokenKind::kWord && clause_opener(wk, tok.text(t));
  };
  auto verb = [&](size_t k) {
    const Token& tok = toks[k];
    if (tok.kind != TokenKind::kWord || tok.elision) return false;
    std::string_view w = tok.text(t);
    if (text::is_upper(cp_at(w, 0))) return false;
    if (wk.auxiliary(w)) return true;
    // Around the missing verb, a form that is also a noun is the noun
    // ("et critique d'art", "plusieurs failles"), except after a subject
    // pronoun ("Elle partage ses photos").
    uint32_t m = wk.morphology(w);
    if (!(m & word::kFiniteVerb)) return false;
    if (!(m & word::kNoun)) return true;
    size_t p = k;
    while (p > 0 && toks[p - 1].kind == TokenKind::kSpace) --p;
    return p > 0 && toks[p - 1].kind == TokenKind::kWord &&
           (wk.morphology(WordKnowledge::lower(toks[p - 1].text(t))) & word::kSubjectPronoun);
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

// Does a conjugated verb fit after the word, in a clause that has none?
bool verb_wanted(RuleContext& ctx, WordKnowledge& wk, const Following& next, Evidence& ev,
                 size_t ti) {
  if (ev.verb_wanted < 0)
    ev.verb_wanted = fits_after_verb(wk, next) && clause_lacks_verb(ctx, wk, ti);
  return ev.verb_wanted > 0;
}

// "la Chambredes députés", "le Parlementeuropéen": after an article, a
// capitalised common noun is an institution's name, and a grammar word or
// an adjective agreeing with it was glued to it (surnames take no article).
bool institution(WordKnowledge& wk, const Surroundings& env, std::string_view left,
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
    return (rm & word::kAdjective) && !(rm & word::kFiniteVerb) &&
           plural_article == plural(right) && (plural(left) || !plural(right));
  }
  return false;
}

// A preposition or conjunction no name ends with
// (dictionaries/long-grammar-words-fr.txt, as written).
bool long_grammar_word(WordKnowledge& wk, std::string_view w) {
  return WordKnowledge::in(wk.lists().long_grammar_words, w);
}

// An auxiliary ("est", "étaient": dictionaries/auxiliaries-after-name-fr.txt,
// as written), or a conjugated verb of six letters or more that is not also
// a noun: shorter forms end too many rare words ("Apollonie", "Polaris",
// "Eurylaime", "Leprince").
bool verb_form(WordKnowledge& wk, std::string_view w, size_t len) {
  if (WordKnowledge::in(wk.lists().auxiliaries_after_name, w)) return true;
  if (len < 6 || !wk.lexicon().known(w)) return false;
  uint32_t m = wk.morphology(w);
  return (m & word::kFiniteVerb) && !(m & word::kNoun);
}

bool day_of_month(std::string_view d) {
  if (d.empty() || d.size() > 2) return false;
  int v = 0;
  for (char c : d) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  return v >= 1 && v <= 31;
}
bool year(std::string_view d) {
  if (d.size() != 4) return false;
  for (char c : d) {
    if (c < '0' || c > '9') return false;
  }
  return d[0] == '1' || (d[0] == '2' && d[1] == '0');
}

// A month, as written (dictionaries/months-fr.txt).
bool month(WordKnowledge& wk, std::string_view w) {
  return WordKnowledge::in(wk.lists().months, w);
}

}  // namespace

// A capitalised unknown word: a place, organisation or person of the name
// table (a curated, well-known name, not a first name: Peterson, Nielsen,
// Machen are real names that merely end like a grammar word) followed by a
// grammar word or a verb.
int score_capital(WordKnowledge& wk, std::string_view left, std::string_view right,
                  size_t right_len, const Surroundings& env, const Evidence& ev,
                  bool person_position) {
  // Between two capitalised words a capitalised word is one part of a
  // name ("Abed Rabbo Mansur Hadi"), whatever it ends with.
  if (capitalised(env.previous) && capitalised(env.next.word)) return 0;
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
      wk.lexicon().known(right) &&
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
  if (!curated_name(wk, left)) {
    if (right_len < 3 || !WordKnowledge::in(wk.lists().glue_after_name, right) ||
        code_points(left) < 4) {
      return 0;
    }
    // Only where a sentence starts: inside one, a capitalised word is a
    // name ("sur Pinterest", whose "pinter" is a verb).
    if (!env.previous.empty()) return 0;
    std::string l = WordKnowledge::lower(left);
    bool common = wk.lexicon().known(l) && (wk.morphology(l) & word::kCommonReading) &&
                  (wk.morphology(l) & word::kNoun) && !(wk.morphology(left) & word::kNameReading);
    return common ? 3 : 0;
  }
  // Only a curated name: the dictionary's names (Beck, Palma, Gram) end
  // real names too often (Becket, Palmade, Gramont).
  if (wk.glue_after_name(right)) return env.next.punctuation && right_len <= 2 ? 0 : 3;
  if (right_len >= 6 && wk.lexicon().known(right) && (wk.morphology(right) & word::kFiniteVerb) &&
      !(wk.morphology(right) & word::kNoun)) {
    return 2;
  }
  return 0;
}

// Evidence from the sentence that `right` is a word of its own after a
// capitalised `left` of three letters or more, known or not (most glued
// names are rare ones). `rank` prefers, among several such splits, a
// left part the lexicon knows, then the longer right part.
// After a preposition that is not also an article ("sur Pinterest"), the
// word is inside a prepositional phrase: no verb of its own can follow it.
bool after_preposition(WordKnowledge& wk, const Surroundings& env) {
  if (env.previous.empty()) return false;
  uint32_t m = wk.morphology(WordKnowledge::lower(env.previous));
  return (m & word::kPreposition) && !(m & word::kDeterminer);
}

bool sentence_evidence(RuleContext& ctx, WordKnowledge& wk, const Surroundings& env, Evidence& ev,
                       size_t ti, std::string_view left, std::string_view right, size_t right_len,
                       int* rank) {
  const Following& next = env.next;
  if (next.word.empty() && next.number.empty()) return false;  // nothing for it to govern
  bool evidence = false;
  if (right == "où") {
    // No name ends with "où": "Parisoù il vivait".
    evidence = !next.word.empty();
  } else if (right == "le") {
    // A date follows: "Toulousele 20 septembre".
    evidence = day_of_month(next.number) && month(wk, next.then);
  } else if (right == "en") {
    // A year, a month or a country follows: "Sélestaten 1935", "Nógráden Hongrie".
    evidence = year(next.number) || month(wk, next.word) || place(wk, next.word);
  } else if (right == "et") {
    evidence = coordination(ctx, wk, env, ti, left);
  } else if ((right == "de" || right == "du") && wk.first_name(left) && capitalised(next.word)) {
    // A first name, then a surname with its particle: "Georgesde Traz".
    evidence = true;
  } else if (right_len >= 4 && long_grammar_word(wk, right)) {
    // A preposition or conjunction names do not end with ("Franklindans",
    // "Margareeavant de"); a short one needs a left part the lexicon knows.
    evidence = fits_after_grammar_word(wk, next) && (right_len >= 5 || wk.known(left));
  } else if (right_len >= 3 && !after_preposition(wk, env) && verb_wanted(ctx, wk, next, ev, ti) &&
             verb_form(wk, right, right_len)) {
    // The clause has no verb but this one: "Christine Cochetest une
    // actrice", "la tribu des Werchefanaaient installé".
    evidence = true;
  } else if (ev.article_before) {
    evidence = institution(wk, env, left, right, right_len);
  }
  if (!evidence) return false;
  *rank =
      (wk.auxiliary(right) ? 200 : 0) + (wk.known(left) ? 100 : 0) + static_cast<int>(right_len);
  return true;
}

}  // namespace retouche::joins
