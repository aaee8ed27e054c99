// What the token rules need to know about a word, from the lexicon (Hunspell
// and its cache), the name table and the word lists of dictionaries/: is it a
// name, a common word, a grammar word, a word that starts sentences?
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/word_set.h"
#include "lexicon/lexicon.h"
#include "lexicon/name_table.h"
#include "pipeline/resources.h"
#include "text/tokenizer.h"

namespace retouche {

struct WordLists {
  const WordSet* sentence_starters = nullptr;  // dictionaries/sentence-starters-fr.txt
  const WordSet* clause_openers = nullptr;     // dictionaries/clause-openers-fr.txt
  const WordSet* function_words = nullptr;     // dictionaries/function-words-fr.txt
  const WordSet* camelcase = nullptr;          // dictionaries/camelcase.txt
  const WordSet* glue_after_name = nullptr;    // dictionaries/glue-after-name-fr.txt
  const WordSet* determiners = nullptr;        // dictionaries/determiners-fr.txt
  const WordSet* auxiliaries = nullptr;        // dictionaries/auxiliaries-fr.txt
  const WordSet* suffixes = nullptr;           // dictionaries/derivational-suffixes-fr.txt
  const WordSet* work_nouns = nullptr;         // dictionaries/work-nouns-fr.txt
  const WordSet* person_nouns = nullptr;       // dictionaries/person-nouns-fr.txt
  const WordSet* prefixes = nullptr;           // dictionaries/prefixes-fr.txt
  const WordSet* english = nullptr;            // dictionaries/function-words-en.txt
  const WordSet* prenominal = nullptr;         // dictionaries/prenominal-adjectives-fr.txt
  const WordSet* cardinal_points = nullptr;    // dictionaries/cardinal-points-fr.txt
  // Read by the joins rules (see each file for how it is matched).
  const WordSet* always_verbs = nullptr;             // dictionaries/always-verbs-fr.txt
  const WordSet* auxiliaries_after_name = nullptr;   // dictionaries/auxiliaries-after-name-fr.txt
  const WordSet* subordinators = nullptr;            // dictionaries/subordinators-fr.txt
  const WordSet* clause_boundaries = nullptr;        // dictionaries/clause-boundaries-fr.txt
  const WordSet* articles = nullptr;                 // dictionaries/articles-fr.txt
  const WordSet* long_grammar_words = nullptr;       // dictionaries/long-grammar-words-fr.txt
  const WordSet* never_after_preposition = nullptr;  // dictionaries/never-after-preposition-fr.txt
  const WordSet* never_after_verb = nullptr;         // dictionaries/never-after-verb-fr.txt
  const WordSet* months = nullptr;                   // dictionaries/months-fr.txt
  const WordSet* weak_endings = nullptr;             // dictionaries/weak-endings-fr.txt
  // Read by the names rules: the context of a name.
  const WordSet* demonym_determiners = nullptr;  // dictionaries/demonym-determiners-fr.txt
  const WordSet* person_titles = nullptr;        // dictionaries/person-titles-fr.txt
  const WordSet* place_prepositions = nullptr;   // dictionaries/place-prepositions-fr.txt
  const WordSet* place_nouns = nullptr;          // dictionaries/place-nouns-fr.txt
  const WordSet* name_particles = nullptr;       // dictionaries/name-particles.txt
  const WordSet* former_name_markers = nullptr;  // dictionaries/former-name-markers-fr.txt

  // Fills from resources; fails naming the missing file.
  Status load(const Resources& r);
};

// Normalises the typographic apostrophe to "'" (the tables use ASCII).
std::string ascii_apostrophes(std::string_view w);
// The same without allocating when `w` has no typographic apostrophe (the
// common case): returns `w` itself, or the normalised copy stored in `buf`.
std::string_view ascii_apostrophes(std::string_view w, std::string& buf);

class WordKnowledge {
 public:
  WordKnowledge(Lexicon& lexicon, const NameTable& names, const WordLists& lists)
      : lex_(lexicon), names_(names), lists_(lists) {}

  // A correct proper name: in the name table, or a proper-noun reading in the
  // dictionary (po:npr, capitalised stem) or an add-on word.
  bool is_name(std::string_view w);
  // Known to the dictionary as written (or as a correct name).
  bool known(std::string_view w);
  // Morphology bits of the word (see lexicon.h).
  uint32_t morphology(std::string_view w) { return lex_.morphology(w); }
  // The lowercase form is a common French word.
  bool common_lower(std::string_view w);

  bool starter(std::string_view w) const { return lists_.sentence_starters->count(lower(w)) > 0; }
  bool opener(std::string_view w) const { return lists_.clause_openers->count(lower(w)) > 0; }
  bool function_word(std::string_view w) const { return lists_.function_words->count(lower(w)) > 0; }
  bool camelcase(std::string_view w) const { return lists_.camelcase->count(std::string(w)) > 0; }
  bool glue_after_name(std::string_view w) const { return lists_.glue_after_name->count(lower(w)) > 0; }
  bool determiner(std::string_view w) const { return lists_.determiners->count(lower(w)) > 0; }
  bool auxiliary(std::string_view w) const { return lists_.auxiliaries->count(lower(w)) > 0; }
  bool work_noun(std::string_view w) const { return lists_.work_nouns->count(lower(w)) > 0; }
  bool cardinal_point(std::string_view w) const { return lists_.cardinal_points->count(std::string(w)) > 0; }
  // A title, function or profession that stands before a person's name
  // ("professeur", "ministre", "islamologue").
  bool person_noun(std::string_view w) const;
  bool prefix(std::string_view w) const { return lists_.prefixes->count(lower(w)) > 0; }
  bool english(std::string_view w) const { return lists_.english->count(lower(w)) > 0; }
  // An adjective that stands before its noun ("premier", "ancien", "superbe").
  bool prenominal_adjective(std::string_view w) const { return lists_.prenominal->count(lower(w)) > 0; }
  // A preposition that French does not also use as a word-forming prefix
  // (dans, avec, pour; not sur-, sous-, contre-, entre-).
  bool preposition_not_prefix(std::string_view w) const { return preposition_not_prefix_lc(lower(w)); }
  static bool preposition_not_prefix_lc(std::string_view lowercase);
  // The word ends with a derivational suffix ("-ment", "-ienne").
  bool derived_ending(std::string_view w) const;
  // A first name: a first-name row of the name table or the dictionary's po:prn.
  bool first_name(std::string_view w);
  // A name that is a place, an organisation or a surname, not only a first name.
  bool place_or_surname(std::string_view w);
  // A correct form of the curated name table that is not a first name.
  bool curated_name(std::string_view w) const;

  // The lists themselves, for callers that ask about words already in
  // lowercase with ASCII apostrophes, or about a word exactly as written
  // (`in`: no case mapping, no apostrophe normalisation, no copy).
  const WordLists& lists() const { return lists_; }
  static bool in(const WordSet* list, std::string_view w) { return list->contains(w); }

  const NameTable& names() const { return names_; }
  Lexicon& lexicon() { return lex_; }
  static std::string lower(std::string_view w);

 private:
  Lexicon& lex_;
  const NameTable& names_;
  const WordLists& lists_;
};

// Is the word token at `k` a conjugated verb here? A form that is also a
// noun is the noun right after a determiner ("Les relations", "des
// souris"); an auxiliary stays a verb after an object pronoun that looks
// like one ("les a").
bool finite_verb_at(WordKnowledge& wk, std::string_view text, const std::vector<text::Token>& toks,
                    size_t k);

}  // namespace retouche
