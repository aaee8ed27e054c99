// joins.* and typography.doubled-punctuation through the whole pipeline: a
// lost boundary between two words or two sentences is put back, and words,
// names, brands, numbers and addresses that only look glued are left alone.
#include <gtest/gtest.h>

#include "test_support.h"

namespace retouche {
namespace {

using testing::clean;
using testing::has_rule;
using testing::mentions;

struct Case {
  std::string input, expected, rule;
};

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
      // An auxiliary before a participle or an adverb ("ont été", not "on tété").
      {"Les habitants ontété invités à partir.\n", "Les habitants ont été invités à partir.\n",
       "joins.glued-words"},
      {"L’âme de son frère estbien en place.\n", "L’âme de son frère est bien en place.\n",
       "joins.glued-words"},
      // A conjunction or adverb, a number, an adjective that stands first.
      {"Ijevsk pouvait déjàprétendre au statut de ville.\n",
       "Ijevsk pouvait déjà prétendre au statut de ville.\n", "joins.glued-words"},
      {"Il apparaît dansquatre des cinq matchs.\n", "Il apparaît dans quatre des cinq matchs.\n",
       "joins.glued-words"},
      {"Elle réalise son premiermodèle à dix ans.\n", "Elle réalise son premier modèle à dix ans.\n",
       "joins.glued-words"},
      // A noun and an adjective that is also a noun, after an article.
      {"Elle a appelé les éluseuropéens à agir.\n", "Elle a appelé les élus européens à agir.\n",
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

// An article glued after a common word starts a sentence, even before a
// capitalised word; after a name or a work noun it may begin a title.
TEST(Joins, GluedArticleBeforeACapitalStartsASentence) {
  static const Case kCases[] = {
      {"La queue mesure sept centimètres pour la queueLe Parlement européen a adopté une "
       "résolution.\n",
       "La queue mesure sept centimètres pour la queue. Le Parlement européen a adopté une "
       "résolution.\n",
       "joins.glued"},
      // More sentence openers: "Quelle", "Beaucoup", "Environ".
      {"Il a cité la sourceQuelle mesure devrait s’imposer ?\n",
       "Il a cité la source. Quelle mesure devrait s’imposer ?\n", "joins.glued"},
  };
  for (const Case& c : kCases) expect_fixed(c);
}

TEST(Joins, GluedArticleBeforeATitleIsNotASentence) {
  static const char* kKeep[] = {
      "Il a joué dans le filmLes Aventures de Tintin.\n",
      "Il a composé la musique du film d’Alexis GranowskyLes Aventures du roi Pausole.\n",
  };
  for (const char* k : kKeep) {
    Result r = clean(k);
    EXPECT_EQ(r.clean_text, k);
    EXPECT_FALSE(has_rule(r, "joins.glued")) << k;
  }
}

// A name glued after a word: the separator follows from the sentence. A
// grammar word or a verb takes the name as its complement (a space); a name
// with a verb of its own starts a sentence after a clause that has one, and
// follows a comma after a fronted phrase.
TEST(Joins, GluedNameGetsTheSeparatorItsSentenceNeeds) {
  static const Case kCases[] = {
      {"Il organise des dîners romantiques pourBelldandy et Keichi.\n",
       "Il organise des dîners romantiques pour Belldandy et Keichi.\n", "joins.glued"},
      {"Galadriel emportaNenya sur un navire.\n", "Galadriel emporta Nenya sur un navire.\n",
       "joins.glued"},
      {"Le vol a été dérouté en raison des conditions météorologiquesZorbanos s’était opposé à "
       "lui.\n",
       "Le vol a été dérouté en raison des conditions météorologiques. Zorbanos s’était opposé à "
       "lui.\n",
       "joins.glued"},
      // The verb of a relative clause is not the main clause's.
      {"Après une brève invasion qui n’a rencontré que peu de résistanceZorbanos s’est emparé des "
       "îles.\n",
       "Après une brève invasion qui n’a rencontré que peu de résistance, Zorbanos s’est emparé des "
       "îles.\n",
       "joins.glued"},
      // A first name and a surname after a name.
      {"Après la réunion à MatignonNicolas Sarkozy a quitté Paris.\n",
       "Après la réunion à Matignon, Nicolas Sarkozy a quitté Paris.\n", "joins.glued"},
  };
  for (const Case& c : kCases) expect_fixed(c);
}

TEST(Joins, GluedNameWithoutEvidenceIsOnlyProposed) {
  static const char* kKeep[] = {
      // No verb after the name: a period, a comma or a space.
      "Il a rendu hommage au journalisteZorbanos Kalamaris, présent ce jour-là.\n",
      // "on" before a capital is code ("onClick"), not French.
      "Le gestionnaire onClick est appelé au clic.\n",
      // Two first names make one ("JeanPierre"), a brand without a first name stays.
      "JeanPierre Dupont a signé le contrat.\n",
      "La société KazMunayGas a annoncé ses résultats.\n",
  };
  for (const char* k : kKeep) {
    Result r = clean(k);
    EXPECT_EQ(r.clean_text, k);
    EXPECT_FALSE(has_rule(r, "joins.glued")) << k;
  }
}

// A capitalised word glued to the next word is split on the evidence of its
// sentence, whatever the name (most are rare: no list holds them).
TEST(Joins, GluedWordsSplitOnTheEvidenceOfTheSentence) {
  static const Case kCases[] = {
      // The clause has no verb but the glued one.
      {"Christine Vandermolenest une actrice française.\n",
       "Christine Vandermolen est une actrice française.\n", "joins.glued-words"},
      {"Les membres de la tribu des Werchefanaaient installé des barrages.\n",
       "Les membres de la tribu des Werchefana aient installé des barrages.\n",
       "joins.glued-words"},
      // A date, a year, a country.
      {"Il est mort à Toulousele 20 septembre 2004.\n",
       "Il est mort à Toulouse le 20 septembre 2004.\n", "joins.glued-words"},
      {"Il fait son service militaire à Sélestaten 1935.\n",
       "Il fait son service militaire à Sélestat en 1935.\n", "joins.glued-words"},
      // Words no name ends with.
      {"Il s’installe à Parisoù il suit les cours du lycée.\n",
       "Il s’installe à Paris où il suit les cours du lycée.\n", "joins.glued-words"},
      {"La route traverse la vallée de la Margareeavant de longer le lac.\n",
       "La route traverse la vallée de la Margaree avant de longer le lac.\n",
       "joins.glued-words"},
      // An institution after its article.
      {"La réforme est approuvée par la Chambredes députés.\n",
       "La réforme est approuvée par la Chambre des députés.\n", "joins.glued-words"},
      {"Il siège au Parlementeuropéen depuis 2019.\n",
       "Il siège au Parlement européen depuis 2019.\n", "joins.glued-words"},
      // Coordinations: two persons, two verbs after a complement.
      {"Il tourne un film avec Marlon Brandoet Jack Nicholson.\n",
       "Il tourne un film avec Marlon Brando et Jack Nicholson.\n", "joins.glued-words"},
      {"Après la guerre il va à New Yorket commence une carrière.\n",
       "Après la guerre il va à New York et commence une carrière.\n", "joins.glued-words"},
      // A first name and a particle before a surname.
      {"Il est le frère de Georgesde Traz.\n", "Il est le frère de Georges de Traz.\n",
       "joins.glued-words"},
      // A long determiner at a sentence start.
      {"Certainscourtiers permettent de l’automatiser.\n",
       "Certains courtiers permettent de l’automatiser.\n", "joins.glued-words"},
  };
  for (const Case& c : kCases) expect_fixed(c);
}

TEST(Joins, GluedWordsLeavesRareNamesWithoutEvidenceAlone) {
  static const char* kKeep[] = {
      // Surnames in -et and -est before a verb, a determiner or a capital.
      "Christine Cochet est une actrice et Louis Gardet un islamologue.\n",
      "Il part pour Somerset le lendemain.\n",
      "L’opération Market Garden a échoué.\n",
      "Le corridor du sud-ouest (Southwest Corridor) a ouvert en 2000.\n",
      // Latin names: the word after is not French.
      "Deux espèces (Eurylaime vert et Galerida malabarica) sont menacées.\n",
      // "l'" does not show that the adjective agrees.
      "Le père de Chuck lui enlève l’Intersecret de la tête.\n",
      // A bird: a colour adjective of five letters.
      "La Gorgebleue est un passereau.\n",
      // A place, not "vers ailles".
      "Il faut tourner à gauche quand on vient de versailles.\n",
      // Between two words French does not know, a foreign word.
      "La Critique de la raison pure (Kritik der reinen Vernunft) est une œuvre de Kant.\n",
  };
  for (const char* k : kKeep) expect_kept(k, "joins.glued-words");
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

TEST(Typography, RunsOfCommasAreKept) {
  // Not a key struck twice: a drawn line, or the empty fields of data.
  static const char* kKeep[] = {
      "Il a tracé une ligne ,,,,,,,, sous le titre du chapitre.\n",
      "Les champs vides s'écrivent a,,,b dans ce fichier de données.\n",
  };
  for (const char* k : kKeep) expect_kept(k, "typography.doubled-punctuation");
}

// A fix that makes another one necessary gets both in the same run, as one
// finding that replays: cleaning the output again changes nothing.
TEST(Joins, AFixThatEnablesAnotherIsFinishedInOneRun) {
  PipelineOptions o;
  o.assume_damaged = true;
  auto p = testing::make_pipeline(o);
  const std::string text = "Il faut absolument teVoir avant le départ du train ce soir.\n";
  Result r;
  ASSERT_TRUE(p->run(Document{"t", text}, &r).ok());
  EXPECT_EQ(r.clean_text, "Il faut absolument te voir avant le départ du train ce soir.\n");
  size_t applied = 0;
  for (const Finding& f : r.findings) applied += f.status == FindingStatus::kApplied;
  EXPECT_EQ(applied, 1u);
  std::string replayed;
  ASSERT_TRUE(replay_findings(text, r.findings, &replayed).ok());
  EXPECT_EQ(replayed, r.clean_text);
  Result again;
  ASSERT_TRUE(p->run(Document{"t", r.clean_text}, &again).ok());
  EXPECT_EQ(again.clean_text, r.clean_text);
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
      // "Bien que", "Quel", "Beaucoup" open sentences too
      // (dictionaries/sentence-starters-fr.txt).
      {"Les portions étaient très généreuses Bien que le service soit lent, nous reviendrons.\n",
       "Les portions étaient très généreuses. Bien que le service soit lent, nous reviendrons.\n",
       "joins.dropped-period"},
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
      // A capitalised noun after its article.
      "Il a parlé du Bien commun devant la foule.\n",
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
