// Golden end-to-end tests over samples/: the reviewed expected outputs, and
// properties that must hold for every sample and every test input:
//   * the diff applied with `patch` gives the cleaned text;
//   * cleaning is idempotent: clean(clean(x)) == clean(x);
//   * replaying the unedited findings gives the cleaned text.
#include <gtest/gtest.h>

#include <filesystem>

#include "io/diff_writer.h"
#include "io/findings_io.h"
#include "test_support.h"

namespace retouche {
namespace {

namespace fs = std::filesystem;
using testing::read;

// The first line where two texts differ, for a readable failure message.
std::string first_difference(const std::string& got, const std::string& want) {
  size_t line = 1, i = 0;
  while (i < got.size() && i < want.size() && got[i] == want[i]) {
    if (got[i] == '\n') ++line;
    ++i;
  }
  if (i == got.size() && i == want.size()) return "";
  auto line_at = [&](const std::string& s) {
    size_t b = s.rfind('\n', i == 0 ? 0 : i - 1);
    b = (b == std::string::npos || i == 0) ? 0 : b + 1;
    size_t e = s.find('\n', i);
    return s.substr(b, e == std::string::npos ? std::string::npos : e - b);
  };
  return "line " + std::to_string(line) + "\n  got:  " + line_at(got) + "\n  want: " + line_at(want);
}

std::vector<std::string> files_in(const std::string& dir, bool samples_only) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (!name.ends_with(".txt") || (samples_only && name.ends_with(".expected.txt"))) continue;
    out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> samples() { return files_in(testing::source_dir() + "/samples", true); }

std::vector<std::string> all_inputs() {
  auto v = samples();
  auto extra = files_in(testing::source_dir() + "/tests/data", false);
  v.insert(v.end(), extra.begin(), extra.end());
  return v;
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, MatchesReviewedOutput) {
  std::string path = GetParam();
  std::string stem = path.substr(0, path.size() - 4);
  std::string name = fs::path(path).filename().string();
  Result r = testing::clean(read(path));
  ASSERT_TRUE(fs::exists(stem + ".expected.txt")) << "no reviewed output for " << name
                                                  << " (tools/update-golden.sh, then review)";
  EXPECT_EQ(first_difference(r.clean_text, read(stem + ".expected.txt")), "") << name;
  EXPECT_EQ(first_difference(unified_diff(read(path), r.clean_text, r.map, name),
                             read(stem + ".expected.diff")),
            "")
      << name << " (diff)";
}

INSTANTIATE_TEST_SUITE_P(Samples, Golden, ::testing::ValuesIn(samples()),
                         [](const auto& info) {
                           std::string n = fs::path(info.param).stem().string();
                           for (char& c : n) if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

class Properties : public ::testing::TestWithParam<std::string> {};

TEST_P(Properties, DiffPatchesIdempotentAndReplayable) {
  std::string path = GetParam();
  std::string original = read(path);
  Result r = testing::clean(original);

  // patch
  testing::TempDir d;
  testing::write(d / "doc.txt", original);
  testing::write(d / "doc.diff", unified_diff(original, r.clean_text, r.map, "doc.txt"));
  std::string cmd = "cd '" + d.path() + "' && patch -p1 --quiet --binary < doc.diff > /dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_EQ(read(d / "doc.txt"), r.clean_text) << path;

  // idempotence
  Result again = testing::clean(r.clean_text);
  EXPECT_EQ(again.clean_text, r.clean_text) << path;
  for (const Finding& f : again.findings) {
    EXPECT_NE(f.status, FindingStatus::kApplied) << path << ": second pass applied " << f.rule << " at "
                                                 << f.line << ":" << f.column << " '" << f.original
                                                 << "' -> '" << f.replacement << "'";
  }

  // replay through the JSONL file format
  std::vector<Finding> back;
  std::vector<std::string> hashes;
  ASSERT_TRUE(parse_findings_jsonl(findings_jsonl(r.findings, "h"), "f", &back, &hashes).ok());
  std::string replayed;
  ASSERT_TRUE(replay_findings(original, back, &replayed).ok());
  EXPECT_EQ(replayed, r.clean_text) << path;
}

INSTANTIATE_TEST_SUITE_P(Inputs, Properties, ::testing::ValuesIn(all_inputs()),
                         [](const auto& info) {
                           std::string n = fs::path(info.param).stem().string();
                           for (char& c : n) if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

}  // namespace
}  // namespace retouche
