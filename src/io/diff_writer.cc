#include "io/diff_writer.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace retouche {
namespace {

// Lines as patch sees them: split after every '\n'.
class Lines {
 public:
  explicit Lines(std::string_view t) : size_(t.size()) {
    if (!t.empty()) starts_.push_back(0);
    for (size_t i = 0; i + 1 < t.size(); ++i) {
      if (t[i] == '\n') starts_.push_back(i + 1);
    }
    final_newline_ = t.empty() || t.back() == '\n';
  }
  size_t count() const { return starts_.size(); }
  size_t begin(size_t i) const { return starts_[i]; }
  size_t end(size_t i) const { return i + 1 < starts_.size() ? starts_[i + 1] : size_; }
  // Index of the line containing `pos`; the end of the text is one past the
  // last line only when the text ends with a newline.
  size_t index(size_t pos) const {
    if (pos >= size_) return final_newline_ ? count() : count() - 1;
    return static_cast<size_t>(std::upper_bound(starts_.begin(), starts_.end(), pos) -
                               starts_.begin()) - 1;
  }
  // A position where a line starts, or the end of a text that ends with a newline.
  bool boundary(size_t pos) const {
    if (pos >= size_) return final_newline_;
    return std::binary_search(starts_.begin(), starts_.end(), pos);
  }

 private:
  std::vector<size_t> starts_;
  size_t size_;
  bool final_newline_;
};

// A changed block: original lines [oa, ob) became cleaned lines [ca, cb).
struct Block {
  size_t oa, ob, ca, cb;
};

const char* kRed = "\x1b[31m";
const char* kGreen = "\x1b[32m";
const char* kCyan = "\x1b[36m";
const char* kBold = "\x1b[1m";
const char* kReverseRed = "\x1b[1;41;97m";
const char* kReverseGreen = "\x1b[1;42;97m";
const char* kReset = "\x1b[0m";

}  // namespace

namespace {

// A path in a ---/+++ header, quoted as GNU diff and git do when it holds a
// space, a quote, a backslash or a control character ("a/x y.txt"), so that
// patch and git apply read it whole. UTF-8 is written as is.
std::string header_path(const std::string& path) {
  bool plain = true;
  for (unsigned char c : path) plain &= c > ' ' && c != '"' && c != '\\' && c != 0x7f;
  if (plain) return path;
  std::string q = "\"";
  for (unsigned char c : path) {
    if (c == '"' || c == '\\') {
      q += '\\';
      q += static_cast<char>(c);
    } else if (c == '\t') {
      q += "\\t";
    } else if (c == '\n') {
      q += "\\n";
    } else if (c < ' ' || c == 0x7f) {
      char oct[5];
      std::snprintf(oct, sizeof oct, "\\%03o", c);
      q += oct;
    } else {
      q += static_cast<char>(c);
    }
  }
  return q + "\"";
}


// Each segment, widened to whole lines on both sides, merged with its neighbours.
std::vector<Block> changed_blocks(std::string_view o, std::string_view c, const OffsetMap& map,
                                  const Lines& os, const Lines& cs) {
  const auto& segs = map.segments();
  std::vector<Block> blocks;
  size_t k = 0;
  while (k < segs.size()) {
    size_t ob = segs[k].orig_begin, oe = segs[k].orig_end;
    size_t cb = segs[k].cur_begin, ce = segs[k].cur_end;
    ++k;
    // Left: back to the start of the original line; the bytes skipped are copies,
    // unless a previous block reaches here (then merge with it).
    size_t la = os.index(ob);
    if (la < os.count()) {
      cb -= ob - os.begin(la);
      ob = os.begin(la);
    }
    // Right: forward until the position is a line start on both sides,
    // absorbing every segment met on the way (the bytes between are copies).
    while (true) {
      while (k < segs.size() && segs[k].orig_begin <= oe) {
        ce += segs[k].orig_begin - oe;
        oe = segs[k].orig_end;
        ce = segs[k].cur_end;
        ++k;
      }
      if (oe >= o.size() && ce >= c.size()) break;  // both ends of text
      if (oe < o.size() && os.boundary(oe) && cs.boundary(ce)) break;
      if (oe >= o.size() || ce >= c.size()) {  // cannot happen: after the last segment all is copy
        ce += o.size() - oe;
        oe = o.size();
        break;
      }
      size_t next = os.end(os.index(oe));
      if (k < segs.size()) next = std::min(next, segs[k].orig_begin);
      ce += next - oe;
      oe = next;
    }
    size_t oa_line = os.index(ob), ca_line = cs.index(cb);
    size_t ob_line = oe >= o.size() ? os.count() : os.index(oe);
    size_t cb_line = ce >= c.size() ? cs.count() : cs.index(ce);
    if (!blocks.empty() && blocks.back().ob >= oa_line) {
      blocks.back().ob = std::max(blocks.back().ob, ob_line);
      blocks.back().cb = std::max(blocks.back().cb, cb_line);
    } else {
      blocks.push_back({oa_line, ob_line, ca_line, cb_line});
    }
  }

  return blocks;
}

// Hunks: blocks with `ctx` lines of context, merged when their contexts touch.
struct Hunk {
  size_t first_block, last_block;  // blocks [first, last]
  size_t oa, ob, ca, cb;           // line ranges with context
};
std::vector<Hunk> hunks_of(const std::vector<Block>& blocks, size_t ctx, size_t o_lines) {
  std::vector<Hunk> out;
  size_t bi = 0;
  while (bi < blocks.size()) {
    size_t bj = bi;
    while (bj + 1 < blocks.size() && blocks[bj + 1].oa <= blocks[bj].ob + 2 * ctx) ++bj;
    size_t pre = std::min(ctx, blocks[bi].oa);
    size_t post = std::min(ctx, o_lines - blocks[bj].ob);
    out.push_back({bi, bj, blocks[bi].oa - pre, blocks[bj].ob + post, blocks[bi].ca - pre,
                   blocks[bj].cb + post});
    bi = bj + 1;
  }
  return out;
}

std::string range(size_t a, size_t b) {
  size_t count = b - a;
  size_t start = count == 0 ? a : a + 1;
  return std::to_string(start) + (count == 1 ? "" : "," + std::to_string(count));
}

// The ids of the applied findings starting in original bytes [b, e), for a
// hunk header: "@@ -1,3 +1,3 @@ 3f2a9c01de joins.glued, …". patch and git
// apply both ignore what follows the second "@@".
std::string hunk_label(const std::vector<Finding>* findings, size_t b, size_t e) {
  if (!findings) return "";
  std::string out;
  size_t n = 0;
  for (const Finding& f : *findings) {
    if (f.status != FindingStatus::kApplied || f.begin < b || f.begin >= e || f.id.empty()) continue;
    if (++n > 4) {
      out += ", …";
      break;
    }
    out += (n == 1 ? " " : ", ") + f.id + " " + f.rule;
  }
  return out;
}

}  // namespace

std::string unified_diff(std::string_view o, std::string_view c, const OffsetMap& map,
                         const std::string& name, const DiffOptions& opt) {
  const auto& segs = map.segments();
  if (segs.empty()) return "";
  Lines os(o), cs(c);
  size_t o_lines = os.count();

  std::vector<Block> blocks = changed_blocks(o, c, map, os, cs);

  // 2. Hunks: blocks with context, merged when their contexts touch.
  std::string out;
  auto color = [&](const char* code) {
    if (opt.color) out += code;
  };
  color(kBold);
  out += "--- " + header_path("a/" + name) + "\n";
  color(kReset);
  color(kBold);
  out += "+++ " + header_path("b/" + name) + "\n";
  color(kReset);

  auto line_text = [](std::string_view t, const Lines& ls, size_t i) {
    return t.substr(ls.begin(i), ls.end(i) - ls.begin(i));
  };
  // Emits one line with a prefix; `changed` gives the byte ranges to highlight.
  auto emit = [&](char prefix, std::string_view t, const Lines& st, size_t i,
                  bool original_side) {
    std::string_view l = line_text(t, st, i);
    bool newline = !l.empty() && l.back() == '\n';
    std::string_view body = newline ? l.substr(0, l.size() - 1) : l;
    const char* base = prefix == '-' ? kRed : prefix == '+' ? kGreen : nullptr;
    if (opt.color && base) {
      out += base;
      out.push_back(prefix);
      size_t line_begin = st.begin(i);
      size_t pos = 0;
      for (const auto& s : segs) {
        size_t b = original_side ? s.orig_begin : s.cur_begin;
        size_t e = original_side ? s.orig_end : s.cur_end;
        if (e <= line_begin || b >= line_begin + body.size()) continue;
        size_t hb = std::max(b, line_begin) - line_begin, he = std::min(e, line_begin + body.size()) - line_begin;
        if (hb < pos) hb = pos;
        out.append(body.substr(pos, hb - pos));
        out += prefix == '-' ? kReverseRed : kReverseGreen;
        out.append(body.substr(hb, he - hb));
        out += kReset;
        out += base;
        pos = he;
      }
      out.append(body.substr(pos));
      out += kReset;
    } else {
      out.push_back(prefix);
      out.append(body);
    }
    out.push_back('\n');
    if (!newline) out += "\\ No newline at end of file\n";
  };

  for (const Hunk& h : hunks_of(blocks, static_cast<size_t>(opt.context), o_lines)) {
    color(kCyan);
    out += "@@ -" + range(h.oa, h.ob) + " +" + range(h.ca, h.cb) + " @@";
    color(kReset);
    out += hunk_label(opt.findings, h.oa < os.count() ? os.begin(h.oa) : o.size(),
                      h.ob < os.count() ? os.begin(h.ob) : o.size() + 1);
    out += "\n";
    size_t ol = h.oa, cl = h.ca;
    for (size_t b = h.first_block; b <= h.last_block; ++b) {
      for (; ol < blocks[b].oa; ++ol, ++cl) emit(' ', o, os, ol, true);
      for (; ol < blocks[b].ob; ++ol) emit('-', o, os, ol, true);
      for (; cl < blocks[b].cb; ++cl) emit('+', c, cs, cl, false);
    }
    for (; ol < h.ob; ++ol, ++cl) emit(' ', o, os, ol, true);
  }
  return out;
}

std::string word_diff(std::string_view o, std::string_view c, const OffsetMap& map,
                      const std::string& name, const DiffOptions& opt) {
  const auto& segs = map.segments();
  if (segs.empty()) return "";
  Lines os(o), cs(c);
  std::vector<Block> blocks = changed_blocks(o, c, map, os, cs);
  std::string out;
  auto color = [&](const char* code) {
    if (opt.color) out += code;
  };
  color(kBold);
  out += "--- " + header_path("a/" + name) + "\n+++ " + header_path("b/" + name) + "\n";
  color(kReset);
  size_t k = 0;
  for (const Hunk& h : hunks_of(blocks, static_cast<size_t>(opt.context), os.count())) {
    size_t b = h.oa < os.count() ? os.begin(h.oa) : o.size();
    size_t e = h.ob < os.count() ? os.begin(h.ob) : o.size();
    color(kCyan);
    out += "@@ -" + range(h.oa, h.ob) + " +" + range(h.ca, h.cb) + " @@";
    color(kReset);
    out += hunk_label(opt.findings, b, e == o.size() ? e + 1 : e) + "\n";
    size_t pos = b;
    // Every segment lies in exactly one hunk (blocks contain whole segments).
    for (; k < segs.size() && (segs[k].orig_begin < e || (segs[k].orig_begin == e && e == o.size())); ++k) {
      const auto& s = segs[k];
      out.append(o.substr(pos, s.orig_begin - pos));
      if (s.orig_end > s.orig_begin) {
        opt.color ? color(kReverseRed) : void(out += "[-");
        out.append(o.substr(s.orig_begin, s.orig_end - s.orig_begin));
        opt.color ? color(kReset) : void(out += "-]");
      }
      if (s.cur_end > s.cur_begin) {
        opt.color ? color(kReverseGreen) : void(out += "{+");
        out.append(c.substr(s.cur_begin, s.cur_end - s.cur_begin));
        opt.color ? color(kReset) : void(out += "+}");
      }
      pos = s.orig_end;
    }
    out.append(o.substr(pos, e - pos));
    if (out.back() != '\n') out += '\n';
  }
  return out;
}

}  // namespace retouche
