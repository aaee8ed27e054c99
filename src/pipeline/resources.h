// Resources: everything loaded from disk once per Pipeline and shared,
// read-only, by every rule and thread: the lexicon data, the tables of
// corrections/ and the word lists of dictionaries/.
#pragma once

#include <re2/re2.h>

#include <map>
#include <memory>
#include <string>

#include "core/word_set.h"
#include "lexicon/lexicon.h"
#include "retouche/pipeline.h"
#include "retouche/status.h"

namespace retouche {

class NameTable;
class NameMatcher;
class LineStats;
class KeepWords;
class LinePatterns;

struct Resources {
  std::string data_dir;
  std::string corrections_dir;   // data_dir + "/corrections"
  std::string dictionaries_dir;  // data_dir + "/dictionaries"
  std::unique_ptr<LexiconData> lexicon;
  // Spans no token rule may edit inside: corrections/protected.re2, one alternation.
  std::unique_ptr<RE2> protected_spans;
  std::shared_ptr<const NameTable> names;
  std::shared_ptr<const NameMatcher> name_matcher;  // fuzzy index over `names`
  // corrections/boilerplate/*.re2 and its regions/, compiled (the boilerplate rule's).
  std::shared_ptr<const LinePatterns> boilerplate_patterns, boilerplate_regions;
  // Corpus line statistics (--line-stats), or null.
  std::shared_ptr<const LineStats> line_stats;
  uint32_t line_stats_min_docs = 0;  // a line in at least this many documents is furniture
  // Words and phrases no rule may change (--keep-words), or null.
  std::shared_ptr<const KeepWords> keep_words;
  // Plain word lists of dictionaries/*.txt, by file stem ("function-words-fr").
  std::map<std::string, WordSet> word_lists;

  const WordSet* word_list(const std::string& name) const {
    auto it = word_lists.find(name);
    return it == word_lists.end() ? nullptr : &it->second;
  }

  static std::unique_ptr<Resources> load(const PipelineOptions& options, Status* status);
};

// The data directory used when PipelineOptions::data_dir is empty.
std::string default_data_dir();
// Where the lexicon table's cache file lives when PipelineOptions says nothing.
std::string default_cache_dir();

}  // namespace retouche
