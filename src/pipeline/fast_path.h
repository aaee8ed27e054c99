// The fast path (issue 11): cheap checks that let the pipeline skip work
// whose answer they already know, with the same output.
//
//   if (!line_is_surely_french(line, lists)) guess = detect_language(line);
//
// The language of the whole document, and of each line. A French document's lines are asked of
// CLD2 one by one (evidence.h, foreign_lines: ~300 instructions per byte,
// as much again as the whole document's identification); a line holding
// enough words that only French uses as grammar words
// (dictionaries/french-markers-fr.txt: "dans", "avec", "été") and next to no
// English grammar words (function-words-en.txt) is not one CLD2 reliably
// finds to hold at most 10 % French, and is not asked. (CLD2 calls some
// wrapped French lines with an English title in them English: "et
// irlandaises pour une reprise de Do They Know It's Christmas ? Tous".)
//
// Byte-identical output with and without the fast path is the contract:
// PipelineOptions::fast_path = false, or RETOUCHE_FAST_PATH=0 in the
// environment, turns it off; tests/fast_path_test.cc compares both over
// every test input.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/word_set.h"
#include "pipeline/evidence.h"

namespace retouche {

// A line of this many different marker words, at least one marker in kWordsPerMarker
// words, and at most one English grammar word per kMarkersPerEnglishWord
// markers is French without asking CLD2.
inline constexpr int kMinFrenchMarkers = 3;
// Measured on the 11,531 lines of 60 bytes or more that the test inputs
// and ../shared/dev asked CLD2 about with one marker in 8 words: one in 12
// skips 57 % of their bytes, and CLD2 finds none of the skipped lines
// foreign (FastPath.SkipsNoLineCld2FindsForeign). One in 16 to 50 would skip
// 72 to 77 %, none foreign either; but so few markers come close to the
// 10 % of French under which CLD2 calls a line foreign.
inline constexpr int kWordsPerMarker = 12;
inline constexpr int kMarkersPerEnglishWord = 4;
// No word of either list is longer (bytes: "étaient"); longer words are not
// looked up. Pipeline::create checks the lists.
inline constexpr size_t kLongestMarker = 8;

// Does `line` (no terminator) hold enough French marker words and few
// enough English grammar words (lowercase lists) to be French whatever CLD2
// would say?
// The two word lists, lowercase, as one table of words of at most
// kLongestMarker bytes, each packed into 64 bits: a look-up is a multiply
// and a probe or two, not a string hash (the fast path looks up every word
// of every document).
class MarkerLists {
 public:
  MarkerLists(const WordSet& french_markers, const WordSet& english_words);
  // A French marker's number (1, 2, …), -1 for an English grammar word, 0 for neither.
  int find(std::string_view word) const;

 private:
  size_t slot(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_); }
  std::vector<uint64_t> keys_;  // 0: empty (no listed word is empty)
  std::vector<int> ids_;
  int shift_ = 0;
};

bool line_is_surely_french(std::string_view line, const MarkerLists& lists);

// A document of at least kDocumentMinWords words, kDocumentMinMarkers
// different marker words, markers making kDocumentMarkerPercent % of its words
// and at most one English grammar word per kDocumentMarkersPerEnglishWord
// markers is French without asking CLD2 (judge_document_language). French
// news, MT and pages run at 7 to 12 % markers (the lowest of 1,500 dev
// documents of 100 words or more: 3.7 %, a Gentoo how-to full of commands),
// the English, Spanish, German, Portuguese, Czech, Chinese and Japanese
// pages of ../shared/dev/real/pages-other at 0.3 % or less.
inline constexpr int kDocumentMinWords = 100;
inline constexpr int kDocumentMinMarkers = 8;
inline constexpr int kDocumentMarkerPercent = 6;
inline constexpr int kDocumentMarkersPerEnglishWord = 3;
bool document_is_surely_french(std::string_view text, const MarkerLists& lists);

// foreign_lines(text) (evidence.h), without asking CLD2 about the lines that
// line_is_surely_french() decides.
ByteSpans foreign_lines_fast(std::string_view text, const MarkerLists& lists);

}  // namespace retouche
