#include "pipeline/resources.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <future>

#include "io/data_file.h"
#include "lexicon/name_matcher.h"
#include "lexicon/name_table.h"
#include "pipeline/keep_words.h"
#include "rules/line_patterns.h"
#include "rules/line_stats.h"

namespace retouche {
namespace {

bool is_data_dir(const std::filesystem::path& p) {
  std::error_code ec;
  return std::filesystem::is_directory(p / "corrections", ec) &&
         std::filesystem::is_directory(p / "dictionaries", ec);
}

// corrections/protected.re2: one RE2 pattern per line, combined into one alternation.
Status load_protected(const std::string& path, std::unique_ptr<RE2>* out) {
  std::vector<DataRow> rows;
  RETURN_IF_ERROR(read_data_file(path, 1, 1, &rows));
  std::string combined;
  for (const DataRow& r : rows) {
    RE2 one(r.fields[0]);
    if (!one.ok()) {
      return ConfigError(path + ":" + std::to_string(r.line) + ": bad RE2 pattern: " + one.error());
    }
    if (!combined.empty()) combined += "|";
    combined += "(?:" + r.fields[0] + ")";
  }
  if (combined.empty()) combined = "(?!)";
  RE2::Options o;
  o.set_max_mem(64 << 20);
  *out = std::make_unique<RE2>(combined, o);
  if (!(*out)->ok()) return ConfigError(path + ": cannot compile patterns: " + (*out)->error());
  return Status::Ok();
}

struct BoilerplatePatterns {
  Status status;
  std::unique_ptr<LinePatterns> lines, regions;
};

BoilerplatePatterns load_boilerplate_patterns(const std::string& corrections_dir) {
  BoilerplatePatterns p;
  p.status = LinePatterns::load(corrections_dir + "/boilerplate", "boilerplate", &p.lines);
  if (p.status.ok()) {
    p.status = LinePatterns::load(corrections_dir + "/boilerplate/regions", "boilerplate", &p.regions);
  }
  return p;
}

}  // namespace

std::string default_data_dir() {
  if (const char* env = std::getenv("RETOUCHE_DATA"); env && *env) return env;
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    std::filesystem::path installed = exe.parent_path().parent_path() / "share" / "retouche";
    if (is_data_dir(installed)) return installed.string();
  }
#ifdef RETOUCHE_SOURCE_DATA_DIR
  return RETOUCHE_SOURCE_DATA_DIR;
#else
  return ".";
#endif
}

std::string default_cache_dir() {
  if (const char* env = std::getenv("RETOUCHE_CACHE_DIR"); env && *env) return env;
  if (const char* env = std::getenv("XDG_CACHE_HOME"); env && *env) return std::string(env) + "/retouche";
  if (const char* env = std::getenv("HOME"); env && *env) return std::string(env) + "/.cache/retouche";
  return "";
}

std::unique_ptr<Resources> Resources::load(const PipelineOptions& options, Status* status) {
  auto r = std::make_unique<Resources>();
  r->data_dir = options.data_dir.empty() ? default_data_dir() : options.data_dir;
  if (!is_data_dir(r->data_dir)) {
    *status = ConfigError("data directory " + r->data_dir +
                          " has no corrections/ and dictionaries/ (set --data or RETOUCHE_DATA)");
    return nullptr;
  }
  r->corrections_dir = r->data_dir + "/corrections";
  r->dictionaries_dir = r->data_dir + "/dictionaries";
  // Compiling the boilerplate patterns is half of start-up: it runs beside
  // the rest, and its errors still come after theirs, as when it ran last.
  std::future<BoilerplatePatterns> patterns =
      std::async(std::launch::async, load_boilerplate_patterns, r->corrections_dir);

  *status = NameTable::load(r->corrections_dir + "/names", &r->names);
  if (!status->ok()) return nullptr;
  std::vector<DataRow> targets;
  *status = read_data_file(r->corrections_dir + "/names/guess-targets.txt", 1, 1, &targets);
  if (!status->ok()) return nullptr;
  std::vector<std::string> target_files;
  for (const DataRow& row : targets) target_files.push_back(row.fields[0]);
  r->name_matcher = std::make_shared<NameMatcher>(*r->names, target_files);

  LexiconConfig lc;
  if (!options.hunspell_aff.empty()) lc.aff_path = options.hunspell_aff;
  if (!options.hunspell_dic.empty()) lc.dic_path = options.hunspell_dic;
  lc.addon_dic_paths = list_files(r->dictionaries_dir, ".dic");
  const char* table_env = std::getenv("RETOUCHE_LEXICON_TABLE");
  lc.table_cache_dir = options.lexicon_cache_dir.empty() ? default_cache_dir() : options.lexicon_cache_dir;
  // No cache directory at all (no HOME): Hunspell alone, rather than a
  // table built again by every process.
  lc.use_table = options.lexicon_table && !(table_env && std::string_view(table_env) == "0") &&
                 !lc.table_cache_dir.empty();
  r->lexicon = LexiconData::load(lc, status);
  if (!r->lexicon) return nullptr;

  for (const std::string& path : list_files(r->dictionaries_dir, ".txt")) {
    std::vector<DataRow> rows;
    *status = read_data_file(path, 1, 1, &rows);
    if (!status->ok()) return nullptr;
    std::string stem = std::filesystem::path(path).stem().string();
    auto& set = r->word_lists[stem];
    for (const DataRow& row : rows) set.insert(row.fields[0]);
  }

  *status = load_protected(r->corrections_dir + "/protected.re2", &r->protected_spans);
  if (!status->ok()) return nullptr;

  if (!options.keep_words_files.empty()) {
    std::unique_ptr<KeepWords> kw;
    *status = KeepWords::load(options.keep_words_files, &kw);
    if (!status->ok()) return nullptr;
    r->keep_words = std::move(kw);
  }

  if (!options.line_stats_path.empty()) {
    auto stats = std::make_shared<LineStats>();
    *status = stats->merge_file(options.line_stats_path);
    if (!status->ok()) return nullptr;
    // Default: a line in at least 5 documents and in at least 1 document in 1,000.
    uint64_t min_docs = options.line_stats_min_docs;
    if (min_docs == 0) min_docs = std::max<uint64_t>(5, stats->documents() / 1000);
    r->line_stats_min_docs = static_cast<uint32_t>(min_docs);
    r->line_stats = std::move(stats);
  }
  BoilerplatePatterns loaded = patterns.get();
  *status = loaded.status;
  if (!status->ok()) return nullptr;
  r->boilerplate_patterns = std::move(loaded.lines);
  r->boilerplate_regions = std::move(loaded.regions);
  return r;
}

}  // namespace retouche
