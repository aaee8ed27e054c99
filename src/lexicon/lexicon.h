// Lexicon: is this a French word, a name, a function word? Hunspell with the
// system French dictionary (Debian's hunspell-fr, Dicollecte "classique")
// plus the add-on word lists in dictionaries/, behind a per-thread cache.
//
//   auto data = LexiconData::load(config, &status);   // once, shared
//   Lexicon lex(*data);                                // one per thread
//   if (lex.known("Erevan")) ...
//   uint32_t m = lex.morphology("Du");                 // kFunctionWord | kDeterminer | kCommon
//
// Costs measured here: ~6 µs per uncached spell(), ~14 µs per analyze(),
// ~150 ms per suggest() (never called on the hot path). With
// LexiconConfig::use_table, flags() and morphology() answer from the
// expanded table (lexicon_table.h: every form Hunspell accepts, with its
// analysis, memory-mapped) in tens of nanoseconds, uncached, and ask Hunspell
// only about words the table cannot decide (hyphens, apostrophes, capitals
// inside); the answers are the same. The Hunspell handle is then created on
// the first such word. Answers that needed Hunspell are cached
// twice: in the Lexicon (one thread, no lock) and in the LexiconData shared
// by all threads, so a form is asked of Hunspell about once per run whatever
// the number of threads. Both caches are bounded (memory stays flat on an
// endless corpus): a full cache is emptied and refills with what is current.
//
// flags() gives kKnown, kLowerKnown and kAddOn; read morphology bits from
// morphology() (without the table, flags() may carry them too once cached).
//
// Thread-safety: LexiconData is shared; its cache is internally synchronised
// (sharded locks). A Lexicon (it owns a Hunspell handle) must be used by one
// thread at a time. Debian's Hunspell 1.7.1 races when handles are created
// concurrently, so construction is serialised internally.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "retouche/status.h"

class Hunspell;

namespace retouche {

class LexiconTable;

namespace word {
// Answers of Lexicon::flags().
inline constexpr uint32_t kKnown = 1u << 0;       // accepted as written
inline constexpr uint32_t kLowerKnown = 1u << 1;  // its all-lowercase form is accepted
inline constexpr uint32_t kAddOn = 1u << 2;       // listed in a dictionaries/ add-on list
// Answers of Lexicon::morphology() (include the flags() bits).
inline constexpr uint32_t kNameReading = 1u << 4;    // a proper-noun reading (capitalised stem, po:npr…)
inline constexpr uint32_t kCommonReading = 1u << 5;  // a common-word reading (lowercase stem)
inline constexpr uint32_t kFunctionWord = 1u << 6;   // po:mg: determiner, pronoun, preposition…
inline constexpr uint32_t kNoun = 1u << 7;
inline constexpr uint32_t kAdjective = 1u << 8;
inline constexpr uint32_t kVerb = 1u << 9;          // a conjugated or participle form
inline constexpr uint32_t kInfinitive = 1u << 10;
inline constexpr uint32_t kParticiple = 1u << 11;
inline constexpr uint32_t kAdverb = 1u << 12;
inline constexpr uint32_t kDeterminer = 1u << 13;
inline constexpr uint32_t kPreposition = 1u << 14;
inline constexpr uint32_t kPronoun = 1u << 15;
inline constexpr uint32_t kConjunction = 1u << 16;
inline constexpr uint32_t kFiniteVerb = 1u << 17;   // indicative/subjunctive/imperative form
inline constexpr uint32_t kSubjectPronoun = 1u << 18;
inline constexpr uint32_t kFirstName = 1u << 19;     // po:prn
inline constexpr uint32_t kPlaceOrSurname = 1u << 20; // po:npr, po:patr, or a capitalised stem
}  // namespace word

struct LexiconConfig {
  std::string aff_path = "/usr/share/hunspell/fr_FR.aff";
  std::string dic_path = "/usr/share/hunspell/fr_FR.dic";
  std::vector<std::string> addon_dic_paths;  // plain word lists (first line: count)
  std::vector<std::string> extra_words;      // e.g. canonical names from corrections/
  // The expanded look-up table (lexicon_table.h) in front of Hunspell, its
  // cache file in `table_cache_dir` (empty: built in memory at each load).
  bool use_table = false;
  std::string table_cache_dir;
};

// Word form -> answer bits, shared by the threads of a run.
class SharedWordCache {
 public:
  static constexpr size_t kMaxEntries = 1 << 20;
  uint32_t get(std::string_view w) const;          // 0 when unknown
  void merge(std::string_view w, uint32_t bits);   // ORs `bits` into the entry

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  static constexpr size_t kShards = 64;
  struct Shard {
    mutable std::mutex mu;
    std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> map;
  };
  Shard& shard(std::string_view w, size_t* hash) const;
  mutable Shard shards_[kShards];
};

class LexiconData {
 public:
  static std::unique_ptr<LexiconData> load(const LexiconConfig& config, Status* status);

  const LexiconConfig& config() const { return config_; }
  bool is_addon(std::string_view w) const;
  SharedWordCache& shared_cache() const { return cache_; }
  // The expanded table, or null (not asked for, or the dictionary cannot be
  // expanded: then table_status() says why).
  const LexiconTable* table() const { return table_.get(); }
  const Status& table_status() const { return table_status_; }
  // Hunspell for what the table cannot answer, one for all threads, created
  // on first use: with the table such look-ups are rare (about 1,200 in
  // 3.3 MB of real MT), and each Hunspell costs ~0.1 s to build. Thread-safe.
  bool shared_spell(const std::string& w) const;
  uint32_t shared_analysis(const std::string& w) const;
  ~LexiconData();

 private:
  struct AddonHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  LexiconConfig config_;
  // Exact forms from add-ons and extra words.
  std::unordered_set<std::string, AddonHash, std::equal_to<>> addon_;
  mutable SharedWordCache cache_;
  std::unique_ptr<LexiconTable> table_;
  Status table_status_;
  Hunspell& shared_hunspell() const;  // hunspell_mu_ held
  mutable std::mutex hunspell_mu_;
  mutable std::unique_ptr<Hunspell> hunspell_;
};

class Lexicon {
 public:
  explicit Lexicon(const LexiconData& data);
  ~Lexicon();
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  uint32_t flags(std::string_view w);       // spell-checking bits only (cheap, cached)
  uint32_t morphology(std::string_view w);  // plus morphology bits (cached)
  bool known(std::string_view w) { return flags(w) & word::kKnown; }

  size_t cache_size() const { return cache_.size(); }
  // Look-ups that reached Hunspell, for the benchmark.
  uint64_t hunspell_calls() const { return hunspell_calls_; }

  static constexpr size_t kMaxCacheEntries = 200000;  // per thread

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  uint32_t& slot(std::string_view w);
  bool spell(const std::string& w);
  bool table_flags(std::string_view w, uint32_t* out);
  Hunspell& hunspell();  // without the table: this thread's, created on first use
  // The answer bits of `w`: local cache, then the shared one (copied locally).
  uint32_t& cached(std::string_view w);

  const LexiconData& data_;
  const LexiconTable* table_;
  std::unique_ptr<Hunspell> hunspell_;
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> cache_;
  std::string scratch_;
  uint64_t hunspell_calls_ = 0;
};

}  // namespace retouche
