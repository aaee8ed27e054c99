// boilerplate.scaffolding-label — labels an LLM writes before headings
// ("Titre :", "Introduction :", "Conclusion :"). The label goes, the heading
// text stays. Labels are data: corrections/scaffolding-labels.re2.
#include <re2/re2.h>

#include <algorithm>
#include <memory>

#include "core/utf8.h"
#include "io/data_file.h"
#include "pipeline/registry.h"
#include "pipeline/resources.h"
#include "pipeline/rule.h"
#include "rules/families.h"
#include "rules/line_patterns.h"
#include "text/chars.h"

namespace retouche {
namespace {

// A heading is short; a long line after a label is prose that merely starts
// with a word like "Conclusion :" and is left alone.
constexpr int kMaxHeadingWords = 20;

int count_words(std::string_view s) {
  int n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ' || c == '\t';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

class ScaffoldingLabel : public Rule {
 public:
  explicit ScaffoldingLabel(std::unique_ptr<RE2> label) : label_(std::move(label)) {}

  std::vector<RuleInfo> infos() const override {
    return {{"boilerplate.scaffolding-label", Stage::kStructure, Applicability::kSafe,
             "LLM scaffolding label before a heading ('Titre :', 'Introduction :')"}};
  }

  void check(RuleContext& ctx) const override {
    std::string_view t = ctx.text();
    for (const Line& line : ctx.lines().lines()) {
      std::string_view content = t.substr(line.begin, line.content_end - line.begin);
      if (content.size() > 600) continue;
      re2::StringPiece in(content.data(), content.size());
      if (!RE2::Consume(&in, *label_)) continue;
      size_t label_len = static_cast<size_t>(in.data() - content.data());
      std::string_view rest = trim_line(content.substr(label_len));
      std::string label(trim_line(content.substr(0, label_len)));
      if (rest.empty()) {  // the label alone on its line
        ctx.propose(0, line.begin, line.end, "", 0.95, "\"" + label + "\" label line removed");
        continue;
      }
      size_t i = 0;
      char32_t first = utf8::decode(rest, i);
      if (!text::is_upper(first) && !text::is_digit(first)) continue;
      if (count_words(rest) > kMaxHeadingWords) continue;
      char last = rest.back();
      if (last == '.' || last == ',' || last == ';') continue;  // a sentence, not a heading
      ctx.propose(0, line.begin, line.begin + label_len, "", 0.95,
                  "\"" + label + "\" scaffolding label removed; the heading stays");
    }
  }

 private:
  std::unique_ptr<RE2> label_;
};

// Blank lines left behind where removed lines stood between two blank lines
// or at the start or end of the text.
class LeftoverBlankLines : public Rule {
 public:
  std::vector<RuleInfo> infos() const override {
    return {{"boilerplate.leftover-blank-line", Stage::kStructure, Applicability::kSafe,
             "blank lines doubled by the removal of boilerplate lines"}};
  }

  void check(RuleContext& ctx) const override {
    const OffsetMap& map = ctx.map();
    if (map.identity()) return;
    std::string_view t = ctx.text();
    const auto& lines = ctx.lines().lines();
    const auto& segs = map.segments();
    auto blank = [&](const Line& l) {
      return trim_line(t.substr(l.begin, l.content_end - l.begin)).empty();
    };
    // Did an earlier stage delete text exactly at current position `cur`?
    auto removed_at = [&](size_t cur) {
      auto it = std::lower_bound(segs.begin(), segs.end(), cur,
                                 [](const OffsetMap::Segment& s, size_t c) { return s.cur_begin < c; });
      return it != segs.end() && it->cur_begin == cur && it->cur_end == cur;
    };
    size_t n = lines.size();
    for (size_t i = 0; i < n;) {
      if (!blank(lines[i])) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < n && blank(lines[j])) ++j;
      bool removal = false;
      for (size_t k = i; k <= j && !removal; ++k) removal = removed_at(k < n ? lines[k].begin : t.size());
      if (removal) {
        if (i == 0 && j == n) {
          // Nothing but blank lines is left (lines[j] would be past the end).
          ctx.propose(0, 0, t.size(), "", 0.99, "blank lines left by removed lines");
        } else if (i == 0 && j < n) {
          ctx.propose(0, 0, lines[j].begin, "", 0.99, "blank lines left at the start by removed lines");
        } else if (j == n && i > 0) {
          ctx.propose(0, lines[i].begin, t.size(), "", 0.99, "blank lines left at the end by removed lines");
        } else if (j - i > 1) {
          // j == n when every line is blank: the run ends with the text.
          ctx.propose(0, lines[i + 1].begin, j < n ? lines[j].begin : t.size(), "", 0.99,
                      "blank lines doubled by removed lines");
        }
      }
      i = j;
    }
  }
};

}  // namespace

void register_structure_rules(RuleRegistry& r) {
  r.add("boilerplate.scaffolding-label", [](const Resources& res, Status* st) -> std::unique_ptr<Rule> {
    std::string path = res.corrections_dir + "/scaffolding-labels.re2";
    std::vector<DataRow> rows;
    *st = read_data_file(path, 1, 1, &rows);
    if (!st->ok()) return nullptr;
    std::string alternation;
    for (const DataRow& row : rows) {
      if (!alternation.empty()) alternation += "|";
      alternation += "(?:" + row.fields[0] + ")";
    }
    // A label, a colon, spaces (including the NBSP French puts before ':').
    auto re = std::make_unique<RE2>("(?:" + alternation + ")(?:\\s|\u00A0|\u202F)*:(?:\\s|\u00A0|\u202F)*");
    if (!re->ok()) {
      *st = ConfigError(path + ": cannot compile labels: " + re->error());
      return nullptr;
    }
    return std::make_unique<ScaffoldingLabel>(std::move(re));
  });
  r.add("boilerplate.leftover-blank-line", [](const Resources&, Status*) {
    return std::unique_ptr<Rule>(new LeftoverBlankLines());
  });
}

}  // namespace retouche
