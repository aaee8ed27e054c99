#include "rules/page_body.h"

#include <algorithm>
#include <limits>

namespace retouche {
namespace {

// jusText's defaults (length in characters), the density thresholds set for
// dictionaries/function-words-fr.txt, shorter than jusText's French list:
// on ../shared/dev/real/pages, 84% of the lines over 200 characters with a
// density of at least 0.3 are article text, 3% of the lines under 70.
constexpr int kLengthLow = 70;
constexpr int kLengthHigh = 200;
constexpr double kStopLow = 0.25;
constexpr double kStopHigh = 0.30;

// Body run weights: a good line counts its length, a near-good one half of
// it; every other line costs a fixed amount, so a heading between two
// paragraphs is cheap and twenty menu items in a row are not.
constexpr double kShortCost = 35;
constexpr double kBadCost = 60;
// A line a pattern already removed (a share bar inside the article) barely
// separates what is around it.
constexpr double kFurnitureCost = 10;
// A stretch before a comment section or footer wins when its best run holds
// this share of the page's best run (comments can hold more prose than the
// article they follow).
constexpr double kEarlierStretchShare = 0.3;
// ... or holds this much text (two paragraphs).
constexpr double kEnoughBody = 500;
constexpr int kMaxHeadLines = 4;
constexpr int kMaxHeadSkip = 25;

// A page, not an article alone: this many lines outside the body, a run of
// short lines (a menu, a list of links) at least this long among them, a
// share of the document outside the body...
constexpr int kMinOutsideLines = 12;
constexpr int kMinShortRun = 6;
constexpr double kMinOutsideShare = 0.25;
// ... and page furniture the phrase patterns know among those lines (menus,
// share bars, date lines): a blog post's code listing or a table of figures
// is a run of short lines too, but no pattern knows them (on
// ../shared/dev/real: every page has at least 5 and 10%, no mt post more
// than 3).
constexpr int kMinOutsideFurniture = 5;
constexpr double kMinFurnitureShare = 0.10;

LineClass initial_class(const BodyInput& l) {
  if (l.blank) return LineClass::kBlank;
  if (l.furniture) return LineClass::kBad;
  if (l.chars < kLengthLow) return LineClass::kShort;
  if (l.stop_density >= kStopHigh) return l.chars > kLengthHigh ? LineClass::kGood : LineClass::kNearGood;
  if (l.stop_density >= kStopLow) return LineClass::kNearGood;
  return LineClass::kBad;
}

// The class of the nearest line before (dir -1) or after (dir +1) `i` that is
// good or bad (near-good too unless ignored); bad past the document's ends.
LineClass neighbour(const std::vector<LineClass>& c, size_t i, int dir, bool ignore_near_good) {
  long j = static_cast<long>(i) + dir;
  for (; j >= 0 && j < static_cast<long>(c.size()); j += dir) {
    LineClass k = c[static_cast<size_t>(j)];
    if (k == LineClass::kBlank || k == LineClass::kShort) continue;
    if (k == LineClass::kNearGood && ignore_near_good) continue;
    return k;
  }
  return LineClass::kBad;
}

}  // namespace

const char* line_class_name(LineClass c) {
  switch (c) {
    case LineClass::kBlank: return "blank";
    case LineClass::kBad: return "bad";
    case LineClass::kShort: return "short";
    case LineClass::kNearGood: return "near-good";
    case LineClass::kGood: return "good";
  }
  return "?";
}

std::vector<LineClass> classify_lines(const std::vector<BodyInput>& lines) {
  std::vector<LineClass> c(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) c[i] = initial_class(lines[i]);
  // Short lines take their class from their neighbours (jusText's rules).
  std::vector<LineClass> s = c;
  for (size_t i = 0; i < c.size(); ++i) {
    if (c[i] != LineClass::kShort) continue;
    LineClass prev = neighbour(c, i, -1, true), next = neighbour(c, i, +1, true);
    if (prev == LineClass::kGood && next == LineClass::kGood) {
      s[i] = LineClass::kGood;
    } else if (prev == LineClass::kBad && next == LineClass::kBad) {
      s[i] = LineClass::kBad;
    } else if ((prev == LineClass::kBad && neighbour(c, i, -1, false) == LineClass::kNearGood) ||
               (next == LineClass::kBad && neighbour(c, i, +1, false) == LineClass::kNearGood)) {
      s[i] = LineClass::kGood;  // the bad side is further than a near-good one
    } else {
      s[i] = LineClass::kBad;
    }
  }
  // Near-good lines: good unless bad on both sides. Beyond jusText: two
  // near-good lines in a row are paragraphs of an article written in short
  // paragraphs (a news brief), good whatever surrounds them.
  auto adjacent_near_good = [&](size_t i, int dir) {
    for (long j = static_cast<long>(i) + dir; j >= 0 && j < static_cast<long>(c.size()); j += dir) {
      if (c[static_cast<size_t>(j)] == LineClass::kBlank) continue;
      return c[static_cast<size_t>(j)] == LineClass::kNearGood || c[static_cast<size_t>(j)] == LineClass::kGood;
    }
    return false;
  };
  for (size_t i = 0; i < c.size(); ++i) {
    if (c[i] != LineClass::kNearGood) continue;
    LineClass prev = neighbour(s, i, -1, true), next = neighbour(s, i, +1, true);
    bool in_run = adjacent_near_good(i, -1) || adjacent_near_good(i, +1);
    s[i] = prev == LineClass::kBad && next == LineClass::kBad && !in_run ? LineClass::kBad : LineClass::kGood;
  }
  return s;
}

PageBody find_body(const std::vector<BodyInput>& lines) {
  PageBody b;
  size_t n = lines.size();
  b.classes = classify_lines(lines);
  b.in_body.assign(n, false);
  std::vector<LineClass> raw(n);
  for (size_t i = 0; i < n; ++i) raw[i] = initial_class(lines[i]);

  // Largest-sum run (Kadane) in each stretch between walls. The article
  // comes before its comment section and footer: the first stretch whose
  // best run holds a fair share of the page's best is the body's.
  struct Run {
    double sum = 0;
    long first = -1, last = -1;
  };
  std::vector<Run> stretches(1);
  double run = 0;
  long run_start = -1;
  for (size_t i = 0; i < n; ++i) {
    const BodyInput& l = lines[i];
    if (l.blank) continue;
    if (l.wall) {
      stretches.emplace_back();
      run = 0;
      run_start = -1;
      continue;
    }
    double w;
    if (l.furniture) {
      w = -kFurnitureCost;
    } else if (b.classes[i] == LineClass::kGood) {
      w = raw[i] == LineClass::kNearGood ? l.chars / 2.0 : raw[i] == LineClass::kShort ? 0 : l.chars;
    } else {
      w = raw[i] == LineClass::kShort ? -kShortCost : -kBadCost;
    }
    if (run_start < 0 || run <= 0) {
      run = 0;
      run_start = static_cast<long>(i);
    }
    run += w;
    Run& best = stretches.back();
    if (run > best.sum) best = {run, run_start, static_cast<long>(i)};
  }
  double top = 0;
  for (const Run& r : stretches) top = std::max(top, r.sum);
  if (top <= 0) return b;
  for (const Run& r : stretches) {
    if (r.first >= 0 && (r.sum >= kEarlierStretchShare * top || r.sum >= kEnoughBody)) {
      b.first = r.first;
      b.last = r.last;
      break;
    }
  }

  // The title, standfirst and caption above the first paragraph: up to four
  // title-like, short or near-good lines, over pattern furniture (a date
  // line, a share bar, a related block) and blanks.
  {
    int taken = 0, skipped = 0;
    for (long j = b.first - 1; j >= 0 && taken < kMaxHeadLines && skipped < kMaxHeadSkip; --j) {
      const BodyInput& l = lines[static_cast<size_t>(j)];
      if (l.blank) continue;
      if (l.wall) break;
      // A date line, a share bar, or the author's name: not the title.
      if (l.furniture || l.name_like) {
        ++skipped;
        continue;
      }
      if (!(l.title_like || raw[static_cast<size_t>(j)] != LineClass::kBad)) {
        break;
      }
      b.first = j;
      ++taken;
    }
  }
  // The author's signature under the last paragraph, maybe after a
  // closing word ("Profitez bien.").
  for (size_t j = static_cast<size_t>(b.last) + 1, seen = 0; j < n && seen < 2; ++j) {
    if (lines[j].blank) continue;
    ++seen;
    if (lines[j].furniture || lines[j].wall) break;
    if (lines[j].name_like) {
      b.last = static_cast<long>(j);
      break;
    }
  }
  for (long i = b.first; i <= b.last; ++i) b.in_body[static_cast<size_t>(i)] = true;

  int nonblank = 0, short_run = 0;
  for (size_t i = 0; i < n; ++i) {
    if (lines[i].blank) continue;
    ++nonblank;
    if (b.in_body[i]) {
      short_run = 0;
      continue;
    }
    ++b.outside_lines;
    b.outside_furniture += lines[i].furniture || lines[i].wall;
    bool shortish = raw[i] == LineClass::kShort || raw[i] == LineClass::kBad;
    short_run = shortish ? short_run + 1 : 0;
    b.longest_short_run = std::max(b.longest_short_run, short_run);
  }
  b.confident = b.outside_lines >= kMinOutsideLines && b.longest_short_run >= kMinShortRun &&
                b.outside_lines >= kMinOutsideShare * nonblank &&
                b.outside_furniture >= kMinOutsideFurniture &&
                b.outside_furniture >= kMinFurnitureShare * b.outside_lines;
  return b;
}

}  // namespace retouche
