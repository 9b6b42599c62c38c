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


def test_ner_combined_merge_policy():
    """The recogniser fills where the grammar has no span; a person of one character (李|先生)
    is never kept, as in a build."""
    from kg.api import _merged

    grammar = {(0, 3, "GOV"), (5, 8, "PLACE")}
    model = {(0, 5, "ORG"), (6, 9, "GOV"), (10, 11, "PER"), (12, 15, "PER"), (16, 18, "TITLE")}
    assert _merged(grammar, model) == grammar | {(12, 15, "PER"), (16, 18, "TITLE")}
