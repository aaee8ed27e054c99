// Document evidence: what the pipeline learns about a document before it
// decides how boldly to clean it (DESIGN.md, "Document evidence").
//
// Real text taught us that the same pattern is an artefact in a damaged
// document and correct French in an edited one ("euro,d'Allemagne" is a
// typo to propose in edited news; "afghanCela" among twenty other glued
// words is scrape damage to repair). So:
//  * language: a document CLD2 finds to be in another language is left
//    unchanged; in a French document, lines in another language are left
//    to the line rules (a pasted English headline) and never edited inside;
//  * damage: the strong signals the rules themselves raise, counted per
//    document. Token fixes apply only in a document that shows damage of
//    more than one kind; elsewhere they are proposed for review. Name
//    guesses also apply where several names were corrected with strong
//    evidence (a document of garbled names).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "retouche/finding.h"
#include "retouche/pipeline.h"

namespace retouche {

using ByteSpans = std::vector<std::pair<size_t, size_t>>;  // sorted [begin, end)

// Sets `language`, `french_percent`, `language_reliable` and `french`. A text
// is not French when CLD2 is reliably sure of another language and scores
// little of the text as French; short or undecided texts are French.
void judge_document_language(std::string_view text, DocumentEvidence* ev);

// The lines of `text` (content bytes, no terminator) that CLD2 reliably finds
// to be in another language. Lines too short to judge are not listed.
ByteSpans foreign_lines(std::string_view text);

// The lines of a code block: indented by four columns or a tab after a blank
// line (how markdown and pandoc set code apart). Each span takes in the line
// breaks around its lines, so that no join reaches into it.
ByteSpans code_lines(std::string_view text);

// Does [begin, end) touch one of the sorted spans? An empty range (an
// insertion) touches a span it lies strictly inside.
bool touches(const ByteSpans& spans, size_t begin, size_t end);

// Counts the damage signals of one document, stage by stage.
class DamageCounter {
 public:
  // A finding the lines stage applied.
  void add_line_finding(std::string_view rule, double confidence);
  // A proposal of the tokens stage, whatever the policy does with it, at
  // [orig_begin, orig_end) of the original. A later round proposes again what
  // an earlier one held back: each rule's span counts once.
  void add_token_proposal(std::string_view rule, Applicability applicability, double confidence,
                          std::string_view replacement, size_t orig_begin, size_t orig_end);
  // Fills the damage fields of `ev` for a text of `words` word tokens. A
  // document found damaged stays so when it is decided again after a round
  // of repairs (which can raise a signal a garbled neighbour hid, and which
  // a second cleaning would read).
  void decide(size_t words, DocumentEvidence* ev);

 private:
  // The spans counted by earlier decide() calls, sorted, and those of the
  // round being counted (rule ids outlive the counter).
  using Counted = std::tuple<size_t, size_t, std::string_view>;
  std::vector<Counted> counted_, pending_;
  bool decided_damaged_ = false;
  int artefacts_ = 0;
  std::vector<std::string> kinds_;
  std::vector<std::string> names_;  // canonical forms corrected with strong evidence
};

// May a tokens-stage finding of `rule` at the safe level apply in this
// document? (Otherwise it is proposed at the suggested level.)
bool may_apply_boldly(std::string_view rule, double confidence, const DocumentEvidence& ev);

}  // namespace retouche
