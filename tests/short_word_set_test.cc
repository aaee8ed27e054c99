#include "core/short_word_set.h"

#include <gtest/gtest.h>

#include <string>

#include "core/word_set.h"

namespace retouche {
namespace {

// ShortWordSet answers as the WordSet it is built from, for listed words,
// their prefixes and extensions, words of 8 and 16 bytes (the packing's
// edges), longer words and non-ASCII bytes.
TEST(ShortWordSet, AnswersAsTheWordSet) {
  WordSet words = {"de", "la", "à", "étaient", "lorsqu'", "aujourd'hui", "abcdefgh", "abcdefghijklmnop",
                   "anticonstitutionnellement", "a"};
  ShortWordSet fast(words);
  std::vector<std::string> asked(words.begin(), words.end());
  for (const std::string& w : words) {
    asked.push_back(w + "x");
    asked.push_back(w.substr(0, w.size() - 1));
    asked.push_back(std::string(1, '\0') + w);
    asked.push_back(w + std::string(1, '\0'));
  }
  for (const char* w : {"", "De", "dé", "abcdefghi", "abcdefghijklmnopq", "anticonstitutionnel", "zzzzzzzzzzzzzzzz"}) {
    asked.push_back(w);
  }
  for (const std::string& w : asked) EXPECT_EQ(fast.contains(w), words.count(w) > 0) << "\"" << w << "\"";
}

TEST(ShortWordSet, EmptyListAndEmptyWord) {
  ShortWordSet none{WordSet{}};
  EXPECT_FALSE(none.contains(""));
  EXPECT_FALSE(none.contains("de"));
  ShortWordSet with_empty{WordSet{"", "de"}};
  EXPECT_TRUE(with_empty.contains(""));
  EXPECT_TRUE(with_empty.contains("de"));
}

// Many words: the table grows and every word is still found, no other.
TEST(ShortWordSet, ManyWords) {
  WordSet words;
  for (int i = 0; i < 5000; ++i) words.insert("w" + std::to_string(i * 7));
  ShortWordSet fast(words);
  for (int i = 0; i < 40000; ++i) {
    std::string w = "w" + std::to_string(i);
    EXPECT_EQ(fast.contains(w), words.count(w) > 0) << w;
  }
}

}  // namespace
}  // namespace retouche
