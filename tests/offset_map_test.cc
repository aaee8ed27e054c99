// OffsetMap: stages edit the text in turn, and every span must still point at
// the original bytes; replaying the mapped spans must rebuild the same text.
#include "retouche/offset_map.h"

#include <gtest/gtest.h>

#include <random>

#include "retouche/edit_list.h"

namespace retouche {
namespace {

// One stage: apply `edits` (current coordinates, already widened) to `text`.
struct Stage {
  std::string text;
  OffsetMap map;
};

void apply_stage(Stage& s, std::vector<Edit> edits) {
  s.text = apply_edits(s.text, edits);
  s.map.compose(edits);
}

TEST(OffsetMap, IdentityMapsEveryPositionToItself) {
  OffsetMap m(10);
  for (size_t i = 0; i <= 10; ++i) {
    EXPECT_EQ(m.to_original_begin(i), i);
    EXPECT_EQ(m.to_original_end(i), i);
    EXPECT_EQ(m.to_current_begin(i), i);
    EXPECT_EQ(m.to_current_end(i), i);
  }
}

TEST(OffsetMap, DeletionShiftsLaterPositions) {
  Stage s{"abcdefghij", OffsetMap(10)};
  apply_stage(s, {{2, 5, ""}});  // delete "cde"
  ASSERT_EQ(s.text, "abfghij");
  EXPECT_EQ(s.map.to_original_begin(3), 6u);  // 'g'
  EXPECT_EQ(s.map.to_original_end(3), 6u);
  // A span starting right after the deletion excludes it.
  EXPECT_EQ(s.map.to_original_begin(2), 5u);
  EXPECT_EQ(s.map.to_original_end(2), 2u);
  EXPECT_EQ(s.map.to_current_begin(5), 2u);
  EXPECT_EQ(s.map.to_current_begin(2), 2u);
}

TEST(OffsetMap, ReplacementMapsToItsWholeOriginalSpan) {
  Stage s{"Jarevan est loin", OffsetMap(16)};
  apply_stage(s, {{0, 7, "Erevan"}});
  ASSERT_EQ(s.text, "Erevan est loin");
  EXPECT_EQ(s.map.to_original_begin(0), 0u);
  EXPECT_EQ(s.map.to_original_end(6), 7u);
  EXPECT_EQ(s.map.to_original_begin(7), 8u);  // "est"
  // A later span inside the replacement is widened to all of it.
  auto [b, e] = s.map.widen(2, 4);
  EXPECT_EQ(b, 0u);
  EXPECT_EQ(e, 6u);
}

TEST(OffsetMap, SpansTouchingAnInsertionAreWidenedToContainIt) {
  Stage s{"ab", OffsetMap(2)};
  apply_stage(s, {{1, 1, "XY"}});  // "aXYb"
  auto [b1, e1] = s.map.widen(3, 4);  // "b", right after the insertion
  EXPECT_EQ(b1, 1u);
  EXPECT_EQ(e1, 4u);
  auto [b2, e2] = s.map.widen(0, 1);  // "a", right before it
  EXPECT_EQ(b2, 0u);
  EXPECT_EQ(e2, 3u);
}

TEST(OffsetMap, ContiguousSegmentsMerge) {
  Stage s{"abcdef", OffsetMap(6)};
  apply_stage(s, {{1, 2, ""}, {2, 3, "X"}});  // "aXdef"
  ASSERT_EQ(s.text, "aXdef");
  ASSERT_EQ(s.map.segments().size(), 1u);
  EXPECT_EQ(s.map.segments()[0], (OffsetMap::Segment{1, 3, 1, 2}));
}

// Property: random edits over several stages, each proposal widened and
// mapped to the original as the pipeline does; replaying the original spans
// stage by stage gives the same final text.
TEST(OffsetMap, RandomStagesReplayExactly) {
  std::mt19937 rng(1234);
  const std::string alphabet = "abcde \n";
  for (int trial = 0; trial < 3000; ++trial) {
    std::string original;
    int len = static_cast<int>(rng() % 30);
    for (int i = 0; i < len; ++i) original.push_back(alphabet[rng() % alphabet.size()]);
    Stage s{original, OffsetMap(original.size())};
    struct Recorded {
      int stage;
      size_t ob, oe;
      std::string text;
    };
    std::vector<Recorded> recorded;
    for (int stage = 0; stage < 4; ++stage) {
      EditList list;
      std::vector<Edit> proposals;
      int n = static_cast<int>(rng() % 4);
      for (int k = 0; k < n; ++k) {
        size_t b = s.text.empty() ? 0 : rng() % (s.text.size() + 1);
        size_t e = b + (rng() % 3 == 0 ? 0 : rng() % 4);
        if (e > s.text.size()) e = s.text.size();
        std::string rep;
        int rl = static_cast<int>(rng() % 3);
        for (int i = 0; i < rl; ++i) rep.push_back("XYZ"[rng() % 3]);
        auto [wb, we] = s.map.widen(b, e);
        Edit w{wb, we, s.text.substr(wb, b - wb) + rep + s.text.substr(e, we - e)};
        proposals.push_back(w);
        list.add(w, 0.5, k, proposals.size() - 1);
      }
      auto res = list.resolve();
      std::vector<Edit> applied = list.edits(res);
      for (const Edit& e : applied) {
        size_t ob = s.map.to_original_begin(e.begin);
        size_t oe = e.begin == e.end ? ob : s.map.to_original_end(e.end);
        ASSERT_LE(ob, oe);
        recorded.push_back({stage, ob, oe, e.text});
      }
      apply_stage(s, applied);
    }
    // Replay from original spans.
    Stage r{original, OffsetMap(original.size())};
    for (int stage = 0; stage < 4; ++stage) {
      std::vector<Edit> edits;
      for (const Recorded& x : recorded) {
        if (x.stage != stage) continue;
        size_t b = r.map.to_current_begin(x.ob);
        size_t e = r.map.to_current_end(x.oe);
        edits.push_back({b, e, x.text});
      }
      std::stable_sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
      });
      apply_stage(r, edits);
    }
    ASSERT_EQ(r.text, s.text) << "trial " << trial << " original '" << original << "'";
  }
}

}  // namespace
}  // namespace retouche
