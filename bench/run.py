#!/usr/bin/env python3
"""retouche benchmark: throughput, memory, scaling, start-up and where time goes.

usage: bench/run.py [--bin PATH] [--shared DIR] [--megabytes N] [--quick] [--json FILE]

Corpora (built under bench/data/, reused while their sources are unchanged):
  samples   the documents of samples/ repeated to --megabytes (default 100) MB, as JSONL
  samples/10  the same at a tenth of the size: peak memory must not grow with the input
  dirty     ../shared/dev/synthetic/dirty/input as JSONL (469 documents, 0.9 MB):
            mostly words seen once, so every look-up is a cold Hunspell call

For each corpus: `retouche clean --jsonl` with --jobs 1 and with all cores,
MB/s and documents/s from the run summary (--stats-json), peak resident
memory, and the output compared across thread counts (it must be identical).
Then: start-up time, time per stage and per rule family (--profile figures),
the names family's cost per document (with and without --disable names), and
`hunspell -l` over the same text as a reference point.
Standard library only.
"""
import argparse
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"


def build_corpus(name, args, sources):
    out = DATA / name
    newest = max((p.stat().st_mtime for s in sources for p in ([s] if s.is_file() else s.glob("*.txt"))),
                 default=0)
    if not out.exists() or out.stat().st_mtime < newest:
        DATA.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(ROOT / "bench" / "make-corpus.py"), *args, str(out)]
                       if args[0] != "samples" else
                       [sys.executable, str(ROOT / "bench" / "make-corpus.py"), "samples", str(out), args[1]],
                       check=True)
    return out


def run_clean(bin_path, corpus, jobs, extra=()):
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="retouche-bench-"))
    stats = tmp / "stats.json"
    out = tmp / "out.jsonl"
    cmd = [str(bin_path), "clean", "-q", "--jsonl", str(corpus), "-o", str(out), "--jobs", str(jobs),
           "--stats-json", str(stats), *extra]
    start = time.monotonic()
    subprocess.run(cmd, check=True)
    wall = time.monotonic() - start
    s = json.loads(stats.read_text())
    s["wall_seconds"] = wall
    return s, out, tmp


def same_file(a, b):
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            x, y = fa.read(1 << 20), fb.read(1 << 20)
            if x != y:
                return False
            if not x:
                return True


def startup_seconds(bin_path, runs=7):
    times = []
    for _ in range(runs):
        start = time.monotonic()
        subprocess.run([str(bin_path), "clean", "-"], input=b"Bonjour.\n", stdout=subprocess.DEVNULL,
                       check=True)
        times.append(time.monotonic() - start)
    return statistics.median(times)


def hunspell_mb_per_s(corpus_jsonl, name):
    if not shutil.which("hunspell"):
        return None
    text = DATA / (name + ".txt")
    if not text.exists() or text.stat().st_mtime < corpus_jsonl.stat().st_mtime:
        subprocess.run([sys.executable, str(ROOT / "bench" / "make-corpus.py"), "text", str(corpus_jsonl),
                        str(text)], check=True)
    start = time.monotonic()
    with open(text, "rb") as f:
        subprocess.run(["hunspell", "-d", "fr_FR", "-i", "utf-8", "-l"], stdin=f, stdout=subprocess.DEVNULL,
                       check=True)
    return text.stat().st_size / 1e6 / (time.monotonic() - start)


def family_seconds(rule_seconds):
    fam = {}
    for rule, secs in rule_seconds.items():
        # A rule object reporting under several ids is timed under its first
        # id; its family is the family of all of them.
        fam[rule.split(".")[0]] = fam.get(rule.split(".")[0], 0) + secs
    return fam


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.environ.get("RETOUCHE_BIN", str(ROOT / "build/release/retouche")))
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--megabytes", type=float, default=100)
    ap.add_argument("--quick", action="store_true", help="10 MB instead of --megabytes, no hunspell on it")
    ap.add_argument("--json", help="also write the figures as JSON")
    a = ap.parse_args()
    bin_path = pathlib.Path(a.bin)
    if not bin_path.exists():
        sys.exit(f"bench: no {bin_path}; build it first (tools/setup.sh build)")
    megabytes = 10 if a.quick else a.megabytes
    cores = os.cpu_count() or 1
    samples_dir = ROOT / "samples"
    corpora = [("samples", build_corpus(f"samples-{megabytes:g}MB.jsonl", ["samples", str(megabytes)], [samples_dir])),
               ("samples/10", build_corpus(f"samples-{megabytes / 10:g}MB.jsonl", ["samples", str(megabytes / 10)],
                                           [samples_dir]))]
    dirty_dir = pathlib.Path(a.shared) / "dev" / "synthetic" / "dirty" / "input"
    if dirty_dir.is_dir():
        corpora.append(("dirty", build_corpus("dirty.jsonl", ["dir", str(dirty_dir)], [dirty_dir])))
    else:
        print(f"bench: {dirty_dir} not found; the dirty corpus is skipped", file=sys.stderr)

    results = {"machine": {"cores": cores}, "binary": str(bin_path), "runs": []}
    print(f"retouche benchmark ({cores} cores), {bin_path}")
    print(f"{'corpus':<12}{'MB':>8}{'docs':>8}{'jobs':>6}{'MB/s':>8}{'docs/s':>9}{'peak MB':>9}{'wall s':>8}  output")
    profiles = {}
    for label, corpus in corpora:
        first_out = None
        job_counts = [1] if label == "samples/10" else sorted({1, cores})
        for jobs in job_counts:
            s, out, tmp = run_clean(bin_path, corpus, jobs, ["--profile"])
            same = "reference" if first_out is None else ("identical" if same_file(first_out, out) else "DIFFERENT")
            if first_out is None:
                first_out, keep = out, tmp
            else:
                shutil.rmtree(tmp)
            mb = s["bytes"]["rows_in"] / 1e6
            print(f"{label:<12}{mb:>8.1f}{s['documents']:>8}{jobs:>6}{s['mb_per_second']:>8.1f}"
                  f"{s['documents_per_second']:>9.0f}{s['peak_rss_kb'] / 1024:>9.0f}{s['wall_seconds']:>8.2f}  {same}")
            results["runs"].append({"corpus": label, "jobs": jobs, "megabytes": mb, "documents": s["documents"],
                                    "mb_per_second": s["mb_per_second"],
                                    "documents_per_second": s["documents_per_second"],
                                    "peak_rss_mb": s["peak_rss_kb"] / 1024, "wall_seconds": s["wall_seconds"],
                                    "output": same})
            if jobs == 1:
                profiles[label] = s
        shutil.rmtree(keep)

    def run(label, jobs):
        return next(r for r in results["runs"] if r["corpus"] == label and r["jobs"] == jobs)
    if cores > 1:
        for label in ("samples", "dirty"):
            if any(r["corpus"] == label for r in results["runs"]):
                print(f"scaling {label}: {run(label, cores)['mb_per_second'] / run(label, 1)['mb_per_second']:.2f}x "
                      f"from 1 to {cores} threads")
    big, small = run("samples", 1 if cores == 1 else cores), None
    small = next(r for r in results["runs"] if r["corpus"] == "samples/10")
    print(f"memory: peak {small['peak_rss_mb']:.0f} MB on {small['megabytes']:.0f} MB (1 thread), "
          f"{run('samples', 1)['peak_rss_mb']:.0f} MB on {run('samples', 1)['megabytes']:.0f} MB (1 thread), "
          f"{big['peak_rss_mb']:.0f} MB with {cores} threads")

    start = startup_seconds(bin_path)
    results["startup_seconds"] = start
    print(f"start-up: {start * 1000:.0f} ms (median of 7 runs of 'retouche clean -' on one line)")

    print("where time goes (thread-seconds, --jobs 1):")
    for label, s in profiles.items():
        if label == "samples/10":
            continue
        stages = s["stage_seconds"]
        total = sum(stages.values()) or 1
        fam = family_seconds(s["rule_seconds"])
        rest = s["seconds"] - total
        print(f"  {label}: " + ", ".join(f"{k} {v:.2f} s ({100 * v / s['seconds']:.0f}%)" for k, v in stages.items())
              + f", reading/JSON/writing {rest:.2f} s ({100 * rest / s['seconds']:.0f}%)")
        print(f"  {label} by family: " + ", ".join(
            f"{k} {v:.2f} s" for k, v in sorted(fam.items(), key=lambda kv: -kv[1])))
        results.setdefault("profile", {})[label] = {"stage_seconds": stages, "family_seconds": fam,
                                                    "total_seconds": s["seconds"]}

    # The names family alone: the same run without it.
    label = "dirty" if "dirty" in profiles else "samples"
    corpus = dict(corpora)[label]
    with_names, _, t1 = run_clean(bin_path, corpus, 1)
    without, _, t2 = run_clean(bin_path, corpus, 1, ["--disable", "names"])
    shutil.rmtree(t1)
    shutil.rmtree(t2)
    per_doc = (with_names["seconds"] - without["seconds"]) / max(1, with_names["documents"]) * 1000
    results["names_ms_per_document"] = {"corpus": label, "with": with_names["seconds"] / with_names["documents"] * 1000,
                                        "without": without["seconds"] / without["documents"] * 1000}
    print(f"names family on {label}: {results['names_ms_per_document']['with']:.2f} ms per document with it, "
          f"{results['names_ms_per_document']['without']:.2f} ms without (+{per_doc:.2f} ms)")

    for label in ("dirty", "samples/10"):
        if label not in dict(corpora) or (label == "samples/10" and a.quick):
            continue
        h = hunspell_mb_per_s(dict(corpora)[label], label.replace("/", "-"))
        if h:
            mine = run(label, 1)["mb_per_second"]
            results.setdefault("hunspell_l_mb_per_second", {})[label] = h
            print(f"hunspell -l on {label}: {h:.2f} MB/s; retouche --jobs 1 is {mine / h:.1f}x that")

    if a.json:
        pathlib.Path(a.json).write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
