#include "lexicon/lexicon.h"

#include <hunspell/hunspell.hxx>
#include <sys/stat.h>

#include <fstream>
#include <mutex>

#include "core/utf8.h"
#include "lexicon/analysis_bits.h"
#include "lexicon/lexicon_table.h"
#include "text/chars.h"

namespace retouche {
namespace {

constexpr uint32_t kSpellDone = 1u << 30;
constexpr uint32_t kMorphDone = 1u << 31;

bool readable(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool has_upper(std::string_view w) {
  size_t i = 0;
  while (i < w.size()) {
    auto b = static_cast<unsigned char>(w[i]);
    if (b < 0x80) {  // most letters: no decoding, no case table
      if (b >= 'A' && b <= 'Z') return true;
      ++i;
      continue;
    }
    if (text::is_upper(utf8::decode(w, i))) return true;
  }
  return false;
}

bool all_upper(std::string_view w) {
  size_t i = 0;
  int letters = 0;
  while (i < w.size()) {
    char32_t c = utf8::decode(w, i);
    if (!text::is_letter(c)) continue;
    if (!text::is_upper(c)) return false;
    ++letters;
  }
  return letters >= 2;
}

}  // namespace

std::unique_ptr<LexiconData> LexiconData::load(const LexiconConfig& config, Status* status) {
  for (const std::string* p : {&config.aff_path, &config.dic_path}) {
    if (!readable(*p)) {
      *status = ConfigError("French dictionary not found: " + *p +
                            " (install the Debian package hunspell-fr: apt-get install hunspell-fr)");
      return nullptr;
    }
  }
  auto data = std::unique_ptr<LexiconData>(new LexiconData());
  data->config_ = config;
  for (const std::string& path : config.addon_dic_paths) {
    std::ifstream in(path);
    if (!in) {
      *status = ConfigError("cannot read add-on dictionary " + path);
      return nullptr;
    }
    std::string line;
    bool first = true;
    while (std::getline(in, line)) {
      if (first) {  // Hunspell .dic files start with an approximate word count
        first = false;
        continue;
      }
      if (line.empty() || line[0] == '#') continue;
      size_t slash = line.find('/');
      data->addon_.insert(line.substr(0, slash));
    }
  }
  for (const std::string& w : config.extra_words) data->addon_.insert(w);
  *status = Status::Ok();
  if (config.use_table) {
    // A dictionary the table cannot expand (flag aliases, compounding) is
    // answered by Hunspell alone, as before.
    Status table_status;
    data->table_ = LexiconTable::open(config.aff_path, config.dic_path, config.table_cache_dir, &table_status);
    data->table_status_ = table_status;
  }
  return data;
}

LexiconData::~LexiconData() {
  std::lock_guard<std::mutex> lock(hunspell_creation_mutex());
  hunspell_.reset();
}

Hunspell& LexiconData::shared_hunspell() const {
  if (!hunspell_) {
    std::lock_guard<std::mutex> lock(hunspell_creation_mutex());
    hunspell_ = std::make_unique<Hunspell>(config_.aff_path.c_str(), config_.dic_path.c_str());
  }
  return *hunspell_;
}

bool LexiconData::shared_spell(const std::string& w) const {
  std::lock_guard<std::mutex> lock(hunspell_mu_);
  return shared_hunspell().spell(w);
}

uint32_t LexiconData::shared_analysis(const std::string& w) const {
  std::lock_guard<std::mutex> lock(hunspell_mu_);
  return analysis_bits(shared_hunspell(), w);
}

bool LexiconData::is_addon(std::string_view w) const {
  return addon_.find(w) != addon_.end();
}

Lexicon::Lexicon(const LexiconData& data) : data_(data), table_(data.table()) {
  if (!table_) hunspell();  // without the table every document needs it
  cache_.reserve(1 << 16);
}

Lexicon::~Lexicon() {
  std::lock_guard<std::mutex> lock(hunspell_creation_mutex());
  hunspell_.reset();
}

Hunspell& Lexicon::hunspell() {
  if (!hunspell_) {
    std::lock_guard<std::mutex> lock(hunspell_creation_mutex());
    // Add-on words are answered from LexiconData's set, not loaded into
    // Hunspell: add_dic() would cost every thread ~30 ms at start-up.
    hunspell_ = std::make_unique<Hunspell>(data_.config().aff_path.c_str(),
                                           data_.config().dic_path.c_str());
  }
  return *hunspell_;
}

SharedWordCache::Shard& SharedWordCache::shard(std::string_view w, size_t* hash) const {
  *hash = Hash{}(w);
  return shards_[*hash % kShards];
}

uint32_t SharedWordCache::get(std::string_view w) const {
  size_t h;
  Shard& s = shard(w, &h);
  std::lock_guard<std::mutex> lock(s.mu);
  auto it = s.map.find(w);
  return it == s.map.end() ? 0 : it->second;
}

void SharedWordCache::merge(std::string_view w, uint32_t bits) {
  size_t h;
  Shard& s = shard(w, &h);
  std::lock_guard<std::mutex> lock(s.mu);
  auto it = s.map.find(w);
  if (it != s.map.end()) {
    it->second |= bits;
    return;
  }
  if (s.map.size() >= kMaxEntries / kShards) s.map.clear();
  s.map.emplace(std::string(w), bits);
}

uint32_t& Lexicon::cached(std::string_view w) {
  uint32_t& bits = slot(w);
  if (!(bits & kSpellDone)) bits |= data_.shared_cache().get(w);
  return bits;
}

uint32_t& Lexicon::slot(std::string_view w) {
  auto it = cache_.find(w);
  if (it != cache_.end()) return it->second;
  // A bounded cache keeps memory flat on endless corpora.
  if (cache_.size() >= kMaxCacheEntries) cache_.clear();
  return cache_.emplace(std::string(w), 0u).first->second;
}

bool Lexicon::spell(const std::string& w) {
  bool accepted;
  if (table_ && table_->spell(w, &accepted)) return accepted;
  ++hunspell_calls_;
  return table_ ? data_.shared_spell(w) : hunspell().spell(w);
}

// The table's answer, when it can give it without Hunspell: the same bits
// as flags() below (which falls back to Hunspell), computed, not cached (a
// table look-up costs less than a cache look-up).
bool Lexicon::table_flags(std::string_view w, uint32_t* out) {
  uint32_t b = 0;
  if (data_.is_addon(w)) b |= word::kAddOn | word::kKnown;
  bool accepted;
  if (!(b & word::kKnown)) {
    // Hunspell's to answer when the table cannot (it answers no all_upper() word).
    if (!table_->spell(w, &accepted)) return false;
    if (accepted) b |= word::kKnown;
  }
  if (has_upper(w)) {
    text::lower_into(w, scratch_);
    if (!table_->spell(scratch_, &accepted)) return false;
    if (accepted) b |= word::kLowerKnown;
  } else if (b & word::kKnown) {
    b |= word::kLowerKnown;
  }
  *out = b;
  return true;
}

uint32_t Lexicon::flags(std::string_view w) {
  if (table_) {
    uint32_t b;
    if (table_flags(w, &b)) return b;
  }
  uint32_t& bits = cached(w);
  if (bits & kSpellDone) return bits & ~(kSpellDone | kMorphDone);
  uint32_t b = kSpellDone;
  std::string form(w);
  if (data_.is_addon(form)) b |= word::kAddOn | word::kKnown;
  if (!(b & word::kKnown) && spell(form)) b |= word::kKnown;
  // An add-on name in capitals ("KAZAKHSTAN"), as Hunspell accepts its own words.
  if (!(b & word::kKnown) && all_upper(form) && data_.is_addon(text::capitalize_first(text::lower(form)))) {
    b |= word::kAddOn | word::kKnown;
  }
  if (has_upper(form)) {
    text::lower_into(form, scratch_);
    if (spell(scratch_)) b |= word::kLowerKnown;
  } else if (b & word::kKnown) {
    b |= word::kLowerKnown;
  }
  // `bits` stays valid: spell() does not touch the cache.
  bits |= b;
  data_.shared_cache().merge(w, b);
  return bits & ~(kSpellDone | kMorphDone);
}

uint32_t Lexicon::morphology(std::string_view w) {
  uint32_t base = flags(w);
  if (table_) {
    if (!(base & word::kKnown)) return base;  // no analysis, as below
    LexiconTable::Answer a = table_->find(w);
    if (a.found) {
      uint32_t b = base | (a.bits & ~LexiconTable::kOwnEntry);
      if ((b & word::kAddOn) && !(a.bits & LexiconTable::kOwnEntry)) {
        b |= has_upper(w) ? word::kNameReading : word::kCommonReading;
      }
      return b;
    }
  }
  uint32_t& bits = slot(w);
  if (!(bits & kMorphDone)) bits |= data_.shared_cache().get(w) & ~(kSpellDone);
  if (bits & kMorphDone) return bits & ~(kSpellDone | kMorphDone);
  uint32_t b = base;
  bool own_entry = false;  // an analysis whose stem is the word as written
  if (b & word::kKnown) {
    ++hunspell_calls_;
    uint32_t a = table_ ? data_.shared_analysis(std::string(w)) : analysis_bits(hunspell(), std::string(w));
    own_entry = a & LexiconTable::kOwnEntry;
    b |= a & ~LexiconTable::kOwnEntry;
  }
  // An add-on word is its own entry, as if added to Hunspell: a name when
  // capitalised ("État", beside Hunspell's st:état), a common word otherwise.
  if ((b & word::kAddOn) && !own_entry) b |= has_upper(w) ? word::kNameReading : word::kCommonReading;
  bits |= b | kMorphDone;
  data_.shared_cache().merge(w, b | kMorphDone);
  return bits & ~(kSpellDone | kMorphDone);
}

}  // namespace retouche
