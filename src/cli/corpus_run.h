// Corpus mode: `retouche clean --jsonl` over JSONL shards (plain, .gz, .zst),
// rows cleaned on all cores and written in input order, so the output is the
// same byte for byte whatever --jobs says.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/corpus_row.h"

namespace retouche::cli {

// One input shard and where its rows and findings go.
struct Shard {
  std::string input;    // path or "-"
  std::string output;   // path or "-"
  std::string sidecar;  // findings path, or empty
};

// Inputs (files, directories walked for *.jsonl[.gz|.zst], or "-") and -o
// (a file for one input, a directory for several, or "-") into shards.
// Fails with a usage or input error naming the problem.
Status plan_shards(const Options& o, std::vector<Shard>* shards);

// The summary of a run, printed on stderr and written by --stats-json.
struct CorpusSummary {
  std::vector<std::string> files;
  CorpusTally tally;
  double seconds = 0;
  unsigned jobs = 1;
  long peak_rss_kb = 0;
  std::map<std::string, double> rule_seconds;
};
void print_corpus_summary(const CorpusSummary& s, bool profile);
std::string corpus_summary_json(const CorpusSummary& s);

int run_clean_jsonl(const Options& o, const Pipeline& p);
int run_stats_jsonl(const Options& o);

}  // namespace retouche::cli
