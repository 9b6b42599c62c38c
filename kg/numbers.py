"""Chinese and Arabic numerals, multipliers and units -> exact decimal strings.

Values are ``decimal.Decimal`` throughout, so 7.1亿 is exactly 710000000 and never
709999999.9999999 (no float ever touches a value). Domain data (units, multipliers,
qualifiers) lives in ``ontology/vocab/*.tsv`` and is loaded once.

    >>> to_decimal_string("7.1", "亿")
    '710000000'
    >>> cn_to_decimal("一千一百五十五")
    Decimal('1155')
    >>> parse_quantity("423.94万千瓦")
    ('4239400', '千瓦')
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from .paths import VOCAB_DIR

# Character classes of the numeral systems (language, not domain knowledge).
CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "兩": 2, "三": 3, "叁": 3,
             "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7,
             "八": 8, "捌": 8, "九": 9, "玖": 9}
CN_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG_UNITS = {"万": 10**4, "亿": 10**8, "萬": 10**4, "億": 10**8}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL_UNITS) + "".join(CN_BIG_UNITS)

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")

#: An Arabic number: digits, thousands separators, one decimal part (full-width too).
# Thousands separators may be full-width commas (１，７４３，８４６，０００元 in older reports),
# but only before exactly three digits that end the group.
ARABIC_RE = r"[0-9０-９]+(?:[,，][0-9０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?"
#: A Chinese numeral (with 点 decimals); callers decide whether a bare one is a figure.
CN_RE = rf"[{CN_NUMERAL_CHARS}]+(?:[点點][{''.join(CN_DIGITS)}]+)?"


def _read_tsv(name: str) -> list[list[str]]:
    path = Path(VOCAB_DIR) / name
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit as written after a number.

    surface (str): as written, e.g. 公斤.
    unit (str): normalised label, e.g. 千克.
    category (str): money, power, energy, mass, length, area, percent, points, times, count ...
    not_before (str): characters that, right after the surface, make it part of a word.
    scale (Decimal): factor into the normalised unit (五成 -> 50 %).
    """

    surface: str
    unit: str
    category: str
    not_before: str = ""
    scale: Decimal = Decimal(1)


@lru_cache(maxsize=None)
def units() -> dict[str, Unit]:
    """Units by surface (``ontology/vocab/units.tsv``), loaded once."""
    out: dict[str, Unit] = {}
    for row in _read_tsv("units.tsv"):
        row += [""] * (5 - len(row))
        out[row[0]] = Unit(row[0], row[1], row[2], row[3], Decimal(row[4] or 1))
    return out


@lru_cache(maxsize=None)
def multipliers() -> dict[str, int]:
    """Multiplier surface -> power of ten (``figure-multipliers.tsv``)."""
    return {row[0]: int(row[1]) for row in _read_tsv("figure-multipliers.tsv")}


@lru_cache(maxsize=None)
def qualifiers() -> dict[str, tuple[str, str]]:
    """Qualifier surface -> (position, meaning) (``figure-qualifiers.tsv``)."""
    out = {}
    for row in _read_tsv("figure-qualifiers.tsv"):
        row += [""] * (4 - len(row))
        out[row[0]] = (row[1], row[2])
    return out


@lru_cache(maxsize=None)
def qualifier_not_after() -> dict[str, str]:
    """Qualifier surface -> characters that, right before it, make it part of a verb (节约)."""
    out = {}
    for row in _read_tsv("figure-qualifiers.tsv"):
        if len(row) > 3 and row[3]:
            out[row[0]] = row[3]
    return out


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first (so 千瓦时 wins over 千瓦)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def format_decimal(value: Decimal) -> str:
    """An exact decimal string without exponent or trailing zeros ("710000000", "3.13")."""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


def arabic_to_decimal(text: str) -> Decimal:
    """``"1,155.50"`` (half- or full-width) -> Decimal('1155.50')."""
    clean = text.translate(_FULLWIDTH).replace(",", "")
    try:
        return Decimal(clean)
    except InvalidOperation as exc:  # pragma: no cover - regex guards the input
        raise ValueError(f"Not an Arabic number: {text!r}") from exc


def cn_to_decimal(text: str) -> Decimal:
    """A Chinese numeral -> Decimal: 一千一百五十五 -> 1155, 百亿 -> 10000000000, 十五 -> 15,
    三点五 -> 3.5, 二〇二三 -> 2023 (digit strings), 两万 -> 20000.

    Raises ValueError on text that is not a numeral.
    """
    if not text:
        raise ValueError("Empty numeral")
    text = text.replace("點", "点")
    if "点" in text:
        whole, _, frac = text.partition("点")
        if not frac or any(c not in CN_DIGITS for c in frac):
            raise ValueError(f"Not a Chinese numeral: {text!r}")
        head = cn_to_decimal(whole) if whole else Decimal(0)
        return head + Decimal("0." + "".join(str(CN_DIGITS[c]) for c in frac))
    if any(c not in CN_DIGITS and c not in CN_SMALL_UNITS and c not in CN_BIG_UNITS for c in text):
        raise ValueError(f"Not a Chinese numeral: {text!r}")
    # digit strings (二〇二三, 一一五五): positional
    if len(text) > 1 and all(c in CN_DIGITS for c in text):
        return Decimal("".join(str(CN_DIGITS[c]) for c in text))
    total = 0      # completed 亿 sections
    section = 0    # completed 万 section (below 亿)
    small = 0      # below 万
    digit = None
    for c in text:
        if c in CN_DIGITS:
            digit = CN_DIGITS[c]
        elif c in CN_SMALL_UNITS:
            small += (1 if digit is None else digit) * CN_SMALL_UNITS[c]
            digit = None
        else:  # 万 / 亿
            value = small + (digit or 0)
            if value == 0 and section == 0 and total == 0:
                value = 1  # 万, 亿 standing alone
            if c in "万萬":
                section = (section + value) * 10**4
            else:
                total = (total + section + value) * 10**8
                section = 0
            small, digit = 0, None
    return Decimal(total + section + small + (digit or 0))


@lru_cache(maxsize=None)
def _arabic_mult_re() -> re.Pattern:
    return re.compile(rf"({ARABIC_RE})({alternation(multipliers())})?")


def number_to_decimal(text: str) -> Decimal:
    """Any numeral surface (Arabic, Chinese, or Arabic + 万/亿 mixture) -> Decimal.

    ``"1.2万"`` -> 12000, ``"134.9万亿"`` -> 134900000000000, ``"一千一百五十五"`` -> 1155.
    """
    text = text.strip()
    m = _arabic_mult_re().fullmatch(text)
    if m:
        value = arabic_to_decimal(m.group(1))
        if m.group(2):
            value = value.scaleb(multipliers()[m.group(2)])
        return value
    return cn_to_decimal(text)


def to_decimal_string(number: str, multiplier: str = "") -> str:
    """Apply a multiplier to a numeral exactly: ("7.1", "亿") -> "710000000"."""
    value = number_to_decimal(number)
    if multiplier:
        value = value.scaleb(multipliers()[multiplier])
    return format_decimal(value)


@lru_cache(maxsize=None)
def _unit_string_re() -> re.Pattern:
    mults = alternation(multipliers())
    return re.compile(rf"(?P<mult>{mults})?(?P<unit>{alternation(units())})?")


def split_unit(unit_text: str) -> tuple[int, str]:
    """Split a unit as written into (power of ten, normalised unit).

    ``"万千瓦"`` -> (4, "千瓦"); ``"亿元"`` -> (8, "元"); ``"大类"`` -> (0, "类"); an unknown
    unit is returned as is. Parenthesised letters are read through: ``"亿(元)"`` -> (8, "元").
    """
    text = re.sub(r"[()（）\s]", "", unit_text or "")
    m = _unit_string_re().fullmatch(text)
    if m:
        power = multipliers()[m.group("mult")] if m.group("mult") else 0
        unit = units()[m.group("unit")].unit if m.group("unit") else ""
        return power, unit
    if text.startswith("大") and text[1:] in ("", "类"):
        return 0, "类"
    return 0, text


def parse_quantity(text: str) -> tuple[str, str]:
    """A whole quantity as written -> (exact value string, normalised unit).

    ``"423.94万千瓦"`` -> ("4239400", "千瓦"); ``"百亿元"`` -> ("10000000000", "元");
    ``"120余项"`` -> ("120", "项"). Raises ValueError when no number is found.
    """
    text = text.strip()
    m = re.match(rf"({ARABIC_RE}|{CN_RE})", text)
    if not m:
        raise ValueError(f"No number in {text!r}")
    num = m.group(1)
    rest = text[m.end():]
    # 百亿 / 两万 inside a Chinese numeral already carry their multiplier
    rest = re.sub(r"^[余多]", "", rest)
    power, unit = split_unit(re.sub(r"^([万亿]+)[余多]", r"\1", rest).replace("以上", "").replace("左右", ""))
    value = number_to_decimal(num)
    return format_decimal(value.scaleb(power)), unit
