// What a new user found (issue 14, "Found" 1-10), each kept as a test: data
// never lost, outputs never cleaned again, flags that work or are refused,
// diffs that apply from where the user is, exit codes CI can rely on.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
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

const char* kDirty = "Titre : Un Titre\nShare\n\nLe texte. .\n";

std::string quoted(const std::string& s) { return "'" + s + "'"; }

// Runs a shell command in `dir` and returns its exit status (output discarded
// into `dir`/log, which the failure message shows).
int sh(const std::string& dir, const std::string& command) {
  std::string full = "cd " + quoted(dir) + " && { " + command + " ; } >" + quoted(dir + "/.log") + " 2>&1";
  int status = std::system(full.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

// 1. No output replaces an input, in any mode; no file retouche did not
// write is replaced without --force.
TEST(Found, NeverOverwritesAnInput) {
  TempDir d;
  write(d / "a.txt", kDirty);
  auto r = run_cli({"clean", d / "a.txt", "-o", d.path()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("would replace the input"), std::string::npos) << r.err;
  EXPECT_EQ(read(d / "a.txt"), kDirty);
  write(d / "corpus/b.txt", kDirty);
  write(d / "corpus/sub/c.txt", kDirty);
  r = run_cli({"clean", d / "corpus", "-o", d / "corpus/"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(read(d / "corpus/b.txt"), kDirty);
  EXPECT_EQ(read(d / "corpus/sub/c.txt"), kDirty);
  // Corpus mode: a directory output holding an input of the same name.
  write(d / "j/in.jsonl", "{\"text\":\"Le texte. .\\n\"}\n");
  r = run_cli({"clean", "--jsonl", d / "j/in.jsonl", d / "j/in.jsonl", "-o", d / "j"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  r = run_cli({"clean", "--jsonl", d / "j/in.jsonl", "-o", d / "j/../j/in.jsonl"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(read(d / "j/in.jsonl"), "{\"text\":\"Le texte. .\\n\"}\n");
  // apply: never over the original or the findings; an existing file needs --force.
  ASSERT_EQ(run_cli({"clean", d / "a.txt", "-o", d / "out"}).exit_code, 0);
  r = run_cli({"apply", d / "a.txt", "--findings", d / "out/a.findings.jsonl", "-o", d / "a.txt"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(read(d / "a.txt"), kDirty);
  write(d / "mine.txt", "my notes\n");
  r = run_cli({"apply", d / "a.txt", "--findings", d / "out/a.findings.jsonl", "-o", d / "mine.txt"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(read(d / "mine.txt"), "my notes\n");
  r = run_cli({"apply", d / "a.txt", "--findings", d / "out/a.findings.jsonl", "-o", d / "mine.txt", "--force"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // stats: merging into one of its inputs.
  write(d / "s/doc.txt", "Une ligne.\n");
  ASSERT_EQ(run_cli({"stats", d / "s", "-o", d / "a.stats"}).exit_code, 0);
  EXPECT_EQ(run_cli({"stats", d / "a.stats", d / "s", "-o", d / "a.stats"}).exit_code, 2);
  // A file in OUTDIR that retouche did not write.
  write(d / "o2/a.findings.jsonl", "the user's own file\n");
  r = run_cli({"clean", d / "a.txt", "-o", d / "o2"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--force"), std::string::npos) << r.err;
  EXPECT_EQ(read(d / "o2/a.findings.jsonl"), "the user's own file\n");
  EXPECT_FALSE(fs::exists(d / "o2/a.txt"));  // nothing written
  EXPECT_EQ(run_cli({"clean", d / "a.txt", "-o", d / "o2", "--force"}).exit_code, 0);
}

// 1, corpus mode: `-o FILE` and its sidecar replace only files an earlier run
// wrote; a device or pipe is written to, never replaced.
TEST(Found, CorpusOutputFileNotOursIsRefused) {
  TempDir d;
  const std::string row = "{\"text\":\"Le texte. .\\n\"}\n";
  write(d / "in.jsonl", row);
  write(d / "out.jsonl", "the user's rows\n");
  auto r = run_cli({"clean", "--jsonl", d / "in.jsonl", "-o", d / "out.jsonl"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("was not written by retouche"), std::string::npos) << r.err;
  EXPECT_EQ(read(d / "out.jsonl"), "the user's rows\n");
  write(d / "out.findings.jsonl", "the user's findings\n");
  r = run_cli({"clean", "--jsonl", d / "in.jsonl", "-o", d / "out.jsonl", "--sidecar", "--force"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(read(d / "out.jsonl"), "the user's rows\n");
  // Ours now: a second run replaces them without --force.
  r = run_cli({"clean", "--jsonl", d / "in.jsonl", "-o", d / "out.jsonl", "--sidecar"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // A sidecar that is not ours is refused too.
  write(d / "new.findings.jsonl", "the user's findings\n");
  r = run_cli({"clean", "--jsonl", d / "in.jsonl", "-o", d / "new.jsonl", "--sidecar"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_FALSE(fs::exists(d / "new.jsonl"));
  // A named pipe stays a pipe (as /dev/null must stay a device).
  ASSERT_EQ(sh(d.path(), "mkfifo pipe"), 0);
  ASSERT_EQ(sh(d.path(), "{ cat pipe > from-pipe & } ; " + quoted(RETOUCHE_BIN) +
                             " clean -q --jsonl in.jsonl -o pipe; wait"),
            0)
      << read(d / ".log");
  EXPECT_TRUE(fs::is_fifo(d / "pipe"));
  EXPECT_NE(read(d / "from-pipe").find("\"text\""), std::string::npos);
}

// 2. The output directory is not walked: a second run does not clean the
// first run's outputs.
TEST(Found, OutputDirectoryIsNotWalked) {
  TempDir d;
  write(d / "x/a.txt", kDirty);
  for (int run = 0; run < 2; ++run) {
    auto r = run_cli({"clean", d / "x", "-o", d / "x/cleaned"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  EXPECT_TRUE(fs::exists(d / "x/cleaned/a.txt"));
  EXPECT_FALSE(fs::exists(d / "x/cleaned/cleaned"));
  write(d / "c/in.jsonl", "{\"text\":\"Le texte. .\\n\"}\n");
  for (int run = 0; run < 2; ++run) {
    auto r = run_cli({"clean", "--jsonl", d / "c", "-o", d / "c/out/"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("from 1 file"), std::string::npos) << r.err;
  }
}

// 3. --stats-key never replaces a field of the user's; stats of an earlier
// run are replaced.
TEST(Found, StatsKeyNeverReplacesAUserField) {
  TempDir d;
  const std::string row = "{\"text\":\"Le texte. .\\n\",\"meta\":{\"source\":\"web\"}}\n";
  write(d / "in.jsonl", row);
  auto r = run_cli({"clean", "--jsonl", d / "in.jsonl", "--stats-key", "meta"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("already has a \"meta\" field"), std::string::npos) << r.err;
  r = run_cli({"clean", "--jsonl", d / "in.jsonl", "--stats-key", "meta", "--on-error", "skip"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, row);
  ASSERT_EQ(run_cli({"clean", "--jsonl", d / "in.jsonl", "-o", d / "once.jsonl"}).exit_code, 0);
  r = run_cli({"clean", "--jsonl", d / "once.jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json::Value v;
  json::Error e;
  ASSERT_TRUE(json::parse(r.out.substr(0, r.out.size() - 1), &v, &e)) << r.out;
  EXPECT_EQ(v.object.size(), 3u);  // text, meta, retouche: replaced, not doubled
}

// 4. check --jsonl reports per row, with the row number and offsets in the text.
TEST(Found, CheckJsonlReportsRowsAndOffsets) {
  TempDir d;
  write(d / "in.jsonl",
        "{\"id\":\"a\",\"text\":\"Rien à corriger.\\n\"}\n"
        "{\"id\":7,\"text\":\"Élan. Le texte. .\\n\"}\n");
  auto r = run_cli({"check", "--jsonl", d / "in.jsonl"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find(d / "in.jsonl" + ":2: row 2 (id 7), text 1:15, code points 14-17: "
                                      "typography.doubled-punctuation"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find(":1: row 1"), std::string::npos) << r.out;
  auto j = run_cli({"check", "--jsonl", "--format", "jsonl", d / "in.jsonl"});
  EXPECT_EQ(j.exit_code, 1);
  json::Value v;
  json::Error e;
  ASSERT_TRUE(json::parse(j.out.substr(0, j.out.find('\n')), &v, &e)) << j.out;
  EXPECT_EQ(v.find("row")->number, 2);
  EXPECT_EQ(v.find("id")->number, 7);
  EXPECT_EQ(v.find("findings")->array.at(0).find("cp_begin")->number, 14);
  // Flags a command does nothing with are refused there.
  EXPECT_EQ(run_cli({"check", "--sidecar", "--on-error", "drop", "--text-key", "foo", d / "in.jsonl"}).exit_code, 2);
  EXPECT_EQ(run_cli({"apply", "--apply", "suggested", d / "in.jsonl"}).exit_code, 2);
  EXPECT_EQ(run_cli({"diff", "--jsonl", d / "in.jsonl"}).exit_code, 2);
}

// 5. Diffs apply with patch -p1 and git apply from the current directory,
// for relative, absolute and spaced paths; a file outside it from its own.
TEST(Found, DiffHeadersApplyFromTheCurrentDirectory) {
  TempDir d;
  const std::string work = d / "work";
  write(work + "/sub dir/x y.txt", kDirty);
  write(work + "/é \"q\".txt", kDirty);
  write(d / "outside/o.txt", kDirty);
  const std::string bin = quoted(RETOUCHE_BIN);
  const std::string clean = "Un Titre\n\nLe texte.\n";
  struct Case {
    std::string arg, file, apply_dir;
  } cases[] = {
      {quoted("sub dir/x y.txt"), work + "/sub dir/x y.txt", work},
      {quoted(work + "/é \"q\".txt"), work + "/é \"q\".txt", work},
      {"../outside/o.txt", d / "outside/o.txt", d / "outside"},
  };
  for (const Case& c : cases) {
    for (const char* tool : {"patch -p1 <", "git apply"}) {
      write(c.file, kDirty);
      ASSERT_EQ(sh(work, bin + " diff " + c.arg + " > ../p.diff"), 1) << read(work + "/.log");
      EXPECT_EQ(sh(c.apply_dir, std::string(tool) + " " + quoted(d / "p.diff")), 0)
          << c.arg << " " << tool << "\n" << read(d / "p.diff") << read(c.apply_dir + "/.log");
      EXPECT_EQ(read(c.file), clean) << c.arg << " " << tool;
    }
  }
  // clean -o: NAME.diff applies from the current directory too, and the
  // summary says how.
  write(work + "/sub dir/x y.txt", kDirty);
  ASSERT_EQ(sh(work, bin + " clean 'sub dir/x y.txt' -o out 2> ../summary"), 0);
  EXPECT_NE(read(d / "summary").find("patch -p1 < out/NAME.diff"), std::string::npos) << read(d / "summary");
  EXPECT_EQ(sh(work, "git apply 'out/x y.diff'"), 0) << read(work + "/.log");
  EXPECT_EQ(read(work + "/sub dir/x y.txt"), read(work + "/out/x y.txt"));
}

// 6. An unchanged document gets no diff file (an empty one is not a patch),
// and an earlier run's diff of it goes.
TEST(Found, NoEmptyDiffForAnUnchangedDocument) {
  TempDir d;
  write(d / "a.txt", kDirty);
  ASSERT_EQ(run_cli({"clean", d / "a.txt", "-o", d / "out"}).exit_code, 0);
  EXPECT_TRUE(fs::exists(d / "out/a.diff"));
  write(d / "a.txt", "Un texte correct.\n");
  auto r = run_cli({"clean", d / "a.txt", "-o", d / "out"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(d / "out/a.diff"));
  EXPECT_NE(r.err.find("unchanged: no .diff written"), std::string::npos) << r.err;
  auto diff = run_cli({"diff", d / "a.txt"});
  EXPECT_EQ(diff.exit_code, 0);
  EXPECT_EQ(diff.out, "");
}

// 7. Text that looks like JSON Lines: a warning that suggests --jsonl.
TEST(Found, JsonlLookingTextWarns) {
  auto r = run_cli({"clean", "-"}, "{\"id\":1,\"text\":\"Un.\"}\n{\"id\":2,\"text\":\"Deux.\"}\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.err.find("looks like JSON Lines"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--jsonl"), std::string::npos) << r.err;
  auto plain = run_cli({"clean", "-"}, "Un texte {entre accolades}.\n");
  EXPECT_EQ(plain.err, "");
}

// 8. One JSON object a row in the sidecar, a blank row too.
TEST(Found, SidecarHasAnObjectForEveryRow) {
  TempDir d;
  write(d / "in.jsonl", "{\"text\":\"Le texte. .\\n\"}\n\n   \n{\"text\":\"Rien.\\n\"}\n");
  ASSERT_EQ(run_cli({"clean", "--jsonl", d / "in.jsonl", "-o", d / "out.jsonl", "--sidecar"}).exit_code, 0);
  std::string sidecar = read(d / "out.findings.jsonl");
  size_t start = 0, rows = 0;
  while (start < sidecar.size()) {
    size_t nl = sidecar.find('\n', start);
    json::Value v;
    json::Error e;
    EXPECT_TRUE(json::parse(sidecar.substr(start, nl - start), &v, &e)) << sidecar;
    EXPECT_EQ(v.find("row")->number, static_cast<double>(++rows));
    start = nl + 1;
  }
  EXPECT_EQ(rows, 4u);
}

// 9. Exit codes: no input found is 3 in both modes; diff is 1 with changes;
// after a failure, no empty table and no review hint.
TEST(Found, ExitCodes) {
  TempDir d;
  fs::create_directories(d / "empty");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"clean", d / "empty", "-o", d / "out"},
        {"clean", "--jsonl", d / "empty", "-o", d / "out2"},
        {"check", d / "empty"},
        {"diff", d / "empty"}}) {
    auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, 3) << args[0] << " " << args[1];
    EXPECT_NE(r.err.find("no input found"), std::string::npos) << r.err;
  }
  write(d / "bad.txt", "d\xE9j\xE0\n");
  auto r = run_cli({"clean", d / "bad.txt", "-o", d / "out"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err.find("review:"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("applied"), std::string::npos) << r.err;
}

// 10. Messages for people: no internal measures in the names.fuzzy message.
TEST(Found, NameMessagesInWords) {
  auto r = run_cli({"check", testing::source_dir() + "/samples"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("names.fuzzy"), std::string::npos);
  EXPECT_EQ(r.out.find("rel="), std::string::npos);
  EXPECT_EQ(r.out.find("margin="), std::string::npos);
  EXPECT_NE(r.out.find("closer than"), std::string::npos);
}

}  // namespace
}  // namespace retouche
