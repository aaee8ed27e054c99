// The invariants the fuzz targets check, as plain functions: each takes one
// input (arbitrary bytes) and returns what it found wrong, or an empty string.
// The libFuzzer targets (fuzz_*.cc) abort on a violation; the ordinary test
// suite (regression_test.cc) feeds the committed seeds and every input a
// fuzzer ever failed on to the same functions, without the fuzzer.
//
//   std::string why = fuzz::check_pipeline(bytes);
//   if (!why.empty()) { report(why); abort(); }
//
// What is checked, by target (docs/reliability.md gives the reasons):
//   pipeline    the pipeline on arbitrary bytes, strict and --lossy: the
//               cleaned text is valid UTF-8; every finding lies inside the
//               original, on character boundaries, and its `original` bytes
//               are those of its span; the findings written as JSONL, read
//               back and replayed give the cleaned text; the run costs at
//               most kCostFixedSeconds + kCostSecondsPerByte × size of the
//               thread's CPU time.
//   idempotency cleaning the cleaned text changes nothing (reported, not
//               fatal: the fixes are the rules' owner's, see regressions/idempotency/).
//   json_row    the row scanner (scan_object) and the full parser (parse)
//               accept the same rows and see the same members; a cleaned
//               row differs from its input only inside the text value (and
//               the stats member when asked), and its sidecar findings
//               replay on the decoded text to the cleaned text.
//   findings    a findings file that parses writes back and parses again to
//               the same findings; findings that fit a text (spans on
//               boundaries, original bytes equal) replay to valid UTF-8.
//   line_stats  a line-stats file that loads writes back and loads again to
//               the same file.
//   config      a retouche.toml read twice gives the same settings or the
//               same error, which names the file; read with every flag given
//               on the command line, it changes nothing; the settings it
//               gives are in range, its relative paths resolved.
//
// Thread-safety: not thread-safe (one fuzzer process, one thread).
#pragma once

#include <string>
#include <string_view>

namespace retouche::fuzz {

inline constexpr double kCostFixedSeconds = 2.0;
inline constexpr double kCostSecondsPerByte = 500e-6;

std::string check_pipeline(std::string_view bytes);
std::string check_idempotent(std::string_view bytes);
std::string check_json_row(std::string_view bytes);
std::string check_findings(std::string_view bytes);
std::string check_line_stats(std::string_view bytes);
std::string check_config(std::string_view bytes);

// The check of a target by name ("pipeline", "idempotency", "json_row",
// "findings", "line_stats", "config"), or null.
using Check = std::string (*)(std::string_view);
Check check_named(std::string_view target);

}  // namespace retouche::fuzz
