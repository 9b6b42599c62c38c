"""Saved queries on a ≥1M-triple graph: Oxigraph store (kg's default) vs rdflib's memory store.

The graph is the bundled build repeated with distinct IRIs: copy ``i`` rewrites every
``kgr:`` IRI to ``kgr:c<i>/…``, so the copies share the ontology terms and labels but
no resources. Both stores get the same triples and run the same saved queries from
ontology/queries/; results are checked to agree, and the ratio is printed.

    python benchmarks/query_bench.py                 # build corpus/, ≥1,000,000 triples
    python benchmarks/query_bench.py --out build --triples 2000000
    python benchmarks/query_bench.py --triples 50000 # a quick look

Nothing here runs at import time.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AGGREGATE = ("agencies-people", "articles-reporters", "class-counts")


def base_ntriples(out: Path | None) -> bytes:
    """N-Triples of an existing build's graph.ttl, or of a fresh build of corpus/."""
    from rdflib import Graph

    if out is None:
        from kg.build import build

        out = Path(tempfile.mkdtemp(prefix="kg-bench-build-"))
        build([str(ROOT / "corpus")], out, html=False, store=False, progress=False)
    graph = Graph().parse(Path(out) / "graph.ttl", format="turtle")
    return graph.serialize(format="nt", encoding="utf-8")


def replicate(nt: bytes, target: int) -> tuple[bytes, int, int]:
    """Copies of ``nt`` with distinct kgr: IRIs until at least ``target`` triples."""
    from kg.namespace import KGR

    lines = [ln for ln in nt.splitlines() if ln.strip()]
    copies = max(1, -(-target // len(lines)))
    base = f"<{KGR}".encode()
    chunks = [b"\n".join(lines).replace(base, base + f"c{i}/".encode()) for i in range(copies)]
    return b"\n".join(chunks) + b"\n", copies * len(lines), copies


def _rows(result) -> list[tuple]:
    return sorted(tuple("" if t is None else str(t) for t in row) for row in result)


def _time(fn, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=None, help="existing build folder (default: build corpus/)")
    parser.add_argument("--triples", type=int, default=1_000_000, help="at least this many triples")
    parser.add_argument("--repeat", type=int, default=3, help="Oxigraph runs per query (median)")
    parser.add_argument("--queries", nargs="*", default=None, help="saved query names (default: all)")
    args = parser.parse_args(argv)

    from rdflib import Graph

    from kg.namespace import PREFIXES, bind_prefixes
    from kg.query import saved_queries
    from kg.store import open_store, save_store

    t0 = time.perf_counter()
    nt, n, copies = replicate(base_ntriples(args.out), args.triples)
    print(f"graph: {n:,} triples ({copies} copies of the build, distinct kgr: IRIs) "
          f"prepared in {time.perf_counter() - t0:.1f} s", flush=True)

    t0 = time.perf_counter()
    memory = bind_prefixes(Graph())
    memory.parse(data=nt, format="nt")
    print(f"rdflib memory store: loaded {len(memory):,} triples in {time.perf_counter() - t0:.1f} s", flush=True)

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        t0 = time.perf_counter()
        import pyoxigraph as ox

        staging = ox.Store()
        staging.bulk_load(nt, format=ox.RdfFormat.N_TRIPLES)
        from kg.store import _ox_graph

        save_store(_ox_graph(staging), tmp)
        del staging
        oxi = open_store(tmp)
        print(f"Oxigraph store (OUT/store, read-only): loaded {len(oxi):,} triples in "
              f"{time.perf_counter() - t0:.1f} s", flush=True)
        assert len(oxi) == len(memory), "both stores must hold the same triples"

        names = args.queries or list(saved_queries())
        header = f"{'query':22} {'rows':>8} {'rdflib s':>10} {'oxigraph s':>11} {'ratio':>8}"
        print("\n" + header + "\n" + "-" * len(header))
        ratios: dict[str, float] = {}
        for name in names:
            text = saved_queries()[name].text
            t_mem, rows_mem = _time(lambda: _rows(memory.query(text, initNs=PREFIXES)), 1)
            t_ox, rows_ox = _time(lambda: _rows(oxi.query(text)), args.repeat)
            if len(rows_mem) != len(rows_ox):
                print(f"{name}: row counts differ (rdflib {len(rows_mem)}, Oxigraph {len(rows_ox)})", file=sys.stderr)
            ratio = t_mem / t_ox if t_ox else float("inf")
            ratios[name] = ratio
            flag = " (aggregate)" if name in AGGREGATE else ""
            print(f"{name:22} {len(rows_ox):>8,} {t_mem:>10.2f} {t_ox:>11.3f} {ratio:>7.1f}×{flag}", flush=True)

    aggregate = [ratios[q] for q in AGGREGATE if q in ratios]
    if aggregate:
        worst = min(aggregate)
        verdict = "OK" if worst >= 10 else "BELOW TARGET"
        print(f"\naggregate queries: Oxigraph is {worst:.1f}× to {max(aggregate):.1f}× faster "
              f"than rdflib's memory store on {n:,} triples (target ≥ 10×: {verdict})")
        return 0 if worst >= 10 else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
