// The command line, declared once with CLI11: every command's flags, their
// help, validation and defaults. Help, man page and completion read this.
#include "cli/options.h"

#include "cli/config.h"

#include <cstdlib>
#include <iostream>
#include <set>

namespace retouche::cli {
namespace {

const char* kExitCodes =
    "Exit codes: 0 ok; 1 findings (check) or changes shown (diff); 2 usage error, or an output that\n"
    "would replace an input or a file retouche did not write; 3 input error (no input found,\n"
    "unreadable or invalid input, unwritable output, missing dictionary or data).\n";

// "must be safe, suggested or none (got 'x')"
CLI::Validator one_of(std::vector<std::string> values) {
  std::string names;
  for (size_t i = 0; i < values.size(); ++i) {
    names += (i == 0 ? "" : i + 1 == values.size() ? " or " : ", ") + values[i];
  }
  return CLI::Validator(
      [values, names](std::string& v) -> std::string {
        for (const std::string& x : values) {
          if (v == x) return "";
        }
        return "must be " + names + " (got '" + v + "')";
      },
      "", "one_of");
}

CLI::Validator unsigned_between(unsigned long long lo, unsigned long long hi, const std::string& what) {
  return CLI::Validator(
      [lo, hi, what](std::string& v) -> std::string {
        char* end = nullptr;
        unsigned long long x = std::strtoull(v.c_str(), &end, 10);
        if (v.empty() || v[0] == '-' || end == v.c_str() || *end || x < lo || x > hi) {
          return "must be " + what + " (got '" + v + "')";
        }
        return "";
      },
      "", "unsigned_between");
}

CLI::Validator fraction() {
  return CLI::Validator(
      [](std::string& v) -> std::string {
        char* end = nullptr;
        double x = std::strtod(v.c_str(), &end);
        if (end == v.c_str() || *end || !(x >= 0 && x <= 1)) {
          return "must be a number between 0 and 1 (got '" + v + "')";
        }
        return "";
      },
      "", "fraction");
}

CLI::Validator not_empty() {
  return CLI::Validator([](std::string& v) -> std::string { return v.empty() ? "must not be empty" : ""; },
                        "", "not_empty");
}

// CLI11's help, without its "Needs:"/"Excludes:" notes (the descriptions say it).
class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_option_opts(const CLI::Option* opt) const override {
    std::string s;
    if (opt->get_type_size() > 0 && !opt->get_type_name().empty()) s += " " + opt->get_type_name();
    if (opt->get_expected_max() > 1) s += " ...";
    return s;
  }
};

constexpr const char* kPolicy = "Policy";
constexpr const char* kInput = "Input";
constexpr const char* kOutput = "Output";
constexpr const char* kCorpus = "Corpus mode (with --jsonl)";

// Flags of the commands that run the pipeline (clean, check, diff).
void add_pipeline_flags(CLI::App* c, Options* o) {
  CLI::Option* config =
      c->add_option("--config", o->config,
                    "settings from this TOML file (default: retouche.toml in the current\n"
                    "directory or the nearest one above); flags given here win over it")
          ->type_name("FILE")->group(kPolicy);
  c->add_flag("--no-config", o->no_config, "read no retouche.toml")->excludes(config)->group(kPolicy);
  c->add_option("--apply", o->apply, "which fixes to apply: safe (default), suggested or none")
      ->type_name("safe|suggested|none")->check(one_of({"safe", "suggested", "none"}))->group(kPolicy);
  c->add_option("--min-confidence", o->pipeline.policy.min_confidence,
                "apply only fixes with confidence >= X (0-1)")
      ->type_name("X")->check(fraction())->group(kPolicy);
  c->add_option("--enable", o->pipeline.enable,
                "switch a rule or family on (repeatable, or comma-separated)")
      ->type_name("RULE")->delimiter(',')->allow_extra_args(false)->group(kPolicy);
  c->add_option("--disable", o->pipeline.disable, "switch a rule or family off (repeatable, or comma-separated)")
      ->type_name("RULE")->delimiter(',')->allow_extra_args(false)->group(kPolicy);
  c->add_option("--line-stats", o->pipeline.line_stats_path,
                "remove short lines found in many documents of the corpus\n(FILE from 'retouche stats')")
      ->type_name("FILE")->group(kPolicy);
  c->add_option("--line-stats-min-docs", o->pipeline.line_stats_min_docs,
                "... in at least N documents (default: 5, and 1 in 1,000)")
      ->type_name("N")->check(unsigned_between(1, ~0ull, "a positive integer"))->group(kPolicy);
  c->add_option("--keep-words", o->pipeline.keep_words_files,
                "words and phrases no rule may change (one a line, # comments; repeatable)")
      ->type_name("FILE")->allow_extra_args(false)->group(kPolicy);
  c->add_option("--force-language", o->pipeline.force_language,
                "clean documents the language detector finds not French\n"
                "(by default they are left unchanged and reported); only fr")
      ->type_name("fr")->check(CLI::Validator(
          [](std::string& v) -> std::string {
            return v == "fr" ? "" : "only 'fr' is supported (got '" + v + "')";
          },
          "", "language"))
      ->group(kPolicy);
  c->add_flag("--assume-damaged", o->pipeline.assume_damaged,
              "apply safe fixes without the document's evidence of damage (by default a\n"
              "document that shows no damage of more than one kind only gets proposals)")
      ->group(kPolicy);
  c->add_flag("--list-rules", o->list_rules,
              "print id, family, stage, applicability and description of every rule")
      ->group(kPolicy);
  c->add_flag("--lossy", o->pipeline.lossy_utf8,
              "replace invalid UTF-8 with U+FFFD (reported) instead of failing")
      ->group(kInput);
  c->add_option("--newline", o->pipeline.newline_lf, "keep line endings (default) or convert CRLF/CR to LF")
      ->type_name("keep|lf")
      ->transform(CLI::Validator(
          [](std::string& v) -> std::string {
            if (v == "keep") v = "false";
            else if (v == "lf") v = "true";
            else return "must be keep or lf (got '" + v + "')";
            return "";
          },
          "", "newline"))
      ->group(kInput);
  c->add_option("--data", o->pipeline.data_dir, "directory holding corrections/ and dictionaries/")
      ->type_name("DIR")->group(kInput);
  c->add_option("--dictionary", o->dictionary,
                "Hunspell dictionary without extension (default: /usr/share/hunspell/fr_FR)")
      ->type_name("PATH")->group(kInput);
}

CLI::Option* add_jsonl_flag(CLI::App* c, Options* o, const std::string& what) {
  return c->add_flag("--jsonl", o->jsonl, what)->group(kCorpus);
}

void add_text_key(CLI::App* c, Options* o, CLI::Option* jsonl) {
  c->add_option("--text-key", o->text_key, "field holding the text (default: text)")
      ->type_name("KEY")->check(not_empty())->needs(jsonl)->group(kCorpus);
}

void add_id_key(CLI::App* c, Options* o, CLI::Option* jsonl) {
  c->add_option("--id-key", o->id_key, "field holding the document id (default: id)")
      ->type_name("KEY")->needs(jsonl)->group(kCorpus);
}

CLI::App* add_clean(CLI::App& app, Options* o) {
  CLI::App* c = app.add_subcommand("clean", "cleaned text, diff and findings for every input");
  c->add_option("INPUT", o->inputs,
                "a file, a directory (walked for *.txt, skipping *.expected.txt) or - (stdin);\n"
                "with --jsonl: *.jsonl[.gz|.zst] files, directories of them, or -")
      ->type_name("");
  c->add_option("-o,--output", o->output,
                "output directory (OUTDIR/NAME.txt, NAME.diff, NAME.findings.jsonl);\n"
                "with --jsonl: a file for one input, a directory for several, - (default) for stdout")
      ->type_name("PATH")->group(kOutput);
  c->add_flag("-q,--quiet", o->quiet, "no summary, no progress display")->group(kOutput);
  add_pipeline_flags(c, o);
  CLI::Option* jsonl = add_jsonl_flag(
      c, o,
      "inputs are JSONL corpora: one output row per input row, in input order; every\n"
      "field but the text kept byte for byte");
  add_text_key(c, o, jsonl);
  add_id_key(c, o, jsonl);
  c->add_flag("--force", o->force,
              "replace output files that retouche did not write (it never replaces an input)")
      ->group(kOutput);
  c->add_flag("--review", o->review, "also OUTDIR/review.html, the review page of every input ('retouche review')")
      ->excludes(jsonl)->group(kOutput);
  CLI::Option* stats_key =
      c->add_option("--stats-key", o->stats_key, "per-document stats member added to each row (default: retouche)")
          ->type_name("KEY")->check(not_empty())->needs(jsonl)->group(kCorpus);
  c->add_flag("--no-doc-stats", o->no_doc_stats, "add no stats member")
      ->needs(jsonl)->excludes(stats_key)->group(kCorpus);
  c->add_flag("--sidecar", o->sidecar,
              "findings beside each output, one row per input row:\n"
              "OUT.findings.jsonl[.gz|.zst] (offsets in bytes and code points)")
      ->needs(jsonl)->group(kCorpus);
  c->add_option("-j,--jobs", o->jobs, "threads (default: all cores); the output is identical for any N")
      ->type_name("N")->check(unsigned_between(1, 1024, "a number of threads between 1 and 1024"))
      ->needs(jsonl)->group(kCorpus);
  c->add_option("--on-error", o->on_error,
                "malformed row: stop with file and line, exit 3, nothing written\n"
                "(fail, default); pass it through unchanged (skip); leave it out (drop)")
      ->type_name("fail|skip|drop")->check(one_of({"fail", "skip", "drop"}))->needs(jsonl)->group(kCorpus);
  c->add_option("--stats-json", o->stats_json, "the run summary as JSON")
      ->type_name("FILE")->needs(jsonl)->group(kCorpus);
  c->add_flag("--profile", o->profile, "time per stage and per rule in the summary")
      ->needs(jsonl)->group(kCorpus);
  c->footer(
      std::string("Examples:\n"
                  "  retouche clean article.txt -o cleaned/\n"
                  "  retouche clean - < in.txt > out.txt\n"
                  "  retouche clean --jsonl -j4 shard-*.jsonl.zst -o cleaned/ --sidecar\n\n") +
      kExitCodes);
  return c;
}

CLI::App* add_check(CLI::App& app, Options* o) {
  CLI::App* c = app.add_subcommand("check", "findings only, nothing written; exit 1 when any");
  c->add_option("INPUT", o->inputs, "a file, a directory (walked for *.txt) or -; with --jsonl: JSONL corpora")
      ->type_name("");
  c->add_option("--format", o->format,
                "text (path:line:column: rule: message), jsonl, sarif (SARIF 2.1.0: GitHub code\n"
                "scanning, editors), rdjson (reviewdog) or languagetool (LanguageTool's matches[])")
      ->type_name("FORMAT")->check(one_of({"text", "jsonl", "sarif", "rdjson", "languagetool"}))->group(kOutput);
  add_pipeline_flags(c, o);
  CLI::Option* jsonl = add_jsonl_flag(
      c, o, "inputs are JSONL corpora: findings per row, with the row number and the\noffsets in the text");
  add_text_key(c, o, jsonl);
  add_id_key(c, o, jsonl);
  c->footer(
      std::string("Examples:\n"
                  "  retouche check article.txt\n"
                  "  retouche check --format jsonl corpus/ > findings.jsonl\n"
                  "  retouche check --format sarif corpus/ > retouche.sarif\n"
                  "  retouche check --jsonl shard.jsonl.gz\n\n") +
      kExitCodes);
  return c;
}

CLI::App* add_diff(CLI::App& app, Options* o) {
  CLI::App* c = app.add_subcommand("diff", "the proposed changes as a unified diff; exit 1 when any");
  c->add_option("INPUT", o->inputs, "a file, a directory (walked for *.txt) or -")->type_name("");
  c->add_option("--color,--colour", o->color, "colours and word highlighting (auto: on a terminal)")
      ->type_name("auto|always|never")->check(one_of({"auto", "always", "never"}))->group(kOutput);
  c->add_flag("--word-diff", o->word_diff,
              "each change inline on the original lines, [-old-]{+new+} (like git diff\n"
              "--word-diff; coloured on a terminal); for people and scripts, not a patch")
      ->group(kOutput);
  c->add_option("-U,--context", o->context, "lines of context around each change (default: 3)")
      ->type_name("N")->check(CLI::Range(0, 1000))->group(kOutput);
  add_pipeline_flags(c, o);
  c->footer(
      std::string("Each hunk header names the applied findings it holds (id and rule), which patch and\n"
                  "git apply ignore. A unified diff cannot split a line of the original, so a long\n"
                  "paragraph with many fixes stays one hunk: review it with --word-diff, 'retouche review',\n"
                  "or take fixes one by one with 'retouche apply --accept/--reject ID'.\n\n"
                  "Examples:\n"
                  "  retouche diff article.txt | less -R\n"
                  "  retouche diff --word-diff -U1 article.txt\n"
                  "  retouche diff --apply suggested article.txt > article.patch; patch -p1 < article.patch\n\n") +
      kExitCodes);
  return c;
}

CLI::App* add_apply(CLI::App& app, Options* o) {
  CLI::App* c = app.add_subcommand("apply", "replay reviewed findings on their original text");
  c->add_option("ORIGINAL", o->inputs, "the original text the findings were made for")->type_name("");
  c->add_option("--findings", o->findings, "the reviewed NAME.findings.jsonl of 'retouche clean'")
      ->type_name("FILE")->group(kInput);
  c->add_option("-o,--output", o->output, "the cleaned text (default: stdout); never ORIGINAL or the findings")
      ->type_name("OUT")->group(kOutput);
  c->add_flag("--force", o->force, "replace OUT if it exists")->group(kOutput);
  c->add_option("--accept", o->accept, "apply these findings too: ids, rules or families (comma-separated)")
      ->type_name("ID|RULE|FAMILY")->delimiter(',')->allow_extra_args(false)->group(kInput);
  c->add_option("--reject", o->reject, "do not apply these findings (the more specific selector wins)")
      ->type_name("ID|RULE|FAMILY")->delimiter(',')->allow_extra_args(false)->group(kInput);
  c->add_option("--diff", o->diff_output, "also write the diff of the result (original -> OUT)")
      ->type_name("FILE")->group(kOutput);
  c->add_option("-U,--context", o->context, "--diff: lines of context (default: 3)")
      ->type_name("N")->check(CLI::Range(0, 1000))->group(kOutput);
  c->add_flag("-q,--quiet", o->quiet, "do not list the applied findings on stderr")->group(kOutput);
  CLI::Option* jsonl = add_jsonl_flag(
      c, o, "ORIGINAL is a JSONL shard and --findings its (reviewed) sidecar or a review page's\n"
            "export of its rows: replayed row for row, every other byte of a row kept");
  add_text_key(c, o, jsonl);
  c->footer(
      std::string("Review: choose with --accept/--reject (ids from 'retouche check', the diff's hunk\n"
                  "headers or the review page), or export the choices from 'retouche review'; editing\n"
                  "NAME.findings.jsonl (delete a line, or set \"status\":\"applied\") works too. Each\n"
                  "finding carries the SHA-256 of its original text; another text is refused.\n\n"
                  "Examples:\n"
                  "  retouche apply article.txt --findings cleaned/article.findings.jsonl -o article.clean.txt\n"
                  "  retouche apply article.txt --findings cleaned/article.findings.jsonl --reject names \\\n"
                  "      --accept 3f2a9c01de --diff article.diff -o article.clean.txt\n"
                  "  retouche apply article.txt --findings review.findings.jsonl -o article.clean.txt\n"
                  "  retouche apply --jsonl shard.jsonl --findings review.sidecar.jsonl -o shard.clean.jsonl\n\n") +
      kExitCodes);
  return c;
}

CLI::App* add_review(CLI::App& app, Options* o) {
  CLI::App* c = app.add_subcommand("review", "one self-contained HTML page to review every finding");
  c->add_option("INPUT", o->inputs, "a file, a directory (walked for *.txt) or -; with --jsonl: JSONL corpora")
      ->type_name("");
  c->add_option("-o,--output", o->output, "the page to write (- for stdout); never an input")
      ->type_name("PAGE.html")->group(kOutput);
  c->add_flag("-q,--quiet", o->quiet, "no summary")->group(kOutput);
  add_pipeline_flags(c, o);
  CLI::Option* jsonl = add_jsonl_flag(c, o, "inputs are JSONL corpora: one document per row with findings");
  add_text_key(c, o, jsonl);
  c->footer(
      std::string("The page needs no network: open it from disk. Tick or untick findings (keys j/k, a, r),\n"
                  "then Export: 'retouche apply' replays exactly those choices.\n\n"
                  "Examples:\n"
                  "  retouche review article.txt -o review.html\n"
                  "  retouche apply article.txt --findings review.findings.jsonl -o article.clean.txt\n"
                  "  retouche review --jsonl shard.jsonl -o rows.html\n"
                  "  retouche apply --jsonl shard.jsonl --findings review.sidecar.jsonl -o shard.clean.jsonl\n\n") +
      kExitCodes);
  return c;
}

CLI::App* add_stats(CLI::App& app, Options* o) {
  CLI::App* c = app.add_subcommand("stats", "corpus line statistics for --line-stats (mergeable)");
  c->add_option("CORPUS", o->inputs,
                "text files, directories of them, or earlier .stats files (merged);\n"
                "with --jsonl: JSONL corpora")
      ->type_name("");
  c->add_option("-o,--output", o->output, "the statistics file to write")->type_name("FILE")->group(kOutput);
  c->add_flag("-q,--quiet", o->quiet, "no summary")->group(kOutput);
  CLI::Option* jsonl = add_jsonl_flag(c, o, "inputs are JSONL corpora, one document per row");
  add_text_key(c, o, jsonl);
  c->add_option("--on-error", o->on_error,
                "malformed row: stop with file and line, exit 3 (fail, default), or leave it out (skip)")
      ->type_name("fail|skip")->check(one_of({"fail", "skip"}))->needs(jsonl)->group(kCorpus);
  c->footer(
      std::string("Examples:\n"
                  "  retouche stats corpus/ -o lines.stats\n"
                  "  retouche stats --jsonl shard-*.jsonl.zst -o lines.stats\n"
                  "  retouche clean --jsonl shard-1.jsonl.zst --line-stats lines.stats -o out.jsonl.zst\n\n") +
      kExitCodes);
  return c;
}

// Every option name of every command, for "--sidecar is not an option of check".
std::vector<std::string> commands_with_flag(const CLI::App& app, const std::string& flag) {
  std::vector<std::string> out;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    for (const CLI::Option* opt : sub->get_options()) {
      for (const std::string& n : opt->get_lnames()) {
        if ("--" + n == flag) out.push_back(sub->get_name());
      }
      for (const std::string& n : opt->get_snames()) {
        if ("-" + n == flag) out.push_back(sub->get_name());
      }
    }
  }
  return out;
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
  return s;
}

// Turns what the user typed into pipeline options.
void resolve(Options* o) {
  if (o->apply == "none") {
    o->pipeline.policy.apply_none = true;
  } else {
    o->pipeline.policy.level = o->apply == "suggested" ? Applicability::kSuggested : Applicability::kSafe;
  }
  if (!o->dictionary.empty()) {
    o->pipeline.hunspell_aff = o->dictionary + ".aff";
    o->pipeline.hunspell_dic = o->dictionary + ".dic";
  }
  if (o->no_doc_stats) o->stats_key.clear();
}

}  // namespace

std::unique_ptr<CLI::App> build_app(Options* o) {
  auto app = std::make_unique<CLI::App>(
      "Cleans French text damaged by web scraping and machine translation. Every correction is a\n"
      "finding (rule, span, replacement, confidence, explanation); safe ones are applied and the\n"
      "cleaned text is written with a diff.",
      "retouche");
  app->set_version_flag("-V,--version", std::string("retouche ") + RETOUCHE_VERSION, "print the version and exit");
  auto formatter = std::make_shared<HelpFormatter>();
  formatter->column_width(32);
  formatter->label("OPTIONS", "FLAGS");
  formatter->label("Subcommands", "Commands");
  formatter->label("SUBCOMMAND", "COMMAND");
  app->formatter(formatter);
  app->set_help_flag("-h,--help", "print this help and exit");
  app->require_subcommand(0, 1);
  app->add_flag("--list-rules", o->list_rules, "print every rule (as 'retouche clean --list-rules')");
  add_clean(*app, o);
  add_check(*app, o);
  add_diff(*app, o);
  add_apply(*app, o);
  add_review(*app, o);
  add_stats(*app, o);
  CLI::App* help = app->add_subcommand("help", "help on a command: retouche help CMD");
  help->add_option("CMD", o->help_topic, "the command")->type_name("");
  for (CLI::App* sub : app->get_subcommands([](const CLI::App*) { return true; })) {
    // Unknown flags are collected and reported by parse_command_line, naming
    // the commands where the flag does work.
    sub->allow_extras();
  }
  app->allow_extras();
  app->footer(std::string("Run 'retouche help CMD' (or 'retouche CMD --help') for the flags of a command.\n\n") +
              kExitCodes);
  return app;
}

void print_usage(const std::string& command) {
  std::cerr << "usage: retouche clean INPUT... -o OUTDIR | clean - | check INPUT... | diff INPUT... |\n"
               "       apply ORIGINAL --findings FILE [-o OUT] | review INPUT... -o PAGE.html |\n"
               "       stats CORPUS... -o FILE | --list-rules\n"
            << "Run 'retouche " << (command.empty() ? "" : command + " ") << "--help' for the flags.\n";
}

int parse_command_line(int argc, const char* const* argv, Options* o) {
  // Everything after the first "--" is an input, whatever it looks like.
  std::vector<std::string> args;
  std::vector<std::string> after_dashes;
  bool dashes = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (!dashes && a == "--") {
      dashes = true;
    } else {
      (dashes ? after_dashes : args).push_back(a);
    }
  }
  if (args.empty() && after_dashes.empty()) {
    print_usage();
    return kExitUsage;
  }
  std::unique_ptr<CLI::App> app = build_app(o);
  // CLI11 reads a reversed vector (it pops arguments from the back).
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app->parse(reversed);
  } catch (const CLI::CallForHelp&) {
    CLI::App* sub = nullptr;
    for (CLI::App* s : app->get_subcommands()) sub = s;
    std::cout << (sub ? sub->help("retouche") : app->help());
    return kExitOk;
  } catch (const CLI::CallForVersion& e) {
    std::cout << e.what() << "\n";
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    CLI::App* sub = nullptr;
    for (CLI::App* s : app->get_subcommands()) sub = s;
    print_error(sub ? sub->get_name() + ": " + e.what() : std::string(e.what()));
    print_usage(sub ? sub->get_name() : "");
    return kExitUsage;
  }
  std::vector<CLI::App*> chosen = app->get_subcommands();
  CLI::App* sub = chosen.empty() ? nullptr : chosen.front();
  std::vector<std::string> top_extra = app->remaining();
  if (!top_extra.empty()) {
    const std::string& x = top_extra.front();
    if (x == "--man" && !sub && top_extra.size() == 1) {
      std::cout << man_page(*app);
      return kExitOk;
    }
    if (x == "--completion" && !sub && top_extra.size() == 2 && top_extra[1] == "bash") {
      std::cout << bash_completion(*app);
      return kExitOk;
    }
    if (x.starts_with("-")) {
      std::vector<std::string> where = commands_with_flag(*app, x.substr(0, x.find('=')));
      print_error(where.empty() ? "unknown option " + x
                                : x + " goes after a command (" + join(where, ", ") + ")");
    } else {
      print_error("unknown command '" + x + "'");
    }
    print_usage();
    return kExitUsage;
  }
  if (sub) {
    for (const std::string& x : sub->remaining()) {
      if (x == "-" || !x.starts_with("-")) continue;
      std::string flag = x.substr(0, x.find('='));
      std::vector<std::string> where = commands_with_flag(*app, flag);
      if (where.empty()) {
        print_error(sub->get_name() + ": unknown option " + x);
      } else {
        print_error(sub->get_name() + ": " + flag + " is not a flag of '" + sub->get_name() +
                    "' (it is one of: " + join(where, ", ") + ")");
      }
      print_usage(sub->get_name());
      return kExitUsage;
    }
    o->command = sub->get_name();
  }
  o->inputs.insert(o->inputs.end(), after_dashes.begin(), after_dashes.end());
  if (o->command == "help") {
    if (o->help_topic.empty()) {
      std::cout << app->help();
      return kExitOk;
    }
    for (CLI::App* s : app->get_subcommands([](const CLI::App*) { return true; })) {
      if (s->get_name() == o->help_topic) {
        std::cout << s->help("retouche");
        return kExitOk;
      }
    }
    print_error("help: unknown command '" + o->help_topic + "'");
    print_usage();
    return kExitUsage;
  }
  if (o->command.empty()) {
    if (!o->list_rules) {
      print_error("no command given");
      print_usage();
      return kExitUsage;
    }
    o->command = "clean";
  }
  if (o->command == "clean" || o->command == "check" || o->command == "diff") {
    std::string config = o->config;
    if (config.empty() && !o->no_config) config = find_config_file();
    if (!config.empty()) {
      auto given = [&](const std::string& flag) {
        const CLI::Option* opt = sub ? sub->get_option_no_throw(flag) : nullptr;
        return opt && opt->count() > 0;
      };
      if (Status st = apply_config_file(config, given, o); !st.ok()) {
        print_error(st.message());
        return kExitUsage;
      }
    }
  }
  resolve(o);
  return kGoOn;
}

}  // namespace retouche::cli
