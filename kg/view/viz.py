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

``pyvis``'s own ``write_html`` is not used: its ``in_line`` mode still links Bootstrap
from a CDN and its other modes link vis-network from one.
"""
from __future__ import annotations

import html
import json
import math
import os
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

from ..atomic import write_text
from ..vocab.paths import DATA_DIR
from .layout import layout, spread_labels
from .network import NODE_TYPES, _simple, to_networkx

__all__ = ["TYPE_STYLES", "RELATION_STYLES", "to_network", "focus_nodes", "render", "write_html",
           "display", "InlineView", "layout"]

#: type -> (Chinese name, colour, vis shape, legend glyph)
TYPE_STYLES: dict[str, tuple[str, str, str, str]] = {
    "Person": ("人物", "#d62728", "dot", "\u25cf"),
    "Organization": ("机构", "#1f77b4", "square", "\u25a0"),
    "Post": ("职务", "#9467bd", "triangleDown", "\u25bc"),
    "Program": ("计划/项目", "#2ca02c", "diamond", "\u25c6"),
    "Event": ("活动/会议", "#ff7f0e", "star", "\u2605"),
    "Article": ("文章", "#7f7f7f", "triangle", "\u25b2"),
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
}

#: relation -> its name seen from the other end (上级机构 of a department; 下级机构 of its parent)
INVERSE_NAMES: dict[str, str] = {
    "holds": "任职者", "post_in": "设有职务", "sub_organization_of": "下级机构", "leads": "牵头项目",
    "organizes": "主办活动", "participates": "参加者", "mentions": "提及于", "author": "撰写文章",
}
#: relations without a direction: drawn without arrows
UNDIRECTED = {"co_participant", "coappears"}

#: participant roles as the page shows them
ROLE_NAMES = {"speaker": "发言", "chair": "主持", "attendee": "出席"}

#: default view types: posts are folded into person -> agency edges labelled by role
DEFAULT_TYPES = ("Person", "Organization", "Program", "Event", "Article")
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


def _fold_posts(nxg: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Replace Person -holds-> Post -post_in-> Organization by Person -holds-> Organization."""
    out = nxg.copy()
    for post in [n for n, d in nxg.nodes(data=True) if d.get("type") == "Post"]:
        agencies = [v for _, v, k in nxg.out_edges(post, keys=True) if k == "post_in"]
        role = nxg.nodes[post].get("kind") or nxg.nodes[post].get("label", "")
        for person, _, key, data in nxg.in_edges(post, keys=True, data=True):
            if key != "holds":
                continue
            for agency in agencies:
                if out.has_edge(person, agency, key="holds"):
                    edge = out.edges[person, agency, "holds"]
                    edge["weight"] += data.get("weight", 1)
                    if role not in edge["roles"]:
                        edge["roles"].append(role)
                    edge["posts"].append(nxg.nodes[post].get("label", ""))
                    edge["evidence"].extend(e for e in data.get("evidence", [])
                                            if e not in edge["evidence"])
                    edge["dates"] = sorted(set(edge["dates"]) | set(data.get("dates", [])))
                else:
                    out.add_edge(person, agency, key="holds", relation="holds",
                                 weight=data.get("weight", 1), roles=[role],
                                 posts=[nxg.nodes[post].get("label", "")],
                                 evidence=list(data.get("evidence", [])),
                                 dates=list(data.get("dates", [])))
        out.remove_node(post)
    for u, v, key, data in out.edges(keys=True, data=True):
        if key == "holds" and "roles" in data:
            data["label"] = "、".join(data["roles"])
    return out


def _as_multidigraph(graph: Any) -> nx.MultiDiGraph:
    """A projection as the view needs it: RDF is projected, other networkx graphs
    (e.g. ``network.coappearance``) become a multigraph keyed by relation."""
    if isinstance(graph, nx.MultiDiGraph):
        return graph
    if not isinstance(graph, nx.Graph):
        return to_networkx(graph)
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
        Defaults to people, agencies, programs, events and articles; posts are folded
        into person -> agency edges labelled with the role unless "Post" is listed.
    seed (int): layout seed. Defaults to 0.
    RETURNS (pyvis.network.Network): nodes with ``x``/``y``, colour and shape by type and
        a ``kg`` dict of details; ``net.kg_meta`` holds the title, legend and counts.
    """
    from pyvis.network import Network  # heavy-ish import, only when a view is built

    nxg = _as_multidigraph(graph)
    wanted = _parse_types(types)
    if "Post" not in wanted:
        nxg = _fold_posts(nxg)
    # untyped nodes (a graph not from to_networkx) stay unless types were asked for
    nxg = nxg.subgraph([n for n, d in nxg.nodes(data=True) if d.get("type") in wanted
                        or (types is None and d.get("type") not in NODE_TYPES)]).copy()
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

    net = Network(height="100%", width="100%", directed=True)
    counts: dict[str, int] = {}
    for node in sorted(nxg):
        data = nxg.nodes[node]
        type_ = data.get("type") if data.get("type") in TYPE_STYLES else "Other"
        counts[type_] = counts.get(type_, 0) + 1
        name, colour, shape, _ = TYPE_STYLES[type_]
        label = str(data.get("label", node))
        x, y = positions[node]
        net.add_node(node, label=_short(label), shape=shape, color=colour,
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
            "kg": {k: data[k] for k in ("weight", "evidence", "dates", "posts", "events")
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
        net.add_edge(u, v, **edge)
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
        "central": [n for n, _ in sorted(((n, d) for n, d in degree.items()
                                          if nxg.nodes[n].get("type") in ("Person", "Organization")),
                                         key=lambda nd: (-nd[1], nd[0]))[:CENTRAL_LABELS]],
    }
    return net


@lru_cache(maxsize=1)
def _vis_js() -> str:
    """vis-network's standalone bundle: kg/data/ if vendored there, else pyvis's copy."""
    candidates = [DATA_DIR / "vis-network.min.js"]
    try:
        pyvis_dir = Path(str(resources.files("pyvis")))
        candidates += [pyvis_dir / "lib" / "vis-9.1.2" / "vis-network.min.js",
                       pyvis_dir / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"]
    except ModuleNotFoundError:
        pass
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


def render(net: Any) -> str:
    """The complete HTML page (a str) for a view from ``to_network``."""
    meta = getattr(net, "kg_meta", None) or {"title": "kg graph", "types": [], "relations": [],
                                             "large": len(net.nodes) > LARGE_VIEW, "focus": ""}
    nodes, details = [], {}
    for node in net.nodes:
        node = dict(node)
        details[str(node["id"])] = node.pop("kg", {}) or {"label": str(node.get("label", ""))}
        node.setdefault("kgType", "Other")
        nodes.append(node)
    edges, edge_details = [], {}
    for i, edge in enumerate(net.edges):
        edge = dict(edge)
        edge.setdefault("id", f"e{i}")
        edge_details[edge["id"]] = edge.pop("kg", {})
        edges.append(edge)
    payload = {
        "meta": meta, "nodes": nodes, "edges": edges, "details": details,
        "edgeDetails": edge_details, "options": _vis_options(bool(meta.get("large"))),
    }
    parts = {
        "TITLE": html.escape(meta.get("title", "kg graph")),
        "CSP": html.escape(_CSP, quote=False),  # no double quotes in it
        "CSS": _asset("page.css").replace("__FONT_STACK__", FONT_STACK),
        "VIS": _vis_js(),
        "DATA": _script_json(payload),
        "APP": _asset("page.js"),
    }
    # one pass, so nothing inside an inserted part is ever taken for a marker
    return re.sub(r"\{\{(TITLE|CSP|CSS|VIS|DATA|APP)\}\}", lambda m: parts[m.group(1)],
                  _asset("page.html"))


def write_html(obj: Any, path: str | os.PathLike) -> Path:
    """Write a view as one self-contained UTF-8 HTML file, atomically.

    obj (pyvis.network.Network | rdflib.Graph | nx.Graph): a view from ``to_network``, or a
        graph to make the default view of.
    path (str | PathLike): the file to write (e.g. OUT/graph.html).
    RETURNS (Path): the path written.
    """
    net = obj if hasattr(obj, "nodes") and hasattr(obj, "edges") and isinstance(
        getattr(obj, "nodes"), list) else to_network(obj)
    path = Path(path)
    write_text(path, render(net))
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
