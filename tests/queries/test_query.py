"""`kg query`: SPARQL text, @file or a saved query; values bound safely; results other tools read."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph
import pytest
from rdflib import Graph
from rdflib.query import Result
from typer.testing import CliRunner

import kg
from support import ntriples
from kg.cli import app
from kg.queries.run import saved_queries

runner = CliRunner()

MODELS = ("PREFIX mlkg: <https://w3id.org/mlkg/ontology#> "
          "SELECT ?m ?label WHERE { ?m a mlkg:Model ; rdfs:label ?label } ORDER BY ?label")
BOUND = ("SELECT ?m ?name WHERE { ?m a mlkg:Model ; rdfs:label ?l . FILTER(?l = ?name) }")
HOSTILE = ['x" || true) } #', 'x\\u0022 || true) } #', "http://e/x> } ; DROP ALL ; INSERT DATA { <a> <b> <c"]


def kg_cli(*args: str):
    result = runner.invoke(app, list(args))
    assert "Traceback" not in (result.stderr or ""), result.stderr
    return result


def paste(template: str, value: str) -> str:
    """What not to do: put the value into the query text (escaping only double quotes)."""
    return template.replace("VALUE", value.replace('"', '\\"'))


def paste_raw(template: str, value: str) -> str:
    return template.replace("VALUE", value)


@pytest.fixture
def memory_copy(graph) -> Graph:
    """A throwaway in-memory copy of the built graph, for showing what naive pasting does."""
    g = Graph()
    for t in graph:
        g.add(t)
    return g


def test_the_same_query_as_text_as_a_file_and_by_name_gives_the_same_answer(built, tmp_path):
    saved = saved_queries()["models"]
    (tmp_path / "models.rq").write_text(saved.text, "utf-8")
    outputs = [kg_cli("query", spec, "--store", str(built), "--format", "csv")
               for spec in ("models", f"@{tmp_path / 'models.rq'}", saved.text)]
    assert all(o.exit_code == 0 for o in outputs), [o.stderr for o in outputs]
    assert outputs[0].stdout == outputs[1].stdout == outputs[2].stdout
    assert outputs[0].stdout.count("\n") == 1 + len(kg.open(built).rows("models"))


def test_list_shows_every_saved_query_with_its_description():
    result = kg_cli("query", "--list")
    assert result.exit_code == 0
    for name, q in saved_queries().items():
        assert name in result.stdout and q.description[:30] in result.stdout


def test_the_naive_way_leaks_on_each_hostile_value(memory_copy):
    """The attacks are real: pasted into query text, each value changes what the query does."""
    select = 'SELECT ?m WHERE { ?m a mlkg:Model ; rdfs:label ?l . FILTER(?l = "VALUE") }'
    ns = {"mlkg": "https://w3id.org/mlkg/ontology#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#"}
    n_models = len(list(memory_copy.query(MODELS)))
    assert len(list(memory_copy.query(paste_raw(select, HOSTILE[0]), initNs=ns))) == n_models
    assert len(list(memory_copy.query(paste(select, HOSTILE[1]), initNs=ns))) == n_models  # \u0022 is a quote
    oxi = pyoxigraph.Store()  # the update attack, on an in-memory Oxigraph copy
    oxi.load(memory_copy.serialize(format="nt", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    size = len(oxi)
    oxi.update(paste_raw("BASE <http://e/> INSERT DATA { <urn:kg:log> <urn:kg:asked> <VALUE> }", HOSTILE[2]))
    assert size > 1000 and len(oxi) == 1  # DROP ALL ran, then <a> <b> <c> was inserted


@pytest.mark.parametrize("value", HOSTILE)
def test_bound_hostile_values_match_nothing_and_change_nothing(built, value):
    before = ntriples(built)
    result = kg_cli("query", BOUND, "--bind", f"name={value}", "--store", str(built), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["results"]["bindings"] == []
    saved = kg_cli("query", "papers-introducing", "--bind", f"name={value}", "--store", str(built), "--format", "json")
    assert saved.exit_code == 0 and json.loads(saved.stdout)["results"]["bindings"] == []
    assert ntriples(built) == before


def test_a_hostile_value_given_as_an_iri_is_refused(built):
    before = ntriples(built)
    result = kg_cli("query", BOUND, "--bind", f"name=<{HOSTILE[2]}>", "--store", str(built))
    assert result.exit_code == 2
    assert "not a valid IRI" in result.stderr
    assert ntriples(built) == before


def test_a_bound_value_is_found_when_it_is_really_there(built):
    label = kg.open(built).rows(MODELS)[0]["label"]
    result = kg_cli("query", BOUND, "--bind", f"name={label}", "--store", str(built), "--format", "json")
    assert len(json.loads(result.stdout)["results"]["bindings"]) == 1


def test_json_is_sparql_results_json(built):
    result = kg_cli("query", MODELS, "--store", str(built), "--format", "json")
    data = json.loads(result.stdout)
    assert data["head"]["vars"] == ["m", "label"]
    bindings = data["results"]["bindings"]
    assert len(bindings) == len(kg.open(built).rows(MODELS)) > 0
    for b in bindings:
        assert set(b) <= {"m", "label"}
        assert b["m"]["type"] == "uri" and b["m"]["value"].startswith("https://")
        assert b["label"]["type"] == "literal" and isinstance(b["label"]["value"], str)
    assert len(Result.parse(io.StringIO(result.stdout), format="json")) == len(bindings)


@pytest.mark.parametrize("query", [MODELS, "lineage", "models"])
@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
def test_csv_tsv_and_json_read_back_to_the_same_rows(built, query, fmt):
    binds = ["--bind", "model=MN-Minitron-8B"] if query == "lineage" else []
    result = kg_cli("query", query, *binds, "--store", str(built), "--format", fmt)
    assert result.exit_code == 0, result.stderr
    expected = kg.open(built).rows(query, **dict(b.split("=", 1) for b in binds[1::2]))
    assert expected
    back = Result.parse(io.StringIO(result.stdout), format=fmt)
    names = [str(v) for v in back.vars]
    assert names == list(expected[0])
    got = [{n: (None if row[i] is None else str(row[i])) for i, n in enumerate(names)} for row in back]
    if fmt == "csv":  # CSV has no unbound: an empty cell
        expected = [{k: v or "" for k, v in r.items()} for r in expected]
        got = [{k: v or "" for k, v in r.items()} for r in got]
        assert list(csv.DictReader(io.StringIO(result.stdout))) == got
    assert got == expected
