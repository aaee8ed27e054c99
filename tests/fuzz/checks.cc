#include "checks.h"

#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/config.h"
#include "cli/corpus_row.h"
#include "core/sha256.h"
#include "core/utf8.h"
#include "io/findings_io.h"
#include "io/json.h"
#include "retouche/pipeline.h"
#include "rules/line_stats.h"

namespace retouche::fuzz {
namespace {

const Pipeline& pipeline(bool lossy) {
  static std::unique_ptr<Pipeline> p[2];
  std::unique_ptr<Pipeline>& slot = p[lossy ? 1 : 0];
  if (!slot) {
    PipelineOptions o;
    o.data_dir = RETOUCHE_SOURCE_DIR;
    o.lossy_utf8 = lossy;
    Status st;
    slot = Pipeline::create(o, &st);
    if (!slot) throw std::runtime_error("fuzz: cannot build the pipeline: " + st.message());
    // What the pipeline builds on first need is built here, so that no
    // input's cost bound pays for it: Hunspell, asked about a glued word the
    // lexicon table cannot decide ("États-UnisLe"), takes a quarter of a
    // second to load in Release and seconds under ASan.
    Result warm;
    (void)slot->run(Document{"warm-up", "Il est venu des États-UnisLe lendemain.\n"}, &warm);
  }
  return *slot;
}

std::string quoted(std::string_view s) {
  std::string out;
  json::append_string(out, s.substr(0, 200));
  if (s.size() > 200) out += "…";
  return out;
}

bool valid(std::string_view s) { return utf8::find_invalid(s) == utf8::kValid; }

// Every finding lies inside `original`, on character boundaries, with its
// `original` bytes and code-point offsets right.
std::string check_spans(std::string_view original, const std::vector<Finding>& findings) {
  bool text_valid = valid(original);
  for (const Finding& f : findings) {
    std::string which = "finding " + f.rule + " at " + std::to_string(f.begin) + "-" + std::to_string(f.end);
    if (f.begin > f.end || f.end > original.size()) return which + ": outside the text";
    if (!utf8::is_boundary(original, f.begin) || !utf8::is_boundary(original, f.end)) {
      return which + ": not on character boundaries";
    }
    if (original.substr(f.begin, f.end - f.begin) != f.original) {
      return which + ": original " + quoted(f.original) + " is not the span's bytes " +
             quoted(original.substr(f.begin, f.end - f.begin));
    }
    if (!valid(f.replacement)) return which + ": replacement is not valid UTF-8";
    if (text_valid && (f.cp_begin != utf8::count_code_points(original.substr(0, f.begin)) ||
                       f.cp_end != f.cp_begin + utf8::count_code_points(f.original))) {
      return which + ": code-point offsets " + std::to_string(f.cp_begin) + "-" + std::to_string(f.cp_end) +
             " are wrong";
    }
  }
  return "";
}

// The findings as the CLI writes them, read back and replayed on `original`.
std::string check_replay(const std::string& original, const std::vector<Finding>& findings,
                         const std::string& clean_text) {
  std::string jsonl = findings_jsonl(findings, sha256_hex(original));
  std::vector<Finding> back;
  std::vector<std::string> hashes;
  Status st = parse_findings_jsonl(jsonl, "findings", &back, &hashes);
  if (!st.ok()) return "the findings written do not read back: " + st.message();
  if (back.size() != findings.size()) return "findings read back: count differs";
  st = check_findings_fit(original, back);
  if (!st.ok()) return "the findings read back do not fit the text: " + st.message();
  std::string replayed;
  st = replay_findings(original, back, &replayed);
  if (!st.ok()) return "the findings read back do not replay: " + st.message();
  if (replayed != clean_text) {
    return "replaying the findings gives " + quoted(replayed) + ", the run gave " + quoted(clean_text);
  }
  return "";
}

}  // namespace

// The CPU time of this thread: the cost bound holds for the work, not for a
// machine that gives the fuzzer no core (a run at nice 19 beside a build
// once took 2.6 s of wall clock for 9M instructions).
static double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

std::string check_pipeline(std::string_view bytes) {
  std::string text(bytes);
  for (bool lossy : {false, true}) {
    const char* mode = lossy ? "--lossy: " : "strict: ";
    Result r;
    const Pipeline& p = pipeline(lossy);
    double start = thread_cpu_seconds();
    Status st = p.run(Document{"fuzz", text}, &r);
    double seconds = thread_cpu_seconds() - start;
    if (!lossy && !valid(text)) {
      if (st.ok()) return std::string(mode) + "invalid UTF-8 was accepted";
      if (st.code() != ErrorCode::kInvalidInput) return mode + st.message();
      continue;
    }
    if (!st.ok()) return mode + ("the run failed: " + st.message());
    if (!valid(r.clean_text)) return std::string(mode) + "the cleaned text is not valid UTF-8";
    std::string why = check_spans(text, r.findings);
    if (why.empty()) why = check_replay(text, r.findings, r.clean_text);
    if (!why.empty()) return mode + why;
    double bound = kCostFixedSeconds + kCostSecondsPerByte * static_cast<double>(text.size());
    if (seconds > bound) {
      return std::string(mode) + "the run took " + std::to_string(seconds) + " s for " +
             std::to_string(text.size()) + " bytes (bound " + std::to_string(bound) + " s)";
    }
  }
  return "";
}

std::string check_idempotent(std::string_view bytes) {
  Result first, second;
  if (!pipeline(true).run(Document{"fuzz", std::string(bytes)}, &first).ok()) return "";
  Status st = pipeline(false).run(Document{"fuzz", first.clean_text}, &second);
  if (!st.ok()) return "the cleaned text does not clean: " + st.message();
  if (second.clean_text == first.clean_text) return "";
  std::string rules;
  for (const Finding& f : second.findings) {
    if (f.status == FindingStatus::kApplied) rules += " " + f.rule;
  }
  return "a second pass changes " + quoted(first.clean_text) + " into " + quoted(second.clean_text) +
         " (rules:" + rules + ")";
}

namespace {

// Parses `text` fully and compares with what the scanner saw.
bool same_value(const json::Value& a, const json::Value& b) {
  if (a.type != b.type) return false;
  switch (a.type) {
    case json::Type::kNull:
      return true;
    case json::Type::kBool:
      return a.boolean == b.boolean;
    case json::Type::kNumber:
    case json::Type::kString:
      return a.string == b.string;
    case json::Type::kArray:
      if (a.array.size() != b.array.size()) return false;
      for (size_t i = 0; i < a.array.size(); ++i) {
        if (!same_value(a.array[i], b.array[i])) return false;
      }
      return true;
    case json::Type::kObject:
      if (a.object.size() != b.object.size()) return false;
      for (size_t i = 0; i < a.object.size(); ++i) {
        if (a.object[i].first != b.object[i].first || !same_value(a.object[i].second, b.object[i].second)) {
          return false;
        }
      }
      return true;
  }
  return false;
}

std::string check_scanner_agrees(std::string_view row) {
  std::vector<json::Member> members;
  json::Error scan_err, parse_err;
  json::Value tree;
  bool scanned = json::scan_object(row, &members, &scan_err);
  bool parsed = json::parse(row, &tree, &parse_err) && tree.type == json::Type::kObject;
  if (scanned != parsed) {
    return std::string("the row scanner ") + (scanned ? "accepts" : "rejects") + " a row the parser " +
           (parsed ? "accepts" : "rejects") + " (" + (scanned ? parse_err.message : scan_err.message) +
           ")";
  }
  if (!scanned) return "";
  if (members.size() != tree.object.size()) return "scanner and parser see different member counts";
  for (size_t i = 0; i < members.size(); ++i) {
    const json::Member& m = members[i];
    if (m.key != tree.object[i].first) return "scanner and parser see different keys";
    json::Value v;
    json::Error e;
    std::string_view raw = row.substr(m.value_begin, m.value_end - m.value_begin);
    if (!json::parse(raw, &v, &e)) return "the scanned value span of " + quoted(m.key) + " does not parse";
    if (v.type != m.type || !same_value(v, tree.object[i].second)) {
      return "the scanned value of " + quoted(m.key) + " differs from the parsed one";
    }
  }
  return "";
}

std::string check_splice(std::string_view row) {
  // Without per-document stats: the output row is the input row with the
  // text value replaced, byte for byte.
  for (bool stats : {false, true}) {
    cli::RowOptions ro;
    ro.sidecar = true;
    if (!stats) ro.stats_key.clear();
    std::string out, sidecar;
    cli::CorpusTally tally;
    cli::RowError err;
    bool ok = cli::clean_row(pipeline(false), row, 1, ro, &out, &sidecar, &tally, &err);
    std::vector<json::Member> members;
    json::Error jerr;
    std::string_view body = row;
    if (body.ends_with('\r')) body.remove_suffix(1);
    if (!ok) {
      if (!out.empty() || !sidecar.empty()) return "a rejected row still wrote output";
      if (cli::blank_row(row)) return "a blank row was rejected";
      continue;
    }
    if (cli::blank_row(row)) {
      if (out != std::string(row) + "\n") return "a blank row was not copied";
      continue;
    }
    if (!json::scan_object(body, &members, &jerr)) return "a malformed row was cleaned";
    const json::Member* text = nullptr;
    for (const json::Member& m : members) {
      if (m.key == "text") {
        text = &m;
        break;
      }
    }
    if (!text) return "a row without a text field was cleaned";
    std::string_view raw_text = body.substr(text->value_begin, text->value_end - text->value_begin);
    std::string decoded;
    if (!json::decode_string(raw_text, &decoded, &jerr)) return "a text that does not decode was cleaned";
    std::string_view cr = row.ends_with('\r') ? "\r" : "";
    std::string_view o = out;
    if (!o.ends_with('\n')) return "the output row has no newline";
    o.remove_suffix(1);
    if (!o.ends_with(cr)) return "the output row lost its carriage return";
    o.remove_suffix(cr.size());
    json::Value tree;
    if (!json::parse(o, &tree, &jerr)) return "the output row is not JSON: " + jerr.message;
    if (!stats) {
      std::string_view head = body.substr(0, text->value_begin), tail = body.substr(text->value_end);
      if (!o.starts_with(head) || !o.ends_with(tail) || o.size() < head.size() + tail.size()) {
        return "the output row differs from its input outside the text value";
      }
    }
    // The text as written, the findings of the sidecar row replayed on the
    // decoded input, and the text written must all agree.
    const json::Value* written = nullptr;
    for (const auto& [k, v] : tree.object) {
      if (k == "text") {
        written = &v;
        break;
      }
    }
    if (!written || written->type != json::Type::kString) return "the output row has no text string";
    Result r;
    if (!pipeline(false).run(Document{"row 1", decoded}, &r).ok()) return "the row's text does not clean";
    if (written->string != r.clean_text) return "the text written is not the cleaned text";
    json::Value sc;
    std::string_view sc_line = sidecar;
    if (sc_line.ends_with('\n')) sc_line.remove_suffix(1);
    if (!json::parse(sc_line, &sc, &jerr)) return "the sidecar row is not JSON: " + jerr.message;
    const json::Value* fs = sc.find("findings");
    if (!fs || fs->type != json::Type::kArray) return "the sidecar row has no findings";
    if (fs->array.size() != r.findings.size()) return "the sidecar row lists another number of findings";
    for (size_t i = 0; i < r.findings.size(); ++i) {
      const json::Value& x = fs->array[i];
      const Finding& f = r.findings[i];
      const json::Value *b = x.find("begin"), *e = x.find("end"), *rep = x.find("replacement");
      if (!b || !e || !rep || b->number != static_cast<double>(f.begin) ||
          e->number != static_cast<double>(f.end) || rep->string != f.replacement) {
        return "sidecar finding " + std::to_string(i + 1) + " is not the run's";
      }
    }
    std::string why = check_replay(decoded, r.findings, r.clean_text);
    if (!why.empty()) return "sidecar: " + why;
  }
  return "";
}

}  // namespace

std::string check_json_row(std::string_view bytes) {
  // One row: what a LineReader gives (no newline inside).
  std::string_view row = bytes.substr(0, bytes.find('\n'));
  std::string why = check_scanner_agrees(row);
  if (why.empty()) why = check_splice(row);
  return why;
}

std::string check_findings(std::string_view bytes) {
  // The input is a text, a NUL byte, then a findings file for it.
  size_t nul = bytes.find('\0');
  std::string original(bytes.substr(0, nul == std::string_view::npos ? 0 : nul));
  std::string_view file = nul == std::string_view::npos ? bytes : bytes.substr(nul + 1);
  std::vector<Finding> findings;
  std::vector<std::string> hashes;
  if (!parse_findings_jsonl(file, "f", &findings, &hashes).ok()) return "";
  // Writing and reading back is stable after one round (confidences are
  // rounded when written). An empty "doc" is read, but the writer leaves an
  // empty hash out (sidecar rows have none): write a placeholder instead.
  // A finding read without an id gets the one of its document and span when
  // the file names the document; with the placeholder it now has one.
  for (size_t i = 0; i < hashes.size(); ++i) {
    if (hashes[i].empty()) hashes[i] = "-";
    if (findings[i].id.empty()) findings[i].id = finding_id(hashes[i], findings[i]);
  }
  std::string once, twice;
  for (size_t i = 0; i < findings.size(); ++i) {
    append_finding_json(once, findings[i], hashes[i]);
    once += '\n';
  }
  std::vector<Finding> back;
  std::vector<std::string> back_hashes;
  Status st = parse_findings_jsonl(once, "f", &back, &back_hashes);
  if (!st.ok()) return "findings written do not read back: " + st.message();
  for (size_t i = 0; i < back.size(); ++i) {
    append_finding_json(twice, back[i], back_hashes[i]);
    twice += '\n';
  }
  if (once != twice) return "findings change when written and read back: " + quoted(once) + " vs " + quoted(twice);
  for (size_t i = 0; i < back.size(); ++i) {
    if (back[i].original != findings[i].original) return "a finding's original bytes change when written";
  }
  if (!check_findings_fit(original, findings).ok()) return "";
  std::string replayed;
  if (!replay_findings(original, findings, &replayed).ok()) return "";
  if (valid(original) && !valid(replayed)) return "findings that fit a valid text replay to invalid UTF-8";
  return "";
}

std::string check_line_stats(std::string_view bytes) {
  // LineStats reads files: the input goes through one, per process.
  static const std::string dir = [] {
    char tmpl[] = "/tmp/retouche-fuzz-stats-XXXXXX";
    const char* d = mkdtemp(tmpl);
    if (!d) throw std::runtime_error("fuzz: mkdtemp failed");
    return std::string(d);
  }();
  std::string in = dir + "/in.stats", once = dir + "/once.stats", twice = dir + "/twice.stats";
  FILE* f = std::fopen(in.c_str(), "wb");
  if (!f) throw std::runtime_error("fuzz: cannot write " + in);
  std::fwrite(bytes.data(), 1, bytes.size(), f);
  std::fclose(f);
  LineStats a;
  if (!a.merge_file(in).ok()) return "";
  if (!a.write(once).ok()) return "loaded line stats cannot be written";
  LineStats b;
  Status st = b.merge_file(once);
  if (!st.ok()) return "line stats written do not load: " + st.message();
  if (!b.write(twice).ok()) return "line stats cannot be written twice";
  auto slurp = [](const std::string& p) {
    std::string s;
    FILE* g = std::fopen(p.c_str(), "rb");
    if (!g) return s;
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, g)) > 0) s.append(buf, n);
    std::fclose(g);
    return s;
  };
  if (slurp(once) != slurp(twice)) return "line stats change when written and loaded again";
  if (a.documents() != b.documents() || a.distinct_lines() != b.distinct_lines()) {
    return "line stats counts change when written and loaded again";
  }
  return "";
}

namespace {

// The settings a configuration file may set, as one comparable string.
std::string settings_of(const cli::Options& o) {
  const PipelineOptions& p = o.pipeline;
  std::string s = o.apply + "|" + std::to_string(p.policy.min_confidence) + "|" + p.force_language + "|" +
                  std::to_string(p.lossy_utf8) + std::to_string(p.assume_damaged) + std::to_string(p.newline_lf) +
                  "|" + p.data_dir + "|" + o.dictionary + "|" + p.line_stats_path + "|" +
                  std::to_string(p.line_stats_min_docs);
  for (const auto* list : {&p.enable, &p.disable, &p.keep_words_files}) {
    s += "|";
    for (const std::string& x : *list) s += x + ",";
  }
  return s;
}

}  // namespace

std::string check_config(std::string_view bytes) {
  const std::string path = "/cfg/retouche.toml";
  auto none = [](const std::string&) { return false; };
  auto all = [](const std::string&) { return true; };
  cli::Options a, b, untouched, given;
  Status sa = cli::apply_config_text(bytes, path, none, &a);
  Status sb = cli::apply_config_text(bytes, path, none, &b);
  if (sa.ok() != sb.ok() || sa.message() != sb.message() || settings_of(a) != settings_of(b)) {
    return "reading the same configuration twice gives different results";
  }
  if (!sa.ok()) {
    if (sa.message().rfind(path + ":", 0) != 0) return "the error does not name the file: " + sa.message();
    return "";
  }
  // The command line wins over every key of the file.
  Status sg = cli::apply_config_text(bytes, path, all, &given);
  if (!sg.ok() || settings_of(given) != settings_of(untouched)) {
    return "a setting given on the command line was changed by the file";
  }
  const PipelineOptions& p = a.pipeline;
  if (!(p.policy.min_confidence >= 0 && p.policy.min_confidence <= 1)) return "min-confidence out of [0, 1]";
  if (p.line_stats_min_docs < 1 && p.line_stats_min_docs != untouched.pipeline.line_stats_min_docs) {
    return "line-stats-min-docs below 1";
  }
  for (const std::string* x : {&p.data_dir, static_cast<const std::string*>(&a.dictionary), &p.line_stats_path}) {
    if (!x->empty() && x->front() != '/') return "a relative path was not resolved: " + *x;
  }
  for (const std::string& x : p.keep_words_files) {
    if (!x.empty() && x.front() != '/') return "a relative keep-words path was not resolved: " + x;
  }
  return "";
}

Check check_named(std::string_view target) {
  if (target == "pipeline") return check_pipeline;
  if (target == "idempotency") return check_idempotent;
  if (target == "json_row") return check_json_row;
  if (target == "findings") return check_findings;
  if (target == "line_stats") return check_line_stats;
  if (target == "config") return check_config;
  return nullptr;
}

}  // namespace retouche::fuzz
