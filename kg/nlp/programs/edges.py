"""Where a name read leftwards from its head starts: after a boundary word (a governing verb),
punctuation, or the longest name; balanced brackets are read through.
"""
from __future__ import annotations

import re
from functools import cache

from .pos import _tags
from .tables import _AGENT_END, _BODY_LAST, _CLAUSE_END, _ISSUE_WORDS, _NAME_MAX
from .vocab import _boundaries, _edge_tables, _weak

_STOP_CHARS = frozenset(_CLAUSE_END + "《》“”\"")
_CJK_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9０-９()（）·+、“”\"]")
#: _CJK_NAME outside the CJK block, for a test of one character without a regex
_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789０１２３４５６７８９()（）·+、“”\"")


def _edge_ends_at(text: str, i: int, sets) -> bool:
    """Whether a strong boundary word (of the last 1..4 characters) ends at i."""
    for k, words in sets:
        if k <= i and text[i - k:i] in words:
            return True
    return False


def _weak_start(text: str, i: int, sets) -> int:
    """Start of the longest weak boundary word (of the last 1..4 characters) that ends at i, or -1."""
    for k, words in sets:
        if k <= i and text[i - k:i] in words:
            return i - k
    return -1


_ISSUE_LAST = frozenset(w[-1] for w in _ISSUE_WORDS)
_VERB_JOINS = frozenset("和与及并")
_PART_BEFORE_BU = frozenset("内外全局东西南北中")  # 内部, 全部, 西部: 部 of a part or a region


def _body_issues_at(text: str, i: int) -> bool:
    """Whether a body and a verb that issues or amends a document end at ``i`` (证监会发布|…,
    人社部印发|…, 全国人大常委会修改|…, 市政府制定|…): the body is the verb's subject, and neither
    is part of the name after them. A body's name ends in one of ``_BODY_LAST`` (its short forms
    too: 证监会, 发改委, 统计局, 海关总署) or is one of ``_AGENT_END`` (政府, 人大, 中央 …)."""
    for w in _ISSUE_WORDS:
        if text.endswith(w, 0, i):
            b = i - len(w)
            if b > 1 and text[b - 1] == "部" and text[b - 2] in _PART_BEFORE_BU:
                return False  # 内部|发布…, 西部: a part or a region, no body
            return b > 0 and (text[b - 1] in _BODY_LAST or bool(_AGENT_END.search(text, max(0, b - 3), b)))
    return False


def _left_edge(text: str, end: int, limit: int, stop_at: int = 0) -> int:
    """Where a name ending at ``end`` starts: after the governing verb, punctuation, or
    ``limit`` characters back; balanced brackets are read through."""
    # boundary words are set look-ups of the last 1..4 characters (a newline stops first)
    edge_sets, weak_sets, edge_last, weak_last, special = _edge_tables()
    i = end
    depth = 0
    floor = max(stop_at, end - limit)
    while i > floor:
        c = text[i - 1]
        if depth == 0 and "\u4e00" <= c <= "\u9fff" and c not in special and c not in _ISSUE_LAST:
            i -= 1  # a plain name character: none of the tests below stops here
            continue
        if c in ")）":
            depth += 1
        elif c in "(（":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0:
            if c in _STOP_CHARS:
                break
            if not ("\u4e00" <= c <= "\u9fff" or c in _NAME_CHARS):
                break  # _CJK_NAME
            if c in edge_last and _edge_ends_at(text, i, edge_sets):
                break
            if c in _ISSUE_LAST and _body_issues_at(text, i):
                break  # 证监会发布|…管理办法: a body and its issuing verb are no part of the name
            before = _weak_start(text, i, weak_sets) if c in weak_last else -1
            if before != -1:
                if before <= 0 or text[before - 1] in _CLAUSE_END or _edge_ends_at(text, before, edge_sets) \
                        or _weak_start(text, before, weak_sets) != -1 or _AGENT_END.search(text, max(0, before - 3), before) \
                        or text[before - 1] in _VERB_JOINS and (_edge_ends_at(text, before - 1, edge_sets)
                                                                 or _weak_start(text, before - 1, weak_sets) != -1):
                    break  # (政府|制定…规划: a body right before the verb is its subject, not part of the name;
                    # 完善和|推进…制度: verbs joined, the second ends the name as the first would)
        i -= 1
    return i


def _edge_inside_word(text: str, s: int, hs: int) -> int:
    """Where a name starts when the one-character boundary before ``s`` is part of a word
    (全国田径业余锻炼等级标准活动: 等 of 等级, 对外开放: 对 of 对外): read on leftwards."""
    lo = max(0, s - 3)
    pos = lo
    for w, _ in _tags(text[lo:hs]):
        end = pos + len(w)
        if pos <= s - 1 < end and end > s:
            return _left_edge(text, pos, max(1, _NAME_MAX - (hs - pos)))
        if end >= s:
            break
        pos = end
    return s


def _modal_edge(text: str, s: int, hs: int) -> int:
    """Where a name starts when the boundary verb before ``s`` follows 可 (可|持续发展战略: 可持续
    is an adjective, not the verb 持续): read on leftwards from before 可."""
    for k in (4, 3, 2):
        if s - k > 0 and text[s - k:s] in _boundaries() and text[s - k - 1] == "可":
            return _left_edge(text, s - k - 1, max(1, _NAME_MAX - (hs - s + k + 1)))
    return s


#: verbs that a name may hold after its field (服务业|扩大开放综合试点, 制造业|提升…行动): a boundary
#: elsewhere, inside a name when a lead verb governs the field right before them
_FIELD_VERBS = ("扩大", "提升", "提高", "促进", "深化", "优化")


def _field_verb_edge(text: str, s: int) -> int:
    """Where a name starts when the boundary before ``s`` is a verb of its own: one or two weak
    boundary verbs (or verbs of a field: 扩大, 提升 …) right after a lead verb are the name's first words
    (实施|创新驱动发展战略, 实行|改革开放政策, 实施|提升…质量三年行动); a field of one noun (2–4 characters,
    jieba's n, vn or nz) between a lead verb and a verb of a field, with no punctuation, is the name's
    start too (增设|服务业扩大开放|综合试点, the verb's object a boundary word too); else ``s``."""
    bounds, weak = _boundaries(), _weak()
    p = s
    for _ in range(2):
        word = text[p - 2:p]
        if word not in bounds or not (word in weak or word in _FIELD_VERBS):
            break
        p -= 2
        if any(text.startswith(lead, p - len(lead)) for lead in _lead_words()):
            return p
    p = s
    for _ in range(2):
        word = text[p - 2:p]
        if word not in bounds:
            return s
        p -= 2
        if word in _FIELD_VERBS:
            break
    else:
        return s
    for k in (4, 3, 2):
        f = p - k
        if f < 2:
            continue
        tags = _tags(text[f:p])
        if len(tags) == 1 and tags[0][1] in ("n", "vn", "nz") \
                and any(text.startswith(lead, f - len(lead)) for lead in _lead_words()):
            return f
    return s


@cache
def _lead_words() -> tuple[str, ...]:
    """The strong lead verbs of ``program-boundaries.tsv`` (实施, 开展, 启动 …), longest first."""
    weak = _weak()
    return tuple(sorted((w for w, role in _boundaries().items() if role == "lead" and w not in weak),
                        key=len, reverse=True))
