// names_cues.h — what the sentence around an unknown capitalised word says
// it is: a place after "à", "en", "entre", "la municipalité de"…, a person
// after a title or a first name, or before a verb (step 2 of names_steps.h).
#pragma once

#include <cstddef>

#include "rules/names_steps.h"

namespace retouche::name_steps {

enum class Expect { kNothing, kPlace, kPerson };

// What the words around an unknown capitalised word say it is, and how surely.
struct Cue {
  Expect expect = Expect::kNothing;
  int strength = 0;  // 2: sure ("à", "en", a title), 1: likely, 0: possible
  const char* why = "";
};

// The cue of the words around word `wi`.
Cue cue_of(NameDoc& doc, size_t wi);

// A place located by what follows ("à Osaki, dans la préfecture de Miyagi",
// "à Hebburn dans le comté de", "à Brookline (Massachusetts)"): a small place
// of its own, seldom a famous one garbled.
bool located(NameDoc& doc, size_t wi);

}  // namespace retouche::name_steps
