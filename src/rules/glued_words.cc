// joins.glued-words: the rule, and the splits of a lowercase unknown word
// ("fonctionnepar", "unepartie"); a capitalised one is scored in
// glued_words_capital.cc.
#include "rules/glued_words.h"

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

constexpr size_t kLongestGluedWord = 64;  // bytes
constexpr size_t kShortestGluedWord = 5;  // code points: the shortest split is two and three

// joins.glued-words: a word unknown to the lexicon that is two known words
// without the space: "Chinecontinue", "Lillede", "fonctionnepar".
//
// Unknown words are mostly rare real words and names (Peterson, Lemaire,
// dramaturgiquement), so a split must be explained by one of these shapes:
//   a place/surname + a grammar word or verb   "Lillede", "Chinecontinue"
//   a word + a grammar word                    "fonctionnepar", "toutesles"
//   an auxiliary or subject + a verb           "estsitué", "quipublia"
//   a determiner + a noun or adjective         "unepartie", "sonorigine"
// or by the sentence around it, whatever the left part (a rare name):
//   the clause has no verb but the glued one    "Christine Cochetest une actrice"
//   a date or a year follows                    "Toulousele 20 septembre", "Sélestaten 1935"
//   a word no name ends with                    "Parisoù", "Margareeavant de"
//   an institution after its article           "la Chambredes députés", "le Parlementeuropéen"
// and only when exactly one split has the best shape.
class GluedWords : public Rule {
 public:
  explicit GluedWords(WordLists lists) : lists_(lists) {}

  std::vector<RuleInfo> infos() const override {
    return {{"joins.glued-words", Stage::kTokens, Applicability::kSafe,
             "an unknown word that is two known words without the space ('Chinecontinue', "
             "'fonctionnepar', 'unepartie')"}};
  }

  void check(RuleContext& ctx) const override {
    std::string_view t = ctx.text();
    WordKnowledge wk(ctx.lexicon(), *ctx.resources().names, lists_);
    const auto& toks = ctx.tokens();
    for (size_t ti = 0; ti < toks.size(); ++ti) {
      const Token& tok = toks[ti];
      if (tok.kind != TokenKind::kWord || tok.elision || tok.hyphenated) continue;
      std::string_view w = tok.text(t);
      // Every split point of a word is looked up: quadratic in its length.
      // Two long words glued fit in kLongestGluedWord bytes (the longest
      // split in the development sets has 23); a longer run of letters is
      // not a glue, and could be megabytes.
      if (w.size() > kLongestGluedWord || w.size() < kShortestGluedWord) continue;  // bytes >= code points
      size_t n = code_points(w);
      if (n < kShortestGluedWord || has_digit(w) || w.find('\'') != std::string_view::npos ||
          w.find("\xE2\x80\x99") != std::string_view::npos) {
        continue;
      }
      text::CaseShape shape = tok.case_shape();
      if (shape.inner_upper || shape.all_upper) continue;  // joins.glued's business, or an acronym
      if (wk.known(w) || ctx.resources().names->find_variant(w)) continue;  // no apostrophe in `w`
      bool capital = shape.initial_upper;
      bool derived = !capital && wk.derived_ending(w);
      Surroundings env = surroundings(ctx, t, ti);
      std::string_view previous = env.previous;
      // After a title or profession ("le professeur Pariset") or a first name
      // ("Louis Gardet") a capitalised word is a person's surname, and many
      // surnames begin with a place (Pariset, Gardet, Lyonnet).
      bool person_position = capital && !previous.empty() &&
                             (wk.person_noun(previous) ||
                              (text::is_upper(cp_at(previous, 0)) && wk.first_name(previous)));
      // What the sentence around a capitalised word allows, asked once per
      // word and only when a split needs it.
      Evidence ev;
      if (capital) {
        ev.previous_starts_name = !previous.empty() && wk.names().starts_multiword(previous);
        ev.article_before = !previous.empty() && article(wk, previous);
      }
      Split best{0, 0, 0}, second{0, 0, 0};
      size_t pos = 0, k = 0;
      while (pos < w.size()) {
        pos += cp_len(w, pos);
        ++k;
        if (k < 2 || n - k < 2) continue;
        std::string_view left = w.substr(0, pos), right = w.substr(pos);
        Split s{pos, 0, 0};
        if (capital) {
          s.score = score_capital(wk, left, right, n - k, env, ev, person_position);
          // Evidence from the sentence: weighs whatever the left part is.
          if (k >= 3) {
            int rank = 0;
            if (sentence_evidence(ctx, wk, env, ev, ti, left, right, n - k, &rank)) {
              s.score = 4;
              s.rank = rank;
            }
          }
        } else {
          s.score = score_lower(wk, left, right, k, n - k, derived, env);
          // "ontété": the auxiliary "ont" before "été", rather than "on" before "tété".
          if (s.score == 2 && (wk.morphology(left) & word::kFiniteVerb)) s.rank = 1;
        }
        if (s.score == 0) continue;
        if (s.score > best.score || (s.score == best.score && s.rank > best.rank)) {
          second = best;
          best = s;
        } else if (s.score > second.score || (s.score == second.score && s.rank > second.rank)) {
          second = s;
        }
      }
      if (best.score == 0) continue;
      if (second.score == best.score && second.rank == best.rank) continue;  // ambiguous
      std::string_view left = w.substr(0, best.at), right = w.substr(best.at);
      // A date after an article: "Toulousele 20 septembre".
      bool date = best.score == 4 && !env.next.number.empty();
      if (!date && !plausible_next(wk, right, env.next.word)) continue;
      // Among words French does not know, a lowercase word is foreign too
      // ("Kritik der reinen Vernunft", "Verbum Domini nostris Lucerna").
      if (!capital && foreign_context(ctx, wk, t, ti)) continue;
      ctx.propose(0, tok.begin + best.at, tok.begin + best.at, " ", best.score >= 3 ? 0.85 : 0.8,
                  "\"" + std::string(w) + "\" is not a word; \"" + std::string(left) + "\" and \"" +
                      std::string(right) + "\" glued together");
    }
  }

 private:
  struct Split {
    size_t at;
    int score;  // 4 sentence evidence, 3 grammar word, 2 verb, 1 determiner + noun
    int rank;   // breaks ties between splits of score 4
  };

  // Are two of the four words around the token (two before, two after,
  // capitalised ones too) unknown to the lexicon?
  static bool foreign_context(RuleContext& ctx, WordKnowledge& wk, std::string_view t, size_t ti) {
    const auto& toks = ctx.tokens();
    int unknown = 0;
    auto count = [&](size_t k) {
      if (toks[k].kind != TokenKind::kWord || toks[k].elision) return;
      std::string_view w = toks[k].text(t);
      if (!has_digit(w) && !wk.known(w) && !wk.known(WordKnowledge::lower(w))) ++unknown;
    };
    int words = 0;
    for (size_t k = ti; k-- > 0 && words < 2;) {
      if (toks[k].kind == TokenKind::kNewline) break;
      if (toks[k].kind == TokenKind::kWord) ++words, count(k);
    }
    words = 0;
    for (size_t k = ti + 1; k < toks.size() && words < 2; ++k) {
      if (toks[k].kind == TokenKind::kNewline) break;
      if (toks[k].kind == TokenKind::kWord) ++words, count(k);
    }
    return unknown >= 2;
  }
  static Surroundings surroundings(RuleContext& ctx, std::string_view t, size_t ti) {
    const auto& toks = ctx.tokens();
    Surroundings s;
    if (ti >= 1 && toks[ti - 1].kind == TokenKind::kWord && toks[ti - 1].elision) {
      s.previous = toks[ti - 1].text(t);
    } else if (ti >= 2 && toks[ti - 1].kind == TokenKind::kSpace &&
               toks[ti - 2].kind == TokenKind::kWord) {
      s.previous = toks[ti - 2].text(t);
    }
    size_t i = ti + 1;
    Following& f = s.next;
    if (i < toks.size() && toks[i].kind != TokenKind::kSpace) {
      f.punctuation = toks[i].kind == TokenKind::kPunct || toks[i].kind == TokenKind::kOther;
      return s;
    }
    while (i < toks.size() && toks[i].kind == TokenKind::kSpace) ++i;
    if (i >= toks.size()) return s;
    f.index = i;
    if (toks[i].kind == TokenKind::kWord) {
      f.word = toks[i].text(t);
    } else if (toks[i].kind == TokenKind::kNumber) {
      f.number = toks[i].text(t);
    } else {
      return s;
    }
    size_t j = i + 1;
    if (toks[i].kind == TokenKind::kWord && toks[i].elision) {
      // "l'orgue": the word after is the elided word's host.
    } else {
      if (j >= toks.size() || toks[j].kind != TokenKind::kSpace) return s;
      while (j < toks.size() && toks[j].kind == TokenKind::kSpace) ++j;
    }
    if (j < toks.size() && toks[j].kind == TokenKind::kWord) f.then = toks[j].text(t);
    return s;
  }

  // An article, in any case, either apostrophe (dictionaries/articles-fr.txt).
  static bool article(WordKnowledge& wk, std::string_view w) {
    return WordKnowledge::in(wk.lists().articles, WordKnowledge::lower(w));
  }

  // Could a split of a lowercase word be explained, from the word lists
  // and the lengths alone? Every split needs a grammar word on one side, or
  // two parts long enough for a content word and a verb or adjective.
  // What the word lists say of the two parts of a lowercase word, asked
  // without case mapping (the parts are lowercase already).
  struct Listed {
    bool grammar_right = false;  // a grammar word, or one that follows names ("de", "les", "était")
    bool grammar_left = false, auxiliary_left = false, determiner_left = false;
    bool preposition_left = false, prenominal_left = false;
    bool any() const {
      return grammar_right || grammar_left || auxiliary_left || determiner_left ||
             preposition_left || prenominal_left;
    }
  };
  static Listed listed(WordKnowledge& wk, std::string_view left, std::string_view right) {
    const WordLists& l = wk.lists();
    Listed r;
    if (right.size() <= kLongestGrammarWord) {
      r.grammar_right =
          WordKnowledge::in(l.function_words, right) || WordKnowledge::in(l.glue_after_name, right);
    }
    if (left.size() <= kLongestGrammarWord) {
      r.grammar_left = WordKnowledge::in(l.function_words, left);
      r.auxiliary_left = WordKnowledge::in(l.auxiliaries, left);
      r.determiner_left = WordKnowledge::in(l.determiners, left);
      r.preposition_left = WordKnowledge::preposition_not_prefix_lc(left);
      r.prenominal_left = WordKnowledge::in(l.prenominal, left);
    }
    return r;
  }

  static int score_lower(WordKnowledge& wk, std::string_view left, std::string_view right,
                         size_t left_len, size_t right_len, bool derived, const Surroundings& env) {
    // Before asking the lexicon: a grammar word on one side, or two parts
    // long enough for a content word and a verb or adjective.
    Listed is = listed(wk, left, right);
    if (!is.any() && (left_len < 4 || right_len < 5 || derived)) return 0;
    if (!wk.lexicon().known(right) || !wk.lexicon().known(left)) return 0;
    if (left.size() <= kLongestGrammarWord && WordKnowledge::in(wk.lists().prefixes, left)) {
      return 0;  // "postsecondaire", "surpantalon": compounds
    }
    // "fonctionnepar", "peinturessur", "toutesles"
    if (is.grammar_right && right_len >= 2 && left_len >= 4 && !weak_ending(wk, right)) return 3;
    if (derived) return 0;  // a rare derived word, not a glue
    uint32_t rm = wk.morphology(right);
    uint32_t lm = wk.morphology(left);
    // "dansquatre": a preposition that is not also a prefix (sur-, sous-, contre-)
    // before a word that can follow it (not a conjugated verb)
    if (is.preposition_left && right_len >= 3 && !(rm & word::kFiniteVerb)) return 2;
    // "estsitué", "étéatteint", "quipublia", "estbien"
    if (is.auxiliary_left && right_len >= 3 &&
        (rm & (word::kFiniteVerb | word::kParticiple | word::kInfinitive | word::kAdverb))) {
      return 2;
    }
    // "maisplutôt", "déjàprétendre": a conjunction or adverb of four letters
    // or more (prepositions: above; "versailles" is a place), before a word
    // that is not only a conjugated verb
    if (is.grammar_left && left_len >= 4 && right_len >= 4 && !(lm & word::kPreposition) &&
        !((rm & word::kFiniteVerb) && !(rm & ~(word::kFiniteVerb | word::kVerb | word::kKnown |
                                               word::kLowerKnown | word::kCommonReading)))) {
      return 2;
    }
    // "unepartie", "sonorigine", "deuxtravées"
    if (is.determiner_left && right_len >= 4 && (rm & (word::kNoun | word::kAdjective))) return 1;
    // "premiermodèle", "superbechâteau": an adjective that stands before
    // its noun (dictionaries/prenominal-adjectives-fr.txt), agreeing in number
    if (is.prenominal_left && right_len >= 4 && (rm & word::kNoun) &&
        plural(left) == plural(right)) {
      return 1;
    }
    bool left_content =
        !(lm & word::kFunctionWord) && (lm & (word::kNoun | word::kAdjective)) && left_len >= 4;
    // "banquisepermet", "entretienpublié", "japonaisdatant"
    if (left_content && right_len >= 5 && (rm & (word::kFiniteVerb | word::kParticiple)) &&
        !(rm & word::kNoun)) {
      return 1;
    }
    // "appellationsusuelles": a noun and an adjective that agree in number;
    // after an article, an adjective that is also a noun ("du
    // banquierviennois", "les éluseuropéens")
    if (left_content && (lm & word::kNoun) && right_len >= 5 && (rm & word::kAdjective) &&
        plural(left) == plural(right) &&
        (!(rm & word::kNoun) || (right_len >= 6 && after_article(wk, env, plural(left))))) {
      return 1;
    }
    return 0;
  }

  // Is the word before the token an article of the given number ("du", "les")?
  // The article as written, lowercase (dictionaries/articles-fr.txt); the
  // plural ones end in -s or -x ("les", "des", "aux").
  static bool after_article(WordKnowledge& wk, const Surroundings& env, bool plural_number) {
    if (!WordKnowledge::in(wk.lists().articles, env.previous)) return false;
    return plural(env.previous) == plural_number;
  }

  // After a split, a determiner must be followed by a word that is not a
  // verb or a grammar word ("whistle est" is not "whist le est"; "quatre
  // des cinq" and "plusieurs autres" are fine), and "que" or "qui" must be
  // followed by a word ("soufique." is not "soufi que.").
  static bool plausible_next(WordKnowledge& wk, std::string_view right, std::string_view next) {
    if (wk.determiner(right)) {
      if (next.empty()) return false;
      if (next == "autre" || next == "autres") return true;
      if ((wk.morphology(right) & word::kDeterminer) == 0 &&
          (next == "de" || next == "des" || next == "d'")) {
        return true;  // a number: "quatre des cinq parties"
      }
      uint32_t m = wk.morphology(next);
      if (wk.function_word(next) ||
          ((m & word::kFiniteVerb) && !(m & (word::kNoun | word::kAdjective)))) {
        return false;
      }
    }
    if ((right == "que" || right == "qui") && next.empty()) return false;
    // "en" before a definite article is rare French ("fritzen la guerre":
    // a foreign word, not "fritz en la guerre").
    if (right == "en" && (next == "le" || next == "la" || next == "les")) return false;
    return true;
  }

  // Grammar words too short or too common at the end of real words to split
  // on (dictionaries/weak-endings-fr.txt, as written).
  static bool weak_ending(WordKnowledge& wk, std::string_view w) {
    return WordKnowledge::in(wk.lists().weak_endings, w);
  }

  WordLists lists_;
};

}  // namespace
}  // namespace joins

void register_glued_words_rules(RuleRegistry& r) {
  r.add("joins.glued-words", joins::with_lists<joins::GluedWords>());
}

}  // namespace retouche
