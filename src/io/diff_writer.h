// Unified diffs of original → cleaned text, built from the pipeline's
// OffsetMap rather than by searching for differences: every changed byte is
// known, so the diff is exact and linear in the text size. The output is
// accepted by `patch -p1` and `git apply` ("--- a/NAME" / "+++ b/NAME").
//
// With `color`, the '-' and '+' lines get ANSI colours and the exact bytes
// that changed inside them are highlighted, which is what a reviewer needs on
// long prose lines.
#pragma once

#include <string>
#include <string_view>

#include "retouche/offset_map.h"

namespace retouche {

struct DiffOptions {
  int context = 3;
  bool color = false;
};

// Empty when nothing changed.
std::string unified_diff(std::string_view original, std::string_view cleaned, const OffsetMap& map,
                         const std::string& name, const DiffOptions& options = {});

}  // namespace retouche
