#include "text/tokenizer.h"

#include "core/utf8.h"
#include "text/chars.h"
#include "text/shape_counter.h"

namespace retouche::text {
namespace {

// Words that French elides before a vowel or mute h; lowercase ASCII.
bool is_elision_prefix(std::string_view w) {
  if (w.size() == 1) {
    char c = static_cast<char>(w[0] | 0x20);
    return c == 'l' || c == 'd' || c == 'j' || c == 'm' || c == 'n' || c == 's' || c == 't' ||
           c == 'c';
  }
  auto eq = [&](std::string_view p) {
    if (w.size() != p.size()) return false;
    for (size_t i = 0; i < p.size(); ++i) {
      if ((w[i] | 0x20) != p[i]) return false;
    }
    return true;
  };
  return eq("qu") || eq("jusqu") || eq("lorsqu") || eq("puisqu") || eq("quoiqu") || eq("presqu");
}

bool word_char(char32_t c) { return is_letter(c) || is_mark(c) || is_digit(c); }

char32_t peek(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  return utf8::decode(s, i);
}

}  // namespace

void tokenize(std::string_view s, const std::vector<std::pair<size_t, size_t>>& prot,
              std::vector<Token>* out) {
  out->clear();
  size_t i = 0, n = s.size();
  size_t pi = 0;  // next protected span
  auto push = [&](size_t b, size_t e, TokenKind k, bool elision = false, bool hyph = false, uint8_t shape = 0) {
    out->push_back(Token{static_cast<uint32_t>(b), static_cast<uint32_t>(e), k, elision, hyph, shape});
  };
  while (i < n) {
    while (pi < prot.size() && prot[pi].second <= i) ++pi;
    if (pi < prot.size() && prot[pi].first <= i) {
      push(i, prot[pi].second, TokenKind::kProtected);
      i = prot[pi].second;
      continue;
    }
    size_t limit = pi < prot.size() ? prot[pi].first : n;
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b == '\n' || b == '\r') {
      size_t e = i + 1;
      if (b == '\r' && e < n && s[e] == '\n') ++e;
      push(i, e, TokenKind::kNewline);
      i = e;
      continue;
    }
    size_t start = i;
    char32_t c = utf8::decode(s, i);
    if (is_space(c)) {
      while (i < limit) {
        size_t j = i;
        char32_t d = utf8::decode(s, j);
        if (!is_space(d)) break;
        i = j;
      }
      push(start, i, TokenKind::kSpace);
      continue;
    }
    if (is_digit(c)) {
      // Numbers: digits, inner separators followed by a digit, and a unit or
      // ordinal suffix glued to them ("2e", "1er", "19h30", "3D").
      while (i < limit) {
        size_t j = i;
        char32_t d = utf8::decode(s, j);
        if (word_char(d)) {
          i = j;
          continue;
        }
        if ((d == '.' || d == ',' || d == ':') && j < limit && is_digit(peek(s, j))) {
          i = j;
          continue;
        }
        break;
      }
      push(start, i, TokenKind::kNumber);
      continue;
    }
    if (is_letter(c) || is_mark(c)) {
      bool hyph = false;
      bool elision = false;
      ShapeCounter shape;
      shape.add(c);
      while (i < limit) {
        // ASCII letters and digits, most of a word, without decoding or the
        // Unicode classes.
        unsigned char a = static_cast<unsigned char>(s[i]);
        if (((a | 0x20) >= 'a' && (a | 0x20) <= 'z') || (a >= '0' && a <= '9')) {
          shape.add(a);
          ++i;
          continue;
        }
        size_t j = i;
        char32_t d = utf8::decode(s, j);
        if (word_char(d)) {
          shape.add(d);
          i = j;
          continue;
        }
        if ((is_hyphen(d) || is_apostrophe(d)) && j < limit && word_char(peek(s, j))) {
          shape.add(d);
          if (is_apostrophe(d) && is_elision_prefix(s.substr(start, i - start))) {
            i = j;
            elision = true;
            break;
          }
          hyph |= is_hyphen(d);
          i = j;
          continue;
        }
        break;
      }
      push(start, i, TokenKind::kWord, elision, hyph, pack_case_shape(shape.shape()));
      continue;
    }
    if (c < 0x80 ? std::ispunct(static_cast<int>(c)) != 0 : !is_space(c)) {
      push(start, i, c < 0x80 || c == U'«' || c == U'»' || (c >= 0x2010 && c <= 0x206F)
                         ? TokenKind::kPunct
                         : TokenKind::kOther);
      continue;
    }
    push(start, i, TokenKind::kOther);
  }
}

}  // namespace retouche::text
