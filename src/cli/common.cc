#include <cstdio>
#include <iomanip>
#include <iostream>

#include "cli/cli.h"

namespace retouche::cli {

int exit_code_for(const Status& s) {
  switch (s.code()) {
    case ErrorCode::kOk:
      return kExitOk;
    case ErrorCode::kUsage:
      return kExitUsage;
    default:
      return kExitInput;
  }
}

void print_error(const std::string& message) { std::cerr << "retouche: " << message << "\n"; }

const Pipeline* make_pipeline(const Options& o, int* exit_code) {
  Status st;
  std::unique_ptr<Pipeline> p = Pipeline::create(o.pipeline, &st);
  if (!p) {
    print_error(st.message());
    *exit_code = exit_code_for(st);
  }
  // Never destroyed: tearing down the lexicon and tables costs ~20 ms at exit
  // for nothing. The pointer is volatile so that the optimiser cannot drop the
  // store; leak checkers then find the pipeline reachable from this global.
  static const Pipeline* volatile run_pipeline = nullptr;
  run_pipeline = p.release();
  return run_pipeline;
}

void print_rules(const Pipeline& p) {
  std::cout << std::left << std::setw(36) << "rule" << std::setw(13) << "family" << std::setw(11)
            << "stage" << std::setw(11) << "applies" << "description\n";
  for (const RuleDescription& r : p.rules()) {
    std::cout << std::left << std::setw(36) << r.id << std::setw(13) << r.family << std::setw(11)
              << stage_name(r.stage) << std::setw(11)
              << (r.enabled ? std::string(applicability_name(r.applicability)) : "off")
              << r.description << "\n";
  }
}

}  // namespace retouche::cli
