// A small strict JSON reader and writer (RFC 8259), enough for findings files
// and JSONL corpora. Two ways to read:
//  * parse(): a full document tree (findings lines, stats files);
//  * scan_object(): the members of one top-level object with the raw byte
//    span of each value, so a corpus row can be rewritten by splicing one
//    value while every other byte of the row stays exactly as it was.
// Thread-safety: free functions over caller-owned data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace retouche::json {

enum class Type : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };

struct Value {
  // The special members are defined after the class: until it is complete,
  // std::pair<std::string, Value> may not be instantiated (libstdc++ checks
  // it under clang; GCC happened to accept it).
  Value();
  Value(const Value&);
  Value(Value&&) noexcept;
  Value& operator=(const Value&);
  Value& operator=(Value&&) noexcept;
  ~Value();

  Type type = Type::kNull;
  bool boolean = false;
  double number = 0;
  std::string string;  // decoded string, or the raw text of a number
  std::vector<Value> array;
  std::vector<std::pair<std::string, Value>> object;

  const Value* find(std::string_view key) const;  // first member named key (objects)
};

inline Value::Value() = default;
inline Value::Value(const Value&) = default;
inline Value::Value(Value&&) noexcept = default;
inline Value& Value::operator=(const Value&) = default;
inline Value& Value::operator=(Value&&) noexcept = default;
inline Value::~Value() = default;

struct Error {
  size_t offset = 0;  // byte offset in the parsed text
  std::string message;
  bool bad_string = false;  // well-formed JSON but a string is not Unicode (a lone surrogate escape)
};

bool parse(std::string_view text, Value* out, Error* err);

// One member of a top-level object: the decoded key, and the raw value span.
struct Member {
  std::string key;
  size_t value_begin = 0;
  size_t value_end = 0;
  Type type = Type::kNull;
};

// Validates `text` as one JSON object (whitespace around it allowed) and lists
// its members in order.
bool scan_object(std::string_view text, std::vector<Member>* members, Error* err);

// Decodes a raw JSON string token (with its quotes). Fails on escapes that do
// not form valid Unicode (a lone surrogate), reporting the offset in `raw`.
bool decode_string(std::string_view raw, std::string* out, Error* err);

// Appends `s` as a quoted JSON string. Bytes that are not valid UTF-8 are
// written as \ufffd, so the output is always valid JSON. With `ascii`, every
// non-ASCII code point is escaped (as Python's json.dumps does by default).
void append_string(std::string& out, std::string_view s, bool ascii = false);

void append_number(std::string& out, double v);  // shortest round-tripping form
void append_uint(std::string& out, uint64_t v);

}  // namespace retouche::json
