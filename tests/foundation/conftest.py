"""Shared fixtures for the foundation tests: the example corpus built once."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

import kg
from foundation_support import CORPUS


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The example corpus built into a temporary store, once per session. Treat it as read-only."""
    store = tmp_path_factory.mktemp("foundation") / "store"
    kg.build([CORPUS], store=store)
    return store


@pytest.fixture(scope="session")
def graph(built) -> Graph:
    """The built graph copied into an in-memory rdflib Graph (cheap to walk many times)."""
    g = Graph()
    for t in kg.open(built).graph:
        g.add(t)
    return g
