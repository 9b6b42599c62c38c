"""Precision checks on an agency candidate: pure predicates over a string that say a span
names no one body, whatever its suffix. A ``clause`` (a determiner or a count, a verb with its
aspect particle, a function word, speech, a verb of location), a ``concept`` (两轴两带多中心),
a ``group`` (大城市|人民政府, 全国|税务局: a body in each place) or a ``venue`` (某会展中心).

kg.nlp.agencies (the grammar, ``AgencyFinder``) calls them; this module imports nothing of it.
"""
from __future__ import annotations

import re

from .words import tags

_HAN = "\u4e00-\u9fff"
# characters that never occur inside an agency body (function words, punctuation)
_STOP_IN_BODY = set("的了是对为将把被向等各并由从到在于也都还又已个使让给从而暨兼、，,。;；:：")
_CONJ = set("与和及暨或")  # join two names: an extension never starts with one (某委|或政府)
# persons, modal verbs and speech in a name with no place prefix: a clause, not a name
_SPEECH_IN_BODY = re.compile("我们|你们|他们|我|要|应当|应该|必须|重视|认为|表示|指出|强调|说|希望|需要")
#: verbs of location: a place's clause (某县地处…中心, 某区位于…), never a body's name
_LOCATIVE = re.compile("地处|位于|坐落|毗邻|地跨")
#: a determiner, or a number with its classifier: a clause, never an agency's name
_NOT_A_NAME = re.compile("[该这此]|[一二两三四五六七八九十百千万几数每首多][家所名个位座栋幢支批]"
                         # 所有|去过…, 各类|…: a determiner of a class (所有权, 所有制 are a name's words)
                         "|所有(?![权制者])|一切|各类|各种|任何")
#: numbers and nouns of a plan (两轴两带多中心, 一核两翼): a concept, never a body's name (a date
#: written in numerals, 六月十日, reads alike: a dateline glued to a name is none either)
_NUMBERED_CONCEPT = re.compile(f"[一两二三四五六七八九十](?![一两二三四五六七八九十多第])[{_HAN}][一两二三四五六七八九十多](?![一两二三四五六七八九十多])[{_HAN}]")
_NUMBER_CHARS = set("一两二三四五六七八九十多第")
#: the offices a zone or a plan named by numbers has (两区一园|管委会, 三区两带|规划办公室): a body,
#: named whole with its numbers (两轴两带|多中心 goes on with numbers: a concept)
_CONCEPT_OFFICE = re.compile("(?:管委会|管理委员会|党工委|工委|管理局|办公室|指挥部|领导小组)$")
#: a class of places, and a body only a place has after it (大城市|人民政府, 地级市|市委): a group
#: of bodies, one in each such place, never one body
_PLACE_CLASSES = frozenset({"城市", "大城市", "中小城市", "大中城市", "特大城市", "地级市", "县级市", "省会城市"})
_PLACE_ONLY_AFTER_CLASS = ("人民政府", "政府", "市委", "县委", "党委", "人大", "政协", "人民法院", "法院", "人民检察院", "检察院")
#: offices every place or ministry has one of: after 全国/全省 (nationwide, province-wide) their
#: name is a group (全国税务局, 全省中小企业局长座谈会), where a nationwide body is a committee,
#: a congress or an association (全国人大, 全国妇联, 全国老龄工作委员会)
_NATIONWIDE = ("全国", "全省")
_LEVEL_OFFICES = frozenset({"局", "厅", "处", "司", "署", "部", "人民政府", "政府", "法院", "人民法院", "检察院",
                            "人民检察院", "公安机关", "派出所"})
#: a venue (a place where things are held): a place, no body, unless the text names a post of
#: it (某会议中心主任) or the body that runs it (会展中心管理委员会 ends in its own suffix)
_VENUE = re.compile("(?:会议|会展|展览|博览|体育|购物|演艺)中心$|(?:音乐|宴会|展|大|会议|餐|歌舞)厅$"
                    "|[市城镇]中心$")  # 市中心, 某市中心: the centre of a city, a place
#: a person's pronoun or speech: a clause, never a place's name (他说|县委, 》中的|县委)
_PERSON_OR_SPEECH = re.compile("[他她你我]|说|认为|表示|指出|强调|要求")


def _clause_words(run: str, verbs: bool = False) -> bool:
    """Whether jieba reads an adverb, preposition, pronoun or particle in a run (曾|要求…),
    or with ``verbs`` a verb (配合|…): words of a clause, never of a body's name."""
    kinds = ("d", "p", "r", "u", "v") if verbs else ("d", "p", "r", "u")
    return any(tag in kinds or tag[:1] in kinds[:4] for _, tag in tags(run))


def _adverb_in(run: str) -> bool:
    """Whether jieba reads an adverb, a particle or a preposition in a run (再次|中标…,
    去|过, 对|…): a clause's words. 与/和/及, which jieba may read as prepositions, join a
    name's own parts (药物与…重点实验室); a pronoun may stand for a name's (某某科技有限公司)."""
    return any(tag[:1] in ("d", "u") or tag[:1] == "p" and word not in _CONJ for word, tag in tags(run))


def _aspect_verb_end(run: str) -> int:
    """Where the last verb with an aspect particle (去过, 看着, 参观|过, 走过|了) in a run ends,
    or 0: a clause's verb (所有去过|某博物馆), never a word of a body's name."""
    if not any(c in "过着了" for c in run):
        return 0
    end = pos = 0
    prev = ""
    for word, tag in tags(run):
        pos += len(word)
        if (word[-1] in "过着了" and (len(word) > 1 and tag[:1] == "v" or len(word) == 1 and tag[:1] == "u"
                                        and prev[:1] in ("v", "n"))):
            end = pos
        prev = tag
    return end


def _clause_place(place: str) -> bool:
    """Whether a place's name read before its level (他说县, 中的县) holds a function word,
    a person's pronoun or speech: a clause's words, no county's or district's name."""
    return bool(set(place) & _STOP_IN_BODY) or bool(_PERSON_OR_SPEECH.search(place[:-1]))


def _stop_word_in(run: str) -> bool:
    """Whether a run holds a stop character as a word of a clause: alone, or opening a
    function word (为了, 对于, 已经); inside a name's word it is none (华为|技术, 对外|贸易)."""
    if not any(c in _STOP_IN_BODY for c in run):
        return False
    return any(len(word) == 1 and word in _STOP_IN_BODY or tag[:1] in ("p", "c", "d", "u", "r")
               and any(c in _STOP_IN_BODY for c in word) for word, tag in tags(run))


def _numbered_concept(surface: str, place_inside: re.Pattern) -> bool:
    """Whether a name holds numbers and nouns of a plan (两轴两带多中心), not where a
    place's name (``place_inside``, the lexicon's provinces and cities) holds the number
    (九江|一中, 四川|三星), the Belt and Road names it, or the name is the office of the
    zone or plan, named whole (两区一园管委会)."""
    for m in _NUMBERED_CONCEPT.finditer(surface):
        place = next((p for p in place_inside.finditer(surface) if p.start() <= m.start() < p.end()), None)
        rest = surface[m.end():]
        if rest[:1] not in _NUMBER_CHARS and _CONCEPT_OFFICE.search(rest):
            continue  # 两区一园管委会, 三区两带规划办公室: the office of a zone or plan, named whole
        if place is None and m.group() != "一带一路":
            return True
    return False


def _places_group(surface: str) -> bool:
    """Whether a name is a group of bodies by its words: a class of places before a body only
    a place has (全国大城市|人民政府, 地级市|市委), or schools of a kind (某省中小学)."""
    words = tags(surface) if "城市" in surface or "级市" in surface else ()
    for (word, _), (after, _) in zip(words, words[1:]):
        if word in _PLACE_CLASSES and after.startswith(_PLACE_ONLY_AFTER_CLASS):
            return True
    return surface.endswith("中小学")  # 某省中小学, 全国大中小学: schools of a kind, no one school


def _level_office(link: str, suffixes) -> bool:
    """Whether the first link of a name after 全国/全省 ends in an office every place has
    (税务局, 中小企业局): its longest suffix among ``suffixes`` (the lexicon's) is one."""
    return next((link[-n:] for n in range(min(12, len(link)), 0, -1) if link[-n:] in suffixes),
                "") in _LEVEL_OFFICES
