// Findings in the formats other tools read, for `retouche check --format`:
//   * sarif: SARIF 2.1.0 (GitHub code scanning, VS Code's SARIF viewer):
//     tool.driver.rules with descriptions, one result per finding with its
//     region (lines, columns in code points — run.columnKind says so — and
//     byte offsets) and, when there is a replacement, a fix;
//   * rdjson: reviewdog's Diagnostic Format (one JSON object): ranges with
//     1-based lines and columns in UTF-8 bytes, as reviewdog defines them,
//     end exclusive, and the replacement as a suggestion;
//   * languagetool: the JSON a LanguageTool server answers (/v2/check), one
//     object per document (one per line): matches[] with offset and length
//     in UTF-16 code units (Java string indices, LanguageTool's unit),
//     message, replacements, context, rule id and category.
// The units are the formats' own: each consumer places the marks exactly.
//
// Thread-safety: plain functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "retouche/finding.h"
#include "retouche/pipeline.h"

namespace retouche {

struct ReportedDocument {
  std::string path;   // as given on the command line ("-" for stdin)
  std::string text;   // the original text
  std::vector<Finding> findings;
};

std::string sarif_report(const std::vector<ReportedDocument>& docs,
                         const std::vector<RuleDescription>& rules, std::string_view version);
std::string rdjson_report(const std::vector<ReportedDocument>& docs);
// One LanguageTool response for one document (no trailing newline).
std::string languagetool_report(const ReportedDocument& doc, const std::vector<RuleDescription>& rules,
                                std::string_view version);

}  // namespace retouche
