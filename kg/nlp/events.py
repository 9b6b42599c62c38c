"""Events (schema:Event): press conferences, meetings, forums and ceremonies.

The genre announces an event in a few fixed ways, read here with regexes:

- ``在X召开的Y上`` / ``X举办的Y上``: Y is the event, X its organiser
  (在市政府新闻办召开的…新闻发布会上, 市农业农村局局长…介绍);
- ``Y召开`` / ``Y举行`` after the dateline (12月28日下午，全市…工作会议召开);
  ``A暨B举行`` is two events;
- ``X召开Y`` with X an agency (市委召开常委会会议).

Event nouns (会议, 座谈会, 新闻发布会, 仪式 …) and their kinds are in
``ontology/vocab/event-kinds.tsv``; the verbs in ``event-verbs.tsv``. The date is the one
said in the sentence (12月27日上午, 28日上午), resolved against the article date; the
participants are the persons followed by a role verb (``event-roles.tsv``: 介绍 / 讲话 ->
speaker, 主持 -> chair, 出席 / 参加 -> attendee). A person listed before another with no
verb of their own (院长甲，检察长乙出席) takes the role of the one after.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from ..records import (
    AgencyMention,
    Article,
    Date,
    Event,
    Evidence,
    Participant,
    PersonMention,
)
from .numbers import _read_tsv, alternation, compile_prefiltered

__all__ = ["EventSpan", "extract_events", "find_event_spans"]

_NAME_MAX = 60
_ROLE_WINDOW = 14  # characters between a name and its role verb (出席会议并讲话)
_INHERIT_GAP = 24  # a listed person's titles before the next name


@dataclass(slots=True)
class EventSpan:
    """An event named in text: the name's [start, end), its organiser's span if said."""

    start: int
    end: int
    name: str
    kind: str
    org_start: int = -1
    org_end: int = -1


@cache
def _kinds() -> dict[str, str]:
    return {r[0]: r[1] for r in _read_tsv("event-kinds.tsv")}


@cache
def _roles() -> dict[str, str]:
    return {r[0]: r[1] for r in _read_tsv("event-roles.tsv")}


@cache
def _res() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    nouns = alternation(_kinds())
    verbs = alternation(r[0] for r in _read_tsv("event-verbs.tsv"))
    body = r"[^，,。；;！？!?\n：:]"
    # 在市政府新闻办召开的……新闻发布会上
    at = re.compile(rf"(?:在|从|于)(?P<org>{body}{{2,24}}?)(?:{verbs})的(?P<name>{body}{{0,{_NAME_MAX}}}?(?:{nouns}))(?:上|中|期间)")
    # ，全市……工作会议召开 / 举行 (the name opens its clause)
    held = re.compile(rf"(?:^|(?<=[，,。；;！？!?\n]))(?P<name>{body}{{2,{_NAME_MAX}}}?(?:{nouns}))(?:在{body}{{1,20}}?)?(?:{verbs})(?=$|[，,。；;！？!?\n])")
    # 市委召开常委会会议
    convene = re.compile(rf"(?P<org>{body}{{2,20}}?)(?:{verbs})(?P<name>{body}{{2,{_NAME_MAX}}}?(?:{nouns}))(?=$|[，,。；;！？!?\n])")
    # 出席第六届…博览会开幕式并致辞
    attend = re.compile(rf"(?:出席|参加|参观|观摩)了?(?P<name>{body}{{2,{_NAME_MAX}}}?(?:{nouns}))(?=$|[并，,。；;！？!?\n])")
    roles = re.compile(alternation(_roles()))
    return at, held, convene, attend, roles


@cache
def _verb_re() -> re.Pattern:
    """The event verbs alone: where a ``held`` / ``convene`` match can be."""
    return re.compile(alternation(r[0] for r in _read_tsv("event-verbs.tsv")))


@cache
def _verbs() -> tuple[str, ...]:
    return tuple(r[0] for r in _read_tsv("event-verbs.tsv"))


@cache
def _kinds_longest_first() -> tuple[str, ...]:
    return tuple(sorted(_kinds(), key=len, reverse=True))


_CONVENE_ORG_MAX = 20  # the longest org of ``convene``: its verb starts 2..20 characters on


def _held_matches(held: re.Pattern, text: str):
    """``held.finditer(text)``, tried only where a match can be: it opens a clause (``^``
    or after a clause mark) and, its characters never being clause marks, it ends where
    the clause does (the look-ahead), on a verb. The clauses that end on a verb are found
    by one scan (``_verb_at_clause_end``: a verb holds no clause mark, so each such end
    is one match, and the clause starts after the last mark before it)."""
    pos = 0
    for v in _verb_at_clause_end().finditer(text):
        c = max(text.rfind(mark, 0, v.start()) for mark in _HELD_MARKS) + 1
        if c >= pos:
            m = held.match(text, c)
            if m:
                yield m
                pos = m.end()


_HELD_MARKS = "，,。；;！？!?\n"  # the clause marks a ``held`` match opens after and ends before


@cache
def _verb_at_clause_end() -> re.Pattern:
    """An event verb right before a clause mark or the end of the text."""
    verbs = _verbs()
    if any(mark in v for v in verbs for mark in _HELD_MARKS):  # pragma: no cover - a vocabulary error
        raise ValueError("an event verb holds a clause mark: event-verbs.tsv")
    return re.compile(f"(?:{alternation(verbs)})(?=[{re.escape(_HELD_MARKS)}]|\\Z)")


def _convene_matches(convene: re.Pattern, text: str):
    """``convene.finditer(text)``, tried only within reach of an event verb: a match
    starting at s has its verb starting at s+2 .. s+20."""
    verbs = _verb_re()
    pos = 0
    while True:
        v = verbs.search(text, pos + 2)
        if v is None:
            return
        vs = v.start()
        for s in range(max(pos, vs - _CONVENE_ORG_MAX), vs - 1):
            m = convene.match(text, s)
            if m:
                yield m
                pos = m.end()
                break
        else:
            pos = vs - 1


_DATELINE = re.compile(r"^.*?(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日(?:上午|下午|晚上|晚间|晚|早上)?")
_DATE_FULL = compile_prefiltered(r"(?:(?P<y>[0-9]{4})年)?(?:(?P<m>[0-9]{1,2})月)?(?P<d>[0-9]{1,2})日")
_SENT_END = "。！？!?\n"
_SENT_MARK = re.compile(r"[。；;！？!?\n]")
_GENERIC_NAME = re.compile(r"(?:这次|此次|本次|该|上述|有关|相关|各类|各种|一系列|系列)?(?:会议|大会|开幕式|闭幕式|仪式|座谈会|论坛|活动)")
_VERB_IN_NAME = re.compile(r"召开|举行|举办|闭幕(?!式)|开幕(?!式)|出席|参加")


_HAS_DAY = re.compile(r"^.{0,20}?[0-9]{1,2}日")
_LEAD_WORDS = re.compile(r"^[\s\u3000]*(?:了|的|在|是|和|与|及|并)+")
_ORG_ENDS_MEETING = re.compile(r"[会议]$")


def _clean_name(name: str) -> str:
    name = _DATELINE.sub("", name) if _HAS_DAY.match(name) else name
    name = _LEAD_WORDS.sub("", name)
    return name.strip(" \u3000，,、")


def _same_name(a: str, b: str) -> bool:
    return a in b or b in a or SequenceMatcher(None, a, b).ratio() >= 0.8


def find_event_spans(text: str) -> list[EventSpan]:
    """Events named in ``text``, without overlaps, in order.

    RETURNS (list[EventSpan]): ``A暨B`` gives two spans; kind from the final noun.
    """
    at, held, convene, attend, _ = _res()
    kinds = _kinds()
    longest = _kinds_longest_first()
    found: list[EventSpan] = []

    def add(s: int, e: int, org: tuple[int, int] = (-1, -1)) -> None:
        if any(s < f.end and f.start < e for f in found):
            return
        raw = text[s:e]
        name = _clean_name(raw)
        s += raw.find(name) if name else 0
        e = s + len(name)
        if len(name) < 3 or _VERB_IN_NAME.search(name) or _GENERIC_NAME.fullmatch(name):
            return  # …会议闭幕到我们这次会议: a clause; 这次会议, 开幕式: no name
        parts = name.split("暨") if "暨" in name else [name]
        pos = s
        for part in parts:
            kind = next((kinds[n] for n in longest if part.endswith(n)), "")
            if kind and len(part) >= 2:
                found.append(EventSpan(pos, pos + len(part), part, kind, *org))
            pos += len(part) + 1

    for m in at.finditer(text):
        add(m.start("name"), m.end("name"), (m.start("org"), m.end("org")))
    has_verb = _verb_re().search(text) is not None
    for m in (_held_matches(held, text) if has_verb else ()):
        add(m.start("name"), m.end("name"))
    for m in attend.finditer(text):
        add(m.start("name"), m.end("name"))
    for m in (_convene_matches(convene, text) if has_verb else ()):
        org = m.group("org")
        if _ORG_ENDS_MEETING.search(org):
            continue
        add(m.start("name"), m.end("name"), (m.start("org"), m.end("org")))
    found.sort(key=lambda f: f.start)
    return found


def _date_at(text: str, start: int, article_date: Date | None) -> Date | None:
    """The date said in the sentence of ``start`` (12月27日, 28日上午), else the article date."""
    s0 = max(text.rfind(c, 0, start) for c in _SENT_END) + 1
    s1 = len(text)
    for c in _SENT_END:
        j = text.find(c, start)
        if j != -1:
            s1 = min(s1, j)
    m = _DATE_FULL.search(text, s0, s1)
    if not m or not article_date or (not m.group("m") and article_date.precision == "year"):
        return article_date  # a day said alone (28日) needs the article's month
    y = int(m.group("y") or article_date[:4])
    mo = int(m.group("m") or article_date[5:7])
    try:
        return Date(f"{y:04d}-{mo:02d}-{int(m.group('d')):02d}")
    except ValueError:  # 2月30日
        return article_date


def _roles_of(text: str, persons: list[PersonMention],
              names: list[tuple[int, int]] = ()) -> dict[int, list[tuple[str, int, int]]]:
    """Role verbs right after each person mention: index -> [(role, verb start, verb end)].

    ``names`` are event-name spans: an event named between a person and the verb
    (出席第六届…博览会开幕式并致辞) does not count against the distance.
    """
    roles_re = _res()[-1]
    role_of = _roles()
    spans = sorted(((p.start, p.end, i) for i, p in enumerate(persons) if 0 <= p.start < p.end), key=lambda t: t[0])
    out: dict[int, list[tuple[str, int, int]]] = {}
    for k, (s, e, i) in enumerate(spans):
        nxt = spans[k + 1][0] if k + 1 < len(spans) else len(text)
        inside = sum(max(0, min(b, nxt) - max(a, e)) for a, b in names)
        stop = min(nxt, e + _ROLE_WINDOW + 8 + inside)
        for c in "。；;！？!?\n":
            j = text.find(c, e, stop)
            if j != -1:
                stop = j
        found = []
        for m in roles_re.finditer(text, e, stop):
            gap = text[e:m.start()]
            named = sum(max(0, min(b, m.start()) - max(a, e)) for a, b in names)
            if len(gap) - named > _ROLE_WINDOW or "，" in gap or "," in gap:
                continue
            found.append((role_of[m.group(0)], m.start(), m.end()))
        out[i] = found
    # 甲，乙出席: a name followed only by the next person's titles takes that person's role
    for k in range(len(spans) - 2, -1, -1):
        s, e, i = spans[k]
        ns, ne, ni = spans[k + 1]
        gap = text[e:ns]
        if not out.get(i) and out.get(ni) and len(gap) <= _INHERIT_GAP and gap[:1] in ("，", ",", "、") \
                and not _SENT_MARK.search(gap):
            out[i] = [(r, vs, ve) for r, vs, ve in out[ni] if r != "chair"]
    return out


def extract_events(article: Article, persons: list[PersonMention] = (),
                   agencies: list[AgencyMention] = ()) -> list[Event]:
    """The events an article names, with date, organiser and participants.

    article (Article): repaired text; ``article.date`` resolves a day said alone (28日上午).
    persons (list[PersonMention]): person mentions with spans in ``article.text``.
    agencies (list[AgencyMention]): agency mentions; the organiser is the agency named in
        ``在X召开的`` / ``X召开``, or the agency that opens the event's name
        (市安全生产委员会…工作会议). None when no mention covers it.
    RETURNS (list[Event]): one per distinct name; participants go to the article's first
        event (the one the article reports).
    """
    text = article.text
    spans = find_event_spans(text)
    head_spans = find_event_spans(article.headline) if article.headline else []
    located = [a for a in agencies if 0 <= a.start < a.end <= len(text)]
    events: list[Event] = []
    seen: set[str] = set()
    firsts: list[tuple[EventSpan, Evidence]] = []
    for sp in spans:
        if sp.name in seen:
            continue
        seen.add(sp.name)
        firsts.append((sp, article.evidence(sp.start, sp.end)))
    for sp in head_spans:
        if sp.name in seen or any(_same_name(sp.name, n) for n in seen):
            continue  # the headline names the event the body reports
        seen.add(sp.name)
        if article.headline_span:
            s, e = article.headline_span
            ev = Evidence(article.source, article.id, s, e, article.raw[s:e], article.headline)
        else:
            ev = Evidence(article.source, article.id, 0, 0, "", article.headline)
        firsts.append((EventSpan(-1, -1, sp.name, sp.kind), ev))
    # participants
    roles = _roles_of(text, list(persons), [(sp.start, sp.end) for sp in spans])
    participants: list[Participant] = []
    seen_p: set[tuple[str, str]] = set()
    for i, p in enumerate(persons):
        for role, vs, ve in roles.get(i, []):
            if (p.name, role) in seen_p:
                continue
            seen_p.add((p.name, role))
            participants.append(Participant(p.name, role, article.evidence(p.start, ve)))
    for n, (sp, ev) in enumerate(firsts):
        organizer = None
        if sp.start >= 0:
            if sp.org_start >= 0:
                for a in located:
                    if sp.org_start <= a.start and a.end <= sp.org_end:
                        organizer = a.key
            if organizer is None and sp.kind != "ceremony":
                # 市安全生产委员会…工作会议: the agency that opens a meeting's name holds it
                for a in located:
                    if a.start == sp.start and a.end < sp.end:
                        organizer = a.key
                        break
        date = _date_at(text, sp.start, article.date) if sp.start >= 0 else article.date
        events.append(Event(sp.name, sp.kind, article.id, ev, date, organizer,
                            tuple(participants) if n == 0 else ()))
    return events
