"""Interactive HTML views: the whole graph, or one model's lineage.

Pages are self-contained (vis-network from pyvis's bundle, inlined: they open
from disk with no network) and safe (data reaches the DOM only as text). In a
notebook a view renders itself (``_repr_html_``: a sandboxed iframe whose
``srcdoc`` holds the page)::

    >>> import kg, kg.views
    >>> g = kg.open(".kg/demo")                                   # doctest: +SKIP
    >>> kg.views.graph_view(g).save("exports/graph.html")         # doctest: +SKIP
    >>> kg.views.lineage_view(g, "MN-Minitron-8B")                # doctest: +SKIP

A graph larger than ``MAX_NODES`` entities is drawn focused (its
best-connected part, or ``around`` some entities), with the count of what was
left out on the page: past that size a page is slow and unreadable
(benchmarks/html_bench.py measures it).
"""

from __future__ import annotations

from collections import Counter

from rdflib import Graph, URIRef

from kg.views.page import View, render

__all__ = ["MAX_NODES", "View", "graph_view", "lineage_view"]

MAX_NODES = 1000
"""The largest drawing a page shows whole; bigger graphs are focused.

Measured in headless Chromium (benchmarks/html_bench.py): at 1,000 nodes a
page is ready in about 1 s, redraws a zoom step in about 50 ms and the hubs'
labels can be read at the opening zoom; at 1,250 a redraw takes 70 ms and no
label can be read without zooming in; at 2,000, 105 ms and a hairball.
"""


def graph_view(source, *, around: str | list[str] | None = None, depth: int = 2,
               max_nodes: int = MAX_NODES, title: str = "kg: knowledge graph") -> View:
    """The graph (a Store, a KnowledgeGraph or an rdflib Graph), focused when it is large.

    ``around``: names (any spelling) of entities to centre on, drawing ``depth``
    hops around them; without it a graph over ``max_nodes`` entities shows its
    ``max_nodes`` best-connected ones.
    """
    from kg.lineage import find_entity
    from kg.views.layout import layout
    from kg.views.network import CLASSES, drawing

    graph = _graph(source)
    if isinstance(around, str):
        around = [around]
    centre = {find_entity(graph, name, CLASSES, what="entity") for name in around} if around else None
    d = drawing(graph, around=centre, depth=depth, max_nodes=max_nodes)
    layout(d.nodes, d.edges)
    note = f"{len(d.nodes)} nodes, {len(d.edges)} edges. Hover for names, dates and evidence; click for details."
    return render(d, title=title, note=note)


def lineage_view(source, name: str, *, depth: int | None = None) -> View:
    """One model's ancestors and descendants, top to bottom, derivation kinds on the edges."""
    from pyvis.network import Network

    from kg.lineage import MAX_DEPTH, find_model, lineage
    from kg.views.network import CLASSES, EDGES, Drawing, _evidence_links, _IdSet, arxiv_link, describe, edge_lines, node_lines
    from kg.views.text import fold, safe_text
    from kg.vocab import MLKG

    graph = _graph(source)
    lin = lineage(graph, find_model(graph, name), MAX_DEPTH if depth is None else depth)
    key, cls_label, _, _ = CLASSES[MLKG.Model]
    info = describe(graph, lin.nodes)
    net = Network(directed=True)
    net.node_ids = _IdSet()
    ids: dict[URIRef, str] = {}
    for node in lin.nodes:
        names, lines = node_lines(info[node], node, cls_label)
        if node == lin.root:
            lines.insert(1, "the model this page is about")
        elif node in lin.ancestors:
            lines.insert(1, "an ancestor (it was used to make the model)")
        else:
            lines.insert(1, "a descendant (made from the model)")
        ids[node] = f"n{len(ids)}"
        extra = {"borderWidth": 4, "font": {"size": 17}, "color": {"border": "#222"}} if node == lin.root else {}
        net.add_node(ids[node], label=safe_text(names[0], 40), group=key, shape="box",
                     names=names, keys=sorted({fold(n) for n in names} - {""}), info=lines,
                     link=arxiv_link(info[node]["arxiv"]), **extra)
    kind_key = {label: EDGES[p][0] for p, label in _kind_props().items()}
    colour_of = {k: c for k, _, c in EDGES.values()}
    for e in lin.edges:  # drawn parent -> child, so ancestors sit above
        keys = [kind_key[k] for k in e.kinds]
        label = ", ".join(e.kinds)
        title = f"{label}: {safe_text(lin.labels[e.child], 80)} was made from {safe_text(lin.labels[e.parent], 80)}"
        net.add_edge(ids[e.parent], ids[e.child], id=f"e{len(net.edges)}", kind=keys[0], kinds=keys,
                     label=label, color=colour_of[keys[0]], info=edge_lines(title, e.evidence),
                     links=_evidence_links(e.evidence))
    d = Drawing(net)
    d.classes = dict(Counter(n["group"] for n in net.nodes))
    root = lin.labels[lin.root]
    note = (f"{len(lin.ancestors)} ancestors, {len(lin.descendants)} descendants, {len(lin.edges)} derivations. "
            "Arrows point from a model to what was made from it; hover an arrow for the sentence that says so.")
    return render(d, title=f"kg lineage: {root}", note=note, hierarchical=True, mode="lineage")


def _kind_props() -> dict[URIRef, str]:
    from kg.lineage import DERIVED, KINDS
    from kg.vocab import MLKG

    return {**KINDS, MLKG.derivedFrom: DERIVED}


def _graph(source) -> Graph:
    """An rdflib Graph from a Graph, a KnowledgeGraph (``.graph``), a Store (``.graph()``) or a path.

    A plain in-memory rdflib Graph is copied into an in-memory Oxigraph first:
    rdflib's own SPARQL engine takes minutes over the bulk queries a page
    needs (``VALUES`` joins), Oxigraph a fraction of a second.
    """
    if isinstance(source, Graph):
        from oxrdflib import OxigraphStore

        if isinstance(source.store, OxigraphStore):
            return source
        fast = Graph(store="Oxigraph")
        try:
            fast.parse(data=source.serialize(format="nt"), format="ox-nt")
        except (SyntaxError, ValueError):  # terms Oxigraph refuses (invalid IRIs): stay with rdflib
            return source
        return fast
    g = getattr(source, "graph", None)
    if g is None:
        from kg.graph.store import Store

        return Store(source).graph()
    return g() if callable(g) else g
