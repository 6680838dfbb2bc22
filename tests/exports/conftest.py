"""Stores to export: the example corpus, and a small graph of hostile strings in every sink."""

import pytest
from hostile_graph import hostile_triples, write_store


@pytest.fixture(scope="session")
def corpus_store(example_store):
    return example_store  # built once for the whole suite (tests/conftest.py); only read here


@pytest.fixture(scope="session")
def hostile_store(tmp_path_factory):
    return write_store(tmp_path_factory.mktemp("hostile") / "store", hostile_triples())


@pytest.fixture(scope="session", params=["corpus", "hostile"])
def any_store(request, corpus_store, hostile_store):
    return corpus_store if request.param == "corpus" else hostile_store
