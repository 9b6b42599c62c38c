"""Careers across a dated corpus (tests/fixtures/careers: invented people, two cities,
five dates over three years, a promotion and a post reported as ended)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg.cli import cli

CAREERS = Path(__file__).parent / "fixtures" / "careers"


def _posts(out, name):
    return [(p.role, p.agency, p.begin, p.last_attested, p.end, p.former, len(p.articles))
            for c in kg.open(out).career(name) for p in c.posts]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("careers")
    kg.build([str(CAREERS)], out, html=False, progress=False, model=False)
    return out


def test_one_membership_per_person_and_post_with_first_and_last_dates(built):
    assert _posts(built, "林书远") == [
        ("副市长", "德州市人民政府", "2022-03-15", "2023-06-20", "", False, 3),
        ("市长", "德州市人民政府", "2024-01-10", "2024-09-05", "", False, 2),
    ]


def test_a_post_reported_as_ended_is_a_former_membership_with_an_end(built):
    assert _posts(built, "魏长河") == [("局长", "德州市农业农村局", "2022-03-15", "2023-06-20", "2024-01-10", True, 3)]


def test_no_one_day_intervals_and_shacl_accepts(built):
    graph = kg.open(built).store
    one_day = list(graph.query("""
        ASK { ?i time:hasBeginning ?b ; time:hasEnd ?e . ?b time:inXSDDate ?d . ?e time:inXSDDate ?d }"""))
    assert one_day == [False]
    open_ended = list(graph.query("""
        SELECT ?m WHERE { ?m a org:Membership ; org:memberDuring ?i . FILTER NOT EXISTS { ?i time:hasEnd ?e } }"""))
    # all but the one reported as ended: four officials' and the reporter's on each of the
    # five pages (no page says its paper, so each page's 本报 is its own)
    assert len(open_ended) == 9
    assert kg.open(built).validate().shacl.conforms


def test_kg_career_cli_table_json_and_unknown_name(built):
    runner = CliRunner()
    result = runner.invoke(cli, ["career", str(built), "林书远"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[1].split() == ["2022-03-15", "–", "2023-06-20", "(last", "seen)", "副市长", "德州市人民政府",
                                "(3", "articles)"]
    assert "2024-01-10  德州市政府全体会议召开" in result.output
    data = json.loads(runner.invoke(cli, ["career", str(built), "魏长河", "--format", "json"]).output)
    assert data[0]["posts"][0]["end"] == "2024-01-10" and data[0]["posts"][0]["former"] is True
    missing = runner.invoke(cli, ["career", str(built), "无此人"])
    assert missing.exit_code == 1 and 'No person named "无此人"' in missing.output


def test_saved_query_careers(built):
    rows = kg.open(built).query("careers").rows
    assert [(str(r["person"]), str(r["role"]), str(r["begin"])) for r in rows if str(r["person"]) == "林书远"] == [
        ("林书远", "副市长", "2022-03-15"), ("林书远", "市长", "2024-01-10")]


def test_update_with_an_older_article_moves_the_beginning_earlier(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for f in sorted(CAREERS.iterdir())[1:]:
        shutil.copy(f, inputs / f.name)
    out = tmp_path / "out"
    kg.build([str(inputs)], out, html=False, progress=False, model=False)
    assert _posts(out, "魏长河")[0][2] == "2023-06-20"
    older = tmp_path / "older"
    older.mkdir()
    first = sorted(CAREERS.iterdir())[0]
    shutil.copy(first, older / first.name)
    kg.build([str(older)], out, update=True, html=False, progress=False, model=False)
    assert _posts(out, "魏长河") == [("局长", "德州市农业农村局", "2022-03-15", "2023-06-20", "2024-01-10", True, 3)]


# ---- figure series (the same fixture: a figure repeated, and one that two articles disagree on)

IC = {  # RDF Data Cube integrity constraints (https://www.w3.org/TR/vocab-data-cube/#wf-rules), as ASK: true = violated
    "IC-1": """ASK { { ?obs a qb:Observation . FILTER NOT EXISTS { ?obs qb:dataSet ?d1 } }
                UNION { ?obs a qb:Observation ; qb:dataSet ?d1, ?d2 . FILTER (?d1 != ?d2) } }""",
    "IC-2": """ASK { { ?ds a qb:DataSet . FILTER NOT EXISTS { ?ds qb:structure ?s } }
                UNION { ?ds a qb:DataSet ; qb:structure ?s1, ?s2 . FILTER (?s1 != ?s2) } }""",
    "IC-11": """ASK { ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
                      ?dim a qb:DimensionProperty . FILTER NOT EXISTS { ?obs ?dim [] } }""",
    "IC-12": """ASK { FILTER(?allEqual) {
                  SELECT (MIN(?equal) AS ?allEqual) WHERE {
                    ?obs1 qb:dataSet ?dataset . ?obs2 qb:dataSet ?dataset . FILTER (?obs1 != ?obs2)
                    ?dataset qb:structure/qb:component/qb:componentProperty ?dim .
                    ?dim a qb:DimensionProperty .
                    ?obs1 ?dim ?value1 . ?obs2 ?dim ?value2 .
                    BIND(?value1 = ?value2 AS ?equal)
                  } GROUP BY ?obs1 ?obs2 } }""",
}


@pytest.mark.parametrize("name", sorted(IC))
def test_data_cube_integrity_constraints_hold(built, name):
    graph = kg.open(built).graph
    assert len(list(graph.subjects(None, None))) > 0
    assert list(graph.query(IC[name]))[0] is False, name


def test_series_in_period_order_with_the_conflict_flagged(built):
    found = kg.open(built).series("粮食播种面积")
    level = next(s for s in found if s.kind == "level")
    assert (level.area, level.unit) == ("德州市", "亩")
    assert [(p.period, p.value, p.conflicts) for p in level.points] == [
        ("2022-03-15", "12000000", []),
        ("2023-06-20", "12000000", []),  # repeated: another period, no conflict
        ("2023-12-31", "12050000", ["12100000"]),
        ("2023-12-31", "12100000", ["12050000"]),
    ]
    assert [p.date for p in level.points][-2:] == ["2024-01-10", "2024-09-05"]


def test_kg_series_cli(built):
    runner = CliRunner()
    result = runner.invoke(cli, ["series", str(built), "粮食播种面积"])
    assert result.exit_code == 0, result.output
    assert "粮食播种面积 · 德州市 · 亩 · level" in result.output
    assert "≠ 12100000 (conflict)" in result.output
    rows = runner.invoke(cli, ["series", str(built), "粮食播种面积", "--format", "csv"]).output.splitlines()
    assert rows[0].startswith("indicator,area,unit,kind,period,value") and len(rows) == 6
    missing = runner.invoke(cli, ["series", str(built), "不存在的指标"])
    assert missing.exit_code == 1 and 'No figures of "不存在的指标"' in missing.output


# ---- changes of post (tests/fixtures/changes, 2024-11-20: an appointment, a removal and a
# succession, about the people of tests/fixtures/careers)

CHANGES = Path(__file__).parent / "fixtures" / "changes"


@pytest.fixture(scope="module")
def with_changes(tmp_path_factory):
    out = tmp_path_factory.mktemp("changes")
    kg.build([str(CAREERS), str(CHANGES)], out, html=False, progress=False, model=False)
    return out

def test_changes_of_post_are_dated_events_with_person_post_and_evidence(with_changes):
    rows = kg.open(with_changes).query("""
        SELECT ?kind ?who ?post ?date ?anchor WHERE {
          ?c a kg:PostChange , schema:Event ; kg:changeKind ?kind ; schema:startDate ?date ;
             kg:changedPerson/foaf:name ?who ; kg:post/rdfs:label ?post ;
             prov:wasDerivedFrom/nif:anchorOf ?anchor } ORDER BY ?kind""").rows
    assert [(str(r["kind"]), str(r["who"]), str(r["post"]), str(r["date"])) for r in rows] == [
        ("appointment", "韩冬青", "德州市农业农村局局长", "2024-11-20"),
        ("removal", "邵明川", "德州市发展和改革委员会主任", "2024-11-20"),
        ("succession", "孙立平", "德州市发展和改革委员会主任", "2024-11-20"),
    ]
    assert str(rows[2]["anchor"]) == "孙立平接替邵明川任德州市发展和改革委员会主任"


def test_a_removal_ends_the_membership(with_changes):
    assert _posts(with_changes, "邵明川") == [("主任", "德州市发展和改革委员会", "2022-11-02", "2022-11-02", "2024-11-20", True, 2)]


def test_successions_said_and_by_dates(with_changes):
    rows = kg.open(with_changes).query("""
        SELECT ?after ?before ?post WHERE { ?m kg:succeeded ?n . ?m org:member/foaf:name ?after ;
          kg:post/rdfs:label ?post . ?n org:member/foaf:name ?before } ORDER BY ?after""").rows
    assert {(str(r["after"]), str(r["before"]), str(r["post"])) for r in rows} == {
        ("孙立平", "邵明川", "德州市发展和改革委员会主任"),  # 接替: said
        ("韩冬青", "魏长河", "德州市农业农村局局长"),  # first attested after 魏长河's post ended
    }


def test_change_patterns_read_names_posts_and_predecessors():
    ex = kg.extract_text("某市人大常委会召开会议\n\n本报讯 5月6日，德州市人大常委会召开会议，决定任命林书远为德州市副市长，"
                         "免去魏长河的德州市农业农村局局长职务。会议还决定，谷雨辰接替邵明川任德州市发展和改革委员会主任。"
                         "王建国同志光荣退休。据悉，孙立平当选为德州市政协主席。", date="2024-05-06", city="德州市")
    got = [(c.kind, c.person, c.role, c.agency.key if c.agency else "", c.predecessor) for c in ex.changes]
    assert got == [
        ("appointment", "林书远", "副市长", "德州市人民政府", ""),
        ("removal", "魏长河", "局长", "德州市农业农村局", ""),
        ("succession", "谷雨辰", "主任", "德州市发展和改革委员会", "邵明川"),
        ("retirement", "王建国", "", "", ""),
        ("election", "孙立平", "主席", "中国人民政治协商会议德州市委员会", ""),
    ]
    for c in ex.changes:
        assert ex.article.raw[c.evidence.start:c.evidence.end] == c.evidence.anchor
    assert {(h.person, h.former) for h in ex.holdings} >= {("林书远", False), ("魏长河", True), ("邵明川", True)}
