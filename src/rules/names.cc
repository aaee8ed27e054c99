// names.* — garbled and foreign spellings of proper names, corrected to the
// usual French form from the curated table (corrections/names/) and a
// transliteration-aware matcher (lexicon/name_matcher.h).
//
//   names.variant       a spelling the table lists as wrong ("Jarevan" -> Erevan)
//   names.fuzzy         an unknown capitalised word close to one name only
//   names.consistency   the same name in one document: a form close to a
//                       name corrected elsewhere in it ("Bach" after "Bagu" ->
//                       Bakou), or an accepted spelling beside the canonical
//   names.unknown       an unknown word with no good candidate: reported only
//   names.house-spelling (off) accepted spellings -> the table's canonical
//
// The rule reads a document in steps (rules/names_steps.h): find the
// table's forms and the unknown capitalised words, look the unknown ones up
// and decide with the sentence's cues, add the first names of corrected
// surnames, then emit with the document's evidence.
#include <memory>

#include "lexicon/name_matcher.h"
#include "pipeline/registry.h"
#include "pipeline/resources.h"
#include "pipeline/rule.h"
#include "rules/families.h"
#include "rules/names_steps.h"
#include "rules/word_knowledge.h"

namespace retouche {
namespace {

using name_steps::Candidates;
using name_steps::Hit;
using name_steps::NameDoc;

class Names : public Rule {
 public:
  Names(std::shared_ptr<const NameMatcher> matcher, const NameTable& table, WordLists lists)
      : matcher_(std::move(matcher)), lists_(lists), people_(table) {}

  std::vector<RuleInfo> infos() const override {
    return {{"names.variant", Stage::kTokens, Applicability::kSafe,
             "a spelling of a name the table lists as wrong or foreign ('Jarevan' -> 'Erevan', "
             "'Volodimir Jelensky' -> 'Volodymyr Zelensky')"},
            {"names.fuzzy", Stage::kTokens, Applicability::kSafe,
             "an unknown capitalised word close to exactly one name of the table "
             "('Pioniang' -> 'Pyongyang'); confidence from the margin over the runner-up"},
            {"names.consistency", Stage::kTokens, Applicability::kSafe,
             "a name written two ways in one document: a form close to a name corrected elsewhere "
             "('Bach' after 'Bagu' -> 'Bakou'), or an accepted spelling beside the canonical one"},
            {"names.unknown", Stage::kTokens, Applicability::kReport,
             "an unknown word that looks garbled and has no good candidate (reported only)"},
            {"names.house-spelling", Stage::kTokens, Applicability::kSafe,
             "accepted spellings turned into the table's canonical one ('Kyiv' -> 'Kiev', "
             "'Erdogan' -> 'Erdoğan'); off by default", false}};
  }

  void check(RuleContext& ctx) const override {
    WordKnowledge wk(ctx.lexicon(), *ctx.resources().names, lists_);
    NameDoc doc(ctx.text(), ctx.tokens(), *ctx.resources().names, wk, people_,
                ctx.thread_cache<name_steps::ThreadCache>(this));
    Candidates found = name_steps::find_candidates(doc);
    name_steps::match_unknowns(doc, *matcher_, found.unknowns, found.hits);
    std::vector<Hit> firsts = name_steps::first_names_before_surnames(doc, found.hits);
    name_steps::emit(ctx, doc, found, std::move(firsts));
  }

 private:
  std::shared_ptr<const NameMatcher> matcher_;
  WordLists lists_;
  name_steps::People people_;
};

}  // namespace

void register_names_rules(RuleRegistry& r) {
  r.add("names", [](const Resources& res, Status* st) -> std::unique_ptr<Rule> {
    WordLists lists;
    *st = lists.load(res);
    if (!st->ok()) return nullptr;
    return std::make_unique<Names>(res.name_matcher, *res.names, lists);
  });
}

}  // namespace retouche
