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

// Calls `on_result` for every input that could be read and cleaned; returns
// the number of inputs that failed (their errors are already printed).
size_t for_each_result(const Options& o, const Pipeline& p,
                     const std::function<bool(const Processed&)>& on_result);

}  // namespace retouche::cli
