// NameTable: the curated proper names of corrections/names/*.tsv.
//
// Each row gives a canonical French form, its kind, the wrong or foreign
// spellings to correct ("variants"; a leading '?' marks an ambiguous one that
// needs supporting context), and other spellings that are also correct French
// ("accepted", never changed). See corrections/names/README.md.
//
//   std::shared_ptr<const NameTable> t;
//   Status s = NameTable::load("corrections/names", &t);
//   if (auto hit = t->find_variant("Jarevan")) hit->entry->canonical;  // "Erevan"
//   t->is_correct("Kyiv");                                             // true (accepted)
//
// Thread-safety: immutable after load(); share it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "retouche/status.h"

namespace retouche {

enum class NameKind : uint8_t {
  kCountry, kCity, kRegion, kTerritory, kPerson, kSurname, kFirstName, kOrganisation,
  kMedia, kProduct, kDemonym, kAdjective, kOther
};
std::optional<NameKind> parse_name_kind(std::string_view s);
std::string_view name_kind_name(NameKind k);
bool is_place_kind(NameKind k);   // country, city, region, territory
bool is_person_kind(NameKind k);  // person, surname, first-name

struct NameEntry {
  std::string canonical;
  NameKind kind = NameKind::kOther;
  std::vector<std::string> variants;   // without the '?' marker
  std::vector<bool> ambiguous;         // parallel to variants
  std::vector<std::string> accepted;
  std::string note;
  std::string source;  // "file:line", for messages
  std::string file;    // base name of the table file
};

class NameTable {
 public:
  // Reads every *.tsv of `dir`, and its world-places.txt when there is one.
  static Status load(const std::string& dir, std::shared_ptr<const NameTable>* out);
  // For tests: builds a table from rows in the file format.
  static Status from_text(std::string_view tsv, std::shared_ptr<const NameTable>* out);

  struct VariantHit {
    const NameEntry* entry;
    bool ambiguous;
  };
  // Exact (case-sensitive) look-up of a known variant; several words joined by one space.
  std::optional<VariantHit> find_variant(std::string_view form) const;
  // Entries whose canonical or accepted form is exactly `form`.
  const std::vector<const NameEntry*>* find_correct(std::string_view form) const;
  bool is_correct(std::string_view form) const { return find_correct(form) != nullptr; }
  // Is `word` the first word of a multi-word form (correct or variant)? A
  // cheap test before building "Volodimir Jelensky" out of two tokens.
  bool starts_multiword(std::string_view word) const;

  // Everything the table says about one word, in one look-up (the names
  // rule asks this for every word of every document).
  struct WordInfo {
    const std::vector<const NameEntry*>* correct = nullptr;  // as find_correct()
    std::optional<VariantHit> variant;                      // as find_variant()
    bool starts_multiword = false;
  };
  // Null when the table knows nothing of `word`.
  const WordInfo* find_word(std::string_view word) const;

  // A real town of the world that no table row holds (world-places.txt:
  // "Lankaran", "Tonghua"): never a garble to guess from. Exact, case-sensitive.
  bool world_place(std::string_view word) const {
    return world_places_.find(word) != world_places_.end();
  }
  size_t world_places() const { return world_places_.size(); }

  const std::vector<NameEntry>& entries() const { return entries_; }
  size_t max_variant_words() const { return max_variant_words_; }
  // Every word of every canonical and accepted form (for the lexicon).
  std::vector<std::string> correct_words() const;

 private:
  Status add_rows(std::string_view text, const std::string& file);
  void index();

  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<NameEntry> entries_;
  std::unordered_map<std::string, VariantHit, Hash, std::equal_to<>> variants_;
  std::unordered_map<std::string, std::vector<const NameEntry*>, Hash, std::equal_to<>> correct_;
  std::unordered_set<std::string, Hash, std::equal_to<>> multiword_starts_;
  std::unordered_map<std::string, WordInfo, Hash, std::equal_to<>> words_;
  std::unordered_set<std::string, Hash, std::equal_to<>> world_places_;
  size_t max_variant_words_ = 1;
};

}  // namespace retouche
