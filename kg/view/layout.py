"""Positions for the view, computed in Python (physics off in the page): a seeded
Fruchterman-Reingold in numpy per connected component, leaves folded around their
core above a size, so the same graph always gets the same picture."""
from __future__ import annotations

import math
from functools import lru_cache

import networkx as nx
import numpy as np

#: components larger than this lay out their core first and set leaves around it
FOLD_LEAVES_ABOVE = 500


#: above this many nodes in a core, repulsion is estimated from this many sampled nodes
SAMPLED_REPULSION_ABOVE = 600


def _fruchterman_reingold(n: int, edges: np.ndarray, weights: np.ndarray, seed: int,
                          iterations: int, mass: np.ndarray | None = None) -> np.ndarray:
    """Force-directed positions in about the unit square (numpy only, O(n²) per step).

    Repulsion is computed with two matrix products instead of n×n difference arrays:
    sum_j (x_i - x_j) w_ij = x_i sum_j w_ij - (W x)_i, which is several times faster.
    ``mass`` scales the repulsion between two nodes by the product of their masses
    (hubs with many folded-away leaves need room for them).
    """
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2)).astype(np.float32)
    if n < 2:
        return pos * 0
    k = np.float32(1.0 / math.sqrt(n))
    k2, eps = k * k, np.float32(1e-6)
    t = np.float32(0.1)
    dt = t / np.float32(iterations + 1)
    u, v = edges[:, 0], edges[:, 1]
    w = np.log1p(weights.astype(np.float32))[:, None]
    m = None if mass is None else mass.astype(np.float32)
    block = max(1, min(n, 4_000_000 // n))  # rows per step: at most ~16 MB of float32
    disp = np.empty_like(pos)
    sampled = n > SAMPLED_REPULSION_ABOVE
    for _ in range(iterations):
        sq = (pos * pos).sum(1)
        # big graphs: repulsion from a fresh random sample each step, scaled up to all n
        # nodes (stochastic, like SGD; the cooling averages the noise out): O(n·s), not O(n²)
        if sampled:
            pick = rng.choice(n, SAMPLED_REPULSION_ABOVE, replace=False)
            others, osq = pos[pick], sq[pick]
            om = None if m is None else m[pick]
            scale = np.float32(n / SAMPLED_REPULSION_ABOVE)
        else:
            others, osq, om, scale = pos, sq, m, np.float32(1)
        for s in range(0, n, block):
            rows = pos[s:s + block]
            inv = rows @ others.T
            inv *= np.float32(-2)
            inv += sq[s:s + block, None]
            inv += osq[None, :]
            np.maximum(inv, eps, out=inv)
            np.divide(k2 * scale, inv, out=inv)
            if m is not None:
                inv *= om[None, :]
                inv *= m[s:s + block, None]
            disp[s:s + block] = rows * inv.sum(1)[:, None] - inv @ others
        if len(u):
            d = pos[u] - pos[v]
            f = d * np.sqrt((d * d).sum(1))[:, None] / k * w
            for axis in (0, 1):  # bincount: many times faster than np.add.at
                disp[:, axis] += (np.bincount(v, f[:, axis], minlength=n)
                                  - np.bincount(u, f[:, axis], minlength=n)).astype(np.float32)
        length = np.maximum(np.sqrt((disp * disp).sum(1))[:, None], eps)
        pos += disp / length * np.minimum(length, t)
        t -= dt
    return pos


def _edges_among(adjacency: dict, nodes: list[str]) -> list[tuple[str, str, dict]]:
    """The links among ``nodes`` of a simple graph (``adjacency``: its ``_adj``), each
    once: a node's links in the graph's order, the nodes in the graph's order, or, for a
    part smaller than half the graph, in the order of ``nodes`` (networkx's subgraph view
    walks a set there, whose order changes with the hash seed: the force-directed step
    sums forces in this order, so the positions would change from process to process)."""
    inside = set(nodes)
    if 2 * len(inside) < len(adjacency):
        order = [node for node in nodes if node in adjacency]
    else:
        order = [node for node in adjacency if node in inside]
    seen: set[str] = set()
    edges = []
    for node in order:
        for other, data in adjacency[node].items():
            if other in inside and other not in seen:
                edges.append((node, other, data))
        seen.add(node)
    return edges


def _layout_component(simple: nx.Graph, comp: list[str], seed: int,
                      spacing: float) -> tuple[list[str], np.ndarray]:
    """Lay out one connected component; pixel positions centred on 0.

    Leaves (nodes with one neighbour: a program only one article mentions) are folded
    away first and set in rings around their neighbour afterwards, so the O(n²)
    force-directed step runs on the core only; a hub's leaves give it mass.
    """
    adjacency = simple._adj  # noqa: SLF001 - read as networkx's views read it, without their layers
    leaves: dict[str, list[str]] = {}
    core = comp
    if len(comp) > FOLD_LEAVES_ABOVE:  # a component holds every neighbour of its nodes
        for node in comp:
            if len(adjacency[node]) == 1:
                leaves.setdefault(next(iter(adjacency[node])), []).append(node)
        core = [node for node in comp if len(adjacency[node]) != 1]
        if not core:  # cannot happen in a connected component of more than 2 nodes
            core, leaves = comp, {}
    n = len(core)
    index = {node: i for i, node in enumerate(core)}
    pairs = [(index[a], index[b], d["weight"]) for a, b, d in _edges_among(adjacency, core)]
    edges = np.array([(a, b) for a, b, _ in pairs], dtype=np.int64).reshape(-1, 2)
    weights = np.array([w for _, _, w in pairs], dtype=np.float32)
    mass = np.sqrt(1 + np.array([len(leaves.get(node, ())) for node in core], dtype=np.float32))
    iterations = 30 if n > 5000 else 50 if n > 1000 else 80 if n > 200 else 120
    pos = _fruchterman_reingold(n, edges, weights, seed, iterations, mass if leaves else None)
    pos = (pos - pos.mean(0)) * np.float32(spacing * math.sqrt(n))
    if not leaves:
        return core, pos
    nodes, rows = list(core), [pos]
    for hub in sorted(leaves):
        centre = pos[index[hub]]
        ring, slot, capacity, fan = 0, 0, 8, []
        for leaf in leaves[hub]:
            if slot == capacity:
                ring, slot, capacity = ring + 1, 0, 8 + 6 * (ring + 1)
            fan.append((ring, slot, capacity))
            slot += 1
        for leaf, (r, i, cap) in zip(leaves[hub], fan):
            count = cap if r < fan[-1][0] else fan[-1][1] + 1
            angle = 2 * math.pi * i / count + 0.5 * r
            radius = spacing * (0.6 + 0.45 * r)
            rows.append(np.array([[centre[0] + radius * math.cos(angle),
                                   centre[1] + radius * math.sin(angle)]], dtype=np.float32))
            nodes.append(leaf)
    return nodes, np.concatenate(rows)


@lru_cache(maxsize=1)
def _blas():
    """The BLAS libraries numpy loaded (found once: finding them reads /proc)."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def _one_blas_thread():
    """The layout's matrix products on one BLAS thread. Its products are small and many:
    more threads only spin between them (five times the CPU, and on a busy machine four
    times the wall time), and OpenBLAS sums a product of several threads in another order
    than one thread's, which the force-directed steps amplify into another picture. On one
    thread the positions are the same on a machine of any number of cores, under any
    OPENBLAS_NUM_THREADS."""
    return _blas().limit(limits=1, user_api="blas")


def layout(graph: nx.Graph, seed: int = 0, spacing: float = 110.0) -> dict[str, tuple[float, float]]:
    """Precompute node positions (pixels): each component force-directed, then packed.

    graph (nx.Graph): any networkx graph (edge ``weight`` pulls harder).
    seed (int): random seed (same graph and seed -> same positions).
    spacing (float): about the distance in pixels between linked nodes.
    RETURNS (dict[str, tuple[float, float]]): node -> (x, y).
    """
    simple = nx.Graph()
    simple.add_nodes_from(graph)
    for a, b, data in graph.edges(data=True):
        if a != b:
            w = data.get("weight", 1)
            simple.add_edge(a, b, weight=simple[a][b]["weight"] + w if simple.has_edge(a, b) else w)
    components = sorted((sorted(c) for c in nx.connected_components(simple)),
                        key=lambda c: (-len(c), c[0]))
    with _one_blas_thread():
        placed = [_layout_component(simple, comp, seed, spacing) for comp in components]
    # shelf packing: big components first, small ones in rows beside and below
    out: dict[str, tuple[float, float]] = {}
    if not placed:
        return out
    widest = max(float(np.ptp(p[:, 0])) if len(p) > 1 else 0.0 for _, p in placed)
    row_width = max(widest, spacing * 8)
    x = y = row_height = 0.0
    for comp, pos in placed:
        lo = pos.min(0)
        w, h = (pos.max(0) - lo) + spacing
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in zip(comp, pos - lo):
            out[node] = (round(float(px + x), 1), round(float(py + y), 1))
        x += float(w)
        row_height = max(row_height, float(h))
    cx = sum(p[0] for p in out.values()) / len(out)
    cy = sum(p[1] for p in out.values()) / len(out)
    return {n: (round(px - cx, 1), round(py - cy, 1)) for n, (px, py) in out.items()}


def spread_labels(positions: dict[str, tuple[float, float]], labels: dict[str, str],
                  sizes: dict[str, float] | None = None, font: float = 14.0,
                  rounds: int = 200) -> dict[str, tuple[float, float]]:
    """Positions moved apart until no two labels overlap (for focused views, which show
    every label): each node is a box of its shape (``sizes``: radius) with its label (CJK
    characters a font wide) under it; overlapping boxes push each other apart along the
    axis where they overlap least.
    Deterministic: nodes in sorted order, no randomness.

    RETURNS (dict[str, tuple[float, float]]): node -> (x, y).
    """
    nodes = sorted(positions)
    if len(nodes) < 2:
        return dict(positions)
    pos = np.array([positions[n] for n in nodes], dtype=float)
    radius = np.array([(sizes or {}).get(n, 10.0) for n in nodes])
    half_w = np.maximum(np.array([len(labels.get(n, "")) * font / 2 for n in nodes]), radius) + 8
    half_h = radius + font * 0.8 + 8  # the shape, and the label under it
    for _ in range(rounds):
        dx = pos[:, None, 0] - pos[None, :, 0]
        dy = pos[:, None, 1] - pos[None, :, 1]
        over_x = half_w[:, None] + half_w[None, :] - np.abs(dx)
        over_y = half_h[:, None] + half_h[None, :] - np.abs(dy)
        clash = (over_x > 0) & (over_y > 0)
        np.fill_diagonal(clash, False)
        if not clash.any():
            break
        push = np.zeros_like(pos)
        along_x = clash & (over_x <= over_y)
        along_y = clash & (over_x > over_y)
        sign_x = np.where(dx >= 0, 1.0, -1.0)
        sign_y = np.where(dy >= 0, 1.0, -1.0)
        push[:, 0] = (np.where(along_x, over_x * sign_x, 0.0) / 2 + 0.5 * along_x * sign_x).sum(1)
        push[:, 1] = (np.where(along_y, over_y * sign_y, 0.0) / 2 + 0.5 * along_y * sign_y).sum(1)
        pos += push
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(nodes, pos)}
