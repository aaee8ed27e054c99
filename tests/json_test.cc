#include "io/json.h"

#include <gtest/gtest.h>

namespace retouche {
namespace {

TEST(Json, ParsesNestedValues) {
  json::Value v;
  json::Error e;
  ASSERT_TRUE(json::parse(R"({"a":[1,2.5,-3e2],"b":{"c":null,"d":true},"e":"x\u00e9\ud83d\ude00"})", &v, &e))
      << e.message;
  ASSERT_EQ(v.type, json::Type::kObject);
  EXPECT_EQ(v.find("a")->array.size(), 3u);
  EXPECT_DOUBLE_EQ(v.find("a")->array[2].number, -300);
  EXPECT_TRUE(v.find("b")->find("d")->boolean);
  EXPECT_EQ(v.find("e")->string, "xé😀");
}

TEST(Json, RejectsMalformedTextWithAnOffset) {
  struct Case {
    const char* text;
    size_t offset;
  };
  static const Case kCases[] = {
      {R"({"a":})", 5},
      {R"({"a":1,})", 7},
      {R"({"a":"\q"})", 7},
      {R"({"a":"\ud800"})", 6},  // lone surrogate
      {"{\"a\":\"x\x01\"}", 7},   // raw control character
      {R"({"a":01})", 6},
      {R"([1,2] x)", 6},
  };
  for (const Case& c : kCases) {
    json::Value v;
    json::Error e;
    EXPECT_FALSE(json::parse(c.text, &v, &e)) << c.text;
    EXPECT_EQ(e.offset, c.offset) << c.text << ": " << e.message;
  }
}

TEST(Json, ScanObjectGivesRawValueSpans) {
  std::string row = R"({"id": 7, "text": "a\nb", "meta": {"k": [1, {"z": "é"}]}})";
  std::vector<json::Member> m;
  json::Error e;
  ASSERT_TRUE(json::scan_object(row, &m, &e)) << e.message;
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[1].key, "text");
  EXPECT_EQ(row.substr(m[1].value_begin, m[1].value_end - m[1].value_begin), R"("a\nb")");
  EXPECT_EQ(row.substr(m[2].value_begin, m[2].value_end - m[2].value_begin), R"({"k": [1, {"z": "é"}]})");
  std::string decoded;
  ASSERT_TRUE(json::decode_string(R"("a\nb")", &decoded, &e));
  EXPECT_EQ(decoded, "a\nb");
}

TEST(Json, WritesStringsThatParseBack) {
  std::string raw = "quote\" back\\ nl\n tab\t ctl\x01 é 😀";
  for (bool ascii : {false, true}) {
    std::string out;
    json::append_string(out, raw, ascii);
    json::Value v;
    json::Error e;
    ASSERT_TRUE(json::parse(out, &v, &e)) << out;
    EXPECT_EQ(v.string, raw);
    if (ascii) {
      EXPECT_EQ(out.find("é"), std::string::npos);
    }
  }
  std::string bad;
  json::append_string(bad, "a\xFF");
  EXPECT_EQ(bad, R"("a\ufffd")");
}

// The row scanner validates the values it does not decode; it must accept
// exactly the rows the full parser accepts (a row it passes is written out).
TEST(Json, RowScannerAndParserAgree) {
  static const std::string kRows[] = {
      std::string("{\"text\":\"x\",\"k\":\"\\\0\"}", 19),  // backslash, raw NUL
      R"({"text":"x","k":"\ud800"})",                       // lone high surrogate
      R"({"text":"x","k":"\udc00"})",                       // lone low surrogate
      R"({"text":"x","k":"\ud800\u0041"})",                 // high surrogate, then not a low one
      R"({"text":"x","k":"\ud800x"})",
      R"({"text":"x","k":"\ud83d\ude00"})",                 // a pair: fine
      R"({"text":"x","k":["\ud800"]})",
      R"({"text":"x","k":"\q"})",
      R"({"text":"x","k":"ok"})",
  };
  for (const std::string& row : kRows) {
    std::vector<json::Member> m;
    json::Error se, pe;
    json::Value v;
    bool scanned = json::scan_object(row, &m, &se);
    bool parsed = json::parse(row, &v, &pe);
    EXPECT_EQ(scanned, parsed) << row << ": scanner: " << se.message << ", parser: " << pe.message;
    if (!scanned && !parsed) {
      EXPECT_EQ(se.offset, pe.offset) << row;
    }
  }
}

}  // namespace
}  // namespace retouche
