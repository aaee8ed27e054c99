// text::tokenize: the tokens the token rules read, and the case shape each
// word carries (computed once while tokenising instead of by every rule).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "test_support.h"
#include "text/chars.h"
#include "text/tokenizer.h"

namespace retouche {
namespace {

namespace fs = std::filesystem;
using text::Token;
using text::TokenKind;

std::vector<Token> tokens_of(std::string_view s) {
  std::vector<Token> toks;
  text::tokenize(s, {}, &toks);
  return toks;
}

std::string shape_string(const text::CaseShape& s) {
  int letters = std::min(s.letters, text::kMaxPackedLetters);
  return std::to_string(s.initial_upper) + std::to_string(s.all_upper) + std::to_string(s.all_lower) +
         std::to_string(s.inner_upper) + " " + std::to_string(letters);
}

TEST(Tokenizer, SplitsElisionsAndKeepsInnerHyphens) {
  std::string s = "l’Ukraine a-t-il dit aujourd'hui.";
  std::vector<std::string> words;
  for (const Token& t : tokens_of(s)) {
    if (t.is_word()) words.push_back(std::string(t.text(s)) + (t.elision ? "|e" : "") + (t.hyphenated ? "|h" : ""));
  }
  EXPECT_EQ(words, (std::vector<std::string>{"l’|e", "Ukraine", "a-t-il|h", "dit", "aujourd'hui"}));
}

TEST(Tokenizer, WordsCarryTheirCaseShape) {
  // Capitals inside, acronyms, hyphens and apostrophes, accents (composed and
  // combining), a letter after digits, long words (letters saturate at 7).
  std::string s =
      "afghanCela iPhone OTAN Jean-Pierre ÉTATS-UNIS l’Ukraine qu'il Élysée e\xCC\x81te\xCC\x81 McDonald "
      "G20 été anticonstitutionnellement Ö x A ÀÉÎ\n";
  size_t words = 0;
  for (const Token& t : tokens_of(s)) {
    if (!t.is_word()) {
      EXPECT_EQ(t.shape, 0) << t.text(s);
      continue;
    }
    ++words;
    EXPECT_EQ(shape_string(t.case_shape()), shape_string(text::case_shape(t.text(s)))) << t.text(s);
  }
  EXPECT_GT(words, 15u);
}

// The same on every test input: the shape a token carries is the one the
// rules used to compute from its text.
TEST(Tokenizer, CaseShapesMatchOnEveryTestInput) {
  size_t words = 0;
  for (const char* dir : {"samples", "tests/data", "tests/fuzz/corpus/pipeline", "tests/fuzz/regressions"}) {
    for (const auto& e : fs::recursive_directory_iterator(testing::source_dir() + "/" + dir)) {
      if (!e.is_regular_file()) continue;
      std::string text = testing::read(e.path().string());
      if (utf8::find_invalid(text) != utf8::kValid) continue;
      for (const Token& t : tokens_of(text)) {
        if (!t.is_word()) continue;
        ++words;
        ASSERT_EQ(shape_string(t.case_shape()), shape_string(text::case_shape(t.text(text))))
            << e.path() << ": " << t.text(text);
      }
    }
  }
  EXPECT_GT(words, 10000u);
}

// What lets the token rules trust a word's shape instead of reading its
// characters again (joins.glued skips words without inner_upper): inside a
// word token (letters, marks, digits, hyphens and apostrophes between
// them), a lowercase character is a letter and never an uppercase one, and
// an uppercase character is a letter. Then "an uppercase character right
// after a lowercase one" is exactly the shape's inner_upper. Every code
// point is checked against ICU's classes.
TEST(Tokenizer, CaseClassesInsideWordsAreLetters) {
  size_t lower = 0, upper = 0;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    bool in_word = text::is_letter(c) || text::is_mark(c) || text::is_digit(c) || text::is_hyphen(c) ||
                   text::is_apostrophe(c);
    if (!in_word) continue;
    if (text::is_lower(c)) {
      ++lower;
      ASSERT_TRUE(text::is_letter(c)) << std::hex << static_cast<uint32_t>(c);
      ASSERT_FALSE(text::is_upper(c)) << std::hex << static_cast<uint32_t>(c);
    }
    if (text::is_upper(c)) {
      ++upper;
      ASSERT_TRUE(text::is_letter(c)) << std::hex << static_cast<uint32_t>(c);
    }
  }
  EXPECT_GT(lower, 1000u);
  EXPECT_GT(upper, 1000u);
}

}  // namespace
}  // namespace retouche
