// retouche stats: corpus line statistics for boilerplate.corpus-repeat.
//   retouche stats CORPUS... -o lines.stats
// Inputs are text files and directories (one document per file) or earlier
// .stats files, which are merged (the stats of several shards add up).
#include <iostream>

#include "cli/cli.h"
#include "cli/output_paths.h"
#include "cli/corpus_run.h"
#include "io/text_file.h"
#include "rules/line_stats.h"

namespace retouche::cli {

int run_stats(const Options& o) {
  for (const std::string& in : o.inputs) {
    if (!o.output.empty() && same_file(o.output, in)) {
      print_error("stats: -o " + o.output + " would replace the input " + in +
                  "; write the merged statistics elsewhere");
      return kExitUsage;
    }
  }
  if (o.jsonl) return run_stats_jsonl(o);
  if (o.inputs.empty() || o.output.empty()) {
    print_error("stats: give the corpus (files, directories or .stats files) and -o FILE");
    return kExitUsage;
  }
  LineStats stats;
  size_t failures = 0;
  std::vector<std::string> text_args;
  if (Status st = stats.merge_stats_arguments(o.inputs, &text_args); !st.ok()) {
    print_error(st.message());
    return kExitInput;
  }
  std::vector<std::string> errors;
  for (const InputFile& in : expand_inputs(text_args, &errors)) {
    std::string text;
    Status st = read_file(in.path, &text);
    if (!st.ok()) {
      print_error(st.message());
      ++failures;
      continue;
    }
    stats.add_document(text);
  }
  for (const std::string& e : errors) print_error(e);
  failures += errors.size();
  Status st = stats.write(o.output);
  if (!st.ok()) {
    print_error(st.message());
    return kExitInput;
  }
  if (!o.quiet) {
    std::cerr << "retouche: " << stats.documents() << " documents, " << stats.distinct_lines()
              << " distinct short lines -> " << o.output << "\n";
  }
  return failures ? kExitInput : kExitOk;
}

}  // namespace retouche::cli
