#include "lexicon/lexicon.h"

#include <hunspell/hunspell.hxx>
#include <sys/stat.h>

#include <fstream>
#include <mutex>

#include "core/utf8.h"
#include "text/chars.h"

namespace retouche {
namespace {

constexpr uint32_t kSpellDone = 1u << 30;
constexpr uint32_t kMorphDone = 1u << 31;

std::mutex& creation_mutex() {
  static std::mutex m;
  return m;
}

bool readable(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool has_upper(std::string_view w) {
  size_t i = 0;
  while (i < w.size()) {
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

// Reads the Dicollecte tags of one analyze() line (" st:avec po:mg po:prep").
uint32_t morphology_bits(std::string_view a) {
  uint32_t bits = 0;
  size_t i = 0;
  while (i < a.size()) {
    while (i < a.size() && a[i] == ' ') ++i;
    size_t j = a.find(' ', i);
    if (j == std::string_view::npos) j = a.size();
    std::string_view f = a.substr(i, j - i);
    i = j;
    if (f.starts_with("st:")) {
      std::string_view stem = f.substr(3);
      size_t k = 0;
      char32_t c = stem.empty() ? 0 : utf8::decode(stem, k);
      bits |= text::is_upper(c) ? word::kNameReading : word::kCommonReading;
      continue;
    }
    if (!f.starts_with("po:")) continue;
    std::string_view p = f.substr(3);
    if (p == "prn") bits |= word::kNameReading | word::kFirstName;
    else if (p == "npr" || p == "patr") bits |= word::kNameReading | word::kPlaceOrSurname;
    else if (p == "mg") bits |= word::kFunctionWord;
    else if (p == "nom") bits |= word::kNoun;
    else if (p == "adj") bits |= word::kAdjective;
    else if (p == "infi") bits |= word::kInfinitive;
    else if (p == "ppas" || p == "ppre") bits |= word::kParticiple;
    else if (p == "adv" || p == "negadv" || p == "loc.adv") bits |= word::kAdverb;
    else if (p.starts_with("det")) bits |= word::kDeterminer;
    else if (p == "prep" || p == "loc.prep" || p == "prepv") bits |= word::kPreposition;
    else if (p == "propersuj") bits |= word::kPronoun | word::kSubjectPronoun;
    else if (p.starts_with("pro")) bits |= word::kPronoun;
    else if (p.starts_with("cj") || p == "loc.cj") bits |= word::kConjunction;
    else if (p.starts_with("v") && p.size() > 2 && (p[1] >= '0' && p[1] <= '3')) bits |= word::kVerb;
    else if (p == "ipre" || p == "iimp" || p == "ipsi" || p == "ifut" || p == "cond" ||
             p == "spre" || p == "simp" || p == "impe") {
      bits |= word::kFiniteVerb;
    }
  }
  return bits;
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
  return data;
}

bool LexiconData::is_addon(std::string_view w) const {
  return addon_.find(w) != addon_.end();
}

Lexicon::Lexicon(const LexiconData& data) : data_(data) {
  std::lock_guard<std::mutex> lock(creation_mutex());
  // Add-on words are answered from LexiconData's set, not loaded into
  // Hunspell: add_dic() would cost every thread ~30 ms at start-up.
  hunspell_ = std::make_unique<Hunspell>(data.config().aff_path.c_str(),
                                         data.config().dic_path.c_str());
  cache_.reserve(1 << 16);
}

Lexicon::~Lexicon() {
  std::lock_guard<std::mutex> lock(creation_mutex());
  hunspell_.reset();
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
  ++hunspell_calls_;
  return hunspell_->spell(w);
}

uint32_t Lexicon::flags(std::string_view w) {
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
  uint32_t& bits = slot(w);
  if (!(bits & kMorphDone)) bits |= data_.shared_cache().get(w) & ~(kSpellDone);
  if (bits & kMorphDone) return bits & ~(kSpellDone | kMorphDone);
  uint32_t b = base;
  bool own_entry = false;  // an analysis whose stem is the word as written
  if (b & word::kKnown) {
    ++hunspell_calls_;
    std::string stem_field = "st:" + std::string(w);
    for (const std::string& a : hunspell_->analyze(std::string(w))) {
      b |= morphology_bits(a);
      size_t at = a.find(stem_field);
      own_entry |= at != std::string::npos && (at + stem_field.size() == a.size() || a[at + stem_field.size()] == ' ');
    }
    if (b & word::kFiniteVerb) b |= word::kVerb;
  }
  // An add-on word is its own entry, as if added to Hunspell: a name when
  // capitalised ("État", beside Hunspell's st:état), a common word otherwise.
  if ((b & word::kAddOn) && !own_entry) b |= has_upper(w) ? word::kNameReading : word::kCommonReading;
  bits |= b | kMorphDone;
  data_.shared_cache().merge(w, b | kMorphDone);
  return bits & ~(kSpellDone | kMorphDone);
}

}  // namespace retouche
