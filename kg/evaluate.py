"""``kg eval``: score a build (its graph) against a gold file in the seed_gold.json format.

Persons are matched on name; holdings on (person, atomic title, agency), where an agency
matches when the gold name is one of the build's labels for it (skos:prefLabel or any
skos:altLabel) or the gold full name is its prefLabel; agencies likewise. Items marked
``optional`` in the gold are never counted as missed, and a prediction that matches
one is not counted as wrong.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from decimal import Decimal

from .namespace import sparql_prologue
from .numbers import format_decimal
from .records import Event, Evidence, Figure, Participant, Program

_WS = re.compile(r"\s+")


def _norm(s: str) -> str:
    return _WS.sub("", s or "")


@dataclass
class Score:
    tp: int
    fp: int
    fn: int
    misses: list
    wrong: list

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn, "misses": self.misses, "wrong": self.wrong}


def _rows(graph: Graph, q: str):
    return list(graph.query(sparql_prologue() + q))


def _agencies(graph: Graph) -> dict[str, set[str]]:
    """Agency IRI -> every label it has (prefLabel and altLabels), only agencies named in text."""
    out: dict[str, set[str]] = {}
    for org, label in _rows(graph, "SELECT ?o ?l WHERE { ?o a org:Organization ; skos:prefLabel|skos:altLabel ?l }"):
        out.setdefault(str(org), set()).add(_norm(str(label)))
    named = {str(o) for (o,) in _rows(graph, """SELECT DISTINCT ?o WHERE {
        { ?a schema:mentions ?o . ?o a org:Organization } UNION { ?m a org:Membership ; org:organization ?o } }""")}
    return {k: v for k, v in out.items() if k in named}


def _gold_agency_names(gold: dict) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for a in gold.get("agencies", []):
        ns = {_norm(a["name"])}
        if a.get("full_name_if_known"):
            ns.add(_norm(a["full_name_if_known"]))
        for m in a.get("mentions", []):
            ns.update(_norm(s) for s in m.get("surfaces", []))
        names[_norm(a["name"])] = ns
    return names


def score_persons(gold: dict, graph: Graph) -> Score:
    want = {_norm(p["name"]) for p in gold["persons"] if not p.get("optional")}
    optional = {_norm(p["name"]) for p in gold["persons"] if p.get("optional")}
    got = {_norm(str(n)) for (n,) in _rows(graph, "SELECT DISTINCT ?n WHERE { ?p a foaf:Person ; foaf:name ?n }")}
    tp = want & got
    fp = got - want - optional
    return Score(len(tp), len(fp), len(want - got), sorted(want - got), sorted(fp))


def score_holdings(gold: dict, graph: Graph) -> Score:
    gold_names = _gold_agency_names(gold)
    want = set()
    for p in gold["persons"]:
        for post in p.get("posts", []):
            for t in post.get("titles", []):
                want.add((_norm(p["name"]), t, _norm(post["agency"])))
    labels: dict[str, set[str]] = {}
    for org, label in _rows(graph, "SELECT ?o ?l WHERE { ?o skos:prefLabel|skos:altLabel ?l }"):
        labels.setdefault(str(org), set()).add(_norm(str(label)))
    got_raw = _rows(graph, """SELECT DISTINCT ?n ?r ?o WHERE {
        ?m a org:Membership ; org:member ?p ; org:role ?role ; org:organization ?o .
        ?p foaf:name ?n . ?role skos:prefLabel ?r }""")
    tp, fp = set(), []
    for n, r, o in got_raw:
        n, r = _norm(str(n)), str(r)
        ls = labels.get(str(o), set())
        hit = next((w for w in want if w[0] == n and w[1] == r and (gold_names.get(w[2], {w[2]}) & ls or w[2] in ls)), None)
        if hit:
            tp.add(hit)
        else:
            fp.append(f"{n} {r} @ {sorted(ls)[0] if ls else o}")
    return Score(len(tp), len(fp), len(want - tp), sorted(" ".join(w) for w in want - tp), sorted(set(fp)))


def score_agencies(gold: dict, graph: Graph) -> Score:
    gold_names = _gold_agency_names(gold)
    optional = {_norm(a["name"]) for a in gold["agencies"] if a.get("optional")}
    want = {k for k in gold_names if k not in optional}
    found, fp = set(), []
    for org, ls in sorted(_agencies(graph).items()):
        hits = {k for k, ns in gold_names.items() if ns & ls}
        if hits:
            found |= hits
        else:
            fp.append(sorted(ls)[0])
    tp = found & want
    return Score(len(tp), len(fp), len(want - found), sorted(want - found), sorted(fp))


def _graph_figures(graph: Graph) -> list[Figure]:
    ev = Evidence("", "", 0, 0, "")
    out = []
    # one figure per evidence: the gold annotates each mention (a headline figure and its
    # body twin are one observation with two evidences in the graph)
    for v, u, s, k, _ev in _rows(graph, """SELECT ?v ?u ?s ?k ?ev WHERE { ?o a qb:Observation ; sdmx-measure:obsValue ?v ;
            kg:figureKind ?k ; prov:wasDerivedFrom ?ev .
            OPTIONAL { ?o sdmx-attribute:unitMeasure/rdfs:label ?u } OPTIONAL { ?o kg:surface ?s } }"""):
        out.append(Figure(format_decimal(Decimal(str(v))), str(u or ""), str(s or ""), "", str(k), "", ev))
    return out


def _graph_programs(graph: Graph) -> list[Program]:
    ev = Evidence("", "", 0, 0, "")
    return [Program(str(n), "", "", ev) for (n,) in _rows(graph, "SELECT DISTINCT ?n WHERE { ?p a kg:Program ; skos:prefLabel ?n }")]


def _graph_events(graph: Graph) -> list[Event]:
    ev = Evidence("", "", 0, 0, "")
    events: dict[str, dict] = {}
    for e, n, d in _rows(graph, "SELECT ?e ?n ?d WHERE { ?e a schema:Event ; schema:name ?n OPTIONAL { ?e schema:startDate ?d } }"):
        events[str(e)] = {"name": str(n), "date": str(d) if d else None, "parts": []}
    for e, name, role in _rows(graph, """SELECT ?e ?name ?role WHERE { ?e kg:participation ?x .
            ?x kg:participant/foaf:name ?name ; kg:participantRole ?role }"""):
        if str(e) in events:
            events[str(e)]["parts"].append(Participant(str(name), str(role), ev))
    return [Event(v["name"], "", "", ev, v["date"], None, tuple(v["parts"])) for _, v in sorted(events.items())]


def evaluate(gold_path: str | Path, graph: Graph) -> dict:
    """All scores of a build's graph against a gold file."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    result = {
        "persons": score_persons(gold, graph).as_dict(),
        "holdings": score_holdings(gold, graph).as_dict(),
        "agencies": score_agencies(gold, graph).as_dict(),
    }
    from .score_extras import score_events, score_figures, score_programs

    result["figures"] = score_figures(gold, _graph_figures(graph))
    result["programs"] = score_programs(gold, _graph_programs(graph))
    result["events"] = score_events(gold, _graph_events(graph))
    return result
