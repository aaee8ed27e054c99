#include "test_support.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace retouche::testing {

std::string source_dir() { return RETOUCHE_SOURCE_DIR; }
std::string shared_dir() { return RETOUCHE_SHARED_DIR; }

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void write(const std::string& path, const std::string& data) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << data;
}

std::unique_ptr<Pipeline> make_pipeline(PipelineOptions o) {
  if (o.data_dir.empty()) o.data_dir = source_dir();
  Status st;
  auto p = Pipeline::create(o, &st);
  if (!p) throw std::runtime_error("pipeline: " + st.message());
  return p;
}

const Pipeline& default_pipeline() {
  // The rule tests check what each rule decides on a sentence or two, which
  // is no evidence of damage: the document gate is tested on its own
  // (evidence_test.cc) and end to end (golden and do-no-harm tests).
  static std::unique_ptr<Pipeline> p = [] {
    PipelineOptions o;
    o.assume_damaged = true;
    return make_pipeline(o);
  }();
  return *p;
}

Result clean(const std::string& text) {
  Result r;
  Status st = default_pipeline().run(Document{"test", text}, &r);
  if (!st.ok()) throw std::runtime_error("run: " + st.message());
  return r;
}

bool has_rule(const Result& r, const std::string& rule) {
  for (const Finding& f : r.findings) {
    if (f.rule == rule && f.status == FindingStatus::kApplied) return true;
  }
  return false;
}

bool mentions(const Result& r, const std::string& rule) {
  for (const Finding& f : r.findings) {
    if (f.rule == rule) return true;
  }
  return false;
}

RunResult run_cli(const std::vector<std::string>& args, const std::string& stdin_data) {
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (pipe(in_pipe) || pipe(out_pipe) || pipe(err_pipe)) throw std::runtime_error("pipe");
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in_pipe[0], 0);
  posix_spawn_file_actions_adddup2(&fa, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&fa, err_pipe[1], 2);
  for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) {
    posix_spawn_file_actions_addclose(&fa, fd);
  }
  std::vector<std::string> argv_s = {RETOUCHE_BIN};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid;
  if (posix_spawn(&pid, RETOUCHE_BIN, &fa, nullptr, argv.data(), environ) != 0) {
    throw std::runtime_error("spawn");
  }
  posix_spawn_file_actions_destroy(&fa);
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  std::thread feeder([&] {
    size_t done = 0;
    while (done < stdin_data.size()) {
      ssize_t n = ::write(in_pipe[1], stdin_data.data() + done, stdin_data.size() - done);
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    close(in_pipe[1]);
  });
  RunResult r;
  std::thread err_reader([&] {
    char buf[4096];
    ssize_t n;
    while ((n = ::read(err_pipe[0], buf, sizeof buf)) > 0) r.err.append(buf, static_cast<size_t>(n));
  });
  char buf[65536];
  ssize_t n;
  while ((n = ::read(out_pipe[0], buf, sizeof buf)) > 0) r.out.append(buf, static_cast<size_t>(n));
  feeder.join();
  err_reader.join();
  close(out_pipe[0]);
  close(err_pipe[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "retouche-test-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::add, ec);
  std::filesystem::remove_all(path_, ec);
}

std::string run_command(const std::string& command) {
  FILE* p = popen(command.c_str(), "r");
  if (!p) throw std::runtime_error("cannot run " + command);
  std::string out;
  char buf[1 << 16];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  if (pclose(p) != 0) throw std::runtime_error("command failed: " + command);
  return out;
}

}  // namespace retouche::testing
