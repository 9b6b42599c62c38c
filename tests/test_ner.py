"""Labelled NER data and its scores: the three formats kg eval-ner reads, the label
mapping, per-label scoring, and the command on the grammar and on the model."""
import json

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.nlp.ner import data_set_of, kg_spans, read_examples, recogniser
from kg.scoring import score_spans

CLUENER = {"text": "浙江省财政厅厅长王建新表示", "label": {"government": {"浙江省财政厅": [[0, 5]]},
                                                        "position": {"厅长": [[6, 7]]}, "name": {"王建新": [[8, 10]]}}}


@pytest.fixture
def files(tmp_path):
    cl = tmp_path / "cluener.jsonl"
    cl.write_text(json.dumps(CLUENER, ensure_ascii=False) + "\n", encoding="utf-8")
    bmes = tmp_path / "resume.char.bmes"
    bmes.write_text("".join(f"{c} {t}\n" for c, t in zip("王建新，董事长", ["B-NAME", "M-NAME", "E-NAME", "O", "B-TITLE",
                                                                     "M-TITLE", "E-TITLE"])) + "\n", encoding="utf-8")
    bio = tmp_path / "pd.bio"
    bio.write_text("".join(f"{c} {t}\n" for c, t in zip("李小明到北京", ["B-PER", "I-PER", "I-PER", "O", "B-LOC", "I-LOC"]))
                   + "\n", encoding="utf-8")
    return cl, bmes, bio


def test_ner_reads_the_three_formats_with_their_label_maps(files):
    cl, bmes, bio = files
    assert [data_set_of(f) for f in files] == ["cluener", "resume", "pd"]
    (ex,) = read_examples(cl)
    assert kg_spans(ex, "cluener") == {(0, 6, "GOV"), (6, 8, "TITLE"), (8, 11, "PER")}
    (ex,) = read_examples(bmes)
    assert kg_spans(ex, "resume") == {(0, 3, "PER"), (4, 7, "TITLE")}
    (ex,) = read_examples(bio)
    assert kg_spans(ex, "pd") == {(0, 3, "PER")}  # LOC is not kg's


def test_ner_bad_line_is_named(tmp_path):
    bad = tmp_path / "x.bio"
    bad.write_text("王 B-PER\n这一行不对\n", encoding="utf-8")
    with pytest.raises(ValueError, match="x.bio:2"):
        read_examples(bad)


def test_ner_score_spans_per_label():
    gold = [{(0, 3, "PER"), (4, 7, "TITLE")}]
    pred = [{(0, 3, "PER"), (4, 6, "TITLE"), (8, 9, "ORG")}]
    s = score_spans(gold, pred, ("PER", "TITLE", "ORG"))
    assert (s["PER"]["f1"], s["TITLE"]["recall"], s["ORG"]["precision"]) == (1.0, 0.0, 0.0)
    assert (s["all"]["tp"], s["all"]["fp"], s["all"]["fn"]) == (1, 2, 1)


def test_ner_cli_scores_the_grammar(files):
    cl, _, _ = files
    result = CliRunner().invoke(cli, ["eval-ner", str(cl), "--grammar", "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["system"] == "grammar" and scores["sentences"] == 1
    assert scores["PER"]["tp"] == 1 and scores["GOV"]["tp"] == 1 and scores["TITLE"]["tp"] == 1


@pytest.mark.skipif(recogniser() is None, reason="no trained recogniser in kg/data/ner")
def test_ner_cli_scores_the_model(files):
    _, bmes, _ = files
    result = CliRunner().invoke(cli, ["eval-ner", str(bmes)])
    assert result.exit_code == 0, result.output
    assert "PER" in result.output and "TITLE" in result.output and "GOV" not in result.output


@pytest.mark.skipif(recogniser() is None, reason="no trained recogniser in kg/data/ner")
def test_ner_model_spans_map_onto_the_text():
    text = "国务院副总理钱立新出席开幕式"
    spans = recogniser().spans(text)
    assert spans and all(0 <= s.start < s.end <= len(text) and s.label in ("PER", "TITLE", "GOV", "ORG") for s in spans)
    assert ("钱立新", "PER") in {(text[s.start:s.end], s.label) for s in spans}


@pytest.mark.skipif(recogniser() is None, reason="no trained recogniser in kg/data/ner")
def test_ner_combined_keeps_the_grammars_spans_and_fills_with_the_models(files):
    """--combined scores what a build uses: the grammar's spans, the model's where the grammar has none."""
    cl, _, _ = files
    runs = {}
    for flag in ("--grammar", "--combined"):
        result = CliRunner().invoke(cli, ["eval-ner", str(cl), flag, "--json"])
        assert result.exit_code == 0, result.output
        runs[flag] = json.loads(result.output)
    assert runs["--combined"]["system"] == "grammar + model"
    for label in ("PER", "GOV", "TITLE"):  # nothing the grammar found is lost
        assert runs["--combined"][label]["tp"] >= runs["--grammar"][label]["tp"]


def test_ner_a_model_named_by_kg_ner_model_that_is_not_there_is_an_error(monkeypatch, tmp_path):
    """KG_NER_MODEL scores another trained folder; a wrong name must not fall back to the grammar alone."""
    monkeypatch.setenv("KG_NER_MODEL", str(tmp_path / "no-model"))
    recogniser.cache_clear()
    try:
        with pytest.raises(FileNotFoundError, match="no-model"):
            recogniser()
    finally:
        monkeypatch.delenv("KG_NER_MODEL")
        recogniser.cache_clear()


def test_ner_grammar_spans_are_bodies_as_written():
    """A place standing for the body its title implies is the place the text names (PLACE,
    scored under no label); a byline's paper, not written at the reporter's name, has no span;
    a foreign state's customs is a state body (GOV)."""
    from kg.api import _grammar_spans

    place, byline, customs = ("3天后，青州市副市长王某明接见了业主。", "晨报讯（记者赵某阳）昨日，", "澳大利亚海关的广告语是")
    spans = [{(t[s:e], label) for s, e, label in found}
             for t, found in zip((place, byline, customs), _grammar_spans([place, byline, customs]))]
    assert {("青州市", "PLACE"), ("副市长", "TITLE"), ("王某明", "PER")} <= spans[0]
    assert ("青州市", "GOV") not in spans[0]
    assert ("赵某阳", "PER") in spans[1] and ("赵某阳", "ORG") not in spans[1]
    assert ("澳大利亚海关", "GOV") in spans[2]


def test_ner_grammar_spans_read_a_foreign_states_armed_forces_as_government():
    """CLUENER's ``government`` covers a state's armed forces; kg's grammar names them
    after the state (美军, 某国海军): GOV."""
    from kg.api import _grammar_spans

    text = "据报道，印度海军与美军昨日举行了联合演习。"
    spans = {(text[s:e], label) for s, e, label in _grammar_spans([text])[0]}
    assert {("印度海军", "GOV"), ("美军", "GOV")} <= spans


def test_ner_grammar_spans_read_state_run_institutions_as_government():
    """CLUENER calls an institution a state body runs ``government`` (a ministry's research
    centre, a city's administrative centre); a school's or a firm's centre stays ORG."""
    from kg.api import _grammar_spans

    texts = ["民政部政策研究中心主任钱某岳表示，", "南宁市住房保障管理中心负责人称，", "北方师范大学城市研究中心主任孔某说，"]
    spans = [{(t[s:e], label) for s, e, label in found} for t, found in zip(texts, _grammar_spans(texts))]
    assert ("民政部政策研究中心", "GOV") in spans[0]
    assert ("南宁市住房保障管理中心", "GOV") in spans[1]
    assert not any(label == "GOV" for _, label in spans[2])


def test_ner_grammar_title_spans_hold_the_qualifier_before_the_role():
    """kg's role is atomic (司长); CLUENER's position holds the qualifier written before it (代理司长)."""
    from kg.api import _grammar_spans

    text = "财政部代理司长孔某表示，"
    assert ("代理司长", "TITLE") in {(text[s:e], label) for s, e, label in _grammar_spans([text])[0]}


def test_ner_combined_merge_policy():
    """The recogniser fills where the grammar has no span; a person of one character (李|先生)
    is never kept, as in a build."""
    from kg.api import _merged

    grammar = {(0, 3, "GOV"), (5, 8, "PLACE")}
    model = {(0, 5, "ORG"), (6, 9, "GOV"), (10, 11, "PER"), (12, 15, "PER"), (16, 18, "TITLE")}
    assert _merged(grammar, model) == grammar | {(12, 15, "PER"), (16, 18, "TITLE")}


# -- the recogniser's organisations pass the grammar's precision checks (#11) ----------------

def _given(text: str, spans: list[tuple[str, str]]) -> list:
    """Spans given as (surface, label) in the order they stand in ``text``, as the
    recogniser's ``Span``s (no model needed)."""
    from kg.nlp.ner import Span

    given, pos = [], 0
    for surface, label in spans:
        pos = text.index(surface, pos)
        given.append(Span(pos, pos + len(surface), label))
        pos += len(surface)
    return given


def _assembler():
    from kg.nlp.agencies import AgencyFinder
    from kg.nlp.assemble import Assembler
    from kg.vocab.lexicon import lexicon

    lex = lexicon()
    return Assembler(AgencyFinder(lex), lex)


def _model_posts(text: str, spans: list[tuple[str, str]]) -> set[tuple[str, str, str]]:
    """(name, role, agency) of the posts assembled from spans given as (surface, label) in
    the order they stand in ``text`` (no model needed: the spans are given)."""
    from kg.records import Context

    return {(f.name, p.role, p.agency.surface)
            for f in _assembler().assemble(text, _given(text, spans), Context()) for p in f.titles}


@pytest.mark.parametrize("text,org,title,name", [
    ("首家商业银行行长陈立新说，", "首家商业银行", "行长", "陈立新"),  # a count: a class of banks
    ("我们要高度重视人民医院院长王建国的建议。", "我们要高度重视人民医院", "院长", "王建国"),  # speech: a clause
    ("青禾县地处山区林场主任刘振华说，", "青禾县地处山区林场", "主任", "刘振华"),  # a verb of location
    ("两轴两带多中心办公室主任孙浩说，", "两轴两带多中心办公室", "主任", "孙浩"),  # a plan's concept
    ("全国税务局局长张海燕说，", "全国税务局", "局长", "张海燕"),  # an office in every place: a group
    ("城市中小学校长杨文军说，", "城市中小学", "校长", "杨文军"),  # schools of a kind: a group
])
def test_ner_model_organisation_the_grammar_calls_a_fragment_is_no_agency(text, org, title, name):
    assert _model_posts(text, [(org, "ORG"), (title, "TITLE"), (name, "PER")]) == set()


def test_ner_model_titles_after_a_fragment_take_no_earlier_agency():
    """A chain keeps its other links; the title after a rejected organisation takes none
    (not the body before it)."""
    text = "市财政局局长、全国税务局副局长李志强说，"
    spans = [("市财政局", "GOV"), ("局长", "TITLE"), ("全国税务局", "ORG"), ("副局长", "TITLE"), ("李志强", "PER")]
    assert _model_posts(text, spans) == {("李志强", "局长", "市财政局")}


@pytest.mark.parametrize("text,org,title,name", [
    ("华科电子有限公司总经理李志强说，", "华科电子有限公司", "总经理", "李志强"),  # a company the grammar does not know
    ("英国曼彻斯特大学教授莫某说，", "英国曼彻斯特大学", "教授", "莫某"),  # a foreign body
    ("联合国儿童基金会执行主任贝某说，", "联合国儿童基金会", "执行主任", "贝某"),  # 联合 is no verb here
    ("中国建设银行行长刘振华说，", "中国建设银行", "行长", "刘振华"),  # nor 建设
    ("东方会展中心主任吴敏说，", "东方会展中心", "主任", "吴敏"),  # a venue with a post: the body that runs it
])
def test_ner_model_organisation_the_grammar_does_not_know_stays(text, org, title, name):
    assert {(n, r) for n, r, _ in _model_posts(text, [(org, "ORG"), (title, "TITLE"), (name, "PER")])} == {(name, title)}


@pytest.mark.skipif(recogniser() is None, reason="no trained recogniser in kg/data/ner")
def test_ner_build_keeps_no_fragment_the_model_reads():
    """End to end: where the grammar rejects a fragment, the recogniser's span of it does
    not come back as an agency."""
    from kg.builder import extract_source
    from kg.records import Source

    text = "首家商业银行行长陈立新说，全国税务局局长张海燕说，城市中小学校长杨文军说，情况良好。"
    ex = extract_source(Source(id="s", path="<text>", raw=text, layout="article"), True)[0]
    surfaces = {a.surface for a in ex.agencies} | {h.agency.surface for h in ex.holdings}
    assert not surfaces & {"首家商业银行", "全国税务局", "城市中小学", "中小学"}, surfaces


# -- the recogniser's persons are checked where they stand and trimmed to the name (#11) -----

def _checked_persons(text: str, spans: list[tuple[str, str]]) -> list[str]:
    """The persons ``Assembler.checked`` keeps of spans given as (surface, label) in order."""
    return [text[s.start:s.end] for s in _assembler().checked(text, _given(text, spans)) if s.label == "PER"]


CHAIN = [("华科电子有限公司", "ORG"), ("总经理", "TITLE")]


def test_ner_model_person_inside_a_book_title_is_no_person():
    """A film named after a post and a name is a work: no person, no post."""
    text = "新片《华科电子有限公司总经理李志强》昨日首映，"
    assert _model_posts(text, CHAIN + [("李志强", "PER")]) == set()
    assert _checked_persons(text, CHAIN + [("李志强", "PER")]) == []


@pytest.mark.parametrize("text,span,name", [
    ("据悉，华科电子有限公司总经理张海燕犯受贿罪被判刑。", "张海燕犯", "张海燕"),
    ("华科电子有限公司总经理刘振华版的改革方案出台。", "刘振华版", "刘振华"),
])
def test_ner_model_person_is_trimmed_to_the_name(text, span, name):
    assert _model_posts(text, CHAIN + [(span, "PER")]) == {(name, "总经理", "华科电子有限公司")}


@pytest.mark.parametrize("text,kept", [
    ("华科电子有限公司总经理李志强路遇落水儿童，", ["李志强"]),  # a title says a person is meant
    ("家住李志强路的居民说，", []),  # no title: a road named after someone
])
def test_ner_model_person_after_a_title_stays(text, kept):
    spans = (CHAIN if kept else []) + [("李志强", "PER")]
    assert _checked_persons(text, spans) == kept


class _Given:
    """A recogniser that reads the given (surface, label) spans in every text it is given."""

    def __init__(self, spans):
        self.given = spans

    def pipe(self, texts):
        from kg.nlp.ner import Span

        return [[Span(t.index(s), t.index(s) + len(s), label) for s, label in self.given if s in t] for t in texts]


def test_ner_build_trims_a_model_person_and_its_evidence_indexes_the_text(monkeypatch):
    """End to end, where the grammar reads no person: the person the recogniser reads with
    a character after the name (贝尼特斯|犯) is the name, and every evidence span of it and
    of its post is the text at its offsets."""
    from kg import builder
    from kg.nlp.extract import Extractor
    from kg.records import Source

    raw = "本报讯 据悉，蓝海星辰总经理贝尼特斯犯受贿罪，一审被判有期徒刑。"
    extractor = Extractor(use_model=False)
    extractor.recogniser = _Given([("蓝海星辰", "ORG"), ("总经理", "TITLE"), ("贝尼特斯犯", "PER")])
    monkeypatch.setattr(builder, "_extractor", lambda use_model=True: extractor)
    ex = builder.extract_source(Source(id="s", path="<text>", raw=raw, layout="article"), True)[0]
    persons = [p for p in ex.persons if p.cue == "ner"]
    assert [p.name for p in persons] == ["贝尼特斯"]
    assert [(h.person, h.role, h.agency.label) for h in ex.holdings] == [("贝尼特斯", "总经理", "蓝海星辰")]
    for ev in [p.evidence for p in persons] + [h.evidence for h in ex.holdings]:
        assert raw[ev.start:ev.end] == ev.anchor
    assert persons[0].evidence.anchor == "贝尼特斯" and ex.holdings[0].evidence.anchor == "蓝海星辰总经理贝尼特斯"


def test_ner_eval_scores_the_model_persons_a_build_keeps(monkeypatch):
    """kg eval-ner scores the recogniser's persons as a build reads them (Assembler.checked)."""
    from kg.api import _model_spans
    from kg.nlp import ner

    texts = ["新片《华科电子有限公司总经理李志强》昨日首映，", "据悉，华科电子有限公司总经理张海燕犯受贿罪被判刑。"]
    monkeypatch.setattr(ner, "recogniser", lambda: _Given(CHAIN + [("李志强", "PER"), ("张海燕犯", "PER")]))
    persons = [{t[s:e] for s, e, label in spans if label == "PER"} for t, spans in zip(texts, _model_spans(texts))]
    assert persons == [set(), {"张海燕"}]


@pytest.mark.skipif(recogniser() is None, reason="no trained recogniser in kg/data/ner")
def test_ner_model_loaded_without_its_string_table_finds_the_same_spans():
    """The recogniser leaves the stored vocab unread (its features are hashes): the spans are
    those of the whole model as spaCy loads it."""
    import spacy

    from kg.nlp.ner import MODEL_DIR, Recogniser

    texts = ["国务院副总理钱立新出席开幕式", "某省发展改革委主任孙明远介绍，全省完成投资1200亿元。",
             "东方远航集团董事长何思源、总经理白露会见了来访的客人。", "市人民医院院长赵一鸣表示"]
    light = Recogniser()
    assert len(light.nlp.vocab.strings) < 1000  # the 57,000 strings of training left unread
    whole = spacy.load(MODEL_DIR)
    expected = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in whole.pipe(texts)]
    got = [[(s.start, s.end, s.label) for s in spans] for spans in light.pipe(texts)]
    assert got == expected and any(expected)
