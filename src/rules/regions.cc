#include "rules/regions.h"

namespace retouche {
namespace {

// A related-articles block is a list of headlines, bylines and dates; it
// ends at the first paragraph, and never runs longer than this.
constexpr size_t kMaxUntilProseLines = 40;

bool paragraph(const BodyInput& l) {
  return !l.blank && !l.furniture && (l.chars > 200 || (l.ends_sentence && l.words >= 12));
}

}  // namespace

bool region_is_wall(const LinePatternRule& r) { return r.region == "to-end"; }

std::vector<int> mark_regions(const std::vector<BodyInput>& lines, const PageBody& body,
                              const std::vector<int>& header, const std::vector<LinePatternRule>& rules) {
  size_t n = lines.size();
  std::vector<int> out(n, -1);
  for (size_t i = 0; i < n; ++i) {
    int r = header[i];
    if (r < 0 || out[i] >= 0) continue;
    const LinePatternRule& rule = rules[static_cast<size_t>(r)];
    size_t end;  // one past the region's last line
    if (rule.region == "to-end") {
      // Above the body, "Mentions légales" is a menu item, not a footer.
      end = body.first >= 0 && static_cast<long>(i) < body.first ? i + 1 : n;
    } else {
      end = i + 1;
      size_t taken = 0;
      while (end < n && taken < kMaxUntilProseLines && !paragraph(lines[end]) && header[end] < 0) {
        taken += !lines[end].blank;
        ++end;
      }
      // Trailing blank lines are not the region's.
      while (end > i + 1 && lines[end - 1].blank) --end;
    }
    for (size_t j = i; j < end; ++j) {
      if (!lines[j].blank && out[j] < 0) out[j] = r;
    }
    if (rule.region == "to-end" && end == n) break;
  }
  return out;
}

}  // namespace retouche
