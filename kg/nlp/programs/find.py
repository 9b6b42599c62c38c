"""Program names in a text: the readings in order (documents, quotations, shapes, head nouns,
laws), no overlaps, abbreviations given in brackets; and the normalised label of a name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .documents import read_documents, read_laws, read_unmarked_rules
from .heads import read_everyone_campaigns, read_head_nouns
from .quotations import read_quotations
from .vocab import _head_re, _patterns


@dataclass(slots=True)
class ProgramSpan:
    """A program name found in text: [start, end) and its kind."""

    start: int
    end: int
    name: str
    kind: str  # a kg:programKind, or "slogan" for a catchword that is no program
    alt: str = ""  # the abbreviation the text gives for it: （以下简称“X”）


_ORDINAL = re.compile(r"^(?:第[一二三四五六七八九十百0-9０-９]+(?:批|次|届|期|轮)|首批|新一批|新一轮)")
_LABEL_DROP = re.compile(r"[\s“”\"「」『』‘’《》]")
_ABBREV_AFTER = re.compile(r"\s*[（(]\s*(?:以下)?简称\s*[“\"「]?([^“”\"「」（）()，,。；;]{1,16}?)[”\"」]?\s*[）)]")


def program_label(name: str) -> str:
    """The normalised label of a program name: no quotes, 《》, spaces or ordinal prefix.

    >>> program_label("第二批“乡村振兴”示范试点")
    '乡村振兴示范试点'
    >>> program_label("《某县国土空间总体规划》")
    '某县国土空间总体规划'
    """
    label = _LABEL_DROP.sub("", name)
    return _ORDINAL.sub("", label) or label


def _quote_ext_head_at(text: str, i: int) -> bool:
    """Whether a program head follows at ``i`` (示范区 after 黄河流域生态保护和高质量发展)."""
    return bool(_head_re().match(text, i))


def find_program_spans(text: str) -> list[ProgramSpan]:
    """Program names in ``text`` (no overlaps, in order).

    text (str): repaired text.
    RETURNS (list[ProgramSpan]): name as written (quotes kept), kind from the head noun.
    """
    found: list[ProgramSpan] = []
    mask = bytearray(len(text) + 1)  # 1 where a program name already lies

    def free(s: int, e: int) -> bool:
        return mask.find(1, s, e) == -1

    def add(s: int, e: int, kind: str, name: str = "") -> None:
        found.append(ProgramSpan(s, e, name or text[s:e], kind))  # (a name the text shares with
        # another, …收购价|和…收储政策, is written out: its evidence stays the span)
        mask[s:e] = b"\x01" * (e - s)

    # 1. documents: a title in 《》 that ends in a document's head word (法, 条例, 意见 …);
    # books, films, songs, newspapers and reports (《红楼梦》, 《人民日报》) are none
    read_documents(text, add)
    # 2. quotations, widened to their head noun and a short modifier before them
    read_quotations(text, free, add)
    # 3. regulations named without marks, issued or amended in their clause (发布修订|…管理办法),
    # before shapes and head nouns: a name or a head inside the document's name is part of it
    # (印发|…养老保险关系转移接续暂行办法, 印发|河长制工作考核办法 name the document, not a system)
    read_unmarked_rules(text, free, add)
    # 4. names with a shape of their own (10分钟健身圈)
    for rx, kind, needed in _patterns():
        if needed and needed not in text:
            continue
        for m in rx.finditer(text):
            if free(m.start(), m.end()) and not _quote_ext_head_at(text, m.end()):
                add(m.start(), m.end(), kind)
    # 5. head nouns with their name read leftwards
    read_head_nouns(text, mask, free, add)
    # 5b. campaigns of the whole people without a head (推进|全民阅读)
    read_everyone_campaigns(text, free, add)
    # 6. laws: …法 governed in its clause (贯彻实施公务员法)
    read_laws(text, free, add)
    found.sort(key=lambda p: p.start)
    return _abbreviations(text, found)


def _abbreviations(text: str, found: list[ProgramSpan]) -> list[ProgramSpan]:
    """A full name followed by （以下简称“X”） takes X as ``alt``; the X inside the brackets
    and every later mention of X are that program, not names of their own."""
    out: list[ProgramSpan] = []
    short: set[str] = set()  # the abbreviations given so far
    skip_to = -1
    for p in found:
        if p.start < skip_to:
            continue  # the abbreviation in the brackets
        label = program_label(p.name)
        if label in short:
            continue  # a later "X": the program already named in full
        if p.kind != "slogan":
            m = _ABBREV_AFTER.match(text, p.end)
            if m and m.group(1) != label:
                p.alt = m.group(1)
                short.add(m.group(1))
                skip_to = m.end()
        out.append(p)
    return out
