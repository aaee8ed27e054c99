#include "lexicon/analysis_bits.h"

#include <hunspell/hunspell.hxx>

#include "core/utf8.h"
#include "lexicon/lexicon.h"
#include "lexicon/lexicon_table.h"
#include "text/chars.h"

namespace retouche {

// Reads the Dicollecte tags of one analyze() line (" st:avec po:mg po:prep").
uint32_t morphology_bits(std::string_view a) {
  uint32_t bits = 0;
  size_t i = 0;
  while (i < a.size()) {
    while (i < a.size() && a[i] == ' ') ++i;
    size_t j = a.find(' ', i);
    if (j == std::string_view::npos) j = a.size();
    std::string_view f = a.substr(i, j - i);
    i = j;
    if (f.starts_with("st:")) {
      std::string_view stem = f.substr(3);
      size_t k = 0;
      char32_t c = stem.empty() ? 0 : utf8::decode(stem, k);
      bits |= text::is_upper(c) ? word::kNameReading : word::kCommonReading;
      continue;
    }
    if (!f.starts_with("po:")) continue;
    std::string_view p = f.substr(3);
    if (p == "prn") bits |= word::kNameReading | word::kFirstName;
    else if (p == "npr" || p == "patr") bits |= word::kNameReading | word::kPlaceOrSurname;
    else if (p == "mg") bits |= word::kFunctionWord;
    else if (p == "nom") bits |= word::kNoun;
    else if (p == "adj") bits |= word::kAdjective;
    else if (p == "infi") bits |= word::kInfinitive;
    else if (p == "ppas" || p == "ppre") bits |= word::kParticiple;
    else if (p == "adv" || p == "negadv" || p == "loc.adv") bits |= word::kAdverb;
    else if (p.starts_with("det")) bits |= word::kDeterminer;
    else if (p == "prep" || p == "loc.prep" || p == "prepv") bits |= word::kPreposition;
    else if (p == "propersuj") bits |= word::kPronoun | word::kSubjectPronoun;
    else if (p.starts_with("pro")) bits |= word::kPronoun;
    else if (p.starts_with("cj") || p == "loc.cj") bits |= word::kConjunction;
    else if (p.starts_with("v") && p.size() > 2 && (p[1] >= '0' && p[1] <= '3')) bits |= word::kVerb;
    else if (p == "ipre" || p == "iimp" || p == "ipsi" || p == "ifut" || p == "cond" ||
             p == "spre" || p == "simp" || p == "impe") {
      bits |= word::kFiniteVerb;
    }
  }
  return bits;
}

uint32_t analysis_bits(Hunspell& hunspell, const std::string& w) {
  uint32_t b = 0;
  bool own_entry = false;  // an analysis whose stem is the word as written
  std::string stem_field = "st:" + w;
  for (const std::string& a : hunspell.analyze(w)) {
    b |= morphology_bits(a);
    size_t at = a.find(stem_field);
    own_entry |= at != std::string::npos &&
                 (at + stem_field.size() == a.size() || a[at + stem_field.size()] == ' ');
  }
  if (b & word::kFiniteVerb) b |= word::kVerb;
  return b | (own_entry ? LexiconTable::kOwnEntry : 0);
}

std::mutex& hunspell_creation_mutex() {
  static std::mutex m;
  return m;
}

}  // namespace retouche
