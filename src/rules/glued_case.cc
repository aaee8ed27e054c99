// joins.glued — two words glued at a lowercase/uppercase boundary when
// scraped link text was pasted back into the sentence: "afghanCela",
// "laRépublique", "MatignonNicolas Sarkozy". Every split is decided by the
// lexicon and word lists (dictionaries/), never by a list of seed strings;
// brands and CamelCase names (dictionaries/camelcase.txt) are left alone.
#include <memory>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "pipeline/registry.h"
#include "pipeline/resources.h"
#include "pipeline/rule.h"
#include "rules/families.h"
#include "rules/join_helpers.h"
#include "rules/word_knowledge.h"
#include "text/chars.h"

namespace retouche {
namespace joins {
namespace {

using text::Token;
using text::TokenKind;

// joins.glued: two words glued at a lowercase->uppercase boundary.
class GluedCase : public Rule {
 public:
  explicit GluedCase(WordLists lists) : lists_(lists) {}

  std::vector<RuleInfo> infos() const override {
    return {{"joins.glued", Stage::kTokens, Applicability::kSafe,
             "two words glued at a lowercase/uppercase boundary ('afghanCela', 'laRépublique'); "
             "brands and CamelCase names (dictionaries/camelcase.txt) are never split"}};
  }

  void check(RuleContext& ctx) const override {
    std::string_view t = ctx.text();
    WordKnowledge wk(ctx.lexicon(), *ctx.resources().names, lists_);
    const auto& toks = ctx.tokens();
    size_t clause_start = 0;
    for (size_t ti = 0; ti < toks.size(); ++ti) {
      const Token& tok = toks[ti];
      if (tok.kind == TokenKind::kNewline) clause_start = ti + 1;
      if (tok.kind == TokenKind::kPunct) {
        std::string_view p = tok.text(t);
        if (p == "." || p == "!" || p == "?" || p == ";" || p == ":" || p == ",")
          clause_start = ti + 1;
      }
      if (tok.kind != TokenKind::kWord || tok.elision) continue;
      // No uppercase letter after a lowercase one: no boundary below (most
      // words; the tokenizer's shape reads the same case classes).
      if (!tok.case_shape().inner_upper) continue;
      std::string_view w = tok.text(t);
      if (has_digit(w)) continue;
      Context context{clause_start, ti};
      // Boundaries inside the token.
      std::vector<size_t> cuts;
      size_t i = 0;
      char32_t prev = 0;
      while (i < w.size()) {
        size_t at = i;
        char32_t c = utf8::decode(w, i);
        if (text::is_upper(c) && text::is_lower(prev)) cuts.push_back(at);
        prev = c;
      }
      if (cuts.empty()) continue;
      if (wk.camelcase(w) || wk.known(w)) continue;
      if (code_points(w.substr(0, cuts[0])) < 2) continue;  // iPhone, eBay
      // Brand and technical shapes: a capitalised token whose first part is
      // one or two letters ("NoMa", "LaTeX", "DeLorean"), or one that ends in
      // a lone capital ("LaTeX", "SpaceX").
      if (text::is_upper(cp_at(w, 0)) && code_points(w.substr(0, cuts[0])) < 3) continue;
      if (code_points(w.substr(cuts.back())) == 1) continue;
      bool capital_start = text::is_upper(cp_at(w, 0));
      // Is the next word capitalised ("Les Aventures")?
      bool capitalised_next = false;
      const auto& toks = ctx.tokens();
      for (size_t j = static_cast<size_t>(&tok - toks.data()) + 1; j < toks.size(); ++j) {
        if (toks[j].kind == TokenKind::kSpace) continue;
        capitalised_next =
            toks[j].kind == TokenKind::kWord && text::is_upper(cp_at(toks[j].text(t), 0));
        break;
      }
      cuts.push_back(w.size());
      size_t seg_begin = 0;
      for (size_t k = 0; k + 1 < cuts.size(); ++k) {
        std::string_view left = w.substr(seg_begin, cuts[k] - seg_begin);
        std::string_view right = w.substr(cuts[k], cuts[k + 1] - cuts[k]);
        seg_begin = cuts[k];
        decide(ctx, wk, tok.begin + cuts[k], left, right, capital_start && k == 0,
               capitalised_next && k + 2 == cuts.size(), context);
      }
    }
  }

 private:
  // The last word of a hyphenated left part ("canadienne-française").
  static std::string_view last_part(std::string_view s) {
    size_t h = s.find_last_of('-');
    return h == std::string_view::npos ? s : s.substr(h + 1);
  }

  // Where the glued token sits: the first token of its clause, and itself.
  struct Context {
    size_t clause_start;
    size_t token;
  };

  static bool finite_verb(WordKnowledge& wk, std::string_view w) {
    if (text::is_upper(cp_at(w, 0))) return false;
    // "a", "est", "ont": auxiliaries are verbs whatever else the dictionary
    // says they can be (dictionaries/always-verbs-fr.txt, as written).
    if (WordKnowledge::in(wk.lists().always_verbs, w)) return true;
    uint32_t m = wk.morphology(w);
    return (m & word::kFiniteVerb) && !(m & word::kNoun);
  }

  // Does the clause before the token hold a conjugated verb? Then the glued
  // left word ended a sentence ("…l'éruption minoenne" + "René van der Linden
  // est…"); a clause without one is a fronted phrase, followed by a comma
  // ("Dans un entretien publié lundi" + ", Ramzan Kadyrov a plaidé").
  static bool clause_has_verb(RuleContext& ctx, WordKnowledge& wk, const Context& c) {
    std::string_view t = ctx.text();
    const auto& toks = ctx.tokens();
    for (size_t k = c.clause_start; k < c.token; ++k) {
      if (toks[k].kind == TokenKind::kWord && !toks[k].elision && finite_verb(wk, toks[k].text(t)))
        return true;
    }
    return false;
  }

  // May a title start at an article glued to `left` ("GranowskyLes
  // Aventures", "filmLes Aventures")? Not when the left part is a common
  // word other than a work noun and one side of the glue has a verb, nor
  // when both sides have one.
  static bool title_after(RuleContext& ctx, WordKnowledge& wk, std::string_view left,
                          bool camel_shape, const Context& c) {
    bool before = clause_has_verb(ctx, wk, c);
    bool after = sentence_verb_after(ctx, wk, c.token);
    if (before && after) return false;
    return camel_shape || wk.work_noun(last_part(left)) || !(before || after);
  }

  // Does the sentence after the token hold a conjugated verb (names aside)?
  static bool sentence_verb_after(RuleContext& ctx, WordKnowledge& wk, size_t token) {
    std::string_view t = ctx.text();
    const auto& toks = ctx.tokens();
    for (size_t k = token + 1; k < toks.size(); ++k) {
      const Token& tok = toks[k];
      if (tok.kind == TokenKind::kNewline) return false;
      if (tok.kind == TokenKind::kPunct) {
        std::string_view p = tok.text(t);
        if (p == "." || p == "!" || p == "?" || p == ";" || p == ":") return false;
        continue;
      }
      if (tok.kind != TokenKind::kWord || tok.elision) continue;
      if (text::is_upper(cp_at(tok.text(t), 0))) continue;
      if (finite_verb_at(wk, t, toks, k)) return true;
    }
    return false;
  }

  // Is the name followed, within four words, by a conjugated verb of its
  // own (not one of a relative clause: "Kretschmer qui avait défini")?
  static bool verb_follows(RuleContext& ctx, WordKnowledge& wk, const Context& c) {
    std::string_view t = ctx.text();
    const auto& toks = ctx.tokens();
    int words = 0;
    for (size_t k = c.token + 1; k < toks.size() && words < 4; ++k) {
      if (toks[k].kind == TokenKind::kPunct || toks[k].kind == TokenKind::kNewline) return false;
      if (toks[k].kind != TokenKind::kWord || toks[k].elision) continue;
      ++words;
      std::string_view w = toks[k].text(t);
      if (subordinator(wk, w)) return false;
      if (finite_verb(wk, w)) return true;
    }
    return false;
  }

  void decide(RuleContext& ctx, WordKnowledge& wk, size_t at, std::string_view left,
              std::string_view right, bool camel_shape, bool capitalised_next,
              const Context& context) const {
    text::CaseShape rs = text::case_shape(right);
    if (rs.all_upper) return;  // "macOS", "pH", an acronym tail
    bool left_known = wk.known(left) || wk.known(last_part(left));
    // "Ce" is also Cerium's symbol for the dictionary: a grammar reading wins.
    bool right_name = wk.is_name(right) && !(wk.morphology(right) & word::kFunctionWord);
    std::string rl = WordKnowledge::lower(right);
    std::string msg =
        "\"" + std::string(left) + "\" and \"" + std::string(right) + "\" glued together";
    // 1. The right part starts a sentence ("Cela", "Les", "Mais"), unless it is
    // an article before a capitalised word after a name or a work noun: "le
    // film d'Alexis GranowskyLes Aventures" is a title. After another word
    // ("la queueLe Parlement européen a adopté"), or when both sides have
    // their verb, the article starts a sentence.
    if (wk.starter(right) && !right_name && rl.size() >= 2 &&
        !(capitalised_next && wk.determiner(right) &&
          title_after(ctx, wk, left, camel_shape, context))) {
      ctx.propose(0, at, at, ". ", left_known ? 0.92 : 0.8,
                  msg + ": a sentence starts at \"" + std::string(right) + "\"");
      return;
    }
    // "groupeEt Washington", "DonetskQue Moscou": a conjunction or relative
    // joins the two; a space and lowercase are right whether or not a
    // sentence ended there.
    if (rl == "et" || rl == "ou" || rl == "ni" || rl == "que" || rl == "qui" || rl == "dont") {
      if (code_points(left) >= 3) {
        ctx.propose(0, at, at + right.size(), " " + rl, 0.82, msg + ": a space is missing");
      }
      return;
    }
    if (!left_known) return;
    bool right_known = wk.known(right) || right_name;
    // A capitalised word the lexicon does not know is a rare name.
    bool name_like = right_name || (!right_known && code_points(right) >= 3 && rs.initial_upper &&
                                    !rs.inner_upper && !wk.camelcase(right));
    // A CamelCase word with a content tail ("BlackRock", "PlayStation") is a
    // brand or a name: left alone, unless a person's name starts at the
    // capital: a first name, then a surname ("MatignonNicolas Sarkozy"; two
    // first names make one: "JeanPierre").
    if (camel_shape) {
      if (wk.first_name(right) && capitalised_next && code_points(left) >= 3 &&
          !wk.first_name(left)) {
        separate_names(ctx, wk, at, msg, right, context);
      }
      return;
    }
    // 2. A grammar word glued to a name: "laRépublique", "deFrance",
    // "avecBeyoncé" (a rare name too: "dePouancey"; not "onClick").
    std::string_view lp = last_part(left);
    if (wk.opener(lp) || wk.function_word(lp)) {
      if (right_known || (name_like && lp != "on")) {
        ctx.propose(0, at, at, " ", 0.88, msg + ": a space is missing");
      }
      return;  // no sentence or clause ends with a grammar word
    }
    if (!right_known && !name_like) return;
    uint32_t m = wk.morphology(rl);
    bool noun = m & word::kNoun, adj = m & (word::kAdjective | word::kParticiple);
    // 3. An adjective capitalised by the link it came from: "stratégiqueIntégré"
    // (it agrees in number with the word before it; "premiersPompée" does not).
    if (adj && !noun && !right_name && plural(left) == plural(rl)) {
      ctx.propose(0, at, at + right.size(), " " + rl, 0.75,
                  msg + ": a space is missing and \"" + std::string(right) + "\" is not a name");
      return;
    }
    // 4. A verb or adverb starts a new sentence: "sexuelleSéparez", "jeuneEncore".
    if (!right_name && !noun && (m & (word::kAdverb | word::kFiniteVerb | word::kInfinitive))) {
      ctx.propose(0, at, at, ". ", 0.8,
                  msg + ": a sentence starts at \"" + std::string(right) + "\"");
      return;
    }
    if (name_like && !noun) {
      // 5. A name starting a clause with its verb: after a sentence with its
      // own verb a new sentence, after a fronted phrase a comma.
      if (separate_names(ctx, wk, at, msg, right, context)) return;
      // 6. A name without a verb of its own after a conjugated verb: its
      // subject or object ("se féliciteBastien Duclaux", "emportaNenya sur un
      // navire"). Not after an infinitive: "userName" is code.
      uint32_t lm = wk.morphology(lp);
      if ((lm & word::kFiniteVerb) && !(lm & (word::kNoun | word::kAdjective | word::kParticiple |
                                              word::kInfinitive | word::kFunctionWord))) {
        ctx.propose(0, at, at, " ", 0.75, msg + ": a space is missing");
        return;
      }
    }
    // 7. A name or a noun: a period, a comma or a space? Only a reviewer
    // knows; a word the lexicon does not know may be code ("userName").
    if (!right_known) return;
    ctx.propose(0, at, at, ". ", 0.35,
                msg + ": a separator is missing (a period, a comma or a space)",
                Applicability::kSuggested);
  }

  // A name glued after a word, starting a clause with its verb ("...a dû
  // être dérouté en raison des conditions météorologiquesStéphanos s'était
  // opposé"): after a sentence that has its own verb, a new sentence; after
  // a fronted phrase without one ("Selon un dernier sondage
  // OpinionwayFrançois Hollande conforte"), a comma. With no verb after the
  // name, nothing tells them apart.
  static bool separate_names(RuleContext& ctx, WordKnowledge& wk, size_t at, const std::string& msg,
                             std::string_view right, const Context& context) {
    if (!verb_follows(ctx, wk, context)) return false;
    bool sentence = main_verb_before(ctx, wk, context.token);
    ctx.propose(0, at, at, sentence ? ". " : ", ", 0.6,
                msg +
                    (sentence ? ": a sentence ends before \"" : ": a comma is missing before \"") +
                    std::string(right) + "\"");
    return true;
  }

  // Does the sentence before the token hold a verb of its main clause? The
  // sentence starts after a sentence end (not an abbreviation: "av. J.-C.")
  // or a line break; verbs of a relative or subordinate clause ("Après une
  // invasion qui n'a rencontré que peu de résistance") do not count, up to
  // the comma that closes it.
  static bool main_verb_before(RuleContext& ctx, WordKnowledge& wk, size_t token) {
    std::string_view t = ctx.text();
    const auto& toks = ctx.tokens();
    size_t start = 0;
    for (size_t k = token; k-- > 0;) {
      const Token& tok = toks[k];
      if (tok.kind == TokenKind::kNewline) {
        start = k + 1;
        break;
      }
      // Another glued sentence start: "fuselageEn tant que ville".
      if (tok.kind == TokenKind::kWord && glued_sentence_start(wk, tok.text(t))) {
        start = k;
        break;
      }
      if (tok.kind != TokenKind::kPunct) continue;
      std::string_view p = tok.text(t);
      if (p == "!" || p == "?" || p == ";" || p == ":" ||
          (p == "." && !abbreviation_before(t, toks, k))) {
        start = k + 1;
        break;
      }
    }
    bool subordinate = false;
    for (size_t k = start; k < token; ++k) {
      const Token& tok = toks[k];
      if (tok.kind == TokenKind::kPunct && tok.text(t) == ",") subordinate = false;
      if (tok.kind != TokenKind::kWord) continue;
      std::string_view w = tok.text(t);
      if (subordinator(wk, w)) {
        subordinate = true;
        continue;
      }
      if (tok.elision || subordinate || text::is_upper(cp_at(w, 0))) continue;
      if (finite_verb(wk, w)) return true;
    }
    return false;
  }

  // A word with a sentence starter glued after a lowercase letter ("fuselageEn").
  static bool glued_sentence_start(WordKnowledge& wk, std::string_view w) {
    size_t i = 0;
    char32_t prev = 0;
    while (i < w.size()) {
      size_t at = i;
      char32_t c = utf8::decode(w, i);
      if (text::is_upper(c) && text::is_lower(prev)) return wk.starter(w.substr(at));
      prev = c;
    }
    return false;
  }

  // Is the period at token `k` the end of an abbreviation: after one or two
  // letters ("av.", "J.-C.", "M.")?
  static bool abbreviation_before(std::string_view t, const std::vector<Token>& toks, size_t k) {
    if (k == 0 || toks[k - 1].kind != TokenKind::kWord) return false;
    return code_points(toks[k - 1].text(t)) <= 2;
  }

  // A word that opens a relative or subordinate clause
  // (dictionaries/subordinators-fr.txt, as written).
  static bool subordinator(WordKnowledge& wk, std::string_view w) {
    return WordKnowledge::in(wk.lists().subordinators, w);
  }

  WordLists lists_;
};

}  // namespace
}  // namespace joins

void register_glued_case_rules(RuleRegistry& r) {
  r.add("joins.glued", joins::with_lists<joins::GluedCase>());
}

}  // namespace retouche
