// names_steps.h — the steps of the names rule (rules/names.cc) and what they
// hand each other. One document goes through:
//
//   1. find candidates  names_candidates.cc   table forms (a correct one
//                       protects its words, a variant is a hit) and unknown
//                       capitalised words for the matcher
//   2. look up, decide  names_fuzzy.cc        the matcher's candidates for each
//                       unknown word, weighed against what the sentence
//                       expects (names_cues.cc)
//   3. first names      names_first_names.cc  a garbled first name before a
//                       corrected surname
//   4. emit             names_emit.cc         hits proposed with the document's
//                       evidence; consistency; unknown words reported
//
// The word-context predicates all steps share are in names_context.h.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lexicon/name_matcher.h"
#include "lexicon/name_table.h"
#include "pipeline/rule.h"
#include "rules/word_knowledge.h"
#include "text/chars.h"
#include "text/tokenizer.h"

namespace retouche::name_steps {

enum Info { kVariant = 0, kFuzzy, kConsistency, kUnknown, kHouse };

// A correction found by steps 1-3, proposed by step 4.
struct Hit {
  size_t begin, end;  // current-text bytes
  const NameEntry* entry;
  std::string from;  // the text replaced
  double confidence;
  int info;
  bool needs_evidence;  // ambiguous variant or weak fuzzy match
  std::string why;
  std::string replacement;  // empty: the entry's canonical form
  const std::string& to() const { return replacement.empty() ? entry->canonical : replacement; }
};

// What a thread remembers across documents: matcher answers for unknown
// words and first-name look-alikes. Bounded: emptied when full.
struct ThreadCache {
  static constexpr size_t kMaxEntries = 50000;
  std::unordered_map<std::string, NameMatcher::Match> matches;
  std::unordered_map<std::string, bool> first_name_like;
  std::unordered_map<std::string, std::string> first_for_surname;  // "pw\tsurname" -> first name or ""
};

// The first names of the table's people, built once per rule.
class People {
 public:
  explicit People(const NameTable& table);
  // The first names of a surname ("Lavrov" -> "Sergueï"), or null.
  const std::vector<std::string>* first_names_of(const std::string& surname) const;
  // Is `w` a first name of the table (a first-name row, or the first word of a person)?
  bool table_first_name(const NameTable& table, std::string_view w) const;
  // A word close to one of the table's first names ("Ramzam", "Sirgueï").
  // Answers are remembered in `memo`.
  bool matcher_first_name(std::string_view w, std::unordered_map<std::string, bool>& memo) const;

 private:
  std::unordered_map<std::string, std::vector<std::string>> first_names_;
  std::set<std::string> all_first_names_;
  std::vector<CostedKey> first_name_keys_;  // name_key of each of all_first_names_
};

// One document as the steps see it: its word tokens, what the table knows of
// each (looked up once), and the knowledge the steps consult.
struct NameDoc {
  NameDoc(std::string_view text, const std::vector<text::Token>& tokens, const NameTable& names,
          WordKnowledge& knowledge, const People& people, ThreadCache& cache);

  std::string_view t;
  const std::vector<text::Token>& toks;
  const NameTable& table;
  WordKnowledge& wk;
  const People& people;
  ThreadCache& cache;
  std::vector<size_t> words;  // indices of the word tokens
  std::vector<const NameTable::WordInfo*> info;  // parallel to words
  std::vector<text::CaseShape> shapes;           // parallel to words

  std::string_view word_at(size_t wi) const { return toks[words[wi]].text(t); }
  const std::vector<const NameEntry*>* correct_of(size_t wi) const {
    return info[wi] ? info[wi]->correct : nullptr;
  }
  // Are tokens a and b (token indices) word tokens separated by one space?
  bool spaced(size_t a, size_t b) const {
    return b == a + 2 && toks[a + 1].kind == text::TokenKind::kSpace && toks[a + 1].text(t) == " ";
  }
  // Word `wi` and the next one, one space apart.
  bool spaced_next(size_t wi) const { return wi + 1 < words.size() && spaced(words[wi], words[wi + 1]); }
  // The k-th word before `wi`, when only spaces or elisions lie between.
  std::string_view before(size_t wi, size_t k) const;
  // The k-th word after `wi`, when only single spaces lie between.
  std::string_view after(size_t wi, size_t k) const;
};

// An unknown capitalised word for the matcher.
struct Unknown {
  size_t wi;          // index in NameDoc::words
  size_t begin, end;  // the word, or the name part of a glued token ("Tonetsk" of "TonetskQue")
};

// Step 1's findings.
struct Candidates {
  std::vector<Hit> hits;          // variants of the table
  std::set<std::string> present;  // correct forms written in the document
  std::vector<Unknown> unknowns;  // words for the matcher
};

// Step 1 (names_candidates.cc).
Candidates find_candidates(NameDoc& doc);

// Step 2 (names_fuzzy.cc): fuzzy hits for the unknown words, appended to `hits`.
void match_unknowns(NameDoc& doc, const NameMatcher& matcher, const std::vector<Unknown>& unknowns,
                    std::vector<Hit>& hits);

// Step 3 (names_first_names.cc): a garbled first name before a surname
// corrected in `hits` or written correctly.
std::vector<Hit> first_names_before_surnames(NameDoc& doc, const std::vector<Hit>& hits);

// Step 4 (names_emit.cc): `firsts` replace the hits at their place; all are
// proposed, then consistency and unknown words.
void emit(RuleContext& ctx, NameDoc& doc, Candidates& found, std::vector<Hit> firsts);

}  // namespace retouche::name_steps
