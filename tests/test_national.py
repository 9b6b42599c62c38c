"""National-paper patterns: ministers, provincial leaders, mayors, courts, companies,
in title-name and name-title order. Sentences written for the test (invented names)."""
import pytest

from kg.nlp.agencies import AgencyFinder
from kg.nlp.chains import ChainParser
from kg.nlp.names import NameModel
from kg.records import Context

NONE = Context()


@pytest.fixture(scope="module")
def parser():
    return ChainParser(AgencyFinder(), names=NameModel.load())


def _got(parser, text):
    ags = parser.finder.find(text, NONE)
    return {(h.name, t.role, t.agency.label if t.agency else None) for h in parser.parse(text, NONE, ags) for t in h.titles}


@pytest.mark.parametrize("text,expected", [
    ("国务院副总理郑立群出席开幕式。", {("郑立群", "副总理", "中华人民共和国国务院")}),
    ("商务部部长韩志宏表示,", {("韩志宏", "部长", "中华人民共和国商务部")}),
    ("河南省委书记陆文涛主持会议。", {("陆文涛", "书记", "中共河南省委员会")}),
    ("四川省省长沈家豪调研。", {("沈家豪", "省长", "四川省人民政府")}),
    ("福建省委副书记、省长方建平出席。", {("方建平", "副书记", "中共福建省委员会"), ("方建平", "省长", "福建省人民政府")}),
    ("杭州市委常委、常务副市长郭振华陪同。", {("郭振华", "常委", "中共杭州市委员会"), ("郭振华", "常务副市长", "杭州市人民政府")}),
    ("天津市市长范立新表示,", {("范立新", "市长", "天津市人民政府")}),
    ("最高人民检察院检察长丁一帆作报告。", {("丁一帆", "检察长", "最高人民检察院")}),
    ("中国建筑集团有限公司董事长钟海洋介绍,", {("钟海洋", "董事长", "中国建筑集团有限公司")}),
    ("国家统计局新闻发言人付红梅说,", {("付红梅", "新闻发言人", "国家统计局")}),
])
def test_national_title_then_name(parser, text, expected):
    assert _got(parser, text) == expected


def test_national_name_then_title(parser):
    assert ("郑立群", "总理", "中华人民共和国国务院") in _got(parser, "会见时,郑立群总理指出,")


@pytest.mark.parametrize("text", ["国务院总理主持召开常务会议。", "上海市市长热线开通。"])
def test_national_no_person_from_agency_or_place(parser, text):
    assert not any(name in ("国务院", "上海市") for name, _, _ in _got(parser, text))


@pytest.mark.parametrize("text", ["周总理强调说,要发展生产。", "王主席常常告诉我们,要实事求是。"])
def test_national_words_after_a_title_are_not_names(parser, text):
    assert {n for n, _, _ in _got(parser, text)} == set()


def test_national_next_official_in_a_list_shares_the_agency(parser):
    got = _got(parser, "财政部部长罗建华、副部长邱明出席。")
    assert ("邱明", "副部长", "中华人民共和国财政部") in got


def test_national_wire_byline_names_the_medium(tmp_path):
    from kg.nlp.extract import Extractor
    from kg.records import Source
    from kg.text.segment import segment

    raw = "发布会举行\n\n新华社北京3月5日电（记者 严小平）国家统计局局长孔德明介绍，全年增长5%。\n"
    [art] = segment(Source(id="x.txt", path="x.txt", raw=raw, date="2024-03-05"))
    ex = Extractor().extract(art, Context())
    assert ("严小平", "记者", "新华通讯社") in {(h.person, h.role, h.agency.label) for h in ex.holdings}


def _bodies(text):
    return {(a.surface, a.label, a.kind) for a in AgencyFinder().find(text, NONE)}


@pytest.mark.parametrize("text,surface,label", [
    ("据报道，印度海军昨日宣布。", "印度海军", "印度海军"),
    ("美军已在当地部署了新型雷达。", "美军", "美国军队"),
    ("俄海军称其潜艇仍在巡航。", "俄海军", "俄罗斯海军"),
    ("日本自卫队一艘战舰与渔船相撞。", "日本自卫队", "日本自卫队"),
    ("一名美军特种部队成员说，", "美军特种部队", "美国特种部队"),
    ("坦克来摧毁德军，", "德军", "德国军队"),  # after a verb
])
def test_national_a_states_armed_forces_are_its_body(text, surface, label):
    """A state's armed forces, named after the state (in full or in one character), are
    that state's own body (typed Organization, as its other bodies)."""
    assert (surface, label, "Organization") in _bodies(text)


@pytest.mark.parametrize("text", [
    "他在游戏《德军总部》中扮演一名士兵。",  # a work's title, no body
    "抗日军民团结一致。",  # 抗日|军民: the character is another word's
    "王美军说，大家辛苦了。",  # a person's name ending in 美军
    "李德军当选为主任。",
    "美军舰驶入港口。",  # 美|军舰: a warship, no army
    "海军的演习结束了。",  # no state named: no one state's body
])
def test_national_no_armed_forces_body_where_the_text_names_none(text):
    assert not any(a.surface.endswith(("军", "军队", "部队")) for a in AgencyFinder().find(text, NONE))


def test_national_former_ministry_names_are_national_bodies(parser):
    """Older news writes State Council ministries by their former names; a 原 after the name
    marks a former post, no department of the ministry."""
    assert ("建设部", "中华人民共和国建设部", "GovernmentAgency") in _bodies("今天，建设部的领导来到工地。")
    assert ("铁道部", "中华人民共和国铁道部", "GovernmentAgency") in _bodies("铁道部发布了新的运行图。")
    assert {a.surface for a in AgencyFinder().find("外交部原副部长贺某平出席。", NONE)} == {"外交部"}


@pytest.mark.parametrize("text,surface,kind", [
    ("中国人民银行宁海市中心支行行长某某指出，", "中国人民银行宁海市中心支行", "GovernmentAgency"),
    ("该报告已得到人民银行南方分行的批准。", "人民银行南方分行", "GovernmentAgency"),
    ("中国工商银行南方分行表示，", "中国工商银行南方分行", "StateOwnedEnterprise"),
])
def test_national_the_central_banks_branches_are_state_bodies(text, surface, kind):
    """The central bank's branches are a state body's units; a commercial bank's stay firms."""
    assert any(a.surface == surface and a.kind == kind for a in AgencyFinder().find(text, NONE))


@pytest.mark.parametrize("text,surfaces", [
    ("回购将由市住建委或政府委托的单位进行。", {"市住建委"}),  # 或 joins two bodies
    ("测试由美国海军和美国国防部联合实施。", {"美国海军", "美国国防部"}),
])
def test_national_a_conjunction_ends_a_bodys_name(text, surfaces):
    assert {a.surface for a in AgencyFinder().find(text, NONE)} == surfaces


def test_national_but_opens_a_clause_before_a_bodys_name():
    from kg.api import _grammar_spans

    text = "尚未披露方案，但广州国土房管局称，很快会有说法。"
    assert {text[s:e] for s, e, label in _grammar_spans([text])[0] if label == "GOV"} == {"广州国土房管局"}


@pytest.mark.parametrize("text,surface,label", [
    ("五角大楼发言人莫某说，", "五角大楼", "美国国防部"),
    ("据报道，美国五角大楼官员称，", "美国五角大楼", "美国国防部"),
    ("美联储出面调停一场收购战。", "美联储", "美国联邦储备委员会"),
    ("白宫国家安全委员会一名发言人表示，", "白宫国家安全委员会", "美国白宫国家安全委员会"),  # never China's
])
def test_national_another_states_bodies_by_their_usual_names(text, surface, label):
    assert (surface, label, "Organization") in _bodies(text)


def test_national_a_police_corps_is_a_unit_of_its_bureau():
    assert "福建省公安厅经侦总队" in {a.surface for a in AgencyFinder().find("福建省公安厅经侦总队立案侦查。", NONE)}


@pytest.mark.parametrize("text,surface,kind", [
    ("招行现金管理部总经理左某宏说，", "招行现金管理部", "Company"),
    ("工行信贷管理部的一位人士称，", "工行信贷管理部", "StateOwnedEnterprise"),
])
def test_national_a_firms_department_is_the_firms(text, surface, kind):
    """A department named after a known firm is the firm's, whatever its suffix (部, 处)."""
    assert (surface, kind) in {(a.surface, a.kind) for a in AgencyFinder().find(text, NONE)}


@pytest.mark.parametrize("text,surface", [
    ("日前，黄浦法院受理了此案。", "黄浦法院"),  # a district's court, its level left out
    ("此案在朝阳法院开庭。", "朝阳法院"),
    ("昨天，朝阳公安分局通报了案情。", "朝阳公安分局"),
    ("朝阳公安分局团结湖派出所民警说，", "朝阳公安分局团结湖派出所"),  # the bureau's own station
    ("近日，长安路派出所接到报警。", "长安路派出所"),  # a station named after its road
])
def test_national_a_places_body_named_without_its_level(text, surface):
    """A body every county or district has (court, government, police), after the place's
    name written without its level, as jieba reads a place name."""
    assert surface in {a.surface for a in AgencyFinder().find(text, NONE)}


@pytest.mark.parametrize("text", [
    "会议在某山市政府会议厅举行。",  # a building
    "他主张联合政府、高校和企业。",  # 联合: a verb, no place
    "他们决定向法院起诉。",  # no place named
])
def test_national_no_places_body_without_a_place(text):
    assert not [a for a in AgencyFinder().find(text, NONE) if a.surface.endswith(("政府", "法院"))]


@pytest.mark.parametrize("text,surface,label", [
    ("外籍人士不能申请加入中国共产党。", "中国共产党", "中国共产党"),
    ("中央政府对新区的发展很关注。", "中央政府", "中华人民共和国国务院"),  # the Central People's Government
    ("当年八路军在此驻扎。", "八路军", "国民革命军第八路军"),
    ("中国人民志愿军跨过江去。", "中国人民志愿军", "中国人民志愿军"),
])
def test_national_the_party_the_central_government_and_the_partys_armies(text, surface, label):
    assert surface in {a.surface for a in AgencyFinder().find(text, NONE) if a.label == label}


@pytest.mark.parametrize("text", [
    "他是一名中国共产党员。",  # a member, no body
    "王志愿军说，大家辛苦了。",  # a person's name ending in an army's
])
def test_national_no_party_or_army_inside_other_words(text):
    assert not AgencyFinder().find(text, NONE)


def test_national_a_body_after_ju():
    """据 (according to) before a body's place: the name starts after it."""
    assert "某山区建委" in {a.surface for a in AgencyFinder().find("据某山区建委介绍，共有六个项目。", NONE)}


@pytest.mark.parametrize("text,surface", [
    ("最近，英国警方发现了重要线索。", "英国警方"),  # a country's police as a whole
    ("该公司在印度法庭败诉。", "印度法庭"),
    ("签证费在美国使领馆支付。", "美国使领馆"),
    ("伊朗地面部队举行了演习。", "伊朗地面部队"),  # a service after its state
    ("某国政府军再次占领了该城。", None),  # no country named
    ("澳洲空军把它作为靶标。", "澳洲空军"),  # 澳洲: Australia's usual short name
])
def test_national_another_states_police_courts_missions_and_services(text, surface):
    found = {(a.surface, a.kind) for a in AgencyFinder().find(text, NONE)}
    if surface is None:
        assert not any(s.endswith("政府军") for s, _ in found)
    else:
        assert (surface, "Organization") in found


@pytest.mark.parametrize("text,surface", [
    ("洛阳市住房保障和房屋管理局局长表示，", "洛阳市住房保障和房屋管理局"),  # two fields joined, one bureau
    ("在洛阳市规划与国土资源管理局召开的会上，", "洛阳市规划与国土资源管理局"),
])
def test_national_a_long_administrations_name(text, surface):
    """管理局 ends a name as 总局 does: its body may be longer than a bare 局's."""
    assert surface in {a.surface for a in AgencyFinder().find(text, NONE)}


def test_national_another_states_body_after_a_name_is_its_own():
    """A body read on after a known name stops before another state (新华社|电…)."""
    found = {a.surface for a in AgencyFinder().find("据新华社电新加坡金融管理局昨日说，", NONE)}
    assert "新加坡金融管理局" in found and not any(s.startswith("新华社电") for s in found)


@pytest.mark.parametrize("text,surface,label", [
    ("他在海淀看守所关押了两年。", "海淀看守所", "海淀看守所"),  # a place's detention centre
    ("虽然俄政府一再否认，", "俄政府", "俄罗斯政府"),  # a state in one character before its government
    ("英央行宣布降息。", "英央行", "英国央行"),
    ("正在挑选航空自卫队下一代战机。", "航空自卫队", "日本航空自卫队"),  # a service only Japan has
    ("伊朗伊斯兰革命卫队举行了演习。", "伊朗伊斯兰革命卫队", "伊朗伊斯兰革命卫队"),
])
def test_national_more_bodies_of_places_and_states(text, surface, label):
    assert (surface, label) in {(a.surface, a.label) for a in AgencyFinder().find(text, NONE)}


@pytest.mark.parametrize("text", [
    "中美政府间的对话继续进行。",  # two states in one character each: no one government
    "欧美政府纷纷表态。",
])
def test_national_no_one_states_government_in_a_pair_of_states(text):
    assert not any(a.surface.endswith("美政府") and len(a.surface) == 3 for a in AgencyFinder().find(text, NONE))


def test_national_a_time_word_ends_a_bodys_name():
    """A name read on after a body stops at a time word (某车管所|昨天…): a clause begins."""
    found = {a.surface for a in AgencyFinder().find("洛阳车管所昨天洛阳车管所机动车驾驶人教育又出新模样", Context(city="洛阳市"))}
    assert found == {"洛阳车管所"}


@pytest.mark.parametrize("text", [
    "双方在香港签署了新修订的协议。",  # 签|署: a verb, no office
    "烧烤成了北京街头随处可见的风景。",  # 随|处: an adverb, no office
])
def test_national_no_office_ending_in_a_words_suffix_character(text):
    assert not any(a.surface.endswith(("署", "处")) for a in AgencyFinder().find(text, NONE))


@pytest.mark.parametrize("text,kept", [
    ("他把某某文化传播有限公司告上法院，要求退款。", "某某文化传播有限公司"),  # 告上: a clause's act
    ("目前，某省保监局指导省保险行业协会组建了稽查队。", None),
    ("美国建立网络战司令部意味着什么？", None),
])
def test_national_an_act_between_two_names_is_a_clause(text, kept):
    found = {a.surface for a in AgencyFinder().find(text, NONE)}
    assert not any(("告上" in s or "指导" in s or "建立" in s) for s in found)
    assert kept is None or kept in found


def test_national_an_act_verb_inside_one_name_stays():
    assert "洛阳市就业指导中心" in {a.surface for a in AgencyFinder().find("洛阳市就业指导中心主任说，", NONE)}


@pytest.mark.parametrize("text,surface", [
    ("公司将针对特拉华州高等法院的裁决提出上诉。", "特拉华州高等法院"),  # a foreign state's court
    ("他们计划向马里兰州地区法庭提起诉讼。", "马里兰州地区法庭"),
])
def test_national_a_foreign_states_courts(text, surface):
    assert (surface, "Organization") in {(a.surface, a.kind) for a in AgencyFinder().find(text, NONE)}


@pytest.mark.parametrize("text,surface", [
    ("5月13日中国人民银行发布公告。", "中国人民银行"),  # 13|日: a date's unit, no name's start
    ("1985年中国银行某某分行最早发行信用卡。", "中国银行某某分行"),
])
def test_national_a_dates_unit_opens_no_name(text, surface):
    assert surface in {a.surface for a in AgencyFinder().find(text, NONE)}


@pytest.mark.parametrize("text", [
    "5月13日央行发布公告。",  # 13|日: a date's unit, no Japan
    "13日军方表示，演习结束。",
])
def test_national_a_dates_day_is_no_japan(text):
    assert not any(a.label.startswith("日本") for a in AgencyFinder().find(text, NONE))


def test_national_a_body_right_after_a_bylines_bracket():
    """本报讯（记者某某）|市…: the closing bracket of a byline is a boundary before a body."""
    text = "本报讯（记者马某）市住建委有关人士表示，"
    assert "市住建委" in {a.surface for a in AgencyFinder().find(text, NONE)}
