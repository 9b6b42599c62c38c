"""The clause around a program name: its bounds, and the evidence words in it before or after the
name (a governing verb, a negative word, a stance word) that the decision policy reads.
"""
from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache

from .tables import _CLAUSE_END
from .vocab import _evidence_end_re, _evidence_re, _evidence_words

_CLAUSE_END_RE = re.compile("[" + re.escape(_CLAUSE_END) + "]")


@cache
def _mark_re(marks: str) -> re.Pattern:
    return re.compile("[" + re.escape(marks) + "]")


@lru_cache(maxsize=8)
def _mark_positions(text: str, marks: str) -> list[int]:
    """Where any of the characters ``marks`` stands in ``text``, in order, read once per text:
    the mark before or after a position is then a bisection, not a scan of the text per mark
    (a work report runs to 50,000 characters, and a mark it never holds, !, is sought to its start)."""
    return [m.start() for m in _mark_re(marks).finditer(text)]


def _mark_before(text: str, i: int, marks: str) -> int:
    """``max(text.rfind(c, 0, i) for c in marks)`` (i >= 0): the last mark before ``i``, or -1."""
    pos = _mark_positions(text, marks)
    k = bisect.bisect_left(pos, i)
    return pos[k - 1] if k else -1


def _mark_from(text: str, i: int, marks: str) -> int:
    """The first mark at or after ``i`` (i >= 0), or -1: the least ``text.find(c, i)`` found."""
    pos = _mark_positions(text, marks)
    k = bisect.bisect_left(pos, i)
    return pos[k] if k < len(pos) else -1


def _clause_before(text: str, start: int, width: int = 16) -> str:
    """The text of the clause before ``start`` (at most ``width`` characters)."""
    piece = text[max(0, start - width):start]
    m = _CLAUSE_END_RE.search(piece[::-1])  # the last clause mark: the first of the piece read backwards
    return piece[len(piece) - m.start():] if m else piece


#: a preposition after the verb opens a frame of its own (组织…在|校园科技活动中): the verb governs
#: something else
_FRAME_AFTER_VERB = re.compile(r"[在于从向]")
#: ... or a relative clause (创建卫生城市的|示范“样板”: the verb's object is 卫生城市), or a dash
#: (推出…新产品——“…”: the verb's object is the noun the quotation is in apposition to)
_FRAME_OR_RELATIVE = re.compile(r"[在于从向的]|——")


def _last_verb_governs(before: str, rx: re.Pattern, stop: re.Pattern = _FRAME_AFTER_VERB) -> bool:
    """Whether the last match of ``rx`` in ``before`` governs what follows ``before``: no
    preposition (or other ``stop``) stands between them."""
    last = None
    for last in rx.finditer(before):
        pass
    return last is not None and not stop.search(before, last.end())


def _governed(text: str, start: int, roles: tuple[str, ...] = ("govern",), width: int = 16,
              stop: re.Pattern = _FRAME_AFTER_VERB) -> bool:
    """Whether a governing verb stands in the clause before a name starting at ``start``
    (and no preposition after it opens a frame of its own, nor ``stop`` stands between)."""
    return _last_verb_governs(_clause_before(text, start, width), _evidence_re(*roles), stop)


def _governed_right_before(text: str, start: int) -> bool:
    """Whether a governing verb ends right where a name starts (实施|菜篮子工程), its aspect 了 between
    (制定了|…工程)."""
    end = start - 1 if text[start - 1:start] == "了" else start  # 制定了|…工程的实施意见
    return bool(_evidence_end_re("govern").search(text[max(0, end - 4):end]))


_MANNER_AFTER = re.compile(r"(?:深入|全面|顺利|加快|有效|稳步|扎实|认真|正式|开始|全力|持续)")


def _governed_after(text: str, he: int) -> bool:
    """Whether a governing verb follows the head (…计划的实施, …计划实施以来, …方案出台)."""
    i = he + 1 if text.startswith("的", he) else he
    m = _MANNER_AFTER.match(text, i)  # …战略|深入实施, …规划|顺利实施: an adverb of manner, then the verb
    return bool(_evidence_re("govern").match(text, m.end() if m else i))


#: a system the clause says is set up or improved after its name (国家助学制度|进一步完善, …制度|基本建立)
_SETTLED_AFTER = re.compile(r"(?:进一步|不断|逐步|初步|基本|全面|普遍|已经|已)?(?:完善|建立|健全|确立|推行|实行|实施|落实)"
                            r"(?:起来)?(?:[，,。；;]|$|以来)")


def _settled_after(text: str, he: int) -> bool:
    """Whether the clause after a head says the system is set up or improved (…制度进一步完善，)."""
    return bool(_SETTLED_AFTER.match(text, he))


def _negated(text: str, start: int, core: str = "", width: int = 10) -> bool:
    """A negative word in the name or in (the last ``width`` characters of) its clause before it."""
    rx = _evidence_re("negative")
    return bool(rx.search(core) or rx.search(_clause_before(text, start, width)))


@cache
def _stance_leads() -> tuple[str, ...]:
    """The stance words and each with 的 after it, in the order ``_stance_before`` tries them."""
    return tuple(lead for w in sorted(_evidence_words().get("stance", ())) for lead in (w, w + "的"))


def _stance_before(text: str, s: int) -> int:
    """Where a stance word that ends at ``s`` (积极|财政政策, 稳健的|货币政策) starts, else ``s``."""
    leads = _stance_leads()
    if not text.endswith(leads, 0, s):
        return s  # (most names have none: one test of them all)
    for lead in leads:
        if text.endswith(lead, 0, s):
            return s - len(lead)
    return s


def _clause_at(text: str, i: int) -> str:
    """The clause around ``i`` (between clause marks)."""
    hi = _mark_from(text, i, _CLAUSE_END)
    return text[_mark_before(text, i, _CLAUSE_END) + 1:hi if hi != -1 else len(text)]


_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"|「[^「」]*」|『[^『』]*』")


def _governed_outside_quotes(text: str, start: int) -> bool:
    """Whether a governing verb stands in the clause before ``start``, quotations left out
    (“积极探索”、“求真务实”: the verb inside a quotation governs nothing)."""
    before = _QUOTED.sub("", _clause_before(text, start, 30))
    return _last_verb_governs(before, _evidence_re("govern"), _FRAME_OR_RELATIVE)
