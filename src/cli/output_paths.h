// Where outputs may go: never over an input, never over a file a previous
// run did not write (without --force), and diff headers that apply from the
// current directory.
#pragma once

#include <set>
#include <string>
#include <vector>

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "retouche/status.h"

namespace retouche::cli {

// The same file on disk (or, when one does not exist yet, the same path once
// symbolic links are resolved). "-" is never a file.
bool same_file(const std::string& a, const std::string& b);

// The files of a set of paths, to ask of many others whether they are one
// of them in O(log n) each (same_file for every pair is quadratic).
class FileSet {
 public:
  explicit FileSet(const std::vector<std::string>& paths);
  // The path of the set that is the same file as `path`, or null.
  const std::string* find(const std::string& path) const;

 private:
  std::map<std::pair<uint64_t, uint64_t>, std::string> nodes_;  // (device, inode) of existing files
  std::map<std::string, std::string> resolved_;                  // resolved path of every path
};

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
