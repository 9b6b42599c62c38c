"""The extractor's fast paths give what the slow ones give, on real text: ``annotate``
(the pipeline's findings without a spaCy Doc) against ``make_doc``, and the recogniser's
character tokenizer against its features computed one character at a time."""
from pathlib import Path

import pytest
import spacy

from kg.nlp.extract import page_context
from kg.nlp.pipeline import JiebaTokenizer, annotate, build_nlp, make_doc
from kg.records import Source
from kg.text.repair import normalize_for_matching
from kg.text.segment import segment

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "corpus" / "liaocheng-daily-2023-12-28.txt"
NEWS = ROOT.parent / "shared" / "data" / "people_daily_ner" / "dev.bio"


def _page_texts() -> list[tuple[str, object]]:
    src = Source(id="p", path=str(PAGE), raw=PAGE.read_text(encoding="utf-8"), date="2023-12-28", city="聊城市")
    arts = segment(src)
    ctx = page_context(src, arts)
    return [(normalize_for_matching(a.text), ctx) for a in arts]


def _news_texts(n: int = 400) -> list[tuple[str, object]]:
    if not NEWS.is_file():
        pytest.skip("../shared/data/people_daily_ner is not here")
    from kg.nlp.ner import read_examples

    texts = [e.text for e in read_examples(NEWS)[:n]]
    src = Source(id="n", path="news", raw="\n".join(texts), date="2024-05-01")
    arts = segment(src)
    ctx = page_context(src, arts)
    return [(normalize_for_matching(a.text), ctx) for a in arts]


def _same_as_make_doc(nlp, texts) -> int:
    people = 0
    for text, ctx in texts:
        doc = make_doc(nlp, text, ctx)
        found = annotate(nlp, text, ctx)
        assert found.agencies == doc._.kg_agencies
        assert found.people == doc._.kg_people
        assert found.word_starts == set(doc.to_array("IDX").tolist())
        people += len(found.people)
    return people


def test_annotate_gives_what_make_doc_gives_on_the_page():
    assert _same_as_make_doc(build_nlp(), _page_texts()) > 10  # the page names dozens of people


def test_annotate_gives_what_make_doc_gives_on_news():
    texts = _news_texts()
    assert sum(len(t) for t, _ in texts) > 10_000
    assert _same_as_make_doc(build_nlp(), texts) > 0


def test_annotate_runs_a_pipeline_with_other_components_through_make_doc():
    nlp = spacy.blank("zh")
    nlp.tokenizer = JiebaTokenizer(nlp.vocab)
    nlp.add_pipe("kg_agencies")
    nlp.add_pipe("kg_people", config={"use_name_model": False})
    nlp.add_pipe("sentencizer")
    assert _same_as_make_doc(nlp, _page_texts()[:4]) > 0


def test_word_starts_are_the_doc_token_starts_on_odd_text():
    tok = build_nlp().tokenizer
    for text in ["", " ", "市长 张三说", "ABC 123，２０２４年\n第二行\t", "中华人民共和国国务院总理"]:
        assert tok.word_starts(text) == set(build_nlp().make_doc(text).to_array("IDX").tolist())


def _features_one_by_one(text: str) -> list[tuple[str, str, str]]:
    """The recogniser's (NORM, LEMMA, TAG) of every character, written out plainly."""
    import rjieba

    from kg.nlp.ner import _nfkc

    pairs = rjieba.tag(text)
    if sum(len(w) for w, _ in pairs) != len(text):
        pairs = [(c, "x") for c in text]
    out = []
    for word, pos in pairs:
        norm = _nfkc(word)
        for k, ch in enumerate(word):
            place = "S" if len(word) == 1 else "B" if k == 0 else "E" if k == len(word) - 1 else "M"
            out.append((norm, place + (norm[k] if len(norm) == len(word) else _nfkc(ch)), f"{pos}-{place}"))
    return out


def test_char_tokenizer_features_on_real_text():
    from kg.nlp.ner import recogniser

    rec = recogniser()
    if rec is None:
        pytest.skip("no span recogniser in kg/data/ner")
    text = PAGE.read_text(encoding="utf-8")[:3000] + "Ｇ２０峰会ﬁ  艾伦·史密斯"  # full-width and ligature forms
    doc = rec.nlp.make_doc(text)
    got = [(t.norm_, t.lemma_, t.tag_) for t in doc]
    assert [t.text for t in doc] == list(text)
    assert got == _features_one_by_one(text)
    assert {p for _, p, _ in got if p[0] == "M"}  # words of three characters or more are there


def test_the_recogniser_skips_titles_no_name_can_follow():
    """A window costs the model a call: a title followed by a character no name begins with
    (导演|的, 院长|讲) gets none; one followed by a surname or a known name's start does."""
    from kg.nlp.extract import Extractor

    ex = Extractor(use_model=False)
    assert ex._silent_windows("这是那位导演的新片，院长讲的话。", []) == []
    assert ex._silent_windows("会上，公司董事长张建国讲话。", []) != []
    assert ex._silent_windows("日本队教练冈田武史说。", []) != []


def test_extract_all_reads_a_source_as_extract_reads_each_article():
    """The recogniser reads the windows of all a source's articles in one call; the records
    are those of extracting each article alone."""
    from pathlib import Path

    from kg.nlp.extract import Extractor, page_context
    from kg.records import Source
    from kg.text.segment import segment

    raw = (Path(__file__).parent / "fixtures" / "city-page-2024-05-21.txt").read_text(encoding="utf-8")
    src = Source(id="p", path="p", raw=raw, date="2024-05-21")
    arts = segment(src)
    ctx = page_context(src, arts)
    ex = Extractor(use_model=True)
    together = ex.extract_all(arts, ctx)
    alone = [ex.extract(a, ctx) for a in arts]
    assert len(arts) > 1
    for t, a in zip(together, alone):
        assert [(h.person, h.role, h.agency.key, h.evidence.start) for h in t.holdings] == \
               [(h.person, h.role, h.agency.key, h.evidence.start) for h in a.holdings]
        assert [(p.name, p.cue, p.start) for p in t.persons] == [(p.name, p.cue, p.start) for p in a.persons]


def _lazy_equals_full(tok, text: str) -> None:
    full = tok.word_starts(text)
    lazy = tok.lazy_word_starts(text)
    # asked in an order that segments stretches out of turn, and past both ends
    asked = sorted(range(-2, len(text) + 3), key=lambda p: (p * 7919) % (len(text) + 5))
    assert {p for p in asked if p in lazy} == full, text
    assert set(lazy.including(len(text))) == full | {len(text)}


def test_lazy_word_starts_answer_as_the_set_on_the_page_and_odd_text():
    tok = build_nlp().tokenizer
    texts = [t for t, _ in _page_texts()] + [
        "", "，", "市长张三说，“好”。", "ABC 123，２０２４年\n第二行\t", "甲乙（丙丁）、戊己；3.5%的增长!?\r\n王某：",
        "中华人民共和国国务院总理", "，，。。(x)y,z", "某某市发展和改革委员会主任赵某某、副主任钱某某出席会议。"]
    for text in texts:
        _lazy_equals_full(tok, text)
        _lazy_equals_full(tok, normalize_for_matching(text))


def test_lazy_word_starts_segment_only_the_stretches_asked_about():
    tok = build_nlp().tokenizer
    cut: list[str] = []
    text = "甲地召开会议，乙地发展经济，丙地建设新区。"
    lazy = type(tok.lazy_word_starts(text))(text, lambda s: cut.append(s) or tok.words(s))
    assert (9 in lazy) == (9 in tok.word_starts(text))  # a position inside the second stretch
    assert cut == ["乙地发展经济"]
    assert 7 in lazy and 6 in lazy and cut == ["乙地发展经济"]  # after a stop, and the stop: no segmenting
