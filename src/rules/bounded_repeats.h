// Bounded repeats of "any character" in an RE2 pattern, relaxed.
//
// RE2 compiles `.{0,150}` into 150 nested copies of a UTF-8 "any character"
// automaton: the ten line patterns of corrections/boilerplate/ that bound a
// line's tail this way made two thirds of retouche's start-up (RE2::Set
// compiled in 56 ms; 17 ms with `.*` in their place). LinePatterns compiles
// the relaxed form into its set, which matches every line the exact pattern
// matches and a few more, and checks those few against the exact pattern,
// compiled only when a line first needs it.
#pragma once

#include <string>
#include <string_view>

namespace retouche {

// `pattern` with every `.{a,b}` outside a character class and outside
// `\Q…\E` written `.{a,}` (`.*` and `.+` for a = 0 and 1); the pattern itself
// when it has none. Escapes and POSIX classes ("[[:alpha:].]") are kept.
std::string relax_bounded_dots(std::string_view pattern);

}  // namespace retouche
