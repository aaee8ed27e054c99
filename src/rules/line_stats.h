// Corpus line statistics, as CCNet does: in how many documents of a corpus
// each (normalised) line occurs. A line that recurs across many documents is
// page furniture (a site's footer, a recurring promo) even when no pattern
// knows it.
//
//   LineStats stats;
//   stats.add_document(text);                 // once per document
//   stats.write("lines.stats");               // mergeable text file
//   LineStats::load("lines.stats", &stats);   // load() again to merge shards
//   stats.documents_with(line_key("24 commentaires"));
//
// The file is plain text, sorted by count, so a reviewer can read which lines
// will be removed:
//   # retouche line-stats 1
//   # documents 12000
//   <count> TAB <key hash, hex> TAB <example line>
// Only lines of at most kMaxLineBytes are counted (long lines are prose).
// Memory grows with the number of distinct short lines of the corpus.
//
// Thread-safety: const methods are safe to share; add_document() is not.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "retouche/status.h"

namespace retouche {

// The key of a line: pattern form, lowercase, every number as 0, so "24 Commentaires"
// and "3 commentaires" count as one line.
uint64_t line_key(std::string_view line);

class LineStats {
 public:
  static constexpr size_t kMaxLineBytes = 300;

  void add_document(std::string_view text);
  // Adds another stats file's counts (shards of one corpus).
  Status merge_file(const std::string& path);
  // Merges every argument ending in ".stats"; the others (the corpus to
  // count) are appended to `rest`, in order.
  Status merge_stats_arguments(const std::vector<std::string>& args, std::vector<std::string>* rest);
  Status write(const std::string& path) const;

  uint64_t documents() const { return documents_; }
  uint32_t documents_with(uint64_t key) const {
    auto it = counts_.find(key);
    return it == counts_.end() ? 0 : it->second.count;
  }
  size_t distinct_lines() const { return counts_.size(); }

 private:
  struct Entry {
    uint32_t count = 0;
    std::string example;
  };
  uint64_t documents_ = 0;
  std::unordered_map<uint64_t, Entry> counts_;
};

}  // namespace retouche
