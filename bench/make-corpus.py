#!/usr/bin/env python3
"""Builds the benchmark corpora as JSONL (one document per row).

usage: make-corpus.py samples OUT.jsonl MEGABYTES   the samples/ documents repeated
       make-corpus.py dir DIR OUT.jsonl               every *.txt of DIR, once
       make-corpus.py text IN.jsonl OUT.txt           the text fields, for `hunspell -l`

Rows carry an id, the text and a small metadata object, like a scraped corpus.
Standard library only.
"""
import json
import pathlib
import sys


def rows_of(paths):
    for p in paths:
        yield p.stem, p.read_text(encoding="utf-8")


def write_rows(out, docs, target_bytes=None):
    written = n = 0
    with open(out, "w", encoding="utf-8") as f:
        while True:
            for name, text in docs:
                row = json.dumps({"id": f"{name}-{n}", "text": text,
                                  "meta": {"source": "retouche-bench", "n": n}},
                                 ensure_ascii=False) + "\n"
                f.write(row)
                written += len(row.encode("utf-8"))
                n += 1
                if target_bytes is not None and written >= target_bytes:
                    return n, written
            if target_bytes is None:
                return n, written


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("samples", "dir", "text"):
        sys.exit(__doc__)
    mode = sys.argv[1]
    if mode == "samples":
        root = pathlib.Path(__file__).resolve().parent.parent / "samples"
        paths = sorted(p for p in root.glob("*.txt") if not p.name.endswith(".expected.txt"))
        n, size = write_rows(sys.argv[2], list(rows_of(paths)), float(sys.argv[3]) * 1e6)
    elif mode == "dir":
        paths = sorted(pathlib.Path(sys.argv[2]).glob("*.txt"))
        if not paths:
            sys.exit(f"make-corpus.py: no *.txt in {sys.argv[2]}")
        n, size = write_rows(sys.argv[3], list(rows_of(paths)))
    else:
        n = size = 0
        with open(sys.argv[2], encoding="utf-8") as src, open(sys.argv[3], "w", encoding="utf-8") as out:
            for line in src:
                text = json.loads(line)["text"]
                out.write(text if text.endswith("\n") else text + "\n")
                n += 1
                size += len(text.encode("utf-8"))
    print(f"{sys.argv[-2] if mode != 'samples' else sys.argv[2]}: {n} documents, {size / 1e6:.1f} MB",
          file=sys.stderr)


if __name__ == "__main__":
    main()
