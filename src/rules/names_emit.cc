// names_emit.cc — step 4 of the names rule (names_steps.h): the hits
// proposed with the document's evidence, the consistency of names within the
// document, and the unknown words reported.
#include <algorithm>
#include <map>

#include "rules/names_steps.h"

namespace retouche::name_steps {
namespace {

// Document evidence for a name: written correctly, or corrected confidently.
class Evidence {
 public:
  Evidence(const std::vector<Hit>& hits, const std::set<std::string>& present) : present_(present) {
    for (const Hit& h : hits) {
      if (!h.needs_evidence) ++confident_[h.entry->canonical];
    }
  }
  bool operator()(const NameEntry* e) const {
    return confident_.count(e->canonical) > 0 || present_.count(e->canonical) > 0;
  }
  // Is hit `h` applied (or applied with the document's support)?
  bool taken(const Hit& h) const { return !h.needs_evidence || (*this)(h.entry); }

 private:
  std::map<std::string, int> confident_;  // canonical -> confident corrections
  const std::set<std::string>& present_;  // grows while step 4 runs: seen live
};

// First names corrected with their surname; a hit of their own is replaced.
void replace_first_names(std::vector<Hit>& hits, std::vector<Hit> firsts) {
  std::set<size_t> first_starts;
  for (const Hit& f : firsts) first_starts.insert(f.begin);
  hits.erase(std::remove_if(hits.begin(), hits.end(), [&](const Hit& h) { return first_starts.count(h.begin) > 0; }),
             hits.end());
  for (Hit& f : firsts) hits.push_back(std::move(f));
}

void propose_hits(RuleContext& ctx, const std::vector<Hit>& hits, const Evidence& evidenced) {
  for (const Hit& h : hits) {
    std::string message = "\"" + h.from + "\" " + h.why;
    if (!h.needs_evidence) {
      ctx.propose(h.info, h.begin, h.end, h.to(), h.confidence, message);
    } else if (evidenced(h.entry)) {
      ctx.propose(h.info, h.begin, h.end, h.to(), std::max(h.confidence, 0.85), message + "; the document confirms it");
    } else {
      ctx.propose(h.info, h.begin, h.end, h.to(), h.info == kVariant ? 0.6 : h.confidence,
                  message + "; not confirmed by the document", Applicability::kSuggested);
    }
  }
}

// canonical -> distinct keys corrected, and how many corrections
using CorrectedForms = std::map<std::string, std::pair<std::set<std::string>, size_t>>;

// An accepted spelling of a name beside the canonical one ("Tokayev",
// "Tokaïev"): correct French, changed only by a house spelling asked for
// (names.house-spelling, off by default). Accents or case alone ("Erdogan",
// "talibans") are accepted as they are, and so is a part of a longer name
// ("Caspienne" of "mer Caspienne").
void house_spelling(RuleContext& ctx, const text::Token& tok, const std::string& form, const NameEntry& e) {
  if (form == e.canonical) return;
  bool same_shape =
      e.canonical.find(' ') == std::string::npos && name_within(name_key(form), name_key(e.canonical), 1.0);
  if (!same_shape) return;
  if (WordKnowledge::lower(form) == WordKnowledge::lower(e.canonical)) return;  // case alone
  ctx.propose(kHouse, tok.begin, tok.end, e.canonical, 0.9,
              "house spelling: \"" + e.canonical + "\" rather than \"" + form + "\"");
}

// The name corrected twice or more whose corrected keys are close to `w`, or null.
const std::string* consistent_name(std::string_view w, const std::string& form, const CorrectedForms& corrected_forms) {
  std::string key = name_key(w);
  for (const auto& [canonical, corrected] : corrected_forms) {
    if (corrected.second < 2) continue;
    double best = 1e9;
    for (const std::string& k : corrected.first) {
      // Every letter added or dropped costs at least 0.3: keys further
      // apart in length than that are not within 1.0.
      if (k.size() > key.size() + 3 || key.size() > k.size() + 3) continue;
      best = std::min(best, name_distance(key, k));
    }
    double rel = best / static_cast<double>(std::max<size_t>(key.size(), 4));
    if (best <= 1.0 && rel <= 0.25 && canonical != form) return &canonical;
  }
  return nullptr;
}

// A real word or name read as a person or a work stays what it is:
// "Jean-Sébastien Bach", "du Bach", "un Bach".
bool read_as_person_or_work(const NameDoc& doc, size_t wi) {
  if (wi == 0 || !doc.spaced(doc.words[wi - 1], doc.words[wi])) return false;
  std::string_view p = doc.word_at(wi - 1);
  return text::case_shape(p).initial_upper || doc.wk.lists().determiners->count(WordKnowledge::lower(p)) ||
         WordKnowledge::lower(p) == "du";
}

// Consistency: a known word close to a name corrected twice in this document
// ("Bach" beside "Bagu", "Baghu" -> Bakou); an accepted spelling beside the
// canonical one (Tokayev beside Tokaïev).
void propose_consistency(RuleContext& ctx, NameDoc& doc, const std::vector<Hit>& hits,
                         std::set<std::string>& present, const Evidence& evidenced) {
  CorrectedForms corrected_forms;
  for (const Hit& h : hits) {
    if (!evidenced.taken(h)) continue;
    auto& [keys, count] = corrected_forms[h.entry->canonical];
    keys.insert(name_key(h.from));
    ++count;
  }
  std::unordered_map<std::string, const std::string*> consistent_with;  // word -> canonical (or null)
  std::set<size_t> hit_starts;
  for (const Hit& h : hits) hit_starts.insert(h.begin);
  // Names this pass writes count as present: a second pass must find nothing more.
  for (const Hit& h : hits) {
    if (evidenced.taken(h)) present.insert(h.to());
  }
  for (size_t wi = 0; wi < doc.words.size(); ++wi) {
    const text::Token& tok = doc.toks[doc.words[wi]];
    if (tok.elision || hit_starts.count(tok.begin)) continue;
    const text::CaseShape& shape = doc.shapes[wi];
    if (!shape.initial_upper || shape.all_upper || shape.letters < 3) continue;
    std::string_view w = tok.text(doc.t);
    std::string form = ascii_apostrophes(w);
    if (const auto* entries = doc.correct_of(wi)) {
      house_spelling(ctx, tok, form, *entries->front());
      continue;
    }
    if (read_as_person_or_work(doc, wi) || corrected_forms.empty()) continue;
    // A name this document writes, or that a correction here wrote, is never
    // rewritten into another ("Moqtada", first name of the corrected Moqtada
    // al-Sadr, is not "al-Sadr").
    if (present.count(form) || present.count(std::string(w))) continue;
    auto [memo, fresh] = consistent_with.try_emplace(form, nullptr);
    if (fresh && !doc.wk.function_word(w)) memo->second = consistent_name(w, form, corrected_forms);
    if (const std::string* canonical = memo->second) {
      ctx.propose(kConsistency, tok.begin, tok.end, *canonical, 0.75,
                  "\"" + form + "\" is written like \"" + *canonical + "\", corrected " +
                      std::to_string(corrected_forms[*canonical].second) + " times in this document");
    }
  }
}

// Unknown words that look garbled, in a document where names were garbled:
// reported, not changed.
void report_unknown(RuleContext& ctx, const NameDoc& doc, const std::vector<Hit>& hits) {
  if (hits.empty()) return;
  std::set<size_t> handled;
  for (const Hit& h : hits) handled.insert(h.begin);
  for (size_t wi = 0; wi < doc.words.size(); ++wi) {
    const text::Token& tok = doc.toks[doc.words[wi]];
    if (tok.elision || handled.count(tok.begin)) continue;
    std::string_view w = tok.text(doc.t);
    const text::CaseShape& shape = doc.shapes[wi];
    if (shape.letters < 5 || shape.all_upper || shape.inner_upper || tok.hyphenated) continue;
    if (doc.wk.known(w) || (doc.info[wi] && doc.info[wi]->variant) || doc.table.world_place(w)) continue;
    bool next_capitalised = doc.spaced_next(wi) && doc.shapes[wi + 1].initial_upper;
    bool prev_capitalised = wi > 0 && doc.spaced(doc.words[wi - 1], doc.words[wi]) && doc.shapes[wi - 1].initial_upper;
    if (shape.initial_upper && (next_capitalised || prev_capitalised)) continue;  // a full name
    std::string message = "\"";
    message.append(w).append("\" is unknown and may be garbled; no name is close enough");
    ctx.propose(kUnknown, tok.begin, tok.end, std::string(w), 0.3, message, Applicability::kReport);
  }
}

}  // namespace

void emit(RuleContext& ctx, NameDoc& doc, Candidates& found, std::vector<Hit> firsts) {
  Evidence evidenced(found.hits, found.present);
  replace_first_names(found.hits, std::move(firsts));
  propose_hits(ctx, found.hits, evidenced);
  propose_consistency(ctx, doc, found.hits, found.present, evidenced);
  report_unknown(ctx, doc, found.hits);
}

}  // namespace retouche::name_steps
