"""Records: evidence spans and sentence bounds."""
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.records import Article


def _reference(t, s, e):
    left = max(t.rfind(c, 0, s) for c in "。！？!?\n") + 1
    right = len(t)
    for c in "。！？!?\n":
        j = t.find(c, max(e - 1, left))
        if j != -1 and j + 1 < right:
            right = j + 1
    return left, right


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab。c!\n市", min_size=1, max_size=40), st.data())
def test_records_sentence_at_matches_a_plain_scan(text, data):
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    a = Article("a", "s", 0, "", text, list(range(len(text))), raw=text)
    assert a.sentence_at(s, e) == _reference(text, s, e)


def test_records_evidence_points_at_raw_text():
    raw = "市 长张 三。出席会议"
    text = "市长张三。出席会议"
    offsets = [0, 2, 3, 5, 6, 7, 8, 9, 10]
    a = Article("a", "s", 0, "", text, offsets, raw=raw)
    ev = a.evidence(2, 4)
    assert (ev.start, ev.end, ev.anchor, ev.sentence) == (3, 6, "张 三", "市长张三。")


def test_date_takes_iso_days_months_years_and_refuses_what_is_none():
    import pytest

    from kg.records import Date

    assert (Date("2024-02-29").precision, Date("2031-07").precision, Date("1999").precision) == ("day", "month", "year")
    for bad in ("2023-02-30", "2023-13", "2023-00-10", "20231228", "2023-1-5", ""):
        with pytest.raises(ValueError):
            Date(bad)
