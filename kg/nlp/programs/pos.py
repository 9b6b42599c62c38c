"""Parts of speech (jieba's, read with rjieba) that the readings of kg.nlp.programs share: a name
read leftwards cut at a clause word, a fixed word, a noun after a head, a head inside a word.
"""
from __future__ import annotations

import re

from ..words import tags

#: parts of speech (jieba's) that end a clause fragment read leftwards into a name: a
#: preposition (向|希望工程, 按|…制度) or a pronoun (该公司|…)
_CUT_TAGS = frozenset({"p", "r"})
#: prepositions a name may hold (随迁子女在流入地接受义务教育政策)
_NAME_PREPOSITIONS = frozenset({"在"})
#: adverbs and verbs of the clause (曾多次|考察…, 不打算|采取…, 使|全县…, 推翻|…制度, 严格|…责任制); 再 of
#: 再就业工程 and 一期 of …一期工程 are no such adverbs
_CUT_ADVERB = re.compile(r"^(?:[不没也都又还就曾已将正才均仍亦便要使让令有]|曾多次|多次|至此|彻底|完全|一直|已经|正在|曾经"
                         r"|继续|同时|分别|打算|准备|考察|推翻|研究|使得|采取|大搞|不打算|做出|作出|进行|加以|新上"
                         r"|尽快|尽早|迅速|早日|及时|立即|马上|逐步|逐渐|重新|首先|先后|相继|日益|引入|引进|通过"
                         r"|加入|结成|照搬|没有|负责|标志着|一致|是|严格|拓展|完成|确定|无权|用于|符合)$")
#: verbs of the clause whatever jieba tags them (超额完成: l, 严格控制: n)
_CUT_ANY_TAG = re.compile(r"^(?:超额完成|严格控制|严格执行|全面完成)$")
_CUT_TIME = re.compile(r"^(?:(?:今|明|去|前|上|下|本|同)(?:年|月|周|天)|[上下]半年|年初|年底|目前|现在|当前|近日|日前|最近|此前|原)$")
#: a quantifier or determiner right before the name: a class of things (许多体育项目, 不同社会
#: 制度) or a reference (这两项水利工程, 又一次…行动), not a name
_CLASS_WORD = re.compile(r"^(?:许多|不少|大批|一些|一批|一系列|诸多|众多|各种|各类|不同|有关|相关|相应|多项|各项|每|具体|所有|一切"
                         r"|(?:这|那|该|此|各|每)?[一二两三四五六七八九十几数]+[个项批些类种次条架艘辆台座])$")


_tags = tags  # (word, part of speech) of a short phrase


def _clause_cut(text: str, s: int, hs: int, he: int) -> int | None:
    """Where an unquoted head-noun name [s, he) really starts, by the parts of speech of its
    words: after the last preposition, pronoun, clause adverb or time word (至此该公司向|希望工程);
    None when a quantifier or determiner stands right before the name (a class or a reference)."""
    pos, cut, cls = s, s, False
    for w, t in _tags(text[s:he]):
        end = pos + len(w)
        if end > hs:
            break
        if _CLASS_WORD.match(w):
            cut, cls = end, True
        elif t in _CUT_TAGS and w not in _NAME_PREPOSITIONS or (t[:1] in "dvf" or t == "ad") and _CUT_ADVERB.match(w) \
                or t == "t" and _CUT_TIME.match(w) or _CUT_ANY_TAG.match(w):
            cut, cls = end, False
        pos = end
    return None if cls else cut


def _one_word(text: str, s: int, he: int) -> bool:
    """Whether the name [s, he) is one fixed word of jieba's (希望工程: l, 三峡工程: nz)."""
    tags = _tags(text[s:he])
    return len(tags) == 1 and tags[0][1] in ("l", "nz")


def _clause_words(text: str, s: int, e: int) -> bool:
    """Whether [s, e) holds a word of a clause rather than of a name (a preposition, pronoun,
    clause adverb or time word: “夏利”现在|中心)."""
    for w, t in _tags(text[s:e]):
        if t in _CUT_TAGS or t[:1] in "dvf" and _CUT_ADVERB.match(w) or t == "t" and _CUT_TIME.match(w):
            return True
    return False


_PLACE_LEVEL = frozenset("县市区镇乡村省")
_NOUN_AFTER_CHARS = frozenset("系师队站组")


def _noun_after_head(text: str, he: int) -> bool:
    """Whether a noun follows the head right away (jieba's n of two characters or more, or a
    one-character noun of a body or a person: 系, 师, 队 …), not a place's level (试点县)."""
    c = text[he:he + 1]
    if not c or not "\u4e00" <= c <= "\u9fff" or c in _PLACE_LEVEL:
        return False
    if c in _NOUN_AFTER_CHARS:
        return True
    tags = _tags(text[he:he + 6])
    return bool(tags) and tags[0][1] in ("n", "ng", "nr") and len(tags[0][0]) > 1


_PROPER_TAGS = frozenset(("ns", "nr", "nrt", "nrfg", "nt", "nz", "l"))  # a place, person, body or fixed name


def _common_only(core: str, text: str, s: int, he: int) -> bool:
    """Whether a name holds no proper noun (no place, person, body or fixed name of jieba's)."""
    if _one_word(text, s, he):
        return False
    return not any(t in _PROPER_TAGS for _, t in _tags(core))


#: a country's or a region's name (jieba's ns) and a span of time before a kind of system
#: (英国|教育制度, 某国|千年|科举制度): they say whose and how old, not which
_PLACE_TIME_TAGS = frozenset(("ns", "m", "t"))


def _place_and_common(core: str) -> bool:
    """Whether a name is a place (and a time span) before common words only: the place's kind of
    a system (某国教育制度), no system an agency set up by name."""
    tags = _tags(core)
    i = 0
    while i < len(tags) and tags[i][1] in _PLACE_TIME_TAGS:
        i += 1
    return 0 < i < len(tags) and tags[0][1] == "ns" and not any(t in _PROPER_TAGS for _, t in tags[i:])


def _head_inside_word(text: str, s: int, he: int) -> bool:
    """Whether the head is the start of a longer word (计划|生育, 战略|目标, 战略|眼光, 计划|经济)."""
    end = he - s
    pos = 0
    if text[he:he + 1] in _PLACE_LEVEL:
        return False  # 试点县, 示范市: a place designated by the program
    for w, _ in _tags(text[s:min(len(text), he + 3)]):
        pos += len(w)
        if pos == end:
            return False
        if pos > end:
            return True
    return False
