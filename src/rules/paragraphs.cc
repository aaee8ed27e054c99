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
// A sentence end on a line this much shorter than the block's width, before
// a capital that would have fitted, ends a paragraph; closer to the width it
// may be a wrapped line whose words were edited after wrapping.
constexpr size_t kParagraphEndSlack = 10;

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

// The line's first word: up to the first space or tab (a no-break space
// binds, as it does for a wrapping program).
std::string_view first_word(std::string_view s) {
  size_t e = 0;
  while (e < s.size() && s[e] != ' ' && s[e] != '\t') ++e;
  return s.substr(0, e);
}

// A line ending with a comma, then one starting with a capitalised grammar
// word that does not begin a name (its next word is in lowercase): "un beau
// voyage,\nOu comme", "ma pauvre maison,\nQui m'est". Prose goes on in
// lowercase after a comma; verse starts every line with a capital.
bool capital_after_comma(std::string_view line, std::string_view next, const WordSet& openers) {
  if (!line.ends_with(",")) return false;
  std::string_view word = first_word(next);
  size_t q = 0;
  if (word.empty() || !text::is_upper(utf8::decode(word, q))) return false;
  std::string_view rest = trim_line(next.substr(word.size()));
  size_t e = word.size();
  while (e > 0) {
    size_t b = e;
    if (text::is_letter(utf8::decode_before(word, b))) break;
    e = b;
  }
  word = word.substr(0, e);
  return openers.count(text::lower(word)) > 0 && starts_lower(rest);
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

bool runs_on(std::string_view line, std::string_view next, const WordSet& openers) {
  line = trim_line(line);
  if (line.ends_with(",") || line.ends_with("-")) return true;
  if (starts_lower(trim_line(next))) return true;
  return openers.count(last_word_lower(line)) > 0;
}

std::vector<bool> find_wraps(std::string_view text, const LineIndex& lines,
                             const std::vector<bool>& breaker, const WordSet& openers) {
  size_t n = lines.size();
  std::vector<bool> wrap(n, false);
  std::vector<std::string_view> content(n);
  std::vector<size_t> w(n);
  for (size_t i = 0; i < n; ++i) {
    content[i] = trim_line(text.substr(lines[i].begin, lines[i].content_end - lines[i].begin));
    w[i] = width(content[i]);
  }
  auto blocked = [&](size_t i) { return content[i].empty() || (!breaker.empty() && breaker[i]); };

  // Would the first word of line k + 1 have fitted on line k within `fill`
  // columns? A wrapping program never leaves it for the next line.
  auto room_for_next = [&](size_t k, size_t fill) {
    return w[k] + 1 + width(first_word(content[k + 1])) <= fill;
  };

  // Is [first, last] one wrapped paragraph? Its lines (but the last) are long
  // and of similar width, most end mid-sentence, and the text is seen to
  // run on across at least a third of the breaks.
  auto wrapped = [&](size_t first, size_t last) {
    if (last <= first) return false;
    size_t lo = SIZE_MAX, hi = 0;
    int open_ends = 0, running = 0;
    for (size_t k = first; k < last; ++k) {
      if (w[k] < kMinWrappedWidth || w[k] > kMaxWrappedWidth || list_item(content[k]) ||
          list_item(content[k + 1])) {
        return false;
      }
      if (content[k] == content[k + 1]) return false;  // never one paragraph
      lo = std::min(lo, w[k]);
      hi = std::max(hi, w[k]);
      if (!ends_sentence(content[k])) ++open_ends;
      running += runs_on(content[k], content[k + 1], openers);
    }
    int breaks = static_cast<int>(last - first);
    if (running * 3 < breaks || running == 0) return false;
    // One sentence per line is not a wrapped paragraph.
    return hi - lo <= kMaxRaggedness && open_ends * 2 >= breaks && w[last] <= kMaxWrappedWidth;
  };

  // Blocks of consecutive non-blank lines. A block that reads as wrapped is
  // then checked against the width its lines were filled to (its widest
  // line but the last): a break with room for the next word was typed.
  //  * After the first line of the block or of a part (a heading), or after
  //    a line that ends a sentence well short of the width (a paragraph's
  //    last line), a typed break cuts the block there; each part must read
  //    as wrapped, with at least half of its lines full.
  //  * A capital after a comma across a typed break, or a capitalised grammar
  //    word after a comma anywhere, is verse: no break of the block is a wrap.
  //  * A next line that goes on in lowercase is taken as wrapped whatever the
  //    room left: words are often edited after the text was wrapped.
  size_t i = 0;
  while (i < n) {
    if (blocked(i)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j + 1 < n && !blocked(j + 1)) ++j;
    size_t first = i;
    i = j + 1;
    if (!wrapped(first, j)) continue;
    size_t fill = 0;
    for (size_t k = first; k < j; ++k) fill = std::max(fill, w[k]);
    std::vector<std::pair<size_t, size_t>> parts;
    size_t start = first;
    bool by_hand = false;
    for (size_t k = first; k < j && !by_hand; ++k) {
      std::string_view line = content[k], next = content[k + 1];
      if (capital_after_comma(line, next, openers)) by_hand = true;
      if (by_hand || !room_for_next(k, fill) || starts_lower(next)) continue;
      if (line.ends_with(",")) {
        by_hand = true;
      } else if (k == start || (ends_sentence(line) &&
                                room_for_next(k, fill - std::min(fill, kParagraphEndSlack)))) {
        parts.push_back({start, k});
        start = k + 1;
      }
    }
    if (by_hand) continue;
    parts.push_back({start, j});
    for (const auto& [a, b] : parts) {
      if (parts.size() > 1) {
        int full = 0;
        for (size_t k = a; k < b; ++k) full += !room_for_next(k, fill);
        if (!wrapped(a, b) || full * 2 < static_cast<int>(b - a)) continue;
      }
      for (size_t k = a; k < b; ++k) wrap[k] = true;
    }
  }
  return wrap;
}

}  // namespace retouche
