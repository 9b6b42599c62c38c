"""The whole build at 1x, 10x (and 100x) a base corpus, stage by stage, against spaCy + jieba
merely tokenising the same text, in one run.

The base corpus is the bundled page plus the government work reports in ../shared/data
(skipped if absent), replicated with distinct source ids. For each scale it prints (and,
with --json, writes) characters per second of the whole build and of each stage (read,
extract, resolve, triples, Turtle, view, store: the builder's order, with its lifetimes),
CPU seconds, resident memory after each stage, peak memory of the build in a fresh process
(the tokenising baseline's texts are read after it),
and the ratio of the whole build to spaCy ``blank("zh")`` + jieba tokenising the same text
(>= 1.0 means the build is as fast as tokenising). The 10x -> 100x time growth is printed
when both ran. Each scale runs in its own process (so peak memory is its own). Then whole
``kg build`` runs with ``-j 1`` and ``-j 2`` on the smallest scale, alternated (``--repeats``
each, fresh processes), print the median wall-clock times, their ratio (goal: >= 1.7 on two
cores) and whether graph.ttl came out byte-identical.

    python benchmarks/run.py                 # 1x and 10x
    python benchmarks/run.py --scales 1 10 100
    python benchmarks/run.py --no-model      # the grammar alone
    python benchmarks/run.py --scales 10 --repeats 5   # -j 2 vs -j 1 on 10x, five runs each

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

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "corpus" / "liaocheng-daily-2023-12-28.txt"
REPORTS = ROOT / "../shared/data/gov_work_reports/government_work_reports.jsonl"


def make_corpus(folder: Path, scale: int) -> int:
    """``scale`` copies of the base corpus in ``folder``; RETURNS its characters."""
    page = PAGE.read_text(encoding="utf-8")
    reports = REPORTS.read_text(encoding="utf-8").splitlines() if REPORTS.is_file() else []
    if not reports:
        print(f"run.py: {REPORTS} not found: the base corpus is the bundled page alone", file=sys.stderr)
    chars = 0
    for i in range(scale):
        (folder / f"copy{i:03d}-2023-12-28.txt").write_text(page, encoding="utf-8")
        chars += len(page)
        if reports:
            (folder / f"copy{i:03d}-reports.jsonl").write_text("\n".join(reports) + "\n", encoding="utf-8")
            chars += sum(len(json.loads(line).get("content", "")) for line in reports if line.strip())
    return chars


def one_scale(scale: int, model: bool, low_memory: bool = False) -> dict:
    """Run in a fresh process: build ``scale`` x the corpus, timing every stage."""
    from kg import builder
    from kg.resolve import resolve
    from kg.spill import RecordSpill
    from kg.text.sources import read_sources
    from kg.view.viz import write_html

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        chars = make_corpus(folder, scale)
        times: dict[str, float] = {}
        rss: dict[str, int] = {}  # resident MB after each stage (what it keeps)

        def timed(name, fn, *args, **kwargs):
            t0 = time.process_time()
            value = fn(*args, **kwargs)
            times[name] = time.process_time() - t0
            rss[name] = _rss_mb()
            return value

        # the builder's order and lifetimes: each source's articles, figures and programs go
        # into the graph as they are extracted ("extract" includes them) and its records to a
        # file that resolution reads back; graph.ttl is written a block at a time (merged from
        # runs on disk past kg.graph.runs.RUN_TRIPLES with --low-memory, whose store then loads from
        # graph.ttl and whose view is drawn from the store; else from the triples, before the store)
        out = Path(tmp) / "out"
        out.mkdir()
        sources, _, _ = timed("read", read_sources, [(folder, str(folder))], None)
        sources.sort(key=lambda s: s.id)
        graph, records, tally = builder._Graph(sources, spill=low_memory), RecordSpill(), builder._Tally()

        def each(exs):
            graph.extracted(exs)
            tally.count(exs)
            records.write(builder._to_resolve(exs))

        timed("extract", builder.extract_sources, sources, None, jobs=1, use_model=model, each=each, keep=False)
        resolved = timed("resolve", resolve, records, node_evidence=False)
        records.close()
        triples = timed("triples", graph.done, resolved, None)
        del resolved, sources, graph
        builder.give_back()
        timed("turtle", triples.write_turtle, out / "graph.ttl")
        builder.give_back()
        from kg.graph.store import save_store

        if builder._spilled(triples):
            triples.close()
            count = len(triples)
            timed("store", save_store, out / "graph.ttl", out)
            timed("view", builder._draw_from, out, True)  # as the builder draws a big build's
        else:
            timed("view", write_html, triples, out / "graph.html")  # as the builder draws it
            count = len(triples)
            triples.clear()
            builder.give_back()
            timed("store", save_store, out / "graph.ttl", out)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # the build's, before the baseline's texts
        sources, _, _ = read_sources([(folder, str(folder))], None)  # read again: not held during the build
        texts = [a.text for s in sources for a in builder.split_articles(s)]
        del sources
        tokenise = _tokenise_seconds(texts)
    total = sum(times.values())
    return {"scale": scale, "chars": chars, "triples": count, "cpu_seconds": round(total, 2),
            "chars_per_s": round(chars / total), "stages_s": {k: round(v, 2) for k, v in times.items()},
            "rss_mb": rss,
            "tokenise_s": round(tokenise, 2), "ratio_to_tokenising": round(tokenise / total, 3),
            "peak_mb": round(peak / 1024)}


def _rss_mb() -> int:
    """This process's resident memory now, in MB (Linux; 0 elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            return next(int(line.split()[1]) // 1024 for line in fh if line.startswith("VmRSS:"))
    except (OSError, StopIteration):
        return 0


def jobs_speedup(scale: int, model: bool, repeats: int) -> dict:
    """Whole ``kg build`` runs (store, graph.html, report; CLI in fresh processes) with -j 1 and
    -j 2, alternated so that a busy machine slows both alike; medians of wall-clock seconds."""
    import statistics

    times: dict[int, list[float]] = {1: [], 2: []}
    cores: dict[int, list[float]] = {1: [], 2: []}  # CPU seconds of the build's processes / wall seconds
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        chars = make_corpus(folder, scale)
        for _ in range(repeats):
            for jobs in (1, 2):
                cmd = [sys.executable, "-m", "kg", "build", str(folder), "-o", str(Path(tmp) / f"j{jobs}"), "-q",
                       "-j", str(jobs)] + ([] if model else ["--no-model"])
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                t0 = time.perf_counter()
                subprocess.run(cmd, check=True, cwd=ROOT, capture_output=True, env={**os.environ, "SOURCE_DATE_EPOCH": "0"})
                times[jobs].append(time.perf_counter() - t0)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
                cores[jobs].append(cpu / times[jobs][-1])
        same = (Path(tmp) / "j1" / "graph.ttl").read_bytes() == (Path(tmp) / "j2" / "graph.ttl").read_bytes()
    j1, j2 = statistics.median(times[1]), statistics.median(times[2])
    return {"scale": scale, "chars": chars, "repeats": repeats, "j1_s": [round(t, 2) for t in times[1]],
            "j2_s": [round(t, 2) for t in times[2]], "j1_median_s": round(j1, 2), "j2_median_s": round(j2, 2),
            "speedup": round(j1 / j2, 2), "same_graph_ttl": same, "cpus": os.cpu_count(),
            "cores_used_j1": round(statistics.median(cores[1]), 2), "cores_used_j2": round(statistics.median(cores[2]), 2)}


def _tokenise_seconds(texts: list[str]) -> float:
    """CPU seconds of spaCy blank("zh") with jieba tokenising the texts (after a warm-up)."""
    import spacy

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp("预热")
    t0 = time.process_time()
    for text in texts:
        nlp.make_doc(text)
    return time.process_time() - t0


def _say(text: str) -> None:
    """A line of the table; a reader that stopped reading (``| head``) stops the table, not
    the run: the figures still go to --json."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the rest of the run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--no-model", action="store_true", help="the grammar alone")
    parser.add_argument("--low-memory", action="store_true", help="builds as kg build --low-memory makes them")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--repeats", type=int, default=3, help="whole builds per -j value (0: skip -j 2 vs -j 1)")
    parser.add_argument("--_one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._one is not None:
        print(json.dumps(one_scale(args._one, not args.no_model, args.low_memory)))
        return
    rows = []
    for scale in args.scales:
        cmd = [sys.executable, __file__, "--_one", str(scale)] + (["--no-model"] if args.no_model else []) + (
            ["--low-memory"] if args.low_memory else [])
        out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
        r = rows[-1]
        stages = "  ".join(f"{k} {v:.2f}" for k, v in r["stages_s"].items())
        _say(f"{r['scale']:>4}x  {r['chars']:>11,} chars  {r['triples']:>9,} triples  {r['cpu_seconds']:8.2f} s CPU  "
              f"{r['chars_per_s']:>9,} chars/s  peak {r['peak_mb']:>6,} MB  build/tokenise {r['ratio_to_tokenising']:.2f}")
        _say(f"      stages (CPU s): {stages}   spaCy+jieba tokenising {r['tokenise_s']:.2f} s")
        _say("      resident MB after each stage: " + "  ".join(f"{k} {v:,}" for k, v in r["rss_mb"].items()))
        slower = [k for k, v in r["stages_s"].items() if k != "extract" and v >= r["stages_s"]["extract"]]
        _say(f"      stages slower than extraction: {', '.join(slower) or 'none'}")
    by_scale = {r["scale"]: r for r in rows}
    if 10 in by_scale and 100 in by_scale:
        growth = by_scale[100]["cpu_seconds"] / by_scale[10]["cpu_seconds"]
        memory = by_scale[100]["peak_mb"] / by_scale[10]["peak_mb"]
        _say(f"10x -> 100x: time x{growth:.1f} (goal <= 10.5), peak memory x{memory:.2f} (goal <= 1.5)")
    if args.repeats > 0:
        j = jobs_speedup(min(args.scales), not args.no_model, args.repeats)
        _say(f"-j 2 vs -j 1, whole kg build at {j['scale']}x ({j['cpus']} CPUs, wall, median of {j['repeats']}, "
              f"alternated): {j['j1_median_s']:.2f} s vs {j['j2_median_s']:.2f} s = x{j['speedup']:.2f} "
              f"(goal >= 1.7 on 2 cores); graph.ttl identical: {'yes' if j['same_graph_ttl'] else 'NO'}")
        _say(f"      cores the builds got (CPU s / wall s): -j 1 {j['cores_used_j1']:.2f}, -j 2 {j['cores_used_j2']:.2f}"
              + ("  (a busy machine: -j 2 got little more than -j 1, so the ratio says little)"
                 if j["cores_used_j2"] < 1.5 * j["cores_used_j1"] else ""))
        rows.append({"jobs": j})
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
