// The morphology bits of lexicon.h read from Hunspell's analyze() output
// (Dicollecte tags: "st:avec po:mg po:prep"). Shared by Lexicon (answers
// asked of Hunspell) and LexiconTable (answers computed once, when the table
// is built), so both give the same bits for the same word.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

class Hunspell;

namespace retouche {

// The bits of one analysis line.
uint32_t morphology_bits(std::string_view analysis);

// All analyses of `w`: their bits, word::kVerb for a finite verb, and
// LexiconTable::kOwnEntry when an analysis has `w` itself as its stem.
uint32_t analysis_bits(Hunspell& hunspell, const std::string& w);

// Held while a Hunspell handle is created or destroyed: Debian's 1.7.1 races
// when handles are created concurrently.
std::mutex& hunspell_creation_mutex();

}  // namespace retouche
