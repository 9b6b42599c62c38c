"""Kinds of indicator misses fixed by grammar (issue 15, round of the `ind` helper): shares said by 占 alone,
games counted by 场, sums of money named by the act that paid or took them, items said one after another
that share the measure of the first, and who set a figure. Invented sentences, one or more per rule."""
import pytest

from kg.nlp.figures import extract_figures
from kg.nlp.figures.owners import _owner_only
from kg.nlp.figures.tidy import _money_act
from kg.records import Article, Context


def figures(text: str) -> list:
    art = Article(id="t", source="s", index=0, headline="", text=text, offsets=list(range(len(text))), raw=text,
                  date=None)
    return extract_figures(art, None, Context(city="全国"))


def indicators(text: str) -> list[str]:
    return [f.indicator for f in figures(text)]


@pytest.mark.parametrize("text,expected", [
    # X占N%: the share of X, named as shares are (比例), not X占比 ...
    ("在该厂职工中，女职工占四成五，技术工人占２０％。", ["女职工比例", "技术工人比例"]),
    ("全部学员里，青年学员占百分之三十二。", ["青年学员比例"]),
    # ... while the text's own word 占比 stays as written
    ("该镇养殖业收入占比６１％。", ["养殖业收入占比"]),
    ("其中甲类商品占３０％，乙类商品占比７０％。", ["甲类商品比例", "乙类商品占比"]),
])
def test_share_said_by_zhan(text, expected):
    assert indicators(text) == expected


@pytest.mark.parametrize("text,expected", [
    # games, matches and shows held are counted in 场 (交战场数), as times are in 次 (次数)
    ("近年来共交战１２场。", ["交战场数"]),
    ("青山队上赛季遭遇６场败绩。", ["败绩场数"]),
    ("今年共演出了４０场。", ["演出场数"]),
])
def test_games_counted_by_chang(text, expected):
    assert indicators(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a sum of money said by the act of paying, taking or keeping it, not by who did it or where
    ("一位老人在柜员机上取了１５００元。", ["取款金额"]),
    ("王某次日又存入３万元。", ["存款"]),
    ("这家网点每年向客户收取１８元。", ["收费"]),
    ("他去年在网店上赚到３万元。", ["赚取金额"]),
    ("赵某答应每月偿还５００元。", ["还款金额"]),
    ("某企业向希望小学捐赠了２０万元。", ["捐款"]),
    # a per-head statistic written with the verb stays (人均消费)
    ("该县农民人均消费３０００元。", ["农民人均消费"]),
])
def test_sum_named_by_the_act(text, expected):
    assert indicators(text) == expected


def test_money_act_reads_the_lexicon():
    assert _money_act("持卡人刷卡消费") == "消费金额"  # the verb and the word before it
    assert _money_act("某公司转入") == "转入金额"
    assert _money_act("营业收入") == "营业收入"  # no act of paying: unchanged
    assert _money_act("缴纳挂失费") == "缴纳挂失费"  # a sum named already
    assert _money_act("柜员机上取") == "取款金额"  # a localizer glued to the verb by the tagger
    assert _money_act("") == ""


@pytest.mark.parametrize("text,expected", [
    # items said one after another: a later item that is only whose or where the figure is (a named body,
    # place or village) shares the measure of the first
    ("安置房预售价格为３１００元/平方米，西坪村为２８００元/平方米。", ["安置房预售价格"] * 2),
    ("参保农户占６５％，西川省占３８％。", ["参保农户比例"] * 2),  # (a share said by a place alone)
    # an extreme said after the measure bounds it (最低, 最高)
    ("跨行取现手续费每笔１０元，最低５元。", ["跨行取现手续费", "最低跨行取现手续费"]),
    ("跨行转账手续费为转账金额的１%，最低２元，最高４０元。", ["跨行转账手续费", "最低跨行转账手续费", "最高跨行转账手续费"]),
])
def test_items_share_the_measure_of_the_first(text, expected):
    assert indicators(text) == expected


def test_owner_only():
    assert _owner_only("浦江银行")  # a named body
    assert _owner_only("北湖区柳树村")  # a named place and a village
    assert not _owner_only("商业银行")  # a class of bodies
    assert not _owner_only("预售价格")
    assert not _owner_only("冠军")


def test_an_owner_first_in_its_sentence_keeps_no_measure_it_was_not_given():
    # nothing before to share: the label is left as read (no measure is invented)
    assert indicators("浦江银行为６０元。") == ["浦江银行"]


@pytest.mark.parametrize("text,expected", [
    # who set the figure (某局核定) is no part of what is measured
    ("物价局核定安置房预售价格为２６００元/平方米。", ["安置房预售价格"]),
])
def test_who_set_the_figure(text, expected):
    assert indicators(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a name before a colon is what the value after it measures (a key and its value)
    ("全年粮食产量：５０００万吨。", ["粮食产量"]),
    ("报告期末基金单位净值：１.０２元，管理人为某银行。", ["报告期末基金单位净值"]),
    # a clause before the colon names nothing measured: no indicator is borrowed from it
    ("人们大都会脱口而出：三千万平方公里。", [""]),
])
def test_key_before_a_colon(text, expected):
    assert indicators(text) == expected


@pytest.mark.parametrize("text,expected", [
    # the sign of a number is no part of the phrase before it, and the change cue before it still reads
    ("本周大豆净出口量为-３.２万吨。", ["大豆净出口量"]),
    ("该产品的毛利率跌至-５.６%。", ["毛利率"]),
    # the end of a note opened before the clause (…起）) goes with it
    ("自上月起）小麦净出口量为２万吨。", ["小麦净出口量"]),
])
def test_signs_and_dangling_notes(text, expected):
    assert indicators(text) == expected


def test_a_joint_stock_company_owns_its_measure():
    # 某某股份 is a company's short name: whose figure it is, not what is measured
    assert indicators("东岭股份净利润为３亿元。") == ["净利润"]


@pytest.mark.parametrize("text,expected", [
    # people counted by dying are the dead (死亡人数), whatever the verb or the cause said
    ("这场事故共造成３０人丧生。", ["死亡人数"]),
    ("上周至少有７人死于高温。", ["死亡人数"]),
    # other people counted by what happened to them keep their verb
    ("这次地震中有１２０人受伤。", ["受伤人数"]),
])
def test_the_dead_are_counted_as_deaths(text, expected):
    assert indicators(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a sum of money without the body or place that holds, pays or gets it
    ("１９９５年该机场借入韩国政府贷款３亿美元。", ["贷款"]),
    ("该公司资产总额为８０００万元。", ["资产总额"]),
    ("社保局社会保险基金安排５００万元。", ["社会保险基金"]),
    # a class or a level of government stays, so does a base, and a name that qualifies a thing
    ("中央财政社会保障资金２９３０亿元。", ["中央财政社会保障资金"]),
    ("城市环境基础设施建设投资２５７亿元。", ["城市环境基础设施建设投资"]),
])
def test_the_owner_of_a_sum_goes(text, expected):
    assert indicators(text) == expected


def test_drop_money_owner():
    from kg.nlp.figures.owners import _drop_money_owner
    assert _drop_money_owner("交易所营业收入") == "营业收入"
    assert _drop_money_owner("人均消费") == "人均消费"
    assert _drop_money_owner("公司数量") == "公司数量"  # a count, not a sum


def test_a_change_of_a_two_character_measure_is_its_own():
    # 出口增长…，进口增长…: 进口 is a measure of its own, not the figure before's
    assert indicators("去年出口增长了３０％，进口增长了２倍。") == ["出口", "进口"]
    # a change with no phrase of its own still goes on with the figure before
    assert indicators("全县粮食产量８万吨，增长５％。") == ["粮食产量", "粮食产量"]


@pytest.mark.parametrize("text,expected", [
    # a modifier the tagger reads as a localizer (外来) opens the noun counted
    ("全市有２万余名外来务工人员。", ["外来务工人员人数"]),
    # a relative clause of place between the count and the noun (在某地登陆的): the noun after it is counted
    ("还有３０００多名在港口登陆的游客。", ["游客人数"]),
])
def test_counted_nouns_after_the_measure_word(text, expected):
    assert indicators(text) == expected


def test_a_verb_of_saying_starts_the_predicate_after_a_counted_noun():
    from kg.nlp.figures.after import _noun_phrase_after
    assert _noun_phrase_after("左翼议员宣布支持总理") == "左翼议员"
    assert _noun_phrase_after("国家自主创新示范区") == "国家自主创新示范区"  # verbs inside a name stay


def test_money_for_a_place_in_a_contest_is_its_prize():
    assert indicators("本次比赛冠军５０００元、亚军３０００元、季军１０００元。") == ["冠军奖金", "亚军奖金", "季军奖金"]
    assert indicators("大赛设一等奖２万元。") == ["一等奖奖金"]


def test_an_example_introduced_by_ru_is_no_part_of_the_measure():
    assert indicators("如跨行转账手续费为２元。") == ["跨行转账手续费"]
    assert indicators("如今粮食产量为３万吨。") == ["粮食产量"]  # 如今 is a time, not an example


@pytest.mark.parametrize("text,expected", [
    # a base of one character after 每 opens the phrase: what each has or does is measured, not nothing
    ("被分到村民家中，每组分派了１１人。", ["分派人数"]),
    # a base said by a unit stays a base (每平方米), and leaves no piece of the unit behind
    ("无论是一万元每平方米还是两万元每平方米的房子。", ["", ""]),
])
def test_a_base_after_mei(text, expected):
    assert indicators(text) == expected
