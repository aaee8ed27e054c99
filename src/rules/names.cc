// names.* — garbled and foreign spellings of proper names, corrected to the
// usual French form from the curated table (corrections/names/) and a
// transliteration-aware matcher (lexicon/name_matcher.h).
//
//   names.variant       a spelling the table lists as wrong ("Jarevan" -> Erevan)
//   names.fuzzy         an unknown capitalised word close to one name only
//   names.consistency   the same name in one document: a form close to a
//                       name corrected elsewhere in it ("Bach" after "Bagu" ->
//                       Bakou), or an accepted spelling beside the canonical
//   names.unknown       an unknown word with no good candidate: reported only
//   names.house-spelling (off) accepted spellings -> the table's canonical
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "core/utf8.h"
#include "lexicon/name_matcher.h"
#include "pipeline/registry.h"
#include "pipeline/resources.h"
#include "pipeline/rule.h"
#include "rules/families.h"
#include "rules/word_knowledge.h"
#include "text/chars.h"

namespace retouche {
namespace {

using text::Token;
using text::TokenKind;

enum Info { kVariant = 0, kFuzzy, kConsistency, kUnknown, kHouse };

// A demonym noun follows a French determiner or quantifier ("de nombreux
// Azerbaïdjanos", "les Ukrainiens").
bool demonym_context(WordKnowledge& wk, std::string_view prev) {
  if (prev.empty()) return false;
  static const char* kBefore[] = {"de", "d'", "d’", "des", "aux", "nombreux", "nombreuses", "autres",
                                  "quelques", "plusieurs", "deux", "trois", "certains", "certaines",
                                  "les", "ces", "ses", "leurs", "nos", "vos", "mes", "tes", "un", "une"};
  std::string l = WordKnowledge::lower(prev);
  for (const char* p : kBefore) {
    if (l == p) return true;
  }
  return wk.determiner(prev);
}

// The surname of a person of the table, written correctly or as a variant.
bool surname_known(const NameTable& table, std::string_view w) {
  std::string f = ascii_apostrophes(w);
  if (const auto* entries = table.find_correct(f)) {
    for (const NameEntry* e : *entries) {
      if (e->kind == NameKind::kSurname) return true;
    }
  }
  if (auto v = table.find_variant(f)) return v->entry->kind == NameKind::kSurname;
  return false;
}

bool person_context(std::string_view prev) {
  static const char* kPerson[] = {"président", "présidente", "ministre", "m", "mme", "chef",
                                  "dirigeant", "dirigeante", "chancelier", "chancelière",
                                  "porte-parole", "secrétaire", "général", "roi", "reine", "prince",
                                  "émir", "ayatollah", "leader", "homologue", "premier", "première",
                                  "maire", "ambassadeur", "ambassadrice", "député", "sénateur"};
  std::string l = WordKnowledge::lower(prev);
  for (const char* p : kPerson) {
    if (l == p) return true;
  }
  return false;
}

// A spelling the table lists as foreign is part of a foreign proper name when
// it stands beside other capitalised words ("Coppa Italia", "American Idol"),
// beside a foreign grammar word ("Prince of Persia", "Singapore, and China"),
// after a particle inside a name ("Red Electrica de España"), or after a word
// that introduces a name ("nommé Barcelona", "le nom Andorra"). A person's
// first name beside the surname is the exception.
bool foreign_name_context(WordKnowledge& wk, std::string_view t, const std::vector<Token>& toks,
                          const std::vector<size_t>& words, size_t first, size_t last,
                          const NameEntry* entry) {
  auto word_at = [&](size_t wi) { return toks[words[wi]].text(t); };
  // Only spaces (and at most a comma) between two word tokens.
  auto near = [&](size_t a, size_t b) {
    for (size_t k = words[a] + 1; k < words[b]; ++k) {
      if (toks[k].kind == TokenKind::kSpace) continue;
      if (toks[k].kind == TokenKind::kPunct && toks[k].text(t) == ",") continue;
      return false;
    }
    return true;
  };
  auto adjacent = [&](size_t a, size_t b) {
    return words[b] == words[a] + 2 && toks[words[a] + 1].kind == TokenKind::kSpace;
  };
  bool person = is_person_kind(entry->kind);
  if (first > 0 && near(first - 1, first)) {
    std::string_view prev = word_at(first - 1);
    if (wk.english(prev) || wk.work_noun(prev)) return true;
    if (adjacent(first - 1, first) && !person && text::case_shape(prev).initial_upper &&
        !wk.function_word(prev) && !wk.starter(prev) && !wk.is_name(prev)) {
      return true;
    }
    // "Red Electrica de España", "Bosques de Palermo": a particle inside a name
    static const char* kParticles[] = {"de", "del", "da", "di", "do", "dos", "das", "of", "von", "van"};
    bool particle = false;
    for (const char* p : kParticles) particle |= WordKnowledge::lower(prev) == p;
    if (first > 1 && adjacent(first - 2, first - 1) && particle &&
        text::case_shape(word_at(first - 2)).initial_upper && !wk.function_word(word_at(first - 2))) {
      return true;
    }
    if (first > 1 && near(first - 2, first - 1) && wk.work_noun(word_at(first - 2))) return true;
  }
  if (last + 1 < words.size() && near(last, last + 1)) {
    std::string_view next = word_at(last + 1);
    if (wk.english(next)) return true;
    if (adjacent(last, last + 1) && !person && entry->kind != NameKind::kFirstName &&
        text::case_shape(next).initial_upper && !wk.is_name(next) && !wk.function_word(next) &&
        !wk.starter(next)) {
      return true;
    }
  }
  return false;
}

enum class Expect { kNothing, kPlace, kPerson };

// Prepositions after which a place is expected.
bool strong_place(std::string_view prev) {
  static const char* kStrong[] = {"à", "en", "au", "aux", "entre", "vers", "depuis", "via"};
  std::string l = WordKnowledge::lower(prev);
  for (const char* p : kStrong) {
    if (l == p) return true;
  }
  return false;
}

// What kind of name the words around an unknown capitalised word call for.
Expect expectation(WordKnowledge& wk, std::string_view prev, std::string_view next) {
  if (!prev.empty()) {
    if (strong_place(prev)) return Expect::kPlace;
    std::string l = WordKnowledge::lower(prev);
    if (l == "la" || l == "le" || l == "l'" || l == "l’" || l == "de" || l == "d'" || l == "d’" ||
        l == "du") {
      return Expect::kPlace;
    }
    if (person_context(prev)) return Expect::kPerson;
    if (text::case_shape(prev).initial_upper && (wk.morphology(prev) & word::kFirstName)) return Expect::kPerson;
  }
  if (!next.empty() && !text::case_shape(next).initial_upper) {
    uint32_t m = wk.morphology(next);
    if ((m & word::kFiniteVerb) && !(m & word::kNoun)) return Expect::kPerson;  // "Kadyrouv avait…"
  }
  return Expect::kNothing;
}

// Kinds the matcher may guess: places and people. Products, organisations,
// media and acronyms are hit by chance too easily; demonyms and first names
// are corrected only from the table's variants.
bool fuzzy_target(const NameEntry& e) {
  if (!(is_place_kind(e.kind) || e.kind == NameKind::kSurname || e.kind == NameKind::kPerson)) return false;
  return !text::case_shape(e.canonical).all_upper;
}

// Word token `a` directly before token `b`, after a space or an elided article ("l’Ukraine").
// Byte length of the name part of a glued token: up to its first lowercase ->
// uppercase boundary ("TonetskQue" -> 7), or 0.
size_t glued_cut(std::string_view w) {
  size_t i = 0;
  char32_t prev = 0;
  while (i < w.size()) {
    size_t at = i;
    char32_t c = utf8::decode(w, i);
    if (text::is_upper(c) && text::is_lower(prev)) return at;
    prev = c;
  }
  return 0;
}

bool spaced_or_elided(const std::vector<Token>& toks, size_t a, size_t b) {
  if (b == a + 1) return toks[a].elision;
  return b == a + 2 && toks[a + 1].kind == TokenKind::kSpace;
}

class Names : public Rule {
 public:
  Names(std::shared_ptr<const NameMatcher> matcher, const NameTable& table, WordLists lists)
      : matcher_(std::move(matcher)), lists_(lists) {
    // First names of the table's people, by surname ("Lavrov" -> "Sergueï").
    for (const NameEntry& e : table.entries()) {
      if (e.kind != NameKind::kPerson) continue;
      size_t sp = e.canonical.rfind(' ');
      if (sp == std::string::npos) continue;
      first_names_[e.canonical.substr(sp + 1)].push_back(e.canonical.substr(0, sp));
      all_first_names_.insert(e.canonical.substr(0, sp));
    }
    for (const std::string& f : all_first_names_) first_name_keys_.push_back(name_key(f));
  }

  std::vector<RuleInfo> infos() const override {
    return {{"names.variant", Stage::kTokens, Applicability::kSafe,
             "a spelling of a name the table lists as wrong or foreign ('Jarevan' -> 'Erevan', "
             "'Volodimir Jelensky' -> 'Volodymyr Zelensky')"},
            {"names.fuzzy", Stage::kTokens, Applicability::kSafe,
             "an unknown capitalised word close to exactly one name of the table "
             "('Pioniang' -> 'Pyongyang'); confidence from the margin over the runner-up"},
            {"names.consistency", Stage::kTokens, Applicability::kSafe,
             "a name written two ways in one document: a form close to a name corrected elsewhere "
             "('Bach' after 'Bagu' -> 'Bakou'), or an accepted spelling beside the canonical one"},
            {"names.unknown", Stage::kTokens, Applicability::kReport,
             "an unknown word that looks garbled and has no good candidate (reported only)"},
            {"names.house-spelling", Stage::kTokens, Applicability::kSafe,
             "accepted spellings turned into the table's canonical one ('Kyiv' -> 'Kiev', "
             "'Erdogan' -> 'Erdoğan'); off by default", false}};
  }

  void check(RuleContext& ctx) const override;

 private:
  struct Hit {
    size_t begin, end;     // current-text bytes
    const NameEntry* entry;
    std::string from;      // the text replaced
    double confidence;
    int info;
    bool needs_evidence;   // ambiguous variant or weak fuzzy match
    std::string why;
    std::string replacement;  // empty: the entry's canonical form
    const std::string& to() const { return replacement.empty() ? entry->canonical : replacement; }
  };

  // A word close to one of the table's first names ("Ramzam", "Sirgueï").
  // Answers are remembered for the document in `memo`.
  bool matcher_first_name(std::string_view w, std::unordered_map<std::string, bool>& memo) const {
    if (memo.size() >= ThreadCache::kMaxEntries) memo.clear();
    auto [it, fresh] = memo.try_emplace(std::string(w), false);
    if (!fresh) return it->second;
    std::string k = name_key(w);
    for (const std::string& fk : first_name_keys_) {
      if (std::abs(static_cast<int>(fk.size()) - static_cast<int>(k.size())) > 2) continue;
      if (name_distance(k, fk) <= 1.0) return it->second = true;
    }
    return false;
  }

  // Is `w` a first name of the table (a first-name row, or the first word of a person)?
  bool table_first_name(const NameTable& table, std::string_view w) const {
    std::string f = ascii_apostrophes(w);
    if (all_first_names_.count(f)) return true;
    if (const auto* entries = table.find_correct(f)) {
      for (const NameEntry* e : *entries) {
        if (e->kind == NameKind::kFirstName) return true;
      }
    }
    return false;
  }

  // What this thread remembers across documents: matcher answers for
  // unknown words and first-name look-alikes. Bounded: emptied when full.
  struct ThreadCache {
    static constexpr size_t kMaxEntries = 50000;
    std::unordered_map<std::string, NameMatcher::Match> matches;
    std::unordered_map<std::string, bool> first_name_like;
    std::unordered_map<std::string, std::string> first_for_surname;  // "pw\tsurname" -> first name or ""
  };
  const NameMatcher::Match& cached_match(ThreadCache& cache, std::string_view w) const {
    auto it = cache.matches.find(std::string(w));
    if (it != cache.matches.end()) return it->second;
    if (cache.matches.size() >= ThreadCache::kMaxEntries) cache.matches.clear();
    return cache.matches.emplace(std::string(w), matcher_->match(w)).first->second;
  }

  std::shared_ptr<const NameMatcher> matcher_;
  WordLists lists_;
  std::unordered_map<std::string, std::vector<std::string>> first_names_;
  std::set<std::string> all_first_names_;
  std::vector<std::string> first_name_keys_;  // name_key of each of all_first_names_
};

void Names::check(RuleContext& ctx) const {
  std::string_view t = ctx.text();
  const auto& toks = ctx.tokens();
  const NameTable& table = *ctx.resources().names;
  WordKnowledge wk(ctx.lexicon(), table, lists_);
  ThreadCache& cache = ctx.thread_cache<ThreadCache>(this);
  std::unordered_map<std::string, bool>& first_name_memo = cache.first_name_like;
  std::string apostrophe_buf;

  // Word tokens only, with the previous word for context.
  std::vector<size_t> words;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind == TokenKind::kWord) words.push_back(i);
  }
  auto spaced = [&](size_t a, size_t b) {  // are word tokens a and b separated by one space?
    return b == a + 2 && toks[a + 1].kind == TokenKind::kSpace && toks[a + 1].text(t) == " ";
  };

  std::vector<Hit> hits;
  std::set<std::string> present;  // correct forms written in the document
  struct Unknown {
    size_t wi;          // index in `words`
    size_t begin, end;  // the word, or the name part of a glued token ("Tonetsk" of "TonetskQue")
  };
  std::vector<Unknown> unknowns;
  size_t max_words = table.max_variant_words();
  // What the table knows of each word, looked up once for all the steps below.
  std::vector<const NameTable::WordInfo*> info(words.size());
  std::vector<text::CaseShape> shapes(words.size());
  for (size_t wi = 0; wi < words.size(); ++wi) {
    info[wi] = table.find_word(ascii_apostrophes(toks[words[wi]].text(t), apostrophe_buf));
    shapes[wi] = text::case_shape(toks[words[wi]].text(t));
  }
  auto correct_of = [&](size_t wi) { return info[wi] ? info[wi]->correct : nullptr; };
  for (size_t wi = 0; wi < words.size(); ++wi) {
    const Token& tok = toks[words[wi]];
    std::string_view w = tok.text(t);
    if (tok.elision) continue;
    // 1. Longest multi-word form starting here: a correct one protects its
    // words ("The Moscow Times"), a variant is corrected whole.
    bool consumed = false;
    size_t longest = info[wi] && info[wi]->starts_multiword ? max_words : 1;
    for (size_t len = std::min(longest, words.size() - wi); len >= 1 && !consumed; --len) {
      bool contiguous = true;
      for (size_t k = 1; k < len && contiguous; ++k) contiguous = spaced(words[wi + k - 1], words[wi + k]);
      if (!contiguous) continue;
      size_t b = tok.begin, e = toks[words[wi + len - 1]].end;
      std::string_view form = ascii_apostrophes(t.substr(b, e - b), apostrophe_buf);
      bool correct = len == 1 ? correct_of(wi) != nullptr : table.is_correct(form);
      std::optional<NameTable::VariantHit> variant;
      if (!correct) variant = len == 1 ? (info[wi] ? info[wi]->variant : std::nullopt) : table.find_variant(form);
      if (correct) {
        present.insert(std::string(form));
        if (len > 1) {
          wi += len - 1;
          consumed = true;
        }
        break;
      }
      if (const auto& hit = variant) {
        if (foreign_name_context(wk, t, toks, words, wi, wi + len - 1, hit->entry)) {
          wi += len - 1;  // "Coppa Italia", "Canadian Vickers", "Prince of Persia": leave it
          consumed = true;
          continue;
        }
        // A variant that is also a French word or a name the dictionary knows
        // ("Moscow" of The Moscow Times) needs the document's support.
        uint32_t fl = len == 1 ? wk.lexicon().flags(form) : 0;
        bool ambiguous = hit->ambiguous || ((fl & word::kKnown) && !(fl & word::kAddOn));
        NameKind kind = hit->entry->kind;
        std::string_view prev = wi > 0 ? toks[words[wi - 1]].text(t) : std::string_view();
        if ((kind == NameKind::kDemonym || kind == NameKind::kAdjective) && !demonym_context(wk, prev)) {
          wi += len - 1;  // "Ethiopian Airlines", "est Alawites": not a French noun phrase
          consumed = true;
          continue;
        }
        if (kind == NameKind::kFirstName) {
          // A first name is corrected only before a surname the table knows
          // ("Sergui Lavrov"); "Aleksandr Mostovoï" is somebody else.
          bool surname_next = wi + len < words.size() && spaced(words[wi + len - 1], words[wi + len]) &&
                              surname_known(table, toks[words[wi + len]].text(t));
          if (!surname_next) {
            wi += len - 1;
            consumed = true;
            continue;
          }
        }
        hits.push_back({b, e, hit->entry, std::string(t.substr(b, e - b)), 0.97, kVariant,
                        ambiguous, "listed as a variant of \"" + hit->entry->canonical + "\""});
        wi += len - 1;
        consumed = true;
      }
    }
    if (consumed) continue;
    // 2. An unknown capitalised word: a candidate for the matcher. A word
    // beside another capitalised word is part of a full name ("Ziadin
    // Safarov"): only a known first name or title beside it lets the matcher
    // look at it ("Emmanuel Macronge").
    text::CaseShape shape = shapes[wi];
    size_t span_end = tok.end;
    if (shape.inner_upper && shape.initial_upper && !tok.hyphenated) {
      // A name glued to the next word ("TonetskQue", "EkatarimpurchLa"):
      // its name part is looked at; joins.glued separates the rest.
      size_t cut = glued_cut(w);
      if (cut == 0) continue;
      w = w.substr(0, cut);
      span_end = tok.begin + cut;
      shape = text::case_shape(w);
      if (auto hit = table.find_variant(ascii_apostrophes(w))) {
        hits.push_back({tok.begin, span_end, hit->entry, std::string(w), 0.95, kVariant, hit->ambiguous,
                        "listed as a variant of \"" + hit->entry->canonical + "\"", ""});
        continue;
      }
    }
    if (!shape.initial_upper || shape.all_upper || shape.inner_upper || shape.letters < 3 ||
        tok.hyphenated) {
      continue;
    }
    if (wk.known(w)) continue;
    bool in_name = false;
    if (wi + 1 < words.size() && spaced(words[wi], words[wi + 1]) && shapes[wi + 1].initial_upper) {
      std::string_view n = toks[words[wi + 1]].text(t);
      in_name |= !wk.is_name(n) && !table_first_name(table, n);
    }
    if (wi > 0 && spaced(words[wi - 1], words[wi]) && shapes[wi - 1].initial_upper) {
      std::string_view p = toks[words[wi - 1]].text(t);
      in_name |= !wk.is_name(p) && !person_context(p) && !table_first_name(table, p) &&
                 !matcher_first_name(p, first_name_memo);
    }
    if (in_name) continue;
    unknowns.push_back({wi, tok.begin, span_end});
  }

  // 3. Fuzzy matches for the unknown words. Only places and people are
  // guessed (a product, an acronym or a demonym is too easy to hit by
  // chance), and only where the sentence says what kind of name it expects:
  // a place after "à", "en", "entre", "la"…, a person after a title or a
  // first name, or before a verb.
  for (const Unknown& u : unknowns) {
    size_t wi = u.wi, ti = words[u.wi];
    std::string_view w = t.substr(u.begin, u.end - u.begin);
    const NameMatcher::Match& m = cached_match(cache, w);
    if (!m.found()) continue;
    std::string_view prev = wi > 0 && spaced_or_elided(toks, words[wi - 1], ti) ? toks[words[wi - 1]].text(t)
                                                                            : std::string_view();
    std::string_view next = wi + 1 < words.size() && spaced(ti, words[wi + 1]) ? toks[words[wi + 1]].text(t)
                                                                                : std::string_view();
    Expect expect = expectation(wk, prev, next);
    if (!prev.empty() && text::case_shape(prev).initial_upper &&
        (table_first_name(table, prev) || matcher_first_name(prev, first_name_memo))) {
      expect = Expect::kPerson;
    }
    // "entre Sébastopol et Munycin": a name coordinated with a place is a place.
    bool coordinated_place = false;
    if (!prev.empty() && (WordKnowledge::lower(prev) == "et" || WordKnowledge::lower(prev) == "ou") && wi >= 2) {
      std::string_view before = toks[words[wi - 2]].text(t);
      if (const auto* es = table.find_correct(ascii_apostrophes(before))) {
        coordinated_place = is_place_kind(es->front()->kind);
      }
      if (coordinated_place) expect = Expect::kPlace;
    }
    if (expect == Expect::kNothing) continue;
    bool titled = !prev.empty() && person_context(prev);
    // The best candidate of the expected kind, and the best other one.
    const NameMatcher::Candidate* best = nullptr;
    const NameMatcher::Candidate* other = nullptr;
    for (const auto& c : m.ranked) {
      bool fits = fuzzy_target(*c.entry) &&
                  (expect == Expect::kPlace ? is_place_kind(c.entry->kind)
                                            : c.entry->kind == NameKind::kSurname ||
                                                  c.entry->kind == NameKind::kPerson);
      if (fits && !best) {
        best = &c;
      } else if (!other && (!best || c.entry->canonical != best->entry->canonical)) {
        other = &c;
      }
      if (best && other) break;
    }
    if (!best) continue;
    // Accents alone are not a garble: "Egypte" is how capitals are often written.
    if (fold_accents(w) == fold_accents(best->form)) continue;
    // A name glued to a grammar word ("Franceet", "Parisoù") is joins.glued-words' business.
    {
      std::string fw = fold_accents(w), ff = fold_accents(best->form);
      if (fw.size() > ff.size() && fw.compare(0, ff.size(), ff) == 0 &&
          wk.function_word(fw.substr(ff.size()))) {
        continue;
      }
    }
    double d = best->distance;
    double len = static_cast<double>(std::max(name_key(w).size(), name_key(best->form).size()));
    double rel = d / len;
    double margin = other ? other->distance - d : 2.0;
    // A person: the first name before the surname must be this person's
    // ("Emmanuel Macronge"), or a title must announce a person; "Paul Moody"
    // is somebody else.
    if (expect == Expect::kPerson && !titled) {
      auto fn = first_names_.find(best->entry->canonical);
      bool own_first = false;
      if (fn != first_names_.end() && !prev.empty()) {
        for (const std::string& f : fn->second) {
          own_first |= name_distance(name_key(prev), name_key(f)) <= 1.0;
        }
      }
      if (!own_first && text::case_shape(prev).initial_upper) continue;
    }
    // How close is close enough depends on how sure the context is (measured
    // on the development sets: bench/score-synthetic.sh): after "à", "en",
    // "entre" a place is almost certain; after "de", "la", "le" much less.
    // A country after an article ("la Tchéquio", "l'Iram") is as sure as a
    // place after "à".
    std::string pl = WordKnowledge::lower(prev);
    bool article = pl == "la" || pl == "le" || pl == "l'" || pl == "l’" || pl == "les";
    bool sure_place = strong_place(prev) || coordinated_place ||
                      (article && best->entry->kind == NameKind::kCountry);
    double limit = expect == Expect::kPerson ? 0.11 : sure_place ? 0.12 : 0.05;
    if (rel > limit * 2) continue;
    Hit h{u.begin, u.end, best->entry, std::string(w), 0, kFuzzy, false, "", ""};
    double closeness = std::clamp(1.0 - rel * 3.0, 0.0, 1.0);
    double separation = std::clamp(margin, 0.0, 1.0);
    h.confidence = std::clamp(0.55 + 0.25 * closeness + 0.15 * separation, 0.0, 0.95);
    // Close, or a little less close but with no rival near it.
    h.needs_evidence = !((rel <= limit && margin >= 0.3) || (sure_place && rel <= 0.18 && margin >= 1.0));
    char stats[64];
    std::snprintf(stats, sizeof stats, " [d=%.2f rel=%.3f margin=%.2f]", d, rel, margin);
    h.why = "close to \"" + std::string(best->form) + "\" (" + std::string(name_kind_name(best->entry->kind)) +
            ")" + (other ? ", ahead of \"" + other->entry->canonical + "\"" : "") + stats;
    hits.push_back(std::move(h));
  }

  // 3b. A garbled first name before a corrected surname ("Serguïa Lawrow",
  // "Dmitre Peskow"): the table's first name of that person, when close.
  std::vector<Hit> firsts;
  // Surnames written correctly count too ("Ramzam Kadyrov").
  std::vector<Hit> surnames = hits;
  for (size_t wi = 0; wi < words.size(); ++wi) {
    const Token& tok = toks[words[wi]];
    if (const auto* es = correct_of(wi)) {
      for (const NameEntry* e : *es) {
        if (e->kind == NameKind::kSurname) {
          surnames.push_back({tok.begin, tok.end, e, std::string(tok.text(t)), 0.9, kVariant, false,
                              "", std::string(tok.text(t))});
          break;
        }
      }
    }
  }
  for (const Hit& h : surnames) {
    if (h.entry->kind != NameKind::kSurname) continue;
    auto fn = first_names_.find(h.entry->canonical);
    if (fn == first_names_.end()) continue;
    size_t wi = static_cast<size_t>(
        std::lower_bound(words.begin(), words.end(), h.begin,
                         [&](size_t ti, size_t pos) { return toks[ti].begin < pos; }) -
        words.begin());
    if (wi == 0 || wi >= words.size() || !spaced(words[wi - 1], words[wi])) continue;
    const Token& p = toks[words[wi - 1]];
    std::string_view pw = p.text(t);
    if (!shapes[wi - 1].initial_upper || correct_of(wi - 1)) continue;
    // The closest first name of this person, remembered across documents.
    std::string memo_key = std::string(pw) + '\t' + h.entry->canonical;
    auto cached = cache.first_for_surname.find(memo_key);
    if (cached == cache.first_for_surname.end()) {
      if (cache.first_for_surname.size() >= ThreadCache::kMaxEntries) cache.first_for_surname.clear();
      std::string best;
      double best_d = 1e9;
      for (const std::string& first : fn->second) {
        if (first == pw) {
          best.clear();
          break;
        }
        double d = name_distance(name_key(pw), name_key(first));
        if (d < best_d) best_d = d, best = first;
      }
      double rel = best.empty() ? 1.0
                                : best_d / static_cast<double>(std::max(name_key(pw).size(), name_key(best).size()));
      if (rel > 0.35) best.clear();
      cached = cache.first_for_surname.emplace(std::move(memo_key), std::move(best)).first;
    }
    const std::string& best = cached->second;
    if (best.empty()) continue;
    Hit f{p.begin, p.end, h.entry, std::string(pw), std::min(h.confidence, 0.9), h.info, h.needs_evidence,
          "first name of " + best + " " + h.entry->canonical + ", whose surname is corrected next to it",
          best};
    firsts.push_back(std::move(f));
  }

  // 4. Document evidence: names written correctly, and confident corrections.
  std::map<std::string, int> confident;  // canonical -> confident corrections
  for (const Hit& h : hits) {
    if (!h.needs_evidence) ++confident[h.entry->canonical];
  }
  auto evidenced = [&](const NameEntry* e) {
    return confident.count(e->canonical) > 0 || present.count(e->canonical) > 0;
  };
  // First names corrected with their surname; a hit of their own is replaced.
  {
    std::set<size_t> first_starts;
    for (const Hit& f : firsts) first_starts.insert(f.begin);
    hits.erase(std::remove_if(hits.begin(), hits.end(),
                              [&](const Hit& h) { return first_starts.count(h.begin) > 0; }),
               hits.end());
  }
  for (Hit& f : firsts) hits.push_back(std::move(f));
  for (const Hit& h : hits) {
    std::string message = "\"" + h.from + "\" " + h.why;
    if (h.needs_evidence) {
      bool support = evidenced(h.entry);
      if (support) {
        ctx.propose(h.info, h.begin, h.end, h.to(), std::max(h.confidence, 0.85),
                    message + "; the document confirms it");
      } else {
        ctx.propose(h.info, h.begin, h.end, h.to(), h.info == kVariant ? 0.6 : h.confidence,
                    message + "; not confirmed by the document", Applicability::kSuggested);
      }
      continue;
    }
    ctx.propose(h.info, h.begin, h.end, h.to(), h.confidence, message);
  }

  // 5. Consistency: a known word close to a name corrected twice in this
  // document ("Bach" beside "Bagu", "Baghu" -> Bakou); an accepted spelling
  // beside the canonical one (Tokayev beside Tokaïev).
  // canonical -> distinct keys corrected, and how many corrections
  std::map<std::string, std::pair<std::set<std::string>, size_t>> corrected_forms;
  for (const Hit& h : hits) {
    if (!h.needs_evidence || evidenced(h.entry)) {
      auto& [keys, count] = corrected_forms[h.entry->canonical];
      keys.insert(name_key(h.from));
      ++count;
    }
  }
  std::unordered_map<std::string, const std::string*> consistent_with;  // word -> canonical (or null)
  std::set<size_t> hit_starts;
  for (const Hit& h : hits) hit_starts.insert(h.begin);
  // Names this pass writes count as present: a second pass must find nothing more.
  for (const Hit& h : hits) {
    if (!h.needs_evidence || evidenced(h.entry)) present.insert(h.to());
  }
  for (size_t wi = 0; wi < words.size(); ++wi) {
    const Token& tok = toks[words[wi]];
    if (tok.elision || hit_starts.count(tok.begin)) continue;
    std::string_view w = tok.text(t);
    const text::CaseShape& shape = shapes[wi];
    if (!shape.initial_upper || shape.all_upper || shape.letters < 3) continue;
    std::string form = ascii_apostrophes(w);
    if (const auto* entries = correct_of(wi)) {
      const NameEntry* e = entries->front();
      if (form == e->canonical) continue;
      // Two spellings of one name ("Tokayev", "Tokaïev"), not a part of a
      // longer name ("Caspienne" of "mer Caspienne").
      bool same_shape = e->canonical.find(' ') == std::string::npos &&
                        name_distance(name_key(form), name_key(e->canonical)) <= 1.0;
      if (!same_shape) continue;
      // Accents or case alone ("Erdogan", "talibans") are accepted as they
      // are; only a house spelling asked for changes them.
      if (WordKnowledge::lower(form) == WordKnowledge::lower(e->canonical)) continue;  // case alone
      bool accents_only = fold_accents(form) == fold_accents(e->canonical);
      {
        if (present.count(e->canonical) && !accents_only) {
          ctx.propose(kConsistency, tok.begin, tok.end, e->canonical, 0.85,
                      "\"" + form + "\" and \"" + e->canonical + "\" in one document: the table's spelling is \"" +
                          e->canonical + "\"");
        } else {
          ctx.propose(kHouse, tok.begin, tok.end, e->canonical, 0.9,
                      "house spelling: \"" + e->canonical + "\" rather than \"" + form + "\"");
        }
      }
      continue;
    }
    // A real word or name read as a person or a work stays what it is:
    // "Jean-Sébastien Bach", "du Bach", "un Bach".
    if (wi > 0 && spaced(words[wi - 1], words[wi])) {
      std::string_view p = toks[words[wi - 1]].text(t);
      if (text::case_shape(p).initial_upper || lists_.determiners->count(WordKnowledge::lower(p)) ||
          WordKnowledge::lower(p) == "du") {
        continue;
      }
    }
    if (corrected_forms.empty()) continue;
    auto [memo, fresh] = consistent_with.try_emplace(form, nullptr);
    if (fresh && !wk.function_word(w)) {
      std::string key = name_key(w);
      for (const auto& [canonical, corrected] : corrected_forms) {
        if (corrected.second < 2) continue;
        double best = 1e9;
        for (const std::string& k : corrected.first) {
          // Every letter added or dropped costs at least 0.3: keys further
          // apart in length than that are not within 1.0.
          if (k.size() > key.size() + 3 || key.size() > k.size() + 3) continue;
          best = std::min(best, name_distance(key, k));
        }
        double rel = best / static_cast<double>(std::max<size_t>(key.size(), 4));
        if (best <= 1.0 && rel <= 0.25 && canonical != form) {
          memo->second = &canonical;
          break;
        }
      }
    }
    if (const std::string* canonical = memo->second) {
      ctx.propose(kConsistency, tok.begin, tok.end, *canonical, 0.75,
                  "\"" + form + "\" is written like \"" + *canonical + "\", corrected " +
                      std::to_string(corrected_forms[*canonical].second) + " times in this document");
    }
  }

  // 6. Unknown words that look garbled, in a document where names were
  // garbled: reported, not changed.
  if (hits.empty()) return;
  std::set<size_t> handled;
  for (const Hit& h : hits) handled.insert(h.begin);
  for (size_t wi = 0; wi < words.size(); ++wi) {
    const Token& tok = toks[words[wi]];
    if (tok.elision || handled.count(tok.begin)) continue;
    std::string_view w = tok.text(t);
    const text::CaseShape& shape = shapes[wi];
    if (shape.letters < 5 || shape.all_upper || shape.inner_upper || tok.hyphenated) continue;
    if (wk.known(w) || (info[wi] && info[wi]->variant)) continue;
    bool next_capitalised = wi + 1 < words.size() && spaced(words[wi], words[wi + 1]) && shapes[wi + 1].initial_upper;
    bool prev_capitalised = wi > 0 && spaced(words[wi - 1], words[wi]) && shapes[wi - 1].initial_upper;
    if (shape.initial_upper && (next_capitalised || prev_capitalised)) continue;  // a full name
    std::string message = "\"";
    message.append(w).append("\" is unknown and may be garbled; no name is close enough");
    ctx.propose(kUnknown, tok.begin, tok.end, std::string(w), 0.3, message, Applicability::kReport);
  }
}

}  // namespace

void register_names_rules(RuleRegistry& r) {
  r.add("names", [](const Resources& res, Status* st) -> std::unique_ptr<Rule> {
    WordLists lists;
    *st = lists.load(res);
    if (!st->ok()) return nullptr;
    return std::make_unique<Names>(res.name_matcher, *res.names, lists);
  });
}

}  // namespace retouche
