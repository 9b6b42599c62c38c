"""Talk to a SPARQL server: push a build's graph into it (SPARQL 1.1 Graph Store HTTP
Protocol) and query it (SPARQL 1.1 Protocol). Standard-library HTTP (urllib) only.

A push is idempotent per named graph: it DELETEs the graph, then POSTs the triples as
N-Triples in chunks of bounded size, so pushing twice leaves the same graph, not two
copies. Connection errors and 5xx answers are retried with exponential backoff (POSTing
a chunk again adds nothing: a graph is a set of triples). HTTP digest and basic
authentication are answered up front once the server has asked, so each chunk crosses
the network once.

A remote query's answer becomes an rdflib ``Result``, printed by ``kg.serve.query``'s
printers exactly as a local one.
"""
from __future__ import annotations

import base64
import http.client
import io
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from ..graph.namespace import KGR_NS, PREFIXES
from ..graph.store import GRAPH_FILENAME
from .protocol import is_update, keywords

#: the named graph ``kg push`` writes when no --graph is given
DEFAULT_GRAPH = KGR_NS + "graph"
CHUNK_BYTES = 4 * 1024 * 1024
_BATCH = 5_000  # triples serialised at a time
_RETRY_STATUS = {429, 500, 502, 503, 504}
_MAX_GET = 2_000  # longer query URLs go as a POST form
_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
_RDF_TYPES = {"text/turtle": "turtle", "application/x-turtle": "turtle", "application/n-triples": "nt",
              "text/plain": "nt", "application/rdf+xml": "xml", "application/ld+json": "json-ld"}
_DECLARED = re.compile(r"^\s*PREFIX\s+([^\s:]*):", re.IGNORECASE | re.MULTILINE)

Progress = Callable[[int, int, int], None]  # (chunks, triples, bytes) sent so far


class RemoteError(Exception):
    """A request to a SPARQL server failed; the message says why and what to try."""


@dataclass(frozen=True)
class PushReport:
    """What ``push`` sent: the graph, the chunks, the triples and bytes, the seconds taken."""

    endpoint: str
    graph: str
    triples: int
    chunks: int
    bytes: int
    seconds: float

    def text(self) -> str:
        rate = self.bytes / 1e6 / self.seconds if self.seconds else 0.0
        return (f"pushed {self.triples:,} triples ({self.bytes / 1e6:.1f} MB in {self.chunks} chunk(s)) "
                f"into <{self.graph}> at {self.endpoint} in {self.seconds:.1f} s ({rate:.1f} MB/s)")


# ---- authentication: urllib's handlers, answering up front once challenged ----

class _Digest(urllib.request.HTTPDigestAuthHandler):
    """Digest authentication that, once the server has sent a challenge, signs every later
    request with it (the nonce count goes up), so a chunk is not sent unsigned first."""

    def __init__(self, passwords) -> None:
        super().__init__(passwords)
        self._challenge: dict | None = None

    def retry_http_digest_auth(self, req, auth):
        challenge = auth.split(" ", 1)[1] if " " in auth else ""
        self._challenge = urllib.request.parse_keqv_list(filter(None, urllib.request.parse_http_list(challenge)))
        return super().retry_http_digest_auth(req, auth)

    def http_request(self, req):
        if self._challenge and not req.get_header("Authorization"):
            value = self.get_authorization(req, self._challenge)
            if value:
                req.add_unredirected_header("Authorization", f"Digest {value}")
        return req

    https_request = http_request


class _Basic(urllib.request.HTTPBasicAuthHandler):
    """Basic authentication, sent up front once the server has asked for it (never before:
    a digest server is never sent the password in the clear)."""

    _asked = False

    def retry_http_basic_auth(self, host, req, realm):
        self._asked = True
        return super().retry_http_basic_auth(host, req, realm)

    def http_request(self, req):
        if self._asked and not req.get_header("Authorization"):
            user, password = self.passwd.find_user_password(None, req.full_url)
            if user is not None:
                token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
                req.add_unredirected_header("Authorization", f"Basic {token}")
        return req

    https_request = http_request


def _opener(url: str, user: str | None, password: str | None) -> urllib.request.OpenerDirector:
    if user is None:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, url, user, password or "")
    return urllib.request.build_opener(_Digest(passwords), _Basic(passwords))


# ---- requests: retries, backoff, clear errors ----

def _excerpt(body: bytes, limit: int = 400) -> str:
    text = re.sub(r"<[^>]+>", " ", body.decode("utf-8", "replace"))
    text = " ".join(text.split())
    return text[:limit] + (" ..." if len(text) > limit else "")


def _where(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


def _http_message(code: int, reason: str, url: str, body: bytes, kind: str, authenticated: bool) -> str:
    where = _where(url)
    if code == 401:
        hint = ("check --user and --password" if authenticated
                else "the server asks for a user and password: give --user and --password")
        return f"{where}: authentication failed (HTTP 401) - {hint}"
    if code == 403:
        return (f"{where}: forbidden (HTTP 403) - the user may not do this here "
                f"(Virtuoso: GRANT SPARQL_UPDATE TO the user){': ' + _excerpt(body) if body else ''}")
    if code in (404, 501):  # Virtuoso answers 501 to a DELETE on a path it does not serve
        hint = ("is it the Graph Store endpoint? Virtuoso: /sparql-graph-crud-auth (digest auth), "
                "Fuseki: /DATASET/data, Oxigraph server: /store" if kind == "push" else
                "is it a SPARQL endpoint? Virtuoso: /sparql, Fuseki: /DATASET/sparql, Oxigraph server: /query")
        return f"{where}: {'not found' if code == 404 else 'not implemented'} (HTTP {code}) - {hint}"
    if code == 405:
        return f"{where}: method not allowed (HTTP 405) - a read-only endpoint?"
    if code == 413:
        return f"{where}: request too large (HTTP 413) - push smaller chunks (--chunk-mb)"
    detail = _excerpt(body)
    return f"{where}: HTTP {code} {reason}" + (f": {detail}" if detail else "")


def _send(opener, method: str, url: str, data: bytes | None = None, headers: dict | None = None, *,
          kind: str, authenticated: bool, retries: int, backoff: float, timeout: float,
          ok: tuple[int, ...] = (), log: Callable[[str], None] | None = None) -> tuple[int, object, bytes]:
    """One request, retried on connection errors and 429/5xx with exponential backoff.

    RETURNS (tuple): status, headers, body. A status in ``ok`` counts as success.
    RAISES RemoteError: the server refused, or could not be reached after ``retries`` retries.
    """
    for attempt in range(retries + 1):
        request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
        try:
            with opener.open(request, timeout=timeout) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as err:
            body = err.read() if err.fp is not None else b""
            if err.code in ok:
                return err.code, err.headers, body
            message = _http_message(err.code, str(err.reason), url, body, kind, authenticated)
            if err.code not in _RETRY_STATUS or attempt == retries:
                raise RemoteError(message + (f" (after {retries} retries)" if attempt and attempt == retries else "")) from None
            after = err.headers.get("Retry-After", "") if err.headers else ""
            wait = min(float(after), 60.0) if after.isdigit() else backoff * 2 ** attempt
        except (OSError, http.client.HTTPException) as err:  # refused, reset, timed out, DNS
            reason = getattr(err, "reason", None) or err
            message = f"cannot reach {_where(url)}: {reason}"
            if attempt == retries:
                raise RemoteError(message + (f" (after {retries} retries)" if retries else "")
                                  + " - is the server running, and the URL right?") from None
            wait = backoff * 2 ** attempt
        if log is not None:
            log(f"{message}; retrying in {wait:g} s ({attempt + 1}/{retries})")
        time.sleep(wait)
    raise AssertionError("unreachable")


def _with_params(url: str, **params: str) -> str:
    return url + ("&" if "?" in url else "?") + urllib.parse.urlencode(params)


# ---- push (Graph Store HTTP Protocol) ----

def graph_file(source: str | Path) -> Path:
    """The RDF file a push reads: ``OUT/graph.ttl`` of a build folder, or a .ttl/.nt file."""
    path = Path(source)
    if path.is_dir():
        path = path / GRAPH_FILENAME
        if not path.is_file():
            raise FileNotFoundError(f'No {GRAPH_FILENAME} in "{source}" - run "kg build" first')
        return path
    if not path.is_file():
        raise FileNotFoundError(f'"{source}" not found - give a kg build folder, a .ttl or an .nt file')
    if path.suffix not in (".ttl", ".nt"):
        raise ValueError(f'"{source}" is not a build folder, a .ttl or an .nt file')
    return path


def ntriples_chunks(path: str | Path, chunk_bytes: int = CHUNK_BYTES) -> Iterator[bytes]:
    """The triples of a Turtle or N-Triples file as N-Triples, in chunks of at most
    ``chunk_bytes`` (one line longer than that is a chunk of its own), read as a stream.

    Triples with a blank node all go in the last chunk: a server reads each request as a
    document of its own, and a blank node split across two would become two nodes.
    """
    import pyoxigraph as ox

    path = Path(path)
    fmt = ox.RdfFormat.N_TRIPLES if path.suffix == ".nt" else ox.RdfFormat.TURTLE
    quads = ox.parse(path=str(path), format=fmt)
    pending = bytearray()
    blank: list = []
    try:
        while batch := list(islice(quads, _BATCH)):
            ground = [q for q in batch
                      if not (isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode))]
            if len(ground) < len(batch):
                blank += [q for q in batch
                          if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode)]
            pending += ox.serialize(ground, format=ox.RdfFormat.N_TRIPLES)
            while len(pending) >= chunk_bytes:
                cut = pending.rfind(b"\n", 0, chunk_bytes) + 1 or pending.find(b"\n") + 1
                yield bytes(pending[:cut])
                del pending[:cut]
    except SyntaxError as err:
        raise ValueError(f"{path}: {err}") from err
    if pending:
        yield bytes(pending)
    if blank:
        yield ox.serialize(blank, format=ox.RdfFormat.N_TRIPLES)


def push(source: str | Path, endpoint: str, graph: str = DEFAULT_GRAPH, *, user: str | None = None,
         password: str | None = None, chunk_bytes: int = CHUNK_BYTES, retries: int = 5, backoff: float = 1.0,
         timeout: float = 300.0, progress: Progress | None = None,
         log: Callable[[str], None] | None = None) -> PushReport:
    """Replace a named graph on a SPARQL server with a build's graph (Graph Store Protocol).

    source (str | Path): a build folder (its graph.ttl) or a .ttl/.nt file.
    endpoint (str): the Graph Store endpoint, e.g. http://host:8890/sparql-graph-crud-auth
        (Virtuoso), http://host:3030/DATASET/data (Fuseki), http://host:7878/store (Oxigraph).
    graph (str): the named graph's IRI. Defaults to ``DEFAULT_GRAPH``.
    user, password (str | None): for HTTP digest or basic authentication.
    chunk_bytes (int): the most N-Triples bytes a request carries.
    retries (int): retries of a request after a connection error or a 429/5xx answer.
    backoff (float): seconds before the first retry; doubled for each next one.
    timeout (float): seconds a request may take.
    progress (callable | None): called after each chunk with (chunks, triples, bytes) so far.
    log (callable | None): told of each retry.
    RETURNS (PushReport): what was sent.
    RAISES RemoteError: the server refused or could not be reached (the graph may then be partial).
    """
    path = graph_file(source)
    url = _with_params(endpoint, graph=graph)
    opener = _opener(endpoint, user, password)
    common = {"kind": "push", "authenticated": user is not None, "retries": retries, "backoff": backoff,
              "timeout": timeout, "log": log}
    start = time.perf_counter()
    _send(opener, "DELETE", url, ok=(404,), **common)  # the graph starts empty: pushing twice is pushing once
    chunks = triples = sent = 0
    for chunk in ntriples_chunks(path, chunk_bytes):
        _send(opener, "POST", url, chunk, {"Content-Type": "application/n-triples"}, **common)
        chunks += 1
        triples += chunk.count(b"\n")
        sent += len(chunk)
        if progress is not None:
            progress(chunks, triples, sent)
    return PushReport(endpoint, graph, triples, chunks, sent, time.perf_counter() - start)


# ---- query (SPARQL 1.1 Protocol) ----

def with_prefixes(text: str) -> str:
    """The query with the kg prefixes it uses but does not declare declared on one first
    line, as a local ``kg query`` predeclares them (so line N of the text becomes N + 1)."""
    declared = set(_DECLARED.findall(text))
    missing = [f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items()
               if p not in declared and re.search(rf"(?<![\w.\-]){re.escape(p)}:", text)]
    return " ".join(missing) + "\n" + text if missing else text


def query(endpoint: str, text: str, *, graph: str | None = None, user: str | None = None,
          password: str | None = None, retries: int = 2, backoff: float = 1.0, timeout: float = 300.0,
          log: Callable[[str], None] | None = None):
    """Run a query on a remote SPARQL endpoint (GET, or a POST form when long).

    endpoint (str): the query endpoint, e.g. http://host:8890/sparql.
    text (str): SPARQL query text (kg's prefixes are added where undeclared).
    graph (str | None): the default graph to query (``default-graph-uri``); None: the server's.
    RETURNS (rdflib.query.Result): as a local ``kg query`` gets it, for ``format_result``.
    RAISES ValueError: the text is an update. RemoteError: the server refused or is unreachable.
    """
    from rdflib import Graph
    from rdflib.query import Result

    words = keywords(text)
    if is_update(text, words):
        raise ValueError("kg query runs queries, not updates - load a build with kg push")
    form = next((w for w in words if w in _FORMS), "SELECT")
    is_graph = form in ("CONSTRUCT", "DESCRIBE")
    accept = "text/turtle, application/n-triples;q=0.9" if is_graph else "application/sparql-results+json"
    sent = with_prefixes(text)
    params = [("query", sent)] + ([("default-graph-uri", graph)] if graph else [])
    body = urllib.parse.urlencode(params)
    opener = _opener(endpoint, user, password)
    common = {"kind": "query", "authenticated": user is not None, "retries": retries, "backoff": backoff,
              "timeout": timeout, "log": log}
    try:
        if len(endpoint) + len(body) < _MAX_GET:
            url = endpoint + ("&" if "?" in endpoint else "?") + body
            _, headers, data = _send(opener, "GET", url, headers={"Accept": accept}, **common)
        else:
            _, headers, data = _send(opener, "POST", endpoint, body.encode("ascii"),
                                     {"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
                                     **common)
    except RemoteError as err:
        if sent != text and "HTTP 400" in str(err):
            raise RemoteError(f"{err} (kg sent a line of PREFIX declarations first: the server's line 2 is "
                              "the query's line 1)") from None
        raise
    ctype = headers.get_content_type() if headers else ""
    try:
        if is_graph:
            result = Result("CONSTRUCT")
            result.graph = Graph().parse(data=data, format=_RDF_TYPES.get(ctype, "turtle"))
            return result
        result = Result.parse(io.BytesIO(data), format="xml" if "xml" in ctype else "json")
    except Exception as err:  # noqa: BLE001  (rdflib's JSON, XML and Turtle parsers raise many kinds)
        raise RemoteError(f"{_where(endpoint)} answered {ctype or 'no content type'} that could not be read "
                          f"({err}): {_excerpt(data, 200)}") from None
    if form == "ASK" and result.type == "SELECT" and [str(v) for v in result.vars] == ["__ASK_RETVAL"]:
        # Virtuoso 7 answers ASK in JSON as one column __ASK_RETVAL: a row (1) when true, none when false
        ask = Result("ASK")
        ask.askAnswer = any(str(row[0]) not in ("0", "false") for row in result)
        return ask
    return result


def stderr_log(message: str) -> None:
    """A retry message on stderr (``log=`` of ``push``/``query``)."""
    print(f"kg: {message}", file=sys.stderr)


__all__ = ["CHUNK_BYTES", "DEFAULT_GRAPH", "PushReport", "RemoteError", "graph_file", "ntriples_chunks", "push",
           "query", "stderr_log", "with_prefixes"]
