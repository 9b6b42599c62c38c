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
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from rdflib import Graph

from .graph.namespace import sparql_prologue
from .nlp.numbers import format_decimal, split_unit
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

    result["figures"] = score_figures(gold, _graph_figures(graph))
    result["programs"] = score_programs(gold, _graph_programs(graph))
    result["events"] = score_events(gold, _graph_events(graph))
    return result


# ---- figures, programs, events --------------------------------------------------
# Score figures, programs and events against a gold file in the seed_gold.json format.
#
# Gold conventions (see ``conventions`` in the gold file): a figure's ``value`` is the
# number as written and its ``unit`` keeps the multiplier (``"万千瓦"``, ``"亿(元)"``), so
# gold is normalised with the extractor's own unit table before matching on
# (value after multiplier, unit). Items marked ``optional`` are never counted as missed,
# and a prediction that matches one is not counted as wrong either.


#: gold kinds -> the five kinds of kg:figureKind
KIND_MAP = {"change_yoy": "change", "difference": "change", "change": "change",
            "rank": "level", "capacity": "level", "area": "level", "length": "level",
            "parameter": "level", "level": "level", "share": "share", "target": "target",
            "count": "count"}


def prf(tp: int, fp: int, fn: int) -> dict:
    """Precision, recall and F1 (rounded to 4 places) with the counts."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def normalise_gold_figure(item: dict) -> tuple[str, str]:
    """A gold figure -> (exact value with multiplier applied, normalised unit)."""
    power, unit = split_unit(str(item.get("unit", "")))
    value = Decimal(str(item["value"])).scaleb(power)
    return format_decimal(value), unit


def score_figures(gold: dict, figures: list[Figure]) -> dict:
    """Figures matched on (value after multiplier, unit), as multisets.

    gold (dict): the gold file (``figures`` list used).
    figures (list[Figure]): extracted figures of the page.
    RETURNS (dict): tp, fp, fn, precision, recall, f1, plus ``kind_accuracy`` over matches
        and the unmatched items (``missed``, ``spurious``) for inspection.
    """
    required = Counter()
    optional = Counter()
    gold_kinds: dict[tuple[str, str], list[str]] = {}
    for item in gold.get("figures", []):
        key = normalise_gold_figure(item)
        (optional if item.get("optional") else required)[key] += 1
        gold_kinds.setdefault(key, []).append(KIND_MAP.get(item.get("kind", ""), item.get("kind", "")))
    predicted = Counter((f.value, f.unit) for f in figures)
    tp = sum((required & predicted).values())
    rest = predicted - required
    rest = rest - optional  # matching an optional item is neither right nor wrong
    fp = sum(rest.values())
    fn = sum((required - predicted).values())
    out = prf(tp, fp, fn)
    right = total = 0
    for f in figures:
        kinds = gold_kinds.get((f.value, f.unit))
        if kinds:
            total += 1
            right += f.kind in kinds
    out["kind_accuracy"] = round(right / total, 4) if total else 0.0
    out["missed"] = sorted((required - predicted).elements())
    out["spurious"] = sorted(rest.elements())
    return out


_NAME_STRIP = re.compile(r"[\s\"“”‘’'《》「」『』]")


def normalise_name(name: str) -> str:
    """A program / event name for matching: no spaces, quotes or book-title marks,
    full-width brackets folded to ASCII."""
    return _NAME_STRIP.sub("", name).replace("（", "(").replace("）", ")")


def _names_match(a: str, b: str, ratio: float = 0.6) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and short in long_ and len(short) / len(long_) >= ratio


def score_programs(gold: dict, programs: list[Program], ratio: float = 0.6) -> dict:
    """Programs matched on name (quotes and spaces ignored; one name may contain the other
    when the shorter is at least ``ratio`` of the longer), distinct names per page.

    RETURNS (dict): tp, fp, fn, precision, recall, f1 over non-optional gold items.
    """
    preds = sorted({normalise_name(p.name) for p in programs})
    golds = []
    for item in gold.get("programs", []):
        names = {normalise_name(item["name"])}
        if item.get("surface"):
            names.add(normalise_name(item["surface"]))
        golds.append((names, bool(item.get("optional"))))
    matched_gold: set[int] = set()
    tp = fp = 0
    spurious = []
    for p in preds:
        hit = None
        for i, (names, opt) in enumerate(golds):
            if i in matched_gold:
                continue
            if any(_names_match(p, n, ratio) for n in names):
                hit = i
                break
        if hit is None and any(opt and any(p in n for n in names) for names, opt in golds):
            continue  # part of a borderline (optional) item: neither right nor wrong
        if hit is None:
            # a second surface of an already matched item is not an error
            if any(any(_names_match(p, n, ratio) for n in names) for names, _ in golds):
                continue
            fp += 1
            spurious.append(p)
        else:
            matched_gold.add(hit)
            tp += not golds[hit][1]
    fn = sum(1 for i, (names, opt) in enumerate(golds) if not opt and i not in matched_gold)
    out = prf(tp, fp, fn)
    out["missed"] = [sorted(n)[0] for i, (n, o) in enumerate(golds) if not o and i not in matched_gold]
    out["spurious"] = spurious
    return out


_SPEAK = re.compile(r"讲话|介绍|通报|指出|强调|表示|发言")


def _gold_speakers(item: dict) -> set[str]:
    names = {s["name"] for s in item.get("speakers", [])}
    for p in item.get("participants", []):
        m = re.match(r"^([\u4e00-\u9fff]{2,4})[(（](.*)[)）]$", p)
        if m and _SPEAK.search(m.group(2)):
            names.add(m.group(1))
    return names


def score_events(gold: dict, events: list[Event]) -> dict:
    """Events found (by name), with the right date and speakers.

    A gold event is *found* when a predicted event's name matches its name or an alias;
    ``date_ok`` when that event's date equals ``date_normalized``; ``speakers_ok`` when
    every gold speaker (speakers, or participants who 讲话/介绍/通报…) is among the
    predicted participants with role speaker, over all predicted events of that name.
    Optional gold events are reported but not counted as missed.

    RETURNS (dict): precision (distinct predicted names that match a gold event), recall
        (gold events found), f1, found, with_date, with_speakers, total (non-optional),
        per_event rows, and ``spurious`` predicted names that match no gold event.
    """
    merged: dict[str, dict] = {}
    for e in events:
        key = normalise_name(e.name)
        row = merged.setdefault(key, {"dates": set(), "speakers": set(), "participants": set()})
        if e.date:
            row["dates"].add(e.date)
        for p in e.participants:
            row["participants"].add(p.person)
            if p.role == "speaker":
                row["speakers"].add(p.person)
    rows = []
    used: set[str] = set()
    for item in gold.get("events", []):
        names = {normalise_name(item["name"])} | {normalise_name(a) for a in item.get("aliases", [])}
        hits = [k for k in merged if any(_names_match(k, n, 0.5) for n in names)]
        used.update(hits)
        dates = set().union(*(merged[k]["dates"] for k in hits)) if hits else set()
        speakers = set().union(*(merged[k]["speakers"] for k in hits)) if hits else set()
        want = _gold_speakers(item)
        rows.append({
            "id": item.get("id"), "name": item["name"], "optional": bool(item.get("optional")),
            "found": bool(hits), "predicted": hits,
            "date_ok": item.get("date_normalized") in dates,
            "speakers_ok": bool(hits) and want <= speakers,
            "speakers_gold": sorted(want), "speakers_found": sorted(speakers),
        })
    req = [r for r in rows if not r["optional"]]
    spurious = sorted(k for k in merged if k not in used)
    found = sum(r["found"] for r in req)
    out = prf(len(merged) - len(spurious), len(spurious), len(req) - found)
    out["recall"] = round(found / len(req), 4) if req else 0.0
    p, r_ = out["precision"], out["recall"]
    out["f1"] = round(2 * p * r_ / (p + r_), 4) if p + r_ else 0.0
    return out | {
        "total": len(req),
        "found": sum(r["found"] for r in req),
        "with_date": sum(r["found"] and r["date_ok"] for r in req),
        "with_speakers": sum(r["found"] and r["speakers_ok"] for r in req),
        "per_event": rows,
        "spurious": spurious,
    }


# ---- spans: the recogniser (or the grammar) against labelled NER data -----------------

def score_spans(gold: list[set[tuple[int, int, str]]], predicted: list[set[tuple[int, int, str]]],
                labels: tuple[str, ...]) -> dict:
    """Per-label precision, recall and F1 of exact (start, end, label) spans, and their
    micro average ("all"). Only ``labels`` are scored (those the data set annotates)."""
    counts = {label: [0, 0, 0] for label in labels}
    for g, p in zip(gold, predicted):
        for label in labels:
            gl = {s for s in g if s[2] == label}
            pl = {s for s in p if s[2] == label}
            counts[label][0] += len(gl & pl)
            counts[label][1] += len(pl - gl)
            counts[label][2] += len(gl - pl)
    out = {label: prf(*c) for label, c in counts.items()}
    out["all"] = prf(*(sum(c[i] for c in counts.values()) for i in range(3)))
    return out
