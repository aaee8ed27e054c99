#include "retouche/edit_list.h"

#include <gtest/gtest.h>

namespace retouche {
namespace {

TEST(EditList, HigherConfidenceWinsAndLoserIsReported) {
  EditList l;
  l.add({3, 5, "x"}, 0.9, 1, 0);
  l.add({4, 6, "y"}, 0.95, 0, 1);
  auto r = l.resolve();
  ASSERT_EQ(r.accepted, std::vector<size_t>{1});
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_EQ(r.conflicts[0], std::make_pair(size_t{0}, size_t{1}));
}

TEST(EditList, ThenLongerSpanThenEarlierRule) {
  EditList l;
  l.add({0, 4, "a"}, 0.9, 1, 0);
  l.add({2, 3, "b"}, 0.9, 0, 1);
  EXPECT_EQ(l.resolve().accepted, std::vector<size_t>{0});
  EditList m;
  m.add({0, 2, "a"}, 0.9, 1, 0);
  m.add({1, 3, "b"}, 0.9, 0, 1);
  EXPECT_EQ(m.resolve().accepted, std::vector<size_t>{1});
}

TEST(EditList, ConflictCases) {
  struct Case {
    Edit a, b;
    bool conflict;
  };
  static const Case kCases[] = {
      {{0, 2, ""}, {2, 4, ""}, false},  // adjacent spans
      {{0, 3, ""}, {2, 4, ""}, true},   // overlap
      {{2, 2, "x"}, {2, 2, "y"}, true}, // two insertions at one point
      {{2, 2, "x"}, {2, 4, ""}, false}, // insertion at the edge of a replacement
      {{3, 3, "x"}, {2, 4, ""}, true},  // insertion inside a replacement
      {{4, 4, "x"}, {2, 4, ""}, false},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(EditList::conflict(c.a, c.b), c.conflict) << c.a.begin << "-" << c.a.end << " vs "
                                                        << c.b.begin << "-" << c.b.end;
    EXPECT_EQ(EditList::conflict(c.b, c.a), c.conflict);
  }
}

TEST(EditList, AcceptedEditsApplyInOnePass) {
  EditList l;
  l.add({6, 7, ""}, 1, 0, 0);
  l.add({0, 1, "L"}, 1, 0, 1);
  l.add({3, 3, "!"}, 1, 0, 2);
  auto r = l.resolve();
  EXPECT_EQ(apply_edits("abcdefg", l.edits(r)), "Lbc!def");
}

}  // namespace
}  // namespace retouche
