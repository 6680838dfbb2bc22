"""kg html: the graph as an interactive page that opens from disk, offline."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import DEFAULT_STORE, StoreOption, UsageError, app, err, handles_errors, out


@app.command()
@handles_errors
def html(
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path("exports/graph.html"),
    store: StoreOption = DEFAULT_STORE,
    around: Annotated[list[str], typer.Option("--around", help="Draw only the neighbourhood of this entity (any name). Repeatable.")] = [],  # noqa: B006
    depth: Annotated[int, typer.Option(min=0, max=6, help="Hops around --around to draw.")] = 2,
    max_nodes: Annotated[int, typer.Option(min=10, help="Largest page to draw; a bigger graph is focused on its best-connected nodes.")] = 1500,
) -> None:
    """Draw the graph as a self-contained page (scripts inline: it opens from disk with no network).

    Colours and shapes per class, a legend, tooltips with names, dates and evidence,
    search by any name, filters by class and by derivation kind.

    Example:  kg html -o exports/graph.html --around "Nemotron-4 15B" --depth 2
    """
    from kg.graph.store import Store
    from kg.views import graph_view

    try:
        view = graph_view(Store(store), around=around or None, depth=depth, max_nodes=max_nodes)
    except LookupError as exc:
        raise UsageError(str(exc).strip("'\"")) from None
    path = view.save(output)
    if "left out of this view" in view.html:
        err.print(f"[yellow]note:[/yellow] the graph is larger than {max_nodes} nodes: the page shows the "
                  "best-connected part (use --around NAME to choose another)")
    out.print(f"wrote {path} ({view.nodes} nodes, {view.edges} edges)")
