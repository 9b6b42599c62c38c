"""Figures (qb:Observation) from an article: value, unit, kind, indicator, area, period.

The grammar of the genre, in four steps, all on the repaired text with regexes:

1. **Find** quantities: a numeral (Arabic, Chinese or mixed), an optional 万/亿 multiplier,
   余/多, a unit or measure word (``ontology/vocab/units.tsv``) and qualifiers
   (``figure-qualifiers.tsv``). A number without a unit is not a figure (dates, years,
   codes, phone numbers), nor is one inside a short quotation ("6293", "9+3"), inside
   《…》 (20条措施 of a document name), glued to letters or ``+`` (5G, 9+3), or a bare
   一/十/百/千 (一个, 千家万户).
2. **Kind** (``figure-cues.tsv``): change (同比增长 right before the number, direction
   kept), target (力争, 目标, 明年, a future year), share (占, 比重 with a %), count (a
   measure word), else level.
3. **Indicator**: the noun phrase measured, read back from the number to the clause start
   (trimming area, time and link words, ``figure-indicator-trim.tsv``), or forward from a
   measure word (为243家高新技术企业 -> 高新技术企业); a change with no phrase of its own
   shares the indicator of the figure before it (装机容量…，同比增长30%). The phrase is
   then cut to a noun phrase with jieba's parts of speech (rjieba): adverbs, modals and
   particles at its end go (海拔才不过 -> 海拔); a clause (a preposition, clause adverb,
   pronoun or conjunction in it) keeps its last noun phrase (司法部门已建立了…场所 ->
   …场所); a clause that ends in its verb, or a relative clause (…的), measures the noun
   after the number (只付给1200元住院费, 国家有140亿美元的黄金外汇储备); X比Y低30%
   measures X. Names of statistics written with verbs (城镇新增就业) have no clause mark
   and stay whole. News grammar on top (issue 15): a named place or body opening the
   phrase goes (成都市每年新增教师 -> 新增教师), so does a scope (全村) or an extreme (最多的);
   people or times counted by what they do keep the verb and its object (近300人出席了招待会
   -> 出席招待会人数); a share names X占Y…比例, or the group and what it does (70%的农户使用了…);
   households, visits and times say 户数, 人次, 次数; a harvest or planting verb gives the
   crop's 产量 or 种植面积; N万人口 is a population; a clause that names nothing measured is
   no indicator, not the clause. Sina news on top (issue 15, blind batches of CLUENER): an
   ordinal (第三期, 中第一个) picks which and goes, so do a year in digits (19年), a bare
   number ending another statement (出场次数42|命中率), who forecast or reported it
   (某机构预测, 统计显示), hearsay adverbs (据称, 即) and a span of time alone (5年|增长8倍);
   a noun after 的 that names a measure is measured (3米的积雪量, 50元的管理费), so is the
   object after 的 of a clause ending in its verb, and the noun after money received (领取了|
   80万元年终奖金); a count followed by a verb counts the noun before it (物业公司共35家|签署了…);
   a count already named as a measure (…峰值, …余额) takes no 数量; a Latin model name before
   the noun counted is skipped (两架C-130运输机); a share that lost its holder says 占Y比例; a
   comparison with the same period before (低于上年同期的) measures the figure before; a
   price said by 以…V is the price of the deal (以860万元成交 -> 成交价, ``figure-price-verbs.tsv``);
   a percentage right before a verb is its rate (100%覆盖 -> 覆盖率); a currency after 元
   (元港币) is part of the unit; a named body or a named place that opens the phrase is the
   measure's owner and goes (长河银行净利润 -> 净利润, 青石岛陆地面积 -> 陆地面积), a class of
   bodies stays (商业银行不良贷款率; ``figure-owners.tsv``); a class with examples (赞助商有
   甲、乙等|9家) counts the class; a length after a verb of going is a distance (步行8公里),
   of a peak its altitude, of a tower its height; after a count, a light verb (进行, 组成, 是)
   ends the counted noun and a modifier the tagger reads as an adverb (特约商户) stays in it;
   an auction verb before the amount is a price too (拍出了|800万港元), N公斤重的X is X's weight,
   and in X是Y, Y is measured; a base of a rate (每亩, 每平方米) is said by the unit, a claim
   (辩称) goes with who made it, and a bare 长 or a distance between two places (A距离B) is a
   长度 or a 距离.
4. **Period** (``figure-periods.tsv``): the last period phrase before the figure in its
   sentence, resolved against the page date (今年以来 -> Jan 1 .. page date).
"""
from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, getcontext
from functools import lru_cache

import cn2an

from ..records import Article, Context, Evidence, Figure, observation_key
from ..vocab.lexicon import lexicon
from .numbers import (
    ARABIC_RE,
    CN_DIGITS,
    CN_NUMERAL_CHARS,
    _read_tsv,
    alternation,
    cn_to_decimal,
    compile_prefiltered,
    format_decimal,
    multipliers,
    number_to_decimal,
    qualifier_not_after,
    qualifiers,
    required_literal,
    units,
)

__all__ = ["extract_figures", "find_quantities", "observation_key", "Quantity"]

_CLAUSE_END = "，,；;：:。！？!?\n"
_SENT_END = "。！？!?\n"
_QUOTE_MAX = 10  # a quotation this short is a name or code ("4817", 十四五), not a sentence


@dataclass(slots=True)
class Quantity:
    """A quantity found in text, before kind / indicator / period are read."""

    start: int
    end: int
    value: str
    unit: str
    category: str
    surface: str
    qualifier: str = ""
    rank: bool = False
    num_start: int = 0
    range_head: bool = False  # a unit-less head of a range or list (3至5个): took its unit from the last
    has_mult: bool = False


# ---------------------------------------------------------------- vocabularies

@lru_cache(maxsize=None)
def _cues() -> list[tuple[str, str, str, str]]:
    rows = []
    for row in _read_tsv("figure-cues.tsv"):
        row += [""] * (4 - len(row))
        rows.append((row[0], row[1], row[2], row[3]))
    return rows


@lru_cache(maxsize=None)
def _adjacent_change_re() -> re.Pattern:
    words = [c for c, k, d, s in _cues() if s == "adjacent"]
    # 新增 (newly added) counts things; it is not a change of a level
    return compile_prefiltered(rf"(?<!新)({alternation(words)})(?:了|达|为|约|近|超过|突破)?(到|至)?$")


@lru_cache(maxsize=None)
def _cue_dirs() -> dict[str, str]:
    return {c: d for c, k, d, s in _cues()}


@lru_cache(maxsize=None)
def _scoped_cue_re(kind: str, scope: str) -> re.Pattern | None:
    words = [c for c, k, d, s in _cues() if k == kind and s == scope]
    return re.compile(alternation(words)) if words else None


@lru_cache(maxsize=None)
def _periods() -> list[tuple[re.Pattern, str, str, str]]:
    """(regex, start template, end template, a string every match contains)."""
    out = []
    for row in _read_tsv("figure-periods.tsv"):
        row += [""] * (3 - len(row))
        out.append((compile_prefiltered(row[0]), row[1], row[2], required_literal(row[0])))
    return out


@lru_cache(maxsize=None)
def _trim() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"lead": [], "link": [], "stop": [], "drop": [], "notnoun": []}
    for word, role in _read_tsv("figure-indicator-trim.tsv"):
        out[role].append(word)
    return out


@lru_cache(maxsize=None)
def _tidy_rules() -> dict:
    """``figure-indicator-tidy.tsv``: the last pass over an indicator phrase."""
    rows: dict[str, list[str]] = {}
    for pattern, role in _read_tsv("figure-indicator-tidy.tsv"):
        rows.setdefault(role, []).append(pattern)

    def one(role: str) -> re.Pattern:
        return re.compile("|".join(f"(?:{p})" for p in rows.get(role, [])) or "(?!)")

    return {
        "modal": one("modal"), "cut": one("cut"), "enum": one("enum"), "per": one("per"), "clause": one("clause"),
        "head": re.compile(rf"^(?:{alternation(rows.get('head', []))})+"),
        "tail": re.compile(rf"(?:{alternation(rows.get('tail', []))})+$"),
        "counted": frozenset(rows.get("counted", [])), "people": frozenset(rows.get("people", [])),
        "measured": tuple(rows.get("measured", [])),
        "verb": tuple(sorted(rows.get("verb", []), key=len, reverse=True)),
        "action": tuple(rows.get("verb", []) + rows.get("action", [])),
        "attribute": frozenset(rows.get("attribute", [])),
        "generic": frozenset(rows.get("generic", [])),
        "class": tuple(rows.get("class", [])),
        "bare_verb": re.compile(rf"^(?:基本|再|新|已|又)?(?:{alternation(rows.get('verb', []) + rows.get('action', []))})+$"),
    }


#: time words inside a noun phrase (少先队员近日|…人数): the period is no part of the indicator
_TIME_WORD = re.compile(r"^(?:近日|日前|目前|现在|当时|此前|今天|昨天|近年|近年来|最近|如今|眼下|上个月|上月|本月|当月|上周|本周"
                        r"|当天|当日|今年|去年|前年|上半年|下半年|同期|全月|全年|全天)$")


_PROPER = frozenset({"ns", "nr", "nrt", "nrfg", "nt"})
#: an indicator ending in one of these already names its measure (时速, 水位, 分辨率, 降水量)
_MEASURE_ENDS = ("速", "率", "位", "量", "度", "价", "值", "额", "温")


@lru_cache(maxsize=None)
def _owner_res() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """``figure-owners.tsv``: (a named body, a named place, a class of bodies) at the start of a phrase."""
    rows: dict[str, list[str]] = {}
    for word, role in _read_tsv("figure-owners.tsv")[1:]:
        rows.setdefault(role, []).append(word)
    body = re.compile(rf"^(?:.{{1,8}}(?:{alternation(rows['body'])})|(?:{alternation(rows['short'])}))")
    place = re.compile(rf"^.{{1,8}}(?:{alternation(rows['place'])})")
    return body, place, re.compile(rf"^(?:{alternation(rows['class'])})")


@lru_cache(maxsize=None)
def _owner_words(role: str) -> tuple[str, ...]:
    return tuple(w for w, r in _read_tsv("figure-owners.tsv")[1:] if r == role)


def _is_place_only(name: str) -> bool:
    """Whether a name is a province, city or country and nothing more (墨西哥, 浙江)."""
    lex = lexicon()
    return name in lex.provinces or name in lex.cities or name in lex.countries


_DIMENSION_WORDS = ("全长", "全宽", "总长", "长度", "宽度", "高度", "深度", "面积", "海拔")


def _drop_owner(ind: str) -> str:
    """The indicator without a named body or place that opens it (建设银行净利润 -> 净利润,
    某某岛游戏面积 -> 游戏面积); a class of bodies stays (商业银行不良贷款率)."""
    body, place, klass = _owner_res()
    if klass.match(ind):
        return ind
    m = body.match(ind)
    best = m.group(0) if m and not _has_clause_word(m.group(0)) else ""
    suffix = next((w for w in sorted(_owner_words("body"), key=len, reverse=True) if best.endswith(w)), "")
    if suffix and _is_place_only(best[:-len(suffix)]):
        best = ""  # 墨西哥银行, 美国公司: a place and a kind of body are a class of bodies
    if not best and ind.endswith(_DIMENSION_WORDS):
        for k in range(len(ind) - 2, 1, -1):  # the longest place name before the dimension
            if (pm := place.fullmatch(ind[:k])) and _word_at(ind, k):
                if not _has_verb(ind[k:]):  # (某某大桥|飞架…长度: a verb after the name, a clause)
                    best = pm.group(0)
                break
    rest = _tags(ind[len(best):]) if best else ()
    short = bool(best) and best in _owner_words("short")  # (交行在册…: jieba may glue the short name to what follows)
    if not best or len(ind) - len(best) < 2 or not (short or _word_at(ind, len(best))) \
            or ind[len(best)] in _not_noun_start() or not rest or rest[0][1] in ("p", "d", "c"):
        return ind
    return ind[len(best):]


def _drop_owner_and_time(ind: str) -> str:
    """The indicator without its owner and time words: X的Y, where X is a proper name (one
    place, person or body: 泰山的主峰海拔 -> 主峰海拔; a common noun restricts what is measured
    and stays: 新型灯泡的耗电量; a relative clause too: 已开工的项目), time words (少先队员近日人数 -> 少先队员人数) and a leading conjunction or adverb
    (则容量 -> 容量)."""
    if "占" not in ind:
        ind = _drop_owner(ind)
    if "的" in ind and "占" not in ind:
        owner, _, after = ind.rpartition("的")
        otags = _tags(owner) if len(after) >= 2 and owner and "(" not in after and "（" not in after else ()
        if otags and otags[-1][1] in _PROPER and not any(t in ("v", "vn") for _, t in otags):
            ind = after
    tags = _tags(ind)
    lead = 0
    while lead < len(tags) and tags[lead][1] in _SUBJECT_TAGS and _named_place(tags[lead][0]):
        lead += 1
    if 0 < lead < len(tags) and "占" not in ind:
        rest = tags[lead:]
        while rest and rest[0][1] in ("r", "d", "uj", "c", "b") and len(rest) > 1:
            rest = rest[1:]  # 成都市|每年|新增教师, 北京图书大厦|现有|上架图书
        if sum(len(w) for w, _ in rest) >= 2 and (rest[0][1] != "n" or len(rest[0][0]) >= 2):
            tags = rest  # 北京地区|世界杯网站, 纽约商品交易所|原油期货价格: the place or body is no part of it
            if len(rest) == 1 and rest[0][1] in ("v", "vn"):
                ind = rest[0][0]  # 北京市|投资: a verb left alone is the measure (比利时|企业家: a class stays)
    if len(tags) > 1:
        kept = [(w, t) for w, t in tags if not (t == "t" and _TIME_WORD.match(w))]
        while len(kept) > 1 and (kept[0][1] in ("c", "d") and len(kept[0][0]) == 1
                                 or kept[0][1] == "p" and kept[0][0] != "被" and kept[1][1] in ("v", "vn")
                                 and len(kept) == 2):
            kept = kept[1:]  # (通过融资: a preposition before a verb alone says how, not what)
        out = "".join(w for w, _ in kept)
        if len(out) >= 2:
            ind = out
    return ind


#: parts of speech of the place or body that opens a phrase before a figure
_SUBJECT_TAGS = frozenset({"ns", "nt"})


def _named_place(word: str) -> bool:
    """Whether a word opens with a named place (a province, city or country of the lexicon:
    成都市, 北京图书大厦, 墨西哥) or ends as one (…省, …县, …地区); 城镇, 中央财政 do not."""
    lex = lexicon()
    if word.endswith(("省", "市", "县", "州", "地区", "乡", "镇")) and len(word) >= 3:
        return True
    return any(word[:k] in lex.provinces or word[:k] in lex.cities or word[:k] in lex.countries
               for k in range(2, min(len(word), 5) + 1))


_AREA_ENDS = ("面积", "规模", "用地", "范围", "覆盖")  # (占地 -> 占地面积)
_LENGTH_ENDS = ("长度", "里程", "距离", "海拔", "高度", "深度", "宽度", "长", "高", "深", "宽", "路程", "航程", "行程", "半径",
                "落差", "规模")
#: a length or an area names its dimension (长度, 面积) when the noun before does not
_DIMENSION_UNITS = {"平方公里": ("面积", _AREA_ENDS), "平方米": ("面积", _AREA_ENDS), "公顷": ("面积", _AREA_ENDS),
                    "亩": ("面积", _AREA_ENDS), "公里": ("长度", _LENGTH_ENDS), "米": ("长度", _LENGTH_ENDS)}


#: verbs of going somewhere: a length after one is a distance (步行6公里, 行驶200公里)
_MOVING = ("步行", "行走", "行驶", "行进", "驾车", "开车", "骑行", "飞行", "航行", "徒步", "跑", "走")
#: things whose length in 米 is a height (a peak's is its altitude)
_HIGH_THINGS = ("山", "峰", "顶", "塔", "楼", "大厦", "大楼", "高楼", "瀑布")
_INNER_DE = re.compile(r"(?<=.)的(?!比重|比例|份额)(?=..)")
_MASS_UNITS = frozenset({"千克", "吨", "斤", "担"})
#: a harvest verb and its crop at the end of a phrase before a weight (收各种粮食, 增产粮食)
_HARVEST = re.compile(r"(?:收获|收回|收|增产|减产|减收|产)了?(?:各种|各类)?([\u4e00-\u9fff]{2,4})$")


def _word_at(phrase: str, i: int) -> bool:
    """Whether a word of the phrase (as rjieba cuts it) starts at ``i`` (产|生量 does not)."""
    pos = 0
    for w, _ in _tags(phrase):
        if pos >= i:
            return pos == i
        pos += len(w)
    return pos == i


#: count units whose count has a word of its own: households (户数), visits (人次), times (次数)
_COUNT_WORDS = {"户": "户数", "人次": "人次", "次": "次数"}


#: X是Y inside a phrase (申购条件是家庭人均月收入): Y is measured (not 是否, not a phrase with 是 twice)
_IS_IN = re.compile(r"^[^是]{1,12}是(?!否)(?=[^是]+$)")
#: an ordinal with its measure word inside a phrase (第三期, 第二批次, 中第一个): it picks one of the things
_ORDINAL_IN = re.compile(r"第[0-9０-９〇零一二两三四五六七八九十百]+(?:批次|阶段|期|批|次|个|届|轮|季)(?![月年天日周度])")
#: a number of two digits or more between Chinese words, with no unit (出场次数42命中率): the phrase after it is measured
_BARE_NUMBER_IN = re.compile(r"(?<=[\u4e00-\u9fff])[0-9０-９]{2,}(?![0-9０-９]|年|月|日|号|届|期|[\u4e00-\u9fff]*[0-9])(?=[\u4e00-\u9fff])")
#: the last characters of nouns for people (网友, 市民, 读者, 会员, 女士, 学生, 买家, 选手)
_PERSON_ENDS = ("友", "民", "者", "员", "士", "生", "家", "手", "户", "客", "人")


def _is_person(noun: str) -> bool:
    """Whether a short noun phrase names a person (its head is a person noun or a name)."""
    tags = _tags(noun)
    return noun.endswith(_PERSON_ENDS) or bool(tags) and tags[-1][1] in ("nr", "nrfg", "nrt")


#: what may follow N个人 when 个人 is no word of its own (个人电脑, 个人所得税): a mark, 的, an adverb
_AFTER_PERSONS = frozenset("，,。；;：:、！？!?的都也就还一是在被把将")
#: a name in Latin letters (and digits) right before a Chinese noun (C-130运输机)
_MODEL_NAME = re.compile(r"[A-Za-z][A-Za-z0-9\-－.·]{0,15}(?=[\u4e00-\u9fff])")
_HOUSING_FLOW = re.compile(r"开工|建成|竣工|改造|棚户区")
#: a year written in digits inside a phrase (2008年, 19年底): the period
_YEAR_IN = re.compile(r"(?<![0-9０-９])(?:(?:[0-9]{2}|[0-9]{4}|[０-９]{2}|[０-９]{4})年(?:底|末|初|中|前)?"
                      r"|^(?:19|20)[0-9]{2}(?=[\u4e00-\u9fff]))(?![0-9０-９])")
#: a time counted from now or then inside a phrase (一年后, 三个月前, 5天以后): the period
_RELATIVE_TIME = re.compile(r"[0-9０-９一二两三四五六七八九十半]+个?(?:年|月|天|周|星期)(?:以后|以前|之后|之前|后|前)")
#: a span of time alone (7年, 三个多月来): no indicator
_DURATION_ONLY = re.compile(r"^(?:近|约|前|后|最近)?[0-9０-９〇零一二两三四五六七八九十百]+(?:多|余)?个?(?:年|月|天|日|周|星期|小时)"
                            r"(?:多|来|以来|内|间|前|后)?$")
#: a source that forecasts or reports before the measured phrase (某机构预测…, 统计显示…); not 认为 (a survey's answer)
_SAID_CUT = re.compile(r"^[^，,；;]{0,10}?(?:预测|预计|估计|显示|据说|据称|辩称|声称|宣称)(?=[\u4e00-\u9fff]{2})")


#: a period word inside a phrase (占同期…, 全月平均价): said apart as the period
_PERIOD_IN = re.compile(r"(?<=占)同期|^(?:同期|全月|全天|全年|本年度|上年度|本财年|上财年)")
#: a date or a span of time that opens the phrase (３月２４日, 11日和13日, 次日, 近几年, 到上周末为止)
_DATE_IN = re.compile(r"^(?:年?[0-9０-９一二三四五六七八九十]{1,2}月(?:[0-9０-９一二三四五六七八九十]{1,3}[日号])?"
                      r"|[0-9０-９]{1,2}[日号](?:和[0-9０-９]{1,2}[日号])?|次日|翌日|当日|当天|近几年|近年来|近几天"
                      r"|(?:到|截至|截止)[^，,；;]{1,6}(?:为止|止))")
#: a decision or a plan before the act measured (决定捐资, 准备投入)
_DECIDED = re.compile(r"^[^，,；;]{0,10}?(?:决定|准备|打算|确定)(?=[\u4e00-\u9fff]{2})")
#: who achieved a figure before 实现 (开发区实现国内生产总值)
_ACHIEVED_IN = re.compile(r"^([\u4e00-\u9fff]{2,8}?)实现(?=[\u4e00-\u9fff]{2})")


@lru_cache(maxsize=8192)
def _tidy_indicator(ind: str, kind: str, unit: str) -> str:
    """An indicator phrase cut down to the noun phrase of what is measured.

    Plans and wills (拟安排, 为此将), a 将/把 construction, lists of examples before 等, leading
    subjects and areas (北方地区), trailing qualifiers and change words (平均, 合计, 涨幅) and
    the base of a rate (每人每年) go; a count names what it counts with 数量 (or 人数); a
    phrase that is still a clause (介绍了…) is no indicator at all (the empty string).
    """
    if not ind:
        return ""
    r = _tidy_rules()
    ind = r["modal"].sub("", ind)
    if _DURATION_ONLY.match(ind):
        return ""  # 5年|增长了8倍: a span of time is when, not what is measured
    for dm in _BARE_NUMBER_IN.finditer(ind):
        if len(ind) - dm.end() >= 2:
            ind = ind[dm.end():]  # 本赛季出场次数42|命中率: a number without its unit ends another statement
            break
    if (rt := _RELATIVE_TIME.search(ind)) and len(ind) - (rt.end() - rt.start()) >= 2:
        ind = ind[:rt.start()] + ind[rt.end():]  # 三个月后|存款利率: a time from now is the period
    if ("年" in ind or ind[:1].isdigit()) and (ym := _YEAR_IN.search(ind)) and len(ind) - (ym.end() - ym.start()) >= 2:
        ind = ind[:ym.start()] + ind[ym.end():]  # 该村19年新建温室|30座: a year is the period, not the measure
    if "是" in ind[1:] and (im := _IS_IN.search(ind)) and len(ind) - im.end() >= 3:
        ind = ind[im.end():]  # 申购条件是|家庭人均月收入: what the clause says it is
    if "第" in ind and (om := _ORDINAL_IN.search(ind)) and len(ind) - om.end() >= 2:
        ind = ind[om.end():]  # 第三期入住的安置房, 该系列中第一个售价: the ordinal picks which; what follows is measured
    while (dm := _DATE_IN.match(ind)) and len(ind) - dm.end() >= 2:
        ind = ind[dm.end():]  # ３月２４日大众首先开价, 近几年广东省投入: the date is the period
    if (dc := _DECIDED.match(ind)) and len(ind) - dc.end() >= 2:
        ind = ind[dc.end():]  # 农民杨某决定捐资: who decided it is no part of the measure
    if (sm := _PERIOD_IN.search(ind)) and len(ind) - (sm.end() - sm.start()) >= 2:
        ind = ind[:sm.start()] + ind[sm.end():]  # 占同期…总额, 全月平均价: the period, not the measure
    if "实现" in ind[2:] and (am := _ACHIEVED_IN.match(ind)) and len(ind) - am.end() >= 2 \
            and all(t in ("n", "ns", "nt", "nz", "s", "j") for _, t in _tags(am.group(1))):
        ind = ind[am.end():]  # 开发区实现|国内生产总值: who achieved it is the area or owner, what is measured follows
    if (sm := _SAID_CUT.match(ind)) and len(ind) - sm.end() >= 2:
        ind = ind[sm.end():]  # 某研究机构预测今年居民消费增速: who forecast or reported it is no part of the measure
    if ind.startswith(("使", "让", "令")) and len(ind) > 3 and not ind.startswith(("使用", "让利")):
        ind = ind[2:] if ind.startswith("使得") else ind[1:]  # 使统计上的可信程度: a consequence, not the noun
    if "将" in ind or "把" in ind:
        m = r["cut"].search(ind)
        if m and len(ind) - m.end() >= 2:
            ind = ind[m.end():]
    if "、" in ind:
        ind = r["enum"].sub("", ind)
    prev = None
    while prev != ind:
        prev = ind
        if "每" in ind:
            cut = r["per"].sub("", ind)
            if len(cut) < 2 and (pu := _per_unit_re().match(ind)) and len(ind) - pu.end() >= 2:
                cut = ind[pu.end():]  # 每亩|补助: the base opens the phrase, the noun after it stays
            ind = cut
        cut = r["head"].sub("", ind)
        ind = cut if len(cut) >= 2 else ind
        if not ind.endswith("平均") or not _VS_AVERAGE.search(ind):  # 低于全县平均: a comparison
            cut = r["tail"].sub("", ind)
            ind = cut if len(cut) >= 2 else ind
        ind = ind.strip(" 、，,；;：:的之")
    if r["clause"].search(ind) and not (kind == "count" and ind.endswith("记者")):  # 200多名记者: counted
        return ""
    ind = _drop_owner_and_time(ind)
    if "的" in ind[1:-2] and "的占" not in ind:
        # 原油的期货价格: the label joins its nouns (a share keeps …占Y的比重, as statistics write it)
        ind = _INNER_DE.sub("", ind)
    if ind.endswith("的占") and len(ind) > 3:
        ind = ind[:-2] + "比例"  # 使用电脑的占75%: the share of those who do it
    elif ind.endswith(("比例占", "比重占")) and len(ind) > 4:
        ind = ind[:-3] + "比例"  # 自营商品比例约占20%: the share is named already
    elif ind.endswith("占") and len(ind) > 2:
        ind += "比"  # 税收收入占比72%: the 比 was read as a comparison word
    elif kind == "share" and "占" in ind[1:-1] and not ind.endswith(_SHARE_ENDS):
        ind += "比例"  # 科技产业占生产总值的7%: the share of X in Y, not Y
    if unit in _DIMENSION_UNITS and _DIMENSION_UNITS[unit][0] == "长度" and kind not in ("share", "change"):
        if ind in _DIMENSION_ADJ:
            return _DIMENSION_ADJ[ind]  # 长约|500米: the length
        if "距离" in ind[1:]:
            return "距离"  # 派出所距离事发地|300米: the distance between them
    if len(ind) >= 2 and kind not in ("share", "change") and unit in _DIMENSION_UNITS:
        word, ends = _DIMENSION_UNITS[unit]
        if word == "长度" and ind.endswith(_MOVING):
            word = "距离"  # 步行|6公里: how far one goes, not how long a thing is
        elif word == "长度" and ind.endswith(_HIGH_THINGS):
            word = "海拔" if ind.endswith(("山", "峰", "顶")) else "高度"  # 最高峰|2600米, 电视塔|400米
        if not ind.endswith(ends + _MEASURE_ENDS):
            ind += word  # 森林3.8万公顷 -> 森林面积, 主干传输网1500公里 -> 主干传输网长度
    if len(ind) >= 2 and not ind.endswith(r["measured"]) and kind != "share":
        if unit in _COUNT_WORDS and not ind.endswith(_COUNT_WORDS[unit]):
            # 350户村民 -> 村民户数, 50万人次的观众 -> 观众人次, 连续7次加息 -> 加息次数
            ind += _COUNT_WORDS[unit] if not (unit == "户" and ind.endswith("户")) else "数量"
        elif unit in r["counted"] and not (unit == "套" and _HOUSING_FLOW.search(ind)):
            # (新开工棚户区改造住房60万套: dwellings started or built are a statistic by that name)
            ind += "数量"  # the statistical wording (企业数量); scorers take …数 for the same
        elif unit in r["people"]:
            ind += "人数"
    return ind


@lru_cache(maxsize=None)
def _drop_re() -> re.Pattern:
    return compile_prefiltered("|".join(_trim()["drop"]))


@lru_cache(maxsize=None)
def _set_phrase_re() -> re.Pattern:
    return re.compile(alternation(r[0] for r in _read_tsv("figure-set-phrases.tsv")))


@lru_cache(maxsize=None)
def _trim_res() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    t = _trim()
    quals = [q for q, (pos, _) in qualifiers().items() if pos == "before"]
    lead = re.compile(rf"^(?:[、，,；;：:/\s]|{alternation(t['lead'])})+")
    link = compile_prefiltered(rf"(?:{alternation(t['link'] + quals)})+$")
    stop = compile_prefiltered(rf"[，,；;：:。！？!?、\n“”\"《》()（）]|{alternation(t['stop'])}|{ARABIC_RE}")
    return lead, link, stop


@lru_cache(maxsize=None)
def _not_noun_start() -> frozenset[str]:
    return frozenset("".join(_trim()["notnoun"]))


@lru_cache(maxsize=None)
def _default_units() -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in _read_tsv("figure-indicator-units.tsv")]


@lru_cache(maxsize=None)
def _per_unit_end_re() -> re.Pattern:
    return re.compile(rf"每(?:{alternation(units())})$")


@lru_cache(maxsize=None)
def _per_unit_re() -> re.Pattern:
    return re.compile(rf"^每(?:{alternation(units())})")


@lru_cache(maxsize=None)
def _per_re() -> re.Pattern:
    return re.compile(rf"[/／]({alternation(units())})(?![0-9０-９])")


#: a Chinese numeral in running text (numbers.CN_RE with bounds): 40 characters at most, more
#: than any number is written with, so that a long run of 一/十 without a unit after it is
#: scanned in linear time, not tried from each of its characters to its end (quadratic:
#: a line of 24,000 such characters took minutes)
_CN_FIGURE_RE = rf"[{CN_NUMERAL_CHARS}]{{1,40}}(?:[点點][{''.join(CN_DIGITS)}]{{1,40}})?"


@lru_cache(maxsize=None)
def _quantity_re() -> re.Pattern:
    # Every branch opens on a numeral (or 百分之 / 翻), so the scan skips plain text fast;
    # a Chinese numeral is a candidate only with a unit after it (一 / 十 are everywhere).
    quals = qualifiers()
    after_num = alternation(q for q, (pos, _) in quals.items() if pos == "after_number")
    after_unit = alternation(q for q, (pos, _) in quals.items() if pos == "after_unit")
    mults = alternation(multipliers())
    unit_alt = alternation(units())
    return compile_prefiltered(
        rf"(?:(?P<pct>百分之)(?P<pctnum>{_CN_FIGURE_RE})"
        rf"|(?P<double>翻(?:一|两|二|三)?番)"
        rf"|(?P<mnum>[0-9]+(?:[万亿][0-9]+[千百十])+|[0-9]+[千百](?![瓦克米]))(?P<mqa>{after_num})?"
        rf"(?P<mmult>{mults})?(?P<mqa2>{after_num})?(?P<munit>{unit_alt})"
        rf"|(?P<num>{ARABIC_RE})(?P<qa>{after_num})?(?P<mult>{mults})?(?P<qa2>{after_num})?(?P<mult2>(?<=[余多])亿)?"
        rf"(?P<unit>{unit_alt})?"
        rf"|(?P<cnum>{_CN_FIGURE_RE})(?P<cqa>{after_num})?(?P<cmult>{mults})?(?P<cqa2>{after_num})?"
        rf"(?P<cunit>{unit_alt}|大(?=[\u4e00-\u9fff])))"
        rf"(?P<qu>{after_unit})?"
    )


@lru_cache(maxsize=None)
def _qualifier_before_re() -> re.Pattern:
    before = alternation(q for q, (pos, _) in qualifiers().items() if pos == "before")
    return re.compile(rf"(?:{before})$")


@lru_cache(maxsize=None)
def _qualifier_before_last() -> frozenset[str]:
    """Characters a match of _qualifier_before_re can end on: a qualifier's last, or the
    newline that ``$`` may stand before."""
    return frozenset(q[-1] for q, (pos, _) in qualifiers().items() if pos == "before" and q) | {"\n"}


#: the groups a match's num / mult / unit are in, by branch (cnum / mnum: Chinese and mixed numerals)
_GROUP_NAMES = {"": ("num", "mult", "unit"), "c": ("cnum", "cmult", "cunit"), "m": ("mnum", "mmult", "munit")}


@lru_cache(maxsize=None)
def _quantity_groups():
    """Positions in ``match.groups()`` of the groups find_quantities reads: cnum, mnum,
    double, pct, pctnum, mult2, qu, and by branch ("", "c", "m") num, mult, unit, qa, qa2."""
    gi = {name: i - 1 for name, i in _quantity_re().groupindex.items()}
    by_branch = {cn: tuple(gi[cn + n] for n in ("num", "mult", "unit", "qa", "qa2")) for cn in ("", "c", "m")}
    return (gi["cnum"], gi["mnum"], gi["double"], gi["pct"], gi["pctnum"], gi["mult2"], gi["qu"], by_branch)


def _power(mult: str) -> int:
    """Power of ten of a multiplier as written: 万 4, 百万 6, 万…亿 (3万多亿) 12."""
    table = multipliers()
    return table[mult] if mult in table else sum(table[c] for c in mult)


_TO_CN = str.maketrans("0123456789", "〇一二三四五六七八九")
_PLAN_WORD = re.compile(r"要|将|拟|计划")
_CONT = re.compile(r"\s*(?:[-—–~～至到、/]|和|及|与|或)\s*")
_LIST_SEP = re.compile(r"[-—–~～至到、]|和|及|与|或")


def _flush(pending: list["Quantity"], out: list["Quantity"]) -> None:
    """Unit-less quantities that never met a unit: keep those with 万/亿 (争取资金1亿多),
    whose unit the indicator may tell; drop bare numbers."""
    for q in pending:
        if q.has_mult:
            q.category = "?"
            out.append(q)
_GLUE_BEFORE = re.compile(r"[A-Za-z+＋_#＃]")
_GLUE_AFTER = re.compile(r"[A-Za-z+＋_#＃]|[.．][0-9]")
#: the characters of _GLUE_BEFORE, to test one character without a regex
_GLUE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+＋_#＃")
_ASCII_DIGITS = frozenset("0123456789")
_NAME_COUNT = re.compile(r"(?:条|项)(?:措施|举措|意见|规定|政策措施)")
_BIG_NOT = re.compile(r"大(?:会|精神|报告|以来|代表|学|家|力|幅|量|型|批|多|小|概)")
_DOUBLE = {"翻番": "2", "翻一番": "2", "翻两番": "4", "翻二番": "4", "翻三番": "8"}
_CN_APPROX = re.compile(r"[一二两三四五六七八九][一二两三四五六七八九]")  # two digits side by side, no 十/百 between
_BARE_CN = set("十拾百佰千仟万亿一壹零〇")  # 两 (两个, 两家) is a number; 两个确立 a set phrase


_BOOK_TITLE = re.compile(r"《[^《》]{1,80}》")
_SHORT_QUOTE = re.compile(r"“([^“”]{1,40})”|‘([^‘’]{1,40})’|\"([^\"\n]{1,40})\"")
_ASPECT = re.compile(r"^[^，,；;：:]*?方面")
_VS_AVERAGE = re.compile(r"(?:高于|低于|超过|快于|慢于|超出)[\u4e00-\u9fff]{0,4}平均$")
_RATE_WORDS = ("降幅", "增幅", "增速", "涨幅", "降速", "下降幅度", "增长幅度", "上涨幅度", "下跌幅度")
_TOPIC = re.compile(r"(?:^|[，,；;。：:\s])([\u4e00-\u9fff]{1,6})方面[，,：:]")
_NOT_TOPIC = ("一", "另", "各", "这", "那", "多", "其他", "其它", "两", "诸", "等")
#: a length followed by one of these adjectives (8800多米高的) measures that dimension
_DIMENSION_ADJ = {"高": "高度", "长": "长度", "深": "深度", "宽": "宽度", "厚": "厚度"}
#: 厚达|4000米的冰层: a dimension reaching a length, of the noun after
_DIMENSION_REACH = re.compile(r"([长高深宽厚])达$")
#: 90%以上的|个人电脑: a percentage of a group
_SHARE_OF = re.compile(r"(?:以上|以下|左右|多)?的(?=[\u4e00-\u9fff]{2})")
_SHARE_ENDS = ("率", "比", "比重", "比例", "占", "占比", "份额", "幅", "度")
_CONVERTED = re.compile(r"^[（(]?(?:约|大约)?(?:折合|约合|合)")
_BARE_COMPARE = re.compile(r"^(?:要|还|约|大约)?(?:(?:低|高|多|少|贵|便宜)(?:了|出)?"
                           r"|[低高多少]于(?:上年|去年|上一年|前一年|上月|上季度|同期|上年同期|去年同期)的?)$")
_ADVERB_SHARE = re.compile(r"(?:只|仅|约|才|已|共|均|竟)占了?|占了")
_FROM_WHEN = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:由[\u4e00-\u9fff]{1,6}(?:前|后|时)|[由从](?:每[\u4e00-\u9fff]){1,3})$")
_DE_END = re.compile(r"(?:的|之)$")
_UP_WORDS = re.compile("提高|增长|上升|高于|增加")
_DOWN_WORDS = re.compile("下降|降低|减少|低于|回落")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans where numbers are names, not figures: 《…》 and short quotations."""
    spans = [(m.start(), m.end()) for m in _BOOK_TITLE.finditer(text)]
    for m in _SHORT_QUOTE.finditer(text):
        inner = m.group(1) or m.group(2) or m.group(3) or ""
        if len(inner) <= _QUOTE_MAX:
            spans.append((m.start(), m.end()))
    spans.sort()
    return spans


def _in_spans(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def find_quantities(text: str) -> list[Quantity]:
    """All quantities in ``text`` that are figures (value, unit, qualifier), in order.

    text (str): repaired text.
    RETURNS (list[Quantity]): value is an exact decimal string with 万/亿 applied.
    """
    spans = _protected_spans(text)
    starts = [s for s, _ in spans]
    uts = units()
    qb_re = _qualifier_before_re()
    qb_last = _qualifier_before_last()
    set_phrase = _set_phrase_re()
    per_re = _per_re()
    not_after = qualifier_not_after()
    prec = getcontext().prec
    out: list[Quantity] = []
    pending: list[Quantity] = []  # unit-less first halves of ranges (3至5个)
    i_cnum, i_mnum, i_double, i_pct, i_pctnum, i_mult2, i_qu, by_branch = _quantity_groups()
    for raw in _quantity_re().finditer(text):
        # the groups read once, not by a call per group: the cnum / mnum branches name
        # their groups with a c / m before num, qa, mult, qa2, unit
        gd = raw.groups()
        cn = "c" if gd[i_cnum] is not None else "m" if gd[i_mnum] is not None else ""
        g_num, g_mult, g_unit = _GROUP_NAMES[cn]
        i_num, i_mult, i_unit, i_qa, i_qa2 = by_branch[cn]
        rs = raw.start()
        qbm = qb_re.search(text, max(0, rs - 4), rs) if rs and text[rs - 1] in qb_last else None
        qb = qbm.group(0) if qbm else None
        qb_start = qbm.start() if qbm else rs
        ordinal = qb_start > 0 and text[qb_start - 1] == "第"
        s, e = qb_start - (1 if ordinal else 0), raw.end()
        double = gd[i_double]
        if double:
            num_start = raw.start("double")
            if spans and _in_spans(spans, starts, num_start):
                continue
            out.append(Quantity(num_start, raw.end("double"), _DOUBLE[double], "倍", "times",
                                double, num_start=num_start))
            continue
        num_g = gd[i_num]
        if gd[i_pct]:
            num, mult, unit_s = gd[i_pctnum], "", "%"
            num_start = raw.start("pct")
        else:
            num, mult, unit_s = num_g, gd[i_mult] or "", gd[i_unit] or ""
            num_start = raw.start(g_num)
        if not num or spans and _in_spans(spans, starts, num_start):
            continue
        is_cn = num[0] in CN_DIGITS or num[0] in "十拾百佰千仟万亿萬億"
        prev = text[num_start - 1] if num_start > 0 else ""
        # 5G, 9+3, PM2.5 are names; 100MW is a quantity (the letters are its unit)
        glue_at = raw.end(g_num) if num_g else e
        if unit_s and unit_s[0].isascii() and unit_s[0].isalpha():
            glue_at = e
        after_c = text[glue_at:glue_at + 1]  # (_GLUE_BEFORE / _GLUE_AFTER, by set look-ups)
        if prev in _GLUE_CHARS and not qb or after_c in _GLUE_CHARS \
                or after_c in (".", "．") and text[glue_at + 1:glue_at + 2] in _ASCII_DIGITS:
            continue
        if not is_cn and len(num) > 1 and num[0] in "0０" and num[1] not in ".．":
            continue  # 0635…: a code or phone number
        if is_cn:
            if num[0] in "零〇" or num in _BARE_CN and not (qb and num in "十百千万亿萬億"):
                continue  # 一个, 千家万户; but 近万人, 逾千家
            if prev and prev in "第初周期之星数几上":
                continue  # ordinals, and vague amounts (数十万, 几百, 上万)
            if num.endswith(("万", "亿")) and not unit_s:
                continue
            if _CN_APPROX.search(num):
                continue  # 五六十个, 一二公里, 三十五六岁: an approximate range, no value
        if unit_s == "大":
            # 六大特色优势门类 -> 6 kinds; not 二十大 (a congress), not 大会 / 大学
            if not is_cn or len(num) != 1 or _BIG_NOT.match(text, raw.start(g_unit)) \
                    or set_phrase.match(text, raw.end(g_unit)) or set_phrase.match(text, raw.start(g_unit)):
                continue  # 三大攻坚战: a slogan
            # …、生物医药等四大产业 counts kinds it has just listed; a bare 五大运动 is a slogan
            clause_start = max(text.rfind(c, 0, num_start) for c in "，,；;。：:！？\n") + 1
            if "、" not in text[clause_start:num_start] and not text[clause_start:num_start].endswith("等"):
                continue
            unit, category = "类", "count"
        elif unit_s:
            u = uts[unit_s]
            unit_end = raw.end(g_unit)
            after = text[unit_end:unit_end + 1]
            population = u.unit == "人" and after == "口" and bool(mult)  # 1100万人口: a population
            # 跳下4个人，: 个人 ends the phrase (a punctuation mark, 的 or an adverb follows): people counted
            persons = unit_s == "个" and after == "人" and text[unit_end + 1:unit_end + 2] in _AFTER_PERSONS
            if after and (after in u.not_before or after == "级") and not population and not persons:
                continue  # 个人, 条件; 百万千瓦级, 万吨级: a class, not an amount
            if population and e == unit_end:
                e += 1
            if _NAME_COUNT.match(text, raw.start(g_unit)):
                continue
            unit, category = u.unit, u.category
            if is_cn and set_phrase.match(text, unit_end):
                continue  # 四个现代化, 两个确立: a doctrine, not a count
            per = per_re.match(text, e)
            if per and category in ("money", "mass", "energy", "power", "length", "area", "volume", "count"):
                unit = f"{unit}/{uts[per.group(1)].unit}"  # 0.35元/千瓦时
                e = per.end()
        else:
            unit, category = "", ""
        if ordinal and not (category == "count" and unit in ("位", "名")):
            continue
        mult2 = None if cn else gd[i_mult2]
        qa = gd[i_qa]
        if not cn and not mult and not mult2 and num.isdigit() and num.isascii() and len(num) <= prec \
                and (num[0] != "0" or len(num) == 1) and not (unit_s and unit_s in uts and uts[unit_s].scale != 1):
            value = None
            value_s = num  # 243家: a plain integer is its own exact string (format_decimal(Decimal(num)))
        else:
            value_s = None
            try:
                # 1万6千, 5千: a mixed numeral reads like a Chinese one
                value = number_to_decimal(num if cn != "m" else num.translate(_TO_CN))
            except (ValueError, ArithmeticError):
                continue
        if mult2:
            mult += mult2  # 3万多亿元: 万 and 亿 around 多
        if value_s is not None:
            pass
        elif mult and ((is_cn and qa) or "亿" in num or "万" in num):
            # 四亿零七百多万 = 4亿 + 700多万, 1亿2千万 = 1亿 + 2千万: the multiplier scales
            # the last section only
            try:
                value = number_to_decimal(num + mult)
            except (ValueError, ArithmeticError):
                try:  # mixed Arabic and Chinese sections (1亿2千万): cn2an reads them
                    value = Decimal(str(cn2an.cn2an(num + mult, "smart")))
                except (ValueError, ArithmeticError, KeyError, TypeError):
                    continue
        elif mult:
            value = value.scaleb(_power(mult))
        if value_s is None and unit_s and unit_s in uts and uts[unit_s].scale != 1:
            value = value * uts[unit_s].scale
        qual = qb or ""
        if qual and qb_start > 0 and text[qb_start - 1] in not_after.get(qual, ""):
            qual, s = "", num_start  # 节约二十亿元: 约 belongs to the verb
        for gv in (qa, gd[i_qa2], gd[i_qu]):
            if gv:
                qual = gv if not qual else qual + "+" + gv
        q = Quantity(s, e, value_s if value_s is not None else format_decimal(value), unit, category, text[s:e], qual,
                     rank=ordinal, num_start=num_start)
        q.has_mult = bool(mult) or (is_cn and num[-1] in "万亿")
        chained = bool(pending) and _LIST_SEP.fullmatch(text, pending[-1].end, s) is not None
        if not chained:
            _flush(pending, out)
            pending = []
        if not unit:
            # 3至5个, 10.6万、3.8万、3.3万平方公里: unit-less heads take the unit of the last
            if e < len(text) and _LIST_SEP.match(text, e) and not is_cn:
                pending.append(q)
                continue
            _flush(pending + [q] if mult and not is_cn else pending, out)
            pending = []
            continue
        for first in pending:
            if not first.has_mult and mult:
                first.value = format_decimal(number_to_decimal(first.value).scaleb(_power(mult)))
            first.unit, first.category = unit, category
            first.range_head = True
            out.append(first)
        pending = []
        out.append(q)
    _flush(pending, out)
    return out


# ---------------------------------------------------------------- periods

def _small_int(v: str | None) -> int | None:
    if not v:
        return None
    try:
        return int(v) if v.isdigit() else int(cn_to_decimal(v))
    except (ValueError, ArithmeticError):
        return None


def _resolve(template: str, groups: dict, page_date: str | None, ctx_year: int | None = None) -> str | None:
    """An ISO date from a template of ``figure-periods.tsv``, or None (unknown or invalid)."""
    out = _fill(template, groups, page_date, ctx_year)
    if out is None:
        return None
    try:
        date.fromisoformat(out)
    except ValueError:
        return None  # 2月30日, a year the text got wrong
    return out


def _fill(template: str, groups: dict, page_date: str | None, ctx_year: int | None) -> str | None:
    if not template:
        return None
    if template == "page":
        return page_date
    page_year = int(page_date[:4]) if page_date else None
    y = groups.get("y")
    if "ctx" in groups:
        year = ctx_year  # 全年, 年末: the year the article is about
    elif y in (None, "", "今年"):
        year = page_year
    elif y == "去年":
        year = page_year - 1 if page_year else None
    elif y == "明年":
        year = page_year + 1 if page_year else None
    else:
        year = int(y.rstrip("年"))
    if year is None:
        return None
    out = template.replace("{y}", str(year))
    for key in ("m", "m2", "d"):
        if "{" + key + "}" in out:
            v = _small_int(groups.get(key))
            if not v:
                return None
            out = out.replace("{" + key + "}", f"{v:02d}")
    q = _small_int(groups.get("q")) or 4
    if not 1 <= q <= 4:
        return None
    if "soq" in out:
        out = out.replace("soq", f"{q * 3 - 2:02d}-01")
    if "eoq" in out:
        out = out.replace("eoq", f"{q * 3:02d}-{calendar.monthrange(year, q * 3)[1]:02d}")
    if "eon" in out:
        n = _small_int(groups.get("n"))
        if not n or not 1 <= n <= 12:
            return None
        out = out.replace("eon", f"{n:02d}-{calendar.monthrange(year, n)[1]:02d}")
    if out.endswith("eom"):
        month = int(out.split("-")[1])
        if not 1 <= month <= 12:
            return None
        out = out.replace("eom", f"{calendar.monthrange(year, month)[1]:02d}")
    return out


def _find_periods(sentence: str, offset: int, page_date: str | None,
                  ctx_year: int | None = None) -> list[tuple[int, int, str, str | None, str | None]]:
    """Period phrases in a sentence: (start, end, surface, start date, end date), by position.

    A phrase without a year (12月份, 前三季度) that would start after the page date means
    last year's (a January page reporting December). 全年 / 年末 take ``ctx_year``.
    """
    found: list[tuple[int, int, str, str | None, str | None]] = []
    taken: list[tuple[int, int]] = []
    for rx, t0, t1, needed in _periods():
        if needed and needed not in sentence:
            continue  # 前三季度 needs 季度: the regex cannot match
        for m in rx.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if m.start() > 0 and sentence[m.start() - 1] in "比较同于":
                taken.append((m.start(), m.end()))
                continue  # 比去年增长: a comparison base, not the period
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            start = _resolve(t0, groups, page_date, ctx_year)
            end = _resolve(t1, groups, page_date, ctx_year)
            if page_date and "y" not in groups and "ctx" not in groups and "{y}" in t0 + t1 \
                    and _after_page(start, end, page_date):
                groups["y"] = "去年"
                start, end = _resolve(t0, groups, page_date), _resolve(t1, groups, page_date)
            found.append((offset + m.start(), offset + m.end(), m.group(0), start, end))
            taken.append((m.start(), m.end()))
    found.sort()
    return found


def _after_page(start: str | None, end: str | None, page_date: str) -> bool:
    """A yearless period that starts after the page, or ends more than a month after it,
    is last year's (一季度 on a January page)."""
    if start and start > page_date:
        return True
    if end:
        try:
            return (date.fromisoformat(end) - date.fromisoformat(page_date)).days > 31
        except ValueError:
            return False
    return False


def _context_year(years: list[tuple[int, int]], before: int, page_date: str | None) -> int | None:
    """The year an article's 全年 / 年末 mean: the last year it named before ``before``
    (``years`` = [(position, year)] in order), else the page's (the year before in the
    first quarter, when annual results are reported)."""
    page_year = int(page_date[:4]) if page_date else None
    i = bisect.bisect_left(years, (before, -1))
    while i > 0:
        i -= 1
        y = years[i][1]
        if page_year is None or y <= page_year:
            return y
    if page_year is None:
        return None
    return page_year - 1 if int(page_date[5:7]) <= 3 else page_year


_YEAR_RE = re.compile(r"((?:19|20)[0-9]{2})年(?!以来)")


# ---------------------------------------------------------------- the extractor

def _bounds(text: str, chars: str) -> list[int]:
    """Positions of ``chars`` in ``text``, in order."""
    return [m.start() for m in _char_class_re(chars).finditer(text)]


@lru_cache(maxsize=None)
def _char_class_re(chars: str) -> re.Pattern:
    return re.compile("[" + re.escape(chars) + "]")


def _indicator_before(pre: str, periods_in: list[str]) -> str:
    lead, link, _ = _trim_res()
    for p in periods_in:
        pre = pre.replace(p, "")
    pre = _ADVERB_SHARE.sub("占", pre)  # 科技产业只占生产总值的7%: the adverb is no clause
    if pre.endswith("等") and (em := _HAVE_EXAMPLES.match(pre)):
        pre = em.group(1)  # 合作伙伴有甲公司、乙公司等|6家: the class before 有 is counted, not its examples
    m = _FROM_WHEN.search(pre)
    if m:
        pre = pre[:m.start()]  # 每张处方均值由医改前|10元提高到…: the start of a change, said by when
    pre = _drop_re().sub("", pre)
    if "每" in pre[-5:] and (pu := _per_unit_end_re().search(pre)) and pu.start() >= 2:
        pre = pre[:pu.start()]  # 预售价格为每平方米|2556元: the base of a price, said by its unit
    if "比" in pre and (m := _CMP_BASE.search(pre)):
        pre = pre[:m.start()]  # 清单管理措施比制度建立之初|减少64%: the base of a comparison goes
    prev = None
    while prev != pre:
        prev = pre
        pre = lead.sub("", pre)
        pre = link.sub("", pre)
        if "方面" in pre:  # (the regex needs it)
            pre = _ASPECT.sub("", pre)  # 储能方面，…
        pre = pre.strip(" 、，,；;：:“”\"")
        if pre.endswith(("的", "之", "的\n", "之\n")):  # where the regex can match ($: before a final \n too)
            pre = _DE_END.sub("", pre)
        # brackets: keep a balanced (不含农户), drop a dangling one
        if pre[:1] in ")）" or pre[-1:] in "(（":
            pre = pre.strip("()（）")
        if pre.count("（") + pre.count("(") > pre.count("）") + pre.count(")"):
            pre += "）" if "（" in pre else ")"
        if pre.count("“") > pre.count("”"):
            pre = pre.replace("“", "")  # 领取“下岗证”|1万份: the quote closed before the number
    m = None
    for m in _HAVE_IN.finditer(pre):
        pass
    if m and len(pre) - m.end() >= 2 and "每" not in pre[:m.start()]:
        pre = pre[m.end():]  # 北京图书大厦现有|上架图书11万种: what is had is measured (not 每百户拥有…)
    return pre


_PER_END = re.compile(r"每[\u4e00-\u9fff]$")
#: a class, 有 or 包括, and examples of it before 等 and the count (赞助商有甲、乙等|6家)
_HAVE_EXAMPLES = re.compile(r"^([\u4e00-\u9fff]{2,12}?)(?:有|包括)[^，,；;。有]{1,24}等$")
#: the base of a comparison at the end of a phrase (…比五年前, …比“六五”期间), not 比例 / 比重
_CMP_BASE = re.compile(r"(?<=[\u4e00-\u9fff]{2})比(?![例重率较赛如照拟分特值])[^比，,；;。]{1,12}$")
#: a verb of having inside a phrase before a number: what follows it is measured
_HAVE_IN = re.compile(r"(?:现有|拥有|共有|已有|尚有|仍有|还有|另有|现存|保有|(?<=^全[线村乡镇县市省区厂校])有)(?=[\u4e00-\u9fff]{2})")


#: part-of-speech tags (jieba's) that end a noun phrase read backwards from a number or
#: forwards from a measure word: verbs, prepositions, adverbs, conjunctions, pronouns, particles
_NOT_NP = frozenset({"v", "p", "d", "c", "r", "uj", "ul", "uz", "ug", "uv", "u", "y", "zg", "f"})
#: the parts of speech of a statistic's own words (nouns, verbs, adjectives, names)
_CONTENT = frozenset({"n", "nz", "ns", "nt", "nr", "nrt", "nrfg", "ng", "vn", "v", "vd", "an", "a", "l", "j", "b", "i"})
_TRAIL = frozenset({"d", "c", "y", "ul", "uz", "uj", "ug", "p", "zg", "u"})
#: X比Y低30%: X is measured (a comparison with a noun, not with a period: 比上年 is dropped before)
_COMPARED = re.compile(r"([\u4e00-\u9fff]{2,16}?)比[\u4e00-\u9fff]{2,10}?(?:低|高|多|少|大|小|长|短|快|慢)(?:了|出)?$")
#: a phrase that ends in a verb of having: 国家有|140亿美元的黄金外汇储备 measures the noun after
_HAVE_END = re.compile(r"(?:(?:有|拥有|共有|已有|还有|只有)了?|(?:长|高|重|宽|深|远)达)$")


#: verbs of a change or a link: a figure after one alone goes on with the figure before
_CHANGE_VERB = re.compile(r"扩大|增加|增长|增至|提高|达到|达|下降|减少|降低|降至|上升|升至|超过|突破|到|至|为|是|占|有")


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


#: heads that name a measure but not of what (总额 of what?): the word before says it
_BARE_HEADS = frozenset({"总额", "总量", "总数", "金额", "数额", "总值", "规模", "数量", "人数", "总计"})
_PARTICLE = frozenset({"uj", "ul", "uz", "ug", "uv", "u", "y"})
#: modal and linking words at the end of a phrase before a number (可能达到, 需要, 只有)
_MODAL_END = re.compile(r"很|很可能|可能|可以|能够|能|会|可|需要|需|只有|只|仅有|仅|才|就|也|都|还|又|共有|已有")


@lru_cache(maxsize=4096)
def _tags(phrase: str) -> tuple[tuple[str, str], ...]:
    """(word, part of speech) of a short phrase (rjieba, deterministic)."""
    import rjieba

    pairs = tuple((w, t) for w, t in rjieba.tag(phrase))
    return pairs if sum(len(w) for w, _ in pairs) == len(phrase) else ()


@lru_cache(maxsize=8192)
def _noun_phrase_before(ind: str) -> tuple[str, int]:
    """The noun phrase of what is measured at the end of a phrase before a number, and
    whether the phrase ended in its verb (then the noun after the number is the measure):
    0 no, 1 a clause ending in its verb, 2 verbs alone (扩大到…: the figure before's measure).

    Trailing adverbs, conjunctions, modals and particles go (海拔才不过 -> 海拔); a clause, a
    phrase with a pronoun, preposition, adverb or conjunction, or a verb before nouns, keeps
    its last noun phrase (司法部门已建立劳教戒毒场所 -> 劳教戒毒场所); names of statistics
    written with verbs (城镇新增就业, 居民人均可支配收入) have none of these and stay whole.
    """
    if ind in _PRONOUN_CHARS:
        return "", 0  # 这|50米的路
    if len(ind) == 1 and _CJK.match(ind) and _tags(ind)[:1] and _tags(ind)[0][1] == "v":
        return ind, 2  # 拉了|4000多米高压线: a verb alone, the noun after is measured
    if len(ind) < 2 or not _CJK.search(ind) or _SPEECH_WORD.search(ind):
        return ind, 0  # 代表们介绍了经验做法: what someone said is no indicator (left to _tidy_indicator)
    if ind[-1] in "）)" and (o := max(ind.rfind("（"), ind.rfind("("))) > 1:
        core, v = _noun_phrase_before(ind[:o])
        return (core + ind[o:], v) if core else (ind, 0)  # 化肥（按有效成份计算）: the note stays
    tags = list(_tags(ind))
    if not tags:
        return ind, 0
    while tags and (tags[-1][1] in _TRAIL or _MODAL_END.fullmatch(tags[-1][0]) and len(tags) > 1):
        tags.pop()
    if not tags:
        return "", 0
    # a clause: a preposition, adverb, conjunction, pronoun or particle inside the phrase
    # (a verb before nouns is no sign: 中央财政安排资金, 实际使用外资 name statistics)
    if all(t == "r" for _, t in tags):
        return "", 0  # 这|50米的路, 其余|3000人: a pronoun names nothing
    clause = any(_clause_word(w, t) for w, t in tags)
    # 要看, 扩大: no noun of its own (启用率, 发卡量 end on a measure: jieba's verbs name it)
    verbs_only = all(t in ("v", "d") for _, t in tags) and not ind.endswith(("率", "量", "额", "值"))
    if tags[-1][1] == "v" and (clause or verbs_only):
        head = tags[:-1]
        while head and (head[-1][1] in _TRAIL or _MODAL_END.fullmatch(head[-1][0])):
            head.pop()
        # (used when no noun follows the number: the verb stays, 向灾区捐款 -> 灾区捐款)
        before = "".join(w for w, _ in _np_tail(head)) if head else ""
        if len(before) >= 2 or verbs_only or not any(_clause_word(w, t) and t != "p" for w, t in tags):
            # (中央对地方转移支付: a preposition alone makes no clause of a statistic's name)
            return (before + tags[-1][0] if len(before) >= 2 else "".join(w for w, _ in tags)), 2 if verbs_only else 1
        # 两队在联赛历史上只交战过|46场: a clause without a noun phrase before its verb keeps the
        # words after its last function word (交战), not the clause
        i = len(tags)
        while i > 0 and tags[i - 1][1] in _CONTENT:
            i -= 1
        out = "".join(w for w, _ in tags[i:])
        return out if len(out) >= 2 else "", 1
    if clause:
        tail = _np_tail(tags)
        if len(tail) == 1 and tail[0][0] in _BARE_HEADS and len(tail) < len(tags) and tags[-2][1] in ("v", "vn"):
            tail = tags[-2:]  # 该公司向希望工程捐款总额: a bare head keeps the verb it totals (捐款总额)
        out = "".join(w for w, _ in tail)
        if len(out) >= 2:
            return out, 0
        i = len(tags) - len(tail)
        while i > 0 and tags[i - 1][1] in ("v", "vn"):
            i -= 1  # 该局从…部门领取下岗证: the verb and its object (证 alone names nothing)
        out = "".join(w for w, _ in tags[i:])
        if i < len(tags) - len(tail) and len(out) >= 2:
            return out, 0
        if sum(len(w) for w, _ in tags) > 10:
            return "", 0  # a clause-long phrase that names nothing measured: no indicator, not the clause
    return "".join(w for w, _ in tags), 0


def _np_tail(tags: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The nominal words at the end of a tagged phrase (after its last verb, preposition …)."""
    i = len(tags)
    while i > 0 and (tags[i - 1][1] not in _NOT_NP or tags[i - 1][0] == "占" and i < len(tags)):
        i -= 1  # (a share reads through 占: 财政性教育经费支出占国内生产总值)
    return tags[i:]


#: adverbs proper (of time, scope, degree, manner): no modifier of the noun after them
_ADVERBS = frozenset({"已经", "正在", "分别", "全部", "一共", "同时", "先后", "陆续", "相继", "逐步", "进一步", "基本",
                      "主要", "大多", "一直", "长期", "不断", "同比", "累计", "总共", "共同", "集体", "一起", "仍然",
                      "依然", "已然", "曾经", "至少", "最多", "只有", "没有", "还有", "一度", "首次", "再次", "正式"})
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
        if t == "c" and w in ("和", "与", "及") and j == i + 1 and tags[i][1] in ("n", "nz") and j + 1 < len(tags) \
                and tags[j + 1][1] in ("n", "nz") and (j + 2 == len(tags) or tags[j + 2][1] not in ("n", "nz", "vn")):
            j += 2  # 国家和地区, 电影厂和影业公司: two nouns joined are one class of things
            continue
        if t in ("p", "d", "c", "r", "f", "y") or t in _PARTICLE or _MODAL_END.fullmatch(w) \
                or t == "t" and j > i or j > i and w in _LIGHT_VERBS:
            break  # (分支机构|正在进行研究: a time word after the noun starts a predicate)
        if t == "v" and j > i and (j + 1 == len(tags) and relative or j + 1 < len(tags)
                                   and (tags[j + 1][1] in _PARTICLE or tags[j + 1][1] in ("p", "d", "t", "r", "ad"))) \
                or t == "vn" and j > i and j + 1 < len(tags) and tags[j + 1][1] == "t":
            break  # 少儿学生组成的: the verb of a relative clause (a verb before nouns names: 自主创新示范区)
        if t == "v" and 0 < j - i and tags[j - 1][1] in ("n", "nz") and len(w) == 2 and j + 1 < len(tags) \
                and tags[j + 1][1] in ("ns", "s", "nr", "nt"):
            break  # 200多名记者|汇集蓉城: the counted noun does something somewhere
        j += 1
    out = "".join(w for w, _ in tags[i:j])
    return out if len(out) >= 2 else ("" if j == i else noun)


def _noun_after(text: str, pos: int) -> str:
    _, _, stop = _trim_res()
    if text[pos:pos + 1] in ("“", "「"):  # 23辆“大篷车”: a short quoted name is the noun
        close = text.find("”" if text[pos] == "“" else "」", pos + 1, pos + 2 + _QUOTE_MAX)
        if close > pos + 2:
            return text[pos + 1:close]
    limit = min(len(text), pos + 24)
    m = stop.search(text, pos, limit)
    while m and m.group() in "(（":  # 7个县（市、区）: a short note in brackets is part of the noun
        close = text.find("）" if m.group() == "（" else ")", m.end(), min(len(text), m.end() + 8))
        if close < 0:
            break
        m = stop.search(text, close + 1, limit)
    end = m.start() if m else min(len(text), pos + 16)
    if m and m.group() in ("和", "与", "及") and end - pos >= 2 and (nm := stop.search(text, m.end(), limit)) \
            and 2 <= nm.start() - m.end() <= 6 and nm.group() not in "、":
        # 30个国家和地区, 37家电影厂和影业公司: two nouns joined are what is counted
        first, second = _tags(text[pos:end]), _tags(text[m.end():nm.start()])
        if len(first) == 1 and first[0][1] in ("n", "nz") and len(second) == 1 and second[0][1] in ("n", "nz"):
            end = nm.start()
    return text[pos:end].strip()


_EXAMPLES = re.compile(r"([^，,；;：:。、]{1,16}(?:、[^，,；;：:。、]{1,16})+)(等)?$")


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


def _verb_object_noun(text: str, pos: int) -> bool:
    """Whether the text after a measure word starts with a noun named by a verb and its
    object (400多名|下岗青工, 16万亿日元|减税经济药方), though its first character could start
    a change word (下降, 减少): a noun word (下岗工人), or a two-character verb, then a noun."""
    tags = _tags(_noun_after(text, pos)[:8])
    return bool(tags) and len(tags[0][0]) >= 2 and (tags[0][1] in ("n", "nz", "vn", "ns", "nt") or len(tags) >= 2 and tags[0][1] == "v"
                                                   and len(tags[0][0]) == 2 and tags[1][1].startswith("n"))


_SUPERLATIVE = re.compile(r"最[多少高低大小长短早晚]的")
_EXTREME_IS = re.compile(r"([\u4e00-\u9fff]{2,12})最[多少高低大小长短快慢]的(?:是|为|要数|当属)[^，,；;。]{0,12}$")
#: a scope word alone (全村, 我市): the area of the figure, no indicator
_SCOPE_ONLY = re.compile(r"^(?:使|让|令|把|将)?(?:全|我|本)[村乡镇厂校队州市省县区国]$")
#: 以 before an amount (以425万元成交), 每股/约 between them: a price said by the verb after it
_BY_PRICE = re.compile(r"以(?:每[\u4e00-\u9fff]{1,2})?(?:约|大约|近|超过|高达|仅|总价)?$")
#: a verb right after a percentage, then 的 or the end of the clause (100%成交的, 100%覆盖。)
_RATE_VERB = re.compile(r"([\u4e00-\u9fff]{2})(?=的|[，,。；;！!？?、]|$)")
#: a currency written after 元 (元人民币, 元新币, 元港币): part of the unit, not the noun measured
_CURRENCY_AFTER = re.compile(r"(?:人民币|新币|港币|美金|新台币|台币|日币|韩币|澳币|加币)")


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


@lru_cache(maxsize=None)
def _price_verbs() -> dict[str, str]:
    """``figure-price-verbs.tsv``: verb of a deal -> the indicator of its price."""
    return {r[0]: r[1] for r in _read_tsv("figure-price-verbs.tsv")[1:]}


@lru_cache(maxsize=None)
def _price_verb_re() -> re.Pattern:
    # (以9万元（约合…）买下: a note in brackets between the amount and its verb)
    return re.compile(rf"(?:左右|上下)?(?:[/／][\u4e00-\u9fff]{{1,3}})?(?:[（(][^）)]{{0,20}}[）)])?(?:的?价格)?({alternation(_price_verbs())})")


@lru_cache(maxsize=None)
def _price_before_re() -> re.Pattern:
    """An auction verb right before the amount (拍出了|3426万港币): the price of the lot."""
    verbs = [r[0] for r in _read_tsv("figure-price-verbs.tsv")[1:] if len(r) > 2 and r[2] == "before"]
    return re.compile(rf"({alternation(verbs)})了?$")


#: an amount, 的 and a noun that names a measure (3米的积雪量, 500亿元人民币的授信额度, 50元的管理费)
_MEASURE_DE = re.compile(r"(?:人民币|新币|港币|美金|新台币|台币)?(?:以上|以下|左右|上下|多)?的(?=[\u4e00-\u9fff]{2})")
_NAMED_MEASURE = ("速", "率", "量", "度", "价", "值", "额", "温", "费", "价格", "票房", "航程", "路程", "里程", "行程")
#: a verb of planting right before an area (种了|6000多亩, 种植的|5.95万亩)
_PLANT_END = re.compile(r"(?:种植|播种|种)了?的?$")


def _object_after(text: str, pos: int) -> str:
    """The object of a verb that follows a count of people (出席了|招待会, 领取了|“下岗证”):
    a short noun phrase after 了/过 and an opening quote, up to the clause end; "" if none."""
    while pos < len(text) and text[pos] in "了过“「\"":
        pos += 1
    if not _CJK.match(text, pos) or text[pos] in "的地得在于向给和与及到至" or text[pos] in CN_NUMERAL_CHARS:
        return ""
    noun = _noun_phrase_after(_noun_after(text, pos), True)
    return noun if 2 <= len(noun) <= 6 and not any(c in CN_NUMERAL_CHARS for c in noun) else ""


#: verbs of putting up money at the end of a clause before an amount (拿出, 筹集, 出资)
_SPEND_END = re.compile(r"(?:拿出|筹集|筹措|出资|拨出|掏出)了?$")
#: a clause that only links a figure to what the clause before names (，共有|5个)
_LINK_ONLY = re.compile(r"\s*(?:其中|总共|一共|共计|总计|合计|累计|共|计|约|近|有|达|达到|为|已|已经|超过|多达|高达)*\s*")
_MODIFIER_END = re.compile(r"(?:的|每[\u4e00-\u9fff]?)\s*$")
#: an approximation and 的 between an amount and its noun (400万左右的|流动人口)
_APPROX_DE = re.compile(r"(?:左右|以上|以下|上下|多)?的")
_ANY_DIGIT = re.compile(r"[0-9０-９]")
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


def extract_figures(article: Article, page_date: str | None = None, context: Context | None = None) -> list[Figure]:
    """The figures an article reports, with kind, indicator, area, period and evidence.

    article (Article): repaired text + offset map; its headline is read too, and a headline
        figure equal to a body figure gets the body figure's indicator, kind and period (one
        observation, two evidences).
    page_date (str | None): ISO page date, to resolve 今年以来 / 截至11月底 ... Defaults to
        ``article.date``.
    context (Context | None): the page's place: 全市 / 我市 are its city (e.g. 某某市),
        全省 / 我省 its province; 全国 is always 全国.
    RETURNS (list[Figure]): in text order; values are exact decimal strings.
    """
    if not page_date and article.date:
        page_date = article.date.day  # a year-only date (JSON records) resolves no 今年/截至…
    context = context or Context()
    figures = _extract_from(article.text, article, page_date, context, None)
    if article.headline:
        body = {(f.value, f.unit): f for f in figures}
        for f in _extract_from(article.headline, article, page_date, context, _headline_evidence(article)):
            twin = body.get((f.value, f.unit))
            if twin is not None:
                f = Figure(f.value, f.unit, f.surface, twin.indicator, twin.kind, f.article, f.evidence,
                           twin.qualifier or f.qualifier, twin.direction, twin.area, twin.period,
                           twin.period_start, twin.period_end)
            figures.append(f)
    return figures


def _headline_evidence(article: Article) -> Evidence:
    if article.headline_span:
        s, e = article.headline_span
        return Evidence(article.source, article.id, s, e, article.raw[s:e], article.headline)
    return Evidence(article.source, article.id, 0, 0, "", article.headline)


_SCOPE_RE = re.compile(r"全国|全省|我省|本省|全市|我市|本市|全县|我县|全区|我区")


def _scoped_area(text: str, start: int, end: int, context: Context) -> str:
    """The area a figure is about: the nearest scope word before it in its sentence
    (全国 -> 全国, 全省/我省 -> the page's province when known), else the page's city
    (全市 is implied in a city paper)."""
    city, province = context.city or "", context.province or ""
    scope = None
    for m in _SCOPE_RE.finditer(text, start, end):
        scope = m.group()
    if scope == "全国":
        return "全国"
    if scope in ("全省", "我省", "本省"):
        return province or scope
    if scope in ("全县", "我县", "全区", "我区"):
        return scope
    return city


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


#: verbs that are also the names of measures (亩产400公斤，收入1万元: 收入 is measured, not a verb going on)
_MEASURE_VERBS = frozenset({"收入", "投资", "支出", "开支", "出口", "进口", "消费", "贷款", "捐款", "存款", "投入", "出资",
                            "捐资", "创收", "盈利", "亏损", "纳税", "融资", "集资", "筹资"})
#: the holder of a share before 将从/从/由 (债务将从占…): what is shared
_HOLDER_END = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:将|要|会)?(?:从|由)$")
#: a phrase of time words alone (收盘时, 上周末): no measure, the figure before's goes on
_TIME_ONLY = re.compile(r"^(?:今天|昨天|当天|当日|目前|现在|此前|上周末|周末|本周|上周|月底|月末|年底|年末|)"
                        r"(?:收盘|开盘|收市|开市)?时?$")
#: a share named in full before its number (X占Y的比重, X占其Y的比例仅占)
_SHARE_PHRASE = re.compile(r"([\u4e00-\u9fff]{2,10})占(?:其|该)?([\u4e00-\u9fff]{2,12}?)(的?)(比重|比例|份额)"
                           r"(?:仅|只|约|已|均)?占?$")
#: nouns of people counted by 个 (100多个学生, 8个助理): a count of people, in 人数
_PERSON_NOUNS = ("学生", "助理", "工人", "职工", "干部", "教师", "农民", "代表", "委员", "队员", "选手", "会员", "成员", "党员",
                 "孩子", "儿童", "指导", "老人")
#: a clause that says a measure changed (登记量增长较快): its subject is the measure
_SUBJECT_CHANGE = re.compile(r"([^，,；;：:。]{2,16}?)(?:持续|继续|稳步|快速|大幅|逐年)?(?:增长|增加|下降|减少|提高|上升|回落|递增|递减)"
                             r"[^，,；;：:。]{0,4}$")
#: a clause of change words alone before the number (平均每年递增, 年均增长)
_CHANGE_ONLY = re.compile(r"(?:平均|年均|每年|逐年|同比|比上年|连续)+(?:递增|递减|增长|增加|下降|减少|提高|上升)?(?:了|达|为)?"
                          r"|(?:递增|递减|增长|增加|下降|减少|提高|上升)(?:了|达|为)?|(?:平均|年均|每年|逐年)*递")
#: heads of nouns that name a sum of money (奖金, 补助款, 管理费, 销售额)
_MONEY_HEADS = ("金", "款", "费", "额", "资")
#: the base of a comparison alone (是去年同期|1228万元): the figure before's measure
_BASE_ONLY = re.compile(r"^(?:是|为|只有|仅有|仅为|只是|相当于|只相当于|比)(?:去年|上年|前年|上一年|今年)?(?:同期)?的?$")
#: X只有Y的|60%, X是Y的|3倍: X is measured, Y is the base
_RATIO_OF = re.compile(r"(?:只有|仅有|仅为|只相当于|相当于|只是|是|为)([^，,；;。是为]{1,10})的$")
#: a yearly or daily output (年产优质石油|500万吨, 日产原油): the output of the thing
_OUTPUT_OF = re.compile(r"(?:年产|日产|月产)(?:优质)?([\u4e00-\u9fff]{1,4}?)(?:可达|达到|达|约|近|超过)?$")
#: a measure right before the number with the thing after it (价格|150万元|的汽车): the thing's measure
_MEASURE_OF_AFTER = re.compile(r"(价格|售价|总价|价值|面积|重量|容量|容积|排量|规模)(?:为|达|约|高达|仅)?$")
_OUTPUT_UNITS = frozenset({"吨", "千克", "公斤", "桶", "立方米", "升", "斤", "担", "辆", "台", "件", "套", "千瓦时", "度"})

#: the base of a comparison before the number (高出全国平均水平|12个百分点, 是全国平均水平的|5.2倍):
#: what is compared is measured, not what it is compared with
_VS_BASE = re.compile(r"(?:略|稍|远远|大大|远)?(?:高出|高于|低于|低出|超过|超出|快于|慢于|好于|相当于|是)"
                      r"[^，,；;。]{0,14}?(?:平均水平|平均数|水平)的?$")
#: a comparison whose base holds the number (略高于上月每桶|12美元|的水平): the figure before's measure
_VS_BEFORE = re.compile(r"(?:高出|高于|低于|超过|超出|快于|慢于|好于|相当于|接近)[^，,；;。]{0,12}$")


def _extract_from(text: str, article: Article, page_date: str | None, context: Context,
                  fixed_evidence: Evidence | None) -> list[Figure]:
    quantities = find_quantities(text)
    if not quantities:
        return []
    sent_bounds = _bounds(text, _SENT_END)
    clause_bounds = _bounds(text, _CLAUSE_END)
    change_re = _adjacent_change_re()
    dirs = _cue_dirs()
    target_sent = _scoped_cue_re("target", "sentence")
    target_clause = _scoped_cue_re("target", "clause")
    share_clause = _scoped_cue_re("share", "clause")
    page_year = int(page_date[:4]) if page_date else None
    period_cache: dict[int, list] = {}
    years: list[tuple[int, int]] | None = None
    figures: list[Figure] = []
    prev_q: Quantity | None = None
    prev_ind = ""
    prev_sent = -1
    prev_fig: Figure | None = None
    prev_after_end: int | None = None  # where the noun after the figure before ended, when it named one
    tidy = _tidy_rules()
    for qi, q in enumerate(quantities):
        si = bisect.bisect_left(sent_bounds, q.start)
        s0 = sent_bounds[si - 1] + 1 if si > 0 else 0
        s1 = sent_bounds[si] if si < len(sent_bounds) else len(text)
        ci = bisect.bisect_left(clause_bounds, q.start)
        c0 = clause_bounds[ci - 1] + 1 if ci > 0 else 0
        if s0 not in period_cache:
            if years is None:
                years = [(m.start(), int(m.group(1))) for m in _YEAR_RE.finditer(text)
                         if not (m.start() > 0 and text[m.start() - 1] in "比较同于")]
            period_cache[s0] = _find_periods(text[s0:s1], s0, page_date, _context_year(years, s0, page_date))
        if any(p[0] <= q.num_start < p[1] for p in period_cache[s0]):
            continue  # 前11个月, 一季度: part of a period phrase
        periods = [p for p in period_cache[s0] if p[1] <= q.num_start]
        if s0 != prev_sent:
            prev_ind, prev_q, prev_fig, prev_sent = "", None, None, s0
        left = max(c0, prev_q.end if prev_q and prev_q.end > c0 else c0)
        pre = text[left:q.num_start]
        if prev_q is not None and prev_q.category == "duration" and left == prev_q.end and pre.startswith(("来", "以来")):
            pre = pre[pre.index("来") + 1:]  # 3天来|营业额达40多万元: the time since, not the measure
        sent_pre = text[s0:q.num_start]
        clause_pre = text[c0:q.num_start]
        # ---- kind and direction
        kind, direction = "", ""
        cm = change_re.search(pre)
        if q.unit == "倍" and q.surface.startswith("翻"):
            kind, direction = "change", "increase"
        elif cm and cm.group(2):
            kind, direction = "", dirs.get(cm.group(1), "")  # 提高到65.2%: the new level
        elif cm:
            kind, direction = "change", dirs.get(cm.group(1), "")
        elif q.unit == "个百分点":
            kind = "change"
            if _UP_WORDS.search(clause_pre):
                direction = "increase"
            elif _DOWN_WORDS.search(clause_pre):
                direction = "decrease"
        period = periods[-1] if periods else None
        future = bool(period and page_year and period[3] and int(period[3][:4]) > page_year) or bool(
            period and page_year and period[4] and int(period[4][:4]) > page_year and period[2].startswith(("到", "至")))
        # 今年要下降3%, 今年拟安排…: a plan for the current year is a target too
        planned = bool(period and period[2] in ("今年", "明年", "今年全年") and _PLAN_WORD.search(clause_pre))
        if (target_sent and target_sent.search(sent_pre)) or (target_clause and target_clause.search(clause_pre)) \
                or future or planned:
            kind = "target"
        if not kind and q.rank:
            kind = "level"  # 居全县第2位: a rank is a level of an ordinal indicator
        if not kind:
            if q.unit == "%" and share_clause and share_clause.search(clause_pre):
                kind = "share"
            elif q.category == "count":
                kind = "count"
            else:
                kind = "level"
        # ---- a list or range goes on (增长8.9%、7.7%; 3至5个): read it like the one before
        cont = prev_q is not None and prev_fig is not None and left == prev_q.end and _CONT.fullmatch(pre)
        if cont:
            kind, direction = prev_fig.kind, prev_fig.direction
            period = (prev_fig.period and (0, 0, prev_fig.period, prev_fig.period_start, prev_fig.period_end)) or period
        # ---- indicator
        period_words = [p[2] for p in periods if p[0] >= left]
        if cm:
            # 装机容量…，同比增长18%: a change without its own phrase measures the figure before
            ind = _indicator_before(pre[:cm.start()], period_words)
            if len(ind) <= 2:
                ind = prev_ind or ind
        else:
            cmp_m = _COMPARED.search(pre)
            # 热量比普通啤酒低30%: what is compared is measured, not what it is compared with
            ind = _indicator_before(cmp_m.group(1) if cmp_m else pre, period_words)
        # 海拔才不过, 有关部门只付给: adverbs go, a clause keeps its last noun phrase, and a phrase
        # that ends in its verb measures the noun after the number (付给1200元住院费)
        if q.unit in _MASS_UNITS and (m := _HARVEST.search(ind)) and _word_at(ind, m.start()) \
                and _word_at(ind, m.start(1)):
            ind = m.group(1) + "产量"  # 可收玉米|15万公斤, 因灾减收粮食|476亿公斤: the crop's output is measured
        if "每" in ind:
            ind = _PER_END.sub("", ind)  # 最低标准从每月|70元: the base of a rate, said by its unit
        if "最" in ind and (em := _EXTREME_IS.search(ind)):
            ind = em.group(1)  # 分3期手续费最高的是招行2.6%: the measure, not who holds the extreme
        if ind.startswith("最") and (sm := _SUPERLATIVE.match(ind)):
            # 最多的存款90多万元，最少的也有近10万元: the extreme is a qualifier, not the measure
            ind = ind[sm.end():]
            if (len(ind) < 2 or ind.startswith(("是", "为"))) and prev_q is not None and prev_q.end >= s0:
                ind = prev_ind  # 最低的是工行的|1.65%: the extreme of the measure before
        share_phrase = _SHARE_PHRASE.search(ind) if "占" in ind else None
        ind, verb_end = _noun_phrase_before(ind)
        if share_phrase:
            # 把教育投资占国内生产总值的比重从|5.5%…, 进口额占其出口总额的比例仅占|6%: the share named in full
            holder = share_phrase.group(1).lstrip("把从将由对")
            ind, verb_end = f"{holder}占{''.join(share_phrase.group(2, 3, 4))}", 0  # (as written, 的 and all)
        if _SCOPE_ONLY.match(ind):
            ind = ""  # 不仅全村|1500多人用上了自来水: the scope is the area, the clause after says who
        # 桥本宣布的|16万亿日元减税方案, 捐赠给…的|35吨救援药品: a relative clause before the
        # number qualifies the noun after it, which is what is measured
        de_before = pre.rstrip().endswith("的") and not cont
        if de_before and ind and _has_verb(ind[-2:]):
            verb_end = verb_end or 1
        if cont:
            ind = prev_fig.indicator
        if q.category in ("mass", "volume", "energy") and prev_q is not None and prev_q.end >= s0 \
                and (cont or (lj := _LIST_JOIN_END.search(pre)) and _leading_nouns(pre[:lj.start()]) == pre[:lj.start()]
                     and len(pre[:lj.start()]) >= 2) \
                and _CJK.match(text, q.end) and len(noun := _leading_nouns(_noun_after(text, q.end))) >= 2:
            ind = noun  # 缴获2吨可卡因和|4吨大麻: each amount in a list names its own stuff after it
        population = q.unit == "人" and q.surface.endswith("人口")
        if population:
            ind, verb_end = "人口", 0  # 拥有1100万人口: the population
        verbs_only = ind
        if prev_after_end is not None and prev_after_end <= q.num_start and _CONT.fullmatch(text, prev_after_end,
                                                                                         q.num_start):
            ind = ""  # 3万多株柚苗、40多吨化肥: the noun before is the item before's, this one names its own
        prev_after_end = None
        # 243家高新技术企业, 3至5个项目: a count names what it counts after the measure word
        after_at = quantities[qi + 1].end if q.range_head and qi + 1 < len(quantities) else q.end
        skipped_de = False
        if q.category == "money" and (cur := _CURRENCY_AFTER.match(text, after_at)):
            after_at = cur.end()  # 15亿元新币|的基金: the currency is part of the unit
        long_verb_end = len(ind) > 6 and _tags(ind)[-1:] and _tags(ind)[-1][1] == "v"
        if not cont and text.startswith("的", after_at) and (verb_end or not ind or de_before or _HAVE_END.search(pre)
                                                           or long_verb_end):
            # (老王在菜市场买菜时要付一笔|120元的货款: a clause ending in its verb has its object after 的)
            verb_end = verb_end or (1 if ind and (_HAVE_END.search(pre) or long_verb_end) else 0)
            after_at += 1  # 国家有140亿美元的黄金外汇储备, 看到1公里的分辨率, 这50米的路
            skipped_de = True
        if q.category == "count" and (lm := _MODEL_NAME.match(text, after_at)):
            after_at = lm.end()  # 两架|C-130运输机: a model or brand name before the noun counted
        nxt = text[after_at:after_at + 1]
        if (q.category == "count" or not ind or verb_end and not cont or de_before) and nxt and not population \
                and (_CJK.match(nxt) or nxt in "“「") \
                and not q.rank and (skipped_de or nxt not in _not_noun_start() or _verb_object_noun(text, after_at)):
            after = _noun_after(text, after_at)
            if q.category == "count" and after and text.startswith("的", after_at + len(after)) and len(after) <= 6 \
                    and (at := _tags(after)) and (at[0][1] in ("a", "i") or all(t in _PREDICATE for _, t in at)
                         or len(at) == 2 and at[1][1] in ("a", "i", "l", "an")
                         or at[0][1] == "p" and at[-1][1] == "v" and len(at) <= 4) \
                    and len(head := _leading_nouns(_noun_after(text, after_at + len(after) + 1))) >= 2:
                after = head  # 3种不同类别的|原发癌, 5家经营不善的|银行: a relative clause says which; the noun is counted
            # (after 的 a noun phrase follows, even one that starts with a verb: 长达200多米的|填海工程)
            after = _noun_phrase_after(after, text.startswith("的", after_at + len(after)),
                                       q.category == "count" or skipped_de)
            if q.unit in tidy["people"] and len(after) >= 2 and text.startswith(after, after_at) \
                    and len(_tags(after)) == 1 and _tags(after)[0][1] == "v":
                after += _object_after(text, after_at + len(after))  # 近300人出席了招待会: 出席招待会人数
            keep_before = len(ind) >= 2 and not verb_end and not de_before and q.unit not in tidy["people"] \
                and not _has_clause_word(ind) and _tags(after)[:1] and _tags(after)[0][1] == "v" \
                and _tags(ind)[-1:] and _tags(ind)[-1][1] in ("n", "nz", "ng")
            if keep_before:
                pass  # 物业公司共35家|签署了服务公约: a verb after the count says what they did; the noun before is counted
            elif len(after) >= 2 and after not in tidy["generic"]:
                # 新设14个国家自主创新示范区, 已开工的57个项目: a short verb phrase or a modifier
                # (…的) before the count says which of the things counted
                lead_in = _tidy_indicator(ind, "", "")
                examples = _examples(pre) if after.endswith(tidy["class"]) else ""
                if examples:  # 纺织、食品加工等9个行业: a class of things, and which
                    ind = f"{after}({examples})"
                elif q.category == "count" and 0 < len(lead_in) <= 12 \
                        and (lead_in.startswith(tidy["action"]) or pre.rstrip().endswith("的") and _has_verb(lead_in)):
                    ind = lead_in + after
                elif q.category == "count" and verb_end and (verb := next(
                        (v for v in sorted(tidy["action"], key=len, reverse=True) if lead_in.endswith(v)), "")):
                    # 先后取消|4个陈旧专业, 企业新创造了|3000多个就业岗位: the verb says which are counted
                    ind = ("新" if lead_in[:-len(verb)].endswith("新") else "") + verb + after
                elif q.category == "money" and skipped_de and 2 <= len(lead_in) <= 8 and _is_person(after) \
                        and _tags(lead_in)[-1:] and _tags(lead_in)[-1][1] == "v":
                    ind = lead_in  # 出价|8000元的买家: the money is the bid, not the person who made it
                else:
                    ind = after
                if text.startswith(after, after_at):
                    prev_after_end = after_at + len(after)
        elif q.category in ("money",) and ind and pre.rstrip().endswith("了") \
                and (at := after_at + text.startswith("的", after_at)) < len(text) \
                and len(noun := _noun_phrase_after(_noun_after(text, at), True, False)) >= 2 \
                and text[at] not in _not_noun_start() and not _ANY_DIGIT.search(noun):
            ind = noun  # 那位经理去年领取了|80万元年终奖金: what was received is measured, not who did it
        elif q.category in ("money",) and ind:
            noun = _money_noun(text, after_at)  # 中央财政安排423亿元资金 (赢得15万元人民币|奖金: after the currency)
            # 现行的每卷|5元冲洗收费: a modifier or a base (…的, 每卷) before the amount qualifies the noun after
            ind = noun if noun and _MODIFIER_END.search(pre) else ind + noun
        if q.category == "money" and (sp := _SPEND_END.search(ind)):
            # 中央财政拿出|396亿元 -> 中央财政资金; 而是先拿出|35万元对…: money put up is funds, not the clause
            who = _tidy_indicator(ind[:sp.start()], "", "")
            ind = (who if 2 <= len(who) <= 6 and not _has_clause_word(who) else "") + "资金"
        if len(ind) < 2 and (q.unit in tidy["people"] or q.unit == "次") and nxt and _CJK.match(nxt):
            passive = "被" if nxt == "被" else ""
            word = _tags(text[after_at + len(passive):after_at + len(passive) + 2])
            if word and word[0][1] == "v" and (passive or len(word) == 1):
                # 共有1.5万人参加, 就有11人被杀, 近300人出席了招待会, 4次参加太空飞行: counted by what they do
                ind = passive + word[0][0] + _object_after(text, after_at + len(passive) + len(word[0][0]))
            elif not ind and nxt not in "的是为在以和与及等左余多" and not _CHANGE_VERB.match(text, after_at):
                m = _PRED_END.search(text, after_at, after_at + 10)
                rest = "".join(c for c in text[after_at:m.start()] if c not in "了着过“”\"") if m else ""
                if 2 <= len(rest) <= 8 and not _ANY_DIGIT.search(rest):
                    ind = rest  # 全村1500多人用上了自来水: the clause after says who is counted
        share_of = _SHARE_OF.match(text, q.end) if q.unit == "%" and kind != "change" and not cont else None
        if share_of and pre.endswith("在") and pre[:-1].endswith(_MEASURE_ENDS):
            share_of = None  # 廉洁率在|60%以下的班子: the rate is measured, the group after has it
            ind = _noun_phrase_before(_indicator_before(pre[:-1], period_words))[0] or ind
        if share_of and not ind.endswith(_SHARE_ENDS) and not _COMPARED.search(pre):
            noun = _noun_phrase_after(_noun_after(text, share_of.end()), True)
            if len(noun) >= 3 and _tags(noun)[0] == ("人", "n"):
                # 百分之五十五的人支持这一条约: people alone are no class; what they do is
                ind = re.sub(r"这一|这个|这些|该", "", noun[1:]) + "比例"
            elif len(noun) >= 2 and noun.endswith(_MEASURE_ENDS):
                ind = noun  # 30%以上的高储蓄率, 6.5%左右的增速: the rate itself, not a share
            elif len(noun) >= 2:
                # 99%的出版社, 全球90%以上的个人电脑采用…: the share of a group (that does what it says)
                ind = noun + _predicate_after(text, share_of.end() + len(noun)) + "比例"
        if q.unit != "%" and kind != "change" and not cont and (md := _MEASURE_DE.match(text, q.end)):
            noun = _measure_head(_noun_phrase_after(_noun_after(text, md.end())))
            if len(noun) >= 2 and noun.endswith(_NAMED_MEASURE) and not ind.endswith(noun):
                ind = noun  # 每年有平均3米的积雪量, 欠缴50元的管理费: the noun after 的 names the measure itself
        if q.category == "money" and _BY_PRICE.search(pre) and (pv := _price_verb_re().match(text, after_at)):
            ind = _price_verbs()[pv.group(1)]  # 画作以425万元成交, 以每股8元发行: the price of the deal
        elif q.category == "money" and not cont and (pb := _price_before_re().search(pre)):
            ind = _price_verbs()[pb.group(1)]  # 这件瓷器拍出了|800万元: the hammer price
        if q.category == "mass" and text.startswith("重的", q.end):
            noun = _noun_phrase_after(_noun_after(text, q.end + 2), True)
            if len(noun) >= 2:
                ind = noun + "重量"  # 一只21公斤重的大鱼: the weight of what follows
        if q.unit == "%" and kind != "change" and not cont and (vr := _RATE_VERB.match(text, q.end)) \
                and _tags(vr.group(1)) and all(t == "v" for _, t in _tags(vr.group(1))) \
                and (not ind or _has_clause_word(ind) or len(ind) > 8):
            ind = vr.group(1) + "率"  # 实现了100%覆盖, 上演100%成交的…: the rate of what is done
        if q.unit in ("亩", "公顷") and _PLANT_END.search(pre.rstrip()):
            at = after_at + 1 if text.startswith("的", after_at) else after_at
            noun = _noun_phrase_after(_noun_after(text, at), True)
            if len(noun) >= 2:
                ind = noun + "种植面积"  # 全乡种了|6000多亩早春无籽西瓜, 种植的|5.95万亩西瓜: what is grown
        if ind.endswith("价值") and text.startswith("的", after_at):
            noun = _noun_phrase_after(_noun_after(text, after_at + 1), True)
            if len(noun) >= 2:
                ind = noun + "价值"  # 厂里价值130多万元的设备和产品 -> 设备和产品价值
        if q.category == "length" and text[after_at:after_at + 1] in _DIMENSION_ADJ \
                and (not _CJK.match(text, after_at + 1) or text.startswith("的", after_at + 1)):
            ind = _DIMENSION_ADJ[text[after_at]]  # 八千八百多米高的珠穆朗玛峰: the height is measured
        if q.category == "length" and (dm := _DIMENSION_REACH.search(pre)) and text.startswith("的", q.end):
            noun = _noun_phrase_after(_noun_after(text, q.end + 1), True)
            if len(noun) >= 2:
                ind = noun + _DIMENSION_ADJ[dm.group(1)]  # 凿透厚达4000米的冰层: the thickness of the ice
        if verb_end == 2 and ind == verbs_only and prev_ind and prev_q is not None and prev_q.end >= s0 \
                and ind not in _MEASURE_VERBS \
                and not (q.unit in tidy["people"] and len(ind) >= 2 and not _CHANGE_VERB.search(ind)):
            # 耕地面积由16.5万公顷扩大到44万公顷: a verb alone goes on with the figure before; people
            # counted by what was done to them keep their own verb (不称职14人，辞退44人 -> 辞退人数)
            ind = prev_ind
        if (_CONVERTED.search(ind) or _BARE_COMPARE.match(ind)) and prev_q is not None and prev_q.end >= s0:
            ind = prev_ind  # 90元（约折合11美元）, 比去年同期要低4美元: the figure before's measure
        if not ind and c0 > s0 and text[c0 - 1] in "，,；;" and (prev_q is None or prev_q.end < s0) \
                and len(clause_pre) <= 8 and _LINK_ONLY.fullmatch(clause_pre):
            # 投中了全队的所有三分球，共有5个: a total of what the clause before names
            c_prev = max(text.rfind(c, s0, c0 - 1) for c in _CLAUSE_END) + 1
            c_prev = max(c_prev, s0)
            before = _indicator_before(text[c_prev:c0 - 1], [])
            if "最" in before and (em := _EXTREME_IS.search(before)):
                before = em.group(1)  # 房价涨幅最大的是深圳，达到15%
            noun, v_end = _noun_phrase_before(before)
            noun = noun[2:] if noun.startswith(("所有", "全部", "各类", "各种")) else noun
            if 2 <= len(noun) <= 10 and not v_end:
                ind = noun
        if (not ind or _CHANGE_ONLY.fullmatch(ind)) and c0 > s0 and (prev_q is None or prev_q.end < s0) \
                and (sc := _SUBJECT_CHANGE.match(text, s0, c0 - 1)) and _CHANGE_ONLY.fullmatch(clause_pre.strip()):
            # 登记量增长较快，平均每年递增|25%: the measure is the subject of the clause before
            noun, v_end = _noun_phrase_before(_indicator_before(sc.group(1), []))
            if 2 <= len(noun) <= 12 and not v_end:
                ind = noun
        if not ind and prev_q is not None and (prev_q.end >= c0 or prev_q.end >= s0 and q.unit == "倍"
                                               or prev_q.end >= s0 and clause_pre.lstrip().startswith("其中")):
            # (总发行量为2800万份，其中1500万份在国内发行: a part of the figure before, measured alike)
            ind = prev_ind  # 60兆瓦/120兆瓦时, 7处、5处, 是上年的2.2倍: a bare figure continues the one before
        elif prev_fig is not None and prev_q is not None and prev_fig.indicator and prev_q.end >= s0 \
                and prev_ind.endswith(text[prev_q.end:left].strip("，,、；; ")):
            base = _tidy_indicator(prev_ind, "", "")
            bare = _tidy_indicator(ind, "", "")
            if ind.startswith(_RATE_WORDS) and prev_fig.kind in ("change", "level"):
                ind = base + ind  # 能耗下降5.2%，降幅高于全县平均1.7个百分点
            if tidy["bare_verb"].match(bare) and prev_fig.kind == "count":
                # 新开工保障性安居工程740万套，基本建成511万套: the verb takes the noun before
                noun = tidy["bare_verb"].sub("", base) or base
                for v in tidy["action"]:
                    if base.startswith(v) and len(base) > len(v) + 1:
                        noun = base[len(v):]
                        break
                    if base.endswith(v) and len(base) > len(v) + 1:
                        noun = base[:-len(v)]
                        for w in ("基本", "已", "再", "新"):
                            noun = noun[:-len(w)] if noun.endswith(w) and len(noun) > len(w) + 1 else noun
                        break
                ind = bare + noun
            elif ind in tidy["attribute"] and prev_fig.kind == "count" and not base.endswith(ind):
                verb = next((v for v in tidy["verb"] if base.startswith(v) and len(base) - len(v) >= 2), "")
                ind = base[len(verb):] + ind  # 分布式风电项目14个，装机容量32.45万千瓦
            elif q.category == "count" and prev_fig.kind == "count" and not ind.startswith(tidy["action"]):
                verb = next((v for v in tidy["verb"] if base.startswith(v)), "")
                if verb and ind:
                    ind = verb + ind  # 创建市级工程技术中心2家、孵化器7家: 创建 governs the list
        if kind == "share" and len(ind) >= 2 and "占" not in ind and not ind.endswith(_SHARE_ENDS) \
                and (zi := clause_pre.rfind("占")) >= 0 and ind in clause_pre[zi:]:
            ind = "占" + ind + "比例"  # 大约占了该校给外地学生名额的|20%: the share of X, whoever holds it
        if kind == "share" and ind.startswith("占") and prev_ind and prev_q is not None and prev_q.end >= s0:
            # 出口109.1万辆，占汽车出口总量的24.5% (a share said again, 从占…的20%减到10%: the same share)
            ind = prev_ind if prev_ind.endswith(ind) or ind in prev_ind else prev_ind + ind
        elif ind.startswith("占") and (zi := clause_pre.rfind(ind)) > 0 \
                and (hm := _HOLDER_END.search(clause_pre[:zi])) \
                and 2 <= len(holder := _noun_phrase_before(_indicator_before(hm.group(1), period_words))[0]) <= 8 \
                and not _has_clause_word(holder):
            ind = holder + ind  # 债务将从|占国民生产总值的20%: the holder of the share opens the clause
        if ind and "方面" in sent_pre:
            # 光热方面，计划建设规模120万千瓦: the topic before 方面 scopes the clauses after it, up to ；
            topic = None
            scope = sent_pre[max(sent_pre.rfind("；"), sent_pre.rfind(";")) + 1:]  # a topic ends at ；
            for topic in _TOPIC.finditer(scope):
                pass
            if topic and topic.group(1) not in ind and not topic.group(1).startswith(_NOT_TOPIC):
                ind = topic.group(1) + ind
        same_sent = prev_q is not None and prev_q.end >= s0 and bool(prev_ind)
        if ind == "重" and q.category == "mass":
            ind = "重量"  # 重约5万吨
        elif len(ind) == 1 and not cont and ind not in _DIMENSION_ADJ:
            ind = prev_ind if same_sent else ""  # 体重从66公斤掉到|51公斤: one character is no measure
        elif (_BASE_ONLY.match(ind) or ind and _TIME_ONLY.match(ind)) and same_sent:
            ind = prev_ind  # 利润2241万元，是去年同期|1228万元的…
        if q.unit in ("%", "倍") and not cont and "占" not in pre and "最" not in pre and (ro := _RATIO_OF.search(pre)) \
                and len(noun := _noun_phrase_before(_indicator_before(pre[:ro.start()], period_words))[0]) >= 2 \
                and not _has_clause_word(noun):
            ind = noun  # 中微子总数只有理论值的|60%: what is compared is measured
        if q.unit in _OUTPUT_UNITS and re.search(r"(?:年产|日产|月产)$", pre) and _CJK.match(text, q.end) \
                and len(noun := _leading_nouns(_noun_after(text, q.end))) >= 2:
            ind = noun + ("日产量" if pre.endswith("日产") else "产量")  # 年产|500万吨原煤 -> 原煤产量
        elif q.unit in _OUTPUT_UNITS and (om := _OUTPUT_OF.search(pre.rstrip())):
            ind = om.group(1) + ("日产量" if "日产" in om.group(0) else "产量")  # 年产优质石油|500万吨 -> 石油产量
        if not cont and (mo := _MEASURE_OF_AFTER.search(pre.rstrip())) and text.startswith("的", q.end) \
                and 2 <= len(noun := _noun_phrase_after(_noun_after(text, q.end + 1), True)) <= 8:
            ind = noun + mo.group(1)  # 价格150万元的|跑车: the price of the car
        if (vb := _VS_BASE.search(ind)) and kind != "share":
            ind = ind[:vb.start()] if vb.start() >= 2 else prev_ind if prev_q is not None and prev_q.end >= s0 else ""
        elif _VS_BEFORE.search(pre) and text.startswith(("的水平", "水平"), q.end) and prev_q is not None \
                and prev_q.end >= s0 and prev_ind:
            ind = prev_ind
        if "分别" in clause_pre and not (q.category == "count" and _CJK.match(text, q.end)
                                        and not _CONT.match(text, q.end)) \
                and not (qi + 1 < len(quantities) and text.startswith("的", quantities[qi + 1].end)
                         and _CONT.fullmatch(text, q.end, quantities[qi + 1].start)) \
                and not text.startswith("的", q.end):  # (分别获得3000元和2000元的奖金: the measure follows)  # (分别有3家、5家|电影院: the noun after is counted)
            c1 = clause_bounds[ci] if ci < len(clause_bounds) else len(text)
            ind = _respective(text, c0, c1, q.start, [x.start for x in quantities]) or ind
        if q.category == "money":
            last = qi
            while last + 1 < len(quantities) and _CONT.fullmatch(text, quantities[last].end, quantities[last + 1].start):
                last += 1
            if text.startswith("的", quantities[last].end) \
                    and 2 <= len(noun := _noun_phrase_after(_noun_after(text, quantities[last].end + 1), True)) <= 8 \
                    and noun.endswith(_MONEY_HEADS) and noun not in ind:
                ind = noun  # 分别获得3000元和2000元的|奖金: the money named after the amounts
        if q.rank:
            ind = ind.rstrip("第")
        if len(ind) > 40:
            ind = ind[-40:]
        # ---- a unit cut off after 万/亿: guess it from the indicator
        unit, category = q.unit, q.category
        if category == "?":
            unit = ""
            at = q.end
            if (qual := _APPROX_DE.match(text, at)) and _CJK.match(text, qual.end()):
                at = qual.end()  # 约400万左右的|流动人口
            if _CJK.match(text, at) and (at > q.end or text[at] not in _not_noun_start()):
                # 惠及1100多万学生: the noun after the number says what is counted
                noun = _noun_after(text, at)
                unit = next((u for key, u in _default_units() if key in noun[:6]), "")
                if unit and at > q.end and len(noun_np := _noun_phrase_after(noun, True)) >= 2:
                    ind = noun_np
            if not unit:  # 筹集资金2亿多 (cut off): the indicator says what it was
                unit = next((u for key, u in _default_units() if key in ind or key in clause_pre), "")
            if not unit:
                prev_q = q
                continue
            category = "guessed"
        ev = fixed_evidence or article.evidence(q.start, q.end)
        area = _scoped_area(text, s0, q.start, context)
        if area and ind.startswith(area) and len(ind) > len(area) + 1:
            ind = ind[len(area):]  # 德州市粮食播种面积: the area is said apart (refArea), not in the indicator
        figures.append(Figure(
            value=q.value, unit=unit, surface=q.surface,
            indicator=_tidy_indicator(ind, kind, "" if q.rank else "人" if unit == "个" and (
                text.startswith("人", q.end) or ind.endswith(_PERSON_NOUNS)) else unit),  # (4个人, 100个学生: 人数)
            kind=kind,
            article=article.id, evidence=ev, qualifier=q.qualifier, direction=direction,
            area=area, period=period[2] if period else "",
            period_start=period[3] if period else None, period_end=period[4] if period else None,
        ))
        prev_fig = figures[-1]
        prev_q = q
        if ind:
            prev_ind = ind
    return figures
