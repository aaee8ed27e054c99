#include "core/utf8.h"

#include <gtest/gtest.h>

namespace retouche {
namespace {

TEST(Utf8, FindsTheFirstInvalidSequenceAndItsMaximalSubpart) {
  struct Case {
    std::string text;
    size_t offset;
    size_t length;
  };
  static const Case kCases[] = {
      {"plain ascii", utf8::kValid, 0},
      {"caf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80", utf8::kValid, 0},  // é ’ 😀
      {"ab\xFFz", 2, 1},                  // never valid byte
      {"ab\xC3", 2, 1},                   // truncated at the end
      {"ab\xE2\x80z", 2, 2},              // truncated 3-byte sequence
      {"\xC0\xAF", 0, 1},                 // overlong '/'
      {"x\xE0\x80\x80", 1, 1},            // overlong 3-byte
      {"x\xED\xA0\x80", 1, 1},            // UTF-16 surrogate
      {"x\xF4\x90\x80\x80", 1, 1},        // above U+10FFFF
      {"123456789\x80", 9, 1},            // lone continuation after the 8-byte fast path
  };
  for (const Case& c : kCases) {
    size_t len = 0;
    EXPECT_EQ(utf8::find_invalid(c.text, 0, &len), c.offset) << c.text;
    if (c.offset != utf8::kValid) {
      EXPECT_EQ(len, c.length) << c.text;
    }
  }
}

TEST(Utf8, DecodesAndCountsCodePoints) {
  std::string s = "é’😀a";
  size_t i = 0;
  EXPECT_EQ(utf8::decode(s, i), U'é');
  EXPECT_EQ(utf8::decode(s, i), U'’');
  EXPECT_EQ(utf8::decode(s, i), U'😀');
  EXPECT_EQ(utf8::decode(s, i), U'a');
  EXPECT_EQ(i, s.size());
  EXPECT_EQ(utf8::count_code_points(s), 4u);
  size_t j = s.size() - 1;
  EXPECT_EQ(utf8::decode_before(s, j), U'😀');
  std::string out;
  utf8::append(out, U'😀');
  utf8::append(out, U'é');
  EXPECT_EQ(out, "😀é");
}

TEST(Utf8, BoundariesFallBetweenCharacters) {
  struct Case {
    std::string text;
    size_t offset;
    bool boundary;
  };
  static const Case kCases[] = {
      {"caf\xC3\xA9", 3, true},
      {"caf\xC3\xA9", 4, false},           // inside é
      {"caf\xC3\xA9", 5, true},            // the end
      {"caf\xC3\xA9", 6, false},           // past the end
      {"\xF0\x9F\x98\x80", 3, false},      // inside 😀
      {"\xF0\x9F\x98\x80x", 4, true},
      {"a\xFF" "b", 2, true},              // after an invalid byte (one U+FFFD)
      {"a\xE2\x80z", 2, false},            // inside a truncated sequence (one U+FFFD under --lossy)
      {"a\xE2\x80z", 3, true},
      {"\x80\x80", 1, true},               // stray continuation bytes: one character each
      {"", 0, true},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(utf8::is_boundary(c.text, c.offset), c.boundary) << c.text << " @" << c.offset;
  }
}

}  // namespace
}  // namespace retouche
