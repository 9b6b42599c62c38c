"""``kg build -j N``: extraction and the output stage (graph.ttl in parts, graph.html, the
SHACL check, the store) on N processes give the same bytes as ``-j 1``."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.builder
from kg.cli import cli

PAGE = Path(__file__).resolve().parents[1] / "corpus" / "liaocheng-daily-2023-12-28.txt"


@pytest.fixture()
def forked(monkeypatch):
    """Every build here takes the parallel paths, however small; counts the forked output stages."""
    monkeypatch.setattr(kg.builder, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(kg.builder, "PARALLEL_MIN_TRIPLES", 0)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    calls = []
    real = kg.builder._write_forked

    def counted(*args, **kwargs):
        calls.append(args[-1])  # jobs
        return real(*args, **kwargs)

    monkeypatch.setattr(kg.builder, "_write_forked", counted)
    return calls


def _build(pages: Path, out: Path, jobs: int) -> dict[str, bytes]:
    result = CliRunner().invoke(cli, ["build", str(pages), "-o", str(out), "-q", "-j", str(jobs)])
    assert result.exit_code == 0, result.output + repr(result.exception)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    report.pop("built_at")
    report["warnings"] = [w.replace(str(out), "OUT") for w in report["warnings"]]
    return {"graph.ttl": (out / "graph.ttl").read_bytes(), "graph.html": (out / "graph.html").read_bytes(),
            "report": json.dumps(report, sort_keys=True).encode(), "store": _stored(out)}


def _stored(out: Path) -> bytes:
    """The store's content: its triples as sorted N-Triples lines."""
    from kg.graph.store import open_ox_store

    store = open_ox_store(out)
    try:
        return "\n".join(sorted(str(quad.triple) for quad in store)).encode()
    finally:
        del store


def test_jobs_give_the_same_bytes_as_one_process(tmp_path, forked):
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(3):
        (pages / f"2023-12-{10 + i:02d}-page.txt").write_bytes(PAGE.read_bytes())
    one = _build(pages, tmp_path / "j1", 1)
    assert forked == []
    two = _build(pages, tmp_path / "j2", 2)
    three = _build(pages, tmp_path / "j3", 3)
    assert forked == [2, 3]  # the output stage did run on worker processes
    report = json.loads(one["report"])
    assert report["shacl_conforms"] is not None  # the check ran (on a worker with -j 2)
    assert one["store"].count(b"\n") + 1 == report["counts"]["triples"] > 1000
    assert one == two == three


def test_subject_runs_follow_the_canonical_order():
    from rdflib import BNode, Literal, URIRef

    from kg.graph.triples import Triples

    subjects = [URIRef(f"https://example.org/{c}") for c in "dbca"] + [BNode("b2"), BNode("b1")]
    triples = Triples((s, URIRef("https://example.org/p"), Literal(i)) for s in subjects for i in range(3))
    runs = triples.subject_runs(4)
    assert 1 < len(runs) <= 4 and all(runs)
    assert [s for run in runs for s in run] == [t[0] for t in triples.sorted()][::3]


def test_jobs_past_keep_max_give_the_same_bytes(tmp_path, forked, monkeypatch):
    """-j 2 on a build whose triples are dropped once written (past KEEP_TRIPLES_MAX): the
    same files as -j 1 keeping them."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "2023-12-10-page.txt").write_bytes(PAGE.read_bytes())
    one = _build(pages, tmp_path / "j1", 1)
    monkeypatch.setattr(kg.builder, "KEEP_TRIPLES_MAX", 0)
    two = _build(pages, tmp_path / "j2", 2)
    assert forked == [2]
    assert one == two


def test_part_runs_keep_the_canonical_order():
    """graph.ttl's parts: the first runs alone (the store starts on a small one), then two
    runs a part; every subject once, in order."""
    from kg.builder import _part_runs

    runs = [[f"s{i}a", f"s{i}b"] for i in range(8)]
    parts = _part_runs(runs, 2)
    assert [len(p) for p in parts] == [2, 2, 4, 4, 4]
    assert [s for part in parts for s in part] == [s for run in runs for s in run]
    assert _part_runs(runs[:1], 2) == runs[:1]


def test_source_groups_are_consecutive_and_cut_by_size():
    from kg.builder import source_groups

    groups = source_groups([5, 5, 5, 30, 2, 2], group_chars=10)
    assert [list(g) for g in groups] == [[0, 1], [2, 3], [4, 5]]
    assert source_groups([], group_chars=10) == []


def test_a_sources_records_do_not_depend_on_its_group():
    """One recogniser call for a group gives each source the records it gets alone."""
    from kg.builder import extract_group, extract_source
    from kg.records import Source

    texts = ["某某集团董事长王立新表示，公司今年营收增长12%。", "青海省副省长扎西才让在会上讲话。",
             "美国国务卿奥尔布赖特21日说，双方将继续会谈。", "省公安厅经侦总队总队长王建国介绍情况。",
             "据悉，利物浦主帅贝尼特斯光荣当选。", "北京华信咨询公司银行业总监刘海波认为，"]  # the last three: windows the recogniser reads
    sources = [Source(id=f"s{i}", path=f"s{i}.txt", raw=t, layout="article", date="2024-05-01") for i, t in enumerate(texts)]
    def records(exs):
        return [(ex.persons, ex.agencies, ex.holdings, ex.figures, ex.programs, ex.events, ex.changes) for ex in exs]

    alone = [records(extract_source(s)) for s in sources]
    together = [records(exs) for exs in extract_group(sources)]
    assert together == alone
    assert sum(len(r[2]) for exs in together for r in exs) >= 4  # posts of the grammar and of the recogniser


def test_forked_outputs_keep_blank_nodes_shared_between_parts(tmp_path, monkeypatch):
    """The store loads graph.ttl's parts one by one as they are written; a blank node's
    label names one node within one document only, so parts that name blank nodes are
    loaded as one document: a node described in one part and pointed at from another
    stays one node, and the store holds what graph.ttl says."""
    from rdflib import BNode, Literal, URIRef

    from kg.builder import _write_forked
    from kg.graph.triples import Triples

    monkeypatch.setattr(kg.builder, "_draw", lambda triples, folder: None)
    ex = "https://example.org/"
    name, knows = URIRef(ex + "name"), URIRef(ex + "knows")
    subjects = [URIRef(f"{ex}{c}") for c in "abcdefgh"]
    nodes = [BNode("n1"), BNode("n2")]
    triples = Triples([(s, name, Literal(f"名{i}", lang="zh")) for i, s in enumerate(subjects)]
                      + [(s, knows, nodes[i % 2]) for i, s in enumerate(subjects)]
                      + [(n, name, Literal(f"无名{i}", lang="zh")) for i, n in enumerate(nodes)])
    folder = tmp_path / "out"
    folder.mkdir()
    report = {"warnings": []}
    _write_forked(triples, folder, folder, report, store=True, html=False, shacl=False, jobs=2)
    assert report["warnings"] == []
    assert (folder / "graph.ttl").read_text(encoding="utf-8") == triples.turtle()
    assert sorted(p.name for p in folder.iterdir()) == ["graph.ttl", "store"]  # no part left behind
    lines = _stored(folder).decode().splitlines()
    assert len(lines) == len(triples)
    knowers: dict[str, set] = {}
    for line in lines:
        s, p, o = line.split(" ", 2)
        if p == f"<{knows}>":
            knowers.setdefault(o, set()).add(s)
    assert sorted(len(v) for v in knowers.values()) == [4, 4]  # two nodes, each known by four subjects


def test_forked_outputs_load_the_store_from_parts(tmp_path, monkeypatch):
    """Without blank nodes the store loads part by part, as each is written (not from the
    joined graph.ttl), and holds every triple once."""
    from rdflib import Literal, URIRef

    from kg.builder import _write_forked
    from kg.graph import store as store_module
    from kg.graph.triples import Triples

    loaded = []
    real = store_module._load_turtle_file

    def counted(ox_store, path, *args):
        loaded.append(Path(path).name)
        return real(ox_store, path, *args)

    monkeypatch.setattr(store_module, "_load_turtle_file", counted)
    monkeypatch.setattr(kg.builder, "_draw", lambda triples, folder: None)
    ex = "https://example.org/"
    triples = Triples((URIRef(f"{ex}s{i:02d}"), URIRef(f"{ex}p{j}"), Literal(i * j)) for i in range(40) for j in range(3))
    folder = tmp_path / "out"
    folder.mkdir()
    report = {"warnings": []}
    _write_forked(triples, folder, folder, report, store=True, html=False, shacl=False, jobs=2)
    assert report["warnings"] == []
    assert len(loaded) >= 3 and loaded == [f".graph.ttl.{k}" for k in range(len(loaded))]  # in order, one by one
    assert _stored(folder).count(b"\n") + 1 == len(triples) == 120
