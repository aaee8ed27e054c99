// The project file, retouche.toml: pipeline settings shared by a team,
// found upwards from the current directory (or named by --config). Keys are
// the flags' names without dashes; a flag given on the command line wins over
// the file, the file over the defaults.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "cli/cli.h"

namespace retouche::cli {

// The nearest retouche.toml in the current directory or one above it; "" if none.
std::string find_config_file();

// Reads `path` into `o`, leaving alone every setting whose flag `given`
// says was on the command line. Relative paths in the file are relative to
// its directory. Errors name the file, the line and the key.
Status apply_config_file(const std::string& path, const std::function<bool(const std::string& flag)>& given,
                         Options* o);

// The same, for the file's content `text` (read from `path`, which the
// messages name): what the config fuzz target drives.
Status apply_config_text(std::string_view text, const std::string& path,
                         const std::function<bool(const std::string& flag)>& given, Options* o);

}  // namespace retouche::cli
