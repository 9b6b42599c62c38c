"""False merges on invented pages: the 本报 of pages whose paper is unknown, and a zone's
kind (经济开发区) read as a place when people who share a name are kept apart by place."""

import json

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal

from kg.cli import cli
from kg.graph.namespace import sparql_prologue
from kg.vocab.lexicon import place_of

_PAGE = """{head}

本报讯（记者　{reporter}）{day}日，{body}
"""

# (file, headline, reporter, day, body): pages of no known paper, one with two articles,
# two pages a sidecar gives the same paper, and people who share a name across places
_PAGES = [
    ("a.txt", "全县召开春耕生产会议", "周文博", 5, "全县春耕生产工作会议召开。县委书记刘志强出席会议并讲话。"),
    ("b.txt", "全市召开安全生产会议", "韩雪梅", 6, "全市安全生产工作会议召开。市长孙建军出席会议并讲话。"),
    ("c.txt", "全县召开防汛工作会议", "沈清扬", 7, "全县防汛工作会议召开。县长魏国强出席会议并讲话。"),
    ("p1.txt", "全市召开招商会议", "陆一鸣", 8, "全市招商工作会议召开。市长陶建平出席会议并讲话。"),
    ("p2.txt", "全市召开环保会议", "苗若溪", 9, "全市环保工作会议召开。市长陶建平出席会议并讲话。"),
    # 王立新 heads a zone of no named place on one page and a bureau of 潍坊市 on another: one person
    ("z1.txt", "开发区召开项目推进会", "童可心", 3, "开发区项目推进会召开。经济开发区管理委员会主任王立新出席会议并讲话。"),
    ("z2.txt", "潍坊市召开财政工作会议", "卫子航", 4, "潍坊市财政工作会议召开。潍坊市财政局局长王立新作工作报告。"),
    # 李文华 of 潍坊市 and 李文华 of 菏泽市, each also heading a zone: two people (both
    # names sort after 经济开发区, which keyed both pages as one person)
    ("m1.txt", "潍坊市召开招商工作会议", "严可为", 3,
     "潍坊市招商工作会议召开。潍坊市财政局局长李文华作工作报告。经济开发区管理委员会主任李文华介绍了项目情况。"),
    ("m2.txt", "菏泽市召开招商工作会议", "尹海川", 4,
     "菏泽市招商工作会议召开。菏泽市财政局局长李文华作工作报告。经济开发区管理委员会主任李文华介绍了项目情况。"),
    # 常思远 reports for 西岭日报 (two pages) and, someone else, for 南河日报; 葛星河 reports
    # for the unknown 本报 of two sources: nothing but the byline links them
    ("r1.txt", "全市召开植树会议", "常思远", 11, "全市植树工作会议召开。"),
    ("r2.txt", "全市召开春灌会议", "常思远", 12, "全市春灌工作会议召开。"),
    ("r3.txt", "全市召开消防会议", "常思远", 13, "全市消防工作会议召开。"),
    ("u1.txt", "全县召开义诊活动", "葛星河", 14, "全县义诊活动举行。"),
    ("u2.txt", "全县召开文化活动", "葛星河", 15, "全县文化活动举行。"),
    # 柏远航 reports for both papers, and another page names 市长柏远航 in its body: that links them
    ("r4.txt", "全市召开春运会议", "柏远航", 16, "全市春运工作会议召开。"),
    ("r5.txt", "全市召开防疫会议", "柏远航", 17, "全市防疫工作会议召开。"),
    ("q.txt", "全市召开人才会议", "秦明朗", 18, "全市人才工作会议召开。市长柏远航出席会议并讲话。"),
]
_PAPER_OF = {"p1": "东川日报", "p2": "东川日报", "r1": "西岭日报", "r2": "南河日报", "r3": "西岭日报",
             "r4": "西岭日报", "r5": "南河日报"}
# a second article on c.txt: the same source, so the same (unknown) paper
_SECOND = _PAGE.format(head="全县召开植树造林会议", reporter="方子健", day=6,
                       body="全县植树造林工作会议召开。县长魏国强出席会议。")


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    pages = tmp_path_factory.mktemp("pages")
    for name, head, reporter, day, body in _PAGES:
        text = _PAGE.format(head=head, reporter=reporter, day=day, body=body)
        (pages / name).write_text(text + ("\n" + _SECOND if name == "c.txt" else ""), encoding="utf-8")
    for name, paper in _PAPER_OF.items():
        (pages / f"{name}.meta.json").write_text(json.dumps({"paper": paper}, ensure_ascii=False),
                                                 encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(cli, ["build", str(pages), "--date", "2024-03-10", "-o", str(out), "-q", "--no-html"])
    assert result.exit_code == 0, result.output
    return Graph().parse(out / "graph.ttl", format="turtle")


def _papers(graph: Graph) -> dict[str, set[tuple[str, str]]]:
    """Reporter's name -> (paper IRI, paper label) of the paper each of their articles names
    them a member of (schema:author, then the membership)."""
    rows = graph.query(sparql_prologue() + """
        SELECT ?name ?org ?label WHERE {
          ?a schema:author ?p . ?p foaf:name ?name .
          ?m org:member ?p ; org:organization ?org . ?org a kg:Newspaper ; skos:prefLabel ?label }""")
    out: dict[str, set[tuple[str, str]]] = {}
    for name, org, label in rows:
        out.setdefault(str(name), set()).add((str(org), str(label)))
    return out


def test_unknown_papers_of_two_sources_are_two_nodes(graph):
    papers = _papers(graph)
    a, b, c = papers["周文博"], papers["韩雪梅"], papers["沈清扬"]
    assert {lab for _, lab in a | b | c} == {"本报"}
    assert len(a) == len(b) == len(c) == 1
    assert len({org for org, _ in a | b | c}) == 3  # three pages, three papers


def test_unknown_paper_is_one_node_within_its_source(graph):
    papers = _papers(graph)
    assert papers["方子健"] == papers["沈清扬"]


def test_known_paper_is_one_node_across_sources(graph):
    papers = _papers(graph)
    assert papers["陆一鸣"] == papers["苗若溪"]
    assert {lab for _, lab in papers["陆一鸣"]} == {"东川日报"}


def _reporters(graph: Graph, name: str) -> dict[str, set[str]]:
    """Person IRI -> the papers (IRIs) of their memberships, for one reporter's name."""
    rows = graph.query(sparql_prologue() + """
        SELECT ?p ?org WHERE { ?p foaf:name ?name . ?m org:member ?p ; org:organization ?org .
                               ?org a kg:Newspaper }""", initBindings={"name": Literal(name, lang="zh")})
    out: dict[str, set[str]] = {}
    for p, org in rows:
        out.setdefault(str(p), set()).add(str(org))
    return out


def test_reporters_of_two_papers_who_share_a_name_are_two_people(graph):
    people = _reporters(graph, "常思远")
    assert len(people) == 2
    assert all(len(papers) == 1 for papers in people.values())  # one paper each
    assert len(set().union(*people.values())) == 2


def test_reporter_of_one_paper_on_two_pages_is_one_person(graph):
    people = _reporters(graph, "常思远")
    articles = graph.query(sparql_prologue() + """
        SELECT ?p (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a schema:author ?p . ?p foaf:name ?name }
        GROUP BY ?p""", initBindings={"name": Literal("常思远", lang="zh")})
    counts = sorted(int(n) for p, n in articles if str(p) in people)
    assert counts == [1, 2]  # 西岭日报's two pages, 南河日报's one


def test_reporter_also_named_in_a_body_is_not_split_by_paper(graph):
    people = _people(graph, "柏远航")
    assert len(people) == 1
    assert {"西岭日报", "南河日报"} <= next(iter(people.values()))


def test_reporter_of_unknown_papers_only_stays_one_person(graph):
    """Two sources' unknown 本报 are two paper nodes, but may be one paper: no split."""
    people = _reporters(graph, "葛星河")
    assert len(people) == 1
    assert len(next(iter(people.values()))) == 2


def test_reporter_of_one_unknown_paper_is_one_person(graph):
    assert len(_reporters(graph, "方子健")) == len(_reporters(graph, "沈清扬")) == 1


def _people(graph: Graph, name: str) -> dict[str, set[str]]:
    """Person IRI -> labels of the agencies of their memberships, for one name."""
    rows = graph.query(sparql_prologue() + """
        SELECT ?p ?label WHERE { ?p foaf:name ?name . ?m org:member ?p ; org:organization ?org .
                                 ?org skos:prefLabel ?label }""", initBindings={"name": Literal(name, lang="zh")})
    out: dict[str, set[str]] = {}
    for p, label in rows:
        out.setdefault(str(p), set()).add(str(label))
    return out


def test_zone_of_no_place_does_not_split_a_name(graph):
    assert list(_people(graph, "王立新").values()) == [{"经济开发区管理委员会", "潍坊市财政局"}]


def test_zone_of_no_place_does_not_merge_two_places_people(graph):
    people = [frozenset(labels) for labels in _people(graph, "李文华").values()]
    assert sorted(people, key=sorted) == sorted([frozenset({"菏泽市财政局", "经济开发区管理委员会"}),
                                                 frozenset({"潍坊市财政局", "经济开发区管理委员会"})], key=sorted)


@pytest.mark.parametrize("label", ["经济开发区管理委员会", "高新技术产业开发区管委会", "新区管理委员会", "县经济开发区管委会",
                                   "中共经济技术开发区工作委员会", "工业园区管委会", "高新区管委会", "社区居民委员会",
                                   "综合保税区管理委员会", "市财政局", "中共县委员会"])
def test_zone_kinds_are_no_place(label):
    assert place_of(label) is None


@pytest.mark.parametrize("label,where", [("中共济宁市委员会", "济宁市"), ("东湖高新区管理委员会", "东湖高新区"),
                                         ("浦东新区人民政府", "浦东新区"), ("潍坊经济技术开发区管理委员会", "潍坊经济技术开发区"),
                                         ("潍坊市财政局", "潍坊市")])
def test_named_places_stay_places(label, where):
    assert place_of(label) == where
