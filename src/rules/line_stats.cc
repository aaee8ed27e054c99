#include "rules/line_stats.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <unordered_set>
#include <vector>

#include "core/line_index.h"
#include "io/text_file.h"
#include "rules/line_patterns.h"
#include "text/chars.h"

namespace retouche {
namespace {

std::string key_text(std::string_view line) {
  std::string form;
  pattern_form(line, &form);
  std::string lower;
  text::lower_into(form, lower);
  std::string out;
  out.reserve(lower.size());
  for (size_t i = 0; i < lower.size(); ++i) {
    bool digit = lower[i] >= '0' && lower[i] <= '9';
    if (digit && !out.empty() && out.back() == '0' && i > 0 && lower[i - 1] >= '0' && lower[i - 1] <= '9') {
      continue;  // a run of digits is one '0'
    }
    out.push_back(digit ? '0' : lower[i]);
  }
  return out;
}

// FNV-1a, then a final avalanche (stable across platforms and runs).
uint64_t hash64(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

}  // namespace

uint64_t line_key(std::string_view line) { return hash64(key_text(line)); }

void LineStats::add_document(std::string_view text) {
  ++documents_;
  LineIndex lines(text);
  std::unordered_set<uint64_t> seen;
  for (const Line& l : lines.lines()) {
    std::string_view content = text.substr(l.begin, l.content_end - l.begin);
    if (content.size() > kMaxLineBytes) continue;
    std::string k = key_text(content);
    if (k.empty()) continue;
    uint64_t h = hash64(k);
    if (!seen.insert(h).second) continue;
    Entry& e = counts_[h];
    if (e.count == 0) e.example.assign(trim_line(content));
    ++e.count;
  }
}

Status LineStats::merge_stats_arguments(const std::vector<std::string>& args,
                                        std::vector<std::string>* rest) {
  for (const std::string& a : args) {
    if (a.size() > 6 && a.ends_with(".stats")) {
      Status st = merge_file(a);
      if (!st.ok()) return st;
    } else {
      rest->push_back(a);
    }
  }
  return Status::Ok();
}

Status LineStats::merge_file(const std::string& path) {
  std::string data;
  RETURN_IF_ERROR(read_file(path, &data));
  std::istringstream in(data);
  std::string line;
  size_t no = 0;
  bool header = false;
  while (std::getline(in, line)) {
    ++no;
    if (line.rfind("# retouche line-stats", 0) == 0) {
      header = true;
      continue;
    }
    if (line.rfind("# documents ", 0) == 0) {
      documents_ += std::strtoull(line.c_str() + 12, nullptr, 10);
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    size_t t1 = line.find('\t'), t2 = t1 == std::string::npos ? t1 : line.find('\t', t1 + 1);
    if (!header || t1 == std::string::npos || t2 == std::string::npos) {
      return InputError(path + ":" + std::to_string(no) + ": not a retouche line-stats file");
    }
    char* end = nullptr;
    unsigned long count = std::strtoul(line.c_str(), &end, 10);
    uint64_t key = std::strtoull(line.c_str() + t1 + 1, &end, 16);
    if (end != line.c_str() + t2) {
      return InputError(path + ":" + std::to_string(no) + ": malformed line-stats entry");
    }
    Entry& e = counts_[key];
    if (e.count == 0) e.example = line.substr(t2 + 1);
    e.count += static_cast<uint32_t>(count);
  }
  if (!header) return InputError(path + ": not a retouche line-stats file (no header)");
  return Status::Ok();
}

Status LineStats::write(const std::string& path) const {
  std::vector<std::pair<uint64_t, const Entry*>> rows;
  rows.reserve(counts_.size());
  for (const auto& [k, e] : counts_) rows.emplace_back(k, &e);
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    if (a.second->count != b.second->count) return a.second->count > b.second->count;
    return a.first < b.first;
  });
  std::string out = "# retouche line-stats 1\n# documents " + std::to_string(documents_) +
                    "\n# count\tkey\texample\n";
  char buf[48];
  for (const auto& [k, e] : rows) {
    std::snprintf(buf, sizeof buf, "%u\t%016" PRIx64 "\t", e->count, k);
    out += buf;
    for (char c : e->example) out.push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
    out.push_back('\n');
  }
  return write_file_atomic(path, out);
}

}  // namespace retouche
