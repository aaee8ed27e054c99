// ShapeCounter: text::case_shape() one character at a time, so that the
// tokenizer computes a word's shape while it reads the word (chars.h).
#pragma once

#include "text/chars.h"

namespace retouche::text {

class ShapeCounter {
 public:
  void add(char32_t c) {
    if (!is_letter(c)) {
      prev_lower_ = false;
      return;
    }
    bool up = is_upper(c);
    bool lo = !up && is_lower(c);
    if (s_.letters == 0) s_.initial_upper = up;
    if (up && prev_lower_) s_.inner_upper = true;
    upper_ += up;
    lower_ += lo;
    prev_lower_ = lo;
    ++s_.letters;
  }
  CaseShape shape() const {
    CaseShape s = s_;
    s.all_upper = s.letters >= 2 && upper_ == s.letters;
    s.all_lower = s.letters > 0 && lower_ == s.letters;
    return s;
  }

 private:
  CaseShape s_;
  int upper_ = 0, lower_ = 0;
  bool prev_lower_ = false;
};

}  // namespace retouche::text
