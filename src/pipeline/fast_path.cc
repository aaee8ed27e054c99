#include "pipeline/fast_path.h"

#include <string>

#include "core/line_index.h"
#include "core/utf8.h"

namespace retouche {
namespace {

// foreign_lines() judges no shorter line (evidence.cc, kMinScoredBytesForLine).
constexpr size_t kMinJudgedLineBytes = 60;

// Words, marker words, distinct markers (up to kMaxCountedMarkers) and
// English grammar words of `text`.
struct MarkerCount {
  int words = 0, hits = 0, distinct = 0, english_hits = 0;
};
constexpr int kMaxCountedMarkers = 8;

MarkerCount count_markers(std::string_view line, const WordSet& markers, const WordSet& english) {
  int words = 0, hits = 0, english_hits = 0;
  const std::string* seen[kMaxCountedMarkers] = {};  // distinct markers found, up to the number needed
  int distinct = 0;
  // Words are ASCII-lowercased in place ("Dans" at a line start is a marker;
  // "Été" is not, and then CLD2 decides: a miss costs time, never output).
  char word[kLongestMarker + 1];
  size_t length = 0;  // kLongestMarker + 1: too long to be listed
  auto end_word = [&]() {
    if (length == 0) return;
    ++words;
    if (length <= kLongestMarker) {
      std::string_view w(word, length);
      auto it = markers.find(w);
      if (it != markers.end()) {
        ++hits;
        bool repeated = false;
        for (int k = 0; k < distinct; ++k) repeated |= seen[k] == &*it;
        if (!repeated && distinct < kMaxCountedMarkers) seen[distinct++] = &*it;
      } else if (english.find(w) != english.end()) {
        ++english_hits;
      }
    }
    length = 0;
  };
  auto add = [&](std::string_view bytes) {
    for (char c : bytes) {
      if (length > kLongestMarker) return;
      word[length++] = c;
    }
  };
  size_t i = 0;
  while (i < line.size()) {
    unsigned char b = static_cast<unsigned char>(line[i]);
    if (b < 0x80) {
      ++i;
      if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) {
        char lower = static_cast<char>(b | 0x20);
        add(std::string_view(&lower, 1));
      } else {
        end_word();  // apostrophes too: "qu'il" is "qu" and "il"
      }
      continue;
    }
    size_t start = i;
    char32_t c = utf8::decode(line, i);
    // Latin-1 punctuation (no-break space, « ») and General Punctuation
    // (’, –, …, narrow no-break space) end a word; other characters are
    // taken as letters (a digit or symbol among them only makes a word
    // that is not listed).
    if ((c >= 0xA0 && c <= 0xBF) || (c >= 0x2000 && c <= 0x206F) || c == 0xD7 || c == 0xF7) {
      end_word();
    } else {
      add(line.substr(start, i - start));
    }
  }
  end_word();
  return MarkerCount{words, hits, distinct, english_hits};
}

}  // namespace

bool line_is_surely_french(std::string_view line, const WordSet& markers, const WordSet& english) {
  MarkerCount m = count_markers(line, markers, english);
  return m.distinct >= kMinFrenchMarkers && m.hits * kWordsPerMarker >= m.words &&
         m.english_hits * kMarkersPerEnglishWord <= m.hits;
}

bool document_is_surely_french(std::string_view text, const WordSet& markers, const WordSet& english) {
  static_assert(kDocumentMinMarkers <= kMaxCountedMarkers);
  MarkerCount m = count_markers(text, markers, english);
  return m.words >= kDocumentMinWords && m.distinct >= kDocumentMinMarkers &&
         m.hits * 100 >= kDocumentMarkerPercent * m.words &&
         m.english_hits * kDocumentMarkersPerEnglishWord <= m.hits;
}

ByteSpans foreign_lines_fast(std::string_view text, const WordSet& markers, const WordSet& english) {
  ByteSpans out;
  LineIndex lines(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    std::string_view content = text.substr(l.begin, l.content_end - l.begin);
    if (content.size() < kMinJudgedLineBytes || line_is_surely_french(content, markers, english)) continue;
    // One line alone: foreign_lines() judges it exactly as it would inside the text.
    for (const auto& [b, e] : foreign_lines(content)) out.emplace_back(l.begin + b, l.begin + e);
  }
  return out;
}

}  // namespace retouche
