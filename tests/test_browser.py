"""The HTML view in headless Chromium, started with networking disabled.

Drives Debian's chromium over the DevTools pipe (kg._headless, standard library only).
Skipped when chromium is not installed (CI installs it with apt-get install chromium).
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest
from _headless import Browser, find_chromium

from kg.view import network, viz

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(find_chromium() is None,
                       reason="chromium not installed (apt-get install chromium); "
                              "browser tests need /usr/bin/chromium"),
]

FIXTURES = Path(__file__).parent / "fixtures"


@contextmanager
def _ready(page: Path, timeout: float = 20):
    """A 1280x800 browser on ``page``, once the view says it has drawn (data-kg-ready)."""
    with Browser(width=1280, height=800) as b:
        b.open(page.as_uri())
        b.wait_for("document.body.getAttribute('data-kg-ready') === '1'", timeout=timeout)
        yield b
KGR = "https://w3id.org/kg-gov/id/"
GAO, ZHANG, EVIL = KGR + "person/gao", KGR + "person/zhang", KGR + "person/evil"

# count the painted (non-white, non-transparent) pixels of the network canvas
PAINTED = """(() => {
  const c = document.querySelector('#kg-net canvas');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (d[i + 3] > 0 && !(d[i] > 245 && d[i + 1] > 245 && d[i + 2] > 245)) n++;
  }
  return n;
})()"""


def _centre_of(browser: Browser, node_id: str) -> tuple[float, float]:
    """Viewport coordinates of a node's centre."""
    return tuple(browser.evaluate(f"""(() => {{
      const id = {node_id!r};
      const p = kgView.network.canvasToDOM(kgView.network.getPositions([id])[id]);
      const r = document.querySelector('#kg-net').getBoundingClientRect();
      return [p.x + r.left, p.y + r.top];
    }})()"""))


@pytest.fixture(scope="module")
def page_path(tmp_path_factory) -> Path:
    graph = network.read_graph(FIXTURES / "viz_mini.ttl")
    return viz.write_html(viz.to_network(graph), tmp_path_factory.mktemp("browser") / "graph.html")


@pytest.fixture()
def browser(page_path):
    with _ready(page_path) as b:
        yield b


def test_browser_page_draws_the_network_offline(browser, page_path):
    assert browser.evaluate("kgView.nodes.length") == 13
    assert browser.evaluate("kgView.edges.length") == 21
    assert browser.evaluate("kgView.nodes.get(%r).label" % GAO) == "高峰"
    assert browser.evaluate(PAINTED) > 2000  # nodes, edges and labels on the canvas
    assert browser.evaluate("document.querySelectorAll('#kg-types input').length") == 5
    browser.pump(0.3)
    assert browser.requests() == [page_path.as_uri()]  # nothing fetched but the page
    assert browser.errors() == []


def test_browser_search_finds_a_node(browser):
    browser.evaluate("document.getElementById('kg-search').focus()")
    browser.type_text("张明")
    hits = browser.evaluate(
        "[...document.querySelectorAll('#kg-results li')].map(li => li.getAttribute('data-id'))")
    assert hits == [ZHANG]
    browser.press_enter()
    assert browser.evaluate("document.getElementById('kg-details').getAttribute('data-node')") == ZHANG
    assert browser.evaluate("kgView.network.getSelectedNodes()") == [ZHANG]
    # the span that names him is marked inside the source sentence
    assert browser.evaluate("document.querySelector('#kg-details mark').textContent") == "市科技局局长张明"
    # alternative names are searchable too
    assert [h["id"] for h in browser.evaluate("kgView.find('市科技局')")] == [KGR + "org/kjj"]


def test_browser_click_opens_details_with_source_sentence(browser):
    x, y = _centre_of(browser, GAO)
    browser.click(x, y)
    details = browser.wait_for("document.getElementById('kg-details').getAttribute('data-node') && "
                               "document.getElementById('kg-details').innerText")
    assert "高峰" in details
    assert "2023-12-28 – 2023-12-28 党组书记 聊城市发展和改革委员会" in details  # a post, dated
    assert "市发展改革委党组书记、主任高峰介绍" in details  # the source sentence
    assert "《聊城将实施产业振兴三年行动计划》 · 2023-12-28" in details  # its article and date


def test_browser_click_on_a_link_shows_its_evidence(browser):
    eid = browser.evaluate(f"kgView.edges.get({{filter: e => e.from === {GAO!r} && "
                           f"e.relation === 'participates'}})[0].id")
    x, y = browser.evaluate(f"""(() => {{
      const e = kgView.edges.get({eid!r});
      const p = kgView.network.getPositions([e.from, e.to]);
      const r = document.querySelector('#kg-net').getBoundingClientRect();
      const m = kgView.network.canvasToDOM({{x: (p[e.from].x + p[e.to].x) / 2,
                                             y: (p[e.from].y + p[e.to].y) / 2}});
      return [m.x + r.left, m.y + r.top];
    }})()""")
    browser.click(x, y)
    assert browser.wait_for("document.getElementById('kg-details').getAttribute('data-edge')") == eid
    text = browser.evaluate("document.getElementById('kg-details').innerText")
    assert "参加" in text and "市发展改革委党组书记" in text


def test_browser_type_filter_hides_nodes(browser):
    browser.evaluate("document.querySelector('#kg-types input[data-filter=Person]').click()")
    hidden = browser.evaluate("kgView.nodes.get({filter: n => n.hidden}).map(n => n.kgType)")
    assert sorted(hidden) == ["Person"] * 4
    assert browser.evaluate("document.getElementById('kg-status').textContent").startswith("9 / 13")


def test_browser_script_in_labels_never_runs(browser):
    browser.evaluate(f"kgView.select({EVIL!r})")
    browser.evaluate("document.getElementById('kg-search').focus()")
    browser.type_text("onerror")
    browser.pump(0.5)
    assert browser.dialogs() == []  # no alert() ...
    assert browser.evaluate("typeof window.__pwned") == "undefined"  # ... and no handler ran
    assert browser.evaluate("document.querySelectorAll('#kg-app img, #kg-app script').length") == 0
    assert browser.evaluate("document.querySelectorAll('script').length") == 3
    shown = browser.evaluate("document.getElementById('kg-details').innerText") or ""
    assert "<img src=x onerror=alert(1)>" in shown  # the name is shown as text
    assert "<script>window.__pwned=1;alert(4)</script>" in shown
    assert browser.errors() == []


def test_browser_chinese_labels_render_with_a_cjk_font(browser):
    # with no CJK font every ideograph is the same empty box: distinct glyphs must differ
    glyphs = browser.evaluate("""(() => {
      const face = kgView.network.body.nodes[Object.keys(kgView.network.body.nodes)[0]]
        .options.font.face;
      const c = document.createElement('canvas'); c.width = 40; c.height = 40;
      const ctx = c.getContext('2d');
      return ['聊', '城', '峰'].map(ch => {
        ctx.clearRect(0, 0, 40, 40); ctx.font = '32px ' + face; ctx.fillText(ch, 2, 34);
        return Array.from(ctx.getImageData(0, 0, 40, 40).data).join(',');
      });
    })()""")
    assert len(set(glyphs)) == 3


def test_browser_relax_runs_physics_then_stops(browser):
    assert browser.evaluate("kgView.network.physics.options.enabled") is False
    browser.evaluate("document.getElementById('kg-relax').click()")
    assert browser.evaluate("kgView.network.physics.options.enabled") is True
    browser.wait_for("kgView.network.physics.options.enabled === false", timeout=8)


def test_browser_focused_view_opens_on_its_centre(tmp_path):
    graph = network.read_graph(FIXTURES / "viz_mini.ttl")
    page = viz.write_html(viz.to_network(graph, focus="张明", hops=1), tmp_path / "focus.html")
    with Browser() as b:
        b.open(page.as_uri())
        b.wait_for("document.body.getAttribute('data-kg-ready') === '1'", timeout=20)
        assert b.evaluate("kgView.nodes.length") == 5
        assert b.wait_for("document.getElementById('kg-details').getAttribute('data-node')") == ZHANG
        assert b.evaluate("kgView.network.getSelectedNodes()") == [ZHANG]


def test_browser_search_finds_people_by_their_posts(browser):
    """市长, 局长 …: a post finds the people who hold it, not only names."""
    hits = [h["id"] for h in browser.evaluate("kgView.find('局长')")]
    assert ZHANG in hits


def test_browser_panel_words_follow_the_direction(browser):
    """A parent agency lists its departments as 下级机构, a department its parent as 上级机构;
    co-appearance has no direction."""
    gov = KGR + "org/gov"
    browser.evaluate(f"kgView.select({gov!r})")
    parent = browser.evaluate("document.getElementById('kg-details').innerText")
    assert "下级机构 ←" in parent and "上级机构" not in parent
    browser.evaluate(f"kgView.select({KGR + 'org/kjj'!r})")
    assert "上级机构 →" in browser.evaluate("document.getElementById('kg-details').innerText")
    arrows = browser.evaluate("kgView.edges.get({filter: e => e.relation === 'co_participant'})"
                              ".map(e => e.arrows && e.arrows.to && e.arrows.to.enabled)")
    assert arrows and not any(arrows)


def test_browser_selection_dims_the_rest_and_fit_resets(browser):
    browser.evaluate(f"kgView.select({ZHANG!r})")
    near = set(browser.evaluate(f"kgView.network.getConnectedNodes({ZHANG!r})")) | {ZHANG}
    opacity = {n["id"]: n.get("opacity", 1) for n in browser.evaluate("kgView.nodes.get()")}
    assert all(opacity[n] == 1 for n in near)
    assert all(o == 0.15 for n, o in opacity.items() if n not in near) and len(opacity) > len(near)
    browser.evaluate("document.getElementById('kg-fit').click()")
    assert all(n.get("opacity", 1) == 1 for n in browser.evaluate("kgView.nodes.get()"))
    assert browser.evaluate("kgView.network.getSelectedNodes()") == []


def test_browser_png_export_is_the_drawn_network(browser):
    url = browser.evaluate("kgView.png()")
    assert url.startswith("data:image/png;base64,") and len(url) > 5000
    assert browser.errors() == []


def test_browser_central_nodes_have_labels_at_the_fitted_zoom(browser):
    scale = browser.evaluate("kgView.network.getScale()")
    central = browser.evaluate("JSON.parse(document.getElementById('kg-data').textContent).meta.central")
    assert central
    for node_id in central:
        size = browser.evaluate(f"(kgView.nodes.get({node_id!r}).font || {{size: 14}}).size")
        assert size * scale >= 5  # vis-network draws a label past about five pixels


def test_browser_focused_view_labels_do_not_overlap(tmp_path):
    graph = network.read_graph(FIXTURES / "viz_mini.ttl")
    page = viz.write_html(viz.to_network(graph, focus="高峰", hops=2), tmp_path / "view.html")
    with _ready(page) as b:
        boxes = b.evaluate("kgView.nodes.getIds().map(id => kgView.network.getBoundingBox(id))")
    assert len(boxes) > 5
    overlaps = [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes))
                if boxes[i]["left"] < boxes[j]["right"] and boxes[j]["left"] < boxes[i]["right"]
                and boxes[i]["top"] < boxes[j]["bottom"] and boxes[j]["top"] < boxes[i]["bottom"]]
    assert overlaps == []


# ---- a large build: kinds open hidden, a node expands to its hidden neighbours ----------
# the number of nodes drawn: what the network holds (hidden kinds are not given to it)
DRAWN = "Object.keys(kgView.network.getPositions()).length"
SHOWN = "kgView.nodes.get({filter: n => !n.hidden}).length"


def _synthetic_month(nodes: int):
    """benchmarks/viz_2000.py's graph with the shares of a month of a national paper."""
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "viz_2000.py"
    spec = importlib.util.spec_from_file_location("kg_viz_2000", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.synthetic_month(nodes)


@pytest.fixture(scope="module")
def month_net():
    """A large view (700 nodes): programs, events and articles open hidden."""
    net = viz.to_network(network.to_networkx(_synthetic_month(700)))
    assert net.kg_meta["collapsed"] == ["Program", "Event", "Article"]
    return net


@pytest.fixture(scope="module")
def month_page(month_net, tmp_path_factory) -> Path:
    """Its page under a cap that leaves source sentences out (as a month's page does)."""
    path = tmp_path_factory.mktemp("month") / "graph.html"
    path.write_text(viz.render(month_net, max_bytes=600_000), encoding="utf-8")
    return path


@pytest.fixture()
def month(month_page):
    with _ready(month_page, timeout=30) as b:
        yield b


def _hidden_neighbours(net, node_id: str) -> list[str]:
    """The neighbours of a node that the page opens hidden (what expanding it shows)."""
    hidden = set(net.kg_meta["collapsed"])
    kind = {n["id"]: n["kgType"] for n in net.nodes}
    around = {e["to"] for e in net.edges if e["from"] == node_id} | {
        e["from"] for e in net.edges if e["to"] == node_id}
    return sorted(n for n in around - {node_id} if kind[n] in hidden)


def _most_hidden(net, type_: str) -> tuple[str, list[str]]:
    """The node of this type with the most hidden neighbours (ties: the first id)."""
    best = min(((n["id"], _hidden_neighbours(net, n["id"])) for n in net.nodes
                if n["kgType"] == type_), key=lambda item: (-len(item[1]), item[0]))
    assert len({n["kgType"] for n in net.nodes if n["id"] in best[1]}) >= 2  # several kinds
    return best


def _drawn_ids(b: Browser) -> set[str]:
    return set(b.evaluate("Object.keys(kgView.network.getPositions())"))


def _show_in_middle(b: Browser, node_id: str) -> tuple[float, float]:
    b.evaluate(f"kgView.network.focus({node_id!r}, {{scale: 1.5, animation: false}})")
    b.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    return _centre_of(b, node_id)


def _click_element(b: Browser, selector: str) -> None:
    """A real click in the middle of an element of the page."""
    x, y = b.evaluate(f"""(() => {{
      const r = document.querySelector({selector!r}).getBoundingClientRect();
      return [r.left + r.width / 2, r.top + r.height / 2]; }})()""")
    b.click(x, y)


def _double_click(b: Browser, x: float, y: float) -> None:
    """A real double click: two presses and releases, the second with clickCount 2."""
    b.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
    for clicks in (1, 2):
        for kind in ("mousePressed", "mouseReleased"):
            b.call("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left",
                                                "clickCount": clicks})


def test_browser_expand_shows_a_nodes_hidden_neighbours_and_collapse_hides_them(month, month_net):
    agency, hidden = _most_hidden(month_net, "Organization")
    shown, drawn = month.evaluate(SHOWN), month.evaluate(DRAWN)
    assert shown == drawn == sum(n["kgType"] in ("Person", "Organization") for n in month_net.nodes)
    assert not set(hidden) & _drawn_ids(month)
    month.click(*_show_in_middle(month, agency))
    assert month.wait_for("document.getElementById('kg-details').getAttribute('data-node')") == agency
    button = "document.getElementById('kg-expand')"
    assert month.evaluate(f"{button}.getAttribute('data-action')") == "expand"
    assert month.evaluate(f"{button}.getAttribute('data-count')") == str(len(hidden))
    _click_element(month, "#kg-expand")
    # exactly the node's hidden neighbours are drawn now, linked to it
    assert month.wait_for(f"{DRAWN} !== {drawn} && {DRAWN}") == drawn + len(hidden)
    assert month.evaluate(SHOWN) == shown + len(hidden)
    assert _drawn_ids(month) & set(hidden) == set(hidden)
    assert set(month.evaluate(f"kgView.network.getConnectedNodes({agency!r})")) >= set(hidden)
    status = month.evaluate("document.getElementById('kg-status').textContent")
    assert status.startswith(f"{shown + len(hidden)} / {len(month_net.nodes)} nodes")
    assert month.evaluate(f"{button}.getAttribute('data-action')") == "collapse"
    _click_element(month, "#kg-expand")
    assert month.wait_for(f"{DRAWN} === {drawn}")
    assert month.evaluate(SHOWN) == shown and not set(hidden) & _drawn_ids(month)
    assert month.evaluate(f"{button}.getAttribute('data-action')") == "expand"
    assert month.errors() == []


def test_browser_double_click_expands_a_person_and_again_collapses(month, month_net):
    person, hidden = _most_hidden(month_net, "Person")
    drawn = month.evaluate(DRAWN)
    x, y = _show_in_middle(month, person)
    _double_click(month, x, y)
    assert month.wait_for(f"{DRAWN} !== {drawn} && {DRAWN}") == drawn + len(hidden)
    assert _drawn_ids(month) & set(hidden) == set(hidden)
    kinds = {n["kgType"] for n in month_net.nodes if n["id"] in hidden}
    assert "Article" in kinds  # the articles that mention the person
    month.pump(0.4)  # past the double-tap interval
    _double_click(month, x, y)
    assert month.wait_for(f"{DRAWN} === {drawn}")
    assert month.errors() == []


def test_browser_collapse_also_hides_what_expanding_the_shown_nodes_showed(month, month_net):
    agency, hidden = _most_hidden(month_net, "Organization")
    drawn = month.evaluate(DRAWN)
    assert month.evaluate(f"kgView.expand({agency!r})") == len(hidden)
    inner = next(n for n in hidden if set(_hidden_neighbours(month_net, n)) - set(hidden))
    more = set(month.evaluate(f"kgView.hiddenNeighbours({inner!r})"))
    assert more and more == set(_hidden_neighbours(month_net, inner)) - set(hidden)
    assert month.evaluate(f"kgView.expand({inner!r})") == len(more)
    assert month.evaluate(DRAWN) == drawn + len(hidden) + len(more)
    assert month.evaluate(f"kgView.collapse({agency!r})") == len(hidden) + len(more)
    assert month.evaluate(DRAWN) == drawn and month.evaluate("Object.keys(kgView.expanded)") == []
    # the legend still shows a whole kind at once, and hides it again
    month.evaluate("document.querySelector('#kg-types input[data-filter=Program]').click()")
    programs = sum(n["kgType"] == "Program" for n in month_net.nodes)
    assert month.evaluate(DRAWN) == drawn + programs
    month.evaluate("document.querySelector('#kg-types input[data-filter=Program]').click()")
    assert month.evaluate(DRAWN) == drawn


def test_browser_reads_the_compact_page_as_python_does(month, month_page):
    data = viz.expand(viz.page_data(month_page.read_text(encoding="utf-8")))
    nodes = month.evaluate("kgView.nodes.get().map(n => { const c = Object.assign({}, n); "
                           "delete c.font; delete c.opacity; return c; })")
    assert nodes == data["nodes"]
    assert month.evaluate("kgView.edges.get()") == data["edges"]
    assert month.evaluate("kgView.nodes.getIds().map(id => kgView.details(id))") == [
        data["details"][n["id"]] for n in data["nodes"]]
    assert month.evaluate("kgView.edges.getIds().map(id => kgView.edgeDetails(id))") == [
        data["edgeDetails"][e["id"]] for e in data["edges"]]


def test_browser_page_says_what_it_left_out_and_how_to_get_it(month, month_page):
    note = month.evaluate("document.getElementById('kg-note').innerText")
    assert "kg viz OUT --full" in note and "计划/项目" in note and "展开" in note
    left_out = viz.page_data(month_page.read_text(encoding="utf-8"))["meta"]["left_out"]
    assert f"{left_out['sentences']} / {left_out['of']}" in note
    short = month.evaluate("kgView.nodes.getIds().find(id => { const d = kgView.details(id); "
                           "return d.evidence_total && d.type === 'Program'; })")
    assert month.evaluate(f"kgView.select({short!r})")  # a hidden kind: picked, it is shown
    assert short in _drawn_ids(month)
    panel = month.evaluate("document.getElementById('kg-details').innerText")
    assert "未收入本页" in panel and "kg viz OUT --focus" in panel
    assert month.errors() == []


# ---- careers over three years: the date filter and a person's timeline ------------------
CAREERS = FIXTURES / "careers"
ARTICLE_DATES = "kgView.nodes.get({filter: n => n.kgType === 'Article' && !n.hidden})" \
                ".map(n => kgView.details(n.id).date).sort()"
HOLDS = "kgView.edges.get({filter: e => e.relation === 'holds'})"


@pytest.fixture(scope="module")
def careers_page(tmp_path_factory) -> Path:
    import kg

    out = tmp_path_factory.mktemp("careers")
    kg.build([str(CAREERS)], out, html=True, progress=False, model=False)
    return out / "graph.html"


@pytest.fixture()
def careers(careers_page):
    with _ready(careers_page) as b:
        yield b


def _person(b: Browser, name: str) -> str:
    return b.evaluate(f"kgView.nodes.get({{filter: n => n.kgType === 'Person' && "
                      f"kgView.details(n.id).label === {name!r}}})[0].id")


def _drawn_holds(b: Browser, person: str) -> list[str]:
    """The roles of the person's holdings the network draws now."""
    return sorted(b.evaluate(f"kgView.network.getConnectedEdges({person!r})"
                             f".map(id => kgView.edges.get(id)).filter(e => e.relation === 'holds')"
                             f".map(e => e.label)"))


def _move(b: Browser, handle: str, date: str) -> str:
    """Set one slider handle to a date as a user's move does (input events); the text shown."""
    return b.evaluate(f"""(() => {{
      const input = document.getElementById({handle!r});
      input.value = String((Date.parse({date!r}) - Date.parse('2022-03-15')) / 864e5);
      input.dispatchEvent(new Event('input', {{bubbles: true}}));
      input.dispatchEvent(new Event('change', {{bubbles: true}}));
      return document.getElementById('kg-date-text').textContent; }})()""")


def test_browser_date_slider_spans_the_builds_dates(careers):
    assert careers.evaluate("document.getElementById('kg-dates').hidden") is False
    assert careers.evaluate("document.getElementById('kg-date-from').offsetWidth") > 100  # on screen
    assert careers.evaluate("document.getElementById('kg-date-text').textContent") == \
        "2022-03-15 – 2024-09-05"
    assert careers.evaluate("[...document.querySelectorAll('#kg-dates input[type=range]')]"
                            ".map(i => [i.min, i.max, i.value])") == [["0", "905", "0"], ["0", "905", "905"]]
    assert careers.evaluate(ARTICLE_DATES) == [
        "2022-03-15", "2022-11-02", "2023-06-20", "2024-01-10", "2024-09-05"]
    assert careers.evaluate("kgView.dateRange()") is None  # the whole range: no filter
    rule = careers.evaluate("document.querySelector('#kg-dates .kg-help').textContent")
    assert "overlaps" in rule and "任职期" in rule  # the page says what the filter keeps


def test_browser_date_filter_shows_what_is_attested_in_the_range(careers):
    lin, wei, shao = (_person(careers, n) for n in ("林书远", "魏长河", "邵明川"))
    assert _drawn_holds(careers, lin) == ["副市长", "市长"]
    drawn = set(careers.evaluate("Object.keys(kgView.network.getPositions())"))
    assert shao in drawn
    assert _move(careers, "kg-date-to", "2024-12-31") == "2022-03-15 – 2024-09-05"  # past the last date
    assert _move(careers, "kg-date-from", "2024-01-01") == "2024-01-01 – 2024-09-05"
    assert careers.evaluate("kgView.dateRange()") == ["2024-01-01", "2024-09-05"]
    assert careers.evaluate(ARTICLE_DATES) == ["2024-01-10", "2024-09-05"]
    drawn_now = set(careers.evaluate("Object.keys(kgView.network.getPositions())"))
    old_articles = careers.evaluate("kgView.nodes.get({filter: n => n.kgType === 'Article' && "
                                    "kgView.details(n.id).date < '2024'}).map(n => n.id)")
    assert len(old_articles) == 3 and not set(old_articles) & drawn_now
    # 林书远 was 副市长 until 2023-06-20, 市长 from 2024-01-10: only the 市长 link stays
    assert _drawn_holds(careers, lin) == ["市长"]
    assert lin in drawn_now and wei in drawn_now  # 魏长河: reported as former on 2024-01-10
    assert shao not in drawn_now  # seen once, in 2022
    status = careers.evaluate("document.getElementById('kg-status').textContent")
    assert status.startswith(f"{len(drawn_now)} / ")
    # the timeline greys the posts out of the range
    careers.evaluate(f"kgView.select({lin!r})")
    rows = careers.evaluate("[...document.querySelectorAll('#kg-details .kg-timeline li')]"
                            ".map(li => [li.textContent, li.className])")
    assert rows == [["2022-03-15 – 2023-06-20 副市长 德州市人民政府", "kg-out"],
                    ["2024-01-10 – 2024-09-05 市长 德州市人民政府", ""]]
    held = careers.evaluate("[...document.querySelectorAll('#kg-details .kg-list li')]"
                            ".filter(li => li.textContent.startsWith('德州市人民政府 ('))"
                            ".map(li => [li.textContent, li.className])")
    assert held == [["德州市人民政府 (副市长)", "kg-out"], ["德州市人民政府 (市长)", ""]]
    # all dates again: everything back
    careers.evaluate("document.getElementById('kg-date-all').click()")
    assert careers.evaluate("kgView.dateRange()") is None
    assert careers.evaluate("document.getElementById('kg-date-text').textContent") == \
        "2022-03-15 – 2024-09-05"
    assert set(careers.evaluate("Object.keys(kgView.network.getPositions())")) == drawn
    assert _drawn_holds(careers, lin) == ["副市长", "市长"]
    assert careers.errors() == []


def test_browser_date_filter_works_with_the_legend_and_expand(careers):
    lin = _person(careers, "林书远")
    articles = "document.querySelector('#kg-types input[data-filter=Article]')"
    careers.evaluate(f"{articles}.click()")  # articles hidden by the legend
    assert careers.evaluate(ARTICLE_DATES) == []
    assert careers.evaluate("kgView.setDateRange('2024-01-01', '2024-12-31')") == "2024-01-01 – 2024-09-05"
    # expanding 林书远 shows his articles in the range only
    shown = careers.evaluate(f"kgView.hiddenNeighbours({lin!r})")
    assert careers.evaluate(f"kgView.expand({lin!r})") == len(shown) == 2
    assert careers.evaluate(ARTICLE_DATES) == ["2024-01-10", "2024-09-05"]
    # widening the range does not show more of them (the legend still hides articles) ...
    careers.evaluate("kgView.setDateRange('2022-01-01', '2024-12-31')")
    assert careers.evaluate(ARTICLE_DATES) == ["2024-01-10", "2024-09-05"]
    assert careers.evaluate(f"kgView.collapse({lin!r})") == 2
    assert careers.evaluate(ARTICLE_DATES) == []
    # ... and the legend shows them all at the whole range, the range narrows them again
    careers.evaluate(f"{articles}.click()")
    assert len(careers.evaluate(ARTICLE_DATES)) == 5
    careers.evaluate("kgView.setDateRange('2022-11-02', '2023-06-20')")
    assert careers.evaluate(ARTICLE_DATES) == ["2022-11-02", "2023-06-20"]
    assert _drawn_holds(careers, lin) == ["副市长"]
    assert careers.errors() == []


def test_browser_date_slider_handles_drag_and_never_cross(careers):
    x, y, width = careers.evaluate("""(() => {
      const r = document.getElementById('kg-date-from').getBoundingClientRect();
      return [r.left, r.top + r.height / 2, r.width]; })()""")
    careers.drag([(x + 6, y), (x + width / 2, y), (x + width + 40, y)])  # the from handle, past the end
    assert careers.evaluate("document.getElementById('kg-date-text').textContent") == \
        "2024-09-05 – 2024-09-05"
    assert careers.evaluate(ARTICLE_DATES) == ["2024-09-05"]
    assert careers.evaluate("document.getElementById('kg-date-to').value") == "905"  # pushed along
    assert careers.errors() == []


def test_browser_timeline_lists_posts_in_time_order(careers, careers_page):
    wei, lin = _person(careers, "魏长河"), _person(careers, "林书远")
    careers.click(*_centre_of(careers, wei))
    assert careers.wait_for("document.getElementById('kg-details').getAttribute('data-node')") == wei
    items = "[...document.querySelectorAll('#kg-details .kg-timeline li')]"
    assert careers.evaluate(f"{items}.map(li => li.textContent)") == [
        "2022-03-15 – 2024-01-10 (已卸任 ended) 局长 德州市农业农村局"]
    assert careers.evaluate(f"{items}.map(li => li.getAttribute('data-ended'))") == ["1"]
    careers.evaluate(f"kgView.select({lin!r})")
    lines = careers.evaluate(f"{items}.map(li => li.textContent)")
    assert lines == ["2022-03-15 – 2023-06-20 副市长 德州市人民政府",
                     "2024-01-10 – 2024-09-05 市长 德州市人民政府"]
    # the page and its Python twin read the same timeline from the same data
    data = viz.expand(viz.page_data(careers_page.read_text(encoding="utf-8")))
    assert viz.timeline(data["details"][lin]["posts"]) == lines
    assert careers.evaluate("kgView.nodes.getIds().map(id => kgView.details(id))") == [
        data["details"][n["id"]] for n in data["nodes"]]
    assert careers.evaluate("kgView.edges.get()") == data["edges"]
    assert careers.evaluate("kgView.edges.getIds().map(id => kgView.edgeDetails(id))") == [
        data["edgeDetails"][e["id"]] for e in data["edges"]]


def test_browser_a_page_with_one_date_has_no_date_slider(browser):
    assert viz.page_data(browser.evaluate("document.documentElement.outerHTML"))["meta"]["dates"] == []
    assert browser.evaluate("document.getElementById('kg-dates').hidden") is True
    assert browser.evaluate("document.getElementById('kg-dates').offsetParent") is None
    assert browser.evaluate("kgView.setDateRange('2023-01-01', '2023-12-31')") == ""
    assert browser.evaluate("document.getElementById('kg-status').textContent").startswith("13 / 13")
