"""SHACL validation of a kg graph against ``ontology/shapes.ttl``.

``validate(graph)`` returns a ``Report`` whose ``violations`` are small records a person
can read (focus node, path, value, message), sorted so the output is stable. It runs the
shapes as SPARQL on Oxigraph (``kg.graph.shacl``, the same results in seconds) and pyshacl
for shapes that engine does not compile, or when asked (``engine="pyshacl"``).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from rdflib import Graph, Literal
from rdflib.namespace import RDF, SH

from .namespace import PREFIXES
from .shapes import ONTOLOGY_PATH, SHAPES_PATH, Report, Violation, load_ontology, load_shapes  # noqa: F401 (kg's API)
from .shapes import short as _short

TEXTS = "texts"  # OUT/texts/: the source text of every PDF, which its offsets index


def kept_text(out: Path | str, source_id: str) -> Path:
    """Where a build keeps the source text of a source that has none to decode (a PDF):
    OUT/texts/<source id>.txt, the id's / written %2F (and % %25), so every source has a
    file of its own in one folder; a name too long for a file system is cut and ends in
    a hash of the id.

    >>> kept_text("build", "pdfs/第1版.pdf").as_posix()
    'build/texts/pdfs%2F第1版.pdf.txt'
    """
    name = source_id.replace("%", "%25").replace("/", "%2F").replace("\\", "%5C").replace("\0", "%00")
    if len(name.encode("utf-8", "surrogatepass")) > 200:
        digest = hashlib.sha1(source_id.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        name = re.sub(r"%[0-9A-F]?$", "", name[:60]) + "-" + digest
    return Path(out) / TEXTS / f"{name}.txt"


def validate(data: Graph, shapes: Graph | None = None, ontology: Graph | None = None,
             engine: str = "fast") -> Report:
    """Validate a graph against kg's shapes.

    data (Graph): the graph to check (not modified). The fast engine also takes a build's
        ``Triples`` or a pyoxigraph Store.
    shapes (Graph | None): shapes graph. Defaults to ontology/shapes.ttl.
    ontology (Graph | None): ontology mixed in for subclass checks. Defaults to ontology/kg.ttl.
    engine (str): "fast" (SPARQL on Oxigraph; pyshacl when the shapes use a construct it
        does not compile) or "pyshacl". Both give the same Report.
    RETURNS (Report): conformance and the readable results.
    """
    if engine not in ("fast", "pyshacl"):
        raise ValueError(f'engine must be "fast" or "pyshacl", not {engine!r}')
    shapes = load_shapes() if shapes is None else shapes
    ontology = load_ontology() if ontology is None else ontology
    if engine == "fast":
        from .shacl import Unsupported
        from .shacl import validate as validate_fast

        try:
            return validate_fast(data, shapes, ontology)
        except Unsupported:
            pass  # pyshacl below
    import pyshacl  # heavy import, only when validating

    if not isinstance(data, Graph):  # a build's Triples, or a pyoxigraph Store
        from .store import _ox_graph

        data = data.to_graph() if hasattr(data, "to_graph") else _ox_graph(data)
    # pyshacl mixes the ontology into a copy of the data graph: give it an in-memory one
    if not isinstance(data.store, type(Graph().store)):
        from .store import to_memory

        data = to_memory(data)
    conforms, results_graph, _ = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none",
        allow_warnings=True, advanced=True,
    )
    violations = []
    for result in results_graph.subjects(RDF.type, SH.ValidationResult):
        get = lambda p: results_graph.value(result, p)  # noqa: E731
        severity = get(SH.resultSeverity)
        violations.append(Violation(
            focus=_short(get(SH.focusNode)),
            path=_short(get(SH.resultPath)),
            message=str(get(SH.resultMessage) or get(SH.sourceConstraintComponent) or "constraint failed"),
            value=_short(get(SH.value)),
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            shape=_short(get(SH.sourceShape)),
        ))
    return Report(conforms=bool(conforms), violations=sorted(violations))


_ANCHORS = """
SELECT ?ev ?b ?e ?anchor ?path WHERE {
  ?ev nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor ; kg:sourceDocument ?src .
  ?src rdfs:label ?path .
}
"""


@dataclass(slots=True)
class AnchorReport:
    """Evidence spans checked against the source files they point into.

    checked (int): spans compared with ``raw[begin:end]``.
    skipped (list[str]): sources not checked, with the reason (missing file, JSONL record).
    mismatches (list[Violation]): spans whose anchor differs from the file.
    kept (list[str]): sources checked against the source text the build kept (PDFs).
    """

    checked: int = 0
    skipped: list[str] = field(default_factory=list)
    mismatches: list[Violation] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def text(self, limit: int | None = None) -> str:
        lines = [f"Evidence anchors: {self.checked} checked against the source files, "
                 f"{len(self.mismatches)} mismatch(es)"]
        shown = self.mismatches if limit is None else self.mismatches[:limit]
        lines += [str(v) for v in shown]
        lines += [f"  checked against its source text in {TEXTS}/: {s}" for s in self.kept]
        lines += [f"  not checked: {s}" for s in self.skipped]
        return "\n".join(lines)


def check_anchors(graph: Graph, read: Callable[[Path], str],
                  roots: list[Path | str] | None = None, out: Path | str | None = None) -> AnchorReport:
    """Check that every evidence ``nif:anchorOf`` equals ``raw[beginIndex:endIndex]`` of its file
    (of a PDF: of the source text the build kept, ``kept_text``).

    graph (Graph): the kg graph.
    read (Callable[[Path], str]): decodes a source file as the build did (the text stage's
        ``decode``; passed in, so the graph stage never imports the text stage); raises
        ValueError for a file it cannot decode.
    roots (list[Path | str] | None): folders the source paths are relative to. Defaults to [cwd].
    out (Path | str | None): the build folder, whose texts/ holds the source text of its PDFs.
    RETURNS (AnchorReport): counts, skipped sources and mismatches.
    """
    roots = [Path(r) for r in (roots or [Path.cwd()])]
    report = AnchorReport()
    texts: dict[str, str | None] = {}
    for ev, begin, end, anchor, path in sorted(graph.query(_ANCHORS, initNs=PREFIXES)):
        path = str(path)
        if path not in texts:
            texts[path] = None
            kept = kept_text(out, path) if out is not None else None
            if kept is not None and kept.is_file():  # a PDF: its offsets index the text the build read
                with open(kept, encoding="utf-8", newline="") as fh:  # as written, line ends and all
                    texts[path] = fh.read()
                report.kept.append(path)
            elif path.lower().endswith(".pdf"):
                report.skipped.append(f"{path} (a PDF: its offsets index the source text the build keeps in "
                                      f"{TEXTS}/, which is not there; rebuild)")
            elif "#" in path:  # a record of a JSON/JSONL file: its raw text is the record's
                report.skipped.append(f"{path} (a JSON record; offsets are into the record's text)")
            else:
                found = next((r / path for r in roots if (r / path).is_file()), None)
                if found is None:
                    report.skipped.append(f"{path} (file not found under {', '.join(map(str, roots))}; "
                                          "use --sources DIR)")
                else:
                    try:
                        texts[path] = read(found)
                    except ValueError as err:
                        report.skipped.append(f"{path} ({err})")
        raw = texts[path]
        if raw is None:
            continue
        report.checked += 1
        actual = raw[int(begin):int(end)]
        if actual != str(anchor):
            report.mismatches.append(Violation(
                focus=_short(ev), path="nif:anchorOf",
                message=f"anchor differs from {path}[{int(begin)}:{int(end)}] = {actual!r}",
                value=_short(Literal(str(anchor)))))
    return report
