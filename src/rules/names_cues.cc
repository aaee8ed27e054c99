// names_cues.cc — what the sentence expects of an unknown capitalised word (names_cues.h).
#include "rules/names_cues.h"

#include <optional>

#include "rules/families.h"
#include "rules/names_context.h"

namespace retouche::name_steps {
namespace {

using text::TokenKind;

// A place of the table, written correctly or as a variant ("Siria").
bool place_form(const NameTable& table, std::string_view w) {
  if (w.empty()) return false;
  std::string buf;
  std::string_view f = ascii_apostrophes(w, buf);
  if (const auto* es = table.find_correct(f)) return is_place_kind(es->front()->kind);
  auto v = table.find_variant(f);
  return v && is_place_kind(v->entry->kind);
}

bool article(std::string_view w) { return is_one_of(w, {"la", "le", "l'", "l’", "les"}); }

// "entre la Suède et le Meroca", "vers la Polognia", "Paris ou Londre": a
// preposition of place, or a coordination with a place, before word `wi`.
// `k` is the distance of the word before the article, if any (2), else 1.
bool place_by_preposition(NameDoc& doc, size_t wi, size_t k, Cue& cue) {
  std::string_view p = doc.before(wi, k);
  if (k == 2 && strong_place(doc.wk, p)) {
    cue = {Expect::kPlace, 2, "after a preposition of place"};
    return true;
  }
  if (is_one_of(p, {"et", "ou"})) {
    if (place_form(doc.table, doc.before(wi, k + 1)) ||
        (article(doc.before(wi, k + 1)) && place_form(doc.table, doc.before(wi, k + 2)))) {
      cue = {Expect::kPlace, 2, "coordinated with a place"};
      return true;
    }
    if (is_one_of(doc.before(wi, k + 2), {"entre"}) || is_one_of(doc.before(wi, k + 3), {"entre"})) {
      cue = {Expect::kPlace, 2, "after 'entre X et'"};
      return true;
    }
  }
  return false;
}

// After "de" or an article: "la municipalité de X", "le gouvernement de la
// X", "de X à Y", or any capitalised word.
Cue after_de_or_article(NameDoc& doc, size_t wi, std::string_view next) {
  std::string_view noun = doc.before(wi, 2);
  if (is_one_of(noun, {"de", "d'", "d’"})) noun = doc.before(wi, 3);
  if (place_noun(doc.wk, noun)) return {Expect::kPlace, 1, "after a noun of place"};
  if (is_one_of(next, {"à", "et", "ou"}) && place_form(doc.table, doc.after(wi, 2))) {
    return {Expect::kPlace, 1, "before 'à' or 'et' and a place"};
  }
  return {Expect::kPlace, 0, "after an article or 'de'"};
}

// The cue of the words before `wi` (`prev`, not empty); none: look after it.
std::optional<Cue> cue_before(NameDoc& doc, size_t wi, std::string_view prev, std::string_view next) {
  WordKnowledge& wk = doc.wk;
  // "demanda à Noriega de respecter": à names a person here.
  if (is_one_of(prev, {"à"}) && is_one_of(next, {"de", "d'", "d’"}) &&
      (wk.morphology(doc.after(wi, 2)) & word::kInfinitive)) {
    return Cue{};
  }
  if (strong_place(wk, prev)) return Cue{Expect::kPlace, 2, "after a preposition of place"};
  size_t k = article(prev) ? 2 : 1;  // the word before the article, if any
  Cue cue;
  if (place_by_preposition(doc, wi, k, cue)) return cue;
  // "un vol reliant Algira à Londres"
  if (is_one_of(prev, {"reliant", "relie", "relier", "reliait", "relient", "desservant"})) {
    return Cue{Expect::kPlace, 1, "after 'relier'"};
  }
  if (person_context(wk, prev) || wk.person_noun(prev)) return Cue{Expect::kPerson, 2, "after a title"};
  if (k == 2 || is_one_of(prev, {"de", "d'", "d’", "du", "des"})) return after_de_or_article(doc, wi, next);
  if (doc.shapes[wi - 1].initial_upper &&
      (doc.people.table_first_name(doc.table, prev) || wk.first_name(prev) ||
       doc.people.matcher_first_name(prev, doc.cache.first_name_like))) {
    return Cue{Expect::kPerson, 1, "after a first name"};
  }
  return std::nullopt;
}

}  // namespace

Cue cue_of(NameDoc& doc, size_t wi) {
  std::string_view prev = doc.before(wi, 1), next = doc.after(wi, 1);
  if (!prev.empty()) {
    if (std::optional<Cue> cue = cue_before(doc, wi, prev, next)) return *cue;
  }
  if (is_one_of(next, {"à", "et", "ou"}) && place_form(doc.table, doc.after(wi, 2))) {
    return {Expect::kPlace, 1, "before 'à' or 'et' and a place"};
  }
  if (!next.empty() && !text::case_shape(next).initial_upper) {
    uint32_t m = doc.wk.morphology(next);
    if ((m & word::kFiniteVerb) && !(m & word::kNoun)) return {Expect::kPerson, 0, "before a verb"};  // "Kadyrouv avait…"
  }
  return {};
}

bool located(NameDoc& doc, size_t wi) {
  const auto& toks = doc.toks;
  size_t k = doc.words[wi] + 1;
  while (k < toks.size() && toks[k].kind == TokenKind::kSpace) ++k;
  if (k >= toks.size()) return false;
  std::string_view p = toks[k].kind == TokenKind::kPunct ? toks[k].text(doc.t) : std::string_view();
  if (p == ",") return is_one_of(after_token(toks, doc.t, k), {"dans", "en", "au", "aux", "près"});
  if (p == "(") return text::case_shape(after_token(toks, doc.t, k)).initial_upper;
  return is_one_of(doc.after(wi, 1), {"dans"}) && is_one_of(doc.after(wi, 2), {"le", "la", "l'", "l’", "les"}) &&
         place_noun(doc.wk, doc.after(wi, 3));
}

}  // namespace retouche::name_steps
