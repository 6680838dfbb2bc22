"""The explorer's saved queries (kg/queries/explorer/*.rq), run on a pyoxigraph store with IRIs bound.

The explorer runs only these queries, which are ours, so it calls pyoxigraph
directly (no guard, no worker): an entity page takes a few milliseconds. Values
are bound as terms (substitutions), never pasted into query text.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from kg.queries.run import SavedQuery, _parse_saved

__all__ = ["explorer_queries", "open_store", "rows"]


@lru_cache(maxsize=1)
def explorer_queries() -> dict[str, SavedQuery]:
    """The explorer's queries by name, parsed as ``kg query``'s saved queries are (description, params)."""
    folder = resources.files("kg.queries").joinpath("explorer")
    return {f.name[:-3]: _parse_saved(f.name[:-3], f.read_text("utf-8"))
            for f in sorted(folder.iterdir(), key=lambda f: f.name) if f.name.endswith(".rq")}


def open_store(path: str | Path) -> ox.Store:
    """The store's current generation, read-only (kg.graph.store.Store.oxigraph)."""
    from kg.graph.store import Store

    return Store(path).oxigraph()


def _plain(term):
    if term is None:
        return None
    return term.value


def rows(store: ox.Store, name: str, **bind: str) -> list[dict[str, str | None]]:
    """The rows of explorer query ``name``, each value as text (an IRI as its string); ``bind`` gives IRIs."""
    query = explorer_queries()[name]
    unknown = set(bind) - set(query.params)
    if unknown:
        raise ValueError(f"query {name} has no parameter {', '.join(sorted(unknown))}")
    answer = store.query(query.text, substitutions={ox.Variable(k): ox.NamedNode(v) for k, v in bind.items()})
    names = [v.value for v in answer.variables]
    return [{n: _plain(t) for n, t in zip(names, solution)} for solution in answer]
