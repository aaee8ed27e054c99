// Reads the plain data files of corrections/ and dictionaries/: UTF-8 text,
// one entry per line, fields separated by TAB, '#' starts a comment line,
// blank lines ignored. Errors name the file and line.
#pragma once

#include <string>
#include <vector>

#include "retouche/status.h"

namespace retouche {

struct DataRow {
  size_t line = 0;  // 1-based line number in the file
  std::vector<std::string> fields;
};

// Reads `path`; every row must have between min_fields and max_fields fields
// (missing trailing fields are filled with "").
Status read_data_file(const std::string& path, size_t min_fields, size_t max_fields,
                      std::vector<DataRow>* rows);

// Lists regular files in `dir` whose names end with `suffix`, sorted.
std::vector<std::string> list_files(const std::string& dir, const std::string& suffix);

}  // namespace retouche
