"""Every RDF export parses, in rdflib and in the stricter pyoxigraph, to exactly the store's triples.

Graphs are compared as sorted canonical N-Triples lines (no blank nodes, so
equal lines mean isomorphic graphs), with RDF 1.1's "x" = "x"^^xsd:string.
"""

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef

import kg
from kg.exports.rdf import lexical_forms_kept
from kg.exports.xmlsafe import needs_xml_cleaning, xml_text

RDFLIB = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld", "xml": "xml"}
OX = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS,
      "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD, "xml": ox.RdfFormat.RDF_XML}


def _ox(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    assert isinstance(term, Literal)
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)


def canonical(triples) -> list[str]:
    return sorted({str(t) for t in triples})


def store_lines(store, *, xml: bool = False) -> list[str]:
    out = []
    for q in kg.open(store).store.oxigraph():
        t = q.triple
        if xml and isinstance(t.object, ox.Literal) and needs_xml_cleaning(t.object.value):
            o = t.object  # RDF/XML drops what XML cannot hold, and only that
            clean = xml_text(o.value)
            o = ox.Literal(clean, language=o.language) if o.language else ox.Literal(clean, datatype=o.datatype)
            t = ox.Triple(t.subject, t.predicate, o)
        out.append(t)
    return canonical(out)


def rdflib_lines(path, fmt) -> list[str]:
    with lexical_forms_kept():  # what the file says, not rdflib's canonical rewrite of it
        return _rdflib_lines(path, fmt)


def _rdflib_lines(path, fmt) -> list[str]:
    if fmt in ("nq", "trig"):
        ds = Dataset()
        ds.parse(path, format=RDFLIB[fmt])
        triples = [(s, p, o) for s, p, o, _ in ds.quads()]
    else:
        triples = Graph().parse(path, format=RDFLIB[fmt])
    return canonical(ox.Triple(_ox(s), _ox(p), _ox(o)) for s, p, o in triples)


def oxigraph_lines(path, fmt) -> list[str]:
    return canonical(q.triple for q in ox.parse(path=str(path), format=OX[fmt]))


@pytest.mark.parametrize("fmt", sorted(RDFLIB))
def test_rdflib_reads_back_the_same_graph(any_store, tmp_path, fmt):
    path = kg.open(any_store).export(tmp_path / f"g.{fmt}", format=fmt)
    want = store_lines(any_store, xml=fmt == "xml")
    assert len(want) > 50
    assert rdflib_lines(path, fmt) == want


@pytest.mark.parametrize("fmt", sorted(OX))
def test_pyoxigraph_reads_back_the_same_graph(any_store, tmp_path, fmt):
    path = kg.open(any_store).export(tmp_path / f"g.{fmt}", format=fmt)
    assert oxigraph_lines(path, fmt) == store_lines(any_store, xml=fmt == "xml")


def test_only_kgs_prefixes_are_declared(corpus_store, tmp_path):
    text = kg.open(corpus_store).export(tmp_path / "g.ttl", format="ttl").read_text()
    prefixes = {line.split()[1] for line in text.splitlines() if line.startswith("@prefix")}
    assert prefixes == {"mlkg:", "rdf:", "rdfs:", "xsd:", "skos:", "dcterms:", "prov:"}


def test_xml_drops_only_what_xml_cannot_hold(hostile_store, tmp_path):
    import xml.etree.ElementTree as ET

    path = kg.open(hostile_store).export(tmp_path / "g.rdf", format="xml")
    ET.parse(path)  # well-formed
    assert store_lines(hostile_store, xml=True) != store_lines(hostile_store)  # the fixture does test this
