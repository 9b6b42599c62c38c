"""The SPARQL 1.1 Protocol without the HTTP: content negotiation, the query checks
(read-only, no SERVICE, length) and evaluation on an Oxigraph store into result bytes."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from itertools import islice
from json.encoder import encode_basestring as _json_string  # the escapes json.dumps(ensure_ascii=False) writes
from xml.sax.saxutils import escape as xml_escape

from ..graph.namespace import PREFIXES

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
# The SPARQL 1.1 terminals (section 19.8) the checks must read as the engine reads them:
# comments and one-line strings end at \n or \r (EOL); IRIs, prefixed names, variables,
# blank nodes and language tags are single tokens, so a keyword inside them is no keyword
_TOKEN = re.compile(r"""
    (?P<skip>[ \t\r\n]+|\#[^\n\r]*)
  | (?P<string>\"\"\"(?:\"{0,2}(?:[^"\\]|\\.))*\"\"\"|'''(?:'{0,2}(?:[^'\\]|\\.))*'''
        |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f\u2040]*)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<pname>(?:[^\W\d][\w.\-\u00b7]*)?:(?:[\w\-.:\u00b7]|%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?\#@%])*)
  | (?P<word>[A-Za-z][A-Za-z0-9_]*)
  | (?P<other>.)
""", re.X | re.S)
_UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
_FORMS = {"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"}


LOOPBACK = ("localhost", "127.0.0.1", "::1")
AUTO_IN_MEMORY_QUADS = 300_000  # a copy of this many quads costs a worker about 100 MB and 1 s


@dataclass(slots=True)
class ServerConfig:
    """Limits and permissions of the endpoint.

    timeout (float): seconds a query may run. Defaults to 30.
    max_results (int): most rows (or triples) a result may hold. Defaults to 100000.
    max_query_length (int): longest query or update text, in characters. Defaults to 100000.
    allow_update (bool): accept SPARQL UPDATE (with the token). Defaults to False.
    token (str | None): bearer token UPDATE requests must send.
    in_memory (bool | None): each query worker copies the store into RAM at start: queries
        run several times faster, at the cost of memory and start-up time. Defaults to None:
        on for a store of at most AUTO_IN_MEMORY_QUADS quads, off above.
    cors (str | None): the web origin allowed to query from a browser page
        (Access-Control-Allow-Origin; "*" for any). Defaults to none: a page on another
        site cannot read this endpoint's answers.
    hosts (tuple[str, ...]): the Host names requests may carry (DNS rebinding: a hostile
        name pointed at 127.0.0.1 is refused). Defaults to the loopback names; the server
        adds the host it listens on.
    cache_mb (int): megabytes of answers kept for repeated queries (read-only: the store
        cannot change while served). Defaults to 64; 0 keeps none.
    allow_network (bool): let queries reach the network: SERVICE and LOAD are accepted and
        query workers may open sockets. Defaults to False (refused, and workers run in a
        seccomp sandbox with no sockets, where Linux offers one).
    """

    timeout: float = 30.0
    max_results: int = 100_000
    max_query_length: int = 100_000
    allow_update: bool = False
    token: str | None = None
    in_memory: bool | None = None
    cors: str | None = None
    hosts: tuple[str, ...] = LOOPBACK
    allow_network: bool = False
    cache_mb: int = 64


class ProtocolError(Exception):
    """An HTTP error with a status code and a message for the client."""

    def __init__(self, status: int, message: str, retry_after: int | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.retry_after = retry_after  # seconds, for a 503 the client may retry


def keywords(text: str) -> list[str]:
    """The query's keywords, upper-cased and in order, as the SPARQL grammar tokenises it:
    words inside strings, IRIs, comments, variables and prefixed names are not keywords.

    >>> keywords('SELECT ?service WHERE { ?s ex:SERVICE "SERVICE" } # SERVICE')
    ['SELECT', 'WHERE']
    """
    return [m.group().upper() for m in _TOKEN.finditer(text) if m.lastgroup == "word"]


def check_query(text: str, config: ServerConfig) -> list[str]:
    """Refuse what the endpoint never runs: over-long text, SERVICE (federation) and LOAD
    (both would make the server fetch a URL), decided on the query's tokens.

    RETURNS (list[str]): the query's keywords (``keywords``), for ``is_update`` and
        ``result_kind``, so a request is tokenised once.
    """
    if len(text) > config.max_query_length:
        raise ProtocolError(413, f"Query too long: {len(text)} characters, the limit is {config.max_query_length} "
                                 "(start kg serve with a larger --max-query-length)")
    tokens = keywords(text)
    words = set() if config.allow_network else set(tokens)
    if "SERVICE" in words:
        raise ProtocolError(400, "SERVICE (federated query) is not allowed on this endpoint: "
                                 "query the remote endpoint directly")
    if "LOAD" in words:
        raise ProtocolError(400, "LOAD (fetching a document from a URL) is not allowed on this endpoint: "
                                 "load the file into a build with kg build instead")
    return tokens


def _statement(words: list[str]) -> str | None:
    """The keyword that opens the statement (after PREFIX and BASE)."""
    return next((w for w in words if w not in ("PREFIX", "BASE")), None)


def is_update(text: str, words: list[str] | None = None) -> bool:
    """Whether the text is a SPARQL UPDATE (after PREFIX/BASE declarations); ``words``:
    its keywords when already read."""
    return _statement(keywords(text) if words is None else words) in _UPDATE_KEYWORDS


def result_kind(text: str, words: list[str] | None = None) -> str:
    """"graph" for CONSTRUCT and DESCRIBE, else "solutions" (what content negotiation
    offers); ``words``: its keywords when already read."""
    form = next((w for w in (keywords(text) if words is None else words) if w in _FORMS), None)
    return "graph" if form in ("CONSTRUCT", "DESCRIBE") else "solutions"


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

def _ox_results_formats() -> dict:
    import pyoxigraph as ox

    return {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
            "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}


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


def _json_text(variables: list[str], rows: list) -> str:
    """The SPARQL JSON document ``json.dumps({"head": …, "results": {"bindings": [{var:
    _json_term(value) …} …]}}, ensure_ascii=False)`` gives, written as text a term at a time
    (the same separators, keys, key order and string escapes, without a dict per term)."""
    import pyoxigraph as ox

    named, literal, xsd_string = ox.NamedNode, ox.Literal, "http://www.w3.org/2001/XMLSchema#string"
    keys = [_json_string(v) + ": " for v in variables]
    uri, plain = '{"type": "uri", "value": ', '{"type": "literal", "value": '
    rows_text = []
    for row in rows:
        cells = []
        for key, t in zip(keys, row):
            kind = type(t)
            if kind is literal:
                language = t.language
                if language:
                    cells.append(f'{key}{plain}{_json_string(t.value)}, "xml:lang": {_json_string(language)}}}')
                else:
                    datatype = t.datatype.value
                    if datatype == xsd_string:
                        cells.append(f"{key}{plain}{_json_string(t.value)}}}")
                    else:
                        cells.append(f'{key}{plain}{_json_string(t.value)}, "datatype": {_json_string(datatype)}}}')
            elif kind is named:
                cells.append(f"{key}{uri}{_json_string(t.value)}}}")
            elif t is not None:
                cells.append(key + json.dumps(_json_term(t), ensure_ascii=False))
        rows_text.append("{" + ", ".join(cells) + "}")
    head = json.dumps({"head": {"vars": variables}}, ensure_ascii=False)[:-1]  # up to the head's "}"
    return head + ', "results": {"bindings": [' + ", ".join(rows_text) + "]}}"


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
    """SELECT results as SPARQL 1.1 JSON, XML, CSV or TSV.

    Written here, not by ``QuerySolutions.serialize``: the result-size cap has to count the
    rows before anything is sent, and pyoxigraph cannot serialise rows once they are read.
    """
    if fmt == "json":
        return _json_text(variables, rows).encode("utf-8")
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
        return fmt, result.serialize(format=_ox_results_formats()[fmt])
    if isinstance(result, ox.QuerySolutions):
        fmt = negotiate("solutions", accept, param)
        variables = [v.value for v in result.variables]
        rows = list(map(tuple, islice(result, cap + 1)))  # the values in the variables' order
        if len(rows) > cap:
            del result, rows  # pyoxigraph results must be dropped on the thread that made them
            raise ProtocolError(413, too_large % "rows")
        return fmt, serialize_solutions(variables, rows, fmt)
    fmt = negotiate("graph", accept, param)
    triples = []
    for triple in result:
        triples.append(triple)
        if len(triples) > cap:
            del result
            raise ProtocolError(413, too_large % "triples")
    from .query import canonical_blank_nodes

    return fmt, serialize_graph(canonical_blank_nodes(triples), fmt)


def _safe_evaluate(ox_store, text, accept, param, cap) -> tuple:
    # errors travel as values: an exception's traceback would keep pyoxigraph objects
    # alive into another thread, and they must die on the thread that made them
    try:
        return ("ok",) + evaluate(ox_store, text, accept, param, cap)
    except ProtocolError as err:
        return ("err", err.status, err.message)
    except Exception as err:  # evaluation errors from Oxigraph
        return ("err", 500, f"Query failed: {err}")
