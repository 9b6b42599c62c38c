"""Repair PDF-extraction damage in one line of text, keeping a map back to raw offsets.

PDF text arrives with spaces where the printed line broke (高 峰介绍, 12月 28日) and,
on pages with a vertical headline, the headline's characters scattered one per printed
line among the body (统 蓝天、碧水… 筹 卫战…). ``repair_line`` removes the first and
lifts out the second; every character it keeps remembers its raw offset.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_WS = re.compile(r"[ \t\r\n\u3000\u00a0\u2002\u2003\u200b\ufeff]+")
_FRAGMENT = re.compile(r"[^ \t\r\n\u3000\u00a0\u2002\u2003\u200b\ufeff]+")
_SINGLE_HAN = re.compile(r"^[\u4e00-\u9fff]$")
_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


@dataclass(slots=True)
class Line:
    """A repaired line: text, raw offset of each character, scattered headline chars."""

    text: str
    offsets: list[int]
    raw_start: int
    raw_end: int
    scattered: list[tuple[str, int]] = field(default_factory=list)


def fragments(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """Whitespace-separated fragments of raw[start:end] as raw (start, end) pairs."""
    return [(m.start(), m.end()) for m in _FRAGMENT.finditer(raw, start, end)]


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
    lifted = scattered_fragments(raw, frags) if lift_scattered else set()
    out: list[str] = []
    offs: list[int] = []
    scattered: list[tuple[str, int]] = []
    prev_char = ""
    for i, (s, e) in enumerate(frags):
        if i in lifted:
            scattered.append((raw[s], s))
            continue
        piece = raw[s:e]
        if out and _ascii_alnum(prev_char) and _ascii_alnum(piece[0]):
            # keep one space between Latin words and numbers (EOD 项目 loses it, 2 x 3 keeps it)
            out.append(" ")
            offs.append(s - 1)
        for j, ch in enumerate(piece):
            if _CTRL.match(ch):
                continue
            out.append(ch)
            offs.append(s + j)
        prev_char = piece[-1]
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
    """Full-width ASCII variants to half-width, same length (text shown stays as written)."""
    return text.translate(_FULLWIDTH)


_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
