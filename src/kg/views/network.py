"""The graph as drawable nodes and edges: what a page shows, already made safe.

Entities (papers, people, organisations, models, techniques, datasets,
benchmarks) are nodes; facts are edges; evidence and records become edge
tooltips rather than nodes. Every string is stripped of control and
bidirectional-format characters here, so the page only ever sets it as text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, deque
from dataclasses import dataclass, field

from pyvis.network import Network
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, SKOS

from kg.vocab import MLKG

CLASSES = {
    MLKG.Paper: ("paper", "Paper", "#4e79a7", "box"),
    MLKG.Person: ("person", "Person", "#59a14f", "dot"),
    MLKG.Organization: ("organization", "Organization", "#8cd17d", "diamond"),
    MLKG.Model: ("model", "Model", "#e15759", "ellipse"),
    MLKG.Technique: ("technique", "Technique", "#f28e2b", "triangle"),
    MLKG.Dataset: ("dataset", "Dataset", "#b07aa1", "database"),
    MLKG.Benchmark: ("benchmark", "Benchmark", "#9c755f", "star"),
}
EDGES = {
    MLKG.wrote: ("wrote", "wrote", "#9aa5b1"),
    MLKG.introduces: ("introduces", "introduces", "#4e79a7"),
    MLKG.uses: ("uses", "uses", "#c9b27c"),
    MLKG.finetunedFrom: ("finetuned", "fine-tuned from", "#e15759"),
    MLKG.prunedFrom: ("pruned", "pruned from", "#ff9d9a"),
    MLKG.distilledFrom: ("distilled", "distilled from", "#76b7b2"),
    MLKG.upcycledFrom: ("upcycled", "upcycled from", "#edc948"),
    MLKG.continuedPretrainingFrom: ("continued_pretraining", "continued pre-training of", "#59a14f"),
    MLKG.contextExtendedFrom: ("context_extended", "context-extended from", "#b07aa1"),
    MLKG.alignedFrom: ("aligned", "aligned from", "#f28e2b"),
    MLKG.quantizedFrom: ("quantized", "quantized from", "#9c755f"),
    MLKG.mergedFrom: ("merged", "merged from", "#bab0ac"),
    MLKG.basedOn: ("based_on", "based on", "#4e79a7"),
}
LABEL_CHARS = 40
_ARXIV = re.compile(r"^\d{4}\.\d{4,5}$")


def safe_text(value: object, limit: int | None = None) -> str:
    """Text fit to show: control and format characters (bidi overrides, zero-width) removed."""
    text = "".join(ch for ch in str(value) if ch == "\u200d" or unicodedata.category(ch) not in ("Cc", "Cf")
                   or ch in "\t\n")
    text = re.sub(r"\s+", " ", text).strip()
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


@dataclass
class Drawing:
    """Nodes and edges ready for the page, plus what was left out."""

    nodes: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)
    left_out_nodes: int = 0
    left_out_edges: int = 0

    def legend(self) -> dict:
        classes = Counter(n["group"] for n in self.nodes)
        kinds = Counter(e["kind"] for e in self.edges)
        return {
            "classes": [{"key": k, "label": lab, "colour": col, "count": classes[k]}
                        for k, lab, col, _ in CLASSES.values() if classes[k]],
            "kinds": [{"key": k, "label": lab, "colour": col, "count": kinds[k]}
                      for k, lab, col in EDGES.values() if kinds[k]],
        }


def _class_of(graph: Graph, node: URIRef):
    for cls in graph.objects(node, RDF.type):
        if cls in CLASSES:
            return CLASSES[cls]
    return None


def _node_info(graph: Graph, node: URIRef, cls_label: str) -> tuple[list[str], list[str]]:
    label = safe_text(graph.value(node, RDFS.label) or node)
    names = [label] + sorted(safe_text(o) for o in graph.objects(node, SKOS.altLabel))
    info = [label, f"type: {cls_label}"]
    if len(names) > 1:
        info.append("also: " + "; ".join(names[1:]))
    date = graph.value(node, DCTERMS.date)
    if date:
        info.append(f"date: {safe_text(date)}")
    arxiv = graph.value(node, MLKG.arxivId)
    if arxiv and _ARXIV.match(str(arxiv)):
        info.append(f"arXiv: https://arxiv.org/abs/{arxiv}")
    papers = [safe_text(graph.value(p, RDFS.label) or p, 80) for p in graph.subjects(MLKG.introduces, node)]
    if papers:
        info.append("introduced in: " + "; ".join(sorted(papers)[:3]))
    count = graph.value(node, MLKG.parameterCount)
    if count is not None:
        info.append(f"parameters: {float(count):.3g}")
    return names, info


def _edge_info(graph: Graph, s: URIRef, p: URIRef, o: URIRef, label: str) -> list[str]:
    info = [label]
    for ev in graph.subjects(RDF.subject, s):
        if (ev, RDF.predicate, p) in graph and (ev, RDF.object, o) in graph:
            quote = safe_text(graph.value(ev, MLKG.quote) or "", 400)
            rec = graph.value(ev, MLKG.source)
            where = f"{safe_text(graph.value(rec, MLKG.file))}#{graph.value(rec, MLKG.index)}" if rec else ""
            conf = graph.value(ev, MLKG.confidence)
            info.append(f"“{quote}” ({where}, confidence {conf})")
            if len(info) > 3:
                break
    return info


def entity_graph(graph: Graph) -> tuple[dict[URIRef, tuple], list[tuple[URIRef, URIRef, URIRef]]]:
    """Drawable entities and the facts between them."""
    entities = {}
    for cls, spec in CLASSES.items():
        for node in graph.subjects(RDF.type, cls):
            if isinstance(node, URIRef) and (node not in entities or cls == MLKG.Benchmark):
                entities[node] = spec
    facts = [(s, p, o) for p in EDGES for s, o in graph.subject_objects(p)
             if s in entities and o in entities]
    return entities, sorted(facts)


def focus(entities: dict, facts: list, *, around: set[URIRef] | None, depth: int,
          max_nodes: int) -> tuple[set[URIRef], int]:
    """The nodes to draw: a neighbourhood of ``around``, else the best-connected ``max_nodes``."""
    if around:
        adj: dict[URIRef, set[URIRef]] = {}
        for s, _, o in facts:
            adj.setdefault(s, set()).add(o)
            adj.setdefault(o, set()).add(s)
        keep, queue = set(around), deque((a, 0) for a in around)
        while queue and len(keep) < max_nodes:
            node, d = queue.popleft()
            if d >= depth:
                continue
            for nxt in sorted(adj.get(node, ())):
                if nxt not in keep and len(keep) < max_nodes:
                    keep.add(nxt)
                    queue.append((nxt, d + 1))
        return keep, len(entities) - len(keep)
    if len(entities) <= max_nodes:
        return set(entities), 0
    degree = Counter()
    for s, _, o in facts:
        degree[s] += 1
        degree[o] += 1
    keep = set(sorted(entities, key=lambda n: (-degree[n], str(n)))[:max_nodes])
    return keep, len(entities) - len(keep)


def drawing(graph: Graph, *, around: set[URIRef] | None = None, depth: int = 2,
            max_nodes: int = 1000) -> Drawing:
    """Nodes and edges of the whole graph (or a focused part of it), built with pyvis's model."""
    entities, facts = entity_graph(graph)
    keep, left_nodes = focus(entities, facts, around=around, depth=depth, max_nodes=max_nodes)
    # pyvis's add_node/add_edge check duplicates by scanning lists (quadratic): build the dicts
    # in pyvis's own node/edge format directly
    nodes, ids = [], {}
    for node in sorted(keep, key=str):
        key, cls_label, colour, shape = entities[node]
        names, info = _node_info(graph, node, cls_label)
        ids[node] = f"n{len(ids)}"
        nodes.append({"id": ids[node], "label": safe_text(names[0], LABEL_CHARS), "group": key,
                      "color": colour, "shape": shape, "names": names, "info": info})
    drawn = [(s, p, o) for s, p, o in facts if s in ids and o in ids]
    edges = []
    for s, p, o in drawn:
        kind, label, colour = EDGES[p]
        edges.append({"id": f"e{len(edges)}", "from": ids[s], "to": ids[o], "kind": kind,
                      "color": colour, "arrows": "to", "info": _edge_info(graph, s, p, o, label)})
    return Drawing(nodes, edges, left_nodes, len(facts) - len(drawn))


def options(*, physics: bool, hierarchical: bool = False) -> dict:
    """vis-network options, from pyvis's options model."""
    net = Network(directed=True)
    net.toggle_physics(physics)
    opts = net.options.to_json() if hasattr(net.options, "to_json") else None
    import json

    base = json.loads(opts) if isinstance(opts, str) else {}
    base.setdefault("physics", {})
    base["physics"]["enabled"] = physics
    base["physics"]["stabilization"] = {"enabled": physics, "iterations": 300, "fit": True}
    base["interaction"] = {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": True}
    base["edges"] = {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                     "font": {"size": 10, "align": "middle"}}
    base["nodes"] = {"font": {"size": 12}}
    if hierarchical:
        base["layout"] = {"hierarchical": {"enabled": True, "direction": "UD", "sortMethod": "directed",
                                           "levelSeparation": 130, "nodeSpacing": 220}}
    return base
