// The retouche command line: option parsing shared by the subcommands, and
// the subcommands themselves (one file each).
#pragma once

#include <string>
#include <vector>

#include "io/review_page.h"
#include "retouche/pipeline.h"

namespace retouche::cli {

// Exit codes (documented in README.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;  // `check` found something
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInput = 3;     // unreadable or invalid input, unwritable output, missing data

// What the command line asked for. Fields hold the values as given; the
// parser (options.cc) fills `pipeline` from them once every flag is read.
struct Options {
  std::string command;
  std::vector<std::string> inputs;
  std::string output;         // -o
  std::string format = "text";  // check: text|jsonl|sarif|rdjson|languagetool
  std::string findings;       // apply --findings
  std::vector<std::string> accept;  // apply --accept ID|RULE|FAMILY
  std::vector<std::string> reject;  // apply --reject ID|RULE|FAMILY
  std::string diff_output;    // apply --diff FILE
  bool review = false;        // clean --review: review.html beside the outputs
  bool word_diff = false;     // diff --word-diff
  int context = 3;            // diff -U N
  std::string color = "auto"; // diff: auto|always|never
  bool list_rules = false;
  bool force = false;         // clean, apply: replace files retouche did not write
  bool quiet = false;
  PipelineOptions pipeline;
  // Corpus mode (clean --jsonl, stats --jsonl).
  bool jsonl = false;
  std::string text_key = "text";
  std::string id_key = "id";
  std::string stats_key = "retouche";  // per-document stats member; "" for none
  bool sidecar = false;                // findings beside each output
  unsigned jobs = 0;                   // 0: all cores
  std::string on_error = "fail";       // fail|skip|drop
  std::string stats_json;              // run summary as JSON
  bool profile = false;                // time per stage and per rule in the summary
  // As typed, resolved into `pipeline` after parsing.
  std::string apply = "safe";          // safe|suggested|none
  std::string dictionary;              // Hunspell path without extension
  bool no_doc_stats = false;
  std::string help_topic;              // retouche help CMD
  std::string config;                  // --config FILE (else retouche.toml found upwards)
  bool no_config = false;
};

// Parses argv into `o`. Returns kGoOn when o->command is to be run, or the
// exit code once help, the version, the man page or a usage error has been
// printed.
inline constexpr int kGoOn = -1;
int parse_command_line(int argc, const char* const* argv, Options* o);

// The short usage on stderr (after a usage error).
void print_usage(const std::string& command = "");

int run_clean(const Options& o);
int run_check(const Options& o);
int run_diff(const Options& o);
int run_apply(const Options& o);
int run_stats(const Options& o);
int run_review(const Options& o);
int run_apply_jsonl(const Options& o);  // apply --jsonl IN --findings SIDECAR

// Shared helpers.
int exit_code_for(const Status& s);
void print_error(const std::string& message);
// The pipeline of this run, or null after printing why it could not be made.
// It lives until the process exits and is never destroyed: freeing the
// dictionaries and tables would only add ~20 ms to every run.
const Pipeline* make_pipeline(const Options& o, int* exit_code);
void print_rules(const Pipeline& p);
// The first of `outputs` that is one of the files in `inputs` (so it would be
// overwritten), or "" ("-" and missing files never are).
std::string output_overwrites_input(const std::vector<std::string>& outputs,
                                    const std::vector<std::string>& inputs);
// The review page of `docs` at `path` ("-": stdout), written atomically.
Status write_review_page(const std::string& path, const std::vector<ReviewDocument>& docs);

}  // namespace retouche::cli
