#include "io/temp_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <set>
#include <system_error>

namespace fs = std::filesystem;

namespace retouche {
namespace {

constexpr std::string_view kMarker = ".retouche-tmp.";

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string directory_of(const std::string& target) {
  std::string dir = fs::path(target).parent_path().string();
  return dir.empty() ? "." : dir;
}

// Removes `path` if it is a temporary nobody holds locked. An open that
// fails, or a lock that cannot be taken (held, or a file system without
// locks), leaves the file alone.
bool remove_if_stale(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0) return false;
  bool removed = false;
  struct stat held, now;
  if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::fstat(fd, &held) == 0 && S_ISREG(held.st_mode) &&
      ::lstat(path.c_str(), &now) == 0 && now.st_dev == held.st_dev && now.st_ino == held.st_ino) {
    removed = ::unlink(path.c_str()) == 0;
  }
  ::close(fd);
  return removed;
}

// Directories already swept by this process.
std::mutex swept_mutex;
std::set<std::string> swept;

void sweep_once(const std::string& dir) {
  std::error_code ec;
  std::string key = fs::absolute(dir, ec).lexically_normal().string();
  if (ec) key = dir;
  {
    std::lock_guard<std::mutex> lock(swept_mutex);
    if (!swept.insert(key).second) return;
  }
  remove_stale_temporaries(dir);
}

}  // namespace

bool is_temporary_name(const std::string& name) {
  if (name.size() < 2 || name[0] != '.') return false;
  size_t at = name.rfind(kMarker);
  if (at == std::string::npos || at == 0) return false;
  std::string_view rest = std::string_view(name).substr(at + kMarker.size());
  size_t dot = rest.find('.');
  if (dot == std::string_view::npos) return all_digits(rest);
  return all_digits(rest.substr(0, dot)) && all_digits(rest.substr(dot + 1));
}

std::vector<std::string> remove_stale_temporaries(const std::string& dir) {
  std::vector<std::string> removed;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!is_temporary_name(name)) continue;
    std::string path = it->path().string();
    if (remove_if_stale(path)) removed.push_back(path);
  }
  return removed;
}

Status create_temp_beside(const std::string& target, std::string* tmp_path, int* fd) {
  std::string dir = directory_of(target);
  sweep_once(dir);
  std::string base = (fs::path(dir) / ("." + fs::path(target).filename().string())).string() +
                     std::string(kMarker) + std::to_string(::getpid());
  for (int n = 1; n < 1000;) {
    std::string path = n == 1 ? base : base + "." + std::to_string(n);
    int f = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (f < 0) {
      if (errno != EEXIST) return IoError(target + ": cannot write: " + std::strerror(errno));
      // Left by a killed run whose PID this process now has, or written by
      // another thread of this one (then locked): try the next name.
      if (!remove_if_stale(path)) ++n;
      continue;
    }
    // Locked for as long as the file is open. A sweeper of another run may
    // have removed the file between open() and flock(): then start again.
    struct stat st;
    int lock = ::flock(f, LOCK_EX);
    if (lock == 0 && ::fstat(f, &st) == 0 && st.st_nlink == 0) {
      ::close(f);
      continue;
    }
    *tmp_path = std::move(path);
    *fd = f;
    return Status::Ok();
  }
  return IoError(target + ": cannot write: no free temporary file name beside it");
}

bool open_special_target(const std::string& target, int* fd, Status* st) {
  struct stat sb;
  if (::stat(target.c_str(), &sb) != 0 || S_ISREG(sb.st_mode) || S_ISDIR(sb.st_mode)) return false;
  int f = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
  if (f < 0) {
    *st = IoError(target + ": cannot write: " + std::strerror(errno));
    return true;
  }
  *fd = f;
  *st = Status::Ok();
  return true;
}

}  // namespace retouche
