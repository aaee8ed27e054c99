#include "io/data_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/utf8.h"

namespace retouche {

Status read_data_file(const std::string& path, size_t min_fields, size_t max_fields,
                      std::vector<DataRow>* rows) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return ConfigError("cannot read data file " + path);
  std::string line;
  size_t no = 0;
  while (std::getline(in, line)) {
    ++no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    if (utf8::find_invalid(line) != utf8::kValid) {
      return ConfigError(path + ":" + std::to_string(no) + ": invalid UTF-8");
    }
    DataRow row;
    row.line = no;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      row.fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos
                                                                        : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (row.fields.size() < min_fields || row.fields.size() > max_fields) {
      return ConfigError(path + ":" + std::to_string(no) + ": expected " +
                         std::to_string(min_fields) +
                         (max_fields != min_fields ? "-" + std::to_string(max_fields) : "") +
                         " tab-separated fields, found " + std::to_string(row.fields.size()));
    }
    row.fields.resize(max_fields);
    rows->push_back(std::move(row));
  }
  return Status::Ok();
}

std::vector<std::string> list_files(const std::string& dir, const std::string& suffix) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (!e.is_regular_file()) continue;
    std::string name = e.path().filename().string();
    if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(),
                                                     suffix) == 0) {
      out.push_back(e.path().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace retouche
