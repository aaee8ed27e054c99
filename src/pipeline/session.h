// Per-thread working state of a pipeline run: a lexicon session (Hunspell
// handle and cache) and scratch buffers reused from document to document.
#pragma once

#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "lexicon/lexicon.h"
#include "text/tokenizer.h"

namespace retouche {

struct Session {
  explicit Session(const LexiconData& data) : lexicon(data) {}
  Lexicon lexicon;
  std::vector<text::Token> tokens;
  std::unordered_map<const void*, std::shared_ptr<void>> rule_caches;  // RuleContext::thread_cache
};

// Hands out sessions to concurrent runs; creates them on demand, one at a time.
class SessionPool {
 public:
  explicit SessionPool(const LexiconData& data) : data_(data) {}

  std::unique_ptr<Session> acquire() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!free_.empty()) {
        auto s = std::move(free_.back());
        free_.pop_back();
        return s;
      }
    }
    return std::make_unique<Session>(data_);
  }
  void release(std::unique_ptr<Session> s) {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(std::move(s));
  }

 private:
  const LexiconData& data_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Session>> free_;
};

}  // namespace retouche
