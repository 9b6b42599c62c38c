"""kg: a knowledge-graph builder for Chinese government news.

The public API, in data-flow order (each import is lazy, so ``import kg`` is cheap)::

    from kg import build, open_store, query, to_networkx, to_network, display
    result = build(["corpus"], "build")          # files -> OUT/graph.ttl, store, html
    graph = open_store("build")                  # rdflib Graph on the Oxigraph store
"""
from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"

_EXPORTS = {
    "read_sources": "kg.sources",
    "segment": "kg.segment",
    "Extractor": "kg.extract",
    "build": "kg.build",
    "BuildResult": "kg.build",
    "open_store": "kg.store",
    "load_graph_file": "kg.store",
    "run_query": "kg.query",
    "format_result": "kg.query",
    "saved_queries": "kg.query",
    "evaluate": "kg.evaluate",
    "validate": "kg.validate",
    "explain": "kg.explain",
    "to_networkx": "kg.network",
    "to_network": "kg.viz",
    "write_html": "kg.viz",
    "display": "kg.viz",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
