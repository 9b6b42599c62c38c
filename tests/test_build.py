"""End to end: build the bundled page, check the graph through SPARQL and the CLI."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import cli
from kg.graph.namespace import sparql_prologue

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLD = ROOT / "../shared/eval/seed_gold.json"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    result = CliRunner().invoke(cli, ["build", str(CORPUS), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def graph(built):
    return Graph().parse(built / "graph.ttl", format="turtle")


def q(graph, text):
    return list(graph.query(sparql_prologue() + text))


def test_build_writes_all_outputs(built):
    for name in ("graph.ttl", "graph.html", "report.json", "store"):
        assert (built / name).exists(), name
    report = json.loads((built / "report.json").read_text(encoding="utf-8"))
    assert report["refused"] == [] and report["counts"]["persons"] >= 18
    assert report["shacl_conforms"] is True


def test_build_counts_slogans_apart_from_programs(built, graph):
    """report.json counts kg:Program and kg:Slogan apart, as the graph types them."""
    counts = json.loads((built / "report.json").read_text(encoding="utf-8"))["counts"]
    for kind, cls in (("programs", "kg:Program"), ("slogans", "kg:Slogan")):
        names = {str(n) for (n,) in q(graph, f"SELECT ?n WHERE {{ ?x a {cls} ; skos:prefLabel ?n }}")}
        assert counts[kind] == len(names), kind
    assert counts["programs"] + counts["slogans"] > 0


def test_build_people_and_holdings_through_sparql(graph):
    people = {str(n) for (n,) in q(graph, "SELECT ?n WHERE { ?p a foaf:Person ; foaf:name ?n }")}
    assert len(people) >= 18
    rows = q(graph, """SELECT ?n ?r ?org WHERE { ?p foaf:name ?n ; org:holds ?post .
        ?post org:role/skos:prefLabel ?r ; org:postIn/skos:prefLabel ?org }""")
    assert len(rows) >= 30
    # every membership carries evidence that points back into the original file
    raw = (CORPUS / "liaocheng-daily-2023-12-28.txt").read_text(encoding="utf-8")
    ev = q(graph, """SELECT ?b ?e ?a WHERE { ?m a org:Membership ; prov:wasDerivedFrom ?x .
        ?x nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a }""")
    assert ev and all(raw[int(b):int(e)] == str(a) for b, e, a in ev)


def test_build_articles_have_headlines_and_reporters(graph):
    rows = q(graph, "SELECT ?a ?h WHERE { ?a a schema:NewsArticle ; schema:headline ?h }")
    assert len(rows) == 12 and all(str(h) for _, h in rows)
    authors = q(graph, "SELECT DISTINCT ?n WHERE { ?a schema:author/foaf:name ?n }")
    assert len(authors) >= 5


def test_build_agency_labels_and_hierarchy(graph):
    rows = q(graph, """SELECT ?child ?parent WHERE { ?c org:subOrganizationOf ?p .
        ?c skos:prefLabel ?child . ?p skos:prefLabel ?parent }""")
    assert any(str(p).endswith("委员会") and str(c).endswith("宣传部") for c, p in rows)
    alt = q(graph, "SELECT ?l WHERE { ?o skos:altLabel ?l }")
    assert any(str(l).startswith("市") for (l,) in alt)


def test_build_is_deterministic(built, tmp_path):
    again = tmp_path / "again"
    result = CliRunner().invoke(cli, ["build", str(CORPUS), "-o", str(again), "-q", "--no-html", "--no-validate"])
    assert result.exit_code == 0, result.output
    assert (again / "graph.ttl").read_bytes() == (built / "graph.ttl").read_bytes()


def test_build_query_saved_people_posts(built):
    result = CliRunner().invoke(cli, ["query", str(built), "people-posts", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert len(result.output.strip().splitlines()) > 30


def test_build_bad_inputs_reported_others_built(tmp_path):
    good = tmp_path / "in" / "page.txt"
    good.parent.mkdir()
    good.write_text("市场监管新举措\n\n本报讯(记者 陈思远)5月6日,市市场监管局局长吴德明介绍,全市新增企业300家。\n", encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "blob.txt").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "in"), str(tmp_path / "nope.txt"), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert "empty.txt" in result.output and "blob.txt" in result.output and "nope.txt" in result.output
    assert (out / "graph.ttl").exists()


def test_build_nothing_readable_fails_without_output(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "empty.txt"), "-o", str(out)])
    assert result.exit_code != 0 and "nothing could be read" in result.output
    assert not (out / "graph.ttl").exists()


def test_build_update_adds_without_duplicates(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("甲市新闻\n\n本报讯(记者 陈思远)5月6日,市财政局局长吴德明介绍,全市收入增长。\n", encoding="utf-8")
    b.write_text("乙市新闻\n\n本报讯(记者 陈思远)5月7日,市财政局局长吴德明表示,全市支出下降。\n", encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(a), "-o", str(out), "-q", "--no-html"]).exit_code == 0
    assert runner.invoke(cli, ["build", "--update", str(b), "-o", str(out), "-q", "--no-html"]).exit_code == 0
    assert runner.invoke(cli, ["build", "--update", str(b), "-o", str(out), "-q", "--no-html"]).exit_code == 0
    g = Graph().parse(out / "graph.ttl")
    names = [str(n) for (n,) in q(g, "SELECT ?n WHERE { ?p a foaf:Person ; foaf:name ?n }")]
    assert sorted(names) == ["吴德明", "陈思远"]
    assert len(q(g, "SELECT ?a WHERE { ?a a schema:NewsArticle }")) == 2


def test_build_scores_on_gold(built):
    if not GOLD.is_file():
        pytest.skip("../shared/eval is not available on this machine")
    from kg.graph.store import load_graph_file
    from kg.scoring import evaluate

    s = evaluate(GOLD, load_graph_file(built))
    assert s["persons"]["f1"] >= 0.97
    assert s["holdings"]["f1"] >= 0.92
    assert s["figures"]["f1"] >= 0.95


def test_build_articles_command_lists_the_split():
    result = CliRunner().invoke(cli, ["articles", str(CORPUS)])
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 12 and all(l.startswith("2023-12-2") for l in lines)


def test_build_parallel_jobs_give_the_same_graph(tmp_path, monkeypatch):
    import kg.builder

    monkeypatch.setattr(kg.builder, "PARALLEL_MIN_CHARS", 0)
    raw = (CORPUS / "liaocheng-daily-2023-12-28.txt").read_bytes()
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(3):
        (pages / f"2023-12-{10 + i:02d}-page.txt").write_bytes(raw)
    runner = CliRunner()
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        result = runner.invoke(cli, ["build", str(pages), "-o", str(out), "-q", "--no-html", "--no-validate", "-j", jobs])
        assert result.exit_code == 0, result.output
        outs.append((out / "graph.ttl").read_bytes())
    assert outs[0] == outs[1]


def test_build_json_records_with_year_only_dates(tmp_path):
    import json as _json

    recs = [{"title": "2019年政府工作报告", "content": "各位代表：过去一年，国内生产总值增长6.6%。国务院总理韩立新作报告。", "year": 2019},
            {"title": "关于政府工作报告的决议", "content": "第十三届全国人民代表大会第二次会议听取了报告。"}]
    src = tmp_path / "reports.jsonl"
    src.write_text("\n".join(_json.dumps(r, ensure_ascii=False) for r in recs), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(src), "-o", str(out), "-q", "--no-html"])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [a["date"] for a in report["articles"]] == ["2019", "2019"]
    assert report["shacl_conforms"] is True
    g = Graph().parse(out / "graph.ttl")
    years = q(g, "SELECT ?d WHERE { ?a schema:datePublished ?d }")
    assert {str(d) for (d,) in years} == {"2019"}


def test_build_same_name_in_different_places_is_two_people(tmp_path):
    (tmp_path / "a.txt").write_text("济南新闻\n\n本报讯(记者 陈思远)5月6日,济南市财政局局长王建军介绍,全市收入增长。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("青岛新闻\n\n本报讯(记者 陈思远)5月7日,青岛市财政局局长王建军表示,全市支出下降。\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("济南又一新闻\n\n本报讯(记者 陈思远)5月8日,济南市财政局局长王建军出席。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(tmp_path), "-o", str(out), "-q", "--no-html", "--no-validate"])
    assert result.exit_code == 0, result.output
    g = Graph().parse(out / "graph.ttl")
    people = q(g, """SELECT ?p (GROUP_CONCAT(DISTINCT ?org; separator="|") AS ?orgs) WHERE {
        ?p foaf:name "王建军"@zh ; org:holds/org:postIn/skos:prefLabel ?org } GROUP BY ?p""")
    assert sorted(str(o) for _, o in people) == ["济南市财政局", "青岛市财政局"]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert any(m.get("person") == "王建军" and "split" in m for m in report["merges"])
    assert any(m.get("person") == "陈思远" and len(m.get("articles", [])) == 3 for m in report["merges"])


def test_build_activity_time_from_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1703721600")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(CORPUS), "-o", str(out), "-q", "--no-html", "--no-validate"])
    assert result.exit_code == 0, result.output
    g = Graph().parse(out / "graph.ttl")
    rows = q(g, "SELECT ?t ?v (COUNT(?src) AS ?n) WHERE { ?b a prov:Activity ; prov:startedAtTime ?t ; kg:version ?v ; prov:used ?src } GROUP BY ?t ?v")
    assert [(str(t), n.toPython()) for t, _, n in rows] == [("2023-12-28T00:00:00+00:00", 1)]


def test_build_city_and_own_province_posts_are_one_person():
    from kg.resolve import compatible

    assert compatible({"聊城市", "山东省"})
    assert not compatible({"济南市", "青岛市"})
    assert not compatible({"聊城市", "河北省"})


def test_build_is_deterministic_across_processes(tmp_path):
    """Set and dict order must not leak into the output: two processes, two hash seeds."""
    import os
    import subprocess
    import sys

    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(CORPUS), "-o", str(out), "-q",
                        "--no-validate"], check=True, env=env, capture_output=True)
        outs.append(((out / "graph.ttl").read_bytes(), (out / "graph.html").read_bytes()))
    assert outs[0][0] == outs[1][0]
    assert outs[0][1] == outs[1][1]  # the view too: its layout sums forces in an order no set decides


def test_build_names_each_stage_on_a_terminal(tmp_path, monkeypatch):
    """On a terminal every stage of a build shows on stderr, named; -q shows none."""
    import io
    import sys

    import kg

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    page = Path(__file__).parent / "fixtures" / "city-page-2024-05-21.txt"
    for progress in (True, False):
        err = Terminal()
        monkeypatch.setattr(sys, "stderr", err)
        kg.build([str(page)], tmp_path / f"out{progress}", progress=progress, model=False)
        shown = err.getvalue()
        stages = ("extracting", "resolving people and agencies", "writing RDF", "serialising graph.ttl",
                  "loading the store", "drawing graph.html", "checking SHACL shapes", "writing report.json")
        assert all(s in shown for s in stages) if progress else shown == ""


def test_offsets_count_in_the_source_file_inside_the_article_span(built, graph):
    """ontology/README.md: evidence offsets index the original decoded file, and lie inside
    the article's kg:sourceBegin–kg:sourceEnd (NIF would count from nif:isString)."""
    rows = q(graph, """
        SELECT ?anchor ?begin ?end ?articleBegin ?articleEnd ?label WHERE {
          ?ev a nif:Phrase ; nif:anchorOf ?anchor ; nif:beginIndex ?begin ; nif:endIndex ?end ;
              nif:referenceContext ?article ; kg:sourceDocument ?source .
          ?article kg:sourceBegin ?articleBegin ; kg:sourceEnd ?articleEnd .
          ?source rdfs:label ?label }""")
    assert len(rows) > 50
    texts = {}
    for anchor, begin, end, article_begin, article_end, label in rows:
        raw = texts.setdefault(str(label), Path(str(label)).read_text(encoding="utf-8"))
        assert raw[int(begin):int(end)] == str(anchor)
        assert int(article_begin) <= int(begin) < int(end) <= int(article_end)


def test_build_past_keep_max_drops_the_triples_and_reads_the_graph_back(built, tmp_path, monkeypatch):
    """A big build (here: past a lowered KEEP_TRIPLES_MAX) clears its triples before the store
    loads; the outputs are the same bytes, and BuildResult.graph reads graph.ttl back."""
    import kg.builder

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setattr(kg.builder, "KEEP_TRIPLES_MAX", 0)
    result = kg.builder.build([str(CORPUS)], tmp_path / "big", progress=False)
    assert result.triples is None
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / "big" / name).read_bytes() == (built / name).read_bytes(), name
    assert len(result.graph) == result.report["counts"]["triples"] > 1000
    assert result.report["shacl_conforms"] is True  # the check ran before the triples went


def test_build_freezes_the_graph_between_stages_and_thaws_it_after(tmp_path, monkeypatch):
    """The triples are frozen out of the cycle collector's passes once added (and what
    survives each give_back): the outputs are written while objects are frozen, the
    collector is back on and nothing is left frozen after the build, and the bytes are
    those of a build that freezes nothing. A caller's own freeze is left as it was."""
    import gc

    import kg.builder

    raw = (CORPUS / "liaocheng-daily-2023-12-28.txt").read_bytes()
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "2023-12-10-page.txt").write_bytes(raw)
    seen = []
    write_outputs = kg.builder._write_outputs

    def spy(*args, **kwargs):
        seen.append((gc.get_freeze_count(), gc.isenabled()))
        return write_outputs(*args, **kwargs)

    monkeypatch.setattr(kg.builder, "_write_outputs", spy)
    assert gc.get_freeze_count() == 0
    kg.builder.build([str(pages)], tmp_path / "frozen", progress=False, store=False, html=False, validate=False)
    assert seen[0][0] > 0 and seen[0][1]
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    frozen = (tmp_path / "frozen" / "graph.ttl").read_bytes()

    monkeypatch.setattr(kg.builder.gc, "freeze", lambda: None)  # the same build, nothing frozen
    kg.builder.build([str(pages)], tmp_path / "plain", progress=False, store=False, html=False, validate=False)
    assert seen[1][0] == 0
    assert (tmp_path / "plain" / "graph.ttl").read_bytes() == frozen
    monkeypatch.undo()

    gc.freeze()  # the caller's: kept
    try:
        before = gc.get_freeze_count()
        kg.builder.build([str(pages)], tmp_path / "caller", progress=False, store=False, html=False, validate=False)
        assert gc.get_freeze_count() >= before > 0
        monkeypatch.setattr(kg.builder, "PARALLEL_MIN_TRIPLES", 0)  # graph.ttl written on forked workers
        kg.builder.build([str(pages)], tmp_path / "caller-j2", progress=False, store=False, html=False,
                         validate=False, jobs=2)
        assert gc.get_freeze_count() >= before > 0
        assert (tmp_path / "caller-j2" / "graph.ttl").read_bytes() == frozen
    finally:
        gc.unfreeze()


def test_build_keeps_its_triples_in_memory_unless_asked_for_low_memory(built, tmp_path, monkeypatch):
    """Past the run size, a build without --low-memory still holds its triples (the faster path)
    and writes the same bytes."""
    import kg.builder
    import kg.graph.runs

    monkeypatch.setattr(kg.graph.runs, "RUN_TRIPLES", 700)
    result = kg.builder.build([str(CORPUS)], tmp_path / "held", progress=False, html=False)
    assert result.triples is not None and len(result.triples) > 700
    assert (tmp_path / "held" / "graph.ttl").read_bytes() == (built / "graph.ttl").read_bytes()


def test_build_past_a_run_writes_the_triples_in_runs_with_the_same_outputs(built, tmp_path, monkeypatch):
    """A --low-memory build whose triples pass a (here lowered) run size writes them to disk in sorted
    runs and merges them: graph.ttl and graph.html (drawn from the store) are the bytes of
    the build that held them all, with -j 1 and -j 2, and the count is the distinct
    triples'. The runs' files and the records' file are gone after."""
    import tempfile

    import kg.builder
    import kg.graph.runs

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setattr(kg.graph.runs, "RUN_TRIPLES", 700)
    monkeypatch.setattr(kg.builder, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    for jobs in (1, 2):
        result = kg.builder.build([str(CORPUS)], tmp_path / f"runs{jobs}", progress=False, jobs=jobs, low_memory=True)
        assert result.triples is None
        for name in ("graph.ttl", "graph.html"):
            assert (tmp_path / f"runs{jobs}" / name).read_bytes() == (built / name).read_bytes(), (name, jobs)
        assert result.report["counts"]["triples"] == json.loads((built / "report.json").read_text())["counts"]["triples"]
        assert len(result.graph) == result.report["counts"]["triples"]
        assert result.report["shacl_conforms"] is None and "SHACL check skipped" in result.report["warnings"][0]
    assert list((tmp_path / "tmp").iterdir()) == []
