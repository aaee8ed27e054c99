// RuleRegistry: rule factories by id. Each rule family registers its rules in
// one function (register_<family>_rules), or one per file when its rules live
// in several files (joins); builtin.cc lists them. The pipeline builds every
// registered rule and filters by --enable/--disable.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/rule.h"
#include "retouche/status.h"

namespace retouche {

struct Resources;

class RuleRegistry {
 public:
  // A factory may fail (bad data file): it returns null and fills the status.
  using Factory = std::function<std::unique_ptr<Rule>(const Resources&, Status*)>;

  void add(std::string name, Factory factory) {
    entries_.push_back({std::move(name), std::move(factory)});
  }
  struct Entry {
    std::string name;
    Factory factory;
  };
  const std::vector<Entry>& entries() const { return entries_; }

  // Every built-in rule, in stage order (registration order breaks ties in conflicts).
  static const RuleRegistry& builtin();

 private:
  std::vector<Entry> entries_;
};

}  // namespace retouche
