#include "rules/line_patterns.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>

#include "core/utf8.h"
#include "rules/bounded_repeats.h"
#include "io/data_file.h"
#include "text/chars.h"

namespace retouche {

std::string_view trim_line(std::string_view s) {
  auto strip_front = [&]() {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t')) return s.remove_prefix(1), true;
    if (s.starts_with("\xC2\xA0")) return s.remove_prefix(2), true;
    if (s.starts_with("\xE2\x80\xAF")) return s.remove_prefix(3), true;
    return false;
  };
  auto strip_back = [&]() {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t')) return s.remove_suffix(1), true;
    if (s.ends_with("\xC2\xA0")) return s.remove_suffix(2), true;
    if (s.ends_with("\xE2\x80\xAF")) return s.remove_suffix(3), true;
    return false;
  };
  while (strip_front()) {
  }
  while (strip_back()) {
  }
  return s;
}

namespace {
// The bytes pattern_form() looks at: spaces, tabs and the lead bytes of
// NBSP, thin spaces and the typographic apostrophe. A table: it asks about
// every byte of every line.
constexpr std::array<bool, 256> kSpaceLead = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {static_cast<unsigned char>(' '), static_cast<unsigned char>('\t'),
                          static_cast<unsigned char>(0xC2), static_cast<unsigned char>(0xE2)}) {
    t[c] = true;
  }
  return t;
}();
}  // namespace

void pattern_form(std::string_view line, std::string* out) {
  out->clear();
  std::string_view t = trim_line(line);
  out->reserve(t.size());
  const auto* p = reinterpret_cast<const unsigned char*>(t.data());
  size_t n = t.size();
  bool space = false;
  for (size_t i = 0; i < n;) {
    // Runs of ordinary bytes are copied whole, with the single spaces between
    // them (one append per run, not per word); only other spaces, tabs and the
    // lead bytes of NBSP (C2 A0), thin spaces and the typographic apostrophe
    // (E2 80 xx) need a look.
    size_t j = i;
    while (j < n) {
      unsigned char c = p[j];
      if (kSpaceLead[c]) {
        if (c != ' ') break;
        if (j == i || j + 1 >= n || kSpaceLead[p[j + 1]]) break;
      }
      ++j;
    }
    if (j > i) {
      out->append(t.data() + i, j - i);
      space = false;
      i = j;
      continue;
    }
    size_t len = 0;  // > 0: a space of that many bytes
    if (p[i] == ' ' || p[i] == '\t') {
      len = 1;
    } else if (p[i] == 0xC2 && i + 1 < n && p[i + 1] == 0xA0) {
      len = 2;
    } else if (p[i] == 0xE2 && i + 2 < n && p[i + 1] == 0x80 &&
               (p[i + 2] == 0xAF || p[i + 2] == 0x89 || p[i + 2] == 0x87)) {
      len = 3;
    }
    if (len > 0) {
      if (!space) out->push_back(' ');
      space = true;
      i += len;
      continue;
    }
    space = false;
    if (p[i] == 0xE2 && i + 2 < n && p[i + 1] == 0x80 && p[i + 2] == 0x99) {
      out->push_back('\'');
      i += 3;
      continue;
    }
    out->push_back(t[i]);
    ++i;
  }
}

Status LinePatterns::load(const std::string& dir, const std::string& prefix,
                          std::unique_ptr<LinePatterns>* out) {
  auto lp = std::unique_ptr<LinePatterns>(new LinePatterns());
  RE2::Options& opts = lp->options_;
  opts.set_max_mem(256 << 20);
  opts.set_log_errors(false);
  lp->set_ = std::make_unique<RE2::Set>(opts, RE2::ANCHOR_BOTH);
  std::vector<std::string> files = list_files(dir, ".re2");
  RE2::Set syntax(opts, RE2::ANCHOR_BOTH);
  if (files.empty()) return ConfigError("no pattern files (*.re2) in " + dir);
  for (const std::string& path : files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return ConfigError("cannot read " + path);
    LinePatternRule rule;
    rule.file = path;
    std::string line;
    size_t no = 0;
    int rule_index = static_cast<int>(lp->rules_.size());
    size_t patterns = 0;
    bool needs_context = false;
    while (std::getline(in, line)) {
      ++no;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      std::string where = path + ":" + std::to_string(no);
      if (line.empty() || line[0] == '#') continue;
      if (line[0] == '@') {
        size_t sp = line.find(' ');
        std::string key = line.substr(1, sp == std::string::npos ? std::string::npos : sp - 1);
        std::string value = sp == std::string::npos ? "" : line.substr(sp + 1);
        if (key == "rule") {
          rule.id = prefix + "." + value;
        } else if (key == "description") {
          rule.description = value;
        } else if (key == "message") {
          rule.message = value;
        } else if (key == "applicability") {
          auto a = parse_applicability(value);
          if (!a) return ConfigError(where + ": applicability must be safe, suggested or report");
          rule.applicability = *a;
        } else if (key == "confidence") {
          char* end = nullptr;
          rule.confidence = std::strtod(value.c_str(), &end);
          if (end == value.c_str() || rule.confidence < 0 || rule.confidence > 1) {
            return ConfigError(where + ": confidence must be a number in [0, 1]");
          }
        } else if (key == "next-line") {
          if (value != "name") return ConfigError(where + ": @next-line takes 'name'");
          rule.next_line_name = true;
        } else if (key == "needs-context") {
          if (!value.empty()) return ConfigError(where + ": @needs-context takes no value");
          needs_context = true;
        } else if (key == "region") {
          if (value != "to-end" && value != "until-prose") {
            return ConfigError(where + ": @region takes 'to-end' or 'until-prose'");
          }
          rule.region = value;
        } else {
          return ConfigError(where + ": unknown directive @" + key);
        }
        continue;
      }
      std::string error;
      std::string relaxed = relax_bounded_dots(line);
      // A relaxed pattern's exact form is only parsed here (Add checks its
      // syntax), into a set never compiled; it is compiled when a line needs it.
      std::unique_ptr<Exact> exact;
      if (relaxed != line) {
        if (syntax.Add(line, &error) < 0) return ConfigError(where + ": bad RE2 pattern: " + error);
        exact = std::make_unique<Exact>();
        exact->pattern = line;
        if (lp->set_->Add(relaxed, &error) < 0) return ConfigError(where + ": cannot relax the pattern: " + error);
      } else if (lp->set_->Add(line, &error) < 0) {
        return ConfigError(where + ": bad RE2 pattern: " + error);
      }
      lp->exact_.push_back(std::move(exact));
      lp->pattern_rule_.push_back(rule_index);
      lp->pattern_needs_context_.push_back(needs_context);
      ++patterns;
    }
    if (rule.id.empty()) return ConfigError(path + ": missing @rule directive");
    if (rule.message.empty()) rule.message = rule.description;
    if (patterns == 0) return ConfigError(path + ": no patterns");
    lp->rules_.push_back(std::move(rule));
  }
  if (!lp->set_->Compile()) return ConfigError(dir + ": patterns too large to compile");
  *out = std::move(lp);
  return Status::Ok();
}

int LinePatterns::match(std::string_view line, std::vector<int>* scratch, bool* needs_context) const {
  scratch->clear();
  if (needs_context) *needs_context = false;
  if (!set_->Match(re2::StringPiece(line.data(), line.size()), scratch)) return -1;
  int best = -1, best_weak = -1;
  for (int p : *scratch) {
    if (exact_[static_cast<size_t>(p)] && !matches_exactly(p, line)) continue;
    int r = pattern_rule_[static_cast<size_t>(p)];
    int& slot = pattern_needs_context_[static_cast<size_t>(p)] ? best_weak : best;
    if (slot < 0 || r < slot) slot = r;
  }
  if (best >= 0) return best;
  if (needs_context) *needs_context = best_weak >= 0;
  return best_weak;
}

bool LinePatterns::matches_exactly(int pattern, std::string_view line) const {
  Exact& e = *exact_[static_cast<size_t>(pattern)];
  std::call_once(e.compiled, [&] { e.re = std::make_unique<RE2>(e.pattern, options_); });
  // The pattern parsed at load (RE2::Set::Add); should RE2 still fail to
  // compile it (out of memory), it matches nothing: the line stays.
  return e.re->ok() && RE2::FullMatch(re2::StringPiece(line.data(), line.size()), *e.re);
}

bool repaired_form(std::string_view form, std::string* out) {
  out->clear();
  bool changed = false;
  bool after_lower = false;  // the previous character is a lowercase letter
  for (size_t i = 0; i < form.size();) {
    char c = form[i];
    if (static_cast<unsigned char>(c) >= 0x80 || std::isalpha(static_cast<unsigned char>(c))) {
      size_t b = i;
      char32_t cp = utf8::decode(form, i);
      if (after_lower && text::is_upper(cp)) {
        out->push_back(' ');
        changed = true;
      }
      after_lower = text::is_lower(cp);
      out->append(form.substr(b, i - b));
      continue;
    }
    after_lower = false;
    out->push_back(c);
    ++i;
    if (c != '.' && c != ',') continue;
    size_t j = i;
    if (j < form.size() && form[j] == ' ') ++j;
    if (j >= form.size() || form[j] != c) continue;
    // "...", ". . .": an ellipsis (a third mark after the pair, or one before it)
    size_t k = j + 1;
    if (k < form.size() && form[k] == ' ') ++k;
    bool third = k < form.size() && form[k] == c;
    size_t at = i - 1;
    bool before = at > 0 && (form[at - 1] == c || (at >= 2 && form[at - 1] == ' ' && form[at - 2] == c));
    if (third || before) continue;
    changed = true;
    i = j + 1;
  }
  return changed;
}

}  // namespace retouche
