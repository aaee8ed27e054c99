#include "rules/line_signals.h"

#include <algorithm>
#include <array>

#include "core/utf8.h"
#include "lexicon/lexicon.h"
#include "text/chars.h"
#include "text/language.h"

namespace retouche {
namespace {

// CLD2 is trusted on a line when it says it is reliable on at least this many
// letters; below, the word lists decide. Under 50, CLD2 calls most short
// French headlines English ("La Russie en transition": en, 96%, "reliable").
constexpr int kMinLanguageIdBytes = 50;
// A line CLD2 gives mostly to another language but this much to French is
// French with a foreign name or title in it.
constexpr int kMaxFrenchPercent = 30;

// Splits on ASCII spaces and apostrophes (pattern form has one space between
// tokens and "'" for every apostrophe): "l'Ukraine" gives "l" and "Ukraine".
template <typename F>
void for_each_token(std::string_view s, F f) {
  size_t i = 0;
  auto sep = [](char c) { return c == ' ' || c == '\''; };
  while (i < s.size()) {
    while (i < s.size() && sep(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !sep(s[j])) ++j;
    if (j > i) f(s.substr(i, j - i));
    i = j;
  }
}

// The letters of a token with punctuation stripped at both ends, lowercased,
// into `out` (a buffer reused from token to token).
void core_word_into(std::string_view tok, std::string& out, bool* has_digit, bool* all_lower,
                    bool* any_letter) {
  out.clear();
  *has_digit = false;
  *all_lower = true;
  *any_letter = false;
  size_t i = 0;
  while (i < tok.size()) {
    auto b = static_cast<unsigned char>(tok[i]);
    if (b < 0x80) {  // most characters: no decoding, no case table
      ++i;
      if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
        *any_letter = true;
        if (b <= 'Z') *all_lower = false;
        out.push_back(static_cast<char>(b | 0x20));
      } else if (b >= '0' && b <= '9') {
        *has_digit = true;
        out.push_back(static_cast<char>(b));
      } else if (b == '-' && !out.empty()) {
        out.push_back('-');  // keep inner hyphens: "Haut-Karabakh"
      }
      continue;
    }
    char32_t c = utf8::decode(tok, i);
    if (text::is_letter(c)) {
      *any_letter = true;
      if (text::is_upper(c)) *all_lower = false;
      utf8::append(out, text::to_lower(c));
    } else if (text::is_digit(c)) {
      *has_digit = true;
      utf8::append(out, c);
    } else if (c == '-' && !out.empty()) {
      out.push_back('-');  // keep inner hyphens: "Haut-Karabakh"
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
}

bool sentence_end(std::string_view s) {
  // Strip closing quotes, brackets and spaces, then look for . ! ? …
  size_t end = s.size();
  while (end > 0) {
    size_t i = end;
    char32_t c = utf8::decode_before(s, i);
    if (c == '"' || c == U'»' || c == U'”' || c == ')' || c == ']' || c == '\'' || c == U'’' ||
        c == ' ' || c == '*') {
      end = i;
      continue;
    }
    return c == '.' || c == '!' || c == '?' || c == U'…' || c == ';' || c == ':';
  }
  return false;
}

}  // namespace

LineShape line_shape(std::string_view line, const ShortWordSet& fr, const ShortWordSet& en) {
  LineShape s;
  bool first_letter_seen = false;
  size_t i = 0;
  while (i < line.size() && !first_letter_seen) {
    char32_t c = utf8::decode(line, i);
    if (text::is_letter(c)) {
      first_letter_seen = true;
      s.starts_upper = text::is_upper(c);
    } else if (text::is_digit(c)) {
      first_letter_seen = true;
      s.starts_upper = true;  // "2024 : …", "5 conseils pour …" read like titles
    }
  }
  // Words are counted between spaces ("l'unité" is one word); function words
  // are looked up on the apostrophe-split parts ("l", "unité").
  size_t k = 0;
  while (k < line.size()) {
    while (k < line.size() && line[k] == ' ') ++k;
    size_t e = line.find(' ', k);
    if (e == std::string_view::npos) e = line.size();
    bool alnum = false;
    for (size_t q = k; q < e && !alnum;) {
      char32_t c = utf8::decode(line, q);
      alnum = text::is_letter(c) || text::is_digit(c);
    }
    s.words += alnum;
    k = e;
  }
  // The language counts matter only for lines short enough to be a pasted
  // headline; a long paragraph is not looked at word by word.
  bool counted = s.words <= kMaxCountedWords;
  std::string w;
  for_each_token(line, [&](std::string_view tok) {
    bool digit, lower, letter;
    core_word_into(tok, w, &digit, &lower, &letter);
    if (!letter && !digit) return;
    ++s.tokens;
    bool french = fr.contains(w);
    s.fr_stop += french;
    if (!counted) return;
    if (letter && !digit && lower) ++s.lower_words;
    s.fr_function += french;
    if (en.contains(w)) ++s.en_function;
  });
  s.ends_sentence = sentence_end(line);
  s.title_like = s.words >= 1 && s.words <= kMaxTitleWords && !s.ends_sentence && s.starts_upper;
  s.prose = (s.words >= 8 && s.ends_sentence) || s.words > kMaxTitleWords;
  return s;
}

bool is_foreign_line(std::string_view line, const LineShape& shape, Lexicon& lexicon) {
  if (shape.words < 3) return false;
  if (shape.en_function >= 3 && shape.en_function >= 2 * shape.fr_function) return true;
  if (shape.fr_function >= 3 && shape.en_function == 0) return false;  // plainly French
  // How many lowercase words does the French lexicon not know?
  int unknown = 0, counted = 0;
  std::string w;
  for_each_token(line, [&](std::string_view tok) {
    bool digit, lower, letter;
    core_word_into(tok, w, &digit, &lower, &letter);
    if (!letter || digit || !lower || w.empty()) return;
    ++counted;
    if (!lexicon.known(w)) ++unknown;
  });
  if (counted < 3) return false;
  double ratio = static_cast<double>(unknown) / counted;
  if (shape.en_function >= 1 && shape.en_function >= shape.fr_function && ratio >= 0.34) return true;
  return shape.fr_function <= 1 && ratio >= 0.5;
}

bool looks_like_name_line(std::string_view line) {
  std::string_view name = line;
  size_t comma = line.find(',');
  if (comma != std::string_view::npos) name = line.substr(0, comma);  // "Name, role"
  if (name.size() > 60 || name.empty()) return false;
  int words = 0;
  bool ok = true;
  // "La Conspiration", "Le Dilemme Environnemental", "L'Observateur National":
  // a title in title case opens with an article; a person's name does not.
  static const std::vector<std::string_view> kArticles = {"Le", "La", "Les", "L", "Un", "Une", "Des", "Du",
                                                          "Au", "Aux", "The", "A", "An"};
  for_each_token(name, [&](std::string_view tok) {
    if (words == 0 && std::find(kArticles.begin(), kArticles.end(), tok) != kArticles.end()) ok = false;
    static const std::vector<std::string_view> kParticles = {"de", "du", "des", "d'", "van", "von",
                                                             "der", "den", "di", "da", "le", "la",
                                                             "el", "al", "ben", "bin", "ibn", "y"};
    ++words;
    size_t i = 0;
    char32_t c = utf8::decode(tok, i);
    if (text::is_upper(c)) {
      // the rest: letters, hyphens, apostrophes, a final period for initials
      while (i < tok.size()) {
        char32_t d = utf8::decode(tok, i);
        if (!(text::is_letter(d) || d == '-' || d == '\'' || d == '.')) ok = false;
      }
      return;
    }
    for (std::string_view p : kParticles) {
      if (tok == p) return;
    }
    ok = false;
  });
  return ok && words >= 2 && words <= 5;
}

void for_each_content_word(std::string_view line, const ShortWordSet& fr, const ShortWordSet& en,
                           const std::function<void(std::string_view)>& f) {
  std::string w;
  for_each_token(line, [&](std::string_view tok) {
    bool digit, lower, letter;
    core_word_into(tok, w, &digit, &lower, &letter);
    if (!letter || digit) return;
    if (utf8::count_code_points(w) < 4) return;
    if (fr.contains(w) || en.contains(w)) return;
    f(w);
  });
}

void content_words(std::string_view line, const ShortWordSet& fr, const ShortWordSet& en,
                   std::vector<std::string>* out) {
  for_each_content_word(line, fr, en, [&](std::string_view w) { out->emplace_back(w); });
}

}  // namespace retouche

namespace retouche {

bool looks_like_code_line(std::string_view raw, std::string_view form) {
  if (raw.starts_with("    ") || raw.starts_with("\t")) return true;  // a code block
  if (form.empty()) return false;
  if (form.starts_with("#!") || form.starts_with("$ ") || form.starts_with("# ")) return true;
  if (form == "{" || form == "}" || form == ";;" || form.ends_with("{") || form.ends_with(";")) return true;
  // "[Unit]", "[ru-mail-ping]": an INI section
  if (form.front() == '[' && form.back() == ']' && form.find(' ') == std::string_view::npos) return true;
  // A shell prompt after a user name: "siefke $ cd /etc"
  size_t sp = form.find(' ');
  if (sp != std::string_view::npos && form.substr(sp).starts_with(" $ ")) return true;
  // One pass for the marks of code: "&&", "||", ">>", " | ", "\":", "${",
  // "$(", "://", " --", "./", key=value with no space around "=" ("type=tcp"),
  // and an absolute path ("/etc/udev/rules.d", "cd /usr/local").
  static constexpr auto kMarkByte = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : std::string_view("&|>\"$:-./=")) t[c] = true;
    return t;
  }();
  size_t n = form.size();
  size_t last_slash = form.rfind('/');
  auto at = [&](size_t p) { return p < n ? form[p] : '\0'; };
  for (size_t p = 0; p < n; ++p) {
    if (!kMarkByte[static_cast<unsigned char>(form[p])]) continue;
    char before = p > 0 ? form[p - 1] : '\0', next = at(p + 1);
    switch (form[p]) {
      case '&': if (next == '&') return true; break;
      case '|': if (next == '|' || (before == ' ' && next == ' ')) return true; break;
      case '>': if (next == '>') return true; break;
      case '"': if (next == ':') return true; break;
      case '$': if (next == '{' || next == '(') return true; break;
      case ':': if (next == '/' && at(p + 2) == '/') return true; break;
      case '-': if (before == ' ' && next == '-') return true; break;
      case '.': if (next == '/') return true; break;
      case '=': if (p > 0 && p + 1 < n && before != ' ' && next != ' ') return true; break;
      case '/':
        if ((p == 0 || before == ' ') && p + 1 < n && next != ' ' && last_slash > p) return true;
        break;
      default: break;
    }
  }
  return false;
}

bool looks_like_list_item(std::string_view form) {
  for (std::string_view bullet : {"- ", "* ", "• ", "– ", "— ", "· ", "+ "}) {
    if (form.starts_with(bullet)) return true;
  }
  size_t i = 0;
  while (i < form.size() && i < 3 && form[i] >= '0' && form[i] <= '9') ++i;
  return i > 0 && i + 1 < form.size() && (form[i] == '.' || form[i] == ')') && form[i + 1] == ' ';
}

}  // namespace retouche

namespace retouche {

ForeignEvidence foreign_line_evidence(std::string_view line, const LineShape& shape, Lexicon& lexicon) {
  if (shape.words < 3) return ForeignEvidence::kNone;
  text::LanguageGuess g = text::detect_language(line);
  if (g.reliable && g.scored_bytes >= kMinLanguageIdBytes) {
    if (g.french() || g.french_percent >= kMaxFrenchPercent) return ForeignEvidence::kNone;
    // CLD2 still mistakes some French headlines for English ("La surface
    // de l'eau renforce doublement l'architecture"): a line a fifth of
    // whose words are French function words is French.
    bool french_words = shape.tokens > 0 && shape.fr_stop * 5 >= shape.tokens;
    return french_words ? ForeignEvidence::kNone : ForeignEvidence::kLanguageId;
  }
  return is_foreign_line(line, shape, lexicon) ? ForeignEvidence::kWordLists : ForeignEvidence::kNone;
}

}  // namespace retouche
