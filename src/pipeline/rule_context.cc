#include <re2/re2.h>

#include "pipeline/resources.h"
#include "pipeline/rule.h"

namespace retouche {

RuleContext::RuleContext(Stage stage, std::string_view text, Lexicon& lexicon,
                         const Resources& resources, const PipelineOptions& options,
                         DocumentNotes& notes, std::vector<text::Token>& token_buffer)
    : stage_(stage),
      text_(text),
      lexicon_(lexicon),
      resources_(resources),
      options_(options),
      notes_(notes),
      tokens_(token_buffer) {}

const LineIndex& RuleContext::lines() {
  if (!lines_) lines_.emplace(text_);
  return *lines_;
}

const std::vector<std::pair<size_t, size_t>>& RuleContext::protected_spans() {
  if (!protected_) {
    protected_.emplace();
    if (resources_.protected_spans) {
      re2::StringPiece input(text_.data(), text_.size());
      re2::StringPiece match;
      size_t pos = 0;
      while (pos <= text_.size() &&
             resources_.protected_spans->Match(input, pos, text_.size(), RE2::UNANCHORED, &match,
                                               1)) {
        size_t b = static_cast<size_t>(match.data() - text_.data());
        size_t e = b + match.size();
        if (e == b) {  // an empty match protects nothing; move on
          pos = b + 1;
          continue;
        }
        protected_->emplace_back(b, e);
        pos = e;
      }
    }
  }
  return *protected_;
}

const std::vector<text::Token>& RuleContext::tokens() {
  if (!tokens_ready_) {
    text::tokenize(text_, protected_spans(), &tokens_);
    tokens_ready_ = true;
  }
  return tokens_;
}

void RuleContext::propose(int info, size_t begin, size_t end, std::string replacement,
                          double confidence, std::string message,
                          std::optional<Applicability> level) {
  if (!enabled(info)) return;
  const RuleInfo& ri = (*infos_)[static_cast<size_t>(info)];
  Applicability applicability = level ? *level : ri.applicability;
  // A proposal that changes nothing is dropped, except a report: it only
  // points at something for a reviewer ("this word may be garbled").
  if (applicability != Applicability::kReport && text_.substr(begin, end - begin) == replacement) return;
  Proposal p;
  p.info = info;
  p.begin = begin;
  p.end = end;
  p.replacement = std::move(replacement);
  p.confidence = confidence;
  p.applicability = applicability;
  p.message = std::move(message);
  p.rule_order = order_;
  p.rule_info = &ri;
  proposals_.push_back(std::move(p));
}

}  // namespace retouche
