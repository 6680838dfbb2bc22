"""Check a graph against ontology/shapes.ttl with pySHACL, and say what is wrong in words."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from rdflib import Graph, Namespace
from rdflib.namespace import RDF

SH = Namespace("http://www.w3.org/ns/shacl#")


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


def shapes_graph() -> Graph:
    return Graph().parse(data=resources.files("kg").joinpath("ontology/shapes.ttl").read_text("utf-8"),
                         format="turtle")


def ontology_graph() -> Graph:
    return Graph().parse(data=resources.files("kg").joinpath("ontology/mlkg.ttl").read_text("utf-8"),
                         format="turtle")


def validate(data: Graph) -> list[Violation]:
    """Every SHACL violation in ``data`` (an empty list when it conforms)."""
    import pyshacl

    local = Graph()
    for t in data:  # pySHACL walks the graph many times: an in-memory copy is far faster
        local.add(t)
    conforms, report, text = pyshacl.validate(local, shacl_graph=shapes_graph(), advanced=True,
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
        out.append(Violation(val(SH.focusNode) or "?", val(SH.resultPath), val(SH.value),
                             val(SH.resultMessage) or "violation", val(SH.sourceShape) or "?"))
    return sorted(out, key=lambda v: (v.message, v.focus))
