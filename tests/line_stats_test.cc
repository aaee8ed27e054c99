// Corpus line statistics: counting, merging shards, and the corpus-repeat rule.
#include "rules/line_stats.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace retouche {
namespace {

using testing::TempDir;

TEST(LineStats, CountsDocumentsNotOccurrencesAndNormalisesDigits) {
  LineStats s;
  s.add_document("Texte.\n24 Commentaires\n24 Commentaires\n");
  s.add_document("Autre.\n3 commentaires\n");
  EXPECT_EQ(s.documents(), 2u);
  EXPECT_EQ(s.documents_with(line_key("24 Commentaires")), 2u);
  EXPECT_EQ(s.documents_with(line_key("Texte.")), 1u);
  EXPECT_EQ(s.documents_with(line_key("absent")), 0u);
}

TEST(LineStats, ShardsMergeToTheWholeCorpus) {
  TempDir d;
  LineStats a, b, whole;
  for (int i = 0; i < 3; ++i) a.add_document("Newsletter du soir\nUn article " + std::to_string(i) + ".\n");
  for (int i = 0; i < 2; ++i) b.add_document("Newsletter du soir\nUn autre " + std::to_string(i) + ".\n");
  ASSERT_TRUE(a.write(d / "a.stats").ok());
  ASSERT_TRUE(b.write(d / "b.stats").ok());
  ASSERT_TRUE(whole.merge_file(d / "a.stats").ok());
  ASSERT_TRUE(whole.merge_file(d / "b.stats").ok());
  EXPECT_EQ(whole.documents(), 5u);
  EXPECT_EQ(whole.documents_with(line_key("Newsletter du soir")), 5u);
  testing::write(d / "bad.stats", "not stats\n");
  EXPECT_FALSE(whole.merge_file(d / "bad.stats").ok());
}

TEST(LineStats, CliRemovesLinesRecurringAcrossTheCorpusButNotSentences) {
  TempDir d;
  for (int i = 0; i < 6; ++i) {
    testing::write(d / ("corpus/doc" + std::to_string(i) + ".txt"),
                   "Le Journal du Soir vous informe\n\nUn article numéro " + std::to_string(i) +
                       " sur la Russie et ses alliés d’Asie centrale.\n\n"
                       "Tous nos articles sont relus par la rédaction avant publication.\n");
  }
  auto st = testing::run_cli({"stats", d / "corpus", "-o", d / "lines.stats"});
  ASSERT_EQ(st.exit_code, 0) << st.err;
  auto r = testing::run_cli({"clean", "--line-stats", d / "lines.stats", "-"},
                            testing::read(d / "corpus/doc0.txt"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("Le Journal du Soir"), std::string::npos) << r.out;
  // A real sentence stays even when every document has it.
  EXPECT_NE(r.out.find("Tous nos articles sont relus"), std::string::npos) << r.out;
  // Merging shard stats from the CLI.
  auto m = testing::run_cli({"stats", d / "lines.stats", d / "lines.stats", "-o", d / "twice.stats"});
  ASSERT_EQ(m.exit_code, 0) << m.err;
  EXPECT_NE(testing::read(d / "twice.stats").find("# documents 12"), std::string::npos);
}

}  // namespace
}  // namespace retouche
