// retouche/document.h — one text to clean.
//
//   Document doc{"samples/a.txt", text};
//
// `text` is the original bytes, normally UTF-8 (with --lossy, invalid bytes
// are allowed and replaced by a normalize finding). `id` names the document
// in messages: a file path, "-" for stdin, or a JSONL row id.
// Thread-safety: plain value.
#pragma once

#include <string>

namespace retouche {

struct Document {
  std::string id;
  std::string text;
};

}  // namespace retouche
