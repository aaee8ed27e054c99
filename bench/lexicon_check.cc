// Checks the lexicon table against Hunspell on real words: every word of the
// given text files, its lowercase and capitalised forms, and every split of
// it in two at a character boundary (what joins.glued-words asks). For each
// form the table decides, Hunspell's spell() must agree, and for each form
// the table holds, its analyze() bits must be the stored ones.
//
// usage: retouche-lexicon-check FILE...   (prints the disagreements; exit 1 if any)
#include <hunspell/hunspell.hxx>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "lexicon/analysis_bits.h"
#include "lexicon/lexicon.h"
#include "lexicon/lexicon_table.h"
#include "pipeline/resources.h"
#include "core/utf8.h"
#include "text/chars.h"
#include "text/tokenizer.h"

// The parts of `s` between `sep`s, empty ones included.
std::vector<std::string> split_keep(const std::string& s, char sep) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == sep) out.emplace_back();
    else out.back().push_back(c);
  }
  return out;
}

int main(int argc, char** argv) {
  using namespace retouche;
  const std::string aff = "/usr/share/hunspell/fr_FR.aff", dic = "/usr/share/hunspell/fr_FR.dic";
  Status st;
  auto table = LexiconTable::open(aff, dic, default_cache_dir(), &st);
  if (!table) {
    std::cerr << st.message() << "\n";
    return 3;
  }
  Hunspell h(aff.c_str(), dic.c_str());
  std::unordered_set<std::string> queries;
  std::vector<text::Token> toks;
  for (int a = 1; a < argc; ++a) {
    std::ifstream in(argv[a], std::ios::binary);
    std::stringstream b;
    b << in.rdbuf();
    std::string t = b.str();
    if (utf8::find_invalid(t) != utf8::kValid) continue;
    text::tokenize(t, {}, &toks);
    for (const auto& tok : toks) {
      if (!tok.is_word()) continue;
      std::string w(tok.text(t));
      queries.insert(w);
      queries.insert(text::lower(w));
      queries.insert(text::capitalize_first(text::lower(w)));
      // Each side of a hyphen capitalised ("Nord-Coréens"), which Hunspell breaks.
      std::string sides;
      for (const std::string& part : split_keep(text::lower(w), '-')) {
        if (!sides.empty()) sides += '-';
        sides += text::capitalize_first(part);
      }
      queries.insert(sides);
      size_t i = 0;
      while (i < w.size()) {
        utf8::decode(w, i);
        if (i < w.size()) {
          queries.insert(w.substr(0, i));
          queries.insert(w.substr(i));
        }
      }
    }
  }
  size_t decided = 0, held = 0, wrong = 0;
  for (const std::string& q : queries) {
    LexiconTable::Answer ans = table->find(q);
    bool accepted;
    if (!table->spell(q, &accepted)) continue;
    ++decided;
    bool hs = h.spell(q);
    if (hs != accepted) {
      ++wrong;
      std::cout << "spell\t" << q << "\ttable " << accepted << "\thunspell " << hs << "\n";
      continue;
    }
    if (ans.found) {
      ++held;
      uint32_t bits = word::kKnown | analysis_bits(h, q);
      if (bits != ans.bits) {
        ++wrong;
        std::cout << "analyze\t" << q << "\ttable " << ans.bits << "\thunspell " << bits << "\n";
      }
    }
  }
  std::cerr << queries.size() << " forms asked, " << decided << " decided by the table (" << held
            << " held), " << wrong << " disagreements with Hunspell\n";
  return wrong ? 1 : 0;
}
