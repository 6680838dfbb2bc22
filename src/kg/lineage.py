"""Where a model comes from and what was made from it, read from a built graph.

Any spelling finds the model (names are folded as in resolution:
"Nemotron-4 15B" = "nemotron-4-15b"); a name that fits several models lists
them. The walk follows the specific derivation properties both ways and keeps,
for each edge, its kind and the quotes that state it.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from kg.resolve.entities import model_key
from kg.vocab import MLKG

KINDS = {
    MLKG.finetunedFrom: "fine-tuned",
    MLKG.prunedFrom: "pruned",
    MLKG.distilledFrom: "distilled",
    MLKG.upcycledFrom: "upcycled",
    MLKG.continuedPretrainingFrom: "continued pre-training",
    MLKG.contextExtendedFrom: "context-extended",
    MLKG.alignedFrom: "aligned",
    MLKG.quantizedFrom: "quantized",
    MLKG.mergedFrom: "merged",
    MLKG.basedOn: "based on",
}
MAX_DEPTH = 20


class AmbiguousName(LookupError):
    def __init__(self, name: str, candidates: list[str]) -> None:
        super().__init__(f"{name!r} names {len(candidates)} models: {', '.join(candidates)}")
        self.candidates = candidates


class UnknownModel(LookupError):
    pass


@dataclass(frozen=True)
class Evidence:
    quote: str
    record: str
    confidence: float


@dataclass
class Edge:
    child: URIRef
    parent: URIRef
    kinds: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Lineage:
    root: URIRef
    labels: dict[URIRef, str]
    edges: list[Edge]

    def parents(self, node: URIRef) -> list[Edge]:
        return [e for e in self.edges if e.child == node]

    def children(self, node: URIRef) -> list[Edge]:
        return [e for e in self.edges if e.parent == node]


def model_names(graph: Graph, model: URIRef) -> list[str]:
    return [str(o) for p in (RDFS.label, SKOS.altLabel) for o in graph.objects(model, p)]


def find_model(graph: Graph, name: str) -> URIRef:
    """The one model ``name`` (any spelling) names; raises UnknownModel or AmbiguousName."""
    wanted = model_key(name)
    exact, partial = set(), set()
    for model in graph.subjects(RDF.type, MLKG.Model):
        keys = {model_key(n) for n in model_names(graph, model)}
        if wanted in keys:
            exact.add(model)
        elif any(wanted and wanted in k for k in keys):
            partial.add(model)
    hits = exact or partial
    if len(hits) == 1:
        return next(iter(hits))
    labels = sorted(str(graph.value(m, RDFS.label)) for m in hits)
    if not hits:
        raise UnknownModel(f"no model called {name!r}")
    raise AmbiguousName(name, labels)


def _edge_evidence(graph: Graph, child: URIRef, prop: URIRef, parent: URIRef) -> list[Evidence]:
    out = []
    for ev in graph.subjects(RDF.subject, child):
        if (ev, RDF.predicate, prop) in graph and (ev, RDF.object, parent) in graph:
            rec = graph.value(ev, MLKG.source)
            where = f"{graph.value(rec, MLKG.file)}#{graph.value(rec, MLKG.index)}" if rec else ""
            out.append(Evidence(str(graph.value(ev, MLKG.quote) or ""), where,
                                float(graph.value(ev, MLKG.confidence) or 0)))
    return sorted(set(out), key=lambda e: (-e.confidence, e.record))


def lineage(graph: Graph, root: URIRef, depth: int = MAX_DEPTH) -> Lineage:
    """Ancestors and descendants of ``root`` with kinds and evidence (breadth-first, bounded)."""
    edges: dict[tuple[URIRef, URIRef], Edge] = {}
    seen = {root}
    queue = deque([(root, 0)])
    while queue:
        node, d = queue.popleft()
        if d >= depth:
            continue
        for prop, kind in KINDS.items():
            for parent in graph.objects(node, prop):
                _add(graph, edges, node, prop, kind, parent)
                if parent not in seen:
                    seen.add(parent)
                    queue.append((parent, d + 1))
            for child in graph.subjects(prop, node):
                _add(graph, edges, child, prop, kind, node)
                if child not in seen:
                    seen.add(child)
                    queue.append((child, d + 1))
    labels = {n: str(graph.value(n, RDFS.label) or n) for n in seen}
    return Lineage(root, labels, sorted(edges.values(), key=lambda e: (labels[e.child], labels[e.parent])))


def _add(graph: Graph, edges: dict, child: URIRef, prop: URIRef, kind: str, parent: URIRef) -> None:
    edge = edges.setdefault((child, parent), Edge(child, parent))
    if kind not in edge.kinds:
        edge.kinds.append(kind)
        edge.evidence.extend(_edge_evidence(graph, child, prop, parent))
