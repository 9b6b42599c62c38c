"""A figure series: the observations of one indicator (per area, unit and kind) across
articles and periods, in period order, with the figures that disagree flagged
(``kg series OUT INDICATOR``).

An indicator of the scheme of statistical indicators (``ontology/vocab/indicators.tsv``) is
one series whatever the text calls it: 国内生产总值, 地区生产总值 and GDP are the concept
地区生产总值, and any of its labels finds it. Each point keeps the text's own wording.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from ..vocab.indicators import concept_for
from .query import csv_text

_ALT_LABELS = """
SELECT DISTINCT ?indicator ?alt WHERE { ?dataset a qb:DataSet ; kg:indicator ?ind .
  ?ind skos:prefLabel ?indicator ; skos:altLabel ?alt }
"""

_ROWS = """
SELECT ?dataset ?label ?indicator ?area ?obs ?period ?value ?unit ?kind ?surface ?date ?headline ?conflict ?wording
WHERE {
  ?obs qb:dataSet ?dataset ; kg:seriesPeriod ?period ; sdmx-measure:obsValue ?value ; kg:figureKind ?kind ;
       kg:surface ?surface ; kg:inArticle ?article .
  ?dataset rdfs:label ?label ; kg:indicator ?ind .
  ?ind skos:prefLabel ?indicator .
  OPTIONAL { ?dataset sdmx-dimension:refArea ?a . ?a skos:prefLabel ?area }
  OPTIONAL { ?obs sdmx-attribute:unitMeasure ?u . ?u rdfs:label ?unit }
  OPTIONAL { ?article schema:datePublished ?date }
  OPTIONAL { ?article schema:headline ?headline }
  OPTIONAL { ?obs kg:conflictsWith ?conflict }
  OPTIONAL { ?obs kg:indicator ?w . ?w skos:prefLabel ?wording }
}
"""


@dataclass(slots=True)
class Point:
    period: str
    value: str
    surface: str
    date: str
    headline: str
    conflicts: list[str] = field(default_factory=list)  # values of the same period that disagree
    obs: str = ""
    wording: str = ""  # the indicator as the text words it (国内生产总值 in the series 地区生产总值)


@dataclass(slots=True)
class Series:
    label: str
    indicator: str
    area: str
    unit: str
    kind: str
    points: list[Point] = field(default_factory=list)


def _s(value) -> str:
    return "" if value is None else str(value)


def series(graph, indicator: str) -> list[Series]:
    """The series of an indicator: exact label (a concept's preferred or alternative label,
    or the text's wording); else every indicator that contains it.

    graph (rdflib.Graph): a kg graph (the store of a build).
    indicator (str): the indicator as kg labels it, e.g. 地区生产总值, or another wording of
        its concept (GDP, 国内生产总值).
    RETURNS (list[Series]): one per data set (indicator or concept, area, unit, kind), points
        in period order.
    """
    rows = list(graph.query(_ROWS))
    names: dict[str, set[str]] = {}
    for ind, alt in graph.query(_ALT_LABELS):
        names.setdefault(str(ind), set()).add(str(alt))
    concept = concept_for(indicator)
    wanted = {indicator} | ({concept.label} if concept else set())
    exact = [r for r in rows if wanted & ({str(r.indicator), _s(r.wording)} | names.get(str(r.indicator), set()))]
    rows = exact or [r for r in rows if indicator in str(r.indicator) or indicator in _s(r.wording)]
    found: dict[str, Series] = {}
    points: dict[str, Point] = {}
    values = {str(r.obs): str(r.value) for r in rows}
    for r in rows:
        s = found.setdefault(str(r.dataset), Series(str(r.label), str(r.indicator), _s(r.area), _s(r.unit),
                                                      str(r.kind)))
        point = points.get(str(r.obs))
        if point is None:
            point = points[str(r.obs)] = Point(str(r.period), str(r.value), str(r.surface), _s(r.date),
                                               _s(r.headline), obs=str(r.obs), wording=_s(r.wording))
            s.points.append(point)
        if r.conflict is not None:
            other = values.get(str(r.conflict), "")
            if other and other not in point.conflicts:
                point.conflicts.append(other)
    for s in found.values():
        s.points.sort(key=lambda p: (p.period, p.date, p.value, p.obs))
        for p in s.points:
            p.conflicts.sort()
    return sorted(found.values(), key=lambda s: (s.indicator, s.area, s.unit, s.kind))


def format_series(found: list[Series], fmt: str = "table") -> str:
    """``kg series`` output: table, csv/excel (one row a point) or json."""
    if fmt == "json":
        return json.dumps([asdict(s) for s in found], ensure_ascii=False, indent=2) + "\n"
    if fmt in ("csv", "excel"):
        return csv_text(["indicator", "area", "unit", "kind", "period", "value", "surface", "date", "headline",
                         "conflicts_with", "wording"],
                        ([s.indicator, s.area, s.unit, s.kind, p.period, p.value, p.surface, p.date, p.headline,
                          " ".join(p.conflicts), p.wording] for s in found for p in s.points), excel=fmt == "excel")
    lines = []
    for s in found:
        lines.append(s.label)
        for p in s.points:
            flag = f"  ≠ {', '.join(p.conflicts)} (conflict)" if p.conflicts else ""
            said = f"  [{p.wording}]" if p.wording and p.wording != s.indicator else ""
            lines.append(f"  {p.period:10}  {p.value:>16}  {p.surface:10}  {p.date or '?':10}  {p.headline}{said}{flag}")
        lines.append("")
    return "\n".join(lines)
