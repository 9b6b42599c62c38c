"""The HTML view: a self-contained, offline vis-network page of a kg graph.

``to_network`` builds the view as a ``pyvis.network.Network`` (nodes coloured and
shaped by type, positions precomputed here, provenance attached), and ``write_html``
writes it as one UTF-8 file with everything inlined: vis-network (read from the
installed pyvis package), the CSS, the app script and the data. The page references
nothing outside itself (its Content-Security-Policy forbids it too), so it opens from a
USB stick or an e-mail attachment, offline.

Every string taken from text (names, headlines, sentences) travels as JSON inside a
``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped, and the
page puts it on screen with ``textContent`` or on the canvas, never as HTML.

The data is compact (``_encode``): one column per field, ids as shared prefixes and
tails, repeated strings and source sentences written once and cited by number, whole
pixels. A page stays under ``PAGE_BYTES_MAX`` (a month of a national paper, 21,000
nodes, takes 4.5 MB instead of 30-50): past it, source sentences are left out, first the
later ones of each node, and the page says how many and how to get them (``kg viz OUT
--full``); nodes and links never are. A large build opens on the officials' network
with programs, events, articles and indicators hidden; expanding a node (its details
panel, or a double-click) shows its hidden neighbours only, and collapsing hides them
again.

Figures are shown by article and, where their indicator is skos:exactMatch a concept of
kgr:scheme/indicators, by that concept (an ``Indicator`` node listing them, ``reports`` links
from the articles); programs by the agency that leads them (``leads``); slogans
(``kg:Slogan``) are not programs and not shown.

Holdings carry their attested span (first report, last report, a reported end: the
membership's ``org:memberDuring`` interval, ``kg:lastAttested``, ``kg:former``): a
person's details list their posts as a timeline (``timeline`` is the page's twin), and a
date slider over the build's dates (``meta.dates``; none when it has fewer than two)
shows only what is attested in a range (the rule: page.js, ``computeRange``).

``pyvis``'s own ``write_html`` is not used: its ``in_line`` mode still links Bootstrap
from a CDN and its other modes link vis-network from one.
"""
from __future__ import annotations

import html
import importlib.util
import json
import math
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

from ..atomic import write_text
from ..graph.triples import Triples, paused_collector
from ..vocab.paths import DATA_DIR
from .layout import layout, spread_labels
from .network import NODE_TYPES, SPAN_KEYS, _simple, to_networkx

__all__ = ["TYPE_STYLES", "RELATION_STYLES", "PAGE_BYTES_MAX", "to_network", "focus_nodes",
           "render", "write_html", "page_data", "expand", "display", "InlineView", "layout",
           "timeline"]

#: type -> (Chinese name, colour, vis shape, legend glyph)
TYPE_STYLES: dict[str, tuple[str, str, str, str]] = {
    "Person": ("人物", "#d62728", "dot", "\u25cf"),
    "Organization": ("机构", "#1f77b4", "square", "\u25a0"),
    "Post": ("职务", "#9467bd", "triangleDown", "\u25bc"),
    "Program": ("计划/项目", "#2ca02c", "diamond", "\u25c6"),
    "Event": ("活动/会议", "#ff7f0e", "star", "\u2605"),
    "Article": ("文章", "#7f7f7f", "triangle", "\u25b2"),
    "Indicator": ("指标", "#17becf", "hexagon", "\u2b22"),
    "Other": ("其他", "#bcbd22", "dot", "\u25cf"),
}

#: relation -> (Chinese name, colour, dashed)
RELATION_STYLES: dict[str, tuple[str, str, bool]] = {
    "holds": ("任职", "#d62728", False),
    "post_in": ("所属机构", "#9467bd", False),
    "sub_organization_of": ("上级机构", "#1f77b4", False),
    "leads": ("牵头", "#2ca02c", False),
    "organizes": ("主办", "#ff7f0e", False),
    "participates": ("参加", "#ff7f0e", False),
    "co_participant": ("同场出席", "#e377c2", True),
    "mentions": ("提及", "#c8c8c8", True),
    "author": ("记者", "#7f7f7f", False),
    "coappears": ("同现", "#e377c2", False),
    "reports": ("数据", "#17becf", True),
}

#: relation -> its name seen from the other end (上级机构 of a department; 下级机构 of its parent)
INVERSE_NAMES: dict[str, str] = {
    "holds": "任职者", "post_in": "设有职务", "sub_organization_of": "下级机构", "leads": "牵头项目",
    "organizes": "主办活动", "participates": "参加者", "mentions": "提及于", "author": "撰写文章",
    "reports": "见于文章",
}
#: relations without a direction: drawn without arrows
UNDIRECTED = {"co_participant", "coappears"}

#: participant roles as the page shows them
ROLE_NAMES = {"speaker": "发言", "chair": "主持", "attendee": "出席"}

#: default view types: posts are folded into person -> agency edges labelled by role
DEFAULT_TYPES = ("Person", "Organization", "Program", "Event", "Article", "Indicator")
_TYPE_ALIASES = {t.lower(): t for t in NODE_TYPES} | {
    "agency": "Organization", "org": "Organization", "organisation": "Organization",
    "people": "Person", "role": "Post", "plan": "Program", "meeting": "Event",
}

#: CJK system fonts first (no web fonts: the page stays offline), then generic
FONT_STACK = ('"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", '
              '"WenQuanYi Micro Hei", "PingFang SC", "Hiragino Sans GB", '
              '"Microsoft YaHei", "SimHei", "Noto Sans", Arial, sans-serif')

#: above this many nodes the page trades hover effects and edge labels for speed
LARGE_VIEW = 600
#: more articles than this open hidden (the legend shows them)
COLLAPSE_ARTICLES_ABOVE = 40
#: the most a page takes (bytes): past it, source sentences are left out, nodes and links
#: never (a month of a national paper, 21,000 nodes, fits); ``kg viz --full`` has no cap
PAGE_BYTES_MAX = 4_500_000
#: the source sentences a details panel lists (a capped page embeds no more per node)
EVIDENCE_SHOWN = 50
#: focused views up to this many nodes get their labels moved apart
SPREAD_LABELS_MAX = 400
#: how many of the most connected people and agencies are labelled at the fitted zoom
CENTRAL_LABELS = 12
_LABEL_MAX = 18
_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
        "img-src data: blob:; font-src data:; connect-src 'none'; form-action 'none'; "
        "base-uri 'none'")


def _parse_types(types: Iterable[str] | str | None) -> tuple[str, ...]:
    if types is None:
        return DEFAULT_TYPES
    if isinstance(types, str):
        types = [t for t in re.split(r"[,\s]+", types) if t]
    out = []
    for name in types:
        canonical = _TYPE_ALIASES.get(name.strip().lower())
        if canonical is None:
            raise ValueError(f"Unexpected node type {name!r}: use one of {', '.join(NODE_TYPES)}")
        if canonical not in out:
            out.append(canonical)
    return tuple(out)


def _span_of(data: dict) -> tuple[str, str, str, bool]:
    """A holding's attested span (begin, last attested, end, former), '' when unknown."""
    return (str(data.get("begin") or ""), str(data.get("last_attested") or ""),
            str(data.get("end") or ""), bool(data.get("former")))


def _fold_posts(nxg: nx.MultiDiGraph, in_place: bool = False) -> nx.MultiDiGraph:
    """Replace Person -holds-> Post -post_in-> Organization by Person -holds-> Organization
    (in a copy, or with ``in_place`` in ``nxg`` itself: the same links in the same order).

    Posts in one agency held over the same attested span (党组书记、主任, reported together)
    fold into one link labelled with all the roles; posts held over different spans (副市长,
    then 市长) stay apart, so the date filter can show one and not the other. A link is
    keyed ``holds@begin/last/end`` (``holds`` when undated): a person's links to one
    agency sort in time order."""
    out = nxg if in_place else nxg.copy()
    keys: dict[tuple[str, str, tuple], str] = {}
    for post in [n for n, d in nxg.nodes(data=True) if d.get("type") == "Post"]:
        agencies = [v for _, v, k in nxg.out_edges(post, keys=True) if k == "post_in"]
        role = nxg.nodes[post].get("kind") or nxg.nodes[post].get("label", "")
        for person, _, key, data in nxg.in_edges(post, keys=True, data=True):
            if key != "holds":
                continue
            span = _span_of(data)
            for agency in agencies:
                found = keys.get((person, agency, span))
                if found is not None:
                    edge = out.edges[person, agency, found]
                    edge["weight"] += data.get("weight", 1)
                    if role not in edge["roles"]:
                        edge["roles"].append(role)
                    edge["posts"].append(nxg.nodes[post].get("label", ""))
                    edge["evidence"].extend(e for e in data.get("evidence", [])
                                            if e not in edge["evidence"])
                    edge["dates"] = sorted(set(edge["dates"]) | set(data.get("dates", [])))
                    continue
                fold_key = "holds" if not any(span) else (
                    "holds@" + "/".join(span[:3]) + ("/former" if span[3] else ""))
                keys[(person, agency, span)] = fold_key
                out.add_edge(person, agency, key=fold_key, relation="holds",
                             weight=data.get("weight", 1), roles=[role],
                             posts=[nxg.nodes[post].get("label", "")],
                             evidence=list(data.get("evidence", [])),
                             dates=list(data.get("dates", [])),
                             **{k: data[k] for k in SPAN_KEYS if k in data})
        out.remove_node(post)
    for u, v, key, data in out.edges(keys=True, data=True):
        if data.get("relation") == "holds" and "roles" in data:
            data["label"] = "、".join(data["roles"])
    return out


#: how the timeline marks a post reported as ended (kg:former, time:hasEnd)
ENDED = "已卸任 ended"


def _timeline_row(post: dict) -> tuple[tuple, str]:
    begin, last, end = (_day(post.get(k)) for k in ("begin", "last_attested", "end"))
    until = end or last or begin
    role, organization = str(post.get("role") or ""), str(post.get("organization") or "")
    what = f"{role} {organization}" if role and organization else str(
        post.get("post") or organization + role)
    span = f"{begin or '?'} – {until}" if until else ""
    if span and (end or post.get("former")):
        span += f" ({ENDED})"
    text = f"{span} {what}" if span and what else span or what
    return (0 if until else 1, begin or until, until, role, organization, text), text


def timeline(posts: Iterable[dict]) -> list[str]:
    """A person's posts in time order, as the details panel lists them (page.js's twin).

    posts (Iterable[dict]): the ``posts`` of a person's details (``expand``) or node.
    RETURNS (list[str]): one line a post, ``begin – last attested role agency``, or
        ``begin – end (已卸任 ended) role agency`` when an end is reported (kg:former,
        time:hasEnd); by beginning, then end; undated posts last.
    """
    return [text for _, text in sorted(_timeline_row(p) for p in posts)]


def _as_multidigraph(graph: Any) -> nx.MultiDiGraph:
    """A projection as the view needs it: RDF is projected, other networkx graphs
    (e.g. ``network.coappearance``) become a multigraph keyed by relation."""
    if isinstance(graph, nx.MultiDiGraph):
        return graph
    if not isinstance(graph, nx.Graph):
        return to_networkx(graph, indicators=True)
    out = nx.MultiDiGraph(name=graph.graph.get("name", ""))
    out.add_nodes_from(graph.nodes(data=True))
    default = "coappears" if graph.graph.get("name") == "coappearance" else "link"
    edges = graph.edges(keys=True, data=True) if graph.is_multigraph() else (
        (u, v, None, d) for u, v, d in graph.edges(data=True))
    for u, v, key, data in edges:
        relation = data.get("relation") or (key if isinstance(key, str) else default)
        out.add_edge(u, v, key=relation, **{**data, "relation": relation})
    return out


def _match(nxg: nx.Graph, name: str) -> list[str]:
    """Nodes named ``name``: exact label or alt label first, else containing it."""
    wanted = name.strip()
    exact = [n for n, d in nxg.nodes(data=True)
             if d.get("label") == wanted or wanted in (d.get("alt_labels") or []) or n == wanted]
    if exact:
        return sorted(exact)
    return sorted(n for n, d in nxg.nodes(data=True)
                  if wanted and (wanted in d.get("label", "")
                                 or any(wanted in a for a in d.get("alt_labels") or [])))


def focus_nodes(nxg: nx.Graph, name: str, hops: int = 2) -> set[str]:
    """The nodes within ``hops`` links (either direction) of the nodes named ``name``.

    nxg (nx.Graph): a projection.
    name (str): a label or alternative label (exact match preferred, else substring).
    hops (int): radius of the neighbourhood.
    RETURNS (set[str]): node ids, the named nodes included.
    """
    centres = _match(nxg, name)
    if not centres:
        raise KeyError(f'No node named "{name}" in the graph - try a shorter part of the name')
    undirected = nxg.to_undirected(as_view=True)
    keep: set[str] = set()
    for centre in centres:
        keep.update(nx.single_source_shortest_path_length(undirected, centre, cutoff=hops))
    return keep


def _short(label: str) -> str:
    return label if len(label) <= _LABEL_MAX else label[: _LABEL_MAX - 1] + "…"


class _View:
    """A view as ``render`` reads it: vis-network's items (``nodes``, ``edges``, the dicts
    pyvis's ``Network`` holds) and ``kg_meta``, without pyvis, whose import (IPython
    among its imports) costs a build more than drawing a small view. ``to_network`` hands
    the same items to a pyvis ``Network``."""

    font_color = False  # pyvis's defaults for Network(directed=True)
    directed = True

    def __init__(self) -> None:
        self.nodes: list[dict] = []
        self.edges: list[dict] = []
        self.node_ids: list[str] = []
        self.node_map: dict[str, dict] = {}
        self.kg_meta: dict = {}


def _add_node(net: Any, n_id: str, label: str, shape: str, color: str, **options: Any) -> None:
    """pyvis's ``Network.add_node`` (the dict its ``Node`` makes) without its check that the
    id is new, which scans every node added so far (quadratic in a big view): the ids come
    from a graph, each once."""
    node = {"color": color, **options, "id": n_id, "label": label or n_id, "shape": shape}
    if net.font_color:
        node["font"] = {"color": net.font_color}
    net.nodes.append(node)
    net.node_ids.append(n_id)
    net.node_map[n_id] = node


def _add_edge(net: Any, u: str, v: str, options: dict) -> None:
    """pyvis's ``Network.add_edge`` (the dict its ``Edge`` makes) without its checks that
    both ends were added, which scan every node (quadratic in a big view): the ends come
    from the graph."""
    edge = {**options, "from": u, "to": v}
    if net.directed and "arrows" not in edge:
        edge["arrows"] = "to"
    net.edges.append(edge)


def _details(data: dict) -> dict:
    """What the details panel shows for a node (plain data; the page escapes it)."""
    keep = {k: data[k] for k in ("type", "label", "kind", "alt_labels", "date", "posts",
                                 "figures", "evidence", "iri") if data.get(k)}
    return keep


def to_network(graph: Any, focus: str | None = None, hops: int = 2,
               types: Iterable[str] | str | None = None, seed: int = 0) -> "Any":
    """Build the HTML view of a graph as a pyvis ``Network`` (write it with ``write_html``).

    graph (rdflib.Graph | nx.MultiDiGraph): a kg RDF graph or its ``to_networkx`` projection.
    focus (str | None): show only the neighbourhood of the node(s) with this label.
        Defaults to the whole graph.
    hops (int): neighbourhood radius around ``focus``. Defaults to 2.
    types (Iterable[str] | str | None): node types to show, e.g. "Person,Organization".
        Defaults to people, agencies, programs, events, articles and indicator concepts
        (figures by indicator); posts are folded into person -> agency edges labelled
        with the role unless "Post" is listed.
    seed (int): layout seed. Defaults to 0.
    RETURNS (pyvis.network.Network): nodes with ``x``/``y``, colour and shape by type and
        a ``kg`` dict of details; ``net.kg_meta`` holds the title, legend and counts.
    """
    from pyvis.network import Network  # a heavy import: only for a view asked for as pyvis's

    with paused_collector():
        view = _view(graph, focus, hops, types, seed)
    net = Network(height="100%", width="100%", directed=True)
    net.nodes, net.edges, net.node_ids, net.node_map = view.nodes, view.edges, view.node_ids, view.node_map
    net.kg_meta = view.kg_meta
    return net


def _view(graph: Any, focus: str | None = None, hops: int = 2,
          types: Iterable[str] | str | None = None, seed: int = 0) -> _View:
    """``to_network``'s view as a ``_View`` (the same items, no pyvis)."""
    nxg = _as_multidigraph(graph)
    own = nxg is not graph  # made here: changed in place, not copied
    if isinstance(graph, Triples):  # the lookups the projection made: their memory back (made again on demand)
        graph.release()
    wanted = _parse_types(types)
    if "Post" not in wanted:
        nxg = _fold_posts(nxg, in_place=own)
        own = True
    # untyped nodes (a graph not from to_networkx) stay unless types were asked for
    shown = [n for n, d in nxg.nodes(data=True) if d.get("type") in wanted
             or (types is None and d.get("type") not in NODE_TYPES)]
    if not own or len(shown) < nxg.number_of_nodes():  # a copy of what is shown (every node of a
        nxg = nxg.subgraph(shown).copy()              # graph made here: that graph as it is)
    centres: list[str] = []
    if focus:
        centres = _match(nxg, focus)
        nxg = nxg.subgraph(focus_nodes(nxg, focus, hops)).copy()
    simple = _simple(nxg)
    positions = layout(simple, seed=seed)
    large = nxg.number_of_nodes() > LARGE_VIEW
    degree = dict(simple.degree())
    sizes = {n: round(8 + 4 * math.log2(1 + degree.get(n, 0)), 1) for n in nxg}
    if focus and nxg.number_of_nodes() <= SPREAD_LABELS_MAX:  # a focused view shows every label
        positions = spread_labels(positions, {n: _short(str(nxg.nodes[n].get("label", n))) for n in nxg}, sizes)

    net = _View()
    counts: dict[str, int] = {}
    for node in sorted(nxg):
        data = nxg.nodes[node]
        type_ = data.get("type") if data.get("type") in TYPE_STYLES else "Other"
        counts[type_] = counts.get(type_, 0) + 1
        name, colour, shape, _ = TYPE_STYLES[type_]
        label = str(data.get("label", node))
        x, y = positions[node]
        _add_node(net, node, label=_short(label), shape=shape, color=colour,
                  title=f"{name}: {label}", x=x, y=y,
                  size=sizes[node],
                  kgType=type_, kg=_details(data))
    relations: dict[str, int] = {}
    for i, (u, v, key, data) in enumerate(sorted(nxg.edges(keys=True, data=True),
                                                 key=lambda e: (e[0], e[1], str(e[2])))):
        relation = data.get("relation", str(key))
        relations[relation] = relations.get(relation, 0) + 1
        name, colour, dashed = RELATION_STYLES.get(relation, (relation, "#999999", False))
        # only roles say more than the relation's name; other labels are its English id
        label = data.get("label") if relation in ("holds", "participates") and data.get("label") else name
        if relation == "participates":
            label = "、".join(ROLE_NAMES.get(r, r) for r in str(label).split(",") if r) or name
        edge = {
            "id": f"e{i}", "relation": relation, "color": colour, "dashes": dashed,
            "width": round(1 + math.log2(max(1, data.get("weight", 1))), 2),
            "title": f"{name}: {label}" if label != name else name,
            "kg": {k: data[k] for k in ("weight", "evidence", "dates", "posts", "events",
                                        *SPAN_KEYS)
                   if data.get(k)} | {"relation": relation, "relation_label": name,
                                      "inverse_label": INVERSE_NAMES.get(relation, ""),
                                      "undirected": relation in UNDIRECTED, "label": label},
        }
        if relation in UNDIRECTED:
            edge["arrows"] = {"to": {"enabled": False}}
        if relation in ("mentions",):
            edge["width"] = 0.5
        if not large and relation in ("holds", "participates", "author"):
            edge["label"] = _short(label)
        _add_edge(net, u, v, edge)
    title = "kg graph" if not focus else f"kg graph: {focus} ({hops} hops)"
    net.kg_meta = {
        "title": title,
        "types": [{"type": t, "name": TYPE_STYLES[t][0], "color": TYPE_STYLES[t][1],
                   "glyph": TYPE_STYLES[t][3], "count": counts[t]}
                  for t in TYPE_STYLES if counts.get(t)],
        "relations": [{"relation": r, "name": RELATION_STYLES.get(r, (r,))[0],
                       "color": RELATION_STYLES.get(r, (r, "#999999"))[1], "count": c}
                      for r, c in sorted(relations.items())],
        "large": large,
        "focus": focus or "",
        "focus_ids": centres,
        "collapsed": _collapsed(counts, large, bool(focus)),
        "dates": _date_range(nxg),
        "central": [n for n, _ in sorted(((n, d) for n, d in degree.items()
                                          if nxg.nodes[n].get("type") in ("Person", "Organization")),
                                         key=lambda nd: (-nd[1], nd[0]))[:CENTRAL_LABELS]],
    }
    return net


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _day(value: Any) -> str:
    """A date as YYYY-MM-DD (the first ten characters of an ISO date or date-time), else ''."""
    text = str(value or "")[:10]
    return text if _ISO_DATE.fullmatch(text) else ""


def _date_range(nxg: nx.MultiDiGraph) -> list[str]:
    """[first, last] of the dates of the view's articles and holdings (what the date
    filter's slider spans); [] when there are fewer than two distinct ones (no slider)."""
    dates = {_day(d.get("date")) for _, d in nxg.nodes(data=True) if d.get("type") == "Article"}
    for _, _, data in nxg.edges(data=True):
        if data.get("relation") == "holds":
            dates.update(_day(data.get(k)) for k in ("begin", "last_attested", "end"))
    dates.discard("")
    return [min(dates), max(dates)] if len(dates) > 1 else []


@lru_cache(maxsize=1)
def _vis_js() -> str:
    """vis-network's standalone bundle: kg/data/ if vendored there, else pyvis's copy."""
    candidates = [DATA_DIR / "vis-network.min.js"]
    spec = importlib.util.find_spec("pyvis")  # found, not imported (its import brings IPython)
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        pyvis_dir = Path(folder)
        candidates += [pyvis_dir / "lib" / "vis-9.1.2" / "vis-network.min.js",
                       pyvis_dir / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"]
    for path in candidates:
        if path.exists():
            text = path.read_text(encoding="utf-8")
            # the source map is not shipped; drop the reference so nothing is ever fetched
            return re.sub(r"^//# sourceMappingURL=.*$", "", text, flags=re.M)
    raise FileNotFoundError("vis-network.min.js not found in kg/data or the pyvis package - "
                            "reinstall pyvis (pip install pyvis)")


def _asset(name: str) -> str:
    return (DATA_DIR / "viz" / name).read_text(encoding="utf-8")


def _script_json(value: Any) -> str:
    """JSON that is safe inside <script>: no '<', '>' or '&' can end the element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def _collapsed(counts: dict[str, int], large: bool, focused: bool) -> list[str]:
    """The types the page opens with hidden (one click in the legend shows them): a large
    build opens on the officials' network (people, agencies, posts); past a few dozen
    articles, the article triangles would bury it."""
    if focused:
        return []
    hidden = ["Program", "Event", "Article"] if large else []
    if large and counts.get("Indicator"):  # their figures' articles are hidden too
        hidden.append("Indicator")
    if counts.get("Article", 0) > COLLAPSE_ARTICLES_ABOVE and "Article" not in hidden:
        hidden.append("Article")
    return hidden


def _vis_options(large: bool) -> dict:
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 0},
        "interaction": {"hover": not large, "tooltipDelay": 250, "hideEdgesOnDrag": large,
                        "hideEdgesOnZoom": large, "multiselect": False, "keyboard": False},
        "nodes": {"font": {"face": FONT_STACK, "size": 14, "color": "#222222",
                           "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "font": {"face": FONT_STACK, "size": 10, "color": "#555555",
                           "strokeWidth": 2, "align": "horizontal"},
                  "color": {"inherit": False}, "selectionWidth": 2},
    }


class _Table:
    """Strings numbered in order of first use (``first`` is number 0)."""

    def __init__(self, first: str | None = "") -> None:
        self.items: list[str] = []
        self.index: dict[str, int] = {}
        if first is not None:
            self.add(first)

    def add(self, value: Any) -> int:
        value = "" if value is None else str(value)
        if value not in self.index:
            self.index[value] = len(self.items)
            self.items.append(value)
        return self.index[value]

    def next(self, value: str) -> int:
        """The number ``value`` has or would get."""
        return self.index.get(value, len(self.items))


def _json_bytes(value: Any) -> int:
    return len(_script_json(value).encode("utf-8"))


def _cites(refs: list[int], total: int) -> Any:
    """A node's or link's citations as the page reads them: 0 (none), n (one), [n, ...];
    a last negative number -m says there are m in all (the page left some out)."""
    if len(refs) < total:
        return [*refs, -total]
    return 0 if not refs else refs[0] if len(refs) == 1 else refs


def _cites_bytes(refs: list[int], total: int) -> int:
    if len(refs) < total:
        return 1 + sum(len(str(r)) + 1 for r in refs) + len(str(total)) + 2
    return 1 if not refs else len(str(refs[0])) if len(refs) == 1 else 1 + sum(
        len(str(r)) + 1 for r in refs)


def _id_runs(ids: list[str]) -> tuple[list[list], list[str]]:
    """Node ids as runs of a shared prefix (up to the last / or #) and their tails:
    sorted IRIs share long prefixes (https://w3id.org/kg-gov/id/person/), written once.
    A run whose tails are all ASCII of one length (kg's 12 hex digits) writes them as
    one string, ``[prefix, count, width]``."""
    runs: list[list] = []
    groups: list[list[str]] = []
    for node_id in ids:
        cut = max(node_id.rfind("/"), node_id.rfind("#")) + 1
        prefix, tail = node_id[:cut], node_id[cut:]
        if runs and runs[-1][0] == prefix:
            runs[-1][1] += 1
            groups[-1].append(tail)
        else:
            runs.append([prefix, 1])
            groups.append([tail])
    tails: list[str] = []
    for run, group in zip(runs, groups):
        width = len(group[0])
        if len(group) > 1 and width and all(len(t) == width and t.isascii() for t in group):
            run.append(width)
            tails.append("".join(group))
        else:
            tails.extend(group)
    return runs, tails


def _rounded(value: Any) -> int | None:
    try:
        return round(float(value))
    except (TypeError, ValueError, OverflowError):
        return None


def _degree_size(degree: int) -> float:
    """A node's size from its number of neighbours, rounded as the page rounds it."""
    return math.floor((8 + 4 * math.log2(1 + degree)) * 10 + 0.5) / 10


def _encode(net: Any, budget: int | None, sentences: bool = True,
            max_bytes: int | None = None) -> dict:
    """The page's data (``_columns``), with citations (``_cite``) unless not ``sentences``."""
    payload, state = _columns(net, max_bytes)
    return _cited(payload, state, budget) if sentences else payload


def _columns(net: Any, max_bytes: int | None = None) -> tuple[dict, tuple]:
    """The page's data without citations, and what citing needs (``_cited``): compact tables that the page script reads (``expand`` reads them
    the same way in Python).

    Nodes are numbered in order; each column of ``n`` holds one value per node (``p``
    and ``i``: the id as a shared prefix and a tail; ``t`` type, ``l`` label, ``x``/``y``
    whole pixels, ``k`` kind, ``d`` date, ``e`` citations); rarer fields are objects by
    node number (``a`` other names, ``o`` posts, ``f`` figures, ``s`` a size the number
    of neighbours does not give, ``r`` an IRI other than the id, ``ty`` a type other
    than the legend's). Links (``e``) are numbered likewise (``f`` source as a step from
    the previous link's, ``t`` target, ``r`` relation; ``w`` weights other than 1, ``l``
    labels other than the relation's name, ``d`` dates, ``o`` posts, ``v`` a holding's
    attested span: begin, last attested and end as numbers into ``W``, then 1 when it is
    reported as former; a post of ``n.o`` ends with the same four). Repeated short
    strings (kinds, dates, roles) are numbers into ``W``; a source sentence is written
    once in ``Z``; a citation (``E``, four numbers each: sentence, the anchor's start and
    length in it in UTF-16 units or -1 and its number in ``W``, article) names its
    article by node number + 1 (or -(row of ``A`` + 1) when the article is not in the
    view). Citations' offsets into the article (begin, end) are not shown, not written.

    With a ``budget`` (bytes), citations go in while it lasts: the first of each node of
    the types the page opens on, then of each link among them, then of every other node
    and link, then the second ones and so on, each node or link at most
    ``EVIDENCE_SHOWN`` (what its panel lists); ``meta.left_out`` counts the rest. Nodes
    and links are never left out: whatever expanding a node shows is in the page.
    """
    meta = dict(getattr(net, "kg_meta", None) or {
        "title": "kg graph", "types": [], "relations": [],
        "large": len(net.nodes) > LARGE_VIEW, "focus": ""})
    meta["max_bytes"] = max_bytes
    large = bool(meta.get("large"))
    type_index = {t: i for i, t in enumerate(TYPE_STYLES)}
    words = _Table()
    raw_nodes = [dict(n) for n in net.nodes]
    ids = [str(n["id"]) for n in raw_nodes]
    index = {node_id: i for i, node_id in enumerate(ids)}
    runs, tails = _id_runs(ids)
    collapsed = set(meta.get("collapsed") or [])

    n_type, n_label, n_x, n_y, n_kind, n_date = [], [], [], [], [], []
    alt, posts, figures, iris, detail_types, sizes = {}, {}, {}, {}, {}, {}
    node_evidence: list[list[dict]] = []
    for i, node in enumerate(raw_nodes):
        kg = node.get("kg") or {}
        type_ = node.get("kgType") if node.get("kgType") in TYPE_STYLES else "Other"
        label = str(kg.get("label", node.get("label", ids[i])))
        n_type.append(type_index[type_])
        n_label.append(label)
        n_x.append(_rounded(node.get("x")))
        n_y.append(_rounded(node.get("y")))
        n_kind.append(words.add(kg.get("kind")))
        n_date.append(words.add(kg.get("date")))
        if kg.get("type", type_) != type_:
            detail_types[str(i)] = kg.get("type") or ""
        if kg.get("alt_labels"):
            alt[str(i)] = [str(a) for a in kg["alt_labels"]]
        if kg.get("posts"):
            rows = []
            for p in kg["posts"]:
                post, role = str(p.get("post") or ""), str(p.get("role") or "")
                organization = str(p.get("organization") or "")
                row = [-1 if post and post == organization + role else words.add(post),
                       words.add(role), words.add(organization),
                       [words.add(d) for d in p.get("dates") or []]]
                if any(p.get(k) for k in SPAN_KEYS):  # + begin, last attested, end (, 1: former)
                    row += [words.add(p.get(k)) for k in SPAN_KEYS[:3]] + [1] * bool(p.get("former"))
                rows.append(row)
            posts[str(i)] = rows
        if kg.get("figures"):
            figures[str(i)] = [[words.add(f.get("indicator")), str(f.get("surface") or ""),
                                str(f.get("value") or "")] for f in kg["figures"]]
        if kg.get("iri", ids[i]) != ids[i] or "iri" not in kg:
            iris[str(i)] = kg.get("iri") or ""
        node_evidence.append(list(kg.get("evidence") or []))

    relations = _Table(first=None)
    relation_rows: list[list] = []
    e_from, e_to, e_rel = [], [], []
    e_weight, e_label, e_dates, e_posts, e_spans = {}, {}, {}, {}, {}
    edge_evidence: list[list[dict]] = []
    neighbours: list[set[int]] = [set() for _ in ids]
    previous = 0
    for j, edge in enumerate(dict(e) for e in net.edges):
        kg = edge.get("kg") or {}
        relation = str(kg.get("relation") or edge.get("relation") or "link")
        if relation not in relations.index:
            name, colour, dashed = RELATION_STYLES.get(relation, (relation, "#999999", False))
            relation_rows.append([relation, kg.get("relation_label") or name, colour,
                                  1 if dashed else 0, INVERSE_NAMES.get(relation, ""),
                                  1 if relation in UNDIRECTED else 0])
        rel = relations.add(relation)
        source, target = index[str(edge["from"])], index[str(edge["to"])]
        if source != target:
            neighbours[source].add(target)
            neighbours[target].add(source)
        e_from.append(source - previous)  # sorted by source: mostly 0 and 1
        previous = source
        e_to.append(target)
        e_rel.append(rel)
        if (kg.get("weight") or 1) != 1:
            e_weight[str(j)] = kg["weight"]
        label = str(kg.get("label") or relation_rows[rel][1])
        if label != relation_rows[rel][1]:
            e_label[str(j)] = words.add(label)
        if kg.get("dates"):
            e_dates[str(j)] = [words.add(d) for d in kg["dates"]]
        if any(kg.get(k) for k in SPAN_KEYS):  # begin, last attested, end (, 1: former)
            e_spans[str(j)] = [words.add(kg.get(k)) for k in SPAN_KEYS[:3]] + [1] * bool(kg.get("former"))
        if kg.get("posts"):  # a post is its agency's name and the role, mostly
            agency = n_label[target]
            e_posts[str(j)] = [-1 - words.add(p[len(agency):]) if p.startswith(agency)
                               else words.add(p) for p in map(str, kg["posts"])]
        edge_evidence.append(list(kg.get("evidence") or []))
    for i, node in enumerate(raw_nodes):
        size = node.get("size", 10)
        if size != _degree_size(len(neighbours[i])):
            sizes[str(i)] = size

    payload = {
        "meta": meta, "options": _vis_options(large),
        "T": [[t, *TYPE_STYLES[t]] for t in TYPE_STYLES],
        "R": relation_rows, "W": words.items, "Z": [], "E": [], "A": [],
        "n": {"p": runs, "i": tails, "t": n_type, "l": n_label, "x": n_x, "y": n_y,
              "k": n_kind, "d": n_date, "e": [0] * len(ids), "s": sizes,
              "a": alt, "o": posts, "f": figures, "r": iris, "ty": detail_types},
        "e": {"f": e_from, "t": e_to, "r": e_rel, "e": [0] * len(e_to), "w": e_weight,
              "l": e_label, "d": e_dates, "o": e_posts, "v": e_spans},
    }
    return payload, (words, index, node_evidence, edge_evidence,
                     {type_index[t] for t in TYPE_STYLES if t not in collapsed})


def _cited(payload: dict, state: tuple, budget: int | None) -> dict:
    """The page's data with citations while ``budget`` bytes last, from ``_columns``'s
    payload and state, which stay as they are: render makes the columns once, whatever
    the number of budgets it tries."""
    words, index, node_evidence, edge_evidence, shown_types = state
    out = dict(payload)
    out["meta"] = dict(payload["meta"])
    out["n"], out["e"] = dict(payload["n"]), dict(payload["e"])
    out["n"]["e"], out["e"]["e"] = list(payload["n"]["e"]), list(payload["e"]["e"])
    out["Z"], out["E"], out["A"] = [], [], []
    table = _Table(first=None)
    table.items, table.index = list(words.items), dict(words.index)
    out["W"] = table.items
    _cite(out, table, index, node_evidence, edge_evidence, budget, shown_types)
    return out


def _cite(payload: dict, words: _Table, index: dict[str, int], node_evidence: list[list[dict]],
          edge_evidence: list[list[dict]], budget: int | None, shown_types: set[int]) -> None:
    """Fill in the citations (``E``, ``Z``, ``A`` and the nodes' and links' ``e``) while
    ``budget`` bytes last (None: all of them)."""
    nodes, edges = payload["n"], payload["e"]
    article_type = list(TYPE_STYLES).index("Article")
    sources, at = [], 0
    for step in edges["f"]:
        at += step
        sources.append(at)
    owners = [("n", i, ev) for i, ev in enumerate(node_evidence) if ev] + [
        ("e", j, ev) for j, ev in enumerate(edge_evidence) if ev]
    candidates = []
    for order, (kind, k, evidence) in enumerate(owners):
        if kind == "n":
            group = 0 if nodes["t"][k] in shown_types else 2
        else:
            both = nodes["t"][sources[k]] in shown_types and nodes["t"][edges["t"][k]] in shown_types
            group = 1 if both else 3
        for rank in range(len(evidence) if budget is None else min(len(evidence), EVIDENCE_SHOWN)):
            candidates.append((rank, group, order))
    if budget is not None:
        candidates.sort()
    left = budget
    if left is not None:  # every owner starts with none of its citations ([-m]) ...
        left -= sum(_cites_bytes([], len(ev)) - 1 for _, _, ev in owners)
        left -= 200  # ... and the page says how many it left out
    sentences, items, articles = _Table(first=None), {}, {}
    cited: dict[int, list[int]] = {}

    def article_ref(article: str, headline: str, date: str) -> int:
        """The article's node number + 1 when it is one, else -(its row of A + 1)."""
        i = index.get(article)
        if not article:
            return 0
        if (i is not None and nodes["t"][i] == article_type and nodes["l"][i] == headline
                and words.items[nodes["d"][i]] == date):
            return i + 1
        return -(articles.get((article, headline, date), len(articles)) + 1)

    for rank, _, order in candidates:
        kind, k, evidence = owners[order]
        ev = evidence[rank]
        sentence = str(ev.get("sentence") or ev.get("anchor") or "")
        anchor = str(ev.get("anchor") or "")
        article, headline = str(ev.get("article") or ""), str(ev.get("headline") or "")
        date = str(ev.get("date") or "")
        key = (sentence, anchor, article, headline, date)
        number = items.get(key) or len(items) + 1
        refs = cited.setdefault(order, [])
        total = len(evidence)
        if left is not None:
            cost = _cites_bytes([*refs, number], total) - _cites_bytes(refs, total)
            if key not in items:
                ref = article_ref(article, headline, date)
                start, length = _anchor_at(sentence, anchor)
                if start < 0:
                    length = words.next(anchor)
                    cost += 0 if anchor in words.index else _json_bytes(anchor) + 1
                cost += sum(len(str(x)) + 1 for x in (sentences.next(sentence), start, length, ref))
                if sentence not in sentences.index:
                    cost += _json_bytes(sentence) + 1
                if ref < 0 and -ref > len(articles):
                    cost += _json_bytes([article, headline, date]) + 1
            if cost > left:
                continue
            left -= cost
        if key not in items:
            ref = article_ref(article, headline, date)
            if ref < 0 and -ref > len(articles):
                articles[(article, headline, date)] = len(articles)
                payload["A"].append([article, headline, date])
            items[key] = number
            start, length = _anchor_at(sentence, anchor)
            payload["E"].extend((sentences.add(sentence), start,
                                 length if start >= 0 else words.add(anchor), ref))
        refs.append(number)
    payload["Z"] = sentences.items
    payload["W"] = words.items
    wanted, missing = set(), 0
    for order, (kind, k, evidence) in enumerate(owners):
        refs = cited.get(order, [])
        complete = len(refs) == len(evidence) or (budget is None)
        payload[kind]["e"][k] = _cites(refs, len(refs) if complete else len(evidence))
        if not complete:
            missing += len(evidence) - len(refs)
        wanted.update(str(ev.get("sentence") or ev.get("anchor") or "") for ev in evidence)
    payload["meta"]["left_out"] = {} if not missing else {
        "citations": missing, "sentences": len(wanted) - len(sentences.items),
        "of": len(wanted)}


def _utf16(text: str) -> int:
    """The length of ``text`` in UTF-16 code units (what JavaScript's indices count)."""
    return len(text.encode("utf-16-le")) // 2


def _anchor_at(sentence: str, anchor: str) -> tuple[int, int]:
    """Where the anchor first is in the sentence (UTF-16 start and length), else (-1, 0)."""
    at = sentence.find(anchor) if anchor else -1
    return (-1, 0) if at < 0 else (_utf16(sentence[:at]), _utf16(anchor))


def _html(title: str, data_json: str) -> str:
    parts = {
        "TITLE": html.escape(title),
        "CSP": html.escape(_CSP, quote=False),  # no double quotes in it
        "CSS": _asset("page.css").replace("__FONT_STACK__", FONT_STACK),
        "VIS": _vis_js(),
        "DATA": data_json,
        "APP": _asset("page.js"),
    }
    # one pass, so nothing inside an inserted part is ever taken for a marker
    return re.sub(r"\{\{(TITLE|CSP|CSS|VIS|DATA|APP)\}\}", lambda m: parts[m.group(1)],
                  _asset("page.html"))


def render(net: Any, max_bytes: int | None = PAGE_BYTES_MAX) -> str:
    """The complete HTML page (a str) for a view from ``to_network``.

    net (pyvis.network.Network): a view from ``to_network``.
    max_bytes (int | None): the most bytes (UTF-8) the page may take: past it, source
        sentences are left out (every node and link stays; the page says how many
        sentences it lacks and how to get them). None: everything. Defaults to
        ``PAGE_BYTES_MAX``.
    RETURNS (str): the page.
    """
    title = (getattr(net, "kg_meta", None) or {}).get("title", "kg graph")
    if max_bytes is None:
        return _html(title, _script_json(_encode(net, None)))
    structure, state = _columns(net, max_bytes=max_bytes)
    budget = max_bytes - len(_html(title, _script_json(structure)).encode("utf-8"))
    for _ in range(8):
        page = _html(title, _script_json(_cited(structure, state, max(0, budget))))
        over = len(page.encode("utf-8")) - max_bytes
        if over <= 0 or budget <= 0:
            return page
        budget -= over + 64  # the estimate was short: try again with less
    return page


def page_data(page: str) -> dict:
    """The data of a page written by ``render``, as it is stored (compact tables).

    page (str): the HTML of a page.
    RETURNS (dict): the JSON of its ``kg-data`` block.
    """
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.DOTALL)
    if match is None:
        raise ValueError("Not a kg view page: no kg-data block")
    return json.loads(match.group(1))


def expand(data: dict) -> dict:
    """A page's compact data read as the page script reads it (its Python twin).

    data (dict): ``page_data(page)``.
    RETURNS (dict): ``meta``, ``options`` (vis-network's), ``nodes`` and ``edges``
        (vis-network items, ``hidden`` as the page opens, ``smooth`` on the second and
        later links between two nodes), ``details`` (node id -> what its panel shows:
        type, label, kind, alt_labels, date, posts (with begin, last_attested, end,
        former), figures, evidence, evidence_total when the page left some out, iri) and
        ``edgeDetails`` (link id -> weight, evidence, evidence_total, dates, begin,
        last_attested, end, former, posts, relation, relation_label, inverse_label,
        undirected, label).
    """
    meta, n, e = data["meta"], data["n"], data["e"]
    words, types, rels = data["W"], data["T"], data["R"]
    ids: list[str] = []
    tails = iter(n["i"])
    for run in n["p"]:
        if len(run) > 2:
            joined = next(tails)
            ids.extend(run[0] + joined[k:k + run[2]] for k in range(0, run[1] * run[2], run[2]))
        else:
            ids.extend(run[0] + next(tails) for _ in range(run[1]))
    hidden = set(meta.get("collapsed") or [])

    def cites(value: Any) -> tuple[list[int], int]:
        refs = [] if not value else [value] if isinstance(value, int) else list(value)
        if refs and refs[-1] < 0:
            return refs[:-1], -refs[-1]
        return refs, len(refs)

    def citation(k: int) -> dict:
        z, start, length, a = data["E"][4 * k - 4:4 * k]
        sentence = data["Z"][z]
        if start >= 0:
            units = sentence.encode("utf-16-le")[2 * start:2 * (start + length)]
            anchor = units.decode("utf-16-le")
        else:
            anchor = words[length]
        ev = {"sentence": sentence, "anchor": anchor, "article": "", "headline": "", "date": ""}
        if a > 0:
            ev.update(article=ids[a - 1], headline=n["l"][a - 1], date=words[n["d"][a - 1]])
        elif a < 0:
            ev.update(zip(("article", "headline", "date"), data["A"][-a - 1]))
        return ev

    def with_evidence(d: dict, value: Any) -> dict:
        refs, total = cites(value)
        if refs:
            d["evidence"] = [citation(k) for k in refs]
        if total > len(refs):
            d["evidence_total"] = total
        return d

    sources, source = [], 0
    neighbours: list[set[int]] = [set() for _ in ids]
    for j, step in enumerate(e["f"]):
        source += step
        sources.append(source)
        if source != e["t"][j]:
            neighbours[source].add(e["t"][j])
            neighbours[e["t"][j]].add(source)
    nodes, details = [], {}
    for i, node_id in enumerate(ids):
        type_, name, colour, shape, _ = types[n["t"][i]]
        label, key = n["l"][i], str(i)
        node = {"id": node_id, "label": _short(label), "shape": shape, "color": colour,
                "title": f"{name}: {label}", "kgType": type_,
                "size": n["s"].get(key, _degree_size(len(neighbours[i])))}
        if n["x"][i] is not None and n["y"][i] is not None:
            node.update(x=n["x"][i], y=n["y"][i])
        if type_ in hidden:
            node["hidden"] = True
        nodes.append(node)
        d: dict[str, Any] = {"type": n["ty"].get(key, type_), "label": label}
        if n["k"][i]:
            d["kind"] = words[n["k"][i]]
        if key in n["a"]:
            d["alt_labels"] = n["a"][key]
        if n["d"][i]:
            d["date"] = words[n["d"][i]]
        if key in n["o"]:
            d["posts"] = [{"post": words[o] + words[r] if p < 0 else words[p], "role": words[r],
                           "organization": words[o], "dates": [words[x] for x in dates],
                           "begin": words[span[0]] if span else "",
                           "last_attested": words[span[1]] if span else "",
                           "end": words[span[2]] if span else "", "former": len(span) > 3}
                          for p, r, o, dates, *span in n["o"][key]]
        if key in n["f"]:
            d["figures"] = [{"indicator": words[f], "surface": s, "value": v}
                            for f, s, v in n["f"][key]]
        with_evidence(d, n["e"][i])
        iri = n["r"].get(key, node_id)
        if iri:
            d["iri"] = iri
        details[node_id] = d
    edges, edge_details, pairs = [], {}, {}
    spans = e.get("v", {})
    for j, source in enumerate(sources):
        key, target = str(j), e["t"][j]
        relation, name, colour, dashed, inverse, undirected = rels[e["r"][j]]
        label = words[e["l"][key]] if key in e["l"] else name
        weight = e["w"].get(key, 1)
        edge = {"id": f"e{j}", "from": ids[source], "to": ids[target], "relation": relation,
                "color": colour, "dashes": bool(dashed),
                "title": f"{name}: {label}" if label != name else name,
                "width": 0.5 if relation == "mentions" else round(1 + math.log2(max(1, weight)), 2),
                "arrows": {"to": {"enabled": False}} if undirected else "to"}
        if not meta.get("large") and relation in ("holds", "participates", "author"):
            edge["label"] = _short(label)
        pair = (min(source, target), max(source, target))
        parallel = pairs[pair] = pairs.get(pair, -1) + 1
        if parallel and source != target:  # links between the same two nodes curve apart
            edge["smooth"] = {"enabled": True, "type": "curvedCW" if parallel % 2 else "curvedCCW",
                              "roundness": 0.2 * ((parallel + 1) // 2)}
        edges.append(edge)
        d = with_evidence({"weight": weight}, e["e"][j])
        if key in e["d"]:
            d["dates"] = [words[x] for x in e["d"][key]]
        if key in spans:
            v = spans[key]
            d.update({k: words[x] for k, x in zip(SPAN_KEYS, v[:3]) if x})
            if len(v) > 3:
                d["former"] = True
        if key in e["o"]:
            d["posts"] = [n["l"][target] + words[-x - 1] if x < 0 else words[x]
                          for x in e["o"][key]]
        d.update(relation=relation, relation_label=name, inverse_label=inverse,
                 undirected=bool(undirected), label=label)
        edge_details[edge["id"]] = d
    return {"meta": meta, "nodes": nodes, "edges": edges, "details": details,
            "edgeDetails": edge_details, "options": data.get("options", {})}


def write_html(obj: Any, path: str | os.PathLike, full: bool = False) -> Path:
    """Write a view as one self-contained UTF-8 HTML file, atomically.

    obj (pyvis.network.Network | rdflib.Graph | nx.Graph): a view from ``to_network``, or a
        graph to make the default view of.
    path (str | PathLike): the file to write (e.g. OUT/graph.html).
    full (bool): every source sentence, however big the page (``kg viz --full``).
        Defaults to a page of at most ``PAGE_BYTES_MAX`` bytes.
    RETURNS (Path): the path written.
    """
    with paused_collector():  # a view makes many objects; the collector's passes would walk the graph's too
        net = obj if hasattr(obj, "nodes") and hasattr(obj, "edges") and isinstance(
            getattr(obj, "nodes"), list) else _view(obj)
        page = render(net, max_bytes=None if full else PAGE_BYTES_MAX)
    path = Path(path)
    write_text(path, page)
    return path


class InlineView:
    """A page shown inline in a notebook, in an isolated iframe (``srcdoc``, sandboxed).

    Works in JupyterLab, classic Notebook and VS Code, which all render ``_repr_html_``;
    the sandbox (scripts, no same-origin) keeps the page away from the notebook.
    """

    def __init__(self, page: str, height: int = 620) -> None:
        self.page = page
        self.height = height

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.page, quote=True)}" '
                f'sandbox="allow-scripts" style="width:100%;height:{int(self.height)}px;'
                f'border:1px solid #ddd" title="kg graph view"></iframe>')

    def __repr__(self) -> str:
        return f"<InlineView {len(self.page)} characters>"


def display(obj: Any, height: int = 620, **view: Any) -> InlineView:
    """Show a view inline in a notebook (the last expression of a cell, or IPython display).

    obj (str | PathLike | Network | rdflib.Graph | nx.Graph): a ``kg build`` output folder
        (its graph.html, else a view of its graph.ttl), an .html file, a view, or a graph.
    height (int): iframe height in pixels.
    view: ``to_network`` arguments (focus, hops, types) when a view is built here.
    RETURNS (InlineView): an object notebooks render as the view.
    """
    if isinstance(obj, (str, os.PathLike)):
        path = Path(obj)
        if path.is_dir() and (path / "graph.html").exists() and not view:
            return InlineView((path / "graph.html").read_text(encoding="utf-8"), height)
        if path.suffix.lower() in (".html", ".htm"):
            return InlineView(path.read_text(encoding="utf-8"), height)
        from ..graph.store import read_graph

        return InlineView(render(to_network(read_graph(path), **view)), height)
    if hasattr(obj, "nodes") and isinstance(getattr(obj, "nodes"), list):
        return InlineView(render(obj), height)
    return InlineView(render(to_network(obj, **view)), height)
