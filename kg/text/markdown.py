"""Markdown archives: one article per ``#``/``##`` heading, markup blanked in place.

The file is read line by line into a view as long as the file (``text.views``): heading
marks, emphasis, link targets, images, list and quote marks, code fences, table rules,
HTML tags and comments, front matter and date lines become spaces; a table's cells are
read as a sentence each (``|`` inside a row reads as ``，``, its last ``|`` as ``。``). What
is left (words, link texts, code) stands where the file has it, so every offset is an
offset into the file.

Articles: each heading of level 1 or 2 opens one (its text the headline), running to the
next such heading; deeper headings stay in its body. A heading that is only a date
(``## 2024年5月21日``) opens no article: it dates the articles under it. Dates, most
specific first: a date line under a headline (``日期：2024年5月21日``, ``date: 2024-05-21``),
the day heading above it, then the file's date (``--date``, the sidecar, YAML front
matter or a date line before the first heading, the file name). A file without headings
reads like a .txt page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..records import Article, Date, Source
from .dates import date_in, is_only_date
from .views import Section, articles_of_view, decode_entity, line_of

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_HR = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_REF_DEF = re.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:[ \t]*\S+.*$")
_FOOTNOTE_DEF = re.compile(r"^ {0,3}\[\^[^\]]+\]:[ \t]?")
_QUOTE = re.compile(r"^(?: {0,3}>[ \t]?)+")
_LIST = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")
_DELIM_ROW = re.compile(r"^[ \t]*\|?[ \t]*:?-{1,}:?[ \t]*(?:\|[ \t]*:?-{1,}:?[ \t]*)*\|?[ \t]*$")
_DATE_LINE = re.compile(r"(?i)^\s*(?:日期|时间|发布时间|发布日期|出版日期|date|published|pubdate|publish_date)"
                        r"\s*[:：]\s*(.+?)\s*$")
_FRONT_KEY = re.compile(r"^\s*([A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff-]*)\s*:\s*(.*?)\s*$")
_DATE_KEYS = {"date", "published", "pubdate", "publish_date", "created", "日期", "时间", "发布时间", "发布日期"}
_TITLE_KEYS = {"title", "标题"}

# inline markup, matched left to right (code spans are found by hand: their closer must match)
_INLINE = re.compile(r"""
    (?P<esc>\\[!-/:-@\[-`{-~])
  | (?P<tick>`+)
  | (?P<comment><!--.*?-->)
  | (?P<opencomment><!--)
  | (?P<img>!\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\]))
  | (?P<fnref>\[\^[^\]\n]+\])
  | (?P<open>\[)(?=[^\[\]\n]*\](?:\(|\[))
  | (?P<close>\](?:\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\]))
  | (?P<auto><(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>)
  | (?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)
  | (?P<emph>\*+|_+|~~+)
  | (?P<amp>&)
""", re.VERBOSE | re.DOTALL)


@dataclass
class Parsed:
    """A Markdown file read.

    view (str): the file with its markup blanked (as long as the file).
    widths (dict[int, int]): raw characters of each view character written with several.
    sections (list[Section]): the articles' bodies, headlines and dates, in file order.
    headings (int): headings that open an article.
    date (str | None): the file's own date (front matter, a date line before the first heading).
    title (str | None): the front matter's title.
    """

    view: str
    widths: dict[int, int] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    headings: int = 0
    date: str | None = None
    title: str | None = None

    @property
    def has_text(self) -> bool:
        """Some body text outside headings and metadata."""
        return any(not self.view[s.start:s.end].isspace() and s.start < s.end for s in self.sections)


@dataclass
class _Heading:
    level: int
    line: int  # index of its (first) line
    start: int  # raw bounds of its content
    end: int
    lines: int = 1  # 2 for a setext heading (text, then === or ---)


def parse(raw: str) -> Parsed:
    """Read a Markdown file: its view, its articles' sections and its own date."""
    lines = raw.splitlines(keepends=True)
    starts = [0]
    for ln in lines:
        starts.append(starts[-1] + len(ln))
    kinds = _classify(lines)
    view: list[str] = []
    widths: dict[int, int] = {}
    headings: list[_Heading] = []
    front: dict[str, str] = {}
    in_comment = False
    for i, line in enumerate(lines):
        body = line.rstrip(_LINE_ENDS)
        kind = kinds[i]
        chars = list(body)
        if kind in ("front", "fence", "delim", "hr", "refdef", "setext"):
            if kind == "front" and (m := _FRONT_KEY.match(body)):
                front.setdefault(m[1].lower(), m[2].strip("'\""))
            if kind == "setext":
                prev = lines[i - 1].rstrip(_LINE_ENDS)
                headings.append(_Heading(1 if body.strip()[0] == "=" else 2, i - 1, starts[i - 1],
                                         starts[i - 1] + len(prev), lines=2))
            chars = [" "] * len(body)
        elif kind != "code":  # the text of a code block stays as written
            lo = 0
            if kind == "heading":
                m = _ATX.match(body)
                lo = m.end()
                hi = len(body.rstrip(" \t"))
                closing = re.search(r"(?:^|[ \t])#+$", body[lo:hi])
                if closing:
                    _blank(chars, lo + closing.start(), hi)
                    hi = lo + closing.start()
                headings.append(_Heading(len(m[2]), i, starts[i] + lo, starts[i] + hi))
            else:
                for pattern in (_QUOTE, _LIST, _FOOTNOTE_DEF):
                    m = pattern.match(body, lo)
                    lo = m.end() if m else lo
            _blank(chars, 0, lo)
            if kind == "row":
                _cells(chars, body, lo)
            in_comment = _inline(chars, body, lo, starts[i], widths, in_comment)
        view.append("".join(chars) + line[len(body):])
    parsed = Parsed("", widths)
    parsed.date = next((d for k, v in front.items() if k in _DATE_KEYS and (d := date_in(v))), None)
    parsed.title = next((v for k, v in front.items() if k in _TITLE_KEYS and v), None)
    _sections(parsed, view, headings, starts)
    parsed.view = "".join(view)
    return parsed


_LINE_ENDS = "\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85"


def _classify(lines: list[str]) -> list[str]:
    """What each line is: front | fence | code | delim | row | hr | refdef | setext | heading | text | blank."""
    kinds = ["text"] * len(lines)
    stripped = [ln.rstrip(_LINE_ENDS) for ln in lines]
    i = 0
    if stripped and stripped[0].strip() == "---":  # YAML front matter, closed by --- or ...
        close = next((j for j in range(1, min(len(lines), 200)) if stripped[j].strip() in ("---", "...")), None)
        if close is not None:
            kinds[: close + 1] = ["front"] * (close + 1)
            i = close + 1
    fence: str | None = None
    while i < len(lines):
        s = stripped[i]
        m = _FENCE.match(s)
        if fence is not None:
            if m and m[1][0] == fence[0] and len(m[1]) >= len(fence) and not s[m.end():].strip():
                kinds[i], fence = "fence", None
            else:
                kinds[i] = "code"
        elif m and not (m[1][0] == "`" and "`" in s[m.end():]):
            kinds[i], fence = "fence", m[1]
        elif not s.strip():
            kinds[i] = "blank"
        elif _ATX.match(s):
            kinds[i] = "heading"
        elif _SETEXT.match(s) and i and kinds[i - 1] == "text" and (i < 2 or kinds[i - 2] in ("blank", "heading", "hr")):
            kinds[i] = "setext"
        elif _HR.match(s):
            kinds[i] = "hr"
        elif _REF_DEF.match(s):
            kinds[i] = "refdef"
        elif _DELIM_ROW.match(s) and "|" in s and i and "|" in stripped[i - 1] and kinds[i - 1] == "text":
            kinds[i] = "delim"
            kinds[i - 1] = "row"
            j = i + 1
            while j < len(lines) and stripped[j].strip() and "|" in stripped[j] and not _FENCE.match(stripped[j]):
                kinds[j] = "row"
                j += 1
            i = j
            continue
        i += 1
    return kinds


def _blank(chars: list[str], lo: int, hi: int) -> None:
    for k in range(lo, hi):
        chars[k] = " "


def _cells(chars: list[str], body: str, lo: int) -> None:
    """A table row read as a sentence: a leading | blank, inner ones as ，, the last as 。."""
    for k in range(lo, len(body)):
        if body[k] != "|" or (k and body[k - 1] == "\\"):
            continue
        if not body[lo:k].strip():
            chars[k] = " "
        elif not body[k + 1:].strip():
            chars[k] = "。"
        else:
            chars[k] = "，"


def _inline(chars: list[str], body: str, lo: int, base: int, widths: dict[int, int], in_comment: bool) -> bool:
    """Blank the inline markup of body[lo:] in ``chars``; RETURNS whether an HTML comment
    is still open at the end of the line."""
    pos = lo
    if in_comment:
        close = body.find("-->", lo)
        if close < 0:
            _blank(chars, lo, len(body))
            return True
        _blank(chars, lo, close + 3)
        pos = close + 3
    opened = 0
    while pos < len(body):
        m = _INLINE.search(body, pos)
        if not m:
            break
        kind, s, e = m.lastgroup, m.start(), m.end()
        pos = e
        if kind == "esc":
            chars[s] = " "
        elif kind == "tick":
            close = re.compile(rf"(?<!`){m.group()}(?!`)").search(body, e)
            if close:
                _blank(chars, s, e)
                _blank(chars, close.start(), close.end())
                pos = close.end()
        elif kind in ("comment", "img", "fnref", "auto", "tag"):
            _blank(chars, s, e)
        elif kind == "opencomment":
            _blank(chars, s, len(body))
            return True
        elif kind == "open":
            chars[s] = " "
            opened += 1
        elif kind == "close":
            if opened:
                _blank(chars, s, e)
                opened -= 1
        elif kind == "emph":
            before = body[s - 1] if s > lo else " "
            after = body[e] if e < len(body) else " "
            if before.isspace() and after.isspace():
                continue  # a lone * between spaces is a character
            if body[s] == "_" and before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
                continue  # snake_case: no emphasis inside a Latin word (局长__王五__指出 is emphasis)
            _blank(chars, s, e)
        elif kind == "amp":
            got = decode_entity(body, s)
            if got:
                text, width = got
                chars[s:s + width] = list(text) + [" "] * (width - len(text))
                if width > len(text):  # its last character ends where the reference does
                    widths[base + s + len(text) - 1] = width - len(text) + 1
                pos = s + width
    return False


def _sections(parsed: Parsed, view: list[str], headings: list[_Heading], starts: list[int]) -> None:
    """The articles: a level 1–2 heading each (or, without any, the top level the file has),
    dated by a date line under it, its day heading, or nothing (the file's date). Date
    lines are blanked in ``view`` (a list of line views): they are metadata, not text."""
    text = lambda h: line_of(view[h.line], h.start - starts[h.line], h.end - starts[h.line])[0]
    dated = {h.line for h in headings if is_only_date(text(h))}
    titles = [h for h in headings if h.line not in dated]
    top = {1, 2} if any(h.level <= 2 for h in titles) else {min((h.level for h in titles), default=1)}
    days = {h.line for h in headings if h.line in dated and h.level <= max(top)}  # deeper: body text
    cuts = sorted([h for h in titles if h.level in top] + [h for h in headings if h.line in days],
                  key=lambda h: h.line)
    parsed.headings = len(cuts) - len(days)
    first = cuts[0].line if cuts else len(view)
    parsed.date = parsed.date or _date_lines(view, 0, first, 5)  # a date line before any heading dates the file
    if not cuts:  # no headings: the whole file, read as a .txt page is (or one titled article)
        parsed.sections.append(Section(0, starts[-1], parsed.title or ""))
    elif any(not v.isspace() for v in view[:first] if v):
        parsed.sections.append(Section(0, starts[first]))  # text before the first heading
    day: Date | None = None
    for k, h in enumerate(cuts):
        if h.line in days:
            day = Date(date_in(text(h)))
            continue
        lo, hi = h.line + h.lines, (cuts[k + 1].line if k + 1 < len(cuts) else len(view))
        own = _date_lines(view, lo, hi, 2)
        rel = h.start - starts[h.line]
        title, offs = line_of(view[h.line], rel, h.end - starts[h.line])
        span = None
        if len(offs):
            begin, last = offs[0] + starts[h.line], offs[-1] + starts[h.line]
            span = (begin, last + parsed.widths.get(last, 1))
        parsed.sections.append(Section(starts[lo], starts[hi], title, span, Date.of(own) or day))


def _date_lines(view: list[str], lo: int, hi: int, most: int) -> str | None:
    """The date of the date lines among the first ``most`` lines with text of
    view[lo:hi] (日期：…, date: …, or a line that is only a date), each blanked as the
    metadata it is; the first line that is none ends the search."""
    found = None
    seen = 0
    for i in range(lo, hi):
        line = view[i]
        if not line.strip():
            continue
        seen += 1
        m = _DATE_LINE.match(line)
        when = date_in(m[1]) if m else (date_in(line) if is_only_date(line.strip()) else None)
        if not when:
            break
        found = found or when
        body = line.rstrip(_LINE_ENDS)
        view[i] = " " * len(body) + line[len(body):]
        if seen >= most:
            break
    return found


def articles(source: Source) -> list[Article]:
    """The articles of a Markdown source (``source.raw`` is the whole file)."""
    parsed = parse(source.raw)
    sections = parsed.sections
    if not parsed.headings and source.title:  # the sidecar's title names the one article
        sections = [replace(sec, headline=source.title) for sec in sections]
    return articles_of_view(source, parsed.view, sections, parsed.widths,
                            layout="article" if parsed.headings else source.layout)
