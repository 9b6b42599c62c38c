"""Text repair keeps a map back to the raw file."""
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.records import Source
from kg.text.repair import repair_line, split_lines
from kg.text.segment import segment


def test_repair_removes_spaces_inside_cjk_and_dates():
    raw = "市财政局局长王 小明介绍,3月 5 日召开 EOD 项目 推进会"
    line = repair_line(raw, 0, len(raw))
    assert line.text == "市财政局局长王小明介绍,3月5日召开EOD项目推进会"


def test_repair_keeps_space_between_latin_words():
    raw = "发布 Smart City 计划"
    assert repair_line(raw, 0, len(raw)).text == "发布Smart City计划"


def test_repair_lifts_vertical_headline_characters():
    raw = "蓝天白云的保卫行动 绿 持续推进了多年 水 今年又有新的进展"
    line = repair_line(raw, 0, len(raw), lift_scattered=True)
    assert [c for c, _ in line.scattered] == ["绿", "水"]
    assert "绿" not in line.text and "水" not in line.text
    for ch, pos in line.scattered:
        assert raw[pos] == ch


def test_repair_does_not_lift_characters_of_dates():
    raw = "会议于 12 月 28 日 召开"
    line = repair_line(raw, 0, len(raw), lift_scattered=True)
    assert line.scattered == [] and line.text == "会议于12月28日召开"


cjk = st.sampled_from(list("市委书记局长王李张介绍发展会议召开。，、()12 \n\u3000"))


@settings(max_examples=200, deadline=None)
@given(st.lists(cjk, min_size=1, max_size=200).map("".join))
def test_repair_offsets_point_back_to_the_same_characters(raw):
    for s, e in split_lines(raw):
        line = repair_line(raw, s, e, lift_scattered=True)
        assert len(line.text) == len(line.offsets)
        for ch, off in zip(line.text, line.offsets):
            assert ch == raw[off] or (ch == " " and raw[off].isspace())


@settings(max_examples=100, deadline=None)
@given(st.lists(cjk, min_size=1, max_size=400).map("".join))
def test_repair_article_text_maps_back_to_raw(raw):
    for art in segment(Source(id="x", path="x", raw=raw)):
        assert len(art.text) == len(art.offsets)
        for ch, off in zip(art.text, art.offsets):
            assert ch == raw[off] or (ch in " \n" and raw[off].isspace())


def test_normalize_for_matching_is_the_translation_of_every_character():
    """normalize_for_matching replaces each distinct full-width character the text holds:
    what translating every character gives, at the same length, on random mixes of
    full-width forms, the ideographic space, Chinese and ASCII."""
    import random

    from kg.text.repair import _FULLWIDTH, normalize_for_matching

    rng = random.Random(5)
    alphabet = [chr(c) for c in range(0xFF00, 0xFF70)] + list("中文，。：（）abc 123\u3000\u3001")
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert normalize_for_matching(text) == text.translate(_FULLWIDTH)
    assert normalize_for_matching("会议（一）：１２３，ＡＢ\u3000") == "会议(一):123,AB "


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(1, 4)), max_size=8), st.data())
def test_offset_map_span_is_the_items_of_its_ends(runs, data):
    """OffsetMap.span (one search of the runs) == (m[start], m[end - 1] + 1); a view's map
    counts the width of its last character (&ldquo; ends past its ;)."""
    from kg.text.repair import OffsetMap
    from kg.text.views import WideOffsetMap

    raw = 0
    plain, wide = OffsetMap(), WideOffsetMap(widths={})
    for gap, length in runs:  # runs with gaps (dropped characters) or none (one run goes on)
        raw += gap
        plain.add_run(raw, length)
        wide.add_run(raw, length)
        raw += length
    wide.widths = {p: 7 for p in list(wide)[::3]}
    n = len(plain)
    if n == 0:
        return
    start = data.draw(st.integers(0, n - 1))
    end = data.draw(st.integers(start + 1, n))
    assert plain.span(start, end) == (plain[start], plain[end - 1] + 1)
    assert wide.span(start, end) == (wide[start], wide.end_of(end - 1))
