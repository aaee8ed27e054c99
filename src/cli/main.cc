// retouche — cleans French text damaged by web scraping and machine translation.
#include <cstring>
#include <iostream>

#include "cli/cli.h"

using namespace retouche::cli;

int main(int argc, char** argv) {
  if (argc < 2) {
    print_usage(false);
    return kExitUsage;
  }
  std::string first = argv[1];
  if (first == "-h" || first == "--help" || first == "help") {
    print_usage(true);
    return kExitOk;
  }
  if (first == "--version") {
    std::cout << "retouche " << RETOUCHE_VERSION << "\n";
    return kExitOk;
  }
  Options o;
  std::string error;
  if (!parse_options(argc, argv, &o, &error)) {
    print_error(error);
    print_usage(false);
    return kExitUsage;
  }
  if (o.command.empty() && o.list_rules) o.command = "clean";
  if (o.command == "clean") return run_clean(o);
  if (o.command == "check") return run_check(o);
  if (o.command == "diff") return run_diff(o);
  if (o.command == "apply") return run_apply(o);
  if (o.command == "stats") return run_stats(o);
  print_error(o.command.empty() ? "no command given" : "unknown command '" + o.command + "'");
  print_usage(false);
  return kExitUsage;
}
