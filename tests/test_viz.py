"""kg.view.viz: the offline HTML view (page content; the browser tests run it)."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.view import layout, network, viz
from kg.vocab.paths import DATA_DIR

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "viz_mini.ttl"
KGR = "https://w3id.org/kg-gov/id/"
GAO, ZHANG, EVIL = KGR + "person/gao", KGR + "person/zhang", KGR + "person/evil"
FGW, KJJ, EVENT = KGR + "org/fgw", KGR + "org/kjj", KGR + "event/e1"
PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "<img src=x onerror=alert(2)>", "<script>window.__pwned=1")


@pytest.fixture(scope="module")
def rdf():
    return network.read_graph(MINI)


@pytest.fixture(scope="module")
def net(rdf):
    return viz.to_network(rdf)


@pytest.fixture(scope="module")
def page(net, tmp_path_factory):
    path = viz.write_html(net, tmp_path_factory.mktemp("viz") / "graph.html")
    return path.read_bytes().decode("utf-8")  # must be valid UTF-8


def _data(page: str) -> dict:
    """The page's data as its script reads it (nodes, edges, details ...)."""
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    return viz.expand(json.loads(match.group(1)))


def test_viz_page_references_nothing_outside_itself(page):
    lowered = page.lower()
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", lowered)
    assert not re.search(r"""@import|url\(\s*["']?\s*(?:https?:)?//""", lowered)
    assert "<link" not in lowered and "<iframe" not in lowered
    assert not re.search(r"<script[^>]*\ssrc\s*=", lowered)
    assert "sourcemappingurl" not in lowered
    for host in ("cdnjs.cloudflare", "unpkg.com", "jsdelivr", "bootstrapcdn", "googleapis"):
        assert host not in lowered
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp


def test_viz_page_inlines_vis_network_and_its_licence(page):
    assert "vis-network" in page and "@license" in page and "new vis.Network" in page
    assert len(re.findall(r"^<script", page, re.M)) == 3 and page.count("</script>") == 3
    assert '<meta charset="utf-8">' in page


def test_viz_labels_from_text_never_appear_as_markup(page):
    for payload in PAYLOADS:
        assert payload not in page
    data = _data(page)
    # ... yet the data carries them intact, as text for the page to show
    assert data["details"][EVIL]["label"] == "<img src=x onerror=alert(1)>"
    sentences = [e["sentence"] for e in data["details"][EVIL].get("evidence", [])]
    assert any(s.startswith("<script>window.__pwned=1") for s in sentences)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes[EVIL]["title"] == "人物: <img src=x onerror=alert(1)>"  # vis shows titles as text


def test_viz_app_script_writes_text_never_html():
    app = (DATA_DIR / "viz" / "page.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function"):
        assert sink not in app
    assert "textContent" in app


def test_viz_title_is_escaped(rdf):
    net = viz.to_network(rdf, focus="<img src=x onerror=alert(1)>", hops=1)
    page = viz.render(net)
    assert "<title>kg graph: &lt;img src=x onerror=alert(1)&gt; (1 hops)</title>" in page


def test_viz_nodes_coloured_and_shaped_by_type_with_legend(page):
    data = _data(page)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert (nodes[GAO]["color"], nodes[GAO]["shape"]) == viz.TYPE_STYLES["Person"][1:3]
    assert (nodes[FGW]["color"], nodes[FGW]["shape"]) == viz.TYPE_STYLES["Organization"][1:3]
    assert nodes[EVENT]["shape"] == "star" and nodes[GAO]["kgType"] == "Person"
    legend = {t["type"]: t["count"] for t in data["meta"]["types"]}
    assert legend == {"Person": 4, "Organization": 5, "Program": 1, "Event": 1, "Article": 2}
    assert 'id="kg-legend"' in page and 'id="kg-search"' in page and 'id="kg-details"' in page


def test_viz_layout_is_precomputed_and_physics_off(page):
    data = _data(page)
    assert data["options"]["physics"]["enabled"] is False
    assert data["options"]["layout"]["improvedLayout"] is False
    positions = [(n["x"], n["y"]) for n in data["nodes"]]
    assert all(isinstance(x, int) and isinstance(y, int) for x, y in positions)  # whole pixels
    assert len(set(positions)) == len(positions)


def test_viz_layout_is_deterministic(rdf):
    one = [(n["id"], n["x"], n["y"]) for n in viz.to_network(rdf).nodes]
    two = [(n["id"], n["x"], n["y"]) for n in viz.to_network(rdf).nodes]
    assert one == two


def test_viz_css_names_cjk_system_fonts_and_no_web_fonts(page):
    for font in ("Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC"):
        assert font in page
    assert "@font-face" not in page
    assert _data(page)["options"]["nodes"]["font"]["face"] == viz.FONT_STACK


def test_viz_posts_fold_into_role_labelled_edges(net):
    edges = [e for e in net.edges if e["from"] == GAO and e["to"] == FGW]
    assert len(edges) == 1 and edges[0]["relation"] == "holds"
    assert edges[0]["kg"]["label"] == "党组书记、主任" and edges[0]["kg"]["weight"] == 2
    assert not any(n["kgType"] == "Post" for n in net.nodes)
    with_posts = viz.to_network(network.read_graph(MINI), types="Person,Post,Organization")
    assert sum(n["kgType"] == "Post" for n in with_posts.nodes) == 5


def test_viz_edges_carry_source_sentences(net):
    edge = next(e for e in net.edges if e["from"] == GAO and e["to"] == EVENT)
    assert edge["label"] == "发言"
    assert "市发展改革委党组书记" in edge["kg"]["evidence"][0]["sentence"]


@pytest.mark.parametrize("types,expected", [
    ("Person,Organization", {"Person", "Organization"}),
    (["person", "agency"], {"Person", "Organization"}),
    ("Event Person", {"Event", "Person"}),
])
def test_viz_types_filter(rdf, types, expected):
    net = viz.to_network(rdf, types=types)
    assert {n["kgType"] for n in net.nodes} == expected


def test_viz_unknown_type_is_an_error(rdf):
    with pytest.raises(ValueError, match="Person, Organization"):
        viz.to_network(rdf, types="Person,Planet")


def test_viz_focus_keeps_the_neighbourhood(rdf):
    one = {n["id"] for n in viz.to_network(rdf, focus="张明", hops=1).nodes}
    assert one == {ZHANG, KJJ, EVENT, GAO, KGR + "article/a1"}
    two = {n["id"] for n in viz.to_network(rdf, focus="张明", hops=2).nodes}
    assert one < two and FGW in two
    by_alt = {n["id"] for n in viz.to_network(rdf, focus="市科技局", hops=0).nodes}
    assert by_alt == {KJJ}
    with pytest.raises(KeyError, match="No node named"):
        viz.to_network(rdf, focus="王五")


def test_viz_write_html_replaces_atomically(net, tmp_path):
    target = tmp_path / "graph.html"
    target.write_text("old", encoding="utf-8")
    viz.write_html(net, target)
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def test_viz_write_html_accepts_a_graph(rdf, tmp_path):
    path = viz.write_html(rdf, tmp_path / "g.html")
    assert len(_data(path.read_text(encoding="utf-8"))["nodes"]) == 13


def test_viz_display_isolates_the_page_in_a_sandboxed_srcdoc_iframe(net, tmp_path):
    shown = viz.display(net)._repr_html_()
    assert shown.startswith("<iframe srcdoc=\"") and 'sandbox="allow-scripts"' in shown
    assert "allow-same-origin" not in shown
    srcdoc = re.search(r'srcdoc="([^"]*)"', shown).group(1)
    assert "<" not in srcdoc and html.unescape(srcdoc) == viz.render(net)
    viz.write_html(net, tmp_path / "graph.html")
    assert viz.display(tmp_path).page == (tmp_path / "graph.html").read_text(encoding="utf-8")


def test_cli_viz_writes_focused_view(tmp_path):
    out = tmp_path / "v.html"
    result = CliRunner().invoke(cli, ["viz", str(MINI), "--focus", "高峰", "--hops", "1",
                                      "--types", "Person,Event", "-o", str(out)])
    assert result.exit_code == 0, result.output
    labels = {n["label"] for n in _data(out.read_text(encoding="utf-8"))["nodes"]}
    assert labels == {"高峰", "张明", "聊城市绿色低碳高质量发展新闻发布会"}


def test_cli_viz_unknown_focus_is_an_error(tmp_path):
    result = CliRunner().invoke(cli, ["viz", str(MINI), "--focus", "王五", "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 1 and 'No node named "王五"' in result.output


def test_viz_layout_sets_leaves_of_large_components_around_their_hub():
    import networkx as nx

    graph = nx.Graph()
    hubs = [f"hub{i}" for i in range(6)]
    nx.add_cycle(graph, hubs)
    for i in range(layout.FOLD_LEAVES_ABOVE):
        graph.add_edge(hubs[i % 6], f"leaf{i}")
    positions = viz.layout(graph, spacing=100)
    assert len(positions) == graph.number_of_nodes()
    assert len(set(positions.values())) == len(positions)  # no two nodes on one spot
    for i in range(0, layout.FOLD_LEAVES_ABOVE, 7):
        (hx, hy), (lx, ly) = positions[hubs[i % 6]], positions[f"leaf{i}"]
        assert 50 <= ((hx - lx) ** 2 + (hy - ly) ** 2) ** 0.5 <= 100 * (0.6 + 0.45 * 12)


def test_viz_relation_names_are_shown_not_ids(net):
    labels = {e["relation"]: e["kg"]["label"] for e in net.edges}
    assert labels["mentions"] == "提及" and labels["co_participant"] == "同场出席"
    assert labels["author"] == "记者"


def test_viz_shows_the_coappearance_network(rdf):
    co = network.coappearance(network.to_networkx(rdf))
    net = viz.to_network(co)
    assert {n["kg"]["label"] for n in net.nodes} == {"高峰", "张明", "林金彦", "<img src=x onerror=alert(1)>"}
    heavy = next(e for e in net.edges if e["from"] == GAO and e["to"] == ZHANG)
    assert heavy["relation"] == "coappears" and heavy["kg"]["weight"] == 2
    assert heavy["kg"]["label"] == "同现" and heavy["width"] == 2.0


def test_viz_focused_view_names_its_centre(rdf):
    net = viz.to_network(rdf, focus="张明", hops=1)
    assert net.kg_meta["focus_ids"] == [ZHANG] and net.kg_meta["focus"] == "张明"
    assert viz.to_network(rdf).kg_meta["focus_ids"] == []


def test_viz_many_articles_open_collapsed_and_central_nodes_are_labelled():
    import networkx as nx

    g = nx.MultiDiGraph()
    g.add_node("p", type="Person", label="王立国")
    g.add_node("o", type="Organization", label="济宁市统计局")
    g.add_edge("p", "o", key="holds", relation="holds")
    for i in range(viz.COLLAPSE_ARTICLES_ABOVE + 1):
        g.add_node(f"a{i}", type="Article", label=f"文章{i}")
        g.add_edge(f"a{i}", "p", key="mentions", relation="mentions")
    net = viz.to_network(g)
    assert net.kg_meta["collapsed"] == ["Article"]
    assert net.kg_meta["central"][:2] == ["p", "o"]
    assert viz.to_network(g, focus="王立国", hops=1).kg_meta["collapsed"] == []  # a focused view shows all


# ---- a month of a national paper: 21,236 nodes, 11,199 of them programs ----------------
MONTH_NODES = 21_236
MONTH_PAGE_MAX = 5_000_000


def _benchmark():
    """benchmarks/viz_2000.py, whose synthetic_month draws a graph with the month's shares."""
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "viz_2000.py"
    spec = importlib.util.spec_from_file_location("kg_viz_2000", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def month():
    """The view of a month of a national paper at a tenth of its size (2,124 nodes)."""
    graph = _benchmark().synthetic_month(MONTH_NODES // 10)
    return viz.to_network(network.to_networkx(graph))


@pytest.fixture(scope="module")
def overhead() -> int:
    """Bytes of a page with no nodes (vis-network, the script, the styles)."""
    import networkx as nx

    return len(viz.render(viz.to_network(nx.MultiDiGraph())).encode("utf-8"))


def _scaled_cap(net, overhead: int) -> int:
    """The page cap scaled down to this view's size (what the month's 21,236 nodes get)."""
    return overhead + (viz.PAGE_BYTES_MAX - overhead) * len(net.nodes) // MONTH_NODES


def test_viz_month_page_bytes_per_node_keep_21236_nodes_under_5_mb(month, overhead):
    n = len(month.nodes)
    assert n == MONTH_NODES // 10 and month.kg_meta["collapsed"] == ["Program", "Event", "Article"]
    bound = (MONTH_PAGE_MAX - overhead) / MONTH_NODES  # bytes per node under 5 MB at 21,236
    # every node and link and no source sentence: the least a page holds
    least = len(viz.render(month, max_bytes=1).encode("utf-8"))
    assert (least - overhead) / n < 0.6 * bound  # room left for sentences
    # the cap scaled to this size: the page keeps under it, with the sentences that fit
    cap = _scaled_cap(month, overhead)
    page = viz.render(month, max_bytes=cap)
    size = len(page.encode("utf-8"))
    assert size <= cap and (size - overhead) / n < bound
    left_out = viz.page_data(page)["meta"]["left_out"]
    assert 0 < left_out["sentences"] < left_out["of"] and left_out["citations"] > 0
    # unscaled, a page this size keeps everything
    assert viz.page_data(viz.render(month))["meta"]["left_out"] == {}


def test_viz_capped_page_keeps_every_node_and_link_that_expanding_shows(month, overhead):
    capped = _data(viz.render(month, max_bytes=_scaled_cap(month, overhead)))
    full = _data(viz.render(month, max_bytes=None))
    assert [n["id"] for n in capped["nodes"]] == [n["id"] for n in month.nodes]
    assert capped["nodes"] == full["nodes"] and capped["edges"] == full["edges"]
    assert [(e["from"], e["to"], e["relation"]) for e in capped["edges"]] == [
        (e["from"], e["to"], e["relation"]) for e in month.edges]
    # what expanding a node shows: its neighbours of the kinds the page opens hidden
    hidden = set(month.kg_meta["collapsed"])
    kind = {n["id"]: n["kgType"] for n in month.nodes}
    around: dict[str, set[str]] = {}
    for e in month.edges:
        around.setdefault(e["from"], set()).add(e["to"])
        around.setdefault(e["to"], set()).add(e["from"])
    shown = {n["id"]: not n.get("hidden") for n in capped["nodes"]}
    assert all(shown[i] == (kind[i] not in hidden) for i in shown)
    page_around: dict[str, set[str]] = {}
    for e in capped["edges"]:
        page_around.setdefault(e["from"], set()).add(e["to"])
        page_around.setdefault(e["to"], set()).add(e["from"])
    assert page_around == around
    assert sum(1 for i in around if any(kind[j] in hidden for j in around[i])) > 500
    # details: all there; sources the first ones, with how many there are in all
    for node in month.nodes:
        d, f = capped["details"][node["id"]], full["details"][node["id"]]
        evidence = [{k: v for k, v in ev.items() if k not in ("begin", "end")}
                    for ev in node["kg"].get("evidence", [])]
        assert f.get("evidence", []) == evidence
        assert d.get("evidence", []) == evidence[:len(d.get("evidence", []))]
        assert d.get("evidence_total", len(d.get("evidence", []))) == len(evidence)
        assert {k: v for k, v in d.items() if k not in ("evidence", "evidence_total")} == {
            k: v for k, v in node["kg"].items() if k != "evidence"}
        if node["kgType"] in ("Person", "Organization") and evidence:
            assert d.get("evidence")  # the officials the page opens on keep a source each
    for edge in month.edges:
        d = capped["edgeDetails"][edge["id"]]
        expected = {k: v for k, v in edge["kg"].items() if k not in ("evidence", "events")}
        assert {k: v for k, v in d.items() if k not in ("evidence", "evidence_total")} == expected
        assert d.get("evidence_total", len(d.get("evidence", []))) == len(edge["kg"].get("evidence", []))


def test_viz_month_page_is_deterministic():
    synthetic_month = _benchmark().synthetic_month

    def page() -> bytes:
        net = viz.to_network(network.to_networkx(synthetic_month(700)))
        return viz.render(net, max_bytes=600_000).encode("utf-8")

    one, two = page(), page()
    assert one == two and len(one) <= 600_000
    assert viz.page_data(one.decode("utf-8"))["meta"]["left_out"]  # the cap was at work


def test_viz_page_data_is_compact(page):
    data = viz.page_data(page)
    assert sorted(data) == ["A", "E", "R", "T", "W", "Z", "e", "meta", "n", "options"]
    prefixes = [run[0] for run in data["n"]["p"]]
    assert KGR + "person/" in prefixes and len(set(prefixes)) == len(prefixes)
    assert page.count(KGR + "person/gao") == 1  # an id is written once, never per link
    assert all(isinstance(x, int) for x in data["n"]["x"] + data["n"]["y"])
    sentence = "12月28日,在市政府新闻办召开的聊城市绿色低碳高质量发展新闻发布会上"
    assert page.count(sentence) == 1  # a sentence once, cited by number
    cited = [r for v in data["n"]["e"] + data["e"]["e"] if v
             for r in ([v] if isinstance(v, int) else v)]
    assert len(cited) > 2 * len(data["Z"])  # nodes and links cite them by number


def test_cli_viz_full_embeds_every_sentence(tmp_path):
    out = tmp_path / "full.html"
    result = CliRunner().invoke(cli, ["viz", str(MINI), "--full", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert viz.page_data(out.read_text(encoding="utf-8"))["meta"]["max_bytes"] is None
    result = CliRunner().invoke(cli, ["viz", str(MINI), "-o", str(tmp_path / "capped.html")])
    capped = viz.page_data((tmp_path / "capped.html").read_text(encoding="utf-8"))
    assert capped["meta"]["max_bytes"] == viz.PAGE_BYTES_MAX


# ---- careers over three years: posts' spans, the timeline, the date filter's range -----
CAREERS = FIXTURES / "careers"


@pytest.fixture(scope="module")
def careers(tmp_path_factory):
    """tests/fixtures/careers built with its view: (the build folder, the page's data)."""
    import kg

    out = tmp_path_factory.mktemp("careers")
    kg.build([str(CAREERS)], out, html=True, progress=False, model=False)
    return out, viz.expand(viz.page_data((out / "graph.html").read_text(encoding="utf-8")))


def _named(data: dict, label: str) -> str:
    (found,) = [i for i, d in data["details"].items() if d["type"] == "Person" and d["label"] == label]
    return found


def test_viz_timeline_comes_from_the_membership_intervals(careers):
    _, data = careers
    lin, wei = _named(data, "林书远"), _named(data, "魏长河")
    spans = [{k: p[k] for k in ("role", "organization", "begin", "last_attested", "end", "former")}
             for p in data["details"][lin]["posts"]]
    assert sorted(spans, key=lambda p: p["begin"]) == [
        {"role": "副市长", "organization": "德州市人民政府", "begin": "2022-03-15",
         "last_attested": "2023-06-20", "end": "", "former": False},
        {"role": "市长", "organization": "德州市人民政府", "begin": "2024-01-10",
         "last_attested": "2024-09-05", "end": "", "former": False}]
    assert viz.timeline(data["details"][lin]["posts"]) == [
        "2022-03-15 – 2023-06-20 副市长 德州市人民政府", "2024-01-10 – 2024-09-05 市长 德州市人民政府"]
    (post,) = data["details"][wei]["posts"]
    assert (post["begin"], post["last_attested"], post["end"], post["former"]) == (
        "2022-03-15", "2023-06-20", "2024-01-10", True)
    assert viz.timeline([post]) == ["2022-03-15 – 2024-01-10 (已卸任 ended) 局长 德州市农业农村局"]
    # a promotion in one agency: two links, one a span (the date filter hides one alone)
    holds = sorted((data["edgeDetails"][e["id"]]["label"], data["edgeDetails"][e["id"]].get("begin"),
                    data["edgeDetails"][e["id"]].get("last_attested"), "smooth" in e)
                   for e in data["edges"] if e["from"] == lin and e["relation"] == "holds")
    assert holds == [("副市长", "2022-03-15", "2023-06-20", False), ("市长", "2024-01-10", "2024-09-05", True)]
    ended = next(data["edgeDetails"][e["id"]] for e in data["edges"]
                 if e["from"] == wei and e["relation"] == "holds")
    assert (ended["end"], ended["former"]) == ("2024-01-10", True)
    assert data["meta"]["dates"] == ["2022-03-15", "2024-09-05"]  # the slider's span


def test_viz_timeline_data_is_compact_and_deterministic(careers):
    out, _ = careers
    graph = network.read_graph(out / "graph.ttl")
    one, two = viz.render(viz.to_network(graph)), viz.render(viz.to_network(graph))
    assert one == two
    raw = viz.page_data(one)
    # a span is three numbers into W (and 1 when former), never strings per post or link
    spans = [row[4:] for rows in raw["n"]["o"].values() for row in rows] + list(raw["e"]["v"].values())
    assert spans and all(isinstance(x, int) for span in spans for x in span)
    assert raw["W"].count("2024-01-10") == 1


def test_viz_timeline_orders_posts_and_keeps_undated_ones_last():
    posts = [{"post": "某局局长", "role": "局长", "organization": "某局"},
             {"post": "", "role": "市长", "organization": "某市人民政府", "begin": "2024-01-10",
              "last_attested": "2024-09-05"},
             {"post": "", "role": "副市长", "organization": "某市人民政府", "begin": "2022-03-15",
              "last_attested": "2023-06-20", "former": True}]
    assert viz.timeline(posts) == ["2022-03-15 – 2023-06-20 (已卸任 ended) 副市长 某市人民政府",
                                   "2024-01-10 – 2024-09-05 市长 某市人民政府", "局长 某局"]


def test_viz_a_build_with_one_date_has_no_date_slider(tmp_path):
    import kg

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "2024-09-05.txt").write_bytes((CAREERS / "2024-09-05.txt").read_bytes())
    kg.build([str(inputs)], tmp_path / "out", html=True, progress=False, model=False)
    page = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    assert viz.page_data(page)["meta"]["dates"] == []
    assert '<section id="kg-dates" aria-label="Date filter" hidden>' in page  # the script leaves it so
    assert viz.to_network(network.read_graph(MINI)).kg_meta["dates"] == []  # one date, 2023-12-28


# ---- programs by agency, figures by indicator concept, slogans kept off ----------------
def test_viz_shows_programs_by_agency_and_figures_by_indicator_concept(tmp_path):
    import kg

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "2024-03-01.txt").write_text(
        "德州市发布经济运行情况\n\n本报讯(记者 方晓)3月1日，德州市统计局发布数据。2023年德州市地区生产总值增长6.2%。"
        "德州市人民政府印发《德州市数字经济三年行动计划》。会上强调，要发扬“钉钉子”精神。\n", encoding="utf-8")
    (inputs / "2024-04-20.txt").write_text(
        "德州市一季度经济开局良好\n\n本报讯(记者 方晓)4月20日，德州市统计局发布数据。一季度德州市生产总值增长5.8%。\n",
        encoding="utf-8")
    kg.build([str(inputs)], tmp_path / "out", html=True, progress=False, model=False)
    page = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    data = viz.expand(viz.page_data(page))
    details = data["details"]
    by_label = {(d["type"], d["label"]): i for i, d in details.items()}
    # figures by indicator concept: both wordings are one node of kgr:scheme/indicators
    (concept,) = [i for i, d in details.items() if d["type"] == "Indicator"]
    d = details[concept]
    assert "/indicator-concept/" in concept
    assert (d["label"], d["kind"], d["alt_labels"]) == ("地区生产总值", "GDP", ["生产总值"])
    assert [(f["indicator"], f["surface"]) for f in d["figures"]] == [("地区生产总值", "6.2%"), ("生产总值", "5.8%")]
    articles = sorted(details[e["from"]]["label"] for e in data["edges"]
                      if e["relation"] == "reports" and e["to"] == concept)
    assert articles == ["德州市一季度经济开局良好", "德州市发布经济运行情况"]
    legend = {t["type"]: (t["name"], t["count"]) for t in data["meta"]["types"]}
    assert legend["Indicator"] == ("指标", 1)
    assert {"relation": "reports", "name": "数据", "color": viz.RELATION_STYLES["reports"][1], "count": 2} in \
        data["meta"]["relations"]
    # programs by agency: the agency leads the program it issued
    agency, program = by_label[("Organization", "德州市人民政府")], by_label[("Program", "德州市数字经济三年行动计划")]
    assert any(e["from"] == agency and e["to"] == program and e["relation"] == "leads" for e in data["edges"])
    # a slogan (kg:Slogan) is in the graph but never a program of the view
    graph = network.read_graph(tmp_path / "out" / "graph.ttl")
    assert "钉钉子" in {str(o) for s in graph.subjects(network.RDF.type, network.KG.Slogan)
                        for o in graph.objects(s, network.SKOS.prefLabel)}
    assert [d["label"] for d in details.values() if d["type"] == "Program"] == ["德州市数字经济三年行动计划"]
    assert not any("钉钉子" in d["label"] for d in details.values())
    # the analytics' projection stays without indicator nodes unless asked for
    assert "Indicator" not in {t for _, t in network.to_networkx(graph).nodes(data="type")}
    assert "Indicator" in {t for _, t in network.to_networkx(graph, indicators=True).nodes(data="type")}


def test_viz_layout_is_the_same_on_one_blas_thread_or_several():
    """The layout's products run on one BLAS thread whatever the machine allows: OpenBLAS
    sums a product of several threads in another order, and the force-directed steps
    would make that another picture (past SAMPLED_REPULSION_ABOVE core nodes)."""
    import networkx as nx
    from threadpoolctl import threadpool_limits

    graph = nx.gnm_random_graph(1500, 2600, seed=3)
    graph = nx.relabel_nodes(graph, {n: f"n{n:04d}" for n in graph})
    assert sum(1 for _, d in graph.degree() if d > 1) > layout.SAMPLED_REPULSION_ABOVE
    with threadpool_limits(limits=1, user_api="blas"):
        one = viz.layout(graph)
    with threadpool_limits(limits=2, user_api="blas"):
        assert viz.layout(graph) == one


def test_viz_citations_fill_a_copy_of_the_columns(month):
    """render makes the page's columns once and cites into a copy for each budget it
    tries: the columns stay as they were, and each try is what encoding anew gives."""
    payload, state = viz._columns(month, max_bytes=10**6)
    before = json.dumps(payload, sort_keys=True)
    for budget in (0, 20_000, 10**6, None):
        cited = viz._cited(payload, state, budget)
        assert json.dumps(payload, sort_keys=True) == before
        assert cited == viz._encode(month, budget, max_bytes=10**6)
    assert viz._encode(month, 0, sentences=False, max_bytes=10**6) == payload


def test_viz_projection_made_here_is_folded_in_place_with_the_same_page(rdf):
    """A graph given as RDF is projected and folded without copies; a projection given is
    copied and left as it was; both views are the same page."""
    projection = network.to_networkx(rdf, indicators=True)
    nodes, edges = projection.number_of_nodes(), projection.number_of_edges()
    page = viz.render(viz.to_network(projection))
    assert (projection.number_of_nodes(), projection.number_of_edges()) == (nodes, edges)
    assert any(d["type"] == "Post" for _, d in projection.nodes(data=True))
    assert viz.render(viz.to_network(rdf)) == page


def test_viz_layout_reads_a_components_links_once_each():
    """The layout reads a part's links straight from the adjacency: the links networkx's
    subgraph view gives, each once; in networkx's order for a whole component, and in the
    order of the part's (sorted) nodes for a part smaller than half the graph."""
    import random

    import networkx as nx

    for seed in range(40):
        rng = random.Random(seed)
        graph = nx.gnm_random_graph(rng.randint(2, 200), rng.randint(1, 400), seed=seed)
        graph = nx.relabel_nodes(graph, {n: f"v{rng.random():.8f}" for n in graph})
        simple = nx.Graph()
        simple.add_nodes_from(graph)
        simple.add_edges_from(((a, b) for a, b in graph.edges() if a != b), weight=1)
        for comp in map(sorted, nx.connected_components(simple)):
            for part in (comp, comp[: max(1, len(comp) // 2)]):
                expected = list(simple.subgraph(comp).subgraph(part).edges(data=True))
                got = layout._edges_among(simple._adj, part)
                assert sorted((min(a, b), max(a, b), id(d)) for a, b, d in got) == \
                    sorted((min(a, b), max(a, b), id(d)) for a, b, d in expected)
                if 2 * len(part) < len(simple):
                    firsts = [a for a, _, _ in got]
                    assert firsts == sorted(firsts, key=part.index)
                else:
                    assert [(a, b) for a, b, _ in got] == [(a, b) for a, b, _ in expected]


_EDGE_ORDER = """
import networkx as nx
from kg.view import layout
g = nx.Graph()
g.add_edges_from((f"n{i}", f"n{(i * 7 + 3) % 40}") for i in range(40))
g.add_edges_from((f"m{i}", f"m{i + 1}") for i in range(300))
part = sorted(f"n{i}" for i in range(40))
print(layout._edges_among(g._adj, part))
"""


def test_viz_layout_link_order_is_the_same_under_any_hash_seed():
    """A part smaller than half the graph is read in its nodes' order, not a set's: the
    forces are summed in the same order, so the view's positions are the same bytes in
    every process (a set of strings changes its order with PYTHONHASHSEED)."""
    import os
    import subprocess
    import sys

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    outs = {subprocess.run([sys.executable, "-c", _EDGE_ORDER], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": root}).stdout
            for seed in (1, 2, 3, 4)}
    assert len(outs) == 1 and outs.pop().count("(") > 20


def test_viz_items_are_the_dicts_pyvis_makes(net):
    """The view's nodes and links are the dicts pyvis's Node and Edge make of the same
    options (to_network hands them to a pyvis Network; write_html draws them without it)."""
    from pyvis.edge import Edge
    from pyvis.node import Node

    assert net.nodes and net.edges
    for item in net.nodes:
        options = dict(item)
        n_id, label, shape, color = (options.pop(k) for k in ("id", "label", "shape", "color"))
        made = Node(n_id, shape, label=label, color=color, font_color=net.font_color, **options).options
        assert made == item and list(made) == list(item)
    for item in net.edges:
        options = dict(item)
        u, v = options.pop("from"), options.pop("to")
        assert Edge(u, v, net.directed, **options).options == item


def test_viz_write_html_of_a_graph_never_imports_pyvis(tmp_path, net):
    """A page written from a graph (what kg build does) is drawn without importing pyvis
    (and IPython with it), and is the page of to_network's view."""
    import subprocess
    import sys

    path = tmp_path / "graph.html"
    code = ("import sys; from kg.view import network, viz; "
            f"viz.write_html(network.read_graph({str(MINI)!r}), {str(path)!r}); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pyvis', 'IPython')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    assert path.read_text(encoding="utf-8") == viz.render(net)
