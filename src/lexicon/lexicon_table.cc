#include "lexicon/lexicon_table.h"

#include <fcntl.h>
#include <hunspell/hunspell.hxx>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "core/utf8.h"
#include "lexicon/affix_expander.h"
#include "lexicon/analysis_bits.h"
#include "lexicon/lexicon.h"

namespace retouche {
namespace {

// Bump when the content or layout of the table changes: old files are rebuilt.
constexpr uint32_t kFormatVersion = 2;  // 2: hyphenated forms, Header::options
constexpr char kMagic[8] = {'R', 'T', 'L', 'E', 'X', 'T', 'B', '\n'};
// Longest form the table decides (bytes); Hunspell refuses words of 100+.
constexpr size_t kMaxDecided = 80;

// Header::options
constexpr uint32_t kBreaksAtHyphen = 1;  // breaks_at_hyphen_only(): Hunspell breaks such words at their hyphen

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t entries;
  uint32_t slots;  // a power of two
  uint32_t pool_bytes;
  uint64_t key;
  uint32_t options;
  uint32_t reserved;
};

uint32_t hash_of(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return static_cast<uint32_t>(h ^ (h >> 32));
}

uint64_t mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  return h;
}

// The letters the table decides: Latin letters of ISO 8859-1 (not ß, whose
// capital is two letters) and œ Œ Ÿ, with their simple case mappings.
bool lower_letter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0xFF && c != 0xF7) || c == 0x153;
}
bool upper_letter(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) || c == 0x152 || c == 0x178;
}
char32_t upper_of(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  if (c == 0xFF) return 0x178;
  if (c == 0x153) return 0x152;
  if (c >= 0xE0 && c <= 0xFE) return c - 32;
  return c;
}
bool in_alphabet(char32_t c) { return lower_letter(c) || upper_letter(c); }

// A form the table holds: letters of the alphabet, or such words joined by
// single hyphens ("peut-être", "États-Unis").
bool table_form(const std::u32string& form) {
  if (form.empty() || form.front() == '-' || form.back() == '-') return false;
  for (size_t i = 0; i < form.size(); ++i) {
    if (form[i] == '-') {
      if (form[i - 1] == '-') return false;
    } else if (!in_alphabet(form[i])) {
      return false;
    }
  }
  return true;
}

// A BREAK entry that never cuts a word of the table's letters and one inner
// hyphen: it holds another character, or needs a hyphen at an end.
bool inert_break_entry(std::string_view e) {
  if (e == "^-" || e == "-$") return true;
  std::string_view core = e;
  if (core.size() > 1 && core.front() == '^') core.remove_prefix(1);
  else if (core.size() > 1 && core.back() == '$') core.remove_suffix(1);
  size_t i = 0;
  while (i < core.size()) {
    char32_t c = utf8::decode(core, i);
    if (c != '-' && !in_alphabet(c)) return true;
  }
  return false;
}

// Is a word of letters and one hyphen ("nord-coréen") broken by Hunspell
// at its hyphen only, with no word forbidden? Then Hunspell accepts it when
// it is a form of the dictionary or when it accepts both sides
// (lexicon_table.h). So the .aff must have "-" in its BREAK table (the
// default table is "-", "^-", "-$"), every other entry must hold a
// character no such word has (fr_FR: ".", "·", "^'", "’$"...) or be "^-"
// or "-$", which need a hyphen at an end; no word of the .dic and no affix
// may carry the FORBIDDENWORD flag (a forbidden whole word is not broken);
// and no Hungarian dash rule (LANG hu).
bool breaks_at_hyphen_only(const AffixExpander& x) {
  const std::vector<std::string>& breaks = x.break_entries();
  if (x.hungarian() || x.forbids_words()) return false;
  if (std::find(breaks.begin(), breaks.end(), "-") == breaks.end()) return false;
  return std::all_of(breaks.begin(), breaks.end(),
                     [](const std::string& e) { return e == "-" || inert_break_entry(e); });
}

std::string to_utf8(const std::u32string& w) {
  std::string out;
  for (char32_t c : w) utf8::append(out, c);
  return out;
}

uint64_t file_key(const std::string& aff, const std::string& dic, Status* status) {
  uint64_t key = mix(0, kFormatVersion);
  for (const std::string* p : {&aff, &dic}) {
    struct stat st;
    if (::stat(p->c_str(), &st) != 0) {
      *status = ConfigError("cannot read " + *p + ": " + std::strerror(errno));
      return 0;
    }
    key = mix(key, static_cast<uint64_t>(st.st_size));
    key = mix(key, static_cast<uint64_t>(st.st_mtim.tv_sec));
    key = mix(key, static_cast<uint64_t>(st.st_mtim.tv_nsec));
    key = mix(key, std::hash<std::string>{}(*p));
  }
  return key;
}

// The table image: header, entries, slots, string pool.
Status build_image(const std::string& aff, const std::string& dic, uint64_t key, unsigned threads,
                   std::string* image) {
  AffixExpander x;
  RETURN_IF_ERROR(x.load(aff, dic));
  std::unordered_set<std::string> candidates;
  candidates.reserve(1 << 21);
  auto keep = [](std::u32string_view added) {
    return std::all_of(added.begin(), added.end(), in_alphabet);
  };
  bool breaks_at_hyphen = breaks_at_hyphen_only(x);
  x.expand(
      [&](const std::u32string& form) {
        if (!table_form(form)) return;
        candidates.insert(to_utf8(form));
        if (lower_letter(form[0])) {
          std::u32string cap = form;
          cap[0] = upper_of(cap[0]);
          candidates.insert(to_utf8(cap));
        }
      },
      keep);
  std::vector<std::string> words(candidates.begin(), candidates.end());
  candidates = {};
  std::sort(words.begin(), words.end());

  // Hunspell checks every candidate and analyses the forms it accepts.
  std::vector<uint32_t> bits(words.size(), 0);
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  std::atomic<size_t> next{0};
  auto work = [&]() {
    std::unique_ptr<Hunspell> h;
    {
      std::lock_guard<std::mutex> lock(hunspell_creation_mutex());
      h = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
    }
    constexpr size_t kBatch = 1024;
    while (true) {
      size_t from = next.fetch_add(kBatch);
      if (from >= words.size()) break;
      size_t to = std::min(words.size(), from + kBatch);
      for (size_t i = from; i < to; ++i) {
        if (h->spell(words[i])) bits[i] = word::kKnown | analysis_bits(*h, words[i]);
      }
    }
    std::lock_guard<std::mutex> lock(hunspell_creation_mutex());
    h.reset();
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();

  size_t n = 0, pool_bytes = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (bits[i]) ++n, pool_bytes += words[i].size();
  }
  uint32_t slots = 1;
  while (slots < n * 2) slots <<= 1;
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.version = kFormatVersion;
  h.entries = static_cast<uint32_t>(n);
  h.slots = slots;
  h.pool_bytes = static_cast<uint32_t>(pool_bytes);
  h.key = key;
  h.options = breaks_at_hyphen ? kBreaksAtHyphen : 0;
  struct Entry {
    uint32_t offset, length, bits, hash;
  };
  std::vector<Entry> entries;
  entries.reserve(n);
  std::vector<uint32_t> slot(slots, 0);
  std::string pool_text;
  pool_text.reserve(pool_bytes);
  for (size_t i = 0; i < words.size(); ++i) {
    if (!bits[i]) continue;
    uint32_t hv = hash_of(words[i]);
    entries.push_back({static_cast<uint32_t>(pool_text.size()), static_cast<uint32_t>(words[i].size()),
                       bits[i], hv});
    pool_text += words[i];
    uint32_t at = hv & (slots - 1);
    while (slot[at]) at = (at + 1) & (slots - 1);
    slot[at] = static_cast<uint32_t>(entries.size());
  }
  image->clear();
  image->append(reinterpret_cast<const char*>(&h), sizeof h);
  image->append(reinterpret_cast<const char*>(entries.data()), entries.size() * sizeof(Entry));
  image->append(reinterpret_cast<const char*>(slot.data()), slot.size() * sizeof(uint32_t));
  image->append(pool_text);
  return Status::Ok();
}

Status write_atomically(const std::string& path, const std::string& data) {
  std::string tmp = path + ".tmp.XXXXXX";
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) return IoError(path + ": cannot write: " + std::strerror(errno));
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int e = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      return IoError(path + ": cannot write: " + std::strerror(e));
    }
    done += static_cast<size_t>(n);
  }
  ::fchmod(fd, 0644);
  if (::fsync(fd) != 0 || ::close(fd) != 0 || ::rename(tmp.c_str(), path.c_str()) != 0) {
    int e = errno;
    ::unlink(tmp.c_str());
    return IoError(path + ": cannot write: " + std::strerror(e));
  }
  return Status::Ok();
}

}  // namespace

LexiconTable::~LexiconTable() {
  if (map_) ::munmap(map_, map_size_);
}

bool LexiconTable::attach(const void* data, size_t size, uint64_t key) {
  if (size < sizeof(Header)) return false;
  Header h;
  std::memcpy(&h, data, sizeof h);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.version != kFormatVersion || h.key != key) {
    return false;
  }
  if (h.slots == 0 || (h.slots & (h.slots - 1)) != 0) return false;
  size_t need = sizeof h + size_t{h.entries} * sizeof(Entry) + size_t{h.slots} * 4 + h.pool_bytes;
  if (need != size) return false;
  const char* p = static_cast<const char*>(data) + sizeof h;
  entries_ = reinterpret_cast<const Entry*>(p);
  slots_ = reinterpret_cast<const uint32_t*>(p + size_t{h.entries} * sizeof(Entry));
  pool_ = p + size_t{h.entries} * sizeof(Entry) + size_t{h.slots} * 4;
  entries_count_ = h.entries;
  slot_mask_ = h.slots - 1;
  breaks_at_hyphen_ = (h.options & kBreaksAtHyphen) != 0;
  // A damaged file (another program, a disk error) must not crash a look-up:
  // every index and string is checked once (a few milliseconds).
  for (uint32_t i = 0; i < h.entries; ++i) {
    const Entry& e = entries_[i];
    if (e.offset > h.pool_bytes || e.length > h.pool_bytes - e.offset) return false;
  }
  size_t empty = 0;
  for (uint32_t i = 0; i < h.slots; ++i) {
    if (slots_[i] > h.entries) return false;
    empty += slots_[i] == 0;
  }
  return empty > 0;  // a probe always ends
}

std::unique_ptr<LexiconTable> LexiconTable::open(const std::string& aff, const std::string& dic,
                                                 const std::string& cache_dir, Status* status,
                                                 unsigned threads) {
  *status = Status::Ok();
  uint64_t key = file_key(aff, dic, status);
  if (!status->ok()) return nullptr;
  auto t = std::unique_ptr<LexiconTable>(new LexiconTable());
  auto map_file = [&](const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat st;
    bool ok = false;
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
      void* m = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_SHARED, fd, 0);
      if (m != MAP_FAILED) {
        ok = t->attach(m, static_cast<size_t>(st.st_size), key);
        if (ok) {
          t->map_ = m;
          t->map_size_ = static_cast<size_t>(st.st_size);
        } else {
          ::munmap(m, static_cast<size_t>(st.st_size));
        }
      }
    }
    ::close(fd);
    return ok;
  };
  auto started = std::chrono::steady_clock::now();
  auto seconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  };

  if (!cache_dir.empty()) {
    // Without a writable cache directory nothing is built: a build per
    // process would cost more than the table saves.
    std::error_code ec;
    std::filesystem::create_directories(cache_dir, ec);
    // The format is in the name: two versions of retouche sharing a cache
    // directory each keep their own file instead of rebuilding the other's.
    std::string name = "lexicon-" + std::to_string(std::hash<std::string>{}(aff + "\n" + dic) % 1000000007) +
                       "-v" + std::to_string(kFormatVersion) + ".bin";
    t->path_ = (std::filesystem::path(cache_dir) / name).string();
    if (map_file(t->path_)) {
      t->origin_ = "mapped";
      return t;
    }
    // One process builds; the others wait for it and map its file.
    std::string lock_path = t->path_ + ".lock";
    int lock = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (lock < 0) {
      *status = IoError("lexicon table: cannot write in " + cache_dir + ": " + std::strerror(errno));
      return nullptr;
    }
    while (::flock(lock, LOCK_EX) != 0 && errno == EINTR) {
    }
    if (map_file(t->path_)) {
      ::close(lock);
      t->origin_ = "mapped";
      return t;
    }
    std::string image;
    *status = build_image(aff, dic, key, threads, &image);
    if (status->ok() && write_atomically(t->path_, image).ok() && map_file(t->path_)) {
      ::close(lock);
      t->origin_ = "built";
      t->build_seconds_ = seconds();
      return t;
    }
    ::close(lock);
    if (!status->ok()) return nullptr;
    t->memory_ = std::move(image);  // built, but the file could not be written: keep it for this run
  } else {
    *status = build_image(aff, dic, key, threads, &t->memory_);
    if (!status->ok()) return nullptr;
  }
  if (!t->attach(t->memory_.data(), t->memory_.size(), key)) {
    *status = ConfigError("lexicon table: built image does not read back");
    return nullptr;
  }
  t->origin_ = "memory";
  t->build_seconds_ = seconds();
  return t;
}

LexiconTable::Answer LexiconTable::find(std::string_view w) const {
  uint32_t hv = hash_of(w);
  uint32_t at = hv & slot_mask_;
  while (uint32_t e = slots_[at]) {
    const Entry& en = entries_[e - 1];
    if (en.hash == hv && en.length == w.size() && std::memcmp(pool_ + en.offset, w.data(), w.size()) == 0) {
      return Answer{true, en.bits};
    }
    at = (at + 1) & slot_mask_;
  }
  return Answer{};
}

bool LexiconTable::decides(std::string_view w) {
  if (w.empty() || w.size() > kMaxDecided) return false;
  size_t i = 0;
  bool first = true;
  while (i < w.size()) {
    unsigned char b = static_cast<unsigned char>(w[i]);
    char32_t c;
    if (b < 0x80) {
      c = b;
      ++i;
    } else {
      c = utf8::decode(w, i);  // U+FFFD, outside the alphabet, for invalid bytes
    }
    if (lower_letter(c)) {
      first = false;
      continue;
    }
    if (!first || !upper_letter(c)) return false;
    first = false;
  }
  return true;
}

bool LexiconTable::spell(std::string_view w, bool* accepted) const {
  if (find(w).found) return *accepted = true;
  if (decides(w)) {
    *accepted = false;
    return true;
  }
  return spell_at_hyphen(w, accepted);
}

// Hunspell's BREAK rule on a word of two sides joined by one hyphen
// ("Nord-Coréens", "états-unis"): spell() accepts it as a whole (a form of
// the dictionary, which the table holds), or, breaking it at the hyphen,
// when it accepts both sides (hunspell.cxx, "recursive breaking at break
// points"; with one hyphen every break loop cuts there, and the "^-" and
// "-$" patterns need a hyphen at an end). Each side is a word decides()
// covers, so the table answers for it.
bool LexiconTable::spell_at_hyphen(std::string_view w, bool* accepted) const {
  if (!breaks_at_hyphen_ || w.size() > kMaxDecided) return false;
  size_t h = w.find('-');
  if (h == std::string_view::npos || h == 0 || h + 1 >= w.size() || w.find('-', h + 1) != std::string_view::npos) {
    return false;
  }
  std::string_view left = w.substr(0, h), right = w.substr(h + 1);
  if (!decides(left) || !decides(right)) return false;
  // All capitals ("A-B"): Hunspell tries other case forms of the whole first.
  bool lower_seen = false;
  size_t i = 0;
  while (i < w.size() && !lower_seen) lower_seen = lower_letter(utf8::decode(w, i));
  if (!lower_seen) return false;
  *accepted = find(right).found && find(left).found;
  return true;
}

std::vector<std::string_view> LexiconTable::forms() const {
  std::vector<std::string_view> out;
  out.reserve(entries_count_);
  for (uint32_t i = 0; i < entries_count_; ++i) out.emplace_back(pool_ + entries_[i].offset, entries_[i].length);
  return out;
}

}  // namespace retouche
