// UTF-8 helpers: strict validation, decoding and code-point counting.
// Byte offsets are used everywhere inside retouche; code points only for people
// (columns) and for JSONL consumers that index strings by code point.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace retouche::utf8 {

inline constexpr char32_t kReplacementChar = 0xFFFD;
inline constexpr size_t kValid = static_cast<size_t>(-1);

// Offset of the first byte that starts an invalid sequence (overlong forms,
// surrogates, code points above U+10FFFF and truncated sequences are invalid),
// or kValid. `*bad_length` receives the length of the maximal invalid
// subsequence there (1 to 3 bytes), as in the WHATWG/Unicode "maximal subpart"
// practice, so that replacement with U+FFFD matches other tools.
size_t find_invalid(std::string_view s, size_t from = 0, size_t* bad_length = nullptr);

// Length of the valid sequence starting at s[i] (1-4), or 0 if invalid.
size_t sequence_length(std::string_view s, size_t i);

// Decodes the code point at s[i] and advances i. On invalid input returns
// U+FFFD and advances by one byte. ASCII is decoded inline.
char32_t decode_multibyte(std::string_view s, size_t& i);
inline char32_t decode(std::string_view s, size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    ++i;
    return b;
  }
  return decode_multibyte(s, i);
}

// Decodes the code point ending just before s[i] and moves i back to its start.
char32_t decode_before(std::string_view s, size_t& i);

void append(std::string& out, char32_t c);

// Number of code points in s (continuation bytes are not counted).
size_t count_code_points(std::string_view s);

// Does offset `p` (0 to s.size()) fall between two characters of `s`? A
// valid sequence is one character; in text that is not valid UTF-8 (as
// --lossy reads it) so is each maximal invalid subpart, which becomes one
// U+FFFD. Looks at the three bytes before `p` only.
bool is_boundary(std::string_view s, size_t p);

inline bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

}  // namespace retouche::utf8
