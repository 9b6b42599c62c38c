"""The HTML view in headless Chromium, started with networking disabled.

Drives Debian's chromium over the DevTools pipe (kg._headless, standard library only).
Skipped when chromium is not installed (CI installs it with apt-get install chromium).
"""
from __future__ import annotations

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
    with Browser(width=1280, height=800) as b:
        b.open(page_path.as_uri())
        b.wait_for("document.body.getAttribute('data-kg-ready') === '1'", timeout=20)
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
    assert "聊城市发展和改革委员会党组书记" in details  # a post
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
    with Browser(width=1280, height=800) as b:
        b.open(page.as_uri())
        b.wait_for("document.body.getAttribute('data-kg-ready') === '1'", timeout=20)
        boxes = b.evaluate("kgView.nodes.getIds().map(id => kgView.network.getBoundingBox(id))")
    assert len(boxes) > 5
    overlaps = [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes))
                if boxes[i]["left"] < boxes[j]["right"] and boxes[j]["left"] < boxes[i]["right"]
                and boxes[i]["top"] < boxes[j]["bottom"] and boxes[j]["top"] < boxes[i]["bottom"]]
    assert overlaps == []
