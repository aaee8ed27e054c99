// Words and phrases the user protects (`--keep-words FILE`): no rule may
// change them, delete the line holding them, or insert anything inside them.
// A file holds one word or phrase a line, as written (case and accents
// matter), `#` comment lines; a phrase matches only between word boundaries
// ("Pinter" does not protect "Pinterest").
//
// Thread-safety: immutable after load(); find() may run on many threads.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/evidence.h"
#include "retouche/status.h"

namespace retouche {

class KeepWords {
 public:
  // Fails naming the file (and line) that cannot be read.
  static Status load(const std::vector<std::string>& files, std::unique_ptr<KeepWords>* out);

  // The occurrences in `text`, sorted and disjoint.
  ByteSpans find(std::string_view text) const;
  size_t size() const { return count_; }

 private:
  std::unique_ptr<RE2> re_;
  size_t count_ = 0;
};

}  // namespace retouche
