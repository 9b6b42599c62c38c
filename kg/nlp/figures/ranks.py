"""A rank (列全省第1位, 排名居全国第12位): a figure of an ordinal indicator, named X + scope + 排名.

The seed gold of the bundled page reads a rank as an observation whose indicator is what is ranked, where
it is ranked and 排名 (…成绩列全省第1位 -> …成绩全省排名); the verb that places it (列, 居, 位居, 排名…)
and the scope go after what is ranked in the genre, so the phrase read back from 第 ends in them.
"""
from __future__ import annotations

import re

#: the end of the phrase before 第: the verb that places the rank, then the scope it is ranked in
_RANK_TAIL = re.compile(
    r"(?P<verb>位居|位列|名列|跃居|跃升至|上升至|升至|下降至|降至|排名居|排名列|排名|排在|排|列|居|位于)?"
    r"(?P<scope>全[省国市县区镇]|全球|世界|同[业行类]|国内|省内|市内)?(?:倒数)?$")

#: what is ranked already names its ranking (…排名居全国: the 排名 is said once)
_RANK_WORDS = ("排名", "名次", "位次", "排位")


def rank_phrase(ind: str) -> tuple[str, str]:
    """(what is ranked, where it is ranked) of the phrase read back from 第: the placing verb goes,
    the scope is kept apart; the phrase as it is and no scope ("") when neither a verb nor a scope
    ends it (no rank said)."""
    m = _RANK_TAIL.search(ind)
    if not m or not (m.group("verb") or m.group("scope")):
        return ind, ""
    what = ind[:m.start()]
    if m.group("verb") and m.group("verb").startswith("排名"):
        what += "排名"
    return what, m.group("scope") or ""


def rank_label(what: str, scope: str) -> str:
    """The indicator of a rank: what is ranked, its scope and 排名 (…成绩 全省 -> …成绩全省排名); a
    phrase that already names its ranking keeps that word (地区生产总值排名 全国 -> 地区生产总值全国排名);
    nothing ranked is no indicator."""
    if not what:
        return ""
    for word in _RANK_WORDS:
        if what.endswith(word):
            return what[:-len(word)] + scope + word
    return what + scope + "排名"
