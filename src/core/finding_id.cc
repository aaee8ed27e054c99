// Finding ids: short, stable names a reviewer can type.
#include <unordered_map>

#include "core/sha256.h"
#include "retouche/finding.h"

namespace retouche {

// 10 hex digits (40 bits): a document has at most thousands of findings, so a
// collision inside one document is improbable (~1e-6 for 1,000 findings), and
// assign_finding_ids() disambiguates it anyway. The stage is part of the key
// because a later stage may propose the same edit again on the same span.
std::string finding_id(std::string_view doc_sha256, const Finding& f) {
  std::string key;
  key.reserve(doc_sha256.size() + f.rule.size() + f.replacement.size() + 48);
  key.append(doc_sha256);
  key.push_back('\0');
  key.append(f.rule);
  key.push_back('\0');
  key.append(stage_name(f.stage));
  key.push_back('\0');
  key.append(std::to_string(f.begin));
  key.push_back('\0');
  key.append(std::to_string(f.end));
  key.push_back('\0');
  key.append(f.replacement);
  return sha256_hex(key).substr(0, 10);
}

void assign_finding_ids(std::string_view original, std::vector<Finding>* findings) {
  if (findings->empty()) return;
  std::string doc = sha256_hex(original);
  std::unordered_map<std::string, int> seen;
  for (Finding& f : *findings) {
    f.id = finding_id(doc, f);
    int n = ++seen[f.id];
    if (n > 1) f.id += "-" + std::to_string(n);
  }
}

}  // namespace retouche
