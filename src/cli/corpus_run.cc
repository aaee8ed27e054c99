#include "cli/corpus_run.h"

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <system_error>
#include <thread>

#include "cli/output_paths.h"
#include "cli/progress.h"
#include "cli/worker_pool.h"
#include "io/byte_stream.h"
#include "io/json.h"
#include "io/text_file.h"
#include "rules/line_stats.h"

namespace retouche::cli {
namespace fs = std::filesystem;

namespace {

// Rows are handed to the workers in batches of about this size: big enough
// that a thread switch is rare, small enough that memory stays flat.
constexpr size_t kBatchBytes = 64 << 10;
constexpr size_t kBatchRows = 512;
// Rows read ahead of the writer, at most: with huge rows (hundreds of
// megabytes each) memory stays near one row per thread, not 2 × jobs + 1.
constexpr size_t kReadAheadBytes = 256 << 20;

bool corpus_file_name(const std::string& name) {
  return name.ends_with(".jsonl") || name.ends_with(".jsonl.gz") || name.ends_with(".jsonl.zst");
}

// "clean.jsonl.gz" -> "clean.findings.jsonl.gz"
std::string sidecar_name(const std::string& output) {
  std::string base = output, ext;
  for (const char* c : {".gz", ".zst", ".zstd"}) {
    if (base.ends_with(c)) {
      ext = c;
      base.resize(base.size() - ext.size());
      break;
    }
  }
  for (const char* j : {".jsonl", ".json"}) {
    if (base.ends_with(j)) {
      base.resize(base.size() - std::string_view(j).size());
      break;
    }
  }
  return base + ".findings.jsonl" + ext;
}

// Directories are walked for corpus files, leaving out what lies in
// `skip` (the output: an earlier run's outputs are not cleaned again).
Status expand_corpus_inputs(const std::vector<std::string>& args, const std::string& skip,
                            std::vector<std::string>* out) {
  for (const std::string& a : args) {
    if (a == "-") {
      out->push_back(a);
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(a, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(a, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.starts_with(".")) {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        // Only an output directory inside the walked one is left out; one
        // that is (or holds) it is refused later as replacing the inputs.
        if (!skip.empty() && skip != "-" && !is_within(a, skip) && is_within(it->path().string(), skip)) {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file() && corpus_file_name(name)) found.push_back(it->path().string());
      }
      if (ec) return IoError(a + ": cannot walk the directory: " + ec.message());
      if (found.empty()) {
        return InputError("no input found: no *.jsonl, *.jsonl.gz or *.jsonl.zst file in " + a);
      }
      std::sort(found.begin(), found.end());
      out->insert(out->end(), found.begin(), found.end());
    } else if (fs::exists(a, ec)) {
      out->push_back(a);
    } else if (ec && ec != std::errc::no_such_file_or_directory) {
      return InputError(a + ": cannot read: " + ec.message());
    } else {
      return InputError(a + ": no such file or directory");
    }
  }
  return Status::Ok();
}

struct Batch {
  uint64_t first_row = 0;
  std::vector<std::string> rows;
  uint64_t raw_bytes_read = 0;  // of the input file, when the batch was read
  size_t row_bytes = 0;         // of its rows, with newlines
  std::string out, sidecar;
  CorpusTally tally;
  bool failed = false;
  uint64_t fail_row = 0;
  RowError error;
  std::vector<std::pair<uint64_t, RowError>> skipped;  // the first few, for warnings
};

void process_batch(const Pipeline& p, const RowOptions& ro, const std::string& on_error, Batch& b) {
  b.out.reserve(kBatchBytes + kBatchBytes / 8);
  for (size_t i = 0; i < b.rows.size(); ++i) {
    uint64_t row = b.first_row + i;
    RowError err;
    if (clean_row(p, b.rows[i], row, ro, &b.out, &b.sidecar, &b.tally, &err)) continue;
    if (on_error == "fail") {
      b.failed = true;
      b.fail_row = row;
      b.error = std::move(err);
      return;
    }
    ++b.tally.bad_rows;
    ++b.tally.errors_by_reason[err.reason];
    if (on_error == "skip") {
      b.out += b.rows[i];
      b.out += '\n';
      b.tally.row_bytes_out += b.rows[i].size() + 1;
    } else {
      ++b.tally.dropped;
    }
    if (ro.sidecar) append_error_sidecar(&b.sidecar, row, err);
    if (b.skipped.size() < 5) b.skipped.emplace_back(row, std::move(err));
  }
  std::vector<std::string>().swap(b.rows);
}

std::string input_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

class ShardRun {
 public:
  ShardRun(const Options& o, const Pipeline& p, const RowOptions& ro, WorkerPool* pool, unsigned jobs,
           Progress& progress, CorpusSummary& summary, uint64_t& raw_done)
      : o_(o), p_(p), ro_(ro), pool_(pool), jobs_(jobs), progress_(progress), summary_(summary),
        raw_done_(raw_done) {}

  Status run(const Shard& shard) {
    Status st = run_inner(shard);
    // Whatever happened, no worker may still hold a batch of this shard.
    while (!inflight_.empty()) {
      inflight_.front().second.wait();
      inflight_.pop_front();
    }
    if (!st.ok()) {
      if (out_) out_->abort();
      if (sidecar_) sidecar_->abort();
      return st;
    }
    if (out_) st = out_->commit();
    if (st.ok() && sidecar_) st = sidecar_->commit();
    if (!st.ok() && sidecar_) sidecar_->abort();
    return st;
  }

 private:
  Status run_inner(const Shard& shard) {
    name_ = input_name(shard.input);
    std::unique_ptr<LineReader> in;
    RETURN_IF_ERROR(LineReader::open(shard.input, &in));
    RETURN_IF_ERROR(OutputFile::open(shard.output, &out_));
    if (!shard.sidecar.empty()) RETURN_IF_ERROR(OutputFile::open(shard.sidecar, &sidecar_));
    uint64_t row = 0;
    std::string line;
    uint64_t raw_before = raw_done_;
    while (true) {
      auto b = std::make_shared<Batch>();
      b->first_row = row + 1;
      size_t bytes = 0;
      while (in->next(&line)) {
        ++row;
        bytes += line.size() + 1;
        b->rows.push_back(std::move(line));
        if (bytes >= kBatchBytes || b->rows.size() >= kBatchRows) break;
      }
      if (b->rows.empty()) break;
      b->raw_bytes_read = raw_before + in->raw_bytes_read();
      if (!pool_) {
        process_batch(p_, ro_, o_.on_error, *b);
        RETURN_IF_ERROR(write(*b));
        continue;
      }
      const Pipeline& p = p_;
      const RowOptions& ro = ro_;
      const std::string& on_error = o_.on_error;
      inflight_bytes_ += bytes;
      b->row_bytes = bytes;
      inflight_.emplace_back(b, pool_->submit([&p, &ro, &on_error, b] { process_batch(p, ro, on_error, *b); }));
      // Enough work queued for every thread; write the oldest batch first.
      if (inflight_.size() >= 2 * static_cast<size_t>(jobs_) + 1 || inflight_bytes_ >= kReadAheadBytes) {
        RETURN_IF_ERROR(write_oldest());
      }
    }
    while (!inflight_.empty()) RETURN_IF_ERROR(write_oldest());
    if (!in->status().ok()) {
      return Status(in->status().code(), in->status().message() + " (after line " + std::to_string(row) + ")");
    }
    raw_done_ = raw_before + in->raw_bytes_read();
    return Status::Ok();
  }

  Status write_oldest() {
    auto [b, done] = std::move(inflight_.front());
    inflight_.pop_front();
    done.get();
    inflight_bytes_ -= b->row_bytes;
    return write(*b);
  }

  Status write(Batch& b) {
    if (b.failed) {
      return InputError(name_ + ":" + std::to_string(b.fail_row) + ": " + b.error.message +
                        " (--on-error skip or drop to go on)");
    }
    RETURN_IF_ERROR(out_->write(b.out));
    if (sidecar_) RETURN_IF_ERROR(sidecar_->write(b.sidecar));
    summary_.tally.add(b.tally);
    for (const auto& [row, err] : b.skipped) {
      if (warnings_++ < 10) {
        std::cerr << "retouche: warning: " << name_ << ":" << row << ": " << err.message << " (row "
                  << (o_.on_error == "skip" ? "passed through unchanged" : "dropped") << ")\n";
      }
    }
    progress_.update(summary_.tally.documents, b.raw_bytes_read, summary_.tally.row_bytes_in);
    return Status::Ok();
  }

  const Options& o_;
  const Pipeline& p_;
  const RowOptions& ro_;
  WorkerPool* pool_;
  unsigned jobs_;
  Progress& progress_;
  CorpusSummary& summary_;
  uint64_t& raw_done_;
  std::string name_;
  std::unique_ptr<OutputFile> out_, sidecar_;
  std::deque<std::pair<std::shared_ptr<Batch>, std::future<void>>> inflight_;
  size_t inflight_bytes_ = 0;  // raw row bytes of the batches in inflight_
  size_t warnings_ = 0;
};

long peak_rss_kb() {
  struct rusage ru;
  if (getrusage(RUSAGE_SELF, &ru) != 0) return 0;
  return ru.ru_maxrss;  // kilobytes on Linux
}

std::string megabytes(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return buf;
}

void append_counts(std::string& out, const std::map<std::string, uint64_t>& m) {
  out += '{';
  bool first = true;
  for (const auto& [k, v] : m) {
    if (!first) out += ',';
    first = false;
    json::append_string(out, k);
    out += ':';
    json::append_uint(out, v);
  }
  out += '}';
}

// Each output file and sidecar, checked against the manifest of its
// directory (as `clean -o DIR` does): an existing file an earlier run did not
// write is refused without --force. Then all are claimed in the manifests
// before any is written, so that a killed run's files are ours next time.
Status claim_outputs(const std::vector<Shard>& shards, bool force) {
  std::map<std::string, std::unique_ptr<OutputManifest>> manifests;
  std::vector<std::pair<OutputManifest*, std::string>> claims;
  for (const Shard& s : shards) {
    for (const std::string& target : {s.output, s.sidecar}) {
      if (target.empty() || target == "-") continue;
      fs::path path(target);
      std::string dir = path.has_parent_path() ? path.parent_path().string() : std::string(".");
      std::string name = path.filename().string();
      auto& m = manifests[dir];
      if (!m) m = std::make_unique<OutputManifest>(dir);
      std::error_code ec;
      auto st = fs::status(target, ec);
      // A device or pipe (`-o /dev/null`) is written to, never replaced.
      bool replaces = fs::is_regular_file(st);
      if (!force && replaces && !m->ours(name)) {
        return UsageError("clean --jsonl: " + target +
                          " exists and was not written by retouche; use --force to replace it, "
                          "or choose another -o");
      }
      if (fs::exists(st) && !replaces) continue;
      claims.emplace_back(m.get(), name);
    }
  }
  std::set<OutputManifest*> changed;
  for (auto& [m, name] : claims) {
    m->add(name);
    changed.insert(m);
  }
  for (OutputManifest* m : changed) {
    if (Status st = m->save(); !st.ok()) return st;
  }
  return Status::Ok();
}

}  // namespace

Status plan_shards(const Options& o, std::vector<Shard>* shards) {
  std::vector<std::string> inputs;
  RETURN_IF_ERROR(expand_corpus_inputs(o.inputs, o.output, &inputs));
  if (inputs.empty()) return UsageError("clean --jsonl: no input given");
  std::string output = o.output.empty() ? "-" : o.output;
  std::error_code ec;
  bool to_dir = output != "-" && (inputs.size() > 1 || output.ends_with('/') || fs::is_directory(output, ec));
  if (to_dir) {
    RETURN_IF_ERROR(ensure_directory(output));
  } else if (output != "-" && inputs.size() > 1) {
    return UsageError("clean --jsonl: several inputs need -o DIRECTORY or -o - (got '" + output + "')");
  }
  std::set<std::string> names;
  for (const std::string& in : inputs) {
    Shard s;
    s.input = in;
    if (output == "-") {
      s.output = "-";
    } else if (to_dir) {
      std::string base = in == "-" ? "stdin.jsonl" : fs::path(in).filename().string();
      if (!names.insert(base).second) {
        return UsageError("clean --jsonl: two inputs are named " + base + "; their outputs in " + output +
                          " would collide");
      }
      s.output = (fs::path(output) / base).string();
    } else {
      s.output = output;
    }
    if (o.sidecar) {
      if (s.output == "-") return UsageError("--sidecar needs -o FILE or -o DIRECTORY (stdout carries the rows)");
      s.sidecar = sidecar_name(s.output);
    }
    // No output may replace any input of the run.
    for (const std::string& other : inputs) {
      for (const std::string& target : {s.output, s.sidecar}) {
        if (target.empty() || !same_file(other, target)) continue;
        return UsageError("clean --jsonl: " + target + " is the input itself" +
                          (other == in ? std::string() : " (" + other + ")") + "; write elsewhere");
      }
    }
    shards->push_back(std::move(s));
  }
  return claim_outputs(*shards, o.force);
}

void print_corpus_summary(const CorpusSummary& s, bool profile) {
  const CorpusTally& t = s.tally;
  double mbps = s.seconds > 0 ? static_cast<double>(t.row_bytes_in) / 1e6 / s.seconds : 0;
  double dps = s.seconds > 0 ? static_cast<double>(t.documents) / s.seconds : 0;
  char line[256];
  std::snprintf(line, sizeof line,
                "retouche: %llu documents from %zu file%s in %.2f s: %.1f MB/s, %.0f documents/s, %u thread%s\n",
                static_cast<unsigned long long>(t.documents), s.files.size(), s.files.size() == 1 ? "" : "s",
                s.seconds, mbps, dps, s.jobs, s.jobs == 1 ? "" : "s");
  std::cerr << line;
  std::cerr << "  rows " << megabytes(t.row_bytes_in) << " -> " << megabytes(t.row_bytes_out) << ", text "
            << megabytes(t.text_bytes_in) << " -> " << megabytes(t.text_bytes_out) << "; " << t.changed
            << " documents changed; " << t.damaged << " judged damaged, " << t.not_french
            << " not French (left unchanged)";
  if (t.bad_rows) {
    std::cerr << "; " << t.bad_rows << " malformed row" << (t.bad_rows == 1 ? "" : "s") << " ("
              << (t.dropped ? "dropped" : "passed through") << ")";
  }
  std::cerr << "; peak memory " << s.peak_rss_kb / 1024 << " MB\n";
  if (!t.applied_by_rule.empty()) {
    std::vector<std::pair<uint64_t, std::string>> top;
    for (const auto& [rule, n] : t.applied_by_rule) top.emplace_back(n, rule);
    std::sort(top.begin(), top.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::cerr << "  applied fixes by rule:";
    for (size_t i = 0; i < top.size() && i < 10; ++i) {
      std::cerr << (i ? ", " : " ") << top[i].second << " " << top[i].first;
    }
    if (top.size() > 10) std::cerr << ", …";
    std::cerr << "\n";
  }
  if (!profile) return;
  double total = 0;
  for (double x : t.stage_seconds) total += x;
  std::cerr << "  time by stage (thread-seconds):";
  for (int st = 0; st < kStageCount; ++st) {
    std::snprintf(line, sizeof line, " %s %.2f s (%.0f%%)", std::string(stage_name(static_cast<Stage>(st))).c_str(),
                  t.stage_seconds[st], total > 0 ? 100 * t.stage_seconds[st] / total : 0);
    std::cerr << line;
  }
  std::cerr << "\n  time by rule:";
  std::vector<std::pair<double, std::string>> rules;
  for (const auto& [r, secs] : s.rule_seconds) rules.emplace_back(secs, r);
  std::sort(rules.rbegin(), rules.rend());
  for (size_t i = 0; i < rules.size() && i < 8; ++i) {
    std::snprintf(line, sizeof line, "%s %s %.2f s", i ? "," : "", rules[i].second.c_str(), rules[i].first);
    std::cerr << line;
  }
  std::cerr << "\n";
}

std::string corpus_summary_json(const CorpusSummary& s) {
  const CorpusTally& t = s.tally;
  std::string out = "{\"files\":[";
  for (size_t i = 0; i < s.files.size(); ++i) {
    if (i) out += ',';
    json::append_string(out, s.files[i]);
  }
  out += "],\"documents\":";
  json::append_uint(out, t.documents);
  out += ",\"rows\":";
  json::append_uint(out, t.rows);
  out += ",\"changed\":";
  json::append_uint(out, t.changed);
  out += ",\"damaged\":";
  json::append_uint(out, t.damaged);
  out += ",\"not_french\":";
  json::append_uint(out, t.not_french);
  out += ",\"malformed_rows\":";
  json::append_uint(out, t.bad_rows);
  out += ",\"dropped_rows\":";
  json::append_uint(out, t.dropped);
  out += ",\"errors_by_reason\":";
  append_counts(out, t.errors_by_reason);
  out += ",\"bytes\":{\"rows_in\":";
  json::append_uint(out, t.row_bytes_in);
  out += ",\"rows_out\":";
  json::append_uint(out, t.row_bytes_out);
  out += ",\"text_in\":";
  json::append_uint(out, t.text_bytes_in);
  out += ",\"text_out\":";
  json::append_uint(out, t.text_bytes_out);
  out += "},\"seconds\":";
  json::append_number(out, s.seconds);
  out += ",\"mb_per_second\":";
  json::append_number(out, s.seconds > 0 ? static_cast<double>(t.row_bytes_in) / 1e6 / s.seconds : 0);
  out += ",\"documents_per_second\":";
  json::append_number(out, s.seconds > 0 ? static_cast<double>(t.documents) / s.seconds : 0);
  out += ",\"jobs\":";
  json::append_uint(out, s.jobs);
  out += ",\"peak_rss_kb\":";
  json::append_uint(out, static_cast<uint64_t>(std::max(0L, s.peak_rss_kb)));
  std::map<std::string, uint64_t> by_family;
  for (const auto& [rule, n] : t.applied_by_rule) by_family[std::string(rule_family(rule))] += n;
  out += ",\"applied_by_family\":";
  append_counts(out, by_family);
  out += ",\"applied_by_rule\":";
  append_counts(out, t.applied_by_rule);
  out += ",\"proposed_by_rule\":";
  append_counts(out, t.proposed_by_rule);
  out += ",\"reported_by_rule\":";
  append_counts(out, t.reported_by_rule);
  out += ",\"stage_seconds\":{";
  for (int st = 0; st < kStageCount; ++st) {
    if (st) out += ',';
    json::append_string(out, stage_name(static_cast<Stage>(st)));
    out += ':';
    json::append_number(out, t.stage_seconds[st]);
  }
  out += "},\"rule_seconds\":{";
  bool first = true;
  for (const auto& [rule, secs] : s.rule_seconds) {
    if (!first) out += ',';
    first = false;
    json::append_string(out, rule);
    out += ':';
    json::append_number(out, secs);
  }
  out += "}}\n";
  return out;
}

int run_clean_jsonl(const Options& o, const Pipeline& p) {
  std::vector<Shard> shards;
  Status st = plan_shards(o, &shards);
  if (!st.ok()) {
    print_error(st.message());
    return exit_code_for(st);
  }
  unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  RowOptions ro;
  ro.text_key = o.text_key;
  ro.id_key = o.id_key;
  ro.stats_key = o.stats_key;
  ro.sidecar = o.sidecar;

  uint64_t total_raw = 0;
  for (const Shard& s : shards) {
    struct stat sb;
    if (s.input == "-" || ::stat(s.input.c_str(), &sb) != 0 || !S_ISREG(sb.st_mode)) {
      total_raw = 0;
      break;
    }
    total_raw += static_cast<uint64_t>(sb.st_size);
  }
  Progress progress(!o.quiet && ::isatty(2), total_raw);
  CorpusSummary summary;
  summary.jobs = jobs;
  auto start = std::chrono::steady_clock::now();
  uint64_t raw_done = 0;
  {
    std::unique_ptr<WorkerPool> pool;
    if (jobs > 1) pool = std::make_unique<WorkerPool>(jobs);
    for (const Shard& s : shards) {
      ShardRun run(o, p, ro, pool.get(), jobs, progress, summary, raw_done);
      st = run.run(s);
      if (!st.ok()) {
        progress.finish();
        print_error(st.message());
        return exit_code_for(st);
      }
      summary.files.push_back(input_name(s.input));
    }
  }
  progress.finish();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  summary.peak_rss_kb = peak_rss_kb();
  summary.rule_seconds = p.rule_seconds();
  if (!o.quiet) print_corpus_summary(summary, o.profile);
  if (!o.stats_json.empty()) {
    st = write_file_atomic(o.stats_json, corpus_summary_json(summary));
    if (!st.ok()) {
      print_error(st.message());
      return kExitInput;
    }
  }
  return kExitOk;
}

int run_stats_jsonl(const Options& o) {
  if (o.inputs.empty() || o.output.empty()) {
    print_error("stats --jsonl: give the corpus shards (or .stats files) and -o FILE");
    return kExitUsage;
  }
  LineStats stats;
  std::vector<std::string> shard_args;
  if (Status st = stats.merge_stats_arguments(o.inputs, &shard_args); !st.ok()) {
    print_error(st.message());
    return kExitInput;
  }
  std::vector<std::string> inputs;
  Status st = expand_corpus_inputs(shard_args, "", &inputs);
  if (!st.ok()) {
    print_error(st.message());
    return exit_code_for(st);
  }
  uint64_t bad = 0;
  for (const std::string& path : inputs) {
    std::unique_ptr<LineReader> in;
    st = LineReader::open(path, &in);
    if (!st.ok()) {
      print_error(st.message());
      return exit_code_for(st);
    }
    std::string line, text;
    uint64_t row = 0;
    while (in->next(&line)) {
      ++row;
      if (blank_row(line)) continue;
      RowError err;
      if (!row_text(line, o.text_key, &text, &err)) {
        if (o.on_error == "fail") {
          print_error(input_name(path) + ":" + std::to_string(row) + ": " + err.message +
                      " (--on-error skip to go on)");
          return kExitInput;
        }
        if (bad++ < 10) std::cerr << "retouche: warning: " << input_name(path) << ":" << row << ": " << err.message << " (row skipped)\n";
        continue;
      }
      stats.add_document(text);
    }
    if (!in->status().ok()) {
      print_error(in->status().message());
      return kExitInput;
    }
  }
  st = stats.write(o.output);
  if (!st.ok()) {
    print_error(st.message());
    return kExitInput;
  }
  if (!o.quiet) {
    std::cerr << "retouche: " << stats.documents() << " documents, " << stats.distinct_lines()
              << " distinct short lines -> " << o.output;
    if (bad) std::cerr << "; " << bad << " malformed rows skipped";
    std::cerr << "\n";
  }
  return kExitOk;
}

}  // namespace retouche::cli
