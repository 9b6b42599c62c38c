"""Numerals, multipliers and units -> exact decimal strings."""
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.nlp.numbers import (
    cn_to_decimal,
    format_decimal,
    number_to_decimal,
    parse_quantity,
    split_unit,
    to_decimal_string,
)


@pytest.mark.parametrize("text,value", [
    ("一千一百五十五", "1155"),
    ("百亿", "10000000000"),
    ("十五", "15"),
    ("二十", "20"),
    ("两万", "20000"),
    ("三亿五千万", "350000000"),
    ("一百零五", "105"),
    ("一万二千", "12000"),
    ("三点五", "3.5"),
    ("二〇二三", "2023"),
    ("四亿零七百万", "407000000"),
    ("二萬一千七百", "21700"),
    ("二點六", "2.6"),
])
def test_numbers_chinese_numerals(text, value):
    assert format_decimal(cn_to_decimal(text)) == value


@pytest.mark.parametrize("number,mult,value", [
    ("7.1", "亿", "710000000"),
    ("423.94", "万", "4239400"),
    ("1.2", "万", "12000"),
    ("134.9", "万亿", "134900000000000"),
    ("0.35", "万", "3500"),
    ("1,155", "", "1155"),
    ("１２．５", "", "12.5"),
    ("3.130", "", "3.13"),
])
def test_numbers_multiplier_is_exact(number, mult, value):
    assert to_decimal_string(number, mult) == value


@pytest.mark.parametrize("text,value,unit", [
    ("423.94万千瓦", "4239400", "千瓦"),
    ("55亿千瓦时", "5500000000", "千瓦时"),
    ("百亿元", "10000000000", "元"),
    ("120余项", "120", "项"),
    ("8亿多元", "800000000", "元"),
    ("2.6%", "2.6", "%"),
    ("0.8个百分点", "0.8", "个百分点"),
    ("36公斤", "36", "千克"),
    ("六大", "6", "类"),
])
def test_numbers_parse_quantity(text, value, unit):
    assert parse_quantity(text) == (value, unit)


@pytest.mark.parametrize("unit,power,norm", [
    ("万千瓦", 4, "千瓦"), ("亿(元)", 8, "元"), ("万(吨)", 4, "吨"), ("大(类)", 0, "类"),
    ("兆瓦时", 0, "兆瓦时"), ("个", 0, "个"), ("平方米", 0, "平方米"),
])
def test_numbers_split_unit(unit, power, norm):
    assert split_unit(unit) == (power, norm)


def test_numbers_rejects_non_numerals():
    with pytest.raises(ValueError):
        cn_to_decimal("聊城")
    with pytest.raises(ValueError):
        parse_quantity("没有数字")


@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False))
def test_numbers_wan_scaling_has_no_float_artefacts(d):
    text = format_decimal(d)
    out = to_decimal_string(text, "万")
    assert Decimal(out) == d * 10000
    assert "e" not in out.lower()


@given(st.integers(min_value=1, max_value=99999999))
def test_numbers_arabic_roundtrip(n):
    assert number_to_decimal(str(n)) == Decimal(n)


def test_alternation_trie_prefers_longest_like_flat_list():
    import re

    from kg.nlp.numbers import alternation
    words = ["千瓦时", "千瓦", "千克", "万", "万千瓦", "a.b", "个"]
    flat = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    text = "装机423.94万千瓦，发电1千瓦时，a.b千克万个千瓦axb"
    for tail in ("", "时", "(?!时)", "[，,]"):
        a = re.compile(f"(?:{alternation(words)}){tail}")
        b = re.compile(f"(?:{flat}){tail}")
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
    assert re.fullmatch(alternation(["ab", "a"]), "a") and re.fullmatch(alternation(["ab", "a"]), "ab")


def test_compile_prefiltered_same_matches():
    import re

    from kg.nlp.numbers import compile_prefiltered
    text = "截至2023年11月底，全市前三季度实现产值1.5万亿元，同比增长3.5%，年末达到“十四五”目标。"
    for pattern in (r"(?P<y>\d{4}年|今年|去年)?前(?P<q>[一二三四1234])季度", r"(?P<y>\d{4}年|去年)(?:底|末)",
                    r"(?P<ctx>)年(?:末|底)", r"[“\"]?十四五[”\"]?", r"(?:^|(?<=，))[^，。]{2,8}", r"[0-9]+(?:\.[0-9]+)?%?",
                    r"x?"):
        a, b = compile_prefiltered(pattern), re.compile(pattern)
        assert [(m.span(), m.groups()) for m in a.finditer(text)] == [(m.span(), m.groups()) for m in b.finditer(text)]
        assert a.groupindex == b.groupindex


def test_required_literal():
    from kg.nlp.numbers import required_literal
    assert required_literal(r"(?P<y>\d{4}年|今年|去年)?前(?P<q>[一二三四1234])季度") == "季度"
    assert required_literal(r"(?P<y>\d{4}年|今年)?上半年") == "上半年"
    assert required_literal(r"(?:到|至)(?P<y>\d{4}年)(?!底)") == ""
    assert required_literal(r"(?i)abc") == ""


@pytest.mark.parametrize("text,value", [("１０·７", "10.7"), ("2·5", "2.5"), ("1・9", "1.9")])
def test_middle_dot_between_digits_is_a_decimal_point(text, value):
    assert format_decimal(number_to_decimal(text)) == value


def test_units_of_national_news():
    assert parse_quantity("1·9万亩") == ("19000", "亩")
    assert split_unit("泰铢") == (0, "铢")
    assert parse_quantity("３１００多起") == ("3100", "起")
    assert parse_quantity("５枚") == ("5", "枚")
