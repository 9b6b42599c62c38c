"""Article -> records: people with cues, holdings with evidence, agencies, reporters."""
import pytest

from kg.nlp.extract import Extractor
from kg.records import Context, Source
from kg.text.segment import segment

CTX = Context(city="潍坊市", province="山东省")

PAGE = """全市营商环境工作会议召开

本报讯(记者 贺一鸣)5月20日,全市营商环境工作会议召开。市委常委、常务副市长 冯志刚出席会议并讲话。市政府秘书长魏国华主持。吕东升、陶丽娜出席。

冯志刚强调,要持续优化营商环境。市发改委、市市场监管局有关负责同志作了发言。
"""


@pytest.fixture(scope="module")
def extraction():
    [art] = segment(Source(id="p.txt", path="p.txt", raw=PAGE, date="2024-05-21"))
    return Extractor().extract(art, CTX, paper="潍坊日报")


def test_extract_people_with_their_cues(extraction):
    cues = {}
    for p in extraction.persons:
        cues.setdefault(p.name, set()).add(p.cue)
    assert {"贺一鸣", "冯志刚", "魏国华", "吕东升", "陶丽娜"} <= set(cues)
    assert cues["贺一鸣"] == {"byline"}
    assert "coref" in cues["冯志刚"]  # 冯志刚强调 links to the chain mention


def test_extract_holdings_have_agencies_and_raw_evidence(extraction):
    got = {(h.person, h.role, h.agency.label, h.agency.implicit) for h in extraction.holdings}
    assert ("冯志刚", "常委", "中共潍坊市委员会", False) in got
    assert ("冯志刚", "常务副市长", "潍坊市人民政府", True) in got
    assert ("贺一鸣", "记者", "潍坊日报", False) in got
    for h in extraction.holdings:
        assert PAGE[h.evidence.start:h.evidence.end] == h.evidence.anchor
        assert h.person.replace(" ", "") in h.evidence.anchor.replace(" ", "")


def test_extract_agencies_in_running_text(extraction):
    labels = {a.label for a in extraction.agencies if not a.implicit}
    assert {"潍坊市发展和改革委员会", "潍坊市市场监督管理局"} <= labels


def test_extract_evidence_sentence_is_repaired(extraction):
    h = next(h for h in extraction.holdings if h.role == "常务副市长")
    assert "冯志刚出席会议并讲话" in h.evidence.sentence


@pytest.mark.parametrize("text,name,found", [
    ("这次比赛中,选手郑晓明的表现最为出色。", "郑晓明", True),
    ("实践的情况表明,改革是正确的。", "况表明", False),
    ("要坚持推陈出新,繁荣文化。", "陈出新", False),
    ("我们应该明白,发展是硬道理。", "明白", False),
    # 的 after a person noun makes it an attribute; a name never ends in 的
    ("明代画家钱彬的作品拍出了高价。", "钱彬", True),
    ("明代画家钱彬的作品拍出了高价。", "钱彬的", False),
    ("一线演员的莫里森曾息影多年。", "的莫里森", False),
    ("在两国领导人的关怀下,合作不断深入。", "关怀下", False),
])
def test_extract_names_without_a_cue(text, name, found):
    from kg.records import Article

    art = Article("a", "s", 0, "", text, list(range(len(text))), raw=text)
    got = {p.name for p in Extractor().extract(art, CTX).persons}
    assert (name in got) is found
