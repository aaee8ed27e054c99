#include "retouche/pipeline.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <set>

#include "core/line_index.h"
#include "core/utf8.h"
#include "lexicon/name_table.h"
#include "pipeline/evidence.h"
#include "pipeline/fast_path.h"
#include "pipeline/keep_words.h"
#include "pipeline/notes.h"
#include "pipeline/registry.h"
#include "pipeline/resources.h"
#include "pipeline/session.h"
#include "retouche/edit_list.h"

namespace retouche {

struct DocumentRun;

struct Pipeline::Impl {
  PipelineOptions options;
  std::unique_ptr<Resources> resources;
  struct LoadedRule {
    std::unique_ptr<Rule> rule;
    std::vector<RuleInfo> infos;
    std::vector<bool> enabled;
    Stage stage;
    bool any_enabled;
    int order;
  };
  std::vector<LoadedRule> rules;
  std::vector<RuleDescription> descriptions;
  std::unique_ptr<SessionPool> pool;
  mutable std::vector<std::atomic<uint64_t>> rule_nanos;
  bool language_gate = true;  // language.not-french: off with --force-language or --disable
  // The fast path's word lists, or null when the fast path is off.
  std::unique_ptr<MarkerLists> marker_lists;

  Impl() : rule_nanos(0) {}

  // One pass of a stage's rules; returns how many edits it applied.
  size_t run_round(DocumentRun& d, Stage stage, int round) const;
  size_t run_stage(DocumentRun& d, Stage stage, int pass, bool* settled = nullptr) const;
  void run_stages(DocumentRun& d) const;
  void find_code_lines(DocumentRun& d) const;
  void find_foreign_lines(DocumentRun& d, int pass) const;
};

namespace {

// Where an invalid byte sits, for the error message: line and column (code points).
std::string position_of(const std::string& text, size_t offset) {
  LineIndex lines(std::string_view(text).substr(0, offset));
  size_t line = lines.size() == 0 ? 1 : lines.size();
  size_t line_begin = lines.size() == 0 ? 0 : lines[lines.size() - 1].begin;
  if (lines.size() > 0 && lines[lines.size() - 1].end == offset &&
      lines[lines.size() - 1].end != lines[lines.size() - 1].content_end) {
    ++line;  // the offset starts a new line
    line_begin = offset;
  }
  size_t column = utf8::count_code_points(std::string_view(text).substr(line_begin, offset - line_begin)) + 1;
  return "byte " + std::to_string(offset) + " (line " + std::to_string(line) + ", column " +
         std::to_string(column) + ")";
}

// Fills line, column and code-point offsets of findings sorted by begin, in one sweep.
void locate(const std::string& original, std::vector<Finding>& findings) {
  size_t pos = 0, cp = 0, line = 1, col = 1;
  auto advance_to = [&](size_t target) {
    while (pos < target && pos < original.size()) {
      unsigned char b = static_cast<unsigned char>(original[pos]);
      if (b == '\n' || (b == '\r' && !(pos + 1 < original.size() && original[pos + 1] == '\n'))) {
        ++line;
        col = 1;
        ++cp;
      } else if (!utf8::is_continuation(b)) {
        ++cp;
        if (b != '\r') ++col;
      }
      ++pos;
    }
  };
  // findings are sorted by begin; ends are mapped with a separate count.
  for (Finding& f : findings) {
    advance_to(f.begin);
    f.line = line;
    f.column = col;
    f.cp_begin = cp;
    f.cp_end = cp + utf8::count_code_points(std::string_view(original).substr(f.begin, f.end - f.begin));
  }
}

// The result for a document the pipeline does not clean: the text as it
// came, and one report saying why.
Result unchanged(const Document& doc, const DocumentEvidence& ev) {
  Result r;
  r.clean_text = doc.text;
  r.map = OffsetMap(doc.text.size());
  r.evidence = ev;
  Finding f;
  f.rule = "language.not-french";
  f.stage = Stage::kNormalize;
  f.confidence = 1.0 - ev.french_percent / 100.0;
  f.applicability = Applicability::kReport;
  f.status = FindingStatus::kNotApplied;
  f.message = "the document is not in French (CLD2: \"" + ev.language + "\", " +
              std::to_string(ev.french_percent) +
              " % French): left unchanged; --force-language fr cleans it";
  r.findings.push_back(std::move(f));
  locate(doc.text, r.findings);
  return r;
}

// Tokens of a session's buffer kept from one document to the next (12 MB).
constexpr size_t kKeptTokenCapacity = size_t{1} << 20;

size_t count_words(const std::vector<text::Token>& toks) {
  size_t n = 0;
  for (const text::Token& t : toks) n += t.kind == text::TokenKind::kWord && !t.elision;
  return n;
}

// How many times a stage may run on its own output, and the stages after
// normalisation on theirs (run_stages).
constexpr int kStageRounds = 3;
constexpr int kPipelinePasses = 3;

// Earlier findings (from `first`, not dropped) whose spans meet [begin, end],
// in index order. `by_begin` holds their indices sorted by begin and
// `reach` the largest end up to each of them, so that a look-up walks back
// only over spans that can reach `begin`: folding stays linear in the number
// of findings when rounds each fix thousands of words.
struct EarlierSpans {
  std::vector<size_t> by_begin;
  std::vector<size_t> reach;
  EarlierSpans(const std::vector<Finding>& fs, size_t first, size_t last, const std::vector<bool>& drop) {
    for (size_t e = first; e < last; ++e) {
      if (!drop[e]) by_begin.push_back(e);
    }
    std::stable_sort(by_begin.begin(), by_begin.end(),
                     [&](size_t a, size_t b) { return fs[a].begin < fs[b].begin; });
    reach.resize(by_begin.size());
    size_t far = 0;
    for (size_t i = 0; i < by_begin.size(); ++i) reach[i] = far = std::max(far, fs[by_begin[i]].end);
  }
  void meeting(const std::vector<Finding>& fs, size_t begin, size_t end, std::vector<size_t>* out) const {
    out->clear();
    auto it = std::upper_bound(by_begin.begin(), by_begin.end(), end,
                               [&](size_t pos, size_t e) { return pos < fs[e].begin; });
    for (size_t i = static_cast<size_t>(it - by_begin.begin()); i-- > 0 && reach[i] >= begin;) {
      if (fs[by_begin[i]].end >= begin) out->push_back(by_begin[i]);
    }
    std::sort(out->begin(), out->end());
  }
};

// Does `later` reach over `earlier`, in original coordinates? An insertion
// on the edge of a span is ambiguous there: widen() takes a pure insertion
// into a span that touches it, but not one merged into a replaced region the
// span only borders ("é" made NFC, then " " inserted after it, then the
// capital of "étéComment" lowered). The later replacement tells which: it
// holds the inserted text on that edge if it took it in.
bool covers(const Finding& later, const Finding& earlier) {
  if (earlier.begin < later.begin || later.end < earlier.end) return false;
  if (earlier.begin != earlier.end || later.begin == later.end) return true;
  std::string_view r = later.replacement, ins = earlier.replacement;
  if (earlier.begin == later.begin) return r.substr(0, ins.size()) == ins;
  if (earlier.end == later.end) return r.size() >= ins.size() && r.substr(r.size() - ins.size()) == ins;
  return true;
}

// Findings [later_first, end) of a later round, against the earlier findings
// [earlier_first, later_first). An applied edit that reaches over earlier
// applied ones (the pipeline widens a span to the replaced regions it
// touches) replaces them: one finding, in original coordinates, whose
// replacement is the text of both rounds. It is named after the first fix
// when the rounds are of one stage ("teVoir": joins.glued, then a capital),
// and after the later one when they are not (a cookie banner deleted once
// its glued words are split is boilerplate). A proposal made again, or one
// that is not applied and reaches over an applied edit (its replacement is
// written for the edited text), is dropped, and so is an earlier proposal or
// report inside a later applied edit. Dropped findings are marked in `drop`,
// and removed once the rounds replay.
// Returns whether any finding met an earlier one.
//
// A folded message lists the fixes it took in up to this many bytes, then
// counts the others (a line of a thousand fixes deleted as boilerplate).
constexpr size_t kMaxFoldedMessage = 400;

bool fold_round(std::vector<Finding>& fs, size_t earlier_first, size_t later_first, std::vector<bool>* drop) {
  drop->resize(fs.size(), false);
  bool met_any = false;
  EarlierSpans earlier_spans(fs, earlier_first, later_first, *drop);
  std::vector<size_t> met;
  for (size_t n = later_first; n < fs.size(); ++n) {
    Finding& later = fs[n];
    bool applied = later.status == FindingStatus::kApplied;
    std::string folded_rule, folded_message, first_message;
    size_t untold = 0;  // folded fixes the message no longer lists
    Stage folded_stage = later.stage;
    earlier_spans.meeting(fs, later.begin, later.end, &met);
    met_any |= !met.empty();
    for (size_t e : met) {
      if ((*drop)[n]) break;
      const Finding& earlier = fs[e];
      if ((*drop)[e]) continue;
      bool contains = covers(later, earlier);
      bool earlier_applied = earlier.status == FindingStatus::kApplied;
      if (applied && earlier_applied && contains) {
        if (folded_rule.empty()) {
          folded_rule = earlier.rule;
          folded_message = first_message = earlier.message;
          folded_stage = earlier.stage;
        } else if (earlier.rule != folded_rule || earlier.message != first_message) {
          if (folded_message.size() < kMaxFoldedMessage) {
            folded_message += "; then " + earlier.rule + ": " + earlier.message;
          } else {
            ++untold;
          }
        }
        later.confidence = std::min(later.confidence, earlier.confidence);
        later.applicability = std::min(later.applicability, earlier.applicability);
        (*drop)[e] = true;
      } else if (applied && !earlier_applied && contains) {
        // Proposed or reported on text this edit replaced: applied now that
        // the evidence allows it, or stale (a suggestion inside a line a
        // later pass deletes would corrupt the text if accepted).
        (*drop)[e] = true;
      } else if (!applied && ((earlier_applied && contains) ||
                              (earlier.begin == later.begin && earlier.end == later.end &&
                               earlier.rule == later.rule))) {
        (*drop)[n] = true;
      }
    }
    if (folded_rule.empty()) continue;
    if (untold > 0) folded_message += "; and " + std::to_string(untold) + " more fixes";
    if (folded_stage != later.stage) {
      later.message += "; after " + folded_rule + ": " + folded_message;
      continue;
    }
    if (later.rule != folded_rule || later.message != folded_message) {
      folded_message += "; then " + later.rule + ": " + later.message;
    }
    later.message = std::move(folded_message);
    later.rule = std::move(folded_rule);
  }
  return met_any;
}

void remove_marked(std::vector<Finding>& fs, const std::vector<bool>& drop) {
  size_t out = 0;
  for (size_t i = 0; i < fs.size(); ++i) {
    if (i < drop.size() && drop[i]) continue;
    if (out != i) fs[out] = std::move(fs[i]);
    ++out;
  }
  fs.resize(out);
}

// replay_findings(), leaving out the findings `skip` marks, and giving the
// map from the original to the result as well.
Status replay_into(const std::string& original, const std::vector<Finding>& findings,
                   const std::vector<bool>* skip, std::string* clean_text, OffsetMap* map_out) {
  // The original is copied only if no stage edits it.
  std::string text;
  std::string_view current = original;
  OffsetMap map(original.size());
  for (int s = 0; s < kStageCount; ++s) {
    std::vector<const Finding*> fs;
    for (size_t i = 0; i < findings.size(); ++i) {
      const Finding& f = findings[i];
      if (skip && i < skip->size() && (*skip)[i]) continue;
      if (static_cast<int>(f.stage) == s && f.status == FindingStatus::kApplied) fs.push_back(&f);
    }
    if (fs.empty()) continue;
    std::stable_sort(fs.begin(), fs.end(), [](const Finding* a, const Finding* b) {
      if (a->begin != b->begin) return a->begin < b->begin;
      return a->end < b->end;
    });
    std::vector<Edit> edits;
    for (const Finding* f : fs) {
      if (f->end < f->begin || f->end > original.size()) {
        return InputError("finding " + f->rule + " at byte " + std::to_string(f->begin) +
                          " lies outside the text");
      }
      if (original.compare(f->begin, f->end - f->begin, f->original) != 0) {
        return InputError("finding " + f->rule + " at line " + std::to_string(f->line) +
                          ", column " + std::to_string(f->column) +
                          " does not match the text (expected '" + f->original + "')");
      }
      Edit e;
      e.begin = map.to_current_begin(f->begin);
      e.end = map.to_current_end(f->end);
      e.text = f->replacement;
      if (!edits.empty() && (EditList::conflict(edits.back(), e) || edits.back().end > e.begin)) {
        return InputError("findings overlap at line " + std::to_string(f->line) + ", column " +
                          std::to_string(f->column) + " (" + f->rule + ")");
      }
      edits.push_back(std::move(e));
    }
    text = apply_edits(current, edits);
    current = text;
    map.compose(edits);
  }
  if (current.data() == original.data()) text = original;
  *clean_text = std::move(text);
  if (map_out) *map_out = std::move(map);
  return Status::Ok();
}


}  // namespace

Pipeline::Pipeline(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Pipeline::~Pipeline() = default;

std::unique_ptr<Pipeline> Pipeline::create(const PipelineOptions& options, Status* status) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->resources = Resources::load(options, status);
  if (!impl->resources) return nullptr;

  std::vector<std::string> enable = options.enable;
  if (options.newline_lf) enable.push_back("normalize.line-ending");
  std::set<std::string> matched;
  int order = 0;
  for (const auto& entry : RuleRegistry::builtin().entries()) {
    Status st;
    std::unique_ptr<Rule> rule = entry.factory(*impl->resources, &st);
    if (!rule) {
      *status = st.ok() ? ConfigError("rule " + entry.name + " failed to load") : st;
      return nullptr;
    }
    Impl::LoadedRule lr;
    lr.infos = rule->infos();
    lr.stage = lr.infos.front().stage;
    lr.any_enabled = false;
    for (const RuleInfo& info : lr.infos) {
      // A rule id is more specific than its family: "--disable boilerplate
      // --enable boilerplate.corpus-repeat" leaves only that rule on.
      bool on = info.default_enabled;
      std::string_view family = rule_family(info.id);
      for (int pass = 0; pass < 2; ++pass) {
        auto level = [&](const std::string& n) { return pass == 0 ? n == family : n == info.id; };
        for (const std::string& n : enable) {
          if (level(n)) on = true, matched.insert(n);
        }
        for (const std::string& n : options.disable) {
          if (level(n)) on = false, matched.insert(n);
        }
      }
      lr.enabled.push_back(on);
      lr.any_enabled |= on;
      impl->descriptions.push_back({info.id, std::string(rule_family(info.id)), info.stage,
                                    info.applicability, on, info.description});
    }
    lr.rule = std::move(rule);
    lr.order = order++;
    impl->rules.push_back(std::move(lr));
  }
  // The language gate answers to its id and family like a rule.
  for (const std::string& n : options.disable) {
    if (n == "language" || n == "language.not-french") impl->language_gate = false, matched.insert(n);
  }
  for (const std::string& n : options.enable) {
    if (n == "language" || n == "language.not-french") matched.insert(n);
  }
  if (!options.force_language.empty()) impl->language_gate = false;
  for (const std::string& n : options.enable) {
    if (!matched.count(n)) {
      *status = UsageError("unknown rule or family '" + n + "' (see --list-rules)");
      return nullptr;
    }
  }
  for (const std::string& n : options.disable) {
    if (!matched.count(n)) {
      *status = UsageError("unknown rule or family '" + n + "' (see --list-rules)");
      return nullptr;
    }
  }
  // The language gate is the pipeline's, not a rule's: it decides whether the
  // rules run at all (--force-language fr turns it off).
  impl->descriptions.push_back({"language.not-french", "language", Stage::kNormalize,
                                Applicability::kReport, impl->language_gate,
                                "a document in another language (CLD2): left unchanged and reported; "
                                "--force-language fr (or --disable language) cleans it"});
  std::stable_sort(impl->rules.begin(), impl->rules.end(),
                   [](const Impl::LoadedRule& a, const Impl::LoadedRule& b) {
                     return a.stage < b.stage;
                   });
  const char* fast_env = std::getenv("RETOUCHE_FAST_PATH");
  if (options.fast_path && !(fast_env && std::strcmp(fast_env, "0") == 0)) {
    const WordSet* lists[2] = {nullptr, nullptr};
    for (auto [list, name] : {std::pair{&lists[0], "french-markers-fr"}, std::pair{&lists[1], "function-words-en"}}) {
      *list = impl->resources->word_list(name);
      if (!*list) {
        *status = ConfigError(std::string("missing word list ") + name + ".txt in " +
                              impl->resources->dictionaries_dir);
        return nullptr;
      }
      for (const std::string& w : **list) {
        if (w.size() > kLongestMarker) {
          *status = ConfigError(std::string("dictionaries/") + name + ".txt: '" + w + "' is longer than " +
                                std::to_string(kLongestMarker) + " bytes (the fast path's limit)");
          return nullptr;
        }
      }
    }
    impl->marker_lists = std::make_unique<MarkerLists>(*lists[0], *lists[1]);
  }
  impl->rule_nanos = std::vector<std::atomic<uint64_t>>(impl->rules.size());
  impl->pool = std::make_unique<SessionPool>(*impl->resources->lexicon);
  *status = Status::Ok();
  return std::unique_ptr<Pipeline>(new Pipeline(std::move(impl)));
}

// One document on its way through the stages.
struct DocumentRun {
  DocumentRun(const Document& d, Result& result, Session& s, const ByteSpans& kept_words)
      : doc(d), r(result), session(s), kept(kept_words), text(d.text) {
    r.map = OffsetMap(d.text.size());
  }
  const Document& doc;
  Result& r;
  Session& session;
  // Spans of the original no token rule edits inside: lines in another
  // language; no rule but normalisation: code blocks; no rule at all: the
  // words the user protects. The first two are found in the text as the
  // stages leave it (find_code_lines, find_foreign_lines).
  ByteSpans foreign;
  ByteSpans code;
  const ByteSpans& kept;
  DocumentNotes notes;
  DamageCounter damage;
  // The stages read the document itself until one edits it (no copy of a
  // text the pipeline may leave unchanged: docs/reliability.md, memory).
  std::string edited;
  std::string_view text;
};

size_t Pipeline::Impl::run_round(DocumentRun& d, Stage stage, int round) const {
  Result& r = d.r;
  DocumentEvidence& ev = r.evidence;
  using Clock = std::chrono::steady_clock;
  RuleContext ctx(stage, d.text, d.session.lexicon, *resources, options, d.notes, d.session.tokens);
  ctx.set_map(&r.map);
  ctx.set_thread_caches(&d.session.rule_caches);
  for (size_t ri = 0; ri < rules.size(); ++ri) {
    const LoadedRule& lr = rules[ri];
    if (lr.stage != stage || !lr.any_enabled) continue;
    ctx.set_rule(&lr.infos, &lr.enabled, lr.order);
    auto t0 = Clock::now();
    lr.rule->check(ctx);
    rule_nanos[ri] += static_cast<uint64_t>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - t0).count());
  }
  std::vector<Proposal>& proposals = ctx.proposals();
  if (proposals.empty()) {
    if (stage == Stage::kTokens && round == 0) d.damage.decide(count_words(ctx.tokens()), &ev);
    return 0;
  }
  // Each proposal widened to whole code points, and its span in the original.
  struct Placed {
    Proposal* p;
    Edit edit;
    size_t orig_begin, orig_end;
  };
  std::vector<Placed> placed;
  placed.reserve(proposals.size());
  for (Proposal& p : proposals) {
    auto [b, e] = r.map.widen(p.begin, p.end);
    Placed x{&p, Edit{b, e, std::string()}, 0, 0};
    x.edit.text.reserve(p.replacement.size() + (p.begin - b) + (e - p.end));
    x.edit.text.append(d.text, b, p.begin - b);
    x.edit.text.append(p.replacement);
    x.edit.text.append(d.text, p.end, e - p.end);
    x.orig_begin = r.map.to_original_begin(b);
    x.orig_end = b == e ? x.orig_begin : r.map.to_original_end(e);
    if (touches(d.kept, x.orig_begin, x.orig_end)) continue;
    if (stage == Stage::kTokens && touches(d.foreign, x.orig_begin, x.orig_end)) continue;
    if (stage != Stage::kNormalize && touches(d.code, x.orig_begin, x.orig_end)) continue;
    placed.push_back(std::move(x));
  }
  if (stage == Stage::kTokens) {
    // How damaged is the document? Then hold back the fixes it does not
    // support. Later rounds add what the repaired text shows ("présde" is a
    // strong signal once the garbled name beside it is corrected), as a
    // second cleaning would see it; the words are those of the first round.
    for (const Placed& x : placed) {
      d.damage.add_token_proposal(x.p->rule_info->id, x.p->applicability, x.p->confidence,
                                  x.p->replacement, x.orig_begin, x.orig_end);
    }
    d.damage.decide(round == 0 ? count_words(ctx.tokens()) : ev.words, &ev);
    if (options.assume_damaged) ev.damaged = ev.names_damaged = true;
    for (Placed& x : placed) {
      if (options.assume_damaged || x.p->applicability != Applicability::kSafe ||
          may_apply_boldly(x.p->rule_info->id, x.p->confidence, ev)) {
        continue;
      }
      x.p->applicability = Applicability::kSuggested;
      x.p->message += "; proposed only: the document shows no other damage";
    }
  }
  const Policy& policy = options.policy;
  size_t first = r.findings.size();
  r.findings.reserve(first + placed.size());  // exactly: a doubled vector of findings is the peak of a dense text
  EditList edits;
  for (size_t i = 0; i < placed.size(); ++i) {
    Placed& x = placed[i];
    Proposal& p = *x.p;
    Finding f;
    f.rule = p.rule_info->id;
    f.stage = stage;
    f.begin = x.orig_begin;
    f.end = x.orig_end;
    f.original = d.doc.text.substr(f.begin, f.end - f.begin);
    f.replacement = x.edit.text;
    f.confidence = p.confidence;
    f.applicability = p.applicability;
    f.status = FindingStatus::kNotApplied;
    f.message = std::move(p.message);
    bool applicable = !policy.apply_none && p.applicability != Applicability::kReport &&
                      p.applicability >= policy.level && p.confidence >= policy.min_confidence;
    if (applicable) edits.add(x.edit, p.confidence, p.rule_order, i);
    r.findings.push_back(std::move(f));
  }
  EditList::Resolution res = edits.resolve();
  for (size_t id : res.accepted) {
    Finding& f = r.findings[first + id];
    f.status = FindingStatus::kApplied;
    if (stage == Stage::kLines) d.damage.add_line_finding(f.rule, f.confidence);
  }
  for (const auto& [loser, winner] : res.conflicts) {
    r.findings[first + loser].status = FindingStatus::kConflict;
    r.findings[first + loser].conflict_with = r.findings[first + winner].rule;
  }
  std::vector<Edit> applied = edits.edits(res);
  if (!applied.empty()) {
    d.edited = apply_edits(d.text, applied);
    d.text = d.edited;
    r.map.compose(applied);
  }
  return applied.size();
}

// A stage runs again on its own output while its last round applied
// something (normalisation and tokens; the lines stage has rounds of its own
// in boilerplate.cc): a split word can leave a capital that is now inside a
// sentence ("teVoir" -> "te Voir" -> "te voir"), and a second cleaning must
// find nothing the first one enabled (docs/reliability.md, idempotency).
// Later passes (run_stages) fold every round over all earlier findings, the
// first pass only over the stage's own. Returns how many edits it applied.
size_t Pipeline::Impl::run_stage(DocumentRun& d, Stage stage, int pass, bool* settled) const {
  const int rounds = stage == Stage::kNormalize || stage == Stage::kTokens ? kStageRounds : 1;
  const size_t stage_first = d.r.findings.size();
  const size_t fold_first = pass == 0 ? stage_first : 0;
  std::vector<bool> drop;
  size_t applied = 0, first_round_applied = 0, last_round_applied = 0;
  bool met = false;
  size_t first_round_end = stage_first;
  for (int round = 0; round < rounds; ++round) {
    size_t round_first = d.r.findings.size();
    // Round 0 of the first pass weighs the document's damage (run_round).
    size_t n = run_round(d, stage, pass == 0 ? round : round + 1);
    if (round_first > fold_first) met |= fold_round(d.r.findings, fold_first, round_first, &drop);
    if (round == 0) first_round_end = d.r.findings.size(), first_round_applied = n;
    applied += n;
    last_round_applied = n;
    if (n == 0) break;
  }
  // Settled: the last round found nothing more to apply (rounds == 1: the
  // lines stage's own rounds, boilerplate.cc, are taken as settled).
  if (settled) *settled = rounds == 1 || last_round_applied == 0;
  // Only applied edits of a later round, or of a later pass that meet
  // earlier findings, can keep the findings from replaying: edits apart from
  // all others give the same text in any order.
  bool folded = applied > first_round_applied || (pass > 0 && applied > 0 && met);
  std::string replayed;
  if (!folded ||
      (replay_into(d.doc.text, d.r.findings, &drop, &replayed, nullptr).ok() && replayed == d.text)) {
    remove_marked(d.r.findings, drop);
    return applied;
  }
  // The folded rounds do not replay: the stage keeps its first round in the
  // first pass, which replays by itself (retouche apply relies on it), and
  // nothing in a later one.
  d.r.findings.resize(pass == 0 ? first_round_end : stage_first);
  Status st = replay_into(d.doc.text, d.r.findings, nullptr, &d.edited, &d.r.map);
  d.text = d.edited;
  (void)st;
  return pass == 0 ? first_round_applied : 0;
}

namespace {

// Spans of `text` (the document as the stages have left it) in original
// coordinates.
void to_original(const DocumentRun& d, ByteSpans* spans) {
  if (d.text.data() == d.doc.text.data()) return;
  for (auto& [b, e] : *spans) {
    size_t ob = d.r.map.to_original_begin(b);
    e = b == e ? ob : d.r.map.to_original_end(e);
    b = ob;
  }
}

}  // namespace

// Code lines are found in the normalised text and lines in another language
// in the text the tokens stage reads, as a second cleaning would find them: a
// control character, or a label the lines stage removes ("Introduction : "),
// can make a French line look foreign to CLD2, and the second cleaning, which
// no longer sees it, would then fix what the first left alone.
void Pipeline::Impl::find_code_lines(DocumentRun& d) const {
  d.code = code_lines(d.text);
  to_original(d, &d.code);
}

void Pipeline::Impl::find_foreign_lines(DocumentRun& d, int pass) const {
  d.foreign = marker_lists ? foreign_lines_fast(d.text, *marker_lists) : foreign_lines(d.text);
  if (pass == 0) d.r.evidence.foreign_lines = d.foreign.size();
  to_original(d, &d.foreign);
}

// The stages after normalisation run again, as a second cleaning would,
// while they change the text: a fix of a word can make a line recognisable
// as boilerplate (a cookie banner once its glued words are split) or leave a
// line that a hard wrap continues ("xtUn" -> "xt. Un"), and a line held as a
// doubtful headline on a page of share buttons and dates is prose once they
// are gone.
void Pipeline::Impl::run_stages(DocumentRun& d) const {
  auto timed = [&](Stage stage, int pass, bool* settled = nullptr) {
    auto start = std::chrono::steady_clock::now();
    size_t n = run_stage(d, stage, pass, settled);
    d.r.stage_seconds[static_cast<int>(stage)] +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return n;
  };
  timed(Stage::kNormalize, 0);
  find_code_lines(d);
  // Whether the tokens stage's last round applied nothing: when its rounds
  // ran out instead (one split of a glued word per round), the next pass
  // goes on with it.
  bool tokens_settled = true;
  for (int pass = 0; pass < kPipelinePasses; ++pass) {
    // A big document's tokens are not held while the lines stage builds its
    // own view of the lines (the memory bound of docs/reliability.md).
    if (d.session.tokens.capacity() > kKeptTokenCapacity) std::vector<text::Token>().swap(d.session.tokens);
    d.notes.clear();  // what the lines stage says of the text as it is now
    size_t applied = timed(Stage::kLines, pass);
    applied += timed(Stage::kStructure, pass);
    if (pass > 0 && applied == 0 && tokens_settled) return;  // nothing left for the tokens stage
    find_foreign_lines(d, pass);
    applied += timed(Stage::kTokens, pass, &tokens_settled);
    if (applied == 0) return;
  }
}

const std::vector<RuleDescription>& Pipeline::rules() const { return impl_->descriptions; }
const PipelineOptions& Pipeline::options() const { return impl_->options; }

std::map<std::string, double> Pipeline::rule_seconds() const {
  std::map<std::string, double> out;
  for (size_t i = 0; i < impl_->rules.size(); ++i) {
    out[impl_->rules[i].infos.front().id] += impl_->rule_nanos[i].load() / 1e9;
  }
  return out;
}

Status Pipeline::run(const Document& doc, Result* result) const {
  // Tokens hold 32-bit offsets (text/tokenizer.h); half the range leaves the
  // stages room to insert.
  if (doc.text.size() > text::kMaxTextBytes / 2) {
    return InputError("document of " + std::to_string(doc.text.size()) +
                      " bytes: the limit is 2 GiB per document (split it at paragraphs)");
  }
  if (!impl_->options.lossy_utf8) {
    size_t bad = utf8::find_invalid(doc.text);
    if (bad != utf8::kValid) {
      return InputError("invalid UTF-8 at " + position_of(doc.text, bad) +
                        " (use --lossy to replace invalid bytes)");
    }
  }
  std::unique_ptr<Session> session = impl_->pool->acquire();
  struct Release {
    SessionPool* pool;
    std::unique_ptr<Session>* s;
    ~Release() {
      // A huge document's token list is not kept for the next (small) ones.
      if ((*s)->tokens.capacity() > kKeptTokenCapacity) std::vector<text::Token>().swap((*s)->tokens);
      pool->release(std::move(*s));
    }
  } release{impl_->pool.get(), &session};

  Result r;
  DocumentEvidence& ev = r.evidence;
  if (impl_->language_gate) {
    // CLD2 calls a text with invalid UTF-8 (read with --lossy) undetermined.
    bool valid = !impl_->options.lossy_utf8 || utf8::find_invalid(doc.text) == utf8::kValid;
    if (impl_->marker_lists && valid && document_is_surely_french(doc.text, *impl_->marker_lists)) {
      ev.language = "fr";  // what CLD2 says of such a text; its share of French is not measured
      ev.french_percent = -1;
      ev.language_reliable = true;
      ev.french = true;
    } else {
      judge_document_language(doc.text, &ev);
    }
    if (!ev.french) {
      *result = unchanged(doc, ev);
      return Status::Ok();
    }
  }
  const ByteSpans kept = impl_->resources->keep_words ? impl_->resources->keep_words->find(doc.text)
                                                      : ByteSpans();
  DocumentRun run{doc, r, *session, kept};
  impl_->run_stages(run);
  std::string_view text = run.text;
  std::string& edited = run.edited;
  std::stable_sort(r.findings.begin(), r.findings.end(), [](const Finding& a, const Finding& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.stage < b.stage;
  });
  locate(doc.text, r.findings);
  assign_finding_ids(doc.text, &r.findings);
  if (text.data() == doc.text.data()) {
    r.clean_text = doc.text;
  } else {
    r.clean_text = std::move(edited);
  }
  *result = std::move(r);
  return Status::Ok();
}

Status replay_findings(const std::string& original, const std::vector<Finding>& findings,
                       std::string* clean_text) {
  return replay_into(original, findings, nullptr, clean_text, nullptr);
}

}  // namespace retouche
