"""Parts of speech (jieba's, read with rjieba) of short phrases, and the word classes the readings test them
with: whether a phrase holds a verb or a clause word, names a person, or opens with nouns.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..words import tags


def _word_at(phrase: str, i: int) -> bool:
    """Whether a word of the phrase (as rjieba cuts it) starts at ``i`` (产|生量 does not)."""
    pos = 0
    for w, _ in _tags(phrase):
        if pos >= i:
            return pos == i
        pos += len(w)
    return pos == i


#: the last characters of nouns for people (网友, 市民, 读者, 会员, 女士, 学生, 买家, 选手)
_PERSON_ENDS = ("友", "民", "者", "员", "士", "生", "家", "手", "户", "客", "人")


def _is_person(noun: str) -> bool:
    """Whether a short noun phrase names a person (its head is a person noun or a name)."""
    tags = _tags(noun)
    return noun.endswith(_PERSON_ENDS) or bool(tags) and tags[-1][1] in ("nr", "nrfg", "nrt")


#: part-of-speech tags (jieba's) that end a noun phrase read backwards from a number or
#: forwards from a measure word: verbs, prepositions, adverbs, conjunctions, pronouns, particles
_NOT_NP = frozenset({"v", "p", "d", "c", "r", "uj", "ul", "uz", "ug", "uv", "u", "y", "zg", "f"})
#: the parts of speech of a statistic's own words (nouns, verbs, adjectives, names)
_CONTENT = frozenset({"n", "nz", "ns", "nt", "nr", "nrt", "nrfg", "ng", "vn", "v", "vd", "an", "a", "l", "j", "b", "i"})
_TRAIL = frozenset({"d", "c", "y", "ul", "uz", "uj", "ug", "p", "zg", "u"})


def _has_verb(phrase: str) -> bool:
    """Whether a short phrase holds a verb (已开工的57个项目; not 在全省的73个县)."""
    return any(t in ("v", "vn") for _, t in _tags(phrase))


_SPEECH_WORD = re.compile(r"介绍|表示|指出|强调|获悉|据悉|记者|通报|透露|宣称")
_NOUN_JOINS = frozenset({"和", "与", "及", "或", "以及", "并", "等", "在", "每年", "每", "为此"})
_PRONOUN_CHARS = frozenset("它他她我你这那其该此咱您某另")  # (某机场, 另: a determiner or "also" of a clause)
_CLAUSE_ADVERBS = frozenset({"只", "才", "就", "也", "都", "已", "已经", "曾", "曾经", "正", "正在", "至少", "不", "没有", "没",
                             "很", "更", "又", "仍", "却", "便", "只有", "仅", "共", "总共", "一共", "还", "再", "则"})


def _has_clause_word(phrase: str) -> bool:
    """Whether a short phrase holds a clause word (而是先, 他们): it is no subject of a statistic."""
    return any(_clause_word(w, t) or t in ("d", "r") for w, t in _tags(phrase))


def _clause_word(word: str, tag: str) -> bool:
    """Whether a tagged word makes a phrase before a number a clause rather than a name:
    a preposition (由, 向, 给), a clause adverb (只, 才, 至少), a pronoun (它, 这些), a
    conjunction of clauses (而, 不仅) or an aspect particle (了, 着); the joins of a
    statistic's name (和, 及, 等, 在运, 每年) are not."""
    if word in _NOUN_JOINS:
        return False
    if tag in ("p", "ul", "uz", "c"):
        return True
    if tag == "d":
        return word in _CLAUSE_ADVERBS
    if tag == "r":
        return word[0] in _PRONOUN_CHARS
    return False


_PARTICLE = frozenset({"uj", "ul", "uz", "ug", "uv", "u", "y"})
#: modal and linking words at the end of a phrase before a number (可能达到, 需要, 只有)
_MODAL_END = re.compile(r"很|很可能|可能|可以|能够|能|会|可|需要|需|只有|只|仅有|仅|才|就|也|都|还|又|共有|已有")


@lru_cache(maxsize=8192)
def _tags(phrase: str) -> tuple[tuple[str, str], ...]:
    """(word, part of speech) of a short phrase; none where the words do not cover it (read
    once per phrase, as ``words.tags``: the readings test the same labels again and again)."""
    pairs = tags(phrase)
    return pairs if sum(len(w) for w, _ in pairs) == len(phrase) else ()


def _leading_nouns(phrase: str) -> str:
    """The nouns that open a phrase (金融公司|实行接管 -> 金融公司)."""
    out = []
    for w, t in _tags(phrase):
        if t not in ("n", "nz", "ns", "nt", "b", "vn", "j") or t == "vn" and not out:
            break
        out.append(w)
    return "".join(out)


#: parts of speech of a predicate that may stand before 的 as a relative clause (经营不善的, 新建的)
_PREDICATE = frozenset({"v", "a", "l", "i", "ad", "d"})


#: localizers that end a place phrase (公园内, 银行中, 手里): where, not what
_PLACE_LOCALIZERS = frozenset({"内", "中", "里", "上", "外", "手里", "境内", "之中", "当中", "之内"})


def _place_end(phrase: str) -> int:
    """The length of the localizer that ends a place phrase (公园|内, 大银行|中, 下岗职工|手里), 0 when none:
    a noun and then a localizer of its own (全市高中, 境内 alone are none)."""
    t = _tags(phrase)
    return len(t[-1][0]) if len(t) >= 2 and t[-1][0] in _PLACE_LOCALIZERS and t[-2][1] != "f" else 0
