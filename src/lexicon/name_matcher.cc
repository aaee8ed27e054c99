#include "lexicon/name_matcher.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>

#include "core/utf8.h"
#include "text/chars.h"

namespace retouche {
namespace {

// Letters that transliterations confuse, before accents are stripped: the
// háček and cedilla letters carry the sound that a plain letter loses.
std::string expand_special(char32_t c) {
  switch (c) {
    case U'š': case U'ş': case U'ș': return "sh";
    case U'č': case U'ç': case U'ć': return c == U'ç' ? "s" : "ch";
    case U'ž': return "zh";
    case U'ß': return "ss";
    case U'æ': return "ae";
    case U'œ': return "oe";
    case U'ø': return "o";
    case U'ł': return "l";
    case U'đ': return "d";
    case U'ı': return "i";
    default: return "";
  }
}

// Lowercase ASCII letters of `name`, accents stripped.
std::string ascii_letters(std::string_view name) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  std::string out;
  size_t i = 0;
  while (i < name.size()) {
    char32_t c = text::to_lower(utf8::decode(name, i));
    if (c < 0x80) {
      if (c >= 'a' && c <= 'z') out.push_back(static_cast<char>(c));
      continue;
    }
    std::string special = expand_special(c);
    if (!special.empty()) {
      out += special;
      continue;
    }
    icu::UnicodeString decomposed;
    UChar32 base = static_cast<UChar32>(c);
    if (U_SUCCESS(err) && nfd->getDecomposition(base, decomposed) && decomposed.length() > 0) {
      base = decomposed.char32At(0);
    }
    if (base >= 'a' && base <= 'z') out.push_back(static_cast<char>(base));
  }
  return out;
}

bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

std::string fold_accents(std::string_view name) { return ascii_letters(name); }

std::string name_key(std::string_view name) {
  std::string s = ascii_letters(name);
  // Multigraphs first, longest first. 'x' stands for the sh sound, 'j' for
  // the dj/zh/y family.
  static const std::pair<const char*, const char*> kRules[] = {
      {"dzh", "j"}, {"dsch", "j"}, {"tsch", "x"}, {"tsh", "x"}, {"tch", "x"}, {"sch", "x"},
      {"sh", "x"},  {"ch", "x"},   {"zh", "j"},   {"dj", "j"},  {"dz", "j"},  {"kh", "h"},
      {"gh", "g"},  {"ph", "f"},   {"th", "t"},   {"ck", "k"},  {"qu", "k"},  {"ou", "u"},
      {"oo", "u"},  {"ee", "i"}};
  // 'x' in the source spelling is "ks" (Alexandre): fold it before the rules use 'x'.
  std::string t;
  for (char c : s) {
    if (c == 'x') t += "ks";
    else t.push_back(c);
  }
  std::string out;
  out.reserve(t.size());
  for (size_t i = 0; i < t.size();) {
    bool done = false;
    for (const auto& [from, to] : kRules) {
      size_t n = std::char_traits<char>::length(from);
      if (t.compare(i, n, from) == 0) {
        out += to;
        i += n;
        done = true;
        break;
      }
    }
    if (done) continue;
    char c = t[i];
    char next = i + 1 < t.size() ? t[i + 1] : '\0';
    if (c == 'c') c = (next == 'e' || next == 'i' || next == 'y') ? 's' : 'k';
    else if (c == 'q') c = 'k';
    else if (c == 'w') c = 'v';
    else if (c == 'y') c = 'i';
    out.push_back(c);
    ++i;
  }
  // Doubled letters count once.
  std::string key;
  for (char c : out) {
    if (!key.empty() && key.back() == c) continue;
    key.push_back(c);
  }
  return key;
}

namespace {

double substitution(char a, char b) {
  if (a == b) return 0;
  auto pair = [&](char x, char y) { return (a == x && b == y) || (a == y && b == x); };
  if (vowel(a) && vowel(b)) return pair('o', 'u') || pair('e', 'i') ? 0.3 : 0.45;
  if (pair('i', 'j')) return 0.3;
  if (pair('j', 'z') || pair('j', 'g') || pair('s', 'z') || pair('x', 's') || pair('x', 'j')) return 0.35;
  if (pair('j', 'h') || pair('h', 'k') || pair('h', 'g') || pair('k', 'g') || pair('x', 'h')) return 0.45;
  if (pair('x', 'g')) return 0.5;  // German "ch" (Bach) is a kh, close to gh
  if (pair('v', 'b') || pair('v', 'f') || pair('p', 'b') || pair('t', 'd') || pair('m', 'n') ||
      pair('k', 'x') || pair('s', 'k')) {
    return 0.5;
  }
  if (pair('l', 'r')) return 0.8;
  return 1.0;
}

double indel(char c) {
  if (c == 'h') return 0.3;
  if (vowel(c)) return 0.45;
  if (c == 'j' || c == 'i') return 0.4;
  return 1.0;
}

}  // namespace

double name_distance(std::string_view q, std::string_view t) {
  // Two rows of the edit-distance table; names are short, so they live on
  // the stack (this runs for every candidate of every unknown word).
  constexpr size_t kStackRow = 64;
  size_t n = q.size(), m = t.size();
  double stack_rows[2][kStackRow];
  std::vector<double> heap_rows;
  double* prev = stack_rows[0];
  double* cur = stack_rows[1];
  if (m + 1 > kStackRow) {
    heap_rows.resize(2 * (m + 1));
    prev = heap_rows.data();
    cur = prev + m + 1;
  }
  prev[0] = 0;
  for (size_t j = 1; j <= m; ++j) prev[j] = prev[j - 1] + indel(t[j - 1]);
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = prev[0] + indel(q[i - 1]);
    for (size_t j = 1; j <= m; ++j) {
      double del = prev[j] + indel(q[i - 1]);
      // A spurious ending on the query ("Kurskin", "Varsoviana") costs less.
      if (j == m && i > m) del = prev[j] + std::min(indel(q[i - 1]), 0.45);
      double ins = cur[j - 1] + indel(t[j - 1]);
      double sub = prev[j - 1] + substitution(q[i - 1], t[j - 1]);
      cur[j] = std::min({del, ins, sub});
    }
    std::swap(prev, cur);
  }
  return prev[m];
}

namespace {
uint32_t pair_code(char a, char b) { return (static_cast<uint32_t>(static_cast<unsigned char>(a)) << 8) | static_cast<unsigned char>(b); }
}  // namespace

NameMatcher::NameMatcher(const NameTable& table, const std::vector<std::string>& targets) {
  auto add = [&](std::string_view text, const NameEntry* e) {
    if (text.find(' ') != std::string_view::npos) return;  // single words only
    std::string key = name_key(text);
    if (key.size() < 3) return;
    uint32_t id = static_cast<uint32_t>(forms_.size());
    forms_.push_back({key, text, e});
    std::string padded = "^" + key + "$";
    for (size_t i = 0; i + 1 < padded.size(); ++i) bigrams_[pair_code(padded[i], padded[i + 1])].push_back(id);
  };
  for (const NameEntry& e : table.entries()) {
    if (!targets.empty() && std::find(targets.begin(), targets.end(), e.file) == targets.end()) continue;
    add(e.canonical, &e);
    for (const std::string& a : e.accepted) add(a, &e);
    for (size_t i = 0; i < e.variants.size(); ++i) {
      if (!e.ambiguous[i]) add(e.variants[i], &e);
    }
  }
}

NameMatcher::Match NameMatcher::match(std::string_view token) const {
  Match result;
  std::string q = name_key(token);
  if (q.size() < 3) return result;
  std::string padded = "^" + q + "$";
  // Shared letter pairs per form, counted in a per-thread array (a map per
  // query would allocate for every form touched).
  thread_local std::vector<uint16_t> overlap;
  thread_local std::vector<uint32_t> touched;
  if (overlap.size() < forms_.size()) overlap.assign(forms_.size(), 0);
  touched.clear();
  for (size_t i = 0; i + 1 < padded.size(); ++i) {
    auto it = bigrams_.find(pair_code(padded[i], padded[i + 1]));
    if (it == bigrams_.end()) continue;
    for (uint32_t id : it->second) {
      if (overlap[id]++ == 0) touched.push_back(id);
    }
  }
  int pairs = static_cast<int>(padded.size()) - 1;
  std::vector<std::pair<int, uint32_t>> ranked;
  for (uint32_t id : touched) {
    int n = overlap[id];
    overlap[id] = 0;
    if (n * 10 >= pairs * 3) ranked.emplace_back(-n, id);
  }
  std::sort(ranked.begin(), ranked.end());
  if (ranked.size() > 60) ranked.resize(60);
  std::vector<Candidate> all;
  for (const auto& [neg, id] : ranked) {
    const Form& f = forms_[id];
    // Lengths far apart cannot be one name.
    double len_gap = std::fabs(static_cast<double>(f.key.size()) - static_cast<double>(q.size()));
    if (len_gap > 4) continue;
    all.push_back({f.entry, f.text, name_distance(q, f.key)});
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const Candidate& a, const Candidate& b) { return a.distance < b.distance; });
  for (const Candidate& c : all) {
    bool seen = false;
    for (const Candidate& r : result.ranked) seen |= r.entry->canonical == c.entry->canonical;
    if (seen) continue;
    result.ranked.push_back(c);
    if (result.ranked.size() == kMaxCandidates) break;
  }
  if (!result.ranked.empty()) result.best = result.ranked[0];
  if (result.ranked.size() > 1) result.second = result.ranked[1];
  return result;
}

}  // namespace retouche
