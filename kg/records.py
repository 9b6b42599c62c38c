"""Typed records that flow forward through the pipeline.

files -> Source -> (repair) -> Article -> (nlp) -> mentions -> (resolve) -> graph.

Every record that states a fact carries an ``Evidence``: character offsets into the
*original decoded file* (``Source.raw``), so any triple can point at the exact span it
came from even after text repair. Records are frozen dataclasses: plain data, no
spaCy and no RDF types, so extraction can run in worker processes and the graph stays
deterministic (same records -> same triples -> same bytes).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date as _date

_SENT_END = "。！？!?\n"
_SENT_RE = re.compile("[" + re.escape(_SENT_END) + "]")


_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_PRECISION = {4: "year", 7: "month", 10: "day"}


class Date(str):
    """An ISO date as precise as its source: a day (2023-12-28), a month (2023-12) or a
    year (2023, a government work report). A str, so it sorts, prints, keys and
    serialises as its ISO text; ``precision`` says which of the three it is.

    >>> Date("2023-12-28").precision, Date("2023").day
    ('day', None)
    """

    __slots__ = ()

    def __new__(cls, iso: str) -> "Date":
        if isinstance(iso, cls):
            return iso
        text = str(iso)
        if not _ISO_DATE.fullmatch(text) or not _valid(text):
            raise ValueError(f"{iso!r} is not a date: write it as YYYY-MM-DD (or YYYY-MM, YYYY)")
        return super().__new__(cls, text)

    @classmethod
    def of(cls, value: str | None) -> "Date | None":
        """``Date(value)``, or None for None or ""."""
        return cls(value) if value else None

    @property
    def precision(self) -> str:
        """day | month | year."""
        return _PRECISION[len(self)]

    @property
    def day(self) -> "Date | None":
        """Itself when it names a day, else None (a year says no 28日)."""
        return self if len(self) == 10 else None


def _valid(text: str) -> bool:
    year, month, day = (list(map(int, text.split("-"))) + [1, 1])[:3]
    try:
        _date(year, month, day)
    except ValueError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the original file that supports a fact.

    source (str): source id (the path as given, or ``path#L<n>`` for a JSONL record).
    article (str): id of the article the span lies in.
    start (int): offset of the first character in the decoded source text.
    end (int): offset one past the last character in the decoded source text.
    anchor (str): the raw text ``Source.raw[start:end]`` exactly as written.
    sentence (str): the repaired sentence around the span (for display).
    page (int | None): for a PDF, the page (1-based) the span is printed on (its first).
    bbox (str): for a PDF, the box around the span on that page, "x0 y0 x1 y1" in PDF
        points (page coordinates, y up); "" for other sources.
    """

    source: str
    article: str
    start: int
    end: int
    anchor: str
    sentence: str = ""
    page: int | None = None
    bbox: str = ""


@dataclass(slots=True)
class Source:
    """One decoded input document (a file, or one record of a JSON/JSONL file).

    id (str): stable id: the path relative to the build root, ``#L<n>`` for JSONL records.
    path (str): the file it came from.
    raw (str): decoded text, unchanged; every offset in kg points into it.
    encoding (str): the encoding that decoded it.
    date (Date | None): page date from --date, a sidecar, the path or the record.
    title (str | None): title given by the container format (JSON records).
    url (str | None): url given by the container format.
    layout (str): "page" (many articles) or "article" (one article per document).
    city (str | None): the city that 市/我市/全市 refer to, when known from metadata.
    format (str): "text" (a page), "json" (a record), "markdown" or "html" (``text.formats``
        finds their articles; ``raw`` is still the whole decoded file), or "pdf" (``raw`` is
        the text layer in reading order: the PDF's source text, kept as OUT/texts/).
    positions (object | None): for a PDF, where every character of ``raw`` is printed and
        which lines are headlines (``text.pdf.PdfText``); None for the other formats.
    """

    id: str
    path: str
    raw: str
    encoding: str = "utf-8"
    date: Date | None = None
    title: str | None = None
    url: str | None = None
    layout: str = "page"
    city: str | None = None  # the city 市/我市/全市 refers to, when the sidecar says it
    paper: str | None = None  # the newspaper that prints the page (本报), when the sidecar says it
    format: str = "text"  # text | json | markdown | html | pdf: how its articles are found (text.formats)
    positions: object = field(default=None, repr=False)  # a PDF's text.pdf.PdfText

    def __post_init__(self) -> None:
        self.date = Date.of(self.date)  # RAISES ValueError for a date that is none


@dataclass(frozen=True, slots=True)
class Article:
    """One article of a source, with repaired text and an offset map back to raw.

    Made once by segmentation and never changed after (the sentence index and the sentence
    texts the evidence shares are caches).

    text (str): repaired text (headline lines excluded, body only).
    offsets (Sequence[int]): ``offsets[i]`` is the raw offset of ``text[i]``; len(text) items
        (a compact ``repair.OffsetMap`` from the segmenter, or a plain list).
    byline (str): the byline line as repaired (本报讯(记者 X)), "" when there is none; read
        by ``nlp.bylines``.
    byline_offsets (Sequence[int]): the raw offset of every character of ``byline``.
    source_span (tuple[int, int] | None): the article's [start, end) in the raw file.
    """

    id: str
    source: str
    index: int
    headline: str
    text: str
    offsets: Sequence[int]
    headline_span: tuple[int, int] | None = None
    kicker: str = ""
    byline: str = ""
    byline_offsets: Sequence[int] = ()
    date: Date | None = None
    date_said: str = ""
    truncated: list[int] = field(default_factory=list)
    headline_source: str = "line"
    raw: str = field(default="", repr=False)  # the source's raw text (shared, not copied)
    source_span: tuple[int, int] | None = None
    _sentence_ends: list[int] | None = field(default=None, repr=False, compare=False)
    _sentences: dict[int, str] | None = field(default=None, repr=False, compare=False)  # a cache: one str a sentence

    def __post_init__(self) -> None:
        object.__setattr__(self, "date", Date.of(self.date))

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of ``text`` to a [start, end) span of the raw file."""
        offsets = self.offsets
        if start >= end:
            pos = offsets[start] if start < len(offsets) else (offsets[-1] + 1 if offsets else 0)
            return pos, pos
        span = getattr(offsets, "span", None)  # a repair.OffsetMap: one search of its runs (a
        # character written as &ldquo; ends past its &: a view's map counts its width)
        if span is not None:
            return span(start, end)
        end_of = getattr(offsets, "end_of", None)
        return offsets[start], end_of(end - 1) if end_of else offsets[end - 1] + 1

    def sentence_at(self, start: int, end: int | None = None) -> tuple[int, int]:
        """The [start, end) bounds in ``text`` of the sentence(s) around a span."""
        end = start if end is None else end
        if self._sentence_ends is None:  # a cache, filled on first use
            object.__setattr__(self, "_sentence_ends", [m.end() for m in _SENT_RE.finditer(self.text)])
        ends = self._sentence_ends
        k = bisect_right(ends, start)  # sentences that end at or before the span's start
        left = ends[k - 1] if k else 0
        j = bisect_left(ends, max(end - 1, left) + 1)
        right = ends[j] if j < len(ends) else len(self.text)
        return left, right

    def evidence(self, start: int, end: int) -> "Evidence":
        """Evidence for the [start, end) span of ``text``: raw offsets, anchor, sentence."""
        rs, re_ = self.raw_span(start, end)
        s0, s1 = self.sentence_at(start, end)
        sentences = self._sentences  # the evidence of one sentence shares its text (records stay small)
        if sentences is None:
            sentences = {}
            object.__setattr__(self, "_sentences", sentences)
        sentence = sentences.get(s0 << 32 | s1)
        if sentence is None:
            sentence = sentences[s0 << 32 | s1] = self.text[s0:s1].strip()
        return Evidence(self.source, self.id, rs, re_, self.raw[rs:re_], sentence)


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A person named in an article."""

    name: str
    article: str
    evidence: Evidence
    cue: str = "title"  # title | byline | speech | model | coref | ner
    start: int = -1  # span in Article.text
    end: int = -1
    confidence: float = 1.0  # how sure the extractor is (``kg.nlp.extract.CONFIDENCE``)


def article_key(label: str, article: str) -> str:
    """The key of a body known only within one article (中共市委员会 on a page of no known
    city): two articles' such bodies are two agencies. Given a source's id instead, the key
    of a body known only within that source (本报 on a page of no known paper)."""
    return f"{label}@{article}"


def label_of_key(key: str) -> str:
    """The canonical name an agency key stands for (``article_key`` adds the article)."""
    return key.partition("@")[0]


@dataclass(frozen=True, slots=True)
class AgencyMention:
    """An agency named (or implied) in an article.

    surface (str): as written (repaired), e.g. 市科技局.
    key (str): canonical key used for identity, e.g. 济宁市科学技术局 (``article_key`` for a
        body of no known place).
    label (str): canonical full name (skos:prefLabel).
    kind (str): agency type id, e.g. GovernmentAgency, PartyOrgan, Court.
    parent (str | None): canonical key of the parent agency.
    implicit (bool): the text implies the agency without naming it (副市长 -> city government).
    """

    surface: str
    key: str
    label: str
    kind: str
    article: str
    evidence: Evidence
    parent: str | None = None
    implicit: bool = False
    start: int = -1  # span in Article.text (-1 when implicit)
    end: int = -1


@dataclass(frozen=True, slots=True)
class Holding:
    """Person holds an atomic title (role) in an agency, as stated in an article.

    former (bool): the text reports the post as ended (原党组书记, 前院长).
    confidence (float): how sure the extractor is (``kg.nlp.extract.CONFIDENCE``).
    """

    person: str
    role: str
    agency: AgencyMention
    post_text: str
    article: str
    date: Date | None
    evidence: Evidence
    former: bool = False
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class PostChange:
    """A change of post the text reports (任命, 当选, 免去, 辞去, 不再担任, 调任, 接替, 退休).

    kind (str): appointment | election | transfer | succession | removal | resignation | retirement.
    role, agency: the post, when the text names one the grammar reads ('' / None otherwise).
    predecessor (str): succession: the name of the person replaced.
    """

    person: str
    kind: str
    role: str
    agency: "AgencyMention | None"
    post_text: str
    article: str
    date: Date | None
    evidence: Evidence
    predecessor: str = ""


@dataclass(frozen=True, slots=True)
class Figure:
    """A number the text reports, normalised (qb:Observation).

    value (str): exact decimal string with multipliers applied (3.2亿元 -> "320000000").
    unit (str): normalised unit, e.g. 元, 千瓦, %, 家.
    surface (str): the figure as written, e.g. 3.2亿元.
    kind (str): level | change | share | target | count.
    """

    value: str
    unit: str
    surface: str
    indicator: str
    kind: str
    article: str
    evidence: Evidence
    qualifier: str = ""
    direction: str = ""
    area: str = ""
    period: str = ""
    period_start: str | None = None
    period_end: str | None = None


@dataclass(frozen=True, slots=True)
class Program:
    """A named program, plan, campaign, policy document, brand ..."""

    name: str
    kind: str
    article: str
    evidence: Evidence
    agencies: tuple[str, ...] = ()  # canonical agency keys that lead or fund it
    alt_labels: tuple[str, ...] = ()  # other names the text gives it (（以下简称“…”）)


@dataclass(frozen=True, slots=True)
class Participant:
    """A person taking part in an event with a role (speaker, chair, attendee)."""

    person: str
    role: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Event:
    """A meeting, press conference, forum or ceremony named in the text."""

    name: str
    kind: str
    article: str
    evidence: Evidence
    date: Date | None = None
    organizer: str | None = None  # canonical agency key
    participants: tuple[Participant, ...] = ()


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    persons: list[PersonMention] = field(default_factory=list)
    agencies: list[AgencyMention] = field(default_factory=list)
    holdings: list[Holding] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    programs: list[Program] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    changes: list[PostChange] = field(default_factory=list)


def observation_key(f: Figure) -> str:
    """The identity of the observation a figure states, for minting its IRI.

    A headline figure and its body twin (same value, unit, indicator, kind, period) share
    it, so they become one qb:Observation with two prov:wasDerivedFrom evidences.
    """
    return "|".join((f.article, f.indicator, f.value, f.unit, f.kind, f.period, f.area))


@dataclass
class AgencyNode:
    key: str
    label: str
    kind: str
    parent: str | None
    surfaces: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class MembershipNode:
    """One person in one post across the whole corpus, with the dates that attest it.

    held (set[str]): day dates (ISO) of articles that show the post held.
    ended (set[str]): day dates of articles that report it ended (原…, 前…).
    """

    person: str
    agency: str
    role: str
    post_text: str
    implicit: bool
    confidence: float = 1.0  # the highest of its holdings'
    evidence: list[Evidence] = field(default_factory=list)
    held: set[str] = field(default_factory=set)
    ended: set[str] = field(default_factory=set)
    reported_former: bool = False  # some article says 原/前, dated or not

    @property
    def begin(self) -> str | None:
        """The earliest date it is attested as held."""
        return min(self.held) if self.held else None

    @property
    def last_attested(self) -> str | None:
        """The latest date it is attested as held."""
        return max(self.held) if self.held else None

    @property
    def end(self) -> str | None:
        """The first date an end is reported after it was last attested held (None: not ended)."""
        after = [d for d in self.ended if self.last_attested is None or d > self.last_attested]
        return min(after) if after else None

    @property
    def former(self) -> bool:
        """Known to have ended: an end reported after the last attestation (or with no dates)."""
        if self.end is not None:
            return True
        return self.reported_former and not self.held


@dataclass
class PersonNode:
    key: str
    name: str
    articles: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Resolved:
    """The graph's entities, each once, with all their evidence."""

    persons: dict[str, PersonNode] = field(default_factory=dict)
    agencies: dict[str, AgencyNode] = field(default_factory=dict)
    memberships: dict[tuple, MembershipNode] = field(default_factory=dict)
    mentions: dict[str, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))  # article -> {(type, key)}
    authors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # article -> person keys
    figures: list[Figure] = field(default_factory=list)
    programs: list[Program] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    changes: list[tuple[str, str | None, PostChange]] = field(default_factory=list)  # (person, predecessor, change)
    merges: list[dict] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Context:
    """The page's place: what a bare 市/省/县 prefix (市委, 全市, 我省) refers to.

    Inferred once per page (metadata first, then the page's own text) and handed to the
    extractors: agencies take their place from it, figures their area (全市 -> city,
    全省 -> province).
    """

    city: str | None = None  # 济宁市
    province: str | None = None  # 山东省
    county: str | None = None
