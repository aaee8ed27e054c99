// names_steps.cc — the document view and the first-name index the steps of
// the names rule share (names_steps.h).
#include "rules/names_steps.h"

#include <cstdlib>

#include "rules/names_context.h"

namespace retouche::name_steps {

People::People(const NameTable& table) {
  for (const NameEntry& e : table.entries()) {
    if (e.kind != NameKind::kPerson) continue;
    size_t sp = e.canonical.rfind(' ');
    if (sp == std::string::npos) continue;
    first_names_[e.canonical.substr(sp + 1)].push_back(e.canonical.substr(0, sp));
    all_first_names_.insert(e.canonical.substr(0, sp));
    // Each word of a first name of several ("Recep Tayyip"): "Tayyip" before a surname.
    std::string first = e.canonical.substr(0, sp);
    for (size_t b = 0, s2; b < first.size(); b = s2 + 1) {
      s2 = first.find(' ', b);
      if (s2 == std::string::npos) s2 = first.size();
      if (s2 < first.size() || b > 0) all_first_names_.insert(first.substr(b, s2 - b));
    }
  }
  for (const std::string& f : all_first_names_) first_name_keys_.emplace_back(name_key(f));
}

const std::vector<std::string>* People::first_names_of(const std::string& surname) const {
  auto it = first_names_.find(surname);
  return it == first_names_.end() ? nullptr : &it->second;
}

bool People::table_first_name(const NameTable& table, std::string_view w) const {
  std::string f = ascii_apostrophes(w);
  if (all_first_names_.count(f)) return true;
  if (const auto* entries = table.find_correct(f)) {
    for (const NameEntry* e : *entries) {
      if (e->kind == NameKind::kFirstName) return true;
    }
  }
  return false;
}

bool People::matcher_first_name(std::string_view w, std::unordered_map<std::string, bool>& memo) const {
  if (memo.size() >= ThreadCache::kMaxEntries) memo.clear();
  auto [it, fresh] = memo.try_emplace(std::string(w), false);
  if (!fresh) return it->second;
  CostedKey k(name_key(w));
  for (const CostedKey& fk : first_name_keys_) {
    if (std::abs(static_cast<int>(fk.key.size()) - static_cast<int>(k.key.size())) > 2) continue;
    if (name_within(k, fk, 1.0)) return it->second = true;
  }
  return false;
}

NameDoc::NameDoc(std::string_view text, const std::vector<text::Token>& tokens, const NameTable& names,
                 WordKnowledge& knowledge, const People& first_names, ThreadCache& thread_cache)
    : t(text), toks(tokens), table(names), wk(knowledge), people(first_names), cache(thread_cache) {
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind == text::TokenKind::kWord) words.push_back(i);
  }
  info.resize(words.size());
  shapes.resize(words.size());
  std::string buf;
  for (size_t wi = 0; wi < words.size(); ++wi) {
    info[wi] = table.find_word(ascii_apostrophes(word_at(wi), buf));
    shapes[wi] = toks[words[wi]].case_shape();
  }
}

std::string_view NameDoc::before(size_t wi, size_t k) const {
  for (size_t n = 1; n <= k; ++n, --wi) {
    if (wi == 0 || !spaced_or_elided(toks, words[wi - 1], words[wi])) return {};
  }
  return word_at(wi);
}

std::string_view NameDoc::after(size_t wi, size_t k) const {
  for (size_t n = 1; n <= k; ++n, ++wi) {
    if (!spaced_next(wi)) return {};
  }
  return word_at(wi);
}

}  // namespace retouche::name_steps
