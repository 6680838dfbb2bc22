"""Every RDF export parses, in rdflib and in the stricter pyoxigraph, to the store's graph."""

import pyoxigraph
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

import kg

FORMATS = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld", "xml": "xml"}
OX = {"ttl": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES,
      "nq": pyoxigraph.RdfFormat.N_QUADS, "trig": pyoxigraph.RdfFormat.TRIG,
      "jsonld": pyoxigraph.RdfFormat.JSON_LD, "xml": pyoxigraph.RdfFormat.RDF_XML}


def rdf11(triples) -> Graph:
    """A graph where "x" and "x"^^xsd:string are the same literal, as RDF 1.1 says."""
    from rdflib import XSD, Literal

    g = Graph()
    for s, p, o in triples:
        if isinstance(o, Literal) and o.datatype == XSD.string:
            o = Literal(str(o))
        g.add((s, p, o))
    return g


@pytest.fixture(scope="module")
def store_graph(corpus_store):
    return rdf11(kg.open(corpus_store).graph)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_rdflib_reads_back_the_same_graph(corpus_store, store_graph, tmp_path, fmt):
    path = kg.open(corpus_store).export(tmp_path / f"g.{fmt}", format=fmt)
    back = Graph()
    if fmt in ("nq", "trig"):
        from rdflib import Dataset

        ds = Dataset()
        ds.parse(path, format=FORMATS[fmt])
        for s, p, o, _ in ds.quads():
            back.add((s, p, o))
    else:
        back.parse(path, format=FORMATS[fmt])
    assert len(back) == len(store_graph) > 5000
    assert isomorphic(rdf11(back), store_graph)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_pyoxigraph_reads_back_the_same_triples(corpus_store, store_graph, tmp_path, fmt):
    path = kg.open(corpus_store).export(tmp_path / f"g.{fmt}", format=fmt)
    quads = list(pyoxigraph.parse(path=str(path), format=OX[fmt]))
    assert len({(q.subject, q.predicate, q.object) for q in quads}) == len(store_graph)


def test_jsonld_is_compact_with_an_embedded_context(corpus_store, tmp_path):
    import json

    doc = json.loads(kg.open(corpus_store).export(tmp_path / "g.jsonld", format="jsonld").read_text())
    assert isinstance(doc["@context"], dict) and doc["@context"]["wrote"]["@id"] == "mlkg:wrote"
    text = json.dumps(doc)
    assert '"quote"' in text and '"label"' in text
