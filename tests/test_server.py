"""kg serve over real HTTP, with SPARQLWrapper as the client."""
from __future__ import annotations

import csv
import io
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, POST, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.graph.store import save_store
from kg.serve.query import resolve_query
from kg.serve.server import ServerConfig, is_update, make_server, negotiate

FIXTURE = Path(__file__).parent / "fixtures" / "mini.ttl"
# a cross join that Oxigraph cannot finish in a second (4 × 291 triples, sorted)
SLOW = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?c ?f ?i ?l"


def _start(out, config):
    server = make_server(out, port=0, config=config, workers=2)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


@pytest.fixture(scope="module")
def base(out):
    server, url = _start(out, ServerConfig(timeout=1.5, max_results=100, max_query_length=5000))
    yield url
    server.shutdown()
    server.server_close()


def _http(url, data=None, headers=None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type"), response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type"), err.read().decode("utf-8")


def _client(base, query, fmt=JSON, method=None):
    client = SPARQLWrapper(f"{base}/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    if method:
        client.setMethod(method)
    return client


def test_server_binds_loopback_by_default(base):
    assert base.startswith("http://127.0.0.1:")


def test_server_sparqlwrapper_json(base):
    data = _client(base, resolve_query("people-posts")).query().convert()
    assert data["head"]["vars"] == ["person", "role", "agency", "date", "headline", "id"]
    rows = [{k: v["value"] for k, v in b.items() if k != "id"} for b in data["results"]["bindings"]]
    assert len(rows) == 6
    assert {"person": "王相东", "role": "局长", "agency": "聊城市科学技术局", "date": "2023-12-28",
            "headline": "我市国家科技型中小企业达1155家"} in rows
    assert all(b["id"]["type"] == "uri" for b in data["results"]["bindings"])
    assert data["results"]["bindings"][0]["person"]["xml:lang"] == "zh"


def test_server_sparqlwrapper_csv_post(base):
    body = _client(base, resolve_query("agencies-people"), CSV, POST).query().convert()
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    assert {r["agency"]: r["people"] for r in rows}["聊城市发展和改革委员会"] == "1"


def test_server_xml_and_tsv(base):
    xml = _client(base, "SELECT ?n WHERE { ?p foaf:name ?n } ORDER BY ?n", XML).query().convert()
    names = [n.firstChild.data for n in xml.getElementsByTagName("literal")]
    assert names == ["林金彦", "王相东", "高峰"]
    tsv = _client(base, "SELECT ?n WHERE { ?p foaf:name ?n } ORDER BY ?n", TSV).query().convert().decode()
    assert tsv.splitlines() == ["?n", '"林金彦"@zh', '"王相东"@zh', '"高峰"@zh']


def test_server_construct_turtle_and_jsonld(base):
    q = "CONSTRUCT { ?p foaf:name ?n } WHERE { ?p a foaf:Person ; foaf:name ?n }"
    ttl = _client(base, q, TURTLE).query().convert()
    assert len(Graph().parse(data=ttl, format="turtle")) == 3
    status, ctype, text = _http(f"{base}/sparql?" + urllib.parse.urlencode({"query": q}),
                                headers={"Accept": "application/ld+json"})
    assert status == 200 and ctype.startswith("application/ld+json")
    assert len(Graph().parse(data=text, format="json-ld")) == 3


def test_server_ask(base):
    assert _client(base, "ASK { ?s a org:Membership }").query().convert()["boolean"] is True


def test_server_content_negotiation_by_accept(base):
    url = f"{base}/sparql?" + urllib.parse.urlencode({"query": "SELECT ?n WHERE { ?p foaf:name ?n }"})
    assert _http(url, headers={"Accept": "text/csv"})[1].startswith("text/csv")
    assert _http(url, headers={"Accept": "text/html;q=0.9, application/sparql-results+xml"})[1].startswith(
        "application/sparql-results+xml")
    status, _, text = _http(url, headers={"Accept": "image/png"})
    assert status == 406 and "text/csv" in text


def test_server_refuses_update(base):
    client = _client(base, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", JSON, POST)
    with pytest.raises(urllib.error.HTTPError) as err:
        client.query()
    assert err.value.code == 403
    body = err.value.read().decode()
    assert "read-only" in body and "--allow-update" in body
    status, _, text = _http(f"{base}/sparql", data=b"DELETE WHERE { ?s ?p ?o }",
                            headers={"Content-Type": "application/sparql-update"})
    assert status == 403
    # and the data is still there
    assert _client(base, "ASK { ?s a foaf:Person }").query().convert()["boolean"] is True


def test_server_refuses_service(base):
    client = _client(base, "SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }")
    with pytest.raises(QueryBadFormed) as err:
        client.query()
    assert "SERVICE (federated query) is not allowed" in str(err.value)


def test_server_service_inside_string_is_fine(base):
    data = _client(base, 'SELECT ?x WHERE { BIND("SERVICE" AS ?x) }').query().convert()
    assert data["results"]["bindings"][0]["x"]["value"] == "SERVICE"


def test_server_refuses_over_long_query(base):
    long_query = "SELECT * WHERE { ?s ?p ?o } # " + "x" * 6000
    status, _, text = _http(f"{base}/sparql", data=long_query.encode(),
                            headers={"Content-Type": "application/sparql-query"})
    assert status == 413
    assert "Query too long" in text and "--max-query-length" in text
    with pytest.raises(urllib.error.HTTPError) as err:
        _client(base, long_query, JSON, POST).query()
    assert err.value.code == 413


def test_server_result_cap(base):
    status, _, text = _http(f"{base}/sparql?" + urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"}))
    assert status == 413
    assert "more than 100 rows" in text and "LIMIT" in text
    status, _, _ = _http(f"{base}/sparql?" + urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 100"}))
    assert status == 200


def test_server_timeout_then_recovers(base):
    status, _, text = _http(f"{base}/sparql?" + urllib.parse.urlencode({"query": SLOW}))
    assert status == 503
    assert "timed out after 1.5 s" in text
    # the stuck worker was killed; the next query is answered
    assert _client(base, "ASK { ?s ?p ?o }").query().convert()["boolean"] is True


def test_server_syntax_error_names_line_and_column(base):
    status, _, text = _http(f"{base}/sparql?" + urllib.parse.urlencode({"query": "SELECT *\nWHERE { ?s ?p }"}))
    assert status == 400
    assert "SPARQL syntax error at line 2" in text


def test_server_page_has_query_box_and_saved_queries(base):
    status, ctype, page = _http(f"{base}/")
    assert status == 200 and ctype.startswith("text/html")
    assert "<textarea" in page and "people-posts" in page and "articles-reporters" in page
    assert "<script src" not in page and "<link" not in page and "@import" not in page  # self-contained
    import json

    from kg.serve.query import saved_queries

    saved = json.loads(page.split("const SAVED = ", 1)[1].split(";\n", 1)[0])
    assert "careers.oxigraph" not in saved  # an engine form is no query of its own
    for name, q in saved_queries().items():  # the endpoint runs on Oxigraph: its forms offered
        assert saved[name]["text"] == q.text_for("oxigraph")
    assert saved["careers"]["text"] != saved_queries()["careers"].text


def test_server_update_with_flag_and_token(tmp_path):
    save_store(Graph().parse(FIXTURE), tmp_path)
    server, base = _start(tmp_path, ServerConfig(allow_update=True, token="s3cret"))
    try:
        update = b"INSERT DATA { <urn:x> a foaf:Person ; foaf:name 'X' }"
        status, _, text = _http(f"{base}/sparql", data=update, headers={"Content-Type": "application/sparql-update"})
        assert status == 401 and "Bearer" in text
        status, _, _ = _http(f"{base}/sparql", data=update, headers={
            "Content-Type": "application/sparql-update", "Authorization": "Bearer s3cret"})
        assert status == 200
        data = _client(base, "SELECT (COUNT(*) AS ?n) WHERE { ?p a foaf:Person }").query().convert()
        assert data["results"]["bindings"][0]["n"]["value"] == "4"
    finally:
        server.shutdown()
        server.server_close()


def test_server_missing_store(tmp_path):
    with pytest.raises(FileNotFoundError, match='run "kg build" first'):
        make_server(tmp_path, port=0)


@pytest.mark.parametrize("text,expected", [
    ("INSERT DATA { <a:b> <a:c> <a:d> }", True),
    ("PREFIX x: <urn:x#>\nDELETE WHERE { ?s x:p ?o }", True),
    ("SELECT * WHERE { ?s ?p 'INSERT' }", False),
    ("# DELETE\nSELECT * WHERE { ?s ?p ?o }", False),
])
def test_server_is_update(text, expected):
    assert is_update(text) is expected


def test_server_negotiate_param_wins():
    assert negotiate("solutions", "application/sparql-results+json", "csv") == "csv"
    assert negotiate("graph", None, "json") == "jsonld"
    assert negotiate("graph", "*/*", None) == "turtle"


def test_server_cli_refuses_update_without_token(out):
    from click.testing import CliRunner

    from kg.cli import cli

    result = CliRunner().invoke(cli, ["serve", str(out), "--allow-update"], env={"KG_SERVE_TOKEN": ""})
    assert result.exit_code == 1
    assert "--allow-update needs --token" in result.output


def test_server_cli_missing_store(tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    result = CliRunner().invoke(cli, ["serve", str(tmp_path / "nope"), "--port", "0"])
    assert result.exit_code == 1
    assert 'run "kg build" first' in result.output


def test_server_in_memory_workers_answer_and_time_out(out):
    server, base = _start(out, ServerConfig(timeout=1.5, in_memory=True))
    try:
        data = _client(base, resolve_query("articles-reporters")).query().convert()
        assert len(data["results"]["bindings"]) == 2
        status, _, text = _http(f"{base}/sparql?" + urllib.parse.urlencode({"query": SLOW}))
        assert status == 503 and "timed out" in text
        assert _client(base, "ASK { ?s a foaf:Person }").query().convert()["boolean"] is True
    finally:
        server.shutdown()
        server.server_close()


def test_server_in_memory_refuses_updates():
    with pytest.raises(ValueError, match="cannot be combined with allow_update"):
        make_server(None, port=0, config=ServerConfig(in_memory=True, allow_update=True, token="t"))


def test_server_busy_port_is_one_line_with_the_fix(out):
    import socket

    from click.testing import CliRunner

    from kg.cli import cli

    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", str(out), "--port", str(port), "--workers", "1"])
    assert result.exit_code == 1
    assert f"port {port} on 127.0.0.1 is in use - give another with --port" in result.output
    assert "Traceback" not in result.output and "AttributeError" not in result.output


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { #x\r SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * WHERE { # comment\n service <http://127.0.0.1:9/> { ?s ?p ?o } }",
    'SELECT * WHERE { ?s ?p "x" . #"\r SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }',
])
def test_server_refuses_service_however_it_is_hidden(query):
    from kg.serve.protocol import ProtocolError, ServerConfig, check_query

    with pytest.raises(ProtocolError) as err:
        check_query(query, ServerConfig())
    assert err.value.status == 400 and "SERVICE" in err.value.message


def test_server_refuses_a_rebound_host_name(base):
    """A hostile name pointed at 127.0.0.1 (DNS rebinding) gets nothing."""
    status, _, body = _http(base + "/sparql?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"),
                            headers={"Host": "evil.example:80"})
    assert status == 403 and "is not served here" in body
    status, _, _ = _http(base + "/sparql?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"),
                         headers={"Host": "localhost"})
    assert status == 200


def test_server_sends_no_cors_header_unless_asked(base, out):
    request = urllib.request.Request(base + "/sparql?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"))
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.headers.get("Access-Control-Allow-Origin") is None
    server, url = _start(out, ServerConfig(cors="https://yasgui.example"))
    try:
        with urllib.request.urlopen(url + "/sparql?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"), timeout=30) as r:
            assert r.headers.get("Access-Control-Allow-Origin") == "https://yasgui.example"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("length", ["-1", "abc"])
def test_server_refuses_a_bad_content_length(base, length):
    import http.client

    host, port = base.split("//")[1].split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    conn.putrequest("POST", "/sparql")
    conn.putheader("Content-Type", "application/sparql-query")
    conn.putheader("Content-Length", length)
    conn.endheaders()
    conn.send(b"ASK { ?s ?p ?o }")
    response = conn.getresponse()
    assert response.status == 400 and b"Content-Length" in response.read()
    conn.close()


def test_server_relative_out_works_from_here(out, monkeypatch):
    monkeypatch.chdir(out.parent)
    server, url = _start(out.name, ServerConfig())
    try:
        status, _, body = _http(url + "/sparql?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"),
                                headers={"Accept": "application/sparql-results+json"})
        assert status == 200 and "true" in body
    finally:
        server.shutdown()
        server.server_close()


def test_server_queue_wait_counts_in_the_limit(out):
    """With every worker busy, a query waits at most the time limit, then gets a 503 with
    Retry-After instead of waiting without end."""
    server, url = _start(out, ServerConfig(timeout=1.0, in_memory=False))  # one worker started
    server.endpoint.pool.size = 1  # one worker, kept busy by a slow query
    try:
        import concurrent.futures
        import time

        slow = url + "/sparql?query=" + urllib.parse.quote(SLOW)
        quick = url + "/sparql?query=" + urllib.parse.quote("ASK { ?s ?p ?o }")
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            first = pool.submit(_http, slow)
            time.sleep(0.3)
            t0 = time.monotonic()
            request = urllib.request.Request(quick)
            try:
                urllib.request.urlopen(request, timeout=30)
                status, retry = 200, None
            except urllib.error.HTTPError as err:
                status, retry = err.code, err.headers.get("Retry-After")
            waited = time.monotonic() - t0
            first.result()
        assert status == 503 and retry == "1" and waited < 5
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("query", [
    "SELECT ?service WHERE { ?service ?p ?o } LIMIT 1",
    "PREFIX service: <urn:x#> SELECT * WHERE { ?s service:load ?o } LIMIT 1",
    'SELECT * WHERE { ?s ?p ?o FILTER(?o != "SERVICE <http://x/>") } LIMIT 1',
    "SELECT * WHERE { ?s <urn:SERVICE> ?o } LIMIT 1",
])
def test_server_keywords_are_read_as_tokens_not_text(base, query):
    """Only the SERVICE keyword is refused: variables, prefixed names, IRIs and strings
    that spell it are no keyword (the old text scan refused ?service)."""
    status, _, body = _http(base + "/sparql?query=" + urllib.parse.quote(query),
                            headers={"Accept": "application/sparql-results+json"})
    assert status == 200, body


@pytest.mark.parametrize("update", ["LOAD <http://127.0.0.1:9/x.ttl>", "load silent <http://127.0.0.1:9/x.ttl>"])
def test_server_refuses_load_in_updates(update):
    from kg.serve.protocol import ProtocolError, check_query

    with pytest.raises(ProtocolError) as err:
        check_query(update, ServerConfig(allow_update=True, token="t"))
    assert err.value.status == 400 and "LOAD" in err.value.message


@pytest.fixture()
def listener():
    """A local HTTP server that records every request made to it (the 'outside world')."""
    import http.server

    hits = []

    class Record(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            body = b'{"head":{"vars":["s"]},"results":{"bindings":[]}}'
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_GET

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Record)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


def test_server_query_workers_cannot_reach_the_network(out, listener):
    """Past every check (a query sent to the worker directly), SERVICE still cannot connect:
    the worker runs under a seccomp filter with no sockets."""
    import platform
    import sys

    from kg.graph.store import resolve_store_dir
    from kg.serve.workers import _WorkerPool

    url, hits = listener
    query = f"SELECT * WHERE {{ SERVICE <{url}/probe> {{ ?s ?p ?o }} }}"
    pool = _WorkerPool(str(resolve_store_dir(out).resolve()), 1)
    try:
        reply = pool.run((query, None, None, 10), 30)
        if not (sys.platform.startswith("linux") and platform.machine().lower() in ("x86_64", "aarch64")):
            pytest.skip("no seccomp sandbox on this platform")
        assert pool.sandboxed is True
        assert reply[0] == "err" and hits == []
    finally:
        pool.close()
    # and with the network allowed the same worker does reach it (the test can fail)
    pool = _WorkerPool(str(resolve_store_dir(out).resolve()), 1, network=True)
    try:
        pool.run((query, None, None, 10), 30)
        assert hits and hits[0].startswith("/probe")
        assert pool.sandboxed is False
    finally:
        pool.close()


def test_server_keeps_the_connection_alive(base):
    """HTTP/1.1: several queries on one connection; an error whose body was not read ends it."""
    import http.client

    host, port = base.split("//")[1].split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    socket_before = None
    for _ in range(3):
        conn.request("POST", "/sparql", body="ASK { ?s ?p ?o }".encode(),
                     headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
        response = conn.getresponse()
        assert response.status == 200 and b"true" in response.read()
        socket_before = socket_before or conn.sock
        assert conn.sock is socket_before  # the same connection answered all three
    conn.request("POST", "/nowhere", body=b"x" * 10, headers={"Content-Type": "application/sparql-query"})
    response = conn.getresponse()
    assert response.status == 404 and response.getheader("Connection") == "close"
    response.read()
    conn.close()


def test_server_refuses_chunked_bodies(base):
    import http.client

    host, port = base.split("//")[1].split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    conn.request("POST", "/sparql", body=iter([b"ASK { ?s ?p ?o }"]),
                 headers={"Content-Type": "application/sparql-query", "Transfer-Encoding": "chunked"})
    response = conn.getresponse()
    assert response.status == 411 and b"Content-Length" in response.read()
    conn.close()


def test_server_answers_a_repeated_query_from_its_cache(out):
    """The store is read-only while served: a repeated query is answered without a worker,
    byte for byte the same; with --cache-mb 0 every query goes to a worker."""
    for cache_mb, expected_runs in ((64, 1), (0, 3)):
        server, url = _start(out, ServerConfig(cache_mb=cache_mb))
        runs = []
        run = server.endpoint.pool.run
        server.endpoint.pool.run = lambda message, timeout: runs.append(message) or run(message, timeout)
        try:
            query = url + "/sparql?query=" + urllib.parse.quote("SELECT ?n WHERE { ?p foaf:name ?n } ORDER BY ?n")
            bodies = {_http(query, headers={"Accept": "text/csv"})[2] for _ in range(3)}
            assert len(bodies) == 1 and "n\r\n" in bodies.pop()
            assert len(runs) == expected_runs
            json_body = _http(query, headers={"Accept": "application/sparql-results+json"})[2]
            assert json_body.startswith("{")  # another format is another answer
        finally:
            server.shutdown()
            server.server_close()


def test_server_json_is_the_text_json_dumps_wrote():
    """serialize_solutions writes SPARQL JSON a term at a time: the same bytes as json.dumps
    of the bindings as dicts (invented terms: tags, datatypes, escapes, blanks, unbound)."""
    import json

    import pyoxigraph as ox

    from kg.serve.protocol import _json_term, serialize_solutions

    store = ox.Store()
    ex = "https://example.org/kg-test/"
    values = [ox.Literal("王某某", language="zh"), ox.Literal("a \"quoted\"\\ back\nline\ttab\x01\u2028😀", language="en-US"),
              ox.Literal("7", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
              ox.Literal("2024-05-21", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")),
              ox.Literal("1.50", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")),
              ox.Literal("x", datatype=ox.NamedNode(ex + "数据类型")), ox.Literal("某某县示例局"), ox.Literal(""),
              ox.NamedNode(ex + "机构/1?q=%22x%22&r=é"), ox.BlankNode("b1")]
    for i, value in enumerate(values):
        store.add(ox.Quad(ox.NamedNode(f"{ex}s{i}"), ox.NamedNode(ex + "p"), value))
    store.add(ox.Quad(ox.NamedNode(ex + "lonely"), ox.NamedNode(ex + "q"), ox.Literal("q")))

    def both(query: str) -> tuple[bytes, bytes]:
        result = store.query(query)
        variables = [v.value for v in result.variables]
        rows = [tuple(s) for s in result]
        bindings = [{v: _json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]
        wanted = json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                            ensure_ascii=False).encode("utf-8")
        return serialize_solutions(variables, rows, "json"), wanted

    for query in (f"SELECT ?s ?o ?none WHERE {{ ?s <{ex}p> ?o OPTIONAL {{ ?s <{ex}none> ?none }} }} ORDER BY ?s",
                  f"SELECT ?o WHERE {{ ?s <{ex}q> ?q OPTIONAL {{ ?s <{ex}p> ?o }} }}",  # a row with nothing bound
                  f"SELECT ?o WHERE {{ ?s <{ex}nothing> ?o }}",  # no rows
                  "SELECT * WHERE { }"):  # no variables, one row
        got, wanted = both(query)
        assert got == wanted
    got, _ = both(f"SELECT ?s ?o WHERE {{ ?s <{ex}p> ?o }}")
    assert len(json.loads(got)["results"]["bindings"]) == len(values)
