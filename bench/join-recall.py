#!/usr/bin/env python3
"""Recall per label subtype (joins: glue-period, glue-space, ...) with score.py's matching.

usage: join-recall.py CASES_DIR OUTPUT_DIR [--type join] [--show N] [--subtype S]

CASES_DIR is one case set (input/ gold/ labels/), OUTPUT_DIR holds the tool's
NAME.txt outputs. Gold edits are typed by the smallest label overlapping them,
as score.py does; each is counted under that label's subtype. With --show, up
to N misses are printed per subtype: the label and what the output did there
(left as it was, or another edit). A development aid; the scores come from
score.py (found in $RETOUCHE_SHARED/dev, default ../shared/dev).
"""
import argparse
import collections
import importlib.util
import json
import os
import pathlib

here = pathlib.Path(__file__).resolve().parent
shared = pathlib.Path(os.environ.get("RETOUCHE_SHARED", here.parent.parent / "shared"))
spec = importlib.util.spec_from_file_location("score", shared / "dev" / "score.py")
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)


def label_of(edit, labs):
    best = None
    for sp, l in labs:
        if score.overlaps(edit, sp) or (edit[0] == edit[1] and sp[0] <= edit[0] <= sp[1]):
            if best is None or sp[1] - sp[0] < best[0]:
                best = (sp[1] - sp[0], l)
    return best[1] if best else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cases", type=pathlib.Path)
    ap.add_argument("output", type=pathlib.Path)
    ap.add_argument("--type", default="join")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--subtype")
    args = ap.parse_args()
    found = collections.Counter()
    total = collections.Counter()
    wrong = collections.Counter()  # output edits overlapping a gold edit of the type, not equal
    misses = collections.defaultdict(list)
    for lp in sorted((args.cases / "labels").glob("*.jsonl")):
        name = lp.stem
        inp = (args.cases / "input" / f"{name}.txt").read_text(encoding="utf-8")
        gold = (args.cases / "gold" / f"{name}.txt").read_text(encoding="utf-8")
        op = args.output / f"{name}.txt"
        out = op.read_text(encoding="utf-8") if op.exists() else inp
        labels = [json.loads(l) for l in lp.read_text(encoding="utf-8").splitlines() if l.strip()]
        ti = score.tokenize(inp)
        a = [t for t, _, _ in ti]
        g = [t for t, _, _ in score.tokenize(gold)]
        o = [t for t, _, _ in score.tokenize(out)]
        labs = []
        for l in labels:
            sp = score.label_token_span(ti, l["start"], l["end"])
            if sp:
                labs.append((sp, l))
        G, O = score.edits(a, g), score.edits(a, o)
        oset = set(O)
        for ge in G:
            l = label_of(ge, labs)
            if not l or l["type"] != args.type:
                continue
            st = l.get("subtype", "-")
            total[st] += 1
            if ge in oset:
                found[st] += 1
                continue
            other = [oe for oe in O if score.overlaps(oe, ge)]
            if other:
                wrong[st] += 1
            misses[st].append((name, l, [score.fmt_edit(a, oe) for oe in other]))
    print(f"{'subtype':18} {'recall':>7}  found/gold  wrong")
    for st in sorted(total, key=lambda s: -total[s]):
        print(f"{st:18} {found[st] / total[st]:7.4f}  {found[st]:4}/{total[st]:<4}  {wrong[st]:4}")
    n, d = sum(found.values()), sum(total.values())
    print(f"{'all':18} {n / d if d else 1:7.4f}  {n:4}/{d:<4}  {sum(wrong.values()):4}")
    if args.show:
        for st in sorted(misses):
            if args.subtype and st != args.subtype:
                continue
            print(f"\n== {st}: {len(misses[st])} missed")
            for name, l, other in misses[st][: args.show]:
                did = "; ".join(other) if other else "left as is"
                print(f"  {name} {l['input']!r} -> {l['gold']!r}  [{did}]")


if __name__ == "__main__":
    main()
