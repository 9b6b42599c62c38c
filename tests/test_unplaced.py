"""Bodies named with no place (财政局, 人民医院, 州委) on invented pages of different places:
each page's body is its own node; a body with its place written (潍坊市财政局) is one."""

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import cli
from kg.graph.namespace import sparql_prologue
from kg.nlp.agencies import unplaced

# two county pages that never name their county; each names the same kinds of body bare
_BARE = """全县召开工作会议

本报讯（记者　张明）3月5日，全县工作会议召开。财政局局长{fin}介绍了资金安排。公安局局长{pol}参加会议。州委书记{sec}出席会议。
"""
# two pages that write the body's place: the same bureau in both
_PLACED = """潍坊市召开财政工作会议

本报讯（记者　赵刚）{day}日，潍坊市财政工作会议召开。潍坊市财政局局长吴国平作工作报告。
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    pages = tmp_path_factory.mktemp("pages")
    (pages / "a.txt").write_text(_BARE.format(fin="林海涛", pol="赵小军", sec="王建国"), encoding="utf-8")
    (pages / "b.txt").write_text(_BARE.format(fin="郑光明", pol="钱大伟", sec="孙德胜"), encoding="utf-8")
    (pages / "c.txt").write_text(_PLACED.format(day=3), encoding="utf-8")
    (pages / "d.txt").write_text(_PLACED.format(day=9), encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(cli, ["build", str(pages), "--date", "2024-03-10", "-o", str(out), "-q", "--no-html"])
    assert result.exit_code == 0, result.output
    return Graph().parse(out / "graph.ttl", format="turtle")


def _agencies(graph: Graph) -> dict[str, set[tuple[str, str]]]:
    """Person's name -> (agency IRI, agency label) of each of their memberships."""
    rows = graph.query(sparql_prologue() + """
        SELECT ?name ?org ?label WHERE {
          ?m org:member ?p ; org:organization ?org .
          ?p foaf:name ?name . ?org skos:prefLabel ?label }""")
    out: dict[str, set[tuple[str, str]]] = {}
    for name, org, label in rows:
        out.setdefault(str(name), set()).add((str(org), str(label)))
    return out


@pytest.mark.parametrize("first,second,label", [("林海涛", "郑光明", "财政局"), ("赵小军", "钱大伟", "公安局"),
                                                ("王建国", "孙德胜", "州委")])
def test_bare_bodies_of_two_pages_are_two_agencies(graph, first, second, label):
    held = _agencies(graph)
    a = {org for org, lab in held[first] if lab == label}
    b = {org for org, lab in held[second] if lab == label}
    assert a and b, (held.get(first), held.get(second))
    assert not a & b  # two counties' bureaus never one node


def test_body_with_its_place_still_merges(graph):
    rows = graph.query(sparql_prologue() + """
        SELECT DISTINCT ?org WHERE { ?org skos:prefLabel "潍坊市财政局"@zh }""")
    assert len(list(rows)) == 1
    assert {lab for _, lab in _agencies(graph)["吴国平"]} == {"潍坊市财政局"}


@pytest.mark.parametrize("label", ["财政局", "公安局", "人民医院", "中医院", "第一人民医院", "妇幼保健院", "州委",
                                   "旗人民政府", "卫生健康委员会", "人民法院", "中级人民法院", "村党支部", "街道办事处",
                                   "经济开发区管理委员会", "第一中学", "中共县委员会", "市财政局"])
def test_kind_only_names_are_unplaced(label):
    assert unplaced(label)


@pytest.mark.parametrize("label", ["潍坊市财政局", "中共济宁市委员会", "国家统计局", "最高人民法院", "财政部", "国务院",
                                   "协和医院", "清华大学", "东湖高新区管理委员会", "中共中央纪律检查委员会",
                                   "华为技术有限公司", "市场监督管理总局", "济南财政局"])
def test_named_bodies_are_placed(label):
    assert not unplaced(label)


def test_a_deputy_title_names_no_county():
    """副县长 / 副区长 opening a sentence is a deputy's title, never a county named 副县: a county
    paper that names no county gives its deputy head the unplaced county government."""
    from kg.nlp.agencies import infer_county

    text = "全县春耕生产工作会议召开。副县长韦立平出席会议并讲话。县委书记强调，要抓好春耕。副区长到会。"
    assert infer_county(text) is None
    assert infer_county("阳信县召开全县干部大会。副县长韦立平出席。阳信县县委书记讲话。") == "阳信县"  # a named county still is
