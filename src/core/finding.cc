#include "retouche/finding.h"

#include <array>

namespace retouche {
namespace {
constexpr std::array<std::string_view, kStageCount> kStageNames = {"normalize", "lines",
                                                                   "structure", "tokens"};
constexpr std::array<std::string_view, 3> kApplicabilityNames = {"report", "suggested", "safe"};
constexpr std::array<std::string_view, 3> kStatusNames = {"applied", "not-applied", "conflict"};

template <typename Enum, size_t N>
std::optional<Enum> parse_name(const std::array<std::string_view, N>& names, std::string_view s) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == s) return static_cast<Enum>(i);
  }
  return std::nullopt;
}
}  // namespace

std::string_view stage_name(Stage s) { return kStageNames[static_cast<size_t>(s)]; }
std::optional<Stage> parse_stage(std::string_view n) { return parse_name<Stage>(kStageNames, n); }

std::string_view applicability_name(Applicability a) {
  return kApplicabilityNames[static_cast<size_t>(a)];
}
std::optional<Applicability> parse_applicability(std::string_view n) {
  return parse_name<Applicability>(kApplicabilityNames, n);
}

std::string_view finding_status_name(FindingStatus s) {
  return kStatusNames[static_cast<size_t>(s)];
}
std::optional<FindingStatus> parse_finding_status(std::string_view n) {
  return parse_name<FindingStatus>(kStatusNames, n);
}

std::string_view rule_family(std::string_view id) {
  size_t dot = id.find('.');
  return dot == std::string_view::npos ? id : id.substr(0, dot);
}

}  // namespace retouche
