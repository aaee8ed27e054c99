// The command-line parser (CLI11). One CLI::App describes every command and
// flag; the help, the man page (`retouche --man`) and the bash completion
// (`retouche --completion bash`) are all generated from it, so they cannot
// drift from what the parser accepts.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "cli/cli.h"

namespace retouche::cli {

// The commands and their flags, bound to the fields of `o`.
std::unique_ptr<CLI::App> build_app(Options* o);

// The roff man page and the bash completion script generated from `app`.
std::string man_page(const CLI::App& app);
std::string bash_completion(const CLI::App& app);

}  // namespace retouche::cli
