"""Load test of ``kg serve``: many clients for a while, saved queries plus one pathological query.

Starts ``kg serve`` on a build (a fresh build of corpus/ unless ``--out`` names one) as a
separate process, then runs ``--clients`` clients (spread over a few client processes, so
the clients' own interpreter lock does not queue them) for ``--seconds``. Each client keeps
one HTTP/1.1 connection and sends the saved queries in turn; one client sends only the
pathological query (a four-way cross join sorted on every column), which must time out
alone while the others keep answering. Prints requests per second, latency p50/p95/p99 and
the maximum for the ordinary queries, what the pathological ones got, and every error.

    python benchmarks/load_test.py                          # 50 clients, 60 s, bundled build
    python benchmarks/load_test.py --clients 10 --seconds 10
    python benchmarks/load_test.py --out big_build --timeout 30   # a large build

The goal (issue #13): zero errors and p99 under 250 ms on the bundled build. Measured,
not asserted (machines differ).
"""
from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PATHOLOGICAL = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?c ?f ?i ?l"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _client(port: int, queries: list[str], until: float, results: list) -> None:
    """One client: a keep-alive connection, queries in turn until ``until``."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    i = 0
    while time.monotonic() < until:
        query = queries[i % len(queries)]
        i += 1
        body = urllib.parse.urlencode({"query": query}).encode()
        start = time.perf_counter()
        try:
            conn.request("POST", "/sparql", body=body, headers={
                "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
            response = conn.getresponse()
            response.read()
            results.append((query == PATHOLOGICAL, response.status,
                            time.perf_counter() - start, ""))
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
        except (OSError, http.client.HTTPException) as err:
            results.append((query == PATHOLOGICAL, 0, time.perf_counter() - start, f"{type(err).__name__}: {err}"))
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.close()


def _client_process(port: int, jobs: list[list[str]], until: float, queue, nice: int = 0) -> None:
    if nice:
        os.nice(nice)  # on a small machine, keep the clients from taking the server's CPU
    results: list = []
    threads = [threading.Thread(target=_client, args=(port, queries, until, results)) for queries in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    queue.put(results)


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", help="a build folder (default: build corpus/ into a temporary folder)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--processes", type=int, default=4, help="client processes the clients are spread over")
    parser.add_argument("--workers", type=int, default=4, help="kg serve --workers")
    parser.add_argument("--timeout", type=float, default=5.0, help="kg serve --timeout (seconds)")
    parser.add_argument("--no-pathological", action="store_true", help="only saved queries")
    parser.add_argument("--cache-mb", type=int, default=64, help="kg serve --cache-mb (0: every query runs)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    parser.add_argument("--nice-clients", type=int, default=0, metavar="N",
                        help="run the clients at this niceness (a small machine measuring itself: the clients "
                             "would be other machines)")
    args = parser.parse_args()

    from kg.serve.query import resolve_query, saved_queries

    out = args.out
    if out is None:
        from kg.builder import build

        out = tempfile.mkdtemp(prefix="kg-load-")
        build([str(ROOT / "corpus")], out, html=False, progress=False)
    saved = [resolve_query(name, engine="oxigraph") for name in saved_queries()]  # kg serve runs on Oxigraph

    port = _free_port()
    log = tempfile.TemporaryFile(mode="w+")  # the server's request log (a pipe nobody reads would fill)
    server = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(out), "--port", str(port), "--workers", str(args.workers),
         "--timeout", str(args.timeout), "--cache-mb", str(args.cache_mb)], stderr=log, text=True)
    try:
        deadline = time.monotonic() + 120
        while True:  # wait until it answers
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    sys.exit(f"kg serve did not start: {log.read()}")
                time.sleep(0.2)

        jobs = [saved[i % len(saved):] + saved[:i % len(saved)] for i in range(args.clients)]
        if not args.no_pathological and jobs:
            jobs[0] = [PATHOLOGICAL]
        until = time.monotonic() + args.seconds
        queue = multiprocessing.get_context("spawn").Queue()
        groups = [jobs[i::args.processes] for i in range(args.processes)]
        processes = [multiprocessing.get_context("spawn").Process(target=_client_process, args=(port, g, until, queue, args.nice_clients))
                     for g in groups if g]
        started = time.monotonic()
        for p in processes:
            p.start()
        results = [r for _ in processes for r in queue.get()]
        for p in processes:
            p.join()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(10)

    ordinary = [r for r in results if not r[0]]
    slow = [r for r in results if r[0]]
    ok = [r[2] * 1000 for r in ordinary if r[1] == 200]
    errors = [r for r in ordinary if r[1] != 200]
    figures = {
        "clients": args.clients, "seconds": round(elapsed, 1), "requests": len(ordinary),
        "requests_per_s": round(len(ordinary) / elapsed, 1),
        "p50_ms": round(_percentile(ok, 50), 1), "p95_ms": round(_percentile(ok, 95), 1),
        "p99_ms": round(_percentile(ok, 99), 1), "max_ms": round(max(ok, default=float("nan")), 1),
        "errors": len(errors),
        "pathological": {str(status): sum(1 for r in slow if r[1] == status) for status in sorted({r[1] for r in slow})},
    }
    print(f"kg serve load test: {args.clients} clients for {elapsed:.1f} s on {out} ({os.cpu_count()} CPUs, "
          f"answer cache {args.cache_mb} MB)")
    print(f"  saved queries: {figures['requests']} requests, {figures['requests_per_s']} req/s")
    print(f"  latency ms: p50 {figures['p50_ms']}  p95 {figures['p95_ms']}  p99 {figures['p99_ms']}  "
          f"max {figures['max_ms']}   (goal: p99 < 250 on the bundled build)")
    print(f"  errors: {figures['errors']}")
    for _, status, seconds, message in errors[:10]:
        print(f"    status {status} after {seconds * 1000:.0f} ms {message}")
    if slow:
        print(f"  pathological query: {figures['pathological']} (503 = stopped at --timeout {args.timeout:g} s)")
    if args.json:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
