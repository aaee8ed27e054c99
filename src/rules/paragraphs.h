// Hard-wrapped paragraphs: a paragraph cut across lines at a fixed width
// (68-80 columns in mail and text dumps), as opposed to real short lines
// (headings, list items, poems, addresses, one sentence per line).
//
// The breaks of a block of consecutive non-blank lines are wraps when: every
// line is at most 110 columns, all but the last are long (40 or more) and of
// similar width, no line is a list item, most lines end mid-sentence (one
// sentence per line is not a wrapped paragraph), and at least a third of the
// breaks show that the text runs on: the next line starts in lowercase, or
// the line ends with a comma or with a word no sentence ends with ("de",
// "et", "la": dictionaries/clause-openers-fr.txt). A block of headlines has
// similar widths too, but none of these signs.
//
// A wrapping program also fills every line: it never leaves for the next
// line a word that would have fitted within the block's width. A break with
// room for the next line's first word was typed. After a heading (the first
// line) or a paragraph's last line (a sentence end well short of the width)
// it cuts the block into parts judged apart. A capital after a comma across
// it, or a capitalised grammar word after a comma across any break, is verse
// ("un beau voyage,\nOu comme cestuy-là"): no break of the block is a wrap. A next line that goes on in lowercase is taken as wrapped
// whatever the room left, since words are often edited after wrapping.
//
// Both the boilerplate rule (a wrapped block is one paragraph) and
// joins.hard-wrap (which re-joins it) use this one analysis.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/line_index.h"
#include "core/word_set.h"

namespace retouche {

// wrap_after[i] is true when the line break after line i is a hard wrap.
// `breaker[i]` (optional, may be empty) marks lines that end any block
// (e.g. boilerplate lines).
std::vector<bool> find_wraps(std::string_view text, const LineIndex& lines,
                             const std::vector<bool>& breaker, const WordSet& clause_openers);

// True when the break after `line` shows that the text runs on into `next`.
bool runs_on(std::string_view line, std::string_view next, const WordSet& clause_openers);

}  // namespace retouche
