"""The owner of a measure that opens an indicator (a named body or place, ``figure-owners.tsv``: 长河银行净利润
-> 净利润; a class of bodies stays) and the time words inside it (少先队员近日人数 -> 少先队员人数), dropped.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...vocab.lexicon import lexicon
from .pos import _has_clause_word, _has_verb, _is_person, _tags, _word_at
from .vocab import _not_noun_start, _owner_res, _owner_words

#: time words inside a noun phrase (少先队员近日|…人数): the period is no part of the indicator
_TIME_WORD = re.compile(r"^(?:近日|日前|目前|现在|当时|此前|今天|昨天|近年|近年来|最近|如今|眼下|上个月|上月|本月|当月|上周|本周"
                        r"|当天|当日|今年|去年|前年|上半年|下半年|同期|全月|全年|全天)$")

_PROPER = frozenset({"ns", "nr", "nrt", "nrfg", "nt"})


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


#: the ends of nouns for one who bids, plays or takes part (网友, 选手, 女士, 男子): no class a statistic is about
_ACTOR_ENDS = ("友", "手", "士", "子")
#: one who buys, sells, collects or plays (买家, 藏家, 玩家; not 国家, 厂家)
_ACTOR_HOUSE = re.compile(r"^[买卖藏玩赢庄]家$")
_NAME_TAGS = frozenset({"nr", "nrt", "nrfg"})


def _drop_person_subject(ind: str) -> str:
    """An amount of money without the person who paid, bid or took it (网友出价 -> 出价, 一名男子存入 ->
    存入, 某公司职员挪用 -> 挪用): a name, or a person noun after a numeral or determiner (一名男子, 该学员)
    or of one who acts (网友, 买家), then a verb; classes (居民, 农民, 职工) and verbs of change stay."""
    tags = _tags(ind)
    i = 0
    while i < len(tags) and (tags[i][1] in ("nt", "ns") or tags[i][1] == "n" and i + 1 < len(tags)
                             and tags[i + 1][1] == "n" and tags[i + 1][0].endswith(("员", "子"))):
        i += 1  # (某银行|职员: the body the person works for)
    counted = i < len(tags) and tags[i][1] in ("m", "r") and len(tags[i][0]) <= 2
    j = i + counted
    if j >= len(tags) - 1:
        return ind
    w, t = tags[j]
    person = t in _NAME_TAGS or t == "n" and len(w) >= 2 and (counted and _is_person(w) or w.endswith(_ACTOR_ENDS) or _ACTOR_HOUSE.match(w)
                                                               or i > 0 and w.endswith("员"))
    if not person or tags[j + 1][1] != "v" or len(tags[j + 1][0]) < 2 or _CHANGE_START.match(tags[j + 1][0]):
        return ind
    rest = "".join(x for x, _ in tags[j + 1:])
    return rest if len(rest) >= 2 else ind


_CHANGE_START = re.compile(r"增|减|提高|降|上涨|上升|下跌|扩大|达|超过|突破")


_OWNER_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt"})


@lru_cache(maxsize=8192)
def _owner_only(label: str) -> bool:
    """Whether a label names only whose or where a figure is (a named body, place or person: 某某银行,
    北市区某村, 张三), no measure: 某某银行为60元 says the owner of a figure, what it measures is said before."""
    if len(label) < 2:
        return False
    body, place, klass = _owner_res()
    if klass.match(label):
        return False
    if (m := body.match(label)) and m.end() == len(label) or _is_place_only(label):
        return True
    tags = _tags(label)
    if len(tags) >= 2 and tags[-1][0].endswith(_PLACE_ENDS) and (tags[-1][1] == "n" or len(tags[-1][0]) == 1):
        tags = tags[:-1]  # 北市区|某某村, 某某|村: a village or district after a named place is a place
    return bool(tags) and all(t in _OWNER_TAGS for _, t in tags) and not label.endswith(_MEASURE_CHARS)


#: the ends of the names of villages, towns and districts
_PLACE_ENDS = ("村", "乡", "镇", "区", "县", "市", "省", "州", "街道", "社区")


#: the last characters of a label that names a measure (…价, …率, …额, …量, …费, …数)
_MEASURE_CHARS = ("速", "率", "位", "量", "度", "价", "格", "值", "额", "温", "费", "数", "金", "款", "积", "比", "例", "重",
                  "长", "高", "宽", "深")


#: the last characters of the name of a body (某某局, 某某院, 某某公司, 某某所): one body, not a class
_BODY_CHARS = ("院", "局", "府", "社", "所", "校", "军", "厂", "司")
#: the ends of a phrase that names a sum of money (资金, 投资, 拨款, 营业收入, 资产总额)
_SUM_NAMES = ("金", "款", "费", "额", "资", "价", "价格", "收入", "利润", "预算", "投入", "成本", "损失", "支出", "开支", "营收",
              "缺口", "负债", "债务")
#: words that open the name of a class or level of government, not one body (中央财政, 地方政府, 城市)
_NOT_OWNER = ("中央", "地方", "国家", "全国", "各级", "县级", "省级", "市级", "城市", "城镇", "农村")


def _drop_money_owner(label: str) -> str:
    """A sum of money without the body or place that holds, pays or gets it (某交易所营业收入 -> 营业收入,
    某国政府贷款 -> 贷款, 公司资产总额 -> 资产总额): the first word a named place or body (the tagger's) or the
    name of one body (…局, …院, …公司), the rest a sum of money; a class or a level of government stays
    (中央财政资金, 城市环境基础设施建设投资), so does a base (人均消费)."""
    tags = _tags(label)
    if len(tags) < 2 or _owner_res()[2].match(label):
        return label  # (上市公司净利润: a class of bodies)
    w, t = tags[0]
    rest = label[len(w):]
    if len(rest) < 2 or not rest.endswith(_SUM_NAMES) or rest.startswith("均") or w.startswith(_NOT_OWNER):
        return label
    if len(tags[1][0]) < 2:
        return label  # 某牌|车|价格: a name that qualifies a thing of one character is no owner
    if t in ("nt", "ns") or t == "n" and len(w) >= 2 and w.endswith(_BODY_CHARS):
        return rest
    return label
