// retouche.toml: found upwards from the current directory or named by
// --config; flags win over the file, the file over the defaults; paths in it
// are relative to it; a bad file is an error naming the file, line and key.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>

#include "test_support.h"

namespace retouche {
namespace {

using testing::read;
using testing::run_cli;
using testing::TempDir;
using testing::write;

const char* kDirty = "Titre : Un Titre\nShare\n\nLe texte. .\n";

// `retouche ARGS < in` run in `dir`; stdout, stderr and the exit status.
struct Shell {
  int code;
  std::string out, err;
};
Shell run_in(const TempDir& d, const std::string& dir, const std::string& args) {
  write(d / "in.txt", kDirty);
  std::string cmd = "cd '" + dir + "' && '" RETOUCHE_BIN "' " + args + " < '" + (d / "in.txt") + "' > '" +
                    (d / "out") + "' 2> '" + (d / "err") + "'";
  int status = std::system(cmd.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 128, read(d / "out"), read(d / "err")};
}

TEST(Config, FoundUpwardsAndFlagsWin) {
  TempDir d;
  // Without the boilerplate, "Le texte. ." is the document's only damage:
  // fixed only under assume-damaged (also from the file).
  write(d / "proj/retouche.toml",
        "# the team's settings\ndisable = [\"boilerplate\", \"case\"]\nassume-damaged = true\n");
  write(d / "proj/sub/deeper/.keep", "");
  Shell s = run_in(d, d / "proj/sub/deeper", "clean -");
  ASSERT_EQ(s.code, 0) << s.err;
  EXPECT_EQ(s.out, "Titre : Un Titre\nShare\n\nLe texte.\n");
  s = run_in(d, d / "proj/sub", "clean --disable typography -");  // the flag replaces the file's list
  ASSERT_EQ(s.code, 0) << s.err;
  EXPECT_EQ(s.out, "Un Titre\n\nLe texte. .\n");
  s = run_in(d, d / "proj", "clean --no-config -");
  EXPECT_EQ(s.out, "Un Titre\n\nLe texte.\n");
  s = run_in(d, d.path(), "clean -");  // no file above: the defaults
  EXPECT_EQ(s.out, "Un Titre\n\nLe texte.\n");
}

TEST(Config, ExplicitFileAndRelativePaths) {
  TempDir d;
  write(d / "conf/r.toml", "apply = \"none\"\ndictionary = \"dicts/fr_FR\"\n");
  write(d / "a.txt", kDirty);
  auto r = run_cli({"check", "--config", d / "conf/r.toml", d / "a.txt"});  // stops before reading it
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find(d / "conf/dicts/fr_FR"), std::string::npos) << r.err;  // relative to the file
  write(d / "conf/r.toml", "apply = \"none\"\n");
  r = run_cli({"clean", "--config", d / "conf/r.toml", "-"}, kDirty);
  EXPECT_EQ(r.out, kDirty);
  r = run_cli({"clean", "--config", d / "conf/r.toml", "--apply", "safe", "-"}, kDirty);
  EXPECT_EQ(r.out, "Un Titre\n\nLe texte.\n");
}

TEST(Config, BadFilesNameFileLineAndKey) {
  TempDir d;
  static const struct {
    const char* text;
    const char* message;
  } kCases[] = {
      {"apply = \"safe\"\nbogus = 1\n", "r.toml:2: bogus: unknown key"},
      {"apply = \"maybe\"\n", "r.toml:1: apply must be one of safe, suggested, none (got 'maybe')"},
      {"\n\nmin-confidence = 3\n", "r.toml:3: min-confidence must be a number between 0 and 1"},
      {"disable = [1]\n", "r.toml:1: disable must be a string"},
      {"assume-damaged = 1\n", "r.toml:1: assume-damaged must be true or false"},
      {"apply = \n", "r.toml:1:"},
  };
  write(d / "a.txt", kDirty);  // a file, not stdin: retouche stops before reading any input
  for (const auto& c : kCases) {
    write(d / "r.toml", c.text);
    auto r = run_cli({"check", "--config", d / "r.toml", d / "a.txt"});
    EXPECT_EQ(r.exit_code, 2) << c.text;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.text << "\n" << r.err;
  }
  auto missing = run_cli({"check", "--config", d / "none.toml", d / "a.txt"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("none.toml: no such configuration file"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace retouche
