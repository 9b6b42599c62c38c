"""The store stage alone (``kg.graph.store.save_store`` on a graph.ttl) at 1x, 10x, 100x.

The larger graphs are made from one build's graph.ttl by replicating its statements with
per-copy IRIs (every ``https://w3id.org/kg-gov/id/`` IRI gets a ``cNNN/`` step for copy
NNN > 0), so the copies share no subject: an upper bound on what a real N-times build
holds. Each scale loads in a fresh process; it prints CPU seconds (all threads), wall
seconds, nanoseconds of CPU per triple, and the loader's peak resident memory (the
process's peak minus its resident memory just before the load).

    python benchmarks/store_scale.py build/graph.ttl                # 1x and 10x
    python benchmarks/store_scale.py build/graph.ttl --scales 1 10 100 --json out.json
    python benchmarks/store_scale.py build/graph.ttl --piece-mb 8     # pieces of 8 MB

Measured, not asserted: machines here are shared and noisy; compare ratios within a run.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ID = b"<https://w3id.org/kg-gov/id/"


def replicate(graph: Path, scale: int, dest: Path) -> int:
    """``scale`` copies of ``graph``'s statements in one Turtle file; RETURNS its triples."""
    import pyoxigraph as ox

    data = graph.read_bytes()
    if b"_:" in data:
        raise SystemExit(f"{graph}: blank nodes cannot be replicated by renaming IRIs")
    cut = data.find(b"\n\n")
    head, body = data[:cut + 2], data[cut + 2:]
    with dest.open("wb") as f:
        f.write(head)
        for i in range(scale):
            f.write(body if i == 0 else body.replace(ID, ID + b"c%03d/" % i))
            if not body.endswith(b"\n\n"):
                f.write(b"\n")
    return scale * sum(1 for _ in ox.parse(path=str(graph), format=ox.RdfFormat.TURTLE))


def _child(graph: str, out: str, piece_mb: str) -> None:
    import gc

    from kg.graph.store import save_store

    gc.collect()
    base = _rss_kb()
    t0, w0 = time.process_time(), time.perf_counter()
    save_store(Path(graph), Path(out), piece_bytes=int(piece_mb) << 20)
    cpu, wall = time.process_time() - t0, time.perf_counter() - w0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"cpu_s": cpu, "wall_s": wall, "peak_mb": (peak - base) / 1024, "base_mb": base / 1024}))


def _rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", type=Path, help="a kg build's graph.ttl (the 1x graph)")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--piece-mb", type=int, default=0,
                        help="load in pieces of this many MB of Turtle; 0: as kg build does")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return
    if not args.graph.is_file():
        parser.error(f"{args.graph} not found - run 'kg build' first")
    rows = []
    with tempfile.TemporaryDirectory(dir=os.environ.get("KG_BENCH_TMP")) as tmp:
        for scale in args.scales:
            ttl = Path(tmp) / f"graph{scale}.ttl"
            triples = replicate(args.graph, scale, ttl)
            out = Path(tmp) / f"out{scale}"
            run = subprocess.run([sys.executable, __file__, str(args.graph), "--child", str(ttl), str(out),
                                  str(args.piece_mb)],
                                 check=True, capture_output=True, text=True)
            row = {"scale": scale, "triples": triples, "piece_mb": args.piece_mb, **json.loads(run.stdout.splitlines()[-1])}
            row["ns_per_triple"] = row["cpu_s"] / triples * 1e9
            rows.append(row)
            print(f"{scale:>4}x {triples:>11,} triples  cpu {row['cpu_s']:8.2f} s  wall {row['wall_s']:8.2f} s  "
                  f"{row['ns_per_triple']:7.0f} ns/triple  loader peak {row['peak_mb']:7.0f} MB", flush=True)
            ttl.unlink()
            subprocess.run(["rm", "-rf", str(out)], check=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
