// The command line as a user meets it: outputs, exit codes, and bad input
// that must give a clear error naming the file and position, and lose nothing.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "test_support.h"

namespace retouche {
namespace {

namespace fs = std::filesystem;
using testing::read;
using testing::run_cli;
using testing::TempDir;
using testing::write;

const char* kDirty = "Titre : Un Titre\nShare\n\nLe texte. .\n";

TEST(Cli, CleanWritesTextDiffAndFindings) {
  TempDir d;
  write(d / "in/a.txt", kDirty);
  auto r = run_cli({"clean", d / "in/a.txt", "-o", d / "out"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read(d / "out/a.txt"), "Un Titre\n\nLe texte.\n");
  EXPECT_NE(read(d / "out/a.diff").find("-Share\n"), std::string::npos);
  EXPECT_NE(read(d / "out/a.findings.jsonl").find("\"rule\":\"boilerplate.share-button\""),
            std::string::npos);
  EXPECT_NE(r.err.find("cleaned 1 file"), std::string::npos) << r.err;
}

TEST(Cli, DirectoriesAreWalkedAndNamesNeverCollide) {
  TempDir d;
  write(d / "x/one.txt", "Share\nUne phrase.\n");
  write(d / "x/sub/one.txt", "Deux phrases.\n");
  write(d / "x/one.expected.txt", "golden, not an input\n");
  write(d / "y/one.txt", "Trois phrases.\n");
  auto r = run_cli({"clean", d / "x", d / "y/one.txt", "-o", d / "out"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read(d / "out/x/one.txt"), "Une phrase.\n");
  EXPECT_EQ(read(d / "out/x/sub/one.txt"), "Deux phrases.\n");
  EXPECT_EQ(read(d / "out/y/one.txt"), "Trois phrases.\n");
  EXPECT_FALSE(fs::exists(d / "out/x/one.expected.txt"));
}

TEST(Cli, StdinToStdout) {
  auto r = run_cli({"clean", "-"}, kDirty);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Un Titre\n\nLe texte.\n");
}

TEST(Cli, CheckPrintsPositionsAndExitsOneOnFindings) {
  TempDir d;
  write(d / "a.txt", kDirty);
  write(d / "clean.txt", "Un texte correct.\n");
  auto r = run_cli({"check", d / "a.txt"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find(d / "a.txt" + ":2:1: boilerplate.share-button: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(":4:9: typography.doubled-punctuation"), std::string::npos) << r.out;
  auto j = run_cli({"check", "--format", "jsonl", d / "a.txt"});
  EXPECT_EQ(j.exit_code, 1);
  EXPECT_EQ(j.out.find("{\"file\":"), 0u);
  EXPECT_NE(j.out.find("\"doc\":"), std::string::npos);
  EXPECT_FALSE(fs::exists(d / "a.findings.jsonl"));  // check writes nothing
  auto c = run_cli({"check", d / "clean.txt"});
  EXPECT_EQ(c.exit_code, 0) << c.out;
  EXPECT_EQ(c.out, "");
}

TEST(Cli, DiffOnStdoutWithColourOnRequest) {
  TempDir d;
  write(d / "a.txt", kDirty);
  auto r = run_cli({"diff", d / "a.txt"});
  EXPECT_EQ(r.exit_code, 1);  // changes shown, as diff(1)
  EXPECT_NE(r.out.find("-Share\n"), std::string::npos);
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos);  // not a terminal: no colour
  auto c = run_cli({"diff", "--color", "always", d / "a.txt"});
  EXPECT_NE(c.out.find("\x1b[1;41;97m"), std::string::npos);
}

TEST(Cli, PolicyFlagsChangeWhatIsApplied) {
  auto none = run_cli({"clean", "--apply", "none", "-"}, kDirty);
  EXPECT_EQ(none.out, kDirty);
  // One artefact left is no evidence of damage: it is only proposed, so the
  // suggested level applies it.
  auto off = run_cli({"clean", "--disable", "boilerplate,case", "--apply", "suggested", "-"}, kDirty);
  EXPECT_EQ(off.out, "Titre : Un Titre\nShare\n\nLe texte.\n");
  auto strict = run_cli({"clean", "--min-confidence", "0.99", "-"}, kDirty);
  EXPECT_EQ(strict.out, kDirty);
  auto list = run_cli({"--list-rules"});
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_NE(list.out.find("typography.doubled-punctuation"), std::string::npos);
}

TEST(Cli, UsageErrorsExitTwo) {
  static const std::vector<std::vector<std::string>> kCases = {
      {},
      {"frobnicate"},
      {"clean", "x.txt"},                       // no -o
      {"clean", "--apply", "maybe", "-"},
      {"clean", "--min-confidence", "2", "-"},
      {"clean", "--disable", "no.such.rule", "-"},
      {"clean", "--bogus"},
      {"apply", "x.txt"},                       // no --findings
  };
  for (const auto& args : kCases) {
    auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, 2) << (args.empty() ? "" : args[0]) << " " << r.err;
    EXPECT_NE(r.err.find("retouche"), std::string::npos);
  }
}

TEST(Cli, InvalidUtf8NamesFileAndPosition) {
  TempDir d;
  write(d / "bad.txt", "ligne\nd\xE9j\xE0\n");
  auto r = run_cli({"clean", d / "bad.txt", "-o", d / "out"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find(d / "bad.txt" + ": invalid UTF-8 at byte 7 (line 2, column 2)"),
            std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(d / "out/bad.txt"));
  auto lossy = run_cli({"clean", "--lossy", d / "bad.txt", "-o", d / "out"});
  EXPECT_EQ(lossy.exit_code, 0) << lossy.err;
  EXPECT_EQ(read(d / "out/bad.txt"), "ligne\nd\xEF\xBF\xBDj\xEF\xBF\xBD\n");
}

TEST(Cli, BinaryFileIsRefused) {
  TempDir d;
  static const char kPngHeader[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
  std::string png(kPngHeader, sizeof kPngHeader - 1);
  write(d / "image.txt", png + std::string(200, '\0'));
  auto r = run_cli({"clean", "--lossy", d / "image.txt", "-o", d / "out"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("image.txt: looks like a binary file"), std::string::npos) << r.err;
}

TEST(Cli, SparseNulBytesAreRemovedAsFindings) {
  TempDir d;
  write(d / "nul.txt", std::string("Un texte\0 avec un NUL.\n", 23));
  auto r = run_cli({"clean", d / "nul.txt", "-o", d / "out"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read(d / "out/nul.txt"), "Un texte avec un NUL.\n");
  EXPECT_NE(read(d / "out/nul.findings.jsonl").find("normalize.control-char"), std::string::npos);
}

TEST(Cli, EmptyAndBoilerplateOnlyFiles) {
  TempDir d;
  write(d / "empty.txt", "");
  write(d / "only.txt", "Share\n24 Commentaires\nLoader\n");
  auto r = run_cli({"clean", d / "empty.txt", d / "only.txt", "-o", d / "out"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read(d / "out/empty.txt"), "");
  EXPECT_FALSE(fs::exists(d / "out/empty.diff"));  // unchanged: no (invalid, empty) patch
  EXPECT_NE(r.err.find("1 file unchanged: no .diff written"), std::string::npos) << r.err;
  EXPECT_EQ(read(d / "out/only.txt"), "");
}

TEST(Cli, UnreadableFileAmongReadableOnes) {
  TempDir d;
  write(d / "a.txt", "Share\nUne phrase.\n");
  write(d / "c.txt", "Trois phrases.\n");
  if (::geteuid() == 0) {
    // Root reads a file whatever its mode: a symbolic link to itself is a
    // file nobody can read.
    fs::create_symlink("locked.txt", d / "locked.txt");
  } else {
    write(d / "locked.txt", "Deux phrases.\n");
    ::chmod((d / "locked.txt").c_str(), 0);
  }
  auto r = run_cli({"clean", d / "a.txt", d / "locked.txt", d / "c.txt", "-o", d / "out"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("locked.txt: cannot read"), std::string::npos) << r.err;
  EXPECT_EQ(read(d / "out/a.txt"), "Une phrase.\n");
  EXPECT_EQ(read(d / "out/c.txt"), "Trois phrases.\n");
}

TEST(Cli, MissingInputAmongExistingOnes) {
  TempDir d;
  write(d / "a.txt", "Une phrase.\n");
  auto r = run_cli({"clean", d / "a.txt", d / "missing.txt", "-o", d / "out"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("missing.txt: no such file or directory"), std::string::npos);
  EXPECT_EQ(read(d / "out/a.txt"), "Une phrase.\n");
}

TEST(Cli, UnwritableOutputDirectory) {
  TempDir d;
  write(d / "a.txt", "Une phrase.\n");
  write(d / "blocker", "a file where a directory should be\n");
  auto r = run_cli({"clean", d / "a.txt", "-o", d / "blocker/out"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("blocker/out"), std::string::npos) << r.err;
  if (::geteuid() != 0) {
    fs::create_directories(d / "ro");
    ::chmod((d / "ro").c_str(), 0555);
    auto ro = run_cli({"clean", d / "a.txt", "-o", d / "ro"});
    EXPECT_EQ(ro.exit_code, 3);
    EXPECT_NE(ro.err.find("not writable"), std::string::npos) << ro.err;
  }
}

TEST(Cli, OutputIsReplacedAtomicallyNeverHalfWritten) {
  TempDir d;
  write(d / "a.txt", "Un autre texte. .\n");
  // One doubled period is no evidence of damage: --assume-damaged applies it.
  ASSERT_EQ(run_cli({"clean", "--assume-damaged", d / "a.txt", "-o", d / "out"}).exit_code, 0);
  EXPECT_EQ(read(d / "out/a.txt"), "Un autre texte.\n");
  write(d / "a.txt", kDirty);
  auto r = run_cli({"clean", d / "a.txt", "-o", d / "out"});  // replaces its own outputs
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read(d / "out/a.txt"), "Un Titre\n\nLe texte.\n");
  for (const auto& e : fs::directory_iterator(d / "out")) {
    EXPECT_EQ(e.path().string().find(".tmp."), std::string::npos) << e.path();
  }
}

TEST(Cli, ApplyReplaysReviewedFindings) {
  TempDir d;
  write(d / "a.txt", kDirty);
  ASSERT_EQ(run_cli({"clean", d / "a.txt", "-o", d / "out"}).exit_code, 0);
  auto same = run_cli({"apply", d / "a.txt", "--findings", d / "out/a.findings.jsonl"});
  EXPECT_EQ(same.exit_code, 0) << same.err;
  EXPECT_EQ(same.out, read(d / "out/a.txt"));
  // The reviewer rejects the share-button fix by deleting its line.
  std::string kept;
  std::string all = read(d / "out/a.findings.jsonl");
  size_t pos = 0;
  while (pos < all.size()) {
    size_t nl = all.find('\n', pos);
    std::string line = all.substr(pos, nl - pos + 1);
    if (line.find("share-button") == std::string::npos) kept += line;
    pos = nl + 1;
  }
  write(d / "reviewed.jsonl", kept);
  auto partial = run_cli({"apply", d / "a.txt", "--findings", d / "reviewed.jsonl", "-o", d / "r.txt"});
  EXPECT_EQ(partial.exit_code, 0) << partial.err;
  EXPECT_EQ(read(d / "r.txt"), "Un Titre\nShare\n\nLe texte.\n");
}

TEST(Cli, ApplyRefusesOtherTextOrMalformedFindings) {
  TempDir d;
  write(d / "a.txt", kDirty);
  write(d / "b.txt", "Un autre texte.\n");
  ASSERT_EQ(run_cli({"clean", d / "a.txt", "-o", d / "out"}).exit_code, 0);
  auto other = run_cli({"apply", d / "b.txt", "--findings", d / "out/a.findings.jsonl", "-o", d / "r.txt"});
  EXPECT_EQ(other.exit_code, 3);
  EXPECT_NE(other.err.find("made for another text"), std::string::npos) << other.err;
  EXPECT_FALSE(fs::exists(d / "r.txt"));
  write(d / "bad.jsonl", "{\"doc\": \"abc\", \"rule\": }\n");
  auto bad = run_cli({"apply", d / "a.txt", "--findings", d / "bad.jsonl", "-o", d / "r.txt"});
  EXPECT_EQ(bad.exit_code, 3);
  EXPECT_NE(bad.err.find("bad.jsonl:1:"), std::string::npos) << bad.err;
  EXPECT_FALSE(fs::exists(d / "r.txt"));
}

TEST(Cli, MissingDictionaryNamesThePackage) {
  auto r = run_cli({"clean", "--dictionary", "/nonexistent/fr_FR", "-"}, "x\n");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("hunspell-fr"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace retouche
