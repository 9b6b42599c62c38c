"""kg explain: the sentences behind a node or a fact."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.namespace import RDF

from kg.cli import cli
from kg.graph.namespace import NIF, ORG
from kg.serve.explain import explain, resolve_term

FIXTURE = Path(__file__).parent / "fixtures" / "mini.ttl"
CORPUS = Path(__file__).parent.parent / "corpus" / "liaocheng-daily-2023-12-28.txt"


@pytest.fixture(scope="module")
def mini() -> Graph:
    return Graph().parse(FIXTURE)


def test_explain_fixture_anchors_are_raw_file_spans(mini):
    raw = CORPUS.read_text(encoding="utf-8")
    for ev in mini.subjects(RDF.type, NIF.Phrase):
        b, e = int(mini.value(ev, NIF.beginIndex)), int(mini.value(ev, NIF.endIndex))
        assert raw[b:e] == str(mini.value(ev, NIF.anchorOf))


def test_explain_person_lists_memberships_and_event_with_sentences(mini):
    node = resolve_term(mini, "高峰")
    result = explain(mini, node)
    kinds = sorted(t for f in result.facts for t in f.types)
    assert kinds == ["kg:Participation", "org:Membership", "org:Membership", "schema:Event"]
    text = result.text()
    assert "高峰 — 主任 — 聊城市发展和改革委员会" in text
    assert "«市发展改革委党组书记、主任高 峰»" in text
    assert "[69:85]" in text
    assert "市发展改革委党组书记、主任高峰介绍" in text  # the repaired sentence


def test_explain_membership_fact_by_prefixed_iri(mini):
    membership = sorted(mini.subjects(RDF.type, ORG.Membership))[0]
    short = "kgr:" + str(membership).split("/id/", 1)[1]
    assert resolve_term(mini, short) == membership
    result = explain(mini, membership)
    assert result.facts[0].iri == str(membership)
    assert result.facts[0].spans


def test_explain_cli_on_store(out):
    result = CliRunner().invoke(cli, ["explain", str(out), "聊城市科学技术局"])
    assert result.exit_code == 0, result.output
    assert "王相东 — 局长 — 聊城市科学技术局" in result.output
    assert "«局长王相东»" in result.output


def test_explain_cli_unknown_node(out):
    result = CliRunner().invoke(cli, ["explain", str(out), "无此人"])
    assert result.exit_code == 1
    assert 'No node "无此人"' in result.output


def test_explain_person_lists_only_their_own_memberships(tmp_path):
    """Two people who hold the same post: each explanation shows its own membership."""
    import kg

    page = tmp_path / "page-2024-05-01.txt"
    page.write_text("济宁市副市长王立国出席会议。\n济宁市副市长赵东方主持会议。\n", encoding="utf-8")
    kg.build([str(page)], tmp_path / "out", progress=False, html=False, model=False)
    text = kg.open(tmp_path / "out").explain("王立国").text()
    assert "王立国" in text and "赵东方" not in text


def test_explain_a_name_that_is_also_a_spans_raw_text_means_the_person():
    """A byline's evidence reads exactly the name (nif:anchorOf 王某): the name still names
    the person, not two nodes."""
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import RDF

    from kg.graph.namespace import FOAF, KGR, NIF
    from kg.serve.explain import resolve_term

    graph = Graph()
    person, evidence = URIRef(f"{KGR}person/aaa"), URIRef(f"{KGR}evidence/bbb")
    graph.add((person, RDF.type, FOAF.Person))
    graph.add((person, FOAF.name, Literal("王某某", lang="zh")))
    graph.add((evidence, RDF.type, NIF.Phrase))
    graph.add((evidence, NIF.anchorOf, Literal("王某某")))
    assert resolve_term(graph, "王某某") == person
    graph.remove((person, FOAF.name, None))
    assert resolve_term(graph, "王某某") == evidence  # a raw text alone still finds its span
