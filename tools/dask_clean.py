#!/usr/bin/python3
"""Cleans JSONL shards on a Dask cluster, each shard piped through the retouche binary.

usage: /usr/bin/python3 tools/dask_clean.py SHARD... -o OUTDIR
           [--scheduler ADDRESS | --workers N] [--retouche PATH] [-- RETOUCHE FLAGS]

retouche runs unchanged as a stdin -> stdout filter (`retouche clean --jsonl -`):
every task streams one shard (plain, .gz or .zst) into it and writes
OUTDIR/<shard name>, compressed as the shard's name says, through a temporary
file renamed at the end. The output equals a single-process run,
`retouche clean --jsonl SHARD... -o OUTDIR`, byte for byte.

Without --scheduler, a local cluster of --workers processes (default 2) is
started; with it, the tasks go to that cluster (every worker must see the
shards, OUTDIR and the binary at the same paths, e.g. on a shared file system).
Each task runs retouche with --jobs 1: the cluster provides the parallelism.

Needs Debian's python3-distributed (runs under /usr/bin/python3 only).
"""
import argparse
import os
import pathlib
import subprocess
import sys


def clean_shard(shard, out_path, retouche, flags):
    """Runs on a worker: shard -> retouche -> out_path. Returns what it did."""
    out_path = pathlib.Path(out_path)
    tmp = out_path.with_name(out_path.name + f".tmp.{os.getpid()}")
    compress = []
    if out_path.name.endswith(".gz"):
        compress = ["gzip", "-c"]
    elif out_path.name.endswith(".zst"):
        compress = ["zstd", "-q", "-c"]
    cmd = [retouche, "clean", "--jsonl", "-", "-q", "--jobs", "1", *flags]
    with open(shard, "rb") as src, open(tmp, "wb") as dst:
        if compress:
            p1 = subprocess.Popen(cmd, stdin=src, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            p2 = subprocess.Popen(compress, stdin=p1.stdout, stdout=dst)
            p1.stdout.close()
            err = p1.stderr.read()
            rc1, rc2 = p1.wait(), p2.wait()
        else:
            p1 = subprocess.run(cmd, stdin=src, stdout=dst, stderr=subprocess.PIPE)
            err, rc1, rc2 = p1.stderr, p1.returncode, 0
    if rc1 != 0 or rc2 != 0:
        tmp.unlink(missing_ok=True)
        raise RuntimeError(f"{shard}: retouche exited with {rc1}: {err.decode(errors='replace').strip()}")
    os.replace(tmp, out_path)
    return {"shard": str(shard), "output": str(out_path), "worker_pid": os.getpid(),
            "bytes": out_path.stat().st_size}


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    flags = []
    if "--" in argv:
        flags = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shards", nargs="+")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--scheduler", help="address of a running Dask scheduler")
    ap.add_argument("--workers", type=int, default=2, help="local worker processes (default 2)")
    ap.add_argument("--retouche", default=str(pathlib.Path(__file__).resolve().parent.parent
                                               / "build" / "release" / "retouche"))
    a = ap.parse_args(argv)
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        sys.exit("dask_clean.py: Dask distributed is not installed (apt-get install python3-distributed; "
                 "run with /usr/bin/python3)")
    retouche = str(pathlib.Path(a.retouche).resolve())
    if not os.access(retouche, os.X_OK):
        sys.exit(f"dask_clean.py: no retouche binary at {retouche}")
    out_dir = pathlib.Path(a.output).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    shards = [str(pathlib.Path(s).resolve()) for s in a.shards]
    names = [pathlib.Path(s).name for s in shards]
    if len(set(names)) != len(names):
        sys.exit("dask_clean.py: two shards have the same name; their outputs would collide")

    if a.scheduler:
        client = Client(a.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        futures = client.map(clean_shard, shards, [str(out_dir / n) for n in names],
                             retouche=retouche, flags=flags, pure=False)
        results = client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    pids = {r["worker_pid"] for r in results}
    print(f"dask_clean.py: {len(results)} shards cleaned by {len(pids)} worker processes into {out_dir}",
          file=sys.stderr)
    return results


if __name__ == "__main__":
    main()
