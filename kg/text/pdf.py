"""PDF pages: the text layer read in reading order, with where every character stands.

A PDF has no decoded text to slice, so kg defines one: the **source text** of a PDF is
its text layer written out in reading order, one paragraph a line, a blank line between
blocks. ``kg build`` keeps it beside the graph (``OUT/texts/``), every evidence offset of
a PDF indexes it (``raw[begin:end] == nif:anchorOf``, which ``kg validate`` checks there),
and every character of it remembers its page and box, so evidence also carries the page
and the box where it is printed (``kg:page``, ``kg:bbox``).

The characters and their boxes come from pypdfium2 (PDFium: about 7 times as fast as
pdfminer.six on a two-column page here, and no layout of its own to undo). The layout is
kg's, read from the boxes alone (the order a PDF happens to draw its text in means
nothing):

- glyphs of one size on one baseline, close together, make a line; a column of single
  characters stacked one a line (a vertical headline) makes one headline, read top down;
- short lines side by side over two rows or more, with room between them, make a table:
  a row is read as a sentence (cells apart by a tab, read as ``，``, the last as ``。``);
- lines under each other, of one size, overlapping, make a block; blocks are ordered
  top down where they overlap across, left to right where nothing spans them both
  (Breuel's rule: columns and a headline across them come out in order), and a vertical
  headline comes before the body it stands beside;
- a line is a paragraph's first when it is indented or the line before it stops short;
  the lines of a paragraph are one line of the source text, so column and page breaks in
  a paragraph leave no trace;
- headline blocks (a larger font than the body's, or vertical) split the page into
  articles, and the text segmenter splits each part again at bylines and datelines.

A PDF without a text layer (a scan) is refused: kg does not OCR.
"""
from __future__ import annotations

import math
import unicodedata
from array import array
from collections import Counter
from dataclasses import dataclass, field, fields, is_dataclass, replace

from ..records import Article, Evidence, Source
from .views import Section, articles_of_view, line_of

NO_TEXT = "no text layer; kg does not OCR (a scanned page? give it a text layer first, e.g. with ocrmypdf)"

_SENT_END = "。！？!?…"
_CJK = ("\u3400", "\u9fff")


class PdfError(ValueError):
    """A PDF kg cannot read: encrypted, damaged, or without a text layer (the message says which)."""


@dataclass(slots=True)
class Glyph:
    """One character as printed: its text and box (PDF points, y up) and its font size."""

    ch: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float


@dataclass(slots=True)
class Piece:
    """A line of glyphs (kind "line"), a vertical headline ("vertical") or a table row
    ("row", its glyphs in ``cells``), on one page."""

    page: int
    glyphs: list[Glyph]
    kind: str = "line"
    cells: list[list[Glyph]] = field(default_factory=list)
    x0: float = 0.0
    y0: float = 0.0
    x1: float = 0.0
    y1: float = 0.0
    size: float = 0.0

    def __post_init__(self) -> None:
        gs = [g for cell in self.cells for g in cell] if self.cells else self.glyphs
        self.x0, self.y0 = min(g.x0 for g in gs), min(g.y0 for g in gs)
        self.x1, self.y1 = max(g.x1 for g in gs), max(g.y1 for g in gs)
        self.size = Counter(round(g.size, 1) for g in gs).most_common(1)[0][0]

    @property
    def text(self) -> str:
        return "".join(g.ch for g in self.glyphs)


@dataclass(slots=True)
class Block:
    """Pieces set under each other (a column's run of lines, a headline, a table)."""

    page: int
    pieces: list[Piece]
    kind: str  # line | vertical | row
    x0: float = 0.0
    y0: float = 0.0
    x1: float = 0.0
    y1: float = 0.0

    def grow(self, p: Piece) -> None:
        if not self.pieces:
            self.x0, self.y0, self.x1, self.y1 = p.x0, p.y0, p.x1, p.y1
        else:
            self.x0, self.y0 = min(self.x0, p.x0), min(self.y0, p.y0)
            self.x1, self.y1 = max(self.x1, p.x1), max(self.y1, p.y1)
        self.pieces.append(p)

    @property
    def size(self) -> float:
        return self.pieces[0].size

    @property
    def chars(self) -> int:
        return sum(len(p.glyphs) for p in self.pieces)


@dataclass(frozen=True, slots=True)
class Heading:
    """A headline line of the source text: [start, end) and its font size."""

    start: int
    end: int
    size: float


@dataclass(slots=True)
class PdfText:
    """A PDF's source text and where each of its characters stands.

    text (str): the source text (``Source.raw``): paragraphs a line, blocks apart by a blank line.
    view (str): ``text`` as segmentation reads it, as long as ``text`` (a table's tabs read as ``，``/``。``).
    pages (list[tuple[float, float, float, float]]): each page's box (x0 y0 x1 y1, points).
    page_of (array): 1-based page of every character of ``text`` (0: written by kg, a line break).
    boxes (array): x0 y0 x1 y1 of every character, four floats each.
    headings (list[Heading]): the headline lines, in order.
    """

    text: str
    view: str
    pages: list[tuple[float, float, float, float]]
    page_of: array
    boxes: array
    headings: list[Heading]

    def where(self, start: int, end: int) -> tuple[int, str] | None:
        """The page (1-based) and box ("x0 y0 x1 y1", points) of text[start:end]: the first
        page it is printed on and the box around its characters there; None when none of
        them is printed (an empty span, a line break)."""
        page = next((self.page_of[i] for i in range(start, min(end, len(self.page_of))) if self.page_of[i]), 0)
        if not page:
            return None
        b = self.boxes
        on = [i for i in range(start, min(end, len(self.page_of))) if self.page_of[i] == page]
        px0, py0, px1, py1 = self.pages[page - 1]
        x0 = max(px0, math.floor(min(b[4 * i] for i in on) * 10) / 10)
        y0 = max(py0, math.floor(min(b[4 * i + 1] for i in on) * 10) / 10)
        x1 = min(px1, math.ceil(max(b[4 * i + 2] for i in on) * 10) / 10)
        y1 = min(py1, math.ceil(max(b[4 * i + 3] for i in on) * 10) / 10)
        return page, f"{x0:.1f} {y0:.1f} {x1:.1f} {y1:.1f}"


# -- reading the text layer ----------------------------------------------------------


def read(data: bytes) -> PdfText:
    """The source text of a PDF, in reading order, with every character's page and box.

    data (bytes): the PDF file.
    RETURNS (PdfText): the text, its view, positions and headline lines.
    RAISES PdfError: encrypted, damaged, or no text layer (``NO_TEXT``).
    """
    pages, glyphs = _glyphs(data)
    readable = sum(1 for page in glyphs for g in page if g.ch != "\ufffd")
    if not readable:
        raise PdfError(NO_TEXT)
    body = _body_size(glyphs)
    blocks = []
    for number, page in enumerate(glyphs, start=1):
        pieces = _verticals(_lines(number, page), body)
        blocks.extend(_order(_tables(_blocks(pieces), body)))
    return _write(blocks, body, pages)


def _glyphs(data: bytes) -> tuple[list[tuple[float, float, float, float]], list[list[Glyph]]]:
    """Every page's box and its printed characters (spaces left out), via PDFium."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        if "password" in str(err).lower():
            raise PdfError("an encrypted PDF (it needs a password); save a copy without one") from None
        raise PdfError(f"not a PDF kg can open ({err}); is the file whole?") from None
    pages, out = [], []
    rect = pdfium_c.FS_RECTF()
    try:
        for k in range(len(doc)):
            page = doc[k]
            px0, py0, px1, py1 = box = tuple(page.get_mediabox())
            pages.append(box)
            textpage = page.get_textpage()
            tp = textpage.raw
            n = pdfium_c.FPDFText_CountChars(tp)
            text = textpage.get_text_range(0, n) if n > 0 else ""
            per_char = len(text) == n  # one UTF-16 unit per character: read them in one call
            glyphs = []
            for i in range(max(n, 0)):
                ch = text[i] if per_char else chr(pdfium_c.FPDFText_GetUnicode(tp, i) or 0xFFFD)
                if ch.isspace() or ch == "\x02":  # a space, a line-end hyphen PDFium marks
                    continue
                if not ch.isprintable():
                    if unicodedata.category(ch) == "Cf":  # soft hyphen, zero-width marks
                        continue
                    ch = "\ufffd"  # a glyph without a Unicode value (a private-use code): damage, kept as such
                pdfium_c.FPDFText_GetLooseCharBox(tp, i, ctypes.byref(rect))
                size = pdfium_c.FPDFText_GetFontSize(tp, i) or (rect.top - rect.bottom)
                x0, x1 = min(rect.left, rect.right), max(rect.left, rect.right)
                y0 = min(rect.bottom, rect.top)
                if x1 < px0 or x0 > px1 or y0 > py1 or max(rect.top, y0 + size) < py0:
                    continue  # off the page: never printed
                glyphs.append(Glyph(ch, x0, y0, max(x1, x0 + 0.01), max(rect.top, y0 + size), size))
            textpage.close()
            page.close()
            out.append(glyphs)
    finally:
        doc.close()
    return pages, out


def _body_size(pages: list[list[Glyph]]) -> float:
    """The font size most characters are printed in: the body's."""
    sizes = Counter(round(g.size, 1) for page in pages for g in page)
    return sizes.most_common(1)[0][0] if sizes else 10.0


# -- lines, vertical headlines, tables ------------------------------------------------


def _joins(a: Glyph | Piece, b: Glyph | Piece) -> bool:
    """``b`` goes on the line of ``a``: one size, one baseline, next to it."""
    size = max(a.size, b.size)
    return (abs(a.size - b.size) <= 0.1 * size and abs(a.y0 - b.y0) <= 0.25 * size
            and -0.3 * size <= b.x0 - a.x1 <= 0.8 * size)


def _lines(page: int, glyphs: list[Glyph]) -> list[Piece]:
    """Glyphs into lines: runs in drawing order first, then runs on one baseline that
    touch (a PDF may draw a line in several pieces, in any order)."""
    runs: list[list[Glyph]] = []
    for g in glyphs:
        if runs and _joins(runs[-1][-1], g):
            runs[-1].append(g)
        else:
            runs.append([g])
    pieces = sorted((Piece(page, r) for r in runs), key=lambda p: (-p.y0, p.x0))
    merged: list[Piece] = []
    for row in _rows_of(pieces):
        row.sort(key=lambda p: p.x0)
        line = row[0]
        for p in row[1:]:
            if _joins(line, p):
                line = Piece(page, line.glyphs + p.glyphs)
            else:
                merged.append(line)
                line = p
        merged.append(line)
    return merged


def _rows_of(pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces (sorted top down) grouped by baseline."""
    rows: list[list[Piece]] = []
    for p in pieces:
        if rows and abs(rows[-1][0].y0 - p.y0) <= 0.25 * max(p.size, rows[-1][0].size):
            rows[-1].append(p)
        else:
            rows.append([p])
    return rows


def _is_cjk(ch: str) -> bool:
    return _CJK[0] <= ch <= _CJK[1]


def _verticals(pieces: list[Piece], body: float) -> list[Piece]:
    """Single characters stacked one a line (three or more; two in a headline's size) as
    one vertical headline, read top down. A longer stack (over 40) is text set vertically:
    one line of it, not a headline."""
    singles = sorted((p for p in pieces if len(p.glyphs) == 1 and _is_cjk(p.glyphs[0].ch)),
                     key=lambda p: (-p.y0, p.x0))
    stacks: list[list[Piece]] = []
    growing: list[list[Piece]] = []  # stacks whose last character may still have one under it
    for p in singles:
        growing = [st for st in growing if st[-1].y0 - p.y1 <= 0.9 * st[-1].size]
        for stack in growing:
            q = stack[-1]
            if (abs((q.x0 + q.x1) / 2 - (p.x0 + p.x1) / 2) <= 0.25 * q.size and abs(q.size - p.size) <= 0.1 * q.size
                    and -0.2 * q.size <= q.y0 - p.y1):
                stack.append(p)
                break
        else:
            stacks.append([p])
            growing.append(stacks[-1])
    taken: set[int] = set()
    out = []
    for stack in stacks:
        if len(stack) >= 3 or (len(stack) == 2 and stack[0].size >= 1.2 * body):
            out.append(Piece(stack[0].page, [p.glyphs[0] for p in stack], kind="vertical" if len(stack) <= 40 else "line"))
            taken.update(id(p) for p in stack)
    return [p for p in pieces if id(p) not in taken] + out


# -- blocks and their order -----------------------------------------------------------


def _blocks(pieces: list[Piece]) -> list[Block]:
    """Pieces under each other, of one kind and size, overlapping across, as blocks."""
    blocks: list[Block] = []
    for p in sorted(pieces, key=lambda p: (-p.y1, p.x0)):
        if p.kind == "vertical":
            blocks.append(Block(p.page, [], "vertical"))
            blocks[-1].grow(p)
            continue
        best, best_gap = None, None
        for b in blocks:
            q = b.pieces[-1]
            if b.kind != p.kind or abs(q.size - p.size) > 0.1 * q.size:
                continue
            gap = q.y0 - p.y1
            if -0.3 * p.size <= gap <= 1.0 * p.size and _under(b, q, p) and (best_gap is None or gap < best_gap):
                best, best_gap = b, gap
        if best is None:
            best = Block(p.page, [], p.kind)
            blocks.append(best)
        best.grow(p)
    return blocks


def _under(b: Block, q: Piece, p: Piece) -> bool:
    """``p`` goes on block ``b`` under its last line ``q``: they overlap across, and ``p``
    starts where the block does (give or take an indent), ends where ``q`` ends, or is
    centred under it (a headline)."""
    s = p.size
    if min(q.x1, p.x1) - max(q.x0, p.x0) < 0.5 * min(q.x1 - q.x0, p.x1 - p.x0):
        return False
    return (abs(p.x0 - b.x0) <= 3 * s or abs(p.x1 - q.x1) <= 0.5 * s
            or abs((p.x0 + p.x1) - (q.x0 + q.x1)) <= 2 * s)


def _tables(blocks: list[Block], body: float) -> list[Block]:
    """Blocks of short lines side by side whose lines stand on the same baselines, with
    room between them, as one table: a row a piece, its cells kept apart. A column of
    text is no column of cells: its lines run to one right edge and fill its width."""
    blocks = _split_labels(blocks, body)
    cells = [_cell_column(b, body) for b in blocks]
    right: dict[int, int] = {}
    for i, a in enumerate(blocks):
        if not cells[i]:
            continue
        nxt = [j for j, b in enumerate(blocks) if cells[j] and j != i and _beside_cells(a, b)]
        if nxt:
            right[i] = min(nxt, key=lambda j: blocks[j].x0)
    starts = sorted(set(right) - set(right.values()), key=lambda i: (blocks[i].x0, -blocks[i].y1))
    tables, taken = [], set()
    for i in starts:
        chain = [i]
        while chain[-1] in right and right[chain[-1]] not in chain:
            chain.append(right[chain[-1]])
        taken.update(chain)
        pieces = sorted((p for k in chain for p in blocks[k].pieces), key=lambda p: (-p.y0, p.x0))
        table = Block(blocks[i].page, [], "row")
        for row in _rows_of(pieces):
            row.sort(key=lambda p: p.x0)
            table.grow(Piece(table.page, [g for p in row for g in p.glyphs], kind="row", cells=[p.glyphs for p in row]))
        tables.append(table)
    return [b for k, b in enumerate(blocks) if k not in taken] + tables


def _split_labels(blocks: list[Block], body: float) -> list[Block]:
    """A table set right under text, flush with it, leaves its first column in the text's
    block: where the lines of a block stand level with a column of cells on its right and
    read as cells with it, they become a block of their own."""
    out = list(blocks)
    for b in [b for b in blocks if _cell_column(b, body)]:
        near = [a for a in out if a is not b and a.kind == "line" and a.page == b.page and a.x0 < b.x0]
        a = max(near, key=lambda a: (len(_level_with(a, b)), a.x1), default=None)
        if a is None or (_cell_column(a, body) and _beside_cells(a, b)):
            continue  # nothing on its left, or a whole column of cells already
        hits = _level_with(a, b)
        if len(hits) < 2:
            continue
        above, run, below = a.pieces[:hits[0]], a.pieces[hits[0]:hits[-1] + 1], a.pieces[hits[-1] + 1:]
        label = _block_of(a.page, run)
        if _cell_column(label, body) and _beside_cells(label, b):
            k = out.index(a)
            out[k:k + 1] = [blk for blk in (_block_of(a.page, above), label, _block_of(a.page, below)) if blk.pieces]
    return out


def _level_with(a: Block, b: Block) -> list[int]:
    """The lines of ``a`` (their indexes) on ``b``'s baselines, ending left of it."""
    return [k for k, p in enumerate(a.pieces) if p.x1 <= b.x0 + 1.0 and b.x0 - p.x1 <= 12 * p.size
            and any(abs(p.y0 - q.y0) <= 0.25 * p.size for q in b.pieces)]


def _block_of(page: int, pieces: list[Piece]) -> Block:
    block = Block(page, [], "line")
    for p in pieces:
        block.grow(p)
    return block


def _cell_column(b: Block, body: float) -> bool:
    """A block that may be a table's column: short lines in the body's size or smaller,
    not a column of text (most of its lines, long ones, ending at one right edge)."""
    if b.kind != "line" or len(b.pieces) < 2 or b.size >= 1.2 * body or any(len(p.glyphs) > 20 for p in b.pieces):
        return False
    flush = sum(abs(p.x1 - b.x1) <= 0.5 * p.size for p in b.pieces)
    return not (flush >= 0.6 * len(b.pieces) and b.chars >= 8 * len(b.pieces))


def _beside_cells(a: Block, b: Block) -> bool:
    """Block ``b`` is the next column of cells right of ``a``: near, level, of one size, with
    two lines or more on ``a``'s baselines, and ``a``'s lines filling less than 3/4 of the
    way to it."""
    s = a.size
    if b.page != a.page or abs(b.size - s) > 0.1 * s or not 0 <= b.x0 - a.x1 <= 12 * s:
        return False
    if min(a.y1, b.y1) - max(a.y0, b.y0) < 0.5 * min(a.y1 - a.y0, b.y1 - b.y0):
        return False
    level = sum(any(abs(p.y0 - q.y0) <= 0.25 * s for q in b.pieces) for p in a.pieces)
    fill = sum(p.x1 - p.x0 for p in a.pieces) / len(a.pieces) / (b.x0 - a.x0)
    return level >= 2 and level >= 0.6 * min(len(a.pieces), len(b.pieces)) and fill <= 0.75


def _order(blocks: list[Block]) -> list[Block]:
    """Blocks in reading order: a before b when they overlap across and a is above, or a is
    left of b and no block between them spans both (Breuel's rule); a vertical headline
    before the blocks beside it (on its right, else on its left)."""
    n = len(blocks)
    if n < 2:
        return blocks
    tol = 1.0
    before: list[set[int]] = [set() for _ in range(n)]  # before[j]: blocks that come before j
    mid = [(b.y0 + b.y1) / 2 for b in blocks]
    across = [{k for k, c in enumerate(blocks) if k != i and min(a.x1, c.x1) - max(a.x0, c.x0) > tol}
              for i, a in enumerate(blocks)]  # the blocks each one overlaps across
    for i, a in enumerate(blocks):
        for j, b in enumerate(blocks):
            if i == j:
                continue
            if j in across[i]:
                if mid[i] > mid[j]:
                    before[j].add(i)
            elif a.x1 <= b.x0 + tol:
                low, high = min(mid[i], mid[j]), max(mid[i], mid[j])
                if not any(low < mid[k] < high for k in across[i] & across[j]):
                    before[j].add(i)
    for v, head in enumerate(blocks):
        if head.kind == "vertical":
            for j in _beside(blocks, v):
                before[j].add(v)
                before[v].discard(j)
    return [blocks[k] for k in _topological(blocks, before)]


def _beside(blocks: list[Block], v: int) -> list[int]:
    """The blocks a vertical headline heads: those level with it in the column next to it
    on its right (else on its left)."""
    head = blocks[v]
    level = [j for j, b in enumerate(blocks) if j != v and min(b.y1, head.y1) - max(b.y0, head.y0) > 0]
    right = [j for j in level if blocks[j].x0 >= head.x1 - 1.0]
    if right:
        near = min(right, key=lambda j: blocks[j].x0)
        return [j for j in right if blocks[j].x0 < blocks[near].x1]
    left = [j for j in level if blocks[j].x1 <= head.x0 + 1.0]
    if left:
        near = max(left, key=lambda j: blocks[j].x1)
        return [j for j in left if blocks[j].x1 > blocks[near].x0]
    return []


def _topological(blocks: list[Block], before: list[set[int]]) -> list[int]:
    """An order that keeps every ``before`` (leftmost, then topmost, first among the free);
    where the rules contradict each other (a cycle), the leftmost topmost block goes next."""
    key = [(round(b.x0), -b.y1, k) for k, b in enumerate(blocks)]
    left = set(range(len(blocks)))
    order: list[int] = []
    while left:
        free = [k for k in left if not (before[k] & left)]
        nxt = min(free or left, key=lambda k: key[k])
        order.append(nxt)
        left.discard(nxt)
    return order


# -- the source text --------------------------------------------------------------------


class _Writer:
    """The source text, its view and every character's position, written in order."""

    def __init__(self) -> None:
        self.text: list[str] = []
        self.view: list[str] = []
        self.page_of = array("H")
        self.boxes = array("f")
        self.n = 0

    def glyph(self, page: int, g: Glyph) -> None:
        self.put(g.ch, g.ch, page, (g.x0, g.y0, g.x1, g.y1))

    def put(self, ch: str, seen: str, page: int = 0, box=(0.0, 0.0, 0.0, 0.0)) -> None:
        self.text.append(ch)
        self.view.append(seen)
        self.page_of.append(page)
        self.boxes.extend(box)
        self.n += 1

    @property
    def last(self) -> str:
        return self.text[-1] if self.text else ""

    def glue(self, prev: str, nxt: str) -> None:
        """A space where a line break fell between two Latin words (not inside a number)."""
        a, b = prev[-1:], nxt[:1]
        if a.isascii() and a.isalnum() and b.isascii() and b.isalnum() and not (a.isdigit() and b.isdigit()):
            self.put(" ", " ")

    def end_line(self) -> None:
        if self.n and self.text[-1] != "\n":
            self.put("\n", "\n")

    def blank(self) -> None:
        self.end_line()
        if self.n and (self.n < 2 or self.text[-2] != "\n"):
            self.put("\n", "\n")


def _write(blocks: list[Block], body: float, pages) -> PdfText:
    """The source text of blocks in reading order: a paragraph a line, a headline a line,
    a table row a line, blocks apart by a blank line."""
    w = _Writer()
    headings: list[Heading] = []
    open_para: Block | None = None  # the body block whose last paragraph may go on in the next one
    for b in blocks:
        heading = b.kind == "vertical" or (b.kind == "line" and b.size >= 1.2 * body and b.chars <= 80)
        if b.kind == "line" and not heading:
            goes_on = open_para is not None and _goes_on(open_para, b)
            if not goes_on:
                w.blank()
            open_para = _paragraphs(w, b, continued=goes_on)
            continue
        open_para = None
        w.blank()
        if b.kind == "row":
            _table(w, b)
        else:
            start = w.n
            for p in b.pieces:  # a headline over two lines is one line of the text
                w.glue(w.last, p.text)
                for g in p.glyphs:
                    w.glyph(b.page, g)
            headings.append(Heading(start, w.n, b.size))
    w.end_line()
    return PdfText("".join(w.text), "".join(w.view), list(pages), w.page_of, w.boxes, headings)


def _goes_on(before: Block, b: Block) -> bool:
    """Block ``b`` carries on the paragraph ``before`` left open: one size, a column as
    wide, its first line not indented (a folio or a caption between them is no paragraph's)."""
    s = b.size
    return (abs(before.size - s) <= 0.1 * s and abs((before.x1 - before.x0) - (b.x1 - b.x0)) <= 2 * s
            and not _indented(b, b.pieces[0]))


def _indented(b: Block, p: Piece) -> bool:
    return p.x0 > b.x0 + 0.8 * p.size


def _paragraphs(w: _Writer, b: Block, continued: bool) -> Block | None:
    """A body block's lines, a paragraph a line of the text. RETURNS the block when its
    last paragraph may go on in the next block (its last line runs to the edge, unended)."""
    prev: Piece | None = None
    for p in b.pieces:
        new = prev is not None and (_indented(b, p) or prev.x1 < b.x1 - 1.2 * p.size)
        if new:
            w.end_line()
        elif prev is not None or continued:
            w.glue(w.last, p.text)
        for g in p.glyphs:
            w.glyph(b.page, g)
        prev = p
    last = b.pieces[-1]
    full = last.x1 >= b.x1 - 1.2 * last.size and len(b.pieces) > 1
    return b if full and not last.text.endswith(tuple(_SENT_END)) else None


def _table(w: _Writer, b: Block) -> None:
    """A table a row a line: cells apart by a tab, which reads as ``，`` (the last as ``。``)."""
    for row in b.pieces:
        for cell in row.cells:
            for g in cell:
                w.glyph(b.page, g)
            w.put("\t", "，" if cell is not row.cells[-1] else "。")
        w.end_line()


# -- articles ---------------------------------------------------------------------------


def sections(pdf: PdfText) -> list[Section]:
    """The text split at its headline blocks: a part runs from the end of a run of headline
    lines (kicker, headline, subtitle) to the start of the next run; its headline is the
    run's line(s) in the largest size, the lines before them its kicker."""
    groups: list[list[Heading]] = []
    for h in pdf.headings:
        if groups and not pdf.text[groups[-1][-1].end:h.start].strip():
            groups[-1].append(h)
        else:
            groups.append([h])
    parts: list[tuple[int, int, Section]] = []  # (where its headline run starts, body start, section)
    if not groups or pdf.text[:groups[0][0].start].strip():
        parts.append((0, 0, Section(0, 0)))
    for group in groups:
        top = max(h.size for h in group)
        main = next(k for k, h in enumerate(group) if h.size == top)
        last = main
        while last + 1 < len(group) and group[last + 1].size == top:
            last += 1
        span = (group[main].start, group[last].end)
        kicker = "".join(line_of(pdf.view, h.start, h.end)[0] for h in group[:main])
        parts.append((group[0].start, group[-1].end, Section(0, 0, line_of(pdf.view, *span)[0], span, kicker=kicker)))
    ends = [run for run, _, _ in parts[1:]] + [len(pdf.text)]
    return [replace(sec, start=start, end=end) for (_, start, sec), end in zip(parts, ends)]


def articles(source: Source) -> list[Article]:
    """The articles of a PDF source (``source.raw`` is its source text, ``source.positions``
    the ``PdfText``): split at headline blocks, then by the segmenter at bylines."""
    pdf = source.positions
    if pdf is None:
        return []
    return articles_of_view(source, pdf.view, sections(pdf), layout=source.layout, headed="page")


# -- evidence on the page ---------------------------------------------------------------


def placed(record, pdf: PdfText):
    """``record`` (an Extraction, or any record) with the page and box of every evidence in it."""
    where: dict[tuple[int, int], tuple[int, str] | None] = {}

    def put(ev: Evidence) -> Evidence:
        key = (ev.start, ev.end)
        if key not in where:
            where[key] = pdf.where(ev.start, ev.end) if ev.end > ev.start else None
        at = where[key]
        return replace(ev, page=at[0], bbox=at[1]) if at else ev

    return _walk(record, put)


def _walk(obj, put):
    if isinstance(obj, Evidence):
        return put(obj)
    if isinstance(obj, Article):
        return obj
    if is_dataclass(obj) and not isinstance(obj, type):
        changed = {}
        for f in fields(obj):
            if not f.init:
                continue
            value = getattr(obj, f.name)
            new = _walk(value, put)
            if new is not value:
                changed[f.name] = new
        return replace(obj, **changed) if changed else obj
    if isinstance(obj, (list, tuple)):
        new = [_walk(v, put) for v in obj]
        if any(a is not b for a, b in zip(new, obj)):
            return type(obj)(new)
    return obj
