#include "io/review_page.h"

#include <string_view>

#include "core/sha256.h"
#include "io/findings_io.h"
#include "io/json.h"
#include "review_template.h"  // generated: kReviewHtml, kReviewCss, kReviewJs

namespace retouche {
namespace {

// Replaces every `marker` of the template with `with`. Markers are filled in
// order, the data last but one, so no text from a document is ever searched
// for markers.
void fill(std::string& page, std::string_view marker, std::string_view with) {
  for (size_t at = page.find(marker); at != std::string::npos; at = page.find(marker, at + with.size())) {
    page.replace(at, marker.size(), with);
  }
}

}  // namespace

std::string review_page_data(const std::vector<ReviewDocument>& docs, const ReviewPageOptions& o) {
  std::string out = "{\"title\":";
  json::append_string(out, o.title);
  out += ",\"page_size\":";
  json::append_uint(out, o.page_size);
  bool corpus = !docs.empty() && docs.front().row >= 0;
  out += ",\"mode\":";
  out += corpus ? "\"rows\"" : "\"files\"";
  out += ",\"documents\":[";
  for (size_t d = 0; d < docs.size(); ++d) {
    const ReviewDocument& doc = docs[d];
    if (d) out += ',';
    out += "{\"name\":";
    json::append_string(out, doc.name);
    if (doc.row >= 0) {
      out += ",\"row\":";
      json::append_uint(out, static_cast<uint64_t>(doc.row));
    }
    std::string hash = sha256_hex(doc.text);
    out += ",\"doc\":";
    json::append_string(out, hash);
    out += ",\"text\":";
    json::append_string(out, doc.text);
    out += ",\"findings\":[";
    for (size_t i = 0; i < doc.findings.size(); ++i) {
      if (i) out += ',';
      // Corpus rows: sidecar findings carry no hash or file (as `clean --sidecar`).
      append_finding_json(out, doc.findings[i], corpus ? std::string_view() : hash,
                          corpus ? std::string_view() : doc.name);
    }
    out += "]}";
  }
  out += "]}";
  return out;
}

std::string review_page(const std::vector<ReviewDocument>& docs, const ReviewPageOptions& o) {
  std::string data = review_page_data(docs, o);
  // Inside <script type="application/json"> nothing may read as "</script" or
  // "<!--": '<' only occurs inside JSON strings, where \u003c is the same text.
  std::string safe;
  safe.reserve(data.size() + data.size() / 50);
  for (char c : data) {
    if (c == '<') {
      safe += "\\u003c";
    } else {
      safe += c;
    }
  }
  std::string title;
  for (char c : o.title) {
    if (c == '<') title += "&lt;";
    else if (c == '&') title += "&amp;";
    else title += c;
  }
  std::string page(kReviewHtml);
  fill(page, "{{TITLE}}", title);
  fill(page, "/*{{CSS}}*/", kReviewCss);
  fill(page, "/*{{JS}}*/", kReviewJs);
  fill(page, "{{DATA}}", safe);
  return page;
}

}  // namespace retouche
