"""Bylines read: the reporters a byline names and the medium it speaks for.

Segmentation keeps each article's byline line (its repaired text and the raw offset of
every character); here it is read: 本报讯(记者 X 通讯员 Y) -> (X, 记者), (Y, 通讯员);
新华社北京3月5日电 -> 新华社. Names run together (记者李文峰通讯员丁奇志张斌) are split with
the learned name model, which is why this is nlp and not text.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..text.repair import normalize_for_matching
from ..text.segment import BYLINE_MARK, ROLE_ALT, ROLE_WORDS, WIRE
from ..vocab.lexicon import lexicon
from .names import NameModel

_BYLINE_PAREN = re.compile(rf"^(?:{WIRE}|{BYLINE_MARK}本报讯)\s*\(([^)]{{1,60}})\)")


# 本报巴黎5月25日电记者甲、乙报道：… (a dateline, then the reporters, then the text)
_WIRE_REPORTED_BY = re.compile(rf"^{WIRE}((?:{ROLE_ALT})[^,。)：:]{{1,40}}?)(?:报道|$)")
_REPORTED_BY = re.compile(
    rf"^{BYLINE_MARK}[(]?[\u4e00-\u9fff]{{0,4}}?(?=(?:{ROLE_ALT}))((?:{ROLE_ALT})[^,。)]{{1,24}}?)(?:报道|发自|/文|/摄|[)]|$)"
)


_ROLE_SPLIT = re.compile("(" + ROLE_ALT + ")")


_PRESS = re.compile(rf"^{BYLINE_MARK}(?!{ROLE_ALT})([\u4e00-\u9fff]{{2,12}}?)(?:\d{{1,2}}月\d{{1,2}}日)?(?:讯|电)(?!员)")  # not 通讯员


_MEDIUM_END = re.compile(r"社|报|台|网|刊")
# a medium named at the end of a byline's piece, before the next role word (《某某》杂志|记者)
_MEDIUM_BEFORE_ROLE = re.compile(r"(《[^》]{1,20}》(?:杂志|杂志社|周刊|月刊|报|报社|电视台|网)?|[\u4e00-\u9fff]{2,8}(?:杂志社|杂志|电视台|电台|日报|晚报|报社|通讯社|网))$")
_MEDIUM_REPORTER = re.compile(
    rf"^{BYLINE_MARK}([\u4e00-\u9fff]{{2,10}}?(?:社|报|台|网|刊)|[\u4e00-\u9fff]{{2,4}}?)(?:特约|首席|实习|驻[\u4e00-\u9fff]{{2,4}})?记者")
_NO_MEDIUM = ("本报", "本刊", "本台", "本网", "特约", "首席", "实习")  # the page's own medium, or a reporter's rank


def press_of(byline: str) -> str:
    """The medium a byline names (新华社北京3月5日电 -> 新华社; 本报讯 -> 本报), or ""."""
    t = normalize_for_matching(byline)
    m = _PRESS.match(t)
    if not m:
        named = _MEDIUM_REPORTER.match(t)  # 体坛网记者某某, 每经记者某某: the medium is named before 记者
        medium = named.group(1) if named else ""
        if medium and medium not in _NO_MEDIUM and not medium.endswith("播报") and not _is_place(medium):
            return medium
        return "本报" if byline.lstrip("□■◆◇●○★☆▲△").startswith("本报") else ""
    name = m.group(1)
    if name.startswith("据"):  # 据新华社北京…电: "according to" is no part of the name
        name = name[1:]
    end = _MEDIUM_END.search(name)
    if end:  # 中新社华盛顿 -> 中新社: the medium's name ends in 社/报/台/网/刊
        return name[:end.end()]
    for place_len in (3, 2):  # 新华北京 -> 新华: a dateline place follows the medium
        if len(name) > place_len and _is_place(name[-place_len:]):
            return name[:-place_len]
    return name


def parse_byline(raw: str, byline: str, offsets: Sequence[int]) -> list[tuple[str, str, int, int, str]]:
    """Reporters of a byline as (name, role, raw_start, raw_end, medium); medium is "" for
    the byline's own (本报, 新华社…) and the name of another where the byline names one
    before the role (本报记者甲《某某》杂志记者乙).

    raw (str): the source's raw text.
    byline (str): the byline line as repaired (``Article.byline``).
    offsets (Sequence[int]): the raw offset of each character of ``byline``.

    The raw text is used where it still has the spaces that separate names; names run
    together (记者李文峰通讯员丁奇志张斌) are split with the name model.
    """
    if not byline:
        return []
    t = normalize_for_matching(byline)
    m = _BYLINE_PAREN.match(t) or _REPORTED_BY.match(t) or _WIRE_REPORTED_BY.match(t)
    if not m:
        return []
    inner_start, inner_end = m.start(1), m.end(1)
    # 龙跃北京报道: the place before 报道 is not part of the name
    if t[inner_end:inner_end + 2] == "报道":
        for n in (2, 3):
            if inner_end - n > inner_start and _is_place(t[inner_end - n:inner_end]):
                inner_end -= n
                break
    if inner_end <= inner_start:
        return []
    rs, re_ = offsets[inner_start], offsets[inner_end - 1] + 1
    inner_raw = raw[rs:re_]
    out: list[tuple[str, str, int, int, str]] = []
    role = "记者"
    medium = ""  # the byline's own medium, until a piece names another (《某某》杂志|记者)
    pos = rs
    pieces = _ROLE_SPLIT.split(inner_raw)
    for k, piece in enumerate(pieces):
        if piece in ROLE_WORDS:
            role = piece
        else:
            named = _MEDIUM_BEFORE_ROLE.search(piece) if k + 1 < len(pieces) else None
            if named:  # 本报记者甲《某某》杂志记者乙: 乙 is the magazine's, 甲 still the paper's
                piece = piece[:named.start()] + " " * (len(piece) - named.start())
            for tok in re.finditer(r"[\u4e00-\u9fff·]+(?:\s+[\u4e00-\u9fff](?![\u4e00-\u9fff]))?", piece):
                name = re.sub(r"\s+", "", tok.group())
                # where each character of the spaceless name stands in the raw text (高 峰)
                at = [pos + tok.start() + i for i, c in enumerate(tok.group()) if not c.isspace()]
                if name[-1:] in ("文", "图", "摄") and piece[tok.end():tok.end() + 1] in ("/", "／"):
                    name, at = name[:-1], at[:-1]  # 记者某某文/图: the credit is no part of the name
                if len(name) < 2:
                    continue
                listed = tok.start() > 0 and piece[tok.start() - 1] == "、"  # 记者甲、乙: 乙 follows a name in a list
                for s, e in _split_names(name):
                    if lexicon().opens_with_surname(name[s:e]) or listed and e - s in (2, 3):  # a rare surname in a list
                        out.append((name[s:e], role, at[s], at[e - 1] + 1, medium))
            if named:
                medium = named.group(1)
        pos += len(piece)
    return out


def _split_names(run: str) -> list[tuple[int, int]]:
    """Spans of the names in a run of characters (王明远 -> one; 丁奇志张斌 -> two)."""
    if len(run) <= 4 and not (len(run) == 4 and _two_names(run)):
        return [(0, len(run))]
    model = NameModel.load()
    spans, pos = [], 0
    while pos < len(run) - 1:
        best = model.name_at(run, pos)
        n = best[0] if best else (3 if len(run) - pos >= 3 else 2)
        spans.append((pos, min(len(run), pos + n)))
        pos += n
    return spans


def _two_names(run: str) -> bool:
    """A 4-character run of two 2-character names (康淼沈汝 is not; 王丹陈伟 is)."""
    lex = lexicon()
    return run[0] in lex.surnames and run[2] in lex.surnames and run[:2] not in lex.surnames


def _is_place(word: str) -> bool:
    lex = lexicon()
    return word in lex.provinces or word in lex.cities or word.rstrip("市") in lex.cities
