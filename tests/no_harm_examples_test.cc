// Real text that retouche must leave alone, one class of the do-no-harm issue
// per table, with examples found in real edited news, books, pages and
// machine-translated posts. Every rule sees each example as in a damaged
// document (testing::clean treats every document as damaged), so these test
// the rules' own judgement, not the document gate.
#include <gtest/gtest.h>

#include "test_support.h"

namespace retouche {
namespace {

using testing::clean;

std::string applied(const Result& r) {
  std::string out;
  for (const Finding& f : r.findings) {
    if (f.status == FindingStatus::kApplied) out += f.rule + ": " + f.original + " -> " + f.replacement + "\n";
  }
  return out;
}

void expect_unchanged(const char* const* cases, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    Result r = clean(cases[i]);
    EXPECT_EQ(r.clean_text, cases[i]) << applied(r);
  }
}

TEST(NoHarm, AcceptedAndForeignContextSpellingsStay) {
  static const char* kCases[] = {
      "Le discours de Rosa Luxemburg a été publié en 1915.\n",
      "Le philosophe Harry G. Frankfurt a écrit un essai célèbre.\n",
      "Elle a travaillé pour Citizens for a Free Kuwait à Washington.\n",
      "Le bureau de la Europa - Union Deutschland (EUD) a publié un appel.\n",
      "La délégation est arrivée hier à Tbilisi pour des entretiens.\n",
      "Il est arrivé à Tbilisi, puis il a quitté Tbilissi.\n",
  };
  expect_unchanged(kCases, std::size(kCases));
}

TEST(NoHarm, NamesAreNotLowercased) {
  static const char* kCases[] = {
      "Le gouvernement Harper a présenté son budget mardi.\n",
      "Un article signé Ariane Chemin raconte cette histoire.\n",
      "La capsule SpaceX Dragon s'est amarrée à la station.\n",
      "Le Pays d'Auge est une région naturelle de Normandie.\n",
  };
  expect_unchanged(kCases, std::size(kCases));
}

TEST(NoHarm, ListsOfPlaceNamesAreNotTitleCase) {
  static const char* kCases[] = {
      "- 20 Mars-Paris/Fontaine des Innocents - 21 Mars-La Rochelle - 8 Avril-Paris / Gare de l’Est\n",
  };
  expect_unchanged(kCases, std::size(kCases));
}

TEST(NoHarm, APlaceNameAfterAPersonsTitleIsASurname) {
  static const char* kCases[] = {
      "Il a rencontré hier le ministre des Affaires étrangères Maas à Berlin.\n",
  };
  expect_unchanged(kCases, std::size(kCases));
  // Not when a verb stands between: "Moskau" is then the place.
  EXPECT_EQ(clean("Le président a visité Moskau hier.\n").clean_text, "Le président a visité Moscou hier.\n");
}

TEST(NoHarm, BrandAndTechnicalTokensStay) {
  static const char* kCases[] = {
      "Elle partage ses photos sur Pinterest depuis des années.\n",
      "Le document est rédigé avec LaTeX et compilé en PDF.\n",
      "Le quartier NoMa de Washington attire de nouveaux habitants.\n",
      "Lisez le fichier README.Debian avant de configurer le paquet.\n",
      "La directive Order deny,allow reste valable dans Apache.\n",
      "Utilisez les options {paranoid,server} pour ce profil.\n",
      "Remontez d'un répertoire avec la commande cd .. puis relancez.\n",
      "Ces correctifs ont été rétroportés dans la version stable.\n",
      "Pour certains fritzen la guerre ne finit jamais.\n",
  };
  expect_unchanged(kCases, std::size(kCases));
}

TEST(NoHarm, NoSentenceEndIsInvented) {
  static const char* kCases[] = {
      "Donald Trump appelle Kim Un « voyou » dans un tweet.\n",
      // A capital left by a lost link is not a sentence start ("plus" is
      // also a form of "plaire": no verb follows).
      "La coopération de Pyongyang avec Moscou a été renforcée Encore plus depuis lors.\n",
      // Capitals left by machine translation (real MT posts): no clause
      // ends before them.
      "La figure de proue des syndicats était Les « Nuits debout » du printemps.\n",
      "Dans la ville Il ya des actions contre la réforme.\n",
  };
  expect_unchanged(kCases, std::size(kCases));
}

TEST(NoHarm, RareRealNamesAreNotGuessedIntoTableNames) {
  static const char* kCases[] = {
      "Mélinée Manouchian a témoigné devant le tribunal.\n",
      "Les cartels de Sinaloa contrôlent le trafic dans la région.\n",
      "La mission de la Monusco a été prolongée par le Conseil de sécurité.\n",
      "L'équipe utilise Slack pour communiquer.\n",
      "Les plongeurs ont exploré l'île de Tioman en Malaisie.\n",
  };
  expect_unchanged(kCases, std::size(kCases));
}

}  // namespace
}  // namespace retouche
