#include "io/findings_io.h"

#include <cmath>

#include "core/utf8.h"
#include "io/json.h"

namespace retouche {

void append_finding_json(std::string& out, const Finding& f, std::string_view doc_hash,
                         std::string_view file) {
  out += "{";
  if (!file.empty()) {
    out += "\"file\":";
    json::append_string(out, file);
    out += ",";
  }
  if (!doc_hash.empty()) {
    out += "\"doc\":";
    json::append_string(out, doc_hash);
    out += ",";
  }
  if (!f.id.empty()) {
    out += "\"id\":";
    json::append_string(out, f.id);
    out += ",";
  }
  out += "\"rule\":";
  json::append_string(out, f.rule);
  out += ",\"stage\":";
  json::append_string(out, stage_name(f.stage));
  out += ",\"begin\":";
  json::append_uint(out, f.begin);
  out += ",\"end\":";
  json::append_uint(out, f.end);
  out += ",\"cp_begin\":";
  json::append_uint(out, f.cp_begin);
  out += ",\"cp_end\":";
  json::append_uint(out, f.cp_end);
  out += ",\"line\":";
  json::append_uint(out, f.line);
  out += ",\"column\":";
  json::append_uint(out, f.column);
  out += ",\"original\":";
  json::append_string(out, f.original);
  if (utf8::find_invalid(f.original) != utf8::kValid) {
    static const char* hex = "0123456789abcdef";
    out += ",\"original_hex\":\"";
    for (unsigned char c : f.original) {
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 0xF]);
    }
    out += '"';
  }
  out += ",\"replacement\":";
  json::append_string(out, f.replacement);
  out += ",\"confidence\":";
  json::append_number(out, std::round(f.confidence * 1000) / 1000);
  out += ",\"applicability\":";
  json::append_string(out, applicability_name(f.applicability));
  out += ",\"status\":";
  json::append_string(out, finding_status_name(f.status));
  if (!f.conflict_with.empty()) {
    out += ",\"conflict_with\":";
    json::append_string(out, f.conflict_with);
  }
  out += ",\"message\":";
  json::append_string(out, f.message);
  out += "}";
}

std::string findings_jsonl(const std::vector<Finding>& findings, std::string_view doc_hash,
                           std::string_view file) {
  std::string out;
  for (const Finding& f : findings) {
    append_finding_json(out, f, doc_hash, file);
    out += "\n";
  }
  return out;
}

namespace {

bool decode_hex(std::string_view hex, std::string* out) {
  auto digit = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  if (hex.size() % 2) return false;
  out->clear();
  for (size_t i = 0; i < hex.size(); i += 2) {
    int hi = digit(hex[i]), lo = digit(hex[i + 1]);
    if (hi < 0 || lo < 0) return false;
    out->push_back(static_cast<char>(hi * 16 + lo));
  }
  return true;
}

}  // namespace

std::string review_export_header(size_t documents, size_t findings) {
  std::string out = "{\"retouche_review\":1,\"documents\":";
  json::append_uint(out, documents);
  out += ",\"findings\":";
  json::append_uint(out, findings);
  out += "}";
  return out;
}

Status parse_finding_object(const json::Value& v, const std::string& where_text, bool require_doc,
                            Finding* out, std::string* doc_hash) {
  if (v.type != json::Type::kObject) return InputError(where_text + ": a finding must be a JSON object");
  auto where = [&] { return where_text; };
  auto str = [&](const char* key, std::string* out, bool required) -> Status {
    const json::Value* x = v.find(key);
    if (!x) {
      return required ? InputError(where() + ": finding has no \"" + std::string(key) + "\"")
                      : Status::Ok();
    }
    if (x->type != json::Type::kString) {
      return InputError(where() + ": \"" + std::string(key) + "\" must be a string");
    }
    *out = x->string;
    return Status::Ok();
  };
  auto num = [&](const char* key, double* out, bool required) -> Status {
    const json::Value* x = v.find(key);
    if (!x) {
      return required ? InputError(where() + ": finding has no \"" + std::string(key) + "\"")
                      : Status::Ok();
    }
    if (x->type != json::Type::kNumber) {
      return InputError(where() + ": \"" + std::string(key) + "\" must be a number");
    }
    *out = x->number;
    return Status::Ok();
  };
  auto offset = [&](const char* key, size_t* out, bool required) -> Status {
    double d = -1;
    RETURN_IF_ERROR(num(key, &d, required));
    if (!required && d < 0) return Status::Ok();
    if (d < 0 || d != std::floor(d) || d > 1e15) {
      return InputError(where() + ": \"" + std::string(key) + "\" must be a non-negative integer");
    }
    *out = static_cast<size_t>(d);
    return Status::Ok();
  };
  Finding f;
  std::string hash, stage, applicability, status;
  RETURN_IF_ERROR(str("doc", &hash, require_doc));
  RETURN_IF_ERROR(str("rule", &f.rule, true));
  RETURN_IF_ERROR(str("stage", &stage, true));
  RETURN_IF_ERROR(offset("begin", &f.begin, true));
  RETURN_IF_ERROR(offset("end", &f.end, true));
  RETURN_IF_ERROR(offset("line", &f.line, false));
  RETURN_IF_ERROR(offset("column", &f.column, false));
  RETURN_IF_ERROR(offset("cp_begin", &f.cp_begin, false));
  RETURN_IF_ERROR(offset("cp_end", &f.cp_end, false));
  RETURN_IF_ERROR(str("original", &f.original, true));
  std::string original_hex;
  RETURN_IF_ERROR(str("original_hex", &original_hex, false));
  if (!original_hex.empty() && !decode_hex(original_hex, &f.original)) {
    return InputError(where() + ": \"original_hex\" must be an even number of hexadecimal digits");
  }
  RETURN_IF_ERROR(str("replacement", &f.replacement, true));
  RETURN_IF_ERROR(num("confidence", &f.confidence, false));
  RETURN_IF_ERROR(str("applicability", &applicability, false));
  RETURN_IF_ERROR(str("status", &status, true));
  RETURN_IF_ERROR(str("message", &f.message, false));
  RETURN_IF_ERROR(str("conflict_with", &f.conflict_with, false));
  RETURN_IF_ERROR(str("id", &f.id, false));
  auto st = parse_stage(stage);
  if (!st) return InputError(where() + ": unknown stage \"" + stage + "\"");
  f.stage = *st;
  if (!applicability.empty()) {
    auto a = parse_applicability(applicability);
    if (!a) return InputError(where() + ": unknown applicability \"" + applicability + "\"");
    f.applicability = *a;
  }
  auto s = parse_finding_status(status);
  if (!s) return InputError(where() + ": unknown status \"" + status + "\"");
  f.status = *s;
  if (f.end < f.begin) return InputError(where() + ": \"end\" is before \"begin\"");
  if (f.id.empty() && !hash.empty()) f.id = finding_id(hash, f);
  *out = std::move(f);
  *doc_hash = std::move(hash);
  return Status::Ok();
}

Status parse_findings_jsonl(std::string_view text, const std::string& path,
                            std::vector<Finding>* findings, std::vector<std::string>* hashes,
                            FindingsFileInfo* info) {
  FindingsFileInfo local;
  if (!info) info = &local;
  size_t pos = 0, line_no = 0, first_finding = findings->size();
  double announced = -1;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    auto where = [&] { return path + ":" + std::to_string(line_no); };
    json::Value v;
    json::Error err;
    if (!json::parse(line, &v, &err)) {
      return InputError(where() + ":" + std::to_string(err.offset + 1) +
                        ": malformed findings line: " + err.message);
    }
    if (v.type != json::Type::kObject) return InputError(where() + ": a finding must be a JSON object");
    if (const json::Value* h = v.find("retouche_review")) {
      const json::Value* n = v.find("findings");
      if (findings->size() != first_finding || info->review_export) {
        return InputError(where() + ": a review header may only be the first line");
      }
      if (h->type != json::Type::kNumber || h->number != 1 || !n || n->type != json::Type::kNumber ||
          n->number < 0 || n->number != std::floor(n->number)) {
        return InputError(where() + ": malformed review header (expected {\"retouche_review\":1,"
                          "\"findings\":N})");
      }
      info->review_export = true;
      announced = n->number;
      continue;
    }
    Finding f;
    std::string hash;
    RETURN_IF_ERROR(parse_finding_object(v, where(), true, &f, &hash));
    std::string file;
    if (const json::Value* x = v.find("file"); x && x->type == json::Type::kString) file = x->string;
    findings->push_back(std::move(f));
    hashes->push_back(std::move(hash));
    info->files.push_back(std::move(file));
  }
  size_t got = findings->size() - first_finding;
  if (info->review_export && static_cast<double>(got) != announced) {
    return InputError(path + ":" + std::to_string(line_no + 1) + ": the review export is " +
                      (static_cast<double>(got) < announced ? "truncated" : "edited") +
                      ": its header (line 1) announces " + std::to_string(static_cast<size_t>(announced)) +
                      " findings, the file holds " + std::to_string(got) + "; export it again from the page");
  }
  return Status::Ok();
}

Status check_findings_fit(std::string_view original, const std::vector<Finding>& findings) {
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    if (f.status != FindingStatus::kApplied) continue;
    std::string which = "finding " + std::to_string(i + 1) + " (" + f.rule + ", line " +
                        std::to_string(f.line) + ", column " + std::to_string(f.column) + ")";
    if (f.begin > f.end || f.end > original.size()) {
      return InputError(which + ": bytes " + std::to_string(f.begin) + "-" + std::to_string(f.end) +
                        " lie outside the text (" + std::to_string(original.size()) + " bytes)");
    }
    for (size_t at : {f.begin, f.end}) {
      if (!utf8::is_boundary(original, at)) {
        return InputError(which + ": byte " + std::to_string(at) +
                          " is inside a character; a span must begin and end between characters");
      }
    }
    if (original.substr(f.begin, f.end - f.begin) != f.original) {
      return InputError(which + ": \"original\" does not match the text at bytes " +
                        std::to_string(f.begin) + "-" + std::to_string(f.end));
    }
    size_t bad = utf8::find_invalid(f.replacement);
    if (bad != utf8::kValid) {
      return InputError(which + ": the replacement is not valid UTF-8 (byte " + std::to_string(bad) + ")");
    }
  }
  return Status::Ok();
}

}  // namespace retouche
