#include "io/findings_io.h"

#include <gtest/gtest.h>

#include "core/sha256.h"
#include "test_support.h"

namespace retouche {
namespace {

TEST(FindingsIo, RoundTripKeepsEveryField) {
  std::string text = "Apr 5, 2025\nShare\nLe groupeEt Washington\u2019s\n";
  Result r = testing::clean(text);
  Finding extra{};
  extra.id = "0123456789";
  extra.rule = "names.fuzzy";
  extra.stage = Stage::kTokens;
  extra.begin = 2;
  extra.end = 4;
  extra.original = "r ";
  extra.replacement = "\"quoted\" \\ é\n";
  extra.confidence = 0.5;
  extra.applicability = Applicability::kReport;
  extra.status = FindingStatus::kConflict;
  extra.conflict_with = "joins.glued";
  extra.message = "a message with \t tab";
  r.findings.push_back(extra);
  std::string hash = sha256_hex(text);
  std::string jsonl = findings_jsonl(r.findings, hash);
  std::vector<Finding> back;
  std::vector<std::string> hashes;
  ASSERT_TRUE(parse_findings_jsonl(jsonl, "f.jsonl", &back, &hashes).ok());
  ASSERT_EQ(back.size(), r.findings.size());
  for (size_t i = 0; i < back.size(); ++i) {
    const Finding& a = r.findings[i];
    const Finding& b = back[i];
    EXPECT_EQ(hashes[i], hash);
    EXPECT_EQ(a.rule, b.rule);
    EXPECT_EQ(a.stage, b.stage);
    EXPECT_EQ(a.begin, b.begin);
    EXPECT_EQ(a.end, b.end);
    EXPECT_EQ(a.line, b.line);
    EXPECT_EQ(a.column, b.column);
    EXPECT_EQ(a.cp_begin, b.cp_begin);
    EXPECT_EQ(a.cp_end, b.cp_end);
    EXPECT_EQ(a.original, b.original);
    EXPECT_EQ(a.replacement, b.replacement);
    EXPECT_NEAR(a.confidence, b.confidence, 1e-3);
    EXPECT_EQ(a.applicability, b.applicability);
    EXPECT_EQ(a.status, b.status);
    EXPECT_EQ(a.conflict_with, b.conflict_with);
    EXPECT_EQ(a.message, b.message);
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.id.size(), 10u);
  }
}

TEST(FindingsIo, MalformedLinesAreNamedByLine) {
  struct Case {
    std::string text;
    std::string error;
  };
  static const Case kCases[] = {
      {"{\"doc\":\"x\"", "f.jsonl:1:"},
      {"\n[1,2]\n", "f.jsonl:2: a finding must be a JSON object"},
      {R"({"doc":"x","rule":"r","stage":"lines","begin":-1,"end":2,"original":"","replacement":"","status":"applied"})",
       "\"begin\" must be a non-negative integer"},
      {R"({"doc":"x","rule":"r","stage":"nowhere","begin":1,"end":2,"original":"","replacement":"","status":"applied"})",
       "unknown stage"},
      {R"({"doc":"x","rule":"r","stage":"lines","begin":1,"end":2,"original":"","status":"applied"})",
       "no \"replacement\""},
  };
  for (const Case& c : kCases) {
    std::vector<Finding> f;
    std::vector<std::string> h;
    Status st = parse_findings_jsonl(c.text, "f.jsonl", &f, &h);
    ASSERT_FALSE(st.ok()) << c.text;
    EXPECT_NE(st.message().find(c.error), std::string::npos) << st.message();
  }
}

TEST(FindingsIo, CodePointOffsetsIndexLikePython) {
  std::string text = "é\u2019Share\nShare\n";
  Result r = testing::clean(text);
  ASSERT_FALSE(r.findings.empty());
  const Finding& f = r.findings.back();  // the "Share" line
  EXPECT_EQ(f.begin, 11u);  // bytes: é(2) ’(3) Share(5) \n(1)
  EXPECT_EQ(f.cp_begin, 8u);
  EXPECT_EQ(f.cp_end, 14u);
  EXPECT_EQ(f.line, 2u);
  EXPECT_EQ(f.column, 1u);
}

}  // namespace
}  // namespace retouche
