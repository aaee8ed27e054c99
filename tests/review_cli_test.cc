// Reviewing without editing files: finding ids, apply --accept/--reject,
// the review page and its export, word diffs, and the bad input a reviewer
// can hand to `apply` (another text, unknown ids, a cut export).
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <set>

#include "core/finding_selection.h"
#include "core/sha256.h"
#include "io/diff_writer.h"
#include "io/findings_io.h"
#include "io/review_page.h"
#include "test_support.h"

namespace retouche {
namespace {

namespace fs = std::filesystem;
using testing::read;
using testing::run_cli;
using testing::TempDir;
using testing::write;

const char* kDirty = "Titre : Un Titre\nShare\n\nLe texte. . Le groupeEt Jarevan.\n";

std::vector<Finding> findings_of(const std::string& jsonl) {
  std::vector<Finding> f;
  std::vector<std::string> h;
  Status st = parse_findings_jsonl(jsonl, "f.jsonl", &f, &h);
  EXPECT_TRUE(st.ok()) << st.message();
  return f;
}

TEST(FindingIds, ShortStableAndUnique) {
  Result a = testing::clean(kDirty), b = testing::clean(kDirty);
  ASSERT_GE(a.findings.size(), 4u);
  std::set<std::string> ids;
  for (size_t i = 0; i < a.findings.size(); ++i) {
    EXPECT_TRUE(std::regex_match(a.findings[i].id, std::regex("[0-9a-f]{10}"))) << a.findings[i].id;
    EXPECT_EQ(a.findings[i].id, b.findings[i].id);
    EXPECT_EQ(a.findings[i].id, finding_id(sha256_hex(kDirty), a.findings[i]));
    ids.insert(a.findings[i].id);
  }
  EXPECT_EQ(ids.size(), a.findings.size());
  // Another text, the same finding: another id.
  Result c = testing::clean(std::string(kDirty) + "Fin.\n");
  EXPECT_NE(c.findings[0].id, a.findings[0].id);
}

TEST(FindingIds, SameAcrossThreadCounts) {
  TempDir d;
  std::string rows;
  for (int i = 0; i < 40; ++i) {
    rows += "{\"id\":" + std::to_string(i) + ",\"text\":\"Share\\nLe texte. .Le groupeEt Jarevan " +
            std::to_string(i) + ".\\n\"}\n";
  }
  write(d / "in.jsonl", rows);
  std::string first;
  for (const char* jobs : {"1", "2", "4"}) {
    std::string out = d / (std::string("o") + jobs + ".jsonl");
    auto r = run_cli({"clean", "--jsonl", d / "in.jsonl", "-o", out, "--jobs", jobs, "--sidecar"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string sidecar = read(d / (std::string("o") + jobs + ".findings.jsonl"));
    EXPECT_NE(sidecar.find("\"id\":\""), std::string::npos);
    if (first.empty()) first = sidecar;
    EXPECT_EQ(sidecar, first) << "--jobs " << jobs;
  }
}

TEST(FindingIds, ShownByCheckAndDiffAndReadFromOldFiles) {
  TempDir d;
  write(d / "a.txt", kDirty);
  Result r = testing::clean(kDirty);
  auto check = run_cli({"check", d / "a.txt"});
  auto diff = run_cli({"diff", d / "a.txt"});
  for (const Finding& f : r.findings) {
    EXPECT_NE(check.out.find("] " + f.id + "\n"), std::string::npos) << check.out;
  }
  EXPECT_NE(diff.out.find("@@ " + r.findings[0].id), std::string::npos);  // after the hunk range
  EXPECT_NE(diff.out.find(" @@ " + r.findings[0].id + " " + r.findings[0].rule), std::string::npos) << diff.out;
  // A findings file written before ids existed: the same ids are computed.
  std::string jsonl = findings_jsonl(r.findings, sha256_hex(kDirty));
  std::string old = std::regex_replace(jsonl, std::regex("\"id\":\"[0-9a-f]+\","), "");
  ASSERT_EQ(old.find("\"id\""), std::string::npos);
  std::vector<Finding> back = findings_of(old);
  ASSERT_EQ(back.size(), r.findings.size());
  for (size_t i = 0; i < back.size(); ++i) EXPECT_EQ(back[i].id, r.findings[i].id);
}

// clean, then apply with choices given on the command line.
struct Reviewed {
  TempDir d;
  Result r = testing::clean(kDirty);
  Reviewed() {
    write(d / "a.txt", kDirty);
    EXPECT_EQ(run_cli({"clean", d / "a.txt", "-o", d / "out", "-q"}).exit_code, 0);
  }
  testing::RunResult apply(std::vector<std::string> extra) {
    std::vector<std::string> args = {"apply", d / "a.txt", "--findings", d / "out/a.findings.jsonl"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_cli(args);
  }
  const Finding& of(const std::string& rule) {
    for (const Finding& f : r.findings) {
      if (f.rule == rule) return f;
    }
    ADD_FAILURE() << "no " << rule;
    return r.findings[0];
  }
};

TEST(Apply, RejectAndAcceptByIdRuleAndFamily) {
  Reviewed t;
  ASSERT_EQ(t.apply({}).out, t.r.clean_text);
  const Finding& share = t.of("boilerplate.share-button");
  struct Case {
    std::vector<std::string> args;
    std::string want;
  };
  const Case kCases[] = {
      {{"--reject", share.id}, "Un Titre\nShare\n\nLe texte. Le groupe et Erevan.\n"},
      {{"--reject", "names.variant"}, "Un Titre\n\nLe texte. Le groupe et Jarevan.\n"},
      {{"--reject", "boilerplate,names"}, "Titre : Un Titre\nShare\n\nLe texte. Le groupe et Jarevan.\n"},
      {{"--reject", "boilerplate", "--reject", "typography"},
       "Titre : Un Titre\nShare\n\nLe texte. . Le groupe et Erevan.\n"},
      // The more specific selector wins: every fix rejected but one.
      {{"--reject", "boilerplate,names,typography,joins", "--accept", share.id},
       "Titre : Un Titre\n\nLe texte. . Le groupeEt Jarevan.\n"},
      {{"--accept", share.id, "--reject", "boilerplate"}, "Titre : Un Titre\n\nLe texte. Le groupe et Erevan.\n"},
  };
  ASSERT_EQ(t.r.clean_text, "Un Titre\n\nLe texte. Le groupe et Erevan.\n");
  for (const Case& c : kCases) {
    auto r = t.apply(c.args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, c.want) << c.args[1];
  }
}

TEST(Apply, PrintsWhatItAppliedAndWritesTheDiff) {
  Reviewed t;
  const Finding& name = t.of("names.variant");
  auto r = t.apply({"--reject", name.id, "--diff", t.d / "result.diff", "-o", t.d / "result.txt"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("applied " + t.of("boilerplate.share-button").id), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("applied " + name.id), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("retouche: applied " + std::to_string(t.r.findings.size() - 1) + " of " +
                       std::to_string(t.r.findings.size()) + " findings"),
            std::string::npos)
      << r.err;
  // The diff gives the result from the original, with patch.
  fs::create_directories(t.d / "p");
  write(t.d / "p/a.txt", kDirty);
  std::string diff = read(t.d / "result.diff");
  EXPECT_NE(diff.find("--- a/a.txt"), std::string::npos) << diff;
  write(t.d / "p/x.diff", diff);
  testing::run_command("cd '" + t.d / "p" + "' && patch -p1 --quiet < x.diff");
  EXPECT_EQ(read(t.d / "p/a.txt"), read(t.d / "result.txt"));
}

TEST(Apply, BadChoicesAreNamedAndNothingIsWritten) {
  Reviewed t;
  struct Case {
    std::vector<std::string> args;
    int exit_code;
    std::string error;
  };
  const Case kCases[] = {
      {{"--reject", "0123456789,joins.nowhere"}, 2, "no finding has the id, rule or family 0123456789, joins.nowhere"},
      {{"--accept", "nope"}, 2, "--accept: no finding has the id, rule or family nope"},
      {{"--accept", "names", "--reject", "names"}, 2, "names is both accepted and rejected"},
      {{"--diff", t.d / "a.txt"}, 2, "a.txt is an input; write elsewhere"},
  };
  for (const Case& c : kCases) {
    std::vector<std::string> args = c.args;
    args.push_back("-o");
    args.push_back(t.d / "never.txt");
    auto r = t.apply(args);
    EXPECT_EQ(r.exit_code, c.exit_code) << c.args[1];
    EXPECT_NE(r.err.find(c.error), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(t.d / "never.txt"));
  }
}

TEST(Apply, OverlappingAcceptedFindingsNameBothIds) {
  TempDir d;
  std::string text = "abc def\n";
  write(d / "t.txt", text);
  std::string h = sha256_hex(text);
  std::string jsonl =
      "{\"doc\":\"" + h + "\",\"rule\":\"joins.glued\",\"stage\":\"tokens\",\"begin\":0,\"end\":3,"
      "\"line\":1,\"column\":1,\"original\":\"abc\",\"replacement\":\"x\",\"status\":\"applied\"}\n"
      "{\"doc\":\"" + h + "\",\"rule\":\"names.fuzzy\",\"stage\":\"tokens\",\"begin\":2,\"end\":5,"
      "\"line\":1,\"column\":3,\"original\":\"c d\",\"replacement\":\"y\",\"status\":\"not-applied\"}\n";
  write(d / "t.jsonl", jsonl);
  std::vector<Finding> f = findings_of(jsonl);
  ASSERT_EQ(f.size(), 2u);
  auto ok = run_cli({"apply", d / "t.txt", "--findings", d / "t.jsonl"});
  EXPECT_EQ(ok.out, "x def\n") << ok.err;
  auto r = run_cli({"apply", d / "t.txt", "--findings", d / "t.jsonl", "--accept", f[1].id});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("findings " + f[0].id + " (joins.glued at line 1, column 1) and " + f[1].id +
                       " (names.fuzzy at line 1, column 3) overlap"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");
  // Rejecting the first one lets the second one through.
  auto both = run_cli({"apply", d / "t.txt", "--findings", d / "t.jsonl", "--accept", f[1].id, "--reject", f[0].id});
  EXPECT_EQ(both.out, "abyef\n") << both.err;
}

TEST(Apply, ReviewExportIsCheckedForTruncationAndOtherTexts) {
  TempDir d;
  write(d / "a.txt", kDirty);
  write(d / "b.txt", "Share\nAutre texte. .\n");
  ASSERT_EQ(run_cli({"review", d / "a.txt", d / "b.txt", "-o", d / "review.html", "-q"}).exit_code, 0);
  // The export the page would write with no change: header + every finding.
  std::vector<ReviewDocument> docs;
  std::string export_text;
  size_t n = 0;
  std::string body;
  for (const char* name : {"a.txt", "b.txt"}) {
    std::string text = read(d / name);
    Result r = testing::clean(text);
    n += r.findings.size();
    body += findings_jsonl(r.findings, sha256_hex(text), d / name);
  }
  export_text = review_export_header(2, n) + "\n" + body;
  write(d / "export.jsonl", export_text);
  auto a = run_cli({"apply", d / "a.txt", "--findings", d / "export.jsonl", "-q"});
  EXPECT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, testing::clean(kDirty).clean_text);
  auto b = run_cli({"apply", d / "b.txt", "--findings", d / "export.jsonl", "-q"});
  EXPECT_EQ(b.out, testing::clean("Share\nAutre texte. .\n").clean_text) << b.err;
  // Cut after a line: the header's count says so, with the line.
  size_t lines = 0;
  size_t cut = 0;
  for (size_t i = 0; i < export_text.size() && lines < 3; ++i) {
    if (export_text[i] == '\n') ++lines, cut = i + 1;
  }
  write(d / "cut.jsonl", export_text.substr(0, cut));
  auto c = run_cli({"apply", d / "a.txt", "--findings", d / "cut.jsonl", "-o", d / "never.txt"});
  EXPECT_EQ(c.exit_code, 3);
  EXPECT_NE(c.err.find("cut.jsonl:4: the review export is truncated: its header (line 1) announces " +
                       std::to_string(n) + " findings, the file holds 2"),
            std::string::npos)
      << c.err;
  // Cut inside a line: a malformed line, named by its number.
  write(d / "cut2.jsonl", export_text.substr(0, cut + 30));
  auto c2 = run_cli({"apply", d / "a.txt", "--findings", d / "cut2.jsonl", "-o", d / "never.txt"});
  EXPECT_EQ(c2.exit_code, 3);
  EXPECT_NE(c2.err.find("cut2.jsonl:4:"), std::string::npos) << c2.err;
  EXPECT_FALSE(fs::exists(d / "never.txt"));
  // A text the export does not hold is refused.
  write(d / "c.txt", "Un autre texte.\n");
  auto o = run_cli({"apply", d / "c.txt", "--findings", d / "export.jsonl"});
  EXPECT_EQ(o.exit_code, 3);
  EXPECT_NE(o.err.find("holds no document with the text of"), std::string::npos) << o.err;
  // A plain findings file of another text is refused, as before.
  ASSERT_EQ(run_cli({"clean", d / "a.txt", "-o", d / "out", "-q"}).exit_code, 0);
  auto p = run_cli({"apply", d / "b.txt", "--findings", d / "out/a.findings.jsonl"});
  EXPECT_EQ(p.exit_code, 3);
  EXPECT_NE(p.err.find("made for another text"), std::string::npos) << p.err;
}

TEST(ReviewPage, SelfContainedWithEveryFindingAndNoWayOutOfTheDataScript) {
  std::string text = "Share\n</script><script>alert(1)</script> <!-- Jarevan. .\n";
  Result r = testing::clean(text);
  ASSERT_GE(r.findings.size(), 2u);
  std::string page = review_page({{"a </script>.txt", text, r.findings, -1}});
  // No network: nothing is loaded from anywhere.
  for (const char* ref : {"http://", "https://", "src=", "@import", "url("}) {
    EXPECT_EQ(page.find(ref), std::string::npos) << ref;
  }
  EXPECT_NE(page.find("Content-Security-Policy"), std::string::npos);
  // The document's text cannot close the data element or open a comment.
  size_t data = page.find("id=\"retouche-data\">");
  size_t end = page.find("</script>", data);
  std::string json = page.substr(data + 19, end - data - 19);
  EXPECT_EQ(json.find('<'), std::string::npos);
  for (const Finding& f : r.findings) EXPECT_NE(json.find("\"id\":\"" + f.id + "\""), std::string::npos);
  EXPECT_EQ(page.find("{{"), std::string::npos);  // every marker filled
  EXPECT_EQ(page.find("/*{{"), std::string::npos);
}

TEST(ReviewPage, CleanReviewWritesThePageBesideTheOutputs) {
  TempDir d;
  write(d / "in/a.txt", kDirty);
  auto r = run_cli({"clean", d / "in/a.txt", "-o", d / "out", "--review"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string page = read(d / "out/review.html");
  EXPECT_EQ(page.find("<!DOCTYPE html>"), 0u);
  EXPECT_NE(page.find(testing::clean(kDirty).findings[0].id), std::string::npos);
  auto same = run_cli({"review", d / "in/a.txt", "-o", d / "in/a.txt"});
  EXPECT_EQ(same.exit_code, 2);
  EXPECT_EQ(read(d / "in/a.txt"), kDirty);
  auto bad = run_cli({"review", d / "in/a.txt", d / "in/missing.txt", "-o", d / "r.html"});
  EXPECT_EQ(bad.exit_code, 3);
  EXPECT_FALSE(fs::exists(d / "r.html"));  // a page missing a document is not written
}

TEST(ApplyJsonl, ReplaysAReviewedSidecarRowForRow) {
  TempDir d;
  write(d / "in.jsonl",
        "{\"id\":\"a\",\"text\":\"Share\\nLe texte. .\\n\",\"meta\":{\"k\":1}}\n"
        "{\"id\":\"b\",\"text\":\"Rien à faire.\\n\"}\n"
        "{\"id\":\"c\",\"text\":\"Le groupeEt Jarevan.\\n\"}\n");
  ASSERT_EQ(run_cli({"clean", "--jsonl", d / "in.jsonl", "-o", d / "out.jsonl", "--sidecar", "--no-doc-stats"}).exit_code, 0);
  // The untouched sidecar replays the run.
  auto same = run_cli({"apply", "--jsonl", d / "in.jsonl", "--findings", d / "out.findings.jsonl", "-o", d / "re.jsonl"});
  ASSERT_EQ(same.exit_code, 0) << same.err;
  EXPECT_EQ(read(d / "re.jsonl"), read(d / "out.jsonl"));
  // The review page of the rows, and its export with one choice changed.
  ASSERT_EQ(run_cli({"review", "--jsonl", d / "in.jsonl", "-o", d / "rows.html", "-q"}).exit_code, 0);
  EXPECT_NE(read(d / "rows.html").find("\"mode\":\"rows\""), std::string::npos);
  std::string sidecar = read(d / "out.findings.jsonl");
  std::string reviewed = review_export_header(3, 0);  // counts checked below
  std::string rejected = std::regex_replace(
      sidecar, std::regex("(\"rule\":\"typography.doubled-punctuation\"(?:[^{}]*?)\"status\":)\"applied\""),
      "$1\"not-applied\"");
  ASSERT_NE(rejected, sidecar);
  write(d / "rev.jsonl", rejected);
  auto r = run_cli({"apply", "--jsonl", d / "in.jsonl", "--findings", d / "rev.jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"text\":\"Le texte. .\\n\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"meta\":{\"k\":1}"), std::string::npos);
  // Another shard's sidecar is refused by the ids.
  write(d / "other.jsonl", "{\"id\":\"a\",\"text\":\"Share\\nUn autre texte. .\\n\"}\n");
  auto o = run_cli({"apply", "--jsonl", d / "other.jsonl", "--findings", d / "out.findings.jsonl", "-o", d / "never.jsonl"});
  EXPECT_EQ(o.exit_code, 3);
  EXPECT_NE(o.err.find("was not made for row 1"), std::string::npos) << o.err;
  EXPECT_FALSE(fs::exists(d / "never.jsonl"));
  // A header announcing more rows than the export holds: truncated.
  write(d / "cut.jsonl", review_export_header(5, 0) + "\n" + sidecar);
  auto c = run_cli({"apply", "--jsonl", d / "in.jsonl", "--findings", d / "cut.jsonl", "-o", d / "never.jsonl"});
  EXPECT_EQ(c.exit_code, 3);
  EXPECT_NE(c.err.find("announces 5 rows"), std::string::npos) << c.err;
  (void)reviewed;
}

TEST(WordDiff, ChangesInlineOnTheOriginalLines) {
  TempDir d;
  write(d / "a.txt", kDirty);
  auto r = run_cli({"diff", "--word-diff", d / "a.txt"});
  ASSERT_EQ(r.exit_code, 1) << r.err;  // changes shown
  EXPECT_NE(r.out.find("Le texte[-. .-]{+.+} Le groupe[-Et-]{+ et+} [-Jarevan-]{+Erevan+}."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[-Share\n-]"), std::string::npos) << r.out;
  auto c = run_cli({"diff", "--word-diff", "--color", "always", d / "a.txt"});
  EXPECT_NE(c.out.find("\x1b[1;41;97mJarevan\x1b[0m\x1b[1;42;97mErevan\x1b[0m"), std::string::npos) << c.out;
}

// Every NAME.diff, and `retouche diff` with ids in the hunk headers and any
// context, applies with patch -p1 and git apply and gives exactly NAME.txt.
TEST(DiffApplies, WithPatchAndGitApplyAtAnyContext) {
  TempDir d;
  std::string samples = testing::source_dir() + "/samples";
  ASSERT_EQ(run_cli({"clean", samples, "-o", d / "out", "-q"}).exit_code, 0);
  for (const auto& e : fs::directory_iterator(samples)) {
    std::string name = e.path().filename().string();
    if (!name.ends_with(".txt") || name.ends_with(".expected.txt")) continue;
    std::string stem = name.substr(0, name.size() - 4);
    std::string want = read(d / ("out/" + stem + ".txt"));
    std::vector<std::pair<std::string, std::string>> diffs = {{"NAME.diff", read(d / ("out/" + stem + ".diff"))}};
    for (const char* u : {"0", "1", "3"}) {
      auto r = run_cli({"diff", "-U", u, e.path().string()});
      ASSERT_EQ(r.exit_code, 1) << r.err;  // changes shown
      // Name the file as NAME.diff does, so -p1 finds it.
      std::string text = std::regex_replace(r.out, std::regex("([-+]{3} [ab]/).*" + stem + "\\.txt"), "$1" + name);
      diffs.push_back({std::string("diff -U ") + u, text});
    }
    for (auto& [what, diff] : diffs) {
      // Headers name the file as seen from where retouche ran; here it sits at the top.
      diff = std::regex_replace(diff, std::regex("([-+]{3} [ab]/).*" + stem + "\\.txt"), "$1" + name);
      for (const char* tool : {"patch -p1 --quiet --binary <", "git apply --unidiff-zero"}) {
        std::string dir = d / ("p-" + stem);
        fs::remove_all(dir);
        fs::create_directories(dir);
        fs::copy_file(e.path(), dir + "/" + name);
        write(dir + "/x.diff", diff);
        std::string cmd = "cd '" + dir + "' && " + tool + " x.diff";
        int rc = std::system((cmd + " > /dev/null 2>&1").c_str());
        EXPECT_EQ(rc, 0) << stem << " " << what << " with " << tool;
        EXPECT_EQ(read(dir + "/" + name), want) << stem << " " << what << " with " << tool;
      }
    }
  }
}

}  // namespace
}  // namespace retouche
