"""The domain vocabularies (ontology/vocab/*.tsv) as SKOS concept schemes.

Role concepts use the same IRIs the graph gives its ``org:Role`` nodes (minted from the
title), so a build joins the scheme: ``?role skos:inScheme kgr:scheme/titles``. Indicator
concepts (``indicators.tsv``) likewise: a build writes the concepts its figures map to, and
each indicator as worded in the text is ``skos:exactMatch`` its concept. The
Turtle file ``ontology/vocab.ttl`` is generated from the TSVs by
``python -m kg.graph.skos > ontology/vocab.ttl`` and a test keeps the two in sync.
"""
from __future__ import annotations

import sys

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from ..vocab.indicators import IndicatorConcept, indicator_concepts
from ..vocab.lexicon import Lexicon
from .namespace import KG, KGR, mint, new_graph

TITLES = URIRef(f"{KGR}scheme/titles")
ABBREVIATIONS = URIRef(f"{KGR}scheme/agency-abbreviations")
NATIONAL = URIRef(f"{KGR}scheme/national-bodies")
INDICATORS = URIRef(f"{KGR}scheme/indicators")
INDICATORS_LABEL = "统计指标 (statistical indicators)"


def indicator_concept_iri(code: str) -> URIRef:
    """The IRI of an indicator concept of the scheme (minted from its code, e.g. GDP)."""
    return mint("indicator-concept", code)


def indicator_concept_triples(c: IndicatorConcept) -> list[tuple]:
    """The triples of one indicator concept: a kg:Indicator and skos:Concept in
    kgr:scheme/indicators, with its labels (@zh), notation (its code) and English gloss."""
    iri = indicator_concept_iri(c.code)
    out = [(iri, RDF.type, SKOS.Concept), (iri, RDF.type, KG.Indicator),
           (iri, SKOS.prefLabel, Literal(c.label, lang="zh")), (iri, SKOS.inScheme, INDICATORS),
           (iri, SKOS.notation, Literal(c.code))]
    out += [(iri, SKOS.altLabel, Literal(a, lang="zh")) for a in c.alt_labels]
    if c.english:
        out.append((iri, SKOS.definition, Literal(c.english, lang="en")))
    return out


def vocab_graph(lex: Lexicon | None = None):
    """An rdflib Graph of the vocabularies as SKOS."""
    lex = lex or Lexicon()
    g = new_graph()
    for scheme, label in ((TITLES, "职务 (atomic titles)"), (ABBREVIATIONS, "机构简称 (agency abbreviations)"),
                          (NATIONAL, "中央机构 (national bodies)"), (INDICATORS, INDICATORS_LABEL)):
        g.add((scheme, RDF.type, SKOS.ConceptScheme))
        g.add((scheme, SKOS.prefLabel, Literal(label)))
    for title, t in sorted(lex.titles.items()):
        c = mint("role", title)
        g.add((c, RDF.type, SKOS.Concept))
        g.add((c, SKOS.prefLabel, Literal(title)))
        g.add((c, SKOS.inScheme, TITLES))
        g.add((c, SKOS.notation, Literal(t.family)))
    for short, full in sorted(lex.abbreviations.items()):
        c = mint("body", full)
        g.add((c, RDF.type, SKOS.Concept))
        g.add((c, SKOS.prefLabel, Literal(full)))
        if short != full:
            g.add((c, SKOS.altLabel, Literal(short)))
        g.add((c, SKOS.inScheme, ABBREVIATIONS))
    for name, k in sorted(lex.known.items()):
        c = mint("org", k.canonical)
        g.add((c, RDF.type, SKOS.Concept))
        g.add((c, SKOS.prefLabel, Literal(k.canonical)))
        if name != k.canonical:
            g.add((c, SKOS.altLabel, Literal(name)))
        g.add((c, SKOS.inScheme, NATIONAL))
        if k.parent:
            g.add((c, SKOS.broader, mint("org", k.parent)))
    for concept in indicator_concepts():
        for triple in indicator_concept_triples(concept):
            g.add(triple)
    return g


def main() -> None:
    sys.stdout.write(vocab_graph().serialize(format="turtle"))


if __name__ == "__main__":
    main()
