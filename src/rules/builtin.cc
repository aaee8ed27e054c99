#include "pipeline/registry.h"
#include "rules/families.h"

namespace retouche {

const RuleRegistry& RuleRegistry::builtin() {
  static const RuleRegistry registry = [] {
    RuleRegistry r;
    register_normalize_rules(r);
    register_boilerplate_rules(r);
    register_structure_rules(r);
    register_hard_wrap_rules(r);
    register_typography_rules(r);
    register_missing_space_rules(r);
    register_glued_case_rules(r);
    register_glued_words_rules(r);
    register_casing_rules(r);
    register_names_rules(r);
    return r;
  }();
  return registry;
}

}  // namespace retouche
