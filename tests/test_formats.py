"""Inputs as they come: Markdown archives, saved HTML pages, symlinked files and folders.

Every page here is written in the test with invented names and figures; each must give
exactly the persons, posts and figures written into it, and every evidence offset must
index the original file (``raw[begin:end] == anchor``), markup inside a span included.
"""
import json
import os
from pathlib import Path

import pytest

from kg.builder import extract_source
from kg.text.html import parse as parse_html
from kg.text.markdown import parse as parse_markdown
from kg.text.sources import read_sources

DAY_ONE = """# 某市日报

## 某市召开经济运行分析会

本报讯（记者 李小龙）21日上午，某市发展改革委主任**张三丰**介绍，全市地区生产总值增长12.5%。

- 规模以上工业增加值增长*8.3%*；
- 详见[市统计局网站](http://tongji.example.cn/a?id=1)。

![会场](img/a.png)

```text
示例代码
```

## 某市财政局部署“六稳”工作

市财政局局长__王五__指出，全市一般公共预算收入增长3.4%。<!-- 编辑备注：某局局长赵大宝 -->
"""

ARCHIVE = """---
title: 某市日报合订本
date: 2024-05-22
---

## 某市召开农业农村工作会议

市农业农村局局长钱志远介绍，全市粮食总产量增长2.6%。

# 2024年5月23日

## 某市科技局召开座谈会

市科技局局长孙悟空表示，全市高新技术企业数量增长18%。

| 指标 | 增速 |
|---|---|
| 研发投入 | 9.9% |

某市人社局召开招聘会
======================

日期：2024年5月24日

市人社局局长周小舟介绍，全市城镇新增就业增长4.4%。
"""

PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head>
<meta charset="utf-8">
<title>某市召开经济运行分析会_某市人民政府网</title>
<meta name="PubDate" content="2024-05-21 09:30">
<style>.ad{color:red}</style>
<script>var hot = "某县县长钱二介绍，全县增长8%。";</script>
</head><body>
<div class="header"><nav><ul><li><a href="/">首页</a></li><li><a href="/news">新闻中心</a></li></ul></nav></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; 新闻中心</div>
<div class="main">
 <div class="article">
  <h1>某市召开&ldquo;经济运行&rdquo;分析会</h1>
  <div class="info">发布时间：2024-05-21 来源：某市日报 记者：李小龙</div>
  <div class="content">
   <p>&nbsp;&nbsp;20日上午，某市发展改革委主任<strong>张三丰</strong>介绍，全市地区生产总值
   增长12.5%。</p>
   <p>市财政局局长王五指出，要抓好&ldquo;六稳&rdquo;工作，全市一般公共预算收入增长3.4%。</p>
  </div>
 </div>
 <div class="ad-box"><p>广告：某某公司董事长赵大宝推荐产品，销量增长99%。</p></div>
 <div class="related"><h3>相关新闻</h3><ul><li><a href="/1">某县县长钱二介绍全县经济增长8%</a></li></ul></div>
 <div id="comments"><p>网友孙三：某市教育局局长李四讲得好，点赞量增长50%。</p></div>
 <!-- <p>某市卫健委主任周末介绍，增长7%。</p> -->
</div>
<div class="footer"><p>主办：某市人民政府办公室　网站标识码：1234567890</p></div>
</body></html>
"""


def _extract(path):
    sources, refused, skipped = read_sources([path])
    assert not refused and not skipped, (refused, skipped)
    return sources, [ex for src in sources for ex in extract_source(src, use_model=False)]


def _check_anchors(raw: str, exs) -> int:
    """Every evidence of every record indexes ``raw`` exactly; RETURNS how many."""
    n = 0
    for ex in exs:
        for rec in [*ex.persons, *ex.holdings, *ex.figures, *ex.agencies, *ex.programs, *ex.events]:
            ev = rec.evidence
            if ev.end > ev.start:
                assert raw[ev.start:ev.end] == ev.anchor, (rec, ev)
                n += 1
    return n


def _facts(exs):
    persons = {p.name for ex in exs for p in ex.persons}
    posts = {(h.person, h.role, h.agency.label) for ex in exs for h in ex.holdings}
    figures = {(f.value, f.unit) for ex in exs for f in ex.figures}
    return persons, posts, figures


# -- Markdown ----------------------------------------------------------------------


def test_formats_markdown_view_keeps_every_offset():
    parsed = parse_markdown(DAY_ONE)
    assert len(parsed.view) == len(DAY_ONE)
    for markup in ("**", "__", "](http", "![", "```", "<!--", "- "):
        assert markup not in parsed.view
    kept = [i for i, ch in enumerate(parsed.view) if not ch.isspace()]
    assert all(parsed.view[i] == DAY_ONE[i] for i in kept)  # what is read stands where it is written
    assert "示例代码" in parsed.view and "市统计局网站" in parsed.view and "会场" not in parsed.view
    assert "赵大宝" not in parsed.view  # an HTML comment is no text


def test_formats_markdown_archive_of_several_days(tmp_path):
    (tmp_path / "2024-05-21.md").write_text(DAY_ONE, encoding="utf-8")
    (tmp_path / "archive.md").write_text(ARCHIVE, encoding="utf-8")
    sources, exs = _extract(tmp_path)
    assert [s.format for s in sources] == ["markdown", "markdown"]
    arts = [ex.article for ex in exs]
    assert [(a.headline, a.date) for a in arts] == [
        ("某市召开经济运行分析会", "2024-05-21"),  # the date in the file name (21日上午 agrees)
        ("某市财政局部署“六稳”工作", "2024-05-21"),
        ("某市召开农业农村工作会议", "2024-05-22"),  # front matter
        ("某市科技局召开座谈会", "2024-05-23"),  # the day heading above it
        ("某市人社局召开招聘会", "2024-05-24"),  # a setext heading and its date line
    ]
    persons, posts, figures = _facts(exs)
    assert persons == {"李小龙", "张三丰", "王五", "钱志远", "孙悟空", "周小舟"}
    assert {(p, r) for p, r, _ in posts} == {("李小龙", "记者"), ("张三丰", "主任"), ("王五", "局长"),
                                             ("钱志远", "局长"), ("孙悟空", "局长"), ("周小舟", "局长")}
    assert ("张三丰", "主任", "市发展和改革委员会") in posts and ("王五", "局长", "市财政局") in posts
    assert figures == {("12.5", "%"), ("8.3", "%"), ("3.4", "%"), ("2.6", "%"), ("18", "%"), ("9.9", "%"),
                       ("4.4", "%")}
    by_source = {s.id: s.raw for s in sources}
    for ex in exs:
        assert _check_anchors(by_source[ex.article.source], [ex])
        a = ex.article
        assert by_source[a.source][slice(*a.headline_span)] == a.headline  # the headline's own offsets
    [zhang] = [h for ex in exs for h in ex.holdings if h.person == "张三丰"]
    assert zhang.evidence.anchor == "市发展改革委主任**张三丰"  # exactly as written, markup and all
    assert "赵大宝" not in persons


def test_formats_markdown_dates_sidecar_first_then_front_matter_then_name(tmp_path):
    page = tmp_path / "20240501-daily.md"
    page.write_text("---\ndate: 2024-06-01\n---\n\n## 标题\n\n市统计局局长王小二介绍，增长1%。\n", encoding="utf-8")
    [src], _, _ = read_sources([page])
    assert src.date == "2024-06-01"  # the file's own front matter beats its name
    (tmp_path / "20240501-daily.md.meta.json").write_text('{"date": "2024-07-01"}', encoding="utf-8")
    [src], _, _ = read_sources([page])
    assert src.date == "2024-07-01"
    bare = tmp_path / "20240502-notes.md"
    bare.write_text("日期：2024年8月3日\n\n## 标题\n\n正文一句。\n", encoding="utf-8")
    [src], _, _ = read_sources([bare])
    assert src.date == "2024-08-03"  # a date line before the first heading


def test_formats_markdown_without_body_and_readme_are_skipped(tmp_path):
    (tmp_path / "README.md").write_text("# 说明\n\n本目录收录某市日报。\n", encoding="utf-8")
    (tmp_path / "toc.md").write_text("# 目录\n\n## 第一期\n", encoding="utf-8")
    sources, refused, skipped = read_sources([tmp_path])
    assert not sources and not refused
    reasons = {Path(r.path).name: r.reason for r in skipped}
    assert "documentation" in reasons["README.md"] and "without text" in reasons["toc.md"]


# -- HTML --------------------------------------------------------------------------


def test_formats_html_page_title_date_author_body(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    page = parse_html(PAGE)
    assert page.title == "某市召开“经济运行”分析会"
    assert PAGE[slice(*page.title_span)] == "某市召开&ldquo;经济运行&rdquo;分析会"
    assert page.date == "2024-05-21" and page.byline[0] == "记者：李小龙"
    body = page.view[slice(*page.body)]
    for noise in ("首页", "当前位置", "赵大宝", "钱二", "李四", "周末", "主办", "发布时间", "var hot"):
        assert noise not in page.view, noise
    assert "张三丰" in body and "“      六稳”" in body  # &ldquo; is “ and six blanks: offsets stay the file's

    sources, exs = _extract(path)
    assert sources[0].format == "html" and sources[0].date == "2024-05-21"
    [ex] = exs
    assert ex.article.headline == "某市召开“经济运行”分析会"
    persons, posts, figures = _facts(exs)
    assert persons == {"李小龙", "张三丰", "王五"}
    assert posts == {("李小龙", "记者", "本报"), ("张三丰", "主任", "市发展和改革委员会"), ("王五", "局长", "市财政局")}
    assert figures == {("12.5", "%"), ("3.4", "%")}
    assert _check_anchors(PAGE, exs) >= 6
    [zhang] = [h for h in ex.holdings if h.person == "张三丰"]
    assert zhang.evidence.anchor == "市发展改革委主任<strong>张三丰"  # offsets into the HTML file itself
    [li] = [p for p in ex.persons if p.name == "李小龙"]
    assert li.cue == "byline" and PAGE[li.evidence.start:li.evidence.end] == "李小龙"


PLAIN_PAGE = """<html><head><title>某县召开春耕生产部署会_某县人民政府</title></head><body>
<div class="top"><h1 class="logo"><a href="/">某县人民政府</a></h1></div>
<div class="wrap"><div class="tit">某县召开春耕生产部署会</div>
<div class="source">来源：某县农业农村局　时间：2024年3月5日</div>
<div class="txt"><p>3月4日，县农业农村局局长冯远征介绍，全县春播面积增长3.2%。</p>
<p>县长陈光明要求，抓好春耕生产。</p></div>
<div><a href="/a">上一篇：某县召开会议</a> <a href="/b">下一篇：某县县长魏大勇调研</a></div></div>
</body></html>"""


def test_formats_html_without_article_tags(tmp_path):
    """A site template of bare divs: the body is the densest text, the title the one the
    <title> repeats (not the logo's <h1>), the date from the info line."""
    path = tmp_path / "notice.htm"
    path.write_text(PLAIN_PAGE, encoding="utf-8")
    sources, exs = _extract(path)
    assert sources[0].date == "2024-03-05"
    [ex] = exs
    assert ex.article.headline == "某县召开春耕生产部署会"
    assert PLAIN_PAGE[slice(*ex.article.headline_span)] == "某县召开春耕生产部署会"
    persons, posts, figures = _facts(exs)
    assert persons == {"冯远征", "陈光明"} and posts == {("冯远征", "局长", "县农业农村局")}
    assert figures == {("3.2", "%")}
    assert _check_anchors(PLAIN_PAGE, exs)


def test_formats_html_reference_at_the_end_of_a_span_ends_after_its_semicolon():
    page = parse_html(PAGE)
    from kg.records import Source
    from kg.text.html import articles

    [art] = articles(Source(id="p.html", path="p.html", raw=PAGE, format="html"))
    i = art.text.index("“六稳”")
    ev = art.evidence(i, i + 4)
    assert ev.anchor == "&ldquo;六稳&rdquo;" and PAGE[ev.start:ev.end] == ev.anchor
    assert page.widths  # the references it read are remembered


def test_formats_html_in_gbk_declared_by_its_meta_charset(tmp_path):
    path = tmp_path / "gbk.htm"
    path.write_bytes(PAGE.replace('charset="utf-8"', 'charset="gbk"').replace("&nbsp;", "").encode("gbk"))
    sources, exs = _extract(path)
    assert sources[0].encoding == "gb18030"
    assert _facts(exs)[0] == {"李小龙", "张三丰", "王五"}


# -- symlinks and a mixed folder ---------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_formats_symlinks_followed_loops_named(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "far.txt").write_text("会议召开\n\n市统计局局长王立国介绍，全市增长5%。\n", encoding="utf-8")
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "sub" / "near.txt").write_text("会议召开\n\n市统计局局长王立国介绍，全市增长5%。\n", encoding="utf-8")
    os.symlink(elsewhere, d / "linked")  # a linked folder: read
    os.symlink(d, d / "sub" / "up")  # back to a folder it stands in: a loop
    os.symlink("self", d / "self")  # a link to itself
    os.symlink(d / "sub" / "near.txt", d / "alias.txt")  # the same file again: read once
    sources, refused, _ = read_sources([d])
    assert sorted(Path(s.id).relative_to(d).as_posix() for s in sources) == ["linked/far.txt", "sub/near.txt"]
    reasons = {Path(r.path).relative_to(d).as_posix(): r.reason for r in refused}
    assert "symlink loop" in reasons["sub/up"] and str(d) in reasons["sub/up"]
    assert "symlink loop" in reasons["self"]
    assert "same file" in reasons["alias.txt"]


def test_formats_mixed_folder_builds_in_one_run(tmp_path):
    import kg

    d = tmp_path / "in"
    d.mkdir()
    (d / "page.txt").write_text("某县召开会议\n\n县统计局局长吴小九介绍，全县粮食产量增长4.2%。\n", encoding="utf-8")
    (d / "recs.json").write_text(json.dumps([{"title": "某区会议", "text": "区财政局局长郑十一表示，全区税收增长2%。",
                                              "date": "2024-05-23"}], ensure_ascii=False), encoding="utf-8")
    (d / "2024-05-21.md").write_text(DAY_ONE, encoding="utf-8")
    (d / "page.html").write_text(PAGE, encoding="utf-8")
    (d / "lines.jsonl").write_text(json.dumps({"title": "某镇会议", "text": "镇农业站站长冯十二介绍，全镇新建大棚30座。",
                                               "date": "2024-05-24"}, ensure_ascii=False) + "\n", encoding="utf-8")
    pdfpages = pytest.importorskip("_pdfpages", reason="the PDF part needs reportlab (the test extras)")
    pdfpages.typeset(d / "2024-05-25.pdf", [pdfpages.Story("某市会议召开", ["市水利局局长褚十三介绍，全市新修水渠12公里。"])])
    (d / "README.md").write_text("# 说明\n\n收录说明。\n", encoding="utf-8")
    (d / "logo.png").write_bytes(b"\x89PNG\r\n")
    if hasattr(os, "symlink"):
        os.symlink(d, d / "loop")
    out = tmp_path / "out"
    result = kg.build([str(d)], out, html=False, progress=False, model=False)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    listed = {Path(s["id"].split("#")[0]).name for s in report["sources"]}
    listed |= {Path(r["path"]).name for r in report["refused"] + report["skipped"]}
    assert listed == {"page.txt", "recs.json", "lines.jsonl", "2024-05-21.md", "page.html", "2024-05-25.pdf",
                      "README.md", "logo.png"} | (
        {"loop"} if hasattr(os, "symlink") else set())
    assert {s["id"].rsplit("/", 1)[-1]: s["articles"] for s in report["sources"]} == {
        "page.txt": 1, "recs.json#1": 1, "lines.jsonl#L1": 1, "2024-05-21.md": 2, "page.html": 1, "2024-05-25.pdf": 1}
    people = {p for a in report["articles"] for p in a["people"]}
    assert people == {"吴小九", "郑十一", "冯十二", "李小龙", "张三丰", "王五", "褚十三"}
    checked = kg.open(out).validate(progress=False)
    assert not checked.anchors.mismatches and checked.anchors.checked >= 10
    assert sorted(Path(s.split(" ")[0]).name for s in checked.anchors.skipped) == ["lines.jsonl#L1", "recs.json#1"]
    assert result.ok
