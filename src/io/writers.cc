// The public face (retouche/writers.h) of the writers the CLI uses.
#include "retouche/writers.h"

#include "core/sha256.h"
#include "io/diff_writer.h"
#include "io/findings_io.h"

namespace retouche {

std::string write_findings_jsonl(std::string_view original, const std::vector<Finding>& findings) {
  return findings_jsonl(findings, sha256_hex(original));
}

Status read_findings_jsonl(std::string_view text, const std::string& path, std::vector<Finding>* findings,
                           std::vector<std::string>* hashes) {
  return parse_findings_jsonl(text, path, findings, hashes);
}

std::string write_unified_diff(std::string_view original, const Result& result, const std::string& path) {
  return unified_diff(original, result.clean_text, result.map, path);
}

std::string text_sha256(std::string_view text) { return sha256_hex(text); }

}  // namespace retouche
