// The fuzz targets' checks without the fuzzer: every committed seed
// (corpus/TARGET/) and every input a fuzzer once failed on
// (regressions/TARGET/) goes through the same check function (checks.h).
//
// regressions/idempotency/ holds inputs that a second cleaning pass once
// changed (the first pass enabled a fix it did not make): a second pass must
// change none of them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "checks.h"

namespace retouche::fuzz {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file() && it->path().filename() != "README.md") out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<fs::path> inputs_of(const std::string& sub) { return files_in(fs::path(RETOUCHE_FUZZ_DIR) / sub); }

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class FuzzInputs : public ::testing::TestWithParam<const char*> {};

TEST_P(FuzzInputs, SeedsAndRegressionsKeepTheInvariants) {
  std::string target = GetParam();
  Check check = check_named(target);
  ASSERT_NE(check, nullptr);
  size_t n = 0;
  for (const char* kind : {"corpus", "regressions"}) {
    for (const fs::path& p : inputs_of(std::string(kind) + "/" + target)) {
      ++n;
      std::string why = check(read_bytes(p));
      EXPECT_EQ(why, "") << p.string();
    }
  }
  EXPECT_GT(n, 0u) << "no committed input for " << target;
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzInputs,
                         ::testing::Values("pipeline", "json_row", "findings", "line_stats", "config"),
                         [](const auto& info) { return std::string(info.param); });

TEST(FuzzIdempotency, SecondPassChangesNothing) {
  std::vector<std::string> failing;
  std::string details;
  // RETOUCHE_IDEMPOTENCY_DIR points the test at a fuzzer's reports instead
  // (tools/fuzz.sh: build/fuzz/reports/idempotency), to triage them.
  const char* other = std::getenv("RETOUCHE_IDEMPOTENCY_DIR");
  std::vector<fs::path> inputs =
      other && *other ? files_in(other) : inputs_of("regressions/idempotency");
  for (const fs::path& p : inputs) {
    std::string why = check_idempotent(read_bytes(p));
    if (why.empty()) continue;
    failing.push_back(p.filename().string());
    details += "  " + p.filename().string() + ": " + why + "\n";
  }
  EXPECT_TRUE(failing.empty()) << failing.size() << " of " << inputs.size()
                               << " inputs of tests/fuzz/regressions/idempotency/ change on a second pass:\n"
                               << details;
}

}  // namespace
}  // namespace retouche::fuzz
