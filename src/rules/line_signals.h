// Signals about a line that need no phrase list: its shape (a sentence or a
// title?), its language (French or not?), whether it reads like a person's
// name, and how many of its content words the rest of the document uses.
// The boilerplate rule combines them; each is a pure function, tested alone.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

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
};

inline constexpr int kMaxTitleWords = 25;
inline constexpr int kMaxCountedWords = 40;

// `line` in pattern form (see line_patterns.h). `fr`/`en`: function-word lists.
LineShape line_shape(std::string_view line, const WordSet& fr, const WordSet& en);

// True when the line is not French: English (or another language) by its
// function words and by how many of its lowercase words the French lexicon
// does not know. Short lines without evidence are French.
bool is_foreign_line(std::string_view line, const LineShape& shape, Lexicon& lexicon);

// A person's name alone, possibly with a role: "Ariela Tomson",
// "Marie-Claire Robin, correspondante à Erevan".
bool looks_like_name_line(std::string_view line);

// Lowercase content words of a line: letters only, at least 4 of them, not a
// function word. Appended to `out`.
void content_words(std::string_view line, const WordSet& fr, const WordSet& en,
                   std::vector<std::string>* out);
// The same, handing each word to `f` without copying it (the view is valid
// during the call only).
void for_each_content_word(std::string_view line, const WordSet& fr, const WordSet& en,
                           const std::function<void(std::string_view)>& f);

}  // namespace retouche
