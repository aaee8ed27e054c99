// Corpus mode (`retouche clean --jsonl`, `retouche stats --jsonl`) as a corpus
// builder uses it: rows in, rows out in the same order, every other byte of a
// row kept, the same output for any number of threads, compressed shards, and
// malformed rows that stop the run cleanly or are passed through as asked.
#include <gtest/gtest.h>

#include <filesystem>

#include "io/json.h"
#include "test_support.h"

namespace retouche {
namespace {

namespace fs = std::filesystem;
using testing::read;
using testing::run_cli;
using testing::TempDir;
using testing::write;

json::Value parse_row(const std::string& row) {
  json::Value v;
  json::Error e;
  EXPECT_TRUE(json::parse(row, &v, &e)) << e.message << " in " << row;
  return v;
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == std::string::npos) nl = s.size();
    out.push_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

// A corpus of `n` rows made from the samples: real dirty documents.
std::string sample_corpus(size_t n) {
  std::vector<std::string> texts;
  for (const auto& e : fs::directory_iterator(testing::source_dir() + "/samples")) {
    std::string name = e.path().filename().string();
    if (name.ends_with(".txt") && !name.ends_with(".expected.txt")) texts.push_back(read(e.path().string()));
  }
  std::sort(texts.begin(), texts.end());
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out += "{\"id\":" + std::to_string(i) + ",\"text\":";
    json::append_string(out, texts[i % texts.size()], i % 2 == 1);
    out += ",\"meta\":{\"n\":" + std::to_string(i) + "}}\n";
  }
  return out;
}

TEST(Corpus, OtherFieldsAreKeptByteForByte) {
  TempDir d;
  // Odd spacing, nested values, numbers as written, escapes in other fields,
  // and a text that needs two fixes.
  const std::string row =
      "{ \"url\" : \"https://ex.fr/a?b=1\\u0026c\",\"n\":2.50e3, \"tags\":[\"a\",{\"x\":null}],"
      "\"text\":\"Le texte. .\\nShare\\nLa fin.\\n\", \"emoji\":\"\\ud83d\\ude00\" }";
  write(d / "in.jsonl", row + "\n");
  auto r = run_cli({"clean", "--jsonl", d / "in.jsonl", "-o", d / "out.jsonl", "--no-doc-stats"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string out = read(d / "out.jsonl");
  std::string expected = row;
  expected.replace(expected.find("\"Le texte"), std::string("\"Le texte. .\\nShare\\nLa fin.\\n\"").size(),
                   "\"Le texte.\\nLa fin.\\n\"");
  EXPECT_EQ(out, expected + "\n");
}

TEST(Corpus, UnchangedTextKeepsItsEscapesAndStatsAreAdded) {
  TempDir d;
  const std::string row = "{\"id\":\"x\",\"text\":\"Caf\\u00e9 cr\\u00e8me.\\n\"}";
  write(d / "in.jsonl", row + "\n");
  auto r = run_cli({"clean", "--jsonl", d / "in.jsonl", "-o", d / "out.jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string out = read(d / "out.jsonl");
  EXPECT_EQ(out.substr(0, row.size() - 1), row.substr(0, row.size() - 1));  // all but the closing brace
  json::Value v = parse_row(out);
  ASSERT_NE(v.find("retouche"), nullptr) << out;
  EXPECT_EQ(v.find("retouche")->find("applied")->number, 0);
}

TEST(Corpus, ChangedTextFollowsTheRowsEscapingStyle) {
  TempDir d;
  write(d / "in.jsonl",
        "{\"text\":\"\\u00c9t\\u00e9. .\\n\"}\n"
        "{\"text\":\"Été. .\\n\"}\n");
  // A lone doubled period is only proposed (no other damage): --apply suggested.
  auto r = run_cli({"clean", "--jsonl", d / "in.jsonl", "-o", d / "out.jsonl", "--no-doc-stats",
                    "--apply", "suggested"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read(d / "out.jsonl"),
            "{\"text\":\"\\u00c9t\\u00e9.\\n\"}\n"
            "{\"text\":\"Été.\\n\"}\n");
}

TEST(Corpus, SameOutputForAnyNumberOfThreads) {
  TempDir d;
  write(d / "in.jsonl", sample_corpus(120));
  std::string first;
  for (const char* jobs : {"1", "2", "3"}) {
    std::string out = d / (std::string("out") + jobs + ".jsonl");
    auto r = run_cli({"clean", "--jsonl", d / "in.jsonl", "-o", out, "--jobs", jobs, "--sidecar"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string rows = read(out) + read(d / (std::string("out") + jobs + ".findings.jsonl"));
    if (first.empty()) {
      first = rows;
      auto out_rows = lines_of(read(out));
      ASSERT_EQ(out_rows.size(), 120u);
      for (size_t i = 0; i < out_rows.size(); ++i) {
        EXPECT_EQ(parse_row(out_rows[i]).find("id")->number, static_cast<double>(i));  // input order
      }
    } else {
      EXPECT_EQ(rows, first) << "--jobs " << jobs;
    }
  }
}

TEST(Corpus, SidecarRowsAlignAndIndexByCodePoint) {
  TempDir d;
  write(d / "in.jsonl",
        "{\"id\":\"a\",\"text\":\"Élysée : le président Volodimir Jelensky est arrivé.\\n\"}\n"
        "\n"
        "{\"id\":\"b\",\"text\":\"Rien à corriger.\\n\"}\n");
  auto r = run_cli({"clean", "--jsonl", d / "in.jsonl", "-o", d / "out.jsonl.gz", "--sidecar"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_TRUE(fs::exists(d / "out.findings.jsonl.gz"));
  std::string sidecar = testing::run_command("gzip -dc " + (d / "out.findings.jsonl.gz"));
  auto rows = lines_of(sidecar);
  ASSERT_EQ(rows.size(), 3u);
  // The blank input row keeps its place, as a JSON object like every row.
  EXPECT_EQ(rows[1], "{\"row\":2,\"blank\":true,\"findings\":[]}");
  json::Value a = parse_row(rows[0]);
  EXPECT_EQ(a.find("row")->number, 1);
  EXPECT_EQ(a.find("id")->string, "a");
  const json::Value& findings = *a.find("findings");
  ASSERT_FALSE(findings.array.empty());
  const json::Value& f = findings.array[0];
  EXPECT_EQ(f.find("original")->string, "Volodimir Jelensky");
  // "Élysée" is 6 code points but 8 bytes: both offsets are given.
  std::u32string text = U"Élysée : le président Volodimir Jelensky est arrivé.\n";
  size_t cp = static_cast<size_t>(f.find("cp_begin")->number);
  EXPECT_EQ(text.substr(cp, 9), U"Volodimir");
  EXPECT_EQ(f.find("begin")->number, cp + 3);  // É, é and é take two bytes each
  EXPECT_EQ(parse_row(rows[2]).find("findings")->array.size(), 0u);
}

TEST(Corpus, CompressedShardsInAndOut) {
  TempDir d;
  std::string corpus = sample_corpus(10);
  write(d / "plain.jsonl", corpus);
  testing::run_command("gzip -c " + (d / "plain.jsonl") + " > " + (d / "a.jsonl.gz"));
  testing::run_command("zstd -q -c " + (d / "plain.jsonl") + " > " + (d / "b.jsonl.zst"));
  auto r = run_cli({"clean", "--jsonl", d / "plain.jsonl", "-o", d / "plain.out.jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string expected = read(d / "plain.out.jsonl");
  r = run_cli({"clean", "--jsonl", d / "a.jsonl.gz", d / "b.jsonl.zst", "-o", d / "out"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(testing::run_command("gzip -dc " + (d / "out/a.jsonl.gz")), expected);
  EXPECT_EQ(testing::run_command("zstd -q -dc " + (d / "out/b.jsonl.zst")), expected);
  // Compressed stdin is recognised by its first bytes; stdout carries rows only.
  r = run_cli({"clean", "--jsonl", "-"}, read(d / "b.jsonl.zst"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, expected);
  EXPECT_NE(r.err.find("10 documents"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\r'), std::string::npos) << "no progress display when stderr is not a terminal";
}

TEST(Corpus, TruncatedCompressedShardIsAnErrorAndWritesNothing) {
  TempDir d;
  write(d / "plain.jsonl", sample_corpus(20));
  testing::run_command("gzip -c " + (d / "plain.jsonl") + " > " + (d / "full.gz"));
  std::string gz = read(d / "full.gz");
  write(d / "cut.jsonl.gz", gz.substr(0, gz.size() / 2));
  auto r = run_cli({"clean", "--jsonl", d / "cut.jsonl.gz", "-o", d / "out.jsonl"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("cut.jsonl.gz: truncated gzip stream"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(d / "out.jsonl"));
}

struct BadRow {
  std::string row, reason, message;
};

const BadRow kBadRows[] = {
    {"{\"text\": \"ok\"", "bad JSON", "column 14: bad JSON"},
    {"{\"id\": 3, \"body\": \"x\"}", "no text field", "no \"text\" field"},
    {"{\"text\": 42}", "text not a string", "column 10: \"text\" is a number, not a string"},
    {"{\"text\": null}", "text not a string", "column 10: \"text\" is null, not a string"},
    {"{\"text\": \"d\xE9j\xE0\"}", "invalid UTF-8", "column 12: invalid UTF-8"},
    {"{\"text\": \"\\ud800 seul\"}", "bad string", "column 11: lone surrogate escape in string"},
    // Other values are validated as strictly as the text (the row is written out).
    {std::string("{\"text\":\"x\",\"k\":\"\\\0\"}", 21), "bad JSON", "column 19: bad JSON: bad escape in string"},
    {"{\"text\":\"x\",\"k\":\"\\udc00\"}", "bad string", "column 18: lone surrogate escape in string"},
};

TEST(Corpus, MalformedRowStopsTheRunWithFileAndLine) {
  for (const BadRow& b : kBadRows) {
    TempDir d;
    write(d / "in.jsonl", "{\"text\":\"Une phrase.\\n\"}\n" + b.row + "\n{\"text\":\"Fin.\"}\n");
    write(d / "out.jsonl", "previous content\n");
    // --force: the previous content was written here by hand, not by retouche.
    auto r = run_cli({"clean", "--jsonl", "--force", d / "in.jsonl", "-o", d / "out.jsonl"});
    EXPECT_EQ(r.exit_code, 3) << b.row;
    EXPECT_NE(r.err.find("in.jsonl:2: " + b.message), std::string::npos) << b.row << "\n" << r.err;
    EXPECT_EQ(read(d / "out.jsonl"), "previous content\n") << "a failed run must not touch the output";
  }
}

TEST(Corpus, MalformedRowPassedThroughOrDropped) {
  for (const BadRow& b : kBadRows) {
    TempDir d;
    const std::string good = "{\"text\":\"Une phrase.\\n\"}";
    write(d / "in.jsonl", good + "\n" + b.row + "\n");
    auto r = run_cli({"clean", "--jsonl", d / "in.jsonl", "-o", d / "skip.jsonl", "--on-error", "skip",
                      "--no-doc-stats", "--stats-json", d / "stats.json"});
    ASSERT_EQ(r.exit_code, 0) << b.row << r.err;
    EXPECT_EQ(read(d / "skip.jsonl"), good + "\n" + b.row + "\n") << b.row;
    EXPECT_NE(r.err.find("in.jsonl:2:"), std::string::npos) << r.err;
    json::Value s = parse_row(read(d / "stats.json"));
    EXPECT_EQ(s.find("malformed_rows")->number, 1) << b.row;
    EXPECT_EQ(s.find("errors_by_reason")->find(b.reason)->number, 1) << b.row;

    r = run_cli({"clean", "--jsonl", d / "in.jsonl", "-o", d / "drop.jsonl", "--on-error", "drop",
                 "--no-doc-stats"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(read(d / "drop.jsonl"), good + "\n") << b.row;
  }
}

TEST(Corpus, SeveralShardsIntoADirectory) {
  TempDir d;
  write(d / "x/part-0.jsonl", "{\"text\":\"Un. .\"}\n");
  write(d / "x/part-1.jsonl", "{\"text\":\"Deux. .\"}\n");
  write(d / "y/part-1.jsonl", "{\"text\":\"Trois.\"}\n");
  auto r = run_cli({"clean", "--jsonl", d / "x", "-o", d / "out", "--no-doc-stats", "--apply", "suggested"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read(d / "out/part-0.jsonl"), "{\"text\":\"Un.\"}\n");
  EXPECT_EQ(read(d / "out/part-1.jsonl"), "{\"text\":\"Deux.\"}\n");
  r = run_cli({"clean", "--jsonl", d / "x", d / "y", "-o", d / "out2"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("two inputs are named part-1.jsonl"), std::string::npos) << r.err;
}

TEST(Corpus, OtherKeysAndRunSummary) {
  TempDir d;
  // A stats member of an earlier run is replaced (a user's own "qa" field is
  // refused: Found.StatsKeyNeverReplacesAUserField).
  write(d / "in.jsonl",
        "{\"doc\":\"d1\",\"content\":\"Share\\nLe texte.\\n\",\"qa\":{\"applied\":0,\"families\":{}}}\n");
  auto r = run_cli({"clean", "--jsonl", d / "in.jsonl", "-o", d / "out.jsonl", "--text-key", "content",
                    "--id-key", "doc", "--stats-key", "qa", "--stats-json", d / "run.json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json::Value v = parse_row(read(d / "out.jsonl"));
  EXPECT_EQ(v.find("content")->string, "Le texte.\n");
  EXPECT_EQ(v.find("qa")->find("families")->find("boilerplate")->number, 1);  // replaced, not duplicated
  EXPECT_EQ(v.object.size(), 3u);
  json::Value s = parse_row(read(d / "run.json"));
  EXPECT_EQ(s.find("documents")->number, 1);
  EXPECT_EQ(s.find("applied_by_rule")->find("boilerplate.share-button")->number, 1);
  EXPECT_GT(s.find("bytes")->find("text_in")->number, s.find("bytes")->find("text_out")->number);
}

TEST(Corpus, LineStatsFromShardsMerge) {
  TempDir d;
  std::string a, b;
  const char* topics[] = {"la Russie", "l’Arménie", "la Géorgie", "le Kazakhstan", "l’Ukraine", "la Turquie"};
  for (const char* topic : topics) {
    a += std::string("{\"text\":\"Un article sur ") + topic + ".\\nSuivez-nous sur Mastodon\\n\"}\n";
    b += std::string("{\"text\":\"Un autre texte sur ") + topic + ".\\nSuivez-nous sur Mastodon\\n\"}\n";
  }
  write(d / "a.jsonl", a);
  write(d / "b.jsonl", b);
  testing::run_command("gzip " + (d / "b.jsonl"));
  auto r = run_cli({"stats", "--jsonl", d / "a.jsonl", "-o", d / "a.stats"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_cli({"stats", "--jsonl", d / "b.jsonl.gz", d / "a.stats", "-o", d / "all.stats"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(read(d / "all.stats").find("# documents 12"), std::string::npos) << read(d / "all.stats");
  r = run_cli({"clean", "--jsonl", d / "a.jsonl", "--line-stats", d / "all.stats", "--no-doc-stats"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("Mastodon"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Un article sur la Turquie."), std::string::npos) << r.out;
}

TEST(Corpus, UsageErrors) {
  TempDir d;
  write(d / "in.jsonl", "{\"text\":\"x\"}\n");
  auto r = run_cli({"clean", "--jsonl", d / "in.jsonl", "--sidecar"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--sidecar needs -o"), std::string::npos) << r.err;
  r = run_cli({"clean", "--jsonl", d / "in.jsonl", "-o", d / "in.jsonl"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("is the input itself"), std::string::npos) << r.err;
  r = run_cli({"clean", "--jsonl", d / "missing.jsonl"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("missing.jsonl: no such file"), std::string::npos) << r.err;
  r = run_cli({"clean", "--jsonl", d / "in.jsonl", "--jobs", "0"});
  EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
}  // namespace retouche
