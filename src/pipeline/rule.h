// The rule author's API. A rule is a small immutable object that looks at the
// text of one stage and proposes edits through its RuleContext:
//
//   class DoubledPunctuation : public Rule {
//    public:
//     std::vector<RuleInfo> infos() const override {
//       return {{"typography.doubled-punctuation", Stage::kTokens, Applicability::kSafe,
//                "a sentence end typed twice ('. .', ',,')"}};
//     }
//     void check(RuleContext& ctx) const override {
//       ... ctx.propose(0, begin, end, ".", 0.97, "doubled period");
//     }
//   };
//
// Rules never apply anything themselves and never see other rules' proposals
// of the same stage; the pipeline resolves conflicts and applies by policy.
// Rules are registered by id in a RuleRegistry (see registry.h); the pipeline
// never names a rule.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/line_index.h"
#include "retouche/offset_map.h"
#include "retouche/finding.h"
#include "text/tokenizer.h"

namespace retouche {

class Lexicon;
struct Resources;
struct PipelineOptions;
class DocumentNotes;

struct RuleInfo {
  std::string id;
  Stage stage;
  Applicability applicability;  // the level of its fixes unless a proposal says otherwise
  std::string description;      // one line, for --list-rules
  bool default_enabled = true;
};

struct Proposal {
  int info = 0;  // index into the rule's infos()
  const RuleInfo* rule_info = nullptr;
  size_t begin = 0, end = 0;  // current-text bytes
  std::string replacement;
  double confidence = 1.0;
  Applicability applicability = Applicability::kSafe;
  std::string message;
  int rule_order = 0;
};

class RuleContext {
 public:
  RuleContext(Stage stage, std::string_view text, Lexicon& lexicon, const Resources& resources,
              const PipelineOptions& options, DocumentNotes& notes,
              std::vector<text::Token>& token_buffer);

  Stage stage() const { return stage_; }
  std::string_view text() const { return text_; }
  const LineIndex& lines();
  const std::vector<text::Token>& tokens();
  // Sorted spans no token rule may edit inside (URLs, e-mail addresses, file names).
  const std::vector<std::pair<size_t, size_t>>& protected_spans();
  Lexicon& lexicon() { return lexicon_; }
  const Resources& resources() const { return resources_; }
  const PipelineOptions& options() const { return options_; }
  DocumentNotes& notes() { return notes_; }
  // The map from this stage's text back to the original document.
  const OffsetMap& map() const { return *map_; }
  void set_map(const OffsetMap* map) { map_ = map; }

  // Proposes replacing current bytes [begin, end) with `replacement`.
  // `level` overrides the rule's default applicability for this finding.
  void propose(int info, size_t begin, size_t end, std::string replacement, double confidence,
               std::string message, std::optional<Applicability> level = std::nullopt);

  // Set by the pipeline before each rule runs.
  void set_rule(const std::vector<RuleInfo>* infos, const std::vector<bool>* enabled, int order) {
    infos_ = infos;
    enabled_ = enabled;
    order_ = order;
  }
  bool enabled(int info) const { return (*enabled_)[static_cast<size_t>(info)]; }
  std::vector<Proposal>& proposals() { return proposals_; }

  // Memory a rule keeps from document to document on this thread (answers
  // worth remembering across documents, e.g. name matches of unknown words).
  // `owner` identifies the cache (the rule object); T is default-constructed
  // on first use. The rule bounds what it stores.
  template <class T>
  T& thread_cache(const void* owner) {
    std::shared_ptr<void>& slot = (*thread_caches_)[owner];
    if (!slot) slot = std::make_shared<T>();
    return *static_cast<T*>(slot.get());
  }
  void set_thread_caches(std::unordered_map<const void*, std::shared_ptr<void>>* caches) {
    thread_caches_ = caches;
  }

 private:
  Stage stage_;
  std::string_view text_;
  Lexicon& lexicon_;
  const Resources& resources_;
  const PipelineOptions& options_;
  DocumentNotes& notes_;
  std::optional<LineIndex> lines_;
  std::vector<text::Token>& tokens_;
  bool tokens_ready_ = false;
  std::optional<std::vector<std::pair<size_t, size_t>>> protected_;
  const std::vector<RuleInfo>* infos_ = nullptr;
  const std::vector<bool>* enabled_ = nullptr;
  int order_ = 0;
  std::vector<Proposal> proposals_;
  const OffsetMap* map_ = nullptr;
  std::unordered_map<const void*, std::shared_ptr<void>>* thread_caches_ = nullptr;
};

class Rule {
 public:
  virtual ~Rule() = default;
  // The ids this rule reports under; most rules have exactly one.
  virtual std::vector<RuleInfo> infos() const = 0;
  virtual void check(RuleContext& ctx) const = 0;
};

}  // namespace retouche
