// case.* through the whole pipeline: a capital left inside a sentence by a
// lost link, and headings in English title case, are lowered; names,
// institutions, acronyms and French sentence-case headings keep their capitals.
#include <gtest/gtest.h>

#include "test_support.h"

namespace retouche {
namespace {

using testing::clean;
using testing::has_rule;
using testing::mentions;

struct Case {
  std::string input, expected;
};

TEST(Casing, MidSentenceCapitalIsLowered) {
  static const Case kCases[] = {
      {"Selon la déclaration officielle Du gouvernement, la situation est stable.\n",
       "Selon la déclaration officielle du gouvernement, la situation est stable.\n"},
      {"Les soldats Et les civils ont fui la ville.\n",
       "Les soldats et les civils ont fui la ville.\n"},
      {"Le président a promis Que la guerre finirait bientôt.\n",
       "Le président a promis que la guerre finirait bientôt.\n"},
      {"C’est une décision Qui change tout.\n", "C’est une décision qui change tout.\n"},
      // An infinitive is not a name either.
      {"Il faut Protéger les enfants avant tout.\n", "Il faut protéger les enfants avant tout.\n"},
      {"Le gouvernement veut Renforcer la sécurité du pays.\n",
       "Le gouvernement veut renforcer la sécurité du pays.\n"},
      // Before an acronym: the grammar word is lowered, the acronym kept.
      {"Il s’est rendu au siège De l’ONU hier.\n", "Il s’est rendu au siège de l’ONU hier.\n"},
      // After a comma that ends a clause, a preposition or a conjunction.
      {"Le conflit s’étend au-delà, Avec des conséquences pour toute la région.\n",
       "Le conflit s’étend au-delà, avec des conséquences pour toute la région.\n"},
      {"Le texte a été adopté, Mais il sera contesté.\n",
       "Le texte a été adopté, mais il sera contesté.\n"},
      // Before a place or institution of the name table that W is no part of.
      {"Le porte-parole Du Kremlin a démenti.\n", "Le porte-parole du Kremlin a démenti.\n"},
  };
  for (const Case& c : kCases) {
    Result r = clean(c.input);
    EXPECT_EQ(r.clean_text, c.expected);
    EXPECT_TRUE(has_rule(r, "case.mid-sentence-capital")) << c.input;
  }
}

// One finding per word, pointing at the capitalised word in the original.
TEST(Casing, MidSentenceCapitalFindingPointsAtTheWord) {
  const std::string text = "Selon la déclaration officielle Du gouvernement, tout va bien.\n";
  Result r = clean(text);
  int n = 0;
  for (const Finding& f : r.findings) {
    if (f.rule != "case.mid-sentence-capital") continue;
    ++n;
    EXPECT_EQ(f.original, "Du");
    EXPECT_EQ(f.replacement, "du");
    EXPECT_EQ(text.substr(f.begin, f.end - f.begin), "Du");
    EXPECT_EQ(f.line, 1u);
  }
  EXPECT_EQ(n, 1);
}

TEST(Casing, InstitutionsNamesAndAcronymsKeepTheirCapitals) {
  static const char* kKeep[] = {
      "Le rôle de l’État est central dans cette affaire.\n",
      "Il travaille au ministère de la Défense depuis 2010.\n",
      "Le Premier ministre a annoncé des mesures.\n",
      "L’OTAN et l’UE ont condamné l’attaque.\n",
      "Le Conseil constitutionnel et la Cour des comptes ont rendu leur avis.\n",
      "Le maire a reçu Jean Dupont et Marie Curie.\n",
      // After a colon or an opening guillemet a sentence may start.
      "Il a déclaré : Nous resterons unis.\n",
      "Il a crié « Vive la France » devant la foule.\n",
      // Titles of works after a noun that introduces one.
      "Le film Du soleil pour les gueux est sorti.\n",
      // "Me" is Maître before a lawyer's name.
      "L’avocat de la famille, Me Dupont, a fait appel.\n",
      // After a comma, names that begin with an article.
      "Selon plusieurs journaux, Le Monde et Les Échos ont publié l’enquête.\n",
      "Il a visité Nantes, La Rochelle et Bordeaux.\n",
      // The particle of a person's name.
      "Le poète Du Bellay a écrit ce sonnet.\n",
      // A list of titles; a salutation glued to the text.
      "Il enchaîne les tubes : América, Il pleut dans ma maison, Comme tu es jeune.\n",
      "Chers internautes, Voici une adresse à retenir.\n",
  };
  for (const char* k : kKeep) {
    Result r = clean(k);
    EXPECT_EQ(r.clean_text, k);
    EXPECT_FALSE(mentions(r, "case.mid-sentence-capital")) << k;
    EXPECT_FALSE(mentions(r, "joins.dropped-period")) << k;
  }
}

// A heading is a line of its own, followed by an article that talks about
// the same thing (a headline unrelated to the text is boilerplate's business).
std::string article(const std::string& heading, const std::string& sentence_case) {
  return heading + "\n\n« " + sentence_case + " », titrait lundi le quotidien.\n";
}

TEST(Casing, TitleCaseHeadingTurnsToSentenceCase) {
  static const Case kCases[] = {
      {"Les Alliés De La Russie Se Détournent Un À Un",
       "Les alliés de la Russie se détournent un à un"},
      {"Le Kremlin Accuse Washington De Mentir", "Le Kremlin accuse Washington de mentir"},
      // A demonym is a noun after a determiner, an adjective after a noun.
      {"Les Ukrainiens Reprennent Des Villages Près De Kharkiv",
       "Les Ukrainiens reprennent des villages près de Kharkiv"},
      {"La Victoire Des Ukrainiens À Kharkiv Surprend Moscou",
       "La victoire des Ukrainiens à Kharkiv surprend Moscou"},
      {"Les Avancées Ukrainiennes Inquiètent Moscou",
       "Les avancées ukrainiennes inquiètent Moscou"},
      // Names keep their capitals, an elided article loses its own.
      {"Emmanuel Macron Reçoit Olaf Scholz À L’Élysée",
       "Emmanuel Macron reçoit Olaf Scholz à l’Élysée"},
      {"Journée Mondiale De La Santé", "Journée mondiale de la santé"},
      {"La Guerre En Ukraine", "La guerre en Ukraine"},
      // Multi-word names keep their capitals: a first name, particles and a
      // name; a name of the table ("Le Monde"). A single capitalised
      // conjunction among names is enough to show title case.
      {"Jean-Luc Mélenchon, Marine Le Pen Et Éric Zemmour",
       "Jean-Luc Mélenchon, Marine Le Pen et Éric Zemmour"},
      {"Le Monde Diplomatique Publie Une Enquête Sur Les Sanctions",
       "Le Monde diplomatique publie une enquête sur les sanctions"},
  };
  for (const Case& c : kCases) {
    Result r = clean(article(c.input, c.expected));
    EXPECT_EQ(r.clean_text, article(c.expected, c.expected));
    EXPECT_TRUE(has_rule(r, "case.title-case-heading")) << c.input;
  }
}

TEST(Casing, SentenceCaseHeadingsAndProseAreKept) {
  static const char* kKeep[] = {
      "Les alliés de la Russie se détournent un à un",  // already French sentence case
      "Vladimir Poutine et Recep Tayyip Erdoğan",       // names only
      "Saint-Pétersbourg, Nijni Novgorod et Vladivostok",
  };
  for (const char* k : kKeep) {
    Result r = clean(article(k, k));
    EXPECT_EQ(r.clean_text, article(k, k));
    EXPECT_FALSE(mentions(r, "case.title-case-heading")) << k;
  }
}

// A line of prose full of names is not a title-case heading, with or
// without its final period.
TEST(Casing, ProseWithNamesIsNotAHeading) {
  static const char* kKeep[] = {
      "Hier, Vladimir Poutine a rencontré Recep Tayyip Erdoğan et Emmanuel Macron à Paris\n",
      "Hier, Vladimir Poutine a rencontré Recep Tayyip Erdoğan et Emmanuel Macron à Paris.\n",
      "Le Premier ministre Gabriel Attal a reçu Olaf Scholz et Giorgia Meloni à Matignon.\n",
  };
  for (const char* k : kKeep) {
    Result r = clean(k);
    EXPECT_EQ(r.clean_text, k);
    EXPECT_FALSE(mentions(r, "case.title-case-heading")) << k;
  }
}

TEST(Casing, TitleCaseRuleCanBeSwitchedOff) {
  PipelineOptions o;
  o.disable = {"case.title-case-heading"};
  auto p = testing::make_pipeline(o);
  const std::string text =
      article("Le Kremlin Accuse Washington De Mentir", "Le Kremlin accuse Washington de mentir");
  Result r;
  ASSERT_TRUE(p->run(Document{"d", text}, &r).ok());
  EXPECT_EQ(r.clean_text, text);
  EXPECT_FALSE(mentions(r, "case.title-case-heading"));
}

}  // namespace
}  // namespace retouche
