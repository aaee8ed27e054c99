#!/usr/bin/env python3
"""Lists labelled artefacts of one type that an output left in place.

usage: missed.py CASES_DIR OUTPUT_DIR TYPE [--limit N]

For boilerplate: the labelled line is still a line of the output. For other
types: the labelled input text is still in the output and the gold is not.
A development aid for reading misses; the scores come from score.py.
"""
import json, pathlib, sys

def main():
    cases, out, kind = map(pathlib.Path, sys.argv[1:4])
    kind = str(kind)
    limit = int(sys.argv[5]) if len(sys.argv) > 5 and sys.argv[4] == "--limit" else 60
    shown = 0
    total = missed = 0
    for lf in sorted((cases / "labels").glob("*.jsonl")):
        name = lf.stem
        op = out / f"{name}.txt"
        if not op.exists():
            continue
        text = op.read_text(encoding="utf-8")
        lines = set(l.strip() for l in text.split("\n"))
        for l in lf.read_text(encoding="utf-8").splitlines():
            d = json.loads(l)
            if d["type"] != kind:
                continue
            total += 1
            if kind == "boilerplate":
                miss = d["input"].strip() in lines
            else:
                miss = d["input"] in text and d["gold"] not in text
            if miss:
                missed += 1
                if shown < limit:
                    print(f"{name}: {d['input'][:100]!r} -> {d['gold'][:60]!r} {d.get('subtype', '')}")
                    shown += 1
    print(f"{missed} of {total} {kind} artefacts left")

if __name__ == "__main__":
    main()
