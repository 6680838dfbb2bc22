"""Every IRI kg mints is valid for the strictest parser (pyoxigraph) and is https or urn, whatever text it came from."""

from __future__ import annotations

from urllib.parse import urlsplit

import pyoxigraph
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kg
from kg.graph import iris

# any text at all, lone surrogates included (what surrogateescape decoding leaves behind)
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=300)
HOSTILE = ["", " ", "a b", "x> } ; DROP ALL ; INSERT DATA { <a> <b> <c", 'x" || true) } #', "x\\u0022 y",
           "<script>alert(1)</script>", "\x00\x01\x7f", "\ud800", "ünïcödé ∑ 模型", "../../etc/passwd",
           "http://evil/x#y?z", "%00%2F", "{}|^`\\", "-" * 500, "Llama 3.1 405B (Instruct)"]


def assert_good(iri) -> None:
    pyoxigraph.NamedNode(str(iri))  # raises ValueError on anything invalid
    assert urlsplit(str(iri)).scheme in ("https", "urn"), iri
    assert str(iri).isascii(), iri


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(["model", "technique", "person", "organization", "family", "paper"]),
       key=ANY_TEXT, label=st.none() | ANY_TEXT)
def test_mint_makes_a_valid_iri_from_any_text(kind, key, label):
    assert_good(iris.mint(kind, key, label))


@settings(max_examples=200, deadline=None)
@given(key=ANY_TEXT, arxiv=st.none() | ANY_TEXT | st.from_regex(r"\A\d{4}\.\d{4,5}\Z"), label=st.none() | ANY_TEXT)
def test_paper_iris_are_valid_from_any_text(key, arxiv, label):
    assert_good(iris.paper(key, arxiv, label))


@settings(max_examples=200, deadline=None)
@given(file=ANY_TEXT, index=st.integers(1, 10**9), parts=st.lists(ANY_TEXT, max_size=6))
def test_record_evidence_and_extractor_iris_are_valid_from_any_text(file, index, parts):
    assert_good(iris.record(file, index))
    assert_good(iris.evidence(*parts))
    assert_good(iris.extractor("@".join(parts[:2])))


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_names_become_valid_iris(text):
    for iri in (iris.mint("model", text, text), iris.paper(text, text, text), iris.record(text, 1),
                iris.evidence(text, text), iris.extractor(text)):
        assert_good(iri)
        assert " " not in iri and ">" not in iri and '"' not in iri


def test_the_same_key_gives_the_same_iri_and_different_keys_differ():
    assert iris.mint("model", "k", "Same Label") == iris.mint("model", "k", "Same Label")
    assert iris.mint("model", "k1", "Same Label") != iris.mint("model", "k2", "Same Label")
    assert iris.mint("model", "k", "L") != iris.mint("technique", "k", "L")
    assert iris.record("a.txt", 1) != iris.record("a.txt", 2) != iris.record("b.txt", 1)


def test_papers_with_an_arxiv_id_are_named_by_it_and_others_by_a_hash():
    assert str(iris.paper("key", "2402.16819", "Nemotron-4 15B")) == "https://w3id.org/mlkg/id/paper/arxiv-2402.16819"
    assert iris.paper("key", "hep-th/9901001", None).endswith("/paper/arxiv-hep-th_9901001")
    for not_an_id in ("2402.16819> . <x", "2402.16819\n", "٢٤٠٢.١٦٨١٩"):  # the last in Arabic-Indic digits
        iri = iris.paper("key", not_an_id, "T")
        assert "arxiv-" not in iri and iri.startswith(iris.BASE + "paper/t-")


def test_slugs_are_short_lowercase_ascii():
    assert iris.slug("Mistral-NeMo-Minitron 8B (Instruct)") == "mistral-nemo-minitron-8b-instruct"
    assert iris.slug("模型") == "" and iris.slug("é") == "e"
    assert len(iris.slug("x" * 1000)) <= iris.SLUG_MAX


def test_every_node_of_the_built_example_graph_is_an_iri_kg_minted(example_store):
    g = kg.open(example_store)
    subjects = {r["s"] for r in g.rows("SELECT DISTINCT ?s WHERE { ?s ?p ?o }")}
    assert len(subjects) > 1000 and all(s.startswith(iris.BASE) for s in subjects)
    blanks = g.rows("SELECT ?x WHERE { { ?x ?p ?o } UNION { ?s ?p ?x } FILTER(isBlank(?x)) } LIMIT 1")
    assert blanks == []  # no blank nodes: every node can be named from outside
