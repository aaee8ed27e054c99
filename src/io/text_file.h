// Reading inputs and writing outputs without ever leaving a half-written file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "retouche/status.h"

namespace retouche {

// Reads a whole file (or stdin for "-").
Status read_file(const std::string& path, std::string* out);

// Writes `data` to a temporary file beside `path`, then renames it over
// `path`: readers see the old file or the new one, never a partial one.
Status write_file_atomic(const std::string& path, std::string_view data);

// Standard output, checked: a short write or a failed flush (a full disk,
// /dev/full, a closed pipe) is an error naming "standard output".
Status write_stdout(std::string_view data);
Status flush_stdout();  // the last check of a command that wrote to stdout

// Creates `dir` and its parents if needed; fails if it cannot be written.
Status ensure_directory(const std::string& dir);

// A file that is data, not text: many NUL or other control bytes near the start.
// Returns a description of why, or an empty string.
std::string binary_reason(std::string_view data);

// One input to process and the relative name its outputs get.
struct InputFile {
  std::string path;      // as found on disk ("-" for stdin)
  std::string out_name;  // relative output name ("a.txt", "sub/b.txt")
};

// Expands files and directories (walked recursively for *.txt, skipping
// hidden entries and reviewed golden files *.expected.txt) into inputs with
// output names that never collide: a file keeps its base name, a file found
// in a directory keeps its path relative to that directory; if two inputs
// would still get the same name, every name keeps its path relative to the
// inputs' common parent directory. Missing paths are reported in `errors`.
std::vector<InputFile> expand_inputs(const std::vector<std::string>& args,
                                     std::vector<std::string>* errors);

}  // namespace retouche
