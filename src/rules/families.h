// One registration function per rule family, or per file of a family whose
// rules live in several files (joins); builtin.cc calls them in stage order.
#pragma once

namespace retouche {

class RuleRegistry;

void register_normalize_rules(RuleRegistry& r);
void register_boilerplate_rules(RuleRegistry& r);
void register_structure_rules(RuleRegistry& r);
void register_typography_rules(RuleRegistry& r);
void register_missing_space_rules(RuleRegistry& r);  // joins.missing-space
void register_glued_case_rules(RuleRegistry& r);     // joins.glued
void register_glued_words_rules(RuleRegistry& r);    // joins.glued-words
void register_casing_rules(RuleRegistry& r);
void register_hard_wrap_rules(RuleRegistry& r);
void register_names_rules(RuleRegistry& r);

}  // namespace retouche
