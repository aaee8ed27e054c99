#include "cli/process.h"

#include <filesystem>

#include "cli/big_text.h"
#include "cli/output_paths.h"

namespace retouche::cli {
namespace fs = std::filesystem;

std::vector<InputFile> gather_inputs(const Options& o, const std::string& skip_dir, size_t* failed) {
  std::vector<std::string> errors;
  std::vector<InputFile> found = expand_inputs(o.inputs, &errors);
  *failed = errors.size();
  for (const std::string& e : errors) print_error(e);
  // Skipped only when the output directory lies inside a walked one: an
  // output directory that is (or holds) the input directory would replace
  // the inputs, which the caller refuses.
  bool skip = false;
  std::error_code ec;
  for (const std::string& a : o.inputs) {
    skip |= !skip_dir.empty() && fs::is_directory(a, ec) && is_within(skip_dir, a) && !is_within(a, skip_dir);
  }
  std::vector<InputFile> inputs;
  for (InputFile& in : found) {
    // A file named on the command line is kept (and refused later if its
    // output would replace it); one found by walking is an earlier output.
    bool named = false;
    for (const std::string& a : o.inputs) named |= a == in.path;
    if (skip && in.path != "-" && !named && is_within(in.path, skip_dir)) continue;
    inputs.push_back(std::move(in));
  }
  if (inputs.empty() && errors.empty()) {
    std::string names;
    for (const std::string& a : o.inputs) names += (names.empty() ? "" : ", ") + a;
    print_error("no input found: no *.txt file in " + names);
    ++*failed;
  }
  return inputs;
}

void warn_if_jsonl(const std::string& name, const std::string& text) {
  size_t pos = 0, objects = 0, lines = 0;
  while (pos < text.size() && lines < 3) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + pos, nl - pos);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    pos = nl + 1;
    if (line.empty()) continue;
    ++lines;
    if (line.starts_with("{\"") && line.ends_with('}')) ++objects;
  }
  if (objects > 0 && objects == lines) {
    print_error("warning: " + name +
                " looks like JSON Lines (one JSON object a line); it is cleaned as plain text, which "
                "joins rows. Use --jsonl to clean the text field of each row.");
  }
}

size_t for_each_result(const std::vector<InputFile>& inputs, const Pipeline& p,
                       const std::function<bool(const Processed&)>& on_result, unsigned jobs) {
  size_t failed = 0;
  for (const InputFile& in : inputs) {
    std::string text;
    Status st = read_file(in.path, &text);
    if (st.ok()) {
      std::string why = binary_reason(text);
      if (!why.empty()) st = InputError(in.path + ": looks like a binary file (" + why + "); not processed");
    }
    Result r;
    if (st.ok()) {
      warn_if_jsonl(in.path, text);
      st = run_big_text(p, Document{in.path, text}, jobs, &r);
      if (!st.ok()) st = Status(st.code(), in.path + ": " + st.message());
    }
    if (!st.ok()) {
      print_error(st.message());
      ++failed;
      continue;
    }
    if (!on_result(Processed{in, text, r})) ++failed;
  }
  return failed;
}

}  // namespace retouche::cli
