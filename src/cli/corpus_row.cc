#include "cli/corpus_row.h"

#include <algorithm>
#include <vector>

#include "core/utf8.h"
#include "io/findings_io.h"
#include "io/json.h"

namespace retouche::cli {

void CorpusTally::add(const CorpusTally& o) {
  rows += o.rows;
  documents += o.documents;
  changed += o.changed;
  not_french += o.not_french;
  damaged += o.damaged;
  bad_rows += o.bad_rows;
  dropped += o.dropped;
  row_bytes_in += o.row_bytes_in;
  row_bytes_out += o.row_bytes_out;
  text_bytes_in += o.text_bytes_in;
  text_bytes_out += o.text_bytes_out;
  for (const auto& [k, v] : o.applied_by_rule) applied_by_rule[k] += v;
  for (const auto& [k, v] : o.proposed_by_rule) proposed_by_rule[k] += v;
  for (const auto& [k, v] : o.reported_by_rule) reported_by_rule[k] += v;
  for (const auto& [k, v] : o.errors_by_reason) errors_by_reason[k] += v;
  for (int s = 0; s < kStageCount; ++s) stage_seconds[s] += o.stage_seconds[s];
}

namespace {

bool blank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

bool fail(RowError* e, std::string reason, std::string message) {
  e->reason = std::move(reason);
  e->message = std::move(message);
  return false;
}

std::string column(size_t offset) { return "column " + std::to_string(offset + 1); }

// Does a raw JSON string spell non-ASCII characters as \u escapes? Then the
// cleaned text is written the same way (as Python's json.dumps does).
bool escapes_non_ascii(std::string_view raw_value, std::string_view decoded) {
  for (unsigned char c : raw_value) {
    if (c >= 0x80) return false;
  }
  for (unsigned char c : decoded) {
    if (c >= 0x80) return true;
  }
  return false;
}

const char* type_name(json::Type t) {
  switch (t) {
    case json::Type::kNull:
      return "null";
    case json::Type::kBool:
      return "a boolean";
    case json::Type::kNumber:
      return "a number";
    case json::Type::kString:
      return "a string";
    case json::Type::kArray:
      return "an array";
    case json::Type::kObject:
      return "an object";
  }
  return "?";
}

struct ParsedRow {
  std::string_view row;  // without a final "\r"
  bool cr = false;
  std::vector<json::Member> members;
  const json::Member* text_member = nullptr;
  const json::Member* id_member = nullptr;
  const json::Member* stats_member = nullptr;
  std::string_view raw_text;  // the text value as written, with its quotes
  std::string text;           // decoded
};

bool parse_row(std::string_view raw, const std::string& text_key, const std::string& id_key,
               const std::string& stats_key, ParsedRow* pr, RowError* error) {
  std::string_view row = raw;
  pr->cr = row.ends_with('\r');
  if (pr->cr) row.remove_suffix(1);
  pr->row = row;
  size_t bad = utf8::find_invalid(row);
  if (bad != utf8::kValid) return fail(error, "invalid UTF-8", column(bad) + ": invalid UTF-8");
  json::Error jerr;
  if (!json::scan_object(row, &pr->members, &jerr)) {
    if (jerr.bad_string) return fail(error, "bad string", column(jerr.offset) + ": " + jerr.message);
    return fail(error, "bad JSON", column(jerr.offset) + ": bad JSON: " + jerr.message);
  }
  for (const json::Member& m : pr->members) {
    if (!pr->text_member && m.key == text_key) pr->text_member = &m;
    if (!pr->id_member && !id_key.empty() && m.key == id_key) pr->id_member = &m;
    if (!pr->stats_member && !stats_key.empty() && m.key == stats_key) pr->stats_member = &m;
  }
  const json::Member* t = pr->text_member;
  if (!t) return fail(error, "no text field", "no \"" + text_key + "\" field");
  if (t->type != json::Type::kString) {
    return fail(error, "text not a string",
                column(t->value_begin) + ": \"" + text_key + "\" is " + type_name(t->type) + ", not a string");
  }
  pr->raw_text = row.substr(t->value_begin, t->value_end - t->value_begin);
  if (!json::decode_string(pr->raw_text, &pr->text, &jerr)) {
    return fail(error, "bad string", column(t->value_begin + jerr.offset) + ": " + jerr.message);
  }
  return true;
}

void append_doc_stats(std::string& out, const Result& r, size_t in_bytes) {
  uint64_t applied = 0, proposed = 0, flagged = 0;
  std::map<std::string_view, uint64_t> families;
  for (const Finding& f : r.findings) {
    if (f.status == FindingStatus::kApplied) {
      ++applied;
      ++families[rule_family(f.rule)];
    } else if (f.applicability == Applicability::kReport) {
      ++flagged;
    } else {
      ++proposed;
    }
  }
  out += "{\"applied\":";
  json::append_uint(out, applied);
  out += ",\"proposed\":";
  json::append_uint(out, proposed);
  out += ",\"flagged\":";
  json::append_uint(out, flagged);
  out += ",\"bytes_removed\":";
  long long removed = static_cast<long long>(in_bytes) - static_cast<long long>(r.clean_text.size());
  if (removed < 0) {
    out += '-';
    json::append_uint(out, static_cast<uint64_t>(-removed));
  } else {
    json::append_uint(out, static_cast<uint64_t>(removed));
  }
  out += ",\"families\":{";
  bool first = true;
  for (const auto& [family, n] : families) {
    if (!first) out += ',';
    first = false;
    json::append_string(out, family);
    out += ':';
    json::append_uint(out, n);
  }
  // Why the document was cleaned boldly or cautiously (DESIGN.md, "Document evidence").
  const DocumentEvidence& ev = r.evidence;
  out += "},\"evidence\":{\"language\":";
  json::append_string(out, ev.language);
  out += ev.french ? ",\"cleaned\":true" : ",\"cleaned\":false";
  out += ",\"words\":";
  json::append_uint(out, ev.words);
  out += ",\"artefacts\":";
  json::append_uint(out, static_cast<uint64_t>(ev.artefacts));
  out += ",\"artefact_kinds\":";
  json::append_uint(out, static_cast<uint64_t>(ev.artefact_kinds));
  out += ",\"name_corrections\":";
  json::append_uint(out, static_cast<uint64_t>(ev.name_corrections));
  out += ev.damaged ? ",\"damaged\":true" : ",\"damaged\":false";
  out += ev.names_damaged ? ",\"names_damaged\":true" : ",\"names_damaged\":false";
  out += ",\"foreign_lines\":";
  json::append_uint(out, ev.foreign_lines);
  out += "}}";
}

}  // namespace

bool clean_row(const Pipeline& pipeline, std::string_view raw, uint64_t row_number,
               const RowOptions& options, std::string* out, std::string* sidecar,
               CorpusTally* tally, RowError* error) {
  tally->row_bytes_in += raw.size() + 1;
  if (blank(raw)) {
    out->append(raw);
    *out += '\n';
    tally->row_bytes_out += raw.size() + 1;
    if (options.sidecar) {
      // One JSON object for every row, a blank one too (json.loads per line).
      *sidecar += "{\"row\":";
      json::append_uint(*sidecar, row_number);
      *sidecar += ",\"blank\":true,\"findings\":[]}\n";
    }
    return true;
  }
  ++tally->rows;
  ParsedRow pr;
  if (!parse_row(raw, options.text_key, options.id_key, options.stats_key, &pr, error)) return false;
  std::string_view row = pr.row;
  bool cr = pr.cr;
  const std::vector<json::Member>& members = pr.members;
  const json::Member* text_member = pr.text_member;
  const json::Member* id_member = pr.id_member;
  const json::Member* stats_member = pr.stats_member;
  // The stats member is added, never written over a field of the user's:
  // only stats of an earlier run (an object starting {"applied":) are replaced.
  if (stats_member && !row.substr(stats_member->value_begin).starts_with("{\"applied\":")) {
    return fail(error, "stats key taken",
                "the row already has a \"" + options.stats_key +
                    "\" field; choose another --stats-key, or --no-doc-stats");
  }
  std::string_view raw_text = pr.raw_text;
  std::string_view id_raw;
  if (id_member) id_raw = row.substr(id_member->value_begin, id_member->value_end - id_member->value_begin);
  // The decoded text moves into the document (no copy); a big row then
  // holds its raw bytes, the document and the pipeline's working text.
  Document doc{"row " + std::to_string(row_number), std::move(pr.text)};
  const std::string& text = doc.text;
  Result r;
  Status st = pipeline.run(doc, &r);
  if (!st.ok()) return fail(error, "invalid text", "\"" + options.text_key + "\": " + st.message());

  // The output row: the original bytes, with the text value and the stats
  // value replaced (or the stats member appended before the closing brace).
  // The cleaned text is escaped straight into `out`.
  size_t before = out->size();
  bool changed = r.clean_text != text;
  struct Splice {
    size_t begin, end;
    std::string with;
    bool text = false;  // the cleaned text, written from r.clean_text
  };
  std::vector<Splice> splices;
  if (changed) splices.push_back({text_member->value_begin, text_member->value_end, std::string(), true});
  if (!options.stats_key.empty()) {
    std::string v;
    append_doc_stats(v, r, text.size());
    if (stats_member) {
      splices.push_back({stats_member->value_begin, stats_member->value_end, std::move(v)});
    } else {
      size_t close = row.rfind('}');
      std::string m = members.empty() ? "" : ",";
      json::append_string(m, options.stats_key);
      m += ':';
      m += v;
      splices.push_back({close, close, std::move(m)});
    }
  }
  std::sort(splices.begin(), splices.end(), [](const Splice& a, const Splice& b) { return a.begin < b.begin; });
  out->reserve(out->size() + row.size() + r.clean_text.size() / 8 + 256);
  size_t pos = 0;
  for (const Splice& s : splices) {
    out->append(row, pos, s.begin - pos);
    if (s.text) {
      json::append_string(*out, r.clean_text, escapes_non_ascii(raw_text, text));
    } else {
      out->append(s.with);
    }
    pos = s.end;
  }
  out->append(row, pos, std::string_view::npos);
  if (cr) *out += '\r';
  *out += '\n';

  if (options.sidecar) {
    std::string& sc = *sidecar;
    sc += "{\"row\":";
    json::append_uint(sc, row_number);
    if (id_member) {
      sc += ",\"id\":";
      sc.append(id_raw);
    }
    sc += ",\"findings\":[";
    for (size_t i = 0; i < r.findings.size(); ++i) {
      if (i) sc += ',';
      append_finding_json(sc, r.findings[i], {});
    }
    sc += "]}\n";
  }

  ++tally->documents;
  tally->changed += changed;
  tally->not_french += !r.evidence.french;
  tally->damaged += r.evidence.damaged;
  tally->text_bytes_in += text.size();
  tally->text_bytes_out += r.clean_text.size();
  tally->row_bytes_out += out->size() - before;
  for (const Finding& f : r.findings) {
    if (f.status == FindingStatus::kApplied) {
      ++tally->applied_by_rule[f.rule];
    } else if (f.applicability == Applicability::kReport) {
      ++tally->reported_by_rule[f.rule];
    } else {
      ++tally->proposed_by_rule[f.rule];
    }
  }
  for (int s = 0; s < kStageCount; ++s) tally->stage_seconds[s] += r.stage_seconds[s];
  return true;
}

bool row_text(std::string_view raw, const std::string& text_key, std::string* text, RowError* error) {
  ParsedRow pr;
  if (!parse_row(raw, text_key, "", "", &pr, error)) return false;
  *text = std::move(pr.text);
  return true;
}

bool row_document(std::string_view raw, const std::string& text_key, const std::string& id_key,
                  std::string* text, std::string* id_raw, RowError* error) {
  ParsedRow pr;
  if (!parse_row(raw, text_key, id_key, "", &pr, error)) return false;
  *text = std::move(pr.text);
  id_raw->clear();
  if (pr.id_member) {
    id_raw->assign(pr.row.substr(pr.id_member->value_begin, pr.id_member->value_end - pr.id_member->value_begin));
  }
  return true;
}

bool blank_row(std::string_view raw) { return blank(raw); }

void append_error_sidecar(std::string* sidecar, uint64_t row_number, const RowError& error) {
  *sidecar += "{\"row\":";
  json::append_uint(*sidecar, row_number);
  *sidecar += ",\"error\":";
  json::append_string(*sidecar, error.message);
  *sidecar += "}\n";
}

}  // namespace retouche::cli
