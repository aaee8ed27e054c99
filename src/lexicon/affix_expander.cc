#include "lexicon/affix_expander.h"

#include <fstream>
#include <sstream>

#include "core/utf8.h"

namespace retouche {
namespace {

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  size_t i = 0;
  while (i < s.size()) out.push_back(utf8::decode(s, i));
  return out;
}

std::vector<std::string_view> fields(std::string_view line) {
  std::vector<std::string_view> f;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    if (j > i) f.push_back(line.substr(i, j - i));
    i = j;
  }
  return f;
}

}  // namespace

std::vector<std::string> AffixExpander::split_flags(std::string_view s) const {
  std::vector<std::string> out;
  if (long_flags_) {
    for (size_t i = 0; i + 1 < s.size(); i += 2) out.emplace_back(s.substr(i, 2));
  } else {
    size_t i = 0;
    while (i < s.size()) {
      size_t start = i;
      utf8::decode(s, i);
      out.emplace_back(s.substr(start, i - start));
    }
  }
  return out;
}

Status AffixExpander::load(const std::string& aff_path, const std::string& dic_path) {
  std::ifstream aff(aff_path);
  if (!aff) return ConfigError("cannot read " + aff_path);
  std::string line;
  int n = 0;
  while (std::getline(aff, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto f = fields(line);
    if (f.empty() || f[0][0] == '#') continue;
    std::string_view key = f[0];
    if (key == "SET" && f.size() > 1 && f[1] != "UTF-8") {
      return ConfigError(aff_path + ":" + std::to_string(n) + ": only UTF-8 dictionaries are expanded");
    }
    if (key == "FLAG" && f.size() > 1) {
      if (f[1] == "long") {
        long_flags_ = true;
      } else if (f[1] == "UTF-8") {
        utf8_flags_ = true;
      } else {
        return ConfigError(aff_path + ":" + std::to_string(n) + ": FLAG " + std::string(f[1]) +
                           " is not supported by the expander");
      }
    }
    if (key.starts_with("COMPOUND") || key == "COMPLEXPREFIXES" || key == "AF" || key == "AM" ||
        key == "IGNORE") {
      return ConfigError(aff_path + ":" + std::to_string(n) + ": " + std::string(key) +
                         " is not supported by the expander");
    }
    if (key == "BREAK" && f.size() > 1) {
      // "BREAK 7" (the count), then one entry per line
      if (break_count_seen_) breaks_.emplace_back(f[1]);
      else breaks_.clear();
      break_count_seen_ = true;
      continue;
    }
    if (key == "FORBIDDENWORD" && f.size() > 1) forbidden_ = std::string(f[1]);
    if (key == "LANG" && f.size() > 1) lang_ = std::string(f[1]);
    if ((key != "PFX" && key != "SFX") || f.size() < 4) continue;
    std::string flag(f[1]);
    Class& c = classes_[flag];
    c.prefix = key == "PFX";
    if (f.size() == 4 && (f[2] == "Y" || f[2] == "N")) continue;  // the class header
    if (f.size() < 5) {
      return ConfigError(aff_path + ":" + std::to_string(n) + ": affix line with too few fields");
    }
    Rule r;
    if (f[2] != "0") r.strip = to_u32(f[2]);
    std::string_view add = f[3];
    size_t slash = add.find('/');
    if (slash != std::string_view::npos) {
      r.cont = split_flags(add.substr(slash + 1));
      add = add.substr(0, slash);
    }
    if (add != "0") r.add = to_u32(add);
    std::u32string cond = to_u32(f[4]);
    for (size_t i = 0; i < cond.size(); ++i) {
      Atom a;
      if (cond[i] == U'.') {
        a.any = true;
      } else if (cond[i] == U'[') {
        size_t j = i + 1;
        if (j < cond.size() && cond[j] == U'^') a.negate = true, ++j;
        while (j < cond.size() && cond[j] != U']') a.chars.push_back(cond[j++]);
        i = j;
      } else {
        a.chars.push_back(cond[i]);
      }
      r.cond.push_back(std::move(a));
    }
    c.rules.push_back(std::move(r));
  }

  std::ifstream dic(dic_path);
  if (!dic) return ConfigError("cannot read " + dic_path);
  bool first = true;
  while (std::getline(dic, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (first) {  // the approximate word count
      first = false;
      continue;
    }
    if (line.empty()) continue;
    // word[/flags][ morphology]; "\/" is a slash inside the word.
    std::string word;
    size_t i = 0;
    for (; i < line.size(); ++i) {
      char ch = line[i];
      if (ch == '\\' && i + 1 < line.size() && line[i + 1] == '/') {
        word.push_back('/');
        ++i;
        continue;
      }
      if (ch == '/' || ch == '\t' || (ch == ' ' && i > 0)) break;
      word.push_back(ch);
    }
    Stem s;
    s.word = to_u32(word);
    if (i < line.size() && line[i] == '/') {
      size_t j = i + 1;
      while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
      s.flags = split_flags(std::string_view(line).substr(i + 1, j - i - 1));
    }
    stems_.push_back(std::move(s));
  }
  return Status::Ok();
}

bool AffixExpander::forbids_words() const {
  std::string flag = forbidden_;
  if (flag.empty()) {
    // Hunspell's default, 65510: two bytes FF E6 (never in UTF-8 text) with
    // long flags, U+FFE6 with UTF-8 flags; one-character flags cannot hold it.
    if (long_flags_) flag = "\xFF\xE6";
    else if (utf8_flags_) flag = "\xEF\xBF\xA6";
    else return false;
  }
  for (const Stem& st : stems_) {
    for (const std::string& fl : st.flags) {
      if (fl == flag) return true;
    }
  }
  for (const auto& [name, c] : classes_) {
    for (const Rule& r : c.rules) {
      for (const std::string& fl : r.cont) {
        if (fl == flag) return true;
      }
    }
  }
  return false;
}

bool AffixExpander::matches(const std::vector<Atom>& cond, const std::u32string& w, bool prefix) {
  if (cond.size() == 1 && cond[0].any) return true;
  if (cond.size() > w.size()) return false;
  size_t base = prefix ? 0 : w.size() - cond.size();
  for (size_t k = 0; k < cond.size(); ++k) {
    const Atom& a = cond[k];
    if (a.any) continue;
    char32_t c = w[base + k];
    bool in = a.chars.find(c) != std::u32string::npos;
    if (in == a.negate) return false;
  }
  return true;
}

bool AffixExpander::apply(const Rule& r, bool prefix, const std::u32string& w, std::u32string* out) {
  if (!matches(r.cond, w, prefix)) return false;
  if (r.strip.size() > w.size()) return false;
  if (prefix) {
    if (w.compare(0, r.strip.size(), r.strip) != 0) return false;
    *out = r.add + w.substr(r.strip.size());
  } else {
    if (w.compare(w.size() - r.strip.size(), r.strip.size(), r.strip) != 0) return false;
    *out = w.substr(0, w.size() - r.strip.size()) + r.add;
  }
  return !out->empty();
}

void AffixExpander::suffixed(const std::u32string& w, const std::vector<std::string>& flags,
                             const Keep& keep,
                             std::vector<std::pair<std::u32string, std::vector<std::string>>>* out) const {
  std::u32string f1, f2;
  for (const std::string& flag : flags) {
    auto it = classes_.find(flag);
    if (it == classes_.end() || it->second.prefix) continue;
    for (const Rule& r : it->second.rules) {
      if (!keep(r.add) || !apply(r, false, w, &f1)) continue;
      out->emplace_back(f1, r.cont);
      // A second suffix on top of the first (continuation class).
      for (const std::string& flag2 : r.cont) {
        auto it2 = classes_.find(flag2);
        if (it2 == classes_.end() || it2->second.prefix) continue;
        for (const Rule& r2 : it2->second.rules) {
          if (!keep(r2.add) || !apply(r2, false, f1, &f2)) continue;
          std::vector<std::string> cont = r.cont;
          cont.insert(cont.end(), r2.cont.begin(), r2.cont.end());
          out->emplace_back(f2, std::move(cont));
        }
      }
    }
  }
}

void AffixExpander::expand(const Emit& emit, const Keep& keep) const {
  std::vector<std::pair<std::u32string, std::vector<std::string>>> forms;
  std::u32string g;
  for (const Stem& s : stems_) {
    forms.clear();
    forms.emplace_back(s.word, std::vector<std::string>{});
    suffixed(s.word, s.flags, keep, &forms);
    for (const auto& [form, cont] : forms) {
      emit(form);
      // One prefix, from the stem's flags or a suffix's continuation class.
      for (const auto* list : {&s.flags, &cont}) {
        for (const std::string& flag : *list) {
          auto it = classes_.find(flag);
          if (it == classes_.end() || !it->second.prefix) continue;
          for (const Rule& p : it->second.rules) {
            if (keep(p.add) && apply(p, true, form, &g)) emit(g);
          }
        }
      }
    }
    // A prefix whose continuation class brings suffixes of its own.
    for (const std::string& flag : s.flags) {
      auto it = classes_.find(flag);
      if (it == classes_.end() || !it->second.prefix) continue;
      for (const Rule& p : it->second.rules) {
        if (p.cont.empty() || !keep(p.add) || !apply(p, true, s.word, &g)) continue;
        std::vector<std::pair<std::u32string, std::vector<std::string>>> more;
        suffixed(g, p.cont, keep, &more);
        for (const auto& m : more) emit(m.first);
      }
    }
  }
}

}  // namespace retouche
