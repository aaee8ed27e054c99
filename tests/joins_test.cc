// joins.* and typography.doubled-punctuation through the whole pipeline: a
// lost boundary between two words or two sentences is put back, and words,
// names, brands, numbers and addresses that only look glued are left alone.
#include <gtest/gtest.h>

#include "test_support.h"

namespace retouche {
namespace {

using testing::clean;

struct Case {
  std::string input, expected, rule;
};

bool has_rule(const Result& r, const std::string& rule) {
  for (const Finding& f : r.findings) {
    if (f.rule == rule && f.status == FindingStatus::kApplied) return true;
  }
  return false;
}

// Any finding of the rule, applied or only proposed: a correct text must not
// even be sent to a reviewer.
bool mentions(const Result& r, const std::string& rule) {
  for (const Finding& f : r.findings) {
    if (f.rule == rule) return true;
  }
  return false;
}

void expect_fixed(const Case& c) {
  Result r = clean(c.input);
  EXPECT_EQ(r.clean_text, c.expected) << c.rule;
  EXPECT_TRUE(has_rule(r, c.rule)) << c.rule << ": " << c.input;
}

void expect_kept(const std::string& text, const std::string& rule) {
  Result r = clean(text);
  EXPECT_EQ(r.clean_text, text) << rule;
  EXPECT_FALSE(mentions(r, rule)) << rule << ": " << text;
}

TEST(Joins, GluedAtCaseBoundaryIsSplit) {
  static const Case kCases[] = {
      // A sentence starter glued to the last word of the previous sentence.
      {"Des combats ont éclaté contre le gouvernement afghanCela a provoqué la colère.\n",
       "Des combats ont éclaté contre le gouvernement afghan. Cela a provoqué la colère.\n",
       "joins.glued"},
      {"Ils ont combattu les TalibansUn groupe armé a pris la ville.\n",
       "Ils ont combattu les Talibans. Un groupe armé a pris la ville.\n", "joins.glued"},
      {"Les forces ont reculé dans la régionMais les combats continuent.\n",
       "Les forces ont reculé dans la région. Mais les combats continuent.\n", "joins.glued"},
      // A name opening a new clause with its verb, after a complete clause.
      {"Le projet a été intégréVladimir Poutine a signé le décret.\n",
       "Le projet a été intégré. Vladimir Poutine a signé le décret.\n", "joins.glued"},
      // A grammar word glued to a name: only a space is missing.
      {"Il a salué laRépublique et la ville deFrance.\n",
       "Il a salué la République et la ville de France.\n", "joins.glued"},
  };
  for (const Case& c : kCases) expect_fixed(c);
}

TEST(Joins, GluedLeavesBrandsNamesAndSymbolsAlone) {
  static const char* kKeep[] = {
      // Listed brands (dictionaries/camelcase.txt).
      "Il partage ses vidéos sur WhatsApp, LinkedIn et YouTube depuis son iPhone.\n",
      "Il a mangé chez McDonald avant d’acheter une PlayStation et un MacBook.\n",
      "DeepMind, filiale de Google, a publié une étude.\n",
      // Unlisted CamelCase names and brands: not split either.
      "Les familles LeBlanc, DuBois et LaSalle vivent à Montréal.\n",
      "Le groupe KazMunayGas et le réseau VKontakte sont russes.\n",
      // Chemical symbols and technical tokens.
      "Le sel NaCl, le CO2 et les vaccins à mRNA sont étudiés.\n",
      "La variable userName et la fonction getValue renvoient une valeur.\n",
  };
  for (const char* k : kKeep) expect_kept(k, "joins.glued");
}

TEST(Joins, GluedWordsAreSeparated) {
  static const Case kCases[] = {
      // A place name of the name table, then a verb.
      {"Pourquoi la Chinecontinue de vendre des armes ?\n",
       "Pourquoi la Chine continue de vendre des armes ?\n", "joins.glued-words"},
      // The word before and the left part make a name; a participle follows.
      {"Un éditorial de la Kazakhstanskaya Pravdaappelant à la retenue a été cité.\n",
       "Un éditorial de la Kazakhstanskaya Pravda appelant à la retenue a été cité.\n",
       "joins.glued-words"},
      // A word, then a grammar word.
      {"Le moteur fonctionnepar intermittence depuis hier.\n",
       "Le moteur fonctionne par intermittence depuis hier.\n", "joins.glued-words"},
      {"Il a lu toutesles lettres reçues.\n", "Il a lu toutes les lettres reçues.\n",
       "joins.glued-words"},
      // An auxiliary and a participle; a determiner and a noun.
      {"Le bâtiment estsitué au centre.\n", "Le bâtiment est situé au centre.\n",
       "joins.glued-words"},
      {"Il a perdu unepartie de sa fortune.\n", "Il a perdu une partie de sa fortune.\n",
       "joins.glued-words"},
  };
  for (const Case& c : kCases) expect_fixed(c);
}

TEST(Joins, GluedWordsLeavesRealWordsAlone) {
  static const char* kKeep[] = {
      // Long words that contain shorter ones.
      "Il a agi anticonstitutionnellement avec son portefeuille aujourd’hui, par contrecoup.\n",
      // Recent or rare words the dictionary may not know.
      "La dédiabolisation du parti et le poutinisme inquiètent.\n",
      "Le déconfinement et le télétravail ont changé la cybersécurité.\n",
      "Les russophones et les arabophones du quartier votent.\n",
      // Surnames and places that end like a grammar word.
      "Jean Lemaire et Paul Peterson ont visité Villeneuve et Montparnasse.\n",
      // Surnames that begin with a place, where a person's name stands: after
      // a title or profession, after a first name.
      "Le professeur Pariset a publié un livre.\n",
      "L’islamologue Louis Gardet a publié un livre.\n",
  };
  for (const char* k : kKeep) expect_kept(k, "joins.glued-words");
}

// Where a person's name stands, a person's name glued to a grammar word is
// still split.
TEST(Joins, GluedWordsAfterATitleSplitsAPersonsName) {
  static const Case kCases[] = {
      {"Le président Zelenskyet le chancelier ont parlé.\n",
       "Le président Zelensky et le chancelier ont parlé.\n", "joins.glued-words"},
  };
  for (const Case& c : kCases) expect_fixed(c);
}

TEST(Joins, MissingSpaceIsAdded) {
  static const Case kCases[] = {
      {"Il a dit que c’était « triste ».Mais il est resté.\n",
       "Il a dit que c’était « triste ». Mais il est resté.\n", "joins.missing-space"},
      {"Il habite à Talancé.Les élus ont protesté.\n",
       "Il habite à Talancé. Les élus ont protesté.\n", "joins.missing-space"},
      {"Il est venu.Puis il est parti.\n", "Il est venu. Puis il est parti.\n",
       "joins.missing-space"},
      {"Cependant,une solution a été trouvée.\n", "Cependant, une solution a été trouvée.\n",
       "joins.missing-space"},
      {"Il a hésité,à vrai dire.\n", "Il a hésité, à vrai dire.\n",
       "joins.missing-space"},  // one-letter word
      {"Le roman « Guerre et paix »raconte l’invasion de la Russie.\n",
       "Le roman « Guerre et paix » raconte l’invasion de la Russie.\n", "joins.missing-space"},
  };
  for (const Case& c : kCases) expect_fixed(c);
}

TEST(Joins, MissingSpaceNeverInsideAddressesNumbersOrInitials) {
  static const char* kKeep[] = {
      "Voir https://www.example.com/Page.Html pour les détails.\n",
      "Le site lemonde.fr a publié l’article.\n",
      "Écrivez à jean.Dupont@exemple.fr pour répondre.\n",
      "Le taux est de 3.5 %, soit 1,5 point et 10.000 euros.\n",
      "J.-F. Copé et J.-M. Le Pen ont parlé.\n",
      "Il vit aux U.S.A. depuis 1990, après un séjour en U.R.S.S. en 1980.\n",
      "Des pommes, des poires, etc.), puis des fruits secs.\n",
      "Lisez rapport.pdf avant la réunion.\n",
      "Rendez-vous à 14h30 ou à 14.30 précises.\n",
      // A chain of dotted words that ends in a file name is a file name.
      "Lisez Rapport.Final.docx avant la réunion.\n",
  };
  for (const char* k : kKeep) expect_kept(k, "joins.missing-space");
}

TEST(Typography, DoubledPunctuationIsReduced) {
  static const Case kCases[] = {
      {"La guerre est finie. . Les soldats rentrent.\n",
       "La guerre est finie. Les soldats rentrent.\n", "typography.doubled-punctuation"},
      {"La guerre est finie.. Les soldats rentrent.\n",
       "La guerre est finie. Les soldats rentrent.\n", "typography.doubled-punctuation"},
      {"Il a acheté des pommes,, des poires et des fruits.\n",
       "Il a acheté des pommes, des poires et des fruits.\n", "typography.doubled-punctuation"},
      {"Il a acheté des pommes, des poires, etc.. Puis il est parti.\n",
       "Il a acheté des pommes, des poires, etc. Puis il est parti.\n",
       "typography.doubled-punctuation"},
  };
  for (const Case& c : kCases) expect_fixed(c);
}

TEST(Typography, EllipsesAreKept) {
  static const char* kKeep[] = {
      "Il hésita... puis partit.\n",
      "Il hésita… puis partit.\n",
      "Il hésita. . . puis partit.\n",
      "Il attendit longtemps...\n",
  };
  for (const char* k : kKeep) expect_kept(k, "typography.doubled-punctuation");
}

TEST(Typography, RangesBetweenDigitsAreKept) {
  static const char* kKeep[] = {
      "Les pages 1..5 sont manquantes.\n",
      "Les versions 2..10 sont compatibles.\n",
  };
  for (const char* k : kKeep) expect_kept(k, "typography.doubled-punctuation");
}

TEST(Joins, DroppedPeriodIsRestored) {
  static const Case kCases[] = {
      {"Selon Moscou, l’avion a été abattu Nous ne disons pas que c’était une erreur.\n",
       "Selon Moscou, l’avion a été abattu. Nous ne disons pas que c’était une erreur.\n",
       "joins.dropped-period"},
      {"Le ministre a démissionné Il sera remplacé demain.\n",
       "Le ministre a démissionné. Il sera remplacé demain.\n", "joins.dropped-period"},
      {"Les troupes ont quitté la ville Elles sont rentrées à la base.\n",
       "Les troupes ont quitté la ville. Elles sont rentrées à la base.\n", "joins.dropped-period"},
      {"Les habitants ont fui Cela a provoqué une crise.\n",
       "Les habitants ont fui. Cela a provoqué une crise.\n", "joins.dropped-period"},
  };
  for (const Case& c : kCases) expect_fixed(c);
}

TEST(Joins, NoPeriodBeforeNamesAndTitlesMidSentence) {
  static const char* kKeep[] = {
      "Le président a rencontré Emmanuel Macron à Paris.\n",
      "Le président Vladimir Poutine a signé le décret.\n",
      // Names that begin with an article.
      "Il travaille pour Le Figaro depuis dix ans.\n",
      "Ils ont chanté La Marseillaise au stade.\n",
      "Il a rejoint Les Républicains en 2017.\n",
      "Il est parti pour Le Caire ce matin.\n",
      // After "dit" (said, or called) comes a quote or a title.
      "Il a dit Nous vaincrons devant la foule.\n",
  };
  for (const char* k : kKeep) expect_kept(k, "joins.dropped-period");
}

// A new sentence must read as a clause: a finite verb before its end. A verb
// form right after a determiner is a noun ("Les relations", "Des souris").
TEST(Joins, NoPeriodBeforeAPhraseWithoutAVerb) {
  static const char* kKeep[] = {
      "Les combats ont repris Depuis lundi.\n",
      "Il a parlé Avec la presse hier.\n",
      "Il a signé la loi Pour protéger les enfants.\n",
      "Les relations Avec l’Arménie restent tendues.\n",
      // The title of a work.
      "Elle a présenté Des souris et des hommes au théâtre.\n",
  };
  for (const char* k : kKeep) expect_kept(k, "joins.dropped-period");
}

TEST(Joins, RulesCanBeSwitchedOff) {
  PipelineOptions o;
  o.disable = {"joins"};
  auto p = testing::make_pipeline(o);
  const std::string text = "le gouvernement afghanCela a provoqué ».Mais la Chinecontinue\n";
  Result r;
  ASSERT_TRUE(p->run(Document{"d", text}, &r).ok());
  EXPECT_EQ(r.clean_text, text);
  for (const Finding& f : r.findings) EXPECT_NE(rule_family(f.rule), "joins") << f.rule;
}

}  // namespace
}  // namespace retouche
