#include "pipeline/fast_path.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

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

MarkerCount count_markers(std::string_view line, const MarkerLists& lists) {
  MarkerCount m;
  int seen[kMaxCountedMarkers] = {};  // distinct markers found, up to the number needed
  // Words are ASCII-lowercased in place ("Dans" at a line start is a marker;
  // "Été" is not, and then CLD2 decides: a miss costs time, never output).
  char word[kLongestMarker + 1];
  size_t length = 0;  // kLongestMarker + 1: too long to be listed
  auto end_word = [&]() {
    if (length == 0) return;
    ++m.words;
    if (length <= kLongestMarker) {
      int id = lists.find(std::string_view(word, length));
      if (id > 0) {
        ++m.hits;
        bool repeated = false;
        for (int k = 0; k < m.distinct; ++k) repeated |= seen[k] == id;
        if (!repeated && m.distinct < kMaxCountedMarkers) seen[m.distinct++] = id;
      } else if (id < 0) {
        ++m.english_hits;
      }
    }
    length = 0;
  };
  size_t i = 0;
  while (i < line.size()) {
    unsigned char b = static_cast<unsigned char>(line[i]);
    if (b < 0x80) {
      ++i;
      if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) {
        if (length <= kLongestMarker) word[length++] = static_cast<char>(b | 0x20);
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
      for (size_t k = start; k < i && length <= kLongestMarker; ++k) word[length++] = line[k];
    }
  }
  end_word();
  return m;
}

uint64_t pack_word(std::string_view w) {
  uint64_t key = 0;
  std::memcpy(&key, w.data(), w.size());
  return key;
}

}  // namespace

MarkerLists::MarkerLists(const WordSet& french_markers, const WordSet& english_words) {
  size_t capacity = 16;
  while (capacity < 4 * (french_markers.size() + english_words.size())) capacity *= 2;
  keys_.assign(capacity, 0);
  ids_.assign(capacity, 0);
  shift_ = 64;
  for (size_t c = capacity; c > 1; c /= 2) --shift_;
  auto insert = [&](const std::string& w, int id) {
    if (w.empty() || w.size() > kLongestMarker) return;  // Pipeline::create refuses longer words
    uint64_t key = pack_word(w);
    size_t slot = this->slot(key);
    while (keys_[slot] != 0 && keys_[slot] != key) slot = (slot + 1) & (keys_.size() - 1);
    keys_[slot] = key;
    ids_[slot] = id;
  };
  // A word on both lists is a marker: the French list is written last.
  for (const std::string& w : english_words) insert(w, -1);
  int id = 0;
  std::vector<std::string> sorted(french_markers.begin(), french_markers.end());
  std::sort(sorted.begin(), sorted.end());
  for (const std::string& w : sorted) insert(w, ++id);
}

int MarkerLists::find(std::string_view w) const {
  if (w.empty() || w.size() > kLongestMarker) return 0;
  uint64_t key = pack_word(w);
  for (size_t slot = this->slot(key);; slot = (slot + 1) & (keys_.size() - 1)) {
    if (keys_[slot] == key) return ids_[slot];
    if (keys_[slot] == 0) return 0;
  }
}

bool line_is_surely_french(std::string_view line, const MarkerLists& lists) {
  MarkerCount m = count_markers(line, lists);
  return m.distinct >= kMinFrenchMarkers && m.hits * kWordsPerMarker >= m.words &&
         m.english_hits * kMarkersPerEnglishWord <= m.hits;
}

bool document_is_surely_french(std::string_view text, const MarkerLists& lists) {
  static_assert(kDocumentMinMarkers <= kMaxCountedMarkers);
  MarkerCount m = count_markers(text, lists);
  return m.words >= kDocumentMinWords && m.distinct >= kDocumentMinMarkers &&
         m.hits * 100 >= kDocumentMarkerPercent * m.words &&
         m.english_hits * kDocumentMarkersPerEnglishWord <= m.hits;
}

ByteSpans foreign_lines_fast(std::string_view text, const MarkerLists& lists) {
  ByteSpans out;
  LineIndex lines(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    std::string_view content = text.substr(l.begin, l.content_end - l.begin);
    if (content.size() < kMinJudgedLineBytes || line_is_surely_french(content, lists)) continue;
    // One line alone: foreign_lines() judges it exactly as it would inside the text.
    for (const auto& [b, e] : foreign_lines(content)) out.emplace_back(l.begin + b, l.begin + e);
  }
  return out;
}

}  // namespace retouche
