"""RDF exports: Turtle, N-Triples, N-Quads, TriG and RDF/XML written by Oxigraph; compact JSON-LD by rdflib.

Oxigraph's serializers write the triples from the N-Triples text the store keeps
beside its database (five times quicker than reading the database back, see
kg.graph.store), or from the database for a store built before kg kept it,
declaring only kg's prefixes: the same store always gives the same bytes.
RDF/XML is the one format that cannot hold every string, so its literals lose
the characters XML forbids and carriage returns (kg.exports.xmlsafe); a graph
built by kg has neither.

JSON-LD is compacted with the ``@context`` shipped in the package
(``context.jsonld``: ``label``, ``wrote``, ``quote``, ``Paper``, ...), which is
embedded in the file rather than referenced, so reading it back never fetches
anything.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.exports import exporter
from kg.exports.atomic import atomic_path
from kg.exports.xmlsafe import needs_xml_cleaning, xml_text
from kg.graph.store import PREFIXES, Store

RDF_FORMATS = {
    # name: (Oxigraph format, suffix, description, aliases)
    "ttl": (ox.RdfFormat.TURTLE, ".ttl", "Turtle", ("turtle",)),
    "nt": (ox.RdfFormat.N_TRIPLES, ".nt", "N-Triples", ("ntriples",)),
    "nq": (ox.RdfFormat.N_QUADS, ".nq", "N-Quads", ("nquads",)),
    "trig": (ox.RdfFormat.TRIG, ".trig", "TriG", ()),
    "xml": (ox.RdfFormat.RDF_XML, ".rdf", "RDF/XML (characters XML forbids are dropped)", ("rdfxml",)),
}


def rdf_graph(store: Store) -> Graph:
    """The store as an rdflib Graph that declares kg's prefixes only (not rdflib's thirty defaults)."""
    from oxrdflib import OxigraphStore

    graph = Graph(store=OxigraphStore(store=store.oxigraph()), identifier=DATASET_DEFAULT_GRAPH_ID,
                  bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def _writer(rdf_format: ox.RdfFormat):
    def write(store: Store, path: Path) -> None:
        kept = store.ntriples_kept()
        parts, removed = kept if kept is not None else (None, None)
        with atomic_path(path) as tmp:
            if parts is not None and rdf_format == ox.RdfFormat.N_TRIPLES:  # the text as it is
                gone = set(removed.read_bytes().splitlines(keepends=True)) if removed else set()
                with open(tmp, "wb") as out:
                    for part in parts:
                        with open(part, "rb") as f:
                            if not gone:
                                shutil.copyfileobj(f, out, 1 << 20)
                                continue
                            out.writelines(line for line in f if line not in gone)  # (an append's)
                return
            triples = _triples(store, parts, removed)
            if rdf_format == ox.RdfFormat.RDF_XML:  # Oxigraph writes it from cleaned triples
                triples = (_xml_clean(t) for t in triples)
            elif parts is None:  # the default graph, straight from the database to the file
                store.oxigraph().dump(str(tmp), rdf_format, from_graph=ox.DefaultGraph(), prefixes=PREFIXES)
                return
            ox.serialize(triples, str(tmp), rdf_format, prefixes=PREFIXES)

    return write


def _triples(store: Store, parts: list[Path] | None, removed: Path | None = None) -> Iterator[ox.Triple]:
    """Every triple of the store: parsed from its N-Triples text (less the lines an append
    removed), or read from the database."""
    if parts is None:
        yield from (q.triple for q in store.oxigraph().quads_for_pattern(None, None, None, ox.DefaultGraph()))
        return
    gone = set(ox.parse(path=str(removed), format=ox.RdfFormat.N_TRIPLES)) if removed else set()
    for part in parts:
        triples = ox.parse(path=str(part), format=ox.RdfFormat.N_TRIPLES)
        yield from (t for t in triples if t not in gone) if gone else triples


def _xml_clean(t: ox.Triple) -> ox.Triple:
    o = t.object
    if isinstance(o, ox.Literal) and needs_xml_cleaning(o.value):
        value = xml_text(o.value)
        o = ox.Literal(value, language=o.language) if o.language else ox.Literal(value, datatype=o.datatype)
        return ox.Triple(t.subject, t.predicate, o)
    return t


for _name, (_format, _suffix, _desc, _aliases) in RDF_FORMATS.items():
    exporter(_name, suffix=_suffix, description=_desc, aliases=_aliases)(_writer(_format))


def context() -> dict:
    """kg's JSON-LD context: short keys for the mlkg vocabulary and the terms it borrows."""
    return json.loads(resources.files("kg.exports").joinpath("context.jsonld").read_text("utf-8"))["@context"]


@contextmanager
def lexical_forms_kept() -> Iterator[None]:
    """rdflib rewrites "007"^^xsd:decimal as "7" when it makes the term; an export must write what is stored.

    rdflib has only a module-wide switch for this, so it is off for the length of the export.
    """
    before = rdflib.NORMALIZE_LITERALS
    rdflib.NORMALIZE_LITERALS = False
    try:
        yield
    finally:
        rdflib.NORMALIZE_LITERALS = before


@exporter("jsonld", suffix=".jsonld", description="JSON-LD, compacted with kg's @context (embedded)",
          aliases=("json-ld",))
def write_jsonld(store: Store, path: Path) -> None:
    graph = rdf_graph(store)
    with atomic_path(path) as tmp, lexical_forms_kept():
        doc = json.loads(graph.serialize(format="json-ld", context=context(), auto_compact=True))
        tmp.write_text(json.dumps(_ordered(doc), ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")


def _ordered(doc):
    """Nodes by @id and each property's values sorted: rdflib's order follows the hash seed.

    Neither order carries meaning in JSON-LD (kg uses no @list), so sorting loses nothing.
    """
    def values(node):
        if isinstance(node, dict):
            return {k: (sorted((values(v) for v in val), key=_key) if isinstance(val, list) and k != "@context"
                        else values(val)) for k, val in node.items()}
        return node

    return values(doc)


def _key(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
