"""Changes of post: appointments, elections, removals, resignations, transfers, retirements
and successions, as the genre writes them.

    决定任命林某为某市副市长        appointment   the post begins at the report's date
    林某当选某市市长 / 选举林某为…   election      begins
    林某调任某局局长                transfer      begins
    林某同志任某市委书记             appointment   begins
    免去林某的某市副市长职务          removal       ends
    林某辞去某局局长职务             resignation   ends
    林某不再担任某局局长              removal       ends
    林某接替王某任某局局长            succession    林某's post begins, 王某's ends, and 林某 succeeded 王某
    林某退休                        retirement    (no post named: the event alone)

The post in a change is read by the same grammar as any post: the phrase is parsed as
``POST + NAME`` (the order the grammar knows), so agency, role and implicit agency come
out exactly as for 某市副市长林某. A change that names no post the grammar can read is
kept as an event with its person only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_N = r"(?P<name>[\u4e00-\u9fff·]{2,4}?)(?:同志)?"
_P = r"(?P<post>[\u4e00-\u9fff（）()]{2,40}?)"
_PRED = r"(?P<pred>[\u4e00-\u9fff·]{2,4}?)(?:同志)?"
_STOP = r"(?=[，。；、,;：:\n]|$)"

#: kind, whether the post begins (True) or ends (False) there, pattern, and the verb of a
#: pattern that opens with the name (None where a literal opens it): such a pattern is tried
#: only just before its verb (the name and 同志 take at most _REACH characters before it)
#: instead of at every character, which made this the slowest step of extraction. The name
#: group is bounded on both sides, or its left edge is checked against the person mentions.
PATTERNS: list[tuple[str, bool, re.Pattern, re.Pattern | None]] = [(kind, begins, re.compile(pattern), cue and re.compile(cue))
                                                                 for kind, begins, pattern, cue in (
    ("appointment", True, rf"任命{_N}为{_P}{_STOP}", None),
    ("appointment", True, rf"{_N}被任命为{_P}{_STOP}", "被任命为"),
    ("election", True, rf"选举{_N}为{_P}{_STOP}", None),
    ("election", True, rf"{_N}(?:当选为|当选){_P}{_STOP}", "当选"),
    ("transfer", True, rf"{_N}调任{_P}{_STOP}", "调任"),
    # 林某同志任某市委书记: a notice of appointment (not 曾任/现任/兼任, which report a career;
    # and no name ends in the first half of 担任/出任: 曾担|任 is 曾担任 'once served as')
    ("appointment", True,
     rf"{_N}(?<![曾现历兼原担出])(?:担任|出任|任)(?![命务何职期内])(?P<post>[\u4e00-\u9fff（）()、]{{2,40}}?){_STOP}", "任"),
    ("succession", True, rf"{_N}接替{_PRED}(?:担任|出任|任){_P}{_STOP}", "接替"),
    ("removal", False, rf"免去{_N}的{_P}职务", None),
    ("removal", False, rf"免去(?P<name>[\u4e00-\u9fff·]{{2,4}}?)同志的?{_P}职务", None),
    ("resignation", False, rf"{_N}辞去{_P}职务", "辞去"),
    ("removal", False, rf"{_N}不再担任{_P}(?:职务)?{_STOP}", "不再担任"),
    ("retirement", False, rf"{_N}(?:光荣)?退休", "退休"),
)]
_REACH = 8
LEFT_BOUNDED = ("任命", "选举", "免去")
_CLAUSE_EDGE = set("，。；：、\n,;: ") | {""}  # a name right after these starts there


@dataclass(frozen=True, slots=True)
class ChangeMatch:
    """A change of post found in text (offsets into the text searched)."""

    kind: str
    begins: bool
    name: str
    name_start: int
    post: str  # '' when none is named (退休)
    post_start: int  # where the post begins in the text (-1: none)
    predecessor: str  # succession: the person replaced
    start: int
    end: int


def find_changes(text: str, name_starts: dict[int, str], surnames: set[str] | frozenset = frozenset()
                 ) -> list[ChangeMatch]:
    """Changes of post in ``text``.

    text (str): the article text (normalised for matching).
    name_starts (dict[int, str]): where the article's person mentions start -> name; a
        name the pattern does not bound on its left must be one of them (so 据林某调任… is
        not read as the name 据林某).
    surnames (set[str]): a name the pattern bounds on both sides (任命…为) must start with one.
    RETURNS (list[ChangeMatch]): in text order, one per change.
    """
    found: dict[tuple[int, str], ChangeMatch] = {}
    for kind, begins, pattern, cue in PATTERNS:
        for m in _matches(pattern, cue, text):
            name, start, end = m.group("name"), m.start("name"), m.end("name")
            before = text[start - 1] if start else ""
            if text[max(0, start - 2):start] in LEFT_BOUNDED or before in _CLAUSE_EDGE:
                if not (name[0] in surnames or name[:2] in surnames or start in name_starts):
                    continue  # 任命 + something that is no name
            else:
                # the name runs on to the left: take the person mention that ends where it ends
                known = [(s, n) for s, n in name_starts.items() if s + len(n) == end and s >= m.start() - 2]
                if not known:
                    continue
                start, name = min(known)
            if text[max(0, start - 2):start] == "接替":
                continue  # 甲接替|乙任某职: 乙 is the one replaced, the succession says so
            has_post = "post" in pattern.groupindex
            post = m.group("post") if has_post else ""
            pred = m.group("pred") if "pred" in pattern.groupindex else ""
            key = (start, post)
            if key not in found:
                found[key] = ChangeMatch(kind, begins, name, start, post, m.start("post") if has_post else -1, pred,
                                         min(m.start(), start), m.end())
    return sorted(found.values(), key=lambda c: (c.start, c.end, c.kind))


def _matches(pattern: re.Pattern, cue: re.Pattern | None, text: str):
    """``pattern.finditer(text)``, trying a pattern that opens with the name only within
    _REACH characters before an occurrence of its verb ``cue``: the same matches, in the same
    order (a match needs its verb there, and positions are tried left to right, each match
    resuming where the last one ended)."""
    if cue is None:
        yield from pattern.finditer(text)
        return
    resume = 0
    for hit in cue.finditer(text):
        at = max(resume, hit.start() - _REACH)
        while at <= hit.start():
            m = pattern.match(text, at)
            if m:
                yield m
                at = max(m.end(), at + 1)
            else:
                at += 1
        resume = max(resume, at)
