// boilerplate.* — lines of page furniture, removed whole. Two kinds of
// evidence, combined in one pass over the document's lines:
//  * phrase patterns from corrections/boilerplate/*.re2 (one rule per file);
//  * signals that need no list: the language of a line (an English headline
//    in a French article), duplication within the document, position before
//    or after the article body, title-like shape, and how few of the line's
//    content words the body uses (an unrelated headline pasted at the end).
// When the evidence is weak the line is kept and reported.
//
// Signals without a list (foreign, duplicate and unrelated-headline lines)
// act only in a document where the phrase patterns found page furniture: a
// blog post or a book converted to text has titles, English subheadings and
// repeated salutations of its own, and no share bar. A line the token stage
// will repair ("No items found..") is matched as it will be, and the rule
// decides again on the text without the lines it removed until nothing more
// goes, so that a second run finds nothing the first one enabled.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "pipeline/notes.h"
#include "pipeline/registry.h"
#include "pipeline/resources.h"
#include "pipeline/rule.h"
#include "rules/families.h"
#include "rules/line_patterns.h"
#include "rules/line_signals.h"
#include "rules/line_stats.h"
#include "rules/page_body.h"
#include "rules/paragraphs.h"
#include "rules/regions.h"
#include "core/utf8.h"
#include "text/chars.h"

namespace retouche {
namespace {

// Page furniture is short; longer lines are prose and are not matched at all
// (this also bounds the cost on pathological single-line inputs).
constexpr size_t kMaxPatternLineBytes = 400;
// Only the start of a very long line is looked at for its shape and words.
constexpr size_t kMaxAnalysedBytes = 4000;
// A foreign-language line longer than this is a quoted paragraph: report only.
constexpr int kMaxForeignWords = kMaxCountedWords;  // language counts exist up to there
// Lines (other than furniture) between a paragraph and the body for it to
// count as next to the body.
constexpr int kNearBodyLines = 1;
// A line this long printed twice is site text, not an article's paragraph.
constexpr int kRepeatedProseChars = 70;
// Lines of furniture the phrase patterns must find in a document before the
// signals without a list (foreign, duplicate, unrelated-headline lines) act.
constexpr int kMinFurnitureForSignals = 1;
// A short line printed this often is furniture, in any document ...
constexpr int kManyCopies = 3;
// ... and this often, even where a paragraph follows each copy: a speech
// opens a few of its parts with "Mesdames et messieurs,", a template prints
// its labels on every item.
constexpr int kTemplateCopies = 10;
// Rounds of decide() on the text without the lines removed so far.
constexpr int kMaxRounds = 4;

// "-----", "=====", "--- ---": a rule line. Touching a line of text it is
// a table's rule or a heading's underline, not a stray fragment.
bool is_rule_line(std::string_view form) {
  int marks = 0;
  for (char c : form) {
    if (c == '-' || c == '=' || c == '_') {
      ++marks;
    } else if (c != ' ' && c != '+' && c != '|') {
      return false;
    }
  }
  return marks >= 3;
}

std::string foreign_why(ForeignEvidence by) {
  return by == ForeignEvidence::kLanguageId ? "line not in French (CLD2)"
                                            : "line not in French (function words and lexicon)";
}

class BoilerplateLines : public Rule {
 public:
  BoilerplateLines(std::shared_ptr<const LinePatterns> patterns, std::shared_ptr<const LinePatterns> regions,
                   const WordSet& fr, const WordSet& en, const WordSet& openers,
                   std::shared_ptr<const LineStats> stats, uint32_t min_docs)
      : patterns_(std::move(patterns)),
        regions_(std::move(regions)),
        fr_(fr),
        en_(en),
        openers_(openers),
        stats_(std::move(stats)),
        min_docs_(min_docs) {
    int n = static_cast<int>(patterns_->rules().size());
    kForeign = n;
    kUnrelated = n + 1;
    kDuplicate = n + 2;
    kCorpusRepeat = n + 3;
    kOutside = n + 4;
    kRegionBase = n + 5;
    const char* step = std::getenv("RETOUCHE_BODY_STEP");
    justext_only_ = step && std::string_view(step) == "justext";
  }

  std::vector<RuleInfo> infos() const override {
    std::vector<RuleInfo> out;
    for (const LinePatternRule& r : patterns_->rules()) {
      out.push_back({r.id, Stage::kLines, r.applicability, r.description});
    }
    out.push_back({"boilerplate.foreign-line", Stage::kLines, Applicability::kSafe,
                   "a line in another language (an English headline in a French article)"});
    out.push_back({"boilerplate.unrelated-headline", Stage::kLines, Applicability::kSafe,
                   "a headline before or after the article body that shares almost no words "
                   "with it (pasted from another article)"});
    out.push_back({"boilerplate.duplicate-line", Stage::kLines, Applicability::kSafe,
                   "a short line repeated earlier in the document"});
    out.push_back({"boilerplate.corpus-repeat", Stage::kLines, Applicability::kSafe,
                   "a short line found in many documents of the corpus (--line-stats)"});
    out.push_back({"boilerplate.outside-body", Stage::kLines, Applicability::kSafe,
                   "on a whole web page, a line outside the article body (menus, lists of links, "
                   "teasers, widgets), found by the body model of src/rules/page_body.h"});
    for (const LinePatternRule& r : regions_->rules()) {
      out.push_back({r.id, Stage::kLines, r.applicability, r.description});
    }
    return out;
  }

  void check(RuleContext& ctx) const override;

 private:
  struct Unit {
    size_t first = 0, last = 0;  // line indices
    std::string form;            // pattern form of the joined lines
    LineShape shape;
    int decision = -1;           // info index of the rule removing it
    std::string why;             // message detail
    bool blank = true;
    int needs_context = -1;      // a @needs-context pattern's rule: removed only in context
  };
  // What decide() concludes about each line of the text it is given.
  struct LineDecision {
    int decision = -1;  // info index of the rule removing the line, -1: kept
    size_t unit = 0;    // the lines of one unit go together
    double confidence = 0;
    std::string message;
  };
  struct Report {  // an unsure headline, kept and reported
    size_t first = 0, last = 0;
    std::string message;
  };
  struct Decisions {
    std::vector<LineDecision> lines;
    std::vector<Report> reports;
    int furniture = 0;  // lines the phrase patterns (without @needs-context) removed
    std::vector<bool> page_body;  // lines of a page's article body (a confident body model)
  };
  // What a line's content alone says, computed once and kept across rounds.
  struct LineFacts {
    bool ready = false;
    std::string form;  // pattern form
    bool code = false;
    int pattern = -1;  // phrase pattern rule, -1: none
    bool needs_context = false;
    int foreign = -1;  // ForeignEvidence of the line alone, -1: not computed yet
  };
  // `facts[origin[i]]` caches line i; `furniture_seen`: the furniture of the
  // first round (-1 on the first).
  Decisions decide(RuleContext& ctx, std::string_view t, const LineIndex& lines, std::vector<LineFacts>& facts,
                   const std::vector<size_t>& origin, int furniture_seen) const;

  std::shared_ptr<const LinePatterns> patterns_;
  std::shared_ptr<const LinePatterns> regions_;  // region headers (corrections/boilerplate/regions/)
  const ShortWordSet fr_;  // asked about every word of every line
  const ShortWordSet en_;
  const WordSet& openers_;  // words a sentence never ends with
  std::shared_ptr<const LineStats> stats_;
  uint32_t min_docs_;
  int kForeign, kUnrelated, kDuplicate, kCorpusRepeat, kOutside, kRegionBase;
  // Development aid (see page_body.h): RETOUCHE_BODY_STEP=justext removes
  // every line of jusText's class "bad" instead of using the body, regions
  // and page gate, to measure the first step alone.
  bool justext_only_ = false;
};

void BoilerplateLines::check(RuleContext& ctx) const {
  std::string_view t = ctx.text();
  const LineIndex& lines = ctx.lines();
  size_t n = lines.size();
  if (n == 0) return;
  std::vector<LineFacts> facts(n);
  std::vector<size_t> all(n);
  for (size_t i = 0; i < n; ++i) all[i] = i;
  Decisions first = decide(ctx, t, lines, facts, all, -1);
  std::vector<LineDecision> final = std::move(first.lines);
  // Decide again on the text without the removed lines: a line that was
  // kept as the middle of a paragraph or as a heading may now stand alone.
  // The article body of a page found in the first round stays: without its
  // furniture the page may no longer look like one.
  size_t unit_base = n;
  for (int round = 1; round < kMaxRounds; ++round) {
    std::string rest;
    std::vector<size_t> origin;
    for (size_t i = 0; i < n; ++i) {
      if (final[i].decision >= 0) continue;
      rest.append(t.substr(lines[i].begin, lines[i].end - lines[i].begin));
      origin.push_back(i);
    }
    if (origin.size() == n || origin.empty()) break;
    LineIndex rest_lines(rest);
    Decisions more = decide(ctx, rest, rest_lines, facts, origin, first.furniture);
    bool added = false;
    for (size_t k = 0; k < more.lines.size() && k < origin.size(); ++k) {
      if (more.lines[k].decision < 0 || first.page_body[origin[k]]) continue;
      final[origin[k]] = std::move(more.lines[k]);
      final[origin[k]].unit += unit_base;
      added = true;
    }
    unit_base += rest_lines.size() + 1;
    if (!added) break;
  }
  // Proposals: whole lines, terminators included; a unit's contiguous lines
  // as one finding.
  for (size_t i = 0; i < n;) {
    if (final[i].decision < 0) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j + 1 < n && final[j + 1].decision == final[i].decision && final[j + 1].unit == final[i].unit) ++j;
    ctx.propose(final[i].decision, lines[i].begin, lines[j].end, "", final[i].confidence, final[i].message);
    i = j + 1;
  }
  for (const Report& r : first.reports) {
    bool removed = false;
    for (size_t k = r.first; k <= r.last; ++k) removed = removed || final[k].decision >= 0;
    if (removed) continue;
    ctx.propose(kUnrelated, lines[r.first].begin, lines[r.last].end, "", 0.4, r.message, Applicability::kReport);
    ctx.notes().hold_line(ctx.map().to_original_begin(lines[r.first].begin),
                          ctx.map().to_original_end(lines[r.last].content_end));
  }
}

BoilerplateLines::Decisions BoilerplateLines::decide(RuleContext& ctx, std::string_view t, const LineIndex& lines,
                                                     std::vector<LineFacts>& facts,
                                                     const std::vector<size_t>& origin, int furniture_seen) const {
  size_t n = lines.size();
  Decisions out;
  out.lines.resize(n);
  out.page_body.assign(n, false);

  // 1. Phrase patterns, line by line.
  std::vector<std::string_view> form(n);
  std::vector<int> pattern(n, -1);
  std::vector<bool> needs_context(n, false);  // pattern[i] matched only a @needs-context pattern
  std::vector<bool> breaker(n, false);
  std::vector<int> scratch;
  std::string repaired;
  // Code and configuration lines (a tech post's shell commands): no signal
  // below reads them as foreign, headline or duplicate lines.
  std::vector<bool> code(n, false);
  for (size_t i = 0; i < n; ++i) {
    LineFacts& f = facts[origin[i]];
    if (!f.ready) {
      f.ready = true;
      std::string_view content = t.substr(lines[i].begin, lines[i].content_end - lines[i].begin);
      if (content.size() > kMaxAnalysedBytes) content = content.substr(0, kMaxAnalysedBytes);
      pattern_form(content, &f.form);
      f.code = !f.form.empty() && looks_like_code_line(content, f.form);
      if (!f.form.empty() && content.size() <= kMaxPatternLineBytes) {
        bool weak = false;
        int r = patterns_->match(f.form, &scratch, &weak);
        // As the token stage may leave it: "No items found.." is "No items found."
        if ((r < 0 || weak) && repaired_form(f.form, &repaired)) {
          bool weak2 = false;
          int r2 = patterns_->match(repaired, &scratch, &weak2);
          if (r2 >= 0 && (r < 0 || !weak2)) r = r2, weak = weak2;
        }
        f.pattern = r >= 0 && ctx.enabled(r) ? r : -1;  // a disabled rule decides nothing
        f.needs_context = f.pattern >= 0 && weak;
        // "}" closing a code block is code, not a stray fragment of the page.
        if (f.pattern >= 0 && f.code && (content.starts_with("    ") || content.starts_with("\t"))) {
          f.pattern = -1;
          f.needs_context = false;
        }
      }
    }
    form[i] = f.form;
    code[i] = f.code;
    pattern[i] = f.pattern;
    needs_context[i] = f.needs_context;
    breaker[i] = pattern[i] >= 0;
  }
  // A rule line touching a line of text: a table's rule, a heading's underline.
  for (size_t i = 0; i < n; ++i) {
    if (pattern[i] < 0 || !is_rule_line(form[i])) continue;
    auto text_line = [&](size_t k) { return !form[k].empty() && (pattern[k] < 0 || needs_context[k]); };
    if ((i > 0 && text_line(i - 1)) || (i + 1 < n && text_line(i + 1))) {
      pattern[i] = -1;
      needs_context[i] = breaker[i] = false;
    }
  }
  // Does the document show page furniture at all?
  for (size_t i = 0; i < n; ++i) out.furniture += pattern[i] >= 0 && !needs_context[i];
  if (furniture_seen >= 0) out.furniture = std::max(out.furniture, furniture_seen);
  bool scraped = out.furniture >= kMinFurnitureForSignals;
  for (size_t i = 0; i < n; ++i) {
    if (pattern[i] < 0 || !patterns_->rules()[static_cast<size_t>(pattern[i])].next_line_name) continue;
    size_t j = i + 1;
    while (j < n && form[j].empty()) ++j;
    if (j < n && pattern[j] < 0 && !needs_context[i] && j - i <= 2 && looks_like_name_line(form[j])) {
      pattern[j] = pattern[i];
      breaker[j] = true;
    }
  }

  // Lines in another language are decided before paragraphs are found: an
  // English headline never belongs to a French paragraph.
  std::vector<bool> foreign(n, false);
  std::vector<ForeignEvidence> foreign_by(n, ForeignEvidence::kNone);
  for (size_t i = 0; i < n; ++i) {
    if (form[i].empty() || pattern[i] >= 0 || code[i] || looks_like_list_item(form[i])) continue;
    // A line the previous one runs on into ("…feluca,") is part of its sentence.
    if (i > 0 && !form[i - 1].empty() && pattern[i - 1] < 0 &&
        runs_on(form[i - 1], "", openers_)) {
      continue;
    }
    if (!scraped || !ctx.enabled(kForeign)) continue;
    LineShape s = line_shape(form[i], fr_, en_);
    if (s.words > kMaxForeignWords || s.ends_sentence) continue;
    LineFacts& f = facts[origin[i]];
    if (f.foreign < 0) f.foreign = static_cast<int>(foreign_line_evidence(form[i], s, ctx.lexicon()));
    foreign_by[i] = static_cast<ForeignEvidence>(f.foreign);
    if (foreign_by[i] != ForeignEvidence::kNone) {
      foreign[i] = breaker[i] = true;
    }
  }

  // 2. Units: a line, or a hard-wrapped paragraph as one.
  std::vector<bool> wrap = find_wraps(t, lines, breaker, openers_);
  std::vector<Unit> units;
  for (size_t i = 0; i < n;) {
    Unit u;
    u.first = i;
    size_t j = i;
    while (j + 1 < n && wrap[j]) ++j;
    u.last = j;
    for (size_t k = i; k <= j; ++k) {
      if (form[k].empty()) continue;
      if (!u.form.empty()) u.form.push_back(' ');
      u.form += form[k];
    }
    u.blank = u.form.empty();
    if (pattern[i] >= 0) (needs_context[i] && i == j ? u.needs_context : u.decision) = pattern[i];
    if (foreign[i] && i == j) {
      u.decision = kForeign;
      u.why = foreign_why(foreign_by[i]);
    }
    if (!u.blank) u.shape = line_shape(u.form, fr_, en_);
    units.push_back(std::move(u));
    i = j + 1;
  }
  // The nearest non-blank unit before (dir -1) or after (+1) `u`, or -1.
  auto neighbour = [&](size_t u, int dir) -> long {
    for (long v = static_cast<long>(u) + dir; v >= 0 && v < static_cast<long>(units.size()); v += dir) {
      if (!units[static_cast<size_t>(v)].blank) return v;
    }
    return -1;
  };
  auto kept_prose = [&](long v) {
    return v >= 0 && units[static_cast<size_t>(v)].decision < 0 && units[static_cast<size_t>(v)].needs_context < 0 &&
           units[static_cast<size_t>(v)].shape.prose;
  };
  // A line between two paragraphs is the article's (an English subheading,
  // a quoted title) unless CLD2 is sure of it.
  for (size_t u = 0; u < units.size(); ++u) {
    Unit& x = units[u];
    if (x.decision != kForeign || foreign_by[x.first] == ForeignEvidence::kLanguageId) continue;
    if (kept_prose(neighbour(u, -1)) && kept_prose(neighbour(u, +1))) x.decision = -1;
  }

  // 3a. The page's body model (src/rules/page_body.h) and its regions.
  std::vector<BodyInput> body_in(units.size());
  std::vector<int> region_header(units.size(), -1);
  for (size_t u = 0; u < units.size(); ++u) {
    const Unit& x = units[u];
    BodyInput& b = body_in[u];
    b.blank = x.blank;
    if (x.blank) continue;
    b.chars = static_cast<int>(utf8::count_code_points(x.form));
    b.words = x.shape.words;
    b.stop_density = x.shape.stop_density();
    b.ends_sentence = x.shape.ends_sentence;
    b.title_like = x.shape.title_like;
    // A foreign line is not furniture to the body model: an English title
    // inside an article is the article's.
    b.furniture = (x.decision >= 0 && x.decision != kForeign) || x.needs_context >= 0;
    b.name_like = looks_like_name_line(x.form);
    if (x.first == x.last && x.form.size() <= kMaxPatternLineBytes) {
      int r = regions_->match(x.form, &scratch);
      if (r >= 0 && ctx.enabled(kRegionBase + r)) {
        region_header[u] = r;
        b.wall = region_is_wall(regions_->rules()[static_cast<size_t>(r)]);
      }
    }
  }
  // A paragraph printed twice on the page is the site's (a charter, a
  // description in the header and the footer), not the article's.
  {
    std::unordered_map<std::string_view, int> copies;
    for (size_t u = 0; u < units.size(); ++u) {
      if (body_in[u].chars >= kRepeatedProseChars) ++copies[units[u].form];
    }
    for (size_t u = 0; u < units.size(); ++u) {
      if (body_in[u].chars >= kRepeatedProseChars && copies[units[u].form] > 1) body_in[u].furniture = true;
    }
  }
  // Blocks of related headlines need no body to be found: they are furniture
  // the body model steps over.
  {
    PageBody none;
    std::vector<int> pre = mark_regions(body_in, none, region_header, regions_->rules());
    for (size_t u = 0; u < units.size(); ++u) {
      if (pre[u] >= 0 && !region_is_wall(regions_->rules()[static_cast<size_t>(pre[u])])) body_in[u].furniture = true;
    }
  }
  PageBody page = find_body(body_in);
  // Only a page whose body stands out loses what lies outside it; elsewhere
  // the body run only keeps headings from the headline signals below.
  bool page_mode = page.confident && ctx.enabled(kOutside);
  // On a page, a line in another language between two lines of the body is
  // a quote or a title the article cites. (Elsewhere the body run is a
  // rough guess: pasted English headlines sit between paragraphs.)
  if (page_mode) {
    for (long u = page.first + 1; u < page.last; ++u) {
      Unit& x = units[static_cast<size_t>(u)];
      if (x.decision == kForeign) x.decision = -1;
    }
  }
  if (justext_only_) {
    for (size_t u = 0; u < units.size(); ++u) {
      if (!units[u].blank && units[u].decision < 0 && page.classes[u] == LineClass::kBad) {
        units[u].decision = kOutside;
        units[u].why = "jusText class bad (RETOUCHE_BODY_STEP=justext)";
      }
    }
    page_mode = false;
  }
  if (page_mode) {
    std::vector<int> region = mark_regions(body_in, page, region_header, regions_->rules());
    std::string span = "lines " + std::to_string(units[static_cast<size_t>(page.first)].first + 1) + "-" +
                       std::to_string(units[static_cast<size_t>(page.last)].last + 1);
    // A paragraph right next to the body (only furniture between) may be the
    // article's last one, cut off by a widget: kept.
    std::vector<bool> near_body(units.size(), false);
    for (int dir : {-1, +1}) {
      long u = dir < 0 ? page.first - 1 : page.last + 1;
      for (int others = 0; u >= 0 && u < static_cast<long>(units.size()) && others <= kNearBodyLines; u += dir) {
        const BodyInput& b = body_in[static_cast<size_t>(u)];
        if (b.blank || b.furniture) continue;
        near_body[static_cast<size_t>(u)] = others < kNearBodyLines;
        ++others;
      }
    }
    size_t opener = 0;  // the header of the region being walked
    for (size_t u = 0; u < units.size(); ++u) {
      Unit& x = units[u];
      if (x.blank) continue;
      if (region[u] >= 0) {
        if (region_header[u] == region[u]) opener = u;
        const LinePatternRule& r = regions_->rules()[static_cast<size_t>(region[u])];
        x.decision = kRegionBase + region[u];
        x.why = r.message + " opened by line " + std::to_string(units[opener].first + 1);
      } else if (!page.in_body[u] && x.decision < 0 && !(x.shape.prose && near_body[u])) {
        x.decision = kOutside;
        x.why = std::string("outside the article body (") + span + "), " +
                line_class_name(page.classes[u]) + " line";
      }
    }
  }

  // 3. The article body: its paragraphs, and the words they use.
  long first_body = -1, last_body = -1;
  for (size_t u = 0; u < units.size(); ++u) {
    if (units[u].blank || units[u].decision >= 0 || !units[u].shape.prose) continue;
    if (first_body < 0) first_body = static_cast<long>(u);
    last_body = static_cast<long>(u);
  }
  // Hashes of the body's content words (a collision only makes a pasted
  // headline look a little more related, i.e. kept).
  // Gathered only when a headline candidate needs them (most documents have none).
  std::vector<size_t> body_units;
  for (size_t u = 0; u < units.size(); ++u) {
    if (!units[u].blank && units[u].decision < 0 && units[u].shape.prose) body_units.push_back(u);
  }
  std::unordered_set<size_t> body_words;
  bool body_words_ready = false;
  auto body_word_hashes = [&]() -> const std::unordered_set<size_t>& {
    if (!body_words_ready) {
      body_words_ready = true;
      for (size_t u : body_units) {
        for_each_content_word(units[u].form, fr_, en_,
                              [&](std::string_view w) { body_words.insert(std::hash<std::string_view>{}(w)); });
      }
    }
    return body_words;
  };
  std::vector<std::string> words;

  // A line that reads as the middle of a paragraph is no headline, even when
  // short: it ends with a comma or a grammar word ("…consacrée à"), holds a
  // sentence end followed by more text, or runs on into the next line.
  auto first_letter_lower = [](std::string_view s) {
    size_t q = 0;
    while (q < s.size()) {
      char32_t c = utf8::decode(s, q);
      if (text::is_letter(c)) return text::is_lower(c);
      if (text::is_digit(c)) return false;
    }
    return false;
  };
  auto last_word = [](std::string_view s) {
    size_t e = s.size();
    while (e > 0 && (s[e - 1] == ' ')) --e;
    size_t b = s.find_last_of(" '", e == 0 ? 0 : e - 1);
    b = b == std::string_view::npos ? 0 : b + 1;
    return text::lower(s.substr(b, e - b));
  };
  auto mid_paragraph = [&](const Unit& x) {
    std::string_view f = x.form;
    if (f.ends_with(",") || f.ends_with(" -") || f.ends_with("-")) return true;
    if (openers_.count(last_word(f))) return true;
    for (size_t p = f.find(". "); p != std::string_view::npos; p = f.find(". ", p + 1)) {
      size_t q = p + 2;
      if (q < f.size()) {
        size_t k = q;
        char32_t c = utf8::decode(f, k);
        // "M. Dupont", "J.-F." are initials, not sentence ends
        bool initial = p >= 1 && (p < 2 || f[p - 2] == ' ') && text::is_upper(static_cast<unsigned char>(f[p - 1]));
        if (text::is_upper(c) && !initial) return true;
      }
    }
    size_t next = x.last + 1;
    if (next < n && !form[next].empty() && pattern[next] < 0 && !foreign[next] &&
        first_letter_lower(form[next])) {
      return true;
    }
    // "…avec Run" then "DMC, Public Ennemy, et bien d'autres.": a short end of sentence.
    if (next < n && !form[next].empty() && pattern[next] < 0 && !foreign[next]) {
      LineShape ns = line_shape(form[next], fr_, en_);
      if (ns.ends_sentence && ns.words < 12) return true;
    }
    size_t prev = x.first;
    if (prev > 0 && !form[prev - 1].empty() && pattern[prev - 1] < 0 && !foreign[prev - 1] &&
        first_letter_lower(x.form)) {
      return true;
    }
    return false;
  };

  // 4. Signals for every line the patterns left.
  std::unordered_map<std::string_view, size_t> seen;
  // How often each short line is printed: a line printed many times is
  // furniture even where the patterns found none (a menu item, a label).
  std::unordered_map<std::string_view, int> copies;
  for (const Unit& x : units) {
    if (!x.blank && !x.shape.prose) ++copies[x.form];
  }
  for (size_t u = 0; u < units.size(); ++u) {
    Unit& x = units[u];
    if (x.blank) continue;
    // Paragraphs are never duplicates to remove: only short lines are hashed.
    bool first_copy = x.shape.prose || seen.emplace(x.form, u).second;
    if (x.decision >= 0 || x.needs_context >= 0) continue;
    // A foreign sentence with its final period is decided here, after the
    // paragraphs are known (a headline has no period; a quote may).
    const LineShape& s = x.shape;
    bool interior = static_cast<long>(u) > page.first && static_cast<long>(u) < page.last;
    bool is_code = false;
    for (size_t k = x.first; k <= x.last && !is_code; ++k) is_code = code[k];
    if (is_code || looks_like_list_item(x.form)) continue;
    long prev = neighbour(u, -1), next = neighbour(u, +1);
    // A short line followed by the paragraph it introduces: a heading.
    bool heading = !page_mode && kept_prose(next);
    bool between_paragraphs = kept_prose(prev) && kept_prose(next);
    ForeignEvidence by = ForeignEvidence::kNone;
    if (scraped && !interior && s.words <= kMaxForeignWords) {
      if (x.first == x.last) {  // the line alone: its evidence is cached
        LineFacts& f = facts[origin[x.first]];
        if (f.foreign < 0) f.foreign = static_cast<int>(foreign_line_evidence(x.form, s, ctx.lexicon()));
        by = static_cast<ForeignEvidence>(f.foreign);
      } else {
        by = foreign_line_evidence(x.form, s, ctx.lexicon());
      }
    }
    if (by == ForeignEvidence::kWordLists && between_paragraphs) by = ForeignEvidence::kNone;
    if (by != ForeignEvidence::kNone) {
      x.decision = kForeign;
      x.why = foreign_why(by);
      continue;
    }
    if (stats_ && ctx.enabled(kCorpusRepeat) && !s.prose && !(s.ends_sentence && s.words >= 6) && x.first == x.last &&
        x.form.size() <= LineStats::kMaxLineBytes) {
      uint32_t docs = stats_->documents_with(line_key(x.form));
      if (docs >= min_docs_) {
        x.decision = kCorpusRepeat;
        x.why = "found in " + std::to_string(docs) + " of " + std::to_string(stats_->documents()) +
                " documents of the corpus";
        continue;
      }
    }
    // On a page, the article's title inside the body is no copy of its
    // reprint in the top bar.
    if (!first_copy && page_mode && page.in_body[u] && !page.in_body[seen[x.form]]) first_copy = true;
    // A repeated line goes when the document shows furniture or prints it
    // many times, and unless it heads a paragraph (a speech's "Mesdames et
    // messieurs," before each part); a line printed twice in a row, or in
    // every item of a template, goes whatever follows it.
    int printed = copies[x.form];
    bool repeated_in_a_row = !first_copy && prev >= 0 && units[static_cast<size_t>(prev)].form == x.form;
    bool evidence = scraped || printed >= kManyCopies;
    bool heads = heading && !repeated_in_a_row && printed < kTemplateCopies;
    if (!first_copy && !s.prose && evidence && !heads && ctx.enabled(kDuplicate)) {
      x.decision = kDuplicate;
      x.why = "repeats line " + std::to_string(units[seen[x.form]].first + 1);
      continue;
    }
    bool head = first_body >= 0 && static_cast<long>(u) < first_body;
    bool tail = first_body >= 0 && static_cast<long>(u) > last_body;
    // Headings stay: a line inside the body run, or the title just above it,
    // a list item, and a short line followed by the paragraph it introduces.
    // (Off a page the body run is a rough guess: below the last paragraph
    // it protects nothing.)
    if ((page.in_body[u] && (page_mode || head)) || looks_like_list_item(x.form)) continue;
    if (!page_mode && !looks_like_name_line(x.form)) {
      size_t v = u + 1;
      while (v < units.size() && units[v].blank) ++v;
      if (v < units.size() && units[v].decision < 0 && units[v].shape.prose) continue;
    }
    if (!scraped || !ctx.enabled(kUnrelated) || !s.title_like || !(head || tail) || mid_paragraph(x)) continue;
    words.clear();
    content_words(x.form, fr_, en_, &words);
    if (words.empty()) continue;
    size_t shared = 0;
    const std::unordered_set<size_t>& body = body_word_hashes();
    for (const std::string& w : words) shared += body.count(std::hash<std::string_view>{}(w));
    double overlap = static_cast<double>(shared) / words.size();
    bool duplicated = !first_copy || std::count_if(units.begin() + static_cast<long>(u) + 1, units.end(),
                                                    [&](const Unit& o) { return o.form == x.form; }) > 0;
    std::string detail = std::to_string(shared) + " of its " + std::to_string(words.size()) +
                         " content words in the article";
    if ((head && overlap <= 0.25) || (tail && (overlap < 0.5 || duplicated))) {
      x.decision = kUnrelated;
      x.why = std::string(head ? "headline before" : "headline after") + " the article, " + detail +
              (duplicated ? ", repeated" : "");
    } else if (overlap < 0.5) {
      // Unsure: keep the line, tell the reviewer, and keep it a line of its own.
      out.reports.push_back({x.first, x.last, "\"" + x.form + "\" may be an unrelated headline (" + detail + "); kept"});
    }
  }

  // 5. A line removed as boilerplate takes its copies with it.
  std::unordered_map<std::string_view, int> removed_form;
  for (const Unit& x : units) {
    if (!x.blank && x.decision >= 0 && x.decision != kDuplicate) removed_form.emplace(x.form, x.decision);
  }
  for (size_t u = 0; u < units.size(); ++u) {
    Unit& x = units[u];
    if (x.blank || x.decision >= 0 || x.needs_context >= 0 || !ctx.enabled(kDuplicate)) continue;
    if (page_mode && page.in_body[u]) continue;
    if (x.first == x.last && code[x.first]) continue;
    auto it = removed_form.find(x.form);
    if (it == removed_form.end() || x.shape.prose) continue;
    x.decision = kDuplicate;
    x.why = "copy of a line removed as boilerplate";
  }

  // 6. Lines that match a pattern only in context: furniture when a line
  // next to them is (a counter, a loader, a share bar, a byline) or when
  // they lie outside a page's body (step 3a). Between paragraphs, or
  // heading the paragraph after them, they are the article's.
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t u = 0; u < units.size(); ++u) {
      Unit& x = units[u];
      if (x.needs_context < 0 || x.decision >= 0) continue;
      long prev = neighbour(u, -1), next = neighbour(u, +1);
      auto furniture = [&](long v) { return v >= 0 && units[static_cast<size_t>(v)].decision >= 0; };
      if (scraped && (furniture(prev) || furniture(next))) {
        x.decision = x.needs_context;
        changed = true;
      }
    }
  }

  // 7. What each line becomes.
  for (size_t u = 0; u < units.size(); ++u) {
    const Unit& x = units[u];
    if (page_mode && page.in_body[u]) {
      for (size_t k = x.first; k <= x.last; ++k) out.page_body[k] = true;
    }
    if (x.decision < 0) continue;
    double confidence;
    std::string message;
    if (x.decision < static_cast<int>(patterns_->rules().size())) {
      const LinePatternRule& r = patterns_->rules()[static_cast<size_t>(x.decision)];
      confidence = r.confidence;
      message = r.message;
    } else if (x.decision >= kRegionBase) {
      confidence = regions_->rules()[static_cast<size_t>(x.decision - kRegionBase)].confidence;
      message = x.why;
    } else if (x.decision == kOutside) {
      confidence = 0.9;
      message = x.why;
    } else {
      confidence = x.decision == kUnrelated ? 0.85 : x.decision == kCorpusRepeat ? 0.88 : 0.9;
      message = x.why;
    }
    std::string shown = x.form.size() > 80 ? x.form.substr(0, 77) + "..." : x.form;
    for (size_t k = x.first; k <= x.last; ++k) {
      out.lines[k] = {x.decision, u, confidence, "\"" + shown + "\": " + message};
    }
  }
  return out;
}

}  // namespace

void register_boilerplate_rules(RuleRegistry& r) {
  r.add("boilerplate", [](const Resources& res, Status* st) -> std::unique_ptr<Rule> {
    if (!res.boilerplate_patterns || !res.boilerplate_regions) {
      *st = ConfigError("the boilerplate patterns are not loaded");
      return nullptr;
    }
    const WordSet* fr = res.word_list("function-words-fr");
    const WordSet* en = res.word_list("function-words-en");
    const WordSet* openers = res.word_list("clause-openers-fr");
    if (!fr || !en || !openers) {
      *st = ConfigError("dictionaries/function-words-fr.txt, function-words-en.txt and "
                        "clause-openers-fr.txt are required");
      return nullptr;
    }
    return std::make_unique<BoilerplateLines>(res.boilerplate_patterns, res.boilerplate_regions, *fr, *en, *openers,
                                              res.line_stats, res.line_stats_min_docs);
  });
}

}  // namespace retouche
