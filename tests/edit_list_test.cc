#include "retouche/edit_list.h"

#include <gtest/gtest.h>

#include <random>

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

// The greedy rule as the header states it, checked against every accepted
// edit: quadratic, for comparison on small lists.
EditList::Resolution reference_resolve(const std::vector<std::tuple<Edit, double, int>>& items) {
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const auto& [a, ca, oa] = items[x];
    const auto& [b, cb, ob] = items[y];
    if (ca != cb) return ca > cb;
    if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
    if (oa != ob) return oa < ob;
    return a.begin < b.begin;
  });
  EditList::Resolution r;
  std::vector<size_t> accepted;
  for (size_t idx : order) {
    long winner = -1;
    for (size_t a : accepted) {
      if (EditList::conflict(std::get<0>(items[idx]), std::get<0>(items[a]))) {
        winner = static_cast<long>(a);
        break;
      }
    }
    if (winner >= 0) {
      r.conflicts.emplace_back(idx, static_cast<size_t>(winner));
    } else {
      accepted.push_back(idx);
    }
  }
  std::stable_sort(accepted.begin(), accepted.end(), [&](size_t x, size_t y) {
    const Edit& a = std::get<0>(items[x]);
    const Edit& b = std::get<0>(items[y]);
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.end < b.end;
  });
  r.accepted = accepted;
  return r;
}

TEST(EditList, ResolvesAsTheGreedyRuleOnRandomLists) {
  std::mt19937 rng(12);
  for (int round = 0; round < 2000; ++round) {
    std::vector<std::tuple<Edit, double, int>> items;
    int n = 1 + static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) {
      size_t begin = rng() % 16, len = rng() % 3 == 0 ? 0 : rng() % 5;
      items.emplace_back(Edit{begin, begin + len, "x"}, (rng() % 3) / 2.0, static_cast<int>(rng() % 3));
    }
    EditList l;
    for (size_t i = 0; i < items.size(); ++i) {
      l.add(std::get<0>(items[i]), std::get<1>(items[i]), std::get<2>(items[i]), i);
    }
    EditList::Resolution got = l.resolve(), want = reference_resolve(items);
    ASSERT_EQ(got.accepted, want.accepted) << "round " << round;
    // Each loser lost to an accepted edit it conflicts with.
    ASSERT_EQ(got.conflicts.size(), want.conflicts.size()) << "round " << round;
    for (const auto& [loser, winner] : got.conflicts) {
      EXPECT_TRUE(EditList::conflict(std::get<0>(items[loser]), std::get<0>(items[winner])));
    }
  }
}

// Issue 12, item 9: every insertion used to walk back over all the
// insertions accepted before it (20k took 2 s, 80k 90 s). 300k now take a
// fraction of a second.
TEST(EditList, ManyInsertionsResolveWithoutAQuadraticWalk) {
  EditList l;
  const size_t n = 300000;
  for (size_t i = 0; i < n; ++i) l.add({2 * i, 2 * i, " "}, 0.9, 0, i);
  l.add({10, 10, "!"}, 0.5, 1, n);      // a second insertion at a point: loses
  l.add({13, 16, ""}, 0.5, 1, n + 1);   // a replacement over an insertion point: loses
  l.add({2 * n + 5, 2 * n + 7, "y"}, 0.5, 1, n + 2);
  auto r = l.resolve();
  EXPECT_EQ(r.accepted.size(), n + 1);
  ASSERT_EQ(r.conflicts.size(), 2u);
  // In priority order: the longer span first.
  EXPECT_EQ(r.conflicts[0], std::make_pair(n + 1, size_t{7}));
  EXPECT_EQ(r.conflicts[1], std::make_pair(n, size_t{5}));
}

}  // namespace
}  // namespace retouche
