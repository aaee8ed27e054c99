// One JSONL corpus row through the pipeline: the text field is cleaned and
// spliced back, every other byte of the row stays as it was, per-document
// stats are added under a configurable key, and the findings go to an
// optional sidecar row.
//
//   {"id":"a1","text":"TalibansUn groupe…","meta":{"url":"…"}}
//   -> {"id":"a1","text":"Talibans. Un groupe…","meta":{"url":"…"},
//       "retouche":{"applied":1,"proposed":0,"flagged":0,"bytes_removed":-1,"families":{"joins":1}}}
//
// Thread-safety: free functions; the Pipeline is shared, the buffers are the caller's.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "retouche/pipeline.h"

namespace retouche::cli {

struct RowOptions {
  std::string text_key = "text";
  std::string id_key = "id";
  std::string stats_key = "retouche";  // empty: no per-document stats
  bool sidecar = false;
};

// What a batch of rows did, summed by the caller.
struct CorpusTally {
  uint64_t rows = 0;           // non-blank input rows
  uint64_t documents = 0;      // rows cleaned
  uint64_t changed = 0;        // documents whose text changed
  uint64_t not_french = 0;     // documents left unchanged: another language
  uint64_t damaged = 0;        // documents whose evidence let token fixes apply
  uint64_t bad_rows = 0;       // malformed rows passed through or dropped
  uint64_t dropped = 0;
  uint64_t row_bytes_in = 0;   // raw JSONL bytes read (with newlines)
  uint64_t row_bytes_out = 0;
  uint64_t text_bytes_in = 0;  // bytes of the text fields
  uint64_t text_bytes_out = 0;
  std::map<std::string, uint64_t> applied_by_rule;
  std::map<std::string, uint64_t> proposed_by_rule;  // suggested, not applied
  std::map<std::string, uint64_t> reported_by_rule;
  std::map<std::string, uint64_t> errors_by_reason;
  double stage_seconds[kStageCount] = {0, 0, 0, 0};

  void add(const CorpusTally& o);
};

// A malformed row: why, and the 1-based byte column in the row where it applies.
struct RowError {
  std::string reason;   // short, for counting: "bad JSON", "no text field"…
  std::string message;  // full: "column 17: expected ',' or '}'"
};

// Cleans one row (`raw`, without its newline). On success appends the output
// row and "\n" to `out` and, with sidecar on, the findings row to `sidecar`.
// On a malformed row returns false and fills `error`; nothing is appended.
// Blank rows are copied as they are (with an empty sidecar row).
bool clean_row(const Pipeline& pipeline, std::string_view raw, uint64_t row_number,
               const RowOptions& options, std::string* out, std::string* sidecar,
               CorpusTally* tally, RowError* error);

// The decoded text field of a row (for `retouche stats --jsonl`); false on a
// malformed row.
bool row_text(std::string_view raw, const std::string& text_key, std::string* text, RowError* error);
// The same, with the id value as written (empty when the row has none).
bool row_document(std::string_view raw, const std::string& text_key, const std::string& id_key,
                  std::string* text, std::string* id_raw, RowError* error);
bool blank_row(std::string_view raw);  // empty or only whitespace

// The sidecar row of a malformed row: {"row":N,"error":"…"}.
void append_error_sidecar(std::string* sidecar, uint64_t row_number, const RowError& error);

}  // namespace retouche::cli
