"""Chinese and Arabic numerals, multipliers and units -> exact decimal strings.

Values are ``decimal.Decimal`` throughout, so 7.1亿 is exactly 710000000 and never
709999999.9999999 (no float ever touches a value). Domain data (units, multipliers,
qualifiers) lives in ``ontology/vocab/*.tsv`` and is loaded once.

    >>> to_decimal_string("7.1", "亿")
    '710000000'
    >>> cn_to_decimal("一千一百五十五")
    Decimal('1155')
    >>> parse_quantity("12.5万千瓦")
    ('125000', '千瓦')
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, getcontext
from functools import cache

from ..vocab.tables import alternation, read_rows

# Character classes of the numeral systems (language, not domain knowledge).
CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "兩": 2, "三": 3, "叁": 3,
             "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7,
             "八": 8, "捌": 8, "九": 9, "玖": 9}
CN_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG_UNITS = {"万": 10**4, "亿": 10**8, "萬": 10**4, "億": 10**8}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL_UNITS) + "".join(CN_BIG_UNITS)

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％·・•", "0123456789.,%...")

#: An Arabic number: digits, thousands separators, one decimal part (full-width too).
# Thousands separators may be full-width commas (１，７４３，８４６，０００元 in older reports),
# but only before exactly three digits that end the group. A middle dot between digits is a
# decimal point too (１０·７％, 1·9万亩: typeset news of the 1990s).
ARABIC_RE = r"[0-9０-９]+(?:[,，][0-9０-９]{3}(?![0-9０-９]))*(?:[.．·・•][0-9０-９]+)?"
#: A Chinese numeral (with 点 decimals); callers decide whether a bare one is a figure.
CN_RE = rf"[{CN_NUMERAL_CHARS}]+(?:[点點][{''.join(CN_DIGITS)}]+)?"


def _read_tsv(name: str) -> list[list[str]]:
    return read_rows(name)


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


@cache
def units() -> dict[str, Unit]:
    """Units by surface (``ontology/vocab/units.tsv``), loaded once."""
    out: dict[str, Unit] = {}
    for row in _read_tsv("units.tsv"):
        row += [""] * (5 - len(row))
        out[row[0]] = Unit(row[0], row[1], row[2], row[3], Decimal(row[4] or 1))
    return out


@cache
def multipliers() -> dict[str, int]:
    """Multiplier surface -> power of ten (``figure-multipliers.tsv``)."""
    return {row[0]: int(row[1]) for row in _read_tsv("figure-multipliers.tsv")}


@cache
def qualifiers() -> dict[str, tuple[str, str]]:
    """Qualifier surface -> (position, meaning) (``figure-qualifiers.tsv``)."""
    out = {}
    for row in _read_tsv("figure-qualifiers.tsv"):
        row += [""] * (4 - len(row))
        out[row[0]] = (row[1], row[2])
    return out


@cache
def qualifier_not_after() -> dict[str, str]:
    """Qualifier surface -> characters that, right before it, make it part of a verb (节约)."""
    out = {}
    for row in _read_tsv("figure-qualifiers.tsv"):
        if len(row) > 3 and row[3]:
            out[row[0]] = row[3]
    return out


_CATEGORY_CLASS = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
                   "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}


def _class_char(c: int) -> str:
    ch = chr(c)
    return "\\" + ch if ch in "\\]^-[" else ch if ch.isprintable() and not ch.isspace() else f"\\U{c:08x}"


def _first_class(items) -> tuple[list[str], bool] | None:
    """The characters a parsed sequence can start with (as character-class items) and
    whether it can match empty; None when that is not simply known (., [^…], a flag)."""
    from re import _constants as C

    out: list[str] = []
    for op, av in items:
        if op is C.LITERAL:
            out.append(_class_char(av))
            return out, False
        if op is C.IN:
            for iop, iav in av:
                if iop is C.LITERAL:
                    out.append(_class_char(iav))
                elif iop is C.RANGE:
                    out.append(f"{_class_char(iav[0])}-{_class_char(iav[1])}")
                elif iop is C.CATEGORY and str(iav) in _CATEGORY_CLASS:
                    out.append(_CATEGORY_CLASS[str(iav)])
                else:
                    return None  # a negated class, or a category not known here
            return out, False
        if op is C.SUBPATTERN:
            group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                return None
            inner = _first_class(sub)
        elif op is C.BRANCH:
            inner_out: list[str] = []
            nullable = False
            for alt in av[1]:
                r = _first_class(alt)
                if r is None:
                    return None
                inner_out += r[0]
                nullable = nullable or r[1]
            inner = inner_out, nullable
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, _, sub = av
            inner = _first_class(sub)
            if inner is not None and lo == 0:
                inner = inner[0], True
        elif op is C.ATOMIC_GROUP:
            inner = _first_class(av)
        elif op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero width: the next item gives the first character
        else:
            return None
        if inner is None:
            return None
        out += inner[0]
        if not inner[1]:
            return out, False
    return out, True


def _engine_skips(items) -> bool:
    """Whether ``re`` already scans fast for this pattern: it opens on ``^``, a literal, a
    character class, or a branch of literals (the engine's own prefix checks)."""
    from re import _constants as C

    for op, av in items:
        if op is C.AT:
            return av in (C.AT_BEGINNING, C.AT_BEGINNING_STRING)
        if op is C.SUBPATTERN:
            if not av[3]:
                continue  # an empty group, (?P<ctx>)
            return _engine_skips(list(av[3]))
        if op in (C.LITERAL, C.IN):
            return True
        if op is C.BRANCH:
            return all(alt and list(alt)[0][0] is C.LITERAL for alt in av[1])
        return False
    return False


def compile_prefiltered(pattern: str) -> re.Pattern:
    """``re.compile(pattern)``, with a look-ahead on the characters a match can start with
    when the engine would not find them itself: the scan then skips plain text fast
    (a pattern opening on groups and branches is otherwise tried in full at every
    position). Matches, groups and their numbers are unchanged."""
    compiled = re.compile(pattern)
    try:
        from re import _parser
        parsed = _parser.parse(pattern)
        if parsed.state.flags & ~(re.UNICODE | re.DEBUG):
            return compiled  # (?i), (?x) …: leave as is
        first = _first_class(list(parsed))
    except Exception:  # pragma: no cover - a Python without re._parser
        return compiled
    if first is None or first[1] or not first[0] or _engine_skips(list(parsed)):
        return compiled  # unknown, a match can be empty, or the engine scans fast already
    return re.compile(f"(?=[{''.join(first[0])}])(?:{pattern})")


def required_literal(pattern: str) -> str:
    """A string every match of ``pattern`` contains (the longest run of plain characters in
    its top-level sequence), or "" when none is known; a caller skips the regex on a text
    without it (前三季度 needs 季度)."""
    try:
        from re import _constants as C
        from re import _parser
        parsed = _parser.parse(pattern)
        if parsed.state.flags & ~(re.UNICODE | re.DEBUG):
            return ""
        best, run = "", ""
        for op, av in parsed:
            if op is C.LITERAL:
                run += chr(av)
            else:
                best, run = max(best, run, key=len), ""
        return max(best, run, key=len)
    except Exception:  # pragma: no cover - a Python without re._parser
        return ""


_ONE = Decimal(1)


def format_decimal(value: Decimal) -> str:
    """An exact decimal string without exponent or trailing zeros ("710000000", "3.13")."""
    if value == value.to_integral_value():
        s = str(value)
        # a plain integer already prints as its quantized self (within the precision,
        # where quantize would raise)
        if s.isdigit() and s.isascii() and len(s) <= getcontext().prec and s[0] != "0" or s == "0":
            return s
        if value.adjusted() < getcontext().prec:
            return str(value.quantize(_ONE))
        return format(value.to_integral_value(), "f")  # past the precision quantize raises: exact digits
    return format(value.normalize(), "f")


def arabic_to_decimal(text: str) -> Decimal:
    """``"1,155.50"`` (half- or full-width) -> Decimal('1155.50')."""
    clean = (text if text.isascii() else text.translate(_FULLWIDTH)).replace(",", "")
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


@cache
def _arabic_mult_re() -> re.Pattern:
    return re.compile(rf"({ARABIC_RE})({alternation(multipliers())})?")


def number_to_decimal(text: str) -> Decimal:
    """Any numeral surface (Arabic, Chinese, or Arabic + 万/亿 mixture) -> Decimal.

    ``"1.2万"`` -> 12000, ``"134.9万亿"`` -> 134900000000000, ``"一千一百五十五"`` -> 1155.
    """
    text = text.strip()
    if text.isascii():  # 12, 12.5: what the regex and arabic_to_decimal give, without them
        if text.isdigit():
            return Decimal(text)
        head, dot, tail = text.partition(".")
        if dot and head.isdigit() and tail.isdigit():
            return Decimal(text)
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


@cache
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

    ``"12.5万千瓦"`` -> ("125000", "千瓦"); ``"百亿元"`` -> ("10000000000", "元");
    ``"130余项"`` -> ("130", "项"). Raises ValueError when no number is found.
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
