// Regions of a page removed as a whole: a comment section, a block of related
// headlines, a footer. A header line (corrections/boilerplate/regions/*.re2)
// opens the region; its @region directive says how far it runs:
//   to-end       to the end of the page (comments, footer); above the body
//                the header is a menu item and goes alone;
//   until-prose  over the lines after the header until the next paragraph
//                (related articles: "Sur le même sujet" and its headlines).
// Applied only on a page whose body was found with confidence: elsewhere a
// header is one line, decided by the line patterns.
#pragma once

#include <vector>

#include "rules/line_patterns.h"
#include "rules/page_body.h"

namespace retouche {

// Which lines a region header sends the body model's way: a to-end header is
// a wall the body never crosses.
bool region_is_wall(const LinePatternRule& r);

// Per line, the index (into `rules`) of the region that covers it, or -1.
// `header[i]` is the region rule whose header line i is, or -1.
std::vector<int> mark_regions(const std::vector<BodyInput>& lines, const PageBody& body,
                              const std::vector<int>& header, const std::vector<LinePatternRule>& rules);

}  // namespace retouche
