// Where outputs may go: never over an input, never over a file a previous
// run did not write (without --force), and diff headers that apply from the
// current directory.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "retouche/status.h"

namespace retouche::cli {

// The same file on disk (or, when one does not exist yet, the same path once
// symbolic links are resolved). "-" is never a file.
bool same_file(const std::string& a, const std::string& b);

// `path` is `dir` or lies under it.
bool is_within(const std::string& path, const std::string& dir);

// The path to write in a diff header so that `patch -p1` and `git apply` run
// from the current directory find the file: its path relative to the current
// directory. A file outside it (`../x`, `/elsewhere/x`) cannot be named so
// (both tools refuse `..` and absolute names): then its file name, and
// `*apply_from` is set to the directory to run them from.
std::string patch_path(const std::string& path, std::string* apply_from);

// The files a `retouche clean -o OUTDIR` run wrote there, kept in
// OUTDIR/.retouche-outputs (one relative path a line), so that a later run
// replaces its own outputs but no file it did not write.
class OutputManifest {
 public:
  explicit OutputManifest(std::string dir);
  bool ours(const std::string& relative) const { return names_.count(relative) > 0; }
  void add(const std::string& relative) { names_.insert(relative); }
  void remove(const std::string& relative) { names_.erase(relative); }
  Status save() const;

 private:
  std::string dir_;
  std::set<std::string> names_;
};

}  // namespace retouche::cli
