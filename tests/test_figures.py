"""Figures: values, units, kinds, indicators, periods, and the things that are not figures."""
import pytest

from kg.nlp.figures import extract_figures, find_quantities, observation_key
from kg.records import Article, Context

DATE = "2024-06-20"


def article(text: str, headline: str = "") -> Article:
    return Article(id="t", source="s", index=0, headline=headline, text=text,
                   offsets=list(range(len(text))), raw=text, date=DATE)


def figs(text: str, headline: str = ""):
    return extract_figures(article(text, headline), DATE, Context(city="某市"))


def one(text: str):
    out = figs(text)
    assert len(out) == 1, [(f.value, f.unit, f.surface) for f in out]
    return out[0]


@pytest.mark.parametrize("text,value,unit", [
    ("全县粮食总产量达到86.5万吨。", "865000", "吨"),
    ("全年完成固定资产投资3.6亿元。", "360000000", "元"),
    ("光伏装机容量达到12.35万千瓦。", "123500", "千瓦"),
    ("全区发电量突破8亿千瓦时。", "800000000", "千瓦时"),
    ("新建储能电站50兆瓦。", "50", "兆瓦"),
    ("改造老旧管网36公里。", "36", "公里"),
    ("新增绿地面积2.4万平方米。", "24000", "平方米"),
    ("流转土地1.5万亩。", "15000", "亩"),
    ("培育规上企业二百三十家。", "230", "家"),
    ("聚焦纺织、化工、机械等三大传统产业。", "3", "类"),
    ("完成投资一千二百万元。", "12000000", "元"),
    ("企业销售额突破百亿元。", "10000000000", "元"),
    ("城镇化率达到61.7%。", "61.7", "%"),
    ("高于全国平均1.2个百分点。", "1.2", "个百分点"),
    ("建成乡村驿站14处。", "14", "处"),
    ("吸纳就业2.3万人。", "23000", "人"),
    ("机组平均利用1280小时。", "1280", "小时"),
    ("新建光伏电站150MW。", "150", "兆瓦"),
    ("工商业电价降至0.48元/千瓦时。", "0.48", "元/千瓦时"),
    ("重污染天数下降超过三成。", "30", "%"),
    ("带动就业近万人。", "10000", "人"),
    ("港口集装箱吞吐量完成320万标准箱。", "3200000", "标准箱"),
    ("新增发电装机容量一千九百五十万千瓦。", "19500000", "千瓦"),
    ("日均新设企业1万6千多户。", "16000", "户"),
    ("全年减轻企业负担3万多亿元。", "3000000000000", "元"),
    ("新建道路5千米。", "5", "公里"),
])
def test_figures_value_and_unit(text, value, unit):
    f = one(text)
    assert (f.value, f.unit) == (value, unit)


@pytest.mark.parametrize("text,qualifier", [
    ("全年接待游客1200余万人次。", "余"),
    ("带动农户增收3亿多元。", "多"),
    ("完成投资约5.6亿元。", "约"),
    ("引进项目近40个。", "近"),
    ("招商引资超过20亿元。", "超过"),
    ("网络零售额突破10亿元。", "突破"),
    ("优良天数比例保持在80%以上。", "以上"),
    ("每年安排资金不少于500万元。", "不少于"),
])
def test_figures_qualifier(text, qualifier):
    assert one(text).qualifier == qualifier


@pytest.mark.parametrize("text,kind,direction", [
    ("一季度全县工业用电量同比增长12.6%。", "change", "increase"),
    ("单位产值能耗同比下降4.1%。", "change", "decrease"),
    ("服务业增加值占地区生产总值比重达到52.3%。", "share", ""),
    ("力争到2026年底新能源汽车保有量达到3万辆。", "target", ""),
    ("明年将新建污水处理厂2座。", "target", ""),
    ("目前已建成充电站45座。", "count", ""),
    ("全年实现地区生产总值680亿元。", "level", ""),
    ("出口额实现翻番。", "change", "increase"),
])
def test_figures_kind(text, kind, direction):
    f = one(text)
    assert (f.kind, f.direction) == (kind, direction)


def test_figures_change_shares_indicator_of_level():
    out = figs("截至5月底，全县风电装机容量62.8万千瓦，同比增长18.4%。")
    assert [(f.value, f.unit, f.kind) for f in out] == [("628000", "千瓦", "level"), ("18.4", "%", "change")]
    assert out[0].indicator == out[1].indicator == "风电装机容量"


@pytest.mark.parametrize("text,period,start,end", [
    ("今年以来，全市新增市场主体1.2万户。", "今年以来", "2024-01-01", DATE),
    ("截至今年5月底，全市累计发放贷款9.8亿元。", "截至今年5月底", None, "2024-05-31"),
    # on a June page the first three quarters said without a year are last year's
    ("前三季度，全县税收收入增长6.5%。", "前三季度", "2023-01-01", "2023-09-30"),
    ("今年前5个月，全县税收收入增长6.5%。", "今年前5个月", "2024-01-01", "2024-05-31"),
    ("12月份，全县税收收入增长6.5%。", "12月份", "2023-12-01", "2023-12-31"),
    ("2023年全县税收收入增长6.5%。", "2023年", "2023-01-01", "2023-12-31"),
    ("2022年以来，累计建成高标准农田8万亩。", "2022年以来", "2022-01-01", DATE),
    ("上半年，全区接待游客320万人次。", "上半年", "2024-01-01", "2024-06-30"),
    ("1-5月，规上工业增加值增长7.2%。", "1-5月", "2024-01-01", "2024-05-31"),
    ("去年全市粮食产量达到62万吨。", "去年", "2023-01-01", "2023-12-31"),
    ("力争到2026年底，全县光伏装机达到20万千瓦。", "到2026年底", None, "2026-12-31"),
    ("截至2023年末，全县光伏装机达到20万千瓦。", "截至2023年末", None, "2023-12-31"),
])
def test_figures_period_resolved_against_page_date(text, period, start, end):
    f = one(text)
    assert (f.period, f.period_start, f.period_end) == (period, start, end)


def test_figures_full_year_means_the_year_the_article_names():
    out = figs("2023年全县生产总值320亿元。全年粮食总产量52万吨，年末户籍人口81万人。")
    assert [(f.period, f.period_start, f.period_end) for f in out] == [
        ("2023年", "2023-01-01", "2023-12-31"), ("全年", "2023-01-01", "2023-12-31"),
        ("年末", "2023-12-31", "2023-12-31")]


def test_figures_list_shares_kind_and_unit():
    out = figs("一产、二产增加值分别增长3.1%、6.4%，荒地、沙地分别减少1.2万、0.8万亩。")
    assert [(f.value, f.unit, f.kind, f.direction) for f in out] == [
        ("3.1", "%", "change", "increase"), ("6.4", "%", "change", "increase"),
        ("12000", "亩", "change", "decrease"), ("8000", "亩", "change", "decrease")]
    # things listed before 分别 pair off with the figures: each figure measures its own
    assert [f.indicator for f in out] == ["一产增加值", "二产增加值", "荒地", "沙地"]


def test_figures_raised_to_is_a_level():
    out = figs("森林覆盖率从41.2%提高到43.5%。")
    assert [(f.value, f.kind) for f in out] == [("41.2", "level"), ("43.5", "level")]
    assert out[0].indicator == out[1].indicator == "森林覆盖率"


def test_figures_comparison_base_is_not_the_period():
    f = one("粮食产量比去年增长3.5%。")
    assert f.period == ""


@pytest.mark.parametrize("text,indicator", [
    ("今年以来，全市高新技术企业营业收入达到215亿元。", "高新技术企业营业收入"),
    # 建成 governs the whole list; a count names what it counts, with 数量
    ("全县建成5G基站1280个、村级电商服务站96处。", "建成村级电商服务站数量"),
    ("为320家小微企业发放贴息贷款。", "小微企业数量"),
])
def test_figures_indicator(text, indicator):
    assert figs(text)[-1].indicator == indicator


# The indicator is a short noun phrase for what is measured: the plan or will (拟安排, 为此将),
# a 将 construction, the area (西部地区), qualifiers (平均) and the change (增长) are not in it.
@pytest.mark.parametrize("text,indicator", [
    ("今年拟安排地方财政补助资金8.6亿元。", "地方财政补助资金"),
    ("全市城镇调查失业率平均为4.9%。", "城镇调查失业率"),
    ("西部地区光伏发电量增长12%。", "光伏发电量"),
    ("市里决定将农村低保标准提高到每人每年6000元。", "农村低保标准"),
    ("县财政为此将投入1.5亿元。", "县财政投入"),
    ("全省规上工业增加值同比增长6.1%。", "规上工业增加值"),
    ("全县引进高层次人才26人。", "引进高层次人才人数"),
    ("城镇新增就业1.3万人。", "城镇新增就业"),
    ("扩招技工院校学生3000人目标如期实现。", "扩招技工院校学生人数"),
])
def test_figures_indicator_is_a_short_noun_phrase(text, indicator):
    assert figs(text)[0].indicator == indicator


def test_figures_indicator_grammar_across_a_sentence():
    out = figs("风电方面，新增并网容量20万千瓦；集中式光伏电站12座，装机容量36万千瓦。"
               "新开工棚户区改造项目300套，基本建成210套。"
               "培育省级专精特新企业45家、市级瞪羚企业18家。完成造林绿化面积3.2万亩，是去年的1.5倍。")
    assert [f.indicator for f in out] == [
        "风电新增并网容量",  # the topic before 方面 scopes the clauses after it
        "集中式光伏电站数量", "集中式光伏电站装机容量",  # a measure of the things just counted
        "新开工棚户区改造项目", "基本建成棚户区改造项目",  # a bare verb takes the noun before
        "培育省级专精特新企业数量", "培育市级瞪羚企业数量",  # one verb governs the list
        "完成造林绿化面积", "完成造林绿化面积",  # 是…的1.5倍: the ratio of the figure before
    ]


def test_figures_clause_is_no_indicator():
    f = one("代表们介绍了经验做法达15项。")
    assert (f.value, f.unit, f.indicator) == ("15", "项", "")


@pytest.mark.parametrize("text", [
    "2024年6月20日上午，会议在市委召开。",
    "我市深入落实“1468”工作体系和“3+2”行动，推进“十四五”规划。",
    "学习贯彻党的二十大精神，落实《关于支持民营经济发展的15条措施》。",
    "咨询电话：0635-2189900，监督电话12345。",
    "坚持“两个确立”，做到四个现代化一起抓。",
    "推广5G应用，治理PM2.5污染。",
    "统一思想，千家万户，一个也不能少，零部件产业。",
    "实施三年行动计划，第一次全体会议。",
    "坚持四项基本原则，打好三大攻坚战，重点抓好以下五个方面。",
    "十四届全国人大二次会议审议通过。",
    "带动数十万人就业，吸引上万名游客。",
    "建设百万千瓦级核电机组和30万吨级码头。",
    "五大运动的胜利为三大改造铺平了道路。",
])
def test_figures_not_figures(text):
    assert figs(text) == []


def test_figures_pairs_and_ranges_are_two_figures():
    out = figs("建成储能电站一座，规模50兆瓦/100兆瓦时；每年新增3至5个项目。")
    assert [(f.value, f.unit) for f in out] == [("50", "兆瓦"), ("100", "兆瓦时"), ("3", "个"), ("5", "个")]


def test_figures_verb_is_not_a_qualifier():
    f = one("全年为企业节约成本二十亿元。")
    assert (f.value, f.unit, f.qualifier) == ("2000000000", "元", "")


def test_figures_rank_is_level():
    f = one("工作成效列全省第2位。")
    assert (f.value, f.unit, f.kind) == ("2", "位", "level")


def test_figures_cut_off_unit_is_guessed_from_indicator():
    f = one("争取上级资金2亿多")
    assert (f.value, f.unit, f.qualifier) == ("200000000", "元", "多")


def test_figures_noun_after_a_bare_wan_gives_the_unit():
    f = one("学生资助政策惠及1200多万学生。")
    assert (f.value, f.unit) == ("12000000", "人")


def test_figures_invalid_period_date_is_dropped():
    f = one("截至2月30日，全县新增企业120家。")
    assert (f.period, f.period_end) == ("截至2月30日", None)


def test_figures_headline_figure_is_the_same_observation():
    out = figs("今年以来，全县光伏发电量突破9亿千瓦时，同比增长21%。", headline="全县光伏发电量突破9亿千瓦时")
    body, head = out[0], out[-1]
    assert (head.value, head.unit) == (body.value, body.unit)
    assert (head.indicator, head.kind, head.period) == (body.indicator, body.kind, body.period)
    assert head.evidence.sentence == "全县光伏发电量突破9亿千瓦时"
    assert observation_key(head) == observation_key(body)
    assert observation_key(out[1]) != observation_key(body)


def test_figures_evidence_points_at_raw_span():
    raw = "全市 完成投资 3.6亿元。"
    text = raw.replace(" ", "")
    offsets = [i for i, c in enumerate(raw) if c != " "]
    a = Article(id="t", source="s", index=0, headline="", text=text, offsets=offsets, raw=raw, date=DATE)
    f = extract_figures(a, DATE, Context(city="某市"))[0]
    assert f.evidence.anchor == "3.6亿元"
    assert raw[f.evidence.start:f.evidence.end] == "3.6亿元"


def test_figures_area_is_given_area():
    assert one("全市新增就业1.1万人。").area == "某市"


def test_figures_find_quantities_full_width():
    q = find_quantities("粮食产量１２，３４５吨，增长３．５％")
    assert [(x.value, x.unit) for x in q] == [("12345", "吨"), ("3.5", "%")]


@pytest.mark.parametrize("text,value", [("投资1亿2千万元", "120000000"), ("产量1亿2千万吨", "120000000")])
def test_figures_mixed_arabic_chinese_sections(text, value):
    assert [q.value for q in find_quantities(text)] == [value]


def test_figures_area_from_the_nearest_scope_word():
    t = "全国粮食产量增长2%,全省新增企业300家,全市投资达到5亿元。"
    a = Article(id="t", source="s", index=0, headline="", text=t, offsets=list(range(len(t))), raw=t, date=DATE)
    got = {f.surface: f.area for f in extract_figures(a, DATE, Context(city="济宁市", province="山东省"))}
    assert got == {"2%": "全国", "300家": "山东省", "5亿元": "济宁市"}


# ---- news of the 1990s (issue 15)

@pytest.mark.parametrize("text,value,unit", [
    ("全省工业产值增长１０·７％。", "10.7", "%"),
    ("机耕面积达2·5万亩。", "25000", "亩"),
    ("今年以来全县发生火灾１２起。", "12", "起"),
    ("代表团获得金牌５枚。", "5", "枚"),
    ("该议案以１２０票获得通过。", "120", "票"),
    ("他向灾区捐款５０００泰铢。", "5000", "铢"),
    ("村里新开垦荒地３０块。", "30", "块"),
    ("合作社购买了两台拖拉机。", "2", "台"),
])
def test_figures_news_values_and_units(text, value, unit):
    f = one(text)
    assert (f.value, f.unit) == (value, unit)


def test_figures_approximate_range_is_no_figure():
    assert figs("村里有五六十户人家。") == []
    assert figs("离县城有一二公里。") == []


@pytest.mark.parametrize("text,indicator", [
    ("有关单位只付给８００元医疗费。", "医疗费"),  # the verb ends the phrase: the noun after is measured
    ("由45名中学生组成的合唱团参加了演出。", "中学生人数"),  # the relative clause's verb goes
    ("有关统计表明，那时的汽车总需求很可能只有6000万辆。", "汽车总需求"),  # modal and adverbs go
    ("司法部门先后建立了戒毒场所86个。", "戒毒场所数量"),  # a clause keeps its last noun phrase
    ("城镇新增就业1244万人。", "城镇新增就业"),  # a statistic written with verbs stays whole
    ("中央财政安排资金1713亿元。", "中央财政安排资金"),
    ("黄山的主峰莲花峰海拔１８６４米。", "海拔"),  # a proper name owning the measure goes, so does the named peak
    ("某小学的７５名少先队员近日以“爱护家乡”为主题召开队会。", "少先队员人数"),  # a time word goes
    ("如果门窗隔热性好，则容量还可减少１０％。", "容量"),  # a leading conjunction goes
    ("研制了一种热量比普通饮料低３０％的新饮料。", "热量"),  # 一种 goes
    ("预计全球钢铁生产能力将达１０亿吨。", "钢铁生产能力"),  # 全球, like 全国, is the area
    ("全国发生火灾多起，大火至少吞噬３．８万公顷森林。", "森林面积"),  # an area names its dimension
    ("建成长达１５００公里的输油管道。", "输油管道长度"),  # a length too
    ("该市有５０亿美元的外汇储备应付眼下的困难。", "外汇储备"),  # the verb after the noun goes
])
def test_figures_news_indicator_is_a_noun_phrase(text, indicator):
    assert one(text).indicator == indicator


def test_figures_people_counted_by_what_was_done_to_them():
    # 告诫20人，辞退44人: each count keeps its own verb; 扩大到 goes on with the figure before
    inds = [f.indicator for f in extract_figures(article("经考核，不称职１４人，告诫２０人，辞退４４人。"), None,
                                                 Context(city="全国"))]
    assert inds == ["不称职人数", "告诫人数", "辞退人数"]


@pytest.mark.parametrize("text,indicators", [
    ("新型灯泡的耗电量比普通灯泡低４０％。", ["新型灯泡耗电量"]),  # what is compared is measured (without 的)
    ("该市拥有３０亿元的外汇储备。", ["外汇储备"]),  # 有…的: the noun after the amount
    ("果园面积由3万亩扩大到5万亩。", ["果园面积", "果园面积"]),  # a verb alone goes on with the figure before
    ("这２０公里的山路修了三年。", ["山路长度"]),  # a pronoun names nothing; a length its dimension
    ("一家基金会捐赠给灾区的２０吨粮食已经运到。", ["粮食"]),  # a relative clause qualifies the noun after
    ("到５月底全国发生火灾１２起。", ["火灾数量"]),  # the period and 发生 go
    ("全区有1334万人参保。", ["参保人数"]),  # people counted by what they do
])
def test_figures_news_indicator_of_the_noun_measured(text, indicators):
    out = extract_figures(article(text), None, Context(city="全国"))
    assert [f.indicator for f in out] == indicators


@pytest.mark.parametrize("text,indicators", [
    ("全市水位从３２．５米涨到３３．１米。", ["水位", "水位"]),  # a measure word needs no dimension
    ("列车时速达到２５０公里。", ["列车时速"]),
    ("远处是一座３００米高的山。", ["高度"]),  # 米高的: the dimension measured
    ("全国共有15000人参加。", ["参加人数"]),  # people counted by what they do
    ("事故中有５人被困。", ["被困人数"]),  # … or by what was done to them
    ("仓库里价值３０万元的货物被烧毁。", ["货物价值"]),  # 价值…的: the value of the noun after
    ("调查显示，６０％的居民支持这项改革。", ["居民支持改革比例"]),  # a share of a group, and what it does
    ("这些工厂只占全市工业产值的１５％。", ["工厂占全市工业产值比例"]),  # an adverb before 占 is no clause
    ("该县先后取消了１２个收费项目。", ["取消收费项目数量"]),  # the verb says which are counted
    ("全县５０多名下岗职工参加培训。", ["下岗职工人数"]),  # a noun after, though 下 could start 下降
    ("共有８辆“流动车”出动。", ["流动车数量"]),  # a quoted name is the noun counted
    ("全市５００多名记者汇集北京。", ["记者人数"]),  # the counted noun does something somewhere
    ("拉了２０００多米电线。", ["电线长度"]),  # a one-character verb: the noun after is measured
    ("每张门票售价８０元（约折合１０美元）。", ["每张门票售价", "每张门票售价"]),  # a conversion
    ("该厂借入贷款５０万元，比去年要低５万元。", ["贷款", "贷款"]),  # a bare comparison goes on
    ("门票由改革前２０元降到１５元。", ["门票", "门票"]),  # 由…前: when the change started
])
def test_figures_news_indicator_rules_of_the_genre(text, indicators):
    out = extract_figures(article(text), None, Context(city="全国"))
    assert [f.indicator for f in out] == indicators


@pytest.mark.parametrize("text,n", [
    ("车上突然跳下4个人，夺路而逃。", 1),  # 个人 ends the phrase: four people
    ("他们3个人都来了。", 1),
    ("他个人存款不多。", 0),  # 个人 as a word of its own
    ("每户配发2个人防面具。", 0),
])
def test_figures_n_ge_ren_counts_people(text, n):
    found = [(q.value, q.unit) for q in find_quantities(text)]
    assert len(found) == n and all(u == "个" for _, u in found)
