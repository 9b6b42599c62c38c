"""The SKOS export of the vocabularies stays in sync with the TSVs and joins the graph."""
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import SKOS

from kg.graph.namespace import mint
from kg.graph.skos import TITLES, vocab_graph

ROOT = Path(__file__).resolve().parents[1]


def test_skos_vocab_ttl_in_sync_with_tsv():
    committed = (ROOT / "ontology" / "vocab.ttl").read_text(encoding="utf-8")
    assert committed == vocab_graph().serialize(format="turtle"), "run: python -m kg.graph.skos > ontology/vocab.ttl"


def test_skos_roles_share_iris_with_the_graph():
    g = Graph().parse(ROOT / "ontology" / "vocab.ttl")
    assert (mint("role", "常务副市长"), SKOS.inScheme, TITLES) in g
