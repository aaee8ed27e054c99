// Capitals in the wrong place: a sentence end lost before a capital
// ("abattu Nous ne disons" -> "abattu. Nous ne disons"), a capital left
// mid-sentence by a link ("officielle Du gouvernement" -> "du"), and headings
// in English title case ("Les Alliés De La Russie" -> "Les alliés de la Russie").
// The lexicon decides what is a name: a word the dictionary knows only as a
// common word, or the name table does not hold, is not a name.
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "core/utf8.h"
#include "pipeline/registry.h"
#include "pipeline/resources.h"
#include "pipeline/rule.h"
#include "rules/families.h"
#include "rules/line_patterns.h"
#include "rules/word_knowledge.h"
#include "text/chars.h"

namespace retouche {
namespace {

using text::Token;
using text::TokenKind;

char32_t first_cp(std::string_view s) {
  size_t i = 0;
  return s.empty() ? 0 : utf8::decode(s, i);
}
size_t first_len(std::string_view s) {
  size_t i = 0;
  utf8::decode(s, i);
  return i;
}
std::string lower_first(std::string_view w) {
  std::string out;
  utf8::append(out, text::to_lower(first_cp(w)));
  out.append(w.substr(first_len(w)));
  return out;
}
bool is_horizontal_space(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t') return false;
  }
  return !s.empty();
}

// Word tokens in [from, to].
int words_between(const std::vector<Token>& toks, size_t from, size_t to) {
  int n = 0;
  for (size_t k = from; k <= to && k < toks.size(); ++k) n += toks[k].kind == TokenKind::kWord;
  return n;
}

// ---------------------------------------------------------------------------
class MidSentenceCapital : public Rule {
 public:
  explicit MidSentenceCapital(WordLists lists) : lists_(lists) {}

  std::vector<RuleInfo> infos() const override {
    return {{"joins.dropped-period", Stage::kTokens, Applicability::kSafe,
             "a sentence end lost before a capitalised sentence starter, after a complete "
             "clause ('abattu Nous ne disons' -> 'abattu. Nous ne disons')"},
            {"case.mid-sentence-capital", Stage::kTokens, Applicability::kSafe,
             "a grammar word or verb left capitalised inside a sentence by a lost link "
             "('officielle Du gouvernement' -> 'du'); names, nouns and titles keep their capitals"}};
  }

  // A capitalised word inside a sentence, found in a first pass.
  struct Candidate {
    size_t tok;          // index of W
    size_t prev;         // index of the word before it
    bool after_comma;
    size_t clause_start;
    bool before_name;  // W stands before a capitalised name ("Du Kremlin")
  };
  // What kind of word W is, for the decision.
  enum class Kind { kStarter, kGrammar, kInfinitive, kOther };

  void check(RuleContext& ctx) const override {
    std::string_view t = ctx.text();
    const auto& toks = ctx.tokens();
    WordKnowledge wk(ctx.lexicon(), *ctx.resources().names, lists_);
    std::vector<Candidate> found;
    size_t clause_start = 0;
    for (size_t i = 0; i < toks.size(); ++i) {
      const Token& tok = toks[i];
      if (tok.kind == TokenKind::kNewline) {
        clause_start = i + 1;
        continue;
      }
      if (tok.kind == TokenKind::kPunct || tok.kind == TokenKind::kOther) {
        std::string_view p = tok.text(t);
        if (p == "." || p == "!" || p == "?" || p == ";" || p == ":" || p == "«" || p == "…" ||
            p == "(" || p == ")" || p == "\"" || p == "“" || p == "”") {
          clause_start = i + 1;
        }
        continue;
      }
      if (tok.kind != TokenKind::kWord || tok.elision || i < 2) continue;  // "L'autre": left alone
      std::string_view w = tok.text(t);
      text::CaseShape shape = tok.case_shape();
      if (!shape.initial_upper || shape.all_upper || shape.inner_upper) continue;
      if (toks[i - 1].kind != TokenKind::kSpace || !is_horizontal_space(toks[i - 1].text(t))) continue;
      size_t pi = i - 2;
      bool after_comma = false;
      if (toks[pi].kind == TokenKind::kPunct && toks[pi].text(t) == ",") {
        after_comma = true;
        if (pi < 2 || toks[pi - 1].kind != TokenKind::kWord) continue;
        --pi;
      }
      const Token& prev = toks[pi];
      if (prev.kind != TokenKind::kWord || prev.elision) continue;
      std::string_view p = prev.text(t);
      text::CaseShape ps = prev.case_shape();
      if (ps.all_upper || wk.opener(p) || wk.determiner(p)) continue;  // "la Défense", "titre III"
      // A lowercase word the dictionary does not know is a foreign context
      // ("Aceites del Sur"); an unknown capitalised word is a name.
      if (!wk.known(p) && !ps.initial_upper) continue;
      // The word after W: a capitalised one makes W part of a name or title.
      const Token* next = nullptr;
      for (size_t j = i + 1; j < toks.size(); ++j) {
        if (toks[j].kind == TokenKind::kSpace) continue;
        next = &toks[j];
        break;
      }
      bool before_name = false;
      if (next && next->kind == TokenKind::kWord && text::is_upper(first_cp(next->text(t)))) {
        if (!separate_from_name(wk, t, toks, i)) continue;
        before_name = true;
      }
      if (!common_word(wk, w)) continue;
      if (after_title_noun(wk, t, toks, clause_start, pi)) continue;  // "le film Chantons sous la pluie"
      found.push_back({i, pi, after_comma, clause_start, before_name});
    }
    // A document full of mid-sentence capitals (machine translation of linked
    // text) lets the rule lowercase more than a stray capital in clean prose.
    int strong = 0;
    for (const Candidate& c : found) {
      Kind k = kind(wk, toks[c.tok].text(t));
      strong += !c.after_comma && !c.before_name && (k == Kind::kGrammar || k == Kind::kInfinitive);
    }
    bool garbled = strong >= 3;
    if (found.empty()) return;
    std::vector<bool> verse = verse_lines(t, toks);
    size_t line = 0, k = 0;
    for (const Candidate& c : found) {
      for (; k < c.tok; ++k) line += toks[k].kind == TokenKind::kNewline;
      if (!verse[line]) decide(ctx, wk, t, toks, c, garbled);
    }
  }

 private:
  // Lines of verse run together (a song or a poem quoted as one paragraph):
  // three capitals or more after lowercase words and no sentence end at all.
  // Each capital opens a verse, not a sentence, and stays.
  static std::vector<bool> verse_lines(std::string_view t, const std::vector<Token>& toks) {
    constexpr int kMinVerseCapitals = 3;
    std::vector<bool> out;
    int capitals = 0;
    bool sentence_end = false;
    for (size_t i = 0; i <= toks.size(); ++i) {
      if (i == toks.size() || toks[i].kind == TokenKind::kNewline) {
        out.push_back(capitals >= kMinVerseCapitals && !sentence_end);
        capitals = 0;
        sentence_end = false;
        continue;
      }
      std::string_view w = toks[i].text(t);
      if (toks[i].kind == TokenKind::kPunct || toks[i].kind == TokenKind::kOther) {
        sentence_end |= w == "." || w == "!" || w == "?" || w == "\xE2\x80\xA6";
        continue;
      }
      if (toks[i].kind != TokenKind::kWord || i < 2 || toks[i - 1].kind != TokenKind::kSpace ||
          toks[i - 2].kind != TokenKind::kWord) {
        continue;
      }
      std::string_view p = toks[i - 2].text(t);
      capitals += text::is_upper(first_cp(w)) && !text::is_upper(first_cp(p)) && text::case_shape(p).letters > 0;
    }
    return out;
  }

  Kind kind(WordKnowledge& wk, std::string_view w) const {
    if (wk.starter(w)) return Kind::kStarter;
    uint32_t m = wk.morphology(WordKnowledge::lower(w));
    if (m & word::kFunctionWord) return Kind::kGrammar;
    if ((m & word::kInfinitive) && !(m & (word::kNoun | word::kAdjective))) return Kind::kInfinitive;
    return Kind::kOther;
  }

  void decide(RuleContext& ctx, WordKnowledge& wk, std::string_view t, const std::vector<Token>& toks,
              const Candidate& c, bool garbled) const {
    const Token& tok = toks[c.tok];
    const Token& prev = toks[c.prev];
    std::string_view w = tok.text(t), p = prev.text(t);
    Kind k = kind(wk, w);
    if (k == Kind::kOther) return;  // nouns and adjectives keep their capitals: titles, institutions
    std::string lw = WordKnowledge::lower(w);
    if (lw == "me" || lw == "te") return;  // "Me Dupont" (Maître), English "like Me"
    auto lowercase = [&](const char* why) {
      ctx.propose(1, tok.begin, tok.end, lower_first(w), 0.8, "\"" + std::string(w) + "\" " + why);
    };
    bool p_upper = text::is_upper(first_cp(p));
    if (c.before_name) {
      // Only a grammar word that never starts a sentence: "porte-parole Du Kremlin".
      if (k == Kind::kGrammar && (c.after_comma || !p_upper)) {
        lowercase("capitalised before a name");
      }
      return;
    }
    if (c.after_comma) {
      // Nothing starts after a comma that follows a clause: a preposition or
      // conjunction there lost its capital to a link ("au-delà, Avec des
      // conséquences", "adopté, Mais il"). Without a verb before it, the
      // comma may close a salutation glued to the text ("Chers internautes,
      // Voici"). A pronoun or article may open a title in a list ("ses
      // nouvelles (La clef, La baignade)", "un second volet, Nous étions
      // sept"), so only a garbled text has them lowered ("islamique, Ils ont").
      uint32_t m = wk.morphology(lw);
      bool linking = (m & word::kFunctionWord) && (m & (word::kPreposition | word::kConjunction)) &&
                     !in_list_of_titles(t, toks, c) &&
                     clause_has_verb(ctx, wk, c.clause_start, c.prev);
      if (k == Kind::kGrammar || linking || (garbled && k == Kind::kStarter)) {
        lowercase("capitalised after a comma");
      }
      return;
    }
    // A subject pronoun ("Il", "Nous") opens a sentence by itself; a
    // determiner or preposition only after a clause with a verb.
    bool subject = wk.morphology(lw) & word::kSubjectPronoun || lw == "ce" || lw == "cela" || lw == "on";
    // In a text full of link leftovers, a capitalised preposition ("joueurs
    // Pour renforcer", "relations Avec l'Arménie") is one more of them.
    bool preposition = wk.morphology(lw) & word::kPreposition;
    if (garbled && preposition) {
      lowercase("capitalised inside a sentence (a lost link?)");
      return;
    }
    // A new sentence needs a clause before it and must itself read as one:
    // "repris Depuis lundi." and "présenté Des souris et des hommes" have no
    // verb after the capital (a title, a stray capital), so no period.
    // The clause before must have its verb, or before a subject pronoun at
    // least some length ("Dans la ville Il y a" is a capital left by machine
    // translation), and it does not end on an auxiliary ("était Les Nuits
    // debout").
    // A capitalised common noun before W ("au Bureau À domicile", "le Parti
    // Vert Le plus") is the capital style of a translation from German, in
    // which W's capital says nothing of a sentence start.
    auto common_capital = [&] {
      return p_upper && wk.common_lower(p) && !wk.names().is_correct(ascii_apostrophes(p));
    };
    if (k == Kind::kStarter && !(p_upper && wk.function_word(p)) && !common_capital() &&
        !wk.auxiliary(p) &&
        ((subject && words_between(toks, c.clause_start, c.prev) >= 5) ||
         clause_has_verb(ctx, wk, c.clause_start, c.prev)) &&
        sentence_has_verb(ctx, wk, c.tok + 1)) {
      // A preposition capitalised inside a sentence is as often a link's or
      // a translation's leftover ("ce que signifie Trump Par ...", "promis
      // Dans un délai"): proposed only.
      uint32_t m = wk.morphology(lw);
      bool linking = (m & word::kPreposition) && !subject && !(m & word::kDeterminer) &&
                     !wk.determiner(w);
      ctx.propose(0, prev.end, tok.begin, ". ", 0.85,
                  "a sentence seems to end after \"" + std::string(p) + "\": \"" + std::string(w) +
                      "\" starts the next one",
                  linking ? std::optional<Applicability>(Applicability::kSuggested) : std::nullopt);
      return;
    }
    if (p_upper) return;  // "Francis De Taddeo": a name
    // An infinitive follows a verb, a preposition or a grammar word; after a
    // noun a capitalised word is a name ("le gouvernement Harper": "harper"
    // is also a verb).
    if (k == Kind::kInfinitive && !takes_object(wk, t, toks, c.tok) &&
        !(wk.morphology(WordKnowledge::lower(p)) &
          (word::kVerb | word::kFiniteVerb | word::kPreposition | word::kFunctionWord | word::kAdverb))) {
      return;
    }
    if (k == Kind::kGrammar || k == Kind::kInfinitive || (garbled && k == Kind::kStarter)) {
      lowercase("capitalised inside a sentence (a lost link?)");
    }
  }

  // Is the word at `k` followed by a determiner, as an infinitive is by its
  // object ("soldats Soutenir les troupes"), and a name is not ("le
  // gouvernement Harper a présenté")?
  static bool takes_object(WordKnowledge& wk, std::string_view t, const std::vector<Token>& toks,
                           size_t k) {
    size_t j = k + 1;
    while (j < toks.size() && toks[j].kind == TokenKind::kSpace) ++j;
    if (j >= toks.size() || toks[j].kind != TokenKind::kWord) return false;
    std::string_view n = toks[j].text(t);
    return !text::is_upper(first_cp(n)) && (wk.determiner(n) || (wk.morphology(WordKnowledge::lower(n)) & word::kDeterminer));
  }

  // Does the item before the comma also start with a capital after a comma,
  // a colon or a parenthesis? Then W begins one more item of a list of
  // titles ("tube sur tube : América, Il pleut dans ma maison, Comme tu es
  // jeune").
  static bool in_list_of_titles(std::string_view t, const std::vector<Token>& toks,
                                const Candidate& c) {
    size_t k = c.prev;
    while (k > c.clause_start && !(toks[k - 1].kind == TokenKind::kPunct && toks[k - 1].text(t) == ",")) {
      --k;
    }
    if (k == c.clause_start) {
      size_t d = k;
      while (d > 0 && toks[d - 1].kind == TokenKind::kSpace) --d;
      if (d == 0) return false;
      std::string_view p = toks[d - 1].text(t);
      if (p != ":" && p != "(") return false;
    }
    while (k < c.prev && toks[k].kind != TokenKind::kWord) ++k;
    return text::is_upper(first_cp(toks[k].text(t)));
  }

  // Is one of the three words before W a noun that introduces a title?
  bool after_title_noun(WordKnowledge& wk, std::string_view t, const std::vector<Token>& toks,
                        size_t from, size_t prev) const {
    int seen = 0;
    for (size_t k = prev + 1; k-- > from && seen < 3;) {
      if (toks[k].kind != TokenKind::kWord) continue;
      ++seen;
      if (wk.work_noun(toks[k].text(t))) return true;
    }
    return false;
  }

 private:
  // A common word that is not a name: the dictionary knows its lowercase
  // form, and neither the name table nor the dictionary knows it as a name
  // (a grammar reading wins over a symbol such as "Ce" for cerium).
  static bool common_word(WordKnowledge& wk, std::string_view w) {
    if (wk.camelcase(w) || !wk.common_lower(w)) return false;
    if (wk.names().is_correct(ascii_apostrophes(w))) return false;
    uint32_t m = wk.morphology(w);
    if ((m & word::kNameReading) && !(m & word::kFunctionWord)) return false;
    return true;
  }

  // A capitalised previous word may end a sentence only if it is a name
  // ("Soweto Elle"); a capitalised grammar word may not.
  static bool p_upper_blocked(WordKnowledge& wk, std::string_view p, bool p_upper) {
    if (!p_upper) return false;
    return wk.function_word(p);
  }

  // Does the clause [from, to] hold a finite verb? Then it can end here.
  static bool clause_has_verb(RuleContext& ctx, WordKnowledge& wk, size_t from, size_t to) {
    std::string_view t = ctx.text();
    const auto& toks = ctx.tokens();
    int words = 0;
    for (size_t k = from; k <= to && k < toks.size(); ++k) {
      if (toks[k].kind != TokenKind::kWord || toks[k].elision) continue;
      ++words;
      std::string_view w = toks[k].text(t);
      if (text::is_upper(first_cp(w)) && k != from) continue;  // names are not verbs
      if (finite_verb_at(wk, t, toks, k)) return words >= 2;
    }
    return false;
  }

  // Does the text from `from` to the end of its sentence hold a finite verb?
  static bool sentence_has_verb(RuleContext& ctx, WordKnowledge& wk, size_t from) {
    std::string_view t = ctx.text();
    const auto& toks = ctx.tokens();
    for (size_t k = from; k < toks.size(); ++k) {
      const Token& tok = toks[k];
      if (tok.kind == TokenKind::kNewline) return false;
      if (tok.kind == TokenKind::kPunct || tok.kind == TokenKind::kOther) {
        std::string_view p = tok.text(t);
        if (p == "." || p == "!" || p == "?" || p == ";" || p == ":" || p == "…") return false;
        continue;
      }
      if (tok.kind != TokenKind::kWord || tok.elision) continue;
      if (text::is_upper(first_cp(tok.text(t)))) continue;  // names are not verbs
      if (!finite_verb_at(wk, t, toks, k)) continue;
      // "renforcée Encore plus depuis lors": "plus" is also "je plus"
      // (plaire), but an adverb or grammar word first.
      std::string lw = WordKnowledge::lower(tok.text(t));
      if ((wk.morphology(lw) & (word::kAdverb | word::kFunctionWord)) && !wk.auxiliary(lw)) continue;
      return true;
    }
    return false;
  }

  // May W be lowered although a capitalised word follows it? Only before a
  // place or an institution the name table knows on its own ("Kremlin",
  // "Moscou"), when W and the words after it do not make a longer name of
  // the table ("La Rochelle", "Le Havre", "La France insoumise"): W is then
  // not part of the name. Persons keep their particles ("Du Bellay").
  static bool separate_from_name(WordKnowledge& wk, std::string_view t,
                                 const std::vector<Token>& toks, size_t w) {
    constexpr int kLongestName = 5;
    if (w + 2 >= toks.size() || toks[w + 1].text(t) != " " ||
        toks[w + 2].kind != TokenKind::kWord) {
      return false;
    }
    const NameTable& names = wk.names();
    std::string joined(toks[w].text(t));
    size_t k = w;
    for (int n = 0; n < kLongestName; ++n) {
      if (k + 2 >= toks.size() || toks[k + 1].kind != TokenKind::kSpace ||
          toks[k + 1].text(t) != " " || toks[k + 2].kind != TokenKind::kWord) {
        break;
      }
      k += 2;
      joined += " ";
      joined += toks[k].text(t);
      std::string form = ascii_apostrophes(joined);
      if (names.is_correct(form) || names.find_variant(form)) return false;
    }
    const auto* entries = names.find_correct(ascii_apostrophes(toks[w + 2].text(t)));
    if (!entries) return false;
    for (const NameEntry* e : *entries) {
      if (!is_place_kind(e->kind) && e->kind != NameKind::kOrganisation) return false;
    }
    return true;
  }

  WordLists lists_;
};

// ---------------------------------------------------------------------------
// case.title-case-heading: "Les Alliés De La Russie Se Détournent Un À Un".
class TitleCaseHeading : public Rule {
 public:
  explicit TitleCaseHeading(WordLists lists) : lists_(lists) {}

  std::vector<RuleInfo> infos() const override {
    return {{"case.title-case-heading", Stage::kTokens, Applicability::kSafe,
             "a heading in English title case turned into French sentence case; names keep "
             "their capitals ('Les Alliés De La Russie' -> 'Les alliés de la Russie')"}};
  }

  void check(RuleContext& ctx) const override {
    std::string_view t = ctx.text();
    const auto& toks = ctx.tokens();
    WordKnowledge wk(ctx.lexicon(), *ctx.resources().names, lists_);
    // Read from the whole text once, and only if a line gets as far as a capital to lower.
    std::optional<std::set<std::string_view>> names;
    size_t i = 0;
    while (i < toks.size()) {
      size_t j = i;
      while (j < toks.size() && toks[j].kind != TokenKind::kNewline) ++j;
      check_line(ctx, wk, t, toks, i, j, names);
      i = j + 1;
    }
  }

 private:
  // Words the document's prose (lines of sentences, not headings) writes with
  // a capital after a lowercase word, the parts of hyphenated words too
  // ("l'outil Translate-Shell", "la fenêtre Shell"): the text's own names,
  // which a heading keeps ("Sublime Translate Shell"). Grammar words are left
  // out: capitalised inside a sentence they are a link's or a translation's
  // leftover ("De Malaisie").
  static std::set<std::string_view> capitalised_inside_sentences(WordKnowledge& wk, std::string_view t,
                                                                 const std::vector<Token>& toks) {
    constexpr int kMinProseWords = 6;
    std::set<std::string_view> out;
    size_t line_start = 0;
    bool prose = false;
    for (size_t i = 0; i < toks.size(); ++i) {
      if (i == line_start) prose = prose_line(t, toks, i, kMinProseWords);
      if (toks[i].kind == TokenKind::kNewline) {
        line_start = i + 1;
        continue;
      }
      if (!prose || i < line_start + 2) continue;
      if (toks[i].kind != TokenKind::kWord || toks[i - 1].kind != TokenKind::kSpace ||
          toks[i - 2].kind != TokenKind::kWord || toks[i - 2].elision) {
        continue;
      }
      std::string_view w = toks[i].text(t), p = toks[i - 2].text(t);
      if (!text::is_upper(first_cp(w)) || text::is_upper(first_cp(p)) || !text::case_shape(p).letters) continue;
      for (size_t b = 0; b <= w.size();) {
        size_t e = w.find('-', b);
        if (e == std::string_view::npos) e = w.size();
        if (e > b && !grammar_word(wk, w.substr(b, e - b))) out.insert(w.substr(b, e - b));
        b = e + 1;
      }
    }
    return out;
  }

  // Does the line from token `from` end like a sentence, with some words?
  static bool prose_line(std::string_view t, const std::vector<Token>& toks, size_t from, int min_words) {
    int words = 0;
    size_t last = from;
    for (size_t k = from; k < toks.size() && toks[k].kind != TokenKind::kNewline; ++k) {
      words += toks[k].kind == TokenKind::kWord;
      if (toks[k].kind != TokenKind::kSpace) last = k;
    }
    if (words < min_words || last >= toks.size()) return false;
    std::string_view end = toks[last].text(t);
    return end == "." || end == "!" || end == "?" || end == "\xE2\x80\xA6";
  }

  static constexpr int kMaxHeadingWords = 20;

  void check_line(RuleContext& ctx, WordKnowledge& wk, std::string_view t,
                  const std::vector<Token>& toks, size_t from, size_t to,
                  std::optional<std::set<std::string_view>>& names) const {
    if (from >= to) return;
    std::string_view line = trim_line(t.substr(toks[from].begin, toks[to - 1].end - toks[from].begin));
    if (line.empty()) return;
    if (line.back() == '.' || line.back() == ',' || line.back() == ';') return;  // a sentence
    std::vector<size_t> words;
    for (size_t k = from; k < to; ++k) {
      if (toks[k].kind == TokenKind::kWord) words.push_back(k);
      if (toks[k].kind == TokenKind::kPunct) {
        std::string_view p = toks[k].text(t);
        if (p == "." && k + 1 < to) return;  // two sentences: not a heading
      }
    }
    if (words.size() < 3 || static_cast<int>(words.size()) > kMaxHeadingWords) return;
    // A list of items ("Paris / Place de la Comédie - 20 Mars-Paris/Fontaine
    // des Innocents"): its capitals are names, not title case.
    if (list_like(line)) return;
    std::vector<bool> in_name = multiword_names(wk, t, toks, words);
    // Capitalised words after the first, and among them common words.
    int later = 0, capitalised = 0, common_caps = 0;
    std::vector<size_t> fix;
    for (size_t n = 1; n < words.size(); ++n) {
      const Token& tok = toks[words[n]];
      std::string_view w = tok.text(t);
      text::CaseShape s = text::case_shape(w);
      if (s.letters == 0) continue;
      ++later;
      // English title case capitalises every noun, adjective and verb; a
      // lowercase one makes the line French sentence case, whose capitals
      // are names ("Le Congrès ouïghour mondial financé par Washington").
      // After a capitalised elision the capital is the elision's ("S'impliquer").
      bool after_elision = words[n] > 0 && toks[words[n] - 1].elision;
      if (!s.initial_upper && !tok.elision && !after_elision && !grammar_word(wk, w)) return;
      if (!s.initial_upper || s.all_upper || s.inner_upper) continue;
      ++capitalised;
      if (in_name[n] || keeps_capital(wk, t, toks, words, n)) continue;
      if (!names) names = capitalised_inside_sentences(wk, t, toks);
      if (names->count(w)) continue;
      ++common_caps;
      fix.push_back(words[n]);
    }
    if (later == 0 || capitalised * 2 < later) return;
    // Two common words with capitals make a title-case heading. So does a
    // single one when every word is capitalised and that word is a
    // conjunction or preposition, which French never capitalises inside a
    // heading or a name ("Marine Le Pen Et Éric Zemmour").
    if (common_caps < 2) {
      if (common_caps == 0 || capitalised < later || later < 3) return;
      uint32_t m = wk.morphology(WordKnowledge::lower(toks[fix[0]].text(t)));
      if (!(m & (word::kConjunction | word::kPreposition))) return;
    }
    for (size_t k : fix) {
      std::string_view w = toks[k].text(t);
      ctx.propose(0, toks[k].begin, toks[k].end, lower_first(w), 0.9,
                  "heading in English title case: \"" + std::string(w) + "\" is not a name");
    }
  }

  static bool grammar_word(WordKnowledge& wk, std::string_view w) {
    return wk.function_word(w) || (wk.morphology(w) & word::kFunctionWord);
  }

  // A list item (a bullet first), or two separators of list items or more:
  // " - ", " / ", "/" between words, " | "; or a path through menus
  // ("Tools > Build System > New Build System", "Accueil » Actualités").
  static bool list_like(std::string_view line) {
    if (line.find(" > ") != std::string_view::npos || line.find(" \xC2\xBB ") != std::string_view::npos) {
      return true;
    }
    for (std::string_view bullet : {"- ", "* ", "+ ", "\xE2\x80\xA2 ", "\xE2\x80\x93 "}) {
      if (line.substr(0, bullet.size()) == bullet) return true;
    }
    int separators = 0;
    for (std::string_view sep : {" - ", " / ", " | ", " – "}) {
      for (size_t p = line.find(sep); p != std::string_view::npos; p = line.find(sep, p + 1)) ++separators;
    }
    for (size_t p = line.find('/'); p != std::string_view::npos; p = line.find('/', p + 1)) {
      if (p > 0 && p + 1 < line.size() && line[p - 1] != ' ' && line[p + 1] != ' ') ++separators;
    }
    return separators >= 2;
  }

  // Are words n and n + 1 of the line separated by one space only?
  static bool adjacent(std::string_view t, const std::vector<Token>& toks,
                       const std::vector<size_t>& words, size_t n) {
    return n + 1 < words.size() && words[n + 1] == words[n] + 2 &&
           toks[words[n] + 1].text(t) == " ";
  }

  // Words that belong to a name of several words, which keep their capitals
  // although each alone is a common word: a multi-word form of the name
  // table ("Le Monde", "La Rochelle"), or a first name, name particles and a
  // name ("Marine Le Pen", "Louis De Funès").
  std::vector<bool> multiword_names(WordKnowledge& wk, std::string_view t,
                                    const std::vector<Token>& toks,
                                    const std::vector<size_t>& words) const {
    constexpr size_t kLongestName = 6;
    std::vector<bool> in_name(words.size(), false);
    const NameTable& names = wk.names();
    for (size_t n = 0; n < words.size(); ++n) {
      std::string_view w = toks[words[n]].text(t);
      if (names.starts_multiword(ascii_apostrophes(w))) {
        std::string joined(w);
        size_t longest = 0;
        for (size_t m = n; m - n + 1 < kLongestName && adjacent(t, toks, words, m); ++m) {
          joined += " ";
          joined += toks[words[m + 1]].text(t);
          if (names.is_correct(ascii_apostrophes(joined))) longest = m + 1;
        }
        for (size_t m = n; m <= longest && longest > 0; ++m) in_name[m] = true;
      }
      if (!text::is_upper(first_cp(w)) || !wk.first_name(w)) continue;
      size_t m = n;
      while (adjacent(t, toks, words, m) && name_particle(toks[words[m + 1]].text(t))) ++m;
      if (!adjacent(t, toks, words, m)) continue;
      std::string_view last = toks[words[m + 1]].text(t);
      text::CaseShape s = text::case_shape(last);
      if (!s.initial_upper || name_particle(last) || demonym(wk, last) ||
          !keeps_capital(wk, t, toks, words, m + 1)) {
        continue;
      }
      for (size_t k = n; k <= m + 1; ++k) in_name[k] = true;
    }
    return in_name;
  }

  // The articles and prepositions that French surnames carry, capitalised:
  // "Le Pen", "La Fontaine", "Du Bellay", "De Funès".
  static bool name_particle(std::string_view w) {
    static const char* kParticles[] = {"Le", "La", "Les", "De", "Du", "Des", "D'", "D\xE2\x80\x99"};
    for (const char* p : kParticles) {
      if (w == p) return true;
    }
    return false;
  }

  // A demonym or its adjective, and nothing else, in the name table.
  static bool demonym(WordKnowledge& wk, std::string_view w) {
    const auto* entries = wk.names().find_correct(ascii_apostrophes(w));
    if (!entries) return false;
    for (const NameEntry* e : *entries) {
      if (e->kind != NameKind::kDemonym && e->kind != NameKind::kAdjective) return false;
    }
    return true;
  }

  // Names keep their capital; so does a demonym used as a noun after a
  // determiner ("les Ukrainiens"), while the adjective loses it
  // ("avancées Ukrainiennes" -> "ukrainiennes").
  static bool keeps_capital(WordKnowledge& wk, std::string_view t, const std::vector<Token>& toks,
                            const std::vector<size_t>& words, size_t n) {
    std::string_view w = toks[words[n]].text(t);
    if (wk.camelcase(w)) return true;
    if (n > 0 && wk.cardinal_point(w)) {  // "Mer De Chine Du Sud", "Gare de l'Est"
      std::string p = ascii_apostrophes(WordKnowledge::lower(toks[words[n - 1]].text(t)));
      if (p == "du" || p == "de" || p == "l'") return true;
    }
    if (wk.names().is_correct(ascii_apostrophes(w))) {
      if (!demonym(wk, w)) return true;
      std::string_view prev = toks[words[n - 1]].text(t);
      return wk.determiner(prev) ||
             (wk.morphology(WordKnowledge::lower(prev)) & word::kDeterminer);  // "Des Ukrainiens"
    }
    if (!wk.common_lower(w)) return true;  // unknown in lowercase: a name or a foreign word
    uint32_t m = wk.morphology(w);
    return (m & word::kNameReading) && !(m & word::kFunctionWord) &&
           !(wk.morphology(WordKnowledge::lower(w)) & word::kCommonReading);
  }

  WordLists lists_;
};

template <typename T>
RuleRegistry::Factory with_lists() {
  return [](const Resources& res, Status* st) -> std::unique_ptr<Rule> {
    WordLists lists;
    *st = lists.load(res);
    if (!st->ok()) return nullptr;
    return std::make_unique<T>(lists);
  };
}

}  // namespace

void register_casing_rules(RuleRegistry& r) {
  r.add("joins.dropped-period", with_lists<MidSentenceCapital>());
  r.add("case.title-case-heading", with_lists<TitleCaseHeading>());
}

}  // namespace retouche
