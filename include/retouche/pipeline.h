// retouche/pipeline.h — the cleaning pipeline: text in, cleaned text and findings out.
//
//   PipelineOptions opts;                    // defaults: apply safe fixes only
//   opts.data_dir = "/usr/share/retouche";   // holds corrections/ and dictionaries/
//   Status st;
//   std::unique_ptr<Pipeline> p = Pipeline::create(opts, &st);
//   if (!p) die(st.message());               // e.g. "French dictionary not found…"
//   Result r;
//   st = p->run(Document{"a.txt", text}, &r);
//   // r.clean_text, r.findings (sorted by position in the original), r.map
//
// A document flows through four stages (normalize → lines → structure →
// tokens). Each stage's rules see the previous stage's output and propose
// findings; the findings that policy allows are applied (see EditList for
// conflicts) and every finding is mapped back to the original bytes.
//
// Thread-safety: a Pipeline is immutable after create(); run() may be called
// from many threads at once. Each concurrent run borrows its own lexicon
// session (Hunspell handle and cache) from an internal pool, so the first run
// on a new thread pays the dictionary load (~50 ms) once.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "retouche/document.h"
#include "retouche/finding.h"
#include "retouche/offset_map.h"
#include "retouche/status.h"

namespace retouche {

struct Policy {
  bool apply_none = false;                             // --apply none: propose only
  Applicability level = Applicability::kSafe;          // --apply safe|suggested
  double min_confidence = 0.0;                         // --min-confidence
};

struct PipelineOptions {
  // Directory holding corrections/ and dictionaries/. Empty: the built-in default
  // (the source tree for a build-tree binary, share/retouche for an installed one).
  std::string data_dir;
  std::string hunspell_aff;  // empty: /usr/share/hunspell/fr_FR.aff
  std::string hunspell_dic;
  // The expanded lexicon table in front of Hunspell (same answers, faster),
  // cached in `lexicon_cache_dir`; empty: $RETOUCHE_CACHE_DIR, else
  // $XDG_CACHE_HOME/retouche, else ~/.cache/retouche. The first run builds it
  // (seconds); RETOUCHE_LEXICON_TABLE=0 in the environment switches it off.
  bool lexicon_table = true;
  std::string lexicon_cache_dir;
  Policy policy;
  // Rule ids or families ("names", "joins.glued") to switch on or off; a rule
  // off by default is enabled by naming it (or its family) in `enable`.
  std::vector<std::string> enable;
  std::vector<std::string> disable;
  bool lossy_utf8 = false;     // replace invalid UTF-8 (and report) instead of failing
  bool newline_lf = false;     // convert CRLF/CR line endings to LF (kept by default)
  // Corpus line statistics (`retouche stats`) for boilerplate.corpus-repeat:
  // a short line found in at least `line_stats_min_docs` documents is removed
  // (0: at least 5 documents and 1 in 1,000).
  std::string line_stats_path;
  uint64_t line_stats_min_docs = 0;
  // Words and phrases no rule may change (`--keep-words FILE`, repeatable):
  // one a line, `#` comments; see dictionaries/README.md.
  std::vector<std::string> keep_words_files;
  // A document whose language is not French is left unchanged (one report
  // finding). A language code here ("fr") cleans every document as that
  // language whatever the detector says (`--force-language fr`).
  std::string force_language;
  // Treat every document as damaged: safe fixes apply without the
  // document's own evidence (`--assume-damaged`; for text known to be dirty,
  // such as short snippets, and for testing rules one sentence at a time).
  bool assume_damaged = false;
  // Cheap checks that skip work whose answer they know (src/pipeline/fast_path.h);
  // the output is the same without them. RETOUCHE_FAST_PATH=0 in the
  // environment turns them off too.
  bool fast_path = true;
};

struct RuleDescription {
  std::string id;
  std::string family;
  Stage stage;
  Applicability applicability;
  bool enabled;  // under the options given to create()
  std::string description;
};

// What the pipeline found out about a document before deciding how boldly to
// clean it (reported in stats; see DESIGN.md, "Document evidence").
struct DocumentEvidence {
  std::string language = "un";  // CLD2's guess for the whole text ("fr", "en"…; "un": undetermined)
  int french_percent = 0;       // share of the text CLD2 scored as French; -1: not asked (the
                                // text reads plainly as French: pipeline/fast_path.h)
  bool language_reliable = false;
  bool french = true;           // cleaned as French (false: left unchanged)
  size_t foreign_lines = 0;     // lines in another language, which token rules leave alone
  size_t words = 0;             // word tokens of the text the token rules read
  // Artefacts the document shows, whatever the policy applies: the strong
  // proposals of the joins, case and typography rules and the boilerplate
  // lines removed by a pattern, and the name corrections of the table.
  int artefacts = 0;
  int artefact_kinds = 0;       // distinct rules among them
  int name_corrections = 0;     // distinct names corrected with strong evidence
  bool damaged = false;         // risky token fixes may apply (otherwise they are only proposed)
  bool names_damaged = false;   // name guesses may apply
};

struct Result {
  std::string clean_text;
  std::vector<Finding> findings;  // sorted by (begin, stage)
  OffsetMap map;                  // original <-> clean_text
  // Seconds spent per stage, for the benchmark's breakdown.
  double stage_seconds[kStageCount] = {0, 0, 0, 0};
  DocumentEvidence evidence;
};

class Pipeline {
 public:
  static std::unique_ptr<Pipeline> create(const PipelineOptions& options, Status* status);
  ~Pipeline();

  // Cleans one document. Fails (kInvalidInput) only on invalid UTF-8 without
  // `lossy_utf8`, naming the byte offset, line and column.
  Status run(const Document& doc, Result* result) const;

  const std::vector<RuleDescription>& rules() const;
  const PipelineOptions& options() const;

  // Per-rule time, summed over all runs so far (for the benchmark). Keys are
  // rule ids (a multi-id rule is counted under its first id).
  std::map<std::string, double> rule_seconds() const;

  struct Impl;

 private:
  explicit Pipeline(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Replays reviewed findings on the original text: applies, stage by stage,
// the findings whose status is "applied" (a reviewer deletes the lines of the
// fixes they reject). With the unedited findings of a run this gives exactly
// that run's clean_text. Fails if a finding does not fit the text (its
// `original` bytes differ from the span, or spans of one stage overlap).
Status replay_findings(const std::string& original, const std::vector<Finding>& findings,
                       std::string* clean_text);

}  // namespace retouche
