"""Head nouns (``program-heads.tsv``: 计划, 行动, 工程, 试点, 模式 …) with their name read leftwards to
the verb that governs it, each kept only on the evidence the decision policy asks for.
"""
from __future__ import annotations

import re

from ..numbers import compile_prefiltered
from .checks import (
    ATTRIBUTE_KINDS,
    _attribute_before,
    _body_and_field,
    _common_noun_action,
    _copula_before,
    _generic_after_place,
    _generic_name,
    _head_evidence,
    _inside_title,
    _plans_to,
    _predicate_at_clause_start,
    _proper_only,
    _recipient_before,
    _site_name,
    _subject_head_end,
)
from .clause import _clause_at, _clause_before, _governed, _governed_after, _governed_right_before, _stance_before
from .edges import _edge_inside_word, _field_verb_edge, _left_edge, _modal_edge
from .pos import _clause_cut, _common_only, _head_inside_word, _noun_after_head, _one_word, _tags
from .tables import _AGENT_END, _CONTEST_WORDS, _DIGIT, _MODIFIER_KINDS, _NAME_MAX, _QUOTE_MARK
from .vocab import (
    _boundaries,
    _evidence_re,
    _generic,
    _generic_ending_re,
    _head_join_re,
    _head_re,
    _heads,
    _later_head_re,
    _weak,
    _weak_lead,
)

#: a locative after the head (行动上的一致, 制度上): "in action", no name
_LOCATIVE_AFTER = re.compile(r"上(?:[的，,。；;、]|$)")
_NUM_BEFORE = re.compile(r"[0-9０-９一二三四五六七八九十百千万两]+(?:个|项|家|处|批|类|条|大)$")
_NUM_AFTER = re.compile(r"^(?:有|共|共有|达)?(?:[0-9０-９]+|[一二三四五六七八九十百千两]+)(?:余|多)?[万亿]?(?:个|项|家|处|批|类|条|人|位|套|户|座|间)")
_COUNT_LEAD = re.compile(r"^(?:[0-9０-９]+|[一二三四五六七八九十两]+)(?:余|多)?(?:个|项|家|处|批|类|条)")
_AREA_LEAD = re.compile(r"^(?:全市|全县|全区|我市|我县|我区|本市)")  # the article's own area is implied
_DIGITS_ONLY = re.compile(r"[0-9０-９]{2,6}")
_AMOUNT_LEAD = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?[万亿]+元?(?![0-9０-９])[\u4e00-\u9fff]{2,}$")
#: a policy named by its rate (…加计扣除75%|政策, …减按20%|政策): a name when governed right before it
_RATE_BEFORE = re.compile(r"[0-9０-９]{1,3}(?:[.．][0-9０-９]+)?[%％]$")
_RATE_IN = re.compile(r"[\u4e00-\u9fff]{4}[0-9０-９]{1,3}(?:[.．][0-9０-９]+)?[%％]$")
_CLOSE_BRACKET = re.compile(r"[)）]")
#: a determiner right before the head: the text refers to a program, it does not name one
_DETERMINER_END = compile_prefiltered(r"(?:上述|前述|这一|这项|此项|该项|本项|这个|那个|这些|那些|该|此|其|这|那"
                             r"|(?<![资成基根样版日])本)$")
#: the head runs on into an organisation's name (…战略与国际问题研究中心, …工程大学)
_ORG_AFTER = re.compile(r"(?:[与和及][\u4e00-\u9fff]{1,10}?)?(?:研究中心|研究所|研究院|研究会|学会|协会|委员会"
                        r"|基金会|大学|学院|办公室|领导小组)|[\u4e00-\u9fff]{0,3}?部长|总书记|主席|秘书长|发言人|领导人"
                        r"|(?:有限)?(?:责任)?公司|[\u4e00-\u9fff]{0,2}?总站|监督站|主管|经理|负责人|总监|处(?![于理在置分])"
                        r"|[\u4e00-\u9fff]{0,2}?部(?![分署位件])|代表团|(?:和[\u4e00-\u9fff]{1,4}?)?[局厅]"
                        r"|[\u4e00-\u9fff]{0,6}?(?:监督站|管理站|检测站|指挥部|研究委员会)|系(?![统列数])|顾问")
#: a phase alone before the head (二期工程, 第三期项目): a part of a project named elsewhere
_PHASE_ONLY = re.compile(r"^第?[一二三四五六七八九十0-9０-９]+期$")
#: a body at the end of a plan's, a strategy's or a campaign's name (美国海军第六舰队|战略): the
#: body's own course, no name
_BODY_END = re.compile(rf"(?:{_AGENT_END.pattern[3:-2]}|舰队|部队|军队|银行)$")
#: a byline in brackets (…讯（记者某某 通讯员某某）): a name read leftwards starts after it
_BYLINE_BRACKET = re.compile(r"[（(][^（()）]*(?:记者|通讯员|摄影|编辑)[^（()）]*[)）]")
_YEAR_LEAD = re.compile(r"^[0-9０-９]{4}年(?:底|末|初)?")  # 2007年城镇职工…: a date, not the name


_PERSON_NOUN_END = frozenset("家级者和与及、")
_CLAUSE_END_CHARS = frozenset("，,；;。！？!?\n：:“”\"《》()（）")
_PARTICLE_LEAD = frozenset("好了着")  # 实施好|, 制定了|, 围绕着|: left of a name, never its first character
#: a firm's name at the start of a plan's, a strategy's, a pilot's, a project's or a policy's name (two
#: characters or more before 银行, 集团, 公司 …: 大公司战略 is about big companies): the firm's own
_FIRM_LEAD = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,10}?(?:银行|集团|公司|分行|支行|影业|地产)(?!卡|制|法)")
_FIRM_KINDS = frozenset(("plan", "strategy", "pilot", "project", "policy"))
_FIRM_IN = re.compile(r"银行|集团|公司|企业")
_AGENCY_IN = re.compile(r"政府|国务院|[部委局厅办署]")
_HEAD_BEFORE_PRIZE = frozenset("性杯奖")  # 战略性; 欧洲联盟杯, …工程奖: a cup or a prize
_EVENT_END = re.compile(r"(?:会|赛|杯|运动)$")
_PERSONS_COUNTED = re.compile(r"[一二两三四五六七八九十几数0-9０-９]+[位名]$")  # 两位|…学者: persons counted
#: persons counted or a person's title inside a talent program's name (两位旅某学者, 某大学教授某某…访问学者):
#: the text tells of people, it names no program
_PERSON_INSIDE = re.compile(r"[一二两三四五六七八九十几数0-9０-９]+[位名]|教授|记者|研究员|讲师|博士|院长|校长")
_PERSON_END = re.compile(r"(?:人|者|员|代表)$")
#: a list of a contest, an award or a team (提名名单, 出线名单, 组成名单, 中签结果名单) is no program; a
#: list an agency keeps names its level (省…入库名单, 国家…名单, 全国…名单)
_LEVEL_LEAD = re.compile(r"^(?:国家|全国|中央|全省|全市|省|市|县|区)|[省市县]级")
#: a report before a saying verb is a source the text cites (某国海军发展报告|称…), no program
_SAYS_AFTER = re.compile(r"(?:称|指出|显示|表明|认为|预测|预计|披露)")
_REPORT_HEADS = frozenset(("发展报告", "白皮书"))
_NEW_END = re.compile(r"(?<!创)新$")
#: a short adjective in 性 or 式 (指令性, 地毯式) or a doctrine in 主义 as the whole name before the head: a kind, no name
_KIND_END = re.compile(r"^[\u4e00-\u9fff]{1,3}[性式]$|主义$|^[一二两三四五六七八九十几0-9０-９]+(?:个)?(?:年|月)(?:多|来|半)?$")
#: (… or a span of time only: 经过两年多|试点, a duration)


#: kinds whose name may hold a verb after its field (服务业扩大开放综合试点, 制造业提升…行动计划)
_FIELD_VERB_KINDS = frozenset(("pilot", "plan", "campaign", "project", "strategy", "policy"))
_BUILT_HEADS = frozenset(("工程", "项目"))  # jieba's 工程建设, 项目建设: the project, then its building
_VERB_HEADS = frozenset(("计划", "规划"))  # heads that are verbs too (政府计划在…: plans to)
_ACT_HEADS = frozenset(("计划", "规划", "行动"))  # … and 行动 (立即行动)
#: an adverb or a verb of manner right before 计划, 规划 or 行动 makes it the clause's verb
_ACT_ADVERB_END = re.compile(r"(?:必须|立即|立刻|马上|迅速|周密|统一|共同|一起|一道|见诸|付诸|开始|尽快|及时|合理|科学)$")
_ASPECT = frozenset("了过着")  # 计划了, 规划过: the verb
#: a size, weight or grade before a kind of project (大型城市综合体|项目, 重大公共投资|项目, 区域标杆|项目):
#: a class, described
_SIZE_CLASS = re.compile(r"(?:重大|大型|中型|小型|特大型|超大型|标杆|高端|高档|标志性|顶级|豪华)")
_SIZE_LEAD = re.compile(r"(?:重大|重点|大型|特大型|超大型|一般|普通)")  # at the start of a project's name


#: an apposition before the head (…这一基本政治制度, …这项工程): the name stands before it
_APPOSED = re.compile(r"(?:这一|这项)[\u4e00-\u9fff]{0,6}$")


def _read_apposed(text: str, p: int, kind: str, free, add) -> None:
    """The name before an apposition at ``p`` (某某合作和某某协商|这一基本政治制度), read leftwards to
    its boundary: a program of the head's kind when it is a name of three characters or more and no
    clause fragment (no clause word, no quantity, not generic)."""
    s = _left_edge(text, p, _NAME_MAX)
    if s == p - _NAME_MAX and s > 0:
        return  # no boundary starts it within the longest name: a clause, not a name
    cut = _clause_cut(text, s, p, p)
    if cut is None:
        return
    core = text[cut:p]
    if len(core) < 3 or _QUOTE_MARK.search(core) or _DIGIT.search(core) or not free(cut, p) \
            or core in _generic() or _predicate_at_clause_start(text, cut, p):
        return
    add(cut, p, kind)


#: a list closed by 等 before the head (实施天然林保护、某某治理等|生态工程, 完善设备加速折旧等|政策)
_LISTED_BEFORE = re.compile(r"等[^\W的]{0,3}$")  # (等作业的|专项整治: the list qualifies another noun)
#: 等 and a noun of aspects or fields before the head (…税收优惠以及出口退税等方面|政策): the list names what
#: the policies touch, no program
_ASPECTS_AFTER = re.compile(r"(?:方面|领域|环节|行业|部门)")
_LIST_SPLIT = re.compile(r"、|和|及|与|以及")
#: a verb that carries out or sets up what the list names (实施, 落实, 完善, 建立 …), right before it
_LIST_VERB = _evidence_re("govern", "establish")


#: a count between 等 and the head (…等4项|机制创新): the items are counted, each a program of the head's kind
_LIST_COUNT = re.compile(r"[0-9０-９一二三四五六七八九十两]{1,2}[项个条种]")
_SENTENCE_MARKS = frozenset("。！？!?\n；;")


def _read_listed(text: str, p: int, kind: str, free, add, qualified_len: int = 0) -> None:
    """The items of a list that ends at ``p`` (before 等 and the head) when a governing verb stands
    right before the list: each item of four characters or more, of two words or more (jieba's),
    with no clause word and no generic name, is a program of the head's kind (its name as
    written: 天然林保护, 设备加速折旧); none when an item is shorter than three characters (a list
    of fields or aspects: 专利、商标和著作权保护等|制度); when a word qualifies the head after 等
    (``qualified_len`` characters: 等生态工程, 等改革方案), only items that end in an action (jieba's v, vn) are
    named. A list that opens its sentence with a count after 等 (甲乙首席质量官、丙丁队伍管理等4项|机制创新)
    names its items without a verb: the sentence counts them as programs of the head's kind."""
    qualified = qualified_len > 0
    if kind == "activity" or _evidence_re("quantity").search(text, p, p + 5) or _ASPECTS_AFTER.match(text, p + 1):
        return  # 开展植树造林、绿化美化等|活动: kinds of activity; 鼓励出口和吸引外资等|多种政策: a class
    before = _clause_before(text, p, 40)
    verb = None
    for verb in _LIST_VERB.finditer(before):
        pass
    counted = _LIST_COUNT.fullmatch(text, p + 1, p + 1 + qualified_len) if qualified else None
    if verb is not None:
        s = p - len(before) + verb.end()  # the list starts right after the clause's last such verb
    elif counted and (whole := _clause_before(text, p, 60)) and p - len(whole) > 0 \
            and text[p - len(whole) - 1] in _SENTENCE_MARKS:
        s = p - len(whole)  # 甲乙首席质量官、丙丁队伍管理等4项|机制创新: a counted list that opens its sentence
        qualified = False    # (the count qualifies nothing)
    else:
        return
    while s < p and text[s] in _PARTICLE_LEAD:
        s += 1  # 制定了|…, 实施好|…
    bounds, a = [], s
    for sep in [*_LIST_SPLIT.finditer(text, s, p), None]:
        bounds.append((a, sep.start() if sep else p))
        a = sep.end() if sep else p
    if any(b - a < 3 for a, b in bounds):
        return  # 完善专利、商标和著作权保护等|制度, 建立…使用、运营、退出等|管理制度: fields or aspects listed
    for a, b in bounds:
        part = text[a:b]
        if 4 <= len(part) <= 14 and "的" not in part and not _DIGIT.search(part) and part not in _generic() \
                and not _QUOTE_MARK.search(part) \
                and not _evidence_re("negative").search(part) \
                and free(a, b) \
                and len(_tags(part)) > 1 and _clause_cut(text, a, b, b) == a \
                and not (qualified and _tags(part)[-1][1] not in ("v", "vn")):
            add(a, b, kind)  # (制定了财税体制、金融体制…等改革方案: an item of nouns before a qualified head is
            # the field of one, 财税体制改革方案, not its name; 天然林保护 …等生态工程 is an action named)


#: kinds a purpose may name (a verb and its object before 的: 应对…危机的|一揽子计划, 完善…体系的|试点); a policy
#: or a system so described is a description (支持…发展的|政策), no name
_ACTION_KINDS = frozenset(("plan", "pilot", "project", "campaign"))
#: the verb that governs a name with a purpose before it (实施, 启动 …; 建立, 完善 …; 进行|…的试点)
_ACTION_GOVERN = re.compile(rf"{_evidence_re('govern', 'establish').pattern}|进行")
#: words of a purpose that jieba does not tag as verbs (面向2030年的…)
_PURPOSE_LEAD = ("面向", "针对", "围绕", "应对")
_YEAR_IN = re.compile(r"[0-9０-９]{4}年")


#: a list of what a campaign targets, closed by 等 and the kind of thing (违规占道、违规搭建等行为的|专项整治)
_TARGETS_LISTED = re.compile(r"^[^、，,；;]{2,12}(?:、[^、，,；;]{2,12})+等[\u4e00-\u9fff]{1,4}$")


def _action_attribute_before(text: str, de: int, campaign: bool = False) -> int | None:
    """Where a purpose that ends at the 的 at ``de`` starts (完善|应对某某危机的|一揽子计划, 进行|完善某某
    体系的|试点, 启动|面向2030年的|…项目), or None: the purpose starts right after a verb that governs or
    sets up the program (the latest of the clause whose purpose reads as one), is 4–16 characters of no
    punctuation, quote, 的 or conjunction (采用和推广…的计划 describes), starts with a verb (jieba's v, or a
    purpose word: 面向) and holds a noun. A ``campaign`` may target what is wrong, listed and closed by 等 and its kind (开展|违规占道、违规搭建等行为的|
    专项整治: 4–30 characters)."""
    before = _clause_before(text, de, 20)
    base = de - len(before)
    starts = [base + m.end() for m in _ACTION_GOVERN.finditer(before)]
    for a in reversed(starts):
        attr = text[a:de]
        if campaign and len(attr) <= 30 and _TARGETS_LISTED.match(attr) and "的" not in attr \
                and not _QUOTE_MARK.search(attr) and not _DIGIT.search(attr):
            return a  # 开展|违规占道、违规搭建等行为的|专项整治: the targets listed
        if not 4 <= len(attr) <= 16 or "的" in attr or _QUOTE_MARK.search(attr) or _LIST_SPLIT.search(attr) \
                or _evidence_re("negative", "quantity").search(attr) \
                or not all("\u4e00" <= c <= "\u9fff" or c in "0123456789０１２３４５６７８９" for c in attr):
            continue
        tags = _tags(attr)
        if len(tags) < 2 or not (tags[0][1] == "v" or tags[0][0] in _PURPOSE_LEAD) or tags[0][0] in _boundaries() \
                and not _ACTION_GOVERN.fullmatch(tags[0][0]):
            continue
        if any(t[:1] == "n" and t != "vn" for _, t in tags[1:]) or any(t == "m" for _, t in tags[1:]) and _YEAR_IN.search(attr):
            return a
    return None


#: kinds two names may share the head of (实行…收购价和…收储政策)
_PAIR_KINDS = frozenset(("policy", "system"))
_PAIR_JOIN = re.compile(r"和|与|及")
_CN_COUNT = frozenset("一二两三四五六七八九十几")  # 实施三大…成本和…保险政策: a count, the pair shares more than the head


def _read_pair(text: str, s: int, hs: int, he: int, head: str, kind: str, free, add) -> bool:
    """Two names joined by 和 (与, 及) under one policy's or system's head, right after a verb that governs
    them (实行|粮食最低收购价和临时收储|政策): each of four characters or more and two words or more (jieba's),
    with no 的, 、, digit, count, clause word or generic name (实施激励和约束政策 joins common nouns, no
    names); the first written out with the head (its evidence the span as written), the second as written. Whether the pair was read."""
    joins = list(_PAIR_JOIN.finditer(text, s, hs))
    if len(joins) != 1 or not _governed_right_before(text, s):
        return False
    j = joins[0]
    parts = ((s, j.start()), (j.end(), hs))
    ending = _generic_ending_re(head)
    for a, b in parts:
        part = text[a:b]
        if len(part) < 4 or "的" in part or "、" in part or _DIGIT.search(part) or part in _generic() \
                or part[0] in _CN_COUNT \
                or len(_tags(part)) < 2 or _clause_cut(text, a, b, b) != a or _generic_name(part, head) \
                or ending is not None and ending.search(part) or _evidence_re("negative", "quantity").search(part):
            return False
    if _word_at(text[j.start():j.start() + 4]) and _tags(text[j.start():j.start() + 4])[0][0] != j.group(0):
        return False  # 和平, 与会: the conjunction starts a word, no pair
    if free(s, j.start()):
        add(s, j.start(), kind, text[s:j.start()] + head)  # written out: 粮食最低收购价政策
    if free(j.end(), he):
        add(j.end(), he, kind)
    return True


#: a campaign of the whole people (推进|全民阅读, 开展|全民健身运动): 全民 and an action of jieba's, right after a
#: verb that pushes it
_EVERYONE = re.compile(r"(?:推进|开展|实施|倡导|普及|深化)全民")
_EVERYONE_TAGS = frozenset(("v", "vn", "l"))


def read_everyone_campaigns(text: str, free, add) -> None:
    """Campaigns of the whole people: 全民 and one word of jieba's that is an action (v, vn, or a set
    phrase: 全民健身运动), 2–4 characters, no noun right after it (全民参保|计划 is the plan's, 全民共享|发展成果 a
    clause; 全民所有制 is one word), right after 推进, 开展, 实施, 倡导, 普及 or 深化; given to ``add(start, end, "campaign")``."""
    if "全民" not in text:
        return
    for m in _EVERYONE.finditer(text):
        s = m.end() - 2
        tags = _tags(text[s:s + 10])
        if len(tags) < 2 or tags[0][0] != "全民" or tags[1][1] not in _EVERYONE_TAGS or not 2 <= len(tags[1][0]) <= 4:
            continue
        e = s + 2 + len(tags[1][0])
        if len(tags) > 2 and (tags[2][1][:1] == "n" and tags[2][1] != "nr" or tags[2][1] == "vn") or not free(s, e):
            continue
        add(s, e, "campaign")


def _word_at(core: str) -> bool:
    """Whether the first character of ``core`` starts a longer word of jieba's (和平, 等级)."""
    tags = _tags(core[:4])
    return bool(tags) and len(tags[0][0]) > 1


def _verb_last(core: str) -> bool:
    """Whether the last word of a name is a verb (jieba's v: 访问|学者, a kind of person by what they do)."""
    tags = _tags(core)
    return bool(tags) and tags[-1][1] == "v"


def read_head_nouns(text: str, mask: bytearray, free, add) -> None:
    """Head nouns with their name read leftwards (``mask``: 1 where a name already lies, and
    ``free(start, end)``: none there), each kept on the evidence the policy asks for; given to
    ``add(start, end, kind)``."""
    heads = _heads()
    bounds = _boundaries()
    head_re = _head_re()
    later_head_re = _later_head_re()
    head_join_re = _head_join_re()
    has_paren = "(" in text or "（" in text
    has_title = "《" in text or "》" in text
    for m in head_re.finditer(text):
        hs, he = m.start(), m.end()
        head = m.group(0)
        kind, flags = heads[head]
        if not free(hs, he) or text[he:he + 1] in _HEAD_BEFORE_PRIZE or _LOCATIVE_AFTER.match(text, he):
            continue  # 战略性新兴产业
        if head_re.match(text, he) or later_head_re.match(text[he:he + 6]):
            continue  # 项目需求库: the longer name ends at the later head
        listed = _LISTED_BEFORE.search(text, max(0, hs - 4), hs)
        if listed and (not _QUOTE_MARK.search(text, max(0, hs - 30), hs) or _LIST_COUNT.fullmatch(listed.group(0)[1:])):
            _read_listed(text, listed.start(), kind, free, add, listed.end() - listed.start() - 1)
            # 实施甲、乙等|生态工程: each item is named
        app = _APPOSED.search(text, max(0, hs - 9), hs)
        if app:  # 某某合作和某某协商|这一基本政治制度: the name stands before the apposition
            _read_apposed(text, app.start(), kind, free, add)
            continue
        if has_title and _inside_title(text, hs):
            continue  # 《某某蓝色行动》, 《关于…规划房屋…(cut): part of a title, no name of its own
        lp = max(text.rfind("(", max(0, hs - 20), hs), text.rfind("（", max(0, hs - 20), hs)) if has_paren else -1
        if lp != -1 and not _CLOSE_BRACKET.search(text, lp, hs):
            continue  # inside brackets: TOD(公共交通导向的开发模式)模式
        s = _left_edge(text, hs, _NAME_MAX)
        if s == hs and kind == "policy":
            rate = _RATE_BEFORE.search(text, max(0, hs - 8), hs)
            if rate:  # 执行|企业研发费用加计扣除75%政策: the rate is part of the policy's name
                s = _left_edge(text, rate.start(), _NAME_MAX - (hs - rate.start()))
        if 0 < s < hs and (text[s - 1:s] in bounds or s > 1 and text[s - 2:s] in bounds
                           or s > 2 and text[s - 3:s] in bounds or s > 3 and text[s - 4:s] in bounds):
            s = _edge_inside_word(text, s, hs)  # 等|级标准: 等 of 等级, 落实|行政执法: 实行 of 落|实行|政
            # is no boundary (a name never starts inside a word of jieba's)
        if 0 < s < hs - 1 and text[s] in _PARTICLE_LEAD and text[s - 1] not in _CLAUSE_END_CHARS:
            s += 1  # 实施好|…工程, 制定了|…: a verb's complement or aspect, no part of the name
        s = _modal_edge(text, s, hs)  # 可|持续发展战略: 可 + verb is an adjective, no boundary
        if kind in _FIELD_VERB_KINDS and s >= 4:
            s = _field_verb_edge(text, s)  # 增设|服务业扩大开放综合试点: the field's verb is in the name
        attributed = False
        if kind in ATTRIBUTE_KINDS and s > 3 and text[s - 3] == "的" and text[s - 2:s] in _weak():
            s -= 2  # 坚持互利共赢的|开放战略: a weak boundary verb after 的 is the name's (开放战略)
        if kind in ATTRIBUTE_KINDS and text[s - 1:s] == "的" and s > 1:
            a = _attribute_before(text, s - 1, hs)
            if a is not None and mask.rfind(1, a, hs) == -1:
                s, attributed = a, True  # 奉行|独立自主的和平外交政策, 实行|最严格的土地管理制度: an attribute
                # after a governing verb is part of the name, which it makes one (土地管理制度 alone is a kind)
        if not attributed and kind in _ACTION_KINDS and s > 1 and text[s - 1] == "的":
            a = _action_attribute_before(text, s - 1, kind == "campaign")
            if a is not None and mask.rfind(1, a, hs) == -1:
                s, attributed = a, True  # 进行|完善某某体系的试点, 启动|面向2030年的…重大项目, 完善|应对…危机的
                # 一揽子计划: an action and its object before 的, after the verb that governs the whole
        if has_paren:
            for byline in _BYLINE_BRACKET.finditer(text, s, hs):
                s = byline.end()  # 本报讯（记者某某）|全省…工程: the name starts after the byline
        # a name never starts inside an earlier program
        # (the latest end of a name before the head: names are never empty, and none
        # runs on past hs, which is free; so the last marked character before hs ends one)
        last = mask.rfind(1, 0, hs)
        if last != -1 and last + 1 > s:
            s = last + 1
        core = text[s:hs]
        # (a join needs 和 / 与 / 及 / 以及 / 、 after the earlier head)
        joins = list(head_join_re.finditer(core)) if ("和" in core or "与" in core or "及" in core or "、" in core) else ()
        if joins:
            s += joins[-1].end()
            core = core[joins[-1].end():]
        lead_count = _COUNT_LEAD.match(core)
        if lead_count:  # 5个整村光伏储能试点: the count is a figure, the rest the name
            s += lead_count.end()
            core = core[lead_count.end():]
        if not _QUOTE_MARK.search(core) and not attributed:
            cut = _clause_cut(text, s, hs, he)
            if cut is None or _head_inside_word(text, cut, he) and not (
                    head in _BUILT_HEADS and text.startswith("建设", he)):
                continue  # 许多体育项目, 这两项水利工程; 计划生育, 战略目标 (…工程|建设: the project being built)
            s, core = cut, text[cut:hs]
            subject = _subject_head_end(core)
            if subject:  # 其中制度延袭|英国教育制度: a head and its verb, the clause's subject and predicate
                s, core = s + subject, core[subject:]
                if len(core) < 2:
                    continue
        if kind in _PAIR_KINDS and not _QUOTE_MARK.search(core) and _read_pair(text, s, hs, he, head, kind, free, add):
            continue  # 实行|粮食最低收购价和临时收储政策: two policies under one head
        if not _QUOTE_MARK.search(core) and _predicate_at_clause_start(text, s, hs):
            continue  # (要)保障新区建设配套规划, 支持某市…工程: a verb and its object, no name
        area = _AREA_LEAD.match(core) or _YEAR_LEAD.match(core)
        if area and len(core) - area.end() >= 3:
            s += area.end()
            core = core[area.end():]
        if "governed" in flags or "plain" in flags:
            st = _stance_before(text, s)  # 积极 is a boundary word, yet part of 积极财政政策
            if st < s and (last == -1 or last < st):
                s, core = st, text[st:hs]
        unquoted = not _QUOTE_MARK.search(core)  # (core stays as it is up to the conjunctions dropped below)
        if not attributed and _generic_name(core, head) or core[:1] in "、" or core[-1:] in "和与及、" \
                or unquoted and _generic_after_place(core, head):
            continue  # (广东省)重点建设项目: a place's generic projects, no name
        if _DETERMINER_END.search(core) or _PHASE_ONLY.match(core):
            continue  # 本条例, 上述计划, 该项目, 二期工程: a reference to a program named elsewhere
        if unquoted and "到" in core and "从" in _clause_before(text, s, 8) + core[:core.rfind("到")]:
            continue  # 从某桥到|项目: a range (from … to), no name
        if _ORG_AFTER.match(text, he):
            continue  # 战略与国际问题研究中心, 工程大学: the head is inside an organisation's name
        if kind in _MODIFIER_KINDS and _noun_after_head(text, he):
            continue  # 某某工程系, 某某行动小队, 即时战略游戏, 试点街道: the head qualifies a noun after it
        if kind == "campaign" and _proper_only(core):
            continue  # 摩萨德行动: an operation of a named body or person, not a named campaign
        if "generic" in flags and unquoted and _copula_before(text, s):
            continue  # 该项目为|技术演示验证暨公益发射项目: the predicate classifies, it names nothing
        if head == "政策" and unquoted and _body_and_field(core):
            continue  # (执行)央行房贷政策: a body's policy of a field, no name
        if kind in ("campaign", "plan", "strategy") and unquoted and _BODY_END.search(core) \
                and not ("governed" in flags and _governed(text, s)) \
                and any(t in ("ns", "nr", "nt", "nz") for _, t in _tags(core)):
            continue  # 某国海军第六舰队|战略: the course of a body, named by no name of its own (a named
            # body: 大公司战略 is a strategy about big companies; 开展|第三次国务院大督查: an inspection a verb
            # governs is named by the body that holds it)
        if kind in _FIRM_KINDS and unquoted and (
                _FIRM_LEAD.match(core) or kind == "plan" and not any(t in ("ns", "nt") for _, t in _tags(core))
                and _FIRM_IN.search(_clause_before(text, s, 40)) and not _AGENCY_IN.search(_clause_before(text, s, 40))):
            continue  # 某某银行信贷规划, 某钢铁集团统一发展规划, 某银行某分行试点: a firm's own course, no program;
            # 某银行（…）作出了…的整体布局调整方案: a plan (no place or body in its name) whose clause has a firm for subject
        if head == "行动" and unquoted and _common_noun_action(core) and not _governed(text, s):
            continue  # (海军)战斗行动, 军事行动: a common noun of jieba's, a kind of action
        if head == "项目" and unquoted and _site_name(core) and not _governed(text, s):
            continue  # 某某公园项目, 某茂·某园项目: a site or an estate by its proper name, no course of action
        if kind == "talent-program" and (core[-1] in _PERSON_NOUN_END or len(core) < 2
                                         or _PERSONS_COUNTED.search(text, max(0, s - 4), s)
                                         or unquoted and (
                                             _PERSON_INSIDE.search(core) or _verb_last(core))
                                         or unquoted and not _governed(text, s)
                                         and not any(t in ("ns", "nr", "nz") for _, t in _tags(core))):
            continue  # 大师级学者, 与会学者, 旅芬学者, 两位…学者: a kind of person; 长江学者 names a program
        if head in _VERB_HEADS and text[he:he + 1] in _ASPECT:
            continue  # 今年某市共计划了…: the verb, with its aspect particle
        if head in _ACT_HEADS and unquoted and _ACT_ADVERB_END.search(text, max(0, hs - 4), hs):
            continue  # 必须立即行动起来, 必须周密计划, 统一规划, 见诸行动: the clause's verb after its adverb, no name
        if head in _VERB_HEADS and unquoted and _plans_to(text, s, hs, he):
            continue  # 日本政府计划在明年…, 美国计划今年…: a body that plans to, no plan named
        if head == "名单" and (_PERSON_END.search(core) or unquoted and not _LEVEL_LEAD.search(core)):
            continue  # 候选人名单, 获奖者名单: a list of people; 某杯提名名单, 战队组成名单: of a contest or a team
        if head in _REPORT_HEADS and unquoted and _SAYS_AFTER.match(text, he):
            continue  # 某国海军发展报告称…: a source cited, no program
        if head in ("项目", "名单") and _EVENT_END.search(core):
            continue  # 奥运会和全运会项目: a sport's events; 世预赛名单: a team's
        if head == "项目" and not _governed(text, s) and _CONTEST_WORDS.search(_clause_at(text, hs)):
            continue  # 某某项目进入个人赛, …项目冠军: a contest's event
        if core.endswith(_weak_lead()) and unquoted:
            continue  # 设计制定|方案: the verb's object, no name before the head
        if unquoted and _KIND_END.search(core):
            continue  # 指令性计划, 指导性计划: a kind by an adjective in 性; 修正主义纲领: a doctrine's
        if head in ("模式", "机制") and _NEW_END.search(core):
            continue  # 物种相互作用新模式: a new way, described, not named
        ending = _generic_ending_re(head)
        if ending is not None and unquoted and not attributed and ending.search(core):
            continue  # 绿色发展模式, 基层治理模式: what it does, not a name; 兴趣小组活动: who holds it
        if "generic" in flags and (_NUM_BEFORE.search(text, max(0, s - 6), s) or _NUM_AFTER.match(text[he:he + 6])):
            continue
        if "generic" in flags and _DIGIT.search(core) and unquoted \
                and not (attributed and not _DIGIT.search(_YEAR_IN.sub("", core))):  # (面向2030年的…: a year)
            continue
        if kind == "project" and "generic" in flags and unquoted and not _governed(text, s):
            if _SIZE_CLASS.search(core):
                continue  # 某区域大型城市综合体项目, 中央政府重大公共投资项目: a class of projects
        if kind == "project" and unquoted and _SIZE_LEAD.match(core) \
                and (core.startswith(("一般", "普通")) or _common_only(core[_SIZE_LEAD.match(core).end():], text, s, he)):
            continue  # (实施)重大生态修复工程, 重大工程项目: a size or grade and common words, a class governed or not
        if "generic" in flags and text[s - 1:s] == "的" and unquoted and _common_only(core, text, s, he):
            continue  # 最大的|污水处理项目: a description of the thing, no name
        if kind == "project" and "generic" in flags and unquoted and not _governed(text, s) \
                and _common_only(core, text, s, he):
            continue  # 农副产品加工项目占…: a kind of project as a statistic's subject, no name
        if kind in ("plan", "strategy") and unquoted and _common_only(core, text, s, he) \
                and not (_governed(text, s, ("govern", "establish", "decision")) or _governed_after(text, he)
                         or _recipient_before(text, s)):
            continue  # 金融业规划, 善后处理计划: a plan described by its field, no name, unless governed
            # (or the recipient of a gift: 向|春苗助学计划捐款)
        while core and core[0] in "、等和与及" and (not _word_at(core) or _tags(core[:4])[0][1] == "c"):
            s += 1  # (和|平外交政策 keeps 和平: a word, no conjunction; jieba's 及外 is one: 及|外包…整治)
            core = core[1:]
        if len(core) < 3 and len(head) < 3 and kind != "talent-program" and not _one_word(text, s, he) \
                or not free(s, he):
            continue
        if _DIGIT.search(core) and not _QUOTE_MARK.search(core) \
                and not (attributed and not _DIGIT.search(_YEAR_IN.sub("", core))) \
                and not ((_DIGITS_ONLY.fullmatch(core) or _AMOUNT_LEAD.match(core)
                          or kind == "policy" and _RATE_IN.search(core)) and _governed_right_before(text, s)):
            continue  # 6亿素指标调蓄库: digits in an unquoted name are text run together (实施863计划: a code;
            # 推出4万亿…计划: an amount that names the plan it governs)
        if not _head_evidence(text, s, hs, he, core, flags, kind):
            continue
        add(s, he, kind)
