"""The extraction driver: each quantity of a text read, in order, into a Figure: its kind and direction, its
indicator (before the number, after it, or the figure before's), its period and area, and its evidence.
"""
from __future__ import annotations

import bisect
import re

from ...records import Article, Context, Evidence, Figure
from ..numbers import compile_prefiltered
from .after import (
    _NAMED_MEASURE,
    _PRED_END,
    _measure_head,
    _money_noun,
    _noun_after,
    _noun_phrase_after,
    _object_after,
    _object_noun,
    _one_char_noun,
    _predicate_after,
    _verb_object_noun,
)
from .before import _indicator_before, _noun_phrase_before
from .context import _SCOPE_ONLY, _YEAR_RE, _bounds, _context_year, _find_periods, _scoped_area
from .lists import _CONT, _LIST_JOIN_END, _class_named, _examples, _respective
from .measures import (
    _APPROX_DE,
    _BY_PRICE,
    _CURRENCY_AFTER,
    _DIMENSION_REACH,
    _HARVEST,
    _HAVE_END,
    _MASS_UNITS,
    _MEASURE_DE,
    _MEASURE_OF_AFTER,
    _MEASURE_VERBS,
    _MODEL_NAME,
    _MODIFIER_END,
    _MONEY_HEADS,
    _NOT_TOPIC,
    _OUTPUT_OF,
    _OUTPUT_UNITS,
    _PER_END,
    _PERSON_NOUNS,
    _PLANT_END,
    _PRIZE,
    _SPEND_END,
    _TOPIC,
)
from .owners import _MEASURE_CHARS, _drop_money_owner, _drop_person_subject, _owner_only
from .pos import _PREDICATE, _has_clause_word, _has_verb, _is_person, _leading_nouns, _place_end, _tags, _word_at
from .quantities import Quantity, find_quantities
from .ranks import rank_label, rank_phrase
from .shares import (
    _BARE_COMPARE,
    _BASE_ONLY,
    _CHANGE_ONLY,
    _CHANGE_VERB,
    _COMPARED,
    _CONVERTED,
    _DOWN_WORDS,
    _EXTREME_IS,
    _HOLDER_END,
    _LINK_ONLY,
    _PLAN_WORD,
    _RATE_VERB,
    _RATE_WORDS,
    _RATIO_OF,
    _SHARE_OF,
    _SHARE_PHRASE,
    _SUBJECT_CHANGE,
    _SUPERLATIVE,
    _TIME_ONLY,
    _UP_WORDS,
    _VS_BASE,
    _VS_BEFORE,
)
from .tables import _ANY_DIGIT, _CJK, _CLAUSE_END, _DIMENSION_ADJ, _MEASURE_ENDS, _SENT_END, _SHARE_ENDS
from .tidy import _ACT_ENDS, _SUM_ENDS, _drop_destination, _money_act, _tidy_indicator
from .vocab import (
    _adjacent_change_re,
    _cue_dirs,
    _default_units,
    _not_noun_start,
    _price_before_re,
    _price_verb_re,
    _price_verbs,
    _scoped_cue_re,
    _tidy_rules,
)

#: a preposition (or 将/把) that governs a count: the counted noun is its object (在…N家X内, 由N个X组成)
_GOVERNED = compile_prefiltered(r"(?:(?<![现存所实自正好])在|(?<![理缘])由|(?<![使作费])用|(?<![即必])将|把|(?<![一走方转])向|(?<![自])从)"
                       r"[\u4e00-\u9fff]{0,4}$")


#: verbs of attending after a count of people (参加了座谈, 出席招待会): the event says who are counted
_ATTEND = re.compile(r"(?:参加|出席|参与|列席|观看|参观)(?![\u4e00-\u9fff]*[0-9０-９])")


#: a relative clause of place after a count (1万多名|在某地登陆的|球迷): the noun after it is counted
_PLACE_CLAUSE_DE = re.compile(r"在[^，,。；;的\s]{1,8}的(?=[\u4e00-\u9fff])")
#: parts of speech of a name before a colon that a value measures (产品单位净值：, 境外：)
_KEY_TAGS = frozenset({"n", "nz", "vn", "ns", "nt", "s", "f", "j", "b", "t", "an", "l", "m"})
#: determiners dropped from the group whose share is counted (这一|条约 -> 条约)
_DETERMINERS = re.compile(r"这一|这个|这些|该")
#: a verb of yearly, daily or monthly output right before the number (年产|500万吨原煤)
_OUTPUT_VERB_END = re.compile(r"(?:年产|日产|月产)$")
#: extremes said of a figure after the one whose measure they bound (最低1元，最高50元)
_EXTREMES = ("最低", "最高", "最多", "最少", "最大", "最小")


#: a time and 的 between a change cue and its number (降到现在的|110元)
_NOW_DE = re.compile(r"(?<=[到至为])(?:现在|目前|如今|今年|当前|眼下|去年|上年|年底|年末)的$")
#: a year or a period word that opens a clause of change words (1996年度|增长了, 去年|增长)
_PERIOD_LEAD = re.compile(r"^(?:[0-9０-９]{2,4}年度?|今年|去年|前年|上年|当年|同年|全年|上半年|下半年)")


def _subject_of(clause: str) -> str:
    """The nouns that open a clause, through a 的 between nouns (甲国的出口|近两年… -> 甲国的出口)."""
    out, tags = [], _tags(clause)
    for i, (w, t) in enumerate(tags):
        if t in ("n", "nz", "ns", "nt", "j", "vn") or t == "l" and out and out[-1] == "的" \
                or w == "的" and out and i + 1 < len(tags) \
                and tags[i + 1][1] in ("n", "nz", "vn", "j", "l") or t == "f" and out and tags[i + 1:i + 2] == (("的", "uj"),):
            # (非洲国家|间|的贸易: a localizer before 的 is part of the subject)
            out.append(w)
            continue
        break
    return "".join(out).rstrip("的")


#: how votes were cast, right after a tally in 票 (251票赞成, 11票弃权)
_VOTE_AFTER = re.compile(r"赞成|反对|支持|弃权")


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
        if pre[-1:] in ("-", "－", "−") and len(pre) >= 2 and _CJK.match(pre[-2]):
            pre = pre[:-1]  # 销售量为-6.1万吨, 跌至-9.39%: the sign of the number, no part of the phrase before it
        if prev_q is not None and prev_q.category == "duration" and left == prev_q.end and pre.startswith(("来", "以来")):
            pre = pre[pre.index("来") + 1:]  # 3天来|营业额达40多万元: the time since, not the measure
        if not pre.strip() and c0 - 1 > s0 and text[c0 - 1] in "：:" and (prev_q is None or prev_q.end < c0):
            k0 = max(s0, max(text.rfind(c, s0, c0 - 1) for c in _CLAUSE_END) + 1)
            key = text[k0:c0 - 1].strip()
            if 2 <= len(key) <= 12 and not _ANY_DIGIT.search(key) and (kt := _tags(key)) \
                    and all(t in _KEY_TAGS for _, t in kt):
                pre = key  # 产品单位净值：|0.83元: the name before a colon is what the value measures
        if pre.endswith("的") and (tm := _NOW_DE.search(pre)) and tm.start() > 0:
            pre = pre[:tm.start()]  # 降到现在的|110元: the time is the period; the change cue stays before the number
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
            if len(ind) <= 2 and not (len(ind) == 2 and (ind in _MEASURE_VERBS or _tags(ind)[:1]
                                                         and _tags(ind)[0][1] in ("n", "vn", "nz"))):
                ind = prev_ind or ind  # (出口增长300%，进口增长了2倍: a measure of two characters is its own)
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
                and not q.rank and (skipped_de or nxt not in _not_noun_start() or _verb_object_noun(text, after_at)
                                    or q.category == "count" and _PLACE_CLAUSE_DE.match(text, after_at)):
            after = _noun_after(text, after_at)
            one = _one_char_noun(text, after_at) if q.category == "count" else ""
            if q.category == "count" and after and text.startswith("的", after_at + len(after)) and len(after) <= 6 \
                    and (at := _tags(after)) and (at[0][1] in ("a", "i") or all(t in _PREDICATE for _, t in at)
                         or len(at) == 2 and at[1][1] in ("a", "i", "l", "an")
                         or at[0][1] == "p" and at[-1][1] == "v" and len(at) <= 4
                         # 25万份某国外交部的|内部文件, 8套园林方面的|专著: a named owner or a topic says whose or of what
                         or len(after) >= 3 and at[-1][1] in ("ns", "nt")
                         and all(t in ("n", "ns", "nt", "nz", "r") for _, t in at)
                         or after.endswith("方面") and len(after) >= 4):
                nxt_at = after_at + len(after) + 1
                if len(head := _leading_nouns(_noun_after(text, nxt_at))) >= 2:
                    after = head  # 3种不同类别的|原发癌, 5家经营不善的|银行: a relative clause says which; the noun is counted
                elif one_de := _one_char_noun(text, nxt_at):
                    after = one = one_de  # 200种形态各异的|鸟，: a noun of one character is counted too
            # (after 的 a noun phrase follows, even one that starts with a verb: 长达200多米的|填海工程)
            after = _noun_phrase_after(after, text.startswith("的", after_at + len(after)),
                                       q.category == "count" or skipped_de)
            if q.category == "count" and q.unit not in tidy["people"] and len(after) >= 2 and _GOVERNED.search(pre):
                after = _object_noun(after)  # 在1200家影院内|上映, 由7个舱|组成: the object of 在/由 ends at its verb
                one = after if len(after) == 1 else one
            if q.unit in tidy["people"] and len(after) >= 2 and text.startswith(after, after_at) \
                    and len(_tags(after)) == 1 and _tags(after)[0][1] == "v":
                after += _object_after(text, after_at + len(after))  # 近300人出席了招待会: 出席招待会人数
            keep_before = len(ind) >= 2 and not verb_end and not de_before and q.unit not in tidy["people"] \
                and not _place_end(ind) \
                and not _has_clause_word(ind) and _tags(after)[:1] and _tags(after)[0][1] == "v" \
                and _tags(ind)[-1:] and _tags(ind)[-1][1] in ("n", "nz", "ng")
            if keep_before:
                pass  # 物业公司共35家|签署了服务公约: a verb after the count says what they did; the noun before is counted
            elif (len(after) >= 2 or one and after == one) and after not in tidy["generic"]:
                # (30幅|画，, 8个|字：: a counted noun of one character)
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
                    ind = after if len(after) >= 2 else after + ("人数" if q.unit in tidy["people"] else "数量")
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
        if q.category == "money" and ind and not cont \
                and (dp := _drop_person_subject(tidied := _tidy_indicator(ind, "", ""))) != tidied:
            ind = dp  # 一位网友出价|5000元: the bid, not who made it
        if q.category == "money" and (sp := _SPEND_END.search(ind)):
            # 中央财政拿出|396亿元 -> 中央财政资金; 而是先拿出|35万元对…: money put up is funds, not the clause
            who = _tidy_indicator(ind[:sp.start()], "", "")
            ind = (who if 2 <= len(who) <= 6 and not _has_clause_word(who) else "") + "资金"
        if (len(ind) < 2 and (q.unit in tidy["people"] or q.unit == "次")
                or q.unit in tidy["people"] and not cont and _ATTEND.match(text, after_at)) and nxt and _CJK.match(nxt):
            # (某县150余人参加了活动: people counted at an event are counted by it, whoever they are)
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
                ind = _DETERMINERS.sub("", noun[1:]) + "比例"
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
        if q.unit == "票" and (vm := _VOTE_AFTER.match(text, q.end)):
            ind = vm.group()  # 以251票赞成、25票反对: a tally counts the votes by how they were cast (赞成票数)
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
        if not ind and kind == "change" and c0 > s0 and _CHANGE_ONLY.fullmatch(_PERIOD_LEAD.sub("", clause_pre.strip())):
            # 甲国的出口近两年增长较快：1996年增长了|19%，1997年增长了|22%: the subject of the sentence changes
            first = text[s0:min(text.find(c, s0, c0) if text.find(c, s0, c0) >= 0 else c0 for c in _CLAUSE_END)]
            if not _ANY_DIGIT.search(first) and 2 <= len(noun := _subject_of(first)) <= 10:
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
                verb = next((v for v in tidy["verb"] if base.startswith(v) and len(base) - len(v) >= 2), "") \
                    if base.startswith(tidy["verb"]) else ""  # (one test for all first: most bases open with none)
                ind = base[len(verb):] + ind  # 分布式风电项目14个，装机容量32.45万千瓦
            elif q.category == "count" and prev_fig.kind == "count" and not ind.startswith(tidy["action"]):
                verb = next((v for v in tidy["verb"] if base.startswith(v)), "") if base.startswith(tidy["verb"]) else ""
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
        if q.unit in _OUTPUT_UNITS and _OUTPUT_VERB_END.search(pre) and _CJK.match(text, q.end) \
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
        if q.category == "count" and (named := _class_named(text[max(0, left - 16):left], pre)) \
                and (named := _noun_phrase_before(named)[0]):
            ind = named  # 主要领域有：|能源、生物技术等11个方面: the class is named before the colon, not its examples
        rank_scope = ""
        if q.rank:
            ind, rank_scope = rank_phrase(ind.rstrip("第"))  # 成绩列全省|第1位: the verb and the scope go
            if not ind and rank_scope:
                # 某站考核成绩列全省|第1位 read back to the verb alone: what is ranked is the subject before it
                subject, _ = rank_phrase(clause_pre.rstrip("第"))
                ind = _noun_phrase_before(subject)[0] if subject else ""
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
        label = _tidy_indicator(ind, kind, "" if q.rank else "人" if unit == "个" and (
            text.startswith("人", q.end) or ind.endswith(_PERSON_NOUNS)) else unit)  # (4个人, 100个学生: 人数)
        if "到" in label or "去" in label or "赴" in label or "前往" in label:
            label = _drop_destination(label)  # 村民到镇政府|上访: where they went is no part of the count
        if q.rank:
            label = rank_label(label, rank_scope)  # …成绩全省排名: a rank names what is ranked, where, and 排名
        if category == "money" and kind in ("level", "target"):
            # 某老人取|1200元: the sum of the act (取款金额), not who did it (read before the clause's subject, a
            # pronoun, made the phrase no indicator: 他在网店上赚到|3万元)
            if not label.endswith(_SUM_ENDS) or label.endswith(_ACT_ENDS):
                label = act if (act := _money_act(pre.strip())) != pre.strip() else _money_act(label)
            label = _drop_money_owner(label)  # 某国政府贷款: the lender, not what is measured
            if (pz := _PRIZE.search(label)) and pz.end() == len(label):
                label = pz.group(0) + "奖金"  # (本次比赛)冠军2000元、亚军1000元: the prize money of each place
        if prev_fig is not None and prev_q is not None and prev_q.end >= s0 \
                and prev_fig.indicator.endswith(_MEASURE_CHARS) and not _owner_only(prev_fig.indicator):
            # items said one after another in a sentence share the measure of the first
            if prev_fig.unit == unit and prev_fig.kind == kind and (
                    _owner_only(label) or kind == "share" and label.endswith("比例") and _owner_only(label[:-2])):
                label = prev_fig.indicator  # 甲村预售价格为2556元，乙村为2861元: 乙村 is whose, not what
            elif label in _EXTREMES and len(base := prev_fig.indicator[2:] if prev_fig.indicator.startswith(_EXTREMES)
                                            else prev_fig.indicator) >= 2:
                label += base  # 手续费为转账金额的1%，最低1元，最高50元: the lowest and the highest 手续费
        figures.append(Figure(
            value=q.value, unit=unit, surface=q.surface,
            indicator=label,
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
