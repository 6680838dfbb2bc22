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
    lineage: Annotated[bool, typer.Option("--lineage", help="Write the lineage atlas instead: every derivation, as trees grouped by family, with filters by kind and date (the page kg serve shows at /atlas).")] = False,
) -> None:
    """Draw the graph as a self-contained page (scripts inline: it opens from disk with no network).

    Colours and shapes per class with a legend, tooltips with names, dates and
    evidence, search by any spelling, filters by class and by derivation kind.
    A graph too large to stay usable is drawn focused, and the page says what was left out.

    Example:  kg html -o exports/graph.html --around "Nemotron-4 15B" --depth 2
              kg html --lineage -o exports/lineage.html
    """
    if lineage:
        return _atlas(store, output, around, endpoint)
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


def _atlas(store, output: Path, around: list[str], endpoint) -> None:
    """kg html --lineage: the lineage atlas as one offline page (kg.views.explorer)."""
    from kg.exports.atomic import atomic_path
    from kg.graph.store import Store
    from kg.views.explorer import atlas_data, open_store
    from kg.views.explorer.page import offline_page

    if around:
        raise UsageError("--around draws part of the whole graph; the lineage atlas (--lineage) always shows every derivation")
    if endpoint:
        raise UsageError("--lineage reads a local store (--store), not a remote endpoint")
    Store(store).require()
    data = atlas_data(open_store(store), offline=True)
    with atomic_path(output) as tmp:
        Path(tmp).write_text(offline_page(data, title="kg lineage atlas"), "utf-8")
    out.print(plain(f"wrote {output} ({len(data['nodes'])} models, {len(data['edges'])} derivations)"), highlight=False)
