"""Indicators of figures on news text: what a figure measures, without its area, period,
subject or clause (issue 15). Invented sentences, each for one kind of the genre's grammar."""
import pytest

from kg.nlp.figures import extract_figures
from kg.records import Article, Context


def indicators(text: str) -> list[str]:
    art = Article(id="t", source="s", index=0, headline="", text=text, offsets=list(range(len(text))), raw=text,
                  date=None)
    return [f.indicator for f in extract_figures(art, None, Context(city="全国"))]


@pytest.mark.parametrize("text,expected", [
    # a share of X in Y names both and says it is a share
    ("该品牌饮料占全国饮料总销量的３０％。", ["品牌饮料占全国饮料总销量比例"]),
    ("调查中，喜欢阅读的占６２％。", ["喜欢阅读比例"]),  # X的占: the share of those who do X
    # a share of a group, and what the group does (the verb phrase after it, not another figure)
    ("７０％以上的农户使用了节水灌溉设备。", ["农户使用节水灌溉设备比例"]),
    ("４５％的受访者认为，房价还会上涨。", ["受访者认为比例"]),
    ("如果９０％的农户都去争取６０％的订单。", ["农户比例", "订单比例"]),
])
def test_shares(text, expected):
    assert indicators(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("全镇２８０户居民都用上了天然气。", ["居民户数"]),  # households
    ("去年接待游客超过５０万人次。", ["接待游客人次"]),  # visits
    ("美联储连续４次加息。", ["加息次数"]),  # times
    ("他曾经３次参加国际比赛。", ["参加国际比赛次数"]),  # times, by what was done
])
def test_count_words(text, expected):
    assert indicators(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a harvest verb and a weight: the crop's output, whichever way it changed
    ("今年全县可收小麦３万公斤。", ["小麦产量"]),
    ("因洪水减收稻谷２００万公斤。", ["稻谷产量"]),
    ("全市工业固体废物产生量６．２亿吨。", ["工业固体废物产生量"]),  # 产 inside a word is no verb
    # a planting verb and an area: the crop's planted area
    ("该村种了８００多亩优质苹果。", ["优质苹果种植面积"]),
    ("全省种植的３万亩茶叶已经采摘。", ["茶叶种植面积"]),
])
def test_harvest_and_planting(text, expected):
    assert indicators(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("近５００人参加了开幕式。", ["参加开幕式人数"]),  # people counted by what they did, and to what
    ("目前只有８００人领取了“补贴卡”。", ["领取补贴卡人数"]),
    ("这样一来，不仅全村６００多人用上了自来水。", ["用上自来水人数"]),  # 全村 is the scope
])
def test_people_counted_by_what_they_do(text, expected):
    assert indicators(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("广州市每年新增律师３００名左右。", ["新增律师人数"]),  # a named place opening the phrase goes
    ("上海图书馆现有馆藏古籍１７０万册。", ["馆藏古籍数量"]),  # a body, and what it has
    ("城镇新增就业１２００万人。", ["城镇新增就业"]),  # 城镇 names no place: the statistic stays whole
    ("该厂从外地客户手中领取“订单”３００份。", ["订单数量"]),  # a clause keeps its last noun phrase
    ("该厂从省劳动部门领取“下岗证”８００份。", ["领取下岗证数量"]),  # … with its verb where the noun is one character
    ("至此该基金会向灾区捐款总额已超过五百万元。", ["捐款总额"]),  # a bare head keeps what it totals
    ("东片则完成退耕还林１２００多亩。", ["退耕还林面积"]),  # 则 opens a clause
    ("３天来销售额达３００多万元。", ["销售额"]),  # 3天来: the time since, not the measure
])
def test_subjects_and_clauses(text, expected):
    assert indicators(text)[-1:] == expected


@pytest.mark.parametrize("text,expected", [
    ("公司拿出二十万元在城郊租下了厂房。", ["公司资金"]),  # money put up is funds (whose), not the clause
    ("他没有急于开工，而是先拿出十万元对工人进行培训。", ["资金"]),
    ("他拿出５０００株树苗、２０吨化肥扶持他们。", ["树苗数量", "化肥"]),  # each item names its own noun
    ("该队员在比赛中投中了全队的所有罚球，共有９个。", ["罚球数量"]),  # a total of what the clause before names
])
def test_money_lists_and_totals(text, expected):
    assert indicators(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("果园面积由3万亩扩大到5万亩。", ["果园面积", "果园面积"]),  # a verb of change does
    ("钻机要打穿厚达３０００米的岩层。", ["岩层厚度"]),  # 厚达…的: the thickness of the noun after
    # an extreme (最多的) is a qualifier; an extreme alone goes on with the figure before
    ("全村最多的存款８０多万元，最少的也有近３万元。", ["存款", "存款"]),
    ("其中用于教育支出比上年增长１２％。", ["教育支出"]),  # a purpose verb goes
])
def test_verbs_extremes_and_dimensions(text, expected):
    assert indicators(text)[-len(expected):] == expected


def test_population_is_a_figure_in_people():
    # N万人口 counts people (人口 measured); an amount without a unit names it after 左右的
    text = "该市拥有８００万人口和约２００万左右的外来人口。"
    art = Article(id="t", source="s", index=0, headline="", text=text, offsets=list(range(len(text))), raw=text, date=None)
    out = extract_figures(art, None, Context(city="全国"))
    assert [(f.value, f.unit, f.indicator) for f in out] == [("8000000", "人", "人口"), ("2000000", "人", "外来人口")]
    assert indicators("按１３亿人口计算，人均粮食不足４００公斤。") == ["人口", "人均粮食"]


@pytest.mark.parametrize("text,expected", [
    ("现行的每张１０元门票价格不变。", ["门票价格"]),  # the money's noun after it, not the modifier before
    ("该小区总占地３万平方米。", ["小区总占地面积"]),  # 占地 names no dimension: 占地面积
    ("该市写字楼租金下滑３%。", ["写字楼租金"]),  # 下滑: a change, the measure before it
    ("房价上个月涨了５%。", ["房价"]),  # a time word inside the phrase goes
    ("汽油价格最高的是甲市８元，最低的是乙市的７元。", ["汽油价格", "汽油价格"]),  # who holds the extreme goes
    ("两队在联赛历史上只交战过２０场。", ["交战数量"]),  # a clause without a noun keeps its verb, not the clause
])
def test_money_changes_extremes(text, expected):
    assert indicators(text) == expected


def test_change_cue_sets_kind():
    art = Article(id="t", source="s", index=0, headline="", text="该市写字楼租金下滑３%。",
                  offsets=list(range(12)), raw="该市写字楼租金下滑３%。", date=None)
    f = extract_figures(art, None, Context(city="全国"))[0]
    assert (f.kind, f.direction) == ("change", "decrease")


@pytest.mark.parametrize("text,expected", [
    ("当天原油的期货价格不到每桶１６美元。", ["原油期货价格"]),  # a label joins its nouns without 的
    ("财政赤字占国内生产总值的比重为３%。", ["财政赤字占国内生产总值的比重"]),  # … a share keeps its 的比重
    ("城乡居民基础养老金最低标准从每月７０元提高到８８元。", ["城乡居民基础养老金最低标准"] * 2),  # 从每月: a base
    ("清单管理措施比制度建立之初减少６４%。", ["清单管理措施"]),  # the base of a comparison goes
    ("生产化肥（按有效成份计算）５２４万吨。", ["生产化肥（按有效成份计算）"]),  # a note in brackets stays
    ("中央对地方转移支付增加约１.５万亿元。", ["中央对地方转移支付"]),  # a preposition makes no clause of a name
])
def test_joins_bases_and_names(text, expected):
    assert indicators(text) == expected
