"""``kg serve``: the SPARQL 1.1 Protocol over OUT/store, plus a query page.

Standard library HTTP (``ThreadingHTTPServer``) on top of the Oxigraph store:

- ``GET /sparql?query=…``, ``POST /sparql`` (form ``query=…`` or ``application/sparql-query``);
  results as SPARQL JSON, XML, CSV or TSV, graphs (CONSTRUCT/DESCRIBE) as Turtle,
  JSON-LD or N-Triples, chosen by ``Accept`` or a ``format``/``output`` parameter.
- ``GET /`` a self-contained page with a query box and the saved queries.
- Read-only unless the server is made with ``allow_update`` and a token; ``SERVICE``
  is refused; queries have a timeout, a length limit and a result-size cap, each
  answered with a status code and a one-line message that names the fix.
"""
from __future__ import annotations

import html
import json
import re
import threading
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from . import __version__
from .namespace import PREFIXES
from .query import saved_queries

# media type -> result format, in preference order for "*/*"
SOLUTION_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/n-triples": "nt",
    "text/plain": "nt",
}
# values of the format/output/results parameter (SPARQLWrapper sends all three)
_PARAM_FORMATS = {
    "json": ("json", "jsonld"), "xml": ("xml", None), "csv": ("csv", None), "tsv": ("tsv", None),
    "turtle": (None, "turtle"), "ttl": (None, "turtle"), "json-ld": (None, "jsonld"),
    "jsonld": (None, "jsonld"), "n3": (None, "turtle"), "nt": (None, "nt"),
}
_CONTENT_TYPES = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
    "jsonld": "application/ld+json", "nt": "application/n-triples",
}
_UPDATE_KEYWORDS = re.compile(
    r"^\s*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I | re.M)
_STRIP = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
_SERVICE = re.compile(r"\bSERVICE\b", re.I)


@dataclass(slots=True)
class ServerConfig:
    """Limits and permissions of the endpoint.

    timeout (float): seconds a query may run. Defaults to 30.
    max_results (int): most rows (or triples) a result may hold. Defaults to 100000.
    max_query_length (int): longest query or update text, in characters. Defaults to 100000.
    allow_update (bool): accept SPARQL UPDATE (with the token). Defaults to False.
    token (str | None): bearer token UPDATE requests must send.
    in_memory (bool): each query worker copies the store into RAM at start: queries run
        several times faster, at the cost of memory and start-up time. Defaults to False.
    """

    timeout: float = 30.0
    max_results: int = 100_000
    max_query_length: int = 100_000
    allow_update: bool = False
    token: str | None = None
    in_memory: bool = False


class ProtocolError(Exception):
    """An HTTP error with a status code and a message for the client."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def _code_only(text: str) -> str:
    """The query with strings, IRIs and comments blanked, so keyword checks see only syntax."""
    return _STRIP.sub(" ", text)


def check_query(text: str, config: ServerConfig) -> None:
    """Refuse what the endpoint never runs: over-long text and SERVICE (federation)."""
    if len(text) > config.max_query_length:
        raise ProtocolError(413, f"Query too long: {len(text)} characters, the limit is {config.max_query_length} "
                                 "(start kg serve with a larger --max-query-length)")
    if _SERVICE.search(_code_only(text)):
        raise ProtocolError(400, "SERVICE (federated query) is not allowed on this endpoint: "
                                 "query the remote endpoint directly")


def is_update(text: str) -> bool:
    """Whether the text is a SPARQL UPDATE (after PREFIX/BASE lines)."""
    code = re.sub(r"^\s*(PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)", " ", text, flags=re.I | re.M)
    return bool(_UPDATE_KEYWORDS.search(_code_only(code)))


def _accepts(header: str | None) -> list[str]:
    """Media types of an Accept header, best first (q-values honoured, order kept on ties)."""
    if not header:
        return []
    ranked = []
    for i, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if fields[0] and q > 0:
            ranked.append((-q, i, fields[0].lower()))
    return [m for _, _, m in sorted(ranked)]


def negotiate(kind: str, accept: str | None, param: str | None) -> str:
    """The result format for a query kind ("solutions" or "graph").

    kind (str): "solutions" (SELECT/ASK) or "graph" (CONSTRUCT/DESCRIBE).
    accept (str | None): the Accept header.
    param (str | None): a format/output parameter value, which wins when it fits the kind.
    RETURNS (str): json | xml | csv | tsv (solutions), turtle | jsonld | nt (graph).
    RAISES ProtocolError: 406 when nothing acceptable is available.
    """
    table = SOLUTION_TYPES if kind == "solutions" else GRAPH_TYPES
    if param:
        key = param.lower()
        pick = _PARAM_FORMATS.get(key) or (None, None)
        chosen = pick[0] if kind == "solutions" else pick[1]
        if chosen:
            return chosen
        mapped = table.get(key)  # a media type given as the parameter value
        if mapped:
            return mapped
    media = _accepts(accept)
    if not media:
        return "json" if kind == "solutions" else "turtle"
    for m in media:
        if m in table:
            return table[m]
        if m in ("*/*", "application/*", "text/*"):
            return "json" if kind == "solutions" else "turtle"
    offered = ", ".join(dict.fromkeys(table))
    raise ProtocolError(406, f"Cannot answer with {accept!r} for this query: use one of {offered}")


# ---------------------------------------------------------------- result serialisers

def _json_term(term) -> dict:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "literal", "value": str(term)}


def _xml_term(term) -> str:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return f"<uri>{xml_escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{xml_escape(term.value)}</bnode>"
    if term.language:
        return f'<literal xml:lang="{xml_escape(term.language)}">{xml_escape(term.value)}</literal>'
    if term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        return f'<literal datatype="{xml_escape(term.datatype.value)}">{xml_escape(term.value)}</literal>'
    return f"<literal>{xml_escape(term.value)}</literal>"


def _csv_cell(term) -> str:
    import pyoxigraph as ox

    if term is None:
        return ""
    value = f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value
    if any(c in value for c in ',"\n\r'):
        value = '"' + value.replace('"', '""') + '"'
    return value


def serialize_solutions(variables: list[str], rows: list[list], fmt: str) -> bytes:
    """SELECT results as SPARQL 1.1 JSON, XML, CSV or TSV."""
    if fmt == "json":
        bindings = [{v: _json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        parts = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
        parts += [f'<variable name="{xml_escape(v)}"/>' for v in variables]
        parts.append("</head><results>")
        for row in rows:
            parts.append("<result>")
            parts += [f'<binding name="{xml_escape(v)}">{_xml_term(t)}</binding>'
                      for v, t in zip(variables, row) if t is not None]
            parts.append("</result>")
        parts.append("</results></sparql>\n")
        return "".join(parts).encode("utf-8")
    if fmt == "csv":
        lines = [",".join(variables)] + [",".join(_csv_cell(t) for t in row) for row in rows]
        return ("\r\n".join(lines) + "\r\n").encode("utf-8")
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(f"Unexpected solutions format: {fmt!r}")


def serialize_boolean(value: bool, fmt: str) -> bytes:
    """ASK results."""
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode()
    if fmt == "xml":
        return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{str(value).lower()}</boolean></sparql>\n").encode()
    return f"_askResult\r\n{str(value).lower()}\r\n".encode()


def serialize_graph(triples: list, fmt: str) -> bytes:
    """CONSTRUCT/DESCRIBE results as Turtle, JSON-LD or N-Triples."""
    import pyoxigraph as ox

    if fmt == "turtle":
        return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=dict(PREFIXES)) or b""
    if fmt == "jsonld":
        return ox.serialize(triples, format=ox.RdfFormat.JSON_LD) or b"[]"
    if fmt == "nt":
        return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    raise ValueError(f"Unexpected graph format: {fmt!r}")


# ---------------------------------------------------------------- the endpoint

def evaluate(ox_store, text: str, accept: str | None, param: str | None, cap: int) -> tuple[str, bytes]:
    """Run one query on a pyoxigraph store and serialise the result (capped at ``cap``).

    RETURNS (tuple[str, bytes]): the format name and the body. RAISES ProtocolError.
    """
    import pyoxigraph as ox

    try:
        result = ox_store.query(text, prefixes=dict(PREFIXES))
    except SyntaxError as err:
        from .query import _syntax_error

        raise ProtocolError(400, str(_syntax_error(err))) from None
    too_large = (f"Result too large: more than {cap} %s (the --max-results cap): "
                 "add LIMIT to the query or start kg serve with a larger --max-results")
    if isinstance(result, ox.QueryBoolean):
        fmt = negotiate("solutions", accept, param)
        return fmt, serialize_boolean(bool(result), fmt)
    if isinstance(result, ox.QuerySolutions):
        fmt = negotiate("solutions", accept, param)
        variables = [v.value for v in result.variables]
        rows = []
        for solution in result:
            rows.append([solution[i] for i in range(len(variables))])
            if len(rows) > cap:
                del result  # pyoxigraph results must be dropped on the thread that made them
                raise ProtocolError(413, too_large % "rows")
        return fmt, serialize_solutions(variables, rows, fmt)
    fmt = negotiate("graph", accept, param)
    triples = []
    for triple in result:
        triples.append(triple)
        if len(triples) > cap:
            del result
            raise ProtocolError(413, too_large % "triples")
    return fmt, serialize_graph(triples, fmt)


def _safe_evaluate(ox_store, text, accept, param, cap) -> tuple:
    # errors travel as values: an exception's traceback would keep pyoxigraph objects
    # alive into another thread, and they must die on the thread that made them
    try:
        return ("ok",) + evaluate(ox_store, text, accept, param, cap)
    except ProtocolError as err:
        return ("err", err.status, err.message)
    except Exception as err:  # evaluation errors from Oxigraph
        return ("err", 500, f"Query failed: {err}")


def _send_frame(stream, obj) -> None:
    import pickle
    import struct

    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack("!Q", len(data)) + data)
    stream.flush()


def _read_exact(stream, n: int) -> bytes:
    chunks, got = [], 0
    while got < n:
        chunk = stream.read(n - got)
        if not chunk:
            raise EOFError("query worker closed its pipe")
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _recv_frame(stream):
    import pickle
    import struct

    (length,) = struct.unpack("!Q", _read_exact(stream, 8))
    return pickle.loads(_read_exact(stream, length))


def worker_loop(store_dir: str, in_memory: bool = False) -> None:
    """A query worker process (``python -m kg.server STORE_DIR [--in-memory]``): opens the
    store read-only (copied into RAM with ``in_memory``), says it is ready, then answers
    framed queries on stdin with framed replies on stdout."""
    import sys

    import pyoxigraph as ox

    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    try:
        ox_store = ox.Store.read_only(store_dir)
        if in_memory:
            ram = ox.Store()  # no path: kept in memory
            ram.bulk_extend(ox_store)
            ox_store = ram
    except Exception as err:  # noqa: BLE001 - reported to the server, which names it
        _send_frame(stdout, ("failed", str(err)))
        return
    _send_frame(stdout, ("ready",))
    while True:
        try:
            message = _recv_frame(stdin)
        except EOFError:
            return
        if message is None:
            return
        _send_frame(stdout, _safe_evaluate(ox_store, *message))


class _WorkerPool:
    """Query worker processes: a query that runs past the timeout is stopped by killing its
    worker (Oxigraph cannot cancel a running query), so it frees its CPU and memory."""

    def __init__(self, store_dir: str, size: int, in_memory: bool = False, start_timeout: float = 900.0):
        import queue

        self.store_dir = store_dir
        self.size = size
        self.in_memory = in_memory
        self.start_timeout = start_timeout
        self.idle: queue.LifoQueue = queue.LifoQueue()
        self.started = 0
        self.lock = threading.Lock()
        self.all: list = []

    def _start(self):
        import subprocess
        import sys

        # a fresh interpreter (not fork: this server is threaded; not multiprocessing
        # spawn: it would re-import the caller's __main__)
        import select

        process = subprocess.Popen(
            [sys.executable, "-m", "kg.server", self.store_dir] + (["--in-memory"] if self.in_memory else []),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            cwd=str(Path(__file__).resolve().parent.parent),
        )
        with self.lock:
            self.all.append(process)
        # wait until the worker has opened (or copied) the store: not part of any query's time
        ready, _, _ = select.select([process.stdout], [], [], self.start_timeout)
        try:
            hello = _recv_frame(process.stdout) if ready else ("failed", "no answer")
        except (EOFError, OSError) as err:
            hello = ("failed", str(err))
        if hello[0] != "ready":
            self.discard(process)
            raise ProtocolError(500, f"Query worker could not open the store {self.store_dir}: {hello[1]}")
        return process

    def warm(self) -> None:
        """Start every worker now (so the first queries do not wait for a store copy)."""
        with self.lock:
            missing = self.size - self.started
            self.started = self.size
        for _ in range(missing):
            self.idle.put(self._start())

    def acquire(self):
        import queue

        with self.lock:
            try:
                return self.idle.get_nowait()
            except queue.Empty:
                start = self.started < self.size
                if start:
                    self.started += 1
        return self._start() if start else self.idle.get()

    def discard(self, process) -> None:
        process.kill()
        process.wait(5)
        for stream in (process.stdin, process.stdout):
            stream.close()
        with self.lock:
            if process in self.all:
                self.all.remove(process)
            self.started -= 1

    def close(self) -> None:
        with self.lock:
            processes = list(self.all)
            self.all.clear()
        for process in processes:
            process.kill()
            process.wait(5)
            for stream in (process.stdin, process.stdout):
                stream.close()

    def run(self, message: tuple, timeout: float) -> tuple:
        import select

        process = self.acquire()
        try:
            _send_frame(process.stdin, message)
            ready, _, _ = select.select([process.stdout], [], [], timeout)
            if not ready:
                self.discard(process)
                return ("timeout",)
            reply = _recv_frame(process.stdout)
        except (EOFError, OSError, ValueError) as err:
            self.discard(process)
            return ("err", 500, f"Query worker failed ({err}); the query may need more memory than is available")
        self.idle.put(process)
        return reply


class Endpoint:
    """Runs protocol requests against one store, with the configured limits.

    Read-only (the default): queries run in worker processes that open the store
    read-only, so the timeout is hard. With updates allowed, one read-write store is
    shared in this process and the timeout only stops waiting (Oxigraph cannot cancel).
    """

    def __init__(self, config: ServerConfig, store_dir: str | None = None, ox_store=None, workers: int = 4):
        self.config = config
        self.store = ox_store
        self.pool = _WorkerPool(store_dir, workers, config.in_memory) if ox_store is None else None
        self.threads = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kg-sparql") if ox_store is not None else None
        self._write_lock = threading.Lock()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
        if self.threads is not None:
            self.threads.shutdown(wait=False, cancel_futures=True)

    def query(self, text: str, accept: str | None, param: str | None) -> tuple[str, bytes]:
        """Run a query; RETURNS (content type, body). RAISES ProtocolError."""
        check_query(text, self.config)
        if is_update(text):
            raise ProtocolError(400, "This is a SPARQL UPDATE sent as a query: send it as update= "
                                     "(and note this endpoint is read-only unless started with --allow-update)")
        negotiate("solutions" if not re.search(r"\b(CONSTRUCT|DESCRIBE)\b", _code_only(text), re.I) else "graph",
                  accept, param)  # 406 before any work
        message = (text, accept, param, self.config.max_results)
        if self.pool is not None:
            reply = self.pool.run(message, self.config.timeout)
        else:
            future = self.threads.submit(_safe_evaluate, self.store, *message)
            try:
                reply = future.result(timeout=self.config.timeout)
            except FutureTimeout:
                reply = ("timeout",)
        if reply[0] == "timeout":
            raise ProtocolError(503, f"Query timed out after {self.config.timeout:g} s (the --timeout limit): "
                                     "narrow the query or add LIMIT, or start kg serve with a larger --timeout")
        if reply[0] == "err":
            raise ProtocolError(reply[1], reply[2])
        _, fmt, body = reply
        return _CONTENT_TYPES[fmt] + "; charset=utf-8", body

    def update(self, text: str, authorization: str | None) -> None:
        """Run an update if the endpoint allows it and the token matches. RAISES ProtocolError."""
        if not self.config.allow_update or self.store is None:
            raise ProtocolError(403, "This endpoint is read-only: SPARQL UPDATE is refused "
                                     "(start kg serve with --allow-update --token TOKEN to accept updates)")
        import hmac

        expected = f"Bearer {self.config.token}"
        if not self.config.token or not authorization or not hmac.compare_digest(authorization, expected):
            raise ProtocolError(401, "UPDATE needs the server's token: send 'Authorization: Bearer TOKEN'")
        check_query(text, self.config)
        try:
            with self._write_lock:
                self.store.update(text, prefixes=dict(PREFIXES))
                self.store.flush()
        except SyntaxError as err:
            from .query import _syntax_error

            raise ProtocolError(400, str(_syntax_error(err))) from None


class _Handler(BaseHTTPRequestHandler):
    server_version = f"kg/{__version__}"
    endpoint: Endpoint  # set on the subclass made per server
    page: bytes

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)

    # -- helpers
    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Vary", "Accept")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, err: ProtocolError) -> None:
        self._send(err.status, "text/plain; charset=utf-8", f"kg serve: {err.message}\n".encode("utf-8"))

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        # the body holds the query (maybe form-encoded): cap it before reading
        limit = self.endpoint.config.max_query_length * 4 + 1024
        if length > limit:
            raise ProtocolError(413, f"Request body too large: {length} bytes, the limit is {limit} "
                                     "(start kg serve with a larger --max-query-length)")
        return self.rfile.read(length) if length else b""

    def _dispatch(self, params: dict[str, list[str]], body_query: str | None = None,
                  body_update: str | None = None) -> None:
        fmt = next((params[k][0] for k in ("format", "output", "results") if params.get(k)), None)
        queries = params.get("query", []) + ([body_query] if body_query is not None else [])
        updates = params.get("update", []) + ([body_update] if body_update is not None else [])
        if updates and self.command == "GET":
            raise ProtocolError(400, "SPARQL UPDATE must be sent with POST (update=… or application/sparql-update)")
        if updates:
            self.endpoint.update(updates[0], self.headers.get("Authorization"))
            self._send(200, "text/plain; charset=utf-8", b"kg serve: update applied\n")
            return
        if len(queries) != 1:
            raise ProtocolError(400, "Send exactly one query: GET /sparql?query=… or POST query=… "
                                     "(application/x-www-form-urlencoded or application/sparql-query)")
        content_type, body = self.endpoint.query(queries[0], self.headers.get("Accept"), fmt)
        self._send(200, content_type, body)

    # -- verbs
    def do_GET(self) -> None:  # noqa: N802
        url = urllib.parse.urlsplit(self.path)
        try:
            if url.path in ("/", "/index.html"):
                self._send(200, "text/html; charset=utf-8", self.page)
            elif url.path == "/sparql":
                params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
                if not params.get("query") and not params.get("update"):
                    self._send(200, "text/html; charset=utf-8", self.page)
                    return
                self._dispatch(params)
            else:
                raise ProtocolError(404, f"No resource {url.path}: the endpoint is /sparql, the query page is /")
        except ProtocolError as err:
            self._error(err)

    do_HEAD = do_GET

    def do_POST(self) -> None:  # noqa: N802
        url = urllib.parse.urlsplit(self.path)
        try:
            if url.path != "/sparql":
                raise ProtocolError(404, f"No resource {url.path}: POST queries to /sparql")
            body = self._read_body()
            params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
            media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            text = body.decode("utf-8", errors="replace")
            if media == "application/x-www-form-urlencoded":
                for key, values in urllib.parse.parse_qs(text, keep_blank_values=True).items():
                    params.setdefault(key, []).extend(values)
                self._dispatch(params)
            elif media == "application/sparql-query":
                self._dispatch(params, body_query=text)
            elif media == "application/sparql-update":
                self._dispatch(params, body_update=text)
            else:
                raise ProtocolError(415, f"Unsupported Content-Type {media or '(none)'!r}: use "
                                         "application/x-www-form-urlencoded, application/sparql-query "
                                         "or application/sparql-update")
        except ProtocolError as err:
            self._error(err)

    def do_OPTIONS(self) -> None:  # noqa: N802
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept, Authorization")
        self.send_header("Content-Length", "0")
        self.end_headers()


def render_page(config: ServerConfig) -> bytes:
    """The query page: a query box, the saved queries, results as a table (no network needed)."""
    saved = {name: {"description": q.description, "text": q.text} for name, q in saved_queries().items()}
    # JSON inside <script>: escape "<" so no text can close the script element
    data = json.dumps(saved, ensure_ascii=False).replace("<", "\\u003c")
    mode = "read-write (UPDATE needs the token)" if config.allow_update else "read-only"
    return _PAGE.replace("__SAVED__", data).replace("__MODE__", html.escape(mode)).replace(
        "__VERSION__", html.escape(__version__)).encode("utf-8")


_PAGE = """<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>kg SPARQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,"Noto Sans CJK SC","WenQuanYi Zen Hei","Microsoft YaHei","PingFang SC",sans-serif;margin:1.5em;color:#222}
textarea{width:100%;height:14em;font-family:ui-monospace,"Noto Sans Mono CJK SC",monospace;font-size:13px}
table{border-collapse:collapse;margin-top:1em;font-size:14px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f3f3f3}#status{margin:.6em 0;color:#555}#status.err{color:#b00020;white-space:pre-wrap}
select,button{font-size:14px;margin-right:.5em}small{color:#666}pre{white-space:pre-wrap}
</style></head><body>
<h1>kg SPARQL endpoint</h1>
<p><small>POST or GET <code>/sparql</code> (SPARQL 1.1 Protocol) &middot; __MODE__ &middot; kg __VERSION__</small></p>
<p><label>Saved query: <select id="saved"><option value="">(choose)</option></select></label>
<span id="desc"></span></p>
<textarea id="q" spellcheck="false">SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n)</textarea>
<p><button id="run">Run</button><label>Format: <select id="fmt">
<option value="application/sparql-results+json">table</option><option value="text/csv">CSV</option>
<option value="text/tab-separated-values">TSV</option><option value="application/sparql-results+xml">XML</option>
<option value="text/turtle">Turtle (CONSTRUCT)</option><option value="application/ld+json">JSON-LD (CONSTRUCT)</option>
</select></label></p>
<div id="status"></div><div id="out"></div>
<script>
const SAVED = __SAVED__;
const sel = document.getElementById("saved"), q = document.getElementById("q");
for (const name of Object.keys(SAVED)) { const o = document.createElement("option"); o.value = name; o.textContent = name; sel.appendChild(o); }
sel.onchange = () => { const s = SAVED[sel.value]; if (s) { q.value = s.text; document.getElementById("desc").textContent = s.description; } };
function cell(t) { if (!t) return ""; return t.type === "literal" && t["xml:lang"] ? t.value + " @" + t["xml:lang"] : t.value; }
document.getElementById("run").onclick = async () => {
  const status = document.getElementById("status"), out = document.getElementById("out");
  status.className = ""; status.textContent = "running…"; out.textContent = "";
  const accept = document.getElementById("fmt").value, t0 = performance.now();
  try {
    const r = await fetch("sparql", {method: "POST", headers: {"Content-Type": "application/sparql-query", "Accept": accept}, body: q.value});
    const text = await r.text();
    if (!r.ok) { status.className = "err"; status.textContent = r.status + " " + text; return; }
    const ms = Math.round(performance.now() - t0);
    if (accept.endsWith("+json") && (r.headers.get("Content-Type") || "").includes("sparql-results+json")) {
      const data = JSON.parse(text);
      if ("boolean" in data) { status.textContent = "ASK: " + data.boolean + " (" + ms + " ms)"; return; }
      const vars = data.head.vars, rows = data.results.bindings, table = document.createElement("table");
      const head = table.insertRow(); for (const v of vars) { const th = document.createElement("th"); th.textContent = v; head.appendChild(th); }
      for (const b of rows) { const tr = table.insertRow(); for (const v of vars) tr.insertCell().textContent = cell(b[v]); }
      status.textContent = rows.length + " rows (" + ms + " ms)"; out.appendChild(table);
    } else { const pre = document.createElement("pre"); pre.textContent = text; out.appendChild(pre); status.textContent = ms + " ms"; }
  } catch (e) { status.className = "err"; status.textContent = String(e); }
};
</script></body></html>
"""


class KgServer(ThreadingHTTPServer):
    """ThreadingHTTPServer that also stops the query workers when closed."""

    daemon_threads = True
    verbose = False  # log each request to stderr
    endpoint: Endpoint

    def server_close(self) -> None:
        super().server_close()
        self.endpoint.close()


def make_server(out_dir: Path | str | None, host: str = "127.0.0.1", port: int = 7878,
                config: ServerConfig | None = None, ox_store=None, workers: int = 4) -> KgServer:
    """An HTTP server for OUT/store (call ``serve_forever()``; port 0 picks a free port).

    out_dir (Path | str | None): the build folder (None when ``ox_store`` is given).
    host (str): interface to bind. Defaults to loopback.
    port (int): TCP port. Defaults to 7878.
    config (ServerConfig | None): limits and permissions. Defaults to read-only.
    ox_store (pyoxigraph.Store | None): serve this store in-process instead of OUT/store.
    workers (int): query worker processes (threads with ``ox_store``). Defaults to 4.
    RETURNS (KgServer): the bound server; ``server_close()`` also stops the workers.
    """
    from .store import open_ox_store, resolve_store_dir

    config = config or ServerConfig()
    if config.allow_update and not config.token:
        raise ValueError("allow_update needs a token: updates must be authorised")
    if config.allow_update and config.in_memory:
        raise ValueError("in_memory serves copies of the store: it cannot be combined with allow_update")
    if ox_store is None and config.allow_update:
        ox_store = open_ox_store(out_dir, read_only=False)
    if ox_store is not None:
        endpoint = Endpoint(config, ox_store=ox_store, workers=workers)
    else:
        open_ox_store(out_dir)  # fail now, with the 'run "kg build" first' message, if missing
        endpoint = Endpoint(config, store_dir=str(resolve_store_dir(out_dir)), workers=workers)
        if config.in_memory:
            endpoint.pool.warm()
    handler = type("KgSparqlHandler", (_Handler,), {"endpoint": endpoint, "page": render_page(config)})
    server = KgServer((host, port), handler)
    server.endpoint = endpoint
    return server


if __name__ == "__main__":  # a query worker of _WorkerPool
    import sys as _sys

    worker_loop(_sys.argv[1], in_memory="--in-memory" in _sys.argv[2:])
