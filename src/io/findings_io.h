// Findings as JSON Lines: one finding per line, so a reviewer can delete the
// lines of the fixes they reject and replay the rest with `retouche apply`.
//
//   {"doc":"<sha256 of the original>","rule":"names.variant","stage":"tokens",
//    "begin":812,"end":819,"cp_begin":790,"cp_end":797,"line":14,"column":23,
//    "original":"Jarevan","replacement":"Erevan","confidence":0.98,
//    "applicability":"safe","status":"applied","message":"…"}
//
// `begin`/`end` are byte offsets in the original text, `cp_begin`/`cp_end`
// the same span in code points (Python's str indexing), `line`/`column`
// 1-based (column in code points). `status` says what the run did: applied,
// not-applied (policy) or conflict (then `conflict_with` names the winner).
// JSON strings hold Unicode only: when the original bytes of a span are not
// valid UTF-8 (a `normalize.invalid-utf8` finding of a --lossy run),
// "original" shows them with U+FFFD and "original_hex" gives the bytes
// exactly ("original_hex":"ff"), so that `retouche apply` replays them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/json.h"
#include "retouche/finding.h"
#include "retouche/status.h"

namespace retouche {

// Appends one JSON object (no newline). `doc_hash` and `file` may be empty (omitted).
void append_finding_json(std::string& out, const Finding& f, std::string_view doc_hash,
                         std::string_view file = {});

// All findings, one per line. `file` names the document in each line (check --format jsonl).
std::string findings_jsonl(const std::vector<Finding>& findings, std::string_view doc_hash,
                           std::string_view file = {});

// The first line of a review page's export (see src/io/review/):
//   {"retouche_review":1,"documents":D,"findings":N}
// announces how many findings follow, so a truncated or cut-down export is an
// error instead of a silent partial review.
std::string review_export_header(size_t documents, size_t findings);

// One finding object (a findings line, or an element of a sidecar row's
// "findings"); `where` starts every error ("f.jsonl:3"). Without
// `require_doc` (sidecar rows) a missing "doc" is allowed.
Status parse_finding_object(const json::Value& v, const std::string& where, bool require_doc,
                            Finding* out, std::string* doc_hash);

struct FindingsFileInfo {
  bool review_export = false;      // the file starts with a review header
  std::vector<std::string> files;  // each finding's "file" ("" if none), parallel to findings
};

// Parses a findings file; errors name `path` and the line. Every finding's
// "doc" hash is returned in `hashes` (parallel to `findings`). A finding
// without "id" (files written before ids) gets the id a run gives today.
Status parse_findings_jsonl(std::string_view text, const std::string& path,
                            std::vector<Finding>* findings, std::vector<std::string>* hashes,
                            FindingsFileInfo* info = nullptr);

// Does every applied finding fit `original`? Its span lies inside the text
// and on character boundaries (utf8::is_boundary), its `original` bytes are
// those of the span, and its replacement is valid UTF-8. An edited findings
// file may break any of these; replaying it would write invalid UTF-8.
// Errors name the finding (1-based, in `findings` order) and its rule.
Status check_findings_fit(std::string_view original, const std::vector<Finding>& findings);

}  // namespace retouche
