// The command-line parser: what each flag sets, which flags each command
// refuses, and help, man page and completion that name every flag the parser
// knows (they are generated from it, and the checked-in copies must match).
#include <gtest/gtest.h>

#include "cli/options.h"
#include "test_support.h"

namespace retouche {
namespace {

using cli::Options;

struct Parsed {
  int code;
  Options o;
  std::string out, err;
};

Parsed parse(std::vector<std::string> args) {
  args.insert(args.begin(), "retouche");
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  Parsed p;
  ::testing::internal::CaptureStdout();
  ::testing::internal::CaptureStderr();
  p.code = cli::parse_command_line(static_cast<int>(argv.size()), argv.data(), &p.o);
  p.out = ::testing::internal::GetCapturedStdout();
  p.err = ::testing::internal::GetCapturedStderr();
  return p;
}

TEST(Options, FlagsSetTheirFields) {
  Parsed p = parse({"clean", "--jsonl", "-j4", "-oOUT", "in.jsonl", "--enable", "a,b", "--enable=c",
                    "--apply", "suggested", "--min-confidence", "0.5", "--newline", "lf", "--dictionary",
                    "/d/fr", "--no-doc-stats", "--keep-words", "k1", "--keep-words=k2", "--force-language", "fr",
                    "--", "-odd-name"});
  ASSERT_EQ(p.code, cli::kGoOn) << p.err;
  EXPECT_EQ(p.o.command, "clean");
  EXPECT_EQ(p.o.jobs, 4u);
  EXPECT_EQ(p.o.output, "OUT");
  EXPECT_EQ(p.o.inputs, (std::vector<std::string>{"in.jsonl", "-odd-name"}));
  EXPECT_EQ(p.o.pipeline.enable, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(p.o.pipeline.policy.level, Applicability::kSuggested);
  EXPECT_FALSE(p.o.pipeline.policy.apply_none);
  EXPECT_DOUBLE_EQ(p.o.pipeline.policy.min_confidence, 0.5);
  EXPECT_TRUE(p.o.pipeline.newline_lf);
  EXPECT_EQ(p.o.pipeline.hunspell_aff, "/d/fr.aff");
  EXPECT_EQ(p.o.stats_key, "");
  EXPECT_EQ(p.o.pipeline.keep_words_files, (std::vector<std::string>{"k1", "k2"}));
  EXPECT_EQ(p.o.pipeline.force_language, "fr");
  Parsed dash = parse({"clean", "-"});
  ASSERT_EQ(dash.code, cli::kGoOn) << dash.err;
  EXPECT_EQ(dash.o.inputs, (std::vector<std::string>{"-"}));
  Parsed rules = parse({"--list-rules"});
  ASSERT_EQ(rules.code, cli::kGoOn);
  EXPECT_EQ(rules.o.command, "clean");
  EXPECT_TRUE(rules.o.list_rules);
}

TEST(Options, UsageErrorsNameTheFlagAndTheCommand) {
  static const struct {
    std::vector<std::string> args;
    const char* message;
  } kCases[] = {
      {{"frobnicate"}, "unknown command 'frobnicate'"},
      {{"clean", "--bogus", "-"}, "clean: unknown option --bogus"},
      {{"check", "--sidecar", "x.jsonl"}, "--sidecar is not a flag of 'check' (it is one of: clean)"},
      {{"check", "--on-error", "drop", "x"}, "--on-error is not a flag of 'check'"},
      {{"apply", "--apply", "suggested", "x"}, "--apply is not a flag of 'apply'"},
      {{"diff", "--jsonl", "x"}, "--jsonl is not a flag of 'diff'"},
      {{"check", "-o", "out", "x"}, "-o is not a flag of 'check'"},
      {{"clean", "--sidecar", "-o", "d", "x.txt"}, "--sidecar requires --jsonl"},
      {{"clean", "--text-key", "t", "-"}, "--text-key requires --jsonl"},
      {{"clean", "-j", "4", "-o", "d", "x.txt"}, "--jobs requires --jsonl"},
      {{"clean", "--jsonl", "--stats-key", "k", "--no-doc-stats", "-"}, "excludes"},
      {{"clean", "--apply", "maybe", "-"}, "must be safe, suggested or none (got 'maybe')"},
      {{"clean", "--min-confidence", "2", "-"}, "must be a number between 0 and 1 (got '2')"},
      {{"clean", "--jsonl", "-j0", "-"}, "between 1 and 1024 (got '0')"},
      {{"clean", "--jsonl", "--jobs", "x", "-"}, "(got 'x')"},
      {{"clean", "--line-stats-min-docs", "0", "-"}, "a positive integer (got '0')"},
      {{"clean", "--newline", "crlf", "-"}, "must be keep or lf (got 'crlf')"},
      {{"clean", "--force-language", "de", "-"}, "only 'fr' is supported (got 'de')"},
      {{"diff", "--color", "pink", "x"}, "must be auto, always or never"},
      {{"check", "--format", "xml", "x"}, "must be text, jsonl, sarif, rdjson or languagetool"},
      {{"stats", "--jsonl", "--on-error", "drop", "x"}, "must be fail or skip"},
      {{"clean", "--jsonl", "--text-key", "", "-"}, "must not be empty"},
      {{"help", "frobnicate"}, "unknown command 'frobnicate'"},
      {{}, "usage: retouche"},
  };
  for (const auto& c : kCases) {
    Parsed p = parse(c.args);
    std::string line;
    for (const auto& a : c.args) line += a + " ";
    EXPECT_EQ(p.code, cli::kExitUsage) << line;
    EXPECT_NE(p.err.find(c.message), std::string::npos) << line << "\n" << p.err;
    EXPECT_NE(p.err.find("retouche"), std::string::npos) << line;
  }
}

TEST(Options, HelpVersionAndPerCommandHelp) {
  Parsed v = parse({"-V"});
  EXPECT_EQ(v.code, 0);
  EXPECT_EQ(v.out, std::string("retouche ") + RETOUCHE_VERSION + "\n");
  for (const char* cmd : {"clean", "check", "diff", "apply", "stats"}) {
    Parsed a = parse({"help", cmd});
    Parsed b = parse({cmd, "--help"});
    Parsed c = parse({cmd, "-h"});
    EXPECT_EQ(a.code, 0);
    EXPECT_EQ(b.code, 0);
    EXPECT_EQ(a.out, b.out) << cmd;
    EXPECT_EQ(a.out, c.out) << cmd;
    EXPECT_NE(a.out.find(std::string("retouche ") + cmd), std::string::npos) << a.out;
    EXPECT_NE(a.out.find("Exit codes:"), std::string::npos) << cmd;
    EXPECT_NE(a.out.find("Example"), std::string::npos) << cmd;
  }
  Parsed top = parse({"--help"});
  EXPECT_EQ(top.code, 0);
  for (const char* cmd : {"clean", "check", "diff", "apply", "stats"}) {
    EXPECT_NE(top.out.find(cmd), std::string::npos) << top.out;
  }
}

// Every flag the parser knows, by command.
std::vector<std::pair<std::string, std::vector<std::string>>> all_flags() {
  Options o;
  auto app = cli::build_app(&o);
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const CLI::App* sub : app->get_subcommands([](const CLI::App*) { return true; })) {
    std::vector<std::string> flags;
    for (const CLI::Option* opt : sub->get_options()) {
      for (const std::string& n : opt->get_lnames()) flags.push_back("--" + n);
      for (const std::string& n : opt->get_snames()) flags.push_back("-" + n);
    }
    out.emplace_back(sub->get_name(), flags);
  }
  return out;
}

std::string roff_flag(const std::string& flag) {
  std::string s;
  for (char c : flag) s += c == '-' ? std::string("\\-") : std::string(1, c);
  return s;
}

TEST(Options, HelpManPageAndCompletionNameEveryFlag) {
  Options o;
  auto app = cli::build_app(&o);
  std::string man = cli::man_page(*app);
  std::string completion = cli::bash_completion(*app);
  size_t flags = 0;
  for (const auto& [cmd, names] : all_flags()) {
    std::string help = parse({"help", cmd}).out;
    for (const std::string& f : names) {
      ++flags;
      EXPECT_NE(help.find(f), std::string::npos) << "retouche help " << cmd << " does not mention " << f;
      EXPECT_NE(man.find(roff_flag(f)), std::string::npos) << "man page: " << f;
      EXPECT_NE(completion.find(" " + f), std::string::npos) << "completion: " << f;
    }
  }
  EXPECT_GT(flags, 60u);
}

TEST(Options, CheckedInManPageAndCompletionAreUpToDate) {
  Options o;
  auto app = cli::build_app(&o);
  // Compared whole, reported briefly: the texts are long.
  EXPECT_TRUE(testing::read(testing::source_dir() + "/docs/retouche.1") == cli::man_page(*app))
      << "docs/retouche.1 is stale: run tools/update-docs.sh";
  EXPECT_TRUE(testing::read(testing::source_dir() + "/docs/retouche.bash-completion") == cli::bash_completion(*app))
      << "docs/retouche.bash-completion is stale: run tools/update-docs.sh";
}

}  // namespace
}  // namespace retouche
