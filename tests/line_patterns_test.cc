// Line patterns (rules/line_patterns.h) and the relaxed bounded repeats their
// set is compiled with (rules/bounded_repeats.h).
#include "rules/line_patterns.h"

#include <gtest/gtest.h>

#include "rules/bounded_repeats.h"
#include "test_support.h"

namespace retouche {
namespace {

TEST(BoundedRepeats, AnyCharacterRepeatsAreRelaxedAndNothingElse) {
  EXPECT_EQ(relax_bounded_dots("(?i)copyright.{0,80}"), "(?i)copyright.*");
  EXPECT_EQ(relax_bounded_dots("a.{1,40}b.{3,9}c"), "a.+b.{3,}c");
  EXPECT_EQ(relax_bounded_dots("x(?:.{0,60})?"), "x(?:.*)?");
  EXPECT_EQ(relax_bounded_dots("x.{0,9}?y"), "x.*?y");
  // An escaped dot, a dot in a class, a single count and an open repeat stay.
  for (const char* kept : {"\\.{0,3}", "[.]{0,3}", "[^].]{0,3}", "[\\]]{1,4}.", ".{3}", ".{2,}", "a{0,3}", "\\\\"}) {
    EXPECT_EQ(relax_bounded_dots(kept), kept);
  }
  EXPECT_EQ(relax_bounded_dots("\\\\.{0,3}"), "\\\\.*") << "an escaped backslash, then a dot";
  // Literal text and POSIX classes are not patterns to relax.
  EXPECT_EQ(relax_bounded_dots("\\Q.{0,3}\\E.{0,3}"), "\\Q.{0,3}\\E.*");
  EXPECT_EQ(relax_bounded_dots("[[:alpha:].{0,3}]x.{1,2}"), "[[:alpha:].{0,3}]x.+");
}

// The set holds the relaxed patterns: each must match every line its exact
// pattern matches.
TEST(BoundedRepeats, ARelaxedPatternMatchesEveryLineTheExactOneDoes) {
  const char* patterns[] = {"\\Q.{0,3}\\E", "[[:alpha:].{0,3}]+", "(?i)copyright.{0,5}", "a(?:.{1,3}b)?",
                            "[^.]{0,2}.{0,2}", "x.{2,4}?y"};
  const char* lines[] = {".{0,3}", "ab{3}", "Copyright 2024", "a", "axxb", "ab", "..", "xabcy", "xay", "{0,3}"};
  for (const char* p : patterns) {
    RE2 exact(p), relaxed(relax_bounded_dots(p));
    ASSERT_TRUE(exact.ok() && relaxed.ok()) << p;
    for (const char* l : lines) {
      if (!RE2::FullMatch(l, exact)) continue;
      EXPECT_TRUE(RE2::FullMatch(l, relaxed)) << p << " on " << l;
    }
  }
}

TEST(LinePatterns, ABoundedTailStillBoundsTheLine) {
  testing::TempDir d;
  testing::write(d / "notice.re2",
                 "@rule notice\n@description a copyright notice\n(?i)(?:©|copyright)\\s*\\d{4}.{0,20}\n"
                 "(?i)tous droits réservés\n");
  std::unique_ptr<LinePatterns> lp;
  ASSERT_TRUE(LinePatterns::load(d.path(), "boilerplate", &lp).ok());
  std::vector<int> scratch;
  EXPECT_EQ(lp->match("© 2024 Le Journal", &scratch), 0);
  EXPECT_EQ(lp->match("Copyright 2024 Le Journal du soir", &scratch), 0);  // 19 characters after the year
  EXPECT_EQ(lp->match("Copyright 2024 Le Journal du soir !", &scratch), -1)
      << "a line longer than the bound matches the relaxed set only";
  EXPECT_EQ(lp->match("© 2024 ééééééééééééééééééé", &scratch), 0) << "the bound counts characters, not bytes";
  EXPECT_EQ(lp->match("© 2024 éééééééééééééééééééé", &scratch), -1);
  EXPECT_EQ(lp->match("Tous droits réservés", &scratch), 0);
}

}  // namespace
}  // namespace retouche
