// LexiconTable: every word form Hunspell accepts, expanded once from the
// dictionary, with the morphology bits the rules read, in an immutable table
// memory-mapped from a cache file.
//
//   Status st;
//   auto table = LexiconTable::open(aff, dic, cache_dir, &st);  // builds the file on first use
//   LexiconTable::Answer a = table->find("maisons");
//   if (a.found) ... a.bits ...                 // word::kKnown | morphology bits
//   else if (LexiconTable::decides("maisons")) ... // Hunspell would refuse it too
//   else ...                                    // ask Hunspell
//
// What it holds: the forms of AffixExpander (affix_expander.h) made of
// letters only (Latin letters of ISO 8859-1 and œ Œ Ÿ) or of such words
// joined by single hyphens ("peut-être"), their capitalised forms, each kept
// only if Hunspell's spell() accepts it, and with it the bits of Hunspell's
// analyze() (lexicon.cc's reading of the po:/st: tags). So a form in the
// table is exactly as Hunspell answers it. A form not in it is refused by
// Hunspell when `decides()` says so: letters of that alphabet only, all
// lowercase or only the first letter uppercase. fr_FR has no compounding,
// so such a word is accepted by Hunspell only as a stem with affixes (which
// the expander enumerates) or, capitalised, as the capitalisation of an
// accepted lowercase form (which the table holds). Two such words joined by
// one hyphen, not all in capitals, are answered too when Hunspell breaks
// such a word at its hyphen only and forbids no word (fr_FR does): accepted
// as a whole form (held) or when both sides are (`spell()`). Other words (apostrophes, digits, more
// hyphens, capitals inside or all capitals, other scripts) are Hunspell's to
// answer.
//
// The cache file: `lexicon-<hash of the paths>-v<format>.bin` in `cache_dir`
// (versions of retouche with other formats keep their own files), keyed by
// the size and modification time of the .aff and .dic and by the table format;
// rebuilt when they change; written to a temporary file and renamed; a lock
// file makes concurrent processes wait for one build instead of each
// building. An unwritable cache directory is an error (nothing is built:
// the caller goes on with Hunspell alone); an empty one means "build in
// memory" (tests, tools).
//
// Thread-safety: immutable after open(); share it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "retouche/status.h"

namespace retouche {

class LexiconTable {
 public:
  // Bits of an entry beside the word:: bits of lexicon.h.
  static constexpr uint32_t kOwnEntry = 1u << 29;  // an analysis has the form itself as its stem

  struct Answer {
    bool found = false;
    uint32_t bits = 0;  // word::kKnown, morphology bits, kOwnEntry
  };

  // Opens the cache file in `cache_dir` (building it when missing or stale).
  // `cache_dir` empty: built in memory. `threads`: Hunspell handles used to
  // build (0: as many as cores).
  static std::unique_ptr<LexiconTable> open(const std::string& aff_path, const std::string& dic_path,
                                            const std::string& cache_dir, Status* status,
                                            unsigned threads = 0);
  ~LexiconTable();
  LexiconTable(const LexiconTable&) = delete;
  LexiconTable& operator=(const LexiconTable&) = delete;

  Answer find(std::string_view w) const;
  // True when a form absent from the table is one Hunspell refuses.
  static bool decides(std::string_view w);
  // Hunspell's spell() of `w`, when the table can give it: a form it holds
  // (accepted), one decides() covers (refused), or two such words joined by
  // one hyphen, which Hunspell's BREAK rule accepts when it accepts both
  // ("Nord-Coréens", "états-unis"). Returns false, leaving `accepted`, when
  // Hunspell must answer.
  bool spell(std::string_view w, bool* accepted) const;

  size_t size() const { return entries_count_; }
  // How the table was obtained, for the benchmark: "mapped" (cache file
  // present), "built" (cache file written now) or "memory".
  const std::string& origin() const { return origin_; }
  double build_seconds() const { return build_seconds_; }
  const std::string& path() const { return path_; }
  // Every form, for tools (the benchmark's floor).
  std::vector<std::string_view> forms() const;

 private:
  LexiconTable() = default;
  bool attach(const void* data, size_t size, uint64_t key);
  bool spell_at_hyphen(std::string_view w, bool* accepted) const;

  struct Entry {
    uint32_t offset, length, bits, hash;
  };
  const Entry* entries_ = nullptr;
  const uint32_t* slots_ = nullptr;
  const char* pool_ = nullptr;
  uint32_t entries_count_ = 0, slot_mask_ = 0;
  bool breaks_at_hyphen_ = false;  // Hunspell breaks a word of letters and one hyphen there only (lexicon_table.cc)
  void* map_ = nullptr;
  size_t map_size_ = 0;
  std::string memory_;  // the image when it is not mapped
  std::string origin_, path_;
  double build_seconds_ = 0;
};

}  // namespace retouche
