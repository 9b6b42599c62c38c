"""Plain-text views of marked-up files (Markdown, HTML), and articles read from them.

A *view* is a string as long as the decoded file: every character the reader sees (a
word, a decoded ``&ldquo;``) stands where the file has it, and markup is blanked to
spaces (a block boundary to a line break). Segmentation runs on a piece of the view, so
every offset it makes is a position in the file itself: evidence anchors are
``raw[begin:end]`` of the original file, markup inside a span included, and
``kg validate`` checks them against the file like any page.

A character written with several (``&ldquo;`` is 7 characters of the file, 1 of the
view) remembers its width, so a span that ends on it ends after its ``;``.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from html import unescape
from html.entities import html5

from ..records import Article, Date, Source
from .repair import OffsetMap
from .segment import segment


class WideOffsetMap(OffsetMap):
    """An ``OffsetMap`` whose characters may stand for more than one raw character.

    widths (dict[int, int]): raw offset -> how many raw characters the character there
        stands for (only those wider than one).
    """

    __slots__ = ("widths",)

    def __init__(self, offsets=(), widths: dict[int, int] | None = None) -> None:
        super().__init__(offsets)
        self.widths = widths or {}

    def end_of(self, i: int) -> int:
        """The raw offset one past the raw characters of character ``i``."""
        pos = self[i]
        return pos + self.widths.get(pos, 1)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The raw [start, end) of the span: its last character's width counted."""
        rs, re_ = OffsetMap.span(self, start, end)
        return rs, re_ - 1 + self.widths.get(re_ - 1, 1)


def shifted(offsets, shift: int, widths: dict[int, int] | None = None) -> OffsetMap:
    """``offsets`` (a map into a piece of the view) as a map into the whole file."""
    runs = offsets.runs() if isinstance(offsets, OffsetMap) else [(o, 1) for o in offsets]
    out = WideOffsetMap(widths=widths) if widths else OffsetMap()
    for raw_start, length in runs:
        out.add_run(raw_start + shift, length)
    return out


@dataclass(frozen=True, slots=True)
class Section:
    """One article of a marked-up file, found by its reader.

    start, end (int): the body's bounds in the file (and in the view).
    headline (str): its headline as read ("" when the file gives none).
    headline_span (tuple[int, int] | None): where the headline stands in the file.
    date (Date | None): its date when the file says it (a date line, a day heading).
    byline (tuple[str, Sequence[int]] | None): an author line the file gives apart from the
        body (its text and the raw offset of each character), used when the body has none.
    kicker (str): the line(s) over the headline, as read ("" when none).
    """

    start: int
    end: int
    headline: str = ""
    headline_span: tuple[int, int] | None = None
    date: Date | None = None
    byline: tuple[str, Sequence[int]] | None = None
    kicker: str = ""


def articles_of_view(source: Source, view: str, sections: list[Section],
                     widths: dict[int, int] | None = None, layout: str = "article",
                     headed: str = "article") -> list[Article]:
    """The articles of ``sections`` of a file, segmented on its ``view``.

    source (Source): the file (``raw`` the decoded file, as long as ``view``).
    view (str): the file's plain-text view.
    widths (dict[int, int] | None): raw characters of every view character wider than one.
    layout (str): how a section without a headline is read: "article" (one article) or
        "page" (split at headline blocks and bylines, as a .txt page is).
    headed (str): how a section with a headline is read: "article" (one article under it)
        or "page" (split by the segmenter too, at bylines: the section's headline and
        kicker are its first article's, the later ones keep the headlines it finds).
    RETURNS (list[Article]): the articles with text, numbered in order; their offsets,
        spans and ``raw`` are the file's.
    """
    out: list[Article] = []
    for sec in sections:
        split = bool(sec.headline) and headed == "page"
        piece = Source(id=source.id, path=source.path, raw=view[sec.start:sec.end], encoding=source.encoding,
                       date=sec.date or source.date, title=None if split else sec.headline or None, url=source.url,
                       layout="page" if split else ("article" if sec.headline else layout), city=source.city,
                       paper=source.paper)
        for k, art in enumerate(segment(piece)):
            part = sec
            if split and k == 0:  # the section's headline is its first article's
                art = replace(art, headline=sec.headline, kicker=sec.kicker)
            elif split:  # an article the segmenter found after it: its own headline and byline
                part = replace(sec, headline_span=None, byline=None)
            elif sec.kicker and not art.kicker:
                art = replace(art, kicker=sec.kicker)
            if art.text.strip():  # a heading without a body: nothing to read
                out.append(_placed(art, part, source, len(out), widths))
    return out


def _placed(art: Article, sec: Section, source: Source, index: int, widths: dict[int, int] | None) -> Article:
    """An article segmented on a piece of the view, with its offsets moved into the file."""
    offsets = shifted(art.offsets, sec.start, widths)
    byline, byline_offsets = art.byline, shifted(art.byline_offsets, sec.start, widths)
    if not byline and sec.byline:
        byline, byline_offsets = sec.byline
    hspan = sec.headline_span
    if hspan is None and art.headline_span:  # a title line segmentation found in the piece
        hspan = (art.headline_span[0] + sec.start, art.headline_span[1] + sec.start)
    start = min(offsets[0], hspan[0]) if hspan else offsets[0]
    end = max(_end(offsets), hspan[1] if hspan else 0)
    return replace(art, id=f"{source.id}#a{index + 1}", index=index, offsets=offsets, raw=source.raw,
                   byline=byline, byline_offsets=byline_offsets, headline_span=hspan, source_span=(start, end),
                   headline_source="line" if hspan else art.headline_source)


def _end(offsets: OffsetMap) -> int:
    end_of = getattr(offsets, "end_of", None)
    return end_of(len(offsets) - 1) if end_of else offsets[-1] + 1


_WS = re.compile(r"\s+")


def line_of(view: str, start: int, end: int) -> tuple[str, OffsetMap]:
    """view[start:end] with its whitespace runs made one space (none between CJK), and the
    raw offset of every character kept."""
    text: list[str] = []
    offs = OffsetMap()
    pos = start
    for m in _WS.finditer(view, start, end):
        if m.start() > pos:
            text.append(view[pos:m.start()])
            offs.add_run(pos, m.start() - pos)
        pos = m.end()
        if text and pos < end and text[-1][-1].isascii() and view[pos].isascii():
            text.append(" ")
            offs.add(m.start())
    if pos < end:
        text.append(view[pos:end])
        offs.add_run(pos, end - pos)
    return "".join(text), offs


_ENTITY = re.compile(r"&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}))(;?)")


def decode_entity(raw: str, pos: int) -> tuple[str, int] | None:
    """The character(s) a character reference at ``raw[pos]`` stands for (``&ldquo;``,
    ``&#8220;``, ``&#x201c;``, a legacy ``&nbsp`` without ``;``) and its length in raw, or
    None when the ``&`` opens none."""
    m = _ENTITY.match(raw, pos)
    if not m:
        return None
    if m[3]:
        text = html5.get(m[3] + m[4])
        if text is None:
            return None
    else:
        text = unescape(m.group())  # numeric: out-of-range and NUL give U+FFFD
    return text, m.end() - pos
