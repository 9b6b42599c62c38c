"""The Oxigraph store: atomic save, read-only open, export formats (through the Graph API)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import RDF, XSD

from kg.cli import cli
from kg.graph.namespace import FOAF, NIF
from kg.graph.store import export, memory_store, open_store, save_store, to_memory

FIXTURE = Path(__file__).parent / "fixtures" / "mini.ttl"


@pytest.fixture(scope="module")
def mini() -> Graph:
    return Graph().parse(FIXTURE)


def test_store_save_and_open_roundtrip(mini, tmp_path):
    path = save_store(mini, tmp_path)
    assert path == tmp_path / "store"
    stored = open_store(tmp_path)
    assert type(stored.store).__name__ == "OxigraphStore"
    assert len(stored) == len(mini)
    names = sorted(str(n) for n in stored.objects(None, FOAF.name))
    assert names == ["林金彦", "王相东", "高峰"]
    # only the store itself is left in OUT (the temporary build dir was renamed away)
    assert [p.name for p in tmp_path.iterdir()] == ["store"]


def test_store_save_replaces_previous_store(mini, tmp_path):
    save_store(mini, tmp_path)
    smaller = Graph()
    smaller += list(mini)[:10]
    save_store(smaller, tmp_path)
    assert len(open_store(tmp_path)) == 10
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_store_open_missing_says_run_build(tmp_path):
    with pytest.raises(FileNotFoundError, match='run "kg build" first'):
        open_store(tmp_path / "nothing")


def test_store_read_only_refuses_writes(mini, tmp_path):
    save_store(mini, tmp_path)
    stored = open_store(tmp_path, read_only=True)
    with pytest.raises((OSError, RuntimeError), match="read-write"):
        stored.add((FOAF.Person, FOAF.name, Literal("x")))


def test_store_queries_run_in_oxigraph_and_match_rdflib(mini):
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?e a nif:Phrase ; nif:anchorOf ?a }"
    ox = memory_store(mini)
    assert int(next(iter(ox.query(q)))[0]) == int(next(iter(mini.query(q, initNs={"nif": str(NIF._NS)})))[0]) == 11


def test_store_to_memory_restores_simple_literals(mini):
    back = to_memory(memory_store(mini))
    kinds = {o for o in back.objects(None, None) if isinstance(o, Literal) and o.datatype == XSD.string}
    assert not kinds
    assert Literal("count") in set(back.objects())


@pytest.mark.parametrize("fmt,check", [
    ("ttl", lambda text: "@prefix kg: <https://w3id.org/kg-gov/ontology#> ." in text),
    ("nt", lambda text: len(text.strip().splitlines()) == 291),
    ("jsonld", lambda text: isinstance(json.loads(text), (list, dict))),
    ("trig", lambda text: "kgr:" in text or "<https://w3id.org/kg-gov/id/" in text),
])
def test_store_export_formats_parse_back(mini, tmp_path, fmt, check):
    save_store(mini, tmp_path)
    path = export(tmp_path, fmt)
    text = path.read_text(encoding="utf-8")
    assert check(text)
    rdflib_format = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig"}[fmt]
    back = Graph().parse(data=text, format=rdflib_format) if fmt != "trig" else None
    if back is not None:
        assert len(back) == len(mini)


def test_store_export_prefers_lossless_graph_ttl(mini, tmp_path):
    save_store(mini, tmp_path)
    (tmp_path / "graph.ttl").write_text(mini.serialize(format="turtle"), encoding="utf-8")
    text = export(tmp_path, "nt", tmp_path / "x.nt").read_text(encoding="utf-8")
    assert "XMLSchema#nonNegativeInteger" in text  # Oxigraph alone would give xsd:integer


def test_store_cli_export_to_stdout(mini, tmp_path):
    save_store(mini, tmp_path)
    result = CliRunner().invoke(cli, ["export", str(tmp_path), "--format", "nt", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert len(Graph().parse(data=result.output, format="nt")) == len(mini)
    assert (len(list(Graph().parse(data=result.output, format="nt").subjects(RDF.type, FOAF.Person)))) == 3


def test_store_cli_export_missing_store(tmp_path):
    result = CliRunner().invoke(cli, ["export", str(tmp_path)])
    assert result.exit_code == 1
    assert 'run "kg build" first' in result.output


def test_store_build_update_keeps_store_in_step_with_graph_ttl(tmp_path):
    from kg.builder import build

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("甲市新闻\n\n本报讯(记者 陈思远)5月6日,市财政局局长吴德明介绍,全市收入增长。\n", encoding="utf-8")
    b.write_text("乙市新闻\n\n本报讯(记者 陈思远)5月7日,市财政局局长吴德明表示,全市支出下降。\n", encoding="utf-8")
    out = tmp_path / "out"
    build([str(a)], out, html=False, progress=False)
    first = len(open_store(out))
    build([str(b)], out, update=True, html=False, progress=False)
    build([str(b)], out, update=True, html=False, progress=False)  # again: nothing new
    ttl = Graph().parse(out / "graph.ttl")
    stored = open_store(out)
    assert len(stored) == len(ttl) > first
    persons = sorted(str(n) for (n,) in stored.query("SELECT ?n WHERE { ?p a foaf:Person ; foaf:name ?n }"))
    assert persons == ["吴德明", "陈思远"]
    assert CliRunner().invoke(cli, ["validate", str(out)]).exit_code == 0


def test_store_chinese_literals_are_tagged_zh_and_people_have_labels(tmp_path):
    import kg
    from kg.graph.namespace import FOAF, SCHEMA
    from rdflib import RDFS

    page = tmp_path / "page-2024-05-01.txt"
    page.write_text("会议召开\n\n济宁市统计局局长王立国介绍。\n", encoding="utf-8")
    kg.build([str(page)], tmp_path / "out", progress=False, html=False, model=False)
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    names = list(g.objects(None, FOAF.name))
    assert names and all(n.language == "zh" for n in names)
    assert all(h.language == "zh" for h in g.objects(None, SCHEMA.headline))
    person = next(g.subjects(FOAF.name, Literal("王立国", lang="zh")))
    assert g.value(person, RDFS.label) == Literal("王立国", lang="zh")
    rows = kg.open(tmp_path / "out").query('SELECT ?p WHERE { ?p foaf:name "王立国"@zh }')
    assert len(rows) == 1


def test_store_jsonld_export_has_the_project_context(tmp_path):
    import json

    import kg

    page = tmp_path / "page-2024-05-01.txt"
    page.write_text("会议召开\n\n济宁市统计局局长王立国介绍。\n", encoding="utf-8")
    kg.build([str(page)], tmp_path / "out", progress=False, html=False, model=False)
    path = kg.open(tmp_path / "out").export("jsonld")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["@context"]["foaf"] == "http://xmlns.com/foaf/0.1/"
    assert oct(path.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_store_loads_a_turtle_file_in_pieces_the_same(tmp_path):
    """graph.ttl is loaded in pieces cut between subject blocks: the same quads as one load."""
    import pyoxigraph as ox

    from kg.graph.store import _load_turtle_file

    lines = ["@prefix ex: <http://example.org/> .", ""]
    for i in range(300):
        lines += [f"ex:s{i} ex:p \"值{i}\" ;", f"    ex:q ex:o{i % 7} .", ""]
    path = tmp_path / "g.ttl"
    path.write_text("\n".join(lines), encoding="utf-8")
    whole, pieces = ox.Store(), ox.Store()
    whole.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
    _load_turtle_file(pieces, path, piece_bytes=700, whole_bytes=0)
    assert len(pieces) == len(whole) == 600
    assert set(map(str, pieces)) == set(map(str, whole))


def _blocks_file(path: Path, subjects: int) -> Path:
    lines = ["@prefix ex: <http://example.org/> .", ""]
    for i in range(subjects):
        lines += [f"ex:s{i} ex:p \"值{i}\" ;", f"    ex:q ex:o{i % 7} .", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


class _Counting:
    """A pyoxigraph store that counts the bulk loads it is given."""

    def __init__(self):
        import pyoxigraph as ox

        self.store, self.loads = ox.Store(), 0

    def bulk_load(self, *args, **kwargs):
        self.loads += 1
        self.store.bulk_load(*args, **kwargs)


@pytest.mark.parametrize("piece_bytes", [700, 3000, 10_000, 1 << 20])
def test_store_loads_a_file_in_as_few_even_pieces_as_the_size_allows(tmp_path, piece_bytes):
    """No small rest after the last full piece: ceil(size / piece) loads, each no bigger
    than a piece (and its subject block), the same quads as one load."""
    import math

    import pyoxigraph as ox

    from kg.graph.store import _load_turtle_file

    path = _blocks_file(tmp_path / "g.ttl", 400)
    whole, pieces = ox.Store(), _Counting()
    whole.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
    _load_turtle_file(pieces, path, piece_bytes=piece_bytes, whole_bytes=0)
    body = path.stat().st_size - len(b"@prefix ex: <http://example.org/> .\n\n")  # each piece gets the prefixes
    assert pieces.loads == math.ceil(body / piece_bytes)
    assert set(map(str, pieces.store)) == set(map(str, whole))
    assert len(whole) == 800


def test_store_loads_a_file_up_to_the_whole_size_at_once(tmp_path):
    """One load (no compaction of overlapping pieces) up to ``whole_bytes``, pieces past it."""
    from kg.graph.store import _load_turtle_file

    path = _blocks_file(tmp_path / "g.ttl", 400)
    size = path.stat().st_size
    at_once, cut = _Counting(), _Counting()
    _load_turtle_file(at_once, path, piece_bytes=size // 4, whole_bytes=size)
    _load_turtle_file(cut, path, piece_bytes=size // 4, whole_bytes=size - 1)
    assert (at_once.loads, cut.loads) == (1, 4)
    assert set(map(str, at_once.store)) == set(map(str, cut.store))


def test_store_from_a_turtle_file_in_pieces_holds_the_same_quads(tmp_path):
    """save_store with small pieces (several loads, RocksDB compacting them) holds what one
    load holds."""
    import pyoxigraph as ox

    from kg.graph.store import open_ox_store

    path = _blocks_file(tmp_path / "g.ttl", 2000)
    one = set(map(str, ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)))
    save_store(path, tmp_path / "out", piece_bytes=4096)
    assert {str(q.triple) for q in open_ox_store(tmp_path / "out")} == one


def test_store_lookups_answer_as_the_triples_do(tmp_path):
    """StoreLookups (a big build's view reads its store through it) answers objects,
    subjects, value and ``in`` as the build's Triples do, on invented triples."""
    from rdflib import BNode, URIRef
    from rdflib.namespace import RDFS

    from kg.graph.namespace import KGR
    from kg.graph.store import StoreLookups, open_ox_store
    from kg.graph.triples import Triples

    a, b, c = (URIRef(f"{KGR}thing/{k}") for k in "abc")
    knows, bnode, missing = (URIRef(f"http://example.org/{k}") for k in ("knows", "bnode", "missing"))
    items = [(a, RDF.type, FOAF.Person), (a, RDFS.label, Literal("甲乙", lang="zh")), (a, knows, b),
             (a, knows, c), (b, knows, c), (c, NIF.beginIndex, Literal(12, datatype=XSD.nonNegativeInteger)),
             (b, RDFS.label, Literal("plain")), (b, bnode, BNode("x1"))]
    triples = Triples(items)
    path = tmp_path / "graph.ttl"
    triples.write_turtle(path)
    save_store(path, tmp_path)
    store = StoreLookups(open_ox_store(tmp_path))
    for s, p, o in items[:-1]:  # a blank node: relabelled by the store's parser
        assert (s, p, o) in store and (s, p, None) in store and (None, p, o) in store
        assert sorted(map(str, store.objects(s, p))) == sorted(map(str, triples.objects(s, p)))
        assert sorted(map(str, store.subjects(p, o))) == sorted(map(str, triples.subjects(p, o)))
    assert (b, bnode, None) in store and isinstance(store.value(b, bnode), BNode)
    assert (c, knows, a) not in store and (None, missing, None) not in store
    assert store.value(a, knows) == triples.value(a, knows) == b  # the least of several
    assert store.value(a, missing, default="none") == "none"
    assert store.value(None, RDFS.label, Literal("甲乙", lang="zh")) == a
    assert int(store.value(c, NIF.beginIndex)) == 12
