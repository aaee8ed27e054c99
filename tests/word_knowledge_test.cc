// rules/word_knowledge.h: the helpers every rule's look-ups go through.
#include "rules/word_knowledge.h"

#include <gtest/gtest.h>

namespace retouche {
namespace {

// Name and lexicon look-ups use the ASCII apostrophe: every typographic one
// becomes "'", wherever it stands, and nothing else changes.
TEST(WordKnowledge, AsciiApostrophesReplaceEveryTypographicOne) {
  static const std::pair<const char*, const char*> kCases[] = {
      {"Moscou", "Moscou"},
      {"", ""},
      {"l\xE2\x80\x99" "Ukraine", "l'Ukraine"},
      {"\xE2\x80\x99" "a\xE2\x80\x99" "b\xE2\x80\x99", "'a'b'"},
      {"O'Neill", "O'Neill"},
      {"d\xE2\x80\x99O\xE2\x80\x99Neill", "d'O'Neill"},
      {"\xE2\x80\x98" "cit\xC3\xA9\xE2\x80\x99", "\xE2\x80\x98" "cit\xC3\xA9'"},  // ‘ is left
      {"\xE2\x80", "\xE2\x80"},  // a cut sequence is no apostrophe
  };
  for (const auto& [in, out] : kCases) {
    EXPECT_EQ(ascii_apostrophes(in), out) << in;
    std::string buf;
    EXPECT_EQ(ascii_apostrophes(in, buf), out) << in;
  }
}

}  // namespace
}  // namespace retouche
