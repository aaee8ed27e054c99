#include "text/chars.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "core/utf8.h"
#include "text/shape_counter.h"

namespace retouche::text {

bool is_letter_icu(char32_t c) {
  return u_isUAlphabetic(static_cast<UChar32>(c));
}
bool is_upper_icu(char32_t c) {
  return u_isUUppercase(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}
bool is_lower_icu(char32_t c) {
  return u_isULowercase(static_cast<UChar32>(c));
}
bool is_digit_icu(char32_t c) {
  return u_isdigit(static_cast<UChar32>(c));
}
bool is_mark_icu(char32_t c) {
  int8_t t = u_charType(static_cast<UChar32>(c));
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}
bool is_space_icu(char32_t c) {
  return c == 0xA0 || c == 0x202F || c == 0x2009 || c == 0x2007 ||
         (u_isUWhiteSpace(static_cast<UChar32>(c)) && c != 0x2028 && c != 0x2029 && c != 0x85);
}
bool is_latin(char32_t c) {
  if (c < 0x80) return is_letter(c);
  UErrorCode err = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &err) == USCRIPT_LATIN;
}
bool is_emoji(char32_t c) {
  return c >= 0x80 && u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_EXTENDED_PICTOGRAPHIC);
}

char32_t to_lower_icu(char32_t c) {
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}
char32_t to_upper_icu(char32_t c) {
  return static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
}

void lower_into(std::string_view w, std::string& out) {
  out.clear();
  out.reserve(w.size());
  size_t i = 0;
  while (i < w.size()) {
    unsigned char b = static_cast<unsigned char>(w[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>((b >= 'A' && b <= 'Z') ? b + 32 : b));
      ++i;
      continue;
    }
    utf8::append(out, to_lower(utf8::decode(w, i)));
  }
}

std::string lower(std::string_view w) {
  std::string out;
  lower_into(w, out);
  return out;
}

namespace {
std::string map_first(std::string_view w, char32_t (*f)(char32_t)) {
  std::string out;
  out.reserve(w.size() + 2);
  size_t i = 0;
  while (i < w.size()) {
    size_t start = i;
    char32_t c = utf8::decode(w, i);
    if (is_letter(c)) {
      utf8::append(out, f(c));
      out.append(w.substr(i));
      return out;
    }
    out.append(w.substr(start, i - start));
  }
  return out;
}
}  // namespace

std::string capitalize_first(std::string_view w) { return map_first(w, to_upper); }
std::string lowercase_first(std::string_view w) { return map_first(w, to_lower); }

CaseShape case_shape(std::string_view w) {
  ShapeCounter counter;
  size_t i = 0;
  while (i < w.size()) counter.add(utf8::decode(w, i));
  return counter.shape();
}

}  // namespace retouche::text
