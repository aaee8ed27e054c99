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
#include <vector>

#include "retouche/finding.h"
#include "retouche/offset_map.h"

namespace retouche {

struct DiffOptions {
  int context = 3;
  bool color = false;
  // When given, each hunk header names the applied findings that start in the
  // hunk ("@@ -4,3 +4,3 @@ 3f2a9c01de joins.glued"), which patch and git apply
  // ignore. Left out of NAME.diff, whose bytes the golden tests fix.
  const std::vector<Finding>* findings = nullptr;
};

// Why not finer hunks: a unified diff that must apply to the ORIGINAL file
// cannot split a line, so a 700-byte paragraph with 27 fixes is one '-' line
// and one '+' line whatever we do. What can be made finer is the context
// (-U N; patch and git apply accept any) and the display: word_diff() below
// shows each change inline, and the review page (review_page.h) and
// `apply --accept/--reject ID` take fixes one by one, as `git add -p` would.

// Empty when nothing changed.
std::string unified_diff(std::string_view original, std::string_view cleaned, const OffsetMap& map,
                         const std::string& name, const DiffOptions& options = {});

// The same hunks as a word diff, like `git diff --word-diff=plain`: the
// original lines of each hunk with every change inline, [-removed-]{+added+}
// (with `color`: red and green, no brackets, like git). For people and
// scripts; it is not a patch.
std::string word_diff(std::string_view original, std::string_view cleaned, const OffsetMap& map,
                      const std::string& name, const DiffOptions& options = {});

}  // namespace retouche
