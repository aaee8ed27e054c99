#!/usr/bin/env python3
"""Do no harm on real text: the CLI over ../shared/dev/real/news (clean, edited
French news) and ../shared/dev/real/pages-other (pages in other languages),
scored by that folder's score.py.

    do_no_harm_test.py RETOUCHE_BIN SHARED_DIR

Fails when the news gets more than 1 applied edit per 10,000 words or when any
other-language page is changed (the targets of the do-no-harm issue). Exits 77
(skipped) when ../shared/dev/real is absent.
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

MAX_NEWS_EDITS_PER_10K = 1.0
MAX_OTHER_CHANGED_DOCS = 0


def score(binary, real, set_name, mode, out):
    subprocess.run([binary, "clean", "-q", str(real / set_name / "input"), "-o", str(out / set_name)],
                   check=True)
    report = out / f"{set_name}.json"
    shown = subprocess.run([sys.executable, str(real / "score.py"), mode, str(out / set_name),
                            "--show", "40", "--json", str(report)],
                           check=True, capture_output=True, text=True).stdout
    return json.loads(report.read_text()), shown


def main():
    binary, shared = sys.argv[1], Path(sys.argv[2])
    real = shared / "dev" / "real"
    if not (real / "score.py").exists():
        print(f"skipped: {real} is absent")
        return 77
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        news, shown = score(binary, real, "news", "news", out)
        print(shown)
        if news["edits_per_10k_words"] > MAX_NEWS_EDITS_PER_10K:
            failures.append(f"news: {news['edits_per_10k_words']} edits per 10,000 words "
                            f"(at most {MAX_NEWS_EDITS_PER_10K})")
        other, shown = score(binary, real, "pages-other", "other", out)
        print(shown)
        if other["changed_docs"] > MAX_OTHER_CHANGED_DOCS:
            failures.append(f"pages-other: {other['changed_docs']} documents changed (none may be)")
    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
