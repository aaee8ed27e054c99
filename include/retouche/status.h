// retouche/status.h — error values for the library.
//
// The library does not throw on bad input: operations that can fail return a
// `Status` (or fill one), which is either ok() or carries an error code and a
// message a user can act on ("invalid UTF-8 at byte 1234 (line 5, column 17)").
//
//   Status s = load_something(path);
//   if (!s.ok()) { std::cerr << s.message() << "\n"; return exit_code_for(s); }
//
// Inside the library, RETURN_IF_ERROR(expr) propagates a failed Status.
//
// Thread-safety: a Status is a plain value.
#pragma once

#include <string>
#include <utility>

namespace retouche {

enum class ErrorCode {
  kOk = 0,
  kUsage,         // the caller asked for something impossible (bad flag, bad option value)
  kInvalidInput,  // the input text or a findings file is not what it must be
  kIo,            // a file could not be read or written
  kConfig,        // data files (dictionaries, corrections) are missing or malformed
};

class Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

inline Status UsageError(std::string m) { return Status(ErrorCode::kUsage, std::move(m)); }
inline Status InputError(std::string m) { return Status(ErrorCode::kInvalidInput, std::move(m)); }
inline Status IoError(std::string m) { return Status(ErrorCode::kIo, std::move(m)); }
inline Status ConfigError(std::string m) { return Status(ErrorCode::kConfig, std::move(m)); }

}  // namespace retouche

#define RETURN_IF_ERROR(expr)                \
  do {                                       \
    ::retouche::Status retouche_s_ = (expr); \
    if (!retouche_s_.ok()) return retouche_s_; \
  } while (0)
