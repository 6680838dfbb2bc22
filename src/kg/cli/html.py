"""kg html: the graph as an interactive page that opens from disk, offline."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import DEFAULT_STORE, StoreOption, UsageError, app, err, handles_errors, out, plain
from kg.cli.source import EndpointOption, open_graph


@app.command()
@handles_errors
def html(
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path("exports/graph.html"),
    store: StoreOption = DEFAULT_STORE,
    around: Annotated[list[str], typer.Option("--around", help="Draw only the neighbourhood of this entity (any name or spelling). Repeatable.")] = [],  # noqa: B006
    depth: Annotated[int, typer.Option(min=0, max=6, help="Hops around --around to draw.")] = 2,
    max_nodes: Annotated[int | None, typer.Option(min=10, help="Largest drawing; a bigger graph is focused on its best-connected entities.  [default: the measured limit]")] = None,
    endpoint: EndpointOption = None,
) -> None:
    """Draw the graph as a self-contained page (scripts inline: it opens from disk with no network).

    Colours and shapes per class with a legend, tooltips with names, dates and
    evidence, search by any spelling, filters by class and by derivation kind.
    A graph too large to stay usable is drawn focused, and the page says what was left out.

    Example:  kg html -o exports/graph.html --around "Nemotron-4 15B" --depth 2
    """
    from kg.lineage import AmbiguousName, UnknownName
    from kg.views import MAX_NODES, graph_view

    limit = max_nodes or MAX_NODES
    try:
        view = graph_view(open_graph(store, endpoint), around=around or None, depth=depth, max_nodes=limit)
    except AmbiguousName as exc:
        raise UsageError(f"{exc}; give one of these names") from None
    except UnknownName as exc:
        raise UsageError(str(exc)) from None
    path = view.save(output)
    if view.focused and not around:
        err.print(f"[yellow]note:[/yellow] the graph has {view.nodes + view.left_out_nodes} entities, more than "
                  f"a page can draw and stay usable ({limit}): the page shows the {view.nodes} best-connected "
                  f"and says what was left out. Use --around NAME --depth N to look at another part.",
                  highlight=False)
    elif view.focused:
        err.print(f"[yellow]note:[/yellow] {view.left_out_nodes} entities outside the neighbourhood are left out",
                  highlight=False)
    out.print(plain(f"wrote {path} ({view.nodes} nodes, {view.edges} edges)"), highlight=False)
