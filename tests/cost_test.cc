// Cost on hostile input (issue 12, items 8 to 10): a run through the CLI on
// inputs that used to cost time or memory more than linear in their size,
// with the peak memory the run reports (--stats-json peak_rss_kb) held to the
// bound docs/reliability.md states. Nothing is timed: the ctest TIMEOUT of
// this executable (tests/CMakeLists.txt) catches the quadratic cases, which
// took minutes and gigabytes before.
//
// Sanitizers change memory use beyond any fair bound: under them the runs
// are made and their output checked, and only the memory bound is skipped.
#include <gtest/gtest.h>

#include <string>

#include "io/json.h"
#include "test_support.h"

#if defined(__SANITIZE_ADDRESS__)
#define RETOUCHE_UNDER_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RETOUCHE_UNDER_SANITIZER 1
#endif
#endif

namespace retouche {
namespace {

using testing::read;
using testing::run_cli;
using testing::TempDir;
using testing::write;

// The memory bounds of docs/reliability.md: the start-up footprint plus this
// many times the bytes of the document being cleaned: any document (100k
// findings in 1.6 MB cost about 300 bytes each), and ordinary text.
constexpr double kBytesPerDocumentByte = 20;
constexpr double kBytesPerTextByte = 16;
// A fix every 15 bytes, each finished by a second round: the findings of both
// rounds (about 400 bytes each) live until they are folded into one.
constexpr double kBytesPerTwoRoundByte = 80;

struct CliRun {
  long peak_kb = 0;
  std::string out;
};

CliRun clean_row(const std::string& text) {
  TempDir d;
  std::string row = "{\"text\":";
  json::append_string(row, text);
  row += "}\n";
  write(d / "in.jsonl", row);
  // --apply suggested: fixes are applied whatever the document's damage
  // evidence says, so that every edit goes through the EditList.
  auto r = run_cli({"clean", "--jsonl", d / "in.jsonl", "-o", d / "out.jsonl", "--jobs", "1", "--stats-json",
                    d / "stats.json", "--no-doc-stats", "--apply", "suggested"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  CliRun run;
  json::Value stats;
  json::Error e;
  if (!json::parse(read(d / "stats.json"), &stats, &e)) return run;
  run.peak_kb = static_cast<long>(stats.find("peak_rss_kb")->number);
  run.out = read(d / "out.jsonl");
  return run;
}

CliRun expect_bounded(const std::string& name, const std::string& text,
                      [[maybe_unused]] double bytes_per_byte = kBytesPerDocumentByte) {
  // The footprint of start-up and a first short article: some of the line
  // patterns are compiled when a line first needs them (line_patterns.h).
  [[maybe_unused]] static const long base_kb =
      clean_row("Le gouvernement a annoncé jeudi une réforme.\nPartager sur Facebook\n12 commentaires\n"
                "© 2024 Le Journal\nLe texte sera débattu au Parlement le mois prochain.\n")
          .peak_kb;
  CliRun r = clean_row(text);
  EXPECT_FALSE(r.out.empty()) << name;
#ifndef RETOUCHE_UNDER_SANITIZER
  double bound_kb = static_cast<double>(base_kb) + bytes_per_byte * static_cast<double>(text.size()) / 1024;
  EXPECT_LE(r.peak_kb, bound_kb) << name << ": " << text.size() << " bytes peaked at " << r.peak_kb
                                 << " kB; the bound is " << base_kb << " kB + " << bytes_per_byte
                                 << " × the document";
#endif
  return r;
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// Item 8: joins.glued-words looked up and cached every split point of an
// unknown word (40k combining marks: 3.2 GB and 33 s; 10 MB of letters: past 17 GB).
TEST(Cost, GiantTokensCostLinearTime) {
  expect_bounded("40k combining marks", "Le mot a" + repeat("\xCC\x81", 40000) + " est long.\n");
  expect_bounded("a million combining marks", "a" + repeat("\xCC\x81", 1000000) + "\n");
  expect_bounded("2 MB of letters", "Le mot " + repeat("abcdefghij", 200000) + " est long.\n");
  expect_bounded("2 MB capitalised", "Le mot A" + repeat("bcdefghijk", 200000) + " est long.\n");
  expect_bounded("2 MB camel case", "Le mot " + repeat("abcdeFghij", 200000) + " est long.\n");
}

// Item 9: a stage of insertions only (joins.glued's ". ") resolved in
// quadratic time (80k: 90 s; a million on 100k lines: past 15 minutes).
TEST(Cost, ManyInsertionsInOneStage) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "afghanCela " + std::to_string(i % 10000) + (i % 10 == 9 ? "\n" : " ");
  CliRun r = expect_bounded("100k afghanCela", text);
  EXPECT_NE(r.out.find("afghan. Cela 9999"), std::string::npos) << "the insertions were not applied";
}

// Item 2 made rounds: a fix that enables another ("teVoir" -> "te Voir" ->
// "te voir") is folded into the first, and finding the earlier fixes a later
// one reaches over was quadratic in the number of fixes (1 MB: 10 s, so
// this 8 MB input about 7 minutes).
TEST(Cost, FixesOverSeveralRoundsFoldInLinearTime) {
  std::string text;
  for (int i = 0; text.size() < 8000000; ++i) {
    text += "Il faut teVoir " + std::to_string(i % 100000) + (i % 10 == 9 ? ".\n" : ". ");
  }
  CliRun r = expect_bounded("530k teVoir", text, kBytesPerTwoRoundByte);
  EXPECT_NE(r.out.find("Il faut te voir 99999."), std::string::npos) << "the fixes were not finished";
}

// Item 10: a big row of ordinary text stays within the stated multiple of
// its size (a 200 MB row used to peak at 19 times its size).
TEST(Cost, BigRowMemoryIsAMultipleOfTheRow) {
#ifdef RETOUCHE_UNDER_SANITIZER
  GTEST_SKIP() << "memory is measured without sanitizers";
#endif
  std::string sample = read(testing::source_dir() + "/samples/allies-se-detournent.txt") +
                       read(testing::source_dir() + "/samples/isolement-iran-coree.txt");
  std::string text;
  while (text.size() < 8000000) text += sample;
  expect_bounded("8 MB row", text, kBytesPerTextByte);
}

}  // namespace
}  // namespace retouche
