"""Run SPARQL against a kg graph: saved queries by name, files, text; table/csv/json output.

``resolve_query`` turns what the user typed (text, ``FILE.rq``, a saved query NAME, or
``-`` for stdin) into SPARQL text; ``run_query`` runs it on the Oxigraph engine directly
when the graph is (or sits on) a pyoxigraph Store, as kg's store does, and on rdflib for
any other graph; ``format_result`` renders the result. On the engine no term becomes an
rdflib object: the rows are printed from pyoxigraph's terms, in the same text the rdflib
path gives (literals normalised as rdflib normalises them).
"""
from __future__ import annotations

import csv
import io
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from json.encoder import encode_basestring as _json_string  # what json.dumps(ensure_ascii=False) writes
from pathlib import Path
from typing import TextIO

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from ..graph.namespace import _BY_LENGTH, _PN_LOCAL, PREFIXES
from ..graph.store import ox_to_rdflib as to_rdflib  # also kg.serve.query.to_rdflib, public
from ..graph.store import rdflib_to_ox
from ..vocab.paths import QUERIES_DIR

FORMATS = ("table", "csv", "excel", "json")
_KEYWORD = re.compile(r"^\s*(PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I | re.M)
_POSITION = re.compile(r"error at (\d+):(\d+):?\s*(.*)", re.S)


class QuerySyntaxError(ValueError):
    """A SPARQL syntax error, with the line and column (1-based) when known."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.line = line
        self.column = column


ENGINES = ("oxigraph",)  # engines a saved query may have a form of its own for: NAME.ENGINE.rq


@dataclass(frozen=True, slots=True)
class SavedQuery:
    """A saved query in ontology/queries/: its name, file and leading comment.

    NAME.rq is the portable form, plain SPARQL that any engine (rdflib included) runs well;
    NAME.oxigraph.rq, where present, asks for the same rows in a form Oxigraph's on-disk
    store answers faster (every pattern a subquery, joined by hashing), which rdflib joins
    pair by pair and runs many times slower. ``text_for`` picks the form for an engine.
    """

    name: str
    path: Path
    description: str

    @property
    def text(self) -> str:
        """The portable form."""
        return self.path.read_text(encoding="utf-8")

    def engine_path(self, engine: str | None) -> Path | None:
        """NAME.ENGINE.rq when this query has a form of its own for ``engine``, else None."""
        if engine is None:
            return None
        if engine not in ENGINES:
            raise ValueError(f"unknown query engine {engine!r} - use one of: {', '.join(ENGINES)}")
        path = self.path.with_name(f"{self.name}.{engine}.rq")
        return path if path.is_file() else None

    def text_for(self, engine: str | None) -> str:
        """The form to run on ``engine`` ("oxigraph"; None: any other, e.g. rdflib)."""
        path = self.engine_path(engine)
        return path.read_text(encoding="utf-8") if path is not None else self.text


def saved_queries(directory: Path | str = QUERIES_DIR) -> dict[str, SavedQuery]:
    """The saved queries, by name (file stem), sorted by name; an engine's form
    (NAME.ENGINE.rq) belongs to its query and is no query of its own."""
    found = {}
    for path in sorted(Path(directory).glob("*.rq")):
        if "." in path.stem:  # NAME.oxigraph.rq
            continue
        comment = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#") or line.lstrip("# ").startswith("Usage"):
                break
            comment.append(line.lstrip("# ").strip())
        found[path.stem] = SavedQuery(path.stem, path, " ".join(comment))
    return found


def resolve_query(arg: str, stdin: TextIO | None = None, directory: Path | str = QUERIES_DIR,
                  engine: str | None = None) -> str:
    """SPARQL text for what the user gave: ``-`` (stdin), a ``.rq`` file, a saved NAME or text.

    arg (str): the argument.
    stdin (TextIO | None): stream read for ``-``. Defaults to sys.stdin.
    directory (Path | str): where saved queries live. Defaults to ontology/queries.
    engine (str | None): the engine the query will run on: "oxigraph" gives a saved query's
        Oxigraph form where it has one; None (any other engine) its portable form.
    RETURNS (str): the query text.
    """
    if arg == "-":
        return (stdin or sys.stdin).read()
    saved = saved_queries(directory)
    name = arg[:-3] if arg.endswith(".rq") and "/" not in arg else arg
    if arg.endswith(".rq") and Path(arg).is_file():
        return Path(arg).read_text(encoding="utf-8")
    if name in saved:
        return saved[name].text_for(engine)
    if _KEYWORD.search(arg) or "{" in arg:
        return arg
    if arg.endswith(".rq"):
        raise FileNotFoundError(f'Query file "{arg}" not found - give a path to an existing .rq file')
    names = ", ".join(saved) or "(none)"
    raise KeyError(f'No saved query named "{arg}" - use one of: {names}, a .rq file, SPARQL text or - for stdin')


def query_engine(graph) -> str | None:
    """"oxigraph" when ``graph`` is (or sits on) a pyoxigraph Store, as kg's store does;
    None for any other graph (rdflib's memory store and the like)."""
    return "oxigraph" if _engine(graph) is not None else None


def _syntax_error(err: Exception) -> QuerySyntaxError:
    text = str(err)
    match = _POSITION.search(text)
    if match:  # Oxigraph: "error at 3:17: expected ..."
        line, col, rest = int(match[1]), int(match[2]), match[3].strip()
        return QuerySyntaxError(f"SPARQL syntax error at line {line}, column {col}: {rest}", line, col)
    line = getattr(err, "lineno", None)
    col = getattr(err, "col", None) or getattr(err, "column", None)
    if line is not None:  # rdflib (pyparsing ParseException)
        msg = getattr(err, "msg", text)
        return QuerySyntaxError(f"SPARQL syntax error at line {line}, column {col}: {msg}", line, col)
    return QuerySyntaxError(f"SPARQL syntax error: {text}")


class QueryResult:
    """A query's answer as the Oxigraph engine gives it: pyoxigraph terms, read once.

    type (str): "SELECT", "ASK" or "CONSTRUCT" (DESCRIBE answers are CONSTRUCT's kind).
    vars (list[str]): the variables, in order (SELECT).
    rows (list[tuple]): one tuple a row, a pyoxigraph term or None (unbound) per variable.
    boolean (bool | None): an ASK query's answer.
    triples (list): a CONSTRUCT/DESCRIBE query's pyoxigraph Triples.

    Nothing here is an rdflib object: ``format_result`` prints the terms as they are, and
    ``to_rdflib`` / ``graph`` convert on demand (only the rows you ask for).
    """

    __slots__ = ("type", "vars", "rows", "boolean", "triples", "_graph")

    def __init__(self, type: str, vars: list[str] | None = None, rows: list[tuple] | None = None,
                 boolean: bool | None = None, triples: list | None = None):
        self.type = type
        self.vars = vars or []
        self.rows = rows or []
        self.boolean = boolean
        self.triples = triples or []
        self._graph = None

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows) if self.type == "SELECT" else len(self.triples)

    def __repr__(self) -> str:
        size = f"{len(self.rows)} rows" if self.type == "SELECT" else (
            f"{self.boolean}" if self.type == "ASK" else f"{len(self.triples)} triples")
        return f"<kg QueryResult {self.type}: {size}>"

    @property
    def askAnswer(self) -> bool | None:  # rdflib's Result name, for code written against it
        return self.boolean

    @property
    def graph(self):
        """A CONSTRUCT/DESCRIBE answer as an rdflib Graph (None for other queries)."""
        if self.type != "CONSTRUCT":
            return None
        if self._graph is None:
            from rdflib import Graph

            self._graph = Graph()
            self._graph += ((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)) for t in self.triples)
        return self._graph

    def to_rdflib(self):
        """The answer as an rdflib ``Result`` (every term converted: for code that wants one)."""
        from rdflib import Variable
        from rdflib.query import Result

        out = Result(self.type)
        if self.type == "SELECT":
            out.vars = [Variable(v) for v in self.vars]
            out.bindings = [{v: to_rdflib(t) for v, t in zip(out.vars, row)} for row in self.rows]
        elif self.type == "ASK":
            out.askAnswer = self.boolean
        else:
            out.graph = self.graph
        return out


def canonical_blank_nodes(triples: list) -> list:
    """A CONSTRUCT/DESCRIBE answer (pyoxigraph Triples) with the same labels for its blank
    nodes on every run: Oxigraph gives a template's blank nodes fresh random labels. Where
    there are any, they are relabelled from the graph's shape (rdflib's canonical labelling,
    ``rdflib.compare.to_canonical_graph``) and the triples sorted; an answer without blank
    nodes is returned as it came.

    triples (list[pyoxigraph.Triple]): the answer.
    RETURNS (list[pyoxigraph.Triple]): the same graph, labelled the same way every time.
    """
    if not any(type(t.subject) is ox.BlankNode or type(t.object) is ox.BlankNode for t in triples):
        return triples
    from rdflib.compare import to_canonical_graph

    graph = Graph()
    graph += ((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)) for t in triples)
    canonical = [ox.Triple(rdflib_to_ox(s), rdflib_to_ox(p), rdflib_to_ox(o)) for s, p, o in to_canonical_graph(graph)]
    return sorted(canonical, key=str)


def _engine(graph):
    """The pyoxigraph Store behind ``graph`` (itself, or an oxrdflib-backed rdflib Graph), or None."""
    if isinstance(graph, ox.Store):
        return graph
    inner = getattr(getattr(graph, "store", None), "_inner", None)  # oxrdflib keeps its pyoxigraph store here
    return inner if isinstance(inner, ox.Store) else None


_DEFAULT_PREFIXES: dict[str, str] = {}


def query_prefixes(graph=None) -> dict[str, str]:
    """The prefixes a query may use undeclared: rdflib's defaults (as a Graph binds them),
    those bound on ``graph`` and kg's own (kg's win)."""
    if not _DEFAULT_PREFIXES:
        _DEFAULT_PREFIXES.update((p, str(ns)) for p, ns in Graph().namespaces())
    bound = {} if graph is None or _engine(graph) is graph else {p: str(ns) for p, ns in graph.namespaces()}
    return {**_DEFAULT_PREFIXES, **bound, **{p: str(ns) for p, ns in PREFIXES.items()}}


def run_query(graph, sparql: str):
    """Run a SPARQL query on a graph; kg's prefixes are predeclared.

    On Oxigraph (a pyoxigraph ``Store``, or an rdflib Graph on one, as ``kg.open`` and
    ``open_store`` give) the engine answers directly and the result keeps its pyoxigraph
    terms (a ``QueryResult``); any other rdflib Graph is queried by rdflib (an rdflib
    ``Result``). ``format_result`` prints both the same way.

    graph (Graph | pyoxigraph.Store): the graph or store.
    sparql (str): the query text, or the name of a saved query (as ``kg query`` takes it).
    RETURNS (QueryResult | rdflib.query.Result): SELECT rows, ASK boolean or CONSTRUCT/DESCRIBE triples.
    RAISES QuerySyntaxError: the query does not parse (message has line and column).
    """
    engine = _engine(graph)
    saved = saved_queries().get(sparql)
    if saved is not None:  # the form for this graph's engine
        sparql = saved.text_for("oxigraph" if engine is not None else None)
    try:
        if engine is not None:
            return _run_native(engine, sparql, query_prefixes(graph), _graph_scope(graph))
        result = graph.query(sparql, initNs=PREFIXES)
        if result.type == "SELECT":
            result.bindings = list(result.bindings)  # evaluate now, inside the try
        return result
    except SyntaxError as err:  # pyoxigraph raises SyntaxError
        raise _syntax_error(err) from err
    except Exception as err:  # rdflib raises pyparsing.ParseException
        if type(err).__name__ in ("ParseException", "ParseSyntaxException"):
            raise _syntax_error(err) from err
        raise


def _graph_scope(graph) -> dict:
    """Which graphs an rdflib Graph on Oxigraph queries, as oxrdflib would pass them: the
    union for a ConjunctiveGraph/Dataset with default_union, its own named graph, or the
    default graph (kg's store)."""
    if isinstance(graph, ox.Store):
        return {}
    if getattr(graph, "default_union", False):
        return {"use_default_graph_as_union": True}
    identifier = getattr(graph, "identifier", None)
    if identifier is None or identifier == DATASET_DEFAULT_GRAPH_ID:
        return {}
    return {"default_graph": ox.BlankNode(str(identifier)) if isinstance(identifier, BNode)
            else ox.NamedNode(str(identifier))}


def _run_native(store, sparql: str, prefixes: dict[str, str], scope: dict | None = None) -> QueryResult:
    answer = store.query(sparql, prefixes=prefixes, **(scope or {}))
    if isinstance(answer, ox.QuerySolutions):
        return QueryResult("SELECT", [v.value for v in answer.variables], list(map(tuple, answer)))
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ASK", boolean=bool(answer))
    return QueryResult("CONSTRUCT", triples=canonical_blank_nodes(list(answer)))


# ---------------------------------------------------------------- terms as text
# A result holds pyoxigraph terms (the engine's) or rdflib terms (rdflib's evaluation, a
# remote endpoint's answer). Each is printed as rdflib prints it, so the text is the same
# either way: a literal's lexical form as rdflib normalises it (xsd:double "1.5E0" -> 1.5).

_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = _XSD + "string"
_RDF_LANG = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_INTEGERS = frozenset(_XSD + t for t in (
    "integer", "nonPositiveInteger", "long", "nonNegativeInteger", "negativeInteger", "int", "unsignedLong",
    "positiveInteger", "short", "unsignedInt", "byte", "unsignedShort", "unsignedByte"))
_FLOATS = frozenset((_XSD + "double", _XSD + "float"))
_DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_XSD_DATE, _XSD_BOOLEAN, _XSD_DECIMAL = _XSD + "date", _XSD + "boolean", _XSD + "decimal"


def _lexical(value: str, datatype: str) -> str:
    """A typed literal's text as rdflib normalises it (the same functions, or rdflib itself)."""
    if datatype == _XSD_STRING or datatype == _RDF_LANG:
        return value
    if datatype == _XSD_DATE:  # the commonest in kg's rows: begin, end, published
        if _DATE_TEXT.match(value):
            return value  # a valid date in this form is its own isoformat()
        return _rdflib_lexical(value, datatype)
    try:
        if datatype in _INTEGERS:
            return str(int(value))
        if datatype == _XSD_DECIMAL:
            return f"{Decimal(value):f}"
        if datatype in _FLOATS:
            return str(float(value))
    except (ValueError, ArithmeticError):
        return value  # ill-typed: rdflib keeps the text
    if datatype == _XSD_BOOLEAN and value in ("true", "false"):
        return value
    return _rdflib_lexical(value, datatype)


@lru_cache(maxsize=4096)
def _rdflib_lexical(value: str, datatype: str) -> str:
    from rdflib import URIRef

    return str(Literal(value, datatype=URIRef(datatype)))


def _parts(term) -> tuple[str, str, str | None, str | None]:
    """(kind, text, datatype, language) of a term; kind is uri, bnode or literal.

    A simple literal carries no datatype (xsd:string is implied), as kg serve and SPARQL 1.1
    Query Results JSON write it."""
    kind = type(term)
    if kind is ox.Literal:
        lang = term.language
        if lang:
            return "literal", term.value, None, lang
        datatype = term.datatype.value
        return "literal", _lexical(term.value, datatype), None if datatype == _XSD_STRING else datatype, None
    if kind is ox.NamedNode:
        return "uri", term.value, None, None
    if kind is ox.BlankNode:
        return "bnode", term.value, None, None
    if isinstance(term, Literal):
        return "literal", str(term), None if term.datatype is None else str(term.datatype), term.language
    if isinstance(term, BNode):
        return "bnode", str(term), None, None
    return "uri", str(term), None, None


# kg's namespaces, longest first, as one pattern: the namespace an IRI starts with in one
# match (``graph.namespace.curie`` tries them one by one; the same answer, and a table
# prints an IRI on every row)
_NAMESPACE = re.compile("|".join(re.escape(ns) for _, ns in _BY_LENGTH))
_PREFIX_OF: dict[str, str] = {}
for _prefix, _ns in _BY_LENGTH:
    _PREFIX_OF.setdefault(_ns, _prefix)


def _curie(iri: str) -> str:
    """``graph.namespace.curie``: ``prefix:local`` under kg's longest matching namespace
    (a ``/`` in the local name escaped), ``<IRI>`` when no escape makes the local name
    valid, else the IRI unchanged."""
    match = _NAMESPACE.match(iri)
    if match is None:
        return iri
    ns = match.group()
    local = iri[len(ns):]
    if _PN_LOCAL.fullmatch(local.replace("/", "")):
        return f"{_PREFIX_OF[ns]}:{local.replace('/', chr(92) + '/')}"  # kgr:person\/… parses as SPARQL
    return f"<{iri}>"


def short(term) -> str:
    """A term as people read it: a literal's text, an IRI as prefix:local, ``_:id`` for blanks."""
    if term is None:
        return ""
    kind, text, _, _ = _parts(term)
    if kind == "literal":
        return text
    if kind == "bnode":
        return f"_:{text}"
    return _curie(text)


def _plain(term) -> str:
    """A term as SPARQL CSV writes it: IRIs in full, literals as their text, ``_:id`` for blanks."""
    if term is None:
        return ""
    kind, text, _, _ = _parts(term)
    return f"_:{text}" if kind == "bnode" else text


def _engine_text(iri, other):
    """A writer of pyoxigraph terms (or None), its branches in the order rows need them: a
    literal's text, an IRI through ``iri``, ``_:id`` for a blank node, ``other`` for the
    rest (triple terms)."""
    def text(term) -> str:
        kind = type(term)
        if kind is ox.Literal:
            if term.language:
                return term.value
            datatype = term.datatype.value
            return term.value if datatype == _XSD_STRING else _lexical(term.value, datatype)
        if kind is ox.NamedNode:
            return iri(term.value)
        if term is None:
            return ""
        if kind is ox.BlankNode:
            return "_:" + term.value
        return other(term)
    return text


_short_engine = _engine_text(_curie, short)  # ``short`` of a pyoxigraph term
_plain_engine = _engine_text(str, _plain)  # ``_plain`` of a pyoxigraph term


def _width(text: str) -> int:
    if text.isascii():
        return len(text)
    return _wide_width(text)


@lru_cache(maxsize=65536)
def _wide_width(text: str) -> int:  # names, roles and agencies repeat down a column
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _solutions(result) -> tuple[list[str], list]:
    """The variable names and rows of a SELECT result (kg's or rdflib's)."""
    return [str(v) for v in result.vars], (result.rows if isinstance(result, QueryResult) else list(result))


def format_table(result) -> str:
    """Aligned text table (CJK characters count two columns; a line break in a value
    prints as a space, the same width)."""
    names, solutions = _solutions(result)
    text_of = _short_engine if isinstance(result, QueryResult) else short
    cells = [[text_of(term) for term in row] for row in solutions]
    sizes = [[*map(_width, row)] for row in cells]
    widths = [max(_width(n), *column) for n, column in zip(names, zip(*sizes))] if sizes else [*map(_width, names)]
    lines = ["  ".join(_pad(n, w) for n, w in zip(names, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join([text + " " * (w - cw) for text, cw, w in zip(row, size, widths)]).replace("\n", " ").rstrip()
              for row, size in zip(cells, sizes)]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines)


def csv_text(header: list[str], rows, excel: bool = False) -> str:
    """CSV of a header and rows of strings.

    excel (bool): what Excel opens without garbling Chinese: a UTF-8 byte-order mark and
        CRLF line ends.
    """
    buf = io.StringIO()
    if excel:
        buf.write("\ufeff")
    writer = csv.writer(buf, lineterminator="\r\n" if excel else "\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def format_csv(result, excel: bool = False) -> str:
    """CSV with a header row (IRIs in full, literals as their text), as SPARQL 1.1 CSV
    (``excel``: with a byte-order mark and CRLF, see ``csv_text``)."""
    names, solutions = _solutions(result)
    plain = _plain_engine if isinstance(result, QueryResult) else _plain
    return csv_text(names, ([plain(t) for t in row] for row in solutions), excel)


_json_name = lru_cache(maxsize=1024)(_json_string)  # datatypes, language tags and variables repeat


def _json_term(term, pad: str) -> str:
    kind, text, datatype, lang = _parts(term)
    inner = pad + "  "
    out = f'{{\n{inner}"type": "{kind}",\n{inner}"value": {_json_string(text)}'
    if datatype is not None:
        out += f',\n{inner}"datatype": {_json_name(datatype)}'
    if lang is not None:
        out += f',\n{inner}"xml:lang": {_json_name(lang)}'
    return out + "\n" + pad + "}"


def format_json(result) -> str:
    """SPARQL 1.1 Query Results JSON, indented, UTF-8 text kept readable.

    Written a row at a time (the text ``json.dumps(..., indent=2)`` gives, made without
    building the whole document as Python objects first); an rdflib Result through
    rdflib's serialiser, as before."""
    if not isinstance(result, QueryResult):
        data = json.loads(result.serialize(format="json"))
        data = {"head": data.get("head", {}), **{k: v for k, v in data.items() if k != "head"}}
        for row in data.get("results", {}).get("bindings", []):
            for cell in row.values():
                if cell.get("datatype") == _XSD_STRING:
                    del cell["datatype"]  # a simple literal, as the engine's rows print it
        return json.dumps(data, ensure_ascii=False, indent=2)
    names, solutions = result.vars, result.rows
    head = json.dumps({"head": {"vars": names}}, ensure_ascii=False, indent=2)[:-2]  # up to the head's "}"
    keys = [_json_name(n) for n in names]
    rows = []
    for row in solutions:
        cells = [f"        {key}: {_json_term(term, '        ')}" for key, term in zip(keys, row) if term is not None]
        rows.append("      {\n" + ",\n".join(cells) + "\n      }" if cells else "      {}")
    body = ("[\n" + ",\n".join(rows) + "\n    ]") if rows else "[]"
    return head + ',\n  "results": {\n    "bindings": ' + body + "\n  }\n}"


def _json_key(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _canonical_jsonld(value, ordered: bool = False):
    """JSON-LD in one order: keys sorted, a property's values sorted (their order means
    nothing in RDF), an @list's items kept in order."""
    if isinstance(value, dict):
        return {key: _canonical_jsonld(item, key == "@list") for key, item in value.items()}
    if isinstance(value, list):
        items = [_canonical_jsonld(item) for item in value]
        return items if ordered else sorted(items, key=_json_key)
    return value


def _jsonld(graph: Graph) -> str:
    """A graph as JSON-LD (rdflib's writer), the same bytes under any hash seed: rdflib writes
    nodes and values in the order of its sets, so they are sorted here, the nodes by @id.
    (Blank nodes carry ``canonical_blank_nodes``' labels.)"""
    data = json.loads(graph.serialize(format="json-ld"))
    nodes = data.get("@graph") if isinstance(data, dict) else data
    if isinstance(nodes, list):
        nodes = sorted((_canonical_jsonld(n) for n in nodes), key=lambda n: (str(n.get("@id", "")), _json_key(n)))
        data = {**data, "@graph": nodes} if isinstance(data, dict) else nodes
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)


def format_result(result, fmt: str = "table") -> str:
    """Render a query result.

    result (QueryResult | rdflib.query.Result): from ``run_query`` (or an rdflib query).
    fmt (str): table | csv | excel (CSV with a BOM) | json. CONSTRUCT/DESCRIBE give Turtle (json:
        JSON-LD). Defaults to "table".
    RETURNS (str): the text.
    """
    if fmt not in FORMATS:
        raise ValueError(f"Unknown format {fmt!r} - use one of {', '.join(FORMATS)}")
    if result.type == "ASK":
        return json.dumps({"head": {}, "boolean": bool(result.askAnswer)}) if fmt == "json" else str(bool(result.askAnswer)).lower()
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        graph: Graph = result.graph
        if not isinstance(result, QueryResult) and any(isinstance(t, BNode) for triple in graph for t in triple):
            from rdflib.compare import to_canonical_graph  # rdflib's CONSTRUCT labels blank nodes at random too

            canonical = Graph()
            canonical += to_canonical_graph(graph)
            graph = canonical
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns, override=True, replace=True)
        return _jsonld(graph) if fmt == "json" else graph.serialize(format="turtle")
    if fmt == "excel":
        return format_csv(result, excel=True)
    return {"table": format_table, "csv": format_csv, "json": format_json}[fmt](result)


__all__ = ["ENGINES", "FORMATS", "QuerySyntaxError", "SavedQuery", "QueryResult", "saved_queries", "resolve_query",
           "query_engine", "run_query", "format_result", "short", "to_rdflib", "canonical_blank_nodes"]
