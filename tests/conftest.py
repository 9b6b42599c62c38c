"""Fixtures shared by the store, query, explain and server tests."""
from pathlib import Path

import pytest
from rdflib import Graph

MINI = Path(__file__).parent / "fixtures" / "mini.ttl"


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    """A build folder whose store holds the hand-written mini graph (tests/fixtures/mini.ttl)."""
    from kg.graph.store import save_store

    folder = tmp_path_factory.mktemp("build")
    save_store(Graph().parse(MINI), folder)
    return folder
