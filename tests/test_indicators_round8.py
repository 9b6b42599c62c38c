"""Indicator kinds of the news-train-8 round (issue 15): a tally of votes by how they were cast, the content of
a substance contained, a list broken off by …… before the clause, units of volume and mass (加仑, 克, 毫克) and
a count in 片. Invented sentences, one or more per rule."""
import pytest

from kg.nlp.figures import extract_figures
from kg.records import Article, Context


def figures(text: str) -> list:
    art = Article(id="t", source="s", index=0, headline="", text=text, offsets=list(range(len(text))), raw=text,
                  date=None)
    return extract_figures(art, None, Context(city="全国"))


def indicators(text: str) -> list[str]:
    return [f.indicator for f in figures(text)]


@pytest.mark.parametrize("text,expected", [
    # a tally in 票 names how the votes were cast; each item of the list its own
    ("议会以２１０票赞成、３５票反对通过了这项法案。", ["赞成票数", "反对票数"]),
    ("表决中４１票支持，３票弃权。", ["支持票数", "弃权票数"]),
])
def test_votes_by_how_they_were_cast(text, expected):
    assert indicators(text) == expected


@pytest.mark.parametrize("text,expected", [
    # what a thing contains is measured as the content of the substance, not the thing
    ("每１００克豆浆中含蛋白质约３克。", ["", "蛋白质含量"]),
    ("这批矿石含铁３５％。", ["铁含量"]),
])
def test_the_content_of_what_is_contained(text, expected):
    assert indicators(text) == expected


def test_a_list_broken_off_ends_before_the_clause():
    text = "甲村的采摘园、乙乡的花海、丙镇的古街……全县景区有４０多处。"
    assert indicators(text) == ["景区数量"]


def test_units_of_volume_mass_and_pieces():
    got = [(f.value, f.unit, f.indicator) for f in figures("柴油价格从每加仑８０美分降到７５美分。")]
    assert got == [("80", "美分", "柴油价格"), ("75", "美分", "柴油价格")]
    got = [(f.value, f.unit) for f in figures("海关共计查获某种药片３２００片，另有粉末５００毫克。")]
    assert got == [("3200", "片"), ("500", "毫克")]
    assert indicators("海关共计查获某种药片３２００片。") == ["药片数量"]
    assert figures("他说要克服困难。") == []  # 克 after no number is no unit


@pytest.mark.parametrize("text,expected", [
    # a long counted phrase holding a clause keeps what was counted: after the verb of a plain subject ...
    ("座谈会收到海内外学者论文６０余篇。", ["学者论文数量"]),
    # ... or after the 的 of a relative clause with a verb
    ("形成当前国内楼市局面的原因有四个。", ["原因数量"]),
    # people keep the clause that says who they are, and a statistic's own verb stays
    ("报名参加植树的志愿者有３００人。", ["报名参加植树志愿者人数"]),
    ("全省新设国家级开发区３个。", ["新设国家级开发区数量"]),
])
def test_the_things_counted_not_the_clause(text, expected):
    assert indicators(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a place said by a localizer before a count is where; the noun after the measure word is counted
    ("广场内六个喷泉同时开放。", ["喷泉数量"]),
    ("甲省８个大银行中已有３家合并。", ["大银行数量", "大银行数量"]),
    # a connective or a demonstrative before the number is no part of the label
    ("两名选手得分相同，结果三人并列冠军。", ["选手人数", "并列冠军人数"]),
    # a date after 今年 is the period; who acted first (a subject and an adverb) is no part of the measure
    ("今年５月１２日甲公司首先开价６亿元。", ["开价"]),
])
def test_places_connectives_dates_and_subjects(text, expected):
    assert indicators(text) == expected


@pytest.mark.parametrize("wording,code", [
    # wordings of the government work reports and of the news, mapped to the scheme's concepts
    ("经济增长速度", "GDP"), ("外商直接投资", "FDI"), ("通货膨胀率", "CPI"), ("社会商品零售总额", "RETAIL"),
    ("全国财政支出", "EXP_FISCAL"), ("国家外汇储备", "FX_RESERVES"), ("居民储蓄存款", "SAVINGS"),
    ("工业总产值", "OUTPUT_INDUSTRY"), ("广义货币供应量", "M2"), ("贫困人口数量", "POVERTY"),
    ("棚户区住房改造", "SHANTY_RENOVATION"), ("营业线里程", "RAIL_LENGTH"), ("高铁营业里程", "HSR_LENGTH"),
    ("减税降费", "TAX_CUTS"), ("票房", "BOX_OFFICE"), ("人口自然增长率", "POPULATION_GROWTH"),
])
def test_scheme_maps_report_and_news_wordings(wording, code):
    from kg.vocab.indicators import concept_for
    assert concept_for(wording).code == code


@pytest.mark.parametrize("wording", ["死亡人数", "贸易额", "人均收入", "双边贸易额", "财政支出增长点"])
def test_scheme_does_not_guess_a_concept_for_a_wording_of_many(wording):
    from kg.vocab.indicators import concept_for
    assert concept_for(wording) is None


def test_parts_of_what_is_divided_are_counted():
    got = [(f.value, f.unit, f.indicator) for f in figures("该净水系统分甲池、乙池、丙塘三部分。")]
    assert got == [("3", "部分", "净水系统部分数量")]
    assert figures("一部分人先富了起来。") == []  # a bare 一 is no figure


@pytest.mark.parametrize("text,expected", [
    # after the noun counted, a quantifier or a 所 clause starts what is said of it
    ("全县１２０多处古建筑绝大部分得到修缮。", ["古建筑数量"]),
    ("售出了４场决赛所余的门票。", ["决赛场数"]),
])
def test_the_counted_noun_ends_before_a_quantifier_or_a_suo_clause(text, expected):
    assert indicators(text) == expected


@pytest.mark.parametrize("text,expected", [
    # the start of a change said by a time and 的, and a time between the cue and the number, are periods
    ("票价也由过去的每张８０元降到现在的６０元。", ["票价", "票价"]),
    # a rate per head or per household is said as statistics say it; the group before stays
    ("参保职工平均每人缴纳保险费２４元。", ["参保职工人均保险费"]),
    ("全乡每户平均收入９０００元。", ["户均收入"]),
    # where people come from is no part of who is counted
    ("来自某国的１５名棋手参加了比赛。", ["棋手人数"]),
])
def test_changes_from_then_rates_per_head_and_origins(text, expected):
    assert indicators(text) == expected


def test_the_delivery_month_of_a_contract_is_no_part_of_its_price():
    assert indicators("伦敦市场９月份交货的布伦特原油期货价格为每桶１５美元。") == ["布伦特原油期货价格"]


@pytest.mark.parametrize("text,expected", [
    # money said by the act that put it up or passed it down is named by the act
    ("该厂又投下３００万元。", ["投资"]),
    ("省里下拨２００万元。", ["拨款"]),
])
def test_money_named_by_the_act_of_investing_or_allocating(text, expected):
    assert indicators(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a head word is cut where it leaves no piece of a word (世界|杯 is no cut); 所有 opens no label
    ("目前所有世界杯门票仅剩３０００张。", ["世界杯门票数量"]),
    # the moment a market price is read is the period
    ("甲市股市收盘时为８０００日元。", ["甲市股市"]),
    # a counted noun of one character before a bracket is counted
    ("这１２本书（另有两个系列）很受欢迎。", ["书数量", "系列数量"]),
])
def test_heads_market_moments_and_one_character_nouns(text, expected):
    assert indicators(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a modal that opens the phrase goes; 可 of 可支配收入 is no modal
    ("甲地从中每年至少能收入２亿美元。", ["收入"]),
    ("居民可支配收入为３万元。", ["居民可支配收入"]),
])
def test_a_modal_opens_no_label(text, expected):
    assert indicators(text) == expected


def test_a_change_said_by_its_period_alone_measures_the_subject_of_the_sentence():
    text = "乙省的粮食产量近几年一直呈上升势头：去年增长了６％，今年增长了８％。"
    assert indicators(text) == ["乙省粮食产量", "乙省粮食产量"]
    assert indicators("去年增长了６％。") == [""]  # no subject before: no indicator, not the clause
