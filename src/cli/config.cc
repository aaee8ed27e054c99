#include "cli/config.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <toml++/toml.h>

namespace retouche::cli {
namespace fs = std::filesystem;

namespace {

constexpr const char* kKeys[] = {"apply",      "min-confidence",      "enable", "disable",   "keep-words",
                                 "force-language", "lossy",           "newline", "data",     "dictionary",
                                 "line-stats", "line-stats-min-docs", "assume-damaged"};

struct Reader {
  const std::string& path;
  fs::path dir;
  Status error;

  std::string where(const toml::node& n, const std::string& key) const {
    return path + ":" + std::to_string(n.source().begin.line) + ": " + key;
  }
  bool fail(const toml::node& n, const std::string& key, const std::string& what) {
    if (error.ok()) error = UsageError(where(n, key) + " " + what);
    return false;
  }
  bool string(const toml::node& n, const std::string& key, std::string* out) {
    auto v = n.value_exact<std::string>();
    if (!v) return fail(n, key, "must be a string");
    *out = *v;
    return true;
  }
  bool choice(const toml::node& n, const std::string& key, std::initializer_list<const char*> values,
              std::string* out) {
    if (!string(n, key, out)) return false;
    std::string names;
    for (const char* v : values) {
      if (*out == v) return true;
      names += std::string(names.empty() ? "" : ", ") + v;
    }
    return fail(n, key, "must be one of " + names + " (got '" + *out + "')");
  }
  bool path_value(const toml::node& n, const std::string& key, std::string* out) {
    if (!string(n, key, out)) return false;
    if (!out->empty() && fs::path(*out).is_relative()) *out = (dir / *out).lexically_normal().string();
    return true;
  }
  bool strings(const toml::node& n, const std::string& key, bool paths, std::vector<std::string>* out) {
    out->clear();
    auto add = [&](const toml::node& item) {
      std::string s;
      if (!(paths ? path_value(item, key, &s) : string(item, key, &s))) return false;
      out->push_back(s);
      return true;
    };
    if (const toml::array* a = n.as_array()) {
      for (const toml::node& item : *a) {
        if (!add(item)) return fail(item, key, "must be a list of strings");
      }
      return true;
    }
    return add(n) || fail(n, key, "must be a string or a list of strings");
  }
};

}  // namespace

std::string find_config_file() {
  std::error_code ec;
  fs::path dir = fs::current_path(ec);
  if (ec) return "";
  for (;;) {
    fs::path candidate = dir / "retouche.toml";
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (!dir.has_parent_path() || dir.parent_path() == dir) return "";
    dir = dir.parent_path();
  }
}

Status apply_config_file(const std::string& path, const std::function<bool(const std::string& flag)>& given,
                         Options* o) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return UsageError(path + ": no such configuration file");
    return UsageError(path + ": cannot read the configuration file");
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return UsageError(path + ": cannot read the configuration file");
  return apply_config_text(text.str(), path, given, o);
}

Status apply_config_text(std::string_view text, const std::string& path,
                         const std::function<bool(const std::string& flag)>& given, Options* o) {
  toml::table table;
  try {
    table = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    return UsageError(path + ":" + std::to_string(e.source().begin.line) + ":" +
                      std::to_string(e.source().begin.column) + ": " + std::string(e.description()));
  }
  Reader r{path, fs::path(path).parent_path(), Status::Ok()};
  for (const auto& [k, node] : table) {
    std::string key(k.str());
    bool known = false;
    for (const char* x : kKeys) known |= key == x;
    if (!known) {
      std::string names;
      for (const char* x : kKeys) names += std::string(names.empty() ? "" : ", ") + x;
      return UsageError(r.where(node, key) + ": unknown key (known: " + names + ")");
    }
    if (given("--" + key)) continue;  // the command line wins
    if (key == "apply") {
      r.choice(node, key, {"safe", "suggested", "none"}, &o->apply);
    } else if (key == "min-confidence") {
      auto x = node.value<double>();
      if (!x || !(*x >= 0 && *x <= 1)) {
        r.fail(node, key, "must be a number between 0 and 1");
      } else {
        o->pipeline.policy.min_confidence = *x;
      }
    } else if (key == "enable") {
      r.strings(node, key, false, &o->pipeline.enable);
    } else if (key == "disable") {
      r.strings(node, key, false, &o->pipeline.disable);
    } else if (key == "keep-words") {
      r.strings(node, key, true, &o->pipeline.keep_words_files);
    } else if (key == "force-language") {
      r.choice(node, key, {"fr"}, &o->pipeline.force_language);
    } else if (key == "lossy" || key == "assume-damaged") {
      auto b = node.value_exact<bool>();
      if (!b) {
        r.fail(node, key, "must be true or false");
      } else {
        (key == "lossy" ? o->pipeline.lossy_utf8 : o->pipeline.assume_damaged) = *b;
      }
    } else if (key == "newline") {
      std::string v;
      if (r.choice(node, key, {"keep", "lf"}, &v)) o->pipeline.newline_lf = v == "lf";
    } else if (key == "data") {
      r.path_value(node, key, &o->pipeline.data_dir);
    } else if (key == "dictionary") {
      r.path_value(node, key, &o->dictionary);
    } else if (key == "line-stats") {
      r.path_value(node, key, &o->pipeline.line_stats_path);
    } else if (key == "line-stats-min-docs") {
      auto n = node.value_exact<int64_t>();
      if (!n || *n < 1) {
        r.fail(node, key, "must be a positive integer");
      } else {
        o->pipeline.line_stats_min_docs = static_cast<uint64_t>(*n);
      }
    }
    if (!r.error.ok()) return r.error;
  }
  return Status::Ok();
}

}  // namespace retouche::cli
