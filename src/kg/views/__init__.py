"""Interactive HTML views: the whole graph, or one model's lineage.

Pages are self-contained (vis-network from pyvis's bundle, inlined: they open
from disk with no network) and safe (data reaches the DOM only as text). In a
notebook a view renders itself (``_repr_html_``: a sandboxed iframe whose
``srcdoc`` holds the page)::

    >>> import kg, kg.views
    >>> g = kg.open(".kg")                                        # doctest: +SKIP
    >>> kg.views.graph_view(g).save("exports/graph.html")         # doctest: +SKIP
    >>> kg.views.lineage_view(g, "MN-Minitron-8B")                # doctest: +SKIP

A graph larger than ``MAX_NODES`` entities is drawn focused (its
best-connected part, or ``around`` some entities), with the count of what was
left out on the page: past that size a page is slow and unreadable
(benchmarks/html_bench.py measures it).
"""

from __future__ import annotations

from rdflib import Graph

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
    """One model (any spelling) with its ancestors above and descendants below, kinds on the arrows."""
    from kg.lineage import MAX_DEPTH, find_model, lineage
    from kg.views.network import lineage_drawing

    graph = _graph(source)
    lin = lineage(graph, find_model(graph, name), MAX_DEPTH if depth is None else depth)
    note = (f"{len(lin.ancestors)} ancestors, {len(lin.descendants)} descendants, {len(lin.edges)} derivations. "
            "Arrows point from a model to what was made from it; hover an arrow for the sentence that says so.")
    return render(lineage_drawing(graph, lin), title=f"kg lineage: {lin.labels[lin.root]}", note=note,
                  hierarchical=True, mode="lineage")


def _graph(source) -> Graph:
    """An rdflib Graph from a Graph, a KnowledgeGraph (``.graph``), a Store (``.graph()``) or a path.

    A plain in-memory rdflib Graph is copied into an in-memory Oxigraph first:
    rdflib's own SPARQL engine takes minutes over the bulk queries a page
    needs (``VALUES`` joins), Oxigraph a fraction of a second.
    """
    if isinstance(source, Graph):
        from oxrdflib import OxigraphStore

        from kg.graph.remote import is_endpoint_graph

        if isinstance(source.store, OxigraphStore) or is_endpoint_graph(source):  # an endpoint: query it there
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
