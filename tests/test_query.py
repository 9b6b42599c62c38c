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


def test_query_construct_as_json_ld_is_the_same_under_any_hash_seed(out):
    """kg query OUT CONSTRUCT --format json: rdflib's JSON-LD writer follows its sets' order;
    kg sorts nodes by @id and values and keys, so two processes with other hash seeds agree."""
    import os
    import subprocess
    import sys

    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    bodies = []
    for seed in ("1", "2", "3"):
        done = subprocess.run([sys.executable, "-m", "kg", "query", str(out), construct, "--format", "json"],
                              capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed},
                              cwd=Path(__file__).resolve().parents[1])
        bodies.append(done.stdout)
    assert bodies[0] == bodies[1] == bodies[2]
    nodes = json.loads(bodies[0])
    ids = [n["@id"] for n in nodes]
    assert ids == sorted(ids) and len(ids) > 5
    from rdflib import Literal

    def triples(graph):  # literals by value: the Turtle writer gives decimals a ".0"
        return {(s, p, o.toPython() if isinstance(o, Literal) else o) for s, p, o in graph}

    turtle = _kg("query", str(out), construct).output
    assert triples(Graph().parse(data=bodies[0], format="json-ld")) == triples(Graph().parse(data=turtle, format="turtle"))


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


# ---- the engine's answer printed as it is: rows compared with rdflib's evaluation, text
# compared with the rdflib path kg query took before (oxrdflib: every term an rdflib object)

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
ODD_LITERALS = """SELECT ?v WHERE { VALUES ?v {
  1.50 007 "+5"^^xsd:integer " 5"^^xsd:int -0.0 "1E2"^^xsd:decimal "abc"^^xsd:decimal
  2.5e0 1e20 "INF"^^xsd:double "NaN"^^xsd:float "1.0"^^xsd:float "x"^^xsd:double
  true "1"^^xsd:boolean "TRUE"^^xsd:boolean "2023-12-28"^^xsd:date "2023-12-28Z"^^xsd:date
  "2023-1-1"^^xsd:date "2024"^^xsd:gYear "2024-05"^^xsd:gYearMonth "2024-01-05T08:00:00"^^xsd:dateTime
  " a  b "^^xsd:token "x"^^<http://example.org/dt> "plain" "中文"@zh "x"@EN-us <http://example.org/a>
  kgr:person\\/7156136dbb4a
} } ORDER BY STR(?v)"""


@pytest.fixture(scope="module")
def page_build(tmp_path_factory):
    """A real build of the bundled page: graph.ttl and OUT/store."""
    from kg.builder import build

    folder = tmp_path_factory.mktemp("page")
    build([str(CORPUS)], folder, html=False, progress=False)
    return folder


def _cells(result) -> list[tuple]:
    """Rows as text, sorted; numbers by value (Oxigraph keeps 6000000.0 as 6000000); a
    GROUP_CONCAT list (joined by 、) in sorted order, since the engines concatenate a
    group's values in different orders."""
    from decimal import Decimal

    from rdflib import Literal

    from kg.serve.query import short, to_rdflib

    def cell(term) -> str:
        term = to_rdflib(term)
        if isinstance(term, Literal) and isinstance(term.value, (int, float, Decimal)) and not isinstance(term.value, bool):
            return format(Decimal(str(term.value)).normalize(), "f")
        return "、".join(sorted(short(term).split("、")))

    return sorted(tuple(cell(t) for t in row) for row in result)


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_query_engine_rows_match_rdflib_on_a_build(page_build, name):
    """Saved queries on the engine (pyoxigraph terms, no rdflib object) give rdflib's rows."""
    import pyoxigraph as ox

    from kg.graph.namespace import PREFIXES
    from kg.graph.store import open_ox_store
    from kg.serve.query import QueryResult

    text = resolve_query(name)
    native = run_query(open_ox_store(page_build), text)
    assert isinstance(native, QueryResult) and native.type == "SELECT"
    assert all(t is None or type(t) in (ox.NamedNode, ox.Literal, ox.BlankNode) for row in native for t in row)
    reference = Graph().parse(page_build / "graph.ttl", format="turtle").query(text, initNs=PREFIXES)
    assert native.vars == [str(v) for v in reference.vars]
    assert len(native) > 0
    if name == "programs-agencies":  # SAMPLE(?s) may pick any of a program's sentences
        assert sorted(r[:4] for r in _cells(native)) == sorted(r[:4] for r in _cells(reference))
    else:
        assert _cells(native) == _cells(reference)


@pytest.mark.parametrize("name", sorted(saved_queries()) + ["odd-literals"])
@pytest.mark.parametrize("fmt", ["table", "csv", "excel", "json"])
def test_query_text_is_the_same_as_through_rdflib_terms(page_build, name, fmt):
    """kg query prints the engine's terms exactly as it printed their rdflib conversions."""
    from kg.graph.store import open_ox_store, open_store

    text = ODD_LITERALS if name == "odd-literals" else resolve_query(name)
    before = open_store(page_build).query(text)  # oxrdflib: an rdflib Result, every term converted
    assert format_result(run_query(open_ox_store(page_build), text), fmt) == format_result(before, fmt)


def test_query_odd_literals_print_as_rdflib_normalises_them(page_build):
    from kg.graph.store import open_ox_store

    column = format_result(run_query(open_ox_store(page_build), ODD_LITERALS), "csv").splitlines()[1:]
    assert sorted(column) == sorted([
        "1.5", "7", "5", "5", "0", "100", "abc", "2.5", "1e+20", "inf", "nan", "1.0", "x", "true", "true",
        "true", "2023-12-28", "2023-12-28", "2023-1-1", "2024", "2024-05", "2024-01-05T08:00:00", "a b", "x",
        "plain", "中文", "x", "http://example.org/a", "https://w3id.org/kg-gov/id/person/7156136dbb4a"])


def test_query_through_kg_open_builds_no_rdflib_term_per_row(page_build, monkeypatch):
    """kg.open(OUT).query(...).text(): the engine's rows are printed without making an
    rdflib object per term (a few per query at most, the same for 1 row or thousands)."""
    import rdflib.term

    import kg

    build = kg.open(page_build)
    build.query("people-posts").text()  # opens the store
    made = []
    for cls in (rdflib.term.URIRef, rdflib.term.Literal, rdflib.term.BNode):
        def counting(klass, *args, _original=cls.__new__, **kwargs):
            made.append(klass)
            return _original(klass, *args, **kwargs)

        monkeypatch.setattr(cls, "__new__", counting)

    def objects_made(text: str) -> tuple[int, int]:
        made.clear()
        rows = build.query(text)
        printed = rows.text("table") + rows.text("csv") + rows.text("json")
        assert printed.count("\n") > len(rows)
        return len(made), len(rows)

    one, _ = objects_made("SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 1")
    many, rows = objects_made("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    assert rows > 1000 and many == one < 50
    people = build.query("people-posts")
    assert people.rows[0]["person"].language == "zh"  # rdflib terms when asked for


def test_query_result_converts_to_rdflib(graph):
    from rdflib.query import Result

    result = run_query(graph, "people-posts")
    converted = result.to_rdflib()
    assert isinstance(converted, Result) and [str(v) for v in converted.vars] == result.vars
    assert format_result(converted, "csv") == format_result(result, "csv")
    construct = run_query(graph, "CONSTRUCT { ?p foaf:name ?n } WHERE { ?p foaf:name ?n }")
    assert len(construct.graph) == len(construct) == 3
    assert run_query(graph, "ASK { ?s a org:Membership }").askAnswer is True


def test_query_engine_scope_follows_the_rdflib_graph():
    """A named graph or a union Dataset on Oxigraph is queried as oxrdflib queries it."""
    from oxrdflib import OxigraphStore
    from rdflib import Dataset, Literal, URIRef

    dataset = Dataset(store=OxigraphStore())
    named = dataset.graph(URIRef("urn:g1"))
    named.add((URIRef("urn:a"), URIRef("urn:p"), Literal("x")))
    dataset.default_union = True
    other = Graph(store=dataset.store, identifier=URIRef("urn:other"))
    q = "SELECT ?o WHERE { ?s ?p ?o }"
    for target in (dataset, named, other):
        assert format_result(run_query(target, q), "csv") == format_result(target.query(q), "csv")
    assert format_result(run_query(named, q), "csv") == "o\nx\n"
    assert format_result(run_query(other, q), "csv") == "o\n"


def test_query_command_does_not_import_the_pipeline(out):
    """kg query reads a build: it never pays for importing spaCy and the extractors."""
    import subprocess
    import sys

    code = ("import sys; from click.testing import CliRunner; from kg.cli import cli; "
            f"r = CliRunner().invoke(cli, ['query', {str(out)!r}, 'class-counts']); "
            "assert r.exit_code == 0, r.output; print(r.output.splitlines()[-1]); "
            "print(sorted(m for m in ('spacy', 'kg.builder', 'kg.nlp') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parents[1])
    lines = done.stdout.splitlines()
    assert lines[-2].endswith("rows)") and lines[-1] == "[]"


# ---- a saved query's Oxigraph form gives the rows of its portable form, in order

EDGES = Path(__file__).parent / "fixtures" / "query_edges.ttl"
ENGINE_FORMS = sorted(q.name for q in saved_queries().values() if q.engine_path("oxigraph") is not None)

# Run in a fresh process under a given PYTHONHASHSEED: for each query, the CSV of both forms
# on the page's store and on the edge cases in Oxigraph, and the edge cases' rows on rdflib.
_FORMS_SCRIPT = """
import json, sys
import pyoxigraph as ox
from rdflib import Graph
from kg.graph.store import open_ox_store
from kg.serve.query import format_result, run_query, saved_queries
build, edges_file, names = sys.argv[1], sys.argv[2], sys.argv[3:]
page, edges = open_ox_store(build), Graph().parse(edges_file)
on_engine = ox.Store()  # loaded from the file: the same order in the store under any seed
on_engine.load(path=edges_file, format=ox.RdfFormat.TURTLE)
out = {}
for name in names:
    q = saved_queries()[name]
    forms = {"engine": q.text_for("oxigraph"), "portable": q.text}
    for key, text in forms.items():
        out[f"{name} page {key}"] = format_result(run_query(page, text), "csv")
        out[f"{name} edges {key}"] = format_result(run_query(on_engine, text), "csv")
    out[f"{name} edges rdflib"] = format_result(run_query(edges, forms["portable"]), "csv")
print(json.dumps(out, ensure_ascii=False, sort_keys=True))
"""


def test_query_engine_forms_are_found_and_listed_once():
    """NAME.oxigraph.rq belongs to NAME: no saved query of its own, and each differs from NAME.rq."""
    saved = saved_queries()
    assert {"agencies-people", "careers"} <= set(ENGINE_FORMS)
    assert not any("." in name for name in saved)
    for name in ENGINE_FORMS:
        q = saved[name]
        assert q.text_for("oxigraph") != q.text and q.text_for(None) == q.text
        assert resolve_query(name, engine="oxigraph") == q.text_for("oxigraph")
        assert resolve_query(name) == q.text
    assert saved["class-counts"].text_for("oxigraph") == saved["class-counts"].text
    with pytest.raises(ValueError, match="unknown query engine"):
        saved["careers"].text_for("virtuoso")


def test_query_engine_form_gives_the_rows_of_the_portable_form(page_build):
    """A saved query's Oxigraph form (subqueries joined by hashing) answers exactly what its
    portable form answers: the same CSV bytes on the engine (the bundled page's build and
    invented edge cases), the same rows as rdflib's (the edge cases; a GROUP_CONCAT list's
    order is the engine's), and the same bytes under two hash seeds."""
    import os
    import subprocess
    import sys

    runs = []
    for seed in ("0", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", _FORMS_SCRIPT, str(page_build), str(EDGES), *ENGINE_FORMS],
                              capture_output=True, text=True, env=env, check=True,
                              cwd=Path(__file__).resolve().parents[1])
        runs.append(json.loads(done.stdout))
    assert runs[0].keys() == runs[1].keys()
    for key in runs[0]:  # rdflib concatenates a group's values in hash order; Oxigraph in the store's
        same = _csv_rows if key.endswith("rdflib") else str
        assert same(runs[0][key]) == same(runs[1][key]), key
    got = runs[0]
    for name in ENGINE_FORMS:
        for where in ("page", "edges"):
            assert got[f"{name} {where} engine"] == got[f"{name} {where} portable"]
            assert got[f"{name} {where} engine"].count("\n") > 2
        assert _csv_rows(got[f"{name} edges engine"]) == _csv_rows(got[f"{name} edges rdflib"])


def _csv_rows(text: str) -> tuple[list[str], list[tuple]]:
    """A CSV's header and its rows sorted, each GROUP_CONCAT list (joined by 、) sorted."""
    header, *rows = csv.reader(io.StringIO(text))
    return header, sorted(tuple("、".join(sorted(cell.split("、"))) for cell in row) for row in rows)


def test_query_command_runs_the_engine_form_on_the_store(page_build, tmp_path, monkeypatch):
    """kg query OUT NAME, kg.open(OUT).query(NAME) and run_query on the store run the Oxigraph
    form; run_query on an rdflib graph (graph.ttl in memory) and kg query --endpoint's text
    the portable one."""
    import kg
    from kg.serve.query import SavedQuery

    marker = tmp_path / "careers.oxigraph.rq"  # an engine form that shows it ran
    marker.write_text('SELECT ?form WHERE { BIND("engine" AS ?form) }', encoding="utf-8")
    real = SavedQuery.engine_path
    monkeypatch.setattr(SavedQuery, "engine_path",
                        lambda self, engine: marker if (self.name, engine) == ("careers", "oxigraph") else real(self, engine))
    result = CliRunner().invoke(cli, ["query", str(page_build), "careers", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["form", "engine"]
    build = kg.open(page_build)
    assert build.query("careers").vars == ["form"]
    assert [str(v) for v in run_query(build.store, "careers").vars] == ["form"]
    assert [str(v) for v in run_query(build.graph, "careers").vars][:2] == ["person", "begin"]
    assert resolve_query("careers") == saved_queries()["careers"].text


def test_query_tables_print_iris_as_curie_does():
    """The table's prefixed names (one pattern for kg's namespaces) are graph.namespace.curie's."""
    from kg.graph.namespace import PREFIXES, curie
    from kg.serve.query import _curie

    iris = ["http://example.org/x", "", "https://w3id.org/kg-gov/id/person/7156136dbb4a", "kg:x"]
    for ns in PREFIXES.values():
        iris += [ns, ns + "Local", ns + "a/b/c", ns + "has space", ns + "中文-名.1", ns + "x#y", ns[:-1]]
    assert [_curie(i) for i in iris] == [curie(i) for i in iris]
    assert _curie("https://w3id.org/kg-gov/id/person/7156136dbb4a") == "kgr:person\\/7156136dbb4a"


def test_construct_blank_nodes_are_labelled_the_same_on_every_run(out):
    """A CONSTRUCT template's blank nodes get fresh labels from the engine on every run; kg
    relabels them from the graph's shape, so `kg query` (Turtle and JSON-LD, on the store and on an
    rdflib graph) and the endpoint give the same bytes twice."""
    import os
    import subprocess
    import sys

    from kg.serve.protocol import evaluate

    construct = ("CONSTRUCT { ?p kg:seen [ foaf:name ?n ; kg:twice [ kg:of ?n ] ] } "
                 "WHERE { ?p foaf:name ?n }")
    runs = []
    for _ in range(2):
        runs.append([subprocess.run([sys.executable, "-m", "kg", "query", str(out), construct] + extra,
                                    capture_output=True, text=True, check=True, env=dict(os.environ),
                                    cwd=Path(__file__).resolve().parents[1]).stdout
                     for extra in ([], ["--format", "json"])])
    assert runs[0] == runs[1]
    turtle, _ = runs[0]
    graph = Graph().parse(data=turtle, format="turtle")
    from rdflib import BNode

    assert len(graph) == 3 * 4 and len({o for o in graph.objects() if isinstance(o, BNode)}) == 6

    from kg.graph.namespace import PREFIXES

    prefixed = "".join(f"PREFIX {name}: <{iri}> " for name, iri in sorted(PREFIXES.items()))
    import pyoxigraph as ox

    ox_store = ox.Store.read_only(str(out / "store"))
    bodies = {evaluate(ox_store, prefixed + construct, "text/turtle", None, 10_000)[1] for _ in range(2)}
    assert len(bodies) == 1 and b"_:" in next(iter(bodies))

    rdflib_graph = Graph().parse(FIXTURE)  # the rdflib engine: its CONSTRUCT labels blank nodes at random too
    from kg.serve.query import format_result

    texts = {format_result(rdflib_graph.query(prefixed + construct), "table") for _ in range(2)}
    assert len(texts) == 1
