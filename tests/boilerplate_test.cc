// boilerplate.* as a reader sees it: which lines go, which stay.
#include <gtest/gtest.h>

#include <sstream>

#include "io/data_file.h"
#include "test_support.h"

namespace retouche {
namespace {

const char* kParagraph1 =
    "La Russie est confrontée à un isolement international croissant en raison de sa guerre "
    "contre l’Ukraine, et ses alliés d’Asie centrale prennent leurs distances.\n";
const char* kParagraph2 =
    "Moscou n’est pas totalement seule, car des pays continuent d’acheter son pétrole et, dans "
    "certains cas, lui envoient des armes et des munitions.\n";

std::string removed_by(const Result& r, const std::string& line) {
  for (const Finding& f : r.findings) {
    if (f.status == FindingStatus::kApplied && f.original.find(line) == 0 && f.replacement.empty()) {
      return f.rule;
    }
  }
  return "keep";
}

// Every line of tests/data/boilerplate-lines.tsv, between two paragraphs.
TEST(Boilerplate, PatternLinesTable) {
  std::vector<DataRow> rows;
  ASSERT_TRUE(read_data_file(testing::source_dir() + "/tests/data/boilerplate-lines.tsv", 2, 2, &rows).ok());
  ASSERT_GT(rows.size(), 50u);
  for (const DataRow& row : rows) {
    const std::string& expected = row.fields[0];
    const std::string& line = row.fields[1];
    std::string doc = std::string(kParagraph1) + "\n" + line + "\n\n" + kParagraph2;
    Result r = testing::clean(doc);
    EXPECT_EQ(removed_by(r, line), expected) << "line " << row.line << ": " << line;
  }
}

// The document a row of tests/data/boilerplate-context-lines.tsv names,
// with `line` in it.
std::string context_document(const std::string& kind, const std::string& line) {
  const std::string p1 = kParagraph1, p2 = kParagraph2;
  const std::string title = "La Russie et ses alliés\n\n";
  if (kind == "post") return title + p1 + "\n" + line + "\n\n" + p2;
  if (kind == "title") return line + "\n\n" + p1 + "\n" + p2;
  if (kind == "repeated") return title + line + "\n\n" + p1 + "\n" + line + "\n\n" + p2 + "\n" + line + "\n\n" + p1;
  if (kind == "table") {
    return title + p1 + "\n  Pays                  Commerciale\n  " + line + "\n  Egypte                801.874.706\n\n" + p2;
  }
  const std::string scraped = "14/11/2020\n\n" + title;
  if (kind == "headline") return "14/11/2020\n\n" + line + "\n\n" + p1 + "\n" + p2;
  if (kind == "scraped") return scraped + p1 + "\n" + line + "\n\n" + p2;
  if (kind == "tail") return scraped + p1 + "\n" + p2 + "\n" + line + "\n\nPartager sur Facebook\n";
  if (kind == "counted") return scraped + p1 + "\n" + p2 + "\n" + line + "\n24 Commentaires\n";
  ADD_FAILURE() << "unknown document kind " << kind;
  return line;
}

// Every line of tests/data/boilerplate-context-lines.tsv, in its document.
TEST(Boilerplate, ContextLinesTable) {
  std::vector<DataRow> rows;
  ASSERT_TRUE(
      read_data_file(testing::source_dir() + "/tests/data/boilerplate-context-lines.tsv", 3, 3, &rows).ok());
  ASSERT_GT(rows.size(), 30u);
  for (const DataRow& row : rows) {
    const std::string& expected = row.fields[0];
    const std::string& line = row.fields[2];
    std::string doc = context_document(row.fields[1], line);
    Result r = testing::clean(doc);
    // removed_by() names the first deletion of any copy of the line; other
    // lines of the document may go (the date line), and other families may
    // edit the line (a title-case heading): only its removal is tested here.
    EXPECT_EQ(removed_by(r, line), expected) << "line " << row.line << " (" << row.fields[1] << "): " << line;
  }
}

TEST(Boilerplate, BylineIntroTakesTheNameLineWithIt) {
  std::string doc = std::string(kParagraph1) + "\nPar\nAriela Tomson\n";
  EXPECT_EQ(testing::clean(doc).clean_text, std::string(kParagraph1));
  // Not a name: stays.
  std::string doc2 = std::string(kParagraph1) + "\nPar\nla suite des événements.\n";
  EXPECT_NE(testing::clean(doc2).clean_text.find("la suite des événements."), std::string::npos);
}

TEST(Boilerplate, UnrelatedHeadlinesAfterTheArticleGo) {
  // A scraped article (a share bar under its title): the headlines pasted
  // after it go. In a document without furniture they would stay (the
  // headline of the next article at the end of a news file is its text).
  std::string doc = std::string("Les alliés de la Russie prennent leurs distances\n\nPartager sur Facebook\n\n") +
                    kParagraph1 + "\n" +
                    kParagraph2 +
                    "\nKamala Harris fait valoir son rôle de chef de file dans son discours au Comité national démocrate\n"
                    "\nKamala Harris fait valoir son rôle de chef de file dans son discours au Comité national démocrate\n";
  Result r = testing::clean(doc);
  EXPECT_EQ(r.clean_text, std::string("Les alliés de la Russie prennent leurs distances\n\n") +
                              kParagraph1 + "\n" + kParagraph2);
}

TEST(Boilerplate, TitleAndSectionHeadingsStay) {
  std::string doc = std::string("L’isolement de la Russie face à ses alliés\n\n") + kParagraph1 +
                    "\nLes nouveaux amis de Moscou\n\n" + kParagraph2;
  Result r = testing::clean(doc);
  EXPECT_EQ(r.clean_text, doc);
}

TEST(Boilerplate, HardWrappedOpeningParagraphIsNotAHeadline) {
  std::string doc =
      "Le monde a été pris au dépourvu par l’incursion audacieuse de l’Ukraine dans\n"
      "la région de Koursk, en Russie, le 6 août. Cette attaque surprise menée par\n"
      "une petite nation contre une puissance nucléaire a brisé un récit.\n\n" +
      std::string(kParagraph2);
  Result r = testing::clean(doc);
  EXPECT_EQ(r.clean_text.find("Le monde a été pris"), 0u) << r.clean_text;
}

TEST(Boilerplate, TitleAboveTheBodyIsNeitherRemovedNorReported) {
  // A third of its content words are in the body; it heads the article: a
  // heading, not a doubtful headline to send to a reviewer.
  std::string doc = std::string("Les voisins de la Russie et le silence\n\n") + kParagraph1 + "\n" + kParagraph2;
  Result r = testing::clean(doc);
  EXPECT_EQ(r.clean_text, doc);
  EXPECT_FALSE(testing::mentions(r, "boilerplate.unrelated-headline"));
}

TEST(Boilerplate, HeadingsOfRealNewsStay) {
  // newstest2012 (../shared/dev/real/news): a headline that shares no word
  // with its article, and section headings followed by their paragraph.
  std::string doc = std::string("Le stigmate du yen\n") + kParagraph1 + "Le procès\n" + kParagraph2 +
                    "Les suites politiques et judiciaires de l’affaire\n" + kParagraph1;
  Result r = testing::clean(doc);
  EXPECT_EQ(r.clean_text, doc);
}

TEST(Boilerplate, CodeLinesAreNotForeignLines) {
  // A tech post (../shared/dev/real/mt): shell commands and INI lines stay.
  std::string doc = std::string(kParagraph1) + "\n    siefke $ tar xf data.tar.gz ; rm *.tar.gz debian-history\n"
                    "    siefke $ cd /etc/udev/rules.d\n\n[Unit]\nDescription=Monitoring my network\n"
                    "After=network.target\n\n" + kParagraph2;
  Result r = testing::clean(doc);
  for (const Finding& f : r.findings) {
    EXPECT_NE(f.rule.rfind("boilerplate.", 0), 0u) << f.rule << ": " << f.original;
  }
}

TEST(Boilerplate, BlankLinesLeftByRemovalsAreCollapsed) {
  std::string doc = std::string("Titre de l’article sur la Russie\n\nApr 5, 2025\nShare\n24 Commentaires\n\n") +
                    kParagraph1;
  EXPECT_EQ(testing::clean(doc).clean_text,
            std::string("Titre de l’article sur la Russie\n\n") + kParagraph1);
}

}  // namespace
}  // namespace retouche
