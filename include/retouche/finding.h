// retouche/finding.h — what a rule proposes, and where it points.
//
// A Finding is one proposed correction: which rule, which bytes of the
// ORIGINAL document, what to put there instead, how sure the rule is, and
// whether it may be applied without a human look.
//
//   Finding f;                       // produced by Pipeline::run, not by hand
//   f.rule        == "names.variant"
//   f.begin/end   == byte range [begin, end) in the original text
//   f.line/column == 1-based line and column (column counted in code points)
//   f.replacement == "Erevan"        // empty: delete (a whole-line deletion includes its newline)
//   f.applicability == Applicability::kSafe
//   f.status      == FindingStatus::kApplied
//
// Applicability is an ordered level chosen by the rule author (as in ruff's
// DisplayOnly < Unsafe < Safe): a fix is applied when its level is at least
// the level the user asked for (`--apply safe|suggested|none`) and its
// confidence reaches `--min-confidence`. `kReport` findings are never applied.
//
// Thread-safety: plain values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace retouche {

// The pipeline's ordered stages; each runs on the previous stage's output.
enum class Stage : uint8_t { kNormalize = 0, kLines = 1, kStructure = 2, kTokens = 3 };
inline constexpr int kStageCount = 4;

enum class Applicability : uint8_t { kReport = 0, kSuggested = 1, kSafe = 2 };

// What the pipeline did with a finding.
enum class FindingStatus : uint8_t {
  kApplied = 0,     // its replacement is in the cleaned text
  kNotApplied = 1,  // policy kept it out (report-only, below --apply level or --min-confidence)
  kConflict = 2,    // it overlapped a stronger finding of the same stage (see EditList)
};

struct Finding {
  std::string rule;  // stable dotted id, family first: "joins.missing-space"
  Stage stage = Stage::kTokens;
  size_t begin = 0;  // byte offsets in the original text, [begin, end)
  size_t end = 0;
  size_t line = 0;    // 1-based line of `begin` in the original text
  size_t column = 0;  // 1-based column of `begin`, in code points
  size_t cp_begin = 0;  // code-point offsets of [begin, end) in the original text
  size_t cp_end = 0;
  std::string original;     // the original bytes of the span, for reviewers
  std::string replacement;  // empty = delete
  double confidence = 1.0;  // in [0, 1]
  Applicability applicability = Applicability::kSafe;
  FindingStatus status = FindingStatus::kNotApplied;
  std::string message;       // one line a reviewer understands
  std::string conflict_with; // for kConflict: the rule that won
  // Short stable id (10 hex digits) from the document's SHA-256, the rule,
  // the original span and the replacement: the same finding of the same text
  // has the same id in every run, whatever the thread count. Set by
  // assign_finding_ids(); a reviewer names findings by it (`apply --reject ID`).
  std::string id;
};

std::string_view stage_name(Stage s);
std::optional<Stage> parse_stage(std::string_view name);
std::string_view applicability_name(Applicability a);
std::optional<Applicability> parse_applicability(std::string_view name);
std::string_view finding_status_name(FindingStatus s);
std::optional<FindingStatus> parse_finding_status(std::string_view name);

// The id of `f` in a document whose SHA-256 (hex) is `doc_sha256`.
std::string finding_id(std::string_view doc_sha256, const Finding& f);
// Sets the id of every finding of the document `original` (hashed once, only
// when there are findings). Two findings that would share an id (same rule,
// span and replacement in two stages) get "-2", "-3"… in order.
void assign_finding_ids(std::string_view original, std::vector<Finding>* findings);

// The family of a rule id: the part before the first dot ("names" for "names.variant").
std::string_view rule_family(std::string_view rule_id);

}  // namespace retouche
