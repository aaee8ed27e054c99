#!/usr/bin/python3
"""The Dask recipe (tools/dask_clean.py) on a local cluster of two worker
processes gives the same rows as a single-process run of retouche.

usage: /usr/bin/python3 tests/dask_recipe_test.py RETOUCHE_BINARY
Exits 77 (skipped) when Debian's python3-distributed is not installed.
"""
import gzip
import json
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main():
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("python3-distributed is not installed: skipped")
        return 77
    retouche = sys.argv[1]
    sys.path.insert(0, str(ROOT / "tools"))
    import dask_clean

    samples = sorted(p for p in (ROOT / "samples").glob("*.txt") if not p.name.endswith(".expected.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        shards = []
        for k in range(6):
            rows = "".join(json.dumps({"id": f"{k}-{i}", "text": p.read_text(encoding="utf-8")},
                                      ensure_ascii=(k % 2 == 0)) + "\n"
                           for i, p in enumerate(samples * 3))
            if k == 5:
                path = tmp / f"shard-{k}.jsonl.gz"
                path.write_bytes(gzip.compress(rows.encode("utf-8")))
            else:
                path = tmp / f"shard-{k}.jsonl"
                path.write_text(rows, encoding="utf-8")
            shards.append(str(path))

        results = dask_clean.main([*shards, "-o", str(tmp / "dask"), "--workers", "2", "--retouche", retouche])
        subprocess.run([retouche, "clean", "-q", "--jsonl", *shards, "-o", str(tmp / "single"), "--jobs", "1"],
                       check=True)

        failures = []
        for s in shards:
            name = pathlib.Path(s).name
            a, b = (tmp / "dask" / name).read_bytes(), (tmp / "single" / name).read_bytes()
            if name.endswith(".gz"):
                a, b = gzip.decompress(a), gzip.decompress(b)
            if a != b:
                failures.append(f"{name}: Dask output differs from the single-process run")
            elif a.count(b"\n") != len(samples) * 3:
                rows = a.count(b"\n")
                failures.append(f"{name}: {rows} rows, expected {len(samples) * 3}")
        pids = {r["worker_pid"] for r in results}
        if len(pids) < 2:
            failures.append(f"only {len(pids)} worker process did the work; expected 2")
        for f in failures:
            print("FAIL:", f)
        if failures:
            return 1
        print(f"ok: {len(shards)} shards, {len(pids)} worker processes, outputs identical to a single process")
        return 0


if __name__ == "__main__":
    sys.exit(main())
