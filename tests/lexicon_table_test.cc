// The lexicon table (src/lexicon/lexicon_table.*) answers as Hunspell does:
// on a small dictionary using what fr_FR uses (long flags, two suffix
// levels, prefixes with continuation classes, conditions, NEEDAFFIX,
// KEEPCASE, FORBIDDENWORD, elision prefixes), every form and every
// substring, case variant and near miss of it gets the same answer from the
// table (found, or refused when decides()) as from Hunspell's spell(). Also:
// the cache file is built once, mapped afterwards, rebuilt when the
// dictionary changes.
#include <gtest/gtest.h>
#include <hunspell/hunspell.hxx>
#include <sys/stat.h>
#include <utime.h>

#include <memory>
#include <set>
#include <string>

#include "core/utf8.h"
#include "lexicon/analysis_bits.h"
#include "lexicon/lexicon.h"
#include "lexicon/lexicon_table.h"
#include "test_support.h"
#include "text/chars.h"

namespace retouche {
namespace {

using testing::TempDir;

const char* kAff = R"(SET UTF-8
FLAG long
NEEDAFFIX ()
FORBIDDENWORD {}
KEEPCASE ||
BREAK 2
BREAK -
BREAK '$

PFX L' Y 2
PFX L' 0 l' [aeiouéh] dp:le+
PFX L' 0 d' [aeiouéh] dp:de+

PFX Re Y 2
PFX Re 0 re/S. [^aeiou] po:pfx
PFX Re 0 ré [aeiou] po:pfx

SFX S. Y 2
SFX S. 0 0/L' [^sx] is:sg
SFX S. 0 s/L' [^sx] is:pl

SFX a0 Y 6
SFX a0 er er/L' er po:infi
SFX a0 er e er po:ipre po:3sg
SFX a0 er ons er po:ipre po:1pl
SFX a0 er é/S. er po:ppas
SFX a0 er ée/S. er po:ppas
SFX a0 ger geons ger po:ipre po:1pl

SFX Xx Y 1
SFX Xx al aux al po:nom is:pl
)";

const char* kDic = R"(12
maison/S.L'() po:nom is:fem
chanter/a0Re po:v1
manger/a0 po:v1
cheval/S.Xx po:nom is:mas
Paris/L' po:npr
avec po:mg po:prep
iPhone po:nom
ONU po:nom
macOS/|| po:nom
ville/S.() po:nom
Ville/{} po:nom
été/S.L' po:nom
)";

struct Dict {
  TempDir dir;
  std::string aff = dir / "mini.aff", dic = dir / "mini.dic";
  Dict() {
    testing::write(aff, kAff);
    testing::write(dic, kDic);
  }
};

// Every substring of every form, their case variants and a few edits.
std::set<std::string> queries(const LexiconTable& t) {
  std::set<std::string> q;
  for (std::string_view f : t.forms()) {
    std::u32string u;
    size_t i = 0;
    while (i < f.size()) u.push_back(utf8::decode(f, i));
    for (size_t b = 0; b < u.size(); ++b) {
      for (size_t e = b + 1; e <= u.size(); ++e) {
        std::string s;
        for (size_t k = b; k < e; ++k) utf8::append(s, u[k]);
        q.insert(s);
        q.insert(text::lower(s));
        q.insert(text::capitalize_first(s));
        q.insert(s + "s");
        q.insert("x" + s);
      }
    }
  }
  for (const char* extra : {"chanterons", "rechanter", "rechanté", "réécouter", "mangeons", "mangons",
                            "chevaux", "chevals", "Chevaux", "MAISON", "Maison", "maisons", "Ville",
                            "ville", "villes", "Villes", "macos", "Macos", "MacOS", "iphone", "Iphone",
                            "onu", "Onu", "paris", "Paris", "Avec", "avec", "AVEC", "Été", "été", "Étés"}) {
    q.insert(extra);
  }
  return q;
}

TEST(LexiconTable, AnswersAsHunspellDoes) {
  Dict d;
  Status st;
  auto t = LexiconTable::open(d.aff, d.dic, "", &st, 1);
  ASSERT_TRUE(t) << st.message();
  EXPECT_EQ(t->origin(), "memory");
  Hunspell h(d.aff.c_str(), d.dic.c_str());
  size_t decided = 0;
  for (const std::string& q : queries(*t)) {
    LexiconTable::Answer a = t->find(q);
    bool accepted = false;
    if (!t->spell(q, &accepted)) continue;
    ++decided;
    EXPECT_EQ(accepted, a.found) << q;  // this dictionary forbids a word: no BREAK answers
    EXPECT_EQ(a.found, h.spell(q)) << q;
    if (a.found) {
      EXPECT_EQ(a.bits, word::kKnown | analysis_bits(h, q)) << q;
    }
  }
  EXPECT_GT(decided, 1000u);
  // Forms only a prefix, a second suffix or a capital gives.
  for (const char* w : {"rechanter", "rechantés", "chantée", "chantées", "chevaux", "Maisons", "Chanter"}) {
    EXPECT_TRUE(t->find(w).found) << w;
  }
  // NEEDAFFIX stems stand alone through the empty suffix; FORBIDDENWORD and
  // KEEPCASE forms are refused as Hunspell refuses them.
  EXPECT_EQ(t->find("ville").found, h.spell(std::string("ville")));
  EXPECT_EQ(t->find("Ville").found, h.spell(std::string("Ville")));
  EXPECT_FALSE(t->find("Macos").found);
}

// A dictionary that breaks words as fr_FR does: "-" in its BREAK table
// beside entries no word of letters holds, FORBIDDENWORD declared but used
// by no word, and hyphenated stems ("peut-être", "États-Unis").
const char* kBreakAff = R"(SET UTF-8
FLAG long
FORBIDDENWORD {}
KEEPCASE ||
BREAK 5
BREAK -
BREAK .
BREAK ^'
BREAK '$
BREAK ’$

SFX S. Y 2
SFX S. 0 0 [^sx] is:sg
SFX S. 0 s [^sx] is:pl
)";

const char* kBreakDic = R"(11
maison/S. po:nom is:fem
ville/S. po:nom is:fem
nord po:nom
coréen/S. po:adj
peut-être po:adv
États-Unis po:npr
porte-avion/S. po:nom
Paris po:npr
unis po:adj
état/S. po:nom
macOS/|| po:nom
)";

// Words of two sides joined by a hyphen: the table answers as Hunspell's
// BREAK does, for every pair of forms and near misses, in every case shape.
TEST(LexiconTable, HyphenatedWordsAnswerAsHunspellBreaksThem) {
  TempDir dir;
  std::string aff = dir / "break.aff", dic = dir / "break.dic";
  testing::write(aff, kBreakAff);
  testing::write(dic, kBreakDic);
  Status st;
  auto t = LexiconTable::open(aff, dic, "", &st, 1);
  ASSERT_TRUE(t) << st.message();
  Hunspell h(aff.c_str(), dic.c_str());
  std::vector<std::string> sides;
  for (std::string_view f : t->forms()) {
    if (f.find('-') == std::string_view::npos) sides.emplace_back(f);
  }
  for (const char* extra : {"xyz", "Xyz", "nords", "NORD", "MAISON", "macos", "Macos", "Peut", "être", "a", "A", "É"}) {
    sides.emplace_back(extra);
  }
  size_t decided = 0, accepted_by_break = 0;
  auto ask = [&](const std::string& q) {
    bool accepted = false;
    if (!t->spell(q, &accepted)) return;
    ++decided;
    bool hs = h.spell(q);
    EXPECT_EQ(accepted, hs) << q;
    accepted_by_break += hs && !t->find(q).found;
  };
  for (const std::string& a : sides) {
    for (const std::string& b : sides) ask(a + "-" + b);
  }
  for (std::string_view f : t->forms()) {
    std::string s(f);
    ask(s);
    ask(text::lower(s));
    ask(s + "s");
  }
  for (const char* w : {"états-unis", "États-unis", "peut-Être", "Peut-être", "porte-avions", "Porte-Avions",
                        "nord-coréens", "Nord-Coréens", "NORD-CORÉENS", "Nord-CORÉENS", "A-B", "a-B"}) {
    ask(w);
  }
  EXPECT_GT(decided, 300u);
  EXPECT_GT(accepted_by_break, 50u);
  // The dictionary's own hyphenated forms are held, with their analysis.
  EXPECT_TRUE(t->find("peut-être").found);
  EXPECT_TRUE(t->find("porte-avions").found);
  EXPECT_EQ(t->find("peut-être").bits, word::kKnown | analysis_bits(h, "peut-être"));
  // All capitals, and more than one hyphen, are left to Hunspell.
  bool accepted;
  EXPECT_FALSE(t->spell("NORD-CORÉEN", &accepted));
  EXPECT_FALSE(t->spell("maison-ville-état", &accepted));
}

// Where a forbidden word may be a whole hyphenated word (kAff forbids
// "Ville"), or where BREAK cuts elsewhere, the table leaves hyphenated
// words to Hunspell.
TEST(LexiconTable, NoBreakAnswersWhenAWordIsForbidden) {
  Dict d;
  Status st;
  auto t = LexiconTable::open(d.aff, d.dic, "", &st, 1);
  ASSERT_TRUE(t) << st.message();
  bool accepted;
  EXPECT_FALSE(t->spell("maison-ville", &accepted));
  EXPECT_TRUE(t->spell("maison", &accepted));
  EXPECT_TRUE(accepted);
  TempDir dir;
  std::string aff = dir / "b.aff", dic = dir / "b.dic";
  std::string other_break = kBreakAff;
  other_break.replace(other_break.find("BREAK ."), 7, "BREAK on");  // "on" can cut a word of letters
  testing::write(aff, other_break);
  testing::write(dic, kBreakDic);
  auto u = LexiconTable::open(aff, dic, "", &st, 1);
  ASSERT_TRUE(u) << st.message();
  EXPECT_FALSE(u->spell("maison-ville", &accepted));
  // Hunspell's default forbidden flag, 65510, written as U+FFE6 with UTF-8 flags.
  testing::write(aff, "SET UTF-8\nFLAG UTF-8\nBREAK 1\nBREAK -\n");
  testing::write(dic, "2\nmaison\nville/\uFFE6\n");
  auto w = LexiconTable::open(aff, dic, "", &st, 1);
  ASSERT_TRUE(w) << st.message();
  EXPECT_FALSE(w->spell("maison-ville", &accepted));
  testing::write(dic, "2\nmaison\nville\n");
  auto x = LexiconTable::open(aff, dic, "", &st, 1);
  ASSERT_TRUE(x) << st.message();
  EXPECT_TRUE(x->spell("maison-ville", &accepted));
}

TEST(LexiconTable, Decides) {
  static const struct {
    const char* word;
    bool decides;
  } kCases[] = {
      {"maison", true},    {"Maison", true},     {"état", true},       {"État", true},
      {"cœur", true},      {"Œuvre", true},      {"MAISON", false},    {"iPhone", false},
      {"McDo", false},     {"aujourd'hui", false}, {"l’homme", false}, {"Haut-Karabakh", false},
      {"2e", false},       {"straße", false},    {"Ελλάδα", false},    {"", false},
      {"naïveté", true},   {"Ÿvelines", true},
  };
  for (const auto& c : kCases) EXPECT_EQ(LexiconTable::decides(c.word), c.decides) << c.word;
}

TEST(LexiconTable, CacheFileBuiltOnceAndRebuiltWhenTheDictionaryChanges) {
  Dict d;
  TempDir cache;
  Status st;
  auto first = LexiconTable::open(d.aff, d.dic, cache.path(), &st, 1);
  ASSERT_TRUE(first) << st.message();
  EXPECT_EQ(first->origin(), "built");
  auto again = LexiconTable::open(d.aff, d.dic, cache.path(), &st, 1);
  ASSERT_TRUE(again) << st.message();
  EXPECT_EQ(again->origin(), "mapped");
  EXPECT_EQ(again->path(), first->path());
  EXPECT_EQ(again->size(), first->size());
  EXPECT_FALSE(again->find("chanteurs").found);

  // A new stem and a new modification time: the file is rebuilt.
  testing::write(d.dic, std::string(kDic) + "chanteur/S. po:nom\n");
  struct utimbuf times{1000000000, 1000000000};
  ASSERT_EQ(::utime(d.dic.c_str(), &times), 0);
  auto rebuilt = LexiconTable::open(d.aff, d.dic, cache.path(), &st, 1);
  ASSERT_TRUE(rebuilt) << st.message();
  EXPECT_EQ(rebuilt->origin(), "built");
  EXPECT_TRUE(rebuilt->find("chanteurs").found);
}

// The cache file of an earlier table format, left by an older retouche
// that shares the directory, is neither read nor replaced: each version
// keeps its own file instead of rebuilding the other's on every run.
TEST(LexiconTable, AnotherFormatsCacheFileIsLeftAlone) {
  Dict d;
  TempDir cache;
  Status st;
  auto built = LexiconTable::open(d.aff, d.dic, cache.path(), &st, 1);
  ASSERT_TRUE(built) << st.message();
  std::string path = built->path();
  size_t v = path.rfind("-v");
  ASSERT_NE(v, std::string::npos) << path;
  std::string older = path.substr(0, v) + ".bin";  // the name before the format was in it
  testing::write(older, "an older format's table");
  auto again = LexiconTable::open(d.aff, d.dic, cache.path(), &st, 1);
  ASSERT_TRUE(again) << st.message();
  EXPECT_EQ(again->origin(), "mapped");
  EXPECT_EQ(testing::read(older), "an older format's table");
}

TEST(LexiconTable, DamagedOrUnwritableCache) {
  Dict d;
  TempDir cache;
  Status st;
  auto built = LexiconTable::open(d.aff, d.dic, cache.path(), &st, 1);
  ASSERT_TRUE(built) << st.message();
  std::string path = built->path();
  built.reset();
  // Garbage of the right size and a truncated file: rebuilt, not trusted.
  std::string image = testing::read(path);
  std::string garbage = image.substr(0, 40) + std::string(image.size() - 40, '\xff');
  testing::write(path, garbage);
  auto again = LexiconTable::open(d.aff, d.dic, cache.path(), &st, 1);
  ASSERT_TRUE(again) << st.message();
  EXPECT_EQ(again->origin(), "built");
  EXPECT_TRUE(again->find("chevaux").found);
  testing::write(path, image.substr(0, image.size() / 2));
  again = LexiconTable::open(d.aff, d.dic, cache.path(), &st, 1);
  ASSERT_TRUE(again) << st.message();
  EXPECT_EQ(again->origin(), "built");
  // A cache directory that cannot be made (a file stands in the way): an
  // error, nothing built.
  testing::write(cache / "file", "x");
  EXPECT_FALSE(LexiconTable::open(d.aff, d.dic, cache / "file/sub", &st, 1));
  EXPECT_NE(st.message().find("cannot write"), std::string::npos) << st.message();
}

TEST(LexiconTable, RefusesWhatItCannotExpand) {
  Dict d;
  testing::write(d.aff, std::string(kAff) + "COMPOUNDFLAG Cp\n");
  Status st;
  EXPECT_FALSE(LexiconTable::open(d.aff, d.dic, "", &st, 1));
  EXPECT_NE(st.message().find("COMPOUNDFLAG"), std::string::npos) << st.message();
}

// Two Lexicons over one dictionary, without and with the table.
struct LexiconPair {
  std::unique_ptr<LexiconData> plain_data, table_data;
  std::unique_ptr<Lexicon> plain, table;
};
void load_pair(const std::string& aff, const std::string& dic, std::vector<std::string> extra_words,
               LexiconPair* out) {
  LexiconConfig plain;
  plain.aff_path = aff;
  plain.dic_path = dic;
  plain.extra_words = std::move(extra_words);
  LexiconConfig fast = plain;
  fast.use_table = true;
  Status st;
  out->plain_data = LexiconData::load(plain, &st);
  ASSERT_TRUE(out->plain_data) << st.message();
  out->table_data = LexiconData::load(fast, &st);
  ASSERT_TRUE(out->table_data) << st.message();
  ASSERT_TRUE(out->table_data->table()) << out->table_data->table_status().message();
  out->plain = std::make_unique<Lexicon>(*out->plain_data);
  out->table = std::make_unique<Lexicon>(*out->table_data);
}
// flags() without the table may also carry morphology bits cached by an
// earlier morphology() call; its callers read the spell bits only.
constexpr uint32_t kSpellBits = word::kKnown | word::kLowerKnown | word::kAddOn;

// Through Lexicon: the same bits with and without the table, for the words
// of the samples and the splits joins.glued-words asks about.
TEST(LexiconTable, LexiconGivesTheSameBitsWithAndWithoutTheTable) {
  Dict d;
  LexiconPair p;
  ASSERT_NO_FATAL_FAILURE(load_pair(d.aff, d.dic, {"Chanterelle", "ONU"}, &p));
  Lexicon &la = *p.plain, &lb = *p.table;
  for (const std::string& q : queries(*p.table_data->table())) {
    EXPECT_EQ(la.flags(q) & kSpellBits, lb.flags(q)) << q;
    EXPECT_EQ(la.morphology(q), lb.morphology(q)) << q;
  }
  for (const char* w : {"Chanterelle", "ONU", "onu", "Onu", "iPhone", "IPHONE", "l'été", "re-chanter"}) {
    EXPECT_EQ(la.flags(w) & kSpellBits, lb.flags(w) & kSpellBits) << w;
    EXPECT_EQ(la.morphology(w), lb.morphology(w)) << w;
  }
}

// The same with a dictionary whose hyphenated words the table answers
// (Hunspell's BREAK): flags and morphology of words of two sides.
TEST(LexiconTable, LexiconGivesTheSameBitsForHyphenatedWords) {
  TempDir dir;
  std::string aff = dir / "break.aff", dic = dir / "break.dic";
  testing::write(aff, kBreakAff);
  testing::write(dic, kBreakDic);
  LexiconPair p;
  ASSERT_NO_FATAL_FAILURE(load_pair(aff, dic, {"Kiev", "Nord-Kivu"}, &p));
  Lexicon &la = *p.plain, &lb = *p.table;
  std::vector<std::string> sides = {"maison", "Maison", "villes", "Ville", "nord", "Nord", "Coréens",
                                    "coréen", "Kiev", "xyz", "États", "unis", "Unis", "Paris", "MAISON"};
  for (const std::string& x : sides) {
    for (const std::string& y : sides) {
      std::string q = x + "-" + y;
      EXPECT_EQ(la.flags(q) & kSpellBits, lb.flags(q)) << q;
      EXPECT_EQ(la.morphology(q), lb.morphology(q)) << q;
    }
  }
  for (const char* w : {"Nord-Kivu", "nord-kivu", "États-Unis", "états-unis", "peut-être", "Peut-Être"}) {
    EXPECT_EQ(la.flags(w) & kSpellBits, lb.flags(w) & kSpellBits) << w;
    EXPECT_EQ(la.morphology(w), lb.morphology(w)) << w;
  }
}

}  // namespace
}  // namespace retouche
