"""Whole pages written for the tests (invented names), of another city and of a national
wire, built end to end: the genre's grammar, not the bundled page, must carry them."""
from pathlib import Path

from click.testing import CliRunner
from rdflib import Graph

from kg.cli import cli
from kg.graph.namespace import sparql_prologue

FIXTURES = Path(__file__).parent / "fixtures"

HOLDINGS = """SELECT ?n ?r ?o WHERE { ?m a org:Membership ; org:member/foaf:name ?n ;
    org:role/skos:prefLabel ?r ; org:organization/skos:prefLabel ?o }"""


def _build(tmp_path, name):
    src = tmp_path / "in"
    src.mkdir()
    (src / name).write_bytes((FIXTURES / name).read_bytes())
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(src), "-o", str(out), "-q", "--no-html", "--no-validate"])
    assert result.exit_code == 0, result.output
    g = Graph().parse(out / "graph.ttl")
    return {(str(n), str(r), str(o)) for n, r, o in g.query(sparql_prologue() + HOLDINGS)}, g


def test_unseen_city_page(tmp_path):
    got, g = _build(tmp_path, "city-page-2024-05-21.txt")
    expected = {
        ("张建华", "书记", "中共济宁市委员会"),
        ("王立新", "副书记", "中共济宁市委员会"), ("王立新", "市长", "济宁市人民政府"),
        ("刘国庆", "主任", "济宁市人民代表大会常务委员会"),
        ("陈晓明", "主席", "中国人民政治协商会议济宁市委员会"),
        ("赵志刚", "常委", "中共济宁市委员会"), ("赵志刚", "常务副市长", "济宁市人民政府"),
        ("钱文", "副市长", "济宁市人民政府"), ("孙丽", "副市长", "济宁市人民政府"),
        ("周建平", "书记", "中共任城区委员会"), ("吴海涛", "区长", "兖州区人民政府"),
        ("郑丽", "副书记", "中共邹城市委员会"), ("郑丽", "市长", "邹城市人民政府"),
        ("冯涛", "院长", "济宁市中级人民法院"), ("何军", "检察长", "济宁市人民检察院"),
        ("马明", "党组书记", "济宁市统计局"), ("马明", "局长", "济宁市统计局"),
        ("李伟", "党委书记", "山东能源集团有限公司"), ("李伟", "董事长", "山东能源集团有限公司"),
        ("孙海洋", "记者", "本报"), ("李静", "通讯员", "本报"), ("郭晓", "记者", "本报"),
    }
    assert got == expected


def test_unseen_national_page(tmp_path):
    got, g = _build(tmp_path, "national-page-2024-03-06.txt")
    assert {
        ("郑建国", "主任", "中华人民共和国国家发展和改革委员会"),
        ("刘晓东", "副主任", "中华人民共和国国家发展和改革委员会"),
        ("康义", "局长", "国家统计局"),
        ("李强", "总理", "中华人民共和国国务院"),
        ("王毅", "部长", "中华人民共和国外交部"), ("王文涛", "部长", "中华人民共和国商务部"),
        ("黄坤明", "书记", "中共广东省委员会"), ("王伟中", "省长", "广东省人民政府"),
        ("黄敏", "常委", "中共深圳市委员会"), ("黄敏", "常务副市长", "深圳市人民政府"),
        ("王小明", "记者", "新华通讯社"), ("李华", "记者", "新华通讯社"),
    } <= got
    names = {str(n) for (n,) in g.query(sparql_prologue() + "SELECT ?n WHERE { ?p a foaf:Person ; foaf:name ?n }")}
    # a foreign premier holds no post in 国务院: his own country's government, or none
    assert {a for n, _, a in got if n == "黄循财"} <= {"新加坡政府"}
    assert names >= {"郑建国", "刘晓东", "康义", "李强", "王毅", "王文涛", "黄坤明", "王伟中", "黄敏"}


def test_unseen_county_page(tmp_path):
    got, _ = _build(tmp_path, "county-page-2024-07-02.txt")
    assert got == {
        ("刘志强", "书记", "中共阳信县委员会"),
        ("孙建军", "副书记", "中共阳信县委员会"), ("孙建军", "县长", "阳信县人民政府"),
        ("赵明", "主任", "阳信县人民代表大会常务委员会"),
        ("钱红", "主席", "中国人民政治协商会议阳信县委员会"),
        ("李红", "党委书记", "中共温店镇委员会"), ("周强", "镇长", "商店镇人民政府"),
        ("王海燕", "记者", "本报"),
    }


def test_unseen_personnel_page(tmp_path):
    """A county paper's page of a work meeting, grassroots speakers, a firm spoken of as 该公司
    and an appointment notice of biographies under its own heading and byline."""
    got, g = _build(tmp_path, "personnel-page-2024-07-02.txt")
    assert {
        ("冯建军", "书记", "中共沛县委员会"),
        ("蒋立新", "副书记", "中共沛县委员会"), ("蒋立新", "县长", "沛县人民政府"),
        ("石磊", "党委副书记", "中共柳园镇委员会"), ("石磊", "镇长", "柳园镇人民政府"),
        ("李大勇", "书记", "张庄村党支部"), ("李大勇", "主任", "张庄村村民委员会"),
        ("许文娟", "主任", "城关街道办事处"),
        ("秦海峰", "总经理", "某某农业科技有限公司"),
        ("范明辉", "党委书记", "中共柳园镇委员会"),
        ("宋佳", "副局长", "沛县财政局"), ("宋佳", "局长", "沛县审计局"),
        ("韩雪", "记者", "本报"), ("卢阳", "通讯员", "本报"),
    } <= got
    # 拟任 is a proposal, not a post; the notice's heading is no one
    assert not any(o == "沛县农业农村局" for _, _, o in got)
    names = {str(n) for (n,) in g.query(sparql_prologue() + "SELECT ?n WHERE { ?p a foaf:Person ; foaf:name ?n }")}
    assert not names & {"干部", "公示"}
    former = {str(n) for (n,) in g.query(sparql_prologue() + """SELECT ?n WHERE {
        ?m a org:Membership ; kg:former true ; org:member/foaf:name ?n }""")}
    assert former == {"宋佳"}
