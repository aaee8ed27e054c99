// retouche/writers.h — what `retouche clean` writes beside a cleaned text,
// for programs using the library: the findings as JSON Lines (the review
// file `retouche apply` replays) and the unified diff.
//
// Needs C++20, as every retouche header.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "retouche/finding.h"
#include "retouche/pipeline.h"
#include "retouche/status.h"

namespace retouche {

// NAME.findings.jsonl: one finding a line, each carrying the SHA-256 of
// `original` (the text the findings were made for).
std::string write_findings_jsonl(std::string_view original, const std::vector<Finding>& findings);

// Reads a findings file back (errors name `path` and the line); `hashes` gets
// each finding's SHA-256 of its original text.
Status read_findings_jsonl(std::string_view text, const std::string& path, std::vector<Finding>* findings,
                           std::vector<std::string>* hashes);

// NAME.diff: the changes of `result` as a unified diff whose headers name
// `path` (a/PATH, b/PATH: `patch -p1` and `git apply` from the directory
// PATH is relative to). Empty when nothing changed.
std::string write_unified_diff(std::string_view original, const Result& result, const std::string& path);

// The SHA-256 of a text, in hexadecimal (the findings' "doc" field).
std::string text_sha256(std::string_view text);

}  // namespace retouche
