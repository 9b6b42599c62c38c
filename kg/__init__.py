"""kg: a knowledge-graph builder for Chinese government news.

The Python API mirrors the command line (each name is imported on first use, so
``import kg`` is cheap)::

    import kg
    kg.build(["corpus"], "build")               # kg build corpus -o build
    graph = kg.open("build")                     # the build: store, graph.ttl, report
    graph.query("people-posts").to_df()          # kg query build people-posts
    graph.explain("聊城市科学技术局").text()       # kg explain build …
    kg.extract_text("市统计局局长王立新介绍…", date="2024-01-05", city="济宁市")

The parts, in data-flow order: ``kg.text`` (sources, repair, segmentation), ``kg.nlp``
(the spaCy pipeline and extractors), ``kg.resolve`` (one node per person and agency),
``kg.graph`` (RDF, store, SHACL), ``kg.serve`` (queries, explanations, the endpoint) and
``kg.view`` (network and HTML view); ``kg.records`` holds the records that flow between
them and ``kg.vocab`` the vocabularies.
"""
from __future__ import annotations

from importlib import import_module

from ._version import __version__

# No module of kg is named like one of these functions: importing a submodule sets the
# package attribute of its name, which would hide the function (kg.build was the module).
_EXPORTS = {
    "build": "kg.api",
    "BuildResult": "kg.api",
    "open": "kg.api",
    "KnowledgeGraph": "kg.api",
    "Rows": "kg.api",
    "Validation": "kg.api",
    "extract_text": "kg.api",
    "articles": "kg.api",
    "query": "kg.api",
    "explain": "kg.api",
    "validate": "kg.api",
    "evaluate": "kg.api",
    "evaluate_ner": "kg.api",
    "display": "kg.view.viz",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name]), name)
        globals()[name] = value  # later lookups skip this hook
        return value
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
