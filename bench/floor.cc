// The benchmark's floor: how fast can one core split French text into words
// and look every word up in a hash set of the lexicon's expanded forms? No
// rule, no cache tuning: std::unordered_set<std::string_view>, as a reference
// for retouche's MB/s (bench/run.py prints the ratio).
//
// usage: retouche-floor TEXT_FILE   -> one JSON line on stdout
//   {"bytes":…,"words":…,"known":…,"seconds":…,"mb_per_second":…,"forms":…}
// The forms come from the lexicon table (lexicon_table.h) in the default cache
// directory, built there if missing (not timed).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <unordered_set>

#include "lexicon/lexicon_table.h"
#include "pipeline/resources.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: retouche-floor TEXT_FILE\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "retouche-floor: cannot read " << argv[1] << "\n";
    return 3;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  std::string text = buf.str();

  retouche::Status st;
  auto table = retouche::LexiconTable::open("/usr/share/hunspell/fr_FR.aff", "/usr/share/hunspell/fr_FR.dic",
                                            retouche::default_cache_dir(), &st);
  if (!table) {
    std::cerr << "retouche-floor: " << st.message() << "\n";
    return 3;
  }
  std::unordered_set<std::string_view> forms;
  for (std::string_view f : table->forms()) forms.insert(f);

  auto start = std::chrono::steady_clock::now();
  size_t words = 0, known = 0;
  size_t i = 0, n = text.size();
  // Word bytes: ASCII letters and digits, and the two-byte sequences of
  // Latin letters (lead bytes C3-C5: à é ç œ…); anything else separates.
  auto word_len = [&](size_t at) -> size_t {
    unsigned char c = static_cast<unsigned char>(text[at]);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return 1;
    if (c >= 0xC3 && c <= 0xC5 && at + 1 < n) return 2;
    return 0;
  };
  auto skip_len = [&](size_t at) -> size_t {
    unsigned char c = static_cast<unsigned char>(text[at]);
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  };
  while (i < n) {
    while (i < n && word_len(i) == 0) i += skip_len(i);
    if (i > n) i = n;
    size_t b = i;
    while (i < n && word_len(i) > 0) i += word_len(i);
    if (i > b) {
      ++words;
      known += forms.count(std::string_view(text).substr(b, i - b));
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("{\"bytes\":%zu,\"words\":%zu,\"known\":%zu,\"seconds\":%.6f,\"mb_per_second\":%.3f,\"forms\":%zu}\n",
              n, words, known, secs, n / 1e6 / secs, forms.size());
  return 0;
}
