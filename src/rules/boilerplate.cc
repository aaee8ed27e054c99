// boilerplate.* — lines of page furniture, removed whole. Two kinds of
// evidence, combined in one pass over the document's lines:
//  * phrase patterns from corrections/boilerplate/*.re2 (one rule per file);
//  * signals that need no list: the language of a line (an English headline
//    in a French article), duplication within the document, position before
//    or after the article body, title-like shape, and how few of the line's
//    content words the body uses (an unrelated headline pasted at the end).
// When the evidence is weak the line is kept and reported.
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

std::string foreign_why(ForeignEvidence by) {
  return by == ForeignEvidence::kLanguageId ? "line not in French (CLD2)"
                                            : "line not in French (function words and lexicon)";
}

class BoilerplateLines : public Rule {
 public:
  BoilerplateLines(std::unique_ptr<LinePatterns> patterns, std::unique_ptr<LinePatterns> regions,
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
  };

  std::unique_ptr<LinePatterns> patterns_;
  std::unique_ptr<LinePatterns> regions_;  // region headers (corrections/boilerplate/regions/)
  const WordSet& fr_;
  const WordSet& en_;
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

  // 1. Phrase patterns, line by line.
  std::vector<std::string> form(n);
  std::vector<int> pattern(n, -1);
  std::vector<bool> breaker(n, false);
  std::vector<int> scratch;
  // Code and configuration lines (a tech post's shell commands): no signal
  // below reads them as foreign, headline or duplicate lines.
  std::vector<bool> code(n, false);
  for (size_t i = 0; i < n; ++i) {
    std::string_view content = t.substr(lines[i].begin, lines[i].content_end - lines[i].begin);
    if (content.size() > kMaxAnalysedBytes) content = content.substr(0, kMaxAnalysedBytes);
    pattern_form(content, &form[i]);
    code[i] = !form[i].empty() && looks_like_code_line(content, form[i]);
    if (form[i].empty() || content.size() > kMaxPatternLineBytes) continue;
    int r = patterns_->match(form[i], &scratch);
    pattern[i] = r >= 0 && ctx.enabled(r) ? r : -1;  // a disabled rule decides nothing
    // "}" closing a code block is code, not a stray fragment of the page.
    if (pattern[i] >= 0 && code[i] && (content.starts_with("    ") || content.starts_with("\t"))) pattern[i] = -1;
    breaker[i] = pattern[i] >= 0;
  }
  for (size_t i = 0; i < n; ++i) {
    if (pattern[i] < 0 || !patterns_->rules()[static_cast<size_t>(pattern[i])].next_line_name) continue;
    size_t j = i + 1;
    while (j < n && form[j].empty()) ++j;
    if (j < n && pattern[j] < 0 && j - i <= 2 && looks_like_name_line(form[j])) {
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
    LineShape s = line_shape(form[i], fr_, en_);
    if (!ctx.enabled(kForeign) || s.words > kMaxForeignWords || s.ends_sentence) continue;
    foreign_by[i] = foreign_line_evidence(form[i], s, ctx.lexicon());
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
    if (pattern[i] >= 0) u.decision = pattern[i];
    if (foreign[i] && i == j) {
      u.decision = kForeign;
      u.why = foreign_why(foreign_by[i]);
    }
    if (!u.blank) u.shape = line_shape(u.form, fr_, en_);
    units.push_back(std::move(u));
    i = j + 1;
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
    b.furniture = x.decision >= 0 && x.decision != kForeign;
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
  for (size_t u = 0; u < units.size(); ++u) {
    Unit& x = units[u];
    if (x.blank) continue;
    // Paragraphs are never duplicates to remove: only short lines are hashed.
    bool first_copy = x.shape.prose || seen.emplace(x.form, u).second;
    if (x.decision >= 0) continue;
    // A foreign sentence with its final period is decided here, after the
    // paragraphs are known (a headline has no period; a quote may).
    const LineShape& s = x.shape;
    bool interior = static_cast<long>(u) > page.first && static_cast<long>(u) < page.last;
    bool is_code = false;
    for (size_t k = x.first; k <= x.last && !is_code; ++k) is_code = code[k];
    if (is_code || looks_like_list_item(x.form)) continue;
    ForeignEvidence by = interior || s.words > kMaxForeignWords ? ForeignEvidence::kNone
                                                                : foreign_line_evidence(x.form, s, ctx.lexicon());
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
    if (!first_copy && !s.prose && ctx.enabled(kDuplicate)) {
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
    if (!ctx.enabled(kUnrelated) || !s.title_like || !(head || tail) || mid_paragraph(x)) continue;
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
      ctx.propose(kUnrelated, lines[x.first].begin, lines[x.last].end, "", 0.4,
                  "\"" + x.form + "\" may be an unrelated headline (" + detail + "); kept",
                  Applicability::kReport);
      ctx.notes().hold_line(ctx.map().to_original_begin(lines[x.first].begin),
                            ctx.map().to_original_end(lines[x.last].content_end));
    }
  }

  // 5. A line removed as boilerplate takes its copies with it.
  std::unordered_map<std::string_view, int> removed_form;
  for (const Unit& x : units) {
    if (!x.blank && x.decision >= 0 && x.decision != kDuplicate) removed_form.emplace(x.form, x.decision);
  }
  for (size_t u = 0; u < units.size(); ++u) {
    Unit& x = units[u];
    if (x.blank || x.decision >= 0 || !ctx.enabled(kDuplicate)) continue;
    if (page_mode && page.in_body[u]) continue;
    if (x.first == x.last && code[x.first]) continue;
    auto it = removed_form.find(x.form);
    if (it == removed_form.end() || x.shape.prose) continue;
    x.decision = kDuplicate;
    x.why = "copy of a line removed as boilerplate";
  }

  // 6. Proposals: whole lines, terminators included.
  for (const Unit& x : units) {
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
    ctx.propose(x.decision, lines[x.first].begin, lines[x.last].end, "", confidence,
                "\"" + shown + "\": " + message);
  }
}

}  // namespace

void register_boilerplate_rules(RuleRegistry& r) {
  r.add("boilerplate", [](const Resources& res, Status* st) -> std::unique_ptr<Rule> {
    std::unique_ptr<LinePatterns> patterns;
    *st = LinePatterns::load(res.corrections_dir + "/boilerplate", "boilerplate", &patterns);
    if (!st->ok()) return nullptr;
    std::unique_ptr<LinePatterns> regions;
    *st = LinePatterns::load(res.corrections_dir + "/boilerplate/regions", "boilerplate", &regions);
    if (!st->ok()) return nullptr;
    const WordSet* fr = res.word_list("function-words-fr");
    const WordSet* en = res.word_list("function-words-en");
    const WordSet* openers = res.word_list("clause-openers-fr");
    if (!fr || !en || !openers) {
      *st = ConfigError("dictionaries/function-words-fr.txt, function-words-en.txt and "
                        "clause-openers-fr.txt are required");
      return nullptr;
    }
    return std::make_unique<BoilerplateLines>(std::move(patterns), std::move(regions), *fr, *en, *openers,
                                              res.line_stats, res.line_stats_min_docs);
  });
}

}  // namespace retouche
