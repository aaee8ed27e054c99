// normalize.* through the whole pipeline: what a user sees in the cleaned
// text and which findings explain it.
#include <gtest/gtest.h>

#include "test_support.h"

namespace retouche {
namespace {

using testing::clean;
using testing::has_rule;

TEST(Normalize, CleansBytesAndKeepsFrenchTypography) {
  struct Case {
    std::string input, expected, rule;
  };
  static const Case kCases[] = {
      {"\xEF\xBB\xBFTitre\n", "Titre\n", "normalize.bom"},
      {"caf" "e\xCC\x81 cr" "e\xCC\x80me\n", "café crème\n", "normalize.nfc"},          // decomposed accents
      {"Mos\xE2\x80\x8B" "cou\n", "Moscou\n", "normalize.invisible-char"},               // zero-width space
      {"inter\xC2\xAD" "national\n", "international\n", "normalize.invisible-char"},      // soft hyphen
      {"a\x01" "b\n", "a b\n", "normalize.control-char"},                                 // control between letters
      {std::string("fin.\x00\n", 6), "fin.\n", "normalize.control-char"},                                 // NUL at a line end
      {"\xE2\x80\x8E" "Kiev\n", "Kiev\n", "normalize.invisible-char"},                   // LRM
  };
  for (const Case& c : kCases) {
    Result r = clean(std::string(c.input.data(), c.input.size()));
    EXPECT_EQ(r.clean_text, c.expected) << c.rule;
    EXPECT_TRUE(has_rule(r, c.rule)) << c.rule;
  }
}

TEST(Normalize, LeavesCorrectTextAlone) {
  static const char* kKeep[] = {
      "« Bonjour » ; vraiment ? Oui\xC2\xA0!\n",      // NBSP before '!'
      "Le 8\xE2\x80\xAF" "000 soldats.\n",              // narrow NBSP in a number
      "famille \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\n",  // emoji ZWJ sequence
      "\xD9\x85\xE2\x80\x8C\xD8\xB3\n",                // ZWNJ in Arabic script
      "ligne 1\r\nligne 2\r\n",                          // CRLF kept by default
      "tab\tulation\n",
  };
  for (const char* k : kKeep) {
    Result r = clean(k);
    EXPECT_EQ(r.clean_text, k);
    EXPECT_TRUE(r.findings.empty()) << k << " -> " << (r.findings.empty() ? "" : r.findings[0].rule);
  }
}

TEST(Normalize, InvalidUtf8FailsWithPositionUnlessLossy) {
  Result r;
  Status st = testing::default_pipeline().run(Document{"d", "ligne\nd\xE9j\xE0 vu\n"}, &r);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), ErrorCode::kInvalidInput);
  EXPECT_NE(st.message().find("byte 7 (line 2, column 2)"), std::string::npos) << st.message();

  PipelineOptions o;
  o.lossy_utf8 = true;
  auto lossy = testing::make_pipeline(o);
  ASSERT_TRUE(lossy->run(Document{"d", "d\xE9j\xE0 vu\n"}, &r).ok());
  EXPECT_EQ(r.clean_text, "d\xEF\xBF\xBDj\xEF\xBF\xBD vu\n");
  EXPECT_TRUE(has_rule(r, "normalize.invalid-utf8"));
}

// The rule first asks ICU whether the whole text is in NFC and walks it only
// when not: a decomposed letter after a long composed text, or in a text
// with invalid bytes (which the walk keeps out of its segments), is still
// composed.
TEST(Normalize, DecomposedLetterFoundAfterComposedTextAndBesideInvalidBytes) {
  std::string composed;
  for (int i = 0; i < 200; ++i) composed += "Déjà l'été à Noël, ";
  Result r = clean(composed + "caf" "e\xCC\x81.\n");
  EXPECT_EQ(r.clean_text, composed + "café.\n");
  EXPECT_TRUE(has_rule(r, "normalize.nfc"));

  PipelineOptions o;
  o.lossy_utf8 = true;
  auto lossy = testing::make_pipeline(o);
  ASSERT_TRUE(lossy->run(Document{"d", "d\xE9j\xE0 caf" "e\xCC\x81\n"}, &r).ok());
  EXPECT_EQ(r.clean_text, "d\xEF\xBF\xBDj\xEF\xBF\xBD café\n");
  EXPECT_TRUE(has_rule(r, "normalize.nfc"));
}

TEST(Normalize, LineEndingsConvertedOnlyOnRequest) {
  PipelineOptions o;
  o.newline_lf = true;
  auto p = testing::make_pipeline(o);
  Result r;
  ASSERT_TRUE(p->run(Document{"d", "a\r\nb\rc\n"}, &r).ok());
  EXPECT_EQ(r.clean_text, "a\nb\nc\n");
}

}  // namespace
}  // namespace retouche
