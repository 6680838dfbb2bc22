"""⑤c Interactive HTML views: the whole graph, or one model's lineage.

Pages are self-contained (vis-network, from pyvis's bundle, inlined; no CDN)
and safe: the template autoescapes, data reaches the page only as JSON through
``|tojson`` and reaches the DOM only through ``textContent``. In a notebook a
view renders itself (``_repr_html_``: an iframe whose ``srcdoc`` holds the page).

    >>> view = graph_view(store)          # doctest: +SKIP
    >>> view.save("exports/graph.html")   # doctest: +SKIP
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rdflib import Graph, URIRef

from kg.views.network import Drawing, drawing, options, safe_text

PHYSICS_MAX_NODES = 150
"""Above this many nodes the layout is computed in Python and physics stays off."""
MAX_NODES = 1500
"""Above this many nodes a page is focused (``around`` or the best-connected nodes)."""
VIS_DIR = "templates/lib/vis-9.1.2"


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str, str]:
    pyvis = resources.files("pyvis")
    js = pyvis.joinpath(f"{VIS_DIR}/vis-network.min.js").read_text("utf-8")
    css = pyvis.joinpath(f"{VIS_DIR}/vis-network.css").read_text("utf-8")
    # a source-map comment would make browsers' devtools ask the network for a file
    js, css = (re.sub(r"/[/*][#@] sourceMappingURL=[^\n*]*(\*/)?", "", x) for x in (js, css))
    page = resources.files("kg.views").joinpath("page.html").read_text("utf-8")
    return js, css, page


def _template():
    from jinja2 import Environment

    env = Environment(autoescape=True)
    return env.from_string(_assets()[2])


@dataclass
class View:
    """A rendered page: ``.html``; ``.save(path)`` writes it atomically; notebooks show it inline."""

    html: str
    title: str
    nodes: int
    edges: int

    def save(self, path: str | Path) -> Path:
        from kg.exports.atomic import atomic_path

        path = Path(path)
        with atomic_path(path) as tmp:
            tmp.write_text(self.html, "utf-8")
        return path

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
                f'style="width:100%;height:640px;border:1px solid #ddd" sandbox="allow-scripts" '
                f'title="{html.escape(self.title, quote=True)}"></iframe>')


def _layout(d: Drawing) -> None:
    """Positions computed in Python (networkx), so a big page draws once and stays still."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(n["id"] for n in d.nodes)
    g.add_edges_from((e["from"], e["to"]) for e in d.edges)
    scale = 60 * max(10, len(d.nodes)) ** 0.5
    pos = nx.spring_layout(g, seed=7, iterations=40, scale=scale)
    for n in d.nodes:
        x, y = pos[n["id"]]
        n["x"], n["y"] = round(float(x), 1), round(float(y), 1)


def render(d: Drawing, *, title: str, note: str = "", hierarchical: bool = False) -> View:
    physics = not hierarchical and len(d.nodes) <= PHYSICS_MAX_NODES
    if not physics and not hierarchical:
        _layout(d)
    data = {"nodes": d.nodes, "edges": d.edges, "legend": d.legend(),
            "options": options(physics=physics, hierarchical=hierarchical)}
    if d.left_out_nodes:
        note = (note + " " if note else "") + (
            f"{d.left_out_nodes} nodes and {d.left_out_edges} edges are left out of this view; "
            "use kg html --around NAME --depth N to look at another part.")
    js, css, _ = _assets()
    page = _template().render(title=safe_text(title, 200), note=safe_text(note), data=data,
                              vis_js=js, vis_css=css)
    return View(page, title, len(d.nodes), len(d.edges))


def graph_view(source, *, around: list[str] | None = None, depth: int = 2,
               max_nodes: int = MAX_NODES, title: str = "kg: knowledge graph") -> View:
    """The whole graph (a Store, a KnowledgeGraph or an rdflib Graph), focused when it is large."""
    graph = _graph(source)
    centre = {_find_any(graph, name) for name in around} if around else None
    d = drawing(graph, around=centre, depth=depth, max_nodes=max_nodes)
    note = f"{len(d.nodes)} nodes, {len(d.edges)} edges. Hover for names, dates and evidence."
    return render(d, title=title, note=note)


def lineage_view(source, name: str) -> View:
    """One model's ancestors and descendants, top to bottom, derivation kinds on the edges."""
    from kg.lineage import find_model, lineage
    from kg.views.network import EDGES

    graph = _graph(source)
    root = find_model(graph, name)
    lin = lineage(graph, root)
    models = {root} | {e.child for e in lin.edges} | {e.parent for e in lin.edges}
    d = drawing(graph, around=models, depth=0, max_nodes=len(models))
    by_kind = {EDGES[p][0]: EDGES[p][1].replace(" from", "").replace(" of", "") for p in EDGES}
    merged: dict[tuple[str, str], dict] = {}
    for e in d.edges:
        if e["kind"] in ("wrote", "introduces", "uses"):
            continue
        pair = (e["to"], e["from"])  # draw the parent above the child
        if pair not in merged:
            merged[pair] = dict(e, **{"from": pair[0], "to": pair[1], "label": by_kind[e["kind"]]})
        else:  # "pruned, distilled, aligned": one arrow, every kind named on it
            m = merged[pair]
            m["label"] += ", " + by_kind[e["kind"]]
            m["info"] = m["info"] + [line for line in e["info"] if line not in m["info"]]
    d.edges = list(merged.values())
    d.left_out_nodes = d.left_out_edges = 0
    for n in d.nodes:
        if n["names"][0] == safe_text(lin.labels[root]):
            n["borderWidth"] = 3
    title = f"kg lineage: {lin.labels[root]}"
    note = f"{len(d.nodes)} models, {len(d.edges)} derivations. Arrows point from a model to what was made from it."
    return render(d, title=title, note=note, hierarchical=True)


def _graph(source) -> Graph:
    if isinstance(source, Graph):
        return source
    if hasattr(source, "graph") and not callable(source.graph):
        return source.graph
    return source.graph()


def _find_any(graph: Graph, name: str) -> URIRef:
    """Any entity named ``name`` (label or alternative label, case folded)."""
    from rdflib import RDFS
    from rdflib.namespace import SKOS

    wanted = name.casefold().strip()
    for p in (RDFS.label, SKOS.altLabel):
        for s, o in graph.subject_objects(p):
            if str(o).casefold().strip() == wanted and isinstance(s, URIRef):
                return s
    raise LookupError(f"nothing called {name!r} in the graph")


__all__ = ["MAX_NODES", "View", "graph_view", "lineage_view", "render"]
