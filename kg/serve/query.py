"""Run SPARQL against a kg graph: saved queries by name, files, text; table/csv/json output.

``resolve_query`` turns what the user typed (text, ``FILE.rq``, a saved query NAME, or
``-`` for stdin) into SPARQL text; ``run_query`` runs it on any rdflib graph (in kg, the
Oxigraph store); ``format_result`` renders the result.
"""
from __future__ import annotations

import csv
import io
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from rdflib import BNode, Graph, Literal
from rdflib.query import Result

from ..graph.namespace import PREFIXES, curie
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


@dataclass(frozen=True, slots=True)
class SavedQuery:
    """A saved query in ontology/queries/: its name, file and leading comment."""

    name: str
    path: Path
    description: str

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


def saved_queries(directory: Path | str = QUERIES_DIR) -> dict[str, SavedQuery]:
    """The saved queries, by name (file stem), sorted by name."""
    found = {}
    for path in sorted(Path(directory).glob("*.rq")):
        comment = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#") or line.lstrip("# ").startswith("Usage"):
                break
            comment.append(line.lstrip("# ").strip())
        found[path.stem] = SavedQuery(path.stem, path, " ".join(comment))
    return found


def resolve_query(arg: str, stdin: TextIO | None = None, directory: Path | str = QUERIES_DIR) -> str:
    """SPARQL text for what the user gave: ``-`` (stdin), a ``.rq`` file, a saved NAME or text.

    arg (str): the argument.
    stdin (TextIO | None): stream read for ``-``. Defaults to sys.stdin.
    directory (Path | str): where saved queries live. Defaults to ontology/queries.
    RETURNS (str): the query text.
    """
    if arg == "-":
        return (stdin or sys.stdin).read()
    saved = saved_queries(directory)
    name = arg[:-3] if arg.endswith(".rq") and "/" not in arg else arg
    if arg.endswith(".rq") and Path(arg).is_file():
        return Path(arg).read_text(encoding="utf-8")
    if name in saved:
        return saved[name].text
    if _KEYWORD.search(arg) or "{" in arg:
        return arg
    if arg.endswith(".rq"):
        raise FileNotFoundError(f'Query file "{arg}" not found - give a path to an existing .rq file')
    names = ", ".join(saved) or "(none)"
    raise KeyError(f'No saved query named "{arg}" - use one of: {names}, a .rq file, SPARQL text or - for stdin')


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


def run_query(graph: Graph, sparql: str) -> Result:
    """Run a SPARQL query on a graph; kg's prefixes are predeclared.

    graph (Graph): the graph (an Oxigraph-backed one from ``kg.graph.store.open_store``, or in memory).
    sparql (str): the query text, or the name of a saved query (as ``kg query`` takes it).
    RETURNS (Result): SELECT bindings, ASK boolean or CONSTRUCT/DESCRIBE graph.
    RAISES QuerySyntaxError: the query does not parse (message has line and column).
    """
    saved = saved_queries().get(sparql)
    if saved is not None:
        sparql = saved.text
    try:
        result = graph.query(sparql, initNs=PREFIXES)
        if result.type == "SELECT":
            result.bindings = list(result.bindings)  # oxrdflib streams: evaluate now, inside the try
        return result
    except SyntaxError as err:  # pyoxigraph raises SyntaxError
        raise _syntax_error(err) from err
    except Exception as err:  # rdflib raises pyparsing.ParseException
        if type(err).__name__ in ("ParseException", "ParseSyntaxException"):
            raise _syntax_error(err) from err
        raise


def short(term) -> str:
    """A term as people read it: a literal's text, an IRI as prefix:local, ``_:id`` for blanks."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return curie(str(term))


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def format_table(result: Result) -> str:
    """Aligned text table (CJK characters count two columns)."""
    names = [str(v) for v in result.vars]
    rows = [[short(row[i]).replace("\n", " ") for i in range(len(names))] for row in result]
    widths = [max([_width(n)] + [_width(r[i]) for r in rows]) for i, n in enumerate(names)]
    lines = ["  ".join(_pad(n, w) for n, w in zip(names, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
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


def format_csv(result: Result, excel: bool = False) -> str:
    """CSV with a header row (IRIs in full, literals as their text), as SPARQL 1.1 CSV
    (``excel``: with a byte-order mark and CRLF, see ``csv_text``)."""
    return csv_text([str(v) for v in result.vars],
                    (["" if t is None else (f"_:{t}" if isinstance(t, BNode) else str(t)) for t in row]
                     for row in result), excel)


def format_json(result: Result) -> str:
    """SPARQL 1.1 Query Results JSON, indented, UTF-8 text kept readable."""
    data = json.loads(result.serialize(format="json"))
    data = {"head": data.get("head", {}), **{k: v for k, v in data.items() if k != "head"}}
    return json.dumps(data, ensure_ascii=False, indent=2)


def format_result(result: Result, fmt: str = "table") -> str:
    """Render a query result.

    result (Result): from ``run_query``.
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
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns, override=True, replace=True)
        return graph.serialize(format="json-ld" if fmt == "json" else "turtle")
    if fmt == "excel":
        return format_csv(result, excel=True)
    return {"table": format_table, "csv": format_csv, "json": format_json}[fmt](result)


__all__ = ["FORMATS", "QuerySyntaxError", "SavedQuery", "saved_queries", "resolve_query",
           "run_query", "format_result", "short"]
