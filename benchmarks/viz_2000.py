"""How fast a 2,000-node HTML view is built, opens and reacts in headless Chromium.

Usage:
    python benchmarks/viz_2000.py                 # a synthetic 2,000-node graph in kg's schema
    python benchmarks/viz_2000.py BUILD_OR_TTL    # a real build (e.g. of a larger corpus)
    python benchmarks/viz_2000.py --nodes 5000    # another size
    python benchmarks/viz_2000.py --nodes 21000   # a month of a national paper (see --shares)

Prints the Python-side times (projection, layout and page, write), the page size in
bytes and, in the browser (networking disabled): time from navigation to the first drawn
frame, a click that opens the details panel, and the draw time per frame while dragging
a node. The goal is an interactive page within 3 seconds; the ratio to that budget is
printed last. Measured, not asserted (machines differ): the browser tests assert
behaviour only (tests/test_viz.py asserts the bytes per node of a month-shaped graph).

``--shares month`` (the default from 10,000 nodes) draws the graph with the shares of a
month of a national paper (2,194 articles gave 21,236 nodes, 11,199 of them programs):
about 10% articles, 53% programs, the rest people, agencies and events, with source
sentences of a real article's length, so the page size is what such a build writes.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.view import network, viz
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # the test-only browser driver
from _headless import Browser, find_chromium  # noqa: E402
from kg.graph.namespace import FOAF, KG, KGR, NIF, ORG, PROV, SCHEMA, SKOS, bind_prefixes

BUDGET_MS = 3000.0


def synthetic(nodes: int = 2000, seed: int = 7) -> Graph:
    """A deterministic graph in kg's schema whose default view has about ``nodes`` nodes.

    Shares: 35% people, 20% agencies (with a hierarchy), 30% programs, 9% events,
    6% articles; each article mentions ~25 things, people hold posts with evidence,
    events have 3-8 participants, agencies lead programs.
    """
    import random

    rnd = random.Random(seed)
    g = bind_prefixes(Graph())
    n_people, n_orgs = int(nodes * 0.35), int(nodes * 0.20)
    n_programs, n_events = int(nodes * 0.30), int(nodes * 0.09)
    n_articles = nodes - n_people - n_orgs - n_programs - n_events
    surnames, given = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗", "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚"
    people = [KGR[f"person/{i}"] for i in range(n_people)]
    orgs = [KGR[f"org/{i}"] for i in range(n_orgs)]
    programs = [KGR[f"program/{i}"] for i in range(n_programs)]
    events = [KGR[f"event/{i}"] for i in range(n_events)]
    articles = [KGR[f"article/{i}"] for i in range(n_articles)]
    for i, a in enumerate(articles):
        g.add((a, RDF.type, SCHEMA.NewsArticle))
        g.add((a, SCHEMA.headline, Literal(f"第{i}篇：推进高质量发展工作会议召开")))
        g.add((a, SCHEMA.datePublished, Literal(f"2023-12-{1 + i % 28:02d}", datatype=XSD.date)))
    for i, o in enumerate(orgs):
        g.add((o, RDF.type, ORG.Organization))
        g.add((o, RDF.type, KG.GovernmentAgency))
        g.add((o, SKOS.prefLabel, Literal(f"聊城市第{i}局")))
        if i:
            g.add((o, ORG.subOrganizationOf, orgs[rnd.randrange(0, max(1, i // 4) + 1)]))
    roles = [KGR[f"role/{r}"] for r in range(4)]
    for r, name in zip(roles, ("局长", "副局长", "党组书记", "主任")):
        g.add((r, RDF.type, ORG.Role))
        g.add((r, SKOS.prefLabel, Literal(name)))
    ev_id = 0
    for i, p in enumerate(people):
        g.add((p, RDF.type, FOAF.Person))
        g.add((p, FOAF.name, Literal(surnames[i % 20] + given[(i // 20) % 20] + given[i % 7])))
        org, role = orgs[rnd.randrange(n_orgs)], rnd.randrange(4)
        post = KGR[f"post/{i}"]
        g.add((post, RDF.type, ORG.Post))
        g.add((post, ORG.postIn, org))
        g.add((post, ORG.role, roles[role]))
        g.add((post, RDFS.label, Literal(f"聊城市某局{['局长', '副局长', '党组书记', '主任'][role]}")))
        g.add((p, ORG.holds, post))
        m, ev = KGR[f"membership/{i}"], KGR[f"evidence/{ev_id}"]
        ev_id += 1
        article = articles[rnd.randrange(n_articles)]
        g.add((m, RDF.type, ORG.Membership))
        g.add((m, ORG.member, p))
        g.add((m, ORG.organization, org))
        g.add((m, KG.post, post))
        g.add((m, PROV.wasDerivedFrom, ev))
        g.add((ev, RDF.type, NIF.Phrase))
        g.add((ev, NIF.referenceContext, article))
        g.add((ev, NIF.anchorOf, Literal("局长某某")))
        g.add((ev, KG.sentence, Literal(f"会上，局长某某介绍了第{i}项工作的进展情况。")))
        g.add((article, SCHEMA.mentions, p))
        g.add((article, SCHEMA.mentions, org))
    for i, pr in enumerate(programs):
        g.add((pr, RDF.type, KG.Program))
        g.add((pr, SKOS.prefLabel, Literal(f"第{i}项三年行动计划")))
        g.add((pr, KG.ledBy, orgs[rnd.randrange(n_orgs)]))
        g.add((articles[rnd.randrange(n_articles)], SCHEMA.mentions, pr))
    for i, e in enumerate(events):
        g.add((e, RDF.type, SCHEMA.Event))
        g.add((e, SCHEMA.name, Literal(f"第{i}次新闻发布会")))
        g.add((e, SCHEMA.organizer, orgs[rnd.randrange(n_orgs)]))
        for j, p in enumerate(rnd.sample(people, rnd.randint(3, 8))):
            part = URIRef(f"{e}/p{j}")
            g.add((e, KG.participation, part))
            g.add((part, KG.participant, p))
            g.add((part, KG.participantRole, Literal("speaker" if j < 2 else "attendee")))
        g.add((articles[rnd.randrange(n_articles)], SCHEMA.mentions, e))
    return g


#: shares of a month of a national paper: 2,194 articles, 11,199 programs in 21,236 nodes
MONTH_SHARES = {"Article": 0.103, "Program": 0.527, "Person": 0.20, "Organization": 0.12}
_FIELDS = ("乡村振兴", "科技创新", "制造业", "数字经济", "生态环境", "营商环境", "文化旅游",
           "医疗卫生", "教育", "交通运输", "水利", "就业", "养老服务", "粮食安全", "能源",
           "对外开放", "城市更新", "碳达峰", "知识产权", "安全生产")
_ACTIONS = ("三年行动计划", "专项行动", "工程", "实施方案", "试点", "示范区建设", "提升行动",
            "攻坚战", "重点项目", "规划")
_PROVINCES = ("北京市", "河北省", "山西省", "辽宁省", "江苏省", "浙江省", "安徽省", "福建省",
              "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "四川省", "云南省")
_BODIES = ("发展和改革委员会", "科学技术厅", "工业和信息化厅", "财政厅", "人力资源和社会保障厅",
           "自然资源厅", "生态环境厅", "住房和城乡建设厅", "交通运输厅", "农业农村厅",
           "商务厅", "文化和旅游厅", "卫生健康委员会", "人民政府", "统计局", "市场监督管理局")


def synthetic_month(nodes: int = 21236, seed: int = 7) -> Graph:
    """A deterministic graph in kg's schema with the shares of a month of a national paper.

    About 10% articles, 53% programs, 20% people, 12% agencies and the rest events;
    IRIs minted as kg mints them (12 hex digits), labels and source sentences of real
    lengths (a sentence 35-90 characters, shared by the things it names), every
    person with a post and its evidence, most programs led by an agency, events with
    2-5 participants, each thing mentioned by the articles it came from.
    """
    import random

    from kg.graph.namespace import mint

    rnd = random.Random(seed)
    g = bind_prefixes(Graph())
    n_articles = max(1, round(nodes * MONTH_SHARES["Article"]))
    n_programs = round(nodes * MONTH_SHARES["Program"])
    n_people = round(nodes * MONTH_SHARES["Person"])
    n_orgs = max(1, round(nodes * MONTH_SHARES["Organization"]))
    n_events = max(0, nodes - n_articles - n_programs - n_people - n_orgs)
    filler = ("会议强调，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，"
              "着力推动高质量发展，统筹发展和安全，扎实推进各项工作落地见效，切实增强人民群众获得感")
    articles = [mint("article", f"a{i}") for i in range(n_articles)]
    sentences: list[list[str]] = []  # per article: the sentences that cite something
    sent_id = [0]

    def cite(thing: URIRef, anchor: str, article: int) -> URIRef:
        """A new evidence phrase for ``thing`` in a sentence of ``article`` (often shared)."""
        pool = sentences[article]
        if pool and rnd.random() < 0.35:  # several things named in one sentence
            sentence = rnd.choice(pool)
        else:
            at = rnd.randrange(0, 40)
            sentence = filler[at:at + rnd.randrange(15, 45)] + anchor + filler[:rnd.randrange(10, 30)] + "。"
            pool.append(sentence)
        ev = mint("evidence", f"e{sent_id[0]}")
        sent_id[0] += 1
        g.add((ev, RDF.type, NIF.Phrase))
        g.add((ev, NIF.referenceContext, articles[article]))
        g.add((ev, NIF.anchorOf, Literal(anchor)))
        g.add((ev, KG.sentence, Literal(sentence)))
        g.add((articles[article], SCHEMA.mentions, thing))
        return ev

    for i, a in enumerate(articles):
        sentences.append([])
        g.add((a, RDF.type, SCHEMA.NewsArticle))
        g.add((a, SCHEMA.headline, Literal(
            f"{rnd.choice(_PROVINCES)}{rnd.choice(_FIELDS)}工作取得新进展（第{i}篇）")))
        g.add((a, SCHEMA.datePublished, Literal(f"2024-03-{1 + i % 31:02d}", datatype=XSD.date)))
    orgs = [mint("org", f"o{i}") for i in range(n_orgs)]
    org_names = []
    for i, o in enumerate(orgs):
        name = f"{_PROVINCES[i % 16]}{_BODIES[(i // 16) % 16]}" + (f"第{i // 256}分局" if i >= 256 else "")
        org_names.append(name)
        g.add((o, RDF.type, ORG.Organization))
        g.add((o, RDF.type, KG.GovernmentAgency))
        g.add((o, SKOS.prefLabel, Literal(name)))
        if i:
            g.add((o, ORG.subOrganizationOf, orgs[rnd.randrange(0, max(1, i // 4) + 1)]))
        g.add((o, PROV.wasDerivedFrom, cite(o, name, rnd.randrange(n_articles))))
    roles = [mint("role", r) for r in ("局长", "副局长", "党组书记", "主任")]
    for r, name in zip(roles, ("局长", "副局长", "党组书记", "主任")):
        g.add((r, RDF.type, ORG.Role))
        g.add((r, SKOS.prefLabel, Literal(name)))
    surnames, given = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗", "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚"
    people = [mint("person", f"p{i}") for i in range(n_people)]
    for i, p in enumerate(people):
        name = surnames[i % 20] + given[(i // 20) % 20] + given[i % 7]
        g.add((p, RDF.type, FOAF.Person))
        g.add((p, FOAF.name, Literal(name)))
        o, role = rnd.randrange(n_orgs), rnd.randrange(4)
        title = ("局长", "副局长", "党组书记", "主任")[role]
        post = mint("post", f"{o}/{role}/{i}")
        g.add((post, RDF.type, ORG.Post))
        g.add((post, ORG.postIn, orgs[o]))
        g.add((post, ORG.role, roles[role]))
        g.add((post, RDFS.label, Literal(org_names[o] + title)))
        g.add((p, ORG.holds, post))
        m = mint("membership", f"m{i}")
        g.add((m, RDF.type, ORG.Membership))
        g.add((m, ORG.member, p))
        g.add((m, ORG.organization, orgs[o]))
        g.add((m, KG.post, post))
        for _ in range(rnd.choice((1, 1, 2))):
            g.add((m, PROV.wasDerivedFrom, cite(p, org_names[o] + title + name, rnd.randrange(n_articles))))
    for i in range(n_programs):
        pr = mint("program", f"g{i}")
        label = rnd.choice(_PROVINCES) + rnd.choice(_FIELDS) + rnd.choice(_ACTIONS)
        g.add((pr, RDF.type, KG.Program))
        g.add((pr, SKOS.prefLabel, Literal(label)))
        g.add((pr, KG.programKind, Literal(rnd.choice(("行动计划", "工程", "专项行动", "规划")))))
        if rnd.random() < 0.5:
            g.add((pr, KG.ledBy, orgs[rnd.randrange(n_orgs)]))
        for _ in range(rnd.choice((1, 1, 1, 1, 1, 2))):
            g.add((pr, PROV.wasDerivedFrom, cite(pr, label, rnd.randrange(n_articles))))
    for i in range(n_events):
        e = mint("event", f"v{i}")
        name = f"{rnd.choice(_PROVINCES)}{rnd.choice(_FIELDS)}工作推进会"
        g.add((e, RDF.type, SCHEMA.Event))
        g.add((e, SCHEMA.name, Literal(name)))
        g.add((e, SCHEMA.startDate, Literal(f"2024-03-{1 + i % 31:02d}", datatype=XSD.date)))
        g.add((e, SCHEMA.organizer, orgs[rnd.randrange(n_orgs)]))
        article = rnd.randrange(n_articles)
        g.add((e, PROV.wasDerivedFrom, cite(e, name, article)))
        for j, p in enumerate(rnd.sample(people, min(len(people), rnd.randint(2, 5)))):
            part = URIRef(f"{e}/p{j}")
            g.add((e, KG.participation, part))
            g.add((part, KG.participant, p))
            g.add((part, KG.participantRole, Literal("speaker" if j < 2 else "attendee")))
            g.add((part, PROV.wasDerivedFrom, cite(p, "出席" + name, article)))
    for a in range(n_articles):  # and the people each article names in passing
        for p in rnd.sample(people, min(len(people), 4)):
            g.add((articles[a], SCHEMA.mentions, p))
    return g


def _time(label: str, fn, results: dict):
    start = time.perf_counter()
    value = fn()
    results[label] = round((time.perf_counter() - start) * 1000, 1)
    return value


FRAME_PROBE = """(() => {
  const v = kgView; v.frames = []; let t0 = 0;
  v.network.on('beforeDrawing', () => { t0 = performance.now(); });
  v.network.on('afterDrawing', () => { v.frames.push(performance.now() - t0); });
  return true;
})()"""


def browser_timings(page: Path, runs: int = 3) -> dict:
    """Median over fresh browsers: navigation -> first frame, click -> details, drag frames."""
    ready, walls, click, frames_all, drag = [], [], [], [], []
    for _ in range(runs):
        with Browser(width=1400, height=900) as b:
            start = time.perf_counter()
            b.open(page.as_uri(), timeout=60)
            b.wait_for("document.body.getAttribute('data-kg-ready') === '1'", timeout=60,
                       interval=0.01)
            walls.append((time.perf_counter() - start) * 1000)
            ready.append(b.evaluate("kgView.readyAt"))  # ms since this document's navigation
            b.evaluate(FRAME_PROBE)
            # the first node shown (a large build opens with programs, events, articles hidden)
            node = b.evaluate("kgView.nodes.getIds({filter: n => !n.hidden})[0]")
            b.evaluate(f"kgView.network.focus({node!r}, {{scale: 1.0, animation: false}})")
            x, y = b.evaluate(f"""(() => {{
              const p = kgView.network.canvasToDOM(kgView.network.getPositions([{node!r}])[{node!r}]);
              const r = document.querySelector('#kg-net').getBoundingClientRect();
              return [p.x + r.left, p.y + r.top]; }})()""")
            t0 = time.perf_counter()
            b.click(x, y)
            b.wait_for("document.getElementById('kg-details').getAttribute('data-node')",
                       interval=0.005)
            click.append((time.perf_counter() - t0) * 1000)
            b.evaluate("kgView.frames = []")
            t0 = time.perf_counter()
            b.drag([(x + 4 * i, y + 3 * i) for i in range(30)])
            b.evaluate("new Promise(r => requestAnimationFrame(() => r(1)))")
            drag.append((time.perf_counter() - t0) * 1000)
            frames_all.extend(b.evaluate("kgView.frames"))
    return {
        "navigation_to_first_frame_ms": round(statistics.median(ready), 1),
        "open_tab_to_first_frame_wall_ms": round(statistics.median(walls), 1),
        "click_to_details_ms": round(statistics.median(click), 1),
        "drag_30_moves_ms": round(statistics.median(drag), 1),
        "frame_draw_median_ms": round(statistics.median(frames_all), 1) if frames_all else None,
        "frame_draw_max_ms": round(max(frames_all), 1) if frames_all else None,
        "frames_seen": len(frames_all),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", nargs="?", help="a kg build folder or an RDF file")
    parser.add_argument("--nodes", type=int, default=2000, help="size of the synthetic graph")
    parser.add_argument("--shares", choices=("auto", "city", "month"), default="auto",
                        help="synthetic graph: a city's shares (35%% people, 30%% programs ...) "
                             "or a month of a national paper's (53%% programs, 10%% articles); "
                             "auto: month from 10,000 nodes")
    parser.add_argument("--full", action="store_true",
                        help="write the page with everything (kg viz --full), no size cap")
    parser.add_argument("--runs", type=int, default=3, help="browser runs (median); 0: no browser")
    parser.add_argument("--keep", type=Path, default=None, help="also copy the page here")
    args = parser.parse_args(argv)

    results: dict = {}
    month = args.shares == "month" or (args.shares == "auto" and args.nodes >= 10_000)
    make = synthetic_month if month else synthetic
    graph = _time("read_or_generate_ms", lambda: network.read_graph(args.source) if args.source
                  else make(args.nodes), results)
    nxg = _time("to_networkx_ms", lambda: network.to_networkx(graph), results)
    net = _time("to_network_with_layout_ms", lambda: viz.to_network(nxg), results)
    with tempfile.TemporaryDirectory() as tmp:
        page = _time("write_html_ms", lambda: viz.write_html(net, Path(tmp) / "graph.html",
                                                            full=args.full),
                     results)
        results.update(source=args.source or f"synthetic_{'month' if month else 'city'}({args.nodes})",
                       view_nodes=len(net.nodes), view_links=len(net.edges),
                       page_bytes=page.stat().st_size)
        left_out = viz.page_data(page.read_text(encoding="utf-8"))["meta"].get("left_out")
        if left_out:  # the cap at work: sentences the page left out (nodes and links: none)
            results["sentences_in_page"] = f"{left_out['of'] - left_out['sentences']} / {left_out['of']}"
        if args.keep:
            args.keep.write_bytes(page.read_bytes())
        if args.runs <= 0:
            pass
        elif find_chromium() is None:
            print("chromium not found: browser timings skipped", file=sys.stderr)
        else:
            results.update(browser_timings(page, args.runs))
    width = max(map(len, results))
    for key, value in results.items():
        print(f"{key:<{width}}  {value}")
    if "navigation_to_first_frame_ms" in results:
        ratio = results["navigation_to_first_frame_ms"] / BUDGET_MS
        print(f"{'interactive / 3 s budget':<{width}}  {ratio:.2f}")
    print(json.dumps(results, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
