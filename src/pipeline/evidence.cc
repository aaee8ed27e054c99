#include "pipeline/evidence.h"

#include <algorithm>

#include "core/line_index.h"
#include "text/language.h"

namespace retouche {
namespace {

// Below this much scored text CLD2's guess is a guess: the document is French.
constexpr int kMinScoredBytesForDocument = 120;
constexpr int kMinScoredBytesUnreliable = 1000;
// A line needs this many scored letters before its language is judged: a
// headline of four words is left to the line rules and their word lists.
constexpr int kMinScoredBytesForLine = 60;
// A document with this share of French or more is French, whatever ranks first
// (a French article quoting a long English passage).
constexpr int kMinFrenchPercent = 30;
// A foreign line scores at most this much French.
constexpr int kMaxFrenchPercentInForeignLine = 10;

// Damage thresholds. An artefact is a strong proposal of a joins, case or
// typography rule, or a line of page furniture removed by a pattern. Edited
// news shows at most a few of one kind per document (a missing space after
// a comma, a doubled period: real typos, proposed); scraped or
// machine-translated text shows many, of several kinds.
constexpr int kMinArtefacts = 2;
constexpr int kMinArtefactKinds = 2;
// Or one kind, densely: this many per 1,000 words, at least kMinDenseArtefacts.
constexpr double kDenseArtefactsPerThousand = 8.0;
constexpr int kMinDenseArtefacts = 3;
// Name guesses apply beside this many distinct names corrected with strong
// evidence (the table's listed spellings, close guesses in a sure context).
constexpr int kMinNameCorrections = 2;

// Lines removed as furniture count from this confidence up: patterns (0.95
// and more), duplicates, foreign lines and corpus repeats, not the guess that
// a title-like line is an unrelated headline (0.85).
constexpr double kStrongTokenConfidence = 0.6;
constexpr double kStrongLineConfidence = 0.88;
constexpr double kStrongVariantConfidence = 0.9;
constexpr double kStrongGuessConfidence = 0.8;

bool family_is(std::string_view rule, std::string_view family) { return rule_family(rule) == family; }

}  // namespace

void judge_document_language(std::string_view text, DocumentEvidence* ev) {
  text::LanguageGuess g = text::detect_language(text);
  ev->language = g.code;
  ev->french_percent = g.french_percent;
  ev->language_reliable = g.reliable;
  // CLD2 calls a long page with markup or several scripts unreliable even when
  // it holds next to no French: enough text decides as well.
  bool enough = g.reliable || g.scored_bytes >= kMinScoredBytesUnreliable;
  ev->french = !(enough && !g.french() && g.code != "un" &&
                 g.scored_bytes >= kMinScoredBytesForDocument && g.french_percent < kMinFrenchPercent);
}

ByteSpans foreign_lines(std::string_view text) {
  ByteSpans out;
  LineIndex lines(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    // A line shorter than this cannot hold kMinScoredBytesForLine letters.
    if (l.content_end - l.begin < static_cast<size_t>(kMinScoredBytesForLine)) continue;
    text::LanguageGuess g = text::detect_language(text.substr(l.begin, l.content_end - l.begin));
    if (g.reliable && !g.french() && g.code != "un" && g.scored_bytes >= kMinScoredBytesForLine &&
        g.french_percent <= kMaxFrenchPercentInForeignLine) {
      out.emplace_back(l.begin, l.content_end);
    }
  }
  return out;
}

namespace {

bool indented_as_code(std::string_view line) {
  if (line.empty()) return false;
  size_t n = line.find_first_not_of(' ');
  bool indented = line[0] == '\t' || (n != std::string_view::npos && n >= 4);
  return indented && line.find_first_not_of(" \t") != std::string_view::npos;
}

}  // namespace

ByteSpans code_lines(std::string_view text) {
  ByteSpans out;
  LineIndex lines(text);
  // A code block opens after a blank line (as markdown requires) and runs
  // over indented and blank lines; an indented line right under a line of
  // prose is a paragraph's indent.
  bool after_blank = true, in_block = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    std::string_view content = text.substr(l.begin, l.content_end - l.begin);
    if (content.find_first_not_of(" \t") == std::string_view::npos) {
      after_blank = true;
      continue;
    }
    in_block = indented_as_code(content) && (in_block || after_blank);
    after_blank = false;
    if (!in_block) continue;
    size_t b = l.begin > 0 ? l.begin - 1 : 0;
    size_t e = std::min(l.content_end + 1, text.size());
    if (!out.empty() && out.back().second >= b) {
      out.back().second = e;
    } else {
      out.emplace_back(b, e);
    }
  }
  return out;
}

bool touches(const ByteSpans& spans, size_t begin, size_t end) {
  // The first span ending after `begin` (the spans are sorted and disjoint,
  // so their ends are sorted too).
  auto it = std::lower_bound(spans.begin(), spans.end(), begin,
                             [](const std::pair<size_t, size_t>& s, size_t pos) { return s.second <= pos; });
  if (it == spans.end()) return false;
  if (begin == end) return it->first < begin;  // an insertion strictly inside
  return it->first < end;
}

void DamageCounter::add_line_finding(std::string_view rule, double confidence) {
  if (!family_is(rule, "boilerplate") || confidence < kStrongLineConfidence) return;
  ++artefacts_;
  if (std::find(kinds_.begin(), kinds_.end(), "boilerplate") == kinds_.end()) kinds_.emplace_back("boilerplate");
}

void DamageCounter::add_token_proposal(std::string_view rule, Applicability applicability,
                                       double confidence, std::string_view replacement, size_t orig_begin,
                                       size_t orig_end) {
  if (applicability != Applicability::kSafe) return;
  Counted key{orig_begin, orig_end, rule};
  if (std::binary_search(counted_.begin(), counted_.end(), key)) return;
  pending_.push_back(key);
  if (family_is(rule, "names")) {
    bool strong = (rule == "names.variant" && confidence >= kStrongVariantConfidence) ||
                  (rule == "names.fuzzy" && confidence >= kStrongGuessConfidence);
    if (strong && std::find(names_.begin(), names_.end(), replacement) == names_.end()) {
      names_.emplace_back(replacement);
    }
    return;
  }
  if (!(family_is(rule, "joins") || family_is(rule, "case") || family_is(rule, "typography"))) return;
  if (confidence < kStrongTokenConfidence) return;
  ++artefacts_;
  if (std::find(kinds_.begin(), kinds_.end(), rule) == kinds_.end()) kinds_.emplace_back(rule);
}

void DamageCounter::decide(size_t words, DocumentEvidence* ev) {
  std::sort(pending_.begin(), pending_.end());
  size_t middle = counted_.size();
  counted_.insert(counted_.end(), pending_.begin(), pending_.end());
  std::inplace_merge(counted_.begin(), counted_.begin() + static_cast<std::ptrdiff_t>(middle), counted_.end());
  pending_.clear();
  ev->words = words;
  ev->artefacts = artefacts_;
  ev->artefact_kinds = static_cast<int>(kinds_.size());
  ev->name_corrections = static_cast<int>(names_.size());
  double per_thousand = words == 0 ? 0 : 1000.0 * artefacts_ / static_cast<double>(words);
  ev->damaged = decided_damaged_ ||
                (artefacts_ >= kMinArtefacts && ev->artefact_kinds >= kMinArtefactKinds) ||
                (artefacts_ >= kMinDenseArtefacts && per_thousand >= kDenseArtefactsPerThousand);
  decided_damaged_ = ev->damaged;
  ev->names_damaged = ev->damaged || ev->name_corrections >= kMinNameCorrections;
}

bool may_apply_boldly(std::string_view rule, double confidence, const DocumentEvidence& ev) {
  if (!family_is(rule, "names")) return ev.damaged;
  // A listed spelling is the table's knowledge; a guess from closeness
  // alone ("Sinaloa" -> "Chine") needs other names garbled beside it, or a
  // damaged text and a close match in a sure context.
  if (rule == "names.variant") return ev.names_damaged;
  if (rule == "names.house-spelling") return true;  // a spelling the user asked for, not a guess
  return ev.name_corrections >= kMinNameCorrections ||
         (ev.damaged && confidence >= kStrongGuessConfidence);
}

}  // namespace retouche
