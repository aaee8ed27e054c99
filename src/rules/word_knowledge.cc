#include "rules/word_knowledge.h"

#include "core/utf8.h"
#include "text/chars.h"

namespace retouche {

Status WordLists::load(const Resources& r) {
  struct Want {
    const char* name;
    const WordSet** slot;
  } wants[] = {{"sentence-starters-fr", &sentence_starters},
               {"clause-openers-fr", &clause_openers},
               {"function-words-fr", &function_words},
               {"camelcase", &camelcase},
               {"glue-after-name-fr", &glue_after_name},
               {"determiners-fr", &determiners},
               {"auxiliaries-fr", &auxiliaries},
               {"derivational-suffixes-fr", &suffixes},
               {"work-nouns-fr", &work_nouns},
               {"cardinal-points-fr", &cardinal_points},
               {"person-nouns-fr", &person_nouns},
               {"prefixes-fr", &prefixes},
               {"function-words-en", &english},
               {"prenominal-adjectives-fr", &prenominal},
               {"always-verbs-fr", &always_verbs},
               {"auxiliaries-after-name-fr", &auxiliaries_after_name},
               {"subordinators-fr", &subordinators},
               {"clause-boundaries-fr", &clause_boundaries},
               {"articles-fr", &articles},
               {"long-grammar-words-fr", &long_grammar_words},
               {"never-after-preposition-fr", &never_after_preposition},
               {"never-after-verb-fr", &never_after_verb},
               {"months-fr", &months},
               {"weak-endings-fr", &weak_endings},
               {"demonym-determiners-fr", &demonym_determiners},
               {"person-titles-fr", &person_titles},
               {"place-prepositions-fr", &place_prepositions},
               {"place-nouns-fr", &place_nouns},
               {"name-particles", &name_particles},
               {"former-name-markers-fr", &former_name_markers}};
  for (const Want& w : wants) {
    *w.slot = r.word_list(w.name);
    if (!*w.slot) return ConfigError("missing word list dictionaries/" + std::string(w.name) + ".txt");
  }
  return Status::Ok();
}

std::string_view ascii_apostrophes(std::string_view w, std::string& buf) {
  if (w.find("\xE2\x80\x99") == std::string_view::npos) return w;
  buf = ascii_apostrophes(w);
  return buf;
}

std::string ascii_apostrophes(std::string_view w) {
  // Most words have no typographic apostrophe: copied whole (every name
  // look-up of every capitalised word passes here).
  constexpr std::string_view kTypographic = "\xE2\x80\x99";
  size_t at = w.find(kTypographic);
  if (at == std::string_view::npos) return std::string(w);
  std::string out(w.substr(0, at));
  for (size_t i = at; i < w.size();) {
    if (w.substr(i, 3) == kTypographic) {
      out.push_back('\'');
      i += 3;
    } else {
      out.push_back(w[i++]);
    }
  }
  return out;
}

std::string WordKnowledge::lower(std::string_view w) {
  std::string l = text::lower(w);
  return ascii_apostrophes(l);
}

bool WordKnowledge::is_name(std::string_view w) {
  if (names_.is_correct(ascii_apostrophes(w))) return true;
  uint32_t m = lex_.morphology(w);
  return (m & word::kNameReading) != 0;
}

bool WordKnowledge::known(std::string_view w) {
  if (lex_.known(w)) return true;
  std::string buf;
  return names_.is_correct(ascii_apostrophes(w, buf));
}

bool WordKnowledge::derived_ending(std::string_view w) const {
  std::string l = lower(w);
  for (const std::string& suffix : *lists_.suffixes) {
    if (l.size() > suffix.size() + 2 && l.ends_with(suffix)) return true;
  }
  return false;
}

bool WordKnowledge::preposition_not_prefix_lc(std::string_view l) {
  static const char* kPrepositions[] = {"dans", "avec", "pour", "chez", "sans",
                                        "depuis", "pendant", "selon", "malgré", "parmi"};
  for (const char* p : kPrepositions) {
    if (l == p) return true;
  }
  return false;
}

bool WordKnowledge::person_noun(std::string_view w) const {
  std::string l = lower(w);
  if (lists_.person_nouns->count(l)) return true;
  // A prefixed compound is the person its last part names ("super-diplomate", "ex-ministre").
  if (size_t dash = l.rfind('-'); dash != std::string::npos && dash > 0 && lists_.person_nouns->count(l.substr(dash + 1))) {
    return true;
  }
  // Entries "-logue": an ending, on a word longer than the ending alone.
  for (const std::string& e : *lists_.person_nouns) {
    if (e.size() > 1 && e[0] == '-' && l.size() > e.size() + 1 &&
        l.ends_with(std::string_view(e).substr(1))) {
      return true;
    }
  }
  return false;
}

bool WordKnowledge::first_name(std::string_view w) {
  if (const auto* entries = names_.find_correct(ascii_apostrophes(w))) {
    for (const NameEntry* e : *entries) {
      if (e->kind == NameKind::kFirstName) return true;
    }
  }
  return (lex_.morphology(w) & word::kFirstName) != 0;
}

bool WordKnowledge::curated_name(std::string_view w) const {
  if (const auto* entries = names_.find_correct(ascii_apostrophes(w))) {
    for (const NameEntry* e : *entries) {
      if (e->kind != NameKind::kFirstName && e->kind != NameKind::kAdjective) return true;
    }
  }
  return false;
}

bool WordKnowledge::place_or_surname(std::string_view w) {
  if (const auto* entries = names_.find_correct(ascii_apostrophes(w))) {
    for (const NameEntry* e : *entries) {
      if (e->kind != NameKind::kFirstName) return true;
    }
  }
  return (lex_.morphology(w) & word::kPlaceOrSurname) != 0;
}

bool WordKnowledge::common_lower(std::string_view w) {
  std::string l = text::lower(w);
  if (!lex_.known(l)) return false;
  return (lex_.morphology(l) & word::kCommonReading) != 0;
}

// Is the elided word at `j` an article or "de", so that the noun-or-verb form
// after it is the noun ("l'origine", "d'étoiles")? "d'" never precedes a
// finite verb; "l'" is the pronoun object of a verb only after a subject or
// "ne" ("il l'aime", "on ne l'organise").
static bool elided_article_before(WordKnowledge& wk, std::string_view text,
                                  const std::vector<text::Token>& toks, size_t j) {
  std::string e = WordKnowledge::lower(toks[j].text(text));
  if (e.rfind("d", 0) == 0 && e.size() <= 4) return true;  // "d'", "d’"
  if (e.rfind("l", 0) != 0 || e.size() > 4) return false;
  for (size_t i = j; i-- > 0;) {
    if (toks[i].kind == text::TokenKind::kSpace) continue;
    if (toks[i].kind != text::TokenKind::kWord) return true;
    std::string p = WordKnowledge::lower(toks[i].text(text));
    if (toks[i].elision) return p.rfind("n", 0) != 0;  // "n'" + "l'": a verb follows
    return !(p == "ne" || (wk.morphology(p) & word::kSubjectPronoun));
  }
  return true;
}

bool finite_verb_at(WordKnowledge& wk, std::string_view text, const std::vector<text::Token>& toks,
                    size_t k) {
  std::string lw = WordKnowledge::lower(toks[k].text(text));
  uint32_t m = wk.morphology(lw);
  if (!(m & word::kFiniteVerb)) return false;
  if (!(m & word::kNoun) || wk.auxiliary(lw)) return true;
  for (size_t j = k; j-- > 0;) {
    if (toks[j].kind == text::TokenKind::kSpace) continue;
    if (toks[j].kind != text::TokenKind::kWord) return true;
    if (toks[j].elision) return !elided_article_before(wk, text, toks, j);
    std::string_view d = toks[j].text(text);
    return !(wk.determiner(d) || (wk.morphology(WordKnowledge::lower(d)) & word::kDeterminer));
  }
  return true;
}

}  // namespace retouche
