"""Check a graph against ontology/shapes.ttl, and say what is wrong in words.

Two engines give the same report: "sparql" (the default) checks each shape as SPARQL
queries inside Oxigraph (kg.graph.shacl_sparql: a 10,000-record store in seconds, without
copying it into memory); "pyshacl" runs pySHACL over an in-memory copy of the graph, the
reference the first is tested against (slow past a few hundred thousand triples).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import pyoxigraph as ox
from rdflib import BNode, Graph, Namespace
from rdflib.namespace import RDF

SH = Namespace("http://www.w3.org/ns/shacl#")
ENGINES = ("sparql", "pyshacl")


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str | None
    value: str | None
    message: str
    shape: str

    def __str__(self) -> str:
        where = f" {_short(self.path)}" if self.path else ""
        value = f" = {_short(self.value)}" if self.value else ""
        return f"{self.focus}{where}{value}: {self.message}"


def _short(iri: str) -> str:
    """``rdfs:label`` for http://www.w3.org/2000/01/rdf-schema#label: the names people write in queries."""
    from kg.graph.store import PREFIXES

    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and iri[len(ns):].isidentifier():
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def shapes_text() -> str:
    return resources.files("kg").joinpath("ontology/shapes.ttl").read_text("utf-8")


def shapes_graph() -> Graph:
    return Graph().parse(data=shapes_text(), format="turtle")


def ontology_graph() -> Graph:
    return Graph().parse(data=resources.files("kg").joinpath("ontology/mlkg.ttl").read_text("utf-8"),
                         format="turtle")


def validate(data: Graph | ox.Store, *, engine: str = "sparql") -> list[Violation]:
    """Every SHACL violation in ``data`` (an empty list when it conforms), sorted.

    ``data``: an rdflib Graph (kg's own graphs are read from their Oxigraph store directly) or a
    pyoxigraph Store (its default graph)."""
    if engine == "pyshacl":
        return validate_pyshacl(data if isinstance(data, Graph) else _rdflib_graph(data))
    if engine != "sparql":
        raise ValueError(f"unknown validation engine {engine!r}: one of {', '.join(ENGINES)}")
    from kg.graph.shacl_sparql import run_checks

    found = [Violation(focus or "?", path, value, check.message or "violation", check.shape)
             for check, focus, path, value in run_checks(_oxigraph(data), shapes_text())]
    return sorted(found, key=_order)


def _order(v: Violation) -> tuple:
    return (v.message, v.focus, v.path or "", v.value or "", v.shape)


def _oxigraph(data: Graph | ox.Store) -> ox.Store:
    """The Oxigraph store under ``data``: its own for a graph kg opened, else an in-memory copy."""
    if isinstance(data, ox.Store):
        return data
    inner = getattr(data.store, "_inner", None)
    if isinstance(inner, ox.Store):
        return inner
    from kg.graph.build import iter_ntriples

    store = ox.Store()
    store.load("".join(iter_ntriples(data)).encode("utf-8"), ox.RdfFormat.N_TRIPLES)
    return store


def _rdflib_graph(store: ox.Store) -> Graph:
    from oxrdflib import OxigraphStore
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    return Graph(store=OxigraphStore(store=store), identifier=DATASET_DEFAULT_GRAPH_ID)


def validate_pyshacl(data: Graph) -> list[Violation]:
    """Every SHACL violation in ``data`` by pySHACL (the reference engine)."""
    import pyshacl

    local = Graph()
    for t in data:  # pySHACL walks the graph many times: an in-memory copy is far faster
        local.add(t)
    shapes = shapes_graph()
    conforms, report, text = pyshacl.validate(local, shacl_graph=shapes, advanced=True,
                                              allow_warnings=True, inference="none")
    if conforms:
        return []
    if not isinstance(report, Graph):  # the shapes themselves failed to load: a bug of ours
        raise RuntimeError(f"SHACL validation could not run: {text or report}")
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        def val(p):
            v = report.value(r, p)
            return None if v is None else str(v)
        source = report.value(r, SH.sourceShape)
        if isinstance(source, BNode):  # a property shape: named by the node shape it belongs to
            source = shapes.value(predicate=SH.property, object=source) or source
        out.append(Violation(val(SH.focusNode) or "?", val(SH.resultPath), val(SH.value),
                             val(SH.resultMessage) or "violation", str(source) if source is not None else "?"))
    return sorted(out, key=_order)
