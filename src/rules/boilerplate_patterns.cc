// boilerplate.<pattern rules> — whole lines of page furniture recognised by
// the RE2 patterns of corrections/boilerplate/*.re2 (one rule per file).
#include <memory>

#include "pipeline/registry.h"
#include "pipeline/resources.h"
#include "pipeline/rule.h"
#include "rules/families.h"
#include "rules/line_patterns.h"

namespace retouche {
namespace {

// Page furniture is short; longer lines are prose and are not matched at all
// (this also bounds the cost on pathological single-line inputs).
constexpr size_t kMaxBoilerplateLineBytes = 400;

class PatternLines : public Rule {
 public:
  explicit PatternLines(std::unique_ptr<LinePatterns> patterns) : patterns_(std::move(patterns)) {}

  std::vector<RuleInfo> infos() const override {
    std::vector<RuleInfo> out;
    for (const LinePatternRule& r : patterns_->rules()) {
      out.push_back({r.id, Stage::kLines, r.applicability, r.description});
    }
    return out;
  }

  void check(RuleContext& ctx) const override {
    std::string_view t = ctx.text();
    std::vector<int> scratch;
    std::string form;
    for (const Line& line : ctx.lines().lines()) {
      std::string_view content = t.substr(line.begin, line.content_end - line.begin);
      if (content.size() > kMaxBoilerplateLineBytes) continue;
      pattern_form(content, &form);
      if (form.empty()) continue;
      int r = patterns_->match(form, &scratch);
      if (r < 0) continue;
      const LinePatternRule& rule = patterns_->rules()[static_cast<size_t>(r)];
      ctx.propose(r, line.begin, line.end, "", rule.confidence,
                  "\"" + std::string(trim_line(content)) + "\": " + rule.message);
    }
  }

 private:
  std::unique_ptr<LinePatterns> patterns_;
};

}  // namespace

void register_boilerplate_pattern_rules(RuleRegistry& r) {
  r.add("boilerplate.patterns", [](const Resources& res, Status* st) -> std::unique_ptr<Rule> {
    std::unique_ptr<LinePatterns> patterns;
    *st = LinePatterns::load(res.corrections_dir + "/boilerplate", "boilerplate", &patterns);
    if (!st->ok()) return nullptr;
    return std::make_unique<PatternLines>(std::move(patterns));
  });
}

}  // namespace retouche
