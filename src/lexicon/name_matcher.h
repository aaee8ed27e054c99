// Transliteration-aware look-up of garbled names: "Jarevan" -> Erevan,
// "Pioniang" -> Pyongyang, "Kurskin" -> Koursk.
//
// Every form of the name table (canonical, accepted, variants) is folded to a
// key that forgets what transliteration changes (accents, doubled letters,
// dj/dzh/zh/j, sh/sch/tch/ch, kh/h, ph/f, w/v, y/i, c/k/q, ou/u) and indexed
// by its letter pairs. A query gathers the forms sharing most pairs with its
// own key, then ranks them by a weighted edit distance in which the usual
// confusions (j/y/i/z/g/h, k/g/h, s/z, b/v, vowels) and a spurious ending
// ("-in", "-e", "-ia") cost little.
//
//   NameMatcher m(table);
//   auto r = m.match("Pioniang");
//   // r.best->canonical == "Pyongyang", r.distance, r.margin (to the runner-up)
//
// Thread-safety: immutable after construction; match() is const and safe to
// call from many threads.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lexicon/name_table.h"

namespace retouche {

// The folded key of a name ("Azerbaïdjan" -> "azerbaijan").
std::string name_key(std::string_view name);

// Lowercase letters without accents, nothing else changed ("Égypte" -> "egypte").
std::string fold_accents(std::string_view name);

// Lowercase letters with their diacritics dropped, nothing spelled out
// ("Vučić" -> "vucic", where fold_accents gives "vuchich").
std::string plain_letters(std::string_view name);

// Weighted edit distance between two keys (see above); 0 for equal keys.
double name_distance(std::string_view query_key, std::string_view target_key);
// Are two keys within `limit` of each other? As name_distance() <= limit,
// but the distance stops being computed once every path costs more.
bool name_within(std::string_view query_key, std::string_view target_key, double limit);

// A key with the indel cost of each of its letters, computed once: a key
// compared with many others (a word with every first name of the table)
// does not compute them again for each pair.
// It also counts its letters: two keys whose letters differ too much are
// told apart without the distance (most pairs of a word and a first name).
struct CostedKey {
  explicit CostedKey(std::string key);
  std::string key;
  std::vector<double> costs;
  std::array<uint8_t, 26> letters{};  // how many of each of 'a'..'z'
  bool counted = true;                // false: a byte outside 'a'..'z', or a letter 256 times
};
// The same answer as name_within(q.key, t.key, limit).
bool name_within(const CostedKey& q, const CostedKey& t, double limit);

class NameMatcher {
 public:
  // `targets`: table files whose entries may be proposed (empty: all).
  explicit NameMatcher(const NameTable& table, const std::vector<std::string>& targets = {});

  struct Candidate {
    const NameEntry* entry = nullptr;
    std::string_view form;  // the table form that matched (canonical, accepted or variant)
    double distance = 0;    // weighted edit distance between the keys
  };
  struct Match {
    Candidate best;
    Candidate second;       // best candidate with another canonical form (entry may be null)
    std::vector<Candidate> ranked;  // up to kMaxCandidates, one per canonical form, best first
    bool found() const { return best.entry != nullptr; }
  };
  static constexpr size_t kMaxCandidates = 6;

  // Single-word look-up.
  Match match(std::string_view token) const;

  size_t forms() const { return forms_.size(); }

 private:
  struct Form {
    std::string key;
    std::vector<double> costs;  // indel cost of each letter of the key
    std::string_view text;
    const NameEntry* entry;
    uint16_t pairs;  // letter pairs of the key plus letter triples of its skeleton
  };
  // Forms scored by the edit distance per query: the best by shared pairs.
  static constexpr size_t kMaxScored = 60;
  std::vector<Form> forms_;
  // Letter-pair code (key pairs; skeleton triples from 1 << 24) -> form ids.
  std::unordered_map<uint32_t, std::vector<uint32_t>> pairs_;
};

}  // namespace retouche
