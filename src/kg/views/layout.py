"""Node positions computed in Python, so a page draws once and then stays still.

The browser's physics simulation needs seconds to settle a few hundred nodes
(see /work/shared/design/html-measurements.md); positions computed here with
networkx cost a fraction of that and make the page deterministic. Each
connected component is laid out on its own (a force layout of the whole
graph flings small components to a ring around the big one) and the
components are then packed in rows, biggest first.

A force layout costs O(n²) per step; a component of more than
``FORCE_MAX_NODES`` (only drawn when a caller raises ``max_nodes`` far past
what a page can show) gets a spectral layout instead: rougher, but seconds.
"""

from __future__ import annotations

import math

import networkx as nx

SPACING = 70.0
"""Roughly the distance between neighbouring nodes, in vis-network pixels."""
FORCE_MAX_NODES = 2500


def layout(nodes: list[dict], edges: list[dict], *, seed: int = 7) -> None:
    """Set ``x`` and ``y`` on each node dict (pyvis/vis-network format)."""
    g = nx.Graph()
    g.add_nodes_from(n["id"] for n in nodes)
    g.add_edges_from((e["from"], e["to"]) for e in edges)
    boxes = []
    for comp in sorted(nx.connected_components(g), key=lambda c: (-len(c), min(c))):
        boxes.append(_component(g.subgraph(comp), seed))
    pos = _pack(boxes)
    for n in nodes:
        x, y = pos[n["id"]]
        n["x"], n["y"] = round(x, 1), round(y, 1)


def _component(sub: nx.Graph, seed: int) -> dict:
    """Positions of one component, in pixels, with their bounding box at the origin."""
    n = len(sub)
    if n == 1:
        pos = {next(iter(sub)): (0.0, 0.0)}
    elif n == 2:
        a, b = sorted(sub)
        pos = {a: (0.0, 0.0), b: (SPACING, 0.0)}
    else:
        if n <= FORCE_MAX_NODES:
            raw = nx.spring_layout(sub, seed=seed, iterations=50, k=2.0 / math.sqrt(n))
        else:
            raw = nx.spectral_layout(sub)
        scale = SPACING * math.sqrt(n) * 1.2
        pos = {k: (float(v[0]) * scale, float(v[1]) * scale) for k, v in raw.items()}
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    x0, y0 = min(xs), min(ys)
    pos = {k: (x - x0, y - y0) for k, (x, y) in pos.items()}
    return {"pos": pos, "w": max(xs) - x0, "h": max(ys) - y0}


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
