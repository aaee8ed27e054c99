// Signals about a line that need no phrase list: its shape (a sentence or a
// title?), its language (French or not?), whether it reads like a person's
// name, and how many of its content words the rest of the document uses.
// The boilerplate rule combines them; each is a pure function, tested alone.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/short_word_set.h"
#include "core/word_set.h"

namespace retouche {

class Lexicon;

struct LineShape {
  int words = 0;              // whitespace-separated tokens holding a letter or digit
  // The next three are counted only on lines of at most kMaxCountedWords words.
  int lower_words = 0;        // all-lowercase alphabetic words
  bool ends_sentence = false; // ends with . ! ? … (possibly before a closing quote)
  bool starts_upper = false;  // first letter is uppercase
  bool title_like = false;    // a headline: short, no sentence end, starts with a capital/digit/quote
  bool prose = false;         // a paragraph of the article body
  int fr_function = 0;        // French function words
  int en_function = 0;        // English function words
  // Counted on every line: apostrophe-split tokens holding a letter or digit,
  // and how many of them are French function words (jusText's stop-word
  // density is fr_stop / tokens).
  int tokens = 0;
  int fr_stop = 0;
  double stop_density() const { return tokens == 0 ? 0.0 : static_cast<double>(fr_stop) / tokens; }
};

inline constexpr int kMaxTitleWords = 25;
inline constexpr int kMaxCountedWords = 40;

// `line` in pattern form (see line_patterns.h). `fr`/`en`: function-word lists.
LineShape line_shape(std::string_view line, const ShortWordSet& fr, const ShortWordSet& en);

// True when the line is not French: English (or another language) by its
// function words and by how many of its lowercase words the French lexicon
// does not know. Short lines without evidence are French.
bool is_foreign_line(std::string_view line, const LineShape& shape, Lexicon& lexicon);

// A person's name alone, possibly with a role: "Ariela Tomson",
// "Marie-Claire Robin, correspondante à Erevan".
bool looks_like_name_line(std::string_view line);

// Lowercase content words of a line: letters only, at least 4 of them, not a
// function word. Appended to `out`.
void content_words(std::string_view line, const ShortWordSet& fr, const ShortWordSet& en,
                   std::vector<std::string>* out);
// The same, handing each word to `f` without copying it (the view is valid
// during the call only).
void for_each_content_word(std::string_view line, const ShortWordSet& fr, const ShortWordSet& en,
                           const std::function<void(std::string_view)>& f);

}  // namespace retouche

namespace retouche {

// A line of code, a shell command or a configuration line ("siefke $ tar xf
// data.tar.gz", "type=tcp", "[Unit]", "cd /etc/sane.d", "}"), or a line
// indented as a code block. Such a line is neither a foreign-language line
// nor a headline: the boilerplate signals leave it alone. `raw` is the line
// as written (its indentation counts), `form` its pattern form.
bool looks_like_code_line(std::string_view raw, std::string_view form);

// A list item: "- Saudi Aramco - 59,26", "* trans : …", "• …", "1. …".
bool looks_like_list_item(std::string_view form);

}  // namespace retouche

namespace retouche {

// Which evidence says a line is not French.
enum class ForeignEvidence { kNone, kLanguageId, kWordLists };

// CLD2 (src/text/language.h) decides when it is sure of the line (reliable,
// on enough letters); the function-word and lexicon test of is_foreign_line
// decides the lines CLD2 cannot (a headline of a few words).
ForeignEvidence foreign_line_evidence(std::string_view line, const LineShape& shape, Lexicon& lexicon);

}  // namespace retouche
