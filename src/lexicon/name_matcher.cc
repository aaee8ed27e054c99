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

// Lowercase ASCII letters of `name`, accents stripped; with `transliterate`,
// the háček and cedilla letters spelled out (š -> sh).
std::string ascii_letters(std::string_view name, bool transliterate = true) {
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
    if (!transliterate &&
        (c == U'š' || c == U'ş' || c == U'ș' || c == U'č' || c == U'ç' || c == U'ć' || c == U'ž')) {
      special.clear();  // decomposed below: š -> s
    }
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

std::string plain_letters(std::string_view name) { return ascii_letters(name, false); }

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
      if (t[i] != from[0]) continue;  // most letters start no rule: no compare
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

// A consonant beside one it is easily confused with is often a spelling of
// one sound ("ts" for z, "kh", "gh", "tch"): adding or dropping it costs less.
constexpr double kClusterIndel = 0.4;

// Cost of each letter of `s` added or dropped, in `out` (s.size() values).
void indel_costs(std::string_view s, double* out) {
  for (size_t i = 0; i < s.size(); ++i) {
    double c = indel(s[i]);
    if (c > kClusterIndel && !vowel(s[i])) {
      bool cluster = (i > 0 && !vowel(s[i - 1]) && substitution(s[i], s[i - 1]) <= 0.5) ||
                     (i + 1 < s.size() && !vowel(s[i + 1]) && substitution(s[i], s[i + 1]) <= 0.5);
      if (cluster) c = kClusterIndel;
    }
    out[i] = c;
  }
}

// A spurious ending of a garbled name ("Kurskin", "Varsoviana", "Qataren",
// "Zakharofane"): one to three letters of vowels, n and m (at most one
// consonant) after the name. Returns its cost, or a negative value when the
// last `len` letters of `q` are not one.
double ending_cost(std::string_view q, size_t len) {
  if (len == 0 || len > 3 || q.size() < len + 3) return -1;
  int consonants = 0;
  for (size_t i = q.size() - len; i < q.size(); ++i) {
    char c = q[i];
    if (vowel(c)) continue;
    if (c != 'n' && c != 'm') return -1;
    ++consonants;
  }
  if (consonants > 1) return -1;
  return 0.25 + 0.1 * static_cast<double>(len);
}

}  // namespace

namespace {

// substitution() for every pair of bytes, computed once: the edit distance
// asks it for every cell.
struct SubstitutionTable {
  double cost[128][128];
  SubstitutionTable() {
    for (int a = 0; a < 128; ++a)
      for (int b = 0; b < 128; ++b)
        cost[a][b] = substitution(static_cast<char>(a), static_cast<char>(b));
  }
};
const SubstitutionTable& substitutions() {
  static const SubstitutionTable table;
  return table;
}

constexpr size_t kStack = 64;

// The weighted distance between `q` and `t` (keys: ASCII letters, both
// shorter than kStack), given their letters' indel costs. Stops early and
// returns a value above `cutoff` when every path already costs more.
double key_distance(std::string_view q, const double* qcost, std::string_view t,
                    const double* tcost, double cutoff) {
  const SubstitutionTable& sub = substitutions();
  size_t n = q.size(), m = t.size();
  double rows[2][kStack];
  double* prev = rows[0];
  double* cur = rows[1];
  prev[0] = 0;
  for (size_t j = 1; j <= m; ++j) prev[j] = prev[j - 1] + tcost[j - 1];
  // The query minus a spurious ending, plus the ending's cost.
  double best_cut = 1e9;
  for (size_t i = 1; i <= n; ++i) {
    unsigned char qc = static_cast<unsigned char>(q[i - 1]) & 0x7f;
    cur[0] = prev[0] + qcost[i - 1];
    double row_min = cur[0];
    for (size_t j = 1; j <= m; ++j) {
      double del = prev[j] + qcost[i - 1];
      // A spurious letter at the end of the query ("Kurskin", "Varsoviana") costs less.
      if (j == m && i > m) del = prev[j] + std::min(qcost[i - 1], 0.45);
      double ins = cur[j - 1] + tcost[j - 1];
      double sb = prev[j - 1] + sub.cost[qc][static_cast<unsigned char>(t[j - 1]) & 0x7f];
      cur[j] = std::min({del, ins, sb});
      row_min = std::min(row_min, cur[j]);
    }
    std::swap(prev, cur);
    if (i < n) {
      double e = ending_cost(q, n - i);
      if (e >= 0) best_cut = std::min(best_cut, prev[m] + e);
    }
    // Every later cell costs at least this row's least (costs are not negative).
    if (row_min > cutoff && best_cut > cutoff) return row_min;
  }
  return std::min(prev[m], best_cut);
}

}  // namespace

double name_distance(std::string_view q, std::string_view t) {
  size_t n = q.size(), m = t.size();
  if (n + 1 > kStack || m + 1 > kStack) {
    // Not a name: a plain edit distance is enough.
    std::vector<double> prev(m + 1), cur(m + 1);
    for (size_t j = 0; j <= m; ++j) prev[j] = static_cast<double>(j);
    for (size_t i = 1; i <= n; ++i) {
      cur[0] = static_cast<double>(i);
      for (size_t j = 1; j <= m; ++j)
        cur[j] =
            std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + substitution(q[i - 1], t[j - 1])});
      std::swap(prev, cur);
    }
    return prev[m];
  }
  double qcost[kStack], tcost[kStack];
  indel_costs(q, qcost);
  indel_costs(t, tcost);
  return key_distance(q, qcost, t, tcost, 1e9);
}

bool name_within(std::string_view q, std::string_view t, double limit) {
  if (q.size() + 1 > kStack || t.size() + 1 > kStack) return name_distance(q, t) <= limit;
  double qcost[kStack], tcost[kStack];
  indel_costs(q, qcost);
  indel_costs(t, tcost);
  // key_distance leaves early only with a result above the cutoff, and the
  // distance itself is then above it too (costs are not negative).
  return key_distance(q, qcost, t, tcost, limit) <= limit;
}

CostedKey::CostedKey(std::string k) : key(std::move(k)), costs(key.size()) {
  indel_costs(key, costs.data());
  for (char c : key) {
    if (c < 'a' || c > 'z' || letters[static_cast<size_t>(c - 'a')] == 255) {
      counted = false;
      break;
    }
    ++letters[static_cast<size_t>(c - 'a')];
  }
}

namespace {

// A lower bound of key_distance(q, t): every letter of one key that the
// other lacks (counted with repeats) takes an edit, a substitution serving
// one such letter on each side, and no edit costs less than
// kCheapestEdit. A spurious ending of the query (ending_cost) drops up to
// kLongestEnding letters of it for a cost not counted here.
constexpr double kCheapestEdit = 0.3;  // substitution o/u, e/i, i/j; indel of 'h'
constexpr int kLongestEnding = 3;
double letters_bound(const CostedKey& q, const CostedKey& t) {
  std::array<uint8_t, 26> left = q.letters;
  int t_only = 0;
  for (char c : t.key) {
    uint8_t& n = left[static_cast<size_t>(c - 'a')];
    if (n > 0) --n;
    else ++t_only;
  }
  int q_only = static_cast<int>(q.key.size()) - (static_cast<int>(t.key.size()) - t_only);
  return kCheapestEdit * std::max(t_only, q_only - kLongestEnding);
}

}  // namespace

bool name_within(const CostedKey& q, const CostedKey& t, double limit) {
  if (q.key.size() + 1 > kStack || t.key.size() + 1 > kStack) return name_distance(q.key, t.key) <= limit;
  // The margin keeps a rounding of the costs' sum from deciding a pair.
  if (q.counted && t.counted && letters_bound(q, t) > limit + 1e-6) return false;
  return key_distance(q.key, q.costs.data(), t.key, t.costs.data(), limit) <= limit;
}

namespace {
uint32_t pair_code(char a, char b) { return (static_cast<uint32_t>(static_cast<unsigned char>(a)) << 8) | static_cast<unsigned char>(b); }

// The skeleton of a key for finding candidates: letters that garbles swap
// share one class (vowels, b/p/v/f, d/t, g/k/q, s/z/x/j, l/r, m/n), 'h' is
// dropped, and a repeated class counts once. "Masgou" and "Moscou" share
// their skeleton though they share few letter pairs.
std::string skeleton(std::string_view key) {
  std::string out;
  for (char c : key) {
    char k;
    switch (c) {
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u':
      case 'y':
        k = 'a';
        break;
      case 'b':
      case 'p':
      case 'v':
      case 'f':
      case 'w':
        k = 'b';
        break;
      case 'd':
      case 't':
        k = 'd';
        break;
      case 'g':
      case 'k':
      case 'q':
      case 'c':
        k = 'g';
        break;
      case 's':
      case 'z':
      case 'x':
      case 'j':
        k = 's';
        break;
      case 'l':
      case 'r':
        k = 'l';
        break;
      case 'm':
      case 'n':
        k = 'm';
        break;
      case 'h':
        continue;
      default:
        k = c;
    }
    if (out.empty() || out.back() != k) out.push_back(k);
  }
  return out;
}

// Letter pairs of "^key$".
template <typename F>
void for_each_pair(std::string_view key, F&& f) {
  char prev = '^';
  for (char c : key) {
    f(pair_code(prev, c));
    prev = c;
  }
  f(pair_code(prev, '$'));
}
// Letter triples of "^skeleton$", in a code space of their own (pairs use 16
// bits). A skeleton has few letters: its pairs would be shared by most forms.
template <typename F>
void for_each_triple(std::string_view skel, F&& f) {
  auto code = [](char a, char b, char c) {
    return (1u << 24) | (static_cast<uint32_t>(static_cast<unsigned char>(a) & 0x7f) << 14) |
           (static_cast<uint32_t>(static_cast<unsigned char>(b) & 0x7f) << 7) |
           (static_cast<uint32_t>(static_cast<unsigned char>(c) & 0x7f));
  };
  char a = '^', b = skel.empty() ? '$' : skel[0];
  for (size_t i = 1; i <= skel.size(); ++i) {
    char c = i < skel.size() ? skel[i] : '$';
    f(code(a, b, c));
    a = b;
    b = c;
  }
}
size_t triples(std::string_view skel) { return skel.empty() ? 0 : skel.size(); }
constexpr uint32_t kSkeletonPairs = 1u << 23;

}  // namespace

NameMatcher::NameMatcher(const NameTable& table, const std::vector<std::string>& targets) {
  auto add = [&](std::string_view text, const NameEntry* e) {
    if (text.find(' ') != std::string_view::npos) return;  // single words only
    std::string key = name_key(text);
    if (key.size() < 3) return;
    uint32_t id = static_cast<uint32_t>(forms_.size());
    if (key.size() + 1 > kStack) return;
    std::string skel = skeleton(key);
    std::vector<double> costs(key.size());
    indel_costs(key, costs.data());
    forms_.push_back({key, std::move(costs), text, e,
                      static_cast<uint16_t>(key.size() + 2 + triples(skel) + skel.size())});
    for_each_pair(key, [&](uint32_t code) { pairs_[code].push_back(id); });
    for_each_triple(skel, [&](uint32_t code) { pairs_[code].push_back(id); });
    for_each_pair(skel, [&](uint32_t code) { pairs_[kSkeletonPairs | code].push_back(id); });
  };
  for (const NameEntry& e : table.entries()) {
    if (!targets.empty() && std::find(targets.begin(), targets.end(), e.file) == targets.end()) continue;
    add(e.canonical, &e);
    for (const std::string& a : e.accepted) add(a, &e);
    for (size_t i = 0; i < e.variants.size(); ++i) {
      if (!e.ambiguous[i]) add(e.variants[i], &e);
    }
  }
  // A letter pair may be listed twice for one form ("^a" and "a$" never, but
  // "anan"): keep each form once per pair, so that counts stay shared pairs.
  for (auto& [code, ids] : pairs_) ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  // A skeleton pair shared by a tenth of the forms or more ("ma", "al") tells
  // nothing and costs a pass over them: left out of the index.
  for (auto it = pairs_.begin(); it != pairs_.end();) {
    if ((it->first & kSkeletonPairs) && it->second.size() * 10 >= forms_.size()) {
      it = pairs_.erase(it);
    } else {
      ++it;
    }
  }
}

NameMatcher::Match NameMatcher::match(std::string_view token) const {
  Match result;
  std::string q = name_key(token);
  if (q.size() < 3) return result;
  std::string skel = skeleton(q);
  // Shared letter pairs and skeleton pairs per form, counted in a per-thread
  // array (a map per query would allocate for every form touched).
  thread_local std::vector<uint16_t> overlap;
  thread_local std::vector<uint32_t> touched;
  thread_local std::vector<std::pair<float, uint32_t>> ranked;
  thread_local std::vector<Candidate> all;
  if (overlap.size() < forms_.size()) overlap.assign(forms_.size(), 0);
  touched.clear();
  auto count = [&](uint32_t code) {
    auto it = pairs_.find(code);
    if (it == pairs_.end()) return;
    for (uint32_t id : it->second) {
      if (overlap[id]++ == 0) touched.push_back(id);
    }
  };
  for_each_pair(q, count);
  for_each_triple(skel, count);
  for_each_pair(skel, [&](uint32_t code) { count(kSkeletonPairs | code); });
  // The forms sharing the largest part of their pairs with the query (Dice).
  int query_pairs = static_cast<int>(q.size() + 2 + triples(skel) + skel.size());
  ranked.clear();
  for (uint32_t id : touched) {
    int shared = overlap[id];
    overlap[id] = 0;
    const Form& f = forms_[id];
    // Lengths far apart cannot be one name.
    if (f.key.size() > q.size() + 4 || q.size() > f.key.size() + 4) continue;
    if (shared * 5 < query_pairs) continue;
    ranked.emplace_back(
        -2.0f * static_cast<float>(shared) / static_cast<float>(query_pairs + f.pairs), id);
  }
  size_t keep = std::min(ranked.size(), kMaxScored);
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep),
                    ranked.end());
  all.clear();
  if (q.size() + 1 > kStack) return result;
  double qcost[kStack];
  indel_costs(q, qcost);
  // A candidate further than this behind the best one so far changes no
  // decision (margins count up to 2): its distance need not be finished.
  constexpr double kBehind = 2.5;
  double best = 1e9;
  for (size_t i = 0; i < keep; ++i) {
    const Form& f = forms_[ranked[i].second];
    double d = key_distance(q, qcost, f.key, f.costs.data(), best + kBehind);
    if (d > best + kBehind) continue;
    best = std::min(best, d);
    all.push_back({f.entry, f.text, d});
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
