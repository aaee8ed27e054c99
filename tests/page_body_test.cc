// The body model of whole web pages (src/rules/page_body.h), the regions
// removed as a whole (src/rules/regions.h), and what they do end to end:
// a real page from ../shared/dev/real/pages against its reviewed output, and
// articles alone (paragraphs and headings) left unchanged.
#include <gtest/gtest.h>

#include <filesystem>

#include "rules/page_body.h"
#include "test_support.h"

namespace retouche {
namespace {

const char* kParagraphs[] = {
    "La Russie est confrontée à un isolement international croissant en raison de sa guerre contre "
    "l’Ukraine, et ses alliés d’Asie centrale prennent leurs distances avec Moscou depuis le printemps.",
    "Moscou n’est pas totalement seule, car des pays continuent d’acheter son pétrole et, dans certains "
    "cas, lui envoient des armes et des munitions, ce qui lui permet de tenir face aux sanctions.",
    "Les dirigeants du Kazakhstan et de l’Ouzbékistan ont pourtant fait savoir qu’ils ne reconnaîtraient "
    "pas les territoires annexés, une prise de distance que le Kremlin a accueillie sans commentaire.",
    "À Bichkek comme à Douchanbé, les gouvernements multiplient les gestes envers la Chine et l’Union "
    "européenne, qui leur offrent des débouchés et des investissements que la Russie ne peut plus garantir.",
};

// --- the model alone -------------------------------------------------------

BodyInput line(int chars, double density, bool sentence = true) {
  BodyInput b;
  b.chars = chars;
  b.words = chars / 6;
  b.stop_density = density;
  b.ends_sentence = sentence;
  b.title_like = !sentence && chars < 150;
  return b;
}
BodyInput menu_item() { return line(12, 0.0, false); }
BodyInput furniture() {
  BodyInput b = menu_item();
  b.furniture = true;
  return b;
}

TEST(PageBody, JusTextClassesAndContextSmoothing) {
  // good, short between two good ones (a heading), good, then a menu.
  std::vector<BodyInput> in = {line(300, 0.45), line(30, 0.3, false), line(260, 0.4), menu_item(), menu_item()};
  std::vector<LineClass> c = classify_lines(in);
  EXPECT_EQ(c[0], LineClass::kGood);
  EXPECT_EQ(c[1], LineClass::kGood) << "a short line between two paragraphs is a heading";
  EXPECT_EQ(c[2], LineClass::kGood);
  EXPECT_EQ(c[3], LineClass::kBad);
  EXPECT_EQ(c[4], LineClass::kBad);
  // A near-good line (medium length, French function words) next to good text
  // is good, between bad lines bad.
  EXPECT_EQ(classify_lines({line(300, 0.45), line(120, 0.35)})[1], LineClass::kGood);
  EXPECT_EQ(classify_lines({menu_item(), line(120, 0.35), menu_item()})[1], LineClass::kBad);
  // Long text with almost no function words (a list of names, figures) is bad.
  EXPECT_EQ(classify_lines({line(300, 0.05)})[0], LineClass::kBad);
}

TEST(PageBody, BodyIsTheDenseRunAndAPageNeedsFurnitureAroundIt) {
  std::vector<BodyInput> in;
  for (int i = 0; i < 10; ++i) in.push_back(menu_item());
  for (int i = 0; i < 4; ++i) in.push_back(furniture());
  in.push_back(line(60, 0.4, false));  // 14: the title
  in.push_back(furniture());           // a date line
  for (int i = 0; i < 4; ++i) in.push_back(line(400, 0.45));  // 16-19
  for (int i = 0; i < 6; ++i) in.push_back(menu_item());
  for (int i = 0; i < 6; ++i) in.push_back(furniture());
  PageBody b = find_body(in);
  EXPECT_TRUE(b.in_body[14]) << "the title above the date line belongs to the body";
  EXPECT_LE(b.first, 14);
  EXPECT_GE(b.first, 14 - 4 - 4) << "at most four lines above the first paragraph, over furniture";
  EXPECT_EQ(b.last, 19);
  EXPECT_FALSE(b.in_body[0]);
  EXPECT_TRUE(b.confident);
  // The same article without any known furniture around it (a blog post with
  // a code listing, a table of figures): not a page, nothing may go.
  for (BodyInput& l : in) l.furniture = false;
  EXPECT_FALSE(find_body(in).confident);
}

TEST(PageBody, CommentsAfterTheArticleNeverBecomeTheBody) {
  std::vector<BodyInput> in;
  for (int i = 0; i < 6; ++i) in.push_back(menu_item());
  in.push_back(line(500, 0.5));  // 6
  in.push_back(line(400, 0.5));  // 7
  BodyInput wall = furniture();
  wall.wall = true;  // "Tous vos commentaires (11)"
  in.push_back(wall);
  for (int i = 0; i < 12; ++i) in.push_back(line(450, 0.5));  // longer than the article
  PageBody b = find_body(in);
  EXPECT_TRUE(b.in_body[6]);
  EXPECT_EQ(b.last, 7);
}

TEST(PageBody, ShortParagraphsInARowAreStillAnArticle) {
  // Paragraphs under 200 characters are near-good; alone between menus
  // jusText calls them bad, two in a row are an article.
  std::vector<BodyInput> in = {menu_item(), menu_item(), line(150, 0.4), line(150, 0.4), menu_item()};
  std::vector<LineClass> c = classify_lines(in);
  EXPECT_EQ(c[2], LineClass::kGood);
  EXPECT_EQ(c[3], LineClass::kGood);
}

TEST(PageBody, NoTextNoBody) {
  PageBody b = find_body({menu_item(), menu_item(), furniture()});
  EXPECT_EQ(b.first, -1);
  EXPECT_FALSE(b.confident);
  EXPECT_EQ(find_body({}).first, -1);
}

// --- end to end --------------------------------------------------------------

// A page: a menu, the article, then `tail` (a region) and a footer menu.
std::string page_with(const std::string& tail) {
  std::string doc =
      "Se connecter\nS'inscrire\nAccueil\nPolitique\nSociété\nMonde\nÉconomie\nCulture\nSports\n"
      "Rechercher\nPartager sur Facebook\nTweeter\nImprimer\n"
      "Les alliés de la Russie prennent leurs distances\nPublié le 5 juin 2024\n";
  for (const char* p : kParagraphs) doc += std::string(p) + "\n";
  doc += tail;
  doc += "Contact\nPublicité\nNewsletter\nPlan du site\nMentions légales\n© Le Journal 2024\n";
  return doc;
}

std::string rule_of(const Result& r, const std::string& line) {
  for (const Finding& f : r.findings) {
    if (f.status == FindingStatus::kApplied && f.replacement.empty() && f.original.find(line) == 0) return f.rule;
  }
  return "keep";
}

struct RegionCase {
  const char* tail;           // lines after the article, the region's header first
  const char* rule;           // expected rule for every line of the tail
};

TEST(Regions, EachKindGoesAsAWholeWithOneFindingPerLine) {
  const RegionCase cases[] = {
      // comment thread (la-bas.org): header, then readers' messages, long ones too
      {"Tous vos commentaires (11)\nLe 3 juillet à 16:55, par voltaire\n"
       "Cher Didier, évite de positionner le micro sur ta belle chemise, on n’entend plus rien de ce que tu "
       "racontes dans la deuxième partie de l’émission, et c’est bien dommage pour nous tous.\n"
       "Répondre à ce message\n",
       "boilerplate.region-comments"},
      // comment form (revolutionpermanente.fr)
      {"LAISSER UN COMMENTAIRE\nVotre nom\nVotre message\nEnvoyer\n", "boilerplate.region-comments"},
      // related articles (liberation-1)
      {"Sur le même sujet\nReportage\nA Katmandou, exode sous pression\nPar Sébastien Farcis\n",
       "boilerplate.region-related"},
      // footer (la-bas.org, lemonde-1)
      {"Crédits & mentions légales\nQui sommes-nous\nNous écrire\n", "boilerplate.region-footer"},
  };
  for (const RegionCase& c : cases) {
    std::string doc = page_with(c.tail);
    Result r = testing::clean(doc);
    std::string tail = c.tail;
    for (size_t b = 0, e; b < tail.size(); b = e + 1) {
      e = tail.find('\n', b);
      std::string l = tail.substr(b, e - b);
      EXPECT_EQ(rule_of(r, l), c.rule) << l;
    }
    for (const char* p : kParagraphs) EXPECT_NE(r.clean_text.find(p), std::string::npos) << c.tail;
    EXPECT_NE(r.clean_text.find("Les alliés de la Russie prennent leurs distances\n"), std::string::npos);
  }
}

TEST(Regions, FindingsNameTheRegionAndItsHeader) {
  Result r = testing::clean(page_with("Sur le même sujet\nA Katmandou, exode sous pression\n"));
  bool named = false;
  for (const Finding& f : r.findings) {
    if (f.rule == "boilerplate.region-related" && f.original.find("A Katmandou") == 0) {
      named = f.message.find("block of related articles opened by line") != std::string::npos;
    }
  }
  EXPECT_TRUE(named);
  // Lines outside the body say so.
  EXPECT_EQ(rule_of(r, "Politique"), "boilerplate.outside-body");
}

TEST(Regions, OffAPageAHeaderIsOneLine) {
  // No page around the article: "Sur le même sujet" goes by its pattern, the
  // paragraph after it stays.
  std::string doc = std::string(kParagraphs[0]) + "\n\nSur le même sujet\n\n" + kParagraphs[1] + "\n";
  Result r = testing::clean(doc);
  EXPECT_EQ(r.clean_text, std::string(kParagraphs[0]) + "\n\n" + kParagraphs[1] + "\n");
}

// A document made only of article paragraphs and headings is left unchanged,
// whatever their order and number.
TEST(PageBody, ArticleAloneIsLeftUnchanged) {
  const char* headings[] = {"Le procès", "Les suites politiques et judiciaires de l’affaire",
                            "Un isolement croissant", "Ce que disent les chiffres"};
  for (int shape = 0; shape < 16; ++shape) {
    std::string doc = "L’isolement de la Russie face à ses alliés d’Asie centrale\n\n";
    for (int i = 0; i < 4; ++i) {
      if (shape & (1 << i)) doc += std::string(headings[i]) + "\n\n";
      doc += std::string(kParagraphs[(i + shape) % 4]) + "\n\n";
    }
    doc.pop_back();
    Result r = testing::clean(doc);
    EXPECT_EQ(r.clean_text, doc) << "shape " << shape;
  }
}

// A real page (../shared/dev/real/pages/input/loldf.org.txt) against its
// output, reviewed line by line (tests/data/pages/loldf.org.expected.txt).
TEST(PageBody, GoldenRealPage) {
  std::string input = testing::shared_dir() + "/dev/real/pages/input/loldf.org.txt";
  if (!std::filesystem::exists(input)) GTEST_SKIP() << "no " << input << " (../shared is absent)";
  Result r = testing::clean(testing::read(input));
  EXPECT_EQ(r.clean_text, testing::read(testing::source_dir() + "/tests/data/pages/loldf.org.expected.txt"));
}

}  // namespace
}  // namespace retouche
