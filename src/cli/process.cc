#include "cli/process.h"

namespace retouche::cli {

size_t for_each_result(const Options& o, const Pipeline& p,
                     const std::function<bool(const Processed&)>& on_result) {
  std::vector<std::string> errors;
  std::vector<InputFile> inputs = expand_inputs(o.inputs, &errors);
  size_t failed = errors.size();
  for (const std::string& e : errors) print_error(e);
  for (const InputFile& in : inputs) {
    std::string text;
    Status st = read_file(in.path, &text);
    if (st.ok()) {
      std::string why = binary_reason(text);
      if (!why.empty()) st = InputError(in.path + ": looks like a binary file (" + why + "); not processed");
    }
    Result r;
    if (st.ok()) {
      st = p.run(Document{in.path, text}, &r);
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
