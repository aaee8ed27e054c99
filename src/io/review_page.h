// The review page: ONE self-contained HTML file (inline CSS and JS, no
// network, no external font) showing every finding of every document in
// place, with a checkbox each, filters, keyboard navigation and an Export
// button. The export is a findings file `retouche apply` replays to exactly
// the page's choices:
//   * files: a review header line, then one finding per line (with "doc",
//     the document's SHA-256, and "file");
//   * corpus rows (`review --jsonl`): a review header line, then one sidecar
//     row per document ({"row":N,"findings":[…]}), for `apply --jsonl`.
// The template lives in src/io/review/ (page.html, page.css, page.js) and is
// embedded at build time (cmake/embed.cmake); the data goes in a JSON script
// element, with '<' escaped so no text can close it.
//
// Thread-safety: plain functions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "retouche/finding.h"

namespace retouche {

struct ReviewDocument {
  std::string name;    // file path, or the row's id
  std::string text;    // the original text
  std::vector<Finding> findings;
  int64_t row = -1;    // corpus row number (review --jsonl), -1 for a file
};

struct ReviewPageOptions {
  std::string title = "retouche review";
  size_t page_size = 50;  // documents per page of the document list
};

std::string review_page(const std::vector<ReviewDocument>& docs, const ReviewPageOptions& options = {});

// The JSON data the page embeds (exposed for tests).
std::string review_page_data(const std::vector<ReviewDocument>& docs, const ReviewPageOptions& options);

}  // namespace retouche
