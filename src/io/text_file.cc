#include "io/text_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <system_error>
#include <map>
#include <set>

#include "io/byte_stream.h"
#include "io/temp_file.h"

namespace fs = std::filesystem;

namespace retouche {

Status read_file(const std::string& path, std::string* out) {
  out->clear();
  if (path == "-") return read_all(0, "-: cannot read standard input", out);  // block reads
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return IoError(path + ": cannot read: " + std::strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      ::close(fd);
      return IoError(path + ": is a directory");
    }
    if (S_ISREG(st.st_mode)) out->reserve(static_cast<size_t>(st.st_size));
  }
  char buf[1 << 16];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      ::close(fd);
      return IoError(path + ": cannot read: " + std::strerror(e));
    }
    if (n == 0) break;
    out->append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return Status::Ok();
}

namespace {

// Writes all of `data` to `fd`; 0 or the errno of the failed write.
int write_all(int fd, std::string_view data) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    done += static_cast<size_t>(n);
  }
  return 0;
}

}  // namespace

Status write_file_atomic(const std::string& path, std::string_view data) {
  std::string tmp;
  int fd = -1;
  if (Status st; open_special_target(path, &fd, &st)) {  // a device or pipe: written in place
    RETURN_IF_ERROR(st);
    int e = write_all(fd, data);
    if (::close(fd) != 0 && e == 0) e = errno;
    return e == 0 ? Status::Ok() : IoError(path + ": cannot write: " + std::strerror(e));
  }
  RETURN_IF_ERROR(create_temp_beside(path, &tmp, &fd));
  // The temporary is removed and renamed while still open: its lock (see
  // temp_file.h) keeps other runs from taking it for a stale one.
  auto fail = [&](int e) {
    ::unlink(tmp.c_str());
    ::close(fd);
    return IoError(path + ": cannot write: " + std::strerror(e));
  };
  if (int e = write_all(fd, data); e != 0) return fail(e);
  ::fchmod(fd, 0644);
  if (::rename(tmp.c_str(), path.c_str()) != 0) return fail(errno);
  if (::close(fd) != 0) {
    // A delayed write error (NFS, a full quota): the file may be short.
    int e = errno;
    ::unlink(path.c_str());
    return IoError(path + ": cannot write: " + std::strerror(e));
  }
  return Status::Ok();
}

Status write_stdout(std::string_view data) {
  if (data.empty()) return Status::Ok();
  if (std::fwrite(data.data(), 1, data.size(), stdout) != data.size() || std::ferror(stdout)) {
    return IoError(std::string("standard output: cannot write: ") + std::strerror(errno));
  }
  return Status::Ok();
}

Status flush_stdout() {
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    return IoError(std::string("standard output: cannot write: ") + std::strerror(errno));
  }
  return Status::Ok();
}

Status ensure_directory(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return IoError(dir + ": cannot create output directory: " + ec.message());
  if (!fs::is_directory(dir, ec)) return IoError(dir + ": not a directory");
  if (::access(dir.c_str(), W_OK) != 0) {
    return IoError(dir + ": output directory is not writable: " + std::strerror(errno));
  }
  return Status::Ok();
}

std::string binary_reason(std::string_view data) {
  size_t n = std::min<size_t>(data.size(), 1 << 16);
  size_t nul = 0, control = 0;
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(data[i]);
    if (c == 0) ++nul;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  // A few stray NULs in prose are a normalize finding; a file that is a
  // tenth control bytes (or NUL-heavy, like UTF-16 or images) is not text.
  if (n > 0 && (control * 10 > n || (nul >= 8 && nul * 100 > n))) {
    return std::to_string(control) + " control bytes (" + std::to_string(nul) + " NUL) in the first " +
           std::to_string(n) + " bytes";
  }
  return "";
}

namespace {

bool hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

bool wanted_text_file(const fs::path& p) {
  std::string name = p.filename().string();
  auto ends = [&](const std::string& s) {
    return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
  };
  return ends(".txt") && !ends(".expected.txt");
}

}  // namespace

std::vector<InputFile> expand_inputs(const std::vector<std::string>& args,
                                     std::vector<std::string>* errors) {
  std::vector<InputFile> out;
  for (const std::string& a : args) {
    if (a == "-") {
      out.push_back({"-", "stdin.txt"});
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(a, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) {
      // A symbolic-link loop, a directory on the way that cannot be searched.
      errors->push_back(a + ": cannot read: " + ec.message());
      continue;
    }
    if (ec || !fs::exists(st)) {
      errors->push_back(a + ": no such file or directory");
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<InputFile> found;
      fs::recursive_directory_iterator it(a, fs::directory_options::skip_permission_denied, ec), end;
      if (ec) {
        errors->push_back(a + ": cannot read directory: " + ec.message());
        continue;
      }
      for (; it != end; it.increment(ec)) {
        if (ec) break;
        if (hidden(it->path())) {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file() && wanted_text_file(it->path())) {
          found.push_back({it->path().string(), fs::relative(it->path(), a).string()});
        }
      }
      std::sort(found.begin(), found.end(),
                [](const InputFile& x, const InputFile& y) { return x.path < y.path; });
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back({a, fs::path(a).filename().string()});
    }
  }
  // Collisions: fall back to paths relative to the common parent of all inputs.
  std::set<std::string> seen;
  bool collide = false;
  for (const InputFile& f : out) collide |= !seen.insert(f.out_name).second;
  if (collide) {
    std::vector<fs::path> abs;
    for (const InputFile& f : out) abs.push_back(f.path == "-" ? fs::path("stdin.txt") : fs::absolute(f.path).lexically_normal());
    fs::path common = abs.front().parent_path();
    for (const fs::path& p : abs) {
      while (!common.empty() && p.lexically_relative(common).string().starts_with("..")) {
        common = common.parent_path();
      }
    }
    for (size_t i = 0; i < out.size(); ++i) {
      out[i].out_name = abs[i].lexically_relative(common).string();
    }
    // Identical paths given twice still collide: number the repeats.
    std::map<std::string, int> count;
    for (InputFile& f : out) {
      int k = count[f.out_name]++;
      if (k > 0) f.out_name += "." + std::to_string(k + 1) + ".txt";
    }
  }
  return out;
}

}  // namespace retouche
