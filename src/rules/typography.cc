// typography.* — punctuation typed twice by a broken join: "fin. ." "a,, b"
// "etc.." An ellipsis ("...", "…", ". . .") is not an error.
#include "pipeline/registry.h"
#include "pipeline/rule.h"
#include "rules/families.h"

namespace retouche {
namespace {

bool horizontal_space(char c) { return c == ' ' || c == '\t'; }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Length of horizontal spacing (ASCII spaces, tabs, NBSP, narrow NBSP) at i.
size_t spacing_at(std::string_view t, size_t i) {
  size_t j = i;
  while (j < t.size()) {
    if (horizontal_space(t[j])) {
      ++j;
    } else if (t.substr(j, 2) == "\xC2\xA0") {
      j += 2;
    } else if (t.substr(j, 3) == "\xE2\x80\xAF") {
      j += 3;
    } else {
      break;
    }
  }
  return j - i;
}

class DoubledPunctuation : public Rule {
 public:
  std::vector<RuleInfo> infos() const override {
    return {{"typography.doubled-punctuation", Stage::kTokens, Applicability::kSafe,
             "a period or comma typed twice ('. .', '..', ',,'); ellipses are kept"}};
  }

  void check(RuleContext& ctx) const override {
    std::string_view t = ctx.text();
    const auto& prot = ctx.protected_spans();
    size_t pi = 0;
    for (size_t i = 0; i < t.size(); ++i) {
      // Most of a text is neither: skipped in a tight loop.
      while (i < t.size() && t[i] != '.' && t[i] != ',') ++i;
      if (i == t.size()) break;
      char c = t[i];
      while (pi < prot.size() && prot[pi].second <= i) ++pi;
      if (pi < prot.size() && prot[pi].first <= i) continue;  // inside a URL or file name
      size_t gap = spacing_at(t, i + 1);
      size_t j = i + 1 + gap;
      if (j >= t.size() || t[j] != c) continue;
      // Between digits ("pages 1..5") it is a range, not a broken join.
      if (gap == 0 && i > 0 && is_ascii_digit(t[i - 1]) && j + 1 < t.size() &&
          is_ascii_digit(t[j + 1])) {
        i = j;
        continue;
      }
      // "cd ..", "../lib": two periods standing as a word are a directory.
      if (c == '.' && gap == 0 && (i == 0 || horizontal_space(t[i - 1]) || t[i - 1] == '/' || t[i - 1] == '\n') &&
          (j + 1 >= t.size() || horizontal_space(t[j + 1]) || t[j + 1] == '/' || t[j + 1] == '\n')) {
        i = j;
        continue;
      }
      // "[..]", "(..)": the mark of a cut in a quotation, not a typo.
      if (c == '.' && gap == 0 && i > 0 && (t[i - 1] == '[' || t[i - 1] == '(') && j + 1 < t.size() &&
          (t[j + 1] == ']' || t[j + 1] == ')')) {
        i = j;
        continue;
      }
      if (c == '.') {
        // Ellipsis forms: "...", ". . .", and a period before or after one.
        bool before = i > 0 && (t[i - 1] == '.' ||
                                (i >= 2 && horizontal_space(t[i - 1]) && t[i - 2] == '.'));
        size_t k = j + 1 + spacing_at(t, j + 1);
        bool after = (j + 1 < t.size() && t[j + 1] == '.') || (k < t.size() && t[k] == '.' && gap > 0);
        if (before || after) {
          i = j;
          continue;
        }
        if (i >= 3 && t.substr(i - 3, 3) == "\xE2\x80\xA6") continue;  // "…."
      } else {
        // Three commas or more are not a key struck twice (empty fields of
        // data, a drawn line): left as written, the whole run.
        size_t k = j + 1 + spacing_at(t, j + 1);
        if ((k < t.size() && t[k] == ',') || (i > 0 && t[i - 1] == ',')) {
          while (k < t.size() && t[k] == ',') k = k + 1 + spacing_at(t, k + 1);
          i = k - 1;
          continue;
        }
      }
      ctx.propose(0, i, j + 1, std::string(1, c), 0.97,
                  c == '.' ? "doubled period" : "doubled comma");
      i = j;
    }
  }
};

}  // namespace

void register_typography_rules(RuleRegistry& r) {
  r.add("typography.doubled-punctuation", [](const Resources&, Status*) {
    return std::unique_ptr<Rule>(new DoubledPunctuation());
  });
}

}  // namespace retouche
