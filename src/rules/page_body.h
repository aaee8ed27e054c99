// The article body of a whole web page turned into plain text, found from
// signals plain text keeps (no HTML, no link density): line length, share of
// French function words (stop-word density, as jusText), sentence ends, and
// each line's neighbourhood.
//
// Two steps, measured separately (RETOUCHE_BODY_STEP=justext in the
// environment makes boilerplate.outside-body remove every line of class
// "bad" instead, i.e. the first step alone; a development aid):
//  1. classify_lines(): jusText's classes (bad / short / near-good / good)
//     from length and stop-word density, then its context smoothing (a short
//     line between two good ones is good, a near-good line next to a bad one
//     is bad).
//  2. find_body(): the run of lines with the most article text in it (the
//     largest-sum run, good lines counting their length, every other line a
//     fixed cost), widened over the headings and standfirst just above it;
//     and whether the document looks like a page at all (enough furniture
//     outside that run, menus of short lines). Only then may lines outside the
//     body go.
// Pure functions, linear in the number of lines.
#pragma once

#include <cstddef>
#include <vector>

namespace retouche {

enum class LineClass { kBlank, kBad, kShort, kNearGood, kGood };

struct BodyInput {
  bool blank = false;
  int chars = 0;              // code points of the trimmed line
  int words = 0;
  double stop_density = 0;    // French function words / words
  bool ends_sentence = false;
  bool title_like = false;    // short, no sentence end, starts with a capital or digit
  bool furniture = false;     // removed by a phrase pattern or inside a region
  bool wall = false;          // a region header the body never crosses (comments, footer)
  bool name_like = false;     // a person's name alone (a closing signature)
};

struct PageBody {
  std::vector<LineClass> classes;   // after context smoothing
  std::vector<bool> in_body;        // per line
  long first = -1, last = -1;       // body run (line indices), -1 when none
  bool confident = false;           // a page: lines outside the body may go
  int outside_lines = 0;            // non-blank lines outside the run
  int longest_short_run = 0;        // longest run of short/bad lines outside the run
  int outside_furniture = 0;        // lines outside the run a phrase pattern removes
};

// jusText-style classes after context smoothing.
std::vector<LineClass> classify_lines(const std::vector<BodyInput>& lines);

PageBody find_body(const std::vector<BodyInput>& lines);

const char* line_class_name(LineClass c);

}  // namespace retouche
