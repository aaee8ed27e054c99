// joins.hard-wrap through the whole pipeline, and the wrap analysis of
// rules/paragraphs.h on its own: a paragraph cut at a fixed width becomes one
// line again; headings, lists, verse, addresses and one-paragraph-per-line
// documents keep their line breaks.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/line_index.h"
#include "core/utf8.h"
#include "core/word_set.h"
#include "rules/paragraphs.h"
#include "test_support.h"

namespace retouche {
namespace {

using testing::clean;
using testing::has_rule;
using testing::mentions;

// Cuts a one-line paragraph at spaces, as a mail client does: each line at
// most `width` code points.
std::string wrap(const std::string& paragraph, size_t width) {
  std::string out, line;
  size_t b = 0;
  while (b < paragraph.size()) {
    size_t e = paragraph.find(' ', b);
    if (e == std::string::npos) e = paragraph.size();
    std::string word = paragraph.substr(b, e - b);
    if (!line.empty() &&
        utf8::count_code_points(line) + 1 + utf8::count_code_points(word) > width) {
      out += line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    b = e + 1;
  }
  return out + line + "\n";
}

const char* const kParagraphs[] = {
    "La Russie a annoncé lundi le retrait partiel de ses troupes de la région, mais les autorités "
    "ukrainiennes restent prudentes et demandent des preuves concrètes avant de considérer que la "
    "menace a diminué. Les observateurs de l’OSCE n’ont pas pu confirmer ces mouvements sur le "
    "terrain pour le moment.",
    "Le porte-parole du gouvernement a déclaré que les négociations avec le Kremlin reprendraient "
    "la semaine prochaine à Genève, sous l’égide de l’ONU, si les conditions de sécurité le "
    "permettent dans les jours à venir et si les deux délégations acceptent le calendrier proposé.",
};

TEST(HardWrap, WrappedParagraphsAreJoined) {
  for (size_t width : {68, 72, 80}) {
    std::string original, wrapped;
    for (const char* p : kParagraphs) {
      original += std::string(original.empty() ? "" : "\n") + p + "\n";
      wrapped += (wrapped.empty() ? "" : "\n") + wrap(p, width);
    }
    ASSERT_NE(wrapped, original);
    Result r = clean(wrapped);
    EXPECT_EQ(r.clean_text, original) << "width " << width;
    EXPECT_TRUE(has_rule(r, "joins.hard-wrap"));
  }
}

TEST(HardWrap, CrlfLineEndsAreJoinedToo) {
  std::string wrapped = wrap(kParagraphs[1], 72), crlf;
  for (char c : wrapped) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  EXPECT_EQ(clean(crlf).clean_text, std::string(kParagraphs[1]) + "\r\n");
}

// A hyphen at the end of a line goes only when the joined word is a word.
TEST(HardWrap, LineEndHyphenDroppedOnlyForAKnownWord) {
  const std::string text =
      "Le porte-parole a déclaré que les négociations avec le gouver-\n"
      "nement russe reprendraient dans un palais du centre de Saint-\n"
      "Pétersbourg, une ville où vivent désormais plus de vingt-\n"
      "cinq mille réfugiés venus de toute la région depuis la guerre.\n";
  const std::string expected =
      "Le porte-parole a déclaré que les négociations avec le gouvernement russe reprendraient "
      "dans un palais du centre de Saint-Pétersbourg, une ville où vivent désormais plus de "
      "vingt-cinq mille réfugiés venus de toute la région depuis la guerre.\n";
  Result r = clean(text);
  EXPECT_EQ(r.clean_text, expected);
  EXPECT_TRUE(has_rule(r, "joins.hard-wrap"));
}

TEST(HardWrap, ShortLinesListsVerseAndAddressesStay) {
  static const char* kKeep[] = {
      // A heading, then a paragraph with one sentence per line.
      "Les alliés de la Russie se détournent un à un\n\n"
      "La Russie a annoncé lundi le retrait partiel de ses troupes de la région.\n"
      "Les autorités ukrainiennes restent prudentes et demandent des preuves.\n"
      "Les observateurs de l’OSCE n’ont pas pu confirmer ces mouvements sur place.\n",
      // List items, even when they run on.
      "Les points principaux de l’accord signé hier soir entre les deux pays :\n"
      "- le retrait des troupes de la zone démilitarisée avant la fin du mois de\n"
      "- la libération de tous les prisonniers de guerre détenus par les deux camps\n",
      "1. la reprise des échanges commerciaux entre les deux capitales dès janvier\n"
      "2. la création d’une commission mixte chargée de surveiller le cessez-le-feu\n",
      // Verse.
      "Demain, dès l’aube, à l’heure où blanchit la campagne,\n"
      "Je partirai. Vois-tu, je sais que tu m’attends.\n"
      "J’irai par la forêt, j’irai par la montagne.\n"
      "Je ne puis demeurer loin de toi plus longtemps.\n",
      // Verse whose lines end with commas: the next line's first word would
      // have fitted, and a capital follows a comma.
      "Heureux qui, comme Ulysse, a fait un beau voyage,\n"
      "Ou comme cestuy-là qui conquit la toison,\n"
      "Et puis est retourné, plein d’usage et raison,\n"
      "Vivre entre ses parents le reste de son âge !\n",
      // An address.
      "Mairie de Lyon\n1 place de la Comédie\n69001 Lyon\n",
      // One paragraph per line, however long.
      "La Russie a annoncé lundi le retrait partiel de ses troupes de la région, mais les "
      "autorités ukrainiennes restent prudentes et demandent des preuves concrètes.\n"
      "Les observateurs de l’OSCE n’ont pas pu confirmer ces mouvements sur le terrain pour le "
      "moment, selon un communiqué publié dans la soirée.\n",
  };
  for (const char* k : kKeep) {
    Result r = clean(k);
    EXPECT_EQ(r.clean_text, k);
    EXPECT_FALSE(mentions(r, "joins.hard-wrap")) << k;
  }
}

// A heading right above a wrapped paragraph, without a blank line: the
// paragraph's first word would have fitted on the heading's line, so that
// break was typed.
TEST(HardWrap, HeadingAboveAWrappedParagraphStays) {
  const std::string heading = "La guerre en Ukraine et les sanctions occidentales contre la Russie";
  const std::string paragraph =
      "Le Kazakhstan, l’Ouzbékistan et le Kirghizistan ont annoncé qu’ils appliqueraient les "
      "sanctions occidentales contre la Russie, tout en rappelant que leurs économies dépendent "
      "largement des échanges avec Moscou et que toute rupture brutale aurait des conséquences "
      "graves pour leurs populations.";
  for (size_t width : {72, 80}) {
    Result r = clean(heading + "\n" + wrap(paragraph, width));
    EXPECT_EQ(r.clean_text, heading + "\n" + paragraph + "\n") << "width " << width;
    EXPECT_TRUE(has_rule(r, "joins.hard-wrap"));
  }
}

TEST(HardWrap, RuleCanBeSwitchedOff) {
  PipelineOptions o;
  o.disable = {"joins.hard-wrap"};
  auto p = testing::make_pipeline(o);
  std::string wrapped = wrap(kParagraphs[0], 72);
  Result r;
  ASSERT_TRUE(p->run(Document{"d", wrapped}, &r).ok());
  EXPECT_EQ(r.clean_text, wrapped);
}

// --- rules/paragraphs.h on its own ------------------------------------------

const WordSet kOpeners = {"de", "la", "et", "le", "les", "des", "à"};

std::vector<bool> wraps_of(const std::string& text, const std::vector<bool>& breaker = {}) {
  return find_wraps(text, LineIndex(text), breaker, kOpeners);
}

TEST(HardWrap, RunsOnSignals) {
  struct Case {
    const char* line;
    const char* next;
    bool runs_on;
  };
  static const Case kCases[] = {
      {"la région, mais les autorités ukrainiennes restent", "prudentes et demandent",
       true},                                                                      // lowercase
      {"le retrait partiel de ses troupes de la région,", "Les autorités", true},  // comma
      {"les négociations avec le gouver-", "nement russe", true},                  // hyphen
      {"le retrait partiel de ses troupes de", "Moscou", true},  // a word no sentence ends with
      {"le retrait partiel de ses troupes.", "Les autorités", false},
      {"Les alliés de la Russie se détournent", "Le Kazakhstan", false},
  };
  for (const Case& c : kCases) EXPECT_EQ(runs_on(c.line, c.next, kOpeners), c.runs_on) << c.line;
}

TEST(HardWrap, FindWrapsMarksTheBreaksOfAWrappedBlockOnly) {
  std::string para = wrap(kParagraphs[0], 72);
  size_t n = LineIndex(para).size();
  ASSERT_GE(n, 4u);
  // Heading, blank line, wrapped block: only the breaks inside the block.
  std::string text = "Les alliés de la Russie se détournent un à un\n\n" + para;
  std::vector<bool> w = wraps_of(text);
  ASSERT_EQ(w.size(), n + 2);
  EXPECT_FALSE(w[0]);
  EXPECT_FALSE(w[1]);
  for (size_t i = 2; i + 1 < w.size(); ++i) EXPECT_TRUE(w[i]) << i;
  EXPECT_FALSE(w.back());  // the paragraph's last line ends it
}

TEST(HardWrap, FindWrapsSplitsOffAHeadingAndRefusesVerse) {
  std::string para = wrap(kParagraphs[1], 72);
  size_t n = LineIndex(para).size();
  // A heading with room for the paragraph's first word: not a wrap.
  std::vector<bool> w =
      wraps_of("Les alliés de la Russie se détournent un à un des sanctions\n" + para);
  ASSERT_EQ(w.size(), n + 1);
  EXPECT_FALSE(w[0]);
  for (size_t i = 1; i + 1 < w.size(); ++i) EXPECT_TRUE(w[i]) << i;
  // Lines of similar width ending with commas, each the next could have
  // gone on: typed by hand.
  for (bool b : wraps_of("Heureux qui, comme Ulysse, a fait un beau voyage,\n"
                         "Ou comme cestuy-là qui conquit la toison,\n"
                         "Et puis est retourné, plein d’usage et raison,\n"
                         "Vivre entre ses parents le reste de son âge !\n")) {
    EXPECT_FALSE(b);
  }
}

TEST(HardWrap, FindWrapsRefusesRepeatsShortLinesAndBreakers) {
  // Two identical lines are never one paragraph.
  std::string same = "les autorités ukrainiennes restent prudentes et demandent des\n";
  for (bool b : wraps_of(same + same)) EXPECT_FALSE(b);
  // A short line inside the block.
  for (bool b :
       wraps_of("La Russie a annoncé lundi le retrait partiel de ses troupes de\nla région,\n"
                "mais les autorités ukrainiennes restent prudentes et demandent des\n"
                "preuves concrètes.\n")) {
    EXPECT_FALSE(b);
  }
  // A line marked as a breaker (boilerplate) splits the block.
  std::string para = wrap(kParagraphs[1], 72);
  std::vector<bool> all = wraps_of(para);
  ASSERT_TRUE(all[0]);
  std::vector<bool> breaker(all.size(), false);
  breaker[1] = true;
  std::vector<bool> cut = wraps_of(para, breaker);
  EXPECT_FALSE(cut[0]);
  EXPECT_FALSE(cut[1]);
}

}  // namespace
}  // namespace retouche
