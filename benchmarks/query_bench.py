"""Saved queries on a ≥1M-triple graph: Oxigraph store (kg's default) vs rdflib's memory store.

The graph is the bundled build repeated with distinct IRIs: copy ``i`` rewrites every
``kgr:`` IRI to ``kgr:c<i>/…``, so the copies share the ontology terms and labels but
no resources. Both stores get the same triples and run the same saved queries from
ontology/queries/; results are checked to agree, and the ratios are printed for three
Oxigraph paths: the engine on OUT/store (RocksDB, read-only; what ``kg serve`` runs),
the same store through rdflib's API (oxrdflib; what ``kg query`` runs), and the store
copied into RAM (no RocksDB; what ``kg serve --in-memory`` runs in each worker).

    python benchmarks/query_bench.py                 # build corpus/, ≥1,000,000 triples
    python benchmarks/query_bench.py --out build --triples 2000000
    python benchmarks/query_bench.py --triples 50000 # a quick look

Nothing here runs at import time.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def base_ntriples(out: Path | None) -> bytes:
    """N-Triples of an existing build's graph.ttl, or of a fresh build of corpus/."""
    from rdflib import Graph

    if out is None:
        from kg.builder import build

        out = Path(tempfile.mkdtemp(prefix="kg-bench-build-"))
        build([str(ROOT / "corpus")], out, html=False, store=False, progress=False)
    graph = Graph().parse(Path(out) / "graph.ttl", format="turtle")
    return graph.serialize(format="nt", encoding="utf-8")


def replicate(nt: bytes, target: int) -> tuple[bytes, int, int]:
    """Copies of ``nt`` with distinct kgr: IRIs until at least ``target`` triples."""
    from kg.graph.namespace import KGR

    lines = [ln for ln in nt.splitlines() if ln.strip()]
    copies = max(1, -(-target // len(lines)))
    base = f"<{KGR}".encode()
    chunks = [b"\n".join(lines).replace(base, base + f"c{i}/".encode()) for i in range(copies)]
    return b"\n".join(chunks) + b"\n", copies * len(lines), copies


def _rows(result) -> list[tuple]:
    return sorted(tuple("" if t is None else str(t) for t in row) for row in result)


def _native_rows(solutions) -> list[tuple]:
    return sorted(tuple("" if t is None else t.value for t in row) for row in solutions)


def is_aggregate(text: str) -> bool:
    """A query that groups or aggregates (GROUP BY, COUNT, SUM …)."""
    return bool(re.search(r"\bGROUP\s+BY\b|\b(COUNT|SUM|AVG|MIN|MAX|GROUP_CONCAT)\s*\(", text, re.I))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=None, help="existing build folder (default: build corpus/)")
    parser.add_argument("--triples", type=int, default=1_000_000, help="at least this many triples")
    parser.add_argument("--repeat", type=int, default=3, help="runs per query and store (best of)")
    parser.add_argument("--queries", nargs="*", default=None, help="saved query names (default: all)")
    args = parser.parse_args(argv)

    import pyoxigraph as ox
    from rdflib import Graph

    from kg.graph.namespace import PREFIXES, bind_prefixes
    from kg.serve.query import saved_queries
    from kg.graph.store import _ox_graph, open_ox_store, open_store, save_store

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
        staging = ox.Store()
        staging.bulk_load(nt, format=ox.RdfFormat.N_TRIPLES)
        save_store(_ox_graph(staging), tmp)  # the same code path as kg build
        in_memory = staging  # Oxigraph without RocksDB, as in kg serve --in-memory
        del nt
        oxi = open_store(tmp)  # rdflib Graph on Oxigraph, as kg query uses it
        native = open_ox_store(tmp)  # the same store through pyoxigraph, as kg serve uses it
        print(f"Oxigraph store (OUT/store, opened read-only): loaded in {time.perf_counter() - t0:.1f} s; "
              f"{len(oxi):,} triples", flush=True)
        assert len(oxi) == len(memory), "both stores must hold the same triples"

        names = args.queries or list(saved_queries())
        print("\nbest of %d runs each, runs interleaved; times include reading every row\n" % args.repeat)
        header = (f"{'query':22} {'rows':>7} {'rdflib mem s':>12} {'Oxigraph s':>11} {'ratio':>7}"
                  f" {'Ox via rdflib s':>15} {'ratio':>7} {'Ox in RAM s':>11} {'ratio':>7}")
        print(header + "\n" + "-" * len(header))
        results = []
        for name in names:
            text = saved_queries()[name].text
            best = {"memory": float("inf"), "native": float("inf"), "api": float("inf"), "ram": float("inf")}
            rows = {}
            runs = {
                "memory": lambda: _rows(memory.query(text, initNs=PREFIXES)),
                "native": lambda: _native_rows(native.query(text, prefixes=dict(PREFIXES))),
                "api": lambda: _rows(oxi.query(text)),
                "ram": lambda: _native_rows(in_memory.query(text, prefixes=dict(PREFIXES))),
            }
            for _ in range(args.repeat):
                for key, run in runs.items():
                    t0 = time.perf_counter()
                    rows[key] = run()
                    best[key] = min(best[key], time.perf_counter() - t0)
            if len({len(v) for v in rows.values()}) != 1:
                print(f"{name}: row counts differ {({k: len(v) for k, v in rows.items()})}", file=sys.stderr)
            agg = is_aggregate(text)
            r_native, r_api = best["memory"] / best["native"], best["memory"] / best["api"]
            r_ram = best["memory"] / best["ram"]
            results.append((name, agg, r_native, r_api, r_ram))
            print(f"{name:22} {len(rows['native']):>7,} {best['memory']:>12.2f} {best['native']:>11.3f} "
                  f"{r_native:>6.1f}× {best['api']:>15.3f} {r_api:>6.1f}× {best['ram']:>11.3f} {r_ram:>6.1f}×"
                  f"{'  (aggregate)' if agg else ''}", flush=True)

    aggregate = [r for r in results if r[1]]
    if not aggregate:
        return 0
    worst_native = min(r[2] for r in aggregate)
    span = lambda k: f"{min(r[k] for r in aggregate):.1f}×–{max(r[k] for r in aggregate):.1f}×"  # noqa: E731
    print(f"\naggregate queries on {n:,} triples, speed-up over rdflib's memory store:\n"
          f"  Oxigraph, OUT/store on disk (kg serve):            {span(2)}\n"
          f"  Oxigraph, OUT/store through rdflib's API (kg query): {span(3)}"
          " (every term converted to an rdflib object)\n"
          f"  Oxigraph, store copied into RAM (kg serve --in-memory): {span(4)}")
    worst_ram = min(r[4] for r in aggregate)
    for label, worst in (("OUT/store on disk (kg serve)", worst_native), ("in RAM (kg serve --in-memory)", worst_ram)):
        print(f"target ≥ 10× on every aggregate query, Oxigraph {label}: {'met' if worst >= 10 else 'NOT met'}"
              f" (lowest {worst:.1f}×)")
    return 0 if max(worst_native, worst_ram) >= 10 else 1


if __name__ == "__main__":
    sys.exit(main())
