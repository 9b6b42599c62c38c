"""kg.view.network: the networkx projection, analytics and GraphML/GEXF export."""
from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.view import network

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "viz_mini.ttl"
KGR = "https://w3id.org/kg-gov/id/"
GAO, ZHANG, LIN, EVIL = (KGR + f"person/{p}" for p in ("gao", "zhang", "lin", "evil"))
FGW, GOV, KJJ = (KGR + f"org/{o}" for o in ("fgw", "gov", "kjj"))
PLAN, EVENT, A1, A2 = KGR + "program/p3", KGR + "event/e1", KGR + "article/a1", KGR + "article/a2"


@pytest.fixture(scope="module")
def rdf():
    return network.read_graph(MINI)


@pytest.fixture(scope="module")
def nxg(rdf):
    return network.to_networkx(rdf)


def test_network_projection_has_typed_labelled_nodes(nxg):
    types = {n: d["type"] for n, d in nxg.nodes(data=True)}
    assert types[GAO] == "Person" and types[FGW] == "Organization"
    assert types[PLAN] == "Program" and types[EVENT] == "Event" and types[A1] == "Article"
    assert sorted(t for t in types.values() if t == "Post") == ["Post"] * 5
    assert nxg.nodes[GAO]["label"] == "高峰"
    assert nxg.nodes[FGW]["label"] == "聊城市发展和改革委员会"
    assert nxg.nodes[FGW]["alt_labels"] == sorted(["市发展改革委", "市发改委"])
    assert nxg.nodes[FGW]["kind"] == "GovernmentAgency"
    assert nxg.nodes[EVENT]["date"] == "2023-12-28"
    assert nxg.nodes[A2]["label"] == "<script>alert(1)</script>标题"  # kept as data


def test_network_holds_edge_weighted_with_evidence_and_dates(nxg):
    post = KGR + "post/fgw-sj"
    edge = nxg.edges[GAO, post, "holds"]
    assert edge["relation"] == "holds" and edge["weight"] == 1 and edge["label"] == "党组书记"
    assert edge["dates"] == ["2023-12-28"]
    (ev,) = edge["evidence"]
    assert ev["anchor"] == "市发展改革委党组书记、主任高 峰"
    assert ev["article"] == A1 and ev["headline"] == "聊城将实施产业振兴三年行动计划"
    assert ev["date"] == "2023-12-28" and (ev["begin"], ev["end"]) == (40, 56)
    assert nxg.has_edge(post, FGW, key="post_in")


def test_network_person_lists_posts_with_organization(nxg):
    posts = nxg.nodes[GAO]["posts"]
    assert [p["role"] for p in posts] == ["党组书记", "主任"]
    assert {p["organization"] for p in posts} == {"聊城市发展和改革委员会"}
    assert any("发展改革委党组书记" in e["sentence"] for e in nxg.nodes[GAO]["evidence"])


def test_network_typed_edges_between_agencies_programs_events(nxg):
    assert nxg.has_edge(FGW, GOV, key="sub_organization_of")
    assert nxg.has_edge(FGW, PLAN, key="leads")
    assert nxg.edges[FGW, PLAN, "leads"]["evidence"][0]["sentence"].startswith("实施产业振兴")
    assert nxg.has_edge(GOV, EVENT, key="organizes")
    assert nxg.edges[GAO, EVENT, "participates"]["role"] == "speaker"
    assert nxg.has_edge(A1, LIN, key="author")
    assert nxg.has_edge(A2, EVIL, key="mentions")


def test_network_two_speakers_at_one_event_are_linked(nxg):
    edge = nxg.edges[GAO, ZHANG, "co_participant"]
    assert edge["weight"] == 1 and edge["events"] == [EVENT]
    assert len(edge["evidence"]) == 2
    assert not nxg.has_edge(ZHANG, GAO)  # one edge per pair, sorted by id


def test_network_coappearance_counts_events_and_articles(nxg):
    co = network.coappearance(nxg)
    assert set(co) == {GAO, ZHANG, LIN, EVIL}
    assert co[GAO][ZHANG]["weight"] == 2  # the press conference and article a1
    assert co[GAO][ZHANG]["events"] == [EVENT] and co[GAO][ZHANG]["articles"] == [A1]
    assert co[GAO][EVIL]["weight"] == 1 and co[GAO][EVIL]["articles"] == [A2]
    assert not co.has_edge(GAO, LIN)  # the reporter wrote a1, he is not mentioned in it
    only_events = network.coappearance(nxg, via=["Event"])
    assert sorted(map(sorted, only_events.edges())) == [sorted([GAO, ZHANG])]


def test_network_centrality_ranks_the_official_in_most_places_first(nxg):
    rows = network.centrality(nxg, types=["Person"])
    assert [r["label"] for r in rows][0] == "高峰"
    assert {r["type"] for r in rows} == {"Person"}
    top = rows[0]
    assert top["degree"] == 6 and 0 < top["betweenness"] <= 1
    assert 0 < top["degree_centrality"] <= 1
    assert len(network.centrality(nxg, top=3)) == 3


def test_network_communities_partition_all_nodes_deterministically(nxg):
    first, second = network.communities(nxg, seed=1), network.communities(nxg, seed=1)
    assert first == second
    assert sorted(n for c in first for n in c) == sorted(nxg)
    assert [len(c) for c in first] == sorted((len(c) for c in first), reverse=True)


def test_network_projection_is_deterministic(rdf):
    one, two = network.to_networkx(rdf), network.to_networkx(rdf)
    assert list(one.nodes(data=True)) == list(two.nodes(data=True))
    assert list(one.edges(keys=True, data=True)) == list(two.edges(keys=True, data=True))


def test_network_summary_counts(nxg):
    info = network.summary(nxg, top=2)
    assert info["node_types"] == {"Article": 2, "Event": 1, "Organization": 5, "Person": 4,
                                  "Post": 5, "Program": 1}
    assert info["relations"]["holds"] == 5 and info["relations"]["co_participant"] == 1
    assert info["nodes"] == 18 and len(info["central_people"]) == 2
    assert info["coappearance"] == {"people": 4, "links": 2}


@pytest.mark.parametrize("suffix,reader", [(".graphml", nx.read_graphml), (".gexf", nx.read_gexf)])
def test_network_export_round_trips(nxg, tmp_path, suffix, reader):
    path = network.export(nxg, tmp_path / f"g{suffix}")
    back = reader(path)
    assert back.number_of_nodes() == nxg.number_of_nodes()
    assert back.number_of_edges() == nxg.number_of_edges()
    node = back.nodes[GAO]
    assert node["label"] == "高峰" and node["type"] == "Person"
    assert json.loads(node["posts"])[0]["role"] == "党组书记"
    relations = {d.get("relation") for _, _, d in back.edges(data=True)}
    ids = re.findall(r'<edge [^>]*?id="([^"]+)"', path.read_text(encoding="utf-8"))
    assert len(ids) == len(set(ids)) == nxg.number_of_edges()  # Gephi merges repeated ids
    assert {"holds", "co_participant", "leads", "mentions"} <= relations
    assert [p.name for p in tmp_path.iterdir()] == [f"g{suffix}"]  # no temp file left


def test_network_export_coappearance_graph(nxg, tmp_path):
    path = network.export(network.coappearance(nxg), tmp_path / "co.gexf")
    back = nx.read_gexf(path)
    assert back.number_of_edges() == 2 and back.nodes[ZHANG]["label"] == "张明"


def test_network_export_rejects_unknown_format(nxg, tmp_path):
    with pytest.raises(ValueError, match="graphml or .gexf"):
        network.export(nxg, tmp_path / "g.csv")


def test_network_read_graph_names_the_fix(tmp_path):
    with pytest.raises(FileNotFoundError, match="kg build"):
        network.read_graph(tmp_path)


def test_cli_network_prints_summary_and_exports(tmp_path):
    target = tmp_path / "out.graphml"
    result = CliRunner().invoke(cli, ["network", str(MINI), "--export", str(target), "--json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.output)
    assert info["central_people"][0]["label"] == "高峰" and info["exported"] == str(target)
    assert nx.read_graphml(target).number_of_nodes() == 18
    text = CliRunner().invoke(cli, ["network", str(MINI)])
    assert text.exit_code == 0 and "高峰" in text.output and "communities:" in text.output


def test_cli_network_missing_build_is_an_error(tmp_path):
    result = CliRunner().invoke(cli, ["network", str(tmp_path)])
    assert result.exit_code == 1 and "kg build" in result.output


def test_network_edge_rows_and_community_table(nxg):
    rows = network.edge_rows(network.coappearance(nxg))
    assert rows[0] == {"source": "高峰", "source_type": "Person", "relation": "coappears",
                       "target": "张明", "target_type": "Person", "weight": 2,
                       "events": 1, "articles": 1}
    leads = network.edge_rows(nxg, relations=["leads"])
    assert [(r["source"], r["target"]) for r in leads] == [("聊城市发展和改革委员会", "产业振兴三年行动计划")]
    table = network.community_table(nxg)
    assert sum(r["size"] for r in table) == nxg.number_of_nodes()
    assert any("高峰" in r["members"] for r in table)


def test_network_summary_keeps_reporters_apart(tmp_path):
    """The most central officials are officials: the articles' reporters are counted apart."""
    import kg

    out = tmp_path / "out"
    kg.build([str(Path(__file__).parent / "fixtures" / "city-page-2024-05-21.txt")], out, progress=False,
             html=False, model=False)
    nxg = kg.open(out).network()
    info = network.summary(nxg, top=50)
    reporters = {v for _, v, k in nxg.edges(keys=True) if k == "author"}
    assert info["reporters"] == len(reporters) > 0
    assert not reporters & {row["id"] for row in info["central_people"]}


def test_network_export_is_readable_by_others(tmp_path, nxg):
    import os

    mask = os.umask(0)
    os.umask(mask)
    for name in ("x.gexf", "x.graphml"):
        path = network.export(nxg, tmp_path / name)
        assert path.stat().st_mode & 0o777 == 0o666 & ~mask  # not mkstemp's 0600


def test_an_armed_force_shows_its_own_kind_beside_government_agency(tmp_path):
    """kg:ArmedForce bodies (a theatre's service under its theatre) keep the GovernmentAgency
    type for queries; the view names both kinds (invented text)."""
    from kg import builder

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page-2024-01-05.txt").write_text(
        "东部战区陆军召开会议\n\n本报讯 12月1日，东部战区陆军司令员林东海出席会议并讲话。他强调，要加强战备训练。\n",
        encoding="utf-8")
    builder.build([str(tmp_path / "in")], tmp_path / "out", progress=False, html=False, store=False)
    projected = network.to_networkx(network.read_graph(tmp_path / "out" / "graph.ttl"))
    kinds = {d["label"]: d.get("kind") for _, d in projected.nodes(data=True) if d["type"] == "Organization"}
    assert kinds["中国人民解放军东部战区陆军"] == "ArmedForce,GovernmentAgency"
    assert kinds["中国人民解放军东部战区"] == "ArmedForce,GovernmentAgency"
