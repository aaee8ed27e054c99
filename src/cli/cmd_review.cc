// retouche review: one self-contained HTML page to review every finding of
// the inputs (files, or corpus rows with --jsonl), and `clean --review`'s page.
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/cli.h"
#include "cli/corpus_row.h"
#include "cli/process.h"
#include "io/byte_stream.h"
#include "io/review_page.h"
#include "io/text_file.h"

namespace retouche::cli {
namespace {

// Corpus rows: every row with findings, in order, as one document each. A row
// without findings has nothing to review, and `apply --jsonl` copies a row
// the export does not name as it is.
int review_rows(const Options& o, const Pipeline& p, std::vector<ReviewDocument>* docs) {
  for (const std::string& path : o.inputs) {
    std::unique_ptr<LineReader> in;
    Status st = LineReader::open(path, &in);
    if (!st.ok()) {
      print_error(st.message());
      return kExitInput;
    }
    std::string line;
    uint64_t row = 0;
    while (in->next(&line)) {
      ++row;
      if (blank_row(line)) continue;
      std::string text;
      RowError err;
      if (!row_text(line, o.text_key, &text, &err)) {
        print_error(path + ":" + std::to_string(row) + ": " + err.message + "; nothing written");
        return kExitInput;
      }
      ReviewDocument d;
      d.name = path + " row " + std::to_string(row);
      d.row = static_cast<int64_t>(row);
      Result r;
      st = p.run(Document{d.name, text}, &r);
      if (!st.ok()) {
        print_error(d.name + ": " + st.message() + "; nothing written");
        return kExitInput;
      }
      if (r.findings.empty()) continue;
      d.text = std::move(text);
      d.findings = std::move(r.findings);
      docs->push_back(std::move(d));
    }
    if (!in->status().ok()) {
      print_error(in->status().message());
      return kExitInput;
    }
  }
  return kExitOk;
}

}  // namespace

std::string output_overwrites_input(const std::vector<std::string>& outputs,
                                    const std::vector<std::string>& inputs) {
  for (const std::string& out : outputs) {
    if (out.empty() || out == "-") continue;
    for (const std::string& in : inputs) {
      std::error_code ec;
      if (in != "-" && std::filesystem::equivalent(in, out, ec)) return out;
    }
  }
  return "";
}

Status write_review_page(const std::string& path, const std::vector<ReviewDocument>& docs) {
  ReviewPageOptions po;
  size_t n = 0;
  for (const ReviewDocument& d : docs) n += d.findings.size();
  po.title = "retouche review: " + std::to_string(docs.size()) + " document" +
             (docs.size() == 1 ? "" : "s") + ", " + std::to_string(n) + " finding" + (n == 1 ? "" : "s");
  std::string page = review_page(docs, po);
  if (path == "-") {
    std::fwrite(page.data(), 1, page.size(), stdout);
    std::fflush(stdout);
    return Status::Ok();
  }
  return write_file_atomic(path, page);
}

int run_review(const Options& o) {
  int code = kExitOk;
  const Pipeline* p = make_pipeline(o, &code);
  if (!p) return code;
  if (o.inputs.empty() || o.output.empty()) {
    print_error("review: give INPUT... and -o review.html");
    print_usage(o.command);
    return kExitUsage;
  }
  if (std::string same = output_overwrites_input({o.output}, o.inputs); !same.empty()) {
    print_error("review: " + same + " is an input; write the page elsewhere");
    return kExitUsage;
  }
  std::vector<ReviewDocument> docs;
  size_t failures = 0;
  if (o.jsonl) {
    code = review_rows(o, *p, &docs);
    if (code != kExitOk) return code;
  } else {
    std::vector<InputFile> inputs = gather_inputs(o, "", &failures);
    failures += for_each_result(inputs, *p, [&](const Processed& pr) {
      docs.push_back({pr.input.path, pr.original, pr.result.findings, -1});
      return true;
    });
    // A page that silently lacks a document would be a review that lies.
    if (failures) {
      print_error("review: " + std::to_string(failures) + " input(s) failed; " + o.output + " not written");
      return kExitInput;
    }
  }
  Status st = write_review_page(o.output, docs);
  if (!st.ok()) {
    print_error(st.message());
    return kExitInput;
  }
  if (!o.quiet && o.output != "-") {
    size_t n = 0;
    for (const ReviewDocument& d : docs) n += d.findings.size();
    std::cerr << "retouche: review page " << o.output << ": " << docs.size() << " document"
              << (docs.size() == 1 ? "" : "s") << ", " << n << " findings; open it in a browser, "
              << "export, then 'retouche apply" << (o.jsonl ? " --jsonl IN --findings EXPORT'" : " ORIGINAL --findings EXPORT'")
              << "\n";
  }
  return kExitOk;
}

}  // namespace retouche::cli
