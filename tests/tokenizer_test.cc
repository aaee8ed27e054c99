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

}  // namespace
}  // namespace retouche
