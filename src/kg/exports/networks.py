"""The RDF graph as a property graph (networkx), for every graph-tool export and the HTML views.

Entities become nodes: papers, people, organisations, models, model families,
techniques, datasets and benchmarks, with their type, label, aliases and,
where known, date, arXiv id, DOI and parameter count. Facts become edges with
their kind (``WROTE``, ``FINETUNED_FROM``, ...); the Evidence nodes that reify
a fact fold into its edge: how many there are, the surest one's confidence,
quote and source record. Records and extractors stay out: they are provenance,
not the graph people want to look at.

The work is a handful of SPARQL queries, which Oxigraph answers for an
oxrdflib graph (walking the graph triple by triple from Python took a minute
for 1,000 records). Values are plain Python: ``aliases`` is a sorted list;
absent values are absent, never None. Order is sorted, so every export made
from the result is byte-for-byte repeatable.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal, InvalidOperation

import networkx as nx
from rdflib import Graph, Literal, URIRef

from kg.vocab import DERIVATIONS as _DERIVATIONS
from kg.vocab import MLKG

NODE_TYPES = {  # class -> type name; when a node has several, the later one wins
    MLKG.Paper: "Paper", MLKG.Person: "Person", MLKG.Organization: "Organization",
    MLKG.ModelFamily: "ModelFamily", MLKG.Model: "Model", MLKG.Technique: "Technique",
    MLKG.Dataset: "Dataset", MLKG.Benchmark: "Benchmark",
}


def edge_type(prop: URIRef) -> str:
    """A property's local name in upper snake case, as property graphs name relations:
    mlkg:continuedPretrainingFrom -> "CONTINUED_PRETRAINING_FROM"."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", prop.fragment).upper()


EDGE_TYPES = {p: edge_type(p) for p in (
    MLKG.wrote, MLKG.introduces, MLKG.uses, *(d.iri for d in _DERIVATIONS), MLKG.inFamily,
    MLKG.derivedFrom,  # only kept when no specific derivation says the same
)}
NODE_PROPERTIES = {  # property -> attribute (single-valued; the smallest value when a graph holds several)
    "http://purl.org/dc/terms/date": "date",
    str(MLKG.arxivId): "arxivId",
    str(MLKG.doi): "doi",
    str(MLKG.parameterCount): "parameterCount",
}
DERIVATIONS = {str(d.iri) for d in _DERIVATIONS}  # the kinds mlkg:derivedFrom generalises

_PREFIXES = """PREFIX mlkg: <https://w3id.org/mlkg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def _values(terms) -> str:
    return " ".join(f"<{t}>" for t in terms)


NODES = _PREFIXES + f"SELECT ?n ?class WHERE {{ VALUES ?class {{ {_values(NODE_TYPES)} }} ?n a ?class }}"
LABELS = _PREFIXES + "SELECT ?n ?label WHERE { ?n rdfs:label ?label }"
ALIASES = _PREFIXES + "SELECT ?n ?alias WHERE { ?n skos:altLabel ?alias }"
PROPERTIES = _PREFIXES + (f"SELECT ?n ?p ?v WHERE {{ VALUES ?p {{ {_values(NODE_PROPERTIES)} }} ?n ?p ?v }}")
EDGES = _PREFIXES + f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {_values(EDGE_TYPES)} }} ?s ?p ?o }}"
EVIDENCE = _PREFIXES + """SELECT ?s ?p ?o ?confidence ?quote ?file ?index WHERE {
  ?e a mlkg:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?e mlkg:confidence ?confidence }
  OPTIONAL { ?e mlkg:quote ?quote }
  OPTIONAL { ?e mlkg:source ?r . OPTIONAL { ?r mlkg:file ?file } OPTIONAL { ?r mlkg:index ?index } }
}"""


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Entities as nodes keyed by IRI, facts as edges keyed by kind: ``g[s][o]["WROTE"]``."""
    types: dict[str, str] = {}
    order = list(NODE_TYPES.values())
    for n, cls in graph.query(NODES):
        if isinstance(n, URIRef):
            t = NODE_TYPES[cls]
            if str(n) not in types or order.index(t) > order.index(types[str(n)]):
                types[str(n)] = t

    labels: dict[str, str] = {}
    for n, label in graph.query(LABELS):
        if str(n) in types and (str(n) not in labels or str(label) < labels[str(n)]):
            labels[str(n)] = str(label)
    aliases: dict[str, set[str]] = defaultdict(set)
    for n, alias in graph.query(ALIASES):
        if str(n) in types:
            aliases[str(n)].add(str(alias))
    props: dict[str, dict] = defaultdict(dict)
    for n, p, v in graph.query(PROPERTIES):
        if str(n) in types:
            key, value = NODE_PROPERTIES[str(p)], _python(v)
            if value is not None and (key not in props[str(n)] or _sort_key(value) < _sort_key(props[str(n)][key])):
                props[str(n)][key] = value

    g = nx.MultiDiGraph()
    for n in sorted(types):
        attrs = {"type": types[n], "label": labels.get(n, n)}
        names = sorted(aliases.get(n, set()) - {attrs["label"]})
        if names:
            attrs["aliases"] = names
        attrs.update(sorted(props.get(n, {}).items()))
        g.add_node(n, **attrs)

    evidence = _evidence(graph)
    edges: set[tuple[str, str, str]] = set()
    for s, p, o in graph.query(EDGES):
        if str(s) in types and str(o) in types and s != o:
            edges.add((str(s), str(p), str(o)))
    specific = {(s, o) for s, p, o in edges if p in DERIVATIONS}
    for s, p, o in sorted(edges, key=lambda e: (e[0], e[2], EDGE_TYPES[URIRef(e[1])])):
        if p == str(MLKG.derivedFrom) and (s, o) in specific:
            continue  # the specific kind (finetuned, pruned, ...) already says it
        kind = EDGE_TYPES[URIRef(p)]
        attrs = {"kind": kind, "predicate": p}
        attrs.update(evidence.get((s, p, o), {}))
        g.add_edge(s, o, key=kind, **attrs)
    return g


def _evidence(graph: Graph) -> dict[tuple[str, str, str], dict]:
    """Per fact: how many Evidence nodes back it, and the surest one (ties broken by text, for repeatability)."""
    found: dict[tuple[str, str, str], list[tuple]] = defaultdict(list)
    for s, p, o, conf, quote, file, index in graph.query(EVIDENCE):
        c = _python(conf)
        record = f"{file}#{index}" if file is not None else ""
        found[(str(s), str(p), str(o))].append(
            (-(c if isinstance(c, float) else 0.0), str(quote or ""), record, c))
    out = {}
    for fact, items in found.items():
        items = sorted(set(items))
        _, quote, record, conf = items[0]
        best = {"evidenceCount": len(items)}
        if isinstance(conf, float):
            best["confidence"] = conf
        if quote:
            best["quote"] = quote
        if record:
            best["record"] = record
        out[fact] = best
    return out


def _python(term) -> str | float | None:
    """A literal as a str, or a float for numbers (property-graph tools want plain scalars)."""
    if term is None:
        return None
    if isinstance(term, Literal) and term.datatype is not None and str(term.datatype).endswith(
            ("#decimal", "#double", "#float", "#integer", "#int", "#long")):
        try:
            return float(Decimal(str(term)))
        except (InvalidOperation, ValueError):
            return str(term)
    return str(term)


def _sort_key(value) -> tuple:
    return (isinstance(value, str), value)
