"""Values bound into query text for an endpoint (kg.graph.prebind): where the block goes, and that
no value, however written, changes what the query asks. Checked by running the queries on a real
(in-memory) Oxigraph store."""

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef

from kg.graph.prebind import prebind, where_group


@pytest.fixture(scope="module")
def store():
    s = ox.Store()
    a, b = ox.NamedNode("urn:a"), ox.NamedNode("urn:b")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    for node, name in ((a, "Alpha"), (b, "Beta")):
        s.add(ox.Quad(node, label, ox.Literal(name)))
    s.add(ox.Quad(a, ox.NamedNode("urn:knows"), b))
    return s


def rows(store, query):
    res = store.query(query)
    if isinstance(res, ox.QueryBoolean):
        return bool(res)
    if isinstance(res, ox.QueryTriples):
        return sorted(str(t) for t in res)
    return sorted(tuple(None if t is None else t.value for t in row) for row in res)


@pytest.mark.parametrize("query, where", [
    ("SELECT * WHERE { ?s ?p ?o }", "{ ?s ?p ?o }"),
    ("SELECT * { ?s ?p ?o }", "{ ?s ?p ?o }"),
    ("# a { comment\nSELECT (EXISTS { ?x ?y ?z } AS ?e) WHERE { ?s ?p '{' }", "{ ?s ?p '{' }"),
    ("PREFIX x: <urn:{}> SELECT ?s WHERE { ?s x:p \"\"\"}\n{\"\"\" }", "{ ?s x:p"),
    ("CONSTRUCT { ?s <urn:p> ?o } WHERE { ?s ?p ?o }", "{ ?s ?p ?o }"),
    ("ASK { ?s ?p ?o FILTER(?o < 3) }", "{ ?s ?p ?o FILTER"),
    ("DESCRIBE ?s WHERE { ?s ?p ?o }", "{ ?s ?p ?o }"),
])
def test_the_block_opens_the_where_group(query, where):
    at = where_group(query)
    assert at is not None and query[at - 1:].startswith(where)


@pytest.mark.parametrize("query", ["CONSTRUCT WHERE { ?s ?p ?o }", "DESCRIBE <urn:a>"])
def test_a_query_without_a_where_group_gets_the_trailing_block(query):
    assert where_group(query) is None
    assert prebind(query, {"s": URIRef("urn:a")}).rstrip().endswith("{ (<urn:a>) }")


def test_bound_values_restrict_before_grouping(store):
    """The block is inside the pattern: the count is the bound subject's, not everybody's."""
    q = "SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s"
    assert rows(store, prebind(q, {"s": URIRef("urn:a")})) == [("urn:a", "2")]
    q = "SELECT ?name WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?name }"
    assert rows(store, prebind(q, {"name": Literal("Beta")})) == [("Beta",)]
    assert rows(store, prebind("CONSTRUCT { ?s <urn:x> ?o } WHERE { ?s <urn:knows> ?o }",
                               {"o": URIRef("urn:b")})) == ["<urn:a> <urn:x> <urn:b>"]


@settings(max_examples=300, deadline=None)
@given(value=st.text(max_size=40), lang=st.sampled_from([None, "en", "de-CH"]))
def test_any_value_stays_one_value(store, value, lang):
    """Quotes, braces, '#', backslashes, newlines, control characters: the bound value comes back
    as itself, in one row, and the pattern is untouched (the label query still matches nothing)."""
    literal = Literal(value, lang=lang)
    q = prebind("SELECT ?v WHERE { BIND(?v AS ?w) }", {"v": literal})
    res = list(ox.Store().query(q))
    assert len(res) == 1
    got = res[0]["v"]
    assert got.value == value and (got.language or None) == (lang and lang.lower())  # tags are case-folded
    q = prebind("SELECT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?v }", {"v": literal})
    assert rows(store, q) == ([("urn:a",)] if (value, lang) == ("Alpha", None) else
                              [("urn:b",)] if (value, lang) == ("Beta", None) else [])
