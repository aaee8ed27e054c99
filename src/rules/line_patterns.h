// Line pattern files: the reviewable data behind line-level rules.
//
// A file in corrections/boilerplate/ describes one rule:
//
//   # Share and social widgets.
//   @rule share-button
//   @description social and share widgets ("Share", "Partager sur Facebook")
//   @message share or social widget
//   @applicability safe
//   @confidence 0.97
//   (?i)share
//   (?i)partager(?: sur (?:facebook|twitter|x|linkedin|whatsapp))?
//
// Every pattern is an RE2 expression that must match a whole line (after
// trimming spaces); all patterns of all files are compiled into one RE2::Set,
// so a line is classified in one pass whatever the number of patterns (a
// bounded "any character" repeat, `.{0,80}`, is compiled unbounded there and
// checked exactly on the lines that match: bounded_repeats.h).
//
// Patterns after a line "@needs-context" match lines that are also real text
// in an article (a bare "Réactions" is a comment widget or a section heading;
// "Tools > Build System > New" is a breadcrumb or a menu path in a tech post;
// "DiePresse.com" a site's name or the source under a quote). match() tells
// such a match apart, and the rule removes the line only when its context
// says it is furniture (src/rules/boilerplate.cc).
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "retouche/finding.h"
#include "retouche/status.h"

namespace retouche {

struct LinePatternRule {
  std::string id;  // "boilerplate.share-button"
  std::string description;  // for --list-rules
  std::string message;      // for findings (defaults to the description)
  Applicability applicability = Applicability::kSafe;
  double confidence = 0.95;
  // @next-line name: the next line goes too when it is a person's name
  // ("Par" then "Ariela Tomson").
  bool next_line_name = false;
  // @region to-end | until-prose: the pattern matches a region's header
  // (corrections/boilerplate/regions/): the region runs to the end of the
  // page (comments, footer) or over the lines after it until the next
  // paragraph (a block of related headlines). Empty for line rules.
  std::string region;
  std::string file;
};

class LinePatterns {
 public:
  // Loads every *.re2 file of `dir`; ids are `prefix` + "." + @rule.
  static Status load(const std::string& dir, const std::string& prefix,
                     std::unique_ptr<LinePatterns>* out);

  const std::vector<LinePatternRule>& rules() const { return rules_; }

  // Index (into rules()) of the first rule one of whose patterns matches the
  // whole of `line`, or -1. `scratch` avoids allocation across calls.
  // A pattern without @needs-context wins over one with it; `*needs_context`
  // (when given) says whether only such patterns matched.
  int match(std::string_view line, std::vector<int>* scratch, bool* needs_context = nullptr) const;

 private:
  std::vector<LinePatternRule> rules_;
  std::vector<int> pattern_rule_;  // pattern index -> rule index
  std::vector<bool> pattern_needs_context_;  // pattern index -> after @needs-context
  std::unique_ptr<RE2::Set> set_;
  // The patterns the set holds relaxed (bounded_repeats.h), by pattern index
  // (null for the others), each compiled when a line first matches its
  // relaxed form.
  struct Exact {
    std::string pattern;
    std::once_flag compiled;
    std::unique_ptr<RE2> re;
  };
  std::vector<std::unique_ptr<Exact>> exact_;
  RE2::Options options_;
  bool matches_exactly(int pattern, std::string_view line) const;
};

// Trims ASCII spaces, tabs, NBSP and narrow NBSP at both ends.
std::string_view trim_line(std::string_view line);

// The form of a line that patterns see: trimmed, every kind of space (NBSP,
// narrow NBSP, thin space, tab) as one ASCII space, runs collapsed, and the
// typographic apostrophe as "'". Patterns then need not care about spacing.
void pattern_form(std::string_view line, std::string* out);

// `form` as the token stage may leave it: a period or comma typed twice
// (".." or ". .", ",," or ", ,") written once, as typography.doubled-punctuation
// does (ellipses "..." are kept), and a space between a lowercase letter and
// a capital inside a word, as the glued-word joins do ("utiliseMo" →
// "utilise Mo"). The lines stage matches this form too, so that a line the
// token stage repairs into furniture ("No items found..", "Ce site utiliseMo
// cookies") is removed in the same pass, not in the next one. Returns false
// when nothing changed.
bool repaired_form(std::string_view form, std::string* out);

}  // namespace retouche
