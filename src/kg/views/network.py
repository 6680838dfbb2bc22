"""The graph as drawable nodes and edges: what a page shows, already made safe.

Entities (papers, people, organisations, models, techniques, datasets,
benchmarks) are nodes; facts are edges; evidence and records are not drawn
but become edge tooltips. The nodes and edges are held in a pyvis
``Network`` (its node/edge model and its options), and every string has
passed through :func:`kg.views.text.safe_text`, so the page only ever sets it
as text. Links are built here from validated arXiv ids, never copied from text.

The graph is read with a handful of bulk SPARQL queries, so drawing a large
store costs seconds, not one query per node.
"""

from __future__ import annotations

import heapq
import json
from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass

from pyvis.network import Network
from rdflib import Graph, URIRef

from kg.lineage import KINDS, PREFIXES, evidence
from kg.records.ids import VERSIONED_ID
from kg.views.text import fold, safe_text
from kg.vocab import DERIVATIONS, MLKG

# class -> (key, label, colour, vis shape); shapes sized by degree, label drawn below
CLASSES = {
    MLKG.Paper: ("paper", "Paper", "#4e79a7", "square"),
    MLKG.Person: ("person", "Person", "#59a14f", "dot"),
    MLKG.Organization: ("organization", "Organization", "#8cd17d", "diamond"),
    MLKG.Model: ("model", "Model", "#e15759", "hexagon"),
    MLKG.Technique: ("technique", "Technique", "#f28e2b", "triangle"),
    MLKG.Dataset: ("dataset", "Dataset", "#b07aa1", "triangleDown"),
    MLKG.Benchmark: ("benchmark", "Benchmark", "#9c755f", "star"),
}
DERIVED_COLOUR = "#7f7f7f"
KIND_COLOURS = {  # derivation kind (kg.vocab.DERIVATIONS) -> the colour its edges are drawn in
    "finetuned": "#e15759", "pruned": "#d37295", "distilled": "#76b7b2", "upcycled": "#edc948",
    "continued_pretraining": "#59a14f", "context_extended": "#b07aa1", "aligned": "#f28e2b",
    "quantized": "#9c755f", "merged": "#bab0ac", "based_on": "#4e79a7",
}
# property -> (key, label, colour); a kind without a colour of its own is drawn as plain "derived from"
EDGES = {
    MLKG.wrote: ("wrote", "wrote", "#9aa5b1"),
    MLKG.introduces: ("introduces", "introduces", "#4e79a7"),
    MLKG.uses: ("uses", "uses", "#c9b27c"),
    **{d.iri: (d.kind, d.label, KIND_COLOURS.get(d.kind, DERIVED_COLOUR)) for d in DERIVATIONS},
    MLKG.derivedFrom: ("derived", "derived from", DERIVED_COLOUR),
}
DERIVATIONS = set(KINDS) | {MLKG.derivedFrom}
_KIND_ORDER = {label: i for i, label in enumerate(KINDS.values())}
LABEL_CHARS = 40
QUOTE_CHARS = 400
EVIDENCE_SHOWN = 3


def arxiv_link(arxiv_id: object) -> str:
    """https://arxiv.org/abs/ID for a well-formed arXiv id, else "" (nothing from text becomes a link)."""
    text = str(arxiv_id or "").strip()
    return f"https://arxiv.org/abs/{text}" if VERSIONED_ID.fullmatch(text) else ""


@dataclass
class Drawing:
    """Nodes and edges ready for the page (a pyvis Network), plus what was left out."""

    net: Network
    left_out_nodes: int = 0
    left_out_edges: int = 0

    @property
    def nodes(self) -> list[dict]:
        return self.net.nodes

    @property
    def edges(self) -> list[dict]:
        return self.net.edges

    def legend(self) -> dict:
        classes = Counter(n["group"] for n in self.nodes)
        shapes = {n["group"]: n.get("shape") for n in self.nodes}
        kinds = Counter(k for e in self.edges for k in e.get("kinds", [e["kind"]]))
        return {
            "classes": [{"key": k, "label": lab, "colour": col, "shape": shapes[k] or shape, "count": classes[k]}
                        for k, lab, col, shape in CLASSES.values() if classes[k]],
            "kinds": [{"key": k, "label": lab, "colour": col, "count": kinds[k]}
                      for k, lab, col in EDGES.values() if kinds[k]],
        }


# -- reading the graph -----------------------------------------------------------

def _values(var: str, terms: Iterable[URIRef]) -> str:
    return f"VALUES ?{var} {{ {' '.join(t.n3() for t in terms)} }}"


def entity_graph(graph: Graph) -> tuple[dict[URIRef, tuple], list[tuple[URIRef, URIRef, URIRef]]]:
    """Drawable entities (IRI -> class spec) and the facts between them.

    A derivation is drawn once, by its specific kind; ``mlkg:derivedFrom`` is
    drawn only where no specific kind states the same pair.
    """
    entities: dict[URIRef, tuple] = {}
    order = list(CLASSES)
    for e, c in graph.query(PREFIXES + f"SELECT ?e ?c WHERE {{ {_values('c', CLASSES)} ?e a ?c }}"):
        if isinstance(e, URIRef) and (e not in entities or order.index(c) > order.index(entities[e][0])):
            entities[e] = (c, *CLASSES[c])
    entities = {e: spec[1:] for e, spec in entities.items()}
    facts = set()
    for s, p, o in graph.query(PREFIXES + f"SELECT ?s ?p ?o WHERE {{ {_values('p', EDGES)} ?s ?p ?o }}"):
        if s in entities and o in entities and s != o:
            facts.add((s, p, o))
    specific = {(s, o) for s, p, o in facts if p in KINDS}
    facts = {(s, p, o) for s, p, o in facts if p != MLKG.derivedFrom or (s, o) not in specific}
    return entities, sorted(facts)


def describe(graph: Graph, nodes: Iterable[URIRef]) -> dict[URIRef, dict]:
    """Names, date, arXiv id, parameter count and introducing papers of each node."""
    nodes = sorted(set(nodes))
    info: dict[URIRef, dict] = {n: {"label": None, "alt": set(), "date": None, "arxiv": None,
                                    "params": None, "papers": set()} for n in nodes}
    for i in range(0, len(nodes), 1000):
        chunk = _values("e", nodes[i:i + 1000])
        for e, p, o in graph.query(PREFIXES + f"""
                SELECT ?e ?p ?o WHERE {{ {chunk}
                  VALUES ?p {{ rdfs:label skos:altLabel <http://purl.org/dc/terms/date>
                              mlkg:arxivId mlkg:parameterCount }}
                  ?e ?p ?o }}"""):
            d, key = info[e], str(p).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
            if key == "label":
                d["label"] = str(o) if d["label"] is None else min(d["label"], str(o))
            elif key == "altLabel":
                d["alt"].add(str(o))
            elif key == "date":
                d["date"] = str(o)
            elif key == "arxivId":
                d["arxiv"] = str(o)
            elif key == "parameterCount":
                d["params"] = o
        for e, title, date in graph.query(PREFIXES + f"""
                SELECT ?e ?t ?d WHERE {{ {chunk} ?paper mlkg:introduces ?e ; rdfs:label ?t .
                                         OPTIONAL {{ ?paper <http://purl.org/dc/terms/date> ?d }} }}"""):
            info[e]["papers"].add((str(title), str(date or "")))
    return info


def node_lines(d: dict, node: URIRef, cls_label: str) -> tuple[list[str], list[str]]:
    """(names, tooltip lines) of one node: type, names, paper, date."""
    label = safe_text(d["label"] if d["label"] is not None else node)
    names = [label] + sorted({safe_text(a) for a in d["alt"]} - {label})
    lines = [label, f"type: {cls_label}"]
    if len(names) > 1:
        lines.append("also: " + "; ".join(names[1:]))
    if d["date"]:
        lines.append(f"date: {safe_text(d['date'])}")
    papers = sorted(d["papers"], key=lambda p: (p[1], p[0]))
    for title, date in papers[:3]:
        lines.append(f"paper: {safe_text(title, 120)}" + (f" ({safe_text(date)})" if date else ""))
    if len(papers) > 3:
        lines.append(f"… and {len(papers) - 3} more papers")
    if d["params"] is not None:
        try:
            lines.append(f"parameters: {float(d['params']):.3g}")
        except ValueError:
            pass
    if d["arxiv"]:
        lines.append(f"arXiv: {safe_text(d['arxiv'], 40)}")
    lines.append(f"IRI: {safe_text(node)}")
    return names, lines


def edge_lines(label: str, evs: list) -> list[str]:
    """Tooltip lines of one edge: its kind, then each evidence quote and its source record.

    One sentence often states several kinds at once ("pruned and distilled"):
    it is shown once, with the kinds it states when the edge has several.
    """
    by_quote: dict[str, list] = {}
    for ev in evs:
        by_quote.setdefault(ev.quote, []).append(ev)
    several = len({ev.kind for ev in evs}) > 1
    lines = [label]
    for i, (quote, group) in enumerate(by_quote.items()):
        if i == EVIDENCE_SHOWN:
            lines.append(f"… and {len(by_quote) - EVIDENCE_SHOWN} more quotes")
            break
        kinds = ", ".join(sorted({ev.kind for ev in group}, key=lambda k: (_KIND_ORDER.get(k, 99), k)))
        lines.append((f"{kinds}: " if several else "") + f"“{safe_text(quote, QUOTE_CHARS)}”")
        ev = group[0]
        source = ("model card " if ev.stated_in == "model card" else "") + safe_text(ev.record) + (
            f", arXiv {safe_text(ev.arxiv, 40)}" if ev.arxiv else "")
        lines.append(f"source: {source} (confidence {ev.confidence:g})")
    return lines


# -- choosing what to draw --------------------------------------------------------

def focus(entities: dict, facts: list, *, around: set[URIRef] | None, depth: int,
          max_nodes: int) -> set[URIRef]:
    """The nodes to draw: a neighbourhood of ``around``, else the best-connected ``max_nodes``.

    "Best-connected" grows outwards from the entity of highest degree, always
    taking the highest-degree neighbour next: the top entities by degree, kept
    together with what joins them (the top-N by degree alone are mostly papers,
    which share no edge, and would draw as a cloud of unconnected dots).
    """
    adj: dict[URIRef, set[URIRef]] = defaultdict(set)
    for s, _, o in facts:
        adj[s].add(o)
        adj[o].add(s)
    if around:
        keep, queue = set(around), deque((a, 0) for a in sorted(around))
        while queue and len(keep) < max_nodes:
            node, d = queue.popleft()
            if d >= depth:
                continue
            for nxt in sorted(adj.get(node, ()), key=lambda n: (-len(adj[n]), str(n))):
                if nxt not in keep and len(keep) < max_nodes:
                    keep.add(nxt)
                    queue.append((nxt, d + 1))
        return keep
    if len(entities) <= max_nodes:
        return set(entities)
    seeds = iter(sorted(entities, key=lambda n: (-len(adj[n]), str(n))))
    keep: set[URIRef] = set()
    heap: list = []
    while len(keep) < max_nodes:
        if not heap:
            seed = next(n for n in seeds if n not in keep)
            heap.append((-len(adj[seed]), str(seed), seed))
        _, _, node = heapq.heappop(heap)
        if node in keep:
            continue
        keep.add(node)
        for nxt in adj[node]:
            if nxt not in keep:
                heapq.heappush(heap, (-len(adj[nxt]), str(nxt), nxt))
    return keep


def drawing(graph: Graph, *, around: set[URIRef] | None = None, depth: int = 2,
            max_nodes: int = 1000, edge_evidence: bool = True) -> Drawing:
    """Nodes and edges of the whole graph (or a focused part of it) in a pyvis Network."""
    entities, facts = entity_graph(graph)
    keep = focus(entities, facts, around=around, depth=depth, max_nodes=max_nodes)
    drawn = [(s, p, o) for s, p, o in facts if s in keep and o in keep]
    degree: Counter = Counter()
    for s, _, o in drawn:
        degree[s] += 1
        degree[o] += 1
    info = describe(graph, keep)
    said = evidence(graph, [f for f in drawn if f[1] != MLKG.derivedFrom]) if edge_evidence else {}
    net = Network(directed=True)
    net.node_ids = _IdSet()  # pyvis checks duplicates by scanning a list; a set keeps it linear
    ids: dict[URIRef, str] = {}
    for node in sorted(keep, key=lambda n: (entities[n][0], safe_text(info[n]["label"] or n).casefold(), str(n))):
        key, cls_label, _, shape = entities[node]
        names, lines = node_lines(info[node], node, cls_label)
        ids[node] = f"n{len(ids)}"
        net.add_node(ids[node], label=safe_text(names[0], LABEL_CHARS), group=key, shape=shape, value=1 + degree[node], names=names, keys=sorted({fold(n) for n in names} - {""}),
                     info=lines, link=arxiv_link(info[node]["arxiv"]))
    for s, p, o in drawn:
        kind, label, colour = EDGES[p]
        evs = said.get((s, p, o), [])
        net.add_edge(ids[s], ids[o], id=f"e{len(net.edges)}", kind=kind, color=colour,
                     info=edge_lines(label, evs), links=_evidence_links(evs))
    return Drawing(net, len(entities) - len(keep), len(facts) - len(drawn))


def lineage_drawing(graph: Graph, lin) -> Drawing:
    """A :class:`kg.lineage.Lineage` as boxes and arrows drawn parent -> child (ancestors above)."""
    from kg.lineage import DERIVED

    key, cls_label, _, _ = CLASSES[MLKG.Model]
    info = describe(graph, lin.nodes)
    net = Network(directed=True)
    net.node_ids = _IdSet()
    ids: dict[URIRef, str] = {}
    for node in lin.nodes:
        names, lines = node_lines(info[node], node, cls_label)
        lines.insert(1, "the model this page is about" if node == lin.root else
                     "an ancestor (it was used to make the model)" if node in lin.ancestors else
                     "a descendant (made from the model)")
        ids[node] = f"n{len(ids)}"
        extra = {"borderWidth": 4, "font": {"size": 17}, "color": {"border": "#222"}} if node == lin.root else {}
        net.add_node(ids[node], label=safe_text(names[0], LABEL_CHARS), group=key, shape="box", names=names,
                     keys=sorted({fold(n) for n in names} - {""}), info=lines,
                     link=arxiv_link(info[node]["arxiv"]), **extra)
    kind_key = {label: EDGES[p][0] for p, label in {**KINDS, MLKG.derivedFrom: DERIVED}.items()}
    colour = {k: c for k, _, c in EDGES.values()}
    for e in lin.edges:
        keys = [kind_key[k] for k in e.kinds]
        label = ", ".join(e.kinds)
        title = f"{label}: {safe_text(lin.labels[e.child], 80)} was made from {safe_text(lin.labels[e.parent], 80)}"
        net.add_edge(ids[e.parent], ids[e.child], id=f"e{len(net.edges)}", kind=keys[0], kinds=keys, label=label,
                     color=colour[keys[0]], info=edge_lines(title, e.evidence), links=_evidence_links(e.evidence))
    return Drawing(net)


def _evidence_links(evs: list) -> list[str]:
    return sorted({link for ev in evs if (link := arxiv_link(ev.arxiv))})[:EVIDENCE_SHOWN]


class _IdSet(list):
    """pyvis's ``node_ids`` list with set membership, so adding n nodes and edges is O(n)."""

    def __init__(self) -> None:
        super().__init__()
        self._set: set = set()

    def append(self, item) -> None:
        super().append(item)
        self._set.add(item)

    def __contains__(self, item) -> bool:
        return item in self._set


def groups() -> dict:
    """vis-network groups: the colour and shape of each class."""
    return {key: {"color": {"background": colour, "border": _darker(colour),
                            "highlight": {"background": colour, "border": "#000"}},
                  "shape": shape}
            for key, _, colour, shape in CLASSES.values()}


def _darker(colour: str) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * 0.7) for c in (r, g, b)))


def options(net: Network, *, physics: bool, hierarchical: bool = False) -> dict:
    """vis-network options, from pyvis's options model plus what pyvis does not model."""
    net.toggle_physics(physics)
    net.toggle_stabilization(physics)
    net.toggle_hide_edges_on_drag(True)
    base = json.loads(net.options.to_json())
    base.pop("configure", None)
    base["physics"].update({"solver": "barnesHut", "stabilization": {
        "enabled": physics, "iterations": 200, "updateInterval": 50, "fit": True}})
    base["interaction"].update({"hover": True, "tooltipDelay": 150, "navigationButtons": False,
                                "keyboard": False})
    base["edges"] = {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                     "font": {"size": 10, "align": "middle", "strokeWidth": 3}, "width": 1}
    base["groups"] = groups()
    base["nodes"] = {"borderWidth": 1, "font": {"size": 12, "strokeWidth": 3}, "scaling": {
        "min": 6, "max": 36, "label": {"enabled": True, "min": 12, "max": 40, "drawThreshold": 6}}}
    if hierarchical:  # few nodes: labels inside boxes, kinds written across the arrows
        base["layout"] = {"hierarchical": {"enabled": True, "direction": "UD", "sortMethod": "directed",
                                           "levelSeparation": 150, "nodeSpacing": 260, "treeSpacing": 280}}
        base["groups"]["model"]["shape"] = "box"
        base["nodes"] = {"borderWidth": 1, "margin": 8, "font": {"size": 14, "color": "#fff"}}
        base["edges"]["font"] = {"size": 12, "align": "horizontal", "background": "#ffffff", "strokeWidth": 0}
        base["edges"]["width"] = 2
    return base
