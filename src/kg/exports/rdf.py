"""RDF exports (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML), written by Oxigraph."""

from __future__ import annotations

from pathlib import Path

from kg.exports import exporter
from kg.exports.atomic import atomic_path
from kg.graph.store import Store

RDF_FORMATS = {
    # name: (oxrdflib serializer, suffix, description, aliases)
    "ttl": ("ox-turtle", ".ttl", "Turtle", ("turtle",)),
    "nt": ("ox-ntriples", ".nt", "N-Triples", ("ntriples",)),
    "nq": ("ox-nquads", ".nq", "N-Quads", ("nquads",)),
    "trig": ("ox-trig", ".trig", "TriG", ()),
    "xml": ("ox-xml", ".rdf", "RDF/XML", ("rdfxml",)),
}


def _writer(serializer: str):
    def write(store: Store, path: Path) -> None:
        graph = store.graph()
        with atomic_path(path) as tmp:
            graph.serialize(destination=str(tmp), format=serializer)

    return write


for _name, (_ser, _suffix, _desc, _aliases) in RDF_FORMATS.items():
    exporter(_name, suffix=_suffix, description=_desc, aliases=_aliases)(_writer(_ser))


@exporter("jsonld", suffix=".jsonld", description="JSON-LD (expanded; see kg.exports.jsonld for the compact form)",
          aliases=("json-ld",))
def write_jsonld(store: Store, path: Path) -> None:
    graph = store.graph()
    with atomic_path(path) as tmp:
        graph.serialize(destination=str(tmp), format="ox-json-ld")
