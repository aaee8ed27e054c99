// names_context.h — what the words around a name say about it: the
// predicates the steps of the names rule share (names_steps.h).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "lexicon/name_table.h"
#include "rules/word_knowledge.h"
#include "text/tokenizer.h"

namespace retouche::name_steps {

// A demonym noun follows a French determiner or quantifier ("de nombreux
// Azerbaïdjanos", "les Ukrainiens").
bool demonym_context(WordKnowledge& wk, std::string_view prev);

// Is `w` a known word or name followed by a known lowercase common word of
// four letters or more, the name being a garble of the first word only?
bool splits_into_known_words(WordKnowledge& wk, std::string_view w, std::string_view name);

// The surname of a person of the table, written correctly or as a variant.
bool surname_known(const NameTable& table, std::string_view w);

// A title that announces a person (dictionaries/person-titles-fr.txt).
bool person_context(const WordKnowledge& wk, std::string_view prev);

// Is `w`, lowercased, one of `list`?
bool is_one_of(std::string_view w, std::initializer_list<const char*> list);

// A name standing on its own: a one-word form of the table, or a proper noun
// of the system dictionary, not only a part of a longer name ("Radio" of
// Radio France).
bool standalone_name(WordKnowledge& wk, std::string_view w);

// Is the variant spanning words first..last (indices into `words`) part of a
// foreign proper name, quoted, glossed or a namesake? See names_context.cc.
bool foreign_name_context(WordKnowledge& wk, std::string_view t, const std::vector<text::Token>& toks,
                          const std::vector<size_t>& words, size_t first, size_t last,
                          const NameEntry* entry);

// Prepositions after which a place is expected
// (dictionaries/place-prepositions-fr.txt).
bool strong_place(const WordKnowledge& wk, std::string_view prev);

// Nouns whose complement names a place: "la municipalité de X"
// (dictionaries/place-nouns-fr.txt).
bool place_noun(const WordKnowledge& wk, std::string_view w);

// Kinds the matcher may guess: places and people.
bool fuzzy_target(const NameEntry& e);

// A name written in the plural ("Philippines", "États-Unis", "Comores").
bool plural_name(std::string_view canonical);

// Byte length of the name part of a glued token: up to its first lowercase ->
// uppercase boundary ("TonetskQue" -> 7), or 0.
size_t glued_cut(std::string_view w);

// The first word token after token `k`, across spaces only (or empty).
std::string_view after_token(const std::vector<text::Token>& toks, std::string_view t, size_t k);

// Word token `a` directly before token `b`, after a space or an elided article ("l’Ukraine").
bool spaced_or_elided(const std::vector<text::Token>& toks, size_t a, size_t b);

}  // namespace retouche::name_steps
