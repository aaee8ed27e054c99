// normalize.* — make the bytes trustworthy before anything reads them:
// invalid UTF-8 (with --lossy), byte-order mark, control and invisible
// characters, Unicode NFC, and (on request) line endings.
#include <unicode/normalizer2.h>
#include <unicode/bytestream.h>

#include <cstdint>

#include "core/utf8.h"
#include "pipeline/registry.h"
#include "retouche/pipeline.h"
#include "pipeline/rule.h"
#include "rules/families.h"
#include "text/chars.h"

namespace retouche {
namespace {

std::string hex(char32_t c) {
  static const char* digits = "0123456789ABCDEF";
  std::string s = "U+";
  int width = c > 0xFFFF ? 5 : 4;
  for (int i = width - 1; i >= 0; --i) s.push_back(digits[(c >> (4 * i)) & 0xF]);
  return s;
}

class InvalidUtf8 : public Rule {
 public:
  std::vector<RuleInfo> infos() const override {
    return {{"normalize.invalid-utf8", Stage::kNormalize, Applicability::kSafe,
             "bytes that are not valid UTF-8 (only with --lossy): replaced by U+FFFD"}};
  }
  void check(RuleContext& ctx) const override {
    if (!ctx.options().lossy_utf8) return;
    std::string_view t = ctx.text();
    size_t pos = 0, len = 0;
    while ((pos = utf8::find_invalid(t, pos, &len)) != utf8::kValid) {
      ctx.propose(0, pos, pos + len, "\xEF\xBF\xBD", 1.0,
                  "invalid UTF-8 byte sequence replaced by U+FFFD");
      pos += len;
    }
  }
};

class ByteOrderMark : public Rule {
 public:
  std::vector<RuleInfo> infos() const override {
    return {{"normalize.bom", Stage::kNormalize, Applicability::kSafe,
             "a UTF-8 byte-order mark at the start of the text"}};
  }
  void check(RuleContext& ctx) const override {
    if (ctx.text().starts_with("\xEF\xBB\xBF")) {
      ctx.propose(0, 0, 3, "", 1.0, "byte-order mark removed");
    }
  }
};

// Control characters other than tab and line breaks, and invisible format
// characters that scrapers leave inside words (zero-width space, soft hyphen,
// bidi marks). ZWJ/ZWNJ are kept where they do work: in emoji sequences and
// in scripts that need them (Arabic, Indic). NBSP and narrow NBSP are French
// typography and are never touched.
class ControlAndInvisible : public Rule {
 public:
  std::vector<RuleInfo> infos() const override {
    return {{"normalize.control-char", Stage::kNormalize, Applicability::kSafe,
             "control characters (NUL, C0/C1 controls other than tab and line breaks)"},
            {"normalize.invisible-char", Stage::kNormalize, Applicability::kSafe,
             "zero-width and bidi format characters, soft hyphens"}};
  }

  void check(RuleContext& ctx) const override {
    std::string_view t = ctx.text();
    size_t i = 0;
    char32_t prev = 0;
    while (i < t.size()) {
      unsigned char b = static_cast<unsigned char>(t[i]);
      if (b >= 0x20 && b < 0x7F) {  // printable ASCII: the common case
        prev = b;
        ++i;
        continue;
      }
      size_t start = i;
      char32_t c = utf8::decode(t, i);
      if (utf8::sequence_length(t, start) == 0) {  // invalid byte (lossy mode handles it)
        prev = 0;
        continue;
      }
      bool control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F ||
                     (c >= 0x80 && c <= 0x9F);
      if (control) {
        size_t j = i;
        char32_t next = j < t.size() ? utf8::decode(t, j) : 0;
        // Between two visible characters a control stood for some separation.
        bool between = prev > 0x20 && next > 0x20 && !text::is_space(prev) && !text::is_space(next);
        ctx.propose(0, start, i, between ? " " : "", 1.0,
                    "control character " + hex(c) + (between ? " replaced by a space" : " removed"));
        continue;
      }
      bool invisible = c == 0x200B || c == 0x2060 || c == 0x00AD || c == 0x200E || c == 0x200F ||
                       (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
                       (c == 0xFEFF && start != 0);
      if ((c == 0x200C || c == 0x200D) && !joiner_needed(t, start, i, prev)) invisible = true;
      if (invisible) {
        ctx.propose(1, start, i, "", 1.0, "invisible character " + hex(c) + " removed");
        continue;
      }
      prev = c;
    }
  }

 private:
  static bool joiner_needed(std::string_view t, size_t start, size_t end, char32_t prev) {
    size_t j = end;
    char32_t next = j < t.size() ? utf8::decode(t, j) : 0;
    (void)start;
    auto needs = [](char32_t c) {
      return text::is_emoji(c) || (text::is_letter(c) && !text::is_latin(c));
    };
    return needs(prev) || needs(next);
  }
};

// Unicode NFC: "e" + U+0301 becomes "é", so that look-ups and comparisons
// see one spelling of each letter.
class Nfc : public Rule {
 public:
  Nfc() {
    UErrorCode err = U_ZERO_ERROR;
    nfc_ = icu::Normalizer2::getNFCInstance(err);
  }
  std::vector<RuleInfo> infos() const override {
    return {{"normalize.nfc", Stage::kNormalize, Applicability::kSafe,
             "text not in Unicode normalization form C (decomposed accents)"}};
  }
  void check(RuleContext& ctx) const override {
    std::string_view t = ctx.text();
    // Most texts are in NFC already: ICU's check of the whole text is many
    // times faster than the walk below, and a text in NFC has every segment
    // in NFC, so the walk would propose nothing. Invalid bytes, which the
    // walk keeps out of segments, leave it to the walk; they can only be
    // there with --lossy (Pipeline::run refuses them otherwise).
    bool valid = !ctx.options().lossy_utf8 || utf8::find_invalid(t) == utf8::kValid;
    if (valid && whole_text_normalized(t)) return;
    size_t i = 0;
    size_t seg = 0;  // start of the current normalization segment
    bool seg_needs_check = false;
    auto flush = [&](size_t seg_end) {
      if (!seg_needs_check || seg_end <= seg) return;
      std::string_view piece = t.substr(seg, seg_end - seg);
      UErrorCode err = U_ZERO_ERROR;
      if (nfc_->isNormalizedUTF8(icu::StringPiece(piece.data(), static_cast<int32_t>(piece.size())),
                                 err) || U_FAILURE(err)) {
        return;
      }
      std::string out;
      icu::StringByteSink<std::string> sink(&out);
      err = U_ZERO_ERROR;
      nfc_->normalizeUTF8(0, icu::StringPiece(piece.data(), static_cast<int32_t>(piece.size())),
                          sink, nullptr, err);
      if (U_SUCCESS(err) && out != piece) {
        ctx.propose(0, seg, seg_end, out, 1.0, "Unicode composed form (NFC)");
      }
    };
    while (i < t.size()) {
      unsigned char b = static_cast<unsigned char>(t[i]);
      size_t start = i;
      if (b < 0x80) {
        flush(start);
        seg = start;
        seg_needs_check = false;
        ++i;
        continue;
      }
      if (utf8::sequence_length(t, i) == 0) {  // invalid byte: never inside a segment
        flush(start);
        ++i;
        seg = i;
        seg_needs_check = false;
        continue;
      }
      char32_t c = utf8::decode(t, i);
      if (nfc_->hasBoundaryBefore(static_cast<UChar32>(c))) {
        flush(start);
        seg = start;
        seg_needs_check = !nfc_->isInert(static_cast<UChar32>(c));
      } else {
        seg_needs_check = true;
      }
    }
    flush(t.size());
  }

 private:
  bool whole_text_normalized(std::string_view t) const {
    if (t.size() > static_cast<size_t>(INT32_MAX)) return false;  // ICU's lengths are int32_t
    UErrorCode err = U_ZERO_ERROR;
    bool yes = nfc_->isNormalizedUTF8(icu::StringPiece(t.data(), static_cast<int32_t>(t.size())), err);
    return U_SUCCESS(err) && yes;
  }

  const icu::Normalizer2* nfc_;
};

class LineEndings : public Rule {
 public:
  std::vector<RuleInfo> infos() const override {
    return {{"normalize.line-ending", Stage::kNormalize, Applicability::kSafe,
             "CRLF and CR line endings converted to LF (off by default: --newline lf)", false}};
  }
  void check(RuleContext& ctx) const override {
    std::string_view t = ctx.text();
    for (size_t i = t.find('\r'); i != std::string_view::npos; i = t.find('\r', i + 1)) {
      bool crlf = i + 1 < t.size() && t[i + 1] == '\n';
      ctx.propose(0, i, crlf ? i + 2 : i + 1, "\n", 1.0,
                  crlf ? "CRLF line ending converted to LF" : "CR line ending converted to LF");
    }
  }
};

template <typename T>
RuleRegistry::Factory simple() {
  return [](const Resources&, Status*) { return std::unique_ptr<Rule>(new T()); };
}

}  // namespace

void register_normalize_rules(RuleRegistry& r) {
  r.add("normalize.invalid-utf8", simple<InvalidUtf8>());
  r.add("normalize.bom", simple<ByteOrderMark>());
  r.add("normalize.control-char", simple<ControlAndInvisible>());
  r.add("normalize.nfc", simple<Nfc>());
  r.add("normalize.line-ending", simple<LineEndings>());
}

}  // namespace retouche
