"""The decision checks of a head-noun name (its name read leftwards to a boundary word): the evidence
it needs besides its head, and what makes it a kind, a reference or a clause rather than a name.
"""
from __future__ import annotations

import re
from functools import cache

from .clause import (
    _clause_before,
    _governed,
    _governed_after,
    _governed_right_before,
    _mark_before,
    _mark_from,
    _negated,
    _settled_after,
)
from .edges import _left_edge
from .pos import _PROPER_TAGS, _common_only, _one_word, _place_and_common, _tags
from .tables import _AGENT_END, _CLAUSE_END, _LATIN, _NAME_MAX, _QUOTE_MARK
from .vocab import _boundaries, _evidence_re, _generic, _heads

_RECIPIENT_BEFORE = frozenset("向为给")


def _generic_name(core: str, head: str) -> bool:
    gen = _generic()
    if core in gen or len(core) < 2:
        return True
    # 保障重点项目, 各类人才项目: a generic word right before the head
    # (a generic word g, len(g) >= 2, that ends the core with at most 2 characters before it)
    if core.rstrip("的") in gen:
        return True
    n = len(core)
    for k in range(max(2, n - 2), n + 1):
        if core[n - k:] in gen:
            return True
    return False


def _generic_after_place(core: str, head: str) -> bool:
    """Whether a name is a place and a generic name (广东省|重点建设项目, 全省|重点工程)."""
    tags = _tags(core)
    first = tags[0][0] if tags else ""
    if len(tags) < 2 or not (tags[0][1] == "ns" and len(first) > 2 and first[-1] in "省市县州" or first in _AREA_WORDS):
        return False  # a place with its level (湖北省, 某某县), not any word jieba takes for a place (老城区)
    return _generic_name(core[len(tags[0][0]):], head)


_AREA_WORDS = frozenset(("全国", "全省", "全市", "全县", "全区", "全镇", "本省", "本市", "本县", "我省", "我市", "我县", "我区"))


#: an edition in a name (第二届, 首届): a recurring activity, named
_EDITION = re.compile(r"(?:第[一二三四五六七八九十百0-9０-９]+|首)届")


def _proper_only(core: str) -> bool:
    """Whether ``core`` is one proper name and nothing else (jieba: a person, place or body)."""
    tags = _tags(core)
    return len(tags) == 1 and tags[0][1] in ("nr", "nrt", "nrfg", "ns", "nt")


def _copula_before(text: str, s: int) -> bool:
    """Whether the copula stands right before ``s``: 是 as a word of its own, or 为 after a head
    (该项目为|…项目; 为|希望工程捐款 is a recipient's frame)."""
    c = text[s - 1:s]
    if c == "为":
        return any(text.endswith(h, 0, s - 1) for h in _heads())
    if c != "是":
        return False
    tags = _tags(text[max(0, s - 4):s])
    return bool(tags) and len(tags[-1][0]) == 1


def _body_and_field(core: str) -> bool:
    """Whether a policy's name is a body (jieba's nt or abbreviation j: 央行) and common words."""
    tags = _tags(core)
    return len(tags) > 1 and tags[0][1] in ("nt", "j") and not any(t in _PROPER_TAGS for _, t in tags[1:])


def _inside_title(text: str, i: int) -> bool:
    """Whether ``i`` lies inside 《…》 (a title, its 》 cut off by the text's end, or its 《 cut off
    before the text's start: the first mark is a 》)."""
    before = _mark_before(text, i, "《》")
    if before != -1:
        return text[before] == "《"
    after = _mark_from(text, i, "《》")  # (the first 》 after i with no 《 before it: the first mark a 》)
    return after != -1 and text[after] == "》"


def _recipient_before(text: str, s: int) -> bool:
    """Whether a preposition of a recipient (向, 为, 给) stands right before ``s`` as a word of its
    own (向|春苗助学计划捐款; 作为|…规划 is no recipient's frame)."""
    if text[s - 1:s] not in _RECIPIENT_BEFORE:
        return False
    tags = _tags(text[max(0, s - 3):s])
    return bool(tags) and len(tags[-1][0]) == 1


def _common_noun_action(core: str) -> bool:
    """Whether jieba reads the end of the name and 行动 as one common noun (战斗行动, 军事行动)."""
    tags = _tags(core + "行动")
    return bool(tags) and len(tags[-1][0]) > 2 and tags[-1][1] == "n"


_SITE_TAGS = frozenset(("nr", "nrt", "nrfg", "ns", "nz", "x"))
#: a common noun of a site or an estate after its proper name (某某|公园, 某某|花园)
_SITE_NOUNS = frozenset(("公园", "花园", "广场", "大厦", "小区", "家园", "公寓", "新城", "新村", "花苑", "山庄", "别墅"))


def _site_name(core: str) -> bool:
    """Whether a project's name is a site's: proper names only (a park, a village, an estate:
    某某公园, 某某村) or a brand and its estate joined by · (某茂·某园)."""
    if "·" in core:
        return True
    tags = _tags(core)
    if len(tags) > 1 and tags[-1][0] in _SITE_NOUNS:
        tags = tags[:-1]
    return bool(tags) and all(t in _SITE_TAGS for _, t in tags) and not _LATIN.search(core)


_CONTINUE = ("继续", "坚持")  # 将继续|保留传统…项目: an auxiliary before the clause's own verb
_CLAUSE_OPENERS = frozenset(("", "要", "应", "须", "需", "需要", "必须", "应该", "并", "又", "还", "也", "就", "将", "才"))


def _subject_head_end(core: str) -> int:
    """Where a name read leftwards really starts when it holds a word ending in a head followed by a
    verb (其中制度|延袭|英国教育制度: the subject and its verb): after that verb; else 0."""
    long_heads = _long_heads()
    tags = _tags(core)
    pos, out = 0, 0
    for i, (w, t) in enumerate(tags[:-1]):
        pos += len(w)
        nxt = tags[i + 1]
        if nxt[1] == "v" and w.endswith(long_heads):
            out = pos + len(nxt[0])
    return out if out < len(core) else 0


@cache
def _long_heads() -> tuple[str, ...]:
    """The heads of two characters or more (one ``str.endswith`` tests a word against all)."""
    return tuple(h for h in _heads() if len(h) > 1)


def _predicate_at_clause_start(text: str, s: int, hs: int) -> bool:
    """Whether the name [s, hs) opens its clause (after at most a modal or an adverb: 要, 并) with a
    verb and a noun after it: the clause's predicate and object, not a name (扶贫接力计划, of
    verbs only, is one)."""
    before = _clause_before(text, s, 6)
    if before[-4:] not in _CLAUSE_OPENERS and not before.endswith(_CONTINUE):
        return False
    tags = _tags(text[s:hs])
    return len(tags) > 1 and (tags[0][1] == "v" or tags[0][0] in _boundaries()) \
        and any(t[:1] == "n" and t != "vn" or t == "l" for _, t in tags[1:])


def _plans_to(text: str, s: int, hs: int, he: int) -> bool:
    """Whether the head after a body or a place is the verb (日本政府|计划|在明年…, 美国计划今年…):
    the name ends in a body, a place or a person, and a preposition, a time word, an adverb or
    a verb follows the head."""
    core_tags = _tags(text[s:hs])
    if not core_tags or not (_AGENT_END.search(text, s, hs) or core_tags[-1][1] in ("ns", "nt", "nr", "nrt", "nrfg")):
        return False
    after = _tags(text[he:he + 4])
    return bool(after) and after[0][1][:1] in ("p", "t", "d", "v") and after[0][1] != "vn"


def _described_by_relative(text: str, s: int) -> bool:
    """Whether the governing verb before a name at ``s`` ends a relative clause (开展的|…) with no
    body as its subject (就某语开展的|国际学术活动: it describes the activity; 某协会主持推广的|…活动,
    由…开展的|…: the body leads it)."""
    before = _clause_before(text, s, 16)
    last = None
    for last in _evidence_re("govern").finditer(before):
        pass
    if last is None or not before.startswith("的", last.end()):
        return False
    lead = before[:last.start()]
    return "由" not in lead and not _BODY_IN.search(lead)


#: a body's name in a clause (…协会, …委员会, …政府, 某局): the subject of the verb after it
_BODY_IN = re.compile(r"政府|部门|人大|国务院|中央|当局|党|[会委部局署院厅]")


_JOIN_WORDS = frozenset(("和", "与", "及", "以及"))
#: a noun after a plain head that makes it a modifier (…制度改革, …制度建设, 有力制度保障, 制度优势)
_PLAIN_NOUN_AFTER = ("改革", "建设", "保障", "优势", "创新", "安排", "设计")


#: a system of the state's basis in general (国家基本|制度已经建立): no named one
_BASIC_END = re.compile(r"(?:基本|基础|根本)$")
#: the parts of speech (jieba's) that end an attribute before 的 (最严格|的, 独立自主|的, 信仰自由|的)
_ATTRIBUTE_TAGS = frozenset({"a", "ad", "an", "i", "l", "z", "b"})
#: a degree adverb before a plain adjective (更加有力的, 十分必要的): a description, no name
_DEGREE_LEAD = re.compile(r"^(?:更加|更为|更|十分|非常|比较|相对|较为|较|很|极为|日益|越来越"
                          r"|各|每|所有|一切|有关|相关|全部|其他|其它|一些|部分|多种|不同|有|没有)")
#: (… nor a class: 各个环节的|岗位责任制 is every post's system, no named one)
#: kinds whose name may hold an attribute and 的 (奉行独立自主的和平外交政策, 实行最严格的…制度)
ATTRIBUTE_KINDS = frozenset(("policy", "system", "strategy"))


_CLASS_REST = re.compile(r"各|有关|相关|一系列|一些|多项|诸多|这|那|该|其")


def _attribute_before(text: str, de: int, hs: int) -> int | None:
    """Where a name's attribute that ends at the 的 at ``de`` starts (奉行|独立自主的|和平外交政策,
    实行|最严格的|土地管理制度, 贯彻|国家宗教信仰自由的|政策), or None: the attribute runs back to a
    governing verb right before it, is 3–9 characters of no digit, quote or clause word, and its
    last word is an adjective or an idiom (jieba's a, ad, i, l …), never a noun or a body (国家的|政策,
    中央的|政策: whose, no name) nor a degree adverb's description (更加有力的|…)."""
    a = _left_edge(text, de, 10)
    attr = text[a:de]
    if not 3 <= len(attr) <= 9 or a == 0 or not _governed_right_before(text, a) \
            or not all("\u4e00" <= c <= "\u9fff" for c in attr) or "的" in attr or _DEGREE_LEAD.match(attr) \
            or _evidence_re("negative", "quantity").search(attr):
        return None
    tags = _tags(attr)
    if not tags or any(t in ("r", "p", "m", "q") for _, t in tags):
        return None
    if tags[-1][1] not in _ATTRIBUTE_TAGS and not (
            len(attr) == 4 and len(tags) == 2 and len(tags[0][0]) == 2 and tags[-1][1] == "v"
            and tags[0][1] not in ("ns", "nt", "nr") and not _AGENT_END.search(tags[0][0])):
        return None  # (互惠包容, 互利共赢: two words of a coordinated predicate, an attribute too; 中央确定的|
        # 方针政策: a body and its verb, whose policy, no name)
    rest = text[de + 1:hs]
    if rest and (rest in _generic() or _CLASS_REST.match(rest)):
        return None  # 退耕还林的|各项政策: a class of policies of a field
    return a


def _head_evidence(text: str, s: int, hs: int, he: int, core: str, flags: set[str], kind: str) -> bool:
    """The evidence a head-noun name [s, he) needs besides its head (the module's policy)."""
    if s == hs - _NAME_MAX and s > 0 and text[s - 1] not in _CLAUSE_END:
        return False  # no boundary word starts it: a clause fragment ending in a head
    if _evidence_re("quantity").search(core):
        return False  # 一批投资项目
    if kind != "campaign" and _negated(text, s, core, width=24 if kind == "activity" else 10):
        return False  # 违规新建钢铁项目, 破除以药补医机制 (a campaign is against something: 打击…专项行动);
        # 打击经济领域和其他领域中的严重犯罪活动: an activity fought, read over the clause
    common = flags & {"generic", "plain", "governed", "named"}  # a head that is also a common noun
    if common and "、" in core and not _QUOTE_MARK.search(core):
        return False  # 今年政府投资力度大、新上项目: a list or a clause, not a name
    if "generic" in flags and text.startswith("的", he) and not (
            _governed_right_before(text, s) or _governed_after(text, he) or _one_word(text, s, he)):
        return False  # 参与中央企业投资项目的办法: the head word only qualifies another noun
        # (实施菜篮子工程的过程, …方案的出台: the verb governs the program itself)
    if "plain" in flags:
        if len(core.lstrip("的")) < 3 or "、" in core or any(w in _JOIN_WORDS for w, _ in _tags(core)) \
                or text.startswith(_PLAIN_NOUN_AFTER, he + (text[he:he + 1] == "的")) and not (
                    text.startswith("建设", he) and len(core) >= 4 and _governed_right_before(text, s)):
            return False  # 基础制度, 激励和约束机制, …管理制度(的)改革, 长期制度建设, 提供有力制度保障 (和平外交政策:
            # 和 of 和平 is no conjunction)
    if "named" in flags and not _QUOTE_MARK.search(core) and not _LATIN.search(core) \
            and not any(t in _PROPER_TAGS for _, t in _tags(core)):
        return False  # 大学教育模式, 先进经验: a kind of model, not one named (苏南模式, EOD模式)
    if "founded" in flags and not _QUOTE_MARK.search(core) and not _governed(text, s, ("govern", "establish")):
        return False  # 北方进步联盟, 加入货币联盟: a body or a party; 组建…产业创新联盟 names an alliance
    if "established" in flags and not _QUOTE_MARK.search(core) and not _LATIN.search(core) \
            and (_common_only(core, text, s, he) or _place_and_common(core)) \
            and not _governed(text, s, ("govern", "establish"), width=30) \
            and not (kind == "system" and _settled_after(text, he) and not _BASIC_END.search(core)):
        return False  # 采取固定汇率制度, 山地轮作制度: a kind of system, not one an agency sets up;
        # 某国教育制度, 某国千年科举制度: a place's kind of system
    if "governed" in flags and not (_governed(text, s) and not _described_by_relative(text, s)
                                    or _evidence_re("stance").search(core)
                                    or _QUOTE_MARK.search(core) or _EDITION.search(core)):
        return False  # 完善消费政策, 犯罪活动 (某省第二届…调查活动: an edition names a recurring one);
        # 就某语开展的|国际学术活动: the verb governs through a relative clause, it describes the activity
    return True
