// retouche clean: cleaned text, diff and findings for every input.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "cli/big_text.h"
#include "cli/cli.h"
#include "cli/corpus_run.h"
#include "cli/output_paths.h"
#include "cli/process.h"
#include "core/sha256.h"
#include "io/diff_writer.h"
#include "io/findings_io.h"
#include "io/text_file.h"

namespace retouche::cli {
namespace {

std::string kilobytes(size_t bytes) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(1) << bytes / 1000.0 << " kB";
  return s.str();
}

struct FileSummary {
  std::string name;
  size_t in_bytes = 0, out_bytes = 0;
  int applied = 0, pending = 0, reported = 0;
  bool french = true, damaged = false;  // the document's evidence
};

// What the summary says about the diffs: how to apply them, and which
// documents had none.
struct DiffNotes {
  size_t unchanged = 0;
  std::set<std::string> apply_from;  // directories outside the current one
};

void print_summary(const std::vector<FileSummary>& files, const std::map<std::string, int>& by_rule,
                   const std::string& outdir, size_t failures, const DiffNotes& notes) {
  size_t in = 0, out = 0;
  for (const auto& f : files) in += f.in_bytes, out += f.out_bytes;
  std::cerr << "retouche: cleaned " << files.size() << " file" << (files.size() == 1 ? "" : "s")
            << " (" << kilobytes(in) << " -> " << kilobytes(out) << ") into " << outdir << "/";
  if (failures) std::cerr << "; " << failures << " failed";
  std::cerr << "\n";
  if (files.empty()) return;
  const size_t kMaxFiles = 12;
  std::cerr << "  " << std::left << std::setw(44) << "file" << std::right << std::setw(8)
            << "applied" << std::setw(10) << "proposed" << std::setw(9) << "flagged" << std::setw(11)
            << "removed" << "\n";
  for (size_t i = 0; i < files.size() && i < kMaxFiles; ++i) {
    const FileSummary& f = files[i];
    std::string name = f.name.size() > 43 ? "…" + f.name.substr(f.name.size() - 41) : f.name;
    long removed = static_cast<long>(f.in_bytes) - static_cast<long>(f.out_bytes);
    std::cerr << "  " << std::left << std::setw(44) << name << std::right << std::setw(8)
              << f.applied << std::setw(10) << f.pending << std::setw(9) << f.reported
              << std::setw(8) << removed << " B\n";
  }
  if (files.size() > kMaxFiles) std::cerr << "  … and " << files.size() - kMaxFiles << " more\n";
  if (!by_rule.empty()) {
    std::vector<std::pair<int, std::string>> top;
    for (const auto& [rule, n] : by_rule) top.emplace_back(-n, rule);
    std::sort(top.begin(), top.end());
    std::cerr << "  applied fixes by rule:";
    size_t shown = 0;
    for (const auto& [n, rule] : top) {
      if (shown++ == 10) {
        std::cerr << " …";
        break;
      }
      std::cerr << (shown == 1 ? " " : ", ") << rule << " " << -n;
    }
    std::cerr << "\n";
  }
  // Why documents were cleaned boldly or cautiously (DESIGN.md, "Document evidence").
  size_t foreign = 0, damaged = 0;
  for (const auto& f : files) foreign += !f.french, damaged += f.damaged;
  if (foreign) {
    std::cerr << "  " << foreign << " file" << (foreign == 1 ? "" : "s")
              << " not in French, left unchanged (--force-language fr cleans them)\n";
  }
  if (damaged < files.size() - foreign) {
    std::cerr << "  " << files.size() - foreign - damaged << " of " << files.size() - foreign
              << " show no damage of more than one kind: their token fixes are only proposed"
                 " (--apply suggested applies them)\n";
  }
  if (notes.unchanged) {
    std::cerr << "  " << notes.unchanged << " file" << (notes.unchanged == 1 ? "" : "s")
              << " unchanged: no .diff written for " << (notes.unchanged == 1 ? "it" : "them") << "\n";
  }
  if (failures) return;  // fix the failures first; the hint is for a complete run
  if (notes.unchanged < files.size()) {
    std::cerr << "  apply a diff to its original: patch -p1 < " << outdir << "/NAME.diff (or git apply "
              << outdir << "/NAME.diff)";
    if (notes.apply_from.empty()) {
      std::cerr << ", from this directory\n";
    } else {
      std::cerr << ", from this directory, or for files outside it from their own: ";
      size_t shown = 0;
      for (const std::string& d : notes.apply_from) {
        if (shown++ == 3) {
          std::cerr << " …";
          break;
        }
        std::cerr << (shown == 1 ? "" : ", ") << "cd " << d;
      }
      std::cerr << "\n";
    }
  }
  std::cerr << "  review: " << outdir << "/NAME.diff (changes), " << outdir
            << "/NAME.findings.jsonl (all findings, replay with 'retouche apply')\n";
}

int clean_stdin(const Options& o, const Pipeline& p) {
  std::string text;
  Status st = read_file("-", &text);
  if (st.ok()) {
    std::string why = binary_reason(text);
    if (!why.empty()) st = InputError("-: looks like a binary file (" + why + "); not processed");
  }
  Result r;
  if (st.ok()) warn_if_jsonl("stdin", text);
  if (st.ok()) st = run_big_text(p, Document{"-", text}, o.jobs, &r);
  if (!st.ok()) {
    print_error(st.message().starts_with("-:") ? st.message() : "-: " + st.message());
    return exit_code_for(st);
  }
  st = write_stdout(r.clean_text);
  if (st.ok()) st = flush_stdout();
  if (!st.ok()) {
    print_error(st.message());
    return kExitInput;
  }
  return kExitOk;
}

}  // namespace

int run_clean(const Options& o) {
  int code = kExitOk;
  const Pipeline* p = make_pipeline(o, &code);
  if (!p) return code;
  if (o.list_rules) {
    print_rules(*p);
    return kExitOk;
  }
  if (o.inputs.empty()) {
    print_error("clean: no input given");
    print_usage(o.command);
    return kExitUsage;
  }
  if (o.jsonl) return run_clean_jsonl(o, *p);
  if (o.inputs.size() == 1 && o.inputs[0] == "-" && o.output.empty()) return clean_stdin(o, *p);
  if (o.output.empty()) {
    print_error("clean: -o OUTDIR is required (or use 'retouche clean -' for stdin to stdout)");
    return kExitUsage;
  }
  size_t failures = 0;
  std::vector<InputFile> inputs = gather_inputs(o, o.output, &failures);
  if (inputs.empty()) return kExitInput;
  // Every output this run would write, checked before anything is written:
  // none may replace an input, nor a file an earlier run did not write.
  namespace fs = std::filesystem;
  OutputManifest manifest(o.output);
  auto stem_of = [](const InputFile& in) {
    std::string stem = in.out_name;
    if (stem.size() > 4 && stem.ends_with(".txt")) stem.resize(stem.size() - 4);
    return stem;
  };
  std::vector<std::string> input_paths;
  for (const InputFile& in : inputs) input_paths.push_back(in.path);
  const FileSet input_files(input_paths);
  for (const InputFile& in : inputs) {
    for (const char* ext : {".txt", ".diff", ".findings.jsonl"}) {
      std::string rel = stem_of(in) + ext;
      std::string target = (fs::path(o.output) / rel).string();
      if (const std::string* other = input_files.find(target)) {
        print_error("clean: " + target + " would replace the input " + *other + "; choose another -o directory");
        return kExitUsage;
      }
      std::error_code ec;
      if (!o.force && !manifest.ours(rel) && fs::exists(fs::symlink_status(target, ec))) {
        print_error("clean: " + target + " exists and was not written by retouche; use --force to replace it, "
                    "or choose another -o directory");
        return kExitUsage;
      }
    }
  }
  if (o.review) {
    std::string target = (fs::path(o.output) / "review.html").string();
    std::error_code ec;
    for (const InputFile& in : inputs) {
      if (same_file(target, in.path)) {
        print_error("clean: " + target + " would replace the input " + in.path + "; choose another -o directory");
        return kExitUsage;
      }
    }
    if (!o.force && !manifest.ours("review.html") && fs::exists(fs::symlink_status(target, ec))) {
      print_error("clean: " + target + " exists and was not written by retouche; use --force to replace it, "
                  "or choose another -o directory");
      return kExitUsage;
    }
  }
  Status st = ensure_directory(o.output);
  if (!st.ok()) {
    print_error(st.message());
    return kExitInput;
  }
  // Every output is claimed before it is written: a run killed midway leaves
  // files a later run recognises as its own.
  for (const InputFile& in : inputs) {
    for (const char* ext : {".txt", ".diff", ".findings.jsonl"}) manifest.add(stem_of(in) + ext);
  }
  if (o.review) manifest.add("review.html");
  if (Status ms = manifest.save(); !ms.ok()) {
    print_error(ms.message());
    return kExitInput;
  }
  std::vector<FileSummary> summary;
  std::map<std::string, int> by_rule;
  DiffNotes notes;
  std::vector<ReviewDocument> review_docs;  // --review
  failures += for_each_result(inputs, *p, [&](const Processed& pr) {
    std::string stem = stem_of(pr.input);
    fs::path base = fs::path(o.output) / stem;
    Status s = ensure_directory(base.parent_path().string());
    std::string hash = sha256_hex(pr.original);
    if (s.ok()) s = write_file_atomic(base.string() + ".txt", pr.result.clean_text);
    if (s.ok()) manifest.add(stem + ".txt");
    bool changed = pr.result.clean_text != pr.original;
    if (s.ok() && changed) {
      std::string apply_from;
      std::string header = pr.input.path == "-" ? "stdin" : patch_path(pr.input.path, &apply_from);
      if (!apply_from.empty()) notes.apply_from.insert(apply_from);
      s = write_file_atomic(base.string() + ".diff",
                            unified_diff(pr.original, pr.result.clean_text, pr.result.map, header));
      if (s.ok()) manifest.add(stem + ".diff");
    } else if (s.ok()) {
      // No change, no patch (an empty file is not one); an earlier run's diff goes.
      ++notes.unchanged;
      std::error_code ec;
      if (manifest.ours(stem + ".diff")) fs::remove(base.string() + ".diff", ec);
      manifest.remove(stem + ".diff");
    }
    if (s.ok()) s = write_file_atomic(base.string() + ".findings.jsonl", findings_jsonl(pr.result.findings, hash));
    if (s.ok()) manifest.add(stem + ".findings.jsonl");
    if (!s.ok()) {
      print_error(s.message());
      return false;
    }
    if (o.review) review_docs.push_back({pr.input.out_name, pr.original, pr.result.findings, -1});
    FileSummary f;
    f.name = pr.input.out_name;
    f.in_bytes = pr.original.size();
    f.out_bytes = pr.result.clean_text.size();
    f.french = pr.result.evidence.french;
    f.damaged = pr.result.evidence.damaged;
    for (const Finding& x : pr.result.findings) {
      if (x.status == FindingStatus::kApplied) {
        ++f.applied;
        ++by_rule[x.rule];
      } else if (x.applicability == Applicability::kReport) {
        ++f.reported;
      } else {
        ++f.pending;
      }
    }
    summary.push_back(std::move(f));
    return true;
  }, o.jobs);
  if (o.review) {
    std::string page = (fs::path(o.output) / "review.html").string();
    Status rs = write_review_page(page, review_docs);
    if (!rs.ok()) {
      print_error(rs.message());
      ++failures;
    } else {
      manifest.add("review.html");
      if (!o.quiet) std::cerr << "  review page: " << page << " (open it in a browser; Export, then 'retouche apply')\n";
    }
  }
  if (Status ms = manifest.save(); !ms.ok()) {
    print_error(ms.message());
    ++failures;
  }
  if (!o.quiet) print_summary(summary, by_rule, o.output, failures, notes);
  return failures == 0 ? kExitOk : kExitInput;
}

}  // namespace retouche::cli
