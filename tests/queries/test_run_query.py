"""run_query and select_plain on an Oxigraph store answer exactly what rdflib's Graph.query
(through oxrdflib) answers: the same variables, rows, order and rdflib terms."""

from __future__ import annotations

import pytest
from rdflib import BNode, Graph, Literal, URIRef

from kg.graph.store import Store
from kg.queries.run import run_query, saved_queries, select_plain, string_literal, term

BOUND = {"lineage": {"model": "MN-Minitron-8B"}, "coauthors-of": {"person": "Wei Ping"},
         "papers-of": {"person": "Wei Ping"}, "papers-introducing": {"name": "RankRAG"},
         "technique-users": {"name": "RL"}, "paper-contributions": {"paper": "2402.16819"}}
XSD = "http://www.w3.org/2001/XMLSchema#"
VALUES = ('SELECT ?s ?plain ?lang ?num ?date ?unbound WHERE { ?s a <https://w3id.org/mlkg/ontology#Model> . '
          'BIND("tab\\there é" AS ?plain) BIND("chat"@fr AS ?lang) BIND(1.5 AS ?num) '
          'BIND("2024-01-02"^^<http://www.w3.org/2001/XMLSchema#date> AS ?date) } ORDER BY ?s LIMIT 3')


@pytest.fixture(scope="module")
def graph(example_store):
    return Store(example_store).graph()


def through_oxrdflib(graph, text, bindings):
    result = graph.query(text, initBindings={k: term(v) for k, v in bindings.items()})
    return result.vars, [tuple(row) for row in result]


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_saved_queries_answer_as_through_oxrdflib(graph, name):
    text, bindings = saved_queries()[name].text, BOUND.get(name, {})
    result = run_query(graph, text, bindings)
    want_vars, want_rows = through_oxrdflib(graph, text, bindings)
    assert result.vars == want_vars
    got = [tuple(row) for row in result]
    assert got == want_rows
    assert [[type(v) for v in row] for row in got] == [[type(v) for v in row] for row in want_rows]
    if name in BOUND:
        assert got, f"{name} finds nothing for {bindings}: pick a value it has rows for"


def test_literals_keep_their_datatype_and_language(graph):
    rows = list(run_query(graph, VALUES))
    assert rows == through_oxrdflib(graph, VALUES, {})[1]
    s, plain, lang, num, date, unbound = rows[0]
    assert isinstance(s, URIRef) and unbound is None
    assert plain == Literal("tab\there é", datatype=URIRef(XSD + "string"))
    assert lang.language == "fr" and num.datatype == URIRef(XSD + "decimal") and date.datatype == URIRef(XSD + "date")


@pytest.mark.parametrize("text", ["", "Llama-3 8B", "  tab\there é\n", "1.5", "true", "2024-01-02",
                                  "\u2028 \U0001f600", "x" * 5000])
def test_string_literals_are_what_rdflibs_constructor_makes(text):
    fast, slow = string_literal(text), Literal(text, datatype=URIRef(XSD + "string"))
    assert type(fast) is Literal and fast == slow and hash(fast) == hash(slow) and str(fast) == str(slow)
    assert (fast.value, fast.datatype, fast.language, fast.ill_typed) == (slow.value, slow.datatype, slow.language,
                                                                       slow.ill_typed)
    assert fast.n3() == slow.n3() and fast.toPython() == slow.toPython() and fast.eq(slow)


def test_ask_and_construct(graph):
    assert run_query(graph, "ASK { ?s a mlkg:Model }").askAnswer is True
    built = run_query(graph, "CONSTRUCT { ?s a mlkg:Model } WHERE { ?s a mlkg:Model }").graph
    assert len(built) == len(graph.query("CONSTRUCT { ?s a mlkg:Model } WHERE { ?s a mlkg:Model }").graph)


def test_select_plain_is_str_of_each_literal(graph):
    want = [tuple(str(v) if isinstance(v, Literal) else v for v in row) for row in graph.query(VALUES)]
    assert select_plain(graph, VALUES) == want
    assert all(isinstance(row[0], URIRef) and type(row[1]) is str for row in want)


def test_select_plain_on_a_plain_rdflib_graph():
    g = Graph()
    g.add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal("x", lang="en")))
    g.add((BNode("b"), URIRef("https://example.org/p"), Literal(2)))
    rows = select_plain(g, "SELECT ?s ?o WHERE { ?s <https://example.org/p> ?o } ORDER BY ?o")
    assert sorted(rows, key=str) == sorted([(URIRef("https://example.org/a"), "x"), (BNode("b"), "2")], key=str)
