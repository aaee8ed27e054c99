#include "cli/output_paths.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "io/text_file.h"

namespace retouche::cli {
namespace fs = std::filesystem;

namespace {

fs::path resolved(const std::string& p) {
  std::error_code ec;
  fs::path r = fs::weakly_canonical(fs::absolute(p, ec), ec);
  return ec ? fs::absolute(p).lexically_normal() : r;
}

constexpr const char* kManifest = ".retouche-outputs";

}  // namespace

bool same_file(const std::string& a, const std::string& b) {
  if (a == "-" || b == "-") return false;
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec);
  return resolved(a) == resolved(b);
}

namespace {
bool node_of(const std::string& p, std::pair<uint64_t, uint64_t>* node) {
  struct stat st;
  if (p == "-" || ::stat(p.c_str(), &st) != 0) return false;
  *node = {static_cast<uint64_t>(st.st_dev), static_cast<uint64_t>(st.st_ino)};
  return true;
}
}  // namespace

FileSet::FileSet(const std::vector<std::string>& paths) {
  for (const std::string& p : paths) {
    if (p == "-") continue;
    std::pair<uint64_t, uint64_t> node;
    if (node_of(p, &node)) nodes_.emplace(node, p);
    resolved_.emplace(resolved(p).string(), p);
  }
}

const std::string* FileSet::find(const std::string& path) const {
  if (path == "-") return nullptr;
  std::pair<uint64_t, uint64_t> node;
  if (node_of(path, &node)) {
    auto it = nodes_.find(node);
    return it == nodes_.end() ? nullptr : &it->second;
  }
  auto it = resolved_.find(resolved(path).string());
  return it == resolved_.end() ? nullptr : &it->second;
}

bool is_within(const std::string& path, const std::string& dir) {
  fs::path rel = resolved(path).lexically_relative(resolved(dir));
  return !rel.empty() && *rel.begin() != "..";
}

std::string patch_path(const std::string& path, std::string* apply_from) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  fs::path abs = fs::absolute(path, ec).lexically_normal();
  fs::path rel = abs.lexically_relative(cwd);
  if (!ec && !rel.empty() && *rel.begin() != "..") return rel.string();
  *apply_from = abs.parent_path().string();
  return abs.filename().string();
}

OutputManifest::OutputManifest(std::string dir) : dir_(std::move(dir)) {
  std::ifstream in(fs::path(dir_) / kManifest);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] != '#') names_.insert(line);
  }
}

Status OutputManifest::save() const {
  std::string text = "# files written here by 'retouche clean'; a later run replaces only these\n";
  for (const std::string& n : names_) text += n + "\n";
  return write_file_atomic((fs::path(dir_) / kManifest).string(), text);
}

}  // namespace retouche::cli
