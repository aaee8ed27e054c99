#include "io/byte_stream.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "io/temp_file.h"

namespace retouche {

Compression compression_for_name(std::string_view path) {
  if (path.ends_with(".gz")) return Compression::kGzip;
  if (path.ends_with(".zst") || path.ends_with(".zstd")) return Compression::kZstd;
  return Compression::kNone;
}

namespace {

constexpr size_t kChunk = 1 << 17;

// Reads raw bytes from a file descriptor.
class RawSource {
 public:
  RawSource(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}
  ~RawSource() {
    if (fd_ > 0) ::close(fd_);
  }
  // Fills `buf` with up to `cap` bytes; 0 at the end; -1 on error (status set).
  ssize_t read(char* buf, size_t cap, Status* status) {
    while (true) {
      ssize_t n = ::read(fd_, buf, cap);
      if (n >= 0) {
        consumed_ += static_cast<uint64_t>(n);
        return n;
      }
      if (errno == EINTR) continue;
      *status = IoError(name_ + ": cannot read: " + std::strerror(errno));
      return -1;
    }
  }
  uint64_t consumed() const { return consumed_; }
  const std::string& name() const { return name_; }

 private:
  int fd_;
  std::string name_;
  uint64_t consumed_ = 0;
};

// Splits decoded bytes into lines. Subclasses produce the decoded bytes.
class BufferedLineReader : public LineReader {
 public:
  BufferedLineReader(std::unique_ptr<RawSource> src, std::string prefix, Compression c)
      : src_(std::move(src)), buf_(std::move(prefix)), compression_(c) {}

  bool next(std::string* line) override {
    line->clear();
    while (true) {
      size_t nl = buf_.find('\n', pos_);
      if (nl != std::string::npos) {
        line->append(buf_, pos_, nl - pos_);
        pos_ = nl + 1;
        return true;
      }
      line->append(buf_, pos_, std::string::npos);
      buf_.clear();
      pos_ = 0;
      if (eof_ || !status_.ok()) {
        // A last line without "\n" is still a line.
        return status_.ok() && !line->empty();
      }
      if (!fill(&buf_)) eof_ = true;
    }
  }
  const Status& status() const override { return status_; }
  uint64_t raw_bytes_read() const override { return src_->consumed(); }
  Compression compression() const override { return compression_; }

 protected:
  // Appends decoded bytes to `out`; returns false at the end of the stream.
  virtual bool fill(std::string* out) = 0;

  std::unique_ptr<RawSource> src_;
  Status status_;

 private:
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
  Compression compression_;
};

class PlainReader : public BufferedLineReader {
 public:
  using BufferedLineReader::BufferedLineReader;

 protected:
  bool fill(std::string* out) override {
    size_t old = out->size();
    out->resize(old + kChunk);
    ssize_t n = src_->read(out->data() + old, kChunk, &status_);
    out->resize(old + static_cast<size_t>(n > 0 ? n : 0));
    return n > 0;
  }
};

// A reader that decodes a compressed stream: keeps the compressed bytes
// read ahead and refills them when the decoder has used them up.
class DecodingReader : public BufferedLineReader {
 protected:
  DecodingReader(std::unique_ptr<RawSource> src, Compression c, std::string magic)
      : BufferedLineReader(std::move(src), "", c), in_(std::move(magic)) {}

  // Makes compressed input available. False at the end of the file (an
  // error naming `format` if a stream was cut in the middle) or on a read error.
  bool refill_input(bool mid_stream, const char* format) {
    if (in_pos_ < in_.size()) return true;
    in_.resize(kChunk);
    ssize_t n = src_->read(in_.data(), kChunk, &status_);
    if (n < 0) return false;
    in_.resize(static_cast<size_t>(n));
    in_pos_ = 0;
    if (n == 0 && mid_stream) status_ = InputError(src_->name() + ": truncated " + format + " stream");
    return n > 0;
  }

  std::string in_;
  size_t in_pos_ = 0;
};

class GzipReader : public DecodingReader {
 public:
  GzipReader(std::unique_ptr<RawSource> src, std::string magic)
      : DecodingReader(std::move(src), Compression::kGzip, std::move(magic)) {
    std::memset(&z_, 0, sizeof z_);
    // 15 + 16: gzip format only, with its CRC checked.
    if (inflateInit2(&z_, 15 + 16) != Z_OK) status_ = IoError("zlib initialisation failed");
    ready_ = status_.ok();
  }
  ~GzipReader() override {
    if (ready_) inflateEnd(&z_);
  }

 protected:
  bool fill(std::string* out) override {
    if (!status_.ok()) return false;
    while (true) {
      if (!refill_input(in_member_, "gzip")) return false;
      z_.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
      z_.avail_in = static_cast<uInt>(in_.size() - in_pos_);
      size_t old = out->size();
      out->resize(old + kChunk);
      z_.next_out = reinterpret_cast<Bytef*>(out->data() + old);
      z_.avail_out = static_cast<uInt>(kChunk);
      in_member_ = true;
      int rc = inflate(&z_, Z_NO_FLUSH);
      in_pos_ = in_.size() - z_.avail_in;
      size_t produced = kChunk - z_.avail_out;
      out->resize(old + produced);
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&z_);  // another member may follow
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        status_ = InputError(src_->name() + ": corrupt gzip stream (" +
                             (z_.msg ? z_.msg : "inflate error") + ")");
        return false;
      }
      if (produced > 0) return true;
    }
  }

 private:
  z_stream z_;
  bool ready_ = false;
  bool in_member_ = false;
};

class ZstdReader : public DecodingReader {
 public:
  ZstdReader(std::unique_ptr<RawSource> src, std::string magic)
      : DecodingReader(std::move(src), Compression::kZstd, std::move(magic)) {
    dctx_ = ZSTD_createDCtx();
    if (!dctx_) status_ = IoError("zstd initialisation failed");
  }
  ~ZstdReader() override { ZSTD_freeDCtx(dctx_); }

 protected:
  bool fill(std::string* out) override {
    if (!status_.ok()) return false;
    while (true) {
      if (!refill_input(pending_ != 0, "zstd")) return false;
      ZSTD_inBuffer ib{in_.data(), in_.size(), in_pos_};
      size_t old = out->size();
      out->resize(old + kChunk);
      ZSTD_outBuffer ob{out->data() + old, kChunk, 0};
      pending_ = ZSTD_decompressStream(dctx_, &ob, &ib);
      in_pos_ = ib.pos;
      out->resize(old + ob.pos);
      if (ZSTD_isError(pending_)) {
        status_ = InputError(src_->name() + ": corrupt zstd stream (" +
                             ZSTD_getErrorName(pending_) + ")");
        return false;
      }
      if (ob.pos > 0) return true;
    }
  }

 private:
  ZSTD_DCtx* dctx_ = nullptr;
  size_t pending_ = 0;  // non-zero: a frame is not finished
};

// Writes raw bytes to a temporary file (renamed on commit) or to stdout.
class RawSink {
 public:
  static Status open(const std::string& path, std::unique_ptr<RawSink>* out) {
    auto s = std::make_unique<RawSink>();
    s->path_ = path;
    if (path == "-") {
      s->fd_ = 1;
    } else if (Status st; open_special_target(path, &s->fd_, &st)) {
      RETURN_IF_ERROR(st);
      s->in_place_ = true;
    } else {
      RETURN_IF_ERROR(create_temp_beside(path, &s->tmp_, &s->fd_));
    }
    *out = std::move(s);
    return Status::Ok();
  }
  ~RawSink() { abort(); }

  Status write(const char* data, size_t size) {
    while (size > 0) {
      ssize_t n = ::write(fd_, data, size);
      if (n < 0) {
        if (errno == EINTR) continue;
        return IoError(name() + ": cannot write: " + std::strerror(errno));
      }
      data += n;
      size -= static_cast<size_t>(n);
    }
    return Status::Ok();
  }
  Status commit() {
    if (fd_ == 1) {
      fd_ = -1;
      return Status::Ok();
    }
    if (in_place_) {
      int rc = ::close(fd_);
      fd_ = -1;
      if (rc != 0) return IoError(path_ + ": cannot write: " + std::strerror(errno));
      return Status::Ok();
    }
    // Renamed while still open and locked (see temp_file.h).
    ::fchmod(fd_, 0644);
    if (::rename(tmp_.c_str(), path_.c_str()) != 0) {
      int e = errno;
      abort();
      return IoError(path_ + ": cannot write: " + std::strerror(e));
    }
    int rc = ::close(fd_);
    fd_ = -1;
    if (rc != 0) {
      // A delayed write error (NFS, a full quota): the file may be short.
      int e = errno;
      ::unlink(path_.c_str());
      return IoError(path_ + ": cannot write: " + std::strerror(e));
    }
    return Status::Ok();
  }
  void abort() {
    if (fd_ > 1) {
      if (!in_place_) ::unlink(tmp_.c_str());
      ::close(fd_);
    }
    fd_ = -1;
  }
  std::string name() const { return path_ == "-" ? "standard output" : path_; }

 private:
  std::string path_, tmp_;
  int fd_ = -1;
  bool in_place_ = false;  // a device or pipe, written to directly
};

class PlainOutput : public OutputFile {
 public:
  explicit PlainOutput(std::unique_ptr<RawSink> sink) : sink_(std::move(sink)) {}
  Status write(std::string_view data) override {
    if (buf_.size() + data.size() < kChunk) {
      buf_.append(data);
      return Status::Ok();
    }
    // A big write goes straight to the file, not through a copy in buf_.
    RETURN_IF_ERROR(flush());
    return sink_->write(data.data(), data.size());
  }
  Status commit() override {
    RETURN_IF_ERROR(flush());
    return sink_->commit();
  }
  void abort() override { sink_->abort(); }

 private:
  Status flush() {
    Status s = sink_->write(buf_.data(), buf_.size());
    buf_.clear();
    return s;
  }
  std::unique_ptr<RawSink> sink_;
  std::string buf_;
};

class GzipOutput : public OutputFile {
 public:
  explicit GzipOutput(std::unique_ptr<RawSink> sink) : sink_(std::move(sink)) {
    std::memset(&z_, 0, sizeof z_);
    ready_ = deflateInit2(&z_, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK;
  }
  ~GzipOutput() override {
    if (ready_) deflateEnd(&z_);
  }
  Status write(std::string_view data) override { return pump(data, Z_NO_FLUSH); }
  Status commit() override {
    RETURN_IF_ERROR(pump({}, Z_FINISH));
    return sink_->commit();
  }
  void abort() override { sink_->abort(); }

 private:
  Status pump(std::string_view data, int flush) {
    if (!ready_) return IoError("zlib initialisation failed");
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z_.avail_in = static_cast<uInt>(data.size());
    char out[kChunk];
    while (true) {
      z_.next_out = reinterpret_cast<Bytef*>(out);
      z_.avail_out = sizeof out;
      int rc = deflate(&z_, flush);
      if (rc == Z_STREAM_ERROR) return IoError("gzip compression failed");
      RETURN_IF_ERROR(sink_->write(out, sizeof out - z_.avail_out));
      if (flush == Z_FINISH ? rc == Z_STREAM_END : z_.avail_in == 0 && z_.avail_out != 0) break;
    }
    return Status::Ok();
  }
  std::unique_ptr<RawSink> sink_;
  z_stream z_;
  bool ready_ = false;
};

class ZstdOutput : public OutputFile {
 public:
  explicit ZstdOutput(std::unique_ptr<RawSink> sink) : sink_(std::move(sink)) {
    cctx_ = ZSTD_createCCtx();
    if (cctx_) ZSTD_CCtx_setParameter(cctx_, ZSTD_c_compressionLevel, 3);
  }
  ~ZstdOutput() override { ZSTD_freeCCtx(cctx_); }
  Status write(std::string_view data) override { return pump(data, ZSTD_e_continue); }
  Status commit() override {
    RETURN_IF_ERROR(pump({}, ZSTD_e_end));
    return sink_->commit();
  }
  void abort() override { sink_->abort(); }

 private:
  Status pump(std::string_view data, ZSTD_EndDirective mode) {
    if (!cctx_) return IoError("zstd initialisation failed");
    ZSTD_inBuffer ib{data.data(), data.size(), 0};
    std::vector<char> out(ZSTD_CStreamOutSize());
    while (true) {
      ZSTD_outBuffer ob{out.data(), out.size(), 0};
      size_t left = ZSTD_compressStream2(cctx_, &ob, &ib, mode);
      if (ZSTD_isError(left)) return IoError(std::string("zstd compression failed: ") + ZSTD_getErrorName(left));
      RETURN_IF_ERROR(sink_->write(out.data(), ob.pos));
      bool done = mode == ZSTD_e_end ? left == 0 : ib.pos == ib.size;
      if (done) break;
    }
    return Status::Ok();
  }
  std::unique_ptr<RawSink> sink_;
  ZSTD_CCtx* cctx_ = nullptr;
};

}  // namespace

Status read_all(int fd, const std::string& name, std::string* out) {
  constexpr size_t kBlock = 1 << 20;
  while (true) {
    size_t old = out->size();
    out->resize(old + kBlock);
    ssize_t n = ::read(fd, out->data() + old, kBlock);
    if (n < 0 && errno == EINTR) {
      out->resize(old);
      continue;
    }
    out->resize(old + static_cast<size_t>(n > 0 ? n : 0));
    if (n < 0) return IoError(name + ": " + std::strerror(errno));
    if (n == 0) return Status::Ok();
  }
}

Status LineReader::open(const std::string& path, std::unique_ptr<LineReader>* out) {
  int fd = 0;
  std::string name = path == "-" ? "standard input" : path;
  if (path != "-") {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return IoError(path + ": cannot read: " + std::strerror(errno));
    struct stat st;
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      ::close(fd);
      return IoError(path + ": is a directory");
    }
  }
  auto src = std::make_unique<RawSource>(fd, name);
  // The first bytes say whether the stream is compressed.
  std::string magic(4, '\0');
  size_t have = 0;
  Status st;
  while (have < magic.size()) {
    ssize_t n = src->read(magic.data() + have, magic.size() - have, &st);
    if (n < 0) return st;
    if (n == 0) break;
    have += static_cast<size_t>(n);
  }
  magic.resize(have);
  if (have >= 2 && static_cast<unsigned char>(magic[0]) == 0x1f &&
      static_cast<unsigned char>(magic[1]) == 0x8b) {
    *out = std::make_unique<GzipReader>(std::move(src), magic);
  } else if (have == 4 && magic == std::string("\x28\xb5\x2f\xfd", 4)) {
    *out = std::make_unique<ZstdReader>(std::move(src), magic);
  } else {
    *out = std::make_unique<PlainReader>(std::move(src), magic, Compression::kNone);
  }
  return Status::Ok();
}

Status OutputFile::open(const std::string& path, std::unique_ptr<OutputFile>* out,
                        Compression compression) {
  std::unique_ptr<RawSink> sink;
  RETURN_IF_ERROR(RawSink::open(path, &sink));
  switch (compression) {
    case Compression::kGzip:
      *out = std::make_unique<GzipOutput>(std::move(sink));
      break;
    case Compression::kZstd:
      *out = std::make_unique<ZstdOutput>(std::move(sink));
      break;
    case Compression::kNone:
      *out = std::make_unique<PlainOutput>(std::move(sink));
      break;
  }
  return Status::Ok();
}

}  // namespace retouche
