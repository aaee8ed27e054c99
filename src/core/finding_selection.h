// A reviewer's choices on a findings file, without editing it: accept or
// reject findings by id, rule or family (`retouche apply --accept/--reject`),
// then check that the accepted findings can all be applied together.
//
//   std::vector<std::string> unknown;
//   Status st = apply_choices({}, {"3f2a9c01de", "names.fuzzy"}, &findings);
//   if (st.ok()) st = check_overlaps(findings);   // names both findings of a clash
//
// Thread-safety: plain functions over the caller's vectors.
#pragma once

#include <string>
#include <vector>

#include "retouche/finding.h"
#include "retouche/offset_map.h"
#include "retouche/status.h"

namespace retouche {

// Accepts (status "applied") and rejects ("not-applied") the findings named
// by selectors: a finding id, a rule id ("joins.glued") or a family ("joins").
// The more specific selector wins, whichever list it is in: "--reject names
// --accept 3f2a9c01de" rejects every names finding but that one. Errors, with
// nothing changed: a selector that names no finding (all are listed), or one
// given in both lists.
Status apply_choices(const std::vector<std::string>& accept, const std::vector<std::string>& reject,
                     std::vector<Finding>* findings);

// The findings that `apply` would apply ("applied") must not clash inside a
// stage (see EditList::conflict). The error names both findings with their ids.
Status check_overlaps(const std::vector<Finding>& findings);

// The OffsetMap from `original` to the text replay_findings() gives for the
// same findings (which must have been replayed successfully), for a diff.
OffsetMap replay_map(size_t original_size, const std::vector<Finding>& findings);

}  // namespace retouche
