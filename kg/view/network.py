"""A networkx projection of a kg graph, its analytics, and GraphML/GEXF export.

``to_networkx`` reads the public RDF schema (ontology/README.md) and keeps the things a
reader looks at as a network: people, posts, agencies, programs, events and articles.
Each node carries ``type``, ``label`` and the provenance needed to show where it came
from (``evidence``: sentence, article, headline, date). Edges are typed (``relation``,
also the multigraph key) and weighted (``weight`` = how many statements support them):

=====================  ===========================  =====================================
relation               direction                    from
=====================  ===========================  =====================================
holds                  Person -> Post               org:holds / org:Membership (+ dates, span)
post_in                Post -> Organization         org:postIn
sub_organization_of    Organization -> Organization org:subOrganizationOf
leads                  Organization -> Program      kg:ledBy (inverted)
organizes              Organization -> Event        schema:organizer
participates           Person -> Event              kg:participation (role), schema:attendee
co_participant         Person -> Person             two people at the same event
mentions               Article -> any               schema:mentions
author                 Article -> Person            schema:author
reports                Article -> Indicator         a figure of the article (kg:inArticle) whose
                                                    kg:indicator is skos:exactMatch a concept of
                                                    kgr:scheme/indicators (``indicators=True``)
=====================  ===========================  =====================================

With ``indicators=True`` (the HTML view) the concepts of the indicator scheme that figures
name are nodes too (type ``Indicator``): the figures of every article that measure one
are listed on it, the text's wordings are its other names, so a series across articles
is one node. Slogans (``kg:Slogan``) are never nodes: they are not programs.

Everything here is deterministic: nodes and edges are added in sorted order, and the
sampled analytics take a fixed seed.
"""
from __future__ import annotations

import json
import os
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any, Iterable

import networkx as nx
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from ..atomic import atomic_path
from ..graph.namespace import FOAF, KG, NIF, ORG, PROV, SCHEMA, SDMX_MEASURE, SKOS, TIME
from ..graph.rdf import Terms
from ..graph.store import read_graph

__all__ = [
    "NODE_TYPES",
    "read_graph",
    "to_networkx",
    "coappearance",
    "centrality",
    "communities",
    "community_table",
    "edge_rows",
    "summary",
    "export",
]

# terms made once, not on every lookup (the projection looks up millions)
RDF, RDFS, FOAF, KG, NIF, ORG, PROV, SCHEMA, SDMX_MEASURE, SKOS, TIME = (
    Terms(ns) for ns in (RDF, RDFS, FOAF, KG, NIF, ORG, PROV, SCHEMA, SDMX_MEASURE, SKOS, TIME))

#: node types of the projection, in legend order
NODE_TYPES = ("Person", "Organization", "Post", "Program", "Event", "Article", "Indicator")

_AGENCY_KINDS = (
    "PartyOrgan", "GovernmentAgency", "ArmedForce", "PeoplesCongress", "PoliticalConsultative", "Court",
    "Procuratorate", "StateOwnedEnterprise", "Company", "School", "Association",
    "Newspaper", "PublicInstitution",
)

#: how many sources betweenness samples on graphs larger than this (exact below)
BETWEENNESS_EXACT_MAX = 1000
BETWEENNESS_SAMPLE = 300


def _first(graph: Graph, subject: URIRef, *predicates: URIRef) -> str:
    """The first literal of the first predicate that has one (sorted: deterministic)."""
    for predicate in predicates:
        value = min(map(str, graph.objects(subject, predicate)), default=None)
        if value is not None:
            return value
    return ""


def _decimal(graph: Graph, subject: URIRef, predicate: URIRef) -> str:
    """A decimal's text as graph.ttl writes it (156.0): read from a store, Oxigraph gives
    back its canonical form without the fraction (156)."""
    text = _first(graph, subject, predicate)
    return f"{text}.0" if text.lstrip("-").isascii() and text.lstrip("-").isdigit() else text


def _tail(iri: Any) -> str:
    text = str(iri)
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[1]
    return text


def _subjects_of_type(graph: Graph, cls: URIRef) -> list[URIRef]:
    # by text: the order of URIRef's <, without its Python code
    return sorted({s for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef)}, key=str)


class _Reader:
    """Reads articles and evidence once, so every node and edge can cite them."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._articles: dict[Any, dict] = {}
        self._evidence: dict[Any, dict | None] = {}

    def article(self, iri: Any) -> dict:
        if iri not in self._articles:
            g = self.graph
            self._articles[iri] = {
                "article": str(iri),
                "headline": _first(g, iri, SCHEMA.headline, RDFS.label),
                "date": _first(g, iri, SCHEMA.datePublished, PROV.generatedAtTime),
            }
        return self._articles[iri]

    def evidence(self, iri: Any) -> dict | None:
        """A dict for an evidence resource (sentence, anchor, article, headline, date)."""
        if iri in self._evidence:
            return self._evidence[iri]
        g = self.graph
        item = None
        if (iri, RDF.type, NIF.Phrase) in g or (iri, RDF.type, NIF.String) in g or (
            (iri, NIF.anchorOf, None) in g
        ):
            context = g.value(iri, NIF.referenceContext)
            item = {
                "sentence": _first(g, iri, KG.sentence),
                "anchor": _first(g, iri, NIF.anchorOf),
                "begin": _int(g.value(iri, NIF.beginIndex)),
                "end": _int(g.value(iri, NIF.endIndex)),
            }
            item.update(self.article(context) if context is not None else
                        {"article": "", "headline": "", "date": ""})
        self._evidence[iri] = item
        return item

    def evidence_of(self, *subjects: Any) -> list[dict]:
        """Evidence cited by ``prov:wasDerivedFrom`` on any of the subjects (deduplicated)."""
        seen, out = set(), []
        for subject in subjects:
            for ev in sorted(self.graph.objects(subject, PROV.wasDerivedFrom), key=str):
                item = self.evidence(ev)
                key = (item or {}).get("sentence"), (item or {}).get("article")
                if item and key not in seen:
                    seen.add(key)
                    out.append(item)
        return out


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _membership_dates(graph: Graph, membership: Any) -> list[str]:
    dates = set()
    for interval in graph.objects(membership, ORG.memberDuring):
        for edge in (TIME.hasBeginning, TIME.hasEnd):
            for instant in graph.objects(interval, edge):
                for d in graph.objects(instant, TIME.inXSDDate):
                    dates.add(str(d))
    return sorted(dates)


#: a membership's attested span: ``begin`` (time:hasBeginning, the first article that
#: shows it held), ``last_attested`` (kg:lastAttested), ``end`` (time:hasEnd, only when
#: an end is reported) and ``former`` (kg:former); '' / False when the graph lacks them
SPAN_KEYS = ("begin", "last_attested", "end", "former")
_NO_SPAN = {"begin": "", "last_attested": "", "end": "", "former": False}


def _instants(graph: Graph, membership: Any, edge: URIRef) -> list[str]:
    return sorted(str(d) for interval in graph.objects(membership, ORG.memberDuring)
                  for instant in graph.objects(interval, edge)
                  for d in graph.objects(instant, TIME.inXSDDate))


def _membership_span(graph: Graph, membership: Any) -> dict:
    """The attested span of one org:Membership (see ``SPAN_KEYS``)."""
    begins = _instants(graph, membership, TIME.hasBeginning)
    ends = _instants(graph, membership, TIME.hasEnd)
    last = sorted(str(d) for d in graph.objects(membership, KG.lastAttested))
    former = any(str(v).lower() in ("true", "1") for v in graph.objects(membership, KG.former))
    return {"begin": begins[0] if begins else "", "last_attested": last[-1] if last else "",
            "end": ends[-1] if ends else "", "former": former}


def _merge_span(one: dict | None, two: dict) -> dict:
    """Two memberships of one person and post (the builder writes one; other graphs may
    hold more): the earliest beginning, the latest attestation, ended only when both are."""
    if one is None:
        return dict(two)
    begins = [d for d in (one["begin"], two["begin"]) if d]
    ended = bool(one["end"] or one["former"]) and bool(two["end"] or two["former"])
    return {"begin": min(begins) if begins else "",
            "last_attested": max(one["last_attested"], two["last_attested"]),
            "end": max(one["end"], two["end"]) if ended else "",
            "former": ended and one["former"] and two["former"]}


def to_networkx(graph: Graph, indicators: bool = False) -> nx.MultiDiGraph:
    """Project a kg RDF graph onto a typed, weighted networkx multigraph.

    graph (Graph): a graph in kg's public schema (what ``kg build`` writes).
    indicators (bool): also the indicator concepts the figures measure (``Indicator``
        nodes with their ``figures``, ``reports`` links from articles). Defaults to False
        (the analytics run on people, agencies, programs, events and articles).
    RETURNS (nx.MultiDiGraph): nodes keyed by IRI with ``type``, ``label``, ``kind``,
        ``alt_labels``, ``date``, ``posts`` (people: post, role, organization, dates and
        the span ``begin``, ``last_attested``, ``end``, ``former``), ``evidence``; edges
        keyed by ``relation`` with ``weight``, ``label`` and ``evidence`` (``holds``: also
        ``dates`` and the membership's span, ``SPAN_KEYS``).
    """
    g = graph
    reader = _Reader(g)
    nxg = nx.MultiDiGraph(name="kg")

    def add_node(iri: URIRef, type_: str, label: str, **attrs: Any) -> None:
        nxg.add_node(str(iri), iri=str(iri), type=type_, label=label or _tail(iri),
                     kind=attrs.pop("kind", ""), alt_labels=attrs.pop("alt_labels", []),
                     date=attrs.pop("date", ""), evidence=attrs.pop("evidence", []), **attrs)

    def add_edge(u: Any, v: Any, relation: str, weight: int = 1, label: str = "",
                 evidence: Iterable[dict] = (), **attrs: Any) -> None:
        u, v = str(u), str(v)
        if u not in nxg or v not in nxg:
            return
        if nxg.has_edge(u, v, key=relation):
            data = nxg.edges[u, v, relation]
            data["weight"] += weight
            known = {(e.get("sentence"), e.get("article")) for e in data["evidence"]}
            data["evidence"].extend(e for e in evidence
                                    if (e.get("sentence"), e.get("article")) not in known)
            return
        nxg.add_edge(u, v, key=relation, relation=relation, weight=weight,
                     label=label or relation, evidence=list(evidence), **attrs)

    # --- nodes -----------------------------------------------------------------------
    for person in _subjects_of_type(g, FOAF.Person):
        add_node(person, "Person", _first(g, person, FOAF.name, RDFS.label),
                 evidence=reader.evidence_of(person), posts=[])
    agencies = set(_subjects_of_type(g, ORG.Organization))
    for kind in _AGENCY_KINDS:
        agencies.update(_subjects_of_type(g, KG[kind]))
    for agency in sorted(agencies):
        kinds = sorted(k for k in _AGENCY_KINDS if (agency, RDF.type, KG[k]) in g)
        add_node(agency, "Organization", _first(g, agency, SKOS.prefLabel, RDFS.label),
                 kind=",".join(kinds),
                 alt_labels=sorted({str(a) for a in g.objects(agency, SKOS.altLabel)}),
                 evidence=reader.evidence_of(agency))
    for post in _subjects_of_type(g, ORG.Post):
        role = g.value(post, ORG.role)
        add_node(post, "Post", _first(g, post, RDFS.label, SKOS.prefLabel),
                 kind=_first(g, role, SKOS.prefLabel, RDFS.label) if role is not None else "")
    for program in _subjects_of_type(g, KG.Program):
        add_node(program, "Program", _first(g, program, SKOS.prefLabel, RDFS.label),
                 kind=_first(g, program, KG.programKind),
                 alt_labels=sorted({str(a) for a in g.objects(program, SKOS.altLabel)}),
                 evidence=reader.evidence_of(program))
    for event in _subjects_of_type(g, SCHEMA.Event):
        add_node(event, "Event", _first(g, event, SCHEMA.name, RDFS.label),
                 kind=_first(g, event, KG.eventKind), date=_first(g, event, SCHEMA.startDate),
                 evidence=reader.evidence_of(event))
    for article in _subjects_of_type(g, SCHEMA.NewsArticle):
        meta = reader.article(article)
        figures = []
        for obs in sorted(g.subjects(KG.inArticle, article), key=str):
            indicator = g.value(obs, KG.indicator)
            figures.append({
                "indicator": _first(g, indicator, SKOS.prefLabel) if indicator is not None else "",
                "surface": _first(g, obs, KG.surface),
                "value": _decimal(g, obs, SDMX_MEASURE.obsValue),
            })
        add_node(article, "Article", meta["headline"] or _tail(article), date=meta["date"],
                 kind=_first(g, article, SCHEMA.alternativeHeadline), figures=figures)
    if indicators:
        _add_indicators(g, reader, add_node, add_edge)

    # --- edges -----------------------------------------------------------------------
    # holdings: one edge per (person, post), weighted by the memberships that state it,
    # with the memberships' attested span (SPAN_KEYS)
    spans: dict[tuple[str, str], list[dict]] = {}
    for membership in _subjects_of_type(g, ORG.Membership):
        person, post = g.value(membership, ORG.member), g.value(membership, KG.post)
        if person is None:
            continue
        if post is None:  # no kg:post: find the person's post in that org with that role
            org_, role = g.value(membership, ORG.organization), g.value(membership, ORG.role)
            post = next((p for p in sorted(g.objects(person, ORG.holds), key=str)
                         if g.value(p, ORG.postIn) == org_ and g.value(p, ORG.role) == role), None)
        if post is None:
            continue
        dates = _membership_dates(g, membership)
        add_edge(person, post, "holds", label=nxg.nodes.get(str(post), {}).get("kind", ""),
                 evidence=reader.evidence_of(membership), dates=[])
        if nxg.has_edge(str(person), str(post), key="holds"):
            data = nxg.edges[str(person), str(post), "holds"]
            data["dates"] = sorted(set(data["dates"]) | set(dates))
            spans.setdefault((str(person), str(post)), []).append(_membership_span(g, membership))
    for (person, post), found in spans.items():
        span = None
        for one in sorted(found, key=lambda s: tuple(str(s[k]) for k in SPAN_KEYS)):
            span = _merge_span(span, one)
        nxg.edges[person, post, "holds"].update(span)
    for person in _subjects_of_type(g, FOAF.Person):
        for post in sorted(set(g.objects(person, ORG.holds)) | set(g.subjects(ORG.heldBy, person)), key=str):
            if not nxg.has_edge(str(person), str(post), key="holds"):
                add_edge(person, post, "holds", label=nxg.nodes.get(str(post), {}).get("kind", ""),
                         dates=[], **_NO_SPAN)
    for post in _subjects_of_type(g, ORG.Post):
        for agency in sorted(g.objects(post, ORG.postIn), key=str):
            add_edge(post, agency, "post_in")
    for agency in sorted(agencies):
        for parent in sorted(g.objects(agency, ORG.subOrganizationOf), key=str):
            add_edge(agency, parent, "sub_organization_of")
    for program in _subjects_of_type(g, KG.Program):
        for agency in sorted(g.objects(program, KG.ledBy), key=str):
            add_edge(agency, program, "leads", evidence=reader.evidence_of(program))
    for event in _subjects_of_type(g, SCHEMA.Event):
        for agency in sorted(g.objects(event, SCHEMA.organizer), key=str):
            add_edge(agency, event, "organizes")
        roles: dict[str, set[str]] = defaultdict(set)
        evidence: dict[str, list[dict]] = defaultdict(list)
        for part in sorted(g.objects(event, KG.participation), key=str):
            for person in g.objects(part, KG.participant):
                role = g.value(part, KG.participantRole)
                roles[str(person)].add(_tail(role) if role is not None else "attendee")
                evidence[str(person)].extend(reader.evidence_of(part))
        for person in g.objects(event, SCHEMA.performer):
            roles[str(person)].add("speaker")
        for person in g.objects(event, SCHEMA.attendee):
            roles.setdefault(str(person), set())  # present; role unknown unless said elsewhere
        for person in g.objects(event, KG.changedPerson):  # a change of post (任命, 免去 ...)
            roles[str(person)].add(str(g.value(event, KG.changeKind) or "change"))
        for person in sorted(roles):
            role = ",".join(sorted(roles[person])) or "attendee"
            add_edge(person, event, "participates", label=role, evidence=evidence[person], role=role)
        people = sorted(p for p in roles if p in nxg)
        for a, b in combinations(people, 2):
            add_edge(a, b, "co_participant", label="co-participant",
                     evidence=evidence[a] + evidence[b], events=[str(event)])
            events = nxg.edges[a, b, "co_participant"]["events"]
            if str(event) not in events:
                events.append(str(event))
    for article in _subjects_of_type(g, SCHEMA.NewsArticle):
        for thing in sorted(g.objects(article, SCHEMA.mentions), key=str):
            add_edge(article, thing, "mentions")
        for author in sorted(g.objects(article, SCHEMA.author), key=str):
            add_edge(article, author, "author", label="reporter")

    # --- derived attributes ----------------------------------------------------------
    for person, data in nxg.nodes(data=True):
        if data["type"] != "Person":
            continue
        posts = []
        evidence, seen = data["evidence"], None  # seen: made when a post brings evidence
        for _, post, key, edge in sorted(nxg.out_edges(person, keys=True, data=True)):
            if key != "holds":
                continue
            pdata = nxg.nodes[post]
            agencies_of_post = [nxg.nodes[a]["label"] for _, a, k in nxg.out_edges(post, keys=True)
                                if k == "post_in"]
            posts.append({"post": pdata["label"], "role": pdata["kind"],
                          "organization": agencies_of_post[0] if agencies_of_post else "",
                          "dates": edge.get("dates", []),
                          **{k: edge.get(k, _NO_SPAN[k]) for k in SPAN_KEYS}})
            for e in edge["evidence"]:  # each new one, once (a set: a list scan per item is quadratic)
                if seen is None:
                    seen = {_evidence_key(known) for known in evidence}
                if _evidence_key(e) not in seen:
                    seen.add(_evidence_key(e))
                    evidence.append(e)
        data["posts"] = posts
    return nxg


def _evidence_key(item: dict) -> tuple:
    """An evidence dict as a hashable value: equal dicts give equal keys."""
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in item.items()))


def _add_indicators(g: Graph, reader: _Reader, add_node: Any, add_edge: Any) -> None:
    """Indicator nodes: each concept of the indicator scheme that a figure's indicator is
    skos:exactMatch, with those figures (the text's wording, surface, value; by article
    date) and a ``reports`` link from each article that gives one (weight: how many)."""
    found: dict[URIRef, list[tuple[str, str, URIRef, URIRef, URIRef]]] = defaultdict(list)
    for article in _subjects_of_type(g, SCHEMA.NewsArticle):
        date = _first(g, article, SCHEMA.datePublished, PROV.generatedAtTime)
        for obs in sorted(g.subjects(KG.inArticle, article), key=str):
            wording = g.value(obs, KG.indicator)
            if wording is None:
                continue
            concepts = sorted(c for c in g.objects(wording, SKOS.exactMatch) if isinstance(c, URIRef))
            if not concepts and (wording, SKOS.inScheme, None) in g:
                concepts = [wording]  # an indicator that is itself the scheme's concept
            if concepts:
                found[concepts[0]].append((date, str(article), article, obs, wording))
    for concept in sorted(found):
        rows = sorted(found[concept], key=lambda r: (r[0], r[1], str(r[3])))
        label = _first(g, concept, SKOS.prefLabel)
        wordings = {_first(g, r[4], SKOS.prefLabel) for r in rows}
        add_node(concept, "Indicator", label, kind=_first(g, concept, SKOS.notation),
                 alt_labels=sorted(w for w in wordings if w and w != label),
                 evidence=reader.evidence_of(*(r[3] for r in rows)),
                 figures=[{"indicator": _first(g, r[4], SKOS.prefLabel), "surface": _first(g, r[3], KG.surface),
                           "value": _decimal(g, r[3], SDMX_MEASURE.obsValue)} for r in rows])
        for _, _, article, obs, _ in rows:
            add_edge(article, concept, "reports", evidence=reader.evidence_of(obs))


def _simple(nxg: nx.MultiDiGraph, nodes: Iterable[str] | None = None) -> nx.Graph:
    """Undirected simple graph with summed weights (what the analytics run on)."""
    simple = nx.Graph()
    keep = set(nxg) if nodes is None else set(nodes)
    simple.add_nodes_from(sorted(keep))
    for u, v, data in nxg.edges(data=True):
        if u in keep and v in keep and u != v:
            w = data.get("weight", 1)
            if simple.has_edge(u, v):
                simple[u][v]["weight"] += w
            else:
                simple.add_edge(u, v, weight=w)
    return simple


def coappearance(nxg: nx.MultiDiGraph, via: Iterable[str] = ("Event", "Article")) -> nx.Graph:
    """The co-appearance network of people: linked when they share an event or article.

    nxg (nx.MultiDiGraph): a projection from ``to_networkx``.
    via (Iterable[str]): node types that make a co-appearance. Defaults to events and
        articles (reporters, linked by ``author``, are not counted as appearing).
    RETURNS (nx.Graph): people (with their node attributes); edges with ``weight`` (number
        of shared events and articles), ``events`` and ``articles`` (lists of IRIs).
    """
    via = set(via)
    co = nx.Graph(name="coappearance")
    for node, data in nxg.nodes(data=True):
        if data.get("type") == "Person":
            co.add_node(node, **{k: data[k] for k in ("type", "label", "kind") if k in data})
    for hub in sorted(nxg):
        hub_type = nxg.nodes[hub].get("type")
        if hub_type not in via:
            continue
        if hub_type == "Event":
            people = {u for u, _, k in nxg.in_edges(hub, keys=True) if k == "participates"}
        else:
            people = {v for _, v, k in nxg.out_edges(hub, keys=True)
                      if k == "mentions" and nxg.nodes[v].get("type") == "Person"}
        field = "events" if hub_type == "Event" else "articles"
        for a, b in combinations(sorted(people), 2):
            if not co.has_edge(a, b):
                co.add_edge(a, b, weight=0, events=[], articles=[])
            co[a][b]["weight"] += 1
            co[a][b][field].append(hub)
    return co


def centrality(nxg: nx.Graph, types: Iterable[str] | None = None, top: int | None = None,
               seed: int = 0) -> list[dict]:
    """Degree and betweenness centrality of every node (on the undirected simple graph).

    nxg (nx.Graph): a projection (any networkx graph with ``type``/``label`` attributes).
    types (Iterable[str] | None): keep only these node types in the result. Defaults to all.
    top (int | None): return the first ``top`` rows only. Defaults to all.
    seed (int): seed of the sampled betweenness used above ``BETWEENNESS_EXACT_MAX`` nodes.
    RETURNS (list[dict]): rows ``id, label, type, degree, weighted_degree,
        degree_centrality, betweenness``, sorted by betweenness then degree, descending.
    """
    simple = _simple(nxg) if nxg.is_multigraph() or nxg.is_directed() else nxg
    degree = nx.degree_centrality(simple) if len(simple) > 1 else {n: 0.0 for n in simple}
    k = BETWEENNESS_SAMPLE if len(simple) > BETWEENNESS_EXACT_MAX else None
    between = nx.betweenness_centrality(simple, k=k, seed=seed) if len(simple) > 2 else {
        n: 0.0 for n in simple}
    wanted = set(types) if types is not None else None
    rows = []
    for node in simple:
        data = nxg.nodes[node]
        if wanted is not None and data.get("type") not in wanted:
            continue
        rows.append({
            "id": node, "label": data.get("label", node), "type": data.get("type", ""),
            "degree": simple.degree(node),
            "weighted_degree": simple.degree(node, weight="weight"),
            "degree_centrality": round(degree[node], 6),
            "betweenness": round(between[node], 6),
        })
    rows.sort(key=lambda r: (-r["betweenness"], -r["degree"], r["label"], r["id"]))
    return rows[:top] if top is not None else rows


def communities(nxg: nx.Graph, seed: int = 0, resolution: float = 1.0) -> list[list[str]]:
    """Communities by Louvain modularity on the undirected weighted graph.

    nxg (nx.Graph): a projection or the co-appearance network.
    seed (int): random seed (same seed -> same communities).
    resolution (float): Louvain resolution; larger gives smaller communities.
    RETURNS (list[list[str]]): node ids per community, largest first.
    """
    simple = _simple(nxg) if nxg.is_multigraph() or nxg.is_directed() else nxg
    if simple.number_of_edges() == 0:
        return [[n] for n in sorted(simple)]
    found = nx.community.louvain_communities(simple, weight="weight", seed=seed,
                                             resolution=resolution)
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))


def community_table(nxg: nx.Graph, seed: int = 0) -> list[dict]:
    """Communities as rows (for a DataFrame): number, size and member labels.

    nxg (nx.Graph): a projection or the co-appearance network.
    seed (int): Louvain seed.
    RETURNS (list[dict]): ``community, size, members`` (labels joined by 、), largest first.
    """
    return [{"community": i, "size": len(c),
             "members": "、".join(str(nxg.nodes[n].get("label", n)) for n in c)}
            for i, c in enumerate(communities(nxg, seed=seed))]


def edge_rows(nxg: nx.Graph, relations: Iterable[str] | None = None) -> list[dict]:
    """Edges as rows (for a DataFrame): labels and types of both ends, relation, weight.

    nxg (nx.Graph): a projection or the co-appearance network.
    relations (Iterable[str] | None): keep only these relations. Defaults to all.
    RETURNS (list[dict]): ``source, source_type, relation, target, target_type, weight``
        (+ ``events``/``articles`` counts on the co-appearance network), heaviest first.
    """
    wanted = set(relations) if relations is not None else None
    rows = []
    edges = (nxg.edges(keys=True, data=True) if nxg.is_multigraph()
             else ((u, v, None, d) for u, v, d in nxg.edges(data=True)))
    for u, v, key, data in edges:
        relation = data.get("relation", key or "coappears")
        if wanted is not None and relation not in wanted:
            continue
        row = {"source": nxg.nodes[u].get("label", u), "source_type": nxg.nodes[u].get("type", ""),
               "relation": relation,
               "target": nxg.nodes[v].get("label", v), "target_type": nxg.nodes[v].get("type", ""),
               "weight": data.get("weight", 1)}
        for field in ("events", "articles"):
            if field in data:
                row[field] = len(data[field])
        rows.append(row)
    rows.sort(key=lambda r: (-r["weight"], r["relation"], r["source"], r["target"]))
    return rows


def summary(nxg: nx.MultiDiGraph, top: int = 10) -> dict:
    """Counts by node type and relation, the most central people, communities.

    nxg (nx.MultiDiGraph): a projection from ``to_networkx``.
    top (int): how many people to list.
    RETURNS (dict): ``nodes``, ``edges``, ``node_types``, ``relations``,
        ``central_people`` (officials, not the articles' reporters), ``reporters`` (count),
        ``communities`` (count), ``largest_community`` (size), ``coappearance`` (people, links).
    """
    types = Counter(d.get("type", "") for _, d in nxg.nodes(data=True))
    relations = Counter(k for _, _, k in nxg.edges(keys=True))
    comms = communities(nxg)
    co = coappearance(nxg)
    reporters = {v for _, v, k in nxg.edges(keys=True) if k == "author"}
    people = [r for r in centrality(nxg, types=["Person"]) if r["id"] not in reporters]
    return {
        "nodes": nxg.number_of_nodes(),
        "edges": nxg.number_of_edges(),
        "node_types": dict(sorted(types.items())),
        "relations": dict(sorted(relations.items())),
        "central_people": people[:top],  # officials: the reporters who wrote the articles apart
        "reporters": len(reporters),
        "communities": len(comms),
        "largest_community": len(comms[0]) if comms else 0,
        "coappearance": {"people": co.number_of_nodes(), "links": co.number_of_edges()},
    }


def _flat(value: Any) -> Any:
    """GraphML/GEXF hold scalars only: lists and dicts become JSON text."""
    if isinstance(value, (bool, int, float, str)):
        return value
    if value is None:
        return ""
    if isinstance(value, Literal):
        return str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _exportable(nxg: nx.Graph) -> nx.Graph:
    out = nxg.__class__()
    out.graph.update({k: _flat(v) for k, v in nxg.graph.items()})
    for node, data in nxg.nodes(data=True):
        out.add_node(node, **{k: _flat(v) for k, v in data.items()})
    if nxg.is_multigraph():
        # keys become edge ids in GraphML, and Gephi merges edges that share an id:
        # number them (the relation stays an attribute)
        for i, (u, v, key, data) in enumerate(nxg.edges(keys=True, data=True)):
            attrs = {k: _flat(v_) for k, v_ in data.items()}
            attrs.setdefault("relation", str(key))
            out.add_edge(u, v, key=f"e{i}", **attrs)
    else:
        for u, v, data in nxg.edges(data=True):
            out.add_edge(u, v, **{k: _flat(v_) for k, v_ in data.items()})
    return out


def export(nxg: nx.Graph, path: str | os.PathLike) -> Path:
    """Write a projection as GraphML (.graphml) or GEXF (.gexf, for Gephi), atomically.

    List and dict attributes (evidence, posts ...) are written as JSON strings.

    nxg (nx.Graph): a projection (``to_networkx``) or the co-appearance network.
    path (str | PathLike): target file; the suffix picks the format.
    RETURNS (Path): the path written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    writers = {".graphml": nx.write_graphml, ".gexf": nx.write_gexf}
    if suffix not in writers:
        raise ValueError(f"Unexpected export format {suffix!r} for {path}: use .graphml or .gexf")
    flat = _exportable(nxg)
    with atomic_path(path) as tmp:
        writers[suffix](flat, tmp)
    return path
