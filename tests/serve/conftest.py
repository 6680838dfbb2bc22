"""A store to serve: the example corpus's graph plus a model whose label holds hostile strings."""

import pytest
from serving import HOSTILE

from kg.graph.store import Store


@pytest.fixture(scope="session")
def served_store(example_store, tmp_path_factory):
    """The example corpus's graph with a model whose label holds what XML, CSV and HTML trip on."""
    lines = [str(q.triple) + " .\n" for q in Store(example_store).oxigraph()]
    store = tmp_path_factory.mktemp("serve") / "store"
    Store(store).write(sorted(lines) + HOSTILE, [], {})
    return store
