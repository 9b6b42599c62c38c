"""3. The noun read forward from a number or a measure word (243家|高新技术企业), and what follows it: the
object of a verb, the predicate of a group, the noun that says what an amount of money is.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..numbers import CN_NUMERAL_CHARS
from .pos import _MODAL_END, _PARTICLE, _tags
from .tables import _ANY_DIGIT, _CJK, _QUOTE_MAX
from .vocab import _default_units, _not_noun_start, _trim_res

#: adverbs proper (of time, scope, degree, manner): no modifier of the noun after them
_ADVERBS = frozenset({"已经", "正在", "分别", "全部", "一共", "同时", "先后", "陆续", "相继", "逐步", "进一步", "基本",
                      "主要", "大多", "一直", "长期", "不断", "同比", "累计", "总共", "共同", "集体", "一起", "仍然",
                      "依然", "已然", "曾经", "至少", "最多", "只有", "没有", "还有", "一度", "首次", "再次", "正式"})
#: verbs of saying or deciding that govern another verb (4名议员|宣布支持…): a predicate, not part of the noun
_SAY_VERBS = frozenset({"宣布", "表示", "声明", "决定", "同意", "要求", "认为", "希望", "准备", "打算"})
#: light verbs that start the predicate after a counted noun (3个城市|进行, 8个小组|组成)
_LIGHT_VERBS = frozenset({"进行", "展开", "开展", "组成", "构成", "成为", "是", "达", "达到", "高达"})


@lru_cache(maxsize=4096)
def _noun_phrase_after(noun: str, relative: bool = False, count: bool = True) -> str:
    """The noun phrase at the start of the text after a measure word, without the verb or
    preposition that follows it (投标者中以 -> 投标者; 少儿学生组成 -> 少儿学生 when a 的
    follows, ``relative``: the verb of a relative clause; 企业聘任 stays)."""
    if len(noun) < 2:
        return noun
    tags = _tags(noun)
    if not tags:
        return noun
    i = 0
    while i < len(tags) and tags[i][1] == "r" and len(tags[i][0]) > 1:
        i += 1  # 各类人员, 这些企业: a determiner
    if not count and i < len(tags) and tags[i][1] == "v":
        return ""  # 16.5万公顷|扩大到…: a verb, no noun, follows an amount (1334万人|参保 counts who do it)
    j = i
    while j < len(tags):
        w, t = tags[j]
        if t == "d" and len(w) >= 2 and w not in _ADVERBS and j + 1 < len(tags) and tags[j + 1][1] in ("n", "nz"):
            j += 1  # 特约|商户: a modifier the tagger reads as an adverb
            continue
        if t == "f" and j == i and len(w) >= 2 and j + 1 < len(tags) and tags[j + 1][1] in ("n", "nz"):
            j += 1  # 外来|务工青年: a modifier the tagger reads as a localizer
            continue
        if t == "c" and w in ("和", "与", "及") and j == i + 1 and tags[i][1] in ("n", "nz") and j + 1 < len(tags) \
                and tags[j + 1][1] in ("n", "nz") and (j + 2 == len(tags) or tags[j + 2][1] not in ("n", "nz", "vn")):
            j += 2  # 国家和地区, 电影厂和影业公司: two nouns joined are one class of things
            continue
        if t in ("p", "d", "c", "r", "f", "y") or t in _PARTICLE or _MODAL_END.fullmatch(w) \
                or t == "t" and j > i or j > i and w in _LIGHT_VERBS \
                or j > i and (t == "m" or w[0] == "所" and len(w) == 2 and t != "n"):
            # (…文物|绝大部分得到, 小组赛|所余的: a quantifier or a 所 clause after the noun starts a predicate)
            break  # (分支机构|正在进行研究: a time word after the noun starts a predicate)
        if t == "v" and j > i and (j + 1 == len(tags) and relative or j + 1 < len(tags)
                                   and (tags[j + 1][1] in _PARTICLE or tags[j + 1][1] in ("p", "d", "t", "r", "ad"))) \
                or t == "vn" and j > i and j + 1 < len(tags) and tags[j + 1][1] == "t":
            break  # 少儿学生组成的: the verb of a relative clause (a verb before nouns names: 自主创新示范区)
        if t == "v" and 0 < j - i and tags[j - 1][1] in ("n", "nz") and len(w) == 2 and j + 1 < len(tags) \
                and tags[j + 1][1] in ("ns", "s", "nr", "nt"):
            break  # 200多名记者|汇集蓉城: the counted noun does something somewhere
        if t == "v" and w in _SAY_VERBS and 0 < j - i and tags[j - 1][1] in ("n", "nz") and j + 1 < len(tags) \
                and tags[j + 1][1] == "v":
            break  # 4名议员|宣布支持…: a verb of saying or deciding and the verb it governs start a predicate
        j += 1
    out = "".join(w for w, _ in tags[i:j])
    return out if len(out) >= 2 else ("" if j == i else noun)


#: the words that open an alias in brackets after a name (（下称“某行”）, （以下简称…）)
_ALIAS_NOTE = ("下称", "简称", "以下简称", "下文简称", "以下称")


def _noun_after(text: str, pos: int) -> str:
    _, _, stop = _trim_res()
    if text[pos:pos + 1] in ("“", "「"):  # 23辆“大篷车”: a short quoted name is the noun
        close = text.find("”" if text[pos] == "“" else "」", pos + 1, pos + 2 + _QUOTE_MAX)
        if close > pos + 2:
            return text[pos + 1:close]
    limit = min(len(text), pos + 24)
    m = stop.search(text, pos, limit)
    while m and m.group() in "(（":  # 7个县（市、区）: a short note in brackets is part of the noun
        if text.startswith(_ALIAS_NOTE, m.end()):
            break  # 5家某某股份有限公司（下称“某行”）挂牌: an alias ends the noun
        close = text.find("）" if m.group() == "（" else ")", m.end(), min(len(text), m.end() + 8))
        if close < 0 or any(c.isdigit() or c in CN_NUMERAL_CHARS for c in text[m.end():close]):
            break  # (这12本书（另有两个系列）: a note with a number of its own says more, not which)
        m = stop.search(text, close + 1, limit)
    end = m.start() if m else min(len(text), pos + 16)
    if m and m.group() in ("和", "与", "及") and end - pos >= 2 and (nm := stop.search(text, m.end(), limit)) \
            and 2 <= nm.start() - m.end() <= 6 and nm.group() not in "、":
        # 30个国家和地区, 37家电影厂和影业公司: two nouns joined are what is counted
        first, second = _tags(text[pos:end]), _tags(text[m.end():nm.start()])
        if len(first) == 1 and first[0][1] in ("n", "nz") and len(second) == 1 and second[0][1] in ("n", "nz"):
            end = nm.start()
    return text[pos:end].strip()


#: characters after a measure word that are no counted noun of their own (人, a time, a function word)
_NOT_ONE_NOUN = frozenset("人年月天日时周岁号期届批次轮位成倍之中里外前后其这那每各")
#: what may follow a counted noun of one character: a clause end, 的, a join, a bracket, the text's end
_AFTER_ONE_NOUN = frozenset("，,。；;：:！？!?、的和与及）)（(”\n")


def _one_char_noun(text: str, pos: int) -> str:
    """A counted noun of one character right after a measure word (30幅|画，, 8个|字：, 5个|村的学生,
    风采各异的|鸟，): the character, when a clause end, 的 or a join follows it; else ""."""
    ch = text[pos:pos + 1]
    if not ch or not _CJK.match(ch) or ch in _NOT_ONE_NOUN or ch in _not_noun_start() or ch in CN_NUMERAL_CHARS:
        return ""
    nxt = text[pos + 1:pos + 2]
    return ch if not nxt or nxt in _AFTER_ONE_NOUN else ""


def _object_noun(noun: str) -> str:
    """The noun of a phrase that a preposition governs, cut at its verb or its localizer (影院内上映 ->
    影院, 舱组成 -> 舱); the phrase when it holds neither."""
    tags = _tags(noun)
    out = ""
    for i, (w, t) in enumerate(tags):
        if i and (t in ("v", "l") and tags[i - 1][1] != "vn" or w in ("内", "上", "里", "中", "外")):
            # (医院临床使用: a verb after a verbal noun is one compound with it)
            return out
        out += w
    return noun


def _verb_object_noun(text: str, pos: int) -> bool:
    """Whether the text after a measure word starts with a noun named by a verb and its
    object (400多名|下岗青工, 16万亿日元|减税经济药方), though its first character could start
    a change word (下降, 减少): a noun word (下岗工人), or a two-character verb, then a noun."""
    tags = _tags(_noun_after(text, pos)[:8])
    return bool(tags) and len(tags[0][0]) >= 2 and (tags[0][1] in ("n", "nz", "vn", "ns", "nt") or len(tags) >= 2 and tags[0][1] == "v"
                                                   and len(tags[0][0]) == 2 and tags[1][1].startswith("n"))


def _measure_head(noun: str) -> str:
    """A noun phrase cut after its measure word when a verb follows it (价格招聘… -> 价格)."""
    if noun.endswith(_NAMED_MEASURE):
        return noun
    tags, head = _tags(noun), ""
    for i, (w, t) in enumerate(tags[:-2]):
        head += w  # (保险费收入: a verb that ends the phrase is part of its name)
        if head.endswith(_NAMED_MEASURE) and tags[i + 1][1] == "v":
            return head
    return noun


_NAMED_MEASURE = ("速", "率", "量", "度", "价", "值", "额", "温", "费", "价格", "票房", "航程", "路程", "里程", "行程")


def _object_after(text: str, pos: int) -> str:
    """The object of a verb that follows a count of people (出席了|招待会, 领取了|“下岗证”):
    a short noun phrase after 了/过 and an opening quote, up to the clause end; "" if none."""
    while pos < len(text) and text[pos] in "了过“「\"":
        pos += 1
    if not _CJK.match(text, pos) or text[pos] in "的地得在于向给和与及到至" or text[pos] in CN_NUMERAL_CHARS:
        return ""
    noun = _noun_phrase_after(_noun_after(text, pos), True)
    return noun if 2 <= len(noun) <= 6 and not any(c in CN_NUMERAL_CHARS for c in noun) else ""


_PRED_END = re.compile(r"[，,。；;！？!?：:\n（(]")


def _predicate_after(text: str, pos: int) -> str:
    """The verb phrase that follows a group's noun in its clause (95%的市民|都清醒地认识到
    “献血无害…”: 认识到献血无害), without adverbs before it, quotes and aspect particles;
    "" when no verb follows or the phrase runs past 12 characters to the clause end."""
    m = _PRED_END.search(text, pos, pos + 24)
    span = text[pos:m.start() if m else pos + 24]
    if _ANY_DIGIT.search(span):
        return ""  # 99%的出版社都去争取90%的读者: another figure, not a property of the group
    tags = list(_tags(span))
    i = 0
    while i < len(tags) and (tags[i][1] in ("d", "a", "ad", "uv") or tags[i][0] in "地"):
        i += 1  # 都, 清醒地
    if i >= len(tags) or tags[i][1] != "v" or _MODAL_END.fullmatch(tags[i][0]):
        return ""  # (…可以实现: a modal says what may be, not what the group does)
    out = "".join(w for w, t in tags[i:] if w not in "“”\"了着" and t not in ("x", "r"))  # (这项: a determiner)
    return out[:12]


def _money_noun(text: str, pos: int) -> str:
    """The noun right after an amount of money when it says what the money is
    (安排423亿元资金, 列支600万元专项资金), else ""."""
    if not _CJK.match(text, pos) or text[pos] in _not_noun_start():
        return ""
    noun = _noun_phrase_after(_noun_after(text, pos), True)  # (10元门票价格|不变: the verb goes)
    if len(noun) > 6:
        return ""
    return noun if any(key in noun and u == "元" for key, u in _default_units()) else ""
