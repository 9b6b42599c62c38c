"""3. The last pass over an indicator phrase: cut down to the noun phrase of what is measured (periods,
plans, sources and owners dropped) and named as statistics are (…面积, …长度, …数量, …人数).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..numbers import compile_prefiltered
from .owners import _drop_owner_and_time
from .pos import _place_end, _tags
from .tables import _DIMENSION_ADJ, _MEASURE_ENDS, _SHARE_ENDS
from .vocab import _money_acts, _per_unit_re, _tidy_rules

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

#: count units whose count has a word of its own: households (户数), visits (人次), times (次数), and games or
#: shows held (场数: 交战24场 -> 交战场数, as 次 counts times)
_COUNT_WORDS = {"户": "户数", "人次": "人次", "次": "次数", "场": "场数", "票": "票数"}

#: X是Y inside a phrase (申购条件是家庭人均月收入): Y is measured (not 是否, not a phrase with 是 twice)
_IS_IN = re.compile(r"^[^是]{1,12}是(?!否)(?=[^是]+$)")
#: an ordinal with its measure word inside a phrase (第三期, 第二批次, 中第一个): it picks one of the things
_ORDINAL_IN = re.compile(r"第[0-9０-９〇零一二两三四五六七八九十百]+(?:批次|阶段|期|批|次|个|届|轮|季)(?![月年天日周度])")
#: a number of two digits or more between Chinese words, with no unit (出场次数42命中率): the phrase after it is measured
_BARE_NUMBER_IN = re.compile(r"(?<=[\u4e00-\u9fff])[0-9０-９]{2,}(?![0-9０-９]|年|月|日|号|届|期|[\u4e00-\u9fff]*[0-9])(?=[\u4e00-\u9fff])")

#: verbs of dying said of people counted (丧生, 身亡, 死于高温): statistics count them as 死亡 (the cause is no part)
_DIED = re.compile(r"(?:丧生|身亡|丧命|殒命|死于[\u4e00-\u9fff]{1,4})$")
_HOUSING_FLOW = re.compile(r"开工|建成|竣工|改造|棚户区")
#: a year written in digits inside a phrase (2008年, 19年底): the period
_YEAR_IN = compile_prefiltered(r"(?<![0-9０-９])(?:(?:[0-9]{2}|[0-9]{4}|[０-９]{2}|[０-９]{4})年(?:底|末|初|中|前)?"
                      r"|^(?:19|20)[0-9]{2}(?=[\u4e00-\u9fff]))(?![0-9０-９])")
#: a time counted from now or then inside a phrase (一年后, 三个月前, 5天以后): the period
_RELATIVE_TIME = re.compile(r"[0-9０-９一二两三四五六七八九十半]+个?(?:年|月|天|周|星期)(?:以后|以前|之后|之前|后|前)")
#: a span of time alone (7年, 三个多月来): no indicator
_DURATION_ONLY = re.compile(r"^(?:近|约|前|后|最近)?[0-9０-９〇零一二两三四五六七八九十百]+(?:多|余)?个?(?:年|月|天|日|周|星期|小时)"
                            r"(?:多|来|以来|内|间|前|后)?$")
#: a source that forecasts or reports before the measured phrase (某机构预测…, 统计显示…); not 认为 (a survey's answer)
_SAID_CUT = re.compile(r"^[^，,；;]{0,10}?(?:预测|预计|估计|显示|据说|据称|辩称|声称|宣称)(?=[\u4e00-\u9fff]{2})")

#: a period word inside a phrase (占同期…, 全月平均价): said apart as the period
_PERIOD_IN = compile_prefiltered(r"(?<=占)同期|^(?:同期|全月|全天|全年|本年度|上年度|本财年|上财年)")
#: a date or a span of time that opens the phrase (３月２４日, 11日和13日, 次日, 近几年, 到上周末为止)
_DATE_IN = re.compile(r"^(?:(?:今年|去年|前年|明年|当年|同年)?年?[0-9０-９一二三四五六七八九十]{1,2}月(?:[0-9０-９一二三四五六七八九十]{1,3}[日号])?"
                      r"|[0-9０-９]{1,2}[日号](?:和[0-9０-９]{1,2}[日号])?|次日|翌日|当日|当天|近几年|近年来|近几天"
                      r"|(?:到|截至|截止)[^，,；;]{1,6}(?:为止|止))")
#: a note in brackets that names no part of the measure: a photo mark of a headline (（图）, （组图）) or an alias
#: (（下称“某行”）, （简称…）)
_NOTE_IN = re.compile(r"[（(](?:组?图|(?:以下|下文)?(?:简称|下称)[^（()）]{0,12})[）)]")
#: a base of one character after 每 that opens a phrase (每组, 每株, 每户): the base of a rate, said apart
_PER_BASE = re.compile(r"^每[\u4e00-\u9fff](?=[\u4e00-\u9fff]{2})")
#: a decision or a plan before the act measured (决定捐资, 准备投入), or who set the figure (某局核定|预售价格)
_DECIDED = re.compile(r"^[^，,；;]{0,10}?(?:决定|准备|打算|确定|核定)(?=[\u4e00-\u9fff]{2})")
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
    if unit == "部分" and (pm := _PARTS_OF.match(ind)):
        ind = pm.group(1) + "部分"  # 净水系统分甲池、乙池…|四部分: the parts of what is divided are counted
    ind = r["modal"].sub("", ind)
    if "图" in ind or "称" in ind:
        ind = _NOTE_IN.sub("", ind)  # 获救（图）, 某某银行股份有限公司（下称“某行”）: a photo mark or an alias is no part of it
    if ind.startswith(("比如", "例如", "譬如", "如")) and not ind.startswith(("如今", "如何", "如果", "如期")) \
            and len(ind) - (2 if ind[1] == "如" else 1) >= 3:
        ind = ind[2:] if ind[1] == "如" else ind[1:]  # 如某行跨行转账手续费: an example is introduced, not measured
    if ind.startswith(("包括", "其中包括")) and len(ind) - ind.index("包括") - 2 >= 2:
        ind = ind[ind.index("包括") + 2:]  # 包括某某银行|4家: the verb of inclusion, not what is counted
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
    m = r["cut"].search(ind)  # a 将/把 construction, or a recipient before a verb of paying out
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
            elif len(cut) < 2 and not _per_unit_re().match(ind) and (pb := _PER_BASE.match(ind)) \
                    and len(ind) - pb.end() >= 2:
                cut = ind[pb.end():]  # 每组|分派, 每株|产果: a base of one word opens the phrase, what it has or does stays
            ind = cut
        ind = _cut_head(ind, r["head"])
        if not ind.endswith("平均") or not _VS_AVERAGE.search(ind):  # 低于全县平均: a comparison
            cut = r["tail"].sub("", ind)
            ind = cut if len(cut) >= 2 else ind
        ind = ind.strip(" 、，,；;：:的之")
    if r["clause"].search(ind) and not (kind == "count" and ind.endswith("记者")):  # 200多名记者: counted
        return ""
    ind = _drop_owner_and_time(ind)
    if len(ind) >= 5 and (sv := _subject_adverb_end(ind)):
        ind = ind[sv:]  # 某公司首先|开价, 某信用社大胆|投放贷款: who did it and how are no part of the measure
    if (pe := _place_end(ind)) and len(ind) - pe >= 2:
        ind = ind[:-pe]  # 加拿大6大银行中|已有4家合并: where they are is no part of what is counted
    if kind == "count" and len(ind) >= _CLAUSE_LONG and unit not in r["people"]:
        ind = _cut_head(_object_of_clause(ind), r["head"])
    if "的" in ind[1:-2] and "的占" not in ind:
        # 原油的期货价格: the label joins its nouns (a share keeps …占Y的比重, as statistics write it)
        ind = _INNER_DE.sub("", ind)
    if ind.endswith("的占") and len(ind) > 3:
        ind = ind[:-2] + "比例"  # 使用电脑的占75%: the share of those who do it
    elif ind.endswith(("比例占", "比重占")) and len(ind) > 4:
        ind = ind[:-3] + "比例"  # 自营商品比例约占20%: the share is named already
    elif ind.endswith("占") and len(ind) > 2:
        ind = ind[:-1] + "比例"  # 妇女干部占16.4%: the share of X (the text's own 占比 stays: 税收收入占比)
    elif kind == "share" and "占" in ind[1:-1] and not ind.endswith(_SHARE_ENDS):
        ind += "比例"  # 科技产业占生产总值的7%: the share of X in Y, not Y
    if ind[:1] in "能会要应" and (mt := _tags(ind)) and mt[0][0] in _MODALS and len(ind) - len(mt[0][0]) >= 2:
        ind = ind[len(mt[0][0]):]  # 每年至少能|收入5亿美元, 能|参加劳动的: a modal says what may be, not what
    if "交货" in ind and (dm := _DELIVERY.match(ind)) and len(ind) - dm.end() >= 4:
        ind = ind[dm.end():]  # 明年1月交货的|原油期货价格: the delivery month of a contract says which, as a period
    if "每" in ind and (ph := _PER_HEAD.search(ind)) and len(ind) - ph.end() >= 2:
        rest = _tags(ind[ph.end():])
        if len(rest) >= 2 and rest[0][1] == "v" and all(t in _NOMINAL for _, t in rest[1:]):
            rest = rest[1:]  # 平均每人|交纳|保险费: the act of paying is no part of the sum
        # 每户平均收入 -> 户均收入; the group before stays (城镇居民每人平均收入 -> 城镇居民人均收入)
        ind = ind[:ph.start()] + ("户均" if ph.group(1) == "户" else "人均") + "".join(w for w, _ in rest)
    if ind.startswith("来自") and unit in r["people"]:
        ind = _without_origin(ind)  # 来自某国的|12名选手: where people come from is no part of who is counted
    if "含" in ind and kind != "share" and (cm := _CONTAINS_END.search(ind)):
        return cm.group(1) + "含量"  # 牛奶中含钙|120毫克, 矿石含铁|30%: the content of what is contained
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
            if _DIED.search(ind):
                ind = _DIED.sub("死亡", ind)  # 3000万人丧生, 9人死于高温: the dead are counted as 死亡人数
            ind += "人数"
    return ind


#: modal verbs that may open a phrase (能, 会; not 可 of 可支配收入)
_MODALS = frozenset({"能", "能够", "会", "要", "应", "应该", "应当"})
#: the delivery month of a futures contract before its price (明年1月交货的, 7月份交货)
_DELIVERY = re.compile(r"^[^，,；;]{0,12}?交货的?")
#: a rate per head or per household, said as statistics say it (平均每人 -> 人均, 每户平均 -> 户均)
_PER_HEAD = re.compile(r"(?:^|(?<=[\u4e00-\u9fff]))(?:平均)?每(人|户)(?:平均|每年|每月|每天)?(?=[\u4e00-\u9fff]{2})")


def _without_origin(ind: str) -> str:
    """People without where they come from (来自某国的选手 -> 选手, 来自各地棋手 -> 棋手): 来自, then places
    (named, 各地, 某国) and 的; the phrase when no noun of two characters is left."""
    tags = list(_tags(ind[2:]))
    i = 0
    while i < len(tags) and (tags[i][1] in ("ns", "nt", "s", "r", "j") or tags[i][0].endswith(_PLACE_ENDS)
                             or tags[i][0] == "的"):
        i += 1
    rest = "".join(w for w, _ in tags[i:])
    return rest if i and len(rest) >= 2 else ind


_PLACE_ENDS = ("国", "省", "市", "县", "地", "洲", "区")
#: a substance contained, at the end of a phrase (牛奶中含钙, 矿石含铁量): not 包含, 含义
_CONTAINS_END = re.compile(r"(?<![包蕴隐])含有?([\u4e00-\u9fff]{1,4}?)(?:含?量)?$")
@lru_cache(maxsize=4096)
def _subject_adverb_end(ind: str) -> int:
    """Where the act starts in a phrase of a subject (nouns), an adverb and a verb with its object (某公司首先|开价):
    0 when the phrase is not so made."""
    tags = list(_tags(ind))
    i = 0
    while i < len(tags) and tags[i][1] in _NOMINAL and tags[i][1] != "vn":
        i += 1
    if i == 0 or i + 1 >= len(tags) or tags[i][1] != "d" or len(tags[i][0]) < 2 or tags[i + 1][1] != "v" \
            or len(tags[i + 1][0]) < 2 or not all(t in _NOMINAL for _, t in tags[i + 2:]):
        return 0
    return sum(len(w) for w, _ in tags[:i + 1])


def _cut_head(ind: str, head: re.Pattern) -> str:
    """The phrase without the head words that open it (今年, 各地, 国内外), leaving two characters or more and
    no piece of a word (世界|杯门票 is no cut)."""
    one = _one_head(head.pattern)
    cut, pos = 0, 0
    while (m := one.match(ind, pos)) and m.end() > pos:
        pos = m.end()
        if len(ind) - pos >= 2 and not _orphan_at(ind, pos):
            cut = pos
    return ind[cut:]


def _orphan_at(phrase: str, i: int) -> bool:
    """Whether a cut at ``i`` leaves one character of a word behind (世界|杯门票; not 大力|推广…, whose rest is a
    word of its own)."""
    pos = 0
    for w, _ in _tags(phrase):
        if pos < i < pos + len(w):
            return pos + len(w) - i == 1
        pos += len(w)
    return False


@lru_cache(maxsize=4)
def _one_head(pattern: str) -> re.Pattern:
    """One head word of the head words' pattern (``^(?:…)+``)."""
    return re.compile(pattern[len("^(?:"):-len(")+")])


#: what is divided into parts, and the verb that divides it (资金分为|甲与乙两部分)
_PARTS_OF = re.compile(r"^([\u4e00-\u9fff]{2,16}?)[又也则还]?(?:分为|分成|分)")


#: a counted phrase this long that holds a clause (who did what to the things counted) keeps what was counted
_CLAUSE_LONG = 6
_NOMINAL = frozenset({"n", "nz", "ns", "nt", "nr", "ng", "s", "l", "b", "j", "vn", "an"})


@lru_cache(maxsize=4096)
def _object_of_clause(ind: str) -> str:
    """The things counted at the end of a long counted phrase that holds a clause: the nouns after its last verb
    (研讨会收到|学术报告) or after the 的 of a relative clause with a verb (各校报送的|论文); the phrase when
    its end is no noun phrase of two characters or more, or nothing (no subject, no verb) stands before it."""
    tags = list(_tags(ind))
    k = len(tags)
    while k > 0 and tags[k - 1][1] in _NOMINAL:
        k -= 1
    tail = "".join(w for w, _ in tags[k:])
    if k == 0 or k == len(tags) or len(tail) < 2:
        return ind
    w, t = tags[k - 1]
    if t == "uj" and any(tt == "v" for _, tt in tags[:k - 1]):
        return tail  # 各校报送的|论文: a relative clause says which
    j = k - 1
    while j > 0 and tags[j - 1][1] == "v":
        j -= 1  # (征集|到: the verbs of one predicate)
    subject = tags[:j]
    if t == "v" and len(tail) >= 4 and len(ind) >= 10 and sum(len(ww) for ww, _ in subject) >= 3 \
            and all(tt in _NOMINAL for _, tt in subject) \
            and not tags[j][0].startswith(_NOT_ACTS):
        return tail  # 研讨会收到|学术报告: who did what to the things counted is no part of them
    return ind


#: verbs after a subject that say what it is or what was done to it: the subject is what is counted
_NOT_ACTS = ("受", "遭", "被", "即", "是", "为", "有", "成为", "属于")


_VS_AVERAGE = re.compile(r"(?:高于|低于|超过|快于|慢于|超出)[\u4e00-\u9fff]{0,4}平均$")


#: ends of a phrase that names a sum of money already (资金, 收入, 手续费, 成交额, 价格)
_SUM_ENDS = ("金", "款", "费", "额", "资", "价", "价格", "收入", "利润", "预算", "投入", "成本", "损失", "支出", "开支")


@lru_cache(maxsize=4096)
def _money_act(label: str) -> str:
    """A sum of money named by the act that paid, took or kept it (``figure-money-acts.tsv``): a label that
    ends in such a verb and names no sum of its own (某老人取 -> 取款金额, 一名男子在柜员机上存入 -> 存款,
    银行每年都收取 -> 收费); who did it, where and how are no part of it. Other labels stay."""
    tags = list(_tags(label))
    if not tags or tags[-1][1] not in ("v", "vn"):
        return label
    w = tags[-1][0]
    if len(w) == 2 and w[0] in _LOCALIZERS:
        tags[-1:] = [(w[0], "f"), (w[1], "v")]  # 柜员机上取: the tagger glues the localizer to the verb
    acts = _money_acts()
    for n in (2, 1):  # the verb and the word before it (刷卡|消费, 赚|到), then the verb alone
        if len(tags) >= n:
            verb = "".join(w for w, _ in tags[-n:])
            before = "".join(w for w, _ in tags[:-n])
            if verb in acts and not before.endswith(_SUM_ENDS) and not before.endswith("均"):  # (人均消费: per head)
                return acts[verb]
    return label


_LOCALIZERS = frozenset("上里中内外下")
#: acts of the lexicon that end like a sum's name (存款, 捐款, 借款): the label may still be the act
_ACT_ENDS = ("存款", "捐款", "借款", "还款", "付款", "取款", "汇款", "捐资", "消费")


#: people counted by an act done where they went (村民到镇政府|上访): the destination, a place that ends in a
#: word of a body, a building or a place, and then the act of two to eight characters before 人数
_GONE_TO = re.compile(r"(?<![得受达遇收看听感做识找提直])(?:来到|回到|前往|到|赴|去)"
                      r"[\u4e00-\u9fff]{0,14}(?:局|队|院|所|府|馆|站|厅|部|处|村|镇|乡|县|市|省|区|街|校|园|中心"
                      r"|会场|现场|社|室|楼|厂|店|公司|基地|工地|一线|家中|京)(?=[\u4e00-\u9fff]{2,8}人[数次]$)")


def _drop_destination(label: str) -> str:
    """Where people went goes from a count of them by what they did there (志愿者到敬老院打扫卫生人数 ->
    志愿者打扫卫生人数, 失主到某公安分局报案人数 -> 失主报案人数); other labels stay."""
    if not label.endswith(("人数", "人次")):
        return label
    m = _GONE_TO.search(label)
    return label[:m.start()] + label[m.end():] if m else label
