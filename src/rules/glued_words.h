// The shared parts of joins.glued-words (glued_words.cc): what the sentence
// around an unknown word shows, and the scoring of the splits of a
// capitalised unknown word (glued_words_capital.cc).
#pragma once

#include <cstddef>
#include <string_view>

#include "pipeline/rule.h"
#include "rules/word_knowledge.h"

namespace retouche::joins {

// What comes right after the token.
struct Following {
  std::string_view word;     // a word after spaces (an elided one too: "l'"), or ""
  std::string_view number;   // or a number
  std::string_view then;     // the word after that word or number, or ""
  size_t index = 0;          // the token of `word` or `number`
  bool punctuation = false;  // punctuation right after the token
};
// The token's neighbours.
struct Surroundings {
  std::string_view previous;  // the word before, after one space, or an elided word ("l'")
  Following next;
};

// Facts about the sentence around a capitalised word, for all its splits:
// -1 until asked.
struct Evidence {
  bool previous_starts_name = false;  // the word before may begin a name of several words
  bool article_before = false;        // the word before is an article
  int verb_wanted = -1;               // a verb fits after the word and its clause has none
};

inline constexpr size_t kLongestGrammarWord = 12;  // bytes: "aujourd'hui", "lorsque"

// A capitalised unknown word: a place, organisation or person of the name
// table (a curated, well-known name, not a first name: Peterson, Nielsen,
// Machen are real names that merely end like a grammar word) followed by a
// grammar word or a verb.
int score_capital(WordKnowledge& wk, std::string_view left, std::string_view right,
                  size_t right_len, const Surroundings& env, const Evidence& ev,
                  bool person_position);

// Evidence from the sentence that `right` is a word of its own after a
// capitalised `left` of three letters or more, known or not (most glued
// names are rare ones). `rank` prefers, among several such splits, a
// left part the lexicon knows, then the longer right part.
bool sentence_evidence(RuleContext& ctx, WordKnowledge& wk, const Surroundings& env, Evidence& ev,
                       size_t ti, std::string_view left, std::string_view right, size_t right_len,
                       int* rank);

}  // namespace retouche::joins
