// Runs the pipeline over the inputs of clean/check/diff, one file at a time,
// reporting unreadable or invalid files and going on with the others.
#pragma once

#include <functional>
#include <string>

#include "cli/cli.h"
#include "io/text_file.h"

namespace retouche::cli {

struct Processed {
  const InputFile& input;
  const std::string& original;
  const Result& result;
};

// The text files the inputs name (directories walked), leaving out what lies
// in `skip_dir` (the output directory: outputs are not cleaned again).
// Errors are printed and counted in `*failed`; no file at all prints
// "no input found".
std::vector<InputFile> gather_inputs(const Options& o, const std::string& skip_dir, size_t* failed);

// Calls `on_result` for every input that could be read and cleaned; returns
// the number of inputs that failed (their errors are already printed).
// `jobs`: threads for a text big enough to be cut (big_text.h; 0: all cores).
size_t for_each_result(const std::vector<InputFile>& inputs, const Pipeline& p,
                       const std::function<bool(const Processed&)>& on_result, unsigned jobs = 0);

// Text that looks like JSON Lines (its first lines are JSON objects): a
// warning suggesting --jsonl, since cleaning it as text merges the rows.
void warn_if_jsonl(const std::string& name, const std::string& text);

}  // namespace retouche::cli
