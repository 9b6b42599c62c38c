"""Split a source into articles: headlines, bylines, datelines, body with offset map.

A newspaper page is a run of articles, each a headline block (kicker, headline,
subtitle: short lines without sentence punctuation) followed by a byline
(本报讯(记者 X), 本报记者 X, 新华社…电) or directly by a dateline (28日上午，…). Body
lines that stop mid-sentence continue on the next line (PDF line and column breaks).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ..records import Article, Date, Source
from ..vocab.lexicon import alternation, read_tsv
from .repair import (
    Line,
    OffsetMap,
    fragments,
    normalize_for_matching,
    repair_line,
    scattered_fragments,
    split_lines,
)

# bylines, matched on repaired, half-width-normalised text
# bylines, matched on repaired, half-width-normalised text: 本报讯(记者 X 通讯员 Y),
# 本报12月18日讯(…), 新华社北京12月28日电(记者 X), 本报记者 X, 每经记者 X 发自上海, 记者 X 报道
BYLINE_MARK = r"[□■◆◇●○★☆▲△]?"
WIRE = rf"{BYLINE_MARK}[\u4e00-\u9fff]{{1,10}}?(?:\d{{1,2}}月\d{{1,2}}日)?(?:讯|电)"
ROLE_WORDS = ("见习记者", "实习记者", "特约记者", "摄影记者", "实习编辑", "记者", "通讯员", "实习生", "摄影", "编辑")
ROLE_ALT = "|".join(ROLE_WORDS)
_BYLINE = re.compile(
    rf"^(?:{WIRE}\s*\(|{WIRE}(?:{ROLE_ALT})|{BYLINE_MARK}本报讯|{BYLINE_MARK}本报(?:{ROLE_ALT})|{BYLINE_MARK}[\u4e00-\u9fff]{{1,4}}?报?(?:{ROLE_ALT})[\u4e00-\u9fff]{{2,9}}(?:发自|报道|/)|"
    rf"新华社[^,。]{{0,20}}?电|人民日报[^,。]{{0,12}}?电|据新华社|(?:[(]?记者[^,。)]{{1,20}}?报道[)]?)|"
    # a line of roles and names only: 记者甲实习生乙, 某报记者甲 通讯员乙, 记者 甲 乙 (one role: spaced names)
    rf"{BYLINE_MARK}[\u4e00-\u9fff]{{0,4}}?(?:{ROLE_ALT})\s*[\u4e00-\u9fff]{{2,4}}(?:\s*(?:{ROLE_ALT})\s*[\u4e00-\u9fff]{{2,4}})+\s*$|"
    rf"{BYLINE_MARK}(?:{ROLE_ALT})\s+[\u4e00-\u9fff]{{2,4}}(?:\s+[\u4e00-\u9fff]{{2,4}})*\s*$)"
)
_DATELINE = re.compile(
    r"^(?:(?:\d{4}年)?\d{1,2}月\s*\d{1,2}日|\d{1,2}日|昨天|昨日|今天|今日|前天|近日|日前)"
    r"(?:上午|下午|晚上|晚间|早上|中午|晚)?[,，]"
)
_DATE_SAID = re.compile(
    r"(?:(?P<y>\d{4})年)?(?:(?P<m>\d{1,2})月)?(?P<d>\d{1,2})日(?P<part>上午|下午|晚上|晚间|早上|中午|晚)?"
    r"|(?P<rel>昨天|昨日|今天|今日|前天)(?P<part2>上午|下午|晚上|晚)?"
)
_NO_HEADLINE = re.compile(r"[,;:。?？]")
_SENT_END = tuple("。！？!?…")
_CLOSERS = "”’\"')）」』"
MAX_HEADLINE = 40


@dataclass(slots=True)
class _Unit:
    """A non-blank line of the page with its role on the page."""

    line: Line
    kind: str  # byline | dateline | head | body

    @property
    def text(self) -> str:
        return self.line.text


#: a medium's reporter alone on a line (每经记者某某, 某某报记者 某某): a byline when the name
#: reads as one (jieba tags its first word a name), not a noun (优秀记者风采)
_LONE_REPORTER = re.compile(
    rf"^{BYLINE_MARK}[\u4e00-\u9fff]{{0,6}}?(?:特约记者|实习记者|首席记者|记者|通讯员)\s*([\u4e00-\u9fff]{{2,3}})\s*$")


def _lone_reporter(t: str) -> bool:
    m = _LONE_REPORTER.match(t)
    if m is None:
        return False
    import rjieba

    return rjieba.tag(m.group(1))[0][1].startswith("nr")


def _byline_alone(line: Line) -> bool:
    """A line that is a byline and nothing else (□本报记者 某某), not one that opens the body
    (本报讯(记者 某某) 12月28日,…, which a wrapped line continues)."""
    t = line.text
    return (len(t) <= 30 and not any(c in t for c in "，。；,;") and t.count("(") + t.count("（") == t.count(")") + t.count("）")
            and classify(line) == "byline")  # 本报讯(记者| on a line of its own goes on with the name


def classify(line: Line) -> str:
    t = normalize_for_matching(line.text)
    if _BYLINE.match(t) or _lone_reporter(t):
        return "byline"
    if _DATELINE.match(t):
        return "dateline"
    if 2 <= len(t) <= MAX_HEADLINE and not _NO_HEADLINE.search(t) and not t.endswith(_SENT_END):
        return "head"
    return "body"


def page_lines(raw: str) -> list[Line]:
    """Repaired non-blank lines; vertical-headline characters lifted when the page has some."""
    spans = [(s, e) for s, e in split_lines(raw) if not raw[s:e].isspace() and s < e]
    # one or two lone characters are noise, not a vertical headline: keep them in the text
    lone = 0
    for s, e in spans:
        if lone >= 3:
            break
        if _LONE_HINT.search(raw, s, e) or e - s == 1:
            lone += len(scattered_fragments(raw, fragments(raw, s, e)))
    lift = lone >= 3
    lines = [repair_line(raw, s, e, lift_scattered=lift) for s, e in spans]
    return [l for l in lines if l.text or l.scattered]


# a lone CJK character between spaces (or alone on its line): the only place a vertical
# headline can leave one, so lines without it need no fragment analysis
_LONE_HINT = re.compile(r"(?:^|\s)[\u4e00-\u9fff](?:\s|$)")


def segment(source: Source) -> list[Article]:
    """Articles of one source, in reading order."""
    lines = page_lines(source.raw)
    if source.layout == "article" or source.title:
        return [_single_article(source, lines)]
    units = [_Unit(l, classify(l) if l.text else "scatter") for l in lines]
    starts = _article_starts(units)
    if not starts:
        return [_single_article(source, lines)]
    segments = []
    bounds = starts + [len(units)]
    if starts[0] > 0 and any(u.kind != "head" for u in units[: starts[0]]):
        segments.append((0, starts[0], 0))
    for i, s in enumerate(starts):
        segments.append((s, bounds[i + 1], _head_count(units, s)))
    segments = _split_vertical(units, segments)
    drafts = [_draft(units[s:e], h) for s, e, h in segments]
    drafts = _merge_vertical(drafts)
    return [_finish(source, d, i) for i, d in enumerate(d for d in drafts if d["body"])]


def _head_count(units: list[_Unit], start: int) -> int:
    n = 0
    while start + n < len(units) and units[start + n].kind == "head":
        n += 1
    return n


def _article_starts(units: list[_Unit]) -> list[int]:
    """Index of the first unit (headline block, or byline) of every article."""
    starts: list[int] = []
    for i, u in enumerate(units):
        if u.kind not in ("byline", "dateline"):
            continue
        j = i
        while j > 0 and units[j - 1].kind == "head" and i - j < 3:
            j -= 1
        if u.kind == "dateline" and j == i:
            continue  # a date at the start of a paragraph, not a new article
        if starts and starts[-1] >= j:
            continue
        starts.append(j)
    return starts


def _split_vertical(units: list[_Unit], segments: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Start a separate segment where an article-less run of vertical-headline lines begins."""
    out = []
    for s, e, h in segments:
        cut = next((k for k in range(s + h + 1, e) if units[k].line.scattered), None)
        if cut is not None and not any(units[k].line.scattered for k in range(s, s + h + 2)):
            out.append((s, cut, h))
            out.append((cut, e, -1))  # -1: the vertical headline is this segment's headline
        else:
            out.append((s, e, h))
    return out


def _draft(units: list[_Unit], heads: int) -> dict:
    scattered = [c for u in units for c in u.line.scattered]
    if heads < 0:
        head_units, body = [], units
    else:
        head_units, body = units[:heads], units[heads:]
    byline = body[0] if body and body[0].kind == "byline" else None
    return {"heads": head_units, "body": body, "byline": byline, "scattered": scattered, "vertical": heads < 0}


def _merge_vertical(drafts: list[dict]) -> list[dict]:
    """Give an orphan vertical-headline segment to the one bylined article without a headline
    that comes before it (the orphan's lines follow the host's: the text keeps the file's
    order, so every span of it maps to one span of the file)."""
    headless = [d for d in drafts if not d["heads"] and d["byline"] and not d["vertical"]]
    orphans = [d for d in drafts if d["vertical"] and not d["byline"]]
    if len(headless) == 1 and len(orphans) == 1 and next(
            d for d in drafts if d is headless[0] or d is orphans[0]) is headless[0]:
        host, orphan = headless[0], orphans[0]
        host["body"] = host["body"] + orphan["body"]
        host["scattered"] = host["scattered"] + orphan["scattered"]
        host["vertical"] = True
        drafts = [d for d in drafts if d is not orphan]
    return drafts


def _paragraphs(lines: list[Line]) -> tuple[str, OffsetMap, list[int]]:
    """Join lines into paragraphs: a line that stops mid-sentence continues on the next,
    unless the next line opens a new paragraph (then the first was cut off: truncated)."""
    text: list[str] = []
    offs = OffsetMap()
    truncated: list[int] = []
    length = 0
    after_byline = False
    for line in lines:
        if not line.text:
            continue
        if text:
            prev = text[-1]
            ended = (after_byline  # □本报记者 某某 on a line of its own: the body starts on the next
                     or prev.endswith(_SENT_END) or (prev[-1] in _CLOSERS and len(prev) > 1 and prev[-2] in "。！？!?"))
            if not ended and _opens_paragraph(line.text):
                truncated.append(length)  # …林海峰参 | 林海峰在讲话中指出: not one sentence
                ended = True
            if ended:
                text.append("\n")
                offs.add(offs[-1] + 1)
                length += 1
        text.append(line.text)
        offs.extend_map(line.offsets)
        length += len(line.text)
        after_byline = _byline_alone(line)
    joined = "".join(text)
    if joined and not joined.endswith(_SENT_END) and joined[-1] not in _CLOSERS:
        truncated.append(len(joined))
    return joined, offs, truncated


@lru_cache(maxsize=1)
def _openers() -> re.Pattern:
    words = alternation(r[0] for r in read_tsv("paragraph-openers.tsv"))
    # …or a name (2–3 characters) opening with what it said: 某某在讲话中指出 / 某某强调, or a
    # biography (某某，男，… of an appointment notice under its heading)
    return re.compile(rf"(?:{words})|[\u4e00-\u9fff]{{2,3}}(?:在讲话中|指出|强调|表示|要求)"
                      r"|[\u4e00-\u9fff·]{2,6}[,:](?:男|女)[,]")


def _opens_paragraph(line: str) -> bool:
    return bool(_openers().match(normalize_for_matching(line)))


def _finish(source: Source, d: dict, index: int) -> Article:
    heads: list[_Unit] = d["heads"]
    body_lines = [u.line for u in d["body"]]
    text, offsets, truncated = _paragraphs(body_lines)
    headline, kicker, hspan = "", "", None
    if heads:
        main = max(range(len(heads)), key=lambda k: (len(heads[k].text), -k)) if len(heads) > 1 else 0
        if len(heads) > 1 and _is_continuation(heads):
            headline = "".join(u.text for u in heads)
            hspan = (heads[0].line.raw_start, heads[-1].line.raw_end)
        else:
            headline = heads[main].text
            kicker = "".join(u.text for u in heads[:main])
            hspan = (heads[main].line.raw_start, heads[main].line.raw_end)
    source_kind = "line"
    if not headline and d["scattered"]:
        headline = "".join(c for c, _ in d["scattered"])
        hspan = (d["scattered"][0][1], d["scattered"][-1][1] + 1)
        source_kind = "vertical"
    byline = _byline_line(d["body"]) if d["byline"] else None
    said, when = date_of(text[:80], source.date)
    return Article(
        id=f"{source.id}#a{index + 1}", source=source.id, index=index, headline=headline,
        text=text, offsets=offsets, headline_span=hspan, kicker=kicker,
        byline=byline.text if byline else "", byline_offsets=byline.offsets if byline else (),
        truncated=truncated, headline_source=source_kind, raw=source.raw,
        source_span=_source_span(offsets, hspan), date_said=said, date=when or source.date,
    )


def _source_span(offsets, headline_span: tuple[int, int] | None) -> tuple[int, int] | None:
    """The article's [start, end) in the raw file: its headline and its body."""
    if not len(offsets):
        return headline_span
    start = min(offsets[0], headline_span[0]) if headline_span else offsets[0]
    return start, offsets[-1] + 1


def _byline_line(body: list[_Unit]) -> Line:
    """The byline with the lines it continues on (本报讯(记者 | 王明远) 3月5日…)."""
    line = body[0].line
    k = 1
    while "(" in (t := normalize_for_matching(line.text)) and ")" not in t and k < min(3, len(body)):
        nxt = body[k].line
        offs = OffsetMap()
        offs.extend_map(line.offsets)
        offs.extend_map(nxt.offsets)
        line = Line(line.text + nxt.text, offs, line.raw_start, nxt.raw_end)
        k += 1
    return line


def _is_continuation(heads: list[_Unit]) -> bool:
    """Two headline lines that read as one (the first breaks before a word ends)."""
    first, last = heads[0].text, heads[-1].text
    return len(heads) == 2 and len(first) >= 10 and len(last) <= len(first) and not last.startswith("——")


def _single_article(source: Source, lines: list[Line]) -> Article:
    """One article per source: title from the record, or the title lines before a blank line."""
    raw = source.raw
    title = source.title or ""
    body = lines
    hspan = None
    kicker = ""
    if not title:
        # the archive layout: title lines (kicker, headline, subtitle), blank line, body
        k = 0
        while k < min(3, len(lines)) and classify(lines[k]) == "head":
            k += 1
        if k and k < len(lines):
            main = max(range(k), key=lambda i: (len(lines[i].text), -i))
            title = lines[main].text
            kicker = "".join(l.text for l in lines[:main])
            hspan = (lines[main].raw_start, lines[main].raw_end)
            body = lines[k:]
    text, offsets, truncated = _paragraphs(body)
    byline = next((l for l in body[:3] if classify(l) == "byline"), None)
    said, when = date_of(text[:80], source.date)
    return Article(
        id=f"{source.id}#a1", source=source.id, index=0, headline=title, text=text, offsets=offsets,
        headline_span=hspan, kicker=kicker, byline=byline.text if byline else "",
        byline_offsets=byline.offsets if byline else (), truncated=truncated, raw=raw,
        headline_source="record" if source.title else "line", source_span=_source_span(offsets, hspan),
        date_said=said, date=when or source.date,
    )


def date_of(head: str, page_date: Date | None) -> tuple[str, str | None]:
    """The date said near the start of an article (as said, and as ISO), resolved
    against the page date; None for a day no calendar has (2月30日, 9999-12-31 + 1 day)."""
    page_date = Date.of(page_date)
    t = head.replace(" ", "")
    m = _DATE_SAID.search(t[:40])
    if not m:
        return "", None
    try:
        return m.group(0), _resolve_said(m, page_date)
    except (ValueError, OverflowError):  # 2月29日 a year back, 昨天 on 0001-01-01
        return m.group(0), None


def _resolve_said(m: re.Match, page_date: Date | None) -> str | None:
    """The ISO date a ``_DATE_SAID`` match names; RAISES ValueError/OverflowError for none."""
    if not page_date:
        if m["y"] and m["m"]:
            return date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
        return None
    if page_date.day is None:  # a year or month only: just a full 月日 can be resolved
        if m["m"] and not m["rel"]:
            return date(int(m["y"] or page_date[:4]), int(m["m"]), int(m["d"])).isoformat()
        return None
    base = date(*(int(part) for part in page_date.split("-")))  # int(), not fromisoformat: any digits Date took
    if m["rel"]:
        delta = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2}[m["rel"]]
        return (base + timedelta(days=delta)).isoformat()
    year = int(m["y"]) if m["y"] else base.year
    month = int(m["m"]) if m["m"] else base.month
    when = date(year, month, int(m["d"]))
    if not m["y"] and (when - base).days > 31:  # a difference, not base + 31 days: no overflow at 9999
        when = when.replace(year=year - 1) if m["m"] else (when.replace(month=month - 1) if month > 1 else when.replace(year=year - 1, month=12))
    return when.isoformat()
