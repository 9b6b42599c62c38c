"""Resolved records -> RDF triples in kg's public schema (ontology/README.md).

IRIs come from canonical keys (``namespace.mint``), never counters, and no blank nodes
are written: the same records give the same triples and the same Turtle bytes.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from .._version import __version__
from ..records import (
    Article,
    Date,
    Event,
    Evidence,
    Figure,
    PostChange,
    Program,
    Resolved,
    Source,
    observation_key,
)
from ..vocab.indicators import concept_for
from .namespace import (
    FOAF,
    KG,
    NIF,
    ORG,
    PROV,
    QB,
    SCHEMA,
    SDMX_ATTRIBUTE,
    SDMX_DIMENSION,
    SDMX_MEASURE,
    SKOS,
    TIME,
    mint,
)
from .skos import indicator_concept_iri, indicator_concept_triples
from .triples import Triples, paused_collector
from .runs import TripleRuns


class Terms:
    """A namespace whose terms are made once: rdflib's namespaces make (and check) a new
    term on every lookup, and a build looks terms up millions of times."""

    def __init__(self, namespace) -> None:
        self._namespace = namespace
        self._items: dict = {}

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        term = getattr(self._namespace, name)
        setattr(self, name, term)  # from now on a plain attribute
        return term

    def __getitem__(self, name: str):
        term = self._items.get(name)
        if term is None:
            term = self._items[name] = self._namespace[name]
        return term


#: rdflib's Literal, memoised: making one costs more than looking it up, and a build makes
#: the same labels, kinds, dates and sentences over and over (bounded: recent and frequent ones)
_LITERAL = Literal  # the class, for the literals made without its constructor (zh, plain, count)
Literal = lru_cache(maxsize=1 << 14, typed=True)(Literal)
mint = lru_cache(maxsize=1 << 14)(mint)  # the same: articles', people's, units' IRIs again and again
# a concept's triples, made once per concept (every figure of it asks; the list is only read)
indicator_concept_triples = lru_cache(maxsize=1 << 10)(indicator_concept_triples)

(RDF, RDFS, XSD, FOAF, KG, NIF, ORG, PROV, QB, SCHEMA, SDMX_ATTRIBUTE, SDMX_DIMENSION, SDMX_MEASURE, SKOS,
 TIME) = (Terms(ns) for ns in (RDF, RDFS, XSD, FOAF, KG, NIF, ORG, PROV, QB, SCHEMA, SDMX_ATTRIBUTE,
                                SDMX_DIMENSION, SDMX_MEASURE, SKOS, TIME))

#: titles many people hold at once in one body: no succession between their holders
SHARED_ROLES = frozenset({"委员", "常委", "成员", "代表", "记者", "通讯员", "干部", "党员", "职工", "会员", "理事",
                          "常务理事", "顾问", "秘书", "科员", "专员", "巡视员", "调研员"})

AGENCY_CLASSES = {
    "PartyOrgan", "GovernmentAgency", "PeoplesCongress", "PoliticalConsultative", "Court", "Procuratorate",
    "StateOwnedEnterprise", "Company", "School", "Association", "Newspaper", "PublicInstitution", "ArmedForce",
}
#: a kind whose class is a subclass of another kind's: the graph states both types, so a
#: query for the broader class finds them with no inference (kg:ArmedForce ⊑ kg:GovernmentAgency)
AGENCY_SUPERCLASS = {"ArmedForce": "GovernmentAgency"}


_DATATYPE = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}


def _slotted(lexical: str, language: str | None, datatype: URIRef | None, value) -> Literal:
    """The very object ``Literal`` makes for these four (its slots set as rdflib's
    constructor sets them), without the constructor's checks and casts, which a build would
    pay for each of its hundreds of thousands of literals; tests/test_triples.py holds the
    two equal for every literal made here."""
    lit = str.__new__(_LITERAL, lexical)
    lit._language, lit._datatype, lit._value, lit._ill_typed = language, datatype, value, None  # noqa: SLF001
    return lit


def zh(text: str) -> Literal:
    """A Chinese name, label, headline or sentence, tagged ``@zh`` (so ``"林海峰"@zh`` matches):
    ``Literal(text, lang="zh")``."""
    text = str(text)
    return _slotted(text, "zh", None, text)


def plain(text: str) -> Literal:
    """``Literal(text)``: a plain string literal."""
    text = str(text)
    return _slotted(text, None, None, text)


def count(n: int, datatype: URIRef = XSD.nonNegativeInteger) -> Literal:
    """``Literal(n, datatype=datatype)`` for an int (an offset, a page, an ordinal)."""
    n = int(n)
    return _slotted(str(n), None, datatype, n)


# the same texts and numbers again and again (labels, kinds, offsets): one term each while
# it recurs (the writer adds literals without looking them up, see GraphWriter.__init__)
zh, plain, count = (lru_cache(maxsize=1 << 16)(f) for f in (zh, plain, count))


def date_literal(value: Date) -> Literal:
    """xsd:date, or xsd:gYearMonth / xsd:gYear when only the month (year) is known."""
    return Literal(str(value), datatype=_DATATYPE[Date(value).precision])


def decimal_literal(value: str) -> Literal:
    """xsd:decimal in its canonical form (156 -> 156.0), as Turtle's bare decimals read back."""
    text = str(value)
    if "." not in text and "e" not in text.lower():
        text += ".0"
    if _CANONICAL_DECIMAL.match(text):  # rdflib's constructor would keep it as it is
        lit = _slotted(text, None, XSD.decimal, Decimal(text))
        lit._ill_typed = False  # noqa: SLF001 - read from its lexical form, as rdflib says
        return lit
    return Literal(text, datatype=XSD.decimal)


#: a decimal already in xsd:decimal's canonical form (ASCII digits, no leading zero, no +)
_CANONICAL_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+\Z")


@lru_cache(maxsize=1 << 12)  # a few dates, asked again and again
def _is_day(value: str | None) -> bool:
    """Whether a date (or a figure's period bound) names a day."""
    try:
        return bool(value) and Date(value).day is not None
    except ValueError:
        return False


def person_iri(key: str) -> URIRef:
    return mint("person", key)


def org_iri(key: str) -> URIRef:
    return mint("org", key)


def membership_iri(person: str, agency: str, role: str) -> URIRef:
    """One person in one post, corpus-wide (the key of ``Resolved.memberships``)."""
    return mint("membership", f"{person}|{agency}|{role}")


def article_iri(article_id: str) -> URIRef:
    return mint("article", article_id)


def source_iri(source_id: str) -> URIRef:
    return mint("source", source_id)


_NO_EVIDENCE = Evidence("", "", 0, 0, "")  # a figure kept for its series, without its evidence


def evidence_iri(ev: Evidence) -> URIRef:
    return mint("evidence", f"{ev.source}|{ev.start}|{ev.end}")


class GraphWriter:
    """Accumulates triples for sources, articles and resolved entities (``triples``)."""

    def __init__(self, run_max: int = 0) -> None:
        """run_max (int): past this many triples, they go to disk in sorted runs
        (``kg.graph.runs``) and ``done`` returns those; 0: all kept in memory."""
        self._runs = TripleRuns(run_max) if run_max else None
        self._triples = self._runs.triples if self._runs is not None else Triples()
        # add(s, p, o): one call a triple (a build adds millions); one object per distinct IRI
        # (rdflib makes a new one per call), a literal added as it comes (the makers above hand
        # out one object per recurring value)
        self.add = self._runs.adder() if self._runs is not None else self._triples.adder(intern=True)
        self._observations: set[URIRef] = set()
        self._written: dict[URIRef, Figure] = {}  # observation -> its first figure, for the series
        self._headline_spans: dict[str, tuple[int, int] | None] = {}
        self._article_dates: dict[str, str] = {}
        self._nodes: dict[tuple[str, str], URIRef] = {}  # (kind, key) -> IRI of a node described once (``_node``)
        # True: the caller wrote every holding's evidence (``evidence``) as its article came, and a
        # membership's evidence is its key alone (``source``, ``start``, ``end``): only the link is added
        self.holdings_evidence_written = False

    @property
    def triples(self) -> Triples:
        """The triples written so far."""
        self._triples.changed()  # added to since any lookup made on them
        return self._triples

    def done(self) -> Triples | TripleRuns:
        """The triples, once every one is written: the writer's own tables are dropped. With
        ``run_max``, the runs on disk when there are any (else the one set in memory)."""
        self.add = self._triples.adder(intern=True)  # its table of terms dropped
        self._observations.clear()
        self._written = {}
        self._nodes = {}
        if self._runs is not None and self._runs.runs():
            return self._runs
        return self.triples

    def _node(self, kind: str, key: str) -> tuple[URIRef, bool]:
        """The IRI ``mint(kind, key)`` and whether it is asked for the first time: a unit,
        indicator, area or program recurs in many figures or mentions, and the triples that
        its key alone decides (its types and label) need adding once, not again each time
        (the same set of triples; no IRI minted again)."""
        iri = self._nodes.get((kind, key))
        if iri is None:
            iri = self._nodes[(kind, key)] = mint(kind, key)
            return iri, True
        return iri, False

    @property
    def g(self) -> Graph:
        """The triples as an rdflib Graph."""
        return self.triples.to_graph()

    # -- provenance ----------------------------------------------------------------

    def source(self, src: Source) -> URIRef:
        iri = source_iri(src.id)
        self.add(iri, RDF.type, PROV.Entity)
        self.add(iri, RDF.type, KG.SourceDocument)
        self.add(iri, RDFS.label, plain(src.id))
        if src.url:
            self.add(iri, SCHEMA.url, plain(src.url))
        return iri

    def article(self, art: Article, src: Source) -> URIRef:
        iri = article_iri(art.id)
        self._headline_spans[art.id] = art.headline_span
        if art.date:
            self._article_dates[art.id] = str(art.date)
        self.add(iri, RDF.type, SCHEMA.NewsArticle)
        self.add(iri, RDF.type, NIF.Context)
        headline = art.headline or (art.text[:24].split("\n")[0] + "…")
        self.add(iri, SCHEMA.headline, zh(headline))
        if art.kicker:
            self.add(iri, SCHEMA.alternativeHeadline, zh(art.kicker))
        if art.date:
            self.add(iri, SCHEMA.datePublished, date_literal(art.date))
        if src.date:
            self.add(iri, PROV.generatedAtTime, date_literal(src.date))
        self.add(iri, PROV.wasDerivedFrom, source_iri(src.id))
        span = art.source_span
        if span:
            self.add(iri, KG.sourceBegin, count(span[0]))
            self.add(iri, KG.sourceEnd, count(span[1]))
        return iri

    def evidence(self, ev: Evidence) -> URIRef:
        iri = evidence_iri(ev)
        self.add(iri, RDF.type, NIF.Phrase)
        self.add(iri, RDF.type, NIF.String)
        self.add(iri, NIF.referenceContext, article_iri(ev.article))
        self.add(iri, NIF.beginIndex, count(ev.start))
        self.add(iri, NIF.endIndex, count(ev.end))
        self.add(iri, NIF.anchorOf, plain(ev.anchor))
        if ev.sentence:
            self.add(iri, KG.sentence, zh(ev.sentence))
        if ev.page:  # a PDF: where the span is printed
            self.add(iri, KG.page, count(ev.page, XSD.positiveInteger))
            self.add(iri, KG.bbox, plain(ev.bbox))
        self.add(iri, KG.sourceDocument, source_iri(ev.source))
        return iri

    # -- people, posts, agencies ----------------------------------------------------

    def resolved(self, r: Resolved) -> None:
        """Agencies, people, posts and holdings, then figures, programs, events and changes."""
        with paused_collector():  # most of a build's triples: no collector's passes over them
            self._resolved(r)

    def _resolved(self, r: Resolved) -> None:
        for key, a in sorted(r.agencies.items()):
            iri = org_iri(key)
            self.add(iri, RDF.type, ORG.Organization)
            if a.kind in AGENCY_CLASSES:
                self.add(iri, RDF.type, KG[a.kind])
                if a.kind in AGENCY_SUPERCLASS:
                    self.add(iri, RDF.type, KG[AGENCY_SUPERCLASS[a.kind]])
            self.add(iri, SKOS.prefLabel, zh(a.label))
            self.add(iri, RDFS.label, zh(a.label))
            for s in sorted(a.surfaces):
                if s != a.label:
                    self.add(iri, SKOS.altLabel, zh(s))
            if a.parent:
                self.add(iri, ORG.subOrganizationOf, org_iri(a.parent))
        for key, p in sorted(r.persons.items()):
            iri = person_iri(key)
            self.add(iri, RDF.type, FOAF.Person)
            self.add(iri, FOAF.name, zh(p.name))
            self.add(iri, RDFS.label, zh(p.name))
        for mkey, m in sorted(r.memberships.items()):
            person = person_iri(m.person)
            org = org_iri(m.agency)
            role = mint("role", m.role)
            self.add(role, RDF.type, ORG.Role)
            self.add(role, RDF.type, SKOS.Concept)
            self.add(role, SKOS.prefLabel, zh(m.role))
            post = mint("post", f"{m.agency}|{m.role}")
            self.add(post, RDF.type, ORG.Post)
            self.add(post, ORG.postIn, org)
            self.add(post, ORG.role, role)
            self.add(post, RDFS.label, zh(r.agencies[m.agency].label + m.role))
            self.add(post, ORG.heldBy, person)
            self.add(person, ORG.holds, post)
            mem = membership_iri(*mkey)
            self.add(person, ORG.hasMembership, mem)
            self.add(mem, RDF.type, ORG.Membership)
            self.add(mem, ORG.member, person)
            self.add(mem, ORG.organization, org)
            self.add(mem, ORG.role, role)
            self.add(mem, KG.post, post)
            self.add(mem, RDFS.label, zh(m.post_text))
            if m.implicit:
                self.add(mem, KG.implicitOrganization, Literal(True))
            self.add(mem, KG.confidence, Literal(f"{m.confidence:.2f}", datatype=XSD.decimal))
            if m.former:
                self.add(mem, KG.former, Literal(True))
            if m.last_attested:
                self.add(mem, KG.lastAttested, Literal(m.last_attested, datatype=XSD.date))
            if m.begin or m.end:
                self._interval(mem, m.begin, m.end)
            for ev in m.evidence:
                self.add(mem, PROV.wasDerivedFrom,
                         evidence_iri(ev) if self.holdings_evidence_written else self.evidence(ev))
        for aid, keys in sorted(r.authors.items()):
            for key in keys:
                self.add(article_iri(aid), SCHEMA.author, person_iri(key))
        for aid, items in sorted(r.mentions.items()):
            for kind, key in sorted(items):
                self.add(article_iri(aid), SCHEMA.mentions, person_iri(key) if kind == "person" else org_iri(key))
        self.figures(r.figures, self._article_dates)
        for p in r.programs:
            self.program(p)
        for e in r.events:
            self.event(e)
        for person, predecessor, change in r.changes:
            self.change(person, predecessor, change)
        self.successions(r)

    def change(self, person: str, predecessor: str | None, c: PostChange) -> URIRef:
        """A change of post: a kg:PostChange (a schema:Event) dated by its article, linking
        the person, the post and its membership; a succession also links the two memberships."""
        agency = c.agency.key if c.agency else ""
        iri = mint("change", f"{person}|{c.kind}|{agency}|{c.role}|{c.date or ''}|{c.evidence.source}|{c.evidence.start}")
        self.add(iri, RDF.type, KG.PostChange)
        self.add(iri, RDF.type, SCHEMA.Event)
        self.add(iri, SCHEMA.name, zh(c.evidence.anchor.replace("\n", "")))
        self.add(iri, KG.changeKind, plain(c.kind))
        if c.date:
            self.add(iri, SCHEMA.startDate, date_literal(c.date))
        self.add(iri, KG.changedPerson, person_iri(person))
        if c.agency is not None and c.role:
            self.add(iri, KG.post, mint("post", f"{agency}|{c.role}"))
            membership = membership_iri(person, agency, c.role)
            self.add(iri, KG.changedMembership, membership)
            if predecessor:
                self.add(iri, KG.replacedPerson, person_iri(predecessor))
                self.add(membership, KG.succeeded, membership_iri(predecessor, agency, c.role))
        self.add(iri, PROV.wasDerivedFrom, self.evidence(c.evidence))
        return iri

    def successions(self, r: Resolved) -> None:
        """kg:succeeded between holders of one post at different dates: for a post one
        person holds at a time (no 副, not a member-of-a-body title), each holder whose
        first attestation comes after the previous holder's end (or last attestation)
        succeeded that holder."""
        by_post: dict[tuple[str, str], list] = defaultdict(list)
        for (person, agency, role), m in sorted(r.memberships.items()):
            if m.begin and not role.startswith("副") and role not in SHARED_ROLES:
                by_post[(agency, role)].append((m.begin, m.end or m.last_attested, person))
        for (agency, role), held in sorted(by_post.items()):
            held.sort()
            for (_, until, before), (begin, _, after) in zip(held, held[1:]):
                if before != after and until and until < begin:
                    self.add(membership_iri(after, agency, role), KG.succeeded,
                             membership_iri(before, agency, role))

    def _interval(self, mem: URIRef, begin: str | None, end: str | None) -> None:
        """org:memberDuring: begins at the earliest attestation; ends only where an end is
        reported (原…), at the date of that report; otherwise open (kg:lastAttested says how
        long it is known to have lasted)."""
        interval = mint("interval", f"{begin or ''}|{end or ''}")
        self.add(interval, RDF.type, TIME.Interval)
        for edge, day in ((TIME.hasBeginning, begin), (TIME.hasEnd, end)):
            if day:
                instant = mint("instant", day)
                self.add(interval, edge, instant)
                self.add(instant, RDF.type, TIME.Instant)
                self.add(instant, TIME.inXSDDate, Literal(day, datatype=XSD.date))
        self.add(mem, ORG.memberDuring, interval)

    # -- figures, programs, events --------------------------------------------------

    def figures(self, figures: list[Figure], dates: dict[str, str] | None = None) -> None:
        """Observations (``observations``), then the series of every observation written:
        ``dates`` maps article ids to their dates."""
        self.observations(figures)
        self.series(self._written, dates or {})

    def observations(self, figures: list[Figure]) -> None:
        """The observations of figures whose articles are written; a headline figure and its
        first body twin become one, with two evidences. No two articles share one, so each
        article's can be written as soon as it is extracted, before ``figures`` (or
        ``resolved``) links every one written into series."""
        in_headline = [self._in_headline(f) for f in figures]
        twins = {observation_key(f) for f, h in zip(figures, in_headline) if h}
        merged: set[str] = set()
        written = self._written
        for f, h in zip(figures, in_headline):
            key = observation_key(f)
            if key in twins and (h or key not in merged):
                merged.add(key)
                iri = self.figure(f, key)
            else:
                iri = self.figure(f, f"{f.article}|{f.evidence.start}|{f.evidence.end}|{f.value}|{f.unit}")
            if iri not in written:  # what ``series`` reads of it: not its evidence (written now) nor surface
                written[iri] = replace(f, evidence=_NO_EVIDENCE, surface="")

    def series(self, observations: dict[URIRef, Figure], dates: dict[str, str]) -> None:
        """Figure series as RDF Data Cube data sets: one qb:DataSet per indicator, area, unit
        and kind, all sharing kg:figureStructure, whose dimensions (kg:seriesPeriod,
        kg:inArticle, kg:ordinal) tell every observation of a set apart (IC-1, IC-2, IC-11,
        IC-12 hold). A figure of one set and period is kg:conflictsWith the first figure of
        every other value stated there by another article."""
        if not observations:
            return
        self._structure()
        by_cell: dict[tuple, list[URIRef]] = defaultdict(list)
        datasets: dict[tuple, URIRef] = {}
        for iri in sorted(observations, key=str):  # IRIs: their text's order (rdflib's < is Python code)
            f = observations[iri]
            concept = concept_for(f.indicator) if f.indicator else None
            key = (concept.code if concept else f.indicator, f.area, f.unit, f.kind)  # a concept's wordings: one series
            dataset = datasets.get(key)
            if dataset is None:
                dataset = datasets[key] = self._dataset(f)
            period = f.period_end if _is_day(f.period_end) else (f.period or dates.get(f.article, ""))
            self.add(iri, QB.dataSet, dataset)
            self.add(iri, KG.seriesPeriod, plain(period))
            cell = by_cell[(dataset, period, f.article)]
            cell.append(iri)
            self.add(iri, KG.ordinal, count(len(cell), XSD.positiveInteger))
        periods: dict[tuple, list[URIRef]] = defaultdict(list)
        for (dataset, period, _article), iris in sorted(by_cell.items(), key=lambda kv: (str(kv[0][0]), *kv[0][1:])):
            if period:
                periods[(dataset, period)].extend(iris)
        for iris in periods.values():
            by_value: dict[str, list[URIRef]] = defaultdict(list)  # pairs of equal values never conflict
            for a in iris:
                by_value[observations[a].value].append(a)
            # each figure to the first figure of every other value from another article: a
            # value stated in many articles (a wire story reprinted) links once per other value,
            # not once per pair (kg:conflictsWith is symmetric: the reverse is implied)
            for value, some in by_value.items():
                for other, others in by_value.items():
                    if other == value:
                        continue
                    for a in some:
                        b = next((b for b in others if observations[b].article != observations[a].article), None)
                        if b is not None:
                            self.add(a, KG.conflictsWith, b)

    def _dataset(self, f: Figure) -> URIRef:
        """The qb:DataSet of a figure's indicator (its concept, when the indicator scheme has
        one: 国内生产总值 and GDP are one series), area, unit and kind."""
        concept = concept_for(f.indicator) if f.indicator else None
        key = f"concept:{concept.code}" if concept else f.indicator
        dataset = mint("dataset", f"{key}|{f.area}|{f.unit}|{f.kind}")
        label = concept.label if concept else f.indicator or "（无指标）"
        self.add(dataset, RDF.type, QB.DataSet)
        self.add(dataset, QB.structure, KG.figureStructure)
        self.add(dataset, RDFS.label, zh(" · ".join(x for x in (label, f.area, f.unit, f.kind) if x)))
        if concept:
            self.add(dataset, KG.indicator, indicator_concept_iri(concept.code))
        elif f.indicator:
            self.add(dataset, KG.indicator, mint("indicator", f.indicator))
        if f.area:
            self.add(dataset, SDMX_DIMENSION.refArea, mint("area", f.area))
        return dataset

    def _structure(self) -> None:
        """kg:figureStructure: the data structure definition every figure series shares."""
        dsd = KG.figureStructure
        self.add(dsd, RDF.type, QB.DataStructureDefinition)
        components = [("dimension", KG.seriesPeriod, QB.DimensionProperty, 1),
                      ("dimension", KG.inArticle, QB.DimensionProperty, 2),
                      ("dimension", KG.ordinal, QB.DimensionProperty, 3),
                      ("measure", SDMX_MEASURE.obsValue, QB.MeasureProperty, None),
                      ("attribute", SDMX_ATTRIBUTE.unitMeasure, QB.AttributeProperty, None)]
        for role, prop, kind, order in components:
            spec = mint("component", str(prop))
            self.add(dsd, QB.component, spec)
            self.add(spec, RDF.type, QB.ComponentSpecification)
            self.add(spec, QB[role], prop)
            self.add(spec, QB.componentProperty, prop)
            if order is not None:
                self.add(spec, QB.order, Literal(order))
            self.add(prop, RDF.type, kind)

    def _in_headline(self, f: Figure) -> bool:
        span = self._headline_spans.get(f.article)
        return bool(span) and span[0] <= f.evidence.start and f.evidence.end <= span[1]

    def figure(self, f: Figure, key: str) -> URIRef:
        iri = mint("obs", key)
        if iri in self._observations:
            self.add(iri, PROV.wasDerivedFrom, self.evidence(f.evidence))
            return iri
        self._observations.add(iri)
        self.add(iri, RDF.type, QB.Observation)
        self.add(iri, SDMX_MEASURE.obsValue, decimal_literal(f.value))
        if f.unit:
            unit, new = self._node("unit", f.unit)
            if new:
                self.add(unit, RDF.type, KG.Unit)
                self.add(unit, RDFS.label, plain(f.unit))
            self.add(iri, SDMX_ATTRIBUTE.unitMeasure, unit)
        if f.indicator:
            ind, new = self._node("indicator", f.indicator)
            if new:
                self.add(ind, RDF.type, KG.Indicator)
                self.add(ind, RDF.type, SKOS.Concept)
                self.add(ind, SKOS.prefLabel, zh(f.indicator))
                concept = concept_for(f.indicator)
                if concept is not None:  # the text's wording, skos:exactMatch its concept in kgr:scheme/indicators
                    for triple in indicator_concept_triples(concept):
                        self.add(*triple)
                    self.add(ind, SKOS.exactMatch, indicator_concept_iri(concept.code))
            self.add(iri, KG.indicator, ind)
        self.add(iri, KG.figureKind, plain(f.kind))
        if f.qualifier:
            self.add(iri, KG.qualifier, plain(f.qualifier))
        if f.direction:
            self.add(iri, KG.direction, plain(f.direction))
        self.add(iri, KG.surface, plain(f.surface))
        if f.area:
            area, new = self._node("area", f.area)
            if new:
                self.add(area, RDF.type, KG.Area)
                self.add(area, RDF.type, SKOS.Concept)
                self.add(area, SKOS.prefLabel, zh(f.area))
            self.add(iri, SDMX_DIMENSION.refArea, area)
        if f.period:
            self.add(iri, SDMX_DIMENSION.refPeriod, plain(f.period))
        if _is_day(f.period_start):
            self.add(iri, KG.periodStart, Literal(f.period_start, datatype=XSD.date))
        if _is_day(f.period_end):
            self.add(iri, KG.periodEnd, Literal(f.period_end, datatype=XSD.date))
        self.add(iri, KG.inArticle, article_iri(f.article))
        self.add(iri, PROV.wasDerivedFrom, self.evidence(f.evidence))
        return iri

    def program(self, p: Program) -> URIRef:
        if p.kind == "slogan":  # a catchword the text quotes: no program (kg.nlp.programs' policy)
            iri, new = self._node("slogan", p.name)
            if new:
                self.add(iri, RDF.type, KG.Slogan)
                self.add(iri, SKOS.prefLabel, zh(p.name))
            self.add(iri, PROV.wasDerivedFrom, self.evidence(p.evidence))
            self.add(article_iri(p.article), SCHEMA.mentions, iri)
            return iri
        iri, new = self._node("program", p.name)
        if new:
            self.add(iri, RDF.type, KG.Program)
            self.add(iri, RDF.type, PROV.Plan)
            self.add(iri, RDF.type, SKOS.Concept)
            self.add(iri, SKOS.prefLabel, zh(p.name))
        for alt in p.alt_labels:  # an abbreviation the text gives (（以下简称“…”）)
            self.add(iri, SKOS.altLabel, zh(alt))
        if p.kind:
            self.add(iri, KG.programKind, plain(p.kind))
        for a in p.agencies:
            self.add(iri, KG.ledBy, org_iri(a))
        self.add(iri, PROV.wasDerivedFrom, self.evidence(p.evidence))
        self.add(article_iri(p.article), SCHEMA.mentions, iri)
        return iri

    def event(self, e: Event) -> URIRef:
        iri = mint("event", f"{e.name}|{e.date or ''}")
        self.add(iri, RDF.type, SCHEMA.Event)
        self.add(iri, SCHEMA.name, zh(e.name))
        if e.kind:
            self.add(iri, KG.eventKind, plain(e.kind))
        if _is_day(e.date):  # a year-only source date says no day
            self.add(iri, SCHEMA.startDate, Literal(e.date, datatype=XSD.date))
        if e.organizer:
            self.add(iri, SCHEMA.organizer, org_iri(e.organizer))
        for part in e.participants:  # resolve made every participant a person key
            person = person_iri(part.person)
            pi = mint("participation", f"{e.name}|{e.date or ''}|{part.person}|{part.role}")
            self.add(pi, RDF.type, KG.Participation)
            self.add(pi, KG.participant, person)
            self.add(pi, KG.participantRole, plain(part.role))
            self.add(pi, PROV.wasDerivedFrom, self.evidence(part.evidence))
            self.add(iri, KG.participation, pi)
            self.add(iri, SCHEMA.attendee, person)
            if part.role == "speaker":
                self.add(iri, SCHEMA.performer, person)
        self.add(iri, PROV.wasDerivedFrom, self.evidence(e.evidence))
        self.add(article_iri(e.article), SCHEMA.mentions, iri)
        self.add(article_iri(e.article), SCHEMA.about, iri)
        return iri

    def activity(self, sources: list[Source], stamp: str | None) -> URIRef:
        """The build as a prov:Activity; ``stamp`` (ISO time) only when asked for (keeps bytes stable)."""
        iri = mint("build", "|".join(sorted(s.id for s in sources)))
        self.add(iri, RDF.type, PROV.Activity)
        self.add(iri, KG.version, Literal(__version__))
        self.add(iri, RDFS.label, Literal(f"kg build {__version__}"))
        if stamp:
            self.add(iri, PROV.startedAtTime, Literal(stamp, datatype=XSD.dateTime))
        for s in sources:
            self.add(iri, PROV.used, source_iri(s.id))
        return iri
