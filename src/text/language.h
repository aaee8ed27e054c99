// Which language a text is written in: CLD2 (Debian's libcld2), the
// detector corpus tools use (Common Crawl, the CCNet and OSCAR pipelines),
// wrapped so the rest of retouche never sees its types.
//
//   LanguageGuess g = detect_language("Le gouvernement a annoncé mardi…");
//   g.code == "fr", g.percent == 99, g.reliable == true
//
// CLD2 scores letters in 4-letter chunks against tables of 83 languages; on a
// paragraph it is right almost always, on a headline of three words it
// guesses. `reliable` is CLD2's own judgement (the winner clearly ahead, and
// enough text); callers decide nothing on an unreliable guess.
//
// Thread-safety: pure function (CLD2's tables are static and read-only).
#pragma once

#include <string>
#include <string_view>

namespace retouche::text {

struct LanguageGuess {
  std::string code = "un";  // ISO 639-1 ("fr", "en", "de", "zh"…), "un" when undetermined
  int percent = 0;          // share (0-100) of the scored text in that language
  int french_percent = 0;   // share in French, wherever French ranks among the top three
  int scored_bytes = 0;     // letters CLD2 scored (markup, digits and punctuation excluded)
  bool reliable = false;
  bool french() const { return code == "fr"; }
};

// `utf8` must be valid UTF-8 (an invalid text is undetermined). Plain text,
// not HTML.
LanguageGuess detect_language(std::string_view utf8);

}  // namespace retouche::text
