#include "rules/bounded_repeats.h"

#include <cctype>

namespace retouche {

namespace {

// Reads "{a,b}" at `at`; true with a and the end of the repeat when it is
// one (a single count "{a}" or an open "{a,}" is left as it is).
bool read_bounded_repeat(std::string_view p, size_t at, std::string_view* low, size_t* end) {
  if (at >= p.size() || p[at] != '{') return false;
  size_t i = at + 1, low_begin = i;
  while (i < p.size() && std::isdigit(static_cast<unsigned char>(p[i]))) ++i;
  if (i == low_begin || i >= p.size() || p[i] != ',') return false;
  *low = p.substr(low_begin, i - low_begin);
  size_t high_begin = ++i;
  while (i < p.size() && std::isdigit(static_cast<unsigned char>(p[i]))) ++i;
  if (i == high_begin || i >= p.size() || p[i] != '}') return false;
  *end = i + 1;
  return true;
}

}  // namespace

std::string relax_bounded_dots(std::string_view p) {
  std::string out;
  out.reserve(p.size());
  bool in_class = false;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\' && i + 1 < p.size() && p[i + 1] == 'Q') {  // \Q…\E: literal text, as it is
      size_t e = p.find("\\E", i + 2);
      size_t stop = e == std::string_view::npos ? p.size() : e + 2;
      out.append(p.substr(i, stop - i));
      i = stop - 1;
      continue;
    }
    if (c == '\\') {  // an escape and the character it escapes, as they are
      out.push_back(c);
      if (i + 1 < p.size()) out.push_back(p[++i]);
      continue;
    }
    if (in_class) {
      if (c == '[' && i + 1 < p.size() && p[i + 1] == ':') {  // "[:alpha:]" inside a class
        size_t e = p.find(":]", i + 2);
        if (e != std::string_view::npos) {
          out.append(p.substr(i, e + 2 - i));
          i = e + 1;
          continue;
        }
      }
      in_class = c != ']';
      out.push_back(c);
      continue;
    }
    if (c == '[') {
      in_class = true;
      out.push_back(c);
      if (i + 1 < p.size() && p[i + 1] == '^') out.push_back(p[++i]);
      if (i + 1 < p.size() && p[i + 1] == ']') out.push_back(p[++i]);  // "[]…]": a literal ]
      continue;
    }
    std::string_view low;
    size_t end = 0;
    if (c == '.' && read_bounded_repeat(p, i + 1, &low, &end)) {
      // A lazy repeat ("{0,9}?") becomes a lazy ".*?": the same lines match whole.
      while (low.size() > 1 && low.front() == '0') low.remove_prefix(1);
      if (low == "0") {
        out += ".*";
      } else if (low == "1") {
        out += ".+";
      } else {
        out += ".{";
        out += low;
        out += ",}";
      }
      i = end - 1;
      continue;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace retouche
