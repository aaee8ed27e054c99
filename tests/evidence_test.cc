// The document gate (pipeline/evidence.h): language first, then damage.
#include "pipeline/evidence.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace retouche {
namespace {

// The pipeline as the CLI runs it by default: documents judged on their evidence.
const Pipeline& judging_pipeline() {
  static std::unique_ptr<Pipeline> p = testing::make_pipeline(PipelineOptions());
  return *p;
}

Result judge(const std::string& text) {
  Result r;
  EXPECT_TRUE(judging_pipeline().run(Document{"t", text}, &r).ok());
  return r;
}

const Finding* find_rule(const Result& r, const std::string& rule) {
  for (const Finding& f : r.findings) {
    if (f.rule == rule) return &f;
  }
  return nullptr;
}

TEST(Evidence, AnotherLanguageIsLeftUnchangedAndReported) {
  static const char* kOther[] = {
      "Share\n24 Comments\nThe government announced on Tuesday a pension reform that has already "
      "angered the unions, which are calling for demonstrations across the country next week.\n",
      "Teilen\nDie Regierung hat am Dienstag eine Rentenreform angekündigt, die bereits den Zorn der "
      "Gewerkschaften erregt, die für nächste Woche zu Demonstrationen aufrufen. .\n",
  };
  for (const char* text : kOther) {
    Result r = judge(text);
    EXPECT_EQ(r.clean_text, text);
    ASSERT_EQ(r.findings.size(), 1u) << text;
    EXPECT_EQ(r.findings[0].rule, "language.not-french");
    EXPECT_EQ(r.findings[0].applicability, Applicability::kReport);
    EXPECT_FALSE(r.evidence.french);
  }
}

TEST(Evidence, ForceLanguageCleansItAnyway) {
  PipelineOptions o;
  o.force_language = "fr";
  auto p = testing::make_pipeline(o);
  Result r;
  ASSERT_TRUE(p->run(Document{"t", "Share\nThe government announced a reform on Tuesday that "
                                   "angered the unions across the whole country.\n"},
                     &r)
                  .ok());
  EXPECT_EQ(find_rule(r, "language.not-french"), nullptr);
  EXPECT_EQ(r.clean_text.find("Share\n"), std::string::npos);
}

TEST(Evidence, ALineInAnotherLanguageIsNotEditedInside) {
  // The English paragraph (a quotation: too long for a pasted headline) has
  // a missing space and a doubled period, which token rules would repair in
  // French; the French paragraph before it is damaged.
  std::string english =
      "We have been told by the people who organise it that the meeting of the committee will take "
      "place on Monday,as planned, and that every member who wants to speak will be given the time "
      "to do so before the vote. . The chairman said that he would publish the minutes of the "
      "meeting on the following day for everybody to read.";
  std::string text =
      "La Russie est devenue le premier pays du monde Reconnaître les talibans comme le gouvernement "
      "afghanCela a provoqué une forte réaction. Ni les États-Unis ni l'UE ne reconnaissent le groupeEt "
      "Washington considère les talibans comme une organisation terroriste.\n" +
      english + "\n";
  Result r = judge(text);
  EXPECT_TRUE(r.evidence.damaged);
  EXPECT_EQ(r.evidence.foreign_lines, 1u);
  EXPECT_NE(r.clean_text.find("afghan. Cela"), std::string::npos) << r.clean_text;
  EXPECT_NE(r.clean_text.find(english), std::string::npos) << r.clean_text;
}

TEST(Evidence, OneTypoInEditedTextIsOnlyProposed) {
  std::string text =
      "Le parlement a refusé mardi de voter l'amendement,qui aurait permis la libération de "
      "l'ancienne Première ministre. Les députés de la majorité ont quitté la salle avant le vote, "
      "selon les journalistes présents.\n";
  Result r = judge(text);
  EXPECT_FALSE(r.evidence.damaged);
  EXPECT_EQ(r.clean_text, text);
  const Finding* f = find_rule(r, "joins.missing-space");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->applicability, Applicability::kSuggested);
  EXPECT_NE(f->message.find("no other damage"), std::string::npos);
  // The reviewer's level applies it.
  PipelineOptions o;
  o.policy.level = Applicability::kSuggested;
  Result s;
  ASSERT_TRUE(testing::make_pipeline(o)->run(Document{"t", text}, &s).ok());
  EXPECT_NE(s.clean_text.find("l'amendement, qui"), std::string::npos);
}

TEST(Evidence, DamageOfSeveralKindsIsRepaired) {
  std::string text =
      "Partager\n24 commentaires\nLa Russie est devenue le premier pays du monde à reconnaître les "
      "talibans comme le gouvernement afghanCela a provoqué une forte réaction. Le Kremlin maintient "
      "des liens avec la Chine. .\n";
  Result r = judge(text);
  EXPECT_TRUE(r.evidence.damaged);
  EXPECT_GE(r.evidence.artefact_kinds, 2);
  EXPECT_EQ(r.clean_text,
            "La Russie est devenue le premier pays du monde à reconnaître les talibans comme le "
            "gouvernement afghan. Cela a provoqué une forte réaction. Le Kremlin maintient des liens "
            "avec la Chine.\n");
}

TEST(Evidence, KeepWordsAreNeverTouched) {
  testing::TempDir d;
  testing::write(d / "keep.txt", "# protected\nafghanCela\nPartager\n");
  PipelineOptions o;
  o.keep_words_files = {d / "keep.txt"};
  o.assume_damaged = true;
  auto p = testing::make_pipeline(o);
  Result r;
  std::string text = "Partager\nLe gouvernement afghanCela a provoqué une réaction. Le groupeEt Washington.\n";
  ASSERT_TRUE(p->run(Document{"t", text}, &r).ok());
  EXPECT_NE(r.clean_text.find("Partager\n"), std::string::npos) << r.clean_text;
  EXPECT_NE(r.clean_text.find("afghanCela"), std::string::npos) << r.clean_text;
  EXPECT_NE(r.clean_text.find("groupe et Washington"), std::string::npos) << r.clean_text;
}

TEST(Evidence, AMissingKeepWordsFileIsAnError) {
  PipelineOptions o;
  o.keep_words_files = {"/nonexistent/keep.txt"};
  Status st;
  auto p = Pipeline::create(o, &st);
  EXPECT_EQ(p, nullptr);
  EXPECT_NE(st.message().find("/nonexistent/keep.txt"), std::string::npos);
}

TEST(Evidence, TouchesSpansAndInsertionsStrictlyInside) {
  ByteSpans spans = {{2, 5}, {10, 12}};
  EXPECT_TRUE(touches(spans, 3, 4));
  EXPECT_TRUE(touches(spans, 0, 3));
  EXPECT_FALSE(touches(spans, 5, 10));
  EXPECT_TRUE(touches(spans, 3, 3));   // an insertion inside
  EXPECT_FALSE(touches(spans, 2, 2));  // at its edge
  EXPECT_FALSE(touches(spans, 5, 5));
  EXPECT_FALSE(touches({}, 0, 100));
}

TEST(Evidence, CodeBlocksAreIndentedLinesAfterABlankLine) {
  std::string text =
      "Lancez la commande :\n\n    ifconfig wg0\n    ip a\n\n        sous-bloc\nFin.\n"
      "Un paragraphe\n    dont la suite est en retrait.\n";
  ByteSpans code = code_lines(text);
  ASSERT_EQ(code.size(), 1u);
  // The block runs from the break before "    ifconfig" to the break after "sous-bloc".
  EXPECT_EQ(text.substr(code[0].first, code[0].second - code[0].first),
            "\n    ifconfig wg0\n    ip a\n\n        sous-bloc\n");
  EXPECT_TRUE(code_lines("Texte.\n\n\tcode\n").size() == 1u);
  EXPECT_TRUE(code_lines("Texte sans code.\n  Un retrait de deux espaces.\n").empty());
}

// The stages run in rounds (pipeline.cc): a later round proposes again what
// an earlier one held back, and sees signals the repairs uncovered.
TEST(Evidence, DamageCountsEachSpanOnceAcrossRoundsAndStaysFound) {
  static const std::string kGlued = "joins.glued", kCapital = "case.mid-sentence-capital";
  DamageCounter damage;
  DocumentEvidence ev;
  damage.add_token_proposal(kGlued, Applicability::kSafe, 0.95, " ", 10, 10);
  damage.decide(1000, &ev);
  EXPECT_EQ(ev.artefacts, 1);
  EXPECT_FALSE(ev.damaged);
  // The next round: the same proposal again, then one the repair uncovered.
  damage.add_token_proposal(kGlued, Applicability::kSafe, 0.95, " ", 10, 10);
  damage.decide(1000, &ev);
  EXPECT_EQ(ev.artefacts, 1) << "a proposal made again is not new damage";
  damage.add_token_proposal(kCapital, Applicability::kSafe, 0.95, "v", 12, 13);
  damage.decide(1000, &ev);
  EXPECT_EQ(ev.artefacts, 2);
  EXPECT_EQ(ev.artefact_kinds, 2);
  EXPECT_TRUE(ev.damaged);
  // Damage of one kind, dense in 100 words; decided again on more words (a
  // later round's count), the document stays damaged.
  DamageCounter dense;
  DocumentEvidence dense_ev;
  for (size_t at : {5, 50, 90}) dense.add_token_proposal(kGlued, Applicability::kSafe, 0.95, " ", at, at);
  dense.decide(100, &dense_ev);
  ASSERT_TRUE(dense_ev.damaged);
  dense.decide(1000000, &dense_ev);
  EXPECT_TRUE(dense_ev.damaged);
}

}  // namespace
}  // namespace retouche
