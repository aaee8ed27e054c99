// Helpers shared by the tests: a pipeline over the repository's data, running
// the CLI binary, temporary directories.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "retouche/pipeline.h"

namespace retouche::testing {

std::string source_dir();
std::string shared_dir();  // ../shared beside the repository (may not exist)
std::string read(const std::string& path);
void write(const std::string& path, const std::string& data);

// A pipeline over the repository's corrections/ and dictionaries/
// (default_pipeline and clean(): every document treated as damaged).
const Pipeline& default_pipeline();
std::unique_ptr<Pipeline> make_pipeline(PipelineOptions o);
Result clean(const std::string& text);
// A finding of `rule` was applied.
bool has_rule(const Result& r, const std::string& rule);
// Any finding of `rule`, applied or only proposed: a correct text must not
// even be sent to a reviewer.
bool mentions(const Result& r, const std::string& rule);

struct RunResult {
  int exit_code;
  std::string out;
  std::string err;
};
// Runs the retouche binary with `args`, feeding `stdin_data`.
RunResult run_cli(const std::vector<std::string>& args, const std::string& stdin_data = "");

// Runs a shell command; returns its stdout (throws if it fails).
std::string run_command(const std::string& command);

// A fresh temporary directory, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace retouche::testing
