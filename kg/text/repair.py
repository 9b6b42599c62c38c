"""Repair PDF-extraction damage in one line of text, keeping a map back to raw offsets.

PDF text arrives with spaces where the printed line broke (高 峰介绍, 12月 28日) and,
on pages with a vertical headline, the headline's characters scattered one per printed
line among the body (统 蓝天、碧水… 筹 卫战…). ``repair_line`` removes the first and
lifts out the second; every character it keeps remembers its raw offset.
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate

_WS = re.compile(r"[ \t\r\n\u3000\u00a0\u2002\u2003\u200b\ufeff]+")
_FRAGMENT = re.compile(r"[^ \t\r\n\u3000\u00a0\u2002\u2003\u200b\ufeff]+")
_SINGLE_HAN = re.compile(r"^[\u4e00-\u9fff]$")
_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LATIN_GAP = re.compile(r"[A-Za-z0-9][ \t\u3000\u00a0\u2002\u2003\u200b\ufeff]+[A-Za-z0-9]")


class OffsetMap(Sequence):
    """Raw offset of every repaired character, stored as runs (compact for 50 MB files).

    ``m[i]`` is the raw offset of character ``i`` of the repaired text. Repair mostly
    drops characters (spaces, line breaks), so the map is a few runs per line: memory
    grows with the number of fragments, not of characters.
    """

    __slots__ = ("_clean", "_n", "_raw")

    def __init__(self, offsets=()) -> None:
        self._clean = array("q")
        self._raw = array("q")
        self._n = 0
        for off in offsets:
            self.add(off)

    def add_run(self, raw_start: int, length: int) -> None:
        """Append ``length`` characters taken from raw[raw_start:raw_start+length]."""
        if length <= 0:
            return
        n = self._n
        if n and self._raw[-1] + (n - self._clean[-1]) == raw_start:
            self._n = n + length  # continues the last run
            return
        self._clean.append(n)
        self._raw.append(raw_start)
        self._n = n + length

    def add(self, raw_pos: int) -> None:
        self.add_run(raw_pos, 1)

    @classmethod
    def from_runs(cls, clean_starts: list[int], raw_starts: list[int], total: int) -> OffsetMap:
        """Build from parallel run starts (already non-contiguous) and the total length."""
        m = cls()
        m._clean = array("q", clean_starts)
        m._raw = array("q", raw_starts)
        m._n = total
        return m

    def runs(self):
        """(raw_start, length) of every run, in order."""
        ends = list(self._clean[1:]) + [self._n]
        return [(r, e - c) for c, r, e in zip(self._clean, self._raw, ends)]

    def extend_map(self, other: OffsetMap) -> None:
        """Append another map (its characters follow this map's)."""
        if not other._n:
            return
        start = 0
        if self._n and self._raw[-1] + (self._n - self._clean[-1]) == other._raw[0]:
            start = 1  # the first run of ``other`` continues our last run
        shift = self._n
        self._clean.extend(c + shift for c in other._clean[start:])
        self._raw.extend(other._raw[start:])
        self._n += other._n

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i):
        if i.__class__ is int and 0 <= i < self._n:  # the common case first (evidence asks it twice a span)
            clean = self._clean
            k = bisect_right(clean, i) - 1
            return self._raw[k] + (i - clean[k])
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._n))]
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError("offset map index out of range")
        k = bisect_right(self._clean, i) - 1
        return self._raw[k] + (i - self._clean[k])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The raw [start, end) of the repaired span [start, end) (0 <= start < end <= len):
        ``(self[start], self[end - 1] + 1)`` with one search of the runs (a span mostly lies
        in one run; the end is looked for past the start's run only when it runs on)."""
        if not 0 <= start < end <= self._n:
            return self[start], self[end - 1] + 1  # (as the items: negative, or out of range)
        clean = self._clean
        k = bisect_right(clean, start) - 1
        last = end - 1
        if k + 1 < len(clean) and clean[k + 1] <= last:
            j = bisect_right(clean, last, k + 1) - 1
        else:
            j = k
        return self._raw[k] + (start - clean[k]), self._raw[j] + (last - clean[j]) + 1

    def __iter__(self):
        for raw_start, length in self.runs():
            yield from range(raw_start, raw_start + length)


@dataclass(slots=True)
class Line:
    """A repaired line: text, raw offset of each character, scattered headline chars."""

    text: str
    offsets: OffsetMap
    raw_start: int
    raw_end: int
    scattered: list[tuple[str, int]] = field(default_factory=list)


_TAGGED = re.compile(r"<[A-Za-z/!][^<>\n]{0,300}>|&(?:nbsp|ensp|emsp|#160);|[^\s<&]+|[<&]")


def fragments(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """Whitespace-separated fragments of raw[start:end] as raw (start, end) pairs.

    HTML tags and space entities (<p>, <br/>, &nbsp;) count as whitespace: pages
    scraped from the web keep their text, not their markup.
    """
    if "<" not in raw[start:end] and "&" not in raw[start:end]:
        return [m.span() for m in _FRAGMENT.finditer(raw, start, end)]
    out: list[tuple[int, int]] = []
    for m in _TAGGED.finditer(raw, start, end):
        tok = m.group()
        if (tok[0] == "<" and len(tok) > 1) or (tok[0] == "&" and len(tok) > 1):
            continue
        if out and out[-1][1] == m.start():
            out[-1] = (out[-1][0], m.end())  # a lone < or & glued to its word
        else:
            out.append((m.start(), m.end()))
    return out


def scattered_fragments(raw: str, frags: list[tuple[int, int]]) -> set[int]:
    """Indexes of fragments that look like vertical-headline characters.

    A lone CJK character between two longer fragments (or alone on its line) is what a
    vertical headline leaves behind when a column of body text is extracted beside it.
    A lone character next to a number (12 月 28 日) is a damaged date, not a headline.
    """
    found: set[int] = set()
    n = len(frags)
    if n == 1:
        s, e = frags[0]
        return {0} if e - s == 1 and _SINGLE_HAN.match(raw[s]) else found
    lone = [e - s == 1 and bool(_SINGLE_HAN.match(raw[s])) for s, e in frags]
    i = 0
    while i < n:
        if not lone[i]:
            i += 1
            continue
        j = i
        while j + 1 < n and lone[j + 1]:
            j += 1
        # a run of lone characters, framed by longer fragments that are not numbers
        prev = frags[i - 1] if i else None
        nxt = frags[j + 1] if j + 1 < n else None
        ok_prev = prev is None or (prev[1] - prev[0] >= 3 and not raw[prev[1] - 1].isdigit())
        ok_next = nxt is None or (nxt[1] - nxt[0] >= 3 and not raw[nxt[0]].isdigit())
        if ok_prev and ok_next and j - i < 3:
            found.update(range(i, j + 1))
        i = j + 1
    return found


def repair_line(raw: str, start: int, end: int, lift_scattered: bool = False) -> Line:
    """Repair raw[start:end] (one line, no newline).

    raw (str): the whole decoded source.
    start, end (int): the line's bounds in ``raw``.
    lift_scattered (bool): take lone vertical-headline characters out of the text.
    RETURNS (Line): repaired text with ``offsets[i]`` = raw offset of ``text[i]``.
    """
    frags = fragments(raw, start, end)
    lifted = scattered_fragments(raw, frags) if lift_scattered else ()
    if not lifted and frags and not _CTRL.search(raw, start, end) and not _LATIN_GAP.search(raw, start, end):
        # the common case: drop the whitespace, one run per fragment
        lens = [e - s for s, e in frags]
        offs = OffsetMap.from_runs(list(accumulate(lens[:-1], initial=0)), [s for s, _ in frags], sum(lens))
        return Line("".join([raw[s:e] for s, e in frags]), offs, start, end, [])
    out: list[str] = []
    clean_starts: list[int] = []
    raw_starts: list[int] = []
    n = 0
    scattered: list[tuple[str, int]] = []
    prev_char = ""
    for i, (s, e) in enumerate(frags):
        if i in lifted:
            scattered.append((raw[s], s))
            continue
        piece = raw[s:e]
        if n and prev_char.isascii() and prev_char.isalnum() and piece[0].isascii() and piece[0].isalnum():
            # keep one space between Latin words and numbers (EOD 项目 loses it, 2 x 3 keeps it)
            out.append(" ")
            clean_starts.append(n)
            raw_starts.append(s - 1)
            n += 1
        if _CTRL.search(piece):
            for j, ch in enumerate(piece):
                if not _CTRL.match(ch):
                    out.append(ch)
                    clean_starts.append(n)
                    raw_starts.append(s + j)
                    n += 1
        else:
            out.append(piece)
            clean_starts.append(n)
            raw_starts.append(s)
            n += e - s
        prev_char = piece[-1]
    # runs may touch (the inserted space, kept control-free characters): merge them
    offs = OffsetMap()
    if clean_starts:
        ends = clean_starts[1:] + [n]
        for c, r, e in zip(clean_starts, raw_starts, ends):
            offs.add_run(r, e - c)
    return Line("".join(out), offs, start, end, scattered)


def split_lines(raw: str) -> list[tuple[int, int]]:
    """(start, end) of every line of raw, without its line terminator."""
    spans = []
    pos = 0
    for chunk in raw.splitlines(keepends=True):
        body = chunk.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        spans.append((pos, pos + len(body)))
        pos += len(chunk)
    return spans


def normalize_for_matching(text: str) -> str:
    """Full-width ASCII variants to half-width, same length (text shown stays as written).

    What ``text.translate(_FULLWIDTH)`` gives, a replace per distinct full-width character
    the text holds (a few: ，：（）…), four times faster than translating every character; no
    half-width character is full-width, so the order of the replaces does not matter."""
    for ch in set(_HAS_FULLWIDTH.findall(text)):
        text = text.replace(ch, _HALF_WIDTH[ch])
    return text


_HAS_FULLWIDTH = re.compile("[\uff01-\uff5e\u3000]")


_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
_HALF_WIDTH = {chr(k): chr(v) for k, v in _FULLWIDTH.items()}
