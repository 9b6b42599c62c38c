"""Where ``kg build -j 2``'s time goes, and what it would take on two free cores.

On a shared machine the wall-clock ratio of ``-j 2`` to ``-j 1`` (benchmarks/run.py) says
little: other processes take the cores. CPU seconds are steadier. This runs whole
``kg build`` commands (fresh processes, alternated -j 1 / -j 2) with the builder's steps
timed in every process (CPU and wall: start-up and the pipeline's load, each extraction
task, resolution and the graph, each output task: graph.ttl's parts, the view, the store),
and prints the phases of each -j 2 build and its critical path on two free cores:

    start-up (serial) + extraction (the busiest worker, or all its CPU / 2)
    + the main process between extraction and outputs (serial)
    + outputs (the store in the main process, the parts and the view on the workers:
      the longest of them, or all their CPU / 2)

against -j 1's CPU seconds (one process: its wall time on a free core). The store's
loader runs a second thread, so its CPU may exceed its wall time: both builds count it.

    python benchmarks/jobs_path.py                  # the base corpus (see run.py), twice each
    python benchmarks/jobs_path.py --scale 10 --repeats 1

Measured, not asserted.
"""
from __future__ import annotations

import argparse
import collections
import functools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def trace(log: str, argv: list[str]) -> None:
    """In a build process: ``kg build ARGV`` with the builder's steps timed into ``log``
    (one JSON line a step: name, pid, wall start and end from this process's start, CPU s).
    Forked workers inherit the timed functions and write their own lines."""
    t0 = time.time()

    def write(name: str, w0: float, w1: float, cpu: float) -> None:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(json.dumps([name, os.getpid(), round(w0 - t0, 3), round(w1 - t0, 3), round(cpu, 4)]) + "\n")

    import kg.cli
    from kg import builder

    write("start-up", t0, time.time(), time.process_time())

    def timed(fn, name):
        @functools.wraps(fn)
        def run(*args, **kwargs):
            w0, c0 = time.time(), time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                write(name, w0, time.time(), time.process_time() - c0)
        return run

    for name in ("read_sources", "extract_sources", "resolve", "_write_outputs", "build", "process_group",
                 "_turtle_part", "_draw", "_check", "_load_store"):
        if hasattr(builder, name):
            setattr(builder, name, timed(getattr(builder, name), name))
    load = builder._extractor

    def extractor(*args):
        if load.cache_info().currsize:
            return load(*args)
        return timed(load, "load")(*args)

    extractor.cache_info, extractor.cache_clear = load.cache_info, load.cache_clear
    builder._extractor = extractor
    try:
        kg.cli.cli(["build", *argv], standalone_mode=False)
    finally:
        write("end", t0, time.time(), time.process_time())


def phases(log: Path) -> dict:
    """The CPU seconds of a traced build's phases and, for -j N, its critical path on N = 2 free cores."""
    rows = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    end = next(r for r in rows if r[0] == "end")
    main: dict[str, float] = collections.defaultdict(float)
    workers: dict[int, dict[str, float]] = collections.defaultdict(lambda: collections.defaultdict(float))
    for name, pid, _w0, _w1, cpu in rows:
        (main if pid == end[1] else workers[pid])[name] += cpu
    if not workers:
        return {"cpu_s": round(end[4], 2), "estimate_s": round(end[4], 2), "wall_s": end[3]}
    extracting = [w["process_group"] for w in workers.values() if w["process_group"]]  # a worker's load inside
    writing = [w["_turtle_part"] + w["_draw"] + w["_check"] for w in workers.values()]
    serial = {"start-up": main["start-up"] + main["read_sources"] + main["load"],
              "between": main["build"] - main["read_sources"] - main["extract_sources"] - main["_write_outputs"],
              "after": end[4] - main["start-up"] - main["build"]}
    in_main = main["extract_sources"] - main["load"]  # results taken in, and written into the graph
    parallel = {"extraction": max(max(extracting, default=0.0), (sum(extracting) + in_main) / 2),
                "outputs": max(main["_write_outputs"], max(writing), (main["_write_outputs"] + sum(writing)) / 2)}
    every = {**serial, **parallel}
    return {"cpu_s": round(end[4] + sum(extracting) + sum(writing), 2),
            "estimate_s": round(sum(every.values()), 2), "wall_s": end[3],
            "phases_s": {k: round(v, 2) for k, v in every.items()},
            "workers_extracting_s": [round(x, 2) for x in extracting], "store_s": round(main["_load_store"], 2),
            "workers_writing_s": [round(x, 2) for x in writing if x], "main_writing_s": round(main["_write_outputs"], 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=1, help="copies of the base corpus (see run.py)")
    parser.add_argument("--repeats", type=int, default=2, help="builds per -j value, alternated")
    parser.add_argument("--no-model", action="store_true", help="the grammar alone")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--trace", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)  # LOG BUILD-ARGS...: in a build process
    args = parser.parse_args()
    if args.trace:
        trace(args.trace[0], args.trace[1:])
        return
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from run import make_corpus

    runs: dict[int, list[dict]] = {1: [], 2: []}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        chars = make_corpus(folder, args.scale)
        for _ in range(args.repeats):
            for jobs in (1, 2):
                log = Path(tmp) / f"trace-{jobs}.jsonl"
                log.unlink(missing_ok=True)
                build = [str(folder), "-o", str(Path(tmp) / f"j{jobs}"), "-q", "-j", str(jobs)]
                subprocess.run([sys.executable, __file__, "--trace", str(log), *build, *(["--no-model"] if args.no_model else [])],
                               check=True, cwd=ROOT, capture_output=True, env={**os.environ, "SOURCE_DATE_EPOCH": "0"})
                runs[jobs].append(phases(log))
    one = statistics.median(r["estimate_s"] for r in runs[1])
    two = statistics.median(r["estimate_s"] for r in runs[2])
    print(f"kg build at {args.scale}x ({chars:,} characters), {args.repeats} alternated run(s) each, CPU seconds:")
    if any("phases_s" not in r for r in runs[2]):
        print("  -j 2 ran in one process (a corpus under PARALLEL_MIN_CHARS: is ../shared/data there?)")
        return
    for r in runs[2]:
        print("  -j 2 phases: " + "  ".join(f"{k} {v:.2f}" for k, v in r["phases_s"].items())
              + f"  (workers extracting {r['workers_extracting_s']}, writing {r['workers_writing_s']};"
              f" main writing {r['main_writing_s']} of which the store {r['store_s']})")
    print(f"  -j 1: {one:.2f} s CPU (medians); -j 2 on two free cores (critical path): {two:.2f} s = x{one / two:.2f}"
          f" (goal >= 1.7); CPU of all -j 2's processes: {statistics.median(r['cpu_s'] for r in runs[2]):.2f} s")
    if args.json:
        args.json.write_text(json.dumps({"scale": args.scale, "chars": chars, "j1": runs[1], "j2": runs[2],
                                         "ratio": round(one / two, 2)}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
