"""Indicator kinds of the short second round on the bundled page's long labels (issue 15): a rank is a figure
of an ordinal indicator named X + scope + 排名 (the seed gold's convention, kind rank). Invented sentences."""
import pytest

from kg.nlp.figures import extract_figures
from kg.nlp.figures.ranks import rank_label, rank_phrase
from kg.records import Article, Context


def figures(text: str) -> list:
    art = Article(id="t", source="s", index=0, headline="", text=text, offsets=list(range(len(text))), raw=text,
                  date=None)
    return extract_figures(art, None, Context(city="全国"))


@pytest.mark.parametrize("text,expected", [
    # what is ranked, where it is ranked and 排名; the placing verb (列, 居, 位居) goes
    ("甲乙大学共建的重点实验室成功获批,丙丁研究站绩效评价成绩列全省第1位;", "丙丁研究站绩效评价成绩全省排名"),
    ("今年以来，全县招商引资总额列全市第2位。", "招商引资总额全市排名"),
    ("该县粮食产量位居全省第3位。", "粮食产量全省排名"),
    # a phrase that names its ranking says it once, with the scope before it
    ("该市地区生产总值排名居全国第12位。", "地区生产总值全国排名"),
])
def test_a_rank_names_what_where_and_paiming(text, expected):
    ranks = [f for f in figures(text) if f.surface.startswith("第")]
    assert [f.indicator for f in ranks] == [expected]
    assert ranks[0].kind == "level" and ranks[0].unit in ("位", "名")


def test_rank_phrase_and_label():
    assert rank_phrase("某项成绩位列全国") == ("某项成绩", "全国")
    assert rank_phrase("某项成绩排名居全省") == ("某项成绩排名", "全省")
    assert rank_phrase("某项成绩") == ("某项成绩", "")  # no verb, no scope: nothing to take off
    assert rank_label("某项成绩", "全省") == "某项成绩全省排名"
    assert rank_label("某项指标位次", "全国") == "某项指标全国位次"
    assert rank_label("", "全省") == ""  # nothing ranked is no indicator


def test_counts_are_not_ranks():
    # a count in 位 (people) is no rank: no 排名 in its label
    assert [f.indicator for f in figures("全市新增院士5位。")] == ["新增院士人数"]


@pytest.mark.parametrize("text,expected", [
    # a quoted name closed right before the number keeps both quote marks
    ('设立"幸福食堂"12处。', '设立"幸福食堂"数量'),
    # a quote that opens the phrase and is closed inside it stays too
    ('其中"甲乙丙"标识授权企业112家。', '"甲乙丙"标识授权企业数量'),
    # a full-width pair closed before the number goes, as before
    ("领取“下岗证”1万份。", "领取下岗证数量"),
])
def test_a_quoted_name_keeps_its_pair(text, expected):
    assert [f.indicator for f in figures(text)] == [expected]


@pytest.mark.parametrize("text,expected", [
    # a class named before 有： counts the list of examples after the colon, not the examples
    ("今年列出的资助主要领域有：能源、信息技术、生物技术等11个方面。", ["资助主要领域数量"]),
    ("报告指出，应负责的人员主要有：前部长张甲、前副部长李乙、前行长王丙等7人。", ["负责人员人数"]),
    # examples with notes in brackets and Latin names are examples too
    ("官方赞助商有abc（球衣赞助商）、甲乙（汽车赞助商）、xyz（通信赞助商）等6家。", ["官方赞助商数量"]),
    # one example still names the class before 有
    ("官方提供商有甲乙等6家，官方合作伙伴有abc等4家。", ["官方提供商数量", "官方合作伙伴数量"]),
])
def test_a_class_named_before_its_examples(text, expected):
    assert [f.indicator for f in figures(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # people counted by what they did where they went: the destination goes, the act stays
    ("昨天，20多名村民到镇政府上访。", ["村民上访人数"]),
    ("50名志愿者到敬老院打扫卫生。", ["志愿者打扫卫生人数"]),
    ("30名教师赴农村支教。", ["教师支教人数"]),
    # 受到 is no going somewhere
    ("共有120人受到处分。", ["受到处分人数"]),
])
def test_where_people_went_is_no_part_of_the_count(text, expected):
    assert [f.indicator for f in figures(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # "so far" is the period (the page date), not part of what is measured
    ("甲系列和乙系列的总计销量迄今为止已超过五千万套。", ["甲系列和乙系列总计销量"]),
    ("该书发行量到目前为止已达20万册。", ["发行量"]),
    ("全县粮食产量迄今已达50万吨。", ["粮食产量"]),
])
def test_so_far_is_the_period(text, expected):
    assert [f.indicator for f in figures(text)] == expected
