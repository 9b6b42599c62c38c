"""The sentences behind a node or fact: follow prov:wasDerivedFrom to the evidence.

``explain(graph, term)`` finds every fact about a node (memberships, participations,
figures, programs, events, the node itself when it is a fact) and the evidence spans
they were derived from: the source file, the offsets, the raw anchor text, the
sentence and the article (headline, date).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from ..graph.namespace import FOAF, KG, NIF, ORG, PREFIXES, PROV, SCHEMA, SKOS
from .query import short

_LABELS = (SKOS.prefLabel, FOAF.name, RDFS.label, SCHEMA.headline, SCHEMA.name, KG.surface, NIF.anchorOf)

# facts that are the node, point at the node, or reach it through a fact's parts
# (event -kg:participation-> participation -kg:participant-> person; membership -kg:post-> post)
# or are evidenced in it (article). NODE is replaced by the IRI: with SPARQL's bottom-up
# evaluation a VALUES outside the UNION would not reach inside it.
_FACTS = """
SELECT DISTINCT ?fact ?ev WHERE {
  { BIND(NODE AS ?fact) }
  UNION { ?fact ?p NODE . FILTER(?p NOT IN (rdf:type, schema:mentions)) }
  UNION { ?fact kg:participation ?x . ?x ?q NODE . FILTER(?q != rdf:type) }  # an event, for a participant
  UNION { ?e nif:referenceContext NODE . ?fact prov:wasDerivedFrom ?e }
  ?fact prov:wasDerivedFrom ?ev .
  ?ev nif:beginIndex ?b .
}
"""


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """One evidence span: where in which file, the raw anchor, the sentence, the article."""

    source: str
    begin: int
    end: int
    anchor: str
    sentence: str
    headline: str = ""
    date: str = ""
    iri: str = ""
    page: int = 0  # a PDF's page (1-based) and the box the span is printed in
    bbox: str = ""


@dataclass(slots=True)
class Fact:
    """A fact (membership, figure, program ...) with its type, a label and its evidence."""

    iri: str
    types: list[str]
    label: str
    spans: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Explanation:
    """What explains a node: the node's label and types, and its facts."""

    iri: str
    label: str
    types: list[str]
    facts: list[Fact] = field(default_factory=list)

    def text(self) -> str:
        """Readable text: the node, then each fact with its sentences."""
        lines = [f"{short(URIRef(self.iri))}  {' '.join(self.types)}  {self.label}".rstrip()]
        if not self.facts:
            lines.append("  (no evidence: nothing about this node links to a source sentence)")
        for fact in self.facts:
            lines.append(f"  {' '.join(fact.types)} {short(URIRef(fact.iri))}: {fact.label}".rstrip())
            for s in fact.spans:
                article = f"{s.headline} ({s.date})" if s.date else s.headline
                where = f" p.{s.page} [{s.bbox}]" if s.page else ""
                lines.append(f"    {s.source} [{s.begin}:{s.end}]{where} «{s.anchor}»  in: {article}")
                if s.sentence:
                    lines.append(f"      {s.sentence}")
        return "\n".join(lines)


def label(graph: Graph, node) -> str:
    """A readable label for any kg node (memberships: member — role — organization)."""
    if (node, RDF.type, ORG.Membership) in graph:
        parts = [label(graph, graph.value(node, p)) for p in (ORG.member, ORG.role, ORG.organization)]
        return " — ".join(p for p in parts if p)
    if (node, RDF.type, KG.Participation) in graph:
        return f"{label(graph, graph.value(node, KG.participant))} ({graph.value(node, KG.participantRole) or ''})"
    for prop in _LABELS:
        value = graph.value(node, prop)
        if value is not None:
            return str(value)
    value = graph.value(node, PROV.startedAtTime)
    return str(value) if value is not None else ""


def _types(graph: Graph, node) -> list[str]:
    return sorted(short(t) for t in graph.objects(node, RDF.type))


def resolve_term(graph: Graph, text: str) -> URIRef:
    """The node meant by a full IRI, ``<IRI>``, a prefixed name (kgr:person/…) or an exact label.

    RAISES KeyError: nothing in the graph matches.
    """
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    prefix, _, local = text.partition(":")
    if prefix in PREFIXES and not local.startswith("//"):
        text = PREFIXES[prefix] + local.replace("\\/", "/")  # kgr:person\/… as kg query prints it
    node = URIRef(text)
    if (node, None, None) in graph or (None, None, node) in graph:
        return node
    def named(props) -> list:
        return sorted({s for prop in props for lit in (Literal(text), Literal(text, lang="zh"))
                       for s in graph.subjects(prop, lit)})

    # a name before a span's raw text: 林海峰 is the person, not the evidence that reads 林海峰
    matches = named([p for p in _LABELS if p != NIF.anchorOf]) or named([NIF.anchorOf])
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise KeyError(f'"{text}" names {len(matches)} nodes ({", ".join(short(m) for m in matches[:5])}) - give one IRI')
    raise KeyError(f'No node "{text}" in the graph - give an IRI from "kg query" output (e.g. kgr:person/…) or an exact name')


def explain(graph: Graph, node: URIRef) -> Explanation:
    """The facts about a node and the evidence spans behind each.

    graph (Graph): the kg graph (store or in memory).
    node (URIRef): a node (person, agency, article …) or a fact (membership, figure …).
    RETURNS (Explanation): facts sorted by type and label, spans by file and offset.
    """
    facts: dict[str, Fact] = {}
    # the IRI is written in, not passed as initBindings: Oxigraph only substitutes projected variables
    rows = graph.query(_FACTS.replace("NODE", node.n3()), initNs=PREFIXES)
    for fact_iri, ev in rows:
        fact = facts.get(str(fact_iri))
        if fact is None:
            fact = facts[str(fact_iri)] = Fact(str(fact_iri), _types(graph, fact_iri), label(graph, fact_iri))
        article = graph.value(ev, NIF.referenceContext)
        source = graph.value(ev, KG.sourceDocument)
        fact.spans.append(Span(
            source=label(graph, source) if source is not None else "",
            begin=int(graph.value(ev, NIF.beginIndex)),
            end=int(graph.value(ev, NIF.endIndex) or 0),
            anchor=str(graph.value(ev, NIF.anchorOf) or ""),
            sentence=str(graph.value(ev, KG.sentence) or ""),
            headline=str(graph.value(article, SCHEMA.headline) or "") if article is not None else "",
            date=str(graph.value(article, SCHEMA.datePublished) or "") if article is not None else "",
            iri=str(ev),
            page=int(graph.value(ev, KG.page) or 0),
            bbox=str(graph.value(ev, KG.bbox) or ""),
        ))
    for fact in facts.values():
        fact.spans = sorted(set(fact.spans))
    ordered = sorted(facts.values(), key=lambda f: (f.iri != str(node), f.types, f.label, f.iri))
    return Explanation(str(node), label(graph, node), _types(graph, node), ordered)
