// The stages run to a fixed point (src/pipeline/pipeline.cc, run_stages): a
// second cleaning finds nothing the first enabled, and the findings of one
// cleaning replay to its text, with nothing left that points at text a
// later pass replaced.
#include <gtest/gtest.h>

#include "retouche/pipeline.h"
#include "test_support.h"

namespace retouche {
namespace {

Result clean(const std::string& text) {
  PipelineOptions o;
  o.assume_damaged = true;
  static std::unique_ptr<Pipeline> p = testing::make_pipeline(o);
  Result r;
  EXPECT_TRUE(p->run(Document{"t", text}, &r).ok());
  return r;
}

void expect_settled(const std::string& text) {
  Result first = clean(text);
  std::string replayed;
  ASSERT_TRUE(replay_findings(text, first.findings, &replayed).ok());
  EXPECT_EQ(replayed, first.clean_text);
  EXPECT_EQ(clean(first.clean_text).clean_text, first.clean_text) << "a second cleaning changes the first's output";
}

// Three glued words, split one per round, then the capital they leave inside
// the sentence: more rounds than a stage runs at once.
TEST(FixedPoint, AChainLongerThanAStagesRoundsIsFinished) {
  expect_settled("ao quiété Partager cookiedu cookiedu");
}

// A line the lines stage deletes in a later pass (a cookie banner once its
// glued words are split) takes the earlier proposals inside it along: one
// accepted later would write into the next line.
TEST(FixedPoint, NoProposalIsLeftInsideALineALaterPassDeletes) {
  const std::string text =
      "Le gouvernement a annoncé jeudi une réforme des retraites qui sera débattue au Parlement.\n"
      "Ce site utilise un cookiedu navigateur pour la maisonVoiture de vous.\n"
      "Le texte sera débattu au Parlement le mois prochain, selon le ministre.\n";
  Result r = clean(text);
  size_t banner = text.find("Ce site"), next = text.find("Le texte");
  const Finding* deleted = nullptr;
  for (const Finding& f : r.findings) {
    if (f.status == FindingStatus::kApplied && f.begin == banner && f.end == next) deleted = &f;
  }
  ASSERT_NE(deleted, nullptr) << "the banner line is not deleted";
  for (const Finding& f : r.findings) {
    if (&f == deleted) continue;
    EXPECT_FALSE(f.begin >= banner && f.end <= next) << f.rule << " at " << f.begin << " lies in the deleted line";
  }
  expect_settled(text);
}

}  // namespace
}  // namespace retouche
