"""Title chains: people, atomic titles and the agency of each title."""
import pytest

from kg.nlp.agencies import AgencyFinder, foreign_state_body, unplaced
from kg.nlp.chains import ChainParser
from kg.records import Context

CTX = Context(city="济宁市", province="山东省")


@pytest.fixture(scope="module")
def parser():
    return ChainParser(AgencyFinder())


def _holdings(parser, text, ctx=CTX):
    ags = AgencyFinder().find(text, ctx)
    return {(h.name, t.role, t.agency.label if t.agency else None, t.implicit)
            for h in parser.parse(text, ctx, ags) for t in h.titles}


@pytest.mark.parametrize("text,expected", [
    ("会上,市委常委、组织部部长、统战部部长钱志远讲话。", {
        ("钱志远", "常委", "中共济宁市委员会", False),
        ("钱志远", "部长", "中共济宁市委组织部", False),
        ("钱志远", "部长", "中共济宁市委统一战线工作部", False)}),
    ("市卫健委党组书记、主任孙丽华介绍,", {
        ("孙丽华", "党组书记", "济宁市卫生健康委员会", False),
        ("孙丽华", "主任", "济宁市卫生健康委员会", False)}),
    ("副市长、市教育局局长马建军主持。", {
        ("马建军", "副市长", "济宁市人民政府", True),
        ("马建军", "局长", "济宁市教育局", False)}),
    ("市委常委、常务副市长何文斌出席。", {
        ("何文斌", "常委", "中共济宁市委员会", False),
        ("何文斌", "常务副市长", "济宁市人民政府", True)}),
    ("市人民检察院检察长冯晓东,市中级人民法院院长许国平出席。", {
        ("冯晓东", "检察长", "济宁市人民检察院", False),
        ("许国平", "院长", "济宁市中级人民法院", False)}),
    ("市委常委、市纪委书记、市监委代主任韩立新通报了情况。", {
        ("韩立新", "常委", "中共济宁市委员会", False),
        ("韩立新", "书记", "中共济宁市纪律检查委员会", False),
        ("韩立新", "代主任", "济宁市监察委员会", False)}),
])
def test_chains_assign_each_title_its_agency(parser, text, expected):
    assert _holdings(parser, text) == expected


def test_chains_name_length_decided_by_the_cue(parser):
    hits = parser.parse("市工信局局长王强主持,市科技局局长李建华表示", CTX, AgencyFinder().find("市工信局局长王强主持,市科技局局长李建华表示", CTX))
    assert [h.name for h in hits] == ["王强", "李建华"]


def test_chains_list_of_names_share_the_title(parser):
    text = "副市长赵国庆、钱学林出席。"
    got = _holdings(parser, text)
    assert ("赵国庆", "副市长", "济宁市人民政府", True) in got
    assert ("钱学林", "副市长", "济宁市人民政府", True) in got


def test_chains_name_in_brackets_after_name(parser):
    text = "据周海峰(市委常委、常务副市长)介绍,"
    got = _holdings(parser, text)
    assert ("周海峰", "常务副市长", "济宁市人民政府", True) in got


def test_chains_no_person_without_a_name(parser):
    assert _holdings(parser, "各县市区政府主要负责同志参加会议。") == set()


@pytest.mark.parametrize("surface,label", [
    ("市发改委", "济宁市发展和改革委员会"),
    ("市住建局", "济宁市住房和城乡建设局"),
    ("市政府新闻办", "济宁市人民政府新闻办公室"),
    ("市委", "中共济宁市委员会"),
    ("省委", "中共山东省委员会"),
    ("市人大常委会", "济宁市人民代表大会常务委员会"),
    ("市政协", "中国人民政治协商会议济宁市委员会"),
])
def test_agencies_canonical_names(surface, label):
    assert AgencyFinder().canonical(surface, CTX)[0] == label


def test_agencies_found_in_running_text():
    text = "在市政府新闻办召开的发布会上,济宁市科学技术局与山东建筑学院签署协议,农业农村部有关负责同志出席。"
    found = {a.surface: a.label for a in AgencyFinder().find(text, CTX)}
    assert found == {"市政府新闻办": "济宁市人民政府新闻办公室", "济宁市科学技术局": "济宁市科学技术局",
                     "山东建筑学院": "山东建筑学院", "农业农村部": "中华人民共和国农业农村部"}


def test_agencies_canonical_is_kept_per_surface_and_context(monkeypatch):
    """canonical keeps what it read per (surface, context): the same surface on a page of
    another city is that city's body, and a full store starts again, the answers unchanged."""
    import kg.nlp.agencies as agencies

    other = Context(city="临沂市", province="山东省")
    f = AgencyFinder()
    for _ in range(2):
        assert f.canonical("市委", CTX)[0] == "中共济宁市委员会"
        assert f.canonical("市委", other)[0] == "中共临沂市委员会"
        assert f.canonical("市发改委", other) == AgencyFinder().canonical("市发改委", other)
    assert len(f._canonical_of) >= 3
    monkeypatch.setattr(agencies, "_CANONICAL_KEPT", 2)
    assert f.canonical("市住建局", CTX)[0] == "济宁市住房和城乡建设局"
    assert len(f._canonical_of) <= 2


def test_agencies_hierarchy_and_kind():
    f = AgencyFinder()
    label, kind, parent = f.canonical("市公安局", CTX)
    assert (kind, parent) == ("GovernmentAgency", "济宁市人民政府")
    assert f.canonical("市纪委", CTX)[2] == "中共济宁市委员会"
    assert f.canonical("市中级人民法院", CTX)[1] == "Court"


@pytest.mark.parametrize("text,surface,label", [
    ("在新材料与先进制造国家级重点实验室的支持下,", "新材料与先进制造国家级重点实验室", "新材料与先进制造国家级重点实验室"),
    ("各民主党派、工商联负责同志参加。", "工商联", "济宁市工商业联合会"),
    ("成立全市稳就业保民生工作指挥部,统筹推进。", "全市稳就业保民生工作指挥部", "济宁市稳就业保民生工作指挥部"),
    ("市电子信息及零部件产业链专班要主动作为。", "市电子信息及零部件产业链专班", "济宁市电子信息及零部件产业链专班"),
])
def test_agencies_without_place_or_suffix_words(text, surface, label):
    found = {a.surface: a.label for a in AgencyFinder().find(text, CTX)}
    assert found.get(surface) == label


@pytest.mark.parametrize("text", [
    "推动我市电子及零部件产业驶上快车道。",
    "企业联合山东建筑学院组建研究中心。",
    "建成后可有效解决周边学校医院停车难问题。",
])
def test_agencies_not_found_in_clauses(text):
    found = {a.surface for a in AgencyFinder().find(text, CTX)}
    assert not any(s.startswith(("我市电子", "企业联合", "建成后")) for s in found)


@pytest.mark.parametrize("text,expected", [
    ("人居环境委员会主任委员赵文斌致词。", {("赵文斌", "主任委员", "人居环境委员会")}),
    ("在活动中,除了绿野集团董事长钱立新,还有多位嘉宾。", {("钱立新", "董事长", None)}),
])
def test_chains_compound_titles_and_clause_prefixes(parser, text, expected):
    got = {(n, r, a) for n, r, a, _ in _holdings(parser, text, Context())}
    assert got == expected


@pytest.mark.parametrize("text,surface,kind", [
    # a county-level city (no prefecture city) before a body only a place has; the chain runs on
    ("4月6日，义乌市公安局城西派出所接到报警。", "义乌市公安局城西派出所", "GovernmentAgency"),
    ("外交部领事司和中国驻法国大使馆提醒中国公民。", "中国驻法国大使馆", "GovernmentAgency"),
    ("原中国足协纪律委员会主任王某明。", "中国足协纪律委员会", "Association"),  # an association's committee
    ("会上，市青年足球俱乐部负责人发言。", "市青年足球俱乐部", "Organization"),  # a club, no 部 of a government
])
def test_agencies_county_cities_embassies_and_the_kinds_of_organs(text, surface, kind):
    found = {a.surface: a.kind for a in AgencyFinder().find(text, Context())}
    assert found.get(surface) == kind, found


def test_agencies_a_firms_department_is_the_firms():
    assert AgencyFinder().canonical("安居物业市场研究部", Context())[1] == "Company"


def test_agencies_a_county_level_city_after_a_verb_is_its_own(parser):
    got = {(n, r, a) for n, r, a, _ in _holdings(parser, "他是义乌市委书记王某明。", Context())}
    assert got == {("王某明", "书记", "中共义乌市委员会")}
    got = {(n, r, a) for n, r, a, _ in _holdings(parser, "会上，青州市副市长赵文斌致词。", Context())}
    assert got == {("赵文斌", "副市长", "青州市人民政府")}  # a county-level city named alone before its title
    assert not any(a.surface.startswith("点城市") for a in AgencyFinder().find("全国多个重点城市人民政府参加。", Context()))


@pytest.mark.parametrize("text,wrong,right", [
    ("青禾区地处全省两轴多中心的东部，", "青禾区地处全省两轴多中心", None),  # a place's clause of location
    ("山东农商行和天津农村合作银行除外。", "山东农商行和天津农村合作银行", "天津农村合作银行"),  # two names
    ("中国人保参股深圳市商业银行。", "中国人保参股深圳市商业银行", "深圳市商业银行"),  # a clause, then a name
    ("叙利亚政府军所有地面部队24日开始演习。", "叙利亚政府", None),  # 政府军 is a word: no government
    ("该行又再次中标蓝海集团现金管理业务。", "再次中标蓝海集团", None),  # an adverb: a clause
    ("海滩也有一栋山水别墅博物馆，", "一栋山水别墅博物馆", None),  # a count
    ("由东湖大学与南山生物研究院联合建设。", "东湖大学与南山生物研究院", "南山生物研究院"),  # two names
])
def test_agencies_are_no_clause_fragments(text, wrong, right):
    found = {a.surface for a in AgencyFinder().find(text, Context())}
    assert wrong not in found, found
    assert right is None or right in found, found



@pytest.mark.parametrize("text,wrong,right", [
    # a verb with an aspect particle (去过, 看着) and a determiner (所有): the clause ends before the name
    ("所有去过青松美术博物馆的游客都说值得。", "所有去过青松美术博物馆", "青松美术博物馆"),
    ("看着东湖科技学院的学生们离开。", "看着东湖科技学院", "东湖科技学院"),
    ("诸如现代艺术博物馆这样的机构很多。", "诸如现代艺术博物馆", "现代艺术博物馆"),  # 诸如 leads to the name
    # a count (多家, 首家) is no part of a name
    ("等10多家企业集团签署了协议。", "多家企业集团", None),
    ("俄罗斯首家森林博物馆开放。", "俄罗斯首家森林博物馆", None),
    # numbers and nouns of a plan: a concept, no body
    ("省两轴两带多中心的格局已经形成。", "省两轴两带多中心", None),
    # a class of places, or 全国/全省, before an office every place has; schools of a kind: groups
    ("全国大城市人民政府都要重视。", "全国大城市人民政府", None),
    ("全国地级市市委书记王某明说，", "全国地级市市委", None),
    ("全省中小企业局长座谈会召开。", "全省中小企业局", None),
    ("全国税务局要落实减税政策。", "全国税务局", None),
    ("全国中小学的老师参加培训。", "全国中小学", None),
    # a venue is a place, no body
    ("市国际会展中心举行开幕式。", "市国际会展中心", None),
    ("峰会在省国际博览中心举行。", "省国际博览中心", None),
    ("市民在市音乐厅欣赏演出。", "市音乐厅", None),
    ("游客来到市中心参观。", "市中心", None),  # the centre of a city
])
def test_agencies_are_no_clauses_concepts_groups_or_venues(text, wrong, right):
    found = {a.surface for a in AgencyFinder().find(text, Context())}
    assert wrong not in found, found
    assert right is None or right in found, found


def test_agencies_a_branchs_unit_is_one_name_with_its_firm():
    # 银行卡 is a word (no 银行 ends there); the firm is written before the branch's city
    found = {a.surface for a in AgencyFinder().find("而工行深圳分行银行卡部副总经理王某明认为，",
                                                     Context(city="深圳市", province="广东省"))}
    assert found == {"工行深圳分行银行卡部"}


@pytest.mark.parametrize("text,surface", [
    ("市国有资产监督管理委员会主任李某华出席。", "市国有资产监督管理委员会"),  # 国有 is no determiner
    ("市不动产所有权登记中心搬迁。", "市不动产所有权登记中心"),  # nor 所有权
    ("市会展中心管理委员会主任赵某明出席。", "市会展中心管理委员会"),  # the body that runs a venue
    ("市国际会议中心主任赵某明介绍。", "市国际会议中心"),  # a post of it: a body runs it
    ("全国人大常委会办公厅发布通知。", "全国人大常委会办公厅"),  # a nationwide body and its office
    ("全国老龄工作委员会办公室发布报告。", "全国老龄工作委员会办公室"),
    ("全国妇联组织部部长王某明说，", "全国妇联组织部"),
    ("四川三星电子有限公司成立。", "四川三星电子有限公司"),  # the number follows a place's name
    ("市一带一路研究中心成立。", "市一带一路研究中心"),
    ("市中心医院院长王某明说，", "市中心医院"),
])
def test_agencies_whose_names_hold_those_words(text, surface):
    assert surface in {a.surface for a in AgencyFinder().find(text, Context())}


@pytest.mark.parametrize("text,surface,label,kind", [
    # jieba reads 建行, 招行 as verbs: the short form opens its branch's name all the same (a
    # firm's unit keeps its name as written)
    ("建行深圳分行信用卡中心总经理王某明说，", "建行深圳分行信用卡中心", "建行深圳分行信用卡中心", None),
    ("招行杭州分行行长杨某军说，", "招行杭州分行", "招行杭州分行", "Company"),
    ("工行北京分行行长李某华表示，", "工行北京分行", "工行北京分行", "Company"),
    # alone, the bank by its full name
    ("据了解，中行董事长赵某明出席。", "中行", "中国银行", "StateOwnedEnterprise"),
    ("农行副行长钱某说，", "农行", "中国农业银行", "StateOwnedEnterprise"),
    ("建行、交行的行长都说，", "建行", "中国建设银行", "StateOwnedEnterprise"),
    ("截至目前，工商银行已入股两家信托公司。", "工商银行", "中国工商银行", "StateOwnedEnterprise"),
])
def test_agencies_banks_by_their_short_forms(text, surface, label, kind):
    found = {a.surface: a for a in AgencyFinder().find(text, Context())}
    assert surface in found, found
    assert found[surface].label == label and kind in (None, found[surface].kind)


@pytest.mark.parametrize("text", ["中央行政机关负责人说，", "其中行业协会的会长说，", "要提交行政复议申请。", "施工行业发展很快。"])
def test_agencies_a_short_form_inside_other_words_is_none(text):
    assert not AgencyFinder().find(text, Context())


@pytest.mark.parametrize("text,found", [
    ("报道称，工行收购南山银行的谈判即将完成。", {"工行"}),  # a verb after the short form: a clause, no unit of it
    ("上海工行率先推出新业务。", set()),  # a place before it: the branch there, which the grammar leaves to the recogniser
    ("沪工行有关负责人说，", set()),  # a place's one-character name too
    ("欧洲央行行长说，", set()),  # another bank, ending in the short form
    ("日本央行行长说，", {"日本央行"}),  # a country's: its own body, as written
    ("办卡的工行支行一一询问。", {"工行支行"}),  # 支行, which jieba reads as a verb, is a suffix
])
def test_agencies_a_short_form_opens_only_its_own_units(text, found):
    assert {a.surface for a in AgencyFinder().find(text, Context())} == found



def _grammar_posts(text: str, city: str | None = None) -> set[tuple]:
    """(person, title, agency) of the posts the grammar alone gives a one-article page."""
    from kg.builder import extract_source
    from kg.records import Source

    ex = extract_source(Source(id="t", path="<t>", raw=text, layout="article", date="2024-05-01", city=city),
                        use_model=False)[0]
    return {(h.person, h.role, h.agency.label) for h in ex.holdings}


@pytest.mark.parametrize("text,expected", [
    # a clause before a body that a title follows: pronouns, speech and modal verbs open it
    ("我们要高度重视人民医院院长王立平同志的意见。", {("王立平", "院长", "人民医院")}),
    ("他们一致认为长江大学校长陈国华的讲话很好。", {("陈国华", "校长", "长江大学")}),
    # a name never starts inside a word jieba reads across its edge (推进|新区, 桐乡|经济开发区)
    ("积极推进新区建设管委会主任刘建明到会。", {("刘建明", "主任", "新区建设管理委员会")}),
    ("桐乡经济开发区管委会主任钱玉林讲话。", {("钱玉林", "主任", "桐乡经济开发区管理委员会")}),
    ("东湖高新技术产业开发区管委会主任王某明讲话。", {("王某明", "主任", "东湖高新技术产业开发区管理委员会")}),
    # a zone or plan named by numbers: its office is named whole, never cut inside the count
    ("三区两带规划办公室主任张文明介绍情况。", {("张文明", "主任", "三区两带规划办公室")}),
    ("两区一园管委会主任赵德胜出席会议。", {("赵德胜", "主任", "两区一园管理委员会")}),
    # a class of places before a body only a place has: a group of bodies, no city's own
    ("我国大城市人民政府市长周建国表示，", set()),
    ("地级市人民政府副市长张建华出席。", set()),
    ("要求各地级市市委书记王某明参加。", set()),
    # a place's name holds no clause's words (中的, 他说)
    ("《人民的名义》中的县委书记易学习深受观众喜爱。", {("易学习", "书记", "中共县委员会")}),
    ("他说县委书记王某明来了。", {("王某明", "书记", "中共县委员会")}),
])
def test_chains_an_agency_is_never_a_clause_fragment(text, expected):
    assert _grammar_posts(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("会上，中江县委书记李某明讲话。", ("李某明", "书记", "中共中江县委员会")),  # 中 opens a county's name
    ("湖州市人民医院院长孙志强出席。", ("孙志强", "院长", "湖州市人民医院")),  # a hospital after its city
    ("高新区建设管理委员会主任周光明讲话。", ("周光明", "主任", "高新区建设管理委员会")),
    ("经济开发区管委会副主任刘伟介绍。", ("刘伟", "副主任", "经济开发区管理委员会")),
    ("我爱我家房地产经纪公司副总裁胡某明说，", ("胡某明", "副总裁", "我爱我家房地产经纪公司")),  # 我 alone: a firm's
    ("推动传统产业绿市科技局局长王某明介绍，", ("王某明", "局长", "济宁市科学技术局")),  # a character glued by damage
    ("我市生态环境局局长赵某华介绍，", ("赵某华", "局长", "济宁市生态环境局")),  # 我市: the page's city
])
def test_chains_real_bodies_with_those_characters_stay_whole(text, expected):
    assert expected in _grammar_posts(text, city="济宁市")


def test_agencies_no_county_of_a_clause():
    from kg.nlp.agencies import infer_context

    assert infer_context("《人民的名义》中的县委书记易学习深受观众喜爱。").county is None
    assert infer_context("青禾县委书记李某明说，青禾县委要求全县干部").county == "青禾县"


@pytest.mark.parametrize("text,expected", [
    # 团 before a level's committee or the centre: the Communist Youth League's, not the Party's
    ("团市委书记孙丽华出席。", {("孙丽华", "书记", "共青团济宁市委员会")}),
    ("山东省召开会议。团省委副书记马建军讲话。", {("马建军", "副书记", "共青团山东省委员会")}),
    ("会上,团县委书记何文斌发言。", {("何文斌", "书记", "共青团县委员会")}),  # no county named: the level alone
    ("团中央书记处书记韩立新讲话。", {("韩立新", "书记", "中国共产主义青年团中央委员会书记处")}),
    ("共青团中央书记处第一书记韩立新讲话。", {("韩立新", "第一书记", "中国共产主义青年团中央委员会书记处")}),
    # the place written: before 团 (the level twice), or after 共青团
    ("会上,泗水县团县委书记冯晓东讲话。", {("冯晓东", "书记", "共青团泗水县委员会")}),
    ("共青团泗水县委书记冯晓东讲话。", {("冯晓东", "书记", "共青团泗水县委员会")}),
    # the Party's committee and the League's side by side
    ("市委书记钱志远、团市委书记许国平出席。",
     {("钱志远", "书记", "中共济宁市委员会"), ("许国平", "书记", "共青团济宁市委员会")}),
])
def test_chains_youth_league_committees_are_the_leagues(text, expected):
    assert _grammar_posts(text, city="济宁市") == expected


def test_chains_youth_league_committee_of_the_pages_county():
    text = "泗水县召开青年工作会议。县委书记钱志远出席,团县委书记许国平主持。泗水县各乡镇参加。"
    assert _grammar_posts(text, city="济宁市") == {
        ("钱志远", "书记", "中共泗水县委员会"), ("许国平", "书记", "共青团泗水县委员会")}


@pytest.mark.parametrize("surface,label", [
    ("团县委", "共青团泗水县委员会"),
    ("县团委", "共青团泗水县委员会"),
    ("共青团泗水县委员会", "共青团泗水县委员会"),
    ("团市委宣传部", "共青团济宁市委宣传部"),
    ("共青团中央", "中国共产主义青年团中央委员会"),
    ("团中央", "中国共产主义青年团中央委员会"),
])
def test_agencies_youth_league_canonical_names(surface, label):
    ctx = Context(city="济宁市", province="山东省", county="泗水县")
    assert AgencyFinder().canonical(surface, ctx)[:2] == (label, "Association")


@pytest.mark.parametrize("text", ["某某集团县委书记", "代表团中央委员", "团结县委班子"])
def test_agencies_a_league_mark_inside_another_word_is_none(text):
    assert not any(a.label.startswith(("共青团", "中国共产主义青年团"))
                   for a in AgencyFinder().find(text, Context(county="泗水县")))


def test_agencies_no_county_named_by_the_league_mark():
    from kg.nlp.agencies import infer_context

    assert infer_context("团县委书记许国平说,团县委要求全县青年").county is None


@pytest.mark.parametrize("text", [
    # a body with no place after a sentence's end, a bracket or a quote: its post is kept
    "县委书记王建国出席会议并讲话。人民医院院长陈志远汇报了医院工作。",
    "会议召开;人民医院院长陈志远汇报了医院工作。",
    "陈志远(人民医院院长)汇报了医院工作。",
    "“人民医院院长陈志远表示,医院将扩建。",
])
def test_chains_a_body_without_a_place_after_a_sentence_end(text):
    assert ("陈志远", "院长", "人民医院") in _grammar_posts(text)
    assert unplaced("人民医院")


def test_chains_a_hospital_post_on_a_whole_page(tmp_path):
    """An invented county page that never names its county: the hospital's post is kept, its
    body unplaced (the page's own node)."""
    from click.testing import CliRunner
    from rdflib import Graph

    from kg.cli import cli

    page = tmp_path / "page-2024-03-05.txt"
    page.write_text("全县召开卫生健康工作会议\n\n本报讯（记者　张明）3月5日，全县卫生健康工作会议召开。县委书记王建国出席会议"
                    "并讲话。人民医院院长陈志远汇报了医院工作。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(page), "-o", str(out), "-q", "--no-html"])
    assert result.exit_code == 0, result.output
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    rows = {(str(r[0]), str(r[1])) for r in graph.query("""
        PREFIX org: <http://www.w3.org/ns/org#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?name ?org WHERE { ?p org:heldBy ?person ; org:postIn ?o . ?person rdfs:label ?name . ?o rdfs:label ?org }""")}
    assert ("陈志远", "人民医院") in rows


@pytest.mark.parametrize("text,surface,label", [
    # international organisations by their known names and short forms (genre vocabulary)
    ("北约秘书长说，", "北约", "北大西洋公约组织"),
    ("欧佩克决定减产。", "欧佩克", "石油输出国组织"),
    ("联合国安理会通过决议。", "联合国安理会", "联合国安全理事会"),
    ("安理会通过决议。", "安理会", "联合国安全理事会"),
    ("世卫组织总干事说，", "世卫组织", "世界卫生组织"),
    ("欧盟委员会主席说，", "欧盟委员会", "欧洲联盟委员会"),
    ("东盟秘书处发表声明。", "东盟秘书处", "东南亚国家联盟秘书处"),  # a unit, under the full name
    # a foreign country's or city's body with a suffix China's bodies never have
    ("洛杉矶警察局局长说，", "洛杉矶警察局", "洛杉矶警察局"),
    ("卡迪夫地方法院判决，", "卡迪夫地方法院", "卡迪夫地方法院"),
    ("美参议院通过法案。", "美参议院", "美国参议院"),
    ("美国国会众议院议长说，", "美国国会众议院", "美国国会众议院"),
    ("日本外务省发言人说，", "日本外务省", "日本外务省"),
    ("英国下议院表决，", "英国下议院", "英国下议院"),
])
def test_agencies_foreign_and_international_bodies(text, surface, label):
    found = {a.surface: a for a in AgencyFinder().find(text, Context())}
    assert surface in found, found
    assert (found[surface].label, found[surface].kind, found[surface].parent) == (label, "Organization", None)
    # a state's body (CLUENER's government) where its suffix is one only another country has
    assert foreign_state_body(found[surface]) == (not label.startswith(("北大西洋", "石油", "联合国", "世界", "欧洲", "东南亚")))


@pytest.mark.parametrize("text,found", [
    ("河北约有三千人参加。", set()),  # 河北|约: no 北约 inside another word
    ("东北约占一半。", set()),
    ("美国会议代表说，", set()),  # 美国|会议: no 国会 of a one-character country
    ("中国-东盟博览会秘书处副秘书长说，", set()),  # another body, named after 东盟: none of its units
    ("欧佩克成员国石油部长会议召开。", set()),
])
def test_agencies_international_short_forms_inside_other_words(text, found):
    got = {a.surface: a for a in AgencyFinder().find(text, Context())}
    assert set(got) == found
    assert all(not a.label.startswith("东南亚国家联盟") for a in got.values())


def test_chains_foreign_bodies_are_never_chinas(parser):
    assert _holdings(parser, "美国国会众议院议长佩某西说，", Context()) == {
        ("佩某西", "议长", "美国国会众议院", False)}
    assert _holdings(parser, "北约秘书长斯托尔滕贝格说，", Context()) == {
        ("斯托尔滕贝格", "秘书长", "北大西洋公约组织", False)}
    # guards: a country's head stays its government's; China's bodies stay China's
    assert _holdings(parser, "美国总统拜某登说，", Context()) == {("拜某登", "总统", "美国政府", False)}
    assert _holdings(parser, "中国外交部发言人汪某文说，", Context()) == {
        ("汪某文", "发言人", "中华人民共和国外交部", False)}
    assert {a.label for a in AgencyFinder().find("市公安局和市中级人民法院", CTX)} == {
        "济宁市公安局", "济宁市中级人民法院"}
