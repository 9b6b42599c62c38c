"""The SKOS export of the vocabularies stays in sync with the TSVs and joins the graph."""
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import SKOS

from kg.graph.namespace import mint
from kg.graph.skos import INDICATORS, TITLES, indicator_concept_iri, vocab_graph
from kg.vocab.indicators import concept_for, indicator_concepts

ROOT = Path(__file__).resolve().parents[1]


def test_skos_vocab_ttl_in_sync_with_tsv():
    committed = (ROOT / "ontology" / "vocab.ttl").read_text(encoding="utf-8")
    assert committed == vocab_graph().serialize(format="turtle"), "run: python -m kg.graph.skos > ontology/vocab.ttl"


def test_skos_roles_share_iris_with_the_graph():
    g = Graph().parse(ROOT / "ontology" / "vocab.ttl")
    assert (mint("role", "常务副市长"), SKOS.inScheme, TITLES) in g


# ---- the scheme of statistical indicators (ontology/vocab/indicators.tsv)


def test_indicator_scheme_loads_with_codes_and_labels():
    concepts = indicator_concepts()
    assert len(concepts) >= 40
    assert len({c.code for c in concepts}) == len(concepts)
    assert all(c.label and c.alt_labels for c in concepts)
    g = Graph().parse(ROOT / "ontology" / "vocab.ttl")
    gdp = indicator_concept_iri("GDP")
    assert (gdp, SKOS.inScheme, INDICATORS) in g
    assert {str(o) for o in g.objects(gdp, SKOS.altLabel)} >= {"国内生产总值", "GDP"}


@pytest.mark.parametrize("wording,code", [
    ("国内生产总值", "GDP"), ("地区生产总值", "GDP"), ("全市GDP", "GDP"), ("ＧＤＰ", "GDP"),
    ("规上工业增加值", "VA_INDUSTRY_LARGE"), ("规模以上工业增加值", "VA_INDUSTRY_LARGE"),
    ("社零总额", "RETAIL"), ("全社会固定资产投资", "FAI"), ("新增城镇就业", "EMPLOYMENT_NEW"),
    ("CPI", "CPI"), ("居民消费价格总水平", "CPI"), ("货物进出口总额", "TRADE"),
    ("地方一般公共预算收入", "REV_BUDGET"), ("粮食总产量", "GRAIN_OUTPUT"),
    ("全县市场主体数", "MARKET_ENTITIES"),  # a scope word before and a count's 数 after are set aside
])
def test_indicator_scheme_maps_alternative_wordings(wording, code):
    assert concept_for(wording).code == code


@pytest.mark.parametrize("wording", ["企业代表", "工业增加值增长点", "生产总值目标任务", "", "数"])
def test_indicator_scheme_does_not_guess(wording):
    assert concept_for(wording) is None


def test_figures_of_one_concept_are_one_series(tmp_path):
    import kg

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "2024-02-01.txt").write_text("济宁经济运行平稳\n\n2023年，全市国内生产总值达到5200亿元。\n", encoding="utf-8")
    (pages / "2024-03-01.txt").write_text("济宁发布统计公报\n\n2023年，全市GDP为5230亿元。\n", encoding="utf-8")
    out = tmp_path / "out"
    kg.build([str(pages)], out, html=False, progress=False, model=False)
    g = kg.open(out)
    found = g.series("地区生产总值")
    assert [(s.indicator, s.unit, len(s.points)) for s in found] == [("地区生产总值", "元", 2)]
    points = found[0].points
    assert sorted(p.wording for p in points) == ["GDP", "国内生产总值"]
    assert [p.conflicts for p in points] == [["523000000000"], ["520000000000"]]  # one period, two values
    assert [s.indicator for s in g.series("GDP")] == ["地区生产总值"]  # any label of the concept finds it
    rows = g.query("SELECT ?w WHERE { ?i skos:exactMatch ?c . ?c skos:notation 'GDP' ; skos:inScheme ?s . "
                   "?i skos:prefLabel ?w }")
    assert sorted(str(r["w"]) for r in rows) == ["GDP", "国内生产总值"]


def test_a_value_reprinted_links_once_per_other_value(tmp_path):
    """Three pages say 5200, three say 5230: each figure conflicts with one figure of the
    other value (6 links), not with all of them (18): reprints do not grow the graph
    quadratically, and every point still lists the other value."""
    import kg
    from rdflib import Graph

    from kg.graph.namespace import KG

    pages = tmp_path / "pages"
    pages.mkdir()
    for day, value in ((1, 5200), (2, 5200), (3, 5200), (4, 5230), (5, 5230), (6, 5230)):
        (pages / f"2024-02-0{day}.txt").write_text(f"济宁经济运行平稳\n\n2023年，全市国内生产总值达到{value}亿元。\n",
                                                   encoding="utf-8")
    out = tmp_path / "out"
    kg.build([str(pages)], out, html=False, progress=False, model=False)
    g = Graph().parse(out / "graph.ttl")
    assert len(list(g.triples((None, KG.conflictsWith, None)))) == 6
    points = kg.open(out).series("地区生产总值")[0].points
    assert sorted(p.conflicts for p in points) == [["520000000000"]] * 3 + [["523000000000"]] * 3
