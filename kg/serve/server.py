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

import dataclasses
import html
import json
import threading
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .._version import __version__
from ..graph.namespace import PREFIXES
from .protocol import (
    _CONTENT_TYPES,
    AUTO_IN_MEMORY_QUADS,
    ProtocolError,
    ServerConfig,
    _safe_evaluate,
    check_query,
    is_update,
    negotiate,
    result_kind,
)
from .query import saved_queries
from .workers import _WorkerPool


class _ResultCache:
    """Answers of a read-only store by (query text, format): the store cannot change while
    it is served, so the same query has the same answer. Least recently used out first,
    at most ``limit`` bytes of bodies in all (a body over a tenth of that is not kept)."""

    def __init__(self, limit: int) -> None:
        from collections import OrderedDict

        self.limit = limit
        self.size = 0
        self.items: OrderedDict = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            found = self.items.get(key)
            if found is not None:
                self.items.move_to_end(key)
            return found

    def put(self, key, value: tuple[str, bytes]) -> None:
        size = len(value[1])
        if size > self.limit // 10:
            return
        with self.lock:
            if key in self.items:
                return
            self.items[key] = value
            self.size += size
            while self.size > self.limit:
                _, (_, body) = self.items.popitem(last=False)
                self.size -= len(body)


class Endpoint:
    """Runs protocol requests against one store, with the configured limits.

    Read-only (the default): queries run in worker processes that open the store
    read-only, so the timeout is hard. With updates allowed, one read-write store is
    shared in this process and the timeout only stops waiting (Oxigraph cannot cancel).
    """

    def __init__(self, config: ServerConfig, store_dir: str | None = None, ox_store=None, workers: int = 4):
        self.config = config
        self.store = ox_store
        self.pool = (_WorkerPool(store_dir, workers, config.in_memory, network=config.allow_network)
                     if ox_store is None else None)
        self.threads = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kg-sparql") if ox_store is not None else None
        self._write_lock = threading.Lock()
        # a read-only store never changes while served: the same query has the same answer
        self.cache = _ResultCache(config.cache_mb * 1_000_000) if self.pool is not None and config.cache_mb else None

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
        if self.threads is not None:
            self.threads.shutdown(wait=False, cancel_futures=True)

    def query(self, text: str, accept: str | None, param: str | None) -> tuple[str, bytes]:
        """Run a query; RETURNS (content type, body). RAISES ProtocolError."""
        words = check_query(text, self.config)
        if is_update(text, words):
            raise ProtocolError(400, "This is a SPARQL UPDATE sent as a query: send it as update= "
                                     "(and note this endpoint is read-only unless started with --allow-update)")
        fmt = negotiate(result_kind(text, words), accept, param)  # 406 before any work
        key = (text, fmt)
        cached = self.cache.get(key) if self.cache is not None else None
        if cached is not None:
            return cached
        message = (text, accept, param, self.config.max_results)
        if self.pool is not None:
            reply = self.pool.run(message, self.config.timeout)
        else:
            future = self.threads.submit(_safe_evaluate, self.store, *message)
            try:
                reply = future.result(timeout=self.config.timeout)
            except FutureTimeout:
                reply = ("timeout",)
        if reply[0] == "busy":
            raise ProtocolError(503, f"Every query worker stayed busy for {self.config.timeout:g} s (the --timeout "
                                     "limit): try again shortly, or start kg serve with more --workers",
                                retry_after=max(1, round(self.config.timeout)))
        if reply[0] == "timeout":
            raise ProtocolError(503, f"Query timed out after {self.config.timeout:g} s (the --timeout limit): "
                                     "narrow the query or add LIMIT, or start kg serve with a larger --timeout")
        if reply[0] == "err":
            raise ProtocolError(reply[1], reply[2])
        _, fmt, body = reply
        answer = (_CONTENT_TYPES[fmt] + "; charset=utf-8", body)
        if self.cache is not None:
            self.cache.put(key, answer)
        return answer

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
    protocol_version = "HTTP/1.1"  # keep-alive: a client sends many queries on one connection
    disable_nagle_algorithm = True  # headers and body go out at once (no 40 ms delayed-ACK stall)
    timeout = 60  # seconds a client may take to send its headers and body (a slow sender is dropped)
    endpoint: Endpoint  # set on the subclass made per server
    page: bytes

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)

    # -- helpers
    def _send(self, status: int, content_type: str, body: bytes, headers: dict | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if self.endpoint.config.cors:
            self.send_header("Access-Control-Allow-Origin", self.endpoint.config.cors)
        self.send_header("Vary", "Accept")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, err: ProtocolError, unread_body: bool = False) -> None:
        headers = {"Retry-After": str(err.retry_after)} if err.retry_after else {}
        if unread_body:  # the rest of the stream is not at a request boundary: end the connection
            self.close_connection = True
            headers["Connection"] = "close"
        self._send(err.status, "text/plain; charset=utf-8", f"kg serve: {err.message}\n".encode("utf-8"), headers)

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding"):
            raise ProtocolError(411, "Send the body with a Content-Length (chunked transfer is not accepted)")
        raw = (self.headers.get("Content-Length") or "0").strip()
        if not raw.isdigit():  # -1 would read to the end of the stream, abc would raise
            raise ProtocolError(400, f"Content-Length {raw!r} is not a length in bytes")
        length = int(raw)
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

    def _check_host(self) -> None:
        """Refuse a Host this server does not answer to (a rebound DNS name)."""
        host = (self.headers.get("Host") or "").strip().lower()
        name = host[1:host.index("]")] if host.startswith("[") and "]" in host else host.rsplit(":", 1)[0]
        if name not in self.server.hosts:
            raise ProtocolError(403, f"Host {host or '(none)'!r} is not served here: use "
                                     f"{' or '.join(sorted(self.server.hosts))} (kg serve --host)")

    # -- verbs
    def do_GET(self) -> None:  # noqa: N802
        url = urllib.parse.urlsplit(self.path)
        if self.headers.get("Transfer-Encoding") or (self.headers.get("Content-Length") or "0").strip() != "0":
            self.close_connection = True  # a body GET does not read: the stream ends with this answer
        try:
            self._check_host()
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
        body = None
        try:
            self._check_host()
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
            self._error(err, unread_body=body is None)

    def do_OPTIONS(self) -> None:  # noqa: N802
        self.send_response(204)
        if self.endpoint.config.cors:
            self.send_header("Access-Control-Allow-Origin", self.endpoint.config.cors)
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept, Authorization")
        self.send_header("Content-Length", "0")
        self.end_headers()


def render_page(config: ServerConfig) -> bytes:
    """The query page: a query box, the saved queries, results as a table (no network needed)."""
    # the endpoint runs on Oxigraph: each saved query in its Oxigraph form where it has one
    saved = {name: {"description": q.description, "text": q.text_for("oxigraph")} for name, q in saved_queries().items()}
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
    request_queue_size = 128  # the listen backlog: bursts of clients wait instead of being reset
    verbose = False  # log each request to stderr
    endpoint: Endpoint
    hosts: set[str]  # the Host names it answers to

    def server_close(self) -> None:
        super().server_close()
        if getattr(self, "endpoint", None) is not None:
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
    from ..graph.store import open_ox_store, resolve_store_dir

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
        # fails now, with the 'run "kg build" first' message, if missing
        on_disk = open_ox_store(out_dir)
        if config.in_memory is None:
            config = dataclasses.replace(config, in_memory=len(on_disk) <= AUTO_IN_MEMORY_QUADS)
        del on_disk
        # absolute: the query workers run in another folder
        endpoint = Endpoint(config, store_dir=str(resolve_store_dir(out_dir).resolve()), workers=workers)
        endpoint.pool.warm(None if config.in_memory else 1)  # one at least: the first query waits less
    handler = type("KgSparqlHandler", (_Handler,), {"endpoint": endpoint, "page": render_page(config)})
    try:
        server = KgServer((host, port), handler)
    except OSError as err:
        endpoint.close()
        import errno

        if err.errno == errno.EADDRINUSE:
            raise OSError(f"port {port} on {host} is in use - give another with --port "
                          "(or stop the server that holds it)") from None
        raise OSError(f"cannot listen on {host}:{port}: {err.strerror} - check --host and --port") from None
    server.endpoint = endpoint
    server.hosts = {h.lower() for h in config.hosts} | {host.lower()}
    return server
