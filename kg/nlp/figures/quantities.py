"""1. **Find** quantities: a numeral (Arabic, Chinese or mixed), an optional 万/亿 multiplier, a unit or
measure word and qualifiers; not a bare number, nor one inside 《…》 or a short quotation, nor one glued to
letters.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal, getcontext
from functools import cache

from ..numbers import (
    ARABIC_RE,
    CN_DIGITS,
    CN_NUMERAL_CHARS,
    alternation,
    compile_prefiltered,
    format_decimal,
    multipliers,
    number_to_decimal,
    qualifier_not_after,
    qualifiers,
    units,
)
from .tables import _QUOTE_MAX
from .vocab import _per_re, _set_phrase_re


def _cn2an(text: str):
    """cn2an's reading of a mixed numeral, in its "smart" mode. Imported on first use: its
    import builds tables and regexes for conversions kg does not use (about 0.4 s of every
    build's start-up), and few texts get here."""
    import cn2an

    return cn2an.cn2an(text, "smart")


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


#: what may follow N个人 when 个人 is no word of its own (个人电脑, 个人所得税): a mark, 的, an adverb
_AFTER_PERSONS = frozenset("，,。；;：:、！？!?的都也就还一是在被把将")

#: a Chinese numeral in running text (numbers.CN_RE with bounds): 40 characters at most, more
#: than any number is written with, so that a long run of 一/十 without a unit after it is
#: scanned in linear time, not tried from each of its characters to its end (quadratic:
#: a line of 24,000 such characters took minutes)
_CN_FIGURE_RE = rf"[{CN_NUMERAL_CHARS}]{{1,40}}(?:[点點][{''.join(CN_DIGITS)}]{{1,40}})?"


@cache
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


@cache
def _qualifier_before_re() -> re.Pattern:
    before = alternation(q for q, (pos, _) in qualifiers().items() if pos == "before")
    return re.compile(rf"(?:{before})$")


@cache
def _qualifier_before_last() -> frozenset[str]:
    """Characters a match of _qualifier_before_re can end on: a qualifier's last, or the
    newline that ``$`` may stand before."""
    return frozenset(q[-1] for q, (pos, _) in qualifiers().items() if pos == "before" and q) | {"\n"}


#: the groups a match's num / mult / unit are in, by branch (cnum / mnum: Chinese and mixed numerals)
_GROUP_NAMES = {"": ("num", "mult", "unit"), "c": ("cnum", "cmult", "cunit"), "m": ("mnum", "mmult", "munit")}


@cache
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

_LIST_SEP = re.compile(r"[-—–~～至到、]|和|及|与|或")


def _flush(pending: list[Quantity], out: list[Quantity]) -> None:
    """Unit-less quantities that never met a unit: keep those with 万/亿 (引进资金2亿多),
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
                    value = Decimal(str(_cn2an(num + mult)))
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
