"""Events: names, kinds, dates, organisers and participant roles."""
import pytest

from kg.nlp.events import extract_events, find_event_spans
from kg.records import AgencyMention, Article, PersonMention

DATE = "2024-06-20"


def article(text: str, headline: str = "", date: str = DATE) -> Article:
    return Article(id="t", source="s", index=0, headline=headline, text=text,
                   offsets=list(range(len(text))), raw=text, date=date)


def persons(a: Article, *names: str) -> list[PersonMention]:
    out = []
    for n in names:
        i = a.text.find(n)
        while i != -1:
            out.append(PersonMention(n, a.id, a.evidence(i, i + len(n)), start=i, end=i + len(n)))
            i = a.text.find(n, i + 1)
    return sorted(out, key=lambda p: p.start)


def agency(a: Article, surface: str, key: str) -> AgencyMention:
    i = a.text.index(surface)
    return AgencyMention(surface, key, key, "GovernmentAgency", a.id, a.evidence(i, i + len(surface)),
                         start=i, end=i + len(surface))


@pytest.mark.parametrize("text,name,kind", [
    ("本报讯(记者 张三)6月19日，在县政府新闻办召开的全县优化营商环境新闻发布会上，局长介绍。",
     "全县优化营商环境新闻发布会", "press-conference"),
    ("6月19日下午，全县安全生产工作会议召开。", "全县安全生产工作会议", "meeting"),
    ("19日上午，全市民营企业家座谈会举行。", "全市民营企业家座谈会", "symposium"),
    ("2024数字经济发展论坛在某市举行。", "2024数字经济发展论坛", "forum"),
    ("县文化馆新馆开馆仪式举行。", "县文化馆新馆开馆仪式", "ceremony"),
])
def test_events_names_and_kinds(text, name, kind):
    spans = find_event_spans(text)
    assert [(s.name, s.kind) for s in spans] == [(name, kind)]


def test_events_attending_names_the_event():
    a = article("6月19日，省长郑八出席第三届某某博览会开幕式并发表主旨演讲。")
    (e,) = extract_events(a, persons(a, "郑八"))
    assert (e.name, e.kind, e.date) == ("第三届某某博览会开幕式", "ceremony", "2024-06-19")
    assert {(p.person, p.role) for p in e.participants} == {("郑八", "attendee"), ("郑八", "speaker")}


def test_events_convened_by_a_body():
    spans = find_event_spans("县委书记孙九主持召开县委常委会会议。")
    assert [(s.name, s.kind) for s in spans] == [("县委常委会会议", "meeting")]


def test_events_joint_events_are_two():
    spans = find_event_spans("6月18日，全市文旅推介会暨招商签约仪式举行。")
    assert [(s.name, s.kind) for s in spans] == [("全市文旅推介会", "forum"), ("招商签约仪式", "ceremony")]


def test_events_not_events():
    assert find_event_spans("会议指出，要坚持问题导向。会议要求，各部门要压实责任。") == []


@pytest.mark.parametrize("text,date", [
    ("本报讯(记者 张三)6月18日，全县防汛工作会议召开。", "2024-06-18"),
    ("18日上午，全县防汛工作会议召开。", "2024-06-18"),
    ("近日，全县防汛工作会议召开。", DATE),
])
def test_events_date_from_sentence_or_article(text, date):
    (e,) = extract_events(article(text))
    assert e.date == date


def test_events_organiser_from_at_clause():
    a = article("6月19日，在县政府新闻办召开的新闻发布会上，县教育局局长王五介绍了有关情况。")
    (e,) = extract_events(a, persons(a, "王五"), [agency(a, "县政府新闻办", "某县人民政府新闻办公室")])
    assert e.organizer == "某县人民政府新闻办公室"
    assert [(p.person, p.role) for p in e.participants] == [("王五", "speaker")]


def test_events_roles_chair_speaker_attendee():
    a = article("6月19日下午，全县乡村振兴工作推进会召开。县委书记赵一出席会议并讲话。"
                "副县长钱二主持。县法院院长孙三，县检察院检察长李四出席。")
    (e,) = extract_events(a, persons(a, "赵一", "钱二", "孙三", "李四"))
    roles = {(p.person, p.role) for p in e.participants}
    assert roles == {("赵一", "attendee"), ("赵一", "speaker"), ("钱二", "chair"),
                     ("孙三", "attendee"), ("李四", "attendee")}


def test_events_reporter_is_not_a_participant():
    a = article("本报讯(记者 周六)6月19日，全县招商引资工作会议召开。县长吴七强调，要抓项目。")
    (e,) = extract_events(a, persons(a, "周六", "吴七"))
    assert [(p.person, p.role) for p in e.participants] == [("吴七", "speaker")]


def test_events_headline_and_body_are_one_event():
    a = article("6月19日，某市县域经济高质量发展观摩会举行。", headline="某市县域经济高质量发展观摩会举行")
    assert len(extract_events(a)) == 1


def test_events_organiser_opens_meeting_name():
    a = article("6月19日，县防汛抗旱指挥部全体会议召开。")
    (e,) = extract_events(a, [], [agency(a, "县防汛抗旱指挥部", "某县防汛抗旱指挥部")])
    assert e.organizer == "某县防汛抗旱指挥部"


def test_event_spans_held_and_convene_scans():
    # held: a clause that opens on the name and ends on the verb; convene: org + verb + name
    from kg.nlp.events import find_event_spans
    spans = find_event_spans("12月28日下午，全市安全生产工作会议召开。市委召开常委会会议，研究部署工作。")
    assert [(s.start, s.end, s.name, s.kind, s.org_start, s.org_end) for s in spans] == [
        (9, 19, "全市安全生产工作会议", "meeting", -1, -1), (26, 31, "常委会会议", "meeting", 22, 24)]
    assert [s.name for s in find_event_spans("全市安全生产工作会议召开")] == ["全市安全生产工作会议"]
    spans = find_event_spans("市政府召开新闻发布会暨签约仪式，在市政府新闻办召开的新闻发布会上，局长介绍情况。")
    assert [(s.start, s.end, s.name) for s in spans] == [(5, 10, "新闻发布会"), (11, 15, "签约仪式"), (26, 31, "新闻发布会")]


def test_held_matches_are_the_pattern_s_own_matches():
    """_held_matches (the clauses that end on a verb, found by one scan) gives what
    held.finditer gives, on invented text: clauses with and without verbs, a verb at the
    text's end, a longer verb (隆重召开), verbs not at a clause's end, empty clauses."""
    from kg.nlp.events import _held_matches, _res

    held = _res()[1]
    texts = ["12月3日上午，甲乙县农业工作会议召开。会议指出，要召开好丙丁论坛",
             "全县安全生产大会隆重召开！戊己座谈会举行\n庚辛恳谈会在县城举办", "，，召开，", "", "召开会议后举行",
             "壬癸峰会开幕，子丑洽谈会闭幕。寅卯推进会启动"]
    found = 0
    for text in texts:
        got = [(m.start(), m.end(), m.group("name")) for m in _held_matches(held, text)]
        assert got == [(m.start(), m.end(), m.group("name")) for m in held.finditer(text)]
        found += len(got)
    assert found >= 5
