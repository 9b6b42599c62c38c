"""Quotations: a quoted name widened to the head noun after it and a short modifier before it, and
decided by the policy (a program, a slogan, or nothing).
"""
from __future__ import annotations

import re
from functools import cache

from ..numbers import alternation, compile_prefiltered
from .clause import _clause_at, _clause_before, _governed, _governed_outside_quotes, _negated
from .documents import _document_kind
from .pos import _PROPER_TAGS, _clause_cut, _clause_words, _head_inside_word, _noun_after_head, _tags
from .tables import _CONTEST_WORDS, _DIGIT, _LATIN, _LEFT_MOD_MAX, _MODIFIER_KINDS, _QUOTE_MAX
from .vocab import (
    _apposition_re,
    _edge_any_re,
    _evidence_end_re,
    _evidence_re,
    _head_lengths,
    _heads,
    _kind_of,
    _modifier_end_re,
    _org_inside_re,
    _org_suffix_re,
    _quote_ext_re,
)

_HEAD_RUNS_ON = frozenset("力性者化")  # 行动力, 战略性: the head is part of a longer word


_QUOTE_RE = re.compile(r"“([^“”\n]{1,40})”|\"([^\"\n]{1,40})\"|「([^「」\n]{1,40})」|『([^『』\n]{1,40})』|‘([^‘’\n]{1,40})’")
_OPEN_BEFORE_QUOTE = re.compile(r"([^“”\"\n，,。；;！？!?：:]{2,24})”")
_EVENT_AFTER = re.compile(r"(?:主题)?(?:新闻发布会|发布会|座谈会|推进会|对接会|论坛|大会|会议|仪式|杯|奖|研讨会|文化节|艺术节)")
#: a quotation that names an event (“首届…画展”, “…高峰论坛”, “…研讨会”): held, not pursued
_EVENT_INNER_END = compile_prefiltered(r"(?:(?<![发进拓扩开伸施舒])展|展览|展览会|博览会|交易会|展销会|研讨会|座谈会|论坛|峰会|年会|晚会|音乐会|演唱会"
                              r"|比赛|大赛|联赛|锦标赛|(?:交流|邀请|选拔|表演|对抗|友谊|公开|挑战|争霸|冠军|知识|技能)赛|文化节|艺术节|音乐节|电影节|仪式)$")
#: a quotation after these gives a title or a name of a work (香港译为“…”, 原名“…”), no program
_TITLE_BEFORE = re.compile(r"(?:译为|译作|译成|又译|译名|中文名|英文名|片名|书名|原名|剧名)$")
#: a work or a product right before a quotation: the quotation is its title (资料片“…”, 新产品“…”)
_WORK_BEFORE = re.compile(r"(?:资料片|新作|作品|新产品|新品|游戏|影片|电影|专辑|歌曲|小说|节目|栏目|剧集)$")
#: a quotation of Latin letters, digits and spaces only: a foreign title or a code, named by nothing
_LATIN_ONLY = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ0-9０-９ .'’\-]+")
#: a numeral and a measure word between a quotation and a head (“…论坛”作为…一个|品牌活动): the head
#: is a counted noun of the clause, no head of the quotation
_COUNTED_IN = re.compile(r"[一两几数][个项种支位名座场件批]")
#: a quotation that names a work or a publication (“…丛书”, “…报”): a title, no program
_WORK_END = re.compile(r"(?:丛书|图书|文库|杂志|周刊|画报|日报|晚报|电视剧|影片|歌曲|诗集|文集)$")
_SPEECH = re.compile(r"[，,。？?；;：:]")
_JOIN_CHARS = re.compile(r"[和与及]")  # “三产”缺少资金和人才: a clause of nouns joined, no head of the quotation
_BRAND_AFTER = re.compile(r"(?:品牌|标识)")
#: a numeral and a measure word before a quotation: a noun of a thing (组织一支"精锐之师"), no program
_ONE_THING = re.compile(r"[一两几数][支个种位名座场件股批](?:[\u4e00-\u9fff]{0,6}的)?$")
_LIST_JOINS = ("", "、", "和", "与", "及", "以及", "，", ",")
#: a class word or determiner before a quotation (一些“形象工程”, 这个“红娘”, 所谓“…”)
_QUOTE_CLASS_BEFORE = re.compile(r"(?:一些|某些|这些|那些|各种|这个|那个|这种|那种|这样的|所谓的?)$")
#: a determiner and a noun right after a quotation (“…”此元素, “…”这一概念): the quotation is a term
_TERM_AFTER = re.compile(r"(?:此|这一|这个|这种|这些)[\u4e00-\u9fff]")
#: a count and a head, nothing else (“三项政策”, “两个机制”)
_COUNTED_HEAD = re.compile(r"([一二三四五六七八九十两几]+[项个条种类大])[\u4e00-\u9fff]{2,4}")
_CN_NUMERAL = re.compile(r"[一二三四五六七八九十〇零百]+")


def _head_core_len(inner: str) -> int:
    """Characters of a quotation before the longest head it ends with (“土政策” -> 1)."""
    heads = _heads()
    for k in _head_lengths():
        if k <= len(inner) and inner[len(inner) - k:] in heads:
            return len(inner) - k
    return len(inner)


_PERSONAL = re.compile(r"[你我他她咱]")  # a personal pronoun: a quotation of speech, no name
_YEAR_ONLY = re.compile(r"[0-9０-９]{4}年")
#: a plan named by words and the year it aims at (“某某制造2025”, “某某中国2030”: no 年 after the year, no
#: count or unit in it): a plan's name, not a quoted target
_YEAR_CODED = re.compile(r"[\u4e00-\u9fff]{2,8}(?:19|20|１９|２０)[0-9０-９]{2}")
_NEGATIVES = frozenset(("不", "没", "没有", "未", "别", "勿", "莫", "不再", "决不", "绝不"))


def _negated_clause(inner: str) -> bool:
    """Whether a quotation is a clause with a negative word of its own (jieba's: “有困难不退缩”), or
    a set phrase of jieba's that holds one (“咬定青山不放松”): a saying, no name (a negative inside
    a noun, 不锈钢, is none)."""
    return any(w in _NEGATIVES or t in ("i", "l") and ("不" in w or "没" in w) for w, t in _tags(inner))


def _idiom(inner: str) -> bool:
    """Whether a quotation is one idiom of jieba's (tag i: 偷梁换柱, 悔过自新)."""
    tags = _tags(inner)
    return len(tags) == 1 and tags[0][1] == "i"


def _noun_follows(text: str, i: int) -> bool:
    """Whether a compound noun starts at ``i`` (two nouns, jieba's n…: “九五”|重点图书), not a
    particle or a verb (“…”|颁发奖牌, which jieba takes for one noun)."""
    if i >= len(text) or not "\u4e00" <= text[i] <= "\u9fff":
        return False
    tags = _tags(text[i:i + 6])
    return len(tags) > 1 and tags[0][1].startswith("n") and tags[1][1].startswith("n")


def _quote_only_head(inner: str) -> bool:
    """Whether a quotation ends in a head that names a program only after a quotation (品牌, 平台)."""
    heads = _heads()
    for k in _head_lengths():
        if k <= len(inner) and inner[len(inner) - k:] in heads:
            return "quote" in heads[inner[len(inner) - k:]][1]
    return False


def _named_head_without_name(inner: str) -> bool:
    """Whether a quotation ends in a head flagged ``named`` (模式, 经验) with common words only
    before it (“某某挑战模式”; “某城模式” has a place), or in one flagged ``founded`` (联盟)."""
    heads = _heads()
    for k in _head_lengths():
        if k <= len(inner) and inner[len(inner) - k:] in heads:
            core = inner[:len(inner) - k]
            flags = heads[inner[len(inner) - k:]][1]
            if "founded" in flags:
                return True  # “中东战略联盟”: an alliance, a body, unless a verb founds it
            return "named" in flags and not _LATIN.search(core) \
                and not any(t in _PROPER_TAGS for _, t in _tags(core))
    return False


def _common_noun_before_head(inner: str) -> bool:
    """Whether a quotation is one common noun of jieba's (n) and its head (“低价战略”)."""
    core = inner[:_head_core_len(inner)]
    tags = _tags(core)
    return len(tags) == 1 and tags[0][1] == "n"


def _a_noun_follows(text: str, i: int) -> bool:
    """Whether a noun of two characters or more (jieba's n, nz) starts at ``i``: “…品牌”|家电产品."""
    if i >= len(text) or not "\u4e00" <= text[i] <= "\u9fff":
        return False
    tags = _tags(text[i:i + 6])
    return bool(tags) and tags[0][1] in ("n", "nz") and len(tags[0][0]) > 1 and not (len(tags) == 1 and len(tags[0][0]) < 6)


def _modifier_inside_word(text: str, ms: int, s: int) -> bool:
    """Whether a modifier before a quotation ends a longer word (楼|市“降价风潮”, 东北地|区“扩军”):
    jieba does not read it as a word of its own (列入|省“十四五”规划 is one)."""
    lo = max(0, ms - 4)
    tags = _tags(text[lo:s])
    pos = lo
    for w, _ in tags:
        if pos < ms < pos + len(w):
            return True
        pos += len(w)
    return False


_FIRM_WORD = re.compile(r"公司|集团|银行|企业")
_AGENCY_WORD = re.compile(r"政府|国务院|党委|[部委局厅署办]")


def _firm_without_agency(clause: str) -> bool:
    """Whether a clause tells of a firm and of no agency: a brand or a platform there is the firm's."""
    return bool(_FIRM_WORD.search(clause)) and not _AGENCY_WORD.search(clause)


#: a reform's short name, what it turns into what (“营改增”: 营业税改增值税, “拨改贷”, “费改税”); 改革, 改造,
#: 改善 … are words, no swap; a count before 改 counts reforms (“四改并举”: a way of working, no swap)
_REFORM_SWAP = re.compile(r"(?![一二两三四五六七八九十百千万几多])[\u4e00-\u9fff]{1,2}改(?![革造善进变正良建组制])"
                          r"[\u4e00-\u9fff]{1,2}")


@cache
def _slogan_before_re() -> re.Pattern:
    """The slogan-before evidence words at the end of a clause (compiled once, not per text)."""
    return re.compile(f"(?:{_evidence_re('slogan-before').pattern})$")


@cache
def _counted_head_after_re() -> re.Pattern:
    """Quotations (the rest of a list) then a count and a head (“甲”“乙”3个|区域公用|品牌): the kind the
    count gives the list; the head is group 2."""
    heads = alternation(sorted(_heads(), key=len, reverse=True))
    return re.compile(r"(?:[、和与及]?[“\"][^“”\"\n]{1,20}[”\"])*[0-9０-９一二三四五六七八九十两]+[个项种类]"
                      rf"([\u4e00-\u9fff]{{0,6}}?)({heads})")


def read_quotations(text: str, free, add) -> None:
    """Quotations, widened to their head noun and a short modifier before them, and decided
    (a program, a slogan, or nothing), where ``free(start, end)`` holds no name yet; given to
    ``add(start, end, kind)``."""
    mod_end_re = _modifier_end_re()
    org_suffix_re, quote_ext_re, edge_any_re = _org_suffix_re(), _quote_ext_re(), _edge_any_re()
    slogan_after = _evidence_re("slogan-after")
    slogan_end = _evidence_end_re("slogan-end")
    slogan_before = _slogan_before_re()
    last_end, last_named = -1, False  # the quotation before: a list of them shares one verb
    quotes = [(m.start(), m.end(), m.group(1) or m.group(2) or m.group(3) or m.group(4) or m.group(5))
              for m in _QUOTE_RE.finditer(text)]
    cut = _OPEN_BEFORE_QUOTE.match(text)
    if cut and not (quotes and quotes[0][0] < cut.end()):
        quotes.insert(0, (0, cut.end(), cut.group(1)))  # the text starts inside a quotation: …安置区”项目
    for s, e, inner in quotes:
        if len(inner) > _QUOTE_MAX or len(inner) < 2 or not free(s, e) or _SPEECH.search(inner):
            continue
        if _EVENT_AFTER.match(text, e) or org_suffix_re.search(inner) or _WORK_END.search(inner) \
                or _EVENT_INNER_END.search(inner):
            continue  # "…"主题新闻发布会 is part of an event's name; "…学院" an organisation; "…画展" an event
        year_coded = _YEAR_CODED.fullmatch(inner) is not None
        inner_kind = _kind_of(inner, "")  # the kind of the head the quotation ends in, "" for none
        if len(inner) > 6 and _DIGIT.search(inner) and not inner_kind and not year_coded:
            continue  # "到2030年建成不少于80个…": a quoted target, not a name (“9000亿…投资计划” ends in a head)
        if _TITLE_BEFORE.search(text, max(0, s - 3), s) or _WORK_BEFORE.search(text, max(0, s - 3), s):
            continue  # 影片…（香港译为“…行动”）, 推出资料片“…”: a title of a work, no program
        end = e
        ext = quote_ext_re.match(text, e)
        if ext and not _QUOTE_RE.search(text, e, ext.end()) and not edge_any_re.match(text, e) \
                and text[e:e + 1] != "、" \
                and "的" not in text[e:ext.end() - 1] and "等" not in text[e:ext.end()] \
                and not _JOIN_CHARS.search(text, e, ext.end()) and not _COUNTED_IN.search(text, e, ext.end()) \
                and text[ext.end():ext.end() + 1] not in _HEAD_RUNS_ON and not _clause_words(text, e, ext.end()) \
                and not _org_inside_re().search(text, e, ext.end() - 2) and not _head_inside_word(text, e, ext.end()) \
                and not (_kind_of(ext.group(0), "") in _MODIFIER_KINDS and _noun_after_head(text, ext.end())) \
                and not (ext.group(0).endswith("项目") and _CONTEST_WORDS.search(_clause_at(text, e))
                         and not _governed_outside_quotes(text, s)):
            end = ext.end()  # "…"的行动力 is no "…"行动; “某某”家具公司首席工程|师 no “某某”…工程;
            # “甲”、高度自治方针: a 、 right after the quotation lists it;
            # “某某”项目进入个人赛: a contest's event
        # the longest modifier that ends at the quotation (up to _LEFT_MOD_MAX characters):
        # the leftmost start of a match that ends there
        start = s
        mod = mod_end_re.search(text, s - min(_LEFT_MOD_MAX, s), s) if s else None
        if mod and not _modifier_inside_word(text, mod.start(), s):
            start = mod.start()
        if inner.isdigit() and end == e:
            continue  # a bare code in quotes says nothing by itself
        if inner in _heads() and end == e:
            continue  # 『工程』的原意: a word quoted as a word
        # the decision: a quotation is a program only with a head, 改革 after it, or a governing verb
        # (a modifier before it, 省"十四五", 2023年度"最美…", names it too)
        # a modifier names the quotation only when no noun follows it (国家“九五”|重点图书: a period)
        # (a bare year, 2007年“某某”, dates the clause; 2023年度“…” names an annual round)
        by_modifier = start < s and not (end == e and _noun_follows(text, e)) \
            and not (end == e and _YEAR_ONLY.fullmatch(text, start, s))
        # a quotation that only ends in a head is named unless it is a clause (“伴随具体行动”)
        # (and, when its head is a common noun named only after a quotation (品牌, 平台), is no
        # modifier of a noun after it: “自营品牌”|家用电器)
        head_ended = inner_kind != "" and _head_core_len(inner) >= 2 \
            and (end > e or _clause_cut(inner, 0, len(inner) - 1, len(inner)) == 0
                 and not (_quote_only_head(inner) and _a_noun_follows(text, e)))
        if head_ended and end == e and not by_modifier and (
                _named_head_without_name(inner) and not (inner_kind == "alliance"
                                                         and _governed(text, start, ("govern", "establish")))
                or inner_kind in _MODIFIER_KINDS and _noun_after_head(text, e)):
            head_ended = False  # 新增“指挥官挑战模式”: a kind of model, named by common words only;
            # 原作的“某某行动”特色: the quotation qualifies the noun after it
        if head_ended and end == e and not by_modifier and inner_kind == "strategy" \
                and _common_noun_before_head(inner) and not _governed_outside_quotes(text, start):
            head_ended = False  # 致力于“低价战略”: a firm's way of competing, a common noun and the head
        named = end > e or by_modifier or head_ended or text.startswith("改革", end) \
            or _governed_outside_quotes(text, start) and not _ONE_THING.search(text, max(0, start - 14), start) \
            and not (end == e and _a_noun_follows(text, e))  # 实行了“七专”|元器件的…: the verb governs the noun
        apposed = _apposition_re().match(text, e) if end == e else None
        if apposed:
            named = True  # “一国两制”这一伟大构想: the apposition's head names the quotation's kind
        elif end == e and _TERM_AFTER.match(text, e):
            named = False  # 重视“秘密行动”此元素, “…”这个词: a term in apposition to a noun of no program
        if not named and last_end >= 0 and text[last_end:start] in _LIST_JOINS:
            named = last_named  # 打造"甲""乙"、"丙": the verb governs the whole list
        if end == e and _COUNTED_HEAD.fullmatch(inner) and inner[_COUNTED_HEAD.match(inner).end(1):] in _heads() \
                and not text.startswith("改革", e):
            named = False  # 贯彻“三项政策”: the heads counted, enumerated elsewhere (“三项制度”改革 is one reform)
        if _QUOTE_CLASS_BEFORE.search(text, max(0, start - 4), start) or end == e and _CN_NUMERAL.fullmatch(inner):
            named = False  # 一些“形象工程”, 这个“红娘”, 所谓“…”: a catchword; “五一”, “九五”: a date or period
        doc_kind = _document_kind(inner) if end == e and "的" not in inner else ""
        doc_kind = doc_kind if doc_kind in ("law", "regulation") and _governed(text, start, ("govern", "law"), 30) else ""
        if doc_kind:
            named = True  # 修改刚通过的“财政健全化法”: a law governed in its clause, named in quotes
        swap = end == e and _REFORM_SWAP.fullmatch(inner) is not None
        if swap:
            named = True  # 完成“营改增”, 实行“费改税”: a reform named by what it turns into what, a policy
        if end == e and (_idiom(inner) or _PERSONAL.search(inner) or slogan_end.search(inner)
                         or _LATIN_ONLY.fullmatch(inner) or _negated_clause(inner)):
            named = False  # “偷梁换柱”: an idiom; “你办事我放心”: speech; 实行“拿来主义”: a doctrine or
            # a catchword by its ending (…主义, …论, …热), whatever governs it; “Tales of …”: a foreign title;
            # 坚持“咬定目标不放松”: a clause with its negative, a saying
        if end == e and (slogan_after.match(text, e) and not inner_kind
                         or slogan_before.search(_clause_before(text, start, 4))):
            named = False  # "三农"问题, "…"的要求, 是"放水养鱼": a catchword, whatever governs it
        last_end, last_named = end, named
        if _negated(text, start, width=24):
            continue  # 绝不能搞劳民伤财的"形象工程"和…"政绩工程": what is fenced off is neither
        if not named:
            add(start, end, "slogan")
            continue
        kind = "policy" if swap else "plan" if year_coded and end == e else doc_kind or (_heads()[apposed.group(1)][0] if apposed else "") \
            or _kind_of(text[start:end], "brand" if _BRAND_AFTER.match(text, end) else "work-approach")
        counted = _counted_head_after_re().match(text, end) if end == e and not swap and not doc_kind else None
        if counted:
            kind = _heads()[counted.group(2)][0]  # 打造“甲”“乙”“丙”3个区域公用品牌: brands, counted by their head
        if kind == "brand" and _firm_without_agency(_clause_at(text, start)):
            continue  # “某某支付”平台由某某有限公司…: a firm's product, no program of an agency
        add(start, end, kind)
