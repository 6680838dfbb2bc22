"""Node positions computed in Python, so a page draws once and then stays still.

The browser's physics simulation needs seconds to settle a few hundred nodes
(see /work/shared/design/html-measurements.md); positions computed here cost
a fraction of that and make the page deterministic. Each connected component
is laid out on its own (a force layout of the whole graph flings small
components to a ring around the big one) and the components are then packed
in rows, biggest first.

The force layout is Fruchterman-Reingold in its grid form: nodes repel only
neighbours within a few edge lengths (found with a k-d tree), so a step costs
O(n log n) instead of the O(n²) of networkx's spring_layout, which took
5-10 s for a 1,000-node component on this machine class.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
from scipy.spatial import cKDTree

SPACING = 90.0
"""The ideal edge length, in vis-network pixels."""
ITERATIONS = 120
REACH = 5.0
"""Nodes farther apart than this many edge lengths do not repel each other."""


def layout(nodes: list[dict], edges: list[dict], *, seed: int = 7) -> None:
    """Set ``x`` and ``y`` on each node dict (pyvis/vis-network format)."""
    g = nx.Graph()
    g.add_nodes_from(n["id"] for n in nodes)
    g.add_edges_from((e["from"], e["to"]) for e in edges)
    boxes = [_component(g.subgraph(comp), seed)
             for comp in sorted(nx.connected_components(g), key=lambda c: (-len(c), min(c)))]
    pos = _pack(boxes)
    for n in nodes:
        x, y = pos[n["id"]]
        n["x"], n["y"] = round(x, 1), round(y, 1)


def _component(sub: nx.Graph, seed: int) -> dict:
    """Positions of one component, in pixels, with their bounding box at the origin."""
    ids = sorted(sub)
    if len(ids) == 1:
        xy = np.zeros((1, 2))
    else:
        index = {v: i for i, v in enumerate(ids)}
        pairs = np.array([(index[a], index[b]) for a, b in sub.edges()], dtype=np.int64).reshape(-1, 2)
        xy = force_layout(len(ids), pairs, seed=seed) * SPACING
    xy -= xy.min(axis=0)
    w, h = xy.max(axis=0)
    return {"pos": {v: (float(x), float(y)) for v, (x, y) in zip(ids, xy)}, "w": float(w), "h": float(h)}


def force_layout(n: int, edges: np.ndarray, *, seed: int = 7, iterations: int | None = None) -> np.ndarray:
    """Grid Fruchterman-Reingold: positions (n x 2) with edges about 1 unit long.

    Past 2,000 nodes (drawn only when a caller lifts ``max_nodes``) fewer
    steps and a shorter reach keep it to seconds.
    """
    big = n > 2000
    iterations = iterations or (ITERATIONS // 2 if big else ITERATIONS)
    reach = REACH * 0.6 if big else REACH
    rng = np.random.default_rng(seed)
    side = math.sqrt(n) * 1.5
    pos = rng.random((n, 2)) * side
    if n > 3 and len(edges):  # start from the spectral layout: the global shape, which local forces cannot find
        try:
            g = nx.Graph()
            g.add_nodes_from(range(n))
            g.add_edges_from(map(tuple, edges))
            spec = nx.spectral_layout(g)
            start = np.array([spec[i] for i in range(n)])
            # ranks, not values: the order of the spectral layout without its pile-ups, which would
            # put thousands of nodes within reach of each other (each step O(n²) again)
            start = np.argsort(np.argsort(start, axis=0), axis=0) / n * side
            pos = 0.8 * start + 0.2 * pos
        except Exception:  # noqa: BLE001 - a failed eigen-solve only costs the better start
            pass
    temperature = side / 6
    cool = (0.02 / temperature) ** (1 / max(1, iterations - 1)) if temperature > 0.02 else 1.0
    for _ in range(iterations):
        disp = np.zeros((n, 2))
        near = cKDTree(pos).query_pairs(reach, output_type="ndarray")
        if len(near):
            delta = pos[near[:, 0]] - pos[near[:, 1]]
            dist = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 0.01)
            push = delta * (1.0 / dist**2)[:, None]  # unit vector * k²/d, with k = 1
            disp += _scatter(near[:, 0], push, n) - _scatter(near[:, 1], push, n)
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            dist = np.hypot(delta[:, 0], delta[:, 1])
            pull = delta * dist[:, None]  # unit vector * d²/k
            disp += _scatter(edges[:, 1], pull, n) - _scatter(edges[:, 0], pull, n)
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-9)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature *= cool
    return pos - pos.mean(axis=0)


def _scatter(index: np.ndarray, vectors: np.ndarray, n: int) -> np.ndarray:
    """Sum ``vectors`` into n rows by ``index`` (np.add.at, several times faster)."""
    return np.stack([np.bincount(index, vectors[:, 0], n), np.bincount(index, vectors[:, 1], n)], axis=1)


def _pack(boxes: list[dict]) -> dict:
    """Shelf packing: rows about as wide as the whole drawing is tall."""
    area = sum((b["w"] + SPACING) * (b["h"] + SPACING) for b in boxes)
    width = max(math.sqrt(area) * 1.3, max((b["w"] for b in boxes), default=0))
    out: dict = {}
    x = y = row_h = 0.0
    for b in boxes:
        if x > 0 and x + b["w"] > width:
            x, y, row_h = 0.0, y + row_h + SPACING, 0.0
        for k, (px, py) in b["pos"].items():
            out[k] = (x + px, y + py)
        x += b["w"] + SPACING
        row_h = max(row_h, b["h"])
    return out
