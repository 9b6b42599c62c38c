"""The domain vocabularies (ontology/vocab/*.tsv) as SKOS concept schemes.

Role concepts use the same IRIs the graph gives its ``org:Role`` nodes (minted from the
title), so a build joins the scheme: ``?role skos:inScheme kgr:scheme/titles``. The
Turtle file ``ontology/vocab.ttl`` is generated from the TSVs by
``python -m kg.graph.skos > ontology/vocab.ttl`` and a test keeps the two in sync.
"""
from __future__ import annotations

import sys

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from ..vocab.lexicon import Lexicon
from .namespace import KGR, mint, new_graph

TITLES = URIRef(f"{KGR}scheme/titles")
ABBREVIATIONS = URIRef(f"{KGR}scheme/agency-abbreviations")
NATIONAL = URIRef(f"{KGR}scheme/national-bodies")


def vocab_graph(lex: Lexicon | None = None):
    """An rdflib Graph of the vocabularies as SKOS."""
    lex = lex or Lexicon()
    g = new_graph()
    for scheme, label in ((TITLES, "职务 (atomic titles)"), (ABBREVIATIONS, "机构简称 (agency abbreviations)"),
                          (NATIONAL, "中央机构 (national bodies)")):
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
    return g


def main() -> None:
    sys.stdout.write(vocab_graph().serialize(format="turtle"))


if __name__ == "__main__":
    main()
