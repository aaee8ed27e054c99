// Candidate word forms of a Hunspell dictionary: every stem of the .dic with
// the prefixes and suffixes of the .aff applied (one prefix, up to two
// suffixes, continuation classes, conditions, strip strings), as Hunspell
// itself combines them when it checks a word.
//
//   AffixExpander x;
//   Status st = x.load("/usr/share/hunspell/fr_FR.aff", "/usr/share/hunspell/fr_FR.dic");
//   x.expand([](std::u32string_view form) { ... }, keep);  // each candidate, repeats possible
//
// Why our own expansion: Debian's `unmunch` (hunspell-tools 1.7.1) does not
// read `FLAG long` dictionaries such as fr_FR and prints garbage
// ("s'cargo0"). This expander is deliberately generous (it ignores
// cross-product, NEEDAFFIX, CIRCUMFIX and FORBIDDENWORD restrictions), so
// it may propose forms Hunspell refuses but should miss none: every form is
// then checked with Hunspell's own spell() before it enters the lexicon table
// (lexicon_table.h), so the table never accepts a word Hunspell refuses.
//
// `keep` decides which affix strings are worth applying: an affix whose
// added text fails it (e.g. holds an apostrophe, when the caller only wants
// letter-only forms) is skipped with everything built on it.
//
// Only what fr_FR needs is read: SET UTF-8, FLAG long or single-character
// flags, PFX/SFX tables. Compounding (COMPOUND*), COMPLEXPREFIXES and flag
// aliases (AF) are refused with an error, since forms built from them would
// be missed.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "retouche/status.h"

namespace retouche {

class AffixExpander {
 public:
  Status load(const std::string& aff_path, const std::string& dic_path);

  using Emit = std::function<void(const std::u32string& form)>;
  using Keep = std::function<bool(std::u32string_view added)>;
  void expand(const Emit& emit, const Keep& keep) const;

  size_t stems() const { return stems_.size(); }

  // What Hunspell's breaking of words depends on (lexicon_table.cc):
  // the BREAK table (Hunspell's default "-", "^-", "-$" when the .aff has
  // none), whether the language is Hungarian (its own dash rule), and
  // whether a word can be forbidden: the FORBIDDENWORD flag (declared, or
  // Hunspell's default 65510 in this dictionary's flag type) on a stem or
  // added by an affix.
  const std::vector<std::string>& break_entries() const { return breaks_; }
  bool hungarian() const { return lang_.starts_with("hu"); }
  bool forbids_words() const;

 private:
  struct Atom {
    bool any = false;
    bool negate = false;
    std::u32string chars;
  };
  struct Rule {
    std::u32string strip, add;
    std::vector<std::string> cont;  // continuation flags
    std::vector<Atom> cond;
  };
  struct Class {
    bool prefix = false;
    std::vector<Rule> rules;
  };
  struct Stem {
    std::u32string word;
    std::vector<std::string> flags;
  };

  std::vector<std::string> split_flags(std::string_view s) const;
  static bool matches(const std::vector<Atom>& cond, const std::u32string& w, bool prefix);
  static bool apply(const Rule& r, bool prefix, const std::u32string& w, std::u32string* out);
  // Suffixed forms of `w` under the suffix flags of `flags` (one or two levels).
  void suffixed(const std::u32string& w, const std::vector<std::string>& flags, const Keep& keep,
                std::vector<std::pair<std::u32string, std::vector<std::string>>>* out) const;

  bool long_flags_ = false;
  bool utf8_flags_ = false;
  std::vector<std::string> breaks_ = {"-", "^-", "-$"};
  bool break_count_seen_ = false;
  std::string forbidden_;  // the declared FORBIDDENWORD flag
  std::string lang_;
  std::map<std::string, Class> classes_;
  std::vector<Stem> stems_;
};

}  // namespace retouche
