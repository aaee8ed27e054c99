// Faults that must lose nothing (docs/reliability.md): a run killed with
// SIGKILL, a write that fails (a full device, a file-size limit), two runs
// sharing an output directory, and findings that must replay exactly or be
// refused. Every case goes through the real binary.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "core/sha256.h"
#include "io/json.h"
#include "test_support.h"

extern char** environ;

namespace retouche {
namespace {

namespace fs = std::filesystem;
using testing::read;
using testing::run_cli;
using testing::TempDir;
using testing::write;

const char* kDirty = "Titre : Un Titre\nShare\n\nLe texte. .\n";

// A retouche process started in the background, its stdin a pipe we hold.
struct Background {
  pid_t pid = -1;
  int stdin_fd = -1;

  explicit Background(const std::vector<std::string>& args) {
    int in[2];
    if (pipe(in) != 0) throw std::runtime_error("pipe");
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_addclose(&fa, in[0]);
    posix_spawn_file_actions_addclose(&fa, in[1]);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    std::vector<std::string> argv_s = {RETOUCHE_BIN};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid, RETOUCHE_BIN, &fa, nullptr, argv.data(), environ) != 0) {
      throw std::runtime_error("spawn");
    }
    posix_spawn_file_actions_destroy(&fa);
    close(in[0]);
    stdin_fd = in[1];
  }
  void feed(const std::string& data) const {
    size_t done = 0;
    while (done < data.size()) {
      ssize_t n = ::write(stdin_fd, data.data() + done, data.size() - done);
      if (n <= 0) throw std::runtime_error("feed");
      done += static_cast<size_t>(n);
    }
  }
  int wait() {
    if (stdin_fd >= 0) close(stdin_fd);
    stdin_fd = -1;
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  int kill9() {
    ::kill(pid, SIGKILL);
    return wait();
  }
  ~Background() {
    if (stdin_fd >= 0) kill9();
  }
};

// Waits (up to a minute: sanitizer builds are slow) until `ready` holds.
template <typename F>
bool eventually(F ready) {
  for (int i = 0; i < 6000; ++i) {
    if (ready()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

std::vector<std::string> temporaries(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (name.find(".retouche-tmp.") != std::string::npos || name.find(".tmp.") != std::string::npos) {
      out.push_back(name);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Runs `command` under /bin/sh; returns the exit code, stderr in `err`.
int shell(const std::string& command, std::string* err) {
  TempDir d;
  std::string full = command + " 2>" + (d / "err");
  int status = std::system(full.c_str());
  *err = fs::exists(d / "err") ? read(d / "err") : "";
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

std::string quote(const std::string& s) { return "'" + s + "'"; }

// Rows made of the samples: real text, a few hundred kilobytes.
std::string sample_rows(size_t n) {
  std::vector<std::string> texts;
  for (const auto& e : fs::directory_iterator(testing::source_dir() + "/samples")) {
    std::string name = e.path().filename().string();
    if (name.ends_with(".txt") && !name.ends_with(".expected.txt")) texts.push_back(read(e.path().string()));
  }
  std::sort(texts.begin(), texts.end());
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out += "{\"id\":" + std::to_string(i) + ",\"text\":";
    json::append_string(out, texts[i % texts.size()]);
    out += "}\n";
  }
  return out;
}

TEST(Replay, LossyFindingsReplayExactly) {
  for (std::string text : {std::string("\xFF"), std::string("caf\xE9 cr\xE8me \xE2\x82 fin\xC3\n")}) {
    TempDir d;
    write(d / "x", text);
    auto r = run_cli({"clean", "--lossy", d / "x", "-o", d / "o"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto a = run_cli({"apply", d / "x", "--findings", d / "o/x.findings.jsonl", "-o", d / "replayed"});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    EXPECT_EQ(read(d / "replayed"), read(d / "o/x.txt"));
    EXPECT_NE(read(d / "o/x.findings.jsonl").find("\"original_hex\":\""), std::string::npos);
  }
}

TEST(Replay, SpansInsideACharacterAreRefused) {
  TempDir d;
  const std::string text = "café\n";
  write(d / "a.txt", text);
  // The edit: an insertion at byte 4, between the two bytes of "é".
  write(d / "a.findings.jsonl", "{\"doc\":\"" + sha256_hex(text) +
                                    "\",\"rule\":\"joins.glued-words\",\"stage\":\"tokens\",\"begin\":4,"
                                    "\"end\":4,\"original\":\"\",\"replacement\":\" \",\"status\":\"applied\"}\n");
  auto r = run_cli({"apply", d / "a.txt", "--findings", d / "a.findings.jsonl", "-o", d / "out.txt"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("byte 4 is inside a character"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("a.findings.jsonl"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(d / "out.txt"));
  EXPECT_EQ(run_cli({"apply", d / "a.txt", "--findings", d / "a.findings.jsonl"}).out, "");
}

TEST(Faults, WritesToAFullDeviceFailNamingTheOutput) {
  TempDir d;
  write(d / "a.txt", kDirty);
  ASSERT_EQ(run_cli({"clean", d / "a.txt", "-o", d / "o"}).exit_code, 0);
  std::string bin = RETOUCHE_BIN;
  const std::vector<std::string> kCommands = {
      bin + " clean - < " + quote(d / "a.txt"),
      bin + " apply " + quote(d / "a.txt") + " --findings " + quote(d / "o/a.findings.jsonl"),
      bin + " diff " + quote(d / "a.txt"),
      bin + " check " + quote(d / "a.txt"),
      bin + " check --format jsonl " + quote(d / "a.txt"),
      "echo '{\"text\":\"Un. .\"}' | " + bin + " clean --jsonl -",
  };
  for (const std::string& c : kCommands) {
    std::string err;
    EXPECT_EQ(shell(c + " > /dev/full", &err), 3) << c << "\n" << err;
    EXPECT_NE(err.find("standard output: cannot write"), std::string::npos) << c << "\n" << err;
  }
  EXPECT_EQ(read(d / "a.txt"), kDirty);
}

// A file-size limit (RLIMIT_FSIZE, SIGXFSZ ignored) makes writes fail past
// 32 kB, as a full disk would: the run says which output, exits 3, leaves
// no partial file under any name and the earlier output as it was.
TEST(Faults, FailedWriteLeavesNoPartialOutput) {
  TempDir d;
  std::string text;
  while (text.size() < 100000) text += read(testing::source_dir() + "/samples/allies-se-detournent.txt");
  write(d / "in/big.txt", text);
  write(d / "in/rows.jsonl", sample_rows(60));
  write(d / "out/big.txt", "the previous output\n");
  write(d / "out/rows.jsonl", "the previous rows\n");
  std::string bin = RETOUCHE_BIN, limit = "trap '' XFSZ; ulimit -f 64; ";  // 64 × 512 bytes
  std::string err;
  // --force: the earlier output was written by hand here, not by retouche.
  EXPECT_EQ(shell(limit + bin + " clean --force " + quote(d / "in/big.txt") + " -o " + quote(d / "out"), &err), 3)
      << err;
  EXPECT_NE(err.find(d / "out/big.txt: cannot write: File too large"), std::string::npos) << err;
  EXPECT_EQ(read(d / "out/big.txt"), "the previous output\n");
  EXPECT_EQ(shell(limit + bin + " clean --force --jsonl " + quote(d / "in/rows.jsonl") + " -o " +
                      quote(d / "out/rows.jsonl") + " --sidecar",
                  &err),
            3)
      << err;
  EXPECT_NE(err.find(d / "out/rows.jsonl: cannot write: File too large"), std::string::npos) << err;
  EXPECT_EQ(read(d / "out/rows.jsonl"), "the previous rows\n");
  EXPECT_FALSE(fs::exists(d / "out/rows.findings.jsonl"));
  EXPECT_EQ(temporaries(d / "out"), std::vector<std::string>{});
  EXPECT_EQ(read(d / "in/big.txt"), text);
}

// kill -9 while a corpus run waits for more rows: the outputs exist only
// as temporaries named after the run; the next run into the directory
// removes them and writes whole files.
TEST(Faults, KilledJsonlRunLeavesNoOutputAndItsTemporariesAreRemoved) {
  TempDir d;
  fs::create_directories(d / "out");
  std::string rows = sample_rows(200);
  {
    Background run({"clean", "--jsonl", "-", "-o", d / "out/clean.jsonl", "--sidecar", "--jobs", "2"});
    run.feed(rows);
    std::string tmp = d / ("out/.clean.jsonl.retouche-tmp." + std::to_string(run.pid));
    std::string side = d / ("out/.clean.findings.jsonl.retouche-tmp." + std::to_string(run.pid));
    // Rows already written to the temporary: the run is in the middle.
    ASSERT_TRUE(eventually([&] { return fs::exists(side) && fs::exists(tmp) && fs::file_size(tmp) > 0; }));
    EXPECT_EQ(run.kill9(), 128 + SIGKILL);
    EXPECT_FALSE(fs::exists(d / "out/clean.jsonl"));
    EXPECT_FALSE(fs::exists(d / "out/clean.findings.jsonl"));
    EXPECT_EQ(temporaries(d / "out").size(), 2u);
  }
  write(d / "small.jsonl", "{\"text\":\"Un. .\"}\n");
  auto r = run_cli({"clean", "--jsonl", d / "small.jsonl", "-o", d / "out/clean.jsonl", "--sidecar",
                    "--no-doc-stats", "--apply", "suggested"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read(d / "out/clean.jsonl"), "{\"text\":\"Un.\"}\n");
  EXPECT_EQ(temporaries(d / "out"), std::vector<std::string>{});
}

// kill -9 between files: every output under its final name is whole (as a
// full run writes it), the files after it are absent, and a second run
// completes the directory.
TEST(Faults, KilledDirectoryRunLeavesOnlyWholeFiles) {
  TempDir d;
  write(d / "in/a.txt", kDirty);
  write(d / "in/c.txt", "Share\nUne phrase.\n");
  std::string fifo = d / "in/b.txt";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  auto reference = [&](const std::string& name, const std::string& text) {
    TempDir r;
    write(r / name, text);
    EXPECT_EQ(run_cli({"clean", r / name, "-o", r / "o"}).exit_code, 0);
    std::string stem = name.substr(0, name.size() - 4);
    // An unchanged document gets no .diff.
    std::string diff = fs::exists(r / ("o/" + stem + ".diff")) ? read(r / ("o/" + stem + ".diff")) : "";
    return read(r / ("o/" + stem + ".txt")) + diff + read(r / ("o/" + stem + ".findings.jsonl"));
  };
  {
    // b.txt is a pipe: the run blocks reading it, after a.txt is written.
    Background run({"clean", d / "in/a.txt", fifo, d / "in/c.txt", "-o", d / "out"});
    ASSERT_TRUE(eventually([&] { return fs::exists(d / "out/a.findings.jsonl"); }));
    int w = ::open(fifo.c_str(), O_WRONLY);
    ASSERT_GE(w, 0);
    ASSERT_EQ(::write(w, "Un début", 9), 9);
    EXPECT_EQ(run.kill9(), 128 + SIGKILL);
    ::close(w);
  }
  EXPECT_EQ(read(d / "out/a.txt") + read(d / "out/a.diff") + read(d / "out/a.findings.jsonl"),
            reference("a.txt", kDirty));
  for (const char* name : {"b.txt", "b.diff", "b.findings.jsonl", "c.txt", "c.diff", "c.findings.jsonl"}) {
    EXPECT_FALSE(fs::exists(d / ("out/" + std::string(name)))) << name;
  }
  fs::remove(fifo);
  write(fifo, "Un texte. .\n");
  auto r = run_cli({"clean", d / "in", "-o", d / "out"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string b_diff = fs::exists(d / "out/b.diff") ? read(d / "out/b.diff") : "";
  EXPECT_EQ(read(d / "out/b.txt") + b_diff + read(d / "out/b.findings.jsonl"),
            reference("b.txt", "Un texte. .\n"));
  EXPECT_EQ(temporaries(d / "out"), std::vector<std::string>{});
}

// Temporaries of killed runs are recognised by name and by their lock: an
// unlocked one is removed, one a live run holds is left alone, and files of
// other names are never touched.
TEST(Faults, OnlyStaleTemporariesAreRemoved) {
  TempDir d;
  write(d / "a.txt", kDirty);
  write(d / "out/.a.txt.retouche-tmp.999999", "partial");
  write(d / "out/sub/.x.diff.retouche-tmp.12.2", "partial");
  write(d / "out/.held.txt.retouche-tmp.4242", "being written");
  write(d / "out/.notes.tmp", "mine");
  write(d / "out/notes.retouche-tmp.1", "mine too (not hidden)");
  int held = ::open((d / "out/.held.txt.retouche-tmp.4242").c_str(), O_RDONLY);
  ASSERT_GE(held, 0);
  ASSERT_EQ(::flock(held, LOCK_EX), 0);
  auto r = run_cli({"clean", d / "a.txt", "-o", d / "out"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(d / "out/.a.txt.retouche-tmp.999999"));
  EXPECT_TRUE(fs::exists(d / "out/sub/.x.diff.retouche-tmp.12.2"));  // no output went to sub/
  EXPECT_TRUE(fs::exists(d / "out/.held.txt.retouche-tmp.4242"));
  EXPECT_TRUE(fs::exists(d / "out/.notes.tmp"));
  EXPECT_TRUE(fs::exists(d / "out/notes.retouche-tmp.1"));
  ::close(held);
  // The lock gone (its run died), the next run removes it.
  ASSERT_EQ(run_cli({"clean", d / "a.txt", "-o", d / "out"}).exit_code, 0);
  EXPECT_FALSE(fs::exists(d / "out/.held.txt.retouche-tmp.4242"));
}

// Two runs writing the same outputs at once: each output is one run's whole
// file, and neither run removes the other's temporaries.
TEST(Faults, TwoRunsIntoOneOutputDirectory) {
  TempDir d;
  for (int i = 0; i < 12; ++i) write(d / ("in/f" + std::to_string(i) + ".txt"), kDirty);
  write(d / "rows.jsonl", sample_rows(40));
  auto r = run_cli({"clean", d / "in", "-o", d / "ref"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(run_cli({"clean", "--jsonl", d / "rows.jsonl", "-o", d / "ref/rows.jsonl", "--sidecar"}).exit_code, 0);
  fs::create_directories(d / "out");  // -o FILE needs its directory
  {
    Background a({"clean", d / "in", "-o", d / "out"});
    Background b({"clean", d / "in", "-o", d / "out"});
    Background c({"clean", "--jsonl", d / "rows.jsonl", "-o", d / "out/rows.jsonl", "--sidecar"});
    Background e({"clean", "--jsonl", d / "rows.jsonl", "-o", d / "out/rows.jsonl", "--sidecar"});
    EXPECT_EQ(a.wait(), 0);
    EXPECT_EQ(b.wait(), 0);
    EXPECT_EQ(c.wait(), 0);
    EXPECT_EQ(e.wait(), 0);
  }
  for (int i = 0; i < 12; ++i) {
    for (const char* ext : {".txt", ".diff", ".findings.jsonl"}) {
      std::string name = "f" + std::to_string(i) + ext;
      EXPECT_EQ(read(d / ("out/" + name)), read(d / ("ref/" + name))) << name;
    }
  }
  EXPECT_EQ(read(d / "out/rows.jsonl"), read(d / "ref/rows.jsonl"));
  EXPECT_EQ(read(d / "out/rows.findings.jsonl"), read(d / "ref/rows.findings.jsonl"));
  EXPECT_EQ(temporaries(d / "out"), std::vector<std::string>{});
}

}  // namespace
}  // namespace retouche
