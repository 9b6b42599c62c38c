"""Programs: 《》 documents, quoted names with their head noun, head-noun names, agency links."""
import pytest

from kg.nlp.programs import extract_programs, find_program_spans, program_label
from kg.records import AgencyMention, Article, Evidence

DATE = "2024-06-20"


def article(text: str, headline: str = "") -> Article:
    return Article(id="t", source="s", index=0, headline=headline, text=text,
                   offsets=list(range(len(text))), raw=text, date=DATE)


def names(text: str) -> list[str]:
    """Program names (labels), slogans left out."""
    return [p.name for p in extract_programs(article(text)) if p.kind != "slogan"]


def kinds(text: str) -> dict[str, str]:
    return {p.name: p.kind for p in extract_programs(article(text))}


@pytest.mark.parametrize("text,name,kind", [
    ("县里印发了《关于加快数字乡村建设的实施意见》。", "《关于加快数字乡村建设的实施意见》", "policy-document"),
    ("编制《某县国土空间总体规划》。", "《某县国土空间总体规划》", "plan"),
    ("全面落实“8+4”工作体系和“345”工作思路。", "“345”工作思路", "work-approach"),
    ("深入推进“放管服”改革，打造“无证明城市”品牌。", "“无证明城市”品牌", "brand"),
    ("学习推广新时代“浦江经验”。", "新时代“浦江经验”", "model"),
    ("全力实施乡村振兴五年行动计划。", "乡村振兴五年行动计划", "plan"),
    ("启动城乡供水一体化工程。", "城乡供水一体化工程", "project"),
    ("成功获批国家级县域商业体系建设示范区。", "国家级县域商业体系建设示范区", "pilot"),
    ("争创全国社会信用体系建设试点。", "全国社会信用体系建设试点", "pilot"),
    ("打好碧水保卫战和净土保卫战。", "净土保卫战", "campaign"),
    ("新入选齐鲁青年领军人才5人。", "齐鲁青年领军人才", "talent-program"),
    ("组建新能源汽车产业创新联盟。", "新能源汽车产业创新联盟", "alliance"),
    ("打造10分钟健身圈。", "10分钟健身圈", "project"),
])
def test_programs_kinds(text, name, kind):
    found = {p.name: p.kind for p in extract_programs(article(text))}
    assert found.get(program_label(name)) == kind, found


@pytest.mark.parametrize("text,absent", [
    ("全年实施重点项目120个。", "重点项目"),
    ("完成各类改造项目35个。", "改造项目"),
    ("“我们一定要把这件事办好，让群众满意。”他说。", "我们一定要把这件事办好，让群众满意。"),
    ("在“某市乡村振兴”主题新闻发布会上，局长介绍。", "“某市乡村振兴”"),
    ("推动战略性新兴产业发展。", "战略"),
    ("不断完善现代城市治理模式。", "现代城市治理模式"),
    ("与“某某智能制造产业学院”签约。", "“某某智能制造产业学院”"),
    ("提前完成“到2025年建成不少于80家驿站”的目标。", "“到2025年建成不少于80家驿站”"),
])
def test_programs_not_programs(text, absent):
    assert absent not in names(text)


def test_programs_count_before_name_is_left_out():
    assert "12个美丽乡村示范试点" not in names("建成12个美丽乡村示范试点。")
    assert "美丽乡村示范试点" in names("建成12个美丽乡村示范试点。")


def test_programs_each_name_once_per_article():
    out = names("实施“强县富民”工程。持续推进“强县富民”工程。")
    assert out == ["强县富民工程"]


def test_programs_link_agency_that_issues_it():
    text = "近日，县财政局印发《县级财政衔接资金管理办法》，规范资金使用。"
    s = text.index("县财政局")
    ev = Evidence("s", "t", s, s + 4, "县财政局")
    ag = AgencyMention("县财政局", "某县财政局", "某县财政局", "GovernmentAgency", "t", ev, start=s, end=s + 4)
    (p,) = extract_programs(article(text), [ag])
    assert p.agencies == ("某县财政局",)


def test_programs_no_link_without_lead_verb():
    text = "县财政局局长出席，会上解读了《县级财政衔接资金管理办法》。"
    s = text.index("县财政局")
    ev = Evidence("s", "t", s, s + 4, "县财政局")
    ag = AgencyMention("县财政局", "某县财政局", "某县财政局", "GovernmentAgency", "t", ev, start=s, end=s + 4)
    (p,) = extract_programs(article(text), [ag])
    assert p.agencies == ()


def test_programs_evidence_is_the_name_span():
    text = "全面实施“一网通办”改革。"
    sp = find_program_spans(text)
    assert [(text[x.start:x.end]) for x in sp] == ["“一网通办”"]
    (p,) = extract_programs(article(text))
    assert p.evidence.anchor == "“一网通办”"


def test_program_spans_left_edge_and_modifiers():
    from kg.nlp.programs import find_program_spans
    spans = find_program_spans("实施产业振兴三年行动计划和乡村振兴示范工程")
    assert [(s.start, s.end, s.name, s.kind) for s in spans] == [
        (2, 12, "产业振兴三年行动计划", "plan"), (13, 21, "乡村振兴示范工程", "project")]
    spans = find_program_spans("新时代“枫桥经验”和省“十四五”规划")
    assert [(s.name, s.kind) for s in spans] == [("新时代“枫桥经验”", "model"), ("省“十四五”规划", "plan")]


# ---- the decision policy (issue 15): evidence, kinds, slogans, labels, abbreviations -----

@pytest.mark.parametrize("text,name,kind", [
    ("各地要认真贯彻实施种子法，保护品种权。", "种子法", "law"),
    ("司法部起草了《某省物业管理条例》。", "某省物业管理条例", "regulation"),
    ("继续实施稳健的货币政策。", "稳健的货币政策", "policy"),
    ("今年实施积极财政政策，扩大有效投资。", "积极财政政策", "policy"),
    ("落实带薪年休假制度，保障职工权益。", "带薪年休假制度", "system"),
    ("落实“首问负责”制度。", "首问负责制度", "system"),
    ("全面推行林长制。", "林长制", "system"),
    ("开展“春风送岗”活动，帮助农民工就业。", "春风送岗活动", "activity"),
    ("推进长江经济带发展。", "长江经济带发展", "strategy"),
    ("实施区域协调发展战略。", "区域协调发展战略", "strategy"),
    ("开展打击侵权假冒专项行动。", "打击侵权假冒专项行动", "campaign"),
    ("全面推行“一件事一次办”。", "一件事一次办", "work-approach"),
    ("完成城镇老旧小区改造5万户。", "城镇老旧小区改造", "project"),
])
def test_programs_policy_finds_named_programs(text, name, kind):
    assert kinds(text).get(name) == kind, kinds(text)


@pytest.mark.parametrize("text,absent", [
    ("要改进工作方法，依法办事。", "工作方法"),          # a method, not a law
    ("完善消费政策，培育新的增长点。", "消费政策"),        # a common noun: no verb, no stance
    ("有的人参与犯罪活动。", "犯罪活动"),                  # 活动 without a governing verb
    ("建立健全激励和约束机制。", "激励和约束机制"),        # a list of common nouns
    ("深化教育经费管理制度改革。", "教育经费管理制度"),    # the object of a reform
    ("加快形成基础制度。", "基础制度"),                    # too short to name one
    ("严肃查处违规新建的高尔夫球场项目。", "违规新建的高尔夫球场项目"),
    ("向社会资本推出一批投资项目。", "一批投资项目"),
    ("破除以药养医机制。", "以药养医机制"),                # what is abolished
    ("今年企业投资意愿强、新开工项目多。", "今年企业投资意愿强、新开工项目"),
])
def test_programs_policy_drops_common_nouns_and_fragments(text, absent):
    found = names(text)
    assert absent not in found and not any(absent.endswith(n) and len(n) > 2 for n in found), found


@pytest.mark.parametrize("text,slogan", [
    ("这种“保姆式”服务让企业省心。", "保姆式"),             # a …式 adjective
    ("着力解决群众反映的“急难愁盼”问题。", "急难愁盼"),      # a theme: "…"问题
    ("村民们都叫他“泥腿子书记”。", "泥腿子书记"),           # a nickname
    ("干部要有“一鼓作气”的劲头。", "一鼓作气"),             # an idiom: "…"的
    ("减负也是“放水养鱼”。", "放水养鱼"),                   # a metaphor after 是
])
def test_programs_quoted_catchwords_are_slogans_not_programs(text, slogan):
    found = kinds(text)
    assert found.get(slogan) == "slogan", found
    assert slogan not in names(text)


def test_programs_negated_quotation_is_neither_program_nor_slogan():
    assert kinds("坚决杜绝“面子工程”和“花架子工程”。") == {}


def test_programs_quotation_needs_evidence_to_be_a_program():
    # a governing verb, a head after it, 改革 after it, or a modifier before it make it one
    assert kinds("深入推行“最多跑一次”。") == {"最多跑一次": "work-approach"}
    assert kinds("深化“一窗受理”改革。") == {"一窗受理": "work-approach"}
    assert kinds("编制省“十五五”规划。")["省十五五规划"] == "plan"
    # the same words with nothing that makes them a program
    assert kinds("群众说这是“最多跑一次”。") == {"最多跑一次": "slogan"}


def test_programs_labels_drop_quotes_book_marks_and_ordinals():
    assert program_label("第二批“乡村振兴”示范试点") == "乡村振兴示范试点"
    assert program_label("首批国家级夜间文化和旅游消费集聚区") == "国家级夜间文化和旅游消费集聚区"
    assert program_label("《某县国土空间总体规划》") == "某县国土空间总体规划"
    (p,) = extract_programs(article("我县入选第三批全国乡村治理示范试点。"))
    assert p.name == "全国乡村治理示范试点" and p.kind == "pilot"
    assert p.evidence.anchor == "第三批全国乡村治理示范试点"  # the evidence stays as written


def test_programs_abbreviation_is_an_alt_label_of_the_full_name():
    text = "省政府印发《关于支持小微企业发展的若干措施》（以下简称“小微十条”），各地要抓好“小微十条”落实。"
    found = extract_programs(article(text))
    assert [(p.name, p.kind, p.alt_labels) for p in found] == [
        ("关于支持小微企业发展的若干措施", "policy-document", ("小微十条",))]
    text = "实施乡村建设示范工程（简称“示范工程”）。"
    (p,) = extract_programs(article(text))
    assert (p.name, p.alt_labels) == ("乡村建设示范工程", ("示范工程",))


def test_programs_rdf_writes_slogans_apart_with_evidence():
    from rdflib import RDF, URIRef
    from rdflib.namespace import PROV, SKOS

    from kg.graph.namespace import KG
    from kg.graph.rdf import GraphWriter
    from kg.graph.validate import validate

    text = "省政府印发《关于支持小微企业发展的若干措施》（以下简称“小微十条”），这种“保姆式”服务让企业省心。"
    writer = GraphWriter()
    for p in extract_programs(article(text)):
        writer.program(p)
    g = writer.g
    (program,) = g.subjects(RDF.type, KG.Program)
    (slogan,) = g.subjects(RDF.type, KG.Slogan)
    assert str(g.value(program, SKOS.prefLabel)) == "关于支持小微企业发展的若干措施"
    assert str(g.value(program, SKOS.altLabel)) == "小微十条"
    assert str(g.value(program, KG.programKind)) == "policy-document"
    assert str(g.value(slogan, SKOS.prefLabel)) == "保姆式"
    assert (slogan, RDF.type, KG.Program) not in g and g.value(slogan, KG.programKind) is None
    ev = g.value(slogan, PROV.wasDerivedFrom)
    from kg.graph.namespace import NIF
    begin, end = int(g.value(ev, NIF.beginIndex)), int(g.value(ev, NIF.endIndex))
    assert text[begin:end] == "“保姆式”" and isinstance(ev, URIRef)
    # SHACL: the program and the slogan conform (this graph has no articles for the evidence)
    def own(report):
        return [v for v in report.violations if "slogan" in v.focus or "program" in v.focus]
    assert own(validate(g)) == []
    g.remove((slogan, SKOS.prefLabel, None))  # a kg:Slogan without its words breaks its shape
    assert [v.message for v in own(validate(g))] == ["a kg:Slogan needs one skos:prefLabel (the words quoted)"]


# ---- news of the 1990s (issue 15): titles, references, organisations, quoted nouns

@pytest.mark.parametrize("text", [
    "他正在读长篇小说《远方的河》。",
    "据《晨光日报》报道，市场很热闹。",
    "晚会上演唱了《山村的早晨》。",
    "会上透露了上述计划。",
    "依照本条例规定办理。",
    "他是某大学战略与发展研究院研究员。",
    "活动由“某某文化传播中心”主办。",
])
def test_programs_news_titles_and_references_are_none(text):
    assert names(text) == []


@pytest.mark.parametrize("text,name,kind", [
    ("省政府印发《某省农村道路管理办法》。", "某省农村道路管理办法", "policy-document"),
    ("省里出台了《某省河道管理条例（试行）》。", "某省河道管理条例（试行）", "regulation"),
    ("他们建立了农贸市场经营者资格审查制。", "农贸市场经营者资格审查制", "system"),
    ("他们建立了资格审查制度。", "资格审查制度", "system"),
    ("市政府批准老城区改造计划。", "老城区改造计划", "plan"),
    ("会议对“两岸共同市场”构想作了阐述。", "两岸共同市场构想", "policy"),
])
def test_programs_news_documents_and_heads(text, name, kind):
    assert kinds(text).get(name) == kind, kinds(text)


def test_programs_quote_before_a_class_or_a_counted_noun_is_no_program():
    # "…"等各类公益活动: the quotation is one example of a class, the class no name
    assert names("积极参与“绿色家园”等各类公益活动。") == []
    # 组建了一支"…": a thing counted by a measure word, not a program however governed
    assert names("队里组建了一支“钢铁之师”。") == []


def test_programs_a_body_before_a_weak_verb_is_its_subject():
    assert names("市政府制定城乡道路建设规划。") == ["城乡道路建设规划"]


def _bureau(text: str, surface: str, key: str, parent: str | None) -> AgencyMention:
    s = text.index(surface)
    ev = Evidence("s", "t", s, s + len(surface), surface)
    return AgencyMention(surface, key, key, "GovernmentAgency", "t", ev, parent, start=s, end=s + len(surface))


def test_programs_implied_city_government_leads():
    # 我市 is no agency mention: the city's government, read from a bureau's parent, leads
    text = "市农业局局长介绍，我市积极探索“稻渔共生”模式，全年实施高标准农田建设工程。"
    bureau = _bureau(text, "市农业局", "某市农业农村局", "某市人民政府")
    found = {p.name: p.agencies for p in extract_programs(article(text), [bureau])}
    assert found["稻渔共生模式"] == ("某市人民政府",)
    assert found["高标准农田建设工程"] == ("某市人民政府",)


def test_programs_implied_leader_needs_subject_verb_and_government():
    text = "市农业局局长介绍，“稻渔共生”模式受到关注。"
    bureau = _bureau(text, "市农业局", "某市农业农村局", "某市人民政府")
    assert all(not p.agencies for p in extract_programs(article(text), [bureau]))  # no 我市
    text2 = "我市积极探索“稻渔共生”模式。"
    assert all(not p.agencies for p in extract_programs(article(text2), []))  # no government known
    text3 = "我市由市农业局牵头实施高标准农田建设工程。"
    bureau3 = _bureau(text3, "市农业局", "某市农业农村局", "某市人民政府")
    (p,) = [p for p in extract_programs(article(text3), [bureau3]) if p.kind != "slogan"]
    assert p.agencies == ("某市农业农村局",)  # a named agency leads, not the implied one


@pytest.mark.parametrize("text,absent,present", [
    # a clause fragment is cut after its preposition, pronoun, clause adverb or time word
    ("至此该基金会向春苗助学计划捐款三百万元。", "该基金会向春苗助学计划", "春苗助学计划"),
    ("他曾多次考察山区扶贫开发工程。", "曾多次考察山区扶贫开发工程", "山区扶贫开发工程"),
    # a quantifier or determiner before the head: a class or a reference, no name
    ("许多体育项目迅速普及。", "体育项目", None),
    ("县里将这两项水利工程全面开工。", "水利工程", None),
    ("又一次企业合并行动引起关注。", "企业合并行动", None),
    # the head begins a longer word: 计划生育, 战略目标, 战略眼光
    ("使全县计划生育工作由后进变为先进。", "使全县计划", None),
    ("一批有战略眼光的学者站了出来。", "一批有战略", None),
    # an operation of a named body, a kind of person
    ("据称，摩萨德行动的目标是一名商人。", "摩萨德行动", None),
    ("大批大师级学者来校讲学。", "大师级学者", None),
    # a clause word between a quotation and a head: no extension
    ("像“夏利”现在中心城区很多。", "夏利现在中心", None),
    # a system or policy named by its field: 资本主义制度, 产业政策
    ("按资本主义制度办事。", "资本主义制度", None),
])
def test_programs_clause_fragments_and_classes(text, absent, present):
    found = names(text)
    assert absent not in found, found
    if present:
        assert present in found, found


def test_programs_quoted_name_with_head_before_de_is_a_program():
    # “…工程”的: a quotation that ends in a head names a program even when 的 follows
    assert "百校援建工程" in names("“百校援建工程”的受助学校已有三十所。")


@pytest.mark.parametrize("text,absent", [
    ("在全国“小星星”杯少儿书画比赛中获奖。", "小星星"),  # a cup: an event's name
    ("湖南少儿社推出了“中国当代少年作家丛书”。", "中国当代少年作家丛书"),  # a book series
    ("国家“九五”重点图书已经出版。", "国家九五"),  # a modifier and a noun after: a period
    ("思想上的统一带来行动上的一致。", "统一带来行动"),  # in action
    ("『工程』一词原是各学科的总称。", "工程"),  # a word quoted as a word
    ("他们要求对方“伴随具体行动”。", "伴随具体行动"),  # a quoted clause that ends in a head
    ("山东省最大的污水处理项目建成。", "污水处理项目"),  # a description after 的
    ("与几内亚计划合作部长签署协定。", "几内亚计划"),  # a ministry's name
    ("对疾病的防治做出规划。", "防治做出规划"),  # a plan made, none named
    ("去年上半年新上农副产品加工项目占多数。", "农副产品加工项目"),  # a statistic's subject
    ("讨论辅助性原则的具体实施方案。", "具体实施方案"),  # 具体: no name
])
def test_programs_quotes_and_heads_that_name_nothing(text, absent):
    found = names(text)
    assert not any(absent in n for n in found), found


def test_programs_corner_quotes_and_pilot_places():
    # 『…』 quotes names as “…” does; 试点县 keeps the pilot
    assert "三下乡活动" in names("决定继续深入开展『三下乡』活动。")
    assert "山区综合开发试点" in names("该县被国家确定为山区综合开发试点县。")


@pytest.mark.parametrize("text,absent", [
    ("本届比赛设１６个竞赛项目，多数是奥运会和全运会项目。", "奥运会和全运会项目"),  # a sport's events
    ("某队捧得欧洲联盟杯。", "欧洲联盟"),  # a cup
    ("不能只热心于一些“面子工程”。", "面子工程"),  # a class word before a quotation: a catchword
    ("她乐意继续当好这个“红娘”。", "红娘"),
    ("他是全国“五一”劳动奖章获得者。", "五一"),  # a bare numeral in quotes: a date
    ("村干部另订“土政策”，加重农民负担。", "土政策"),  # one character before the head: a catchword
    ("谈不上“认真学习”、“积极探索”、“求真务实”。", "求真务实"),  # a verb inside a quotation governs nothing
    ("由多位专家讨论设计制定方案后实施。", "设计制定方案"),  # a lead verb right before the head
    ("引起了与会学者的广泛兴趣。", "会学者"),  # kinds of persons, no talent program
    ("我旅芬学者提出新的理论。", "旅芬学者"),
    ("学者提出物种相互作用新模式。", "物种相互作用新模式"),  # a new way, described
])
def test_programs_catchwords_events_and_descriptions(text, absent):
    found = names(text)
    assert not any(absent in n for n in found), found


def test_programs_one_character_boundary_inside_a_word():
    # 等 of 等级 is no boundary: the name reads on to the verb before it
    assert "全国少年业余训练等级标准活动" in names("由协会推广的全国少年业余训练等级标准活动今天启动。")


# issue 15, fifth round: kinds of false programs seen on blind batches of news (invented sentences)

@pytest.mark.parametrize("text,absent", [
    ("该国采取固定汇率制度已有多年。", "固定汇率制度"),  # a kind of system: no establish verb
    ("山地轮作耕种制度是当地的老传统。", "山地轮作耕种制度"),
    ("中学教育模式需要改变。", "中学教育模式"),  # a kind of model: no proper part
    ("大家要学习先进经验。", "先进经验"),
    ("学校开展课余兴趣小组活动。", "课余兴趣小组活动"),  # named after the group that holds it
    ("学校成立“环保志愿宣传小组”。", "环保志愿宣传小组"),  # an organisation in quotes
    ("评委会公布了优秀教师候选人名单。", "优秀教师候选人名单"),  # a list of people
    ("政府出台了一系列扶持政策。", "一系列扶持政策"),
    ("银行向湖北省重点建设项目提供贷款。", "湖北省重点建设项目"),  # a place's generic projects
    ("会议讨论了校区整体搬迁计划。", "校区整体搬迁计划"),  # a plan described by its field, ungoverned
    ("北京某某建筑工程有限公司成立。", "北京某某建筑工程"),  # the head inside a company's name
    ("他是国家发改委小城镇试点处处长。", "国家发改委小城镇试点"),
    ("人民阵线联盟总书记表示反对。", "人民阵线联盟"),
])
def test_programs_kinds_and_generic_nouns_are_none(text, absent):
    assert absent not in names(text)


@pytest.mark.parametrize("text", [
    "政府将尽快处理坏账迅速重建银行制度。",  # clause adverbs (尽快, 迅速) cut the fragment
    "要保障新区建设配套规划与资金。",  # a verb and its object opening the clause
    "支持合肥市道路改造和桥梁加固工程。",
    "日本政府计划在明年削减开支。",  # 计划 as a verb after a body
    "北约准备加入货币联盟。",
    "组织学生在校园科技活动中发挥作用。",  # the verb's object is in another frame (在…中)
])
def test_programs_clause_fragments_name_nothing(text):
    assert names(text) == []


@pytest.mark.parametrize("text,quoted", [
    ("他们实行“拿来主义”。", "拿来主义"),  # a doctrine by its ending, whatever governs it
    ("推行“顺手牵羊”。", "顺手牵羊"),  # an idiom
    ("推行“你办事我放心”。", "你办事我放心"),  # speech: a personal pronoun
    ("它成为当地创建卫生城市的示范“样板”。", "样板"),  # the verb governs a relative clause
])
def test_programs_governed_quotations_that_are_slogans(text, quoted):
    found = kinds(text)
    assert found.get(quoted, "slogan") == "slogan", found


@pytest.mark.parametrize("text,name,kind", [
    ("县里建立村级财务审计制度。", "村级财务审计制度", "system"),  # established: 建立
    ("县里启动校区整体搬迁计划。", "校区整体搬迁计划", "plan"),  # governed: 启动
    ("新村建房补助方案的出台受到欢迎。", "新村建房补助方案", "plan"),  # governed after: 的出台
    ("实施村级扶贫帮困工程的过程很艰苦。", "村级扶贫帮困工程", "project"),  # 实施…工程的…
    ("各地学习黑龙江模式。", "黑龙江模式", "model"),  # a model with a place
    ("坚持可持续发展战略不动摇。", "可持续发展战略", "strategy"),  # 可 + 持续 is no boundary
    ("决定实施９７３计划。", "９７３计划", "plan"),  # a coded plan, governed
    ("国会修改了“财政健全化法”。", "财政健全化法", "law"),  # a quoted law, governed
])
def test_programs_named_with_evidence(text, name, kind):
    assert kinds(text).get(name) == kind, kinds(text)


def test_programs_method_in_book_marks_is_no_law():
    assert names("推广《太极健身锻炼法》。") == []


@pytest.mark.parametrize("text,absent", [
    ("副委员长会见了北方进步联盟代表团。", "北方进步联盟"),  # an alliance no verb founds: a party
    ("该国宣布加入货币联盟。", "货币联盟"),
    ("我是城镇试点部的工作人员。", "城镇试点"),  # the head inside an office's name
    ("两位旅日学者介绍了研究。", "旅日学者"),  # persons counted, no talent program
    ("青年队世锦赛名单公布。", "青年队世锦赛名单"),  # a team's list for an event
])
def test_programs_bodies_and_lists_are_none(text, absent):
    assert absent not in names(text)


def test_programs_implementing_verbs_start_the_name():
    assert names("自从学校推行城镇居民医疗保险后，情况好转。") == ["城镇居民医疗保险"]
    assert kinds("组建新材料产业创新联盟。").get("新材料产业创新联盟") == "alliance"


def test_programs_company_law_and_general_rules_in_book_marks():
    found = kinds("双方就《公司法》、《海商法》和《企业财务通则》交换意见。")
    assert found.get("公司法") == "law" and found.get("海商法") == "law", found
    assert found.get("企业财务通则") == "regulation", found


def test_programs_acting_in_concert_is_no_campaign():
    assert names("该国决定与邻国一致行动，削减产量。") == []


@pytest.mark.parametrize("text,absent", [
    ("全国楼市“涨价风潮”来势汹汹。", "市“涨价风潮”"),  # 市 ends 楼市: no modifier of the quotation
    ("据某省计划和财政局人士透露，", "某省计划"),  # the head inside a bureau's name
    ("两架战略运输机起飞。", "两架战略"),  # counted things, no strategy
])
def test_programs_modifiers_bureaus_and_counted_things(text, absent):
    assert absent not in names(text) and program_label(absent) not in names(text)


@pytest.mark.parametrize("text,absent", [
    ("部分商场对“自营品牌”家用电器的销售提成较高。", "自营品牌"),  # a quotation modifying a compound noun after it
    ("馆方举办“首届全国青年版画联展”和“某某纪念学术研讨会”。", "首届全国青年版画联展"),  # an event, held
    ("“城市更新高峰论坛”作为协会主办的一个品牌活动已办了三届。", "城市更新高峰论坛作为协会主办的一个品牌活动"),
    ("他在某某大学任水利工程系主任。", "水利工程"),  # a department of a university
    ("某区建设工程质量安全监督站负责验收。", "某区建设工程"),  # a station's name
    ("由某某国际城市发展战略研究委员会主办。", "某某国际城市发展战略"),  # a committee's name
    ("出席的有建设部城乡规划顾问某某。", "建设部城乡规划"),  # a post's name
    ("从东门桥到项目只需十分钟车程。", "东门桥到项目"),  # a range: from … to the estate
    ("西溪公园项目周边交通便利。", "西溪公园项目"),  # a site by its proper name
    ("北京某茂·云园项目地处三环。", "北京某茂·云园项目"),  # a brand and its estate
    ("新型导弹首次用于空军战斗行动中。", "空军战斗行动"),  # a kind of action
    ("此次访问是某国海军第三舰队战略的一部分。", "某国海军第三舰队战略"),  # a body's own course
    ("北山森林公园一期工程已建成，二期工程主要完善功能。", "二期工程"),  # a phase of the project named before
    ("SF“特种部队”项目的交战地图是沙漠。", "特种部队项目"),  # a unit in quotes, no program
])
def test_programs_blind_news_kinds_are_none(text, absent):
    assert absent not in names(text) and program_label(absent) not in names(text)


def test_programs_byline_in_brackets_is_no_part_of_a_name():
    text = "新城报讯（记者王某某通讯员李某）全省农村公路提升工程电视电话会议昨日召开。"
    assert not [n for n in names(text) if "记者" in n or "报讯" in n], names(text)


def test_programs_text_cut_inside_a_title_or_a_quotation():
    # a text that starts after the opening mark it needed (a page or a line cut before it)
    assert kinds("某某省未成年人保护条例》实施情况的报告。").get("某某省未成年人保护条例") == "regulation"
    assert "东湖片区整体搬迁安置区项目" in names("东湖片区整体搬迁安置区”项目,该项目总投资2亿元。")
    assert names("好的”，他笑着说。") == []  # a cut quotation without evidence is no program
    assert names("某某高峰论坛》杂志的记者说。") == []  # a cut title that names no document


@pytest.mark.parametrize("text,absent", [
    ("某国为她举办“某某电影回顾展”。", "某某电影回顾展"),  # an exhibition, held
    ("影片《远山》（台湾译为“雪原行动”）下月上映。", "雪原行动"),  # a title's translation
    ("某银行推出了小微贷款新产品——“快易贷”。", "快易贷"),  # a product in apposition to 新产品
    ("今年某市共计划了300万平方米住房用地。", "某市共计划"),  # 计划了: the verb
    ("“今年中央政府重大公共投资项目中的住房建设进展顺利。", "中央政府重大公共投资项目"),  # a class
    ("作为西三环区域大型城市综合体项目，它将带来变化。", "西三环区域大型城市综合体项目"),  # a class
    ("某中心将继续保留传统象棋项目。", "保留传统象棋项目"),  # 继续|保留…: the clause's verb and object
    ("游戏新增“守城挑战模式”。", "守城挑战模式"),  # a kind of mode, of common words only
])
def test_programs_blind_news_kinds_are_none_2(text, absent):
    assert absent not in names(text) and program_label(absent) not in names(text)


def test_programs_named_quotations_still_named():
    # the head-ended quotation with a place, and the verb 计划 before 在: unchanged
    assert "苏城模式" in names("这里的做法被总结为“苏城模式”。")
    assert "乡村振兴三年行动计划" in names("全面实施乡村振兴三年行动计划。")
    assert "南江森林公园一期工程" in names("南江森林公园一期工程于去年建成开放。")


@pytest.mark.parametrize("text,absent", [
    ("“金山”家具公司首席工程师李某表示。", "金山家具公司首席工程"),  # a quotation widened across a company to a post
    ("玩家扮演一名精英行动小队的成员。", "精英行动"),  # the head qualifies the noun after it
    ("这是一款二战即时战略游戏。", "二战即时战略"),
    ("上周在会馆举办了首场“壶友品茶交流赛”。", "壶友品茶交流赛"),  # a contest, held
    ("它将成为城东区域标杆项目。", "城东区域标杆项目"),  # a grade, described
    ("以某中心为代表的高端城市综合体项目依次亮相。", "高端城市综合体项目"),
])
def test_programs_blind_news_kinds_are_none_3(text, absent):
    assert absent not in names(text) and program_label(absent) not in names(text)


def test_programs_edition_amount_and_outline():
    # an edition names a recurring activity; an amount governed right before names a plan
    assert "江东省第三届农民丰收节摄影活动" in names("江东省第三届农民丰收节摄影活动仍在进行中。")
    assert "犯罪活动" not in names("警方打击犯罪活动。")
    assert "2万亿稳增长计划" in names("在政府推出2万亿稳增长计划后，市场回暖。")
    assert kinds("《某国防卫计划大纲》的制定被推迟。").get("某国防卫计划大纲") == "plan"
    # the possessor of a figure keeps its name (…试点|并网容量)
    assert "整乡屋顶光伏开发试点" in names("5个整乡屋顶光伏开发试点并网容量为10万千瓦。")


@pytest.mark.parametrize("text,absent", [
    ("KR“疾风赛车”项目进入个人赛，先由某队出场。", "疾风赛车项目"),  # a contest's event
    ("某某象棋项目冠军由张某获得。", "某某象棋项目"),
    ("承袭原作的“飞索行动”特色，游戏更好玩。", "飞索行动"),  # the quotation qualifies the noun after it
    ("“疾风”是某国某某飞机制造公司研制的战机。", "疾风是某国某某飞机制"),  # no head inside 飞机|制造
    ("据了解，该局作出的《关于东门开口道路两侧规划房屋通风、", "东门开口道路两侧规划"),  # a title cut before 》
    ("其中制度沿袭某国教育制度，文凭被认可。", "制度沿袭某国教育制度"),  # a subject and its verb
])
def test_programs_blind_news_kinds_are_none_4(text, absent):
    assert absent not in names(text) and program_label(absent) not in names(text)


def test_programs_governed_project_in_a_contest_clause_is_kept():
    # a governing verb names the project whatever the clause says of prizes
    assert "青少年科技创新项目" in names("某市实施青少年科技创新项目，获奖选手将赴京。")


@pytest.mark.parametrize("text,absent", [
    ("东门作为国家战略产业带规划的节点，价值很高。", "国家战略产业带规划"),  # 作为 is no recipient's 为
    ("大地电玩零点行动》、《蓝色行动》都在榜上。", "大地电玩零点行动"),  # inside a title cut before its 《
    ("新作《半路蓝色行动》即将上市。", "半路蓝色行动"),  # inside a title
])
def test_programs_blind_news_kinds_are_none_5(text, absent):
    assert absent not in names(text) and program_label(absent) not in names(text)


def test_programs_named_strategy_draft_law_and_quoted_amount():
    assert "大企业战略" in names("我国钢铁业应进一步实施大企业战略。")  # a strategy about big firms, not a firm's
    assert kinds("会上作了关于《某某自治条例草案》的说明。").get("某某自治条例草案") == "regulation"
    assert "5000亿安居工程投资计划" in names("这一指标源出某部的“5000亿安居工程投资计划”。")


@pytest.mark.parametrize("text,absent", [
    ("某公司又宣布将推出第二款资料片“ShadowofStorm”。", "ShadowofStorm"),  # a work's title
    ("发言人表示，“北非战略联盟”将于下月成立。", "北非战略联盟"),  # an alliance, a body
    ("该项目为技术验证暨公益发射项目，由某某承担。", "技术验证暨公益发射项目"),  # a predicate classifies
    ("辽东多家城商行开始执行央行房贷政策。", "央行房贷政策"),  # a body's policy of a field
])
def test_programs_blind_news_kinds_are_none_6(text, absent):
    assert absent not in names(text) and program_label(absent) not in names(text)


def test_programs_recipient_frame_and_founded_alliance_kept():
    assert "希望工程" in names("近三年来为希望工程、扶贫救灾捐款达八千多元。")
    assert "新能源汽车产业创新联盟" in names("组建“新能源汽车产业创新联盟”。")


def test_programs_a_theme_education_campaign_is_named_with_its_quote():
    from kg.builder import extract_source
    from kg.records import Source

    text = "各地区各部门深入开展“某某初心、某某使命”主题教育。"
    ex = extract_source(Source(id="t", path="<t>", raw=text, layout="article"), use_model=False)[0]
    assert [(p.name, p.kind) for p in ex.programs] == [("某某初心、某某使命主题教育", "campaign")]


@pytest.mark.parametrize("text,name,kind", [
    # a regulation named without 《》 that an agency issues or amends (round 9)
    ("某省金融监管局昨日发布修正跨境资金往来许可办法，即日起施行。", "跨境资金往来许可办法", "policy-document"),
    ("市物价局日前印发了机动车停放服务收费管理办法。", "机动车停放服务收费管理办法", "policy-document"),
    ("某市住建委近日发布房屋租赁押金管理规定，今后，押金须存入专户。", "房屋租赁押金管理规定", "regulation"),
    ("某部出台小微企业信贷担保业务细则。", "小微企业信贷担保业务细则", "policy-document"),
    # a law named without 《》 that its clause amends, before a verb (修改|…保护法|列入)
    ("修改未成年人网络保护法列入了今年的立法计划。", "未成年人网络保护法", "law"),
])
def test_programs_unmarked_rules_issued_or_amended(text, name, kind):
    assert kinds(text).get(name) == kind, kinds(text)


def test_programs_unmarked_rules_listed_under_one_verb():
    found = kinds("某会发布证券经纪业务风险管理办法和证券公司分类评价规定。")
    assert found.get("证券公司分类评价规定") == "regulation", found


@pytest.mark.parametrize("text,absent", [
    ("要想办法解决群众的住房难题。", "想办法"),  # a way, no verb issues it
    ("按照公司内部管理规定，他被辞退。", "公司内部管理规定"),  # rules in general, not issued here
    ("某局发布通知要求各地严格执行安全管理规定，", "通知要求各地严格执行安全管理规定"),  # a clause
    ("该局出台相关配套管理办法。", "相关配套管理办法"),  # a class word: a reference
    ("某某银行出台房贷新政操作细则。", "房贷新政操作细则"),  # a bank's own rules: a product
    ("某行或修改二套房贷款审批细则", "二套房贷款审批细则"),  # a bank's, an adverb between
    ("他们制定了新的数据采集方法。", "新的数据采集方法"),  # a method
    ("会议审议通过了修改后的道路运输安全法实施条例。", "道路运输安全法"),  # the regulation of the law
    ("全国人大常委会修改食品卫生法律。", "食品卫生法"),  # 法律 is no law's name
])
def test_programs_unmarked_rules_none(text, absent):
    assert absent not in names(text) and program_label(absent) not in names(text)



@pytest.mark.parametrize("text,name", [
    # a body (its short form too: …会, …委, …部, …局, …署, …办, …院, …厅) and its issuing verb are the
    # subject and predicate of the clause, never part of the name after them (issue 15)
    ("某监会发布证券投资咨询机构信息披露管理办法。", "证券投资咨询机构信息披露管理办法"),
    ("某监会发布《证券投资咨询机构信息披露管理办法》。", "证券投资咨询机构信息披露管理办法"),
    ("某保监会发布互联网保险业务管理办法。", "互联网保险业务管理办法"),
    ("某某统计局发布统计调查项目管理办法。", "统计调查项目管理办法"),
    ("海关某署制定跨境电商零售进口管理办法。", "跨境电商零售进口管理办法"),
    ("某市教育厅发布中小学课后服务管理办法。", "中小学课后服务管理办法"),
    ("某某法院制定诉讼服务中心管理办法。", "诉讼服务中心管理办法"),
    ("某省政府办修订政务信息公开管理办法。", "政务信息公开管理办法"),
    ("某市人大常委会修订物业服务收费管理办法。", "物业服务收费管理办法"),
])
def test_programs_body_and_issuing_verb_are_no_part_of_the_name(text, name):
    assert names(text) == [name], names(text)


def test_programs_body_and_amending_verb_are_no_part_of_a_system():
    # 全国人大常委会修改|…制度: the body and its verb are evidence, not the name (修改 is no
    # boundary word elsewhere)
    found = names("全国人大常委会修改渔业捕捞许可制度。")
    assert found == ["渔业捕捞许可制度"], found


@pytest.mark.parametrize("text,name", [
    # a body's last character inside a name, with no issuing verb after it, stays in the name
    ("实施全省运动会场馆改造工程。", "全省运动会场馆改造工程"),
    ("推进社会组织培育孵化工程。", "社会组织培育孵化工程"),
])
def test_programs_body_characters_without_an_issuing_verb_stay(text, name):
    assert name in names(text), names(text)


@pytest.mark.parametrize("text,name,inner", [
    # a document named without marks that its clause issues wins over a head noun or a shape
    # inside it
    ("某社部发布城乡居民养老保险关系转移接续暂行办法。", "城乡居民养老保险关系转移接续暂行办法", "养老保险"),
    ("某部印发农村综合改革试点资金管理暂行办法。", "农村综合改革试点资金管理暂行办法", "试点"),
    ("某局发布国土空间规划编制审批管理办法。", "国土空间规划编制审批管理办法", "管理办法"),
    ("某厅印发河长制工作考核暂行办法。", "河长制工作考核暂行办法", "河长制"),
])
def test_programs_issued_document_wins_over_a_head_inside_it(text, name, inner):
    found = kinds(text)
    assert found.get(name) == "policy-document", found
    assert list(found) == [name], found


def test_programs_issued_list_ends_the_earlier_name_at_its_head():
    # read before the head nouns, a document issued in a list ends the earlier name at its head
    found = kinds("某省政府出台城市更新三年行动计划和老旧小区改造实施细则。")
    assert found == {"城市更新三年行动计划": "plan", "老旧小区改造实施细则": "policy-document"}, found


@pytest.mark.parametrize("text,name,kind", [
    # a document named for how a plan, a regulation or a law is carried out is one document:
    # 实施 right after the plan's or the law's name belongs to the document's name
    ("某市政府印发城市更新行动计划实施办法。", "城市更新行动计划实施办法", "policy-document"),
    ("某县印发了乡村绿化三年计划实施办法，要求各乡镇抓好落实。", "乡村绿化三年计划实施办法", "policy-document"),
    ("某省政府发布湿地保护条例实施细则。", "湿地保护条例实施细则", "policy-document"),
    ("某院印发海岛保护法实施条例。", "海岛保护法实施条例", "regulation"),
])
def test_programs_document_of_carrying_out_a_named_plan_is_one_name(text, name, kind):
    found = kinds(text)
    assert found == {name: kind}, found


@pytest.mark.parametrize("text", [
    # without a plan's or a law's name before it, 实施 is a verb of the clause: no name
    "某县印发实施办法。",
    "某市政府印发城市更新实施办法。",
])
def test_programs_carrying_out_without_a_named_plan_is_no_document(text):
    assert not any(n.endswith("实施办法") for n in names(text)), names(text)


@pytest.mark.parametrize("text", [
    "两位旅欧藏胞学者讲述了研究概况。",            # persons counted inside the name
    "某大学教授王某某访问学者李某某来到会场。",    # a person's title inside it, a verb before 学者
])
def test_programs_talent_program_of_persons_is_none(text):
    assert [n for n in names(text) if n.endswith("学者")] == []


def test_programs_talent_program_selected_stays():
    assert names("全市新入选衡山学者3人。") == ["衡山学者"]


@pytest.mark.parametrize("text,found", [
    ("几位老将都有丰富欧战经验。", []),              # a person's experience: no verb governs it
    ("该队具备较强的西甲征战经验。", []),
    ("全省推广某县“枫林经验”。", ["枫林经验"]),  # quoted, governed: a model
])
def test_programs_experience_needs_a_governing_verb_or_quotes(text, found):
    assert [n for n in names(text) if "经验" in n] == found


@pytest.mark.parametrize("text,found", [
    ("这也是该片在整张提名名单里最大的亮点。", []),     # a list of an award
    ("某战队公布了他们的战队组成名单。", []),            # a team's
    ("今年列入省新型储能入库名单4个。", ["省新型储能入库名单"]),  # a level: an agency's list
])
def test_programs_list_needs_a_level(text, found):
    assert [n for n in names(text) if n.endswith("名单")] == found


def test_programs_report_cited_as_a_source_is_none():
    assert names("某国海军发展报告称，将在十年内缩减战舰规模。") == []
    assert names("农业部发布中国农业品牌发展报告。") == ["中国农业品牌发展报告"]


@pytest.mark.parametrize("text,kind", [
    ("游戏产业经历着转型的阵痛。2007年“某剑三”", "slogan"),  # a bare year dates the clause
    ("坚持三十年“咬定青山不放松”。", "slogan"),              # a set phrase with its negative
    ("我们坚持“有困难不退缩”。", "slogan"),                  # a clause with its negative
])
def test_programs_quotation_dated_or_negated_is_a_slogan(text, kind):
    assert [p.kind for p in extract_programs(article(text))] == [kind]


def test_programs_annual_round_before_a_quotation_still_names_it():
    assert kinds("开展2023年度“最美书屋”评选。").get("2023年度最美书屋") not in (None, "slogan")


@pytest.mark.parametrize("text,found", [
    ("其教育制度延袭英国教育制度。", []),              # a place's kind of system
    ("这反映了中国千年科举制度的变迁。", []),
    ("某市建立住房公积金制度。", ["住房公积金制度"]),   # an agency sets one up
])
def test_programs_place_and_common_system_is_a_kind(text, found):
    assert [n for n in names(text) if n.endswith("制度")] == found


@pytest.mark.parametrize("text,found", [
    ("就某语开展的国际学术活动分外活跃。", []),                           # described by a relative clause
    ("由某省田径协会主持推广的全省业余锻炼等级活动今天启动。", ["全省业余锻炼等级活动"]),  # a body leads it
    ("全面贯彻党的宗教信仰自由政策。", ["宗教信仰自由政策"]),             # 的 of a body, no relative clause
])
def test_programs_relative_clause_governs_only_with_a_body(text, found):
    assert names(text) == found


@pytest.mark.parametrize("text,kind", [
    ("所以它们将致力于“低价战略”。", "slogan"),   # a firm's way of competing
    ("我们实施“名牌战略”。", "strategy"),        # governed: a program
])
def test_programs_quoted_strategy_of_one_common_noun_needs_a_verb(text, kind):
    assert [p.kind for p in extract_programs(article(text))] == [kind]


@pytest.mark.parametrize("text,found", [
    ("某党领导的甲乙合作和政治协商这一基本政治制度已经形成。", [("甲乙合作和政治协商", "system")]),
    ("建成了南水北调这项宏大工程。", [("南水北调", "project")]),
    ("这一政策深受欢迎。", []),                                  # a reference, no name before it
    ("这体现了“两岸一家”这一伟大构想的生命力。", [("两岸一家", "policy")]),  # a quotation in apposition
])
def test_programs_name_in_apposition_before_the_head(text, found):
    assert [(p.name, p.kind) for p in extract_programs(article(text)) if p.kind != "slogan"] == found


@pytest.mark.parametrize("text,found", [
    ("继续实施天然林保护、风沙源和石漠化治理等生态工程。", ["天然林保护", "石漠化治理"]),
    ("完善设备加速折旧等政策，增强产业竞争力。", ["设备加速折旧"]),
    ("完善税收、信贷等优惠政策。", []),                          # items of one word: kinds
    ("开展植树造林、绿化美化等活动。", []),                      # activities listed are kinds
    ("实行鼓励出口和吸引外资等多种政策。", []),                  # a counted class
    ("深入开展违规电焊、违规施工等作业的专项整治。", ["违规电焊、违规施工等作业的专项整治"]),  # the list
    # qualifies another noun: no item is named, the campaign is, by what it targets
    ("实施有利于扩大出口的税收等政策。", []),                    # a relative clause, no name
])
def test_programs_items_of_a_governed_list_closed_by_deng(text, found):
    assert names(text) == found


@pytest.mark.parametrize("text,found", [
    ("央行表态不再对商业银行信贷规划加以硬约束。", []),          # a firm (a class of firms) and its plan
    ("重组以来，某钢铁集团统一发展规划，压缩产能。", []),
    ("某储银行某庆分行试点信用村建设。", []),                     # a bank's branch trying something out
    ("某某皇家银行终于作出了对亚洲业务的整体布局调整方案。", []),  # a firm is the clause's subject
    ("国家实施大公司战略。", ["大公司战略"]),                      # a strategy about big companies
    ("市政府印发中小企业帮扶工作方案。", ["中小企业帮扶工作方案"]),  # an agency's plan, firms its subject matter
])
def test_programs_firm_own_course_is_none(text, found):
    assert names(text) == found


@pytest.mark.parametrize("text,kind", [
    ("该作极为重视“秘密行动”此元素。", "slogan"),                  # a term in apposition to a noun
    ("这体现了“两岸一家”这一伟大构想的生命力。", "policy"),        # in apposition to a head
])
def test_programs_quotation_before_a_determiner_and_a_noun(text, kind):
    assert [p.kind for p in extract_programs(article(text))] == [kind]


@pytest.mark.parametrize("text,found", [
    ("全面落实行政执法责任制。", ["行政执法责任制"]),             # 实行 of 落|实行|政 is no boundary
    ("坚持独立自主的和平外交政策，积极发展伙伴关系。", ["独立自主的和平外交政策"]),  # 和 of 和平 is no
    # conjunction (and the attribute after the governing verb is part of the name)
    ("一贯奉行和平外交政策。", ["和平外交政策"]),
    ("贯彻修订后的对外贸易法，全面放开经营权。", ["对外贸易法"]),  # 对 of 对外
    ("实施好产业基础再造工程，发挥大企业作用。", ["产业基础再造工程"]),  # 好: the verb's complement
    ("完善和推进医生多点执业制度，鼓励合理流动。", ["医生多点执业制度"]),  # verbs joined by 和
    ("要制定结构调整和技术改造规划，引导企业。", []),              # a verb and its object open the clause
    ("为生态文明建设提供有力制度保障。", []),                      # 制度保障: the head qualifies a noun
    ("扩展某区范围，新设甲、乙、丙自由贸易试验区。", ["甲、乙、丙自由贸易试验区"]),  # 新设 is the verb
])
def test_programs_name_edges_at_words_particles_and_joined_verbs(text, found):
    assert names(text) == found


@pytest.mark.parametrize("text,found", [
    ("各地广泛开展群众体育活动。", []),                # an activity named by its field in general
    ("开展捐助和帮扶活动。", []),
    ("国家加强宏观调控政策。", []),                    # a policy named by what it does in general
    ("落实招商引资优惠政策。", []),
    ("开展全民阅读活动。", ["全民阅读活动"]),           # a named one stays
])
def test_programs_generic_policy_and_activity_endings(text, found):
    assert names(text) == found


@pytest.mark.parametrize("text,found", [
    ("完善专利、商标和著作权保护等制度。", []),          # fields listed, one of two characters
    ("建立保障性住房使用、运营、退出等管理制度。", []),  # aspects listed
    ("严格安全生产责任制，全面落实主体责任。", ["安全生产责任制"]),  # 严格: the clause's adverb
    ("稳妥拓展城乡建设用地增减挂钩试点。", ["城乡建设用地增减挂钩试点"]),
    ("要改革中央财政科技计划管理方式。", []),            # a boundary verb and its object open the clause
])
def test_programs_lists_of_fields_and_clause_verbs(text, found):
    assert names(text) == found


@pytest.mark.parametrize("text,found", [
    ("同时实行了“七专”元器件的管理制度。", []),                  # the quotation qualifies the noun after it
    ("坚持“两岸一家”方针不动摇。", [("两岸一家方针", "policy")]),   # a quoted policy line
    ("坚持党的基本方针。", []),                                   # 方针 alone: a common noun
    ("贯彻“甲人治甲”、高度自治方针。", [("甲人治甲", "work-approach")]),  # a 、 right after it lists it
])
def test_programs_quoted_policy_line_and_quotes_before_a_noun(text, found):
    assert [(p.name, p.kind) for p in extract_programs(article(text)) if p.kind != "slogan"] == found


def test_programs_head_before_de_and_a_later_head_is_two_nouns():
    # 制定了: the verb with its aspect governs; …工程的|实施意见: the later head is another noun
    assert names("省里制定了菜篮子工程的实施意见。") == ["菜篮子工程"]


def test_programs_contingency_plan_in_title_marks_is_a_plan():
    assert kinds("某部等五家单位出台了《2030年度某粮临时收储预案》。") == {"2030年度某粮临时收储预案": "plan"}


@pytest.mark.parametrize("text,found", [
    ("“某联快付”平台由某某商业服务有限公司运营。", []),    # a firm's product
    ("市农业农村局打造“甲乙好礼”品牌。", ["甲乙好礼品牌"]),  # an agency's brand
])
def test_programs_brand_of_a_firm_is_none(text, found):
    assert names(text) == found


@pytest.mark.parametrize("text,found", [
    ("继续实施重大生态修复工程，加强保护。", []),              # a size and common words: a class, governed or not
    ("提前实施部分规划重大工程项目。", []),
    ("实施某江流域重大水利枢纽工程。", ["某江流域重大水利枢纽工程"]),  # a place names it
    ("新开工保障性安居工程740万套。", []),                     # counted in sets: a figure's subject
])
def test_programs_size_class_and_counted_projects(text, found):
    assert names(text) == found


@pytest.mark.parametrize("text,found", [
    ("制定了财税体制、金融体制、投资体制和外贸体制等改革方案。", []),  # fields of reform plans
    ("继续实施天然林保护、风沙源和石漠化治理等生态工程。", ["天然林保护", "石漠化治理"]),  # actions named
])
def test_programs_list_items_before_a_qualified_head_are_actions(text, found):
    assert names(text) == found


@pytest.mark.parametrize("text,kind", [
    ("今年要继续贯彻“三项政策”。", "slogan"),      # the heads counted, enumerated elsewhere
    ("实施“三项制度”改革。", "system"),            # one reform
])
def test_programs_quoted_count_of_heads(text, kind):
    assert [p.kind for p in extract_programs(article(text))] == [kind]


@pytest.mark.parametrize("text,found", [
    ("现在必须立即行动起来，采取有效措施。", []),            # the clause's verb after its adverb
    ("这是一个重大问题，必须周密计划，慎重处置。", []),
    ("国务院将组织有关部门，统一规划，制定措施。", []),
    ("只要对方宣布撤军，并开始见诸行动，我们就欢迎。", []),
    ("要继续打击经济领域和其他领域中的严重犯罪活动。", []),  # an activity fought, over the clause
    ("对外贸易超额完成出口计划。", []),                      # a target fulfilled
    ("所有基本建设工程，都要按照程序办事。", []),            # all of a class
    ("计划内签约成交的技术引进项目有一千多项。", []),        # counted after the head
    ("任何单位无权确定基本建设项目。", []),
    ("严格控制一般加工工业项目。", []),                      # a class of projects
    ("开展“蓝天行动”。", ["蓝天行动"]),                     # a named campaign stays
])
def test_programs_verbs_classes_and_counts_of_older_reports(text, found):
    assert names(text) == found


@pytest.mark.parametrize("text,found", [
    ("实行指令性计划和指导性计划相结合。", []),          # kinds by an adjective in 性
    ("批判修正主义纲领。", []),                          # a doctrine's
    ("实施结构性减税政策。", ["结构性减税政策"]),        # 性 inside a longer name
])
def test_programs_adjective_in_xing_or_doctrine_is_a_kind(text, found):
    assert names(text) == found


@pytest.mark.parametrize("text,found", [
    ("经过两年多试点，取得经验。", []),                       # a duration
    ("中央预算内投资主要用于续建项目。", []),                 # 用于: the clause's verb
    ("建立符合现代企业制度要求的管理体制。", ["现代企业制度"]),  # 符合: the clause's verb
    ("各国有不同的意识形态、经济模式。", []),                 # a list of common nouns
])
def test_programs_durations_clause_verbs_and_lists_of_models(text, found):
    assert names(text) == found


@pytest.mark.parametrize("text,found", [
    # an attribute and 的 after a governing verb are part of the name, which they make one
    ("始终奉行互惠包容的睦邻外交政策，维护和平。", ["互惠包容的睦邻外交政策"]),
    ("坚持实行最严格的水源保护制度，完善政策。", ["最严格的水源保护制度"]),
    ("贯彻国家迁徙自由的政策，依法管理。", ["国家迁徙自由的政策"]),
    ("贯彻中央的政策。", []),                      # whose policy: a body, no attribute
    ("实施更加有力的财政政策。", []),              # a degree adverb's description
    ("执行正确的政策。", []),                      # too short to name one
    ("严格实行各个岗位的安全责任制。", []),        # a class: every post's
])
def test_programs_attribute_before_de_names_a_policy_or_system(text, found):
    assert names(text) == found


@pytest.mark.parametrize("text,found", [
    ("力争全面完成“租改售”，调整政策。", ["租改售"]),
    ("把“补改奖”形成的结余用好。", ["补改奖"]),
    ("要“深化改革”。", []),                        # 改革 is a word, no swap
])
def test_programs_quoted_swap_reform_is_a_policy(text, found):
    assert names(text) == found
    if found:
        assert kinds(text)[found[0]] == "policy"


def test_programs_counted_reforms_are_no_swap():
    assert kinds("推进“五改协同”工作。").get("五改协同") != "policy"  # reforms counted: a way of working


@pytest.mark.parametrize("text,found", [
    ("国家育婴补贴制度进一步完善，财政投入增加。", ["国家育婴补贴制度"]),  # set up after its name
    ("考核制度不完善，问题多。", []),                                      # negated
    ("加快推进城乡互助养老制度建设，今年扩大。", ["城乡互助养老制度"]),    # governed, before 建设
    ("加强制度建设。", []),
    ("继续开展河道采砂治理整顿，严格控制。", ["河道采砂治理整顿"]),        # a rectification governed
    ("在部分企业试行经理（院长）年薪制等分配方式。", ["经理（院长）年薪制"]),
])
def test_programs_systems_set_up_rectifications_and_pay_systems(text, found):
    assert names(text) == found


@pytest.mark.parametrize("text,found", [
    ("增设旅游业扩大开放综合试点，制定清单。", ["旅游业扩大开放综合试点"]),
    ("开展物流业提升效率行动。", ["物流业提升效率行动"]),
    ("要扩大开放试点。", []),                       # no lead verb and field before the verb
])
def test_programs_field_and_its_verb_inside_a_name(text, found):
    assert names(text) == found


@pytest.mark.parametrize("text,found", [
    ("实施提升河道管护质量三年行动。", ["提升河道管护质量三年行动"]),  # the field's verb after a lead verb
    ("依法开展打假治乱专项斗争，惩治违法行为。", ["打假治乱专项斗争"]),  # a campaign by its head
])
def test_programs_lead_verb_then_field_verb_and_struggles(text, found):
    assert names(text) == found


@pytest.mark.parametrize("text,found", [
    ("实施创新引领发展战略。", ["创新引领发展战略"]),          # a weak verb right after a lead verb
    ("实行改革开放政策。", ["改革开放政策"]),                  # two of them
    ("坚持互惠共赢的开放战略，扩大合作。", ["互惠共赢的开放战略"]),  # after 的, the weak verb is the name's
    ("各级政府要顾全大局，确保改革方案顺利实施。", []),        # 确保 ends a name: 改革方案 is generic
    ("城乡规划纲要顺利实施，成效明显。", ["城乡规划纲要"]),    # governed after, with its manner
])
def test_programs_weak_verbs_after_lead_verbs_and_manner_after(text, found):
    assert names(text) == found


@pytest.mark.parametrize("text,found", [
    ("认真执行渔业资源法和水域管理法。", ["渔业资源法", "水域管理法"]),   # a list of laws governed
    ("加快制定养老服务法、志愿服务法。", ["养老服务法", "志愿服务法"]),
    ("遵守宪法和法律。", []),
    ("开展校园安全大检查。", ["校园安全大检查"]),                       # an inspection the state organises
    ("县里开展地毯式大检查。", []),                                     # a …式 adjective alone: a manner
    ("深入开展农资市场专项治理。", ["农资市场专项治理"]),
    ("推进东湖引水工程建设。", ["东湖引水工程"]),                       # jieba's 工程建设: the project built
    ("加强工程建设管理。", []),
])
def test_programs_law_lists_inspections_and_projects_built(text, found):
    assert names(text) == found


@pytest.mark.parametrize("text,found", [
    ("要实施“甲乙制造2030”，坚持创新驱动。", ["甲乙制造2030"]),      # a plan named by the year it aims at
    ("县里提出“到2030年建成80个示范村”的目标。", []),                  # a quoted target, no name
    ("延续执行小微企业所得税减按15%政策，扩大范围。", ["小微企业所得税减按15%政策"]),  # a policy by its rate
    ("投资增长75%政策效果明显。", []),                                  # a rate of a figure, ungoverned
    ("落实已出台的农机购置补贴以及出口退税等方面政策。", []),          # 等方面: what the policies touch
    ("继续推进五大重点节水工程建设。", ["五大重点节水工程"]),          # 继续 before a weak verb: the clause's
])
def test_programs_year_coded_plans_rates_aspects_and_continue(text, found):
    assert names(text) == found


def test_programs_year_coded_quotation_is_a_plan():
    assert kinds("要实施“甲乙制造2030”，坚持创新驱动。") == {"甲乙制造2030": "plan"}


@pytest.mark.parametrize("text,found", [
    ("在甲乙全省进行完善城乡养老服务体系的试点，取得成效。", ["完善城乡养老服务体系的试点"]),  # a purpose names it
    ("部署启动面向2035年的海洋科技重大项目。", ["面向2035年的海洋科技重大项目"]),
    ("不断完善应对区域洪涝灾害的一揽子计划。", ["应对区域洪涝灾害的一揽子计划"]),
    ("制定采用和推广新工艺的计划和措施。", []),                # two actions listed: a description
    ("制定支持小微企业发展的政策。", []),                      # a policy so described is no name
    ("组织开展第二次国务院大督查，推动落实。", ["国务院大督查"]),  # an inspection named by its body
    ("推进城镇住房制度的改革。", []),                          # the object of a reform, with 的 too
])
def test_programs_purpose_before_de_inspections_of_bodies_and_reformed_systems(text, found):
    assert names(text) == found


@pytest.mark.parametrize("text,found", [
    ("继续实行稻谷最低保护价和临时储备政策，稳定价格。", ["稻谷最低保护价政策", "临时储备政策"]),  # two under one head
    ("推行企业季度经营业绩和任期考核业绩责任制。", ["企业季度经营业绩责任制", "任期考核业绩责任制"]),
    ("实施激励和约束政策。", []),                            # common nouns joined
    ("在全国实施三大作物生产成本和收入保险政策。", []),      # a count: the pair shares more than the head
    ("加强和完善跨流域合作机制，消除壁垒。", []),            # a mechanism of cooperation in general
])
def test_programs_pairs_under_one_head_and_cooperation_mechanisms(text, found):
    assert names(text) == found


def test_programs_pair_keeps_the_written_span_as_evidence():
    text = "继续实行稻谷最低保护价和临时储备政策，稳定价格。"
    first = [p for p in extract_programs(article(text)) if p.name == "稻谷最低保护价政策"][0]
    assert first.evidence.anchor == "稻谷最低保护价"


@pytest.mark.parametrize("text,found", [
    ("全县始终把矛盾化解摆在深化平安甲乙县建设的重要位置。", ["平安甲乙县"]),  # a quality and a place
    ("深入推进法治政府建设。", ["法治政府"]),
    ("加快平安建设步伐。", []),                      # no place or body: the work in general
    ("加强文明城市建设。", []),                      # 加强 pushes no campaign of its own
])
def test_programs_quality_and_place_campaigns(text, found):
    assert names(text) == found


@pytest.mark.parametrize("text,found", [
    ("把建设书屋、推进全民阅读作为重要抓手。", ["全民阅读"]),   # a campaign of the whole people
    ("深入开展全民健身运动。", ["全民健身运动"]),
    ("实施全民参保计划。", ["全民参保计划"]),                # the plan's name, by its head
    ("推进全民共享发展成果。", []),                          # a clause: shared by all
    ("推进全民所有制企业改革。", []),                        # one word of jieba's
])
def test_programs_campaigns_of_the_whole_people(text, found):
    assert names(text) == found


@pytest.mark.parametrize("text,found", [
    ("探索有效的监管办法。企业蔬菜首席安全官、“6511”巡查工作法、乡级巡查员队伍管理等3项机制创新，成效明显。",
     ["企业蔬菜首席安全官", "6511巡查工作法", "乡级巡查员队伍管理"]),   # a counted list that opens its sentence
    ("粮食、棉花、油料等3项制度。", []),                                 # short items: fields
    ("他说，甲乙丙丁总体布局、戊己庚辛长远布局等2项工程很好。", []),     # the list does not open its sentence
])
def test_programs_counted_list_opening_its_sentence(text, found):
    assert names(text) == found


@pytest.mark.parametrize("text,found", [
    ("在全省率先开展市级节水示范单位认定；出台了措施。", ["市级节水示范单位认定"]),  # a certification governed
    ("经认定，该企业合格。", []),
    ("对其进行资格认定。", []),
])
def test_programs_certifications_governed(text, found):
    assert names(text) == found


@pytest.mark.parametrize("text,found", [
    ("深入开展违规动火、违规吊装等作业的专项整治及外包维修作业隐患排查整治。",
     ["违规动火、违规吊装等作业的专项整治", "外包维修作业隐患排查整治"]),  # targets listed; 及 is no part of a name
    ("开展对违规动火、违规吊装等的检查。", []),
])
def test_programs_campaign_targets_listed_before_de(text, found):
    assert names(text) == found


def test_programs_quotations_counted_by_a_head_take_its_kind():
    found = kinds('打造"甲·乙丙!""某县水果""礼遇某地"3个区域公用品牌,创建品牌37个。')
    assert found == {"甲·乙丙!": "brand", "某县水果": "brand", "礼遇某地": "brand"}


def test_clause_and_stance_lookups_match_their_plain_reading():
    """_clause_at (marks found by bisection) and _stance_before (the leads tested at once)
    read as their plain definitions on invented text, at every position."""
    from kg.nlp.programs.clause import _clause_at, _stance_before
    from kg.nlp.programs.tables import _CLAUSE_END
    from kg.nlp.programs.vocab import _evidence_words

    text = "甲市坚持积极的财政政策，实施稳健货币政策；某县推进“乙丙工程”。积极就业政策\n丁项目"
    stances = sorted(_evidence_words().get("stance", ()))
    assert stances, "program-evidence.tsv has stance words"
    for i in range(len(text) + 1):
        lo = max(text.rfind(c, 0, i) for c in _CLAUSE_END) + 1
        his = [j for j in (text.find(c, i) for c in _CLAUSE_END) if j != -1]
        assert _clause_at(text, i) == text[lo:min(his) if his else len(text)]
        plain = next((i - len(lead) for w in stances for lead in (w, w + "的")
                      if i >= len(lead) and text.startswith(lead, i - len(lead))), i)
        assert _stance_before(text, i) == plain
    assert _stance_before(text, text.index("财政")) < text.index("财政")  # a stance word is read
