#include "text/language.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <climits>

namespace CLD2 {
// Declared in cld2/internal/lang_script.h, which the Debian package ships but
// whose includes do not resolve from the public headers alone.
const char* LanguageCode(Language lang);
}  // namespace CLD2

namespace retouche::text {

LanguageGuess detect_language(std::string_view utf8) {
  LanguageGuess g;
  if (utf8.empty()) return g;
  int length = utf8.size() > static_cast<size_t>(INT_MAX) ? INT_MAX : static_cast<int>(utf8.size());
  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language language3[3];
  int percent3[3];
  double scores3[3];
  int text_bytes = 0, valid_prefix = 0;
  bool reliable = false;
  CLD2::Language top = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      utf8.data(), length, /*is_plain_text=*/true, &hints, /*flags=*/0, language3, percent3, scores3,
      /*resultchunkvector=*/nullptr, &text_bytes, &reliable, &valid_prefix);
  if (valid_prefix < length) return g;  // not UTF-8: nothing to say
  g.scored_bytes = text_bytes;
  if (top == CLD2::UNKNOWN_LANGUAGE || top == CLD2::TG_UNKNOWN_LANGUAGE) return g;
  g.code = CLD2::LanguageCode(top);
  g.reliable = reliable;
  for (int i = 0; i < 3; ++i) {
    if (language3[i] == top) g.percent = percent3[i];
    if (language3[i] == CLD2::FRENCH) g.french_percent = percent3[i];
  }
  return g;
}

}  // namespace retouche::text
