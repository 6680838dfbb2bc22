"""Where a reading command reads the graph: the store (--store), or any SPARQL 1.1 endpoint (--endpoint)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import UsageError

EndpointOption = Annotated[
    str | None,
    typer.Option("--endpoint", envvar="KG_ENDPOINT", show_envvar=True, metavar="URL",
                 help="Read the graph from this SPARQL 1.1 endpoint (its query URL, e.g. "
                      "http://127.0.0.1:7878/sparql) instead of --store.", show_default=False),
]


def open_graph(store: Path, endpoint: str | None):
    """An rdflib Graph over the store, or over the endpoint when one is given (a bad URL: exit 2)."""
    if endpoint:
        from kg.graph.remote import check_url, endpoint_graph

        try:
            check_url(endpoint)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        return endpoint_graph(endpoint)
    from kg.graph.store import Store

    return Store(store).graph()


def where(store: Path, endpoint: str | None) -> str:
    """The graph's place, for messages."""
    return endpoint or str(store)
