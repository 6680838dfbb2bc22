"""The example corpus built together with a folder of model cards and a Hub listing (issue 18's "done").

The expectations are read from the data, not written out: every card model that cites a paper
of the corpus is linked to it, and to the model of that paper's text whose name agrees; the
declared edges are quoted from metadata lines; lineage-sources tells the three kinds of source.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import kg
from kg.keys import model_key
from kg.repo_keys import name_variants

ROOT = Path(__file__).resolve().parents[2]
HUB = ROOT / "tests" / "data" / "hub"
DECLARED_KINDS = ("quantizedFrom", "mergedFrom", "finetunedFrom")


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("corpus-cards") / "store"
    report = kg.build([ROOT / "examples" / "corpus", HUB / "cards", HUB / "models.jsonl"], store=store)
    assert report.changed and not report.skipped
    return store


def test_it_conforms(store):
    assert kg.open(store).validate() == []


@pytest.mark.parametrize("kind", DECLARED_KINDS)
def test_declared_edges_of_each_kind_are_quoted_from_metadata_lines(store, kind):
    rows = kg.open(store).rows(f"""
        SELECT ?child ?quote ?text ?format WHERE {{
          ?e rdf:predicate mlkg:{kind} ; rdf:subject ?c ; mlkg:quote ?quote ; mlkg:source ?r .
          ?r mlkg:about ?c ; mlkg:text ?text ; mlkg:format ?format . ?c mlkg:hfId ?child }}""")
    assert rows
    for r in rows:
        assert r["format"] in ("model-card", "hub-models")
        assert r["quote"] in " ".join(r["text"].split())
        assert "base_model" in r["quote"]


def test_each_card_model_is_linked_to_the_corpus_paper_it_cites_and_to_that_papers_model(store):
    graph = kg.open(store)
    cited = graph.rows("""
        SELECT ?m ?hf ?p WHERE { ?m mlkg:hfId ?hf ; mlkg:describedIn ?p . ?p dcterms:title ?title }""")
    assert cited  # some card cites a paper the corpus holds (by its arXiv id)
    named = graph.rows("""
        SELECT DISTINCT ?p ?n ?name WHERE {
          ?r mlkg:about ?p . ?p a mlkg:Paper . ?e mlkg:source ?r ; rdf:subject|rdf:object ?n .
          ?n a mlkg:Model ; rdfs:label|skos:altLabel ?name }""")
    linked = 0
    for row in cited:
        keys = {v.key for v in name_variants(row["hf"])}
        same_name = {r["n"] for r in named if r["p"] == row["p"] and model_key(r["name"]) in keys}
        assert same_name <= {row["m"]}, (row["hf"], same_name)  # the paper's model of that name is the card's
        linked += bool(same_name)
    assert linked >= 1


def test_lineage_sources_lists_text_only_card_only_and_both(store):
    rows = kg.open(store).rows("lineage-sources")
    assert {r["stated"] for r in rows} == {"paper text", "model card", "both"}
    assert all(r["quote"] for r in rows)


def test_kg_lineage_says_which_quotes_come_from_a_model_card(store, kg_cli):
    hf = kg.open(store).rows("SELECT ?hf WHERE { ?c mlkg:quantizedFrom ?p ; mlkg:hfId ?hf }")[0]["hf"]
    run = kg_cli("lineage", hf, "--store", store)
    assert run.returncode == 0, run.stderr
    assert "quantized" in run.stdout and "(model card " in run.stdout
