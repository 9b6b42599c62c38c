"""The fast SHACL engine (kg.graph.shacl) gives pyshacl's Report, field for field.

Every comparison is the whole Report: conforms and every Violation (focus, path, value,
severity, shape, message), with one shapes graph object given to both engines (the
blank-node ids of property shapes are part of the ``shape`` field). pyshacl's default
messages (shapes without sh:message) are reproduced too and compared like the rest.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import FOAF, RDF, SKOS, XSD

from kg.graph import shacl
from kg.graph.namespace import KG, NIF, ORG, QB
from kg.graph.store import open_store, save_store
from kg.graph.validate import load_ontology, load_shapes, validate

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "mini.ttl"
SHAPES = load_shapes()
ONTOLOGY = load_ontology()
EX = "http://example.org/"


def both(data, shapes: Graph = SHAPES):
    """(fast Report, pyshacl Report) of the same data and shapes."""
    fast = shacl.validate(data, shapes, ONTOLOGY)
    slow = validate(data, shapes, ONTOLOGY, engine="pyshacl")
    return fast, slow


def assert_same(data, shapes: Graph = SHAPES):
    fast, slow = both(data, shapes)
    assert fast.violations == slow.violations, _diff(fast, slow)
    assert fast.conforms == slow.conforms
    return fast


def _diff(fast, slow) -> str:
    a, b = fast.violations, slow.violations
    only_fast = [v for v in a if v not in b]
    only_slow = [v for v in b if v not in a]
    return f"fast only: {only_fast[:5]}\npyshacl only: {only_slow[:5]}"


@pytest.fixture()
def mini() -> Graph:
    return Graph().parse(FIXTURE)


@pytest.fixture(scope="module")
def build_result(tmp_path_factory):
    from kg.builder import build

    out = tmp_path_factory.mktemp("build")
    return build([str(ROOT / "corpus")], out, html=False, store=False, progress=False, validate=False)


@pytest.fixture(scope="module")
def built(build_result) -> Graph:
    return build_result.graph


# ---------------------------------------------------------------- (a) the bundled page's build


def test_bundled_build_same_report(built):
    report = assert_same(built)
    assert report.conforms and len(built) > 1000


def test_bundled_build_broken_same_report(built):
    graph = Graph()
    graph += built
    ev = min(graph.subjects(RDF.type, NIF.Phrase))
    graph.set((ev, NIF.beginIndex, Literal(int(graph.value(ev, NIF.endIndex)) + 3)))
    person = min(graph.subjects(RDF.type, FOAF.Person))
    graph.remove((person, FOAF.name, None))
    obs = sorted(graph.subjects(RDF.type, QB.Observation))
    graph.set((obs[0], KG.figureKind, Literal("bogus")))
    graph.add((obs[1], KG.periodStart, Literal("2024-13-45", datatype=XSD.date)))
    report = assert_same(graph)
    assert not report.conforms and len(report.violations) >= 4
    from kg.graph.triples import Triples

    assert assert_same(Triples(graph)) == report  # a build's triples, without an rdflib Graph


def test_builds_triples_validate_without_an_rdflib_graph(build_result):
    assert build_result.triples is not None
    assert assert_same(build_result.triples) == shacl.validate(build_result.graph, SHAPES, ONTOLOGY)


# ---------------------------------------------------------------- (b) the broken graphs of test_validate


def test_fixture_same(mini):
    assert assert_same(mini).conforms


def test_missing_member_bad_enum_and_offsets_same(mini):
    membership = min(mini.subjects(RDF.type, ORG.Membership))
    mini.remove((membership, ORG.member, None))
    obs = min(mini.subjects(RDF.type, QB.Observation))
    mini.set((obs, KG.figureKind, Literal("bogus")))
    ev = min(mini.subjects(RDF.type, NIF.Phrase))
    mini.set((ev, NIF.beginIndex, Literal(10**6, datatype=XSD.nonNegativeInteger)))
    report = assert_same(mini)
    assert len(report.violations) == 3
    assert 'kg:figureKind must be one of level, change, share, target, count (value: "bogus")' in report.text()


def test_post_without_organization_same(mini):
    post = next(mini.subjects(RDF.type, ORG.Post))
    mini.remove((post, ORG.postIn, None))
    assert "a post needs exactly one org:postIn" in assert_same(mini).text()


def test_anchor_mismatch_graph_same(mini):
    ev = min(mini.subjects(RDF.type, NIF.Phrase))
    mini.set((ev, NIF.anchorOf, Literal("伪造")))
    assert assert_same(mini).conforms


def test_store_graph_same(mini, tmp_path):
    # OUT/store: Oxigraph keeps offsets as xsd:integer and strings as xsd:string; pyshacl
    # is given store.to_memory of it, the fast engine reads the store's own terms
    membership = min(mini.subjects(RDF.type, ORG.Membership))
    mini.remove((membership, ORG.role, None))
    mini.add((membership, KG.lastAttested, Literal("2024-13-45", datatype=XSD.date)))
    save_store(mini, tmp_path)
    report = assert_same(open_store(tmp_path))
    assert len(report.violations) == 2


# ---------------------------------------------------------------- default messages, fallback, the mixed-in ontology


DEFAULTS = f"""
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <{EX}> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:ThingShape a sh:NodeShape ; sh:targetClass ex:Thing ; sh:nodeKind sh:IRI ; sh:class ex:Named , ex:Other ;
  sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:string ] ,
    [ sh:path ex:kind ; sh:in ( "a" "b" ) ] , [ sh:path ex:tag ; sh:in ( "x"@en 1 ) ] ,
    [ sh:path ex:n ; sh:minInclusive 0 ; sh:maxInclusive 9 ; sh:severity sh:Warning ] ,
    [ sh:path ex:code ; sh:pattern "^[A-Z]+$" ] ,
    [ sh:path ex:begin ; sh:lessThanOrEquals ex:end ] ,
    [ sh:path ex:link ; sh:or ( [ sh:class ex:Named ] [ sh:datatype xsd:date ] ) ; sh:nodeKind sh:IRI ] .
ex:NamedShape a sh:NodeShape ; sh:targetClass ex:Named ; sh:class ex:Thing .
"""
DATA = f"""
@prefix ex: <{EX}> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a a ex:Thing , ex:Named ; ex:name "A" , "A2" ; ex:kind "c" ; ex:n 12 , -1 , "x" ; ex:code "ab1" ;
  ex:begin 5 ; ex:end 3 , 7 ; ex:link ex:a , "2024-01-05"^^xsd:date , "2024-13-45"^^xsd:date , ex:nowhere .
ex:b a ex:Thing ; ex:name 3 ; ex:kind "a" ; ex:tag "x"@EN , "x"@de , "1"^^xsd:integer , "01"^^xsd:integer ; ex:code "AB" ; ex:begin "z" ; ex:end 1 .
_:c a ex:Thing .
"""


@pytest.mark.parametrize("form", ["graph", "triples", "store"])
def test_default_messages_same(form, tmp_path):
    from kg.graph.triples import Triples

    shapes = Graph().parse(data=DEFAULTS, format="turtle")
    data = Graph().parse(data=DATA, format="turtle")
    if form == "triples":
        data = Triples(data)
    elif form == "store":
        save_store(data, tmp_path)
        data = open_store(tmp_path)
    report = assert_same(data, shapes)
    messages = {v.message for v in report.violations}
    assert "Value does not match pattern '^[A-Z]+$'" in messages
    assert any(m.startswith("Less than 1 values on") for m in messages)
    assert {v.severity for v in report.violations} == {"Violation", "Warning"}


def test_warnings_alone_conform():
    shapes = Graph().parse(data=DEFAULTS, format="turtle")
    data = Graph().parse(data=f"@prefix ex: <{EX}> . ex:a a ex:Thing , ex:Named , ex:Other ; ex:name 'A' ; ex:n 12 .",
                         format="turtle")
    fast = assert_same(data, shapes)
    assert fast.conforms and [v.severity for v in fast.violations] == ["Warning"]


def test_unsupported_construct_raises_and_validate_falls_back(mini):
    shapes = Graph()
    shapes += SHAPES
    shape = next(shapes.subjects(SH_TARGET, FOAF.Person))
    node = BNode()
    shapes.add((shape, URIRef("http://www.w3.org/ns/shacl#property"), node))
    shapes.add((node, URIRef("http://www.w3.org/ns/shacl#path"), FOAF.name))
    shapes.add((node, URIRef("http://www.w3.org/ns/shacl#minLength"), Literal(50)))
    with pytest.raises(shacl.Unsupported, match="sh:minLength"):
        shacl.validate(mini, shapes, ONTOLOGY)
    fast = validate(mini, shapes, ONTOLOGY)  # engine="fast": falls back to pyshacl
    slow = validate(mini, shapes, ONTOLOGY, engine="pyshacl")
    assert fast == slow and not fast.conforms


SH_TARGET = URIRef("http://www.w3.org/ns/shacl#targetClass")


def test_validate_rejects_an_unknown_engine(mini):
    with pytest.raises(ValueError, match="engine"):
        validate(mini, engine="nope")


def test_inoculated_ontology_is_pyshacls():
    from pyshacl.rdfutil.inoculate import inoculate

    theirs = inoculate(Graph(), ONTOLOGY)
    assert set(shacl.inoculated(ONTOLOGY)) == set(theirs)


# ---------------------------------------------------------------- (c) random breakage of a small valid graph


COMPILED = shacl.compile_shapes(SHAPES)
PROPERTIES = [(top, prop) for top in COMPILED for prop in top.properties]
POOL = [
    Literal("x"), Literal("x", lang="zh"), Literal("x", datatype=XSD.string), Literal("level"), Literal("increase"),
    Literal("bogus"), Literal("2024-13-45", datatype=XSD.date), Literal("2024-01-05", datatype=XSD.date),
    Literal("2024", datatype=XSD.gYear), Literal("2024-01-05T08:00:00", datatype=XSD.dateTime),
    Literal("abc", datatype=XSD.decimal), Literal("1.50", datatype=XSD.decimal), Literal("0.5", datatype=XSD.decimal),
    Literal("-3", datatype=XSD.nonNegativeInteger), Literal("3", datatype=XSD.nonNegativeInteger),
    Literal(-5), Literal(7), Literal(10**7), Literal("01", datatype=XSD.integer, normalize=False),
    Literal("true", datatype=XSD.boolean), Literal("1", datatype=XSD.boolean), Literal("0", datatype=XSD.positiveInteger),
    Literal("1 2 3.5 4"), Literal("1 2 3"), Literal(float("nan")), Literal("1e3", datatype=XSD.double),
    BNode("loose"), URIRef(EX + "nowhere"),
]


def _targets(graph: Graph, top) -> list:
    return sorted({s for cls in top.targets for s in graph.subjects(RDF.type, cls)}, key=str)


@st.composite
def mutations(draw, graph: Graph):
    """1-3 breakages of the graph, each a function of it."""
    steps = []
    for _ in range(draw(st.integers(1, 3))):
        top, prop = draw(st.sampled_from(PROPERTIES))
        nodes = sorted(set(graph.subjects()), key=str)
        value = draw(st.one_of(st.sampled_from(POOL), st.sampled_from(nodes)))
        kind = draw(st.sampled_from(["remove", "add", "set", "set", "type", "untype", "offsets"]))
        pick = draw(st.integers(0, 10**6))
        steps.append((kind, top, prop, value, pick))
    return steps


def _apply(graph: Graph, steps) -> None:
    for kind, top, prop, value, pick in steps:
        focus = _targets(graph, top)
        node = focus[pick % len(focus)] if focus else None
        if kind == "type":
            subjects = sorted(set(graph.subjects()), key=str)
            graph.add((subjects[pick % len(subjects)], RDF.type, top.targets[pick % len(top.targets)]))
        elif kind == "untype" and node is not None:
            types = sorted(graph.objects(node, RDF.type))
            graph.remove((node, RDF.type, types[pick % len(types)]))
        elif kind == "offsets":
            phrases = sorted(graph.subjects(RDF.type, NIF.Phrase), key=str)
            ev = phrases[pick % len(phrases)]
            end = graph.value(ev, NIF.endIndex)
            if end is None:
                continue  # an earlier step removed it: nothing to move
            end = int(end)
            graph.set((ev, NIF.beginIndex if pick % 2 else NIF.endIndex, Literal(end + 5 if pick % 2 else -1)))
        elif node is not None and kind == "remove":
            graph.remove((node, prop.path, None))
        elif node is not None and kind == "add":
            graph.add((node, prop.path, value))
        elif node is not None and kind == "set":
            graph.set((node, prop.path, value))


BASE = Graph().parse(FIXTURE)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_breakage_same_report(data):
    graph = Graph()
    graph += BASE
    _apply(graph, data.draw(mutations(BASE)))
    assert_same(graph)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_breakage_in_a_store_same_report(data):
    import tempfile

    graph = Graph()
    graph += BASE
    _apply(graph, data.draw(mutations(BASE)))
    with tempfile.TemporaryDirectory() as out:
        save_store(graph, out)
        assert_same(open_store(out))


def test_skos_concept_role_default_message(mini):
    role = min(mini.subjects(RDF.type, ORG.Role))
    mini.remove((role, RDF.type, SKOS.Concept))
    fast = assert_same(mini)
    assert [v.message for v in fast.violations] == ["Value does not have class skos:Concept"]
