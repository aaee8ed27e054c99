// lexicon/name_matcher.h directly: the folded key, the weighted distance and
// the ranking of candidates over the repository's name table.
#include "lexicon/name_matcher.h"

#include <gtest/gtest.h>

#include <memory>
#include <random>
#include <stdexcept>

#include "test_support.h"

namespace retouche {
namespace {

const NameTable& repository_table() {
  static std::shared_ptr<const NameTable> table = [] {
    std::shared_ptr<const NameTable> t;
    Status st = NameTable::load(testing::source_dir() + "/corrections/names", &t);
    if (!st.ok()) throw std::runtime_error("name table: " + st.message());
    return t;
  }();
  return *table;
}

const NameMatcher& repository_matcher() {
  static NameMatcher m(repository_table());
  return m;
}

TEST(NameMatcher, KeyFoldsAccentsAndTransliterations) {
  // Pairs that only a transliteration or an accent tells apart share a key.
  static const char* kSame[][2] = {
      {"Azerbaïdjan", "azerbaijan"},  // the header's own example
      {"Égypte", "Egypte"},           // accents
      {"Djibouti", "Jibuti"},         // dj/j, ou/u
      {"Kharkiv", "Harkiv"},          // kh/h
      {"Philippines", "Filipines"},   // ph/f, doubled letters
      {"Zelensky", "Zelenskiy"},      // y/i, then doubled i
      {"Schwarz", "Shvarz"},          // sch/sh, w/v
      {"Québec", "Kebek"},            // qu/k, c/k
      {"Tallinn", "Talin"},           // doubled letters
      {"Tchad", "Chad"},              // tch/ch
  };
  for (const auto& c : kSame) {
    EXPECT_EQ(name_key(c[0]), name_key(c[1])) << c[0] << " / " << c[1];
  }
  EXPECT_EQ(name_key("Azerbaïdjan"), "azerbaijan");
  // Different names keep different keys.
  static const char* kDifferent[][2] = {
      {"Paris", "Perse"},
      {"Bakou", "Bach"},
      {"Moscou", "Mossoul"},
      {"Vienne", "Venise"},
  };
  for (const auto& c : kDifferent) {
    EXPECT_NE(name_key(c[0]), name_key(c[1])) << c[0] << " / " << c[1];
  }
}

TEST(NameMatcher, FoldAccentsOnlyLowercasesAndStripsAccents) {
  EXPECT_EQ(fold_accents("Égypte"), "egypte");
  EXPECT_EQ(fold_accents("Kharkiv"), "kharkiv");  // no transliteration folding
  EXPECT_EQ(fold_accents("Québec"), "quebec");
  EXPECT_EQ(fold_accents("Saint-Étienne"), "saintetienne");  // letters only
  EXPECT_NE(fold_accents("Tchad"), fold_accents("Chad"));
}

TEST(NameMatcher, PlainLettersDropDiacriticsWithoutSpellingThemOut) {
  EXPECT_EQ(plain_letters("Vučić"), "vucic");
  EXPECT_EQ(fold_accents("Vučić"), "vuchich");  // the transliterating fold
  EXPECT_EQ(plain_letters("Égypte"), "egypte");
  EXPECT_EQ(plain_letters("Łódź"), "lodz");
  EXPECT_NE(plain_letters("Vuchich"), plain_letters("Vučić"));
}

TEST(NameMatcher, SpuriousEndingsAndClustersCostLittle) {
  auto d = [](const char* a, const char* b) { return name_distance(name_key(a), name_key(b)); };
  // A garbled name often gains an ending: "-in", "-en", "-a", "-ane".
  EXPECT_LE(d("Kazanin", "Kazan"), 0.5);
  EXPECT_LE(d("Qataren", "Qatar"), 0.5);
  EXPECT_LT(d("Kazanin", "Kazan"), d("Kazpran", "Kazan"));  // not the same letters inside
  // An ending is not any three letters: consonants cost what they cost.
  EXPECT_GT(d("Kazantsk", "Kazan"), 1.0);
  // A consonant beside one it is confused with is cheap to add or drop ("kkh").
  EXPECT_LT(d("Bekkhmout", "Bakhmout"), d("Berkhmout", "Bakhmout"));
  // Long inputs (not names) still get a distance.
  std::string a(80, 'a'), b(70, 'a');
  EXPECT_GT(name_distance(a, b), 0.0);
}

TEST(NameMatcher, DistanceIsCheapForUsualConfusions) {
  auto d = [](const char* a, const char* b) { return name_distance(name_key(a), name_key(b)); };
  EXPECT_EQ(d("Erevan", "Erevan"), 0.0);
  EXPECT_EQ(d("Azerbaïdjan", "Azerbaijan"), 0.0);
  // A vowel or a j/y/i swap costs less than an unrelated letter.
  EXPECT_LT(d("Jarevan", "Erevan"), d("Tarevan", "Erevan"));
  EXPECT_LT(d("Bagu", "Bakou"), d("Bamu", "Bakou"));
  EXPECT_LT(d("Pionjang", "Pyongyang"), 1.0);
  // A spurious ending costs less than the same letters in the middle.
  EXPECT_LT(d("Kurskin", "Koursk"), d("Kuinrsk", "Koursk"));
  // Garbled forms are nearer their own name than a different one.
  EXPECT_LT(d("Jarevan", "Erevan"), d("Jarevan", "Téhéran"));
  EXPECT_LT(d("Varsoviana", "Varsovie"), d("Varsoviana", "Moscou"));
}

// name_within() stops early but answers as name_distance() <= limit, on
// either side of the limit and at it.
TEST(NameMatcher, WithinAgreesWithTheDistance) {
  static const char* kPairs[][2] = {
      {"Ramzam", "Ramzan"},   {"Sirgueï", "Sergueï"}, {"Jarevan", "Erevan"},   {"Kurskin", "Koursk"},
      {"Varsoviana", "Moscou"}, {"Emmanuel", "Emanuel"}, {"Bach", "Bakou"},     {"Pionjang", "Pyongyang"},
      {"Tokayev", "Tokaïev"}, {"Natalie", "Naftali"},  {"Erevan", "Erevan"},   {"Ab", "Abdelaziz"},
  };
  for (const auto& p : kPairs) {
    std::string a = name_key(p[0]), b = name_key(p[1]);
    double d = name_distance(a, b);
    for (double limit : {0.0, 0.3, 0.5, 1.0, 1.5, 3.0, d}) {
      EXPECT_EQ(name_within(a, b, limit), d <= limit) << p[0] << " / " << p[1] << " limit " << limit;
      // With the indel costs computed once (a word against every first name).
      EXPECT_EQ(name_within(CostedKey(a), CostedKey(b), limit), d <= limit) << p[0] << " / " << p[1];
    }
  }
  // A key too long for the weighted distance's stack takes the plain distance either way.
  std::string long_key(80, 'a'), other = long_key + "b";
  EXPECT_EQ(name_within(CostedKey(long_key), CostedKey(other), 1.0), name_within(long_key, other, 1.0));
  EXPECT_TRUE(name_within(CostedKey(long_key), CostedKey(other), 1.0));
}

// name_within(CostedKey, …) first compares the keys' letter counts and says
// "no" without the distance when they differ too much. Over many pairs made
// of the cheapest edits (vowels, 'h', i/j, spurious endings, repeats), it
// never says "no" where the distance is within the limit.
TEST(NameMatcher, LetterCountsNeverRefuseAPairWithinTheLimit) {
  std::mt19937 rng(11);
  const std::string letters = "aeiouhjinmszkgtdlr";
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  auto random_key = [&]() {
    std::string k;
    for (size_t n = 3 + pick(8); k.size() < n;) k.push_back(letters[pick(letters.size())]);
    return k;
  };
  auto mutate = [&](std::string k) {
    for (size_t edits = pick(6); edits > 0; --edits) {
      size_t at = pick(k.size() + 1);
      switch (pick(4)) {
        case 0: k.insert(at, 1, letters[pick(6)]); break;                    // a vowel or 'h'
        case 1: if (at < k.size()) k.erase(at, 1); break;
        case 2: if (at < k.size()) k[at] = letters[pick(letters.size())]; break;
        default: k += std::string("ainom").substr(0, 1 + pick(3)); break;    // a spurious ending
      }
    }
    return k.size() < 3 ? k + "an" : k;
  };
  int refused = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string a = random_key(), b = mutate(a);
    if (pick(2)) std::swap(a, b);
    double d = name_distance(a, b);
    for (double limit : {0.5, 1.0, 1.5, 2.5, d}) {
      bool within = name_within(CostedKey(a), CostedKey(b), limit);
      ASSERT_EQ(within, d <= limit) << a << " / " << b << " limit " << limit << " distance " << d;
      refused += !within;
    }
  }
  EXPECT_GT(refused, 1000);  // the pairs are not all within every limit
}

TEST(NameMatcher, RanksTheRightNameFirst) {
  // Garbles that are not in the table's variants.
  struct Case {
    const char* garbled;
    const char* canonical;
  };
  static const Case kCases[] = {
      {"Pionjang", "Pyongyang"},
      {"Varsoviana", "Varsovie"},
      {"Tihran", "Téhéran"},
      {"Bakhou", "Bakou"},
      {"Ukrainia", "Ukraine"},
      {"Lavrof", "Lavrov"},
      {"Makron", "Macron"},
      {"Jerivan", "Erevan"},
      // Found through the skeleton of the key (vowels, b/p/v/f, d/t, g/k, s/z... as one class)
      // or after a spurious ending.
      {"Masgou", "Moscou"},
      {"Kazanin", "Kazan"},
      {"Kwrskin", "Koursk"},
      {"Sébastobole", "Sébastopol"},
  };
  const NameMatcher& m = repository_matcher();
  for (const Case& c : kCases) {
    NameMatcher::Match r = m.match(c.garbled);
    ASSERT_TRUE(r.found()) << c.garbled;
    EXPECT_EQ(r.best.entry->canonical, c.canonical) << c.garbled;
    if (r.second.entry) {
      EXPECT_LE(r.best.distance, r.second.distance) << c.garbled;
    }
  }
}

TEST(NameMatcher, RankedListIsSortedWithOneEntryPerName) {
  NameMatcher::Match r = repository_matcher().match("Bagu");
  ASSERT_TRUE(r.found());
  EXPECT_EQ(r.best.entry->canonical, "Bakou");
  EXPECT_EQ(r.best.distance, 0.0);  // a listed variant is one of the indexed forms
  ASSERT_LE(r.ranked.size(), NameMatcher::kMaxCandidates);
  for (size_t i = 1; i < r.ranked.size(); ++i) {
    EXPECT_LE(r.ranked[i - 1].distance, r.ranked[i].distance);
    for (size_t j = 0; j < i; ++j)
      EXPECT_NE(r.ranked[i].entry->canonical, r.ranked[j].entry->canonical);
  }
  ASSERT_NE(r.second.entry, nullptr);
  EXPECT_NE(r.second.entry->canonical, r.best.entry->canonical);
}

TEST(NameMatcher, ExactFormsMatchAtZeroAndShortQueriesDoNot) {
  const NameMatcher& m = repository_matcher();
  EXPECT_GT(m.forms(), 1000u);
  NameMatcher::Match r = m.match("Kyiv");  // an accepted form
  ASSERT_TRUE(r.found());
  EXPECT_EQ(r.best.entry->canonical, "Kiev");
  EXPECT_EQ(r.best.distance, 0.0);
  EXPECT_FALSE(m.match("Ab").found());  // too short to guess
  EXPECT_FALSE(m.match("").found());
}

TEST(NameMatcher, TargetsRestrictTheProposedTables) {
  NameMatcher people(repository_table(), {"people.tsv"});
  NameMatcher::Match r = people.match("Pionjang");
  if (r.found()) {
    EXPECT_EQ(r.best.entry->file, "people.tsv");
    EXPECT_NE(r.best.entry->canonical, "Pyongyang");
  }
  EXPECT_LT(people.forms(), repository_matcher().forms());
}

TEST(NameMatcher, SmallTableFromText) {
  std::shared_ptr<const NameTable> t;
  ASSERT_TRUE(NameTable::from_text("Erevan\tcity\tYerevan|?Jrevan\t-\t-\n"
                                   "Téhéran\tcity\tTehran\tTeheran\t-\n",
                                   &t)
                  .ok());
  NameMatcher m(*t);
  NameMatcher::Match r = m.match("Tiheran");
  ASSERT_TRUE(r.found());
  EXPECT_EQ(r.best.entry->canonical, "Téhéran");
  ASSERT_NE(r.second.entry, nullptr);
  EXPECT_EQ(r.second.entry->canonical, "Erevan");
  EXPECT_LT(r.best.distance, r.second.distance);
  // Ambiguous variants are not indexed: Erevan, Yerevan, Téhéran, Tehran, Teheran.
  EXPECT_EQ(m.forms(), 5u);
}

}  // namespace
}  // namespace retouche
