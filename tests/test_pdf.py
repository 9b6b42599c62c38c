"""PDF pages: the text layer read in reading order, offsets into the kept source text,
every PDF evidence with its page and box.

The PDFs are typeset here with reportlab's built-in CJK font (tests/_pdfpages.py): the
bundled page's articles as kg reads them from corpus/, and pages of invented text.
"""
import json
import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from _pdfpages import Story, image_only, stories_of, typeset
from click.testing import CliRunner
from rdflib import Literal
from rdflib.namespace import RDF

from kg import open as kg_open
from kg.builder import build, extract_source
from kg.cli import cli
from kg.graph.namespace import KG, NIF
from kg.graph.validate import kept_text
from kg.text.formats import split_articles
from kg.text.pdf import NO_TEXT
from kg.text.sources import read_sources

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
FILLER = "全市上下持续推进各项重点工作，主要指标稳中有进、进中向好，发展质量不断提升。"


def _facts(exs):
    persons = {p.name for ex in exs for p in ex.persons}
    posts = {(h.person, h.role, h.agency.label) for ex in exs for h in ex.holdings}
    figures = {(f.value, f.unit) for ex in exs for f in ex.figures}
    return persons, posts, figures


def _body_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    """The bundled page's articles (as kg reads corpus/) typeset in two columns, and built."""
    txt = sorted(CORPUS.glob("*.txt"))[0]
    [text_source], _, _ = read_sources([txt])
    folder = tmp_path_factory.mktemp("pdf")
    pdf = typeset(folder / f"{txt.stem}.pdf", stories_of(split_articles(text_source)), columns=2)
    for meta in CORPUS.glob("*.meta.json"):  # the same date, city and paper
        shutil.copy(meta, folder / meta.name)
    out = folder / "out"
    result = build([str(pdf)], out, model=False, html=False, progress=False, validate=False)
    [pdf_source], refused, _ = read_sources([pdf])
    return {"text": text_source, "pdf": pdf_source, "path": pdf, "out": out, "result": result, "refused": refused}


def test_pdf_two_columns_give_the_facts_of_the_text_page(page):
    assert page["pdf"].format == "pdf" and not page["refused"]
    text_facts = _facts(extract_source(page["text"], use_model=False))
    pdf_exs = extract_source(page["pdf"], use_model=False)
    persons, posts, figures = _facts(pdf_exs)
    assert text_facts[0] and persons == text_facts[0]
    assert text_facts[1] and posts == text_facts[1]
    assert text_facts[2] and figures == text_facts[2]
    assert [ex.article.headline for ex in pdf_exs] == [a.headline for a in split_articles(page["text"])]
    raw = page["pdf"].raw
    for ex in pdf_exs:  # offsets index the PDF's source text
        for rec in [*ex.persons, *ex.holdings, *ex.figures, *ex.agencies, *ex.programs, *ex.events]:
            ev = rec.evidence
            assert raw[ev.start:ev.end] == ev.anchor
            assert (ev.page is not None) == (ev.end > ev.start)


def test_pdf_every_evidence_has_its_page_and_a_box_on_it(page):
    g = page["result"].graph
    doc = pdfium.PdfDocument(str(page["path"]))
    try:
        sizes = [doc[k].get_size() for k in range(len(doc))]
        checked = 0
        for ev in g.subjects(RDF.type, NIF.Phrase):
            anchor = str(g.value(ev, NIF.anchorOf))
            if not anchor:
                continue
            number = g.value(ev, KG.page)
            assert number is not None and number.datatype.endswith("positiveInteger"), ev
            x0, y0, x1, y1 = map(float, str(g.value(ev, KG.bbox)).split())
            width, height = sizes[int(number) - 1]
            assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height
            # the box holds the span as printed: what PDFium prints there contains the anchor
            printed = doc[int(number) - 1].get_textpage().get_text_bounded(x0, y0, x1, y1)
            assert "".join(anchor.split()) in "".join(printed.split()), (anchor, printed)
            checked += 1
        assert checked > 100
    finally:
        doc.close()


def test_pdf_source_text_is_kept_and_validate_finds_no_mismatch(page):
    out, source = page["out"], page["pdf"]
    kept = kept_text(out, source.id)
    assert kept.read_text(encoding="utf-8") == source.raw
    result = CliRunner().invoke(cli, ["validate", str(out)])
    assert result.exit_code == 0, result.output
    assert "0 mismatch(es)" in result.output and "checked against its source text in texts/" in result.output
    assert "not checked" not in result.output


def test_pdf_validate_names_a_changed_source_text(page, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(page["out"], out)
    kept = kept_text(out, page["pdf"].id)
    kept.write_text(kept.read_text(encoding="utf-8").replace("局长", "处长"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(out)])
    assert result.exit_code == 1 and "anchor differs from" in result.output


def test_pdf_three_columns_and_a_vertical_headline_read_in_order(tmp_path):
    stories = [
        Story("某市召开经济形势分析会", [f"甲{k}：" + FILLER * 2 for k in range(1, 4)]),
        Story("某市部署春季农业生产", [f"乙{k}：" + FILLER * 3 for k in range(1, 3)], vertical=True),
        Story("某区推进老旧小区改造", [f"丙{k}：" + FILLER for k in range(1, 5)], kicker="民生实事"),
        Story("某县举行重点项目集中开工仪式", [f"丁{k}：" + FILLER * 4 for k in range(1, 4)]),
    ]
    path = typeset(tmp_path / "three.pdf", stories, columns=3)
    [source], refused, _ = read_sources([path])
    assert not refused
    expected = []
    for s in stories:
        expected += ([s.kicker] if s.kicker else []) + [s.headline] + s.paragraphs
    assert _body_lines(source.raw) == expected  # columns, pages and the vertical headline in order
    arts = split_articles(source)
    assert [(a.kicker, a.headline) for a in arts] == [(s.kicker, s.headline) for s in stories]
    assert [a.text.split("\n") for a in arts] == [s.paragraphs for s in stories]
    vertical = arts[1]
    assert source.raw[slice(*vertical.headline_span)] == stories[1].headline


def test_pdf_drawing_order_means_nothing(tmp_path):
    # the same stories, every character drawn alone in a shuffled order: the same text
    stories = [Story("某市召开经济形势分析会", [f"甲{k}：" + FILLER * 2 for k in range(1, 4)]),
               Story("某市部署春季农业生产", [f"乙{k}：" + FILLER for k in range(1, 3)], vertical=True),
               Story("某县举行重点项目集中开工仪式", ["2024年3月5日，" + FILLER * 3])]
    texts = []
    for scramble in (False, True):
        [source], _, _ = read_sources([typeset(tmp_path / f"s{scramble}.pdf", stories, columns=3, scramble=scramble)])
        texts.append(source.raw)
    assert texts[0] == texts[1]
    assert "2024年3月5日，" in texts[1]


def test_pdf_damaged_text_layer_is_repaired(tmp_path):
    # spaces set inside words and numbers (高 峰, 12 月 28 日): the text reads whole
    story = Story("某市召开新闻发布会", ["本报讯（记者 李明远）12 月 28 日，市统计局局长王 立新介绍，全市地区生产总值增长 5.2%。"])
    [source], _, _ = read_sources([typeset(tmp_path / "damaged.pdf", [story])])
    [ex] = extract_source(source, use_model=False)
    assert ex.article.date_said == "12月28日" and "王立新" in ex.article.text
    assert {(h.person, h.role) for h in ex.holdings} >= {("王立新", "局长"), ("李明远", "记者")}
    assert {(f.value, f.unit) for f in ex.figures} == {("5.2", "%")}


def test_pdf_layout_and_text_split_articles_together(tmp_path):
    # a story whose body holds a second article (a body-size headline line, then a byline):
    # the layout splits at the big headlines, the segmenter inside at the byline
    stories = [
        Story("某市召开安全生产工作会议", ["本报讯（记者 李明远）3日上午，某市应急管理局局长张晓光介绍，全市安全生产形势总体平稳。",
                                  FILLER, "某县开展消防演练", "本报讯（记者 王海涛）3日，某县消防救援大队大队长刘志强介绍，演练覆盖全县。"]),
        Story("某市教育局部署开学工作", ["某市教育局局长陈立新表示，全市中小学增加学位3200个。"]),
    ]
    [source], _, _ = read_sources([typeset(tmp_path / "split.pdf", stories)])
    exs = extract_source(source, use_model=False)
    assert [ex.article.headline for ex in exs] == ["某市召开安全生产工作会议", "某县开展消防演练", "某市教育局部署开学工作"]
    posts = {(h.person, h.role) for ex in exs for h in ex.holdings}
    assert {("张晓光", "局长"), ("刘志强", "大队长"), ("陈立新", "局长"), ("李明远", "记者"), ("王海涛", "记者")} <= posts


def test_pdf_table_of_figures_reads_a_row_a_sentence(tmp_path):
    # the table stands in the third column, level with two columns of text: they stay text
    rows = [["指标", "增速"], ["规模以上工业增加值", "8.3%"], ["固定资产投资", "6.1%"], ["社会消费品零售总额", "7.4%"]]
    stories = [Story("某市召开经济形势分析会", [FILLER * 3, FILLER * 2]),
               Story("某市一季度经济运行情况", ["某市统计局局长赵东升介绍，一季度全市经济运行总体平稳。"], table=rows)]
    [source], _, _ = read_sources([typeset(tmp_path / "table.pdf", stories, columns=3)])
    assert _body_lines(source.raw)[:4] == ["某市召开经济形势分析会", FILLER * 3, FILLER * 2, "某市一季度经济运行情况"]
    lines = _body_lines(source.raw)
    assert lines[-4:] == ["\t".join(r) + "\t" for r in rows]  # a row a line, cells apart by a tab
    exs = extract_source(source, use_model=False)
    figures = {(f.value, f.unit): f for ex in exs for f in ex.figures}
    assert {("8.3", "%"), ("6.1", "%"), ("7.4", "%")} <= set(figures)
    growth = figures[("8.3", "%")]
    assert growth.evidence.page == 1 and source.raw[growth.evidence.start:growth.evidence.end] == growth.evidence.anchor
    assert "规模以上工业增加值" in growth.indicator or "工业增加值" in growth.evidence.sentence


def test_pdf_without_text_layer_is_refused_by_name(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    image_only(folder / "scan.pdf")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    (folder / "page.txt").write_text("会议召开\n\n某市统计局局长孙建华介绍，全市增长5%。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = build([str(folder)], out, model=False, html=False, progress=False, validate=False)
    refused = {Path(r["path"]).name: r["reason"] for r in result.report["refused"]}
    assert refused["scan.pdf"] == NO_TEXT and "no text layer; kg does not OCR" in NO_TEXT
    assert "not a PDF kg can open" in refused["broken.pdf"]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [s["id"].rsplit("/", 1)[-1] for s in report["sources"]] == ["page.txt"]
    assert not (out / "texts").exists()  # no PDF built, no texts


def test_pdf_page_and_bbox_are_checked_by_the_shapes(tmp_path):
    from kg.builder import _triples
    from kg.graph.validate import validate
    from kg.resolve import resolve

    story = Story("某市召开会议", ["某市统计局局长周文斌介绍，全市增长5%。"])
    [source], _, _ = read_sources([typeset(tmp_path / "one.pdf", [story])])
    exs = extract_source(source, use_model=False)
    g = _triples([source], exs, resolve(exs), None).to_graph()
    assert validate(g).conforms
    ev = next(iter(g.subjects(KG.page, None)))
    g.set((ev, KG.page, Literal(0)))
    g.add((ev, KG.bbox, Literal("1 2 3")))
    messages = " ".join(v.message for v in validate(g).violations)
    assert "kg:page" in messages and "kg:bbox" in messages


def test_pdf_explain_shows_the_page_and_the_box(page):
    """kg explain points to where a fact is printed: the page and the box on it."""
    import re

    people = kg_open(page["out"]).query("SELECT ?n WHERE { ?p a foaf:Person ; org:holds ?post ; foaf:name ?n } "
                                        "ORDER BY ?n LIMIT 1").rows
    name = str(people[0]["n"])
    result = CliRunner().invoke(cli, ["explain", str(page["out"]), name])
    assert result.exit_code == 0, result.output
    assert re.search(r"\] p\.\d+ \[\d+(\.\d+)? \d+(\.\d+)? \d+(\.\d+)? \d+(\.\d+)?\] «", result.output), result.output
