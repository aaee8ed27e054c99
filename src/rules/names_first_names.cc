// names_first_names.cc — step 3 of the names rule (names_steps.h): a garbled
// first name before a corrected surname ("Serguïa Lawrow", "Dmitre Peskow")
// becomes the table's first name of that person, when close.
#include <algorithm>

#include "rules/names_steps.h"

namespace retouche::name_steps {
namespace {

// The hits, and the surnames written correctly ("Ramzam Kadyrov").
std::vector<Hit> surnames_of(const NameDoc& doc, const std::vector<Hit>& hits) {
  std::vector<Hit> surnames = hits;
  for (size_t wi = 0; wi < doc.words.size(); ++wi) {
    const text::Token& tok = doc.toks[doc.words[wi]];
    const auto* es = doc.correct_of(wi);
    if (!es) continue;
    for (const NameEntry* e : *es) {
      if (e->kind == NameKind::kSurname) {
        surnames.push_back({tok.begin, tok.end, e, std::string(tok.text(doc.t)), 0.9, kVariant, false, "",
                            std::string(tok.text(doc.t))});
        break;
      }
    }
  }
  return surnames;
}

// The first name of `firsts` closest to `pw`, or "" (`pw` is one of them, or
// none is close), remembered across documents.
const std::string& closest_first_name(ThreadCache& cache, std::string_view pw, const std::string& surname,
                                      const std::vector<std::string>& firsts) {
  std::string memo_key = std::string(pw) + '\t' + surname;
  auto cached = cache.first_for_surname.find(memo_key);
  if (cached != cache.first_for_surname.end()) return cached->second;
  if (cache.first_for_surname.size() >= ThreadCache::kMaxEntries) cache.first_for_surname.clear();
  std::string best;
  double best_d = 1e9;
  for (const std::string& first : firsts) {
    if (first == pw) {
      best.clear();
      break;
    }
    double d = name_distance(name_key(pw), name_key(first));
    if (d < best_d) best_d = d, best = first;
  }
  double rel =
      best.empty() ? 1.0 : best_d / static_cast<double>(std::max(name_key(pw).size(), name_key(best).size()));
  if (rel > 0.2) best.clear();
  return cache.first_for_surname.emplace(std::move(memo_key), std::move(best)).first->second;
}

}  // namespace

std::vector<Hit> first_names_before_surnames(NameDoc& doc, const std::vector<Hit>& hits) {
  std::vector<Hit> firsts;
  for (const Hit& h : surnames_of(doc, hits)) {
    if (h.entry->kind != NameKind::kSurname) continue;
    const std::vector<std::string>* names = doc.people.first_names_of(h.entry->canonical);
    if (!names) continue;
    size_t wi = static_cast<size_t>(
        std::lower_bound(doc.words.begin(), doc.words.end(), h.begin,
                         [&](size_t ti, size_t pos) { return doc.toks[ti].begin < pos; }) -
        doc.words.begin());
    if (wi == 0 || wi >= doc.words.size() || !doc.spaced(doc.words[wi - 1], doc.words[wi])) continue;
    const text::Token& p = doc.toks[doc.words[wi - 1]];
    std::string_view pw = p.text(doc.t);
    // A word the dictionary knows is somebody else's first name ("Natalie
    // Bennett" is not Naftali Bennett).
    if (!doc.shapes[wi - 1].initial_upper || doc.correct_of(wi - 1) || doc.wk.known(pw)) continue;
    const std::string& best = closest_first_name(doc.cache, pw, h.entry->canonical, *names);
    if (best.empty()) continue;
    firsts.push_back({p.begin, p.end, h.entry, std::string(pw), std::min(h.confidence, 0.9), h.info,
                      h.needs_evidence,
                      "first name of " + best + " " + h.entry->canonical + ", whose surname is corrected next to it",
                      best});
  }
  return firsts;
}

}  // namespace retouche::name_steps
