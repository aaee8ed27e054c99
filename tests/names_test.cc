// names.* through the whole pipeline: garbled and foreign spellings of names
// corrected to the table's French form, and correct French left byte for byte.
#include <gtest/gtest.h>

#include <map>

#include "test_support.h"

namespace retouche {
namespace {

using testing::clean;

// The finding of `rule` whose original bytes are `original`, or null.
const Finding* find(const Result& r, const std::string& rule, const std::string& original) {
  for (const Finding& f : r.findings) {
    if (f.rule == rule && f.original == original) return &f;
  }
  return nullptr;
}

std::string names_findings(const Result& r) {
  std::string s;
  for (const Finding& f : r.findings) {
    if (rule_family(f.rule) != "names") continue;
    s += f.rule + " \"" + f.original + "\" -> \"" + f.replacement + "\"; ";
  }
  return s;
}

TEST(Names, VariantsBecomeCanonical) {
  struct Case {
    std::string input, expected, variant, canonical;
  };
  static const Case kCases[] = {
      {"Le président Volodimir Jelensky est arrivé.\n",
       "Le président Volodymyr Zelensky est arrivé.\n", "Volodimir Jelensky",
       "Volodymyr Zelensky"},  // two words corrected whole
      {"Les délégués sont arrivés à Jarevan hier.\n", "Les délégués sont arrivés à Erevan hier.\n",
       "Jarevan", "Erevan"},
      {"De nombreux Azerbaïdjanos vivent ici.\n", "De nombreux Azerbaïdjanais vivent ici.\n",
       "Azerbaïdjanos", "Azerbaïdjanais"},  // a demonym after a quantifier
      {"Selon l'agence Rosia Secotnia, le sommet aura lieu.\n",
       "Selon l'agence Rossiya Segodnya, le sommet aura lieu.\n", "Rosia Secotnia",
       "Rossiya Segodnya"},
      {"Il est rentré de Moskau lundi.\n", "Il est rentré de Moscou lundi.\n", "Moskau", "Moscou"},
      {"Le ministre Sergui Lavrov a parlé.\n", "Le ministre Sergueï Lavrov a parlé.\n", "Sergui",
       "Sergueï"},  // a first name before a surname the table knows
      // "à" between a work noun and the name: no title ("l'opéra à Kiew").
      {"Il construit un théâtre d'opéra à Kiew.\n", "Il construit un théâtre d'opéra à Kiev.\n",
       "Kiew", "Kiev"},
      // "de" after a French name is no particle inside a foreign one.
      {"Les Championnats d'Europe de München ont eu lieu.\n",
       "Les Championnats d'Europe de Munich ont eu lieu.\n", "München", "Munich"},
      // An endonym (CLDR, the country's official language).
      {"Un vol reliant Warszawa à Moscou a été annulé.\n",
       "Un vol reliant Varsovie à Moscou a été annulé.\n", "Warszawa", "Varsovie"},
  };
  for (const Case& c : kCases) {
    Result r = clean(c.input);
    EXPECT_EQ(r.clean_text, c.expected) << c.input;
    const Finding* f = find(r, "names.variant", c.variant);
    ASSERT_NE(f, nullptr) << c.input << names_findings(r);
    EXPECT_EQ(f->replacement, c.canonical);
    EXPECT_EQ(f->applicability, Applicability::kSafe);
    EXPECT_EQ(f->status, FindingStatus::kApplied);
    EXPECT_EQ(f->stage, Stage::kTokens);
    EXPECT_EQ(c.input.substr(f->begin, f->end - f->begin), c.variant);
  }
}

TEST(Names, VariantSpanPointsIntoTheOriginalText) {
  // A zero-width space removed earlier (normalize) must not shift the span.
  const std::string input =
      "Titre\nDéjà, à Mos\xE2\x80\x8B"
      "cou puis à Jarevan.\n";
  Result r = clean(input);
  EXPECT_EQ(r.clean_text, "Titre\nDéjà, à Moscou puis à Erevan.\n");
  const Finding* f = find(r, "names.variant", "Jarevan");
  ASSERT_NE(f, nullptr) << names_findings(r);
  EXPECT_EQ(f->begin, input.find("Jarevan"));
  EXPECT_EQ(f->end, f->begin + 7);
  EXPECT_EQ(f->line, 2u);
  EXPECT_EQ(f->column, 24u);    // code points, the zero-width space included
  EXPECT_EQ(f->cp_begin, 29u);  // "Titre\n" is 6 code points
  EXPECT_EQ(f->cp_end, 36u);
}

TEST(Names, ForeignSpellingInsideAForeignNameIsKept) {
  // Moscow, Italia, Persia, Ethiopian, Aleksandr are table variants, but here
  // they belong to another proper name.
  static const char* kKeep[] = {
      "Le journal The Moscow Times a publié l'article.\n",
      "Il a remporté la Coppa Italia.\n",
      "Le jeu Prince of Persia est sorti.\n",
      "Le vol Ethiopian Airlines a atterri.\n",
      "Aleksandr Mostovoï a joué.\n",  // a first name before a surname the table does not know
      "Le président Vladimir Poutine a parlé.\n",         // Vladimir is not Volodymyr
      "Il rejoint l'United States Air Force en 1950.\n",  // "Air" is no name of its own
      "Il joue au Bayern Munich depuis 2010.\n",          // a club (organisations.tsv)
      // the original name glossed after the French one; a word quoted as a word
      "Elle vit à Andorre-la-Vieille (Andorra la Vella) depuis 1990.\n",
      "Le nom du canton, « Thurgau », signifie autre chose.\n",
      // another place of that name, located; a former name, given as such
      "Il est né près de Petersburg, Virginie, en 1792.\n",
      "Il est enterré à Helsingfors (aujourd'hui Helsinki).\n",
  };
  for (const char* k : kKeep) {
    Result r = clean(k);
    EXPECT_EQ(r.clean_text, k) << names_findings(r);
  }
}

TEST(Names, FuzzyFixesAnUnknownNameCloseToOne) {
  struct Case {
    std::string input, expected, garbled;
  };
  static const Case kCases[] = {
      {"Il est allé à Pionjang.\n", "Il est allé à Pyongyang.\n", "Pionjang"},
      {"Il est arrivé à Varsoviana hier.\n", "Il est arrivé à Varsovie hier.\n", "Varsoviana"},
      {"Il est allé à Tihran.\n", "Il est allé à Téhéran.\n", "Tihran"},
      {"Le président Makron a parlé.\n", "Le président Macron a parlé.\n", "Makron"},
      {"Le ministre Lavrof a parlé.\n", "Le ministre Lavrov a parlé.\n", "Lavrof"},
      {"Il est allé en Ukrainia.\n", "Il est allé en Ukraine.\n", "Ukrainia"},
      // A spurious ending ("-in") and letters only a skeleton match finds.
      {"La municipalité de Kazanin a décrété un deuil.\n",
       "La municipalité de Kazan a décrété un deuil.\n", "Kazanin"},
      {"Un vol reliant Tachkend à Moscou a été annulé.\n",
       "Un vol reliant Tachkent à Moscou a été annulé.\n", "Tachkend"},
      // A foreign transliteration is not an accent left out: Vuchich is not Vučić written plainly.
      {"Le président serbe Aleksandar Vuchich est arrivé.\n",
       "Le président serbe Aleksandar Vučić est arrivé.\n", "Vuchich"},
      // A first name of two words before the surname.
      {"Recep Tayyip Erdohan a parlé hier.\n", "Recep Tayyip Erdoğan a parlé hier.\n", "Erdohan"},
      // An English form that differs from the French one by more than accents.
      {"Elle rivalise avec l'Égypt.\n", "Elle rivalise avec l'Égypte.\n", "Égypt"},
      {"La frontière entre l'Iram et la Turquie est fermée.\n",
       "La frontière entre l'Iran et la Turquie est fermée.\n", "Iram"},
      // After the person's own first name, a place is no rival (Pskov).
      {"Le porte-parole du Kremlin Dmitri Paskov a parlé.\n",
       "Le porte-parole du Kremlin Dmitri Peskov a parlé.\n", "Paskov"},
  };
  for (const Case& c : kCases) {
    Result r = clean(c.input);
    EXPECT_EQ(r.clean_text, c.expected) << c.input;
    const Finding* f = find(r, "names.fuzzy", c.garbled);
    ASSERT_NE(f, nullptr) << c.input << names_findings(r);
    EXPECT_EQ(f->status, FindingStatus::kApplied);
    EXPECT_GT(f->confidence, 0.0);
    EXPECT_LT(f->confidence, 1.0);  // a guess is never certain
    EXPECT_EQ(c.input.substr(f->begin, f->end - f->begin), c.garbled);
  }
}

TEST(Names, LocatedPlaceIsOnlyProposed) {
  // "à Osaki, dans la préfecture de Miyagi": a place located by what follows
  // is a small place of its own more often than a famous one garbled.
  const std::string input = "Ils ont été blessés à Osaki, dans la préfecture de Miyagi.\n";
  Result r = clean(input);
  EXPECT_EQ(r.clean_text, input);
  if (const Finding* f = find(r, "names.fuzzy", "Osaki")) {
    EXPECT_NE(f->status, FindingStatus::kApplied);
  }
}

TEST(Names, NoCityAfterAnArticle) {
  // French gives an article to a country or a region, not to a city: "la
  // Balue" is not Bâle (at most a region is proposed).
  const std::string input = "Elle vit à la Balue depuis dix ans.\n";
  Result r = clean(input);
  EXPECT_EQ(r.clean_text, input);
  for (const Finding& f : r.findings) EXPECT_NE(f.replacement, "Bâle") << names_findings(r);
}

TEST(Names, AmbiguousCountryAfterAFrenchPreposition) {
  // ?Morocco is an English word (morocco leather); after "au" it is the country.
  Result r = clean("Il apporte son soutien au Morocco depuis longtemps.\n");
  EXPECT_EQ(r.clean_text, "Il apporte son soutien au Maroc depuis longtemps.\n");
  // Elsewhere it still needs the document's support.
  Result keep = clean("La reliure en cuir Morocco est belle.\n");
  EXPECT_EQ(keep.clean_text, "La reliure en cuir Morocco est belle.\n");
  const Finding* f = find(keep, "names.variant", "Morocco");
  ASSERT_NE(f, nullptr) << names_findings(keep);
  EXPECT_EQ(f->applicability, Applicability::kSuggested);
}

TEST(Names, FuzzyLeavesLowercaseAndKnownWordsAlone) {
  static const char* kKeep[] = {
      "Il est allé à pioniang.\n",  // lowercase: not a name
      "il parle de jarevan.\n",
      "Bague en or, cadeau de Noël.\n",  // a French word, close to Bagu
      "Tours, Vienne et Orange sont des villes.\n",
      "Parisien, il vit à Grasse.\n",
      "Elle vit à Bagneux et à Bagnolet.\n",
      "Il habite à Sète, à Agde et à Uzès.\n",
      "Il vit à Concarneau, à Douarnenez et à Landerneau.\n",
      "Les Ukrainiens et les Russes négocient.\n",
      "Il parle azerbaijani.\n",  // a demonym variant, but no French noun phrase
      // French communes no name table holds, close to a foreign city
      // (dictionaries/places-fr-communes.dic knows them).
      "Il vit à Ploërmel, puis à Barcelonnette.\n",
      "Ils sont passés à Chinon, à Modane et à Sisteron.\n",
      // Real towns of the world no table holds (corrections/names/world-places.txt).
      "Il est né à Lankaran en 1950.\n",
      "Elle se rencontre à Tonghua.\n",
      "Il a conquis la province de León.\n",
      // "à" before a person: "demander à quelqu'un de".
      "Bush demanda à Noriega de respecter la loi.\n",
      // "les" calls for a plural name: the Rockies are not Russia.
      "Il joue avec les Rockies de Denver.\n",
      // A word and a capital letter make one name.
      "Il débute en Serie A en 1929.\n",
      // An apostrophe inside a word is a foreign spelling, not a garble.
      "Il a vu la ria du Loc'h hier.\n",
      // A real first name before a surname of the table is somebody else's.
      "Natalie Bennett a parlé.\n",
  };
  for (const char* k : kKeep) {
    Result r = clean(k);
    EXPECT_EQ(r.clean_text, k) << names_findings(r);
    EXPECT_EQ(names_findings(r), "") << k;
  }
}

TEST(Names, RealRareNamesAreNotGuessed) {
  // Real names no table holds, close to one that a table holds: never guessed into it
  // (corrections/names/world-names.txt, from wamerican-huge, iso-codes and tzdata).
  static const char* const kKeep[] = {
      "Il est allé à Sinaloa hier.\n",  // a Mexican state, not Chine
      "Le chancelier Kohl a parlé.\n",  // not Kahl
      "Il est allé à Triesen hier.\n",  // Liechtenstein, not Trieste
      "Il est allé à Lezha hier.\n",    // Albania, not Liège
  };
  for (const char* k : kKeep) {
    Result r = clean(k);
    EXPECT_EQ(r.clean_text, k) << names_findings(r);
    EXPECT_EQ(names_findings(r), "") << k;
  }
}

TEST(Names, ConsistencyFollowsTheDocumentsEvidence) {
  // Bakou garbled twice: "Bach" in the same document is the same city.
  Result r = clean("Les délégués sont arrivés à Bagu puis à Baghu. Le maire de Bach a parlé.\n");
  EXPECT_EQ(r.clean_text,
            "Les délégués sont arrivés à Bakou puis à Bakou. Le maire de Bakou a parlé.\n");
  const Finding* f = find(r, "names.consistency", "Bach");
  ASSERT_NE(f, nullptr) << names_findings(r);
  EXPECT_EQ(f->replacement, "Bakou");
  EXPECT_EQ(f->status, FindingStatus::kApplied);

  // Without such evidence Bach stays Bach; with it, Bach read as a person
  // or a work stays too.
  static const char* kKeep[] = {
      "la musique de Bach est belle.\n",
      "Le maire de Bach a parlé.\n",
      "Les délégués sont arrivés à Bagu puis à Baghu. Jean-Sébastien Bach était allemand.\n",
      "Les délégués sont arrivés à Bagu puis à Baghu. On joue du Bach.\n",
  };
  for (const char* k : kKeep) {
    Result keep = clean(k);
    EXPECT_EQ(find(keep, "names.consistency", "Bach"), nullptr) << k << names_findings(keep);
  }
}

TEST(Names, AcceptedSpellingBesideTheCanonicalOneIsKept) {
  // Tokaïev is the table's canonical form, Tokayev and Tokaev accepted ones;
  // Tbilissi and Tbilisi likewise. Both are correct French: a document that
  // writes both keeps both (names.house-spelling, off by default, unifies).
  static const char* kKeep[] = {
      "Tokayev a rencontré Tokaïev.\n",
      "Le président Kassym-Jomart Tokaïev a reçu Poutine. Tokayev a ensuite parlé.\n",
      "Le président Tokayev et Tokaev.\n",
      "Il est arrivé à Tbilisi, puis il a quitté Tbilissi.\n",
  };
  for (const char* k : kKeep) {
    Result r = clean(k);
    EXPECT_EQ(r.clean_text, k);
    EXPECT_EQ(find(r, "names.consistency", "Tokayev"), nullptr) << names_findings(r);
  }
}

TEST(Names, AcceptedSpellingsKeptByDefault) {
  static const char* kKeep[] = {
      "Il vit à Kiev.\n",
      "Il vit à Kyiv.\n",
      "Le président Erdogan parle.\n",
      "Le président Erdoğan parle.\n",
      "Le Haut-Karabagh est disputé.\n",
      "Le Haut-Karabakh est disputé.\n",
      "Le président Tokayev est venu.\n",
      "Le président Aliyev est venu.\n",
  };
  for (const char* k : kKeep) {
    Result r = clean(k);
    EXPECT_EQ(names_findings(r), "") << k;
    EXPECT_EQ(r.clean_text, k);
  }
}

TEST(Names, HouseSpellingOnRequest) {
  PipelineOptions o;
  o.enable = {"names.house-spelling"};
  struct Case {
    std::string input, expected, accepted;
  };
  static const Case kCases[] = {
      {"Il vit à Kyiv.\n", "Il vit à Kiev.\n", "Kyiv"},
      {"Le Haut-Karabagh est disputé.\n", "Le Haut-Karabakh est disputé.\n", "Haut-Karabagh"},
      {"Le président Tokayev est venu.\n", "Le président Tokaïev est venu.\n", "Tokayev"},
      {"Le président Aliyev est venu.\n", "Le président Aliev est venu.\n", "Aliyev"},
      {"Le président Erdogan parle.\n", "Le président Erdoğan parle.\n", "Erdogan"},  // accents too
      {"Il vit à Kiev.\n", "Il vit à Kiev.\n", ""},  // already canonical
  };
  auto p = testing::make_pipeline(o);
  for (const Case& c : kCases) {
    Result r;
    ASSERT_TRUE(p->run(Document{"test", c.input}, &r).ok());
    EXPECT_EQ(r.clean_text, c.expected) << names_findings(r);
    if (!c.accepted.empty()) {
      EXPECT_NE(find(r, "names.house-spelling", c.accepted), nullptr) << c.input;
    }
  }
}

TEST(Names, RulesDescribeTheirLevel) {
  // What --list-rules shows: unknown words are only reported, house spelling is off.
  std::map<std::string, RuleDescription> rules;
  for (const RuleDescription& d : testing::default_pipeline().rules()) rules[d.id] = d;
  ASSERT_TRUE(rules.count("names.unknown") && rules.count("names.house-spelling"));
  EXPECT_EQ(rules["names.unknown"].applicability, Applicability::kReport);
  EXPECT_FALSE(rules["names.house-spelling"].enabled);
  for (const char* id : {"names.variant", "names.fuzzy", "names.consistency"}) {
    EXPECT_TRUE(rules[id].enabled) << id;
    EXPECT_EQ(rules[id].applicability, Applicability::kSafe) << id;
  }
}

TEST(Names, UnknownGarbleIsNeverChanged) {
  // No name is close to "Zyxwort": whatever is said about it, the text keeps it.
  const std::string input = "Le président Volodimir Jelensky a parlé de son influence à Zyxwort.\n";
  Result r = clean(input);
  EXPECT_EQ(r.clean_text, "Le président Volodymyr Zelensky a parlé de son influence à Zyxwort.\n");
  // It is pointed out to the reviewer, and only that.
  const Finding* f = find(r, "names.unknown", "Zyxwort");
  ASSERT_NE(f, nullptr) << names_findings(r);
  EXPECT_EQ(f->applicability, Applicability::kReport);
  EXPECT_NE(f->status, FindingStatus::kApplied);
  EXPECT_EQ(f->replacement, "Zyxwort");
}

TEST(Names, CorrectFrenchStaysByteIdentical) {
  const std::string input =
      "Emmanuel Macron a quitté Paris mardi pour Bruxelles, avant de rejoindre Moscou puis "
      "Saint-Pétersbourg.\n"
      "Le maire de Tulle a rencontré celui de Quimperlé ; la préfecture de la Corrèze a confirmé.\n"
      "À Lyon, Marseille et Strasbourg, les élus ont salué le voyage du président Macron.\n"
      "La musique de Bach et les toiles de Monet étaient au programme, avec le Nil.\n"
      "Le général de Gaulle et Victor Hugo sont cités ; la Loire et la Seine ont débordé.\n"
      "Il est arrivé à Bar-le-Duc puis à Aurillac, à Mende, à Foix et à Privas.\n"
      "Il a lu Balzac, Zola et Maupassant à Rouen, puis visité Cahors, Rodez et Millau.\n";
  Result r = clean(input);
  EXPECT_EQ(r.clean_text, input);
  EXPECT_TRUE(r.findings.empty()) << names_findings(r);
}

TEST(Names, SecondPassFindsNothingMore) {
  // The cleaned text of a garbled document is stable.
  Result first = clean(
      "Le président Volodimir Jelensky est arrivé à Jarevan. Les délégués de Bagu et de Baghu, "
      "puis Tokayev et Tokaïev, sont partis à Pionjang.\n");
  EXPECT_EQ(
      first.clean_text,
      "Le président Volodymyr Zelensky est arrivé à Erevan. Les délégués de Bakou et de Bakou, "
      "puis Tokayev et Tokaïev, sont partis à Pyongyang.\n");
  Result second = clean(first.clean_text);
  EXPECT_EQ(second.clean_text, first.clean_text);
  // Nothing more is applied.
  for (const Finding& f : second.findings) {
    EXPECT_NE(f.status, FindingStatus::kApplied) << names_findings(second);
  }
}

TEST(Names, GluedWordIsNotAGarbledName) {
  // "Sudjeudi" is "Sud" and "jeudi" without their space, not a garble of
  // "Suède": the guess is at most proposed, never applied on its own.
  const std::string glued = "Il a annoncé à l'Afrique du Sudjeudi dernier lors du sommet.\n";
  Result r = clean(glued);
  EXPECT_EQ(r.clean_text, glued);
  if (const Finding* f = find(r, "names.fuzzy", "Sudjeudi")) {
    EXPECT_EQ(f->applicability, Applicability::kSuggested) << names_findings(r);
  }

  // A garble that merely contains a word ("Mac" + "ronge") is still corrected.
  EXPECT_EQ(clean("Le président Emmanuel Macronge a parlé.\n").clean_text,
            "Le président Emmanuel Macron a parlé.\n");
}

}  // namespace
}  // namespace retouche
