"""kg query: saved queries, files, stdin, formats, and clear errors."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import cli
from kg.graph.store import memory_store
from kg.serve.query import QuerySyntaxError, format_result, resolve_query, run_query, saved_queries

FIXTURE = Path(__file__).parent / "fixtures" / "mini.ttl"


@pytest.fixture(scope="module")
def graph():
    return memory_store(Graph().parse(FIXTURE))


def _kg(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_query_saved_queries_exist_with_descriptions():
    saved = saved_queries()
    for name in ("people-posts", "agencies-people", "articles-reporters"):
        assert name in saved
        assert saved[name].description


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_query_saved_queries_parse_and_run_in_both_stores(graph, name):
    text = resolve_query(name)
    in_ox = run_query(graph, text)
    in_memory = run_query(Graph().parse(FIXTURE), text)
    assert len(list(in_ox)) == len(list(in_memory)) > 0


def test_query_people_posts_table(out):
    result = _kg("query", str(out), "people-posts")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["person", "role", "agency", "date", "headline", "id"]
    assert any(line.split()[:4] == ["高峰", "主任", "聊城市发展和改革委员会", "2023-12-28"] for line in lines)
    assert lines[-1] == "(6 rows)"


def test_query_printed_ids_are_valid_sparql(out):
    """An id from kg query's table, pasted back into a query, finds its node."""
    table = _kg("query", str(out), "people-posts").output.splitlines()
    person_id = next(line.split()[-1] for line in table if line.startswith("高峰"))
    assert person_id.startswith("kgr:person")
    result = _kg("query", str(out), f"SELECT ?n WHERE {{ {person_id} foaf:name ?n }}", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1:] == ["高峰"]


def test_query_excel_csv_has_a_bom_and_crlf(out):
    result = _kg("query", str(out), "people-posts", "--format", "excel")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith("\ufeffperson,role,agency,date,headline,id\r\n".encode("utf-8"))


def test_query_agencies_people_csv(out):
    result = _kg("query", str(out), "agencies-people", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    by_agency = {r["agency"]: r for r in rows}
    assert by_agency["聊城市科学技术局"]["people"] == "1"
    assert by_agency["聊城市科学技术局"]["names"] == "王相东"
    assert by_agency["聊城市人民政府"]["people"] == "0"


def test_query_articles_reporters_json(out):
    result = _kg("query", str(out), "articles-reporters", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["head"]["vars"] == ["date", "headline", "reporters"]
    headlines = {b["headline"]["value"]: b["reporters"]["value"] for b in data["results"]["bindings"]}
    assert headlines == {"聊城将实施产业振兴三年行动计划": "林金彦", "我市国家科技型中小企业达1155家": "林金彦"}


def test_query_text_file_and_stdin(out, tmp_path):
    q = "SELECT ?n WHERE { ?p a foaf:Person ; foaf:name ?n } ORDER BY ?n"
    text = _kg("query", str(out), q, "--format", "csv")
    rq = tmp_path / "names.rq"
    rq.write_text(q, encoding="utf-8")
    from_file = _kg("query", str(out), str(rq), "--format", "csv")
    from_stdin = _kg("query", str(out), "-", "--format", "csv", input=q)
    assert text.output == from_file.output == from_stdin.output == "n\n林金彦\n王相东\n高峰\n"


def test_query_ask_and_construct(out):
    assert _kg("query", str(out), "ASK { ?s a org:Membership }").output.strip() == "true"
    result = _kg("query", str(out), "CONSTRUCT { ?p foaf:name ?n } WHERE { ?p foaf:name ?n }")
    assert result.exit_code == 0
    assert len(Graph().parse(data=result.output, format="turtle")) == 3


def test_query_missing_store_says_run_build(tmp_path):
    result = _kg("query", str(tmp_path / "nope"), "people-posts")
    assert result.exit_code == 1
    assert 'not found - run "kg build" first' in result.output


def test_query_syntax_error_has_line_and_column(out, graph):
    result = _kg("query", str(out), "SELECT ?s\nWHERE { ?s ?p }")
    assert result.exit_code == 1
    assert "SPARQL syntax error at line 2, column 16: expected one of" in result.output
    with pytest.raises(QuerySyntaxError) as err:
        run_query(graph, "SELECT ?s\nWHERE { ?s ?p }")
    assert (err.value.line, err.value.column) == (2, 16)


def test_query_unknown_name_lists_saved_queries(out):
    result = _kg("query", str(out), "peoples-posts")
    assert result.exit_code == 1
    assert 'No saved query named "peoples-posts"' in result.output
    assert "people-posts" in result.output


def test_query_list_saved(out):
    result = _kg("query", str(out), "list")
    assert result.exit_code == 0
    assert "articles-reporters" in result.output


def test_query_table_aligns_cjk(graph):
    text = format_result(run_query(graph, resolve_query("articles-reporters")), "table")
    lines = text.splitlines()
    # CJK counts two columns: the header and rows line up on the reporters column
    col = lines[0].index("reporters")
    assert all(line.rstrip().endswith("林金彦") for line in lines[2:4])
    assert col > 0


@pytest.mark.parametrize("name", ["articles-reporters", "agencies-people"])
def test_query_aggregates_survive_optional_gaps_in_rdflib(name):
    # an article with no reporter and an agency with nobody: rdflib's GROUP_CONCAT
    # fails on unbound values unless the query COALESCEs them
    g = Graph().parse(FIXTURE)
    from kg.graph.namespace import SCHEMA
    g.remove((None, SCHEMA.author, None))
    rows_memory = list(run_query(g, resolve_query(name)))
    rows_ox = list(run_query(memory_store(g), resolve_query(name)))
    assert len(rows_memory) == len(rows_ox) > 0
