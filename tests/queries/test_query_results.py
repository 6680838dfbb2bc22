"""kg query prints results other tools read back exactly, whatever the values hold, and never writes.

Values here are the awkward ones: tabs, newlines, quotes, backslashes, language tags, numbers,
rich markup and emoji codes. Each format is read back by pyoxigraph's strict results parsers.
"""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph
import pytest
from typer.testing import CliRunner

from kg.cli import app

AWKWARD = ('SELECT ?text ?iri ?lang ?num ?unbound WHERE { '
           'BIND("tab\\there\\nnew line \\"quoted\\" back\\\\slash [/x] :label: é" AS ?text) '
           'BIND(<https://w3id.org/mlkg/id/t/x> AS ?iri) BIND("chat"@fr AS ?lang) BIND(1.5 AS ?num) }')
EXPECTED = ["tab\there\nnew line \"quoted\" back\\slash [/x] :label: é", "https://w3id.org/mlkg/id/t/x",
            "chat", "1.5", None]
FORMATS = {"json": pyoxigraph.QueryResultsFormat.JSON, "tsv": pyoxigraph.QueryResultsFormat.TSV, "csv": None}


def kg(*args) -> "CliRunner.invoke":
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_awkward_values_read_back_exactly_in_every_format(example_store, fmt):
    result = kg("query", AWKWARD, "--format", fmt, "--store", example_store)
    assert result.exit_code == 0, result.stderr
    if fmt == "csv":  # lossy by design (no types, unbound is empty): pyoxigraph will not read it
        assert list(csv.reader(io.StringIO(result.stdout, newline=""))) == [
            ["text", "iri", "lang", "num", "unbound"], EXPECTED[:4] + [""]]
        assert result.stdout_bytes.endswith(b"\r\n")  # the CSV results spec's line ends
        return
    back = pyoxigraph.parse_query_results(result.stdout.encode(), format=FORMATS[fmt])
    assert [v.value for v in back.variables] == ["text", "iri", "lang", "num", "unbound"]
    rows = [[None if t is None else t.value for t in solution] for solution in back]
    assert rows == [EXPECTED]
    solution = list(pyoxigraph.parse_query_results(result.stdout.encode(), format=FORMATS[fmt]))[0]
    assert isinstance(solution["iri"], pyoxigraph.NamedNode)
    assert solution["lang"].language == "fr"
    assert solution["num"].datatype == pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")


def test_tsv_keeps_one_result_per_line(example_store):
    result = kg("query", AWKWARD, "--format", "tsv", "--store", example_store)
    lines = result.stdout.splitlines()
    assert lines[0] == "?text\t?iri\t?lang\t?num\t?unbound"
    assert len(lines) == 2 and lines[1].count("\t") == 4


def test_json_is_sparql_1_1_results_json(example_store):
    result = kg("query", AWKWARD, "--format", "json", "--store", example_store)
    data = json.loads(result.stdout)
    assert set(data) == {"head", "results"} and set(data["results"]) == {"bindings"}
    (row,) = data["results"]["bindings"]
    assert "unbound" not in row  # unbound variables are left out of a binding
    assert row["iri"] == {"type": "uri", "value": EXPECTED[1]}
    assert row["lang"] == {"type": "literal", "value": "chat", "xml:lang": "fr"}
    assert row["num"] == {"type": "literal", "value": "1.5",
                          "datatype": "http://www.w3.org/2001/XMLSchema#decimal"}
    for cell in row.values():
        assert cell["type"] in ("uri", "literal", "bnode")
        assert set(cell) <= {"type", "value", "xml:lang", "datatype"}


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_ask_answers_true_or_false(example_store, fmt):
    yes = kg("query", "ASK { ?p a mlkg:Paper }", "--format", fmt, "--store", example_store)
    no = kg("query", "ASK { ?p a mlkg:NoSuchClass }", "--format", fmt, "--store", example_store)
    assert yes.exit_code == no.exit_code == 0
    if fmt == "json":
        assert json.loads(yes.stdout) == {"head": {}, "boolean": True}
        assert json.loads(no.stdout) == {"head": {}, "boolean": False}
        assert bool(pyoxigraph.parse_query_results(yes.stdout.encode(), format=FORMATS["json"]))
    else:  # the table is the answer in a word, as --help says
        assert (yes.stdout, no.stdout) == ("true\n", "false\n")
    assert yes.stdout.endswith("\n")


# a graph with the awkward values beside real ones: every paper's label and date, from the store
CONSTRUCT = ('CONSTRUCT { ?p a mlkg:Paper ; rdfs:label ?t ; dcterms:date ?d . '
             '<https://w3id.org/mlkg/id/t/x> rdfs:label ?awk , "chat"@fr ; mlkg:parameterCount 1.5 } '
             'WHERE { ?p a mlkg:Paper ; rdfs:label ?t . OPTIONAL { ?p dcterms:date ?d } '
             'BIND("tab\\there\\nnew line \\"quoted\\" back\\\\slash [/x] :label: é" AS ?awk) }')
GRAPH_SYNTAX = {"table": pyoxigraph.RdfFormat.TURTLE, "ttl": pyoxigraph.RdfFormat.TURTLE,
                "nt": pyoxigraph.RdfFormat.N_TRIPLES, "json": pyoxigraph.RdfFormat.JSON_LD,
                "jsonld": pyoxigraph.RdfFormat.JSON_LD}


def store_triples(example_store, query: str) -> set:
    """What the query gives, asked of the store by pyoxigraph itself."""
    store = pyoxigraph.Store.read_only(str(example_store / "CURRENT" / "oxigraph"))
    return set(store.query(query, prefixes={"mlkg": "https://w3id.org/mlkg/ontology#",
                                            "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
                                            "dcterms": "http://purl.org/dc/terms/"}))


@pytest.mark.parametrize("fmt", [*GRAPH_SYNTAX, "csv", "tsv"])
def test_a_construct_graph_reads_back_exactly_in_every_format(example_store, fmt):
    """table and ttl: Turtle; nt: N-Triples; json and jsonld: JSON-LD; csv and tsv: subject, predicate, object."""
    expected = store_triples(example_store, CONSTRUCT)
    assert len(expected) == 62 * 2 + 52 + 3
    result = kg("query", CONSTRUCT, "--format", fmt, "--store", example_store)
    assert result.exit_code == 0, result.stderr
    out = result.stdout.encode()
    if fmt in GRAPH_SYNTAX:
        back = {q.triple for q in pyoxigraph.parse(out, format=GRAPH_SYNTAX[fmt])}
        assert back == expected
    elif fmt == "tsv":
        back = pyoxigraph.parse_query_results(out, format=pyoxigraph.QueryResultsFormat.TSV)
        assert [v.value for v in back.variables] == ["subject", "predicate", "object"]
        assert {pyoxigraph.Triple(*solution) for solution in back} == expected
    else:  # csv: values only, as for SELECT
        rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
        assert rows[0] == ["subject", "predicate", "object"]
        assert sorted(rows[1:]) == sorted([t.subject.value, t.predicate.value, t.object.value] for t in expected)


def test_a_graph_prints_as_turtle_with_a_count_by_default_and_the_same_each_time(example_store):
    first = kg("query", CONSTRUCT, "--store", example_store)
    assert first.stdout.startswith("@prefix ") and "rdfs:label" in first.stdout
    assert first.stdout.endswith(f"# {62 * 2 + 52 + 3} triples; --format nt, json, csv or tsv prints them otherwise\n")
    assert kg("query", CONSTRUCT, "--store", example_store).stdout == first.stdout
    assert kg("query", CONSTRUCT, "--format", "nt", "--store", example_store).stdout.count("\n") == 62 * 2 + 52 + 3


def test_json_for_a_graph_is_json_ld_with_kgs_context(example_store):
    describe = 'DESCRIBE ?m WHERE { ?m rdfs:label "Nemotron-4 15B" }'
    result = kg("query", describe, "--format", "json", "--store", example_store)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["@context"]["label"] == "rdfs:label" and doc["label"] == "Nemotron-4 15B" and doc["@type"] == "Model"
    assert kg("query", describe, "--format", "jsonld", "--store", example_store).stdout == result.stdout
    back = {q.triple for q in pyoxigraph.parse(result.stdout.encode(), format=pyoxigraph.RdfFormat.JSON_LD)}
    assert back == store_triples(example_store, describe) and len(back) >= 4


@pytest.mark.parametrize("query,kind", [("SELECT ?p WHERE { ?p a mlkg:Paper }", "SELECT"),
                                        ("ASK { ?p a mlkg:Paper }", "ASK")])
@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_rdf_syntaxes_are_for_graphs_only(example_store, kg_cli, query, kind, fmt):
    result = kg_cli("query", query, "--format", fmt, "--store", example_store)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (f"error: --format {fmt} is for the graph a CONSTRUCT or DESCRIBE query gives; "
                             f"a {kind} query prints as table, csv, tsv or json\n")


def test_the_help_says_how_each_format_prints_a_graph(kg_cli):
    text = " ".join(kg_cli("query", "--help").stdout.replace("│", " ").split())
    for words in ("CONSTRUCT and DESCRIBE", "Turtle", "json as JSON-LD", "nt (N-Triples)",
                  "one subject, predicate, object row per triple", "SPARQL 1.1 results JSON"):
        assert words in text, words


def test_the_table_prints_values_as_they_are(example_store):
    """Values are data, not rich markup: '[/x]' once crashed the table, ':label:' became an emoji."""
    q = 'SELECT ?v WHERE { VALUES ?v { "[/x] closing" ":label: [bold]b[/bold]" "[link=https://e/]x[/link]" } }'
    result = kg("query", q, "--store", example_store)
    assert result.exit_code == 0, result.stderr
    for value in ("[/x] closing", ":label: [bold]b[/bold]", "[link=https://e/]x[/link]"):
        assert value in result.stdout


@pytest.mark.parametrize("value", ["[/x]", ":label:", "[bold]x"])
def test_an_error_quoting_the_users_words_prints_them_as_typed(example_store, value, kg_cli):
    result = kg_cli("query", "models", "--bind", value, "--store", example_store)
    assert result.returncode == 2
    assert result.stderr == f"error: --bind takes name=value, got {value!r}\n"


@pytest.mark.parametrize("update", ["DROP ALL", "CLEAR DEFAULT", "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                                    "DELETE WHERE { ?s ?p ?o }", "LOAD <file:///etc/passwd>"])
def test_updates_are_refused_and_the_store_is_unchanged(example_store, update):
    size = len(pyoxigraph.Store.read_only(str(example_store / "CURRENT" / "oxigraph")))
    result = kg("query", update, "--store", example_store)
    assert result.exit_code == 2 and "does not parse" in result.stderr
    assert len(pyoxigraph.Store.read_only(str(example_store / "CURRENT" / "oxigraph"))) == size
