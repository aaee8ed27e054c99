// The diff writer: every diff must turn the original into exactly the cleaned
// text under `patch -p1` and `git apply`, whatever the edits.
#include "io/diff_writer.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <random>

#include "retouche/edit_list.h"
#include "test_support.h"

namespace retouche {
namespace {

using testing::TempDir;

// Applies `diff` to `original` with the given command in a scratch directory.
std::string patched(const std::string& original, const std::string& diff, const std::string& cmd) {
  TempDir dir;
  testing::write(dir / "doc.txt", original);
  testing::write(dir / "doc.diff", diff);
  std::string full = "cd '" + dir.path() + "' && " + cmd + " < doc.diff > /dev/null 2>&1";
  int rc = std::system(full.c_str());
  if (rc != 0) return "<" + cmd + " failed>";
  return testing::read(dir / "doc.txt");
}

TEST(Diff, NoChangeGivesAnEmptyDiff) {
  OffsetMap m(5);
  EXPECT_EQ(unified_diff("abcd\n", "abcd\n", m, "doc.txt"), "");
}

TEST(Diff, ShowsRemovedLinesWithContext) {
  std::string o = "a\nb\nShare\nc\nd\n";
  OffsetMap m(o.size());
  std::vector<Edit> e = {{4, 10, ""}};
  std::string c = apply_edits(o, e);
  m.compose(e);
  EXPECT_EQ(unified_diff(o, c, m, "doc.txt"),
            "--- a/doc.txt\n+++ b/doc.txt\n@@ -1,5 +1,4 @@\n a\n b\n-Share\n c\n d\n");
}

TEST(Diff, MarksMissingFinalNewline) {
  std::string o = "un\ndeux";
  OffsetMap m(o.size());
  std::vector<Edit> e = {{3, 7, "trois"}};
  std::string c = apply_edits(o, e);
  m.compose(e);
  EXPECT_EQ(unified_diff(o, c, m, "d.txt"),
            "--- a/d.txt\n+++ b/d.txt\n@@ -1,2 +1,2 @@\n un\n-deux\n\\ No newline at end of file\n"
            "+trois\n\\ No newline at end of file\n");
}

TEST(Diff, ColourHighlightsTheChangedBytesOnly) {
  std::string o = "la ville de Jarevan est loin\n";
  OffsetMap m(o.size());
  std::vector<Edit> e = {{12, 19, "Erevan"}};
  std::string c = apply_edits(o, e);
  m.compose(e);
  DiffOptions d;
  d.color = true;
  std::string diff = unified_diff(o, c, m, "d.txt", d);
  EXPECT_NE(diff.find("\x1b[1;41;97mJarevan\x1b[0m"), std::string::npos) << diff;
  EXPECT_NE(diff.find("\x1b[1;42;97mErevan\x1b[0m"), std::string::npos) << diff;
}

// Property: random multi-stage edits on random line-structured text.
TEST(Diff, RandomEditsPatchBackExactly) {
  std::mt19937 rng(99);
  const std::string alphabet = "ab \n\n\r";
  for (int trial = 0; trial < 150; ++trial) {
    std::string o;
    int len = static_cast<int>(rng() % 60);
    for (int i = 0; i < len; ++i) o.push_back(alphabet[rng() % (trial % 2 ? 5 : 6)]);
    std::string c = o;
    OffsetMap m(o.size());
    for (int stage = 0; stage < 3; ++stage) {
      EditList list;
      int n = static_cast<int>(rng() % 4);
      for (int k = 0; k < n; ++k) {
        size_t b = c.empty() ? 0 : rng() % (c.size() + 1);
        size_t e = std::min(c.size(), b + rng() % 5);
        std::string rep;
        int rl = static_cast<int>(rng() % 4);
        for (int i = 0; i < rl; ++i) rep.push_back("XY\n"[rng() % 3]);
        auto [wb, we] = m.widen(b, e);
        list.add({wb, we, c.substr(wb, b - wb) + rep + c.substr(e, we - e)}, 0.5, k,
                 static_cast<size_t>(k));
      }
      std::vector<Edit> applied = list.edits(list.resolve());
      c = apply_edits(c, applied);
      m.compose(applied);
    }
    std::string diff = unified_diff(o, c, m, "doc.txt");
    if (o == c) continue;
    ASSERT_EQ(patched(o, diff, "patch -p1 --quiet --binary"), c) << "trial " << trial << "\n" << diff << "\nORIG[" << o << "]";
    if (trial % 5 == 0) {
      ASSERT_EQ(patched(o, diff, "git apply -p1 -"), c) << "trial " << trial << "\n" << diff;
    }
  }
}

}  // namespace
}  // namespace retouche
