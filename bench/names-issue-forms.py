#!/usr/bin/env python3
"""How many of issue 4's garbled names retouche corrects first, with and without
the variant columns of the name tables.

usage: names-issue-forms.py [--bin build/release/retouche] [--show]

Each row of bench/names-issue-forms.tsv is one sentence, checked with
`retouche check --format jsonl -`; a form counts as right when a finding on it
proposes the expected French form (whatever its applicability). Two runs:
  table+matcher   the project's data as shipped;
  matcher alone   a copy of corrections/ and dictionaries/ in which every
                  `variants` column of corrections/names/*.tsv is emptied: what
                  the transliteration-aware matcher finds for names nobody
                  listed (the held-out case).
Standard library only.
"""
import argparse
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

root = pathlib.Path(__file__).resolve().parent.parent


def strip_variants(dst):
    shutil.copytree(root / "corrections", dst / "corrections")
    shutil.copytree(root / "dictionaries", dst / "dictionaries")
    for tsv in (dst / "corrections" / "names").glob("*.tsv"):
        lines = []
        for line in tsv.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if not line.startswith("#") and len(cols) >= 3:
                cols[2] = ""
            lines.append("\t".join(cols))
        tsv.write_text("\n".join(lines) + "\n", encoding="utf-8")


def score(binary, rows, data, show):
    right = 0
    for form, want, sentence in rows:
        cmd = [binary, "check", "--format", "jsonl", "-"]
        if data:
            cmd[2:2] = ["--data", str(data)]
        r = subprocess.run(cmd, input=sentence + "\n", capture_output=True, text=True)
        if r.returncode > 1:
            sys.exit(f"retouche failed on {form!r}: {r.stderr.strip()}")
        found = [json.loads(l) for l in r.stdout.splitlines()]
        on_form = [f for f in found if form in f["original"]]
        ok = any(want in f["replacement"] for f in on_form)
        right += ok
        if show and not ok:
            got = ", ".join(f'{f["rule"]} -> {f["replacement"]}' for f in on_form) or "nothing"
            print(f"    missed {form} ({want}): {got}")
    return right


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=str(root / "build/release/retouche"))
    ap.add_argument("--show", action="store_true", help="print the misses")
    a = ap.parse_args()
    rows = []
    for line in (root / "bench/names-issue-forms.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rows.append(line.split("\t"))
    with tempfile.TemporaryDirectory() as tmp:
        strip_variants(pathlib.Path(tmp))
        for label, data in (("table+matcher", None), ("matcher alone", pathlib.Path(tmp))):
            n = score(a.bin, rows, data, a.show)
            print(f"{label:14} {n}/{len(rows)} right first ({n / len(rows):.0%})")


if __name__ == "__main__":
    main()
