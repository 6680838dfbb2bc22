"""Where a model comes from and what was made from it, read from a built graph.

The small library behind ``kg lineage`` and the lineage page:

* :func:`find_model` / :func:`find_entity`: any spelling finds the thing
  (names folded as entity resolution folds them: "Nemotron-4 15B" =
  "nemotron-4-15b"); a name that fits several lists them, a name that fits
  none suggests the closest.
* :func:`lineage`: ancestors (walking up ``mlkg:derivedFrom`` and its specific
  kinds) and descendants (walking down), each edge with its kinds.
* :func:`evidence`: the quotes, source records and confidences that state
  each fact, read from the ``mlkg:Evidence`` nodes that reify it.

Everything is read with bulk SPARQL queries rather than one lookup per node:
the walk asks one query per step and direction for the whole frontier, so its
cost is that of the lineage, not of the store.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import RDFS, Graph, URIRef

from kg.queries.run import select_plain
from kg.keys import model_key
from kg.vocab import DERIVATIONS, MLKG

__all__ = ["KINDS", "AmbiguousName", "Edge", "Evidence", "Lineage", "UnknownModel", "UnknownName",
           "evidence", "find_entity", "find_model", "lineage", "names"]

PREFIXES = """PREFIX mlkg: <https://w3id.org/mlkg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
KINDS = {d.iri: d.label.removesuffix(" from") for d in DERIVATIONS}
"""Each derivation property -> how an edge names its kind: mlkg:finetunedFrom -> "fine-tuned"."""
DERIVES_N3 = [p.n3() for p in (MLKG.derivedFrom, *KINDS)]
"""The properties that say a model was made from another, as SPARQL terms."""
DERIVED = "derived"
"""The kind of an ``mlkg:derivedFrom`` edge that no specific property refines."""
MAX_DEPTH = 20
MAX_CANDIDATES = 30


class UnknownName(LookupError):
    """No entity is called that; the message suggests the closest names."""


class UnknownModel(UnknownName):
    pass


class AmbiguousName(LookupError):
    """Several entities fit the name; ``candidates`` holds their labels."""

    def __init__(self, name: str, candidates: list[str], what: str = "model") -> None:
        shown = candidates[:MAX_CANDIDATES]
        more = f" and {len(candidates) - len(shown)} more" if len(candidates) > len(shown) else ""
        super().__init__(f"{name!r} names {len(candidates)} {_plural(what)}: {', '.join(shown)}{more}")
        self.name = name
        self.candidates = candidates


@dataclass(frozen=True)
class Evidence:
    """One sentence stating a fact, and where it was read."""

    quote: str
    record: str  # "file#index" of the source record
    confidence: float
    kind: str = ""
    arxiv: str = ""  # the arXiv id of the record's paper, if it has one
    stated_in: str = "paper"  # "paper", or "model card" when the record is a model card (or a Hub listing)


@dataclass
class Edge:
    """``child`` was made from ``parent``, in one or more ways (``kinds``)."""

    child: URIRef
    parent: URIRef
    kinds: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Lineage:
    root: URIRef
    labels: dict[URIRef, str]
    edges: list[Edge]
    ancestors: set[URIRef] = field(default_factory=set)
    descendants: set[URIRef] = field(default_factory=set)

    @property
    def nodes(self) -> list[URIRef]:
        return [self.root, *sorted(self.ancestors | self.descendants, key=lambda n: self.labels[n])]

    def parents(self, node: URIRef) -> list[Edge]:
        return [e for e in self.edges if e.child == node]

    def children(self, node: URIRef) -> list[Edge]:
        return [e for e in self.edges if e.parent == node]


# -- names -------------------------------------------------------------------

def _values(var: str, terms: Iterable[URIRef]) -> str:
    return f"VALUES ?{var} {{ {' '.join(t.n3() for t in terms)} }}"


def names(graph: Graph, classes: Iterable[URIRef] = (MLKG.Model,)) -> dict[URIRef, tuple[str, list[str], URIRef]]:
    """Every entity of ``classes``: (preferred label, all its names, its class)."""
    rows = select_plain(graph, PREFIXES + f"""
        SELECT ?e ?c ?p ?name WHERE {{
          {_values("c", classes)}
          ?e a ?c .
          OPTIONAL {{ {{ SELECT ?e ?p ?name WHERE {{ VALUES ?p {{ rdfs:label skos:altLabel }} ?e ?p ?name }} }} }}
        }}""")
    found: dict[URIRef, tuple[list[str | None], list[str], URIRef]] = {}
    for e, c, p, name in rows:
        if not isinstance(e, URIRef):
            continue
        label, all_names, _ = found.setdefault(e, ([None], [], c))
        if name is None:
            continue
        if label[0] is None and p == RDFS.label:
            label[0] = name
        if name not in all_names:
            all_names.append(name)
    return {e: (label[0] if label[0] is not None else str(e), all_names, c)
            for e, (label, all_names, c) in found.items()}


def spellings(graph: Graph, entity: URIRef) -> list[str]:
    """All the names of one entity (rdfs:label and skos:altLabel)."""
    return [name for (name,) in select_plain(
        graph, PREFIXES + f"SELECT ?name WHERE {{ {_values('e', [entity])} ?e rdfs:label|skos:altLabel ?name }}")]


def labels_of(graph: Graph, nodes: Iterable[URIRef]) -> dict[URIRef, str]:
    """The preferred label of each node (its IRI when it has none)."""
    nodes = sorted(set(nodes))
    labels = {n: str(n) for n in nodes}
    for i in range(0, len(nodes), 500):
        chunk = nodes[i:i + 500]
        for e, label in select_plain(graph, PREFIXES + f"SELECT ?e ?l WHERE {{ {_values('e', chunk)} ?e rdfs:label ?l }}"):
            if labels[e] == str(e) or label < labels[e]:
                labels[e] = label
    return labels


def _plural(word: str) -> str:
    return word[:-1] + "ies" if word.endswith("y") else word + "s"


def find_entity(graph: Graph, name: str, classes: Iterable[URIRef] = (MLKG.Model,), *,
                what: str = "model") -> URIRef:
    """The one entity of ``classes`` that ``name`` names, in any spelling.

    An exact match of the folded name wins; failing that, a name that is part
    of exactly one entity's name. Raises :class:`AmbiguousName` (with the
    candidates) or :class:`UnknownName` (with the closest names).
    """
    wanted = model_key(name)
    table = names(graph, classes)
    exact, partial = set(), set()
    for entity, (_, spellings, _) in table.items():
        keys = {model_key(s) for s in spellings}
        if wanted in keys:
            exact.add(entity)
        elif len(wanted) >= 3 and any(wanted in k for k in keys):
            partial.add(entity)
    hits = exact or partial
    if len(hits) == 1:
        return next(iter(hits))
    if hits:
        labels = [table[h][0] for h in hits]
        dupes = {lab for lab in labels if labels.count(lab) > 1}
        shown = sorted(table[h][0] + (f" <{h}>" if table[h][0] in dupes else "") for h in hits)
        raise AmbiguousName(name, shown, what)
    by_key = {model_key(s): table[e][0] for e, (_, spellings, _) in table.items() for s in spellings}
    close = sorted({by_key[k] for k in difflib.get_close_matches(wanted, by_key, n=5, cutoff=0.6)})
    hint = f" (closest: {', '.join(close)})" if close else ""
    error = UnknownModel if tuple(classes) == (MLKG.Model,) else UnknownName
    raise error(f"no {what} called {name!r}{hint}")


def find_model(graph: Graph, name: str) -> URIRef:
    """The one model ``name`` (any spelling) names; raises UnknownModel or AmbiguousName."""
    return find_entity(graph, name, (MLKG.Model,), what="model")


# -- derivations ---------------------------------------------------------------

def derivations(graph: Graph, children: Iterable[URIRef] | None = None) -> dict[tuple[URIRef, URIRef], set[URIRef]]:
    """Every (child, parent) derivation with the properties that state it (of ``children`` only,
    when given)."""
    return _edges(graph, "c", children)


def _edges(graph: Graph, side: str, nodes: Iterable[URIRef] | None) -> dict[tuple[URIRef, URIRef], set[URIRef]]:
    """(child, parent) -> properties, for the derivations whose ``side`` ("c" the child, "par"
    the parent) is one of ``nodes`` (all of them when None)."""
    # All of them: one index range per property. Some: all the triples of each node, filtered.
    patterns = [f"VALUES ?p {{ {' '.join(DERIVES_N3)} }} ?c ?p ?par"]
    if nodes is not None:
        nodes = sorted(set(nodes))
        patterns = [f"{_values(side, nodes[i:i + 500])} ?c ?p ?par . FILTER(?p IN ({', '.join(DERIVES_N3)}))"
                    for i in range(0, len(nodes), 500)]
    out: dict[tuple[URIRef, URIRef], set[URIRef]] = defaultdict(set)
    for pattern in patterns:
        for c, p, par in select_plain(graph, PREFIXES + f"SELECT ?c ?p ?par WHERE {{ {pattern} }}"):
            if isinstance(c, URIRef) and isinstance(par, URIRef) and c != par:
                out[(c, par)].add(p)
    return out


def kinds_of(props: set[URIRef]) -> list[str]:
    """The specific kinds, in vocabulary order; "derived" when only derivedFrom says so."""
    return [label for prop, label in KINDS.items() if prop in props] or [DERIVED]


def lineage(graph: Graph, root: URIRef, depth: int = MAX_DEPTH) -> Lineage:
    """Ancestors and descendants of ``root`` (up to ``depth`` steps each way), kinds and evidence.

    Walked a step at a time from the root, one query per step and direction, so the cost is that
    of the lineage, not of every derivation in the graph.
    """
    ancestors, descendants = _walk(graph, root, depth, up=True), _walk(graph, root, depth, up=False)
    nodes = {root} | ancestors | descendants
    props = {pair: ps for pair, ps in sorted(derivations(graph, nodes).items()) if pair[1] in nodes}
    kept = list(props)
    labels = labels_of(graph, nodes)
    said = evidence(graph, [(c, p, par) for (c, par), ps in props.items() for p in ps if p != MLKG.derivedFrom])
    edges = []
    for c, par in kept:
        kinds = kinds_of(props[(c, par)])
        evs = [ev for p in KINDS if p in props[(c, par)] for ev in said.get((c, p, par), [])]
        edges.append(Edge(c, par, kinds, sorted(evs, key=lambda e: (-e.confidence, e.record, e.kind))))
    edges.sort(key=lambda e: (labels[e.child], labels[e.parent]))
    return Lineage(root, labels, edges, ancestors, descendants)


def _walk(graph: Graph, root: URIRef, depth: int, *, up: bool) -> set[URIRef]:
    """The models ``depth`` steps or fewer from ``root``, up to its parents or down to its children."""
    seen, frontier = {root}, {root}
    for _ in range(depth):
        pairs = _edges(graph, "c" if up else "par", frontier)
        frontier = {(par if up else c) for c, par in pairs} - seen
        if not frontier:
            break
        seen |= frontier
    return seen - {root}


# -- evidence ------------------------------------------------------------------

def evidence(graph: Graph, facts: Iterable[tuple[URIRef, URIRef, URIRef]] | None = None
             ) -> dict[tuple[URIRef, URIRef, URIRef], list[Evidence]]:
    """The evidence of each fact (all facts when ``facts`` is None), surest first."""
    wanted = None if facts is None else set(facts)
    if wanted is not None and not wanted:
        return {}
    restrict = ""
    if wanted is not None and len(wanted) <= 500:
        restrict = "VALUES (?s ?p ?o) { " + " ".join(f"({s.n3()} {p.n3()} {o.n3()})" for s, p, o in wanted) + " }"
    rows = select_plain(graph, PREFIXES + f"""
        SELECT ?s ?p ?o ?quote ?file ?index ?conf ?arxiv ?card WHERE {{
          {restrict}
          ?e a mlkg:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
          OPTIONAL {{ ?e mlkg:quote ?quote }}
          OPTIONAL {{ ?e mlkg:confidence ?conf }}
          OPTIONAL {{ ?e mlkg:source ?r .
                     OPTIONAL {{ ?r mlkg:file ?file }} OPTIONAL {{ ?r mlkg:index ?index }}
                     OPTIONAL {{ ?r mlkg:about ?paper . ?paper mlkg:arxivId ?arxiv }}
                     OPTIONAL {{ ?r mlkg:about ?card . ?card a mlkg:Model }} }}
        }}""")
    out: dict[tuple[URIRef, URIRef, URIRef], set[Evidence]] = defaultdict(set)
    for s, p, o, quote, file, index, conf, arxiv, card in rows:
        if wanted is not None and (s, p, o) not in wanted:
            continue
        record = f"{file}#{index}" if file is not None else ""
        try:
            confidence = float(conf) if conf is not None else 0.0
        except ValueError:
            confidence = 0.0
        out[(s, p, o)].add(Evidence(str(quote or ""), record, confidence, KINDS.get(p, _local(p)),
                                    str(arxiv or ""), "model card" if card is not None else "paper"))
    return {k: sorted(v, key=lambda e: (-e.confidence, e.record, e.quote)) for k, v in out.items()}


def _local(iri: URIRef) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
