"""Programs: 《》 documents, quoted names with their head noun, head-noun names, agency links."""
import pytest

from kg.nlp.programs import extract_programs, find_program_spans
from kg.records import AgencyMention, Article, Evidence

DATE = "2024-06-20"


def article(text: str, headline: str = "") -> Article:
    return Article(id="t", source="s", index=0, headline=headline, text=text,
                   offsets=list(range(len(text))), raw=text, date=DATE)


def names(text: str) -> list[str]:
    return [p.name for p in extract_programs(article(text))]


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
    assert found.get(name) == kind, found


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
    assert out.count("“强县富民”工程") == 1


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
