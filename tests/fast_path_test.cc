// The fast path (src/pipeline/fast_path.h) changes no output: the pipeline
// with and without it gives the same text, findings and evidence on every
// test input, and every line it does not ask CLD2 about is one CLD2 would
// not have found foreign, on the test inputs and on the development sets.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "core/line_index.h"
#include "core/utf8.h"
#include "pipeline/evidence.h"
#include "pipeline/fast_path.h"
#include "pipeline/resources.h"
#include "test_support.h"

namespace retouche {
namespace {

namespace fs = std::filesystem;
using testing::read;

// Every input the other tests clean: samples, tests/data, the fuzz corpora
// and regressions (the pipeline's and the JSON rows', read as text).
std::vector<std::string> test_inputs() {
  std::vector<std::string> out;
  for (const char* dir : {"samples", "tests/data", "tests/fuzz/corpus", "tests/fuzz/regressions"}) {
    for (const auto& e : fs::recursive_directory_iterator(testing::source_dir() + "/" + dir)) {
      if (e.is_regular_file() && e.path().extension() != ".md") out.push_back(e.path().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A finding as one line, every field that is written out.
std::string describe(const Finding& f) {
  return f.rule + " " + std::to_string(static_cast<int>(f.stage)) + " " + std::to_string(f.begin) + "-" +
         std::to_string(f.end) + " " + std::to_string(f.line) + ":" + std::to_string(f.column) + " [" +
         f.replacement + "] " + std::to_string(f.confidence) + " " +
         std::to_string(static_cast<int>(f.applicability)) + " " + std::to_string(static_cast<int>(f.status)) +
         " " + f.message + " " + f.conflict_with + " " + f.id;
}

std::string describe(const DocumentEvidence& e) {
  return e.language + " " + std::to_string(e.french) + " " + std::to_string(e.words) + " " +
         std::to_string(e.artefacts) + " " + std::to_string(e.artefact_kinds) + " " +
         std::to_string(e.name_corrections) + " " + std::to_string(e.damaged) + " " +
         std::to_string(e.names_damaged) + " " + std::to_string(e.foreign_lines);
}

TEST(FastPath, SameOutputWithAndWithout) {
  for (bool damaged : {false, true}) {
    PipelineOptions on, off;
    on.lossy_utf8 = off.lossy_utf8 = true;  // the fuzz inputs hold invalid UTF-8
    on.assume_damaged = off.assume_damaged = damaged;
    off.fast_path = false;
    auto fast = testing::make_pipeline(on);
    auto slow = testing::make_pipeline(off);
    size_t inputs = 0;
    for (const std::string& path : test_inputs()) {
      Document doc{path, read(path)};
      Result a, b;
      Status sa = fast->run(doc, &a), sb = slow->run(doc, &b);
      ASSERT_EQ(sa.ok(), sb.ok()) << path;
      if (!sa.ok()) continue;
      ++inputs;
      EXPECT_EQ(a.clean_text, b.clean_text) << path;
      EXPECT_EQ(describe(a.evidence), describe(b.evidence)) << path;
      ASSERT_EQ(a.findings.size(), b.findings.size()) << path;
      for (size_t i = 0; i < a.findings.size(); ++i) {
        EXPECT_EQ(describe(a.findings[i]), describe(b.findings[i])) << path;
      }
    }
    EXPECT_GT(inputs, 50u);
  }
}

// The lines the fast path decides, checked against CLD2 itself: on the test
// inputs and, when ../shared is beside the repository, every development set.
std::vector<std::string> test_and_dev_inputs() {
  std::vector<std::string> files = test_inputs();
  std::string dev = testing::shared_dir() + "/dev";
  if (fs::is_directory(dev)) {
    for (const auto& e : fs::recursive_directory_iterator(dev)) {
      if (e.is_regular_file() && e.path().extension() == ".txt" &&
          e.path().parent_path().filename() == "input") {
        files.push_back(e.path().string());
      }
    }
  }
  return files;
}

TEST(FastPath, SkipsNoLineCld2FindsForeign) {
  PipelineOptions o;
  o.data_dir = testing::source_dir();
  Status st;
  auto resources = Resources::load(o, &st);
  ASSERT_TRUE(resources) << st.message();
  const WordSet* markers = resources->word_list("french-markers-fr");
  const WordSet* english = resources->word_list("function-words-en");
  ASSERT_TRUE(markers && english);
  MarkerLists lists(*markers, *english);
  std::vector<std::string> files = test_and_dev_inputs();
  size_t skipped = 0;
  for (const std::string& path : files) {
    std::string text = read(path);
    if (utf8::find_invalid(text) != utf8::kValid) continue;
    LineIndex lines(text);
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string_view line = std::string_view(text).substr(lines[i].begin, lines[i].content_end - lines[i].begin);
      if (!line_is_surely_french(line, lists)) continue;
      ++skipped;
      EXPECT_TRUE(foreign_lines(line).empty()) << path << ":" << i + 1 << ": " << line;
    }
  }
  EXPECT_GT(skipped, 100u);
}

// The documents the fast path calls French without CLD2, checked against
// CLD2: each is French to it too, with "fr" its first language.
TEST(FastPath, SkipsNoDocumentCld2FindsForeign) {
  PipelineOptions o;
  o.data_dir = testing::source_dir();
  Status st;
  auto resources = Resources::load(o, &st);
  ASSERT_TRUE(resources) << st.message();
  const WordSet* markers = resources->word_list("french-markers-fr");
  const WordSet* english = resources->word_list("function-words-en");
  ASSERT_TRUE(markers && english);
  MarkerLists lists(*markers, *english);
  size_t skipped = 0, refused = 0;
  for (const std::string& path : test_and_dev_inputs()) {
    std::string text = read(path);
    if (utf8::find_invalid(text) != utf8::kValid) continue;
    if (!document_is_surely_french(text, lists)) {
      ++refused;
      continue;
    }
    ++skipped;
    DocumentEvidence ev;
    judge_document_language(text, &ev);
    EXPECT_TRUE(ev.french) << path;
    EXPECT_EQ(ev.language, "fr") << path;
  }
  EXPECT_GT(skipped, 20u);
  EXPECT_GT(refused, 0u);
}

TEST(FastPath, MarkerListsFindEveryListedWordAndNothingElse) {
  PipelineOptions o;
  o.data_dir = testing::source_dir();
  Status st;
  auto resources = Resources::load(o, &st);
  ASSERT_TRUE(resources) << st.message();
  const WordSet& fr = *resources->word_list("french-markers-fr");
  const WordSet& en = *resources->word_list("function-words-en");
  MarkerLists lists(fr, en);
  std::set<int> ids;
  for (const std::string& w : fr) {
    int id = lists.find(w);
    EXPECT_GT(id, 0) << w;
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), fr.size());  // one number per marker
  for (const std::string& w : en) {
    if (!fr.count(w)) {
      EXPECT_EQ(lists.find(w), -1) << w;
    }
  }
  for (const char* w : {"", "xyz", "dan", "dansx", "avecavec", "lorsqu'", "Dans", "the1"}) {
    if (!fr.count(w) && !en.count(w)) {
      EXPECT_EQ(lists.find(w), 0) << w;
    }
  }
}

TEST(FastPath, SurelyFrenchDocuments) {
  const std::string french =
      "Le gouvernement a annoncé mardi une réforme des retraites, qui sera présentée dans les "
      "prochaines semaines avec le soutien des syndicats. ";
  const std::string english =
      "The government announced on Tuesday that the pension reform would be presented in the "
      "coming weeks with the support of the unions. ";
  const std::string spanish =
      "El gobierno anunció el martes que la reforma de las pensiones se presentará en las "
      "próximas semanas con el apoyo de los sindicatos. ";
  const std::string varied =
      "Les habitants sont partis avec leurs enfants après les inondations, et ils étaient déjà "
      "très inquiets depuis que cette digue avait cédé lors de la tempête chez leurs voisins. ";
  auto times = [](const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
  };
  PipelineOptions o;
  o.data_dir = testing::source_dir();
  Status st;
  auto resources = Resources::load(o, &st);
  ASSERT_TRUE(resources) << st.message();
  MarkerLists m(*resources->word_list("french-markers-fr"), *resources->word_list("function-words-en"));
  EXPECT_TRUE(document_is_surely_french(times(french + varied, 4), m));
  EXPECT_FALSE(document_is_surely_french(french + varied, m));  // under 100 words: CLD2 decides
  EXPECT_FALSE(document_is_surely_french(times(english, 10), m));
  EXPECT_FALSE(document_is_surely_french(times(spanish, 10), m));
  // Half French, half English: CLD2 decides.
  EXPECT_FALSE(document_is_surely_french(times(french + english + varied + english, 3), m));
}

TEST(FastPath, SurelyFrenchLines) {
  static const struct {
    const char* line;
    bool french;
  } kCases[] = {
      {"Le gouvernement a annoncé mardi une réforme des retraites, qui sera présentée dans les "
       "prochaines semaines avec le soutien des syndicats.",
       true},
      {"Dans cette ville, les habitants sont partis avec leurs enfants après les inondations.", true},
      // Two markers only: CLD2 decides.
      {"Le Premier ministre a reçu mardi à Matignon une délégation.", false},
      // English, Spanish, Italian, German and Catalan lines.
      {"The government announced on Tuesday that the reform would be presented in the coming weeks.",
       false},
      {"El gobierno anunció el martes que la reforma de las pensiones se presentará en las próximas "
       "semanas.",
       false},
      {"Il governo ha annunciato martedì che la riforma delle pensioni sarà presentata nelle prossime "
       "settimane.",
       false},
      {"Die Regierung des Landes kündigte am Dienstag an, dass du die Reform in den nächsten Wochen "
       "sehen wirst.",
       false},
      {"El govern va anunciar dimarts que les pensions i la reforma des de les properes setmanes.", false},
      // French words around an English title: CLD2 calls this line English.
      {"et irlandaises pour une reprise de Do They Know It's Christmas ? Tous", false},
      // Markers but one in more than twelve words.
      {"Les chiffres publiés hier montrent une hausse nette et durable des prix alimentaires, "
       "énergétiques, industriels, agricoles, immobiliers, financiers, boursiers, locatifs.",
       false},
      {"", false},
  };
  PipelineOptions o;
  o.data_dir = testing::source_dir();
  Status st;
  auto resources = Resources::load(o, &st);
  ASSERT_TRUE(resources) << st.message();
  for (const auto& c : kCases) {
    EXPECT_EQ(line_is_surely_french(c.line, MarkerLists(*resources->word_list("french-markers-fr"),
                                                         *resources->word_list("function-words-en"))),
              c.french)
        << c.line;
  }
}

}  // namespace
}  // namespace retouche
