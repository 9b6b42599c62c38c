"""ontology/kg.ttl (the source) and kg/namespace.py (its typed mirror) agree."""
from __future__ import annotations

import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from kg.graph import namespace as ns
from kg.graph.namespace import KG, KGR, PREFIXES, bind_prefixes, mint, new_graph
from kg.vocab.paths import ONTOLOGY_DIR

README = (ONTOLOGY_DIR / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "kg.ttl")


def _kg_terms_in(graph: Graph) -> set[str]:
    return {str(s)[len(str(KG._NS)):] for s in graph.subjects()
            if isinstance(s, URIRef) and str(s).startswith(str(KG._NS)) and str(s) != str(KG._NS)}


def test_ontology_every_kg_term_in_namespace_is_defined_in_ttl(onto):
    mirror = set(KG.__annotations__)
    assert mirror == _kg_terms_in(onto)


@pytest.mark.parametrize("term", sorted(KG.__annotations__))
def test_ontology_term_has_zh_en_labels_and_comment(onto, term):
    iri = KG[term]
    kinds = set(onto.objects(iri, RDF.type))
    assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}
    labels = {lbl.language for lbl in onto.objects(iri, RDFS.label)}
    comments = {c.language for c in onto.objects(iri, RDFS.comment)}
    assert {"zh", "en"} <= labels, f"kg:{term} needs rdfs:label @zh and @en"
    assert {"zh", "en"} <= comments, f"kg:{term} needs rdfs:comment @zh and @en"
    if OWL.Class in kinds:
        assert term[0].isupper()
    else:
        assert term[0].islower()


def test_ontology_every_kg_term_in_readme_is_mirrored():
    used = set(re.findall(r"`kg:([A-Za-z]+)`", README)) | set(re.findall(r"\bkg:([A-Za-z]+)\b", README))
    used.discard("")
    missing = {t for t in used if t not in KG.__annotations__}
    assert not missing, f"ontology/README.md uses kg: terms missing from kg.ttl/namespace.py: {missing}"


def test_ontology_namespace_fails_on_unknown_term():
    with pytest.raises(AttributeError):
        KG.NoSuchTerm  # noqa: B018


def test_ontology_prefixes_match_readme():
    for prefix, iri in PREFIXES.items():
        if f"@prefix {prefix}:" in README:
            assert f"<{iri}>" in README.split(f"@prefix {prefix}:", 1)[1].split("\n", 1)[0]
    assert PREFIXES["schema"] == "https://schema.org/"
    assert str(ns.SDMX_MEASURE.obsValue) == "http://purl.org/linked-data/sdmx/2009/measure#obsValue"
    assert str(ns.NIF.anchorOf).endswith("nif-core#anchorOf")


def test_ontology_subclasses_point_at_standard_terms(onto):
    assert (KG.Program, RDFS.subClassOf, ns.PROV.Plan) in onto
    assert (KG.GovernmentAgency, RDFS.subClassOf, KG.Agency) in onto
    assert (KG.Agency, RDFS.subClassOf, ns.ORG.Organization) in onto


def test_ontology_shapes_load_and_target_every_written_class():
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl")
    targets = set(shapes.objects(None, SH.targetClass))
    for cls in (ns.FOAF.Person, ns.ORG.Post, ns.ORG.Role, ns.ORG.Organization, ns.ORG.Membership,
                ns.SCHEMA.NewsArticle, ns.SCHEMA.Event, ns.NIF.Phrase, ns.QB.Observation, KG.Program,
                KG.Participation, KG.SourceDocument, KG.Unit, KG.Indicator, ns.PROV.Activity,
                ns.TIME.Interval, ns.TIME.Instant):
        assert cls in targets, f"shapes.ttl has no shape for {cls}"


def test_ontology_mint_is_stable_and_typed():
    assert mint("person", "高峰") == mint("person", "高峰")
    assert mint("person", "高峰") != mint("person", "高 峰")
    assert re.fullmatch(re.escape(str(KGR)) + r"person/[0-9a-f]{12}", str(mint("person", "高峰")))
    with pytest.raises(ValueError):
        mint("a/b", "x")


def test_ontology_bind_prefixes_gives_stable_turtle():
    g = new_graph()
    g.add((mint("person", "高峰"), ns.FOAF.name, Literal("高峰")))
    text = g.serialize(format="turtle")
    assert "@prefix foaf: <http://xmlns.com/foaf/0.1/> ." in text
    assert "brick" not in text
    assert text == g.serialize(format="turtle")
    assert bind_prefixes(Graph()).namespace_manager.store.namespace("kg") == URIRef(PREFIXES["kg"])
