#!/usr/bin/env python3
"""Hunspell baseline for the names rule family: "the baseline to beat".

What it measures: for every label with "type": "name" in SET/labels/*.jsonl, the
garbled `input` (e.g. 'Azarbayan') is given to Hunspell with Debian's French
dictionary (`hunspell -d fr_FR -a`, ispell pipe mode), and we count per kind
(country, city, person, first, ...) and overall:
  flagged      Hunspell marks the input as misspelt (any of its words);
  first-right  Hunspell's first suggestion equals the gold or one of the alts;
  any-right    the gold or an alt is anywhere among the suggestions (single-word
               inputs only; multi-word inputs are left out of that column).

Choices (kept simple and stated, so the figure can be compared honestly):
  * Multi-word inputs are split on whitespace and each word is asked on its own;
    the whole-input suggestion is the words joined by single spaces, a misspelt
    word replaced by its first suggestion, a correct word (or one Hunspell has no
    suggestion for) kept as is.  Hyphenated names ('Kassym-Jomort') stay one word:
    fr_FR's WORDCHARS includes '-', so that is how Hunspell sees them in text.
  * Comparison is exact after Unicode NFC: case counts, as it does for the
    cleaner's own score (score.py compares tokens exactly).
  * Every distinct word is asked once, all through ONE hunspell process (each
    suggestion lookup costs ~100 ms); the time printed is that process's wall
    time.  Every line is prefixed with '^' so that words beginning with an ispell
    command character ('*', '&', '@', '+', '-', '~', '#', '!', '%', '`', '^')
    are checked rather than taken as commands.

Run (standard library only):
    /usr/bin/python3 bench/names-baseline.py [--set names|dirty] [--dict fr_FR]
        [--shared DIR] [--json FILE]
--shared defaults to the `shared` directory beside the repository (../shared);
cases are read from SHARED/dev/synthetic/SET.  Needs `hunspell` and the
dictionary (Debian: apt-get install hunspell hunspell-fr).
"""
import argparse, collections, json, pathlib, shutil, subprocess, sys, time
import unicodedata

REPO = pathlib.Path(__file__).resolve().parent.parent


def nfc(s):
    return unicodedata.normalize("NFC", s)


def load_labels(set_dir):
    labels = []
    for path in sorted((set_dir / "labels").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                label = json.loads(line)
                if label.get("type") == "name":
                    labels.append(label)
    return labels


def ask_hunspell(words, dictionary):
    """Return ({word: (misspelt, [suggestions])}, seconds) for distinct words."""
    if shutil.which("hunspell") is None:
        sys.exit("error: `hunspell` not found (Debian: apt-get install hunspell)")
    lines = ["^" + w for w in words]  # '^' = "check this line", never a command
    start = time.monotonic()
    proc = subprocess.run(["hunspell", "-d", dictionary, "-a", "-i", "utf-8"],
                          input="\n".join(lines) + "\n", capture_output=True,
                          encoding="utf-8")
    seconds = time.monotonic() - start
    # A missing dictionary gives "Can't open affix or dictionary files" + rc 1.
    if proc.returncode != 0 or not proc.stdout.startswith("@(#)"):
        sys.exit(f"error: hunspell -d {dictionary} failed (dictionary missing? "
                 f"see `hunspell -D`): {proc.stderr.strip()}")
    # Each input line yields its result lines, then one empty line.
    blocks, current = [], []
    for line in proc.stdout.splitlines()[1:]:  # skip the "@(#) ..." banner
        if line:
            current.append(line)
        else:
            blocks.append("\n".join(current))
            current = []
    if len(blocks) != len(words):
        sys.exit(f"error: expected {len(words)} answers from hunspell, "
                 f"got {len(blocks)}")
    return {w: parse_block(w, b) for w, b in zip(words, blocks)}, seconds


def parse_block(word, block):
    """Turn one line's answers into (misspelt, suggestions for the whole word).

    Normally one answer per line; if Hunspell split the word into several
    pieces, each misspelt piece is replaced by its suggestion in place, so the
    first suggestion is still a whole-word string (only that one is rebuilt)."""
    misspelt, first, others, pos = False, word, [], 0
    for result in block.splitlines():
        tag = result[:1]
        if tag in ("*", "+", "-", ""):  # correct (root / affixed / compound)
            continue
        head, _, tail = result.partition(": ")
        piece = head.split()[1]
        misspelt = True
        if tag != "&":  # '#': misspelt, no suggestion -> piece kept as is
            continue
        suggestions = tail.split(", ")
        at = first.find(piece, pos)
        if at >= 0:
            first = first[:at] + suggestions[0] + first[at + len(piece):]
            pos = at + len(suggestions[0])
        if piece == word:
            others = suggestions[1:]
    return misspelt, ([first] if misspelt and first != word else []) + others


def score(labels, answers):
    rows = collections.defaultdict(collections.Counter)
    for label in labels:
        right = {nfc(label["gold"])} | {nfc(a) for a in label.get("alts", [])}
        words = label["input"].split()
        per_word = [answers[w] for w in words]
        # Joined first suggestion: misspelt words replaced, correct ones kept.
        first = " ".join(s[0] if s else w for w, (_, s) in zip(words, per_word))
        for kind in (label.get("kind", "?"), "ALL"):
            row = rows[kind]
            row["labels"] += 1
            row["flagged"] += any(m for m, _ in per_word)
            row["first_right"] += nfc(first) in right
            if len(words) == 1:
                row["single_word"] += 1
                row["any_right"] += any(nfc(s) in right for s in per_word[0][1])
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=pathlib.Path, default=REPO.parent / "shared")
    ap.add_argument("--set", default="names", choices=["names", "dirty"])
    ap.add_argument("--dict", default="fr_FR")
    ap.add_argument("--json", type=pathlib.Path)
    args = ap.parse_args()

    set_dir = args.shared / "dev" / "synthetic" / args.set
    if not (set_dir / "labels").is_dir():
        sys.exit(f"error: no labels/ in {set_dir}")
    labels = load_labels(set_dir)
    if not labels:
        sys.exit(f"error: no name labels in {set_dir / 'labels'}")
    words = sorted({w for l in labels for w in l["input"].split()})
    answers, seconds = ask_hunspell(words, args.dict)
    rows = score(labels, answers)

    def pct(n, d):
        return f"{100 * n / d:5.1f}%" if d else "    -"

    print(f"Hunspell ({args.dict}) baseline on {set_dir}: {len(labels)} name "
          f"labels, {len(words)} distinct words")
    print(f"{'kind':<10}{'labels':>7}{'flagged':>9}{'first-right':>13}"
          f"{'any-right':>11}")
    kinds = sorted(k for k in rows if k != "ALL") + ["ALL"]
    for kind in kinds:
        r = rows[kind]
        print(f"{kind:<10}{r['labels']:>7}{pct(r['flagged'], r['labels']):>9}"
              f"{pct(r['first_right'], r['labels']):>13}"
              f"{pct(r['any_right'], r['single_word']):>11}")
    print("(any-right over single-word inputs only; exact match after NFC)")
    print(f"hunspell time: {seconds:.2f} s for {len(words)} words "
          f"({1000 * seconds / len(words):.1f} ms per word)")

    if args.json:
        report = {"set": args.set, "dict": args.dict, "cases": str(set_dir),
                  "distinct_words": len(words), "hunspell_seconds": seconds,
                  "ms_per_word": 1000 * seconds / len(words),
                  "kinds": {k: dict(rows[k]) for k in kinds}}
        args.json.write_text(json.dumps(report, indent=2) + "\n",
                             encoding="utf-8")


if __name__ == "__main__":
    main()
