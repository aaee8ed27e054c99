// names_fuzzy.cc — step 2 of the names rule (names_steps.h): the matcher's
// candidates for each unknown capitalised word, and the decision. Only places
// and people are guessed (a product, an acronym or a demonym is too easy to
// hit by chance), and only where the sentence says what kind of name it
// expects (names_cues.h).
#include <algorithm>

#include "rules/names_context.h"
#include "rules/names_cues.h"
#include "rules/names_steps.h"

namespace retouche::name_steps {
namespace {

using text::TokenKind;

const NameMatcher::Match& cached_match(ThreadCache& cache, const NameMatcher& matcher, std::string_view w) {
  auto it = cache.matches.find(std::string(w));
  if (it != cache.matches.end()) return it->second;
  if (cache.matches.size() >= ThreadCache::kMaxEntries) cache.matches.clear();
  return cache.matches.emplace(std::string(w), matcher.match(w)).first->second;
}

// "Serie A", "Kanal 5": a name made of a word and a capital letter or a number.
bool before_letter_or_number(const NameDoc& doc, const Unknown& u) {
  size_t k = doc.words[u.wi];
  if (u.end != doc.toks[k].end || k + 2 >= doc.toks.size() || doc.toks[k + 1].kind != TokenKind::kSpace) {
    return false;
  }
  std::string_view n = doc.toks[k + 2].text(doc.t);
  return !n.empty() && n.size() <= 2 && ((n[0] >= 'A' && n[0] <= 'Z') || (n[0] >= '0' && n[0] <= '9')) &&
         (n.size() == 1 || (n[1] >= '0' && n[1] <= '9'));
}

// The best candidate of the expected kind, the best other one, and the best
// other one of the expected kind.
struct Ranked {
  const NameMatcher::Candidate* best = nullptr;
  const NameMatcher::Candidate* other = nullptr;
  const NameMatcher::Candidate* rival = nullptr;
};

Ranked rank(const NameMatcher::Match& m, const Cue& cue, std::string_view prev) {
  // French gives a country or a region an article, not a city ("la Balue"
  // is not Bâle).
  bool after_article =
      cue.expect == Expect::kPlace && is_one_of(prev, {"la", "le", "l'", "l’", "les", "du", "au", "aux"});
  // "les", "aux", "des" call for a plural name ("aux Philippines"), not "les Rockies".
  bool plural_article = cue.expect == Expect::kPlace && is_one_of(prev, {"les", "aux", "des"});
  Ranked r;
  for (const auto& c : m.ranked) {
    bool fits = fuzzy_target(*c.entry) &&
                (cue.expect == Expect::kPlace
                     ? is_place_kind(c.entry->kind) && !(after_article && c.entry->kind == NameKind::kCity) &&
                           (!plural_article || plural_name(c.entry->canonical))
                     : c.entry->kind == NameKind::kSurname || c.entry->kind == NameKind::kPerson);
    if (fits && !r.best) {
      r.best = &c;
      continue;
    }
    if (r.best && c.entry->canonical == r.best->entry->canonical) continue;
    if (!r.other) r.other = &c;
    if (fits && r.best && !r.rival) r.rival = &c;
  }
  return r;
}

// A name glued to a grammar word ("Franceet", "Parisoù") is
// joins.glued-words' business. The rest must be a word of two letters or
// more, and not "ne": a garbled name often ends in "-ne" ("Algériane"), a
// name is seldom glued to "ne".
bool glued_to_function_word(WordKnowledge& wk, std::string_view w, const NameMatcher::Candidate& best) {
  std::string fw = fold_accents(w);
  bool glued = false;
  for (std::string_view f : {std::string_view(best.entry->canonical), best.form}) {
    std::string ff = fold_accents(f);
    if (fw.size() >= ff.size() + 2 && fw.compare(0, ff.size(), ff) == 0) {
      std::string rest = fw.substr(ff.size());
      glued |= rest != "ne" && wk.function_word(rest);
    }
  }
  return glued;
}

// A person: the first name before the surname must be this person's
// ("Emmanuel Macronge"), or a title must announce a person; "Paul Moody" is
// somebody else. Strengthens `cue`, or returns false to leave the word.
bool person_fits(const NameDoc& doc, const NameEntry& entry, std::string_view prev, Cue& cue) {
  bool own_first = false;
  const std::vector<std::string>* firsts = doc.people.first_names_of(entry.canonical);
  if (firsts && !prev.empty()) {
    std::string pk = name_key(prev);
    for (const std::string& f : *firsts) {
      size_t sp = f.rfind(' ');
      own_first |= name_within(pk, name_key(f), 1.0) ||
                   (sp != std::string::npos && name_within(pk, name_key(f.substr(sp + 1)), 1.0));
    }
  }
  if (own_first) {
    cue = {Expect::kPerson, 2, "after the person's first name"};
  } else if (cue.strength < 2 && !prev.empty() && text::case_shape(prev).initial_upper) {
    return false;
  }
  return true;
}

// The reason given to the reader, in words; the confidence field carries the measure.
std::string fuzzy_why(const NameMatcher::Candidate& best, const NameMatcher::Candidate* other, const Cue& cue,
                      double margin) {
  double d = best.distance;
  std::string spelled = d < 0.75  ? "nearly the same letters"
                        : d < 1.5 ? "one letter different"
                                  : "about " + std::to_string(static_cast<long>(d + 0.5)) + " letters different";
  std::string lead = margin >= 2.0   ? "no other name is close"
                     : margin >= 1.0 ? "clearly closer than any other name"
                                     : "only a little closer than the next name";
  return "close to \"" + std::string(best.form) + "\" (" + std::string(name_kind_name(best.entry->kind)) + ") " +
         cue.why + (other ? ", ahead of \"" + other->entry->canonical + "\"" : "") + "; " + spelled + ", " + lead;
}

// How close is close enough, and how far ahead of the runner-up, depends on
// how sure the context is (measured on the development sets:
// bench/score-synthetic.sh). Closer than `limit` with `margin` to spare:
// applied; up to twice as far: proposed, applied when the document confirms
// the name.
struct Bar {
  double limit, margin;
};
// After a bare "de" or an article, any capitalised word may follow: a
// guess there is only proposed (margin out of reach).
constexpr Bar kPlaceBars[3] = {{0.05, 99.0}, {0.10, 0.45}, {0.14, 0.3}};
constexpr Bar kPersonBars[3] = {{0.12, 0.45}, {0.12, 0.45}, {0.16, 0.45}};

// The fuzzy hit of word `u` for the candidates `r` under `cue`, if close enough.
void decide(NameDoc& doc, const Unknown& u, std::string_view w, const Ranked& r, Cue cue, std::vector<Hit>& hits) {
  const NameMatcher::Candidate& best = *r.best;
  std::string_view prev = doc.before(u.wi, 1);
  double d = best.distance;
  double len = static_cast<double>(std::max(name_key(w).size(), name_key(best.form).size()));
  double rel = d / len;
  if (cue.expect == Expect::kPerson && !person_fits(doc, *best.entry, prev, cue)) return;
  // A country after an article ("la Tchéquio", "l'Iram") is as sure as a
  // place after "à". Only a close one: an article stands before
  // organisations too ("la Monusco" is not Monaco).
  if (cue.expect == Expect::kPlace && cue.strength < 2 && rel <= 0.1 && best.entry->kind == NameKind::kCountry &&
      is_one_of(prev, {"la", "le", "l'", "l’", "les", "du", "au"})) {
    cue = {Expect::kPlace, 2, "a country after an article"};
  }
  // After "à", "en" or a title, a name of another kind is no rival ("la
  // Grèci": Grossi is a person); elsewhere any name is.
  const NameMatcher::Candidate* runner = cue.strength == 2 ? r.rival : r.other;
  double margin = runner ? runner->distance - d : 2.0;
  const Bar& bar = cue.expect == Expect::kPerson ? kPersonBars[cue.strength] : kPlaceBars[cue.strength];
  bool sure_place = cue.expect == Expect::kPlace && cue.strength == 2;
  if (rel > std::min(bar.limit * 2, 0.2)) return;
  Hit h{u.begin, u.end, best.entry, std::string(w), 0, kFuzzy, false, "", ""};
  double closeness = std::clamp(1.0 - rel * 3.0, 0.0, 1.0);
  double separation = std::clamp(margin, 0.0, 1.0);
  h.confidence = std::clamp(0.55 + 0.25 * closeness + 0.15 * separation, 0.0, 0.95);
  // Close, or a little less close but with no rival near it.
  h.needs_evidence = !((rel <= bar.limit && margin >= bar.margin) || (sure_place && rel <= 0.18 && margin >= 1.0));
  // Three letters leave too little to tell a garble from another name
  // ("Back", "Syr"); a located place is a namesake more often than a garble.
  size_t letters = std::min(name_key(w).size(), name_key(best.entry->canonical).size());
  if (letters < 4 || (cue.strength == 0 && letters < 5)) h.needs_evidence = true;
  if (cue.expect == Expect::kPlace && located(doc, u.wi)) h.needs_evidence = true;
  // A known word glued to a common word of four letters or more
  // ("Sudjeudi": Sud + jeudi) is two words that lost their space rather
  // than a garbled name: changed only when the document confirms the name.
  if (!h.needs_evidence && splits_into_known_words(doc.wk, w, best.form)) h.needs_evidence = true;
  h.why = fuzzy_why(best, r.other, cue, margin);
  hits.push_back(std::move(h));
}

}  // namespace

void match_unknowns(NameDoc& doc, const NameMatcher& matcher, const std::vector<Unknown>& unknowns,
                    std::vector<Hit>& hits) {
  for (const Unknown& u : unknowns) {
    // The sentence first: the matcher, the costly part of the rule, is asked
    // only about words where the sentence expects a place or a person.
    Cue cue = cue_of(doc, u.wi);
    if (cue.expect == Expect::kNothing) continue;
    if (before_letter_or_number(doc, u)) continue;
    std::string_view w = doc.t.substr(u.begin, u.end - u.begin);
    const NameMatcher::Match& m = cached_match(doc.cache, matcher, w);
    if (!m.found()) continue;
    Ranked r = rank(m, cue, doc.before(u.wi, 1));
    if (!r.best) continue;
    // Accents alone are not a garble: "Egypte" is how capitals are often
    // written. A foreign form that differs only by accents is ("Egypt").
    if (doc.table.is_correct(r.best->form) && plain_letters(w) == plain_letters(r.best->form)) continue;
    if (glued_to_function_word(doc.wk, w, *r.best)) continue;
    decide(doc, u, w, r, cue, hits);
  }
}

}  // namespace retouche::name_steps
