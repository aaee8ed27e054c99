#!/usr/bin/env python3
"""A fixed random sample of the edits retouche applied to real machine-translated
French (../shared/dev/real/mt), for grading by hand.

    bench/mt-sample.py OUTDIR [--n 60] [--seed 9] [--out bench/mt-graded-sample.tsv]

OUTDIR holds the cleaned NAME.txt of every mt/input/NAME.txt (as written by
`retouche clean ../shared/dev/real/mt/input -o OUTDIR`). Edits are the scorer's:
the input and the output split into whitespace tokens and aligned with difflib
(../shared/dev/real/score.py, imported from there, so the sample is of the same
edits it counts). Writes a TSV with an empty `grade` column (right, wrong or
neutral) and a `note` column; a grader fills both, and `--tally FILE` prints the
share of right edits among the graded ones.
"""
import argparse
import csv
import importlib.util
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "dev" / "real"


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", REAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def all_edits(score, outdir):
    edits = []
    for src in sorted((REAL / "mt" / "input").glob("*.txt")):
        out = Path(outdir) / src.name
        if not out.exists():
            continue
        a = score.read(src).split()
        b = score.read(out).split()
        for e in score.token_edits(a, b):
            edits.append((src.stem, score.snippet(a, b, e)))
    return edits


def tally(path):
    grades = [row["grade"].strip() for row in csv.DictReader(open(path, encoding="utf-8"), delimiter="\t")]
    graded = [g for g in grades if g in ("right", "wrong", "neutral")]
    right = sum(g == "right" for g in graded)
    wrong = sum(g == "wrong" for g in graded)
    print(f"{len(graded)} graded of {len(grades)}: right {right}, wrong {wrong}, neutral {len(graded) - right - wrong}; "
          f"right among right+wrong {100 * right / max(1, right + wrong):.1f} %, among all graded "
          f"{100 * right / max(1, len(graded)):.1f} %")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir", nargs="?")
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--out", default=str(ROOT / "bench" / "mt-graded-sample.tsv"))
    ap.add_argument("--tally")
    args = ap.parse_args()
    if args.tally:
        tally(args.tally)
        return 0
    score = load_scorer()
    edits = all_edits(score, args.outdir)
    sample = random.Random(args.seed).sample(edits, min(args.n, len(edits)))
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["doc", "edit", "grade", "note"])
        for doc, snip in sample:
            w.writerow([doc, snip.replace("\t", " ").replace("\n", " "), "", ""])
    print(f"{len(sample)} of {len(edits)} edits sampled (seed {args.seed}) into {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
