#include "io/json.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/utf8.h"

namespace retouche::json {

const Value* Value::find(std::string_view key) const {
  for (const auto& [k, v] : object) {
    if (k == key) return &v;
  }
  return nullptr;
}

namespace {

constexpr int kMaxDepth = 512;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

// Bytes a string holds as they are: printable ASCII but the quote and the
// backslash.
constexpr std::array<bool, 256> kPlainByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[static_cast<size_t>(c)] = c != '"' && c != '\\';
  return t;
}();

class Parser {
 public:
  Parser(std::string_view t, Error* err) : t_(t), err_(err) {}

  bool fail(const char* message) {
    if (err_) {
      err_->offset = pos_;
      err_->message = message;
    }
    return false;
  }

  bool fail_surrogate() {
    if (err_) err_->bad_string = true;
    return fail("lone surrogate escape in string");
  }

  void skip_ws() {
    while (pos_ < t_.size()) {
      char c = t_[pos_];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
      ++pos_;
    }
  }

  bool at_end() {
    skip_ws();
    return pos_ == t_.size();
  }

  // Scans a string token starting at pos_ ('"'), optionally decoding it.
  // Validation alone (`out` null, as scan_object() does for the values it
  // does not decode) accepts exactly what decode_string() accepts: surrogate
  // escapes are paired here too.
  bool string(std::string* out) {
    size_t start = pos_;
    ++pos_;
    bool plain = true;
    size_t high_at = std::string_view::npos;  // a high surrogate escape waiting for its low half
    while (true) {
      // Runs of printable ASCII other than '"' and '\\' (most of a text)
      // need no look but this.
      if (high_at == std::string_view::npos) {
        while (pos_ < t_.size() && kPlainByte[static_cast<unsigned char>(t_[pos_])]) ++pos_;
      }
      if (pos_ >= t_.size()) return fail("unterminated string");
      unsigned char c = static_cast<unsigned char>(t_[pos_]);
      if (high_at != std::string_view::npos &&
          !(c == '\\' && pos_ + 1 < t_.size() && t_[pos_ + 1] == 'u')) {
        pos_ = high_at;
        return fail_surrogate();
      }
      if (c == '"') break;
      if (c < 0x20) return fail("control character in string");
      if (c == '\\') {
        plain = false;
        ++pos_;
        if (pos_ >= t_.size()) return fail("unterminated string");
        char e = t_[pos_];
        if (e == 'u') {
          if (pos_ + 4 >= t_.size()) return fail("bad \\u escape");
          int v = 0;
          for (int k = 1; k <= 4; ++k) {
            if (!std::isxdigit(static_cast<unsigned char>(t_[pos_ + k]))) {
              return fail("bad \\u escape");
            }
            v = (v << 4) | hex_value(t_[pos_ + k]);
          }
          size_t escape_at = pos_ - 1;
          pos_ += 5;
          bool low = v >= 0xDC00 && v <= 0xDFFF;
          if (high_at != std::string_view::npos) {
            if (!low) {
              pos_ = high_at;
              return fail_surrogate();
            }
            high_at = std::string_view::npos;
          } else if (v >= 0xD800 && v <= 0xDBFF) {
            high_at = escape_at;
          } else if (low) {
            pos_ = escape_at;
            return fail_surrogate();
          }
          continue;
        }
        // Not std::strchr: it would match the terminator of its set, and
        // accept a backslash before a raw NUL that decode_string() rejects.
        if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
          return fail("bad escape in string");
        }
        ++pos_;
        continue;
      }
      if (c >= 0x80) {
        size_t len = utf8::sequence_length(t_, pos_);
        if (len == 0) return fail("invalid UTF-8 in string");
        pos_ += len;
        continue;
      }
      ++pos_;
    }
    ++pos_;  // closing quote
    if (out) {
      if (plain) {
        out->assign(t_.substr(start + 1, pos_ - start - 2));
      } else {
        Error e;
        if (!decode_string(t_.substr(start, pos_ - start), out, &e)) {
          pos_ = start + e.offset;
          if (err_) err_->bad_string = e.bad_string;
          return fail(err_message_storage(e.message));
        }
      }
    }
    return true;
  }

  bool number(std::string* raw, double* value) {
    size_t start = pos_;
    if (pos_ < t_.size() && t_[pos_] == '-') ++pos_;
    if (pos_ >= t_.size()) return fail("bad number");
    if (t_[pos_] == '0') {
      ++pos_;
    } else if (t_[pos_] >= '1' && t_[pos_] <= '9') {
      while (pos_ < t_.size() && std::isdigit(static_cast<unsigned char>(t_[pos_]))) ++pos_;
    } else {
      return fail("bad number");
    }
    if (pos_ < t_.size() && t_[pos_] == '.') {
      ++pos_;
      if (pos_ >= t_.size() || !std::isdigit(static_cast<unsigned char>(t_[pos_]))) {
        return fail("bad number");
      }
      while (pos_ < t_.size() && std::isdigit(static_cast<unsigned char>(t_[pos_]))) ++pos_;
    }
    if (pos_ < t_.size() && (t_[pos_] == 'e' || t_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < t_.size() && (t_[pos_] == '+' || t_[pos_] == '-')) ++pos_;
      if (pos_ >= t_.size() || !std::isdigit(static_cast<unsigned char>(t_[pos_]))) {
        return fail("bad number");
      }
      while (pos_ < t_.size() && std::isdigit(static_cast<unsigned char>(t_[pos_]))) ++pos_;
    }
    if (raw) raw->assign(t_.substr(start, pos_ - start));
    if (value) std::from_chars(t_.data() + start, t_.data() + pos_, *value);
    return true;
  }

  bool literal(std::string_view word) {
    if (t_.substr(pos_, word.size()) != word) return fail("unexpected character");
    pos_ += word.size();
    return true;
  }

  // Parses any value; `out` may be null to validate only.
  bool value(Value* out, int depth, Type* type) {
    if (depth > kMaxDepth) return fail("nesting too deep");
    skip_ws();
    if (pos_ >= t_.size()) return fail("unexpected end of input");
    char c = t_[pos_];
    if (c == '{') {
      if (type) *type = Type::kObject;
      if (out) out->type = Type::kObject;
      ++pos_;
      skip_ws();
      if (pos_ < t_.size() && t_[pos_] == '}') {
        ++pos_;
        return true;
      }
      while (true) {
        skip_ws();
        if (pos_ >= t_.size() || t_[pos_] != '"') return fail("expected a member name");
        std::string key;
        if (!string(out ? &key : nullptr)) return false;
        skip_ws();
        if (pos_ >= t_.size() || t_[pos_] != ':') return fail("expected ':'");
        ++pos_;
        if (out) {
          out->object.emplace_back(std::move(key), Value());
          if (!value(&out->object.back().second, depth + 1, nullptr)) return false;
        } else if (!value(nullptr, depth + 1, nullptr)) {
          return false;
        }
        skip_ws();
        if (pos_ < t_.size() && t_[pos_] == ',') {
          ++pos_;
          continue;
        }
        if (pos_ < t_.size() && t_[pos_] == '}') {
          ++pos_;
          return true;
        }
        return fail("expected ',' or '}'");
      }
    }
    if (c == '[') {
      if (type) *type = Type::kArray;
      if (out) out->type = Type::kArray;
      ++pos_;
      skip_ws();
      if (pos_ < t_.size() && t_[pos_] == ']') {
        ++pos_;
        return true;
      }
      while (true) {
        if (out) {
          out->array.emplace_back();
          if (!value(&out->array.back(), depth + 1, nullptr)) return false;
        } else if (!value(nullptr, depth + 1, nullptr)) {
          return false;
        }
        skip_ws();
        if (pos_ < t_.size() && t_[pos_] == ',') {
          ++pos_;
          continue;
        }
        if (pos_ < t_.size() && t_[pos_] == ']') {
          ++pos_;
          return true;
        }
        return fail("expected ',' or ']'");
      }
    }
    if (c == '"') {
      if (type) *type = Type::kString;
      if (out) out->type = Type::kString;
      return string(out ? &out->string : nullptr);
    }
    if (c == 't' || c == 'f') {
      if (type) *type = Type::kBool;
      if (out) {
        out->type = Type::kBool;
        out->boolean = c == 't';
      }
      return literal(c == 't' ? "true" : "false");
    }
    if (c == 'n') {
      if (type) *type = Type::kNull;
      if (out) out->type = Type::kNull;
      return literal("null");
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      if (type) *type = Type::kNumber;
      if (out) out->type = Type::kNumber;
      return number(out ? &out->string : nullptr, out ? &out->number : nullptr);
    }
    return fail("unexpected character");
  }

  size_t pos() const { return pos_; }
  void set_pos(size_t p) { pos_ = p; }

 private:
  // Error messages are string literals, except those forwarded from
  // decode_string; keep the last one alive for fail().
  const char* err_message_storage(const std::string& m) {
    storage_ = m;
    return storage_.c_str();
  }

  std::string_view t_;
  Error* err_;
  size_t pos_ = 0;
  std::string storage_;
};

}  // namespace

bool parse(std::string_view text, Value* out, Error* err) {
  Parser p(text, err);
  *out = Value();
  if (!p.value(out, 0, nullptr)) return false;
  if (!p.at_end()) return p.fail("unexpected text after the value");
  return true;
}

bool scan_object(std::string_view text, std::vector<Member>* members, Error* err) {
  members->clear();
  Parser p(text, err);
  p.skip_ws();
  if (p.pos() >= text.size() || text[p.pos()] != '{') return p.fail("expected a JSON object");
  p.set_pos(p.pos() + 1);
  p.skip_ws();
  if (p.pos() < text.size() && text[p.pos()] == '}') {
    p.set_pos(p.pos() + 1);
    if (!p.at_end()) return p.fail("unexpected text after the object");
    return true;
  }
  while (true) {
    p.skip_ws();
    if (p.pos() >= text.size() || text[p.pos()] != '"') return p.fail("expected a member name");
    Member m;
    if (!p.string(&m.key)) return false;
    p.skip_ws();
    if (p.pos() >= text.size() || text[p.pos()] != ':') return p.fail("expected ':'");
    p.set_pos(p.pos() + 1);
    p.skip_ws();
    m.value_begin = p.pos();
    if (!p.value(nullptr, 1, &m.type)) return false;
    m.value_end = p.pos();
    members->push_back(std::move(m));
    p.skip_ws();
    if (p.pos() < text.size() && text[p.pos()] == ',') {
      p.set_pos(p.pos() + 1);
      continue;
    }
    if (p.pos() < text.size() && text[p.pos()] == '}') {
      p.set_pos(p.pos() + 1);
      break;
    }
    return p.fail("expected ',' or '}'");
  }
  if (!p.at_end()) return p.fail("unexpected text after the object");
  return true;
}

bool decode_string(std::string_view raw, std::string* out, Error* err) {
  out->clear();
  out->reserve(raw.size());
  size_t i = 1, n = raw.size() - 1;  // inside the quotes
  auto fail = [&](size_t at, const char* m) {
    if (err) {
      err->offset = at;
      err->message = m;
      err->bad_string = std::string_view(m).starts_with("lone surrogate");
    }
    return false;
  };
  while (i < n) {
    size_t run = i;
    while (i < n && raw[i] != '\\') ++i;
    out->append(raw.substr(run, i - run));
    if (i >= n) break;
    char e = raw[i + 1];
    switch (e) {
      case '"': out->push_back('"'); i += 2; break;
      case '\\': out->push_back('\\'); i += 2; break;
      case '/': out->push_back('/'); i += 2; break;
      case 'b': out->push_back('\b'); i += 2; break;
      case 'f': out->push_back('\f'); i += 2; break;
      case 'n': out->push_back('\n'); i += 2; break;
      case 'r': out->push_back('\r'); i += 2; break;
      case 't': out->push_back('\t'); i += 2; break;
      case 'u': {
        auto hex4 = [&](size_t at) {
          return (hex_value(raw[at]) << 12) | (hex_value(raw[at + 1]) << 8) |
                 (hex_value(raw[at + 2]) << 4) | hex_value(raw[at + 3]);
        };
        char32_t c = static_cast<char32_t>(hex4(i + 2));
        size_t at = i;
        i += 6;
        if (c >= 0xD800 && c <= 0xDBFF) {
          if (i + 6 > n + 1 || raw[i] != '\\' || raw[i + 1] != 'u') {
            return fail(at, "lone surrogate escape in string");
          }
          char32_t lo = static_cast<char32_t>(hex4(i + 2));
          if (lo < 0xDC00 || lo > 0xDFFF) return fail(at, "lone surrogate escape in string");
          c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
          i += 6;
        } else if (c >= 0xDC00 && c <= 0xDFFF) {
          return fail(at, "lone surrogate escape in string");
        }
        utf8::append(*out, c);
        break;
      }
      default:
        return fail(i, "bad escape in string");
    }
  }
  return true;
}

void append_string(std::string& out, std::string_view s, bool ascii) {
  static const char* hex = "0123456789abcdef";
  out.push_back('"');
  size_t i = 0, n = s.size();
  while (i < n) {
    size_t run = i;
    while (i < n) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
      ++i;
    }
    out.append(s.substr(run, i - run));
    if (i >= n) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t len = utf8::sequence_length(s, i);
      if (len == 0) {
        out.append("\\ufffd");
        ++i;
        continue;
      }
      if (!ascii) {
        out.append(s.substr(i, len));
        i += len;
        continue;
      }
      char32_t cp = utf8::decode(s, i);
      auto esc = [&](unsigned v) {
        out.append("\\u");
        for (int k = 12; k >= 0; k -= 4) out.push_back(hex[(v >> k) & 0xF]);
      };
      if (cp >= 0x10000) {
        cp -= 0x10000;
        esc(0xD800 + (cp >> 10));
        esc(0xDC00 + (cp & 0x3FF));
      } else {
        esc(cp);
      }
      continue;
    }
    ++i;
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      case '\b': out.append("\\b"); break;
      case '\f': out.append("\\f"); break;
      default:
        out.append("\\u00");
        out.push_back(hex[c >> 4]);
        out.push_back(hex[c & 0xF]);
    }
  }
  out.push_back('"');
}

void append_number(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out.append("null");
    return;
  }
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

void append_uint(std::string& out, uint64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

}  // namespace retouche::json
