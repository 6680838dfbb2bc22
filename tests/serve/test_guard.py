"""The query guard: what may run, what is refused and why (no server needed)."""

import pytest

from kg.serve.guard import Refused, check

OK = [
    "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
    "ASK { ?s a mlkg:Model }",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1",
    "DESCRIBE <https://w3id.org/mlkg/id/model/a>",
    'SELECT ?l WHERE { ?m rdfs:label ?l FILTER(CONTAINS(?l, "service provider")) }',
    'SELECT ?l WHERE { ?m rdfs:label ?l FILTER(?l = "distilled FROM <x>") }',
    "SELECT ?service WHERE { ?service ?p ?o }",  # a variable named service is no SERVICE clause
    "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }",
]

REFUSED = {
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }": "read-only",
    "DELETE WHERE { ?s ?p ?o }": "read-only",
    "LOAD <file:///etc/passwd>": "read-only",
    "LOAD <http://127.0.0.1:1/x.ttl> INTO GRAPH <urn:g>": "read-only",
    "CLEAR ALL": "read-only",
    "DROP ALL": "read-only",
    "SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }": "SERVICE",
    "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:1/> { ?s ?p ?o } }": "SERVICE",
    "SELECT * WHERE { service<http://127.0.0.1:1/>{ ?s ?p ?o } }": "SERVICE",
    "SELECT * WHERE { ?x ?y ?z . SERVICE ?x { ?s ?p ?o } }": "SERVICE",
    "SELECT * WHERE { SERVICE # a comment\n <http://127.0.0.1:1/> { ?s ?p ?o } }": "SERVICE",
    "PREFIX e: <http://127.0.0.1:1/> SELECT * WHERE { SERVICE e: { ?s ?p ?o } }": "SERVICE",
    "SELECT * WHERE { { SELECT * WHERE { OPTIONAL { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } } } } }": "SERVICE",
    "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }": "FROM",
    "SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }": "FROM",
    "ASK FROM <http://127.0.0.1:1/> { ?s ?p ?o }": "FROM",
    # rdflib decodes \u escapes everywhere, Oxigraph only in strings: the two would read these differently
    'SELECT * WHERE { BIND("\\u0022" AS ?x) SERVICE SILENT <http://127.0.0.1:1/> { ?a ?b ?c } # """ AS ?y)\n}':
        "escapes",
    "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }": "escapes",
    'SELECT ?x WHERE { BIND("\\U00000041" AS ?x) }': "escapes",
    "SELECT * WHERE { ?s ?p": "parse",
    "": "no query",
    "   ": "no query",
    "SELECT * WHERE { ?s ?p ?o }\x00": "NUL",
    "SELECT * WHERE " + "{ " * 3000 + "}" * 3000: "too deeply",  # refused, not a crash
}


@pytest.mark.parametrize("query", OK)
def test_read_queries_pass(query):
    assert check(query, max_chars=10_000).endswith("Query")


@pytest.mark.parametrize("query, reason", REFUSED.items(), ids=range(len(REFUSED)))
def test_refused(query, reason):
    with pytest.raises(Refused, match=reason):
        check(query, max_chars=100_000)


def test_length_cap():
    with pytest.raises(Refused, match="longer than 50"):
        check("SELECT * WHERE { ?s ?p ?o } # " + "x" * 50, max_chars=50)
