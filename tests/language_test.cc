#include "text/language.h"

#include <gtest/gtest.h>

namespace retouche::text {
namespace {

struct Case {
  const char* text;
  const char* code;
};

TEST(Language, DetectsTheLanguageOfAParagraph) {
  static const Case kCases[] = {
      {"Le gouvernement a annoncé mardi une réforme des retraites qui suscite déjà la colère des "
       "syndicats, lesquels appellent à manifester dans toute la France la semaine prochaine.",
       "fr"},
      {"The government announced on Tuesday a pension reform that has already angered the unions, "
       "which are calling for demonstrations across the country next week.",
       "en"},
      {"Die Regierung hat am Dienstag eine Rentenreform angekündigt, die bereits den Zorn der "
       "Gewerkschaften erregt, die für nächste Woche zu Demonstrationen im ganzen Land aufrufen.",
       "de"},
  };
  for (const Case& c : kCases) {
    LanguageGuess g = detect_language(c.text);
    EXPECT_EQ(g.code, c.code) << c.text;
    EXPECT_TRUE(g.reliable) << c.text;
  }
}

TEST(Language, AFrenchDocumentWithAnEnglishQuoteIsFrench) {
  LanguageGuess g = detect_language(
      "Le ministre a répondu aux journalistes pendant plus d'une heure. Interrogé sur la crise, il "
      "a cité un proverbe anglais, « better late than never », avant de revenir sur les chiffres "
      "du chômage, qui ont encore augmenté au dernier trimestre selon l'Insee.");
  EXPECT_EQ(g.code, "fr");
  EXPECT_GE(g.french_percent, 80);
}

TEST(Language, AMixedDocumentReportsTheShareOfFrench) {
  LanguageGuess g = detect_language(
      "The committee met on Monday to discuss the budget for next year and the members agreed to "
      "postpone the vote until the report of the auditors is published in the spring. "
      "Le comité s'est réuni lundi pour discuter du budget de l'année prochaine et ses membres ont "
      "décidé de reporter le vote jusqu'à la publication du rapport des auditeurs au printemps.");
  EXPECT_GT(g.french_percent, 30);
  EXPECT_LT(g.french_percent, 70);
}

TEST(Language, NothingToSayOnEmptyOrInvalidText) {
  EXPECT_EQ(detect_language("").code, "un");
  EXPECT_FALSE(detect_language("").reliable);
  EXPECT_EQ(detect_language("caf\xC3").code, "un");
}

}  // namespace
}  // namespace retouche::text
