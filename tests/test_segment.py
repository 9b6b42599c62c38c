"""Article segmentation: headlines, bylines, dates, vertical headlines."""
import pytest

from kg.records import Source
from kg.text.segment import date_of, segment

PAGE = """
示范区建设取得新进展

本报讯(记者 赵一鸣 通讯员 钱多多)3月 15日,在市政府新闻办召开的新闻发布会 上,市商务局党组书记、局长孙 立平介绍,全市外贸进出口总额增长12%。

今年以来,全市新增外贸企业120家。

一线连着民生
全市推进老旧小区改造

本报记者 周海洋

日前,市住房城乡建设局局长吴建国介绍,全市改造老旧小区56个。

春季植树活动启动

14日上午,全市春季义务植树活动启动。副市长郑明出席。
"""


def _reporters(article):
    """(name, role, raw start, raw end) of the byline segmentation kept (read in nlp)."""
    from kg.nlp.bylines import parse_byline

    return parse_byline(article.raw, article.byline, article.byline_offsets)


@pytest.fixture(scope="module")
def articles():
    return segment(Source(id="p.txt", path="p.txt", raw=PAGE, date="2024-03-16"))


def test_segment_finds_every_article(articles):
    assert [a.headline for a in articles] == ["示范区建设取得新进展", "全市推进老旧小区改造", "春季植树活动启动"]


def test_segment_kicker_is_kept_apart(articles):
    assert articles[1].kicker == "一线连着民生"


def test_segment_bylines_with_roles(articles):
    assert [(r[0], r[1]) for r in _reporters(articles[0])] == [("赵一鸣", "记者"), ("钱多多", "通讯员")]
    assert [r[0] for r in _reporters(articles[1])] == ["周海洋"]
    assert _reporters(articles[2]) == []


def test_segment_reporter_offsets_point_at_raw_names(articles):
    for name, _, s, e, _ in _reporters(articles[0]):
        assert PAGE[s:e] == name


def test_segment_dates_resolved_against_page_date(articles):
    assert (articles[0].date_said, articles[0].date) == ("3月15日", "2024-03-15")
    assert (articles[2].date_said, articles[2].date) == ("14日上午", "2024-03-14")


def test_segment_repairs_text_and_maps_offsets(articles):
    a = articles[0]
    assert "孙立平介绍" in a.text and "新闻发布会上" in a.text
    i = a.text.index("孙立平")
    assert PAGE[a.offsets[i]] == "孙" and PAGE[a.offsets[i + 2]] == "平"


@pytest.mark.parametrize("said,page,expected", [
    ("12月28日,", "2023-12-29", "2023-12-28"),
    ("12月30日,", "2024-01-02", "2023-12-30"),
    ("昨天上午,", "2024-01-02", "2024-01-01"),
    ("28日上午,", "2023-12-29", "2023-12-28"),
])
def test_segment_date_of(said, page, expected):
    assert date_of(said, page)[1] == expected


BUNDLED = "corpus/liaocheng-daily-2023-12-28.txt"


def test_segment_bundled_page_matches_gold_articles():
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    gold_path = root / "../shared/eval/seed_gold.json"
    if not gold_path.is_file():
        pytest.skip("../shared/eval is not available on this machine")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    from kg.text.sources import read_sources

    [src], _, _ = read_sources([root / BUNDLED])
    arts = segment(src)
    assert len(arts) == len(gold["articles"]) == 12
    norm = lambda s: s.replace('"', "").replace("“", "").replace("”", "")
    full = [g for g in gold["articles"] if g["id"] != "a4"]  # a4's headline is vertical (partial)
    got = {norm(a.headline) for a in arts}
    assert sum(norm(g["headline"]) in got for g in full) == len(full)
    assert sorted(r[0] for a in arts for r in _reporters(a)) == sorted(r for g in gold["articles"] for r in g["reporter"])
    assert [a.date for a in arts] == [g["date_normalized"] for g in gold["articles"]]
    vertical = next(a for a in arts if a.headline_source == "vertical")
    assert vertical.headline.startswith("统筹")


def test_segment_article_layout_title_lines_then_body():
    raw = "绿色发展再上新台阶\n\n近日，市生态环境局局长王东明介绍，全市空气质量优良天数增加20天。\n"
    [a] = segment(Source(id="x.txt", path="x.txt", raw=raw, date="2024-05-02"))
    assert a.headline == "绿色发展再上新台阶" and a.text.startswith("近日")


def test_segment_html_fragments_lose_markup_keep_text():
    raw = "<p>市政府召开&nbsp;常务会议</p>\n<p>本报讯(记者 林一)6月3日,<b>市长</b>张伟主持会议。</p>\n"
    arts = segment(Source(id="h.txt", path="h.txt", raw=raw, date="2024-06-04"))
    text = "".join(a.headline + a.text for a in arts)
    assert "<" not in text and "nbsp" not in text and "市长张伟主持会议" in text


def test_segment_year_only_record_date_resolves_full_dates():
    raw = "各位代表：\n\n2019年3月5日，本届政府……"
    [a] = segment(Source(id="r#L1", path="r", raw=raw, date="2019", title="政府工作报告", layout="article"))
    assert a.date == "2019-03-05"
    [b] = segment(Source(id="r#L2", path="r", raw="各位代表：现在作报告。", date="2019", title="报告", layout="article"))
    assert b.date == "2019"


def test_segment_very_long_line_is_repaired_and_mapped():
    raw = ("全市新增企业 100 家，" * 20000) + "\n"
    [a] = segment(Source(id="l.txt", path="l.txt", raw=raw))
    assert len(a.text) == len(a.offsets) and a.text.startswith("全市新增企业100家")
    assert raw[a.offsets[len(a.text) - 1]] == "，"


def test_segment_truncated_paragraph_is_marked_not_glued():
    raw = ("图书馆开馆\n\n本报讯(记者 林一)6月3日,市图书馆开馆。副市长张伟出席并参\n\n"
           "张伟在讲话中指出,要办好公共文化服务。\n\n全市推进深入落实黄\n\n河流域保护。\n")
    [a] = segment(Source(id="t.txt", path="t.txt", raw=raw, date="2024-06-04"))
    cut = a.text.index("出席并参") + len("出席并参")
    assert cut in a.truncated and a.text[cut] == "\n"
    assert "落实黄河流域保护" in a.text  # a line broken inside a word still joins


@pytest.mark.parametrize("byline,expected", [
    ("本报讯(记者 郑小川)", [("郑小川", "记者")]),
    ("本报3月8日讯(记者韩立峰通讯员邓奇明孔斌)", [("韩立峰", "记者"), ("邓奇明", "通讯员"), ("孔斌", "通讯员")]),
    ("新华社北京3月8日电(记者 钱一鸣)", [("钱一鸣", "记者")]),
    ("□本报记者宋雨杭州报道", [("宋雨", "记者")]),
    ("◆本刊记者梁家华发自广州", [("梁家华", "记者")]),
    ("晚报讯(编辑秦月)", [("秦月", "编辑")]),
    ("本报记者 孙立 实习生 何晓晓", [("孙立", "记者"), ("何晓晓", "实习生")]),
])
def test_segment_byline_variants(byline, expected):
    raw = f"一条新闻的标题\n\n{byline}\n\n全市举行活动。\n"
    [a] = segment(Source(id="b.txt", path="b.txt", raw=raw))
    assert [(r[0], r[1]) for r in _reporters(a)] == expected
    for name, _, s, e, _ in _reporters(a):
        assert raw[s:e].replace(" ", "") == name


def test_segment_a_biography_under_a_heading_opens_its_own_paragraph():
    raw = ("干部任前公示\n\n本报讯(记者 林一) 经研究，现予公示。\n\n干部任前公示名单\n\n"
           "林振邦,男,汉族,1972年5月生,现任门头沟区委常委、组织部部长,拟任市委组织部副部长。\n")
    [a] = segment(Source(id="g.txt", path="g.txt", raw=raw, date="2024-06-04"))
    assert "\n林振邦,男," in a.text and "名单林振邦" not in a.text


def test_segment_a_byline_on_a_line_of_its_own_is_not_glued_to_the_body():
    raw = "我市获评省级文明城市\n\n□本报记者 林一\n\n近日，省里公布了名单，我市榜上有名。\n"
    [a] = segment(Source(id="b.txt", path="b.txt", raw=raw, date="2024-06-04"))
    assert "近日" in a.text and "林一近日" not in a.text


def test_offset_map_indexes_as_the_list_of_its_offsets():
    """OffsetMap (runs, not a list) answers every index as the list of offsets would: ints
    (its fast path), negative ints, other integer types, slices, and IndexError past its ends."""
    import numpy as np
    from kg.text.repair import OffsetMap

    offsets = [0, 1, 2, 5, 6, 9, 10, 11, 12, 20]
    m = OffsetMap(offsets)
    assert [m[i] for i in range(len(offsets))] == offsets
    assert [m[-i] for i in range(1, len(offsets) + 1)] == [offsets[-i] for i in range(1, len(offsets) + 1)]
    assert m[np.int64(3)] == 5 and m[True] == 1
    assert m[2:7] == offsets[2:7] and list(m) == offsets
    for bad in (len(offsets), -len(offsets) - 1):
        with pytest.raises(IndexError):
            m[bad]
