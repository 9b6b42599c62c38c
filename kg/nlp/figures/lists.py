"""Lists: a figure that goes on from the one before (增长8.9%、7.7%; 3至5个), the examples of a class counted
(A、B等五大产业), and things said one by one before 分别 (大米和玉米的产量分别…).
"""
from __future__ import annotations

import re

from .before import _indicator_before, _noun_phrase_before
from .owners import _is_place_only, _named_place
from .pos import _tags
from .tables import _ANY_DIGIT
from .vocab import _tidy_rules

_CONT = re.compile(r"\s*(?:[-—–~～至到、/]|和|及|与|或)\s*")

_EXAMPLES = re.compile(r"([^，,；;：:。、]{1,16}(?:、[^，,；;：:。、]{1,16})+)(等)?$")


#: a class named before its list of examples, across the colon that opens it (主要领域有：|A、B等11个方面)
_CLASS_HAS = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:主要)?(?:有|包括)[：:]$")


def _class_named(head: str, pre: str) -> str:
    """The class a colon-opened list of examples belongs to, named before 有： (资助的主要领域有：|能源、
    生物技术等|11个方面 -> 资助的主要领域), when the list opens the phrase; "" when none is named."""
    m = _EXAMPLES.search(pre.rstrip())
    if not m or m.start() != 0:
        return ""
    cm = _CLASS_HAS.search(head)
    return cm.group(1) if cm else ""


def _examples(pre: str) -> str:
    """The list of examples right before a count of a class (聚焦A、B等五大产业 -> A、B等),
    without the verb that opens it; "" when there is none."""
    m = _EXAMPLES.search(pre.rstrip())
    if not m:
        return ""
    items = m.group(1)
    verbs = _tidy_rules()["action"]
    for v in sorted(verbs, key=len, reverse=True):
        if items.startswith(v) and len(items) > len(v) + 1:
            items = items[len(v):]
            break
    out = items + (m.group(2) or "")
    return out if len(out) <= 30 else ""


#: a base that opens the first of a list and goes with each thing (单位国内生产总值能耗和…, 人均…)
_SHARED_BASE = re.compile(r"单位(?:国内生产总值|地区生产总值|GDP|工业增加值)|人均|万元(?:国内生产总值|地区生产总值|GDP)")
_LIST_JOIN_END = re.compile(r"(?:、|和|及|与|以及)$")
#: the joins of a list of things before 分别 (A和B的产量分别…, A、B、C分别为…)
_LIST_JOIN = re.compile(r"以及|和|与|及|、")
_RESPECTIVE_CUT = re.compile(r"[，,；;：:。！？!?\n“”\"（）()]")


def _respective(text: str, c0: int, c1: int, at: int, starts: list[int]) -> str:
    """The measure of the figure at ``at`` in a list said of things one by one (大米和玉米的产量
    分别下降13.4%和23.5% -> 大米产量, 玉米产量; 货运和客运密度分别是…的5.2倍和3.6倍 ->
    货运密度, 客运密度); "" when the clause has no such list, or its things and figures do not
    pair off (or the things are places: 甲国和乙国分别增长…, a place is the area, not the measure)."""
    k = text.rfind("分别", c0, at)
    if k < 0:
        return ""
    members = [x for x in starts if k < x < c1]
    if at not in members:
        return ""
    subject = text[c0:k]
    if (cut := list(_RESPECTIVE_CUT.finditer(subject))):
        subject = subject[cut[-1].end():]
    parts = [x.strip() for x in _LIST_JOIN.split(subject)]
    if len(parts) < 2 or len(parts) != len(members) or not all(parts) \
            or any(_ANY_DIGIT.search(x) or "《" in x or "》" in x for x in parts):
        return ""
    last = parts[-1]
    head = ""
    if "的" in last[1:-1]:
        last, _, head = last.rpartition("的")
    else:
        words = _tags(last)
        if len(words) >= 2 and len(words[-1][0]) >= 2 and words[-1][1] in ("n", "vn") \
                and not parts[0].endswith(words[-1][0]):
            head = words[-1][0]  # 客运|密度, 化学需氧量|排放量: the measure said once, after the last thing
            last = last[:-len(head)]
    parts[-1] = last
    first, _ = _noun_phrase_before(_indicator_before(parts[0], []))
    parts[0] = first or parts[0]
    if not head and (sm := _SHARED_BASE.match(parts[0])) and len(parts[0]) - sm.end() >= 2:
        # 单位国内生产总值能耗和二氧化碳排放: the base opens the first thing and goes with each
        parts = [parts[0]] + [x if x.startswith(sm.group(0)) else sm.group(0) + x for x in parts[1:]]
    if any(_is_place_only(x) or _named_place(x) for x in parts):
        return ""
    return parts[members.index(at)] + head
