#include <cstdlib>
#include <iostream>

#include "cli/cli.h"

namespace retouche::cli {

void print_usage(bool full) {
  std::cerr <<
      "usage: retouche clean INPUT... -o OUTDIR   cleaned text, diff and findings per input\n"
      "       retouche clean -                     stdin to stdout\n"
      "       retouche check INPUT...              findings only; exit 1 when any\n"
      "       retouche diff INPUT...               proposed changes as a unified diff\n"
      "       retouche apply ORIGINAL --findings FILE.jsonl [-o OUT]\n"
      "                                            replay reviewed findings\n"
      "       retouche stats CORPUS... -o lines.stats  corpus line statistics (mergeable)\n"
      "       retouche --list-rules\n";
  if (!full) {
    std::cerr << "Run 'retouche --help' for the options.\n";
    return;
  }
  std::cerr <<
      "\nINPUT is a file, a directory (walked for *.txt, skipping *.expected.txt) or -.\n"
      "\nPolicy (clean, check, diff):\n"
      "  --apply safe|suggested|none  which fixes to apply (default: safe)\n"
      "  --min-confidence X           apply only fixes with confidence >= X (0-1)\n"
      "  --enable RULE|FAMILY         switch a rule or family on (repeatable, or comma-separated)\n"
      "  --disable RULE|FAMILY        switch a rule or family off\n"
      "  --line-stats FILE            remove short lines found in many documents of the corpus\n"
      "                               (FILE from 'retouche stats')\n"
      "  --line-stats-min-docs N      ... in at least N documents (default: 5, and 1 in 1,000)\n"
      "  --assume-damaged             apply safe fixes without the document's evidence of damage\n"
      "                               (by default a document that shows no damage of more than one\n"
      "                               kind only gets proposals)\n"
      "  --keep-words FILE            words and phrases no rule may change (one a line; repeatable)\n"
      "  --force-language fr          clean documents the language detector finds not French\n"
      "                               (by default they are left unchanged and reported)\n"
      "  --list-rules                 id, family, stage, applicability and description of every rule\n"
      "Input:\n"
      "  --lossy                      replace invalid UTF-8 with U+FFFD (reported) instead of failing\n"
      "  --newline keep|lf            keep line endings (default) or convert CRLF/CR to LF\n"
      "  --data DIR                   directory holding corrections/ and dictionaries/\n"
      "  --dictionary PATH            Hunspell dictionary without extension (default:\n"
      "                               /usr/share/hunspell/fr_FR)\n"
      "Output:\n"
      "  -o, --output PATH            output directory (clean) or file (apply)\n"
      "  --format text|jsonl          check: output format\n"
      "  --color auto|always|never    diff: colours and word highlighting (auto: on a terminal)\n"
      "  -q, --quiet                  clean: no summary, no progress display\n"
      "  --profile                    clean: time per stage and per rule in the summary\n"
      "\nCorpus mode (clean --jsonl, stats --jsonl):\n"
      "  retouche clean --jsonl IN.jsonl[.gz|.zst]... [-o OUT]\n"
      "                               one output row per input row, in input order; every field\n"
      "                               but the text kept byte for byte. -o: a file for one input,\n"
      "                               a directory for several, - (default) for stdout. Inputs may\n"
      "                               be files, directories (*.jsonl, *.jsonl.gz, *.jsonl.zst) or -\n"
      "  --text-key KEY / --id-key KEY   fields holding the text and the document id (text, id)\n"
      "  --stats-key KEY              per-document stats member added to each row (retouche)\n"
      "  --no-doc-stats               add no stats member\n"
      "  --sidecar                    findings beside each output, one row per input row:\n"
      "                               OUT.findings.jsonl[.gz|.zst] (offsets in bytes and code points)\n"
      "  -j, --jobs N                 threads (default: all cores); output identical for any N\n"
      "  --on-error fail|skip|drop    malformed row: stop with file and line, exit 3, nothing\n"
      "                               written (fail, default); pass it through unchanged (skip);\n"
      "                               leave it out (drop). skip/drop count and report them\n"
      "  --stats-json FILE            the run summary as JSON\n"
      "\nExit codes: 0 ok, 1 findings (check), 2 usage error, 3 input error (unreadable or invalid\n"
      "input, unwritable output, missing dictionary or data).\n";
}

namespace {

void split_into(const std::string& v, std::vector<std::string>* out) {
  size_t start = 0;
  while (start <= v.size()) {
    size_t comma = v.find(',', start);
    if (comma == std::string::npos) comma = v.size();
    if (comma > start) out->push_back(v.substr(start, comma - start));
    start = comma + 1;
  }
}

}  // namespace

bool parse_options(int argc, char** argv, Options* o, std::string* error) {
  int i = 1;
  if (i < argc && argv[i][0] != '-') o->command = argv[i++];
  auto value = [&](const std::string& flag, std::string* out) {
    if (i + 1 >= argc) {
      *error = flag + " needs a value";
      return false;
    }
    *out = argv[++i];
    return true;
  };
  bool only_inputs = false;
  for (; i < argc; ++i) {
    std::string a = argv[i];
    std::string v;
    if (only_inputs || a == "-" || a.empty() || a[0] != '-') {
      o->inputs.push_back(a);
      continue;
    }
    // --flag=value form
    size_t eq = a.find('=');
    bool inline_value = a.starts_with("--") && eq != std::string::npos;
    std::string flag = inline_value ? a.substr(0, eq) : a;
    auto get = [&](std::string* out) {
      if (inline_value) {
        *out = a.substr(eq + 1);
        return true;
      }
      return value(flag, out);
    };
    if (flag == "--") {
      only_inputs = true;
    } else if (flag == "-o" || flag == "--output") {
      if (!get(&o->output)) return false;
    } else if (flag == "--apply") {
      if (!get(&v)) return false;
      if (v == "none") {
        o->pipeline.policy.apply_none = true;
      } else if (v == "safe") {
        o->pipeline.policy.level = Applicability::kSafe;
      } else if (v == "suggested") {
        o->pipeline.policy.level = Applicability::kSuggested;
      } else {
        *error = "--apply must be safe, suggested or none (got '" + v + "')";
        return false;
      }
    } else if (flag == "--min-confidence") {
      if (!get(&v)) return false;
      char* end = nullptr;
      double x = std::strtod(v.c_str(), &end);
      if (end == v.c_str() || *end || x < 0 || x > 1) {
        *error = "--min-confidence must be a number between 0 and 1 (got '" + v + "')";
        return false;
      }
      o->pipeline.policy.min_confidence = x;
    } else if (flag == "--enable") {
      if (!get(&v)) return false;
      split_into(v, &o->pipeline.enable);
    } else if (flag == "--disable") {
      if (!get(&v)) return false;
      split_into(v, &o->pipeline.disable);
    } else if (flag == "--assume-damaged") {
      o->pipeline.assume_damaged = true;
    } else if (flag == "--keep-words") {
      if (!get(&v)) return false;
      o->pipeline.keep_words_files.push_back(v);
    } else if (flag == "--force-language") {
      if (!get(&v)) return false;
      if (v != "fr") {
        *error = "--force-language: only 'fr' is supported (got '" + v + "')";
        return false;
      }
      o->pipeline.force_language = v;
    } else if (flag == "--line-stats") {
      if (!get(&o->pipeline.line_stats_path)) return false;
    } else if (flag == "--line-stats-min-docs") {
      if (!get(&v)) return false;
      char* end = nullptr;
      unsigned long long x = std::strtoull(v.c_str(), &end, 10);
      if (end == v.c_str() || *end || x == 0) {
        *error = "--line-stats-min-docs must be a positive integer (got '" + v + "')";
        return false;
      }
      o->pipeline.line_stats_min_docs = x;
    } else if (flag == "--list-rules") {
      o->list_rules = true;
    } else if (flag == "--lossy") {
      o->pipeline.lossy_utf8 = true;
    } else if (flag == "--newline") {
      if (!get(&v)) return false;
      if (v != "keep" && v != "lf") {
        *error = "--newline must be keep or lf (got '" + v + "')";
        return false;
      }
      o->pipeline.newline_lf = v == "lf";
    } else if (flag == "--data") {
      if (!get(&o->pipeline.data_dir)) return false;
    } else if (flag == "--dictionary") {
      if (!get(&v)) return false;
      o->pipeline.hunspell_aff = v + ".aff";
      o->pipeline.hunspell_dic = v + ".dic";
    } else if (flag == "--format") {
      if (!get(&o->format)) return false;
      if (o->format != "text" && o->format != "jsonl") {
        *error = "--format must be text or jsonl (got '" + o->format + "')";
        return false;
      }
    } else if (flag == "--findings") {
      if (!get(&o->findings)) return false;
    } else if (flag == "--color" || flag == "--colour") {
      if (!get(&o->color)) return false;
      if (o->color != "auto" && o->color != "always" && o->color != "never") {
        *error = "--color must be auto, always or never (got '" + o->color + "')";
        return false;
      }
    } else if (flag == "-q" || flag == "--quiet") {
      o->quiet = true;
    } else if (flag == "--jsonl") {
      o->jsonl = true;
    } else if (flag == "--text-key") {
      if (!get(&o->text_key)) return false;
      if (o->text_key.empty()) {
        *error = "--text-key must not be empty";
        return false;
      }
    } else if (flag == "--id-key") {
      if (!get(&o->id_key)) return false;
    } else if (flag == "--stats-key") {
      if (!get(&o->stats_key)) return false;
    } else if (flag == "--no-doc-stats") {
      o->stats_key.clear();
    } else if (flag == "--sidecar") {
      o->sidecar = true;
    } else if (flag == "--jobs" || flag == "-j") {
      if (!get(&v)) return false;
      char* end = nullptr;
      unsigned long x = std::strtoul(v.c_str(), &end, 10);
      if (end == v.c_str() || *end || x == 0 || x > 1024) {
        *error = "--jobs must be a number of threads between 1 and 1024 (got '" + v + "')";
        return false;
      }
      o->jobs = static_cast<unsigned>(x);
    } else if (flag == "--on-error") {
      if (!get(&o->on_error)) return false;
      if (o->on_error != "fail" && o->on_error != "skip" && o->on_error != "drop") {
        *error = "--on-error must be fail, skip or drop (got '" + o->on_error + "')";
        return false;
      }
    } else if (flag == "--stats-json") {
      if (!get(&o->stats_json)) return false;
    } else if (flag == "--profile") {
      o->profile = true;
    } else {
      *error = "unknown option " + a;
      return false;
    }
  }
  return true;
}

}  // namespace retouche::cli
