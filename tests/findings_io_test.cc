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

// Bytes that are not UTF-8 cannot be a JSON string: "original_hex" carries
// them, so a --lossy run's findings replay exactly.
TEST(FindingsIo, OriginalBytesThatAreNotUtf8SurviveTheRoundTrip) {
  Finding f;
  f.rule = "normalize.invalid-utf8";
  f.stage = Stage::kNormalize;
  f.begin = 3;
  f.end = 5;
  f.original = "\xE2\x80";
  f.replacement = "\xEF\xBF\xBD";
  f.status = FindingStatus::kApplied;
  std::string jsonl = findings_jsonl({f}, "h");
  EXPECT_NE(jsonl.find(R"("original":"\ufffd\ufffd","original_hex":"e280")"), std::string::npos) << jsonl;
  std::vector<Finding> back;
  std::vector<std::string> hashes;
  ASSERT_TRUE(parse_findings_jsonl(jsonl, "f.jsonl", &back, &hashes).ok());
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].original, f.original);
  // Valid UTF-8 gets no hex field.
  f.original = "é";
  EXPECT_EQ(findings_jsonl({f}, "h").find("original_hex"), std::string::npos);
  Status st = parse_findings_jsonl(
      R"({"doc":"x","rule":"r","stage":"lines","begin":1,"end":2,"original":"","original_hex":"zz","replacement":"","status":"applied"})",
      "f.jsonl", &back, &hashes);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("\"original_hex\" must be"), std::string::npos) << st.message();
}

TEST(FindingsIo, FindingsThatDoNotFitTheTextAreRefused) {
  struct Case {
    size_t begin, end;
    std::string original, replacement;
    const char* error;  // null: fits
  };
  const std::string text = "café noir";
  static const Case kCases[] = {
      {3, 5, "é", "e", nullptr},
      {4, 4, "", " ", "byte 4 is inside a character"},        // the issue's insertion in "café"
      {3, 4, "\xC3", "", "byte 4 is inside a character"},
      {0, 3, "caf", "\xFF", "the replacement is not valid UTF-8"},
      {0, 3, "cof", "x", "\"original\" does not match"},
      {6, 99, "noir", "", "lie outside the text"},
  };
  for (const Case& c : kCases) {
    Finding f;
    f.rule = "joins.glued-words";
    f.begin = c.begin;
    f.end = c.end;
    f.original = c.original;
    f.replacement = c.replacement;
    f.status = FindingStatus::kApplied;
    Status st = check_findings_fit(text, {f});
    if (!c.error) {
      EXPECT_TRUE(st.ok()) << st.message();
      continue;
    }
    ASSERT_FALSE(st.ok()) << c.begin;
    EXPECT_NE(st.message().find(c.error), std::string::npos) << st.message();
    EXPECT_NE(st.message().find("finding 1 (joins.glued-words"), std::string::npos) << st.message();
    f.status = FindingStatus::kNotApplied;  // only what would be written is checked
    EXPECT_TRUE(check_findings_fit(text, {f}).ok());
  }
}

}  // namespace
}  // namespace retouche
