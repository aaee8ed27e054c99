// Character classes and case mapping for UTF-8 text, backed by ICU's
// character properties (fast table lookups; no allocation).
#pragma once

#include <cstdint>

#include <string>
#include <string_view>

namespace retouche::text {

// ASCII is answered inline (most characters of French text are ASCII); the
// rest asks ICU.
bool is_letter_icu(char32_t c);
bool is_upper_icu(char32_t c);
bool is_lower_icu(char32_t c);
bool is_digit_icu(char32_t c);
char32_t to_lower_icu(char32_t c);
char32_t to_upper_icu(char32_t c);

// Unicode Alphabetic (letters, including accented)
inline bool is_letter(char32_t c) { return c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : is_letter_icu(c); }
// uppercase or titlecase letter
inline bool is_upper(char32_t c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : is_upper_icu(c); }
inline bool is_lower(char32_t c) { return c < 0x80 ? (c >= 'a' && c <= 'z') : is_lower_icu(c); }
// decimal digit
inline bool is_digit(char32_t c) { return c < 0x80 ? (c >= '0' && c <= '9') : is_digit_icu(c); }
bool is_mark_icu(char32_t c);
bool is_space_icu(char32_t c);
// combining mark
inline bool is_mark(char32_t c) { return c >= 0x300 && is_mark_icu(c); }
// Horizontal space, including NBSP (U+00A0) and narrow NBSP (U+202F), which
// French typography puts before ; : ! ? » and after «.
inline bool is_space(char32_t c) { return c < 0x80 ? (c == ' ' || c == '\t') : is_space_icu(c); }
inline bool is_apostrophe(char32_t c) { return c == U'\'' || c == U'\u2019'; }
inline bool is_hyphen(char32_t c) { return c == U'-' || c == U'\u2010' || c == U'\u2011'; }
bool is_latin(char32_t c);    // letter of the Latin script
bool is_emoji(char32_t c);    // Extended_Pictographic

inline char32_t to_lower(char32_t c) { return c < 0x80 ? ((c >= 'A' && c <= 'Z') ? c + 32 : c) : to_lower_icu(c); }
inline char32_t to_upper(char32_t c) { return c < 0x80 ? ((c >= 'a' && c <= 'z') ? c - 32 : c) : to_upper_icu(c); }

// Case-mapped copies of a UTF-8 word (simple, per code point mappings; enough
// for French words and names).
std::string lower(std::string_view word);
void lower_into(std::string_view word, std::string& out);
// First letter upper, the rest unchanged ("état" -> "État").
std::string capitalize_first(std::string_view word);
// First letter lower, the rest unchanged ("Du" -> "du").
std::string lowercase_first(std::string_view word);

// Case shape of a word, from its letters only.
struct CaseShape {
  bool initial_upper = false;  // first letter is uppercase
  bool all_upper = false;      // every letter is uppercase (and there are at least two)
  bool all_lower = false;      // every letter is lowercase
  bool inner_upper = false;    // an uppercase letter after a lowercase one ("afghanCela", "iPhone")
  int letters = 0;
};
CaseShape case_shape(std::string_view word);

// A CaseShape in one byte, as tokens carry it (tokenizer.h): `letters` up
// to 7, more reads as 7 (every caller compares it with 6 or less).
inline constexpr int kMaxPackedLetters = 7;
inline uint8_t pack_case_shape(const CaseShape& s) {
  int letters = s.letters < kMaxPackedLetters ? s.letters : kMaxPackedLetters;
  return static_cast<uint8_t>(s.initial_upper | s.all_upper << 1 | s.all_lower << 2 | s.inner_upper << 3 |
                              letters << 4);
}
inline CaseShape unpack_case_shape(uint8_t b) {
  CaseShape s;
  s.initial_upper = b & 1;
  s.all_upper = b & 2;
  s.all_lower = b & 4;
  s.inner_upper = b & 8;
  s.letters = b >> 4;
  return s;
}

}  // namespace retouche::text
