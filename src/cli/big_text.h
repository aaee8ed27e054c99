// One big text on all cores (`retouche clean -`, `clean FILE`): a text above
// kSplitBytes is cut at blank lines into pieces of at least kPieceBytes,
// the pieces are cleaned in parallel as documents of their own, and their
// results are joined into one Result as if the text had been cleaned whole
// (clean text, findings with offsets, lines and code points in the whole
// text, offset map).
//
// The limit: a piece is a document, so document-level evidence (name
// consistency, lines duplicated in the document, its damage level) is
// gathered per piece of a text above kSplitBytes, not over the whole text.
// The cut does not depend on the number of threads, so the output is the
// same byte for byte whatever --jobs says. Texts up to kSplitBytes (any
// article, any page) are one document, as before.
//
//   Result r;
//   Status st = run_big_text(pipeline, Document{"-", text}, jobs, &r);
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "retouche/pipeline.h"

namespace retouche::cli {

inline constexpr size_t kSplitBytes = 1 << 20;   // texts above this are cut
inline constexpr size_t kPieceBytes = 256 << 10;  // no piece shorter (but the last)

// Byte ranges [begin, end) of the pieces: each ends just after a blank line
// ("\n\n", or "\r\n\r\n") found once the piece holds `piece_bytes`; one
// range when the text is not above `split_bytes`.
std::vector<std::pair<size_t, size_t>> split_pieces(std::string_view text, size_t split_bytes = kSplitBytes,
                                                    size_t piece_bytes = kPieceBytes);

// `jobs`: threads (0: all cores).
Status run_big_text(const Pipeline& p, const Document& doc, unsigned jobs, Result* out,
                    size_t split_bytes = kSplitBytes, size_t piece_bytes = kPieceBytes);

}  // namespace retouche::cli
