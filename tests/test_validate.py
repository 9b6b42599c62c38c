"""SHACL validation: the fixture conforms; broken graphs give readable violations."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import RDF, XSD

from kg.cli import cli
from kg.graph.namespace import KG, NIF, ORG, QB
from kg.graph.store import save_store
from kg.graph.validate import validate

FIXTURE = Path(__file__).parent / "fixtures" / "mini.ttl"


@pytest.fixture()
def mini() -> Graph:
    return Graph().parse(FIXTURE)


def test_validate_fixture_conforms(mini):
    report = validate(mini)
    assert report.conforms, report.text()
    assert report.violations == []


def test_validate_reports_missing_member_bad_enum_and_offsets(mini):
    membership = sorted(mini.subjects(RDF.type, ORG.Membership))[0]
    mini.remove((membership, ORG.member, None))
    obs = sorted(mini.subjects(RDF.type, QB.Observation))[0]
    mini.set((obs, KG.figureKind, Literal("bogus")))
    ev = sorted(mini.subjects(RDF.type, NIF.Phrase))[0]
    mini.set((ev, NIF.beginIndex, Literal(10**6, datatype=XSD.nonNegativeInteger)))
    report = validate(mini)
    assert not report.conforms
    text = report.text()
    assert "org:member: a membership needs exactly one org:member" in text
    assert 'kg:figureKind must be one of level, change, share, target, count (value: "bogus")' in text
    assert "nif:beginIndex must not be after nif:endIndex" in text
    assert len(report.violations) == 3
    assert text.splitlines()[0] == "3 SHACL result(s); conforms: False"


def test_validate_store_roundtrip_conforms(mini, tmp_path):
    # Oxigraph turns xsd:nonNegativeInteger into xsd:integer and plain literals into
    # xsd:string: validating OUT/store must still pass
    save_store(mini, tmp_path)
    result = CliRunner().invoke(cli, ["validate", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Conforms" in result.output


def test_validate_cli_exit_code_and_message(mini, tmp_path):
    person = next(mini.subjects(RDF.type, ORG.Post))
    mini.remove((person, ORG.postIn, None))
    (tmp_path / "graph.ttl").write_text(mini.serialize(format="turtle"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert "a post needs exactly one org:postIn → org:Organization" in result.output


def test_validate_cli_missing_build(tmp_path):
    result = CliRunner().invoke(cli, ["validate", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert 'run "kg build" first' in result.output


ROOT = Path(__file__).resolve().parents[1]


def _read(path: Path) -> str:
    from kg.text.sources import decode

    return decode(path.read_bytes())[0]


def test_validate_anchors_match_source_file(mini):
    from kg.graph.validate import check_anchors

    report = check_anchors(mini, _read, [ROOT])
    assert report.checked == 11 and report.mismatches == [] and report.skipped == []


def test_validate_anchor_mismatch_named_with_file_and_span(mini, tmp_path):
    ev = sorted(mini.subjects(RDF.type, NIF.Phrase))[0]
    begin, end = int(mini.value(ev, NIF.beginIndex)), int(mini.value(ev, NIF.endIndex))
    mini.set((ev, NIF.anchorOf, Literal("伪造")))
    (tmp_path / "graph.ttl").write_text(mini.serialize(format="turtle"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(tmp_path), "--sources", str(ROOT)])
    assert result.exit_code == 1
    assert "Conforms" in result.output  # SHACL is fine; the anchor is not
    assert f"anchor differs from corpus/liaocheng-daily-2023-12-28.txt[{begin}:{end}]" in result.output


def test_validate_anchors_skip_missing_files_with_a_hint(mini, tmp_path):
    from kg.graph.validate import check_anchors

    report = check_anchors(mini, _read, [tmp_path])
    assert report.checked == 0
    assert "use --sources DIR" in report.skipped[0]


def test_validate_every_class_the_build_writes_has_a_shape(tmp_path):
    # secondary types always appear with a shaped primary type (nif:String with nif:Phrase,
    # skos:Concept with org:Role/kg:Indicator/kg:Program, prov:Plan with kg:Program ...)
    from rdflib.namespace import RDFS, SH

    from kg.builder import build
    from kg.graph.namespace import KG
    from kg.vocab.paths import ONTOLOGY_DIR

    result = build([str(ROOT / "corpus")], tmp_path, html=False, store=False, progress=False)
    graph = result.graph
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl")
    onto = Graph().parse(ONTOLOGY_DIR / "kg.ttl")
    targeted = set(shapes.objects(None, SH.targetClass))
    for node in set(graph.subjects(RDF.type, None)):
        types = set(graph.objects(node, RDF.type))
        covered = types & targeted or {t for t in types if any(
            sup in targeted for sup in onto.transitive_objects(t, RDFS.subClassOf))}
        assert covered, f"{node} has types {types} and none has a shape in shapes.ttl"
    assert validate(graph).conforms
    assert (KG.SourceDocument in targeted)

