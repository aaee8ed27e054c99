// Splits text into words, numbers, punctuation, spaces and line breaks.
//
//   std::vector<Token> toks;
//   tokenize("l’Ukraine a dit.", protected_spans, &toks);
//   // "l’" (word, elision) "Ukraine" (word) " " "a" " " "dit" "."
//
// Words keep inner hyphens ("Haut-Karabakh", "a-t-il") and inner apostrophes
// ("aujourd'hui"), but a French elided article or pronoun is split off with its
// apostrophe ("l’", "d'", "qu’", "jusqu’"). Spans listed as protected (URLs,
// e-mail addresses, file names: see corrections/protected.re2) become single
// kProtected tokens that no token rule looks inside.
//
// Thread-safety: pure function over caller-owned buffers; reuse the output
// vector across calls to avoid allocation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "text/chars.h"

namespace retouche::text {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct, kSpace, kNewline, kProtected, kOther };

// 12 bytes: a document has about 0.4 tokens per byte, so the token list is
// the biggest allocation of a run (docs/reliability.md, "Memory per
// document"). Offsets are 32-bit: the pipeline refuses documents over
// half of kMaxTextBytes (2 GiB), leaving its stages room to insert.
struct Token {
  uint32_t begin;
  uint32_t end;
  TokenKind kind;
  bool elision;     // word ending with an apostrophe that elides ("l’", "qu'")
  bool hyphenated;  // word with an inner hyphen
  uint8_t shape;    // a word's text::case_shape(), packed (chars.h); 0 for other tokens
  std::string_view text(std::string_view s) const { return s.substr(begin, end - begin); }
  bool is_word() const { return kind == TokenKind::kWord; }
  // Computed while tokenising, so that the rules do not each walk the word again.
  CaseShape case_shape() const { return unpack_case_shape(shape); }
};
static_assert(sizeof(Token) == 12, "Token grew: the memory bound of docs/reliability.md counts 12 bytes");

inline constexpr size_t kMaxTextBytes = 0xFFFFFFFFu;

// `protected_spans` must be sorted and non-overlapping; `text` at most
// kMaxTextBytes long.
void tokenize(std::string_view text, const std::vector<std::pair<size_t, size_t>>& protected_spans,
              std::vector<Token>* out);

}  // namespace retouche::text
