// retouche check: findings only, nothing written; exit 1 when anything was found.
#include <cstdio>
#include <iostream>

#include "cli/cli.h"
#include "cli/corpus_row.h"
#include "cli/process.h"
#include "core/sha256.h"
#include "io/byte_stream.h"
#include "io/findings_io.h"
#include "io/json.h"
#include "io/report_formats.h"
#include "io/text_file.h"

namespace retouche::cli {
namespace {

// "PLACE: rule: message [safe, fix: "x"]"
std::string finding_line(const std::string& place, const Finding& f) {
  std::string out = place + ": " + f.rule + ": " + f.message;
  out += " [" + std::string(applicability_name(f.applicability));
  if (f.status == FindingStatus::kApplied) {
    out += ", fix: " + (f.replacement.empty() ? std::string("delete") : "\"" + f.replacement + "\"");
  } else if (f.status == FindingStatus::kConflict) {
    out += ", overridden by " + f.conflict_with;
  } else if (f.applicability != Applicability::kReport) {
    out += ", proposed: " + (f.replacement.empty() ? std::string("delete") : "\"" + f.replacement + "\"");
  }
  return out + "] " + f.id + "\n";
}

// check --jsonl: every row's findings, placed by file and row (the line of
// the file), the row's id, and the position in the text: line:column and
// code-point offsets (Python's str indexing).
int check_jsonl(const Options& o, const Pipeline& p) {
  size_t found = 0, failures = 0;
  for (const std::string& path : o.inputs) {
    std::unique_ptr<LineReader> in;
    Status st = LineReader::open(path, &in);
    if (!st.ok()) {
      print_error(st.message());
      ++failures;
      continue;
    }
    std::string name = path == "-" ? "stdin" : path;
    std::string line, text, id;
    uint64_t row = 0;
    while (in->next(&line)) {
      ++row;
      if (blank_row(line)) continue;
      RowError err;
      Result r;
      if (!row_document(line, o.text_key, o.id_key, &text, &id, &err)) {
        print_error(name + ":" + std::to_string(row) + ": " + err.message);
        ++failures;
        continue;
      }
      st = p.run(Document{name + ":" + std::to_string(row), text}, &r);
      if (!st.ok()) {
        print_error(name + ":" + std::to_string(row) + ": \"" + o.text_key + "\": " + st.message());
        ++failures;
        continue;
      }
      if (r.findings.empty()) continue;
      found += r.findings.size();
      std::string out;
      if (o.format == "jsonl") {
        out += "{\"file\":";
        json::append_string(out, name);
        out += ",\"row\":";
        json::append_uint(out, row);
        if (!id.empty()) out += ",\"id\":" + id;
        out += ",\"findings\":[";
        for (size_t i = 0; i < r.findings.size(); ++i) {
          if (i) out += ',';
          append_finding_json(out, r.findings[i], sha256_hex(text));
        }
        out += "]}\n";
      } else {
        for (const Finding& f : r.findings) {
          std::string place = name + ":" + std::to_string(row) + ": row " + std::to_string(row);
          if (!id.empty()) place += " (id " + id + ")";
          place += ", text " + std::to_string(f.line) + ":" + std::to_string(f.column) + ", code points " +
                   std::to_string(f.cp_begin) + "-" + std::to_string(f.cp_end);
          out += finding_line(place, f);
        }
      }
      st = write_stdout(out);
      if (!st.ok()) {
        print_error(st.message());
        return kExitInput;
      }
    }
    if (!in->status().ok()) {
      print_error(in->status().message());
      ++failures;
    }
  }
  Status flushed = flush_stdout();
  if (!flushed.ok()) {
    print_error(flushed.message());
    return kExitInput;
  }
  if (failures) return kExitInput;
  return found ? kExitFindings : kExitOk;
}

}  // namespace

int run_check(const Options& o) {
  int code = kExitOk;
  const Pipeline* p = make_pipeline(o, &code);
  if (!p) return code;
  if (o.list_rules) {
    print_rules(*p);
    return kExitOk;
  }
  if (o.inputs.empty()) {
    print_error("check: no input given");
    return kExitUsage;
  }
  if (o.jsonl) return check_jsonl(o, *p);
  size_t found = 0;
  size_t failures = 0;
  std::vector<ReportedDocument> docs;  // sarif and rdjson: one report for all inputs
  std::vector<InputFile> inputs = gather_inputs(o, "", &failures);
  Status written;  // the first write error on stdout; nothing more is written after it
  failures += for_each_result(inputs, *p, [&](const Processed& pr) {
    if (!written.ok()) return false;
    std::string out;
    found += pr.result.findings.size();
    if (o.format == "sarif" || o.format == "rdjson") {
      docs.push_back({pr.input.path, pr.original, pr.result.findings});
      return true;
    }
    if (o.format == "languagetool") {
      out = languagetool_report({pr.input.path, pr.original, pr.result.findings}, p->rules(),
                                RETOUCHE_VERSION) + "\n";
    } else if (o.format == "jsonl") {
      out = findings_jsonl(pr.result.findings, sha256_hex(pr.original), pr.input.path);
    } else {
      for (const Finding& f : pr.result.findings) {
        out += finding_line(pr.input.path + ":" + std::to_string(f.line) + ":" + std::to_string(f.column), f);
      }
    }
    written = write_stdout(out);
    return written.ok();
  });
  if (written.ok() && (o.format == "sarif" || o.format == "rdjson")) {
    std::string out = o.format == "sarif" ? sarif_report(docs, p->rules(), RETOUCHE_VERSION) : rdjson_report(docs);
    written = write_stdout(out);
  }
  if (written.ok()) written = flush_stdout();
  if (!written.ok()) {
    print_error(written.message());
    return kExitInput;
  }
  if (failures) return kExitInput;
  return found ? kExitFindings : kExitOk;
}

}  // namespace retouche::cli
