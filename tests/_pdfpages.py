"""PDF pages typeset in the tests (and benchmarks/pdf_speed.py) with reportlab's built-in
CJK font, so no PDF is stored in the repository and every page says what it was made of.

A page is a list of ``Story`` (kicker, headline, paragraphs) flowed through columns the way
a newspaper sets them: a story's headline (a larger font) over its body, the body's first
lines indented two characters, a column full goes on at the top of the next, a page full on
the next page. A story may carry its headline vertically (one character a line, beside its
body) or a table of figures under its body.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

A4 = (595.0, 842.0)
BODY, HEAD, KICKER = 10.0, 18.0, 12.0


@dataclass
class Story:
    """One article to typeset.

    headline (str): set in the headline font ("" for none).
    paragraphs (list[str]): the body, a paragraph each (its first line indented).
    kicker (str): a line over the headline in a middle size.
    vertical (bool): the headline stands beside the body, one character a line.
    table (list[list[str]]): rows of cells set under the body, a column each.
    """

    headline: str
    paragraphs: list[str]
    kicker: str = ""
    vertical: bool = False
    table: list[list[str]] = field(default_factory=list)


def _width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)


def wrap(text: str, size: float, width: float, indent: float = 0.0) -> list[str]:
    """``text`` broken into lines of at most ``width`` points (the first ``indent`` less)."""
    lines, line, room = [], "", width - indent
    for ch in text:
        if line and _width(line + ch, size) > room:
            lines.append(line)
            line, room = "", width
        line += ch
    if line:
        lines.append(line)
    return lines


class _Flow:
    """Where the next line goes: column, page, height left. With ``scramble``, a page's
    characters are drawn one at a time in a shuffled order (as some PDF writers do: the
    order a PDF draws its text in says nothing about reading order)."""

    def __init__(self, c: canvas.Canvas, columns: int, size: tuple[float, float], margin: float, gutter: float,
                 scramble: bool = False):
        self.c, self.columns, self.size, self.margin, self.gutter = c, columns, size, margin, gutter
        self.width = (size[0] - 2 * margin - gutter * (columns - 1)) / columns
        self.col, self.y = 0, size[1] - margin
        self.scramble, self.ops = scramble, []
        self.rng = random.Random(17)

    def text(self, x: float, y: float, size: float, s: str) -> None:
        """Draw ``s`` at (x, y) (with ``scramble``, a character at a time, later)."""
        if not self.scramble:
            self.c.setFont(FONT, size)
            self.c.drawString(x, y, s)
            return
        for k, ch in enumerate(s):
            self.ops.append((x + _width(s[:k], size), y, size, ch))

    def page_end(self) -> None:
        self.rng.shuffle(self.ops)
        for x, y, size, ch in self.ops:
            self.c.setFont(FONT, size)
            self.c.drawString(x, y, ch)
        self.ops = []
        self.c.showPage()

    @property
    def x(self) -> float:
        return self.margin + self.col * (self.width + self.gutter)

    def room(self, height: float) -> None:
        """Go on in the next column (or page) unless ``height`` points fit here."""
        if self.y - height >= self.margin:
            return
        self.col += 1
        if self.col == self.columns:
            self.page_end()
            self.col = 0
        self.y = self.size[1] - self.margin

    def line(self, text: str, size: float, dx: float = 0.0) -> None:
        self.room(size * 1.5)
        self.y -= size * 1.5
        self.text(self.x + dx, self.y + size * 0.3, size, text)


def typeset(path: str | Path, stories: list[Story], columns: int = 2, size: tuple[float, float] = A4,
            margin: float = 40.0, gutter: float = 20.0, scramble: bool = False) -> Path:
    """Write ``stories`` as a PDF of ``columns`` columns (``scramble``: characters drawn
    one at a time, in a shuffled order). RETURNS (Path): the file."""
    path = Path(path)
    c = canvas.Canvas(str(path), pagesize=size, invariant=1)
    flow = _Flow(c, columns, size, margin, gutter, scramble)
    for story in stories:
        if story.vertical:
            _vertical_story(flow, story)
            continue
        flow.room(HEAD * 1.5 + BODY * 1.5 * 3)  # a headline never ends a column
        for line in wrap(story.kicker, KICKER, flow.width) if story.kicker else []:
            flow.line(line, KICKER)
        for line in wrap(story.headline, HEAD, flow.width) if story.headline else []:
            flow.line(line, HEAD)
        flow.y -= BODY * 0.5
        for para in story.paragraphs:
            for k, line in enumerate(wrap(para, BODY, flow.width, indent=2 * BODY)):
                flow.line(line, BODY, dx=2 * BODY if k == 0 else 0.0)
        if story.table:
            _table(flow, story.table)
        flow.y -= BODY
    flow.page_end()
    c.save()
    return path


def _vertical_story(flow: _Flow, story: Story) -> None:
    """The headline down the left edge of the column, one character a line; the body beside it."""
    step = HEAD * 1.25
    flow.room(step * len(story.headline) + HEAD)
    top, x = flow.y, flow.x
    for k, ch in enumerate(story.headline):
        flow.text(x, top - step * (k + 1), HEAD, ch)
    dx = HEAD * 2
    for para in story.paragraphs:
        for k, line in enumerate(wrap(para, BODY, flow.width - dx, indent=2 * BODY)):
            flow.line(line, BODY, dx=dx + (2 * BODY if k == 0 else 0.0))
    flow.y = min(flow.y, top - step * len(story.headline)) - BODY


def _table(flow: _Flow, rows: list[list[str]]) -> None:
    """Rows of cells, each column as wide as its widest cell and two characters apart, with
    a line under the head row."""
    widths = [max(_width(r[j], BODY) for r in rows if j < len(r)) for j in range(max(len(r) for r in rows))]
    starts = [sum(widths[:j]) + 2 * BODY * j for j in range(len(widths))]
    for k, row in enumerate(rows):
        flow.room(BODY * 1.6)
        flow.y -= BODY * 1.6
        for j, text in enumerate(row):
            flow.text(flow.x + starts[j], flow.y + BODY * 0.3, BODY, text)
        if k == 0:
            flow.c.line(flow.x, flow.y, flow.x + flow.width, flow.y)


def image_only(path: str | Path) -> Path:
    """A PDF of one page holding a picture and no text: what a scanner makes."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    img = Image.new("L", (300, 400), 255)
    draw = ImageDraw.Draw(img)
    for k in range(20):
        draw.rectangle((20, 20 + k * 18, 280, 28 + k * 18), fill=60)  # lines of "print"
    path = Path(path)
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.drawImage(ImageReader(img), 40, 200, width=500, height=600)
    c.showPage()
    c.save()
    return path


def stories_of(articles) -> list[Story]:
    """Stories from articles kg read (``text.formats.split_articles``): kicker, headline,
    and the body's paragraphs as repaired (the byline is the body's first line)."""
    return [Story(a.headline, [p for p in a.text.split("\n") if p.strip()], kicker=a.kicker,
                  vertical=a.headline_source == "vertical") for a in articles]
