// Line-by-line reading and atomic writing of corpus files, plain or
// compressed (gzip, zstd), from and to files or stdin/stdout.
//
//   std::unique_ptr<LineReader> in;
//   Status st = LineReader::open("shard-00.jsonl.zst", &in);  // or "-" for stdin
//   std::string line;
//   while (in->next(&line)) { ... }             // line without its '\n'
//   if (!in->status().ok()) fail(in->status());  // a truncated or corrupt stream
//
//   std::unique_ptr<OutputFile> out;
//   st = OutputFile::open("clean-00.jsonl.gz", &out);  // or "-" for stdout
//   out->write(row); ...
//   st = out->commit();   // renames the finished temporary file over the target
//   // or out->abort(): the target is untouched and the temporary file removed
//
// Compression of an input is recognised from its first bytes (so stdin may
// be compressed too); an output is compressed as its name says (.gz, .zst).
// A gzip input may hold several members (as `cat a.gz b.gz` gives).
//
// Thread-safety: one object per thread.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "retouche/status.h"

namespace retouche {

enum class Compression { kNone, kGzip, kZstd };

// From a file name's extension: ".gz" -> gzip, ".zst"/".zstd" -> zstd.
Compression compression_for_name(std::string_view path);

// Reads everything left on a file descriptor (0: standard input) in large
// blocks, appending to `out`; on a read error the message starts with `name`.
Status read_all(int fd, const std::string& name, std::string* out);

class LineReader {
 public:
  static Status open(const std::string& path, std::unique_ptr<LineReader>* out);
  virtual ~LineReader() = default;

  // Reads the next line into `line` (without "\n"; a "\r" before it is kept).
  // Returns false at the end of input or on an error (see status()).
  virtual bool next(std::string* line) = 0;
  virtual const Status& status() const = 0;
  // Bytes of the underlying file consumed so far (compressed bytes), for progress.
  virtual uint64_t raw_bytes_read() const = 0;
  virtual Compression compression() const = 0;
};

class OutputFile {
 public:
  // "-" writes to stdout (uncompressed unless `compression` says otherwise).
  static Status open(const std::string& path, std::unique_ptr<OutputFile>* out,
                     Compression compression);
  static Status open(const std::string& path, std::unique_ptr<OutputFile>* out) {
    return open(path, out, compression_for_name(path));
  }
  virtual ~OutputFile() = default;  // an uncommitted file is aborted

  virtual Status write(std::string_view data) = 0;
  // Flushes, closes and renames the temporary file over the target.
  virtual Status commit() = 0;
  // Removes the temporary file; the target keeps its old content (if any).
  virtual void abort() = 0;
};

}  // namespace retouche
