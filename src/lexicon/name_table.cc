#include "lexicon/name_table.h"

#include <array>
#include <fstream>
#include <sstream>

#include "core/utf8.h"
#include "io/data_file.h"

namespace retouche {
namespace {

constexpr std::array<std::string_view, 13> kKindNames = {
    "country", "city",         "region", "territory", "person",   "surname",  "first-name",
    "organisation", "media",   "product", "demonym",  "adjective", "other"};

std::vector<std::string> split_bar(const std::string& s) {
  std::vector<std::string> out;
  if (s.empty() || s == "-") return out;
  size_t start = 0;
  while (true) {
    size_t bar = s.find('|', start);
    out.push_back(s.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return out;
}

size_t word_count(std::string_view s) {
  size_t n = 1;
  for (char c : s) n += c == ' ';
  return n;
}

}  // namespace

std::optional<NameKind> parse_name_kind(std::string_view s) {
  for (size_t i = 0; i < kKindNames.size(); ++i) {
    if (kKindNames[i] == s) return static_cast<NameKind>(i);
  }
  return std::nullopt;
}
std::string_view name_kind_name(NameKind k) { return kKindNames[static_cast<size_t>(k)]; }
bool is_place_kind(NameKind k) {
  return k == NameKind::kCountry || k == NameKind::kCity || k == NameKind::kRegion ||
         k == NameKind::kTerritory;
}
bool is_person_kind(NameKind k) {
  return k == NameKind::kPerson || k == NameKind::kSurname || k == NameKind::kFirstName;
}

Status NameTable::add_rows(std::string_view text, const std::string& file) {
  std::istringstream in{std::string(text)};
  std::string line;
  size_t no = 0;
  while (std::getline(in, line)) {
    ++no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto where = [&] { return file + ":" + std::to_string(no); };
    if (utf8::find_invalid(line) != utf8::kValid) return ConfigError(where() + ": invalid UTF-8");
    std::vector<std::string> f;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      f.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (f.size() != 5) {
      return ConfigError(where() + ": expected 5 tab-separated fields (canonical, kind, variants, "
                         "accepted, note), found " + std::to_string(f.size()));
    }
    NameEntry e;
    e.canonical = f[0];
    if (e.canonical.empty() || e.canonical == "-") return ConfigError(where() + ": empty canonical");
    auto kind = parse_name_kind(f[1]);
    if (!kind) return ConfigError(where() + ": unknown kind '" + f[1] + "'");
    e.kind = *kind;
    for (std::string& v : split_bar(f[2])) {
      bool amb = !v.empty() && v[0] == '?';
      if (amb) v.erase(0, 1);
      if (v.empty()) return ConfigError(where() + ": empty variant");
      e.variants.push_back(std::move(v));
      e.ambiguous.push_back(amb);
    }
    e.accepted = split_bar(f[3]);
    e.note = f[4] == "-" ? "" : f[4];
    e.source = where();
    size_t slash = file.find_last_of('/');
    e.file = slash == std::string::npos ? file : file.substr(slash + 1);
    entries_.push_back(std::move(e));
  }
  return Status::Ok();
}

void NameTable::index() {
  variants_.clear();
  correct_.clear();
  for (const NameEntry& e : entries_) {
    correct_[e.canonical].push_back(&e);
    for (const std::string& a : e.accepted) correct_[a].push_back(&e);
  }
  for (const NameEntry& e : entries_) {
    for (size_t i = 0; i < e.variants.size(); ++i) {
      const std::string& v = e.variants[i];
      // A variant that is also someone's correct form is never a safe correction.
      bool amb = e.ambiguous[i] || correct_.count(v) > 0;
      auto [it, inserted] = variants_.try_emplace(v, VariantHit{&e, amb});
      if (!inserted && it->second.entry->canonical != e.canonical) {
        it->second.ambiguous = true;  // two different canonicals: needs context
      }
      max_variant_words_ = std::max(max_variant_words_, word_count(v));
    }
  }
  multiword_starts_.clear();
  auto add_start = [&](const std::string& form) {
    size_t sp = form.find(' ');
    if (sp != std::string::npos) multiword_starts_.insert(form.substr(0, sp));
  };
  for (const auto& [form, list] : correct_) add_start(form);
  for (const auto& [form, hit] : variants_) add_start(form);
  words_.clear();
  for (const auto& [form, list] : correct_) {
    if (form.find(' ') == std::string::npos) words_[form].correct = &list;
  }
  for (const auto& [form, hit] : variants_) {
    if (form.find(' ') == std::string::npos) words_[form].variant = hit;
  }
  for (const std::string& w : multiword_starts_) words_[w].starts_multiword = true;
}

const NameTable::WordInfo* NameTable::find_word(std::string_view word) const {
  auto it = words_.find(word);
  return it == words_.end() ? nullptr : &it->second;
}

Status NameTable::load(const std::string& dir, std::shared_ptr<const NameTable>* out) {
  auto t = std::make_shared<NameTable>();
  for (const std::string& path : list_files(dir, ".tsv")) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return ConfigError("cannot read " + path);
    std::stringstream buf;
    buf << in.rdbuf();
    RETURN_IF_ERROR(t->add_rows(buf.str(), path));
  }
  // One name per line, '#' comments: real towns (tools/names/gen_world_places.js) and other real
  // place and person names (tools/names/gen_world_names.py). Both only stop names.fuzzy guessing.
  for (const char* file : {"/world-places.txt", "/world-names.txt"}) {
    std::ifstream names(dir + file, std::ios::binary);
    std::string line;
    while (names && std::getline(names, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      t->world_places_.insert(line);
    }
  }
  t->index();
  *out = t;
  return Status::Ok();
}

Status NameTable::from_text(std::string_view tsv, std::shared_ptr<const NameTable>* out) {
  auto t = std::make_shared<NameTable>();
  RETURN_IF_ERROR(t->add_rows(tsv, "<text>"));
  t->index();
  *out = t;
  return Status::Ok();
}

std::optional<NameTable::VariantHit> NameTable::find_variant(std::string_view form) const {
  auto it = variants_.find(form);
  if (it == variants_.end()) return std::nullopt;
  return it->second;
}

bool NameTable::starts_multiword(std::string_view word) const {
  return multiword_starts_.find(word) != multiword_starts_.end();
}

const std::vector<const NameEntry*>* NameTable::find_correct(std::string_view form) const {
  auto it = correct_.find(form);
  return it == correct_.end() ? nullptr : &it->second;
}

std::vector<std::string> NameTable::correct_words() const {
  std::vector<std::string> out;
  for (const auto& [form, list] : correct_) {
    size_t start = 0;
    while (start < form.size()) {
      size_t sp = form.find(' ', start);
      if (sp == std::string::npos) sp = form.size();
      if (sp > start) out.push_back(form.substr(start, sp - start));
      start = sp + 1;
    }
  }
  return out;
}

}  // namespace retouche
