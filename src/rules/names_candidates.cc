// names_candidates.cc — step 1 of the names rule (names_steps.h): the table's
// forms written in the document, and the unknown capitalised words the
// matcher will look at.
#include <algorithm>
#include <optional>

#include "rules/names_context.h"
#include "rules/names_steps.h"

namespace retouche::name_steps {
namespace {

using text::Token;

// A variant of the table at words wi..wi+len-1 (bytes b..e): a hit, unless
// its context says it is something else.
void take_variant(NameDoc& doc, size_t wi, size_t len, size_t b, size_t e, std::string_view form,
                  const NameTable::VariantHit& hit, std::vector<Hit>& hits) {
  WordKnowledge& wk = doc.wk;
  // "Coppa Italia", "Canadian Vickers", "Prince of Persia": leave it.
  if (foreign_name_context(wk, doc.t, doc.toks, doc.words, wi, wi + len - 1, hit.entry)) return;
  // A variant that is also a French word or a name the dictionary knows
  // ("Moscow" of The Moscow Times) needs the document's support.
  uint32_t fl = len == 1 ? wk.lexicon().flags(form) : 0;
  bool ambiguous = hit.ambiguous || ((fl & word::kKnown) && !(fl & word::kAddOn));
  NameKind kind = hit.entry->kind;
  std::string_view prev = wi > 0 ? doc.word_at(wi - 1) : std::string_view();
  // "au Morocco", "en China": after the prepositions French gives a
  // country, an ambiguous foreign name of a country is that country.
  if (ambiguous && (kind == NameKind::kCountry || kind == NameKind::kTerritory) && wi > 0 &&
      doc.spaced(doc.words[wi - 1], doc.words[wi]) && is_one_of(prev, {"en", "au", "aux"}) &&
      !(fl & word::kKnown)) {
    ambiguous = false;
  }
  // "Ethiopian Airlines", "est Alawites": not a French noun phrase.
  if ((kind == NameKind::kDemonym || kind == NameKind::kAdjective) && !demonym_context(wk, prev)) return;
  if (kind == NameKind::kFirstName) {
    // A first name is corrected only before a surname the table knows
    // ("Sergui Lavrov"); "Aleksandr Mostovoï" is somebody else.
    bool surname_next = wi + len < doc.words.size() &&
                        doc.spaced(doc.words[wi + len - 1], doc.words[wi + len]) &&
                        surname_known(doc.table, doc.word_at(wi + len));
    if (!surname_next) return;
  }
  hits.push_back({b, e, hit.entry, std::string(doc.t.substr(b, e - b)), 0.97, kVariant, ambiguous,
                  "listed as a variant of \"" + hit.entry->canonical + "\"", ""});
}

// The longest form of the table starting at word `wi`: a correct one
// protects its words ("The Moscow Times"), a variant is corrected whole.
// Returns how many words it takes (0: none, or one correct word, which the
// later steps still look at).
size_t table_form_at(NameDoc& doc, size_t wi, Candidates& found) {
  // A word the table knows nothing of is no correct form, no variant and
  // starts no form of several words (most words of a document).
  if (!doc.info[wi]) return 0;
  const Token& tok = doc.toks[doc.words[wi]];
  std::string buf;
  size_t longest = doc.info[wi] && doc.info[wi]->starts_multiword ? doc.table.max_variant_words() : 1;
  for (size_t len = std::min(longest, doc.words.size() - wi); len >= 1; --len) {
    bool contiguous = true;
    for (size_t k = 1; k < len && contiguous; ++k) {
      contiguous = doc.spaced(doc.words[wi + k - 1], doc.words[wi + k]);
    }
    if (!contiguous) continue;
    size_t b = tok.begin, e = doc.toks[doc.words[wi + len - 1]].end;
    std::string_view form = ascii_apostrophes(doc.t.substr(b, e - b), buf);
    bool correct = len == 1 ? doc.correct_of(wi) != nullptr : doc.table.is_correct(form);
    if (correct) {
      found.present.insert(std::string(form));
      if (len == 1) return 0;
      // Its words are written correctly too: "Kassym-Jomart Tokaïev"
      // makes "Tokaïev" the document's spelling of the surname.
      for (size_t k = 0; k < len; ++k) {
        if (doc.correct_of(wi + k)) found.present.insert(ascii_apostrophes(doc.word_at(wi + k)));
      }
      return len;
    }
    std::optional<NameTable::VariantHit> variant =
        len == 1 ? (doc.info[wi] ? doc.info[wi]->variant : std::nullopt) : doc.table.find_variant(form);
    if (variant) {
      take_variant(doc, wi, len, b, e, form, *variant, found.hits);
      return len;
    }
  }
  return 0;
}

// Is the capitalised word `wi` part of a full name ("Ziadin Safarov")? Only
// a known first name or title beside it lets the matcher look at it
// ("Emmanuel Macronge").
bool inside_full_name(NameDoc& doc, size_t wi) {
  WordKnowledge& wk = doc.wk;
  bool in_name = false;
  if (doc.spaced_next(wi) && doc.shapes[wi + 1].initial_upper) {
    std::string_view n = doc.word_at(wi + 1);
    in_name |= !standalone_name(wk, n) && !doc.people.table_first_name(doc.table, n);
  }
  if (wi > 0 && doc.spaced(doc.words[wi - 1], doc.words[wi]) && doc.shapes[wi - 1].initial_upper) {
    std::string_view p = doc.word_at(wi - 1);
    in_name |= !standalone_name(wk, p) && !person_context(wk, p) &&
               !doc.people.table_first_name(doc.table, p) &&
               !doc.people.matcher_first_name(p, doc.cache.first_name_like);
  }
  return in_name;
}

// Word `wi`, not a form of the table: an unknown capitalised word becomes a
// candidate for the matcher; a name glued to the next word ("TonetskQue",
// "EkatarimpurchLa") has its name part looked at, joins.glued separates the rest.
void unknown_candidate(NameDoc& doc, size_t wi, Candidates& found) {
  const Token& tok = doc.toks[doc.words[wi]];
  std::string_view w = tok.text(doc.t);
  text::CaseShape shape = doc.shapes[wi];
  size_t span_end = tok.end;
  if (shape.inner_upper && shape.initial_upper && !tok.hyphenated) {
    size_t cut = glued_cut(w);
    if (cut == 0) return;
    w = w.substr(0, cut);
    span_end = tok.begin + cut;
    shape = text::case_shape(w);
    if (auto hit = doc.table.find_variant(ascii_apostrophes(w))) {
      // "Sociedad Rural ArgentinaPar": the name part may be foreign too.
      if (!foreign_name_context(doc.wk, doc.t, doc.toks, doc.words, wi, wi, hit->entry)) {
        found.hits.push_back({tok.begin, span_end, hit->entry, std::string(w), 0.95, kVariant,
                              hit->ambiguous, "listed as a variant of \"" + hit->entry->canonical + "\"",
                              ""});
      }
      return;
    }
  }
  if (!shape.initial_upper || shape.all_upper || shape.inner_upper || shape.letters < 3 ||
      tok.hyphenated) {
    return;
  }
  if (doc.wk.known(w) || doc.table.world_place(w)) return;
  // "Loc'h", "Da'ra": an apostrophe inside a word is a foreign spelling, not a garble.
  if (w.find('\'') != std::string_view::npos || w.find("’") != std::string_view::npos) return;
  if (inside_full_name(doc, wi)) return;
  found.unknowns.push_back({wi, tok.begin, span_end});
}

}  // namespace

Candidates find_candidates(NameDoc& doc) {
  Candidates found;
  for (size_t wi = 0; wi < doc.words.size(); ++wi) {
    if (doc.toks[doc.words[wi]].elision) continue;
    if (size_t taken = table_form_at(doc, wi, found)) {
      wi += taken - 1;
      continue;
    }
    unknown_candidate(doc, wi, found);
  }
  return found;
}

}  // namespace retouche::name_steps
