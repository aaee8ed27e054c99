// One registration function per rule family; builtin.cc calls them in stage order.
#pragma once

namespace retouche {

class RuleRegistry;

void register_normalize_rules(RuleRegistry& r);
void register_boilerplate_rules(RuleRegistry& r);
void register_structure_rules(RuleRegistry& r);
void register_typography_rules(RuleRegistry& r);
void register_joins_rules(RuleRegistry& r);
void register_casing_rules(RuleRegistry& r);
void register_hard_wrap_rules(RuleRegistry& r);
void register_names_rules(RuleRegistry& r);

}  // namespace retouche
