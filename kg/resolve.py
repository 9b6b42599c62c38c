"""Cross-article identities: one node per person, agency, post and membership.

Same name -> same person, unless the posts are incompatible (held in agencies of
different places: a 济宁市 official and a 济南市 official who share a name are two
people). A name known only from bylines, of two named papers, is one person per paper
(an unknown 本报 by its source): two papers' reporters who share a name are two people,
one paper's reporter on many pages is one, and a name reported only under unknown 本报
stays one. Every merge and split is reported with its reason.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from .records import AgencyNode, Event, Extraction, MembershipNode, PersonNode, Resolved, label_of_key
from .vocab.lexicon import lexicon, place_of

def compatible(places: set[str]) -> bool:
    """Whether posts in these places can be one person's: one place, or a city and its
    own province (济宁市 and 山东省); two cities or two provinces are two people."""
    if len(places) <= 1:
        return True


    cities = lexicon().cities
    provinces = {p for p in places if p.endswith(("省", "自治区"))}
    others = places - provinces
    if len(provinces) > 1 or len(others) > 1:
        return False
    city = next(iter(others), "")
    return not provinces or cities.get(city[:-1] if city.endswith("市") else city) in provinces


def resolve(extractions: Iterable[Extraction], node_evidence: bool = True) -> Resolved:
    """Merge per-article records into graph entities.

    extractions (Iterable[Extraction]): a list, or any sequence that can be read again
        (it is read in three passes; a build's ``kg.spill.RecordSpill`` reads its file again).
    node_evidence (bool): keep every mention's evidence on its person and agency (a build,
        whose graph does not say them, passes False: their memory is not held).
    """
    r = Resolved()
    # which places each name holds posts in: differing places split the name
    places: dict[str, set[str]] = defaultdict(set)
    for ex in extractions:
        for h in ex.holdings:
            p = place_of(h.agency.label)
            if p:
                places[h.person].add(p)

    split = {name for name, ps in places.items() if not compatible(ps)}
    papers = _reporter_papers(extractions)

    def person_key(name: str, ex: Extraction) -> str:
        if name in papers:  # a reporter and nothing else: one person per paper
            paper = min((h.agency.key for h in ex.holdings if h.person == name), default=None)
            return f"{name}@{paper}" if paper else name
        if name not in split:
            return name
        local = {place_of(h.agency.label) for h in ex.holdings if h.person == name} - {None}
        return f"{name}@{sorted(local)[0]}" if local else name

    for ex in extractions:
        aid = ex.article.id
        for a in ex.agencies:
            node = r.agencies.get(a.key)
            if node is None:
                node = r.agencies[a.key] = AgencyNode(a.key, a.label, a.kind, a.parent)
            if not a.implicit:
                node.surfaces.add(a.surface)
                if node_evidence:
                    node.evidence.append(a.evidence)
                r.mentions[aid].add(("org", a.key))
            if node.parent is None and a.parent:
                node.parent = a.parent
        for pm in ex.persons:
            key = person_key(pm.name, ex)
            node = r.persons.get(key)
            if node is None:
                node = r.persons[key] = PersonNode(key, pm.name)
            node.articles.add(aid)
            if node_evidence:
                node.evidence.append(pm.evidence)
            if pm.cue == "byline":
                if key not in r.authors[aid]:
                    r.authors[aid].append(key)
            else:
                r.mentions[aid].add(("person", key))
        for h in ex.holdings:
            key = person_key(h.person, ex)
            if h.agency.key not in r.agencies:
                r.agencies[h.agency.key] = AgencyNode(h.agency.key, h.agency.label, h.agency.kind, h.agency.parent)
            mkey = (key, h.agency.key, h.role)  # one membership per person and post, corpus-wide
            m = r.memberships.get(mkey)
            if m is None:
                m = r.memberships[mkey] = MembershipNode(key, h.agency.key, h.role, h.post_text,
                                                         h.agency.implicit, h.confidence)
            m.confidence = max(m.confidence, h.confidence)
            m.implicit = m.implicit and h.agency.implicit  # one article naming the agency is enough
            m.evidence.append(h.evidence)
            day = str(h.date) if h.date and h.date.day else None
            if h.former:
                m.reported_former = True
                if day:
                    m.ended.add(day)
            elif day:
                m.held.add(day)
        for ch in ex.changes:
            if ch.agency is not None and ch.agency.key not in r.agencies:
                r.agencies[ch.agency.key] = AgencyNode(ch.agency.key, ch.agency.label, ch.agency.kind,
                                                       ch.agency.parent)
            r.changes.append((person_key(ch.person, ex),
                              person_key(ch.predecessor, ex) if ch.predecessor else None, ch))
        r.figures.extend(ex.figures)
        r.programs.extend(ex.programs)
        r.events.extend(ex.events)
    r.events = _resolve_events(r)
    # parents named only as a parent still become nodes
    for node in list(r.agencies.values()):
        if node.parent and node.parent not in r.agencies:
            label = label_of_key(node.parent)  # a body of no known place is keyed by its article
            r.agencies[node.parent] = AgencyNode(node.parent, label, _parent_kind(label), None)
    for key, node in sorted(r.persons.items()):
        if len(node.articles) > 1:
            r.merges.append({"person": node.name, "key": key, "articles": sorted(node.articles),
                             "reason": "same name, posts compatible (same place)"})
    for name, ps in sorted(papers.items()):
        r.merges.append({"person": name, "split": sorted(ps),
                         "reason": "same name, reporters of different papers and nothing else: kept apart"})
    for name, ps in sorted(places.items()):
        if name in split and name not in papers:
            r.merges.append({"person": name, "split": sorted(ps), "reason": "same name with posts in different places: kept apart"})
    return r


def _reporter_papers(extractions: Iterable[Extraction]) -> dict[str, set[str]]:
    """Names known only from bylines, as reporters of more than one named paper -> their
    papers (agency keys: a known paper by its name, an unknown 本报 by its source). Such a
    name is one person per paper; a name also named otherwise (a post, a mention in a body)
    is not split here, one paper's reporter on many pages stays one person, and so does a
    reporter of unknown papers only (two sources' 本报 may be one paper)."""
    papers: dict[str, set[str]] = defaultdict(set)
    linked: set[str] = set()
    for ex in extractions:
        byline = {pm.name for pm in ex.persons if pm.cue == "byline"}
        linked |= {pm.name for pm in ex.persons if pm.cue != "byline"}
        for h in ex.holdings:
            if h.person in byline:
                papers[h.person].add(h.agency.key)
            else:
                linked.add(h.person)
    # an unknown 本报 (keyed by its source, ``article_key``) may be any paper: only two
    # named papers tell two reporters apart
    return {name: ps for name, ps in papers.items()
            if name not in linked and len({p for p in ps if "@" not in p}) > 1}


def _parent_kind(label: str) -> str:
    """The kind of a body named only as another's parent: a Party body's, a unit of a known
    armed force's (中国人民解放军某战区: ArmedForce, agency-known.tsv), else a government body's."""
    if label.startswith("中共") or label.startswith("中国共产党"):
        return "PartyOrgan"
    if label.startswith(_armed_forces()):
        return "ArmedForce"
    return "GovernmentAgency"


@lru_cache(maxsize=1)
def _armed_forces() -> tuple[str, ...]:
    """The canonical names of the known armed forces (中国人民解放军, …)."""
    return tuple(sorted({k.canonical for k in lexicon().known.values() if k.kind == "ArmedForce"}))


def _resolve_events(r: Resolved) -> list[Event]:
    """Events with their participants as person keys and their organisers as agencies:
    a name resolves to the first person of that name (a participant named nowhere else
    becomes a person of its own), an organiser named only there becomes an agency."""
    by_name: dict[str, str] = {}
    for key, node in r.persons.items():
        by_name.setdefault(node.name, key)
    events = []
    for e in r.events:
        for part in e.participants:
            if part.person not in r.persons and part.person not in by_name:
                r.persons[part.person] = PersonNode(part.person, part.person)
                by_name[part.person] = part.person
        if e.organizer and e.organizer not in r.agencies:
            r.agencies[e.organizer] = AgencyNode(e.organizer, e.organizer, "", None)
        parts = tuple(p if p.person in r.persons else replace(p, person=by_name[p.person]) for p in e.participants)
        events.append(replace(e, participants=parts))
    return events
