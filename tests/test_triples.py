"""kg.graph.triples: the build's own Turtle writer and the lookups the view uses."""
from __future__ import annotations

import random

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.graph.namespace import KG, KGR, SKOS
from kg.graph.triples import Triples

A, B = URIRef(f"{KGR}org/aaa"), URIRef(f"{KGR}person/bbb")


def _sample() -> list[tuple]:
    return [
        (A, RDF.type, KG.GovernmentAgency),
        (A, SKOS.prefLabel, Literal("聊城市科学技术局", lang="zh")),
        (A, SKOS.altLabel, Literal('a "quoted"\nline\\with\ttabs\r', lang="zh")),
        (B, RDF.type, URIRef("http://xmlns.com/foaf/0.1/Person")),
        (B, KG.confidence, Literal("0.95", datatype=XSD.decimal)),
        (B, KG.former, Literal(True)),
        (B, RDFS.seeAlso, URIRef("http://example.org/a b<c>")),
        (B, KG.sourceBegin, Literal(12, datatype=XSD.nonNegativeInteger)),
        (B, RDFS.label, Literal("plain")),
    ]


def test_turtle_parses_back_to_the_same_triples_in_rdflib_and_oxigraph():
    triples = Triples(_sample())
    text = triples.turtle()
    parsed = Graph().parse(data=text, format="turtle")
    expected = {t for t in _sample() if t[2] != URIRef("http://example.org/a b<c>")}
    assert expected <= set(parsed) and len(parsed) == len(_sample())
    assert (B, RDFS.seeAlso, URIRef("http://example.org/a%20b%3Cc%3E")) in parsed  # made a valid IRI
    store = ox.Store()
    store.bulk_load(text.encode(), format=ox.RdfFormat.TURTLE)
    assert len(store) == len(_sample())


def test_turtle_is_canonical_whatever_the_insertion_order():
    items = _sample()
    texts = set()
    for seed in range(5):
        random.Random(seed).shuffle(items)
        texts.add(Triples(items).turtle())
    assert len(texts) == 1
    text = texts.pop()
    assert text.index("kgr:org/aaa" if "kgr:org/aaa" in text else str(A)) < text.index(str(B))
    assert f"<{A}> a kg:GovernmentAgency ;" in text  # rdf:type first, as 'a'
    assert "kg:confidence 0.95 ;" in text and "kg:former true ;" in text


def test_lookups_match_rdflib():
    triples, graph = Triples(_sample()), Graph()
    for t in _sample():
        graph.add(t)
    assert set(triples.objects(A, SKOS.altLabel)) == set(graph.objects(A, SKOS.altLabel))
    assert set(triples.subjects(RDF.type, KG.GovernmentAgency)) == {A}
    assert triples.value(B, KG.sourceBegin) == graph.value(B, KG.sourceBegin)
    assert (A, RDF.type, None) in triples and (None, RDF.type, KG.GovernmentAgency) in triples
    assert (A, KG.former, None) not in triples and (B, KG.former, Literal(True)) in triples
    assert len(triples) == len(graph) and set(triples.to_graph()) == set(graph)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
       st.sampled_from(["zh", None]))
def test_any_text_literal_round_trips(text, lang):
    triple = (A, RDFS.comment, Literal(text, lang=lang))
    text = Triples([triple]).turtle()
    assert set(Graph().parse(data=text, format="turtle")) == {triple}
    store = ox.Store()
    store.bulk_load(text.encode(), format=ox.RdfFormat.TURTLE)
    assert [q.object.value for q in store] == [str(triple[2])]


def test_write_turtle_writes_what_turtle_returns(tmp_path):
    triples = Triples(_sample())
    triples.write_turtle(tmp_path / "g.ttl")
    assert (tmp_path / "g.ttl").read_text(encoding="utf-8") == triples.turtle()
    assert Triples().turtle().startswith("@prefix")  # an empty graph: the prefixes alone


def test_every_lookup_matches_rdflib_on_random_triples():
    """objects/subjects/value/in (each wildcard pattern) agree with rdflib's Graph, with
    several objects per subject and predicate, blank nodes and literals; after add() too."""
    from rdflib import BNode

    from kg.graph.triples import _sort_key

    rng = random.Random(7)
    nodes = [URIRef(f"{KGR}n/{i}") for i in range(12)] + [BNode(f"b{i}") for i in range(3)]
    values = nodes + [Literal(i) for i in range(4)] + [Literal(f"名{i}", lang="zh") for i in range(4)]
    predicates = [RDF.type, RDFS.label, SKOS.altLabel, KG.post]
    rows = {(rng.choice(nodes), rng.choice(predicates), rng.choice(values)) for _ in range(150)}
    triples, graph = Triples(rows), Graph()
    for t in rows:
        graph.add(t)
    for check in range(2):
        for s in nodes + [None]:
            for p in predicates + [None]:
                assert sorted(triples.objects(s, p)) == sorted(graph.objects(s, p)), (s, p)
                for o in values + [None]:
                    assert ((s, p, o) in triples) == ((s, p, o) in graph), (s, p, o)
        for p in predicates + [None]:
            for o in values + [None]:
                assert sorted(triples.subjects(p, o)) == sorted(graph.subjects(p, o)), (p, o)
        for s in nodes:
            for p in predicates:
                found = set(graph.objects(s, p))
                assert triples.value(s, p) == (min(found, key=_sort_key) if found else None)
        extra = (nodes[0], KG.post, Literal("后加"))  # lookups made before add() see it after
        triples.add(extra)
        graph.add(extra)
    triples.clear()
    assert len(triples) == 0 and list(triples.objects(nodes[0], KG.post)) == []


def test_canonical_order_ranks_terms_as_sort_key_orders_them():
    """sorted(): subject, then rdf:type first and predicates by IRI, then object, as the
    term order of _sort_key (IRIs, blank nodes, literals) - whatever the insertion order."""
    from rdflib import BNode

    from kg.graph.triples import _TYPE, _sort_key

    rows = [(s, p, o) for s in (URIRef(f"{KGR}z"), URIRef(f"{KGR}a"), BNode("x"))
            for p in (RDFS.label, RDF.type, KG.post)
            for o in (Literal("b"), Literal("a", lang="zh"), Literal(2), URIRef(f"{KGR}m"), BNode("y"))]
    expected = sorted(rows, key=lambda t: (_sort_key(t[0]), t[1] != _TYPE, str(t[1]), _sort_key(t[2])))
    for seed in range(3):
        random.Random(seed).shuffle(rows)
        assert Triples(rows).sorted() == expected


@settings(max_examples=200, deadline=None)
@given(st.text(), st.integers(min_value=0, max_value=10**12))
def test_literals_made_without_rdflibs_constructor_equal_its_own(text, n):
    """The writer's zh / plain / count / minted make the very terms rdflib's constructors
    make: equal, same hash, same value, language and datatype, same N-Triples."""
    from kg.graph.namespace import minted
    from kg.graph.rdf import count, plain, zh

    pairs = [(zh(text), Literal(text, lang="zh")), (plain(text), Literal(text)),
             (count(n), Literal(n, datatype=XSD.nonNegativeInteger)),
             (count(n + 1, XSD.positiveInteger), Literal(n + 1, datatype=XSD.positiveInteger)),
             (minted(f"{KGR}person/{n:012x}"), URIRef(f"{KGR}person/{n:012x}"))]
    for fast, slow in pairs:
        assert type(fast) is type(slow) and fast == slow and hash(fast) == hash(slow)
        assert fast.n3() == slow.n3() and fast.toPython() == slow.toPython()
        if isinstance(slow, Literal):
            assert (fast.language, fast.datatype, fast.value, fast.ill_typed) == \
                (slow.language, slow.datatype, slow.value, slow.ill_typed)



def test_triples_are_a_set_kept_as_an_index():
    """The triples live in the index by predicate alone: equal triples (equal terms held
    by different objects too, and among many objects of one subject) are kept once, and
    every lookup, the count and the Turtle answer as a set of the same triples would."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDF, RDFS

    from kg.graph.triples import Triples

    ex = "https://example.org/"
    a, b, c = URIRef(ex + "甲"), URIRef(ex + "乙"), URIRef(ex + "Thing")
    rows = [(a, RDF.type, c), (b, RDF.type, c), (a, RDFS.label, Literal("甲方")),
            (a, RDFS.seeAlso, b), (a, RDFS.seeAlso, c), (b, RDFS.label, Literal("乙方", lang="zh"))]
    many = [(c, RDFS.member, URIRef(f"{ex}m{k}")) for k in range(20)]
    again = [(URIRef(str(s)), URIRef(str(p)), Literal(str(o), lang=o.language) if isinstance(o, Literal)
              else URIRef(str(o))) for s, p, o in rows + many]  # the same values, other objects
    triples = Triples(rows + many + again + many[::-1])
    assert len(triples) == len(set(rows + many)) == 26
    assert len(list(triples.unordered())) == 26
    assert sorted(triples.objects(a, RDFS.seeAlso)) == sorted([b, c])
    assert sorted(triples.subjects(RDF.type, c)) == sorted([a, b])
    assert triples.value(b, RDFS.label) == Literal("乙方", lang="zh")
    assert (a, RDFS.seeAlso, c) in triples and (b, RDFS.seeAlso, a) not in triples
    assert (a, RDFS.label, Literal("甲方")) in triples and (a, RDFS.label, Literal("乙方")) not in triples
    assert (None, RDFS.label, Literal("甲方")) in triples
    assert len(list(triples.objects(c, RDFS.member))) == 20
    triples.release()  # the index holds them: nothing is lost
    assert len(triples) == 26 and len(triples.to_graph()) == 26
    triples.add((c, RDFS.label, Literal("物")))
    triples.add((c, RDFS.label, Literal("物")))
    assert len(triples) == 27 and triples.value(c, RDFS.label) == Literal("物")
    rdflib_graph = Triples(rows + many + [(c, RDFS.label, Literal("物"))]).to_graph()
    assert set(rdflib_graph) == set(triples.unordered())
    triples.clear()
    assert len(triples) == 0 and list(triples.unordered()) == []


def test_terms_rank_in_sort_key_order():
    """Terms are ranked by their text alone, per kind, and literals of one text by
    language and datatype: the order of ``_sort_key`` over every kind of term."""
    import random

    from rdflib import BNode, Literal, URIRef
    from rdflib.namespace import XSD

    from kg.graph.triples import _rank_in_place, _sort_key, _term_order

    rng = random.Random(7)
    texts = ["甲", "乙", "a", "b", "1", "01", ""]
    terms = []
    for _ in range(300):
        text = rng.choice(texts)
        terms.append(rng.choice([
            URIRef("https://example.org/" + text), BNode("b" + text), Literal(text),
            Literal(text, lang=rng.choice(["zh", "en"])),
            Literal(text, datatype=rng.choice([XSD.string, XSD.integer, XSD.date]))]))
    by_id = {id(t): t for t in terms}
    ranked = _rank_in_place(by_id, _term_order(by_id))
    assert ranked == sorted(set(terms), key=_sort_key)
    assert all(ranked[by_id[id(t)]] == t for t in terms)


def test_of_subjects_cuts_the_index():
    """of_subjects keeps exactly the triples of the subjects asked, as their own Triples."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDF, RDFS

    from kg.graph.triples import Triples

    ex = "https://example.org/"
    a, b, c = URIRef(ex + "甲"), URIRef(ex + "乙"), URIRef(ex + "Thing")
    rows = [(a, RDF.type, c), (b, RDF.type, c), (a, RDFS.label, Literal("甲方")),
            (a, RDFS.seeAlso, b), (a, RDFS.seeAlso, c), (b, RDFS.label, Literal("乙方", lang="zh"))]
    whole = Triples(rows)
    part = whole.of_subjects(lambda s: s == a)
    assert len(part) == 4 and part.turtle() == Triples([t for t in rows if t[0] == a]).turtle()
    part.add((a, RDFS.seeAlso, URIRef(ex + "丙")))  # its lists are its own
    assert len(whole) == 6 and len(list(whole.objects(a, RDFS.seeAlso))) == 2


def _reference_turtle(triples: Triples) -> str:
    """Canonical Turtle written the plain way, a line a triple from ``sorted()``: the rule
    the chunked writer must follow (prefixes; a block a subject; ``;`` between predicates,
    ``,`` between objects; `` .`` and a blank line between subjects)."""
    from kg.graph.namespace import PREFIXES
    from kg.graph.triples import TurtleTerms

    writer = TurtleTerms()
    head = "".join(f"@prefix {k}: <{v}> .\n" for k, v in sorted(PREFIXES.items()))
    blocks, lines, last = [], [], (None, None)
    for s, p, o in triples.sorted():
        if s != last[0]:
            if lines:
                blocks.append("\n" + "\n".join(lines) + " .\n")
            lines = [f"{writer.term(s)} {writer.iri(p)} {writer.term(o)}"]
        elif p != last[1]:
            lines[-1] += " ;"
            lines.append(f"    {writer.iri(p)} {writer.term(o)}")
        else:
            lines[-1] += ","
            lines.append(f"        {writer.term(o)}")
        last = (s, p)
    if lines:
        blocks.append("\n" + "\n".join(lines) + " .\n")
    return head + "".join(blocks)


def _random_triples(seed: int, n: int = 400) -> list[tuple]:
    rng = random.Random(seed)
    subjects = [URIRef(f"{KGR}thing/{k:04d}") for k in range(40)] + [URIRef(f"{KG}Concept{k}") for k in range(5)]
    predicates = [RDF.type, RDFS.label, KG.post, SKOS.altLabel, KG.sourceBegin, URIRef("http://example.org/p#x")]
    objects = subjects + [Literal(f"名{k}", lang="zh") for k in range(30)] + [
        Literal(k, datatype=XSD.nonNegativeInteger) for k in range(10)] + [Literal("a\tb"), Literal(True)]
    return [(rng.choice(subjects), rng.choice(predicates), rng.choice(objects)) for _ in range(n)]


def test_turtle_in_chunks_is_the_plain_writers_text(monkeypatch):
    """The writer joins a chunk of triples at a time: whatever the chunk size (a subject, a
    predicate or its objects cut between two chunks), the text is the plain writer's."""
    import kg.graph.triples as module

    for seed in range(3):
        triples = Triples(_random_triples(seed))
        expected = _reference_turtle(triples)
        assert triples.turtle() == expected
        for chunk in (1, 2, 3, 7, 64):
            monkeypatch.setattr(module, "_CHUNK", chunk)
            assert triples.turtle() == expected
        monkeypatch.setattr(module, "_CHUNK", 1 << 16)
    assert Triples().turtle() == _reference_turtle(Triples())


def test_turtle_of_a_graph_too_big_to_pack_is_the_same(monkeypatch):
    """Past 2^63 the keys are three columns, not one packed int: the same order, the same text."""
    import kg.graph.triples as module

    triples = Triples(_random_triples(5))
    packed = triples.turtle()
    monkeypatch.setattr(module, "_PACKED_MAX", 0)
    assert triples.turtle() == packed and triples.sorted() == Triples(_random_triples(5)).sorted()


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(__import__("kg.graph.namespace", fromlist=["PREFIXES"]).PREFIXES.values())
                       + ["http://example.org/", "https://w3id.org/kg-gov/id/person/", ""]),
       st.text(alphabet="ab_-9Z/#.:é中 ", max_size=12))
def test_prefixed_names_as_the_longest_namespace_gives_them(namespace, local):
    """An IRI is shortened by its namespace up to its last / or #: the same name the
    longest namespace with a valid local part gives."""
    import re

    from kg.graph.triples import _BY_LENGTH, TurtleTerms

    iri = namespace + local
    expected = None
    for prefix, ns in _BY_LENGTH:
        if iri.startswith(ns) and re.match(r"[A-Za-z_][A-Za-z0-9_\-]*\Z", iri[len(ns):]):
            expected = f"{prefix}:{iri[len(ns):]}"
            break
    got = TurtleTerms._iri(iri)
    assert got == expected if expected is not None else got.startswith("<")


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.from_regex(r"-?(0|[1-9][0-9]{0,14})\.[0-9]{1,8}", fullmatch=True),
                 st.from_regex(r"[+-]?[0-9]{1,6}(\.[0-9]{0,4})?([eE][0-9])?", fullmatch=True),
                 st.text(alphabet="0123456789.-+eE_ ", max_size=8)))
def test_decimals_made_without_rdflibs_constructor_equal_its_own(text):
    """decimal_literal makes the very literal rdflib makes for the same text (its canonical
    decimals without the constructor; any other text through it)."""
    from kg.graph.rdf import decimal_literal

    try:
        slow = Literal(text if "." in text or "e" in text.lower() else text + ".0", datatype=XSD.decimal)
    except Exception:  # noqa: BLE001 - rdflib refuses it: so must the writer
        return
    fast = decimal_literal(text)
    assert type(fast) is type(slow) and fast == slow and hash(fast) == hash(slow) and str(fast) == str(slow)
    assert (fast.language, fast.datatype, fast.value, fast.ill_typed) == \
        (slow.language, slow.datatype, slow.value, slow.ill_typed)


def test_turtle_is_written_with_the_collector_paused_then_as_it_was(tmp_path, monkeypatch):
    """The cycle collector is off while graph.ttl's text is made (each pass would walk
    every object alive), and left as it was found after, exception or not."""
    import gc

    import pytest

    from kg.graph.triples import paused_collector

    triples = Triples(_random_triples(1))
    made = Triples._turtle_blocks
    seen: list[bool] = []

    def watched(self):
        for block in made(self):
            seen.append(gc.isenabled())
            yield block

    monkeypatch.setattr(Triples, "_turtle_blocks", watched)
    triples.write_turtle(tmp_path / "graph.ttl")
    text = triples.turtle()
    assert len(seen) > 2 and not any(seen)
    assert gc.isenabled() and (tmp_path / "graph.ttl").read_text(encoding="utf-8") == text
    gc.disable()
    try:
        with paused_collector():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(ZeroDivisionError), paused_collector():
        _ = 1 / 0
    assert gc.isenabled()


def test_writer_describes_a_recurring_unit_indicator_area_and_program_once_the_same_triples():
    """Figures sharing a unit, an indicator (one of the scheme's concepts) and an area, and
    a program and a slogan mentioned twice: the writer adds their types and labels once,
    and its triples are exactly the union of what each figure and mention writes alone."""
    from kg.graph.rdf import GraphWriter
    from kg.records import Evidence, Figure, Program
    from kg.vocab.indicators import indicator_concepts

    wording = indicator_concepts()[0].label
    figures = [Figure(value=v, unit="亿元", surface=f"{v}亿元", indicator=wording, kind="level", article="a1",
                      evidence=Evidence("s1", "a1", start, start + 4, f"{v}亿元"), area="青禾县")
               for v, start in (("12", 0), ("7.5", 20), ("3", 40))]
    programs = [Program(name=name, kind=kind, article="a1", evidence=Evidence("s1", "a1", start, start + 6, name),
                        agencies=agencies)
                for name, kind, start, agencies in (("青禾振兴三年行动", "campaign", 60, ()),
                                                    ("青禾振兴三年行动", "campaign", 80, ("org-x",)),
                                                    ("暖心帮办", "slogan", 100, ()), ("暖心帮办", "slogan", 120, ()))]
    together = GraphWriter()
    together.observations(figures)
    for p in programs:
        together.program(p)
    union = set()
    for f in figures:
        alone = GraphWriter()
        alone.observations([f])
        union |= set(alone.triples.unordered())
    for p in programs:
        alone = GraphWriter()
        alone.program(p)
        union |= set(alone.triples.unordered())
    written = set(together.triples.unordered())
    assert written == union and len(together.triples) == len(union)
    unit = {s for s, p, o in written if p == RDFS.label and str(o) == "亿元"}
    assert len(unit) == 1 and sum(1 for s, p, o in written if p.endswith("unitMeasure")) == 3


def test_runs_on_disk_merge_into_the_turtle_of_one_set(tmp_path):
    """Triples added past a run's size go to disk in sorted runs; merged, they are the
    Turtle of one Triples of them all, byte for byte, with the triples repeated between
    runs written once and counted once (literals of one text in several languages and
    datatypes, blank nodes, rdf:type as an object too)."""
    from rdflib import BNode

    from kg.graph.runs import TripleRuns

    rng = random.Random(7)
    subjects = [URIRef(f"{KGR}thing/{i:03d}") for i in range(40)] + [BNode("b1"), BNode("b2")]
    objects = [*subjects[:10], RDF.type, Literal("一"), Literal("一", lang="zh"), Literal("一", lang="en"),
               Literal("7", datatype=XSD.integer), Literal("7.0", datatype=XSD.decimal), Literal("7"),
               Literal("x", datatype=XSD.string), Literal("2024-05-01", datatype=XSD.date)]
    predicates = [RDF.type, RDFS.label, SKOS.altLabel, KG.confidence, RDFS.seeAlso]
    items = [(rng.choice(subjects), rng.choice(predicates), rng.choice(objects)) for _ in range(3000)]
    runs = TripleRuns(run_max=97)
    add = runs.adder()
    for s, p, o in items:
        add(s, p, o)
    assert runs.runs()
    runs.write_turtle(tmp_path / "runs.ttl")
    whole = Triples(items)
    assert (tmp_path / "runs.ttl").read_text(encoding="utf-8") == whole.turtle()
    assert len(runs) == len(whole) < len(items)
    runs.close()


def test_a_writer_past_its_run_size_gives_runs_else_its_one_set():
    from kg.graph.rdf import GraphWriter
    from kg.graph.runs import TripleRuns

    small = GraphWriter(run_max=10)
    small.add(A, RDF.type, KG.GovernmentAgency)
    assert isinstance(small.done(), Triples)
    big = GraphWriter(run_max=10)
    for i in range(25):
        big.add(A, RDFS.label, Literal(f"名{i}", lang="zh"))
    done = big.done()
    assert isinstance(done, TripleRuns) and done.runs()
    done.close()
