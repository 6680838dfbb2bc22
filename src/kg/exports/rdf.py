"""RDF exports (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML), written by Oxigraph."""

from __future__ import annotations

import json
from importlib import resources
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


@exporter("jsonld", suffix=".jsonld", description="JSON-LD, compacted with kg's @context (embedded)",
          aliases=("json-ld",))
def write_jsonld(store: Store, path: Path) -> None:
    """Compact JSON-LD: short keys ("label", "wrote", "quote") from the context shipped in the package.

    The context is embedded, not referenced, so reading the file never fetches anything.
    """
    context = json.loads(resources.files("kg.exports").joinpath("context.jsonld").read_text("utf-8"))
    graph = store.graph()
    with atomic_path(path) as tmp:
        text = graph.serialize(format="json-ld", context=context["@context"], auto_compact=True)
        tmp.write_text(text, "utf-8")
