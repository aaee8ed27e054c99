#include "io/report_formats.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "io/json.h"

namespace retouche {
namespace {

// Line and column of a byte offset in the units each format wants.
struct Position {
  size_t line;         // 1-based
  size_t cp_column;    // 1-based, code points
  size_t byte_column;  // 1-based, UTF-8 bytes
  size_t utf16;        // 0-based offset from the start of the text, UTF-16 code units
};

size_t utf16_units(std::string_view s) {
  size_t n = 0;
  for (unsigned char b : s) {
    if ((b & 0xC0) == 0x80) continue;
    n += b >= 0xF0 ? 2 : 1;  // a 4-byte sequence is a surrogate pair
  }
  return n;
}
size_t code_points(std::string_view s) {
  size_t n = 0;
  for (unsigned char b : s) n += (b & 0xC0) != 0x80;
  return n;
}

class Positions {
 public:
  explicit Positions(std::string_view t) : text_(t) {
    starts_.push_back(0);
    utf16_at_start_.push_back(0);
    size_t units = 0;
    for (size_t i = 0; i < t.size(); ++i) {
      unsigned char b = static_cast<unsigned char>(t[i]);
      if ((b & 0xC0) != 0x80) units += b >= 0xF0 ? 2 : 1;
      if (b == '\n') {
        starts_.push_back(i + 1);
        utf16_at_start_.push_back(units);
      }
    }
  }
  Position at(size_t offset) const {
    offset = std::min(offset, text_.size());
    size_t line = static_cast<size_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin()) - 1;
    std::string_view before = text_.substr(starts_[line], offset - starts_[line]);
    return {line + 1, code_points(before) + 1, before.size() + 1, utf16_at_start_[line] + utf16_units(before)};
  }

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
  std::vector<size_t> utf16_at_start_;
};

// A relative path as a URI reference (RFC 3986): unreserved bytes and '/'
// stay, everything else is percent-encoded.
std::string uri_of(const std::string& path) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

void text_object(std::string& out, std::string_view key, std::string_view text) {
  out += '"';
  out += key;
  out += "\":{\"text\":";
  json::append_string(out, text);
  out += '}';
}

double rounded(double x) { return std::round(x * 1000) / 1000; }

std::string_view sarif_level(Applicability a) { return a == Applicability::kReport ? "note" : "warning"; }

void sarif_region(std::string& out, const Positions& pos, size_t begin, size_t end) {
  Position b = pos.at(begin), e = pos.at(end);
  out += "{\"startLine\":";
  json::append_uint(out, b.line);
  out += ",\"startColumn\":";
  json::append_uint(out, b.cp_column);
  out += ",\"endLine\":";
  json::append_uint(out, e.line);
  out += ",\"endColumn\":";
  json::append_uint(out, e.cp_column);
  out += ",\"byteOffset\":";
  json::append_uint(out, begin);
  out += ",\"byteLength\":";
  json::append_uint(out, end - begin);
  out += '}';
}

const RuleDescription* find_rule(const std::vector<RuleDescription>& rules, const std::string& id) {
  for (const RuleDescription& r : rules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

}  // namespace

std::string sarif_report(const std::vector<ReportedDocument>& docs,
                         const std::vector<RuleDescription>& rules, std::string_view version) {
  std::map<std::string, size_t> rule_index;
  for (size_t i = 0; i < rules.size(); ++i) rule_index[rules[i].id] = i;
  std::string out = "{\"version\":\"2.1.0\",\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",";
  out += "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"retouche\",\"version\":";
  json::append_string(out, version);
  out += ",\"rules\":[";
  for (size_t i = 0; i < rules.size(); ++i) {
    const RuleDescription& r = rules[i];
    if (i) out += ',';
    out += "{\"id\":";
    json::append_string(out, r.id);
    out += ',';
    text_object(out, "shortDescription", r.description);
    out += ',';
    std::string_view when = r.applicability == Applicability::kSafe        ? "applied by default"
                            : r.applicability == Applicability::kSuggested ? "applied with --apply suggested"
                                                                           : "reported, never applied";
    text_object(out, "fullDescription",
                r.description + " (family " + r.family + ", stage " + std::string(stage_name(r.stage)) +
                    "; " + std::string(when) + ")");
    out += ",\"defaultConfiguration\":{\"level\":\"";
    out += sarif_level(r.applicability);
    out += "\",\"enabled\":";
    out += r.enabled ? "true" : "false";
    out += "},\"properties\":{\"tags\":[";
    json::append_string(out, r.family);
    out += "],\"applicability\":";
    json::append_string(out, applicability_name(r.applicability));
    out += "}}";
  }
  out += "]}},\"columnKind\":\"unicodeCodePoints\",\"results\":[";
  bool first = true;
  for (const ReportedDocument& d : docs) {
    Positions pos(d.text);
    std::string uri = uri_of(d.path);
    for (const Finding& f : d.findings) {
      if (!first) out += ',';
      first = false;
      out += "{\"ruleId\":";
      json::append_string(out, f.rule);
      if (auto it = rule_index.find(f.rule); it != rule_index.end()) {
        out += ",\"ruleIndex\":";
        json::append_uint(out, it->second);
      }
      out += ",\"level\":\"";
      out += sarif_level(f.applicability);
      out += "\",";
      text_object(out, "message", f.message);
      out += ",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":";
      json::append_string(out, uri);
      out += "},\"region\":";
      sarif_region(out, pos, f.begin, f.end);
      out += "}}]";
      if (!f.id.empty()) {
        out += ",\"partialFingerprints\":{\"retoucheFindingId/v1\":";
        json::append_string(out, f.id);
        out += '}';
      }
      if (f.applicability != Applicability::kReport) {
        out += ",\"fixes\":[{";
        text_object(out, "description",
                    f.replacement.empty() ? std::string("delete") : "replace with \"" + f.replacement + "\"");
        out += ",\"artifactChanges\":[{\"artifactLocation\":{\"uri\":";
        json::append_string(out, uri);
        out += "},\"replacements\":[{\"deletedRegion\":";
        sarif_region(out, pos, f.begin, f.end);
        out += ",\"insertedContent\":{\"text\":";
        json::append_string(out, f.replacement);
        out += "}}]}]}]";
      }
      out += ",\"properties\":{\"id\":";
      json::append_string(out, f.id);
      out += ",\"confidence\":";
      json::append_number(out, rounded(f.confidence));
      out += ",\"applicability\":";
      json::append_string(out, applicability_name(f.applicability));
      out += ",\"status\":";
      json::append_string(out, finding_status_name(f.status));
      out += "}}";
    }
  }
  out += "]}]}\n";
  return out;
}

std::string rdjson_report(const std::vector<ReportedDocument>& docs) {
  std::string out = "{\"source\":{\"name\":\"retouche\"},\"severity\":\"WARNING\",\"diagnostics\":[";
  bool first = true;
  auto range = [&](const Positions& pos, size_t b, size_t e) {
    Position pb = pos.at(b), pe = pos.at(e);
    out += "{\"start\":{\"line\":";
    json::append_uint(out, pb.line);
    out += ",\"column\":";
    json::append_uint(out, pb.byte_column);
    out += "},\"end\":{\"line\":";
    json::append_uint(out, pe.line);
    out += ",\"column\":";
    json::append_uint(out, pe.byte_column);
    out += "}}";
  };
  for (const ReportedDocument& d : docs) {
    Positions pos(d.text);
    for (const Finding& f : d.findings) {
      if (!first) out += ',';
      first = false;
      out += "{\"message\":";
      json::append_string(out, f.message);
      out += ",\"location\":{\"path\":";
      json::append_string(out, d.path);
      out += ",\"range\":";
      range(pos, f.begin, f.end);
      out += "},\"severity\":\"";
      out += f.applicability == Applicability::kReport ? "INFO" : "WARNING";
      out += "\",\"source\":{\"name\":\"retouche\"},\"code\":{\"value\":";
      json::append_string(out, f.rule);
      out += '}';
      if (f.applicability != Applicability::kReport) {
        out += ",\"suggestions\":[{\"range\":";
        range(pos, f.begin, f.end);
        out += ",\"text\":";
        json::append_string(out, f.replacement);
        out += "}]";
      }
      out += ",\"original_output\":";
      json::append_string(out, f.id + " " + f.rule + ": " + f.message);
      out += '}';
    }
  }
  out += "]}\n";
  return out;
}

std::string languagetool_report(const ReportedDocument& d, const std::vector<RuleDescription>& rules,
                                std::string_view version) {
  // LanguageTool's issue types (from the LQA typology it uses).
  auto issue_type = [](std::string_view family) -> std::string_view {
    if (family == "names") return "misspelling";
    if (family == "boilerplate") return "non-conformance";
    if (family == "case" || family == "typography" || family == "joins") return "typographical";
    return "uncategorized";
  };
  Positions pos(d.text);
  std::string out = "{\"software\":{\"name\":\"retouche\",\"version\":";
  json::append_string(out, version);
  out += ",\"apiVersion\":1},\"language\":{\"name\":\"French\",\"code\":\"fr\"},\"file\":";
  json::append_string(out, d.path);
  out += ",\"matches\":[";
  const size_t kContext = 40;  // code points each side, as LanguageTool's default
  for (size_t i = 0; i < d.findings.size(); ++i) {
    const Finding& f = d.findings[i];
    if (i) out += ',';
    Position b = pos.at(f.begin), e = pos.at(f.end);
    // The context: up to kContext code points either side, within the text.
    size_t cb = f.begin, ce = f.end;
    for (size_t n = 0; cb > 0 && n < kContext;) {
      --cb;
      if ((static_cast<unsigned char>(d.text[cb]) & 0xC0) != 0x80) ++n;
    }
    for (size_t n = 0; ce < d.text.size() && n < kContext; ++n) {
      ++ce;
      while (ce < d.text.size() && (static_cast<unsigned char>(d.text[ce]) & 0xC0) == 0x80) ++ce;
    }
    std::string_view ctx = std::string_view(d.text).substr(cb, ce - cb);
    std::string_view family = rule_family(f.rule);
    const RuleDescription* rd = find_rule(rules, f.rule);
    out += "{\"message\":";
    json::append_string(out, f.message);
    out += ",\"shortMessage\":";
    json::append_string(out, rd ? rd->description : f.rule);
    out += ",\"replacements\":[";
    if (f.applicability != Applicability::kReport) {
      out += "{\"value\":";
      json::append_string(out, f.replacement);
      out += '}';
    }
    out += "],\"offset\":";
    json::append_uint(out, b.utf16);
    out += ",\"length\":";
    json::append_uint(out, e.utf16 - b.utf16);
    out += ",\"context\":{\"text\":";
    json::append_string(out, ctx);
    out += ",\"offset\":";
    json::append_uint(out, utf16_units(std::string_view(d.text).substr(cb, f.begin - cb)));
    out += ",\"length\":";
    json::append_uint(out, e.utf16 - b.utf16);
    out += "},\"sentence\":";
    json::append_string(out, ctx);
    out += ",\"type\":{\"typeName\":\"Other\"},\"rule\":{\"id\":";
    std::string lt_id;
    for (char c : f.rule) lt_id += c == '.' || c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    json::append_string(out, lt_id);
    out += ",\"subId\":";
    json::append_string(out, f.id);
    out += ",\"description\":";
    json::append_string(out, rd ? rd->description : f.rule);
    out += ",\"issueType\":";
    json::append_string(out, issue_type(family));
    out += ",\"category\":{\"id\":";
    std::string cat;
    for (char c : family) cat += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    json::append_string(out, cat);
    out += ",\"name\":";
    json::append_string(out, family);
    out += "}},\"ignoreForIncompleteSentence\":false,\"contextForSureMatch\":0}";
  }
  out += "]}";
  return out;
}

}  // namespace retouche
