#include "rules/paragraphs.h"

#include <algorithm>

#include "core/utf8.h"
#include "rules/line_patterns.h"
#include "text/chars.h"

namespace retouche {
namespace {

constexpr size_t kMinWrappedWidth = 40;   // a wrapped line is at least this long
constexpr size_t kMaxWrappedWidth = 110;  // and at most this long
constexpr size_t kMaxRaggedness = 28;     // spread of widths inside one block

size_t width(std::string_view s) { return utf8::count_code_points(s); }

bool starts_lower(std::string_view s) {
  size_t q = 0;
  while (q < s.size()) {
    char32_t c = utf8::decode(s, q);
    if (text::is_letter(c)) return text::is_lower(c);
    if (text::is_digit(c)) return false;
  }
  return false;
}

std::string last_word_lower(std::string_view s) {
  size_t e = s.size();
  while (e > 0 && s[e - 1] == ' ') --e;
  size_t b = e;
  while (b > 0 && s[b - 1] != ' ' && s[b - 1] != '\'') --b;
  // "l’" ends with a typographic apostrophe (3 bytes)
  std::string_view w = s.substr(b, e - b);
  if (w.ends_with("\xE2\x80\x99")) w.remove_suffix(3);
  return text::lower(w);
}

bool ends_sentence(std::string_view s) {
  s = trim_line(s);
  while (!s.empty()) {
    size_t i = s.size();
    char32_t c = utf8::decode_before(s, i);
    if (c == '"' || c == U'»' || c == U'”' || c == ')' || c == '\'' || c == U'’') {
      s = s.substr(0, i);
      continue;
    }
    return c == '.' || c == '!' || c == '?' || c == U'…' || c == ':' || c == ';';
  }
  return false;
}

bool list_item(std::string_view s) {
  s = trim_line(s);
  if (s.empty()) return false;
  if (s.starts_with("- ") || s.starts_with("* ") || s.starts_with("• ") || s.starts_with("– ") ||
      s.starts_with("— ") || s.starts_with("· ")) {
    return true;
  }
  size_t i = 0;
  while (i < s.size() && i < 3 && s[i] >= '0' && s[i] <= '9') ++i;
  return i > 0 && i + 1 < s.size() && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ';
}

}  // namespace

bool runs_on(std::string_view line, std::string_view next,
             const std::unordered_set<std::string>& openers) {
  line = trim_line(line);
  if (line.ends_with(",") || line.ends_with("-")) return true;
  if (starts_lower(trim_line(next))) return true;
  return openers.count(last_word_lower(line)) > 0;
}

std::vector<bool> find_wraps(std::string_view text, const LineIndex& lines,
                             const std::vector<bool>& breaker,
                             const std::unordered_set<std::string>& openers) {
  size_t n = lines.size();
  std::vector<bool> wrap(n, false);
  std::vector<std::string_view> content(n);
  std::vector<size_t> w(n);
  for (size_t i = 0; i < n; ++i) {
    content[i] = trim_line(text.substr(lines[i].begin, lines[i].content_end - lines[i].begin));
    w[i] = width(content[i]);
  }
  auto blocked = [&](size_t i) { return content[i].empty() || (!breaker.empty() && breaker[i]); };

  // Blocks of consecutive non-blank lines, judged one by one.
  struct Block {
    size_t first, last, width;
    bool wrapped;
  };
  std::vector<Block> blocks;
  size_t i = 0;
  while (i < n) {
    if (blocked(i)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j + 1 < n && !blocked(j + 1)) ++j;
    Block b{i, j, 0, false};
    if (j > i) {
      size_t lo = SIZE_MAX, hi = 0;
      int open_ends = 0;
      bool ok = true;
      for (size_t k = i; k < j && ok; ++k) {
        if (w[k] < kMinWrappedWidth || w[k] > kMaxWrappedWidth || list_item(content[k]) ||
            list_item(content[k + 1])) {
          ok = false;
        }
        lo = std::min(lo, w[k]);
        hi = std::max(hi, w[k]);
        if (!ends_sentence(content[k])) ++open_ends;
      }
      // The text must be seen to run on across a third of the breaks; two
      // identical lines are never one paragraph.
      int running = 0;
      for (size_t k = i; k < j && ok; ++k) {
        if (content[k] == content[k + 1]) ok = false;
        running += runs_on(content[k], content[k + 1], openers);
      }
      if (running * 3 < static_cast<int>(j - i) || running == 0) ok = false;
      // One sentence per line is not a wrapped paragraph.
      b.wrapped = ok && hi - lo <= kMaxRaggedness && open_ends * 2 >= static_cast<int>(j - i) &&
                  w[j] <= kMaxWrappedWidth;
      b.width = hi;
    }
    blocks.push_back(b);
    i = j + 1;
  }
  for (const Block& b : blocks) {
    if (!b.wrapped) continue;
    for (size_t k = b.first; k < b.last; ++k) wrap[k] = true;
  }
  return wrap;
}

}  // namespace retouche
