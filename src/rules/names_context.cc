// names_context.cc — what the words around a name say about it (names_context.h).
#include "rules/names_context.h"

#include <string>

#include "core/utf8.h"
#include "lexicon/name_matcher.h"
#include "text/chars.h"

namespace retouche::name_steps {

using text::Token;
using text::TokenKind;

// A demonym noun follows a French determiner or quantifier ("de nombreux
// Azerbaïdjanos", "les Ukrainiens").
bool demonym_context(WordKnowledge& wk, std::string_view prev) {
  if (prev.empty()) return false;
  // dictionaries/demonym-determiners-fr.txt
  if (wk.lists().demonym_determiners->count(WordKnowledge::lower(prev))) return true;
  return wk.determiner(prev);
}

// Is `w` a known word or name followed by a known lowercase common word of
// four letters or more, the name being a garble of the first word only? Only asked of fuzzy-match candidates: rare enough
// for the few look-ups it costs.
// The name must fit the left part better than the whole word ("Sud" is
// nearer "Suède" than "Sudjeudi" is), or "Macronge" would be "Mac" + "ronge".
bool splits_into_known_words(WordKnowledge& wk, std::string_view w, std::string_view name) {
  const std::string name_k = name_key(name);
  const double whole = name_distance(name_key(w), name_k);
  for (size_t i = 3; i + 4 <= w.size(); ++i) {
    if ((static_cast<unsigned char>(w[i]) & 0xC0) == 0x80) continue;  // inside a character
    std::string_view left = w.substr(0, i), right = w.substr(i);
    text::CaseShape rs = text::case_shape(right);
    if (!rs.all_lower || rs.letters < 4) continue;
    if (!wk.known(right) || (wk.morphology(right) & word::kNameReading)) continue;
    if (!(wk.known(left) || wk.is_name(left))) continue;
    if (name_distance(name_key(left), name_k) < whole) return true;
  }
  return false;
}

// The surname of a person of the table, written correctly or as a variant.
bool surname_known(const NameTable& table, std::string_view w) {
  std::string f = ascii_apostrophes(w);
  if (const auto* entries = table.find_correct(f)) {
    for (const NameEntry* e : *entries) {
      if (e->kind == NameKind::kSurname) return true;
    }
  }
  if (auto v = table.find_variant(f)) return v->entry->kind == NameKind::kSurname;
  return false;
}

// A title that announces a person (dictionaries/person-titles-fr.txt).
bool person_context(const WordKnowledge& wk, std::string_view prev) {
  return wk.lists().person_titles->count(WordKnowledge::lower(prev)) > 0;
}

bool is_one_of(std::string_view w, std::initializer_list<const char*> list) {
  std::string l = WordKnowledge::lower(w);
  for (const char* x : list) {
    if (l == x) return true;
  }
  return false;
}

// A name standing on its own: a one-word form of the table, or a proper noun
// of the system dictionary. A word that the add-on lists know only as part of
// a longer name ("Radio" of Radio France, "Air" of Air France) is not one.
bool standalone_name(WordKnowledge& wk, std::string_view w) {
  if (wk.names().is_correct(ascii_apostrophes(w))) return true;
  uint32_t f = wk.lexicon().flags(w);
  return (wk.morphology(w) & word::kNameReading) && !(f & word::kAddOn);
}

// A spelling the table lists as foreign is part of a foreign proper name when
// it stands beside other capitalised words ("Coppa Italia", "American Idol",
// "United States Air Force"), beside a foreign grammar word ("Prince of Persia",
// "Singapore, and China"), after a particle inside a name ("Red Electrica de
// España"), or after a word that introduces a name ("nommé Barcelona", "le nom
// Andorra"). It is the original name glossed in parentheses after the French
// one ("Andorre-la-Vieille (Andorra la Vella)"), a word quoted as a word
// ("« Thurgau »"), or a namesake located by what follows ("Petersburg,
// Virginie", "Athens (Géorgie)"). A person's first name beside the surname is
// the exception.
bool foreign_name_context(WordKnowledge& wk, std::string_view t, const std::vector<Token>& toks,
                          const std::vector<size_t>& words, size_t first, size_t last,
                          const NameEntry* entry) {
  auto word_at = [&](size_t wi) { return toks[words[wi]].text(t); };
  // Only spaces (and at most a comma) between two word tokens.
  auto near = [&](size_t a, size_t b) {
    for (size_t k = words[a] + 1; k < words[b]; ++k) {
      if (toks[k].kind == TokenKind::kSpace) continue;
      if (toks[k].kind == TokenKind::kPunct && toks[k].text(t) == ",") continue;
      return false;
    }
    return true;
  };
  auto adjacent = [&](size_t a, size_t b) {
    return words[b] == words[a] + 2 && toks[words[a] + 1].kind == TokenKind::kSpace;
  };
  // The punctuation token before the name (spaces skipped), and after it.
  auto punct_before = [&]() -> std::string_view {
    for (size_t k = words[first]; k-- > 0;) {
      if (toks[k].kind == TokenKind::kSpace) continue;
      return toks[k].kind == TokenKind::kPunct ? toks[k].text(t) : std::string_view();
    }
    return {};
  };
  auto punct_after = [&]() -> std::string_view {
    for (size_t k = words[last] + 1; k < toks.size(); ++k) {
      if (toks[k].kind == TokenKind::kSpace) continue;
      return toks[k].kind == TokenKind::kPunct ? toks[k].text(t) : std::string_view();
    }
    return {};
  };
  bool person = is_person_kind(entry->kind);
  std::string_view open = punct_before(), close = punct_after();
  // "Europa - Union Deutschland (EUD)": a name glossed by its acronym, whose
  // letters include the variant's initial, is an organisation's own name.
  {
    size_t k = words[last] + 1;
    int hops = 0;
    while (k < toks.size() && hops < 8) {
      const Token& x = toks[k];
      std::string_view xt = x.text(t);
      if (x.kind == TokenKind::kPunct && xt == "(") {
        if (k + 2 < toks.size() && toks[k + 2].text(t) == ")") {
          std::string_view acro = toks[k + 1].text(t);
          text::CaseShape as = text::case_shape(acro);
          std::string_view own = word_at(first);
          if (as.all_upper && as.letters >= 2 && as.letters <= 6 && !own.empty() &&
              acro.find(own[0]) != std::string_view::npos) {
            return true;
          }
        }
        break;
      }
      bool filler = x.kind == TokenKind::kSpace || (x.kind == TokenKind::kPunct && xt == "-") ||
                    (x.kind == TokenKind::kWord && text::case_shape(xt).initial_upper);
      if (!filler) break;
      ++k, ++hops;
    }
  }
  // "la chaîne publique Rossiya 24", "Kanal 5": a place's foreign form
  // directly followed by a number names a channel, a team or an event.
  if (is_place_kind(entry->kind) && words[last] + 2 < toks.size() &&
      toks[words[last] + 1].kind == TokenKind::kSpace && toks[words[last] + 1].text(t) == " " &&
      toks[words[last] + 2].kind == TokenKind::kNumber) {
    return true;
  }
  // "Rosa Luxemburg", "Harry G. Frankfurt": after a first name or an
  // initial, a place's foreign form is somebody's surname.
  if (!person && first > 0) {
    size_t k = words[first];
    while (k > 0 && toks[k - 1].kind == TokenKind::kSpace) --k;
    bool initial = k >= 2 && toks[k - 1].kind == TokenKind::kPunct && toks[k - 1].text(t) == "." &&
                   toks[k - 2].kind == TokenKind::kWord && text::case_shape(toks[k - 2].text(t)).letters == 1 &&
                   text::case_shape(toks[k - 2].text(t)).initial_upper;
    if (initial) return true;
    std::string_view prev = word_at(first - 1);
    if (adjacent(first - 1, first) && text::case_shape(prev).initial_upper && wk.first_name(prev) &&
        !wk.function_word(prev)) {
      return true;
    }
    // "le ministre des Affaires étrangères Maas": a person's title shortly
    // before, and no preposition or article that would introduce a place.
    if (adjacent(first - 1, first) && !wk.function_word(prev) && !wk.determiner(prev)) {
      for (size_t back = 1; back <= 4 && back <= first; ++back) {
        std::string_view w = word_at(first - back);
        if (person_context(wk, w) || wk.person_noun(w)) return true;
        // Only the title's own complement may stand between ("des Affaires
        // étrangères"); a verb or another preposition ends the search.
        bool complement = text::case_shape(w).initial_upper || is_one_of(w, {"de", "des", "du", "d'", "d’"});
        if (!complement) {
          uint32_t m = wk.morphology(WordKnowledge::lower(w));
          complement = (m & word::kAdjective) && !(m & (word::kFiniteVerb | word::kParticiple | word::kPreposition));
        }
        if (!complement) break;
      }
    }
  }
  // "« Thurgau »", "“Moskau”": the word itself is quoted.
  if ((open == "«" && close == "»") || (open == "“" && close == "”") ||
      (open == "\"" && close == "\"")) {
    return true;
  }
  // "Andorre-la-Vieille (Andorra la Vella)": the original name glossed after
  // the French one (not "Bavière (Deutschland)", a country named after a place).
  if (open == "(" && first > 0 && words[first - 1] + 4 >= words[first]) {
    std::string before = plain_letters(word_at(first - 1)),
                canonical = plain_letters(entry->canonical);
    if (canonical.size() >= 4 && before.compare(0, 4, canonical, 0, 4) == 0) return true;
  }
  // "Helsingfors (aujourd'hui Helsinki)": a former name, given as such.
  if (close == "(" && last + 1 < words.size() &&
      wk.lists().former_name_markers->count(WordKnowledge::lower(word_at(last + 1)))) {
    return true;
  }
  // "Petersburg, Virginie", "Athens (Géorgie)": another place of that name.
  if (!person && (close == "," || close == "(") && last + 1 < words.size()) {
    std::string_view next = word_at(last + 1);
    const auto* es = wk.names().find_correct(ascii_apostrophes(next));
    size_t gap = words[last + 1] - words[last];
    if (es && gap <= 3 && is_place_kind(es->front()->kind) && es->front() != entry &&
        es->front()->canonical != entry->canonical) {
      return true;
    }
  }
  if (first > 0 && near(first - 1, first)) {
    std::string_view prev = word_at(first - 1);
    if (wk.english(prev) || wk.work_noun(prev)) return true;
    if (adjacent(first - 1, first) && !person && text::case_shape(prev).initial_upper &&
        !wk.function_word(prev) && !wk.starter(prev) && !wk.is_name(prev)) {
      return true;
    }
    // "Red Electrica de España", "Bosques de Palermo": a particle inside a
    // foreign name; not "les Championnats d'Europe de München".
    bool particle = wk.lists().name_particles->count(WordKnowledge::lower(prev)) > 0;
    if (first > 1 && adjacent(first - 2, first - 1) && particle &&
        text::case_shape(word_at(first - 2)).initial_upper &&
        !wk.function_word(word_at(first - 2)) && !wk.known(word_at(first - 2))) {
      return true;
    }
    // "le film La Roma", "l'album Live Madrid"; not "l'opéra à Kiew".
    if (first > 1 && near(first - 2, first - 1) && wk.work_noun(word_at(first - 2)) &&
        !wk.function_word(prev)) {
      return true;
    }
  }
  if (last + 1 < words.size() && near(last, last + 1)) {
    std::string_view next = word_at(last + 1);
    if (wk.english(next)) return true;
    if (adjacent(last, last + 1) && !person && entry->kind != NameKind::kFirstName &&
        text::case_shape(next).initial_upper && !standalone_name(wk, next) &&
        !wk.function_word(next) && !wk.starter(next)) {
      return true;
    }
  }
  return false;
}

// Prepositions after which a place is expected
// (dictionaries/place-prepositions-fr.txt).
bool strong_place(const WordKnowledge& wk, std::string_view prev) {
  return wk.lists().place_prepositions->count(WordKnowledge::lower(prev)) > 0;
}

// Nouns whose complement names a place: "la municipalité de X", "le centre
// de X", "le président du X" (dictionaries/place-nouns-fr.txt).
bool place_noun(const WordKnowledge& wk, std::string_view w) {
  return wk.lists().place_nouns->count(WordKnowledge::lower(w)) > 0;
}


// Kinds the matcher may guess: places and people. Products, organisations,
// media and acronyms are hit by chance too easily; demonyms and first names
// are corrected only from the table's variants.
// "lac Tchad", "mer Caspienne": a name that starts with a common noun is
// not guessed from one word.
bool fuzzy_target(const NameEntry& e) {
  if (!(is_place_kind(e.kind) || e.kind == NameKind::kSurname || e.kind == NameKind::kPerson)) return false;
  text::CaseShape shape = text::case_shape(e.canonical);
  return !shape.all_upper && shape.initial_upper;
}

// A name written in the plural ("Philippines", "États-Unis", "Comores").
bool plural_name(std::string_view canonical) {
  size_t sp = canonical.find_first_of(" -");
  std::string_view first = canonical.substr(0, sp);
  return !first.empty() && (first.back() == 's' || first.back() == 'x');
}

// Byte length of the name part of a glued token: up to its first lowercase ->
// uppercase boundary ("TonetskQue" -> 7), or 0.
size_t glued_cut(std::string_view w) {
  size_t i = 0;
  char32_t prev = 0;
  while (i < w.size()) {
    size_t at = i;
    char32_t c = utf8::decode(w, i);
    if (text::is_upper(c) && text::is_lower(prev)) return at;
    prev = c;
  }
  return 0;
}

// The first word token after token `k`, across spaces only (or empty).
std::string_view after_token(const std::vector<Token>& toks, std::string_view t, size_t k) {
  for (++k; k < toks.size() && toks[k].kind == TokenKind::kSpace; ++k) {
  }
  return k < toks.size() && toks[k].kind == TokenKind::kWord ? toks[k].text(t) : std::string_view();
}

// Word token `a` directly before token `b`, after a space or an elided article ("l’Ukraine").
bool spaced_or_elided(const std::vector<Token>& toks, size_t a, size_t b) {
  if (b == a + 1) return toks[a].elision;
  return b == a + 2 && toks[a + 1].kind == TokenKind::kSpace;
}

}  // namespace retouche::name_steps
