#!/usr/bin/env python3
"""retouche benchmark: throughput on real vocabulary, memory, scaling, start-up, where time goes.

usage: bench/run.py [--bin PATH] [--floor PATH] [--shared DIR] [--megabytes N] [--repeat N]
                    [--quick] [--json FILE]

Corpora (JSONL, one document per row, built under bench/data/ and reused
while their sources are unchanged):
  news        ../shared/dev/real/news/input: real edited news (long tail of words)
  mt          ../shared/dev/real/mt/input: real machine-translated blog posts
  dirty       ../shared/dev/synthetic/dirty/input: synthetic damage, words mostly seen once
  samples     samples/ repeated to --megabytes MB (default 100): the same few thousand
              words again and again, so every cache is warm ("warm cache")
  samples/10  the same at a tenth of the size: peak memory must not grow with the input
  stdin text  the samples corpus as one plain text through `clean -` (cut into pieces
              cleaned on all cores), pinned to one core with taskset, then on all

For each corpus: `retouche clean --jsonl` with --jobs 1 and with all cores
(--repeat N runs each, the median is printed), MB/s and documents/s from the
run summary (--stats-json), peak resident memory, and the output compared
across thread counts (it must be identical). The floor is bench/floor.cc
(built by CMake as retouche-floor): the same text split into words, each
looked up in a hash set of the lexicon's expanded forms; retouche's speed is
printed as a fraction of it. Then: start-up time (lexicon cache present),
time per stage and per rule (--profile figures, --jobs 1).
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
        subprocess.run([sys.executable, str(ROOT / "bench" / "make-corpus.py"), *args[:1], *args[1:], str(out)]
                       if args[0] != "samples" else
                       [sys.executable, str(ROOT / "bench" / "make-corpus.py"), "samples", str(out), args[1]],
                       check=True)
    return out


def text_of(corpus):
    """The text fields of a JSONL corpus as one plain text file (for the floor)."""
    text = corpus.with_suffix(".txt")
    if not text.exists() or text.stat().st_mtime < corpus.stat().st_mtime:
        subprocess.run([sys.executable, str(ROOT / "bench" / "make-corpus.py"), "text", str(corpus), str(text)],
                       check=True, stderr=subprocess.DEVNULL)
    return text


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


def run_stdin(bin_path, text, one_core):
    """`retouche clean -` on one big text (cut into pieces cleaned on all
    cores); one_core pins it to one with taskset. Returns (seconds, output)."""
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="retouche-bench-"))
    out = tmp / "out.txt"
    cmd = (["taskset", "-c", "0"] if one_core else []) + [str(bin_path), "clean", "-"]
    with open(text, "rb") as fin, open(out, "wb") as fout:
        start = time.monotonic()
        subprocess.run(cmd, stdin=fin, stdout=fout, check=True)
        wall = time.monotonic() - start
    return wall, out, tmp


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


def floor_mb_per_s(floor_bin, text, repeat):
    """MB/s of the tokenise-and-look-up floor (median of `repeat` runs)."""
    speeds = []
    for _ in range(repeat):
        r = subprocess.run([str(floor_bin), str(text)], check=True, capture_output=True, text=True)
        speeds.append(json.loads(r.stdout)["mb_per_second"])
    return statistics.median(speeds)


def median_run(runs):
    """The run with the median MB/s of several."""
    ordered = sorted(runs, key=lambda s: s["mb_per_second"])
    return ordered[len(ordered) // 2]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.environ.get("RETOUCHE_BIN", str(ROOT / "build/release/retouche")))
    ap.add_argument("--floor", help="the floor program (default: retouche-floor beside --bin)")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--megabytes", type=float, default=100)
    ap.add_argument("--repeat", type=int, default=1, help="runs per measure; the median is printed")
    ap.add_argument("--quick", action="store_true", help="samples at 10 MB, all cores only on real text")
    ap.add_argument("--json", help="also write the figures as JSON")
    a = ap.parse_args()
    bin_path = pathlib.Path(a.bin)
    if not bin_path.exists():
        sys.exit(f"bench: no {bin_path}; build it first (tools/setup.sh build)")
    floor_bin = pathlib.Path(a.floor) if a.floor else bin_path.parent / "retouche-floor"
    megabytes = 10 if a.quick else a.megabytes
    cores = os.cpu_count() or 1
    shared = pathlib.Path(a.shared)
    corpora = []
    for label, sub in (("news", "real/news"), ("mt", "real/mt"), ("dirty", "synthetic/dirty")):
        d = shared / "dev" / sub / "input"
        if d.is_dir():
            corpora.append((label, build_corpus(f"{label}.jsonl", ["dir", str(d)], [d])))
        else:
            print(f"bench: {d} not found; the {label} corpus is skipped", file=sys.stderr)
    samples_dir = ROOT / "samples"
    corpora += [("samples", build_corpus(f"samples-{megabytes:g}MB.jsonl", ["samples", str(megabytes)],
                                         [samples_dir])),
                ("samples/10", build_corpus(f"samples-{megabytes / 10:g}MB.jsonl",
                                            ["samples", str(megabytes / 10)], [samples_dir]))]
    warm = {"samples": "warm cache", "samples/10": "warm cache, memory"}

    # Start-up first: it also builds the lexicon cache if it is missing, so
    # that no corpus run pays for it.
    first = time.monotonic()
    subprocess.run([str(bin_path), "clean", "-"], input=b"Bonjour.\n", stdout=subprocess.DEVNULL, check=True)
    first = time.monotonic() - first
    start = startup_seconds(bin_path)

    results = {"machine": {"cores": cores}, "binary": str(bin_path), "repeat": a.repeat, "runs": [],
               "startup_seconds": start, "first_run_seconds": first}
    print(f"retouche benchmark ({cores} cores), {bin_path}, median of {a.repeat} run(s)")
    print(f"{'corpus':<12}{'MB':>7}{'docs':>7}{'jobs':>5}{'MB/s':>8}{'docs/s':>9}{'peak MB':>9}{'wall s':>8}"
          f"{'floor':>8}{'ratio':>7}  output")
    profiles = {}
    for label, corpus in corpora:
        first_out = None
        keep = None
        job_counts = [1] if label == "samples/10" else sorted({1, cores})
        floor = None
        if floor_bin.exists() and label != "samples/10":
            floor = floor_mb_per_s(floor_bin, text_of(corpus), a.repeat)
        for jobs in job_counts:
            runs = []
            same = None
            for _ in range(a.repeat):
                s, out, tmp = run_clean(bin_path, corpus, jobs, ["--profile"])
                runs.append(s)
                this = "reference" if first_out is None else ("identical" if same_file(first_out, out) else "DIFFERENT")
                same = this if same in (None, "reference", "identical") else same
                if first_out is None:
                    first_out, keep = out, tmp
                else:
                    shutil.rmtree(tmp)
            s = median_run(runs)
            mb = s["bytes"]["rows_in"] / 1e6
            ratio = f"{s['mb_per_second'] / floor:.3f}" if floor and jobs == 1 else ""
            floor_s = f"{floor:.1f}" if floor and jobs == 1 else ""
            print(f"{label:<12}{mb:>7.1f}{s['documents']:>7}{jobs:>5}{s['mb_per_second']:>8.2f}"
                  f"{s['documents_per_second']:>9.0f}{s['peak_rss_kb'] / 1024:>9.0f}{s['wall_seconds']:>8.2f}"
                  f"{floor_s:>8}{ratio:>7}  {same}" + (f" ({warm[label]})" if label in warm else ""))
            results["runs"].append({"corpus": label, "jobs": jobs, "megabytes": mb, "documents": s["documents"],
                                    "mb_per_second": s["mb_per_second"],
                                    "all_mb_per_second": [r["mb_per_second"] for r in runs],
                                    "documents_per_second": s["documents_per_second"],
                                    "peak_rss_mb": s["peak_rss_kb"] / 1024, "wall_seconds": s["wall_seconds"],
                                    "floor_mb_per_second": floor, "output": same})
            if jobs == 1:
                profiles[label] = s
        if keep:
            shutil.rmtree(keep)

    # One big text through stdin: the pieces go to all cores; pinned to one
    # core for the reference.
    big = text_of(dict(corpora)["samples"])
    if cores > 1 and shutil.which("taskset"):
        mb = big.stat().st_size / 1e6
        walls = {}
        outs = {}
        for one in (True, False):
            runs = [run_stdin(bin_path, big, one) for _ in range(a.repeat)]
            walls[one] = statistics.median(r[0] for r in runs)
            outs[one] = runs[0][1]
            for r in runs[1:]:
                shutil.rmtree(r[2])
        same = "identical" if same_file(outs[True], outs[False]) else "DIFFERENT"
        for one in (True, False):
            print(f"{'stdin text':<12}{mb:>7.1f}{1:>7}{1 if one else cores:>5}{mb / walls[one]:>8.2f}{'':>9}{'':>9}"
                  f"{walls[one]:>8.2f}{'':>8}{'':>7}  " + ("reference (taskset -c 0)" if one else same))
        results["stdin"] = {"megabytes": mb, "one_core_seconds": walls[True], "all_cores_seconds": walls[False],
                            "output": same}
        for one in (True, False):
            shutil.rmtree(outs[one].parent)

    def run(label, jobs):
        return next((r for r in results["runs"] if r["corpus"] == label and r["jobs"] == jobs), None)
    if cores > 1:
        for label, _ in corpora:
            if run(label, cores):
                print(f"scaling {label}: {run(label, cores)['mb_per_second'] / run(label, 1)['mb_per_second']:.2f}x "
                      f"from 1 to {cores} threads")
    if "stdin" in results:
        st = results["stdin"]
        print(f"scaling one text through stdin: {st['one_core_seconds'] / st['all_cores_seconds']:.2f}x "
              f"from 1 to {cores} cores")
    small, big_run = run("samples/10", 1), run("samples", 1)
    print(f"memory: peak {small['peak_rss_mb']:.0f} MB on {small['megabytes']:.0f} MB, "
          f"{big_run['peak_rss_mb']:.0f} MB on {big_run['megabytes']:.0f} MB (1 thread)"
          + (f", {run('samples', cores)['peak_rss_mb']:.0f} MB with {cores} threads" if cores > 1 else ""))
    print(f"start-up: {start * 1000:.0f} ms (median of 7 runs of 'retouche clean -' on one line); "
          f"the first run of this benchmark took {first:.2f} s (it builds the lexicon cache when missing)")

    print("where time goes (thread-seconds, --jobs 1, median run):")
    for label, s in profiles.items():
        if label == "samples/10":
            continue
        stages = s.get("stage_seconds", {})
        total = sum(stages.values())
        rest = s["seconds"] - total
        print(f"  {label}: " + ", ".join(f"{k} {v:.2f} s ({100 * v / s['seconds']:.0f}%)" for k, v in stages.items())
              + f", outside the stages (start-up, the document's language, JSON, writing) {rest:.2f} s "
              f"({100 * rest / s['seconds']:.0f}%)")
        rules = sorted(s.get("rule_seconds", {}).items(), key=lambda kv: -kv[1])
        print(f"  {label} rules: " + ", ".join(f"{k} {v:.3f} s" for k, v in rules[:8]))
        results.setdefault("profile", {})[label] = {"stage_seconds": stages, "rule_seconds": dict(rules),
                                                    "total_seconds": s["seconds"]}

    if a.json:
        pathlib.Path(a.json).write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
