#include "core/utf8.h"

#include <cstring>

namespace retouche::utf8 {

size_t sequence_length(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  unsigned char b = p[i];
  if (b < 0x80) return 1;
  if (b < 0xC2) return 0;  // continuation byte or overlong 2-byte lead
  if (b < 0xE0) return (i + 1 < n && is_continuation(p[i + 1])) ? 2 : 0;
  if (b < 0xF0) {
    if (i + 2 >= n) return 0;
    unsigned char c1 = p[i + 1];
    if (b == 0xE0 && (c1 < 0xA0 || c1 > 0xBF)) return 0;  // overlong
    if (b == 0xED && (c1 < 0x80 || c1 > 0x9F)) return 0;  // surrogates
    if (!is_continuation(c1) || !is_continuation(p[i + 2])) return 0;
    return 3;
  }
  if (b < 0xF5) {
    if (i + 3 >= n) return 0;
    unsigned char c1 = p[i + 1];
    if (b == 0xF0 && (c1 < 0x90 || c1 > 0xBF)) return 0;  // overlong
    if (b == 0xF4 && (c1 < 0x80 || c1 > 0x8F)) return 0;  // above U+10FFFF
    if (!is_continuation(c1) || !is_continuation(p[i + 2]) || !is_continuation(p[i + 3])) {
      return 0;
    }
    return 4;
  }
  return 0;
}

namespace {
// Length of the maximal subpart of an ill-formed sequence starting at i.
size_t maximal_subpart(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  unsigned char b = p[i];
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b >= 0xC2 && b < 0xE0) {
    need = 1;
  } else if (b >= 0xE0 && b < 0xF0) {
    need = 2;
    if (b == 0xE0) lo = 0xA0;
    if (b == 0xED) hi = 0x9F;
  } else if (b >= 0xF0 && b < 0xF5) {
    need = 3;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;
  } else {
    return 1;
  }
  size_t len = 1;
  for (size_t k = 0; k < need && i + len < n; ++k) {
    unsigned char c = p[i + len];
    if (k == 0 ? (c < lo || c > hi) : !is_continuation(c)) break;
    ++len;
  }
  return len;
}
}  // namespace

size_t find_invalid(std::string_view s, size_t from, size_t* bad_length) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  size_t i = from;
  while (i < n) {
    // ASCII fast path, eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    size_t len = sequence_length(s, i);
    if (len == 0) {
      if (bad_length) *bad_length = maximal_subpart(s, i);
      return i;
    }
    i += len;
  }
  return kValid;
}

bool is_boundary(std::string_view s, size_t p) {
  if (p == 0 || p >= s.size()) return p <= s.size();
  // Lead bytes always start a character (a valid sequence or a maximal
  // subpart holds continuation bytes only after its first byte); a stray
  // continuation byte is a character of its own.
  for (size_t q = p > 3 ? p - 3 : 0; q < p; ++q) {
    if (is_continuation(static_cast<unsigned char>(s[q]))) continue;
    size_t len = sequence_length(s, q);
    if (len == 0) len = maximal_subpart(s, q);
    if (q + len > p) return false;
  }
  return true;
}

char32_t decode_multibyte(std::string_view s, size_t& i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  unsigned char b = p[i];
  size_t len = sequence_length(s, i);
  char32_t c;
  switch (len) {
    case 2:
      c = ((b & 0x1F) << 6) | (p[i + 1] & 0x3F);
      break;
    case 3:
      c = ((b & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
      break;
    case 4:
      c = ((b & 0x07) << 18) | ((p[i + 1] & 0x3F) << 12) | ((p[i + 2] & 0x3F) << 6) |
          (p[i + 3] & 0x3F);
      break;
    default:
      ++i;
      return kReplacementChar;
  }
  i += len;
  return c;
}

char32_t decode_before(std::string_view s, size_t& i) {
  size_t start = i;
  size_t k = 0;
  while (start > 0 && k < 4) {
    --start;
    ++k;
    if (!is_continuation(static_cast<unsigned char>(s[start]))) break;
  }
  size_t j = start;
  char32_t c = decode(s, j);
  if (j != i) {  // invalid: step back one byte only
    i = i - 1;
    return kReplacementChar;
  }
  i = start;
  return c;
}

void append(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

size_t count_code_points(std::string_view s) {
  size_t n = 0;
  for (unsigned char b : s) n += !is_continuation(b);
  return n;
}

}  // namespace retouche::utf8
