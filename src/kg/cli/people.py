"""kg people: one person's papers, spellings and coauthors."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from kg.cli.app import DEFAULT_STORE, StoreOption, UsageError, app, handles_errors, out, plain
from kg.cli.source import EndpointOption, open_graph, where


@app.command()
@handles_errors
def people(
    name: Annotated[str, typer.Argument(help="The person's name, in any spelling the sources used.")],
    store: StoreOption = DEFAULT_STORE,
    coauthors: Annotated[int, typer.Option(help="Show at most this many coauthors.")] = 15,
    endpoint: EndpointOption = None,
) -> None:
    """Show a person's papers, the spellings of their name, and their coauthors.

    Example:  kg people "Wei Ping" --store .kg
    """
    from kg.people import find_people, person_view, suggestions

    graph = open_graph(store, endpoint)
    found = find_people(graph, name)
    if not found:
        close = suggestions(graph, name)
        hint = f"; did you mean: {', '.join(close)}" if close else ""
        raise UsageError(f"nobody called {name!r} in {where(store, endpoint)}{hint}")
    # Names and titles are data: printed as Text, so "[/x]", "[bold]" or ":smile:" in them stay as typed.
    for iri in found:
        view = person_view(graph, iri)
        out.print(Text.assemble((view.name, "bold"), "  ", (str(view.iri), "dim")), highlight=False)
        if view.spellings:
            out.print(plain("also spelled: " + "; ".join(view.spellings)), highlight=False)
        table = Table("date", "paper", box=None, header_style="bold")
        for title, date in view.papers:
            table.add_row(plain(date or ""), plain(title))
        out.print(table)
        if view.coauthors:
            shown = view.coauthors[:coauthors]
            more = len(view.coauthors) - len(shown)
            out.print(plain("coauthors: " + ", ".join(f"{n} ({k})" for n, k in shown)
                            + (f" and {more} more" if more > 0 else "")), highlight=False)
        out.print()
