// Inputs big enough to take seconds: run in the Release test pass only
// (label "slow"), not under the sanitizers.
#include <gtest/gtest.h>

#include "test_support.h"

namespace retouche {
namespace {

using testing::read;
using testing::run_cli;
using testing::TempDir;

// A 50 MB file that is one single line must be cleaned without a crash and
// completely (speed is measured by bench/, not here).
TEST(Slow, FiftyMegabyteSingleLine) {
  TempDir d;
  std::string sentence = "La Russie et l’Iran ont signé un accord. . Share ";
  std::string big;
  big.reserve(50u << 20);
  while (big.size() < (50u << 20)) big += sentence;
  testing::write(d / "big.txt", big);
  auto r = run_cli({"clean", d / "big.txt", "-o", d / "out"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string out = read(d / "out/big.txt");
  EXPECT_LT(out.size(), big.size());  // every ". ." became "."
  EXPECT_EQ(out.find(". ."), std::string::npos);
}

}  // namespace
}  // namespace retouche
