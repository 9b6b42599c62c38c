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
    ("公司拿出二十万元在城郊租下了厂房。", ["资金"]),  # money put up is funds, not the clause (whose goes: the owner)
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
    ("两队在联赛历史上只交战过２０场。", ["交战场数"]),  # a clause without a noun keeps its verb (games held: 场数)
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


def _check(text: str, expected: list[str]) -> None:
    assert indicators(text) == expected, text


@pytest.mark.parametrize("text,expected", [
    # an ordinal with its measure word picks which of the things; what follows is measured
    ("第三期入住的安置房有６２０户。", ["入住安置房户数"]),
    ("第二批次志愿者４０人已经出发。", ["志愿者人数"]),
    ("这是该系列中第一个售价超过９００元的型号。", ["售价"]),
    # a year in digits inside the phrase is the period, not the measure
    ("该村19年新建温室３０座。", ["新建温室数量"]),
    # a span of time alone is no indicator (what rose is not said)
    ("５年增长了８倍。", [""]),
])
def test_ordinals_years_and_durations(text, expected):
    _check(text, expected)


@pytest.mark.parametrize("text,expected", [
    # who forecast or reported it is no part of the measure
    ("某研究机构预测今年居民消费增速将达到６%。", ["居民消费"]),
    ("统计显示城镇居民存款余额为５０００亿元。", ["城镇居民存款余额"]),
    # hearsay and linking adverbs after the noun go
    ("这座大桥，造价据称超过３亿元。", ["造价"]),
    ("该行凭借２００多万张储蓄卡即实现了盈利。", ["储蓄卡数量"]),
    # a discourse opener and a reduplicated adverb before the noun go
    ("结果入选的８０名学生都来自农村。", ["入选学生人数"]),
    ("警方将６人一一抓获。", ["抓获人数"]),
    # the country as scope (我国) is the area, not the measure
    ("目前我国钢材产量已达８亿吨。", ["钢材产量"]),
])
def test_sources_adverbs_and_scope(text, expected):
    _check(text, expected)


@pytest.mark.parametrize("text,expected", [
    # an amount, 的 and a noun that names a measure: the noun is what is measured
    ("这座山每年有平均３米的积雪量。", ["积雪量"]),
    ("他的账户显示欠缴５０元的管理费。", ["管理费"]),
    ("该行向省内企业提供不少于５００亿元人民币的授信额度。", ["授信额度"]),
    # a clause ending in its verb has its object after 的
    ("老王在菜市场买菜时要付一笔１２０元的货款。", ["货款"]),
    # money after a completed verb: what was received is measured, not who received it
    ("那位经理去年领取了８０万元年终奖金。", ["年终奖金"]),
    # a number with no unit between Chinese words ends another statement
    ("本赛季出场次数４２命中率４８%。", ["命中率"]),
    # a preposition before a verb alone says how, not what
    ("该公司将通过融资３亿元扩大生产。", ["融资"]),
])
def test_measure_nouns_and_objects(text, expected):
    _check(text, expected)


@pytest.mark.parametrize("text,expected", [
    # a count whose noun is before it, with a verb after: the noun is counted, not the verb
    ("全市物业公司共３５家签署了服务公约。", ["物业公司数量"]),
    # a count already named as a measure takes no 数量
    ("该网站日访问量峰值突破３万次。", ["网站日访问量峰值"]),
    # dwellings, transactions and cases are counted things (…数量) ...
    ("城区还剩余５００多套公租房。", ["公租房数量"]),
    # ... but dwellings started or built are a statistic by that name
    ("全年新开工棚户区改造住房６０万套。", ["新开工棚户区改造住房"]),
    # a model or brand name in Latin letters before the noun counted
    ("部队配备了两架C-130运输机。", ["运输机数量"]),
    # a share that lost its holder still says it is a share of what
    ("大约占了该校给外地学生名额的２０%。", ["占外地学生名额比例"]),
    # a comparison with the same period before: the measure of the figure before
    ("公司营收达５亿元，低于上年同期的６亿元。", ["营收", "营收"]),  # (the company is whose, not what)
])
def test_counts_shares_and_comparisons(text, expected):
    _check(text, expected)


@pytest.mark.parametrize("text,expected", [
    # a determiner (某) or "also" (另) makes the phrase a clause: its subject goes
    ("此外，该基金会另捐款５００万元。", ["捐款"]),
    ("去年南方某企业借入银行贷款３亿元。", ["银行贷款"]),
])
def test_clause_determiners(text, expected):
    _check(text, expected)


def test_n_ge_ren_is_a_count_of_people():
    # N个人: people, whose indicator takes 人数 (not 数量)
    assert indicators("这次参赛的选手只有4个人。") == ["参赛选手人数"]


@pytest.mark.parametrize("text,expected", [
    # money of a person: the bid or the pay is measured, not the person after 的
    ("她把画卖给了出价8000元的买家。", ["出价"]),
    ("月收入3000元的家庭可以申请。", ["月收入"]),
    # a time counted from now is the period, not part of the measure
    ("报价显示一年后的存款利率为2.1%。", ["存款利率"]),
])
def test_money_of_a_person_and_relative_time(text, expected):
    _check(text, expected)


def test_time_after_a_duration_is_no_part_of_the_measure():
    # 三个月 is a figure (a duration); 后的 after it belongs to the time, not to the rate
    assert indicators("报价显示三个月后的存款利率为2.1%。")[-1] == "存款利率"


@pytest.mark.parametrize("text,expected", [
    # a price said by 以…V: the price of the deal, whatever the clause before names
    ("秋季拍卖会上，这幅山水长卷最终以860万元成交。", ["成交价"]),
    ("该公司以每股8元发行新股。", ["发行价"]),
    ("粮站以每公斤3元收购小麦。", ["收购价"]),
    # a percentage right before a verb: the rate of what is done
    ("全县已经实现了100%覆盖。", ["覆盖率"]),
    # a currency written after 元 is part of the unit; the noun after 的 is measured
    ("基金会提供了5亿元港币的发展基金。", ["发展基金"]),
    # 价格, 票房: nouns that name a measure after 的
    ("公司以50美元左右的价格招聘兼职人员。", ["价格"]),
    ("首映当天就有超过800万元的票房。", ["票房"]),
])
def test_prices_rates_and_currencies(text, expected):
    _check(text, expected)


@pytest.mark.parametrize("text,expected", [
    # a named body opening the phrase is whose figure it is, not what is measured
    ("去年长河银行净利润达到12亿元。", ["净利润"]),
    ("数据显示，建行信用卡发卡量已超过5000万张。", ["信用卡发卡量"]),
    ("远航集团营收增长了20亿元。", ["营收"]),
    # a class of bodies restricts what is measured and stays
    ("去年商业银行不良贷款率为1.6%。", ["商业银行不良贷款率"]),
    ("今年上市公司净利润为3万亿元。", ["上市公司净利润"]),
    # a place and a kind of body are a class of bodies, not a name
    ("有8家德国银行参与了这次融资。", ["德国银行数量"]),
    # a named place before its dimension is whose dimension it is
    ("青石岛陆地面积约12平方公里。", ["陆地面积"]),
])
def test_owners_of_a_measure(text, expected):
    _check(text, expected)


@pytest.mark.parametrize("text,expected", [
    # a phrase ending on a measure is a noun even where the tagger reads verbs (使用率, 发卡量)
    ("该行储蓄卡发卡量接近50万张，启用率高达60%。", ["储蓄卡发卡量", "启用率"]),
    # a time word after the counted noun starts the predicate
    ("全省42个服务中心目前正在进行改造。", ["服务中心数量"]),
    # money, its currency and the noun after: the noun is what the money is
    ("他最终赢得了8万元人民币奖金。", ["奖金"]),
    # a class, 有 and examples of it before 等: the class is counted
    ("赞助商有长风汽车、明远饮料等9家。", ["赞助商数量"]),
    # a length after a verb of going is a distance; of a peak, its altitude; of a tower, its height
    ("他们每天要步行8公里。", ["步行距离"]),
    ("景区的主峰只有1800米。", ["景区主峰海拔"]),
    ("新建的电视塔400米。", ["电视塔高度"]),
])
def test_round_three_kinds(text, expected):
    _check(text, expected)


@pytest.mark.parametrize("text,expected", [
    # a modifier the tagger reads as an adverb stays with the counted noun
    ("目前全市共有300家特约商户。", ["特约商户数量"]),
    # a light verb after the counted noun starts the predicate
    ("比赛在5个城市进行。", ["城市数量"]),
    # a comparison word after the noun is a qualifier
    ("两队的投篮命中率都低于40%。", ["投篮命中率"]),
    # done at once is no part of the measure
    ("今年一次性计提坏账准备3亿元。", ["计提坏账准备"]),
])
def test_round_four_kinds(text, expected):
    _check(text, expected)


@pytest.mark.parametrize("text,expected", [
    # a price: 以 and a note in brackets before the verb; an auction verb right before the amount
    ("他在网上以6万元（约合1万美元）买下了这幅画。", ["购买价", "购买价"]),
    ("这件青花瓷瓶拍出了800万港元。", ["成交价"]),
    # N公斤重的X: the weight of X
    ("渔民捕获了一条30公斤重的大青鱼。", ["大青鱼重量"]),
    # a year in digits opening the phrase is the period
    ("据统计，2010的图书销售总额为8亿元。", ["图书销售总额"]),
    # X是Y: Y is measured
    ("该项目的申请条件是家庭年收入低于5万元。", ["家庭年收入"]),
    # limiting adverbs and comparisons after the noun, examples before it
    ("这次的奖金仅800元。", ["奖金"]),
    ("例如门票是120元。", ["门票"]),
    # a website is a body that owns its figure
    ("新潮网站访问量达到3000万次。", ["访问量"]),
])
def test_round_five_kinds(text, expected):
    _check(text, expected)


@pytest.mark.parametrize("text,expected", [
    # a base of a rate before the amount: the noun after it, or the price before it
    ("今年每亩补助15元。", ["补助"]),
    ("该小区均价为每平方米8600元。", ["小区均价"]),
    # 以…的价格 after 的 was skipped: still a price
    ("这批房屋将由政府以6000元/平米的价格回购。", ["回购价"]),
    # a named place before a verb alone: the verb is the measure
    ("湖北省投资56亿元。", ["投资"]),
    # a time ordinal is no ordinal of things (第三个月)
    ("今年第二个月的出口额为50亿美元。", ["第二个月出口额"]),
    # who claimed it is no part of the measure
    ("该公司辩称广告费用已减少30%。", ["广告费用"]),
    # a bare dimension word, a distance between two places
    ("河滩位于两座码头之间，长约600米。", ["码头数量", "长度"]),
    ("学校距离车站只有800米。", ["距离"]),
])
def test_round_six_kinds(text, expected):
    _check(text, expected)


@pytest.mark.parametrize("text,expected", [
    # things listed before 分别 pair off with the figures after it; the measure said once goes with each
    ("其中小麦和大豆的播种面积分别增加5.1％和7.3％。", ["小麦播种面积", "大豆播种面积"]),
    ("钢材和水泥产量分别增长12％和8％。", ["钢材产量", "水泥产量"]),
    ("货运和客运密度分别是全国平均水平的5.2倍和3.6倍。", ["货运密度", "客运密度"]),
    ("单位产值能耗和用水量分别下降4%、6%。", ["单位产值能耗", "用水量"]),
    # the things do not pair off with the figures: the list stays one indicator
    ("钢材和水泥产量分别增长12％、8％和5％。", ["钢材和水泥产量"] * 3),
])
def test_respective_lists(text, expected):
    assert indicators(text) == expected


@pytest.mark.parametrize("text,expected", [
    # the base of a comparison is not what is measured
    ("城镇居民收入高出全国平均水平12个百分点。", ["城镇居民收入"]),
    ("失业率为５％，高出同期平均水平２个百分点。", ["失业率", "失业率"]),
    ("今年每吨均价为300美元，略高于上月每吨280美元的水平。", ["均价", "均价"]),
    # a part of the figure before (其中…) is measured alike
    ("其总产量为600万吨，其中400万吨在国内销售。", ["总产量", "总产量"]),
    # period words inside the phrase, and who achieved the figure, go
    ("出口额占同期全省出口总额的12％。", ["出口额占全省出口总额比例"]),
    ("开发区实现国内生产总值170亿元。", ["国内生产总值"]),
])
def test_comparisons_and_parts(text, expected):
    assert indicators(text) == expected


@pytest.mark.parametrize("text,expected", [
    # two nouns joined by 和 are the class counted
    ("有14个国家和地区参加了会议。", ["国家和地区数量"]),
    ("购买了5台电脑和3台打印机。", ["电脑数量", "打印机数量"]),  # (two counts, each its own noun)
    # a relative clause between the count and its noun says which; the noun is counted
    ("该厂有５家经营不善的分厂。", ["分厂数量"]),
    ("３种不同类别的药物同时使用。", ["药物数量"]),
    ("有5个企业的职工参加。", ["企业数量"]),  # (a noun before 的 is what is counted)
])
def test_count_nouns(text, expected):
    assert indicators(text) == expected


@pytest.mark.parametrize("text,expected", [
    # X只有Y的N%, X是Y的N倍: X is measured, Y is the base
    ("今年的游客总数只有预期值的70％。", ["游客总数"]),
    # the base alone goes on with the measure before
    ("利润３１２０万元，是去年同期１５６０万元的２００％。", ["利润", "利润", "利润"]),
    # a yearly output: the output of the thing
    ("该矿年产优质原煤可达300万吨。", ["原煤产量"]),
    # a measure right before the number, its thing after 的
    ("买一辆价格90万元的跑车。", ["跑车价格"]),
    # a verb of one character is no measure: the figure before's
    ("体重从70公斤掉到62公斤。", ["体重", "体重"]),
    # a scope that has, a forecast after the measure, a fiscal year before it
    ("全线有涵洞４５座。", ["涵洞数量"]),
    ("本年度全球大豆贸易量预计为5000万吨，也将比上一年度下降3％。", ["大豆贸易量", "大豆贸易量"]),
    ("这条水渠修了三年，宽约6米。", ["宽度"]),  # (宽: a dimension, not a verb)
])
def test_bases_outputs_and_scopes(text, expected):
    assert indicators(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a date or a span of time opening the phrase is the period
    ("近几年该省投入近１２亿元。", ["投入"]),
    # who decided it is no part of the measure
    ("农民王某决定捐资２５０万元。", ["捐资"]),
    # a share of people names what they do
    ("百分之六十二点五的人赞成这一方案。", ["赞成方案比例"]),
    # a relative clause of a noun and its state before the noun counted
    ("对７家经营困难的信托公司实行接管。", ["信托公司数量"]),
    # amounts in a list, each naming its own stuff after it
    ("警方共缴获３吨海洛因和５吨大麻。", ["海洛因", "大麻"]),
    # 重 is a weight, not a verb
    ("主钢梁长约30米、重约12吨。", ["主钢梁长", "重量"]),
])
def test_dates_decisions_and_lists(text, expected):
    assert indicators(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a verb that names a measure is measured, not the figure before going on
    ("亩产420公斤，收入１万余元。", ["亩产", "收入"]),
    # a measure right before the number with its thing after 的
    ("推出规模为８万亿日元的刺激计划。", ["刺激计划规模"]),
    # who set it, and the verb of the change after the measure, go
    ("该区确定今年农民最低生活保障线是１２０元。", ["农民最低生活保障线"]),
    ("财政收入将因此减少至少３０亿瑞典克朗。", ["财政收入"]),
    # a rate word after an amount is the rate of the measure before
    ("招待费减少八十万元，下降幅度达百分之二十。", ["招待费", "招待费下降幅度"]),
    # the holder of a share opens the clause; the share said again keeps its label
    ("政府的债务将从占国民生产总值的３０％减到１５％。", ["政府债务占国民生产总值比例"] * 2),
    # a time alone is no measure: the figure before's
    ("股价跌落到１２０００日元，今天收盘时为１１９００日元。", ["股价", "股价"]),
    # verbs of finding and getting before the measure go
    ("全县共查出违纪金额６５万元。", ["违纪金额"]),
])
def test_measure_verbs_holders_and_times(text, expected):
    assert indicators(text) == expected


def test_foreign_currencies_are_units():
    art = Article(id="t", source="s", index=0, headline="", text="减少２５０亿挪威克朗。", offsets=list(range(11)),
                  raw="减少２５０亿挪威克朗。", date=None)
    assert [(f.value, f.unit) for f in extract_figures(art, None, Context(city="全国"))] == [("25000000000", "挪威克朗")]


@pytest.mark.parametrize("text,expected", [
    # a share named in full before 从…增至, as written
    ("今年把科研投入占财政支出的比重从3％增至5％。", ["科研投入占财政支出的比重"] * 2),
    ("自营商品比例约占30％，代销商品占25％。", ["自营商品比例", "代销商品比例"]),
    # a rate in a range before a group: the rate is measured
    ("对合格率在80％以下的企业给予警告。", ["合格率"]),
    # a yearly output with the thing after the number
    ("一期工程建成年产３００万吨原煤的矿井。", ["原煤产量"]),
    # people counted by 个
    ("手下有５０多个学生。", ["学生人数"]),
    # the subject of a change in the clause before
    ("软件登记量增长较快，平均每年递增18％。", ["软件登记量"]),
    # amounts with the measure after 的 keep it out of a 分别 list
    ("冠军和亚军将分别获得5000元和3000元的奖金。", ["奖金", "奖金"]),
])
def test_shares_outputs_people_and_subjects(text, expected):
    assert indicators(text) == expected


@pytest.mark.parametrize("text,surface,indicator", [
    ("强化金融支持，为120家小微企业发放技术改造贷款3.5亿元。", "3.5亿元", "技术改造贷款"),
    ("市财政为80家企业拨付奖补资金2000万元。", "80家", "企业数量"),
    ("市财政为80家企业拨付奖补资金2000万元。", "2000万元", "奖补资金"),
])
def test_indicator_of_money_paid_out_to_recipients(text, surface, indicator):
    """为N家X发放Y M元: the recipients are counted, the money paid is measured."""
    from kg.builder import extract_source
    from kg.records import Source

    ex = extract_source(Source(id="t", path="<t>", raw=text, layout="article"), use_model=False)[0]
    assert (surface, indicator) in [(f.surface, f.indicator) for f in ex.figures]


@pytest.mark.parametrize("text,expected", [
    # a counted noun of one character after the measure word (or after a modifier and 的)
    ("他一共画了30幅画，并送给了朋友。", ["画数量"]),
    ("镇里把东头5个村的学生集中到中心校。", ["村数量"]),
    ("他们在湖边看到了近200种形态各异的鸟，十分高兴。", ["鸟数量"]),
    ("来了5个人。", [""]),  # (人 is no noun counted by 个 alone: people are counted elsewhere)
    # a named owner or a topic before 的 says whose or of what; the noun after it is counted
    ("他们获得了2000份英国外交部的秘密档案。", ["秘密档案数量"]),
    ("他写了8套江南园林方面的专著。", ["专著数量"]),
    # a model name of Chinese characters, a dash and a number before the noun counted
    ("昨天该国空军1架歼－10战斗机在训练中坠毁。", ["战斗机数量"]),
    ("该公司订购了5架运-20型运输机。", ["运输机数量"]),
    # a count governed by 在/由/将: its noun ends at the verb (or the localizer) after it
    ("该片在1200家影院内上映。", ["影院数量"]),
    ("空间站由5个舱组成。", ["舱数量"]),
    ("将原有的9个科室合并。", ["科室数量"]),
])
def test_counted_noun_after_the_measure_word(text, expected):
    assert indicators(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a photo mark of a headline and an alias in brackets are no part of the label
    ("飞机失事3人死亡（图）", ["死亡人数"]),
    ("某省首批5家农村商业银行股份有限公司（下称“农商行”）挂牌。", ["农村商业银行股份有限公司数量"]),
    # a verb of inclusion: what is included is counted
    ("展出的作品包括油画30幅。", ["油画数量"]),
    ("本届展会参展商包括外国企业120家。", ["外国企业数量"]),
])
def test_notes_and_inclusion(text, expected):
    assert indicators(text) == expected


@pytest.mark.parametrize("text,expected", [
    # money paid, bid or taken by one person: the act is measured, not who did it
    ("拍卖会上，一位买家出价5000元。", ["出价"]),
    ("昨天一名男子存入2万元现金。", ["存款"]),  # (the act names the sum: figure-money-acts.tsv)
    # classes a statistic is about, verbs of change and the state stay
    ("农民增收800元。", ["农民增收"]),
    ("国家拨出3000万元。", ["国家资金"]),
])
def test_money_without_the_person_who_paid(text, expected):
    assert indicators(text) == expected


@pytest.mark.parametrize("text,expected", [
    # people counted at an event they attend are counted by it, whoever they are
    ("有关方面负责人及各地专家30余人参加了座谈。", ["参加座谈人数"]),
    ("全乡群众代表200余人参加了活动。", ["参加活动人数"]),
    ("近300人出席了招待会。", ["出席招待会人数"]),
])
def test_people_counted_by_the_event_they_attend(text, expected):
    assert indicators(text) == expected
