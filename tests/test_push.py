"""kg push and kg query --endpoint: the Graph Store and SPARQL protocols against a real
Virtuoso (Debian's virtuoso-opensource, started here on loopback), plus the chunking and
the retries against small stdlib servers."""
from __future__ import annotations

import base64
import csv
import http.server
import io
import re
import shutil
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from _procs import free_port, stop
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.cli import cli
from kg.serve.remote import DEFAULT_GRAPH, RemoteError, ntriples_chunks, push, query, with_prefixes

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
USER, PASSWORD = "kgpush", "kg-secret"
#: saved queries whose rows must come back the same from Virtuoso; not agencies-people:
#: Virtuoso 7 returns a constant non-ASCII string of a query (its GROUP_CONCAT separator
#: 、) as "?" (openlink/virtuoso-opensource#609)
SAME_ROWS = ("people-posts", "careers", "class-counts", "figures-by-indicator", "articles-reporters",
             "events-speakers", "programs-agencies")


def _kg(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input)


# ---- chunking and retries (no Virtuoso needed) ----

def test_push_chunks_are_bounded_and_keep_blank_nodes_together(tmp_path):
    ttl = tmp_path / "g.ttl"
    lines = [f'<http://ex/s{i}> <http://ex/p> "值{i}"@zh .' for i in range(300)]
    lines += [f"<http://ex/s{i}> <http://ex/b> _:b{i % 3} ." for i in range(30)]
    lines += ['_:b0 <http://ex/name> "甲" .', '_:b1 <http://ex/name> "乙" .', "_:b2 <http://ex/p> _:b0 ."]
    ttl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    chunks = list(ntriples_chunks(ttl, chunk_bytes=1000))
    assert len(chunks) > 5
    assert all(len(c) <= 1000 for c in chunks[:-1])
    assert all(b"_:" not in c for c in chunks[:-1])  # every blank-node triple is in the last one
    assert chunks[-1].count(b"\n") == 33
    assert all(c.endswith(b"\n") for c in chunks)
    whole = Graph()
    for c in chunks[:-1]:
        whole.parse(data=c, format="nt")
    whole.parse(data=chunks[-1], format="nt")
    assert isomorphic(whole, Graph().parse(ttl))
    assert list(ntriples_chunks(ttl, chunk_bytes=1000)) == chunks  # deterministic


def test_query_prefixes_added_on_one_line_only_where_used_and_undeclared():
    text = "SELECT ?n WHERE { ?p a foaf:Person ; foaf:name ?n ; org:holds ?post }"
    first, rest = with_prefixes(text).split("\n", 1)
    assert rest == text
    assert first == "PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX org: <http://www.w3.org/ns/org#>"
    declared = "PREFIX foaf: <http://ex/f#>\nSELECT * WHERE { ?s foaf:x ?o }"
    assert with_prefixes(declared) == declared


class _Flaky(http.server.BaseHTTPRequestHandler):
    """A Graph Store that answers 503 to every other request and keeps what it was sent."""

    def log_message(self, *args):
        pass

    def _answer(self):
        server = self.server
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        server.seen.append((self.command, self.path, self.headers.get("Content-Type"), body))
        server.calls += 1
        code = 503 if server.calls % 2 else (204 if self.command == "DELETE" else 201)
        self.send_response(code)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_DELETE = do_POST = _answer


def test_push_retries_5xx_and_sends_every_chunk(tmp_path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Flaky)
    server.seen, server.calls = [], 0
    threading.Thread(target=server.serve_forever, daemon=True).start()
    ttl = tmp_path / "g.ttl"
    ttl.write_text("".join(f"<http://ex/s{i}> <http://ex/p> {i} .\n" for i in range(200)), encoding="utf-8")
    retried = []
    try:
        url = f"http://127.0.0.1:{server.server_port}/store"
        report = push(ttl, url, "http://ex/g", chunk_bytes=2000, backoff=0.01, log=retried.append)
    finally:
        server.shutdown()
        server.server_close()
    done = [s for i, s in enumerate(server.seen) if i % 2]  # the answered ones
    assert [s[0] for s in done] == ["DELETE"] + ["POST"] * report.chunks
    assert all(s[1] == "/store?graph=http%3A%2F%2Fex%2Fg" for s in done)
    assert {s[2] for s in done[1:]} == {"application/n-triples"}
    assert report.triples == 200 and report.chunks > 3
    assert len(retried) == 1 + report.chunks and "HTTP 503" in retried[0]
    sent = Graph()
    for s in done[1:]:
        sent.parse(data=s[3], format="nt")
    assert isomorphic(sent, Graph().parse(ttl))


class _BasicStore(http.server.BaseHTTPRequestHandler):
    """A Graph Store that wants HTTP basic auth and notes each request's Authorization."""

    def log_message(self, *args):
        pass

    def _answer(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        auth = self.headers.get("Authorization")
        self.server.seen.append((self.command, auth))
        good = "Basic " + base64.b64encode(b"ann:pw").decode()
        self.send_response(204 if auth == good else 401)
        if auth != good:
            self.send_header("WWW-Authenticate", 'Basic realm="kg"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_DELETE = do_POST = _answer


def test_push_basic_auth_is_sent_up_front_once_asked(tmp_path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _BasicStore)
    server.seen = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    ttl = tmp_path / "g.ttl"
    ttl.write_text("".join(f"<http://ex/s{i}> <http://ex/p> {i} .\n" for i in range(100)), encoding="utf-8")
    url = f"http://127.0.0.1:{server.server_port}/store"
    try:
        report = push(ttl, url, user="ann", password="pw", chunk_bytes=1000, retries=0)
        with pytest.raises(RemoteError, match=r"authentication failed \(HTTP 401\) - check --user"):
            push(ttl, url, user="ann", password="nope", retries=0)
    finally:
        server.shutdown()
        server.server_close()
    first = server.seen[: 2 + report.chunks]
    assert first[0] == ("DELETE", None)  # never a password before the server asks for one
    assert [m for m, _ in first[1:]] == ["DELETE"] + ["POST"] * report.chunks  # each chunk sent once
    assert all(a is not None and a.startswith("Basic ") for _, a in first[1:])


def test_push_unreachable_and_missing_build_are_clear(tmp_path):
    port = free_port()
    (tmp_path / "graph.ttl").write_text("<http://ex/s> <http://ex/p> 1 .\n", encoding="utf-8")
    with pytest.raises(RemoteError, match=r"cannot reach http://127\.0\.0\.1:\d+/store.*after 1 retries"):
        push(tmp_path, f"http://127.0.0.1:{port}/store", retries=1, backoff=0.01)
    result = _kg("push", tmp_path / "nothing", "--endpoint", f"http://127.0.0.1:{port}/store")
    assert result.exit_code == 1 and "not found" in result.output
    result = _kg("query", "--endpoint", f"http://127.0.0.1:{port}/sparql", "DELETE WHERE { ?s ?p ?o }")
    assert result.exit_code == 1 and "not updates" in result.output


# ---- against a real Virtuoso ----

VIRTUOSO_INI = """\
[Database]
DatabaseFile       = virtuoso.db
ErrorLogFile       = virtuoso.log
LockFile           = virtuoso.lck
TransactionFile    = virtuoso.trx
xa_persistent_file = virtuoso.pxa
Striping           = 0
TempStorage        = TempDatabase
[TempDatabase]
DatabaseFile       = virtuoso-temp.db
TransactionFile    = virtuoso-temp.trx
Striping           = 0
[Parameters]
ServerPort         = 127.0.0.1:{sql}
DisableUnixSocket  = 1
CheckpointInterval = 0
DirsAllowed        = .
NumberOfBuffers    = 10000
MaxDirtyBuffers    = 6000
[HTTPServer]
ServerPort         = 127.0.0.1:{http}
ServerRoot         = .
ServerThreads      = 4
Charset            = UTF-8
[SPARQL]
ResultSetMaxRows      = 1000000
MaxQueryExecutionTime = 120
"""


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """A Virtuoso on free loopback ports in a temp folder, with a user who may write graphs;
    yields its base URL."""
    if shutil.which("virtuoso-t") is None or shutil.which("isql-vt") is None:
        pytest.skip("virtuoso-t/isql-vt not installed (Debian: apt-get install virtuoso-opensource; .ci/run does)")
    folder = tmp_path_factory.mktemp("virtuoso")
    sql, http = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(VIRTUOSO_INI.format(sql=sql, http=http), encoding="utf-8")
    with open(folder / "stdout.log", "wb") as log:  # the child keeps its own handle
        proc = subprocess.Popen(["virtuoso-t", "+foreground", "+configfile", "virtuoso.ini"], cwd=folder,
                                stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{http}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                pytest.fail(f"virtuoso-t exited ({proc.returncode}): {(folder / 'stdout.log').read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{base}/sparql?query=ASK%7B%7D", timeout=5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"Virtuoso did not answer in 120 s: {(folder / 'stdout.log').read_text()[-2000:]}")
                time.sleep(0.5)
        setup = f"DB.DBA.USER_CREATE('{USER}', '{PASSWORD}'); GRANT SPARQL_UPDATE TO \"{USER}\";"
        done = subprocess.run(["isql-vt", f"127.0.0.1:{sql}", "dba", "dba", f"exec={setup}"],
                              check=False, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0 and "Error" not in done.stdout + done.stderr, done.stdout + done.stderr
        yield base
    finally:
        stop([proc], timeout=60)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    result = _kg("build", CORPUS, "-o", out, "-q", "--no-html")
    assert result.exit_code == 0, result.output
    return out


def _rows(result) -> list[list[str]]:
    assert result.exit_code == 0, result.output
    return list(csv.reader(io.StringIO(result.output)))


def _count(base: str, graph: str) -> int:
    result = _kg("query", "--endpoint", f"{base}/sparql", "--format", "csv",
                 f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return int(_rows(result)[1][0])


def test_push_twice_gives_the_local_graph_once(virtuoso, built, tmp_path):
    local = len(Graph().parse(built / "graph.ttl"))
    crud = f"{virtuoso}/sparql-graph-crud-auth"
    stale = tmp_path / "stale.nt"  # what an earlier build left in the graph: a push replaces it
    stale.write_text("<http://ex/stale> <http://ex/p> \"1\" .\n", encoding="utf-8")
    push(stale, crud, DEFAULT_GRAPH, user=USER, password=PASSWORD)
    assert _count(virtuoso, DEFAULT_GRAPH) == 1
    for _ in range(2):
        result = _kg("push", built, "--endpoint", crud, "--user", USER, "--password", PASSWORD)
        assert result.exit_code == 0, result.output
        assert f"pushed {local:,} triples" in result.output and f"<{DEFAULT_GRAPH}>" in result.output
        assert _count(virtuoso, DEFAULT_GRAPH) == local
    # small chunks, another graph: the same triples arrive; the first graph is untouched
    other = "https://example.org/kg/small-chunks"
    result = _kg("push", built, "--endpoint", crud, "--graph", other, "--chunk-mb", "0.05",
                 "--user", USER, "--password", PASSWORD)
    assert result.exit_code == 0, result.output
    assert int(re.search(r" in (\d+) chunk\(s\)", result.output)[1]) > 10
    assert _count(virtuoso, other) == local == _count(virtuoso, DEFAULT_GRAPH)


@pytest.mark.parametrize("name", SAME_ROWS)
def test_query_endpoint_saved_query_same_rows_as_local(virtuoso, built, name):
    if _count(virtuoso, DEFAULT_GRAPH) == 0:
        push(built, f"{virtuoso}/sparql-graph-crud-auth", user=USER, password=PASSWORD)
    local = _rows(_kg("query", built, name, "--format", "csv"))
    remote = _rows(_kg("query", "--endpoint", f"{virtuoso}/sparql", name, "--graph", DEFAULT_GRAPH,
                       "--format", "csv"))
    assert remote[0] == local[0]
    assert len(local) > 1
    assert sorted(remote[1:]) == sorted(local[1:])


def test_query_endpoint_table_ask_construct(virtuoso, built):
    if _count(virtuoso, DEFAULT_GRAPH) == 0:
        push(built, f"{virtuoso}/sparql-graph-crud-auth", user=USER, password=PASSWORD)
    sparql = f"{virtuoso}/sparql"
    local = _kg("query", built, "class-counts")  # ORDER BY a total order: the same table
    remote = _kg("query", "--endpoint", sparql, "class-counts", "--graph", DEFAULT_GRAPH)
    assert remote.exit_code == 0 and remote.output == local.output
    assert _kg("query", "--endpoint", sparql, "ASK { ?p a foaf:Person }", "--graph", DEFAULT_GRAPH).output == "true\n"
    assert _kg("query", "--endpoint", sparql, "ASK { ?p a <http://ex/None> }").output == "false\n"
    person = _rows(_kg("query", built, "SELECT ?p WHERE { ?p a foaf:Person } ORDER BY ?p LIMIT 1", "--format", "csv"))[1][0]
    text = f"CONSTRUCT {{ <{person}> ?p ?o }} WHERE {{ <{person}> ?p ?o }}"
    local_ttl, remote_ttl = _kg("query", built, text), _kg("query", "--endpoint", sparql, text, "--graph", DEFAULT_GRAPH)
    assert remote_ttl.exit_code == 0, remote_ttl.output
    assert isomorphic(Graph().parse(data=remote_ttl.output, format="turtle"),
                      Graph().parse(data=local_ttl.output, format="turtle"))
    long_query = "# " + "padding " * 400 + "\nSELECT (COUNT(*) AS ?n) WHERE { ?p a foaf:Person }"  # a POST form
    assert _rows(_kg("query", "--endpoint", sparql, long_query, "--graph", DEFAULT_GRAPH, "--format", "csv"))[1] == \
        _rows(_kg("query", built, long_query, "--format", "csv"))[1]


def test_push_and_query_errors_are_clear(virtuoso, built):
    crud = f"{virtuoso}/sparql-graph-crud-auth"
    result = _kg("push", built, "--endpoint", crud, "--user", USER, "--password", "wrong", "--graph", "http://ex/x")
    assert result.exit_code == 1 and "authentication failed (HTTP 401) - check --user and --password" in result.output
    result = _kg("push", built, "--endpoint", crud, "--graph", "http://ex/x")
    assert result.exit_code == 1 and "give --user and --password" in result.output
    result = _kg("push", built, "--endpoint", f"{virtuoso}/sparql-graph-crud", "--graph", "http://ex/x")
    assert result.exit_code == 1 and "forbidden (HTTP 403)" in result.output
    result = _kg("push", built, "--endpoint", f"{virtuoso}/no-such-path", "--graph", "http://ex/x")
    assert result.exit_code == 1 and "is it the Graph Store endpoint?" in result.output
    result = _kg("query", "--endpoint", f"{virtuoso}/sparql", "SELECT ?x WHERE { ?x ?y }")
    assert result.exit_code == 1 and "HTTP 400" in result.output and "SPARQL" in result.output
    with pytest.raises(RemoteError, match="HTTP 400"):
        query(f"{virtuoso}/sparql", "SELECT * WHERE { ?s ?p }")
