"""What a SHACL check reports, and the shapes and ontology it reads: shared by the two
engines (``kg.graph.validate`` with pyshacl, ``kg.graph.shacl`` with SPARQL on Oxigraph).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from ..vocab.paths import ONTOLOGY_DIR
from .namespace import curie

SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY_PATH = ONTOLOGY_DIR / "kg.ttl"


@dataclass(frozen=True, slots=True, order=True)
class Violation:
    """One SHACL result, in words.

    focus (str): the node that fails (an IRI or blank node id).
    path (str): the property path, as a prefixed name ("" for node-level results).
    message (str): what is wrong, from the shape's sh:message.
    value (str): the offending value ("" when a value is missing).
    severity (str): Violation | Warning | Info.
    shape (str): the shape that produced it.
    """

    focus: str
    path: str
    message: str
    value: str = ""
    severity: str = "Violation"
    shape: str = ""

    def __str__(self) -> str:
        where = f"{self.focus}" + (f" {self.path}" if self.path else "")
        value = f" (value: {self.value})" if self.value else ""
        return f"[{self.severity}] {where}: {self.message}{value}"


@dataclass(slots=True)
class Report:
    """Result of validating one graph.

    conforms (bool): no results of severity Violation.
    violations (list[Violation]): every result, sorted.
    """

    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    def text(self, limit: int | None = None) -> str:
        """Readable report: a summary line, then one line per result (up to ``limit``)."""
        if self.conforms and not self.violations:
            return "Conforms: the graph satisfies every shape in ontology/shapes.ttl."
        shown = self.violations if limit is None else self.violations[:limit]
        lines = [f"{len(self.violations)} SHACL result(s); conforms: {self.conforms}"]
        lines += [str(v) for v in shown]
        if len(shown) < len(self.violations):
            lines.append(f"... and {len(self.violations) - len(shown)} more (use --limit 0 to show all)")
        return "\n".join(lines)


def load_shapes(path: Path | str = SHAPES_PATH) -> Graph:
    """Parse the SHACL shapes graph."""
    return Graph().parse(str(path), format="turtle")


def load_ontology(path: Path | str = ONTOLOGY_PATH) -> Graph:
    """Parse the kg ontology (classes and properties)."""
    return Graph().parse(str(path), format="turtle")


def short(term) -> str:
    """A term as a report prints it: a prefixed name, <IRI>, "text"^^datatype, or _:id."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        name = curie(str(term))
        return name if name != str(term) else f"<{term}>"
    if isinstance(term, Literal):
        if term.datatype is not None:
            return f'"{term}"^^{short(term.datatype)}'
        return term.n3()
    return f"_:{term}"
