"""4. The context of a figure: the bounds of its sentence and clause, its **period** (``figure-periods.tsv``,
resolved against the page date) and its area (the nearest scope word before it, else the page's city).
"""
from __future__ import annotations

import bisect
import calendar
import re
from datetime import date
from functools import cache

from ...records import Context
from ..numbers import cn_to_decimal
from .vocab import _periods


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


def _bounds(text: str, chars: str) -> list[int]:
    """Positions of ``chars`` in ``text``, in order."""
    return [m.start() for m in _char_class_re(chars).finditer(text)]


@cache
def _char_class_re(chars: str) -> re.Pattern:
    return re.compile("[" + re.escape(chars) + "]")


#: a scope word alone (全村, 我市): the area of the figure, no indicator
_SCOPE_ONLY = re.compile(r"^(?:使|让|令|把|将)?(?:全|我|本)[村乡镇厂校队州市省县区国]$")

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
