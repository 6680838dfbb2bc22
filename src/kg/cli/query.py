"""kg query: SPARQL over the store (text, @file, or a saved query by name)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from kg.cli.app import DEFAULT_STORE, StoreOption, UsageError, app, handles_errors, out, plain


CELL_WIDTH = 60
"""Characters a table cell shows; csv, tsv and json print values whole."""


def _parse_binds(binds: list[str]) -> dict[str, str]:
    out_: dict[str, str] = {}
    for b in binds:
        name, sep, value = b.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--bind takes name=value, got {b!r}")
        out_[name.strip().lstrip("?$")] = value
    return out_


@app.command()
@handles_errors
def query(
    sparql: Annotated[str | None, typer.Argument(help="SPARQL text, @file.rq, or the name of a saved query.")] = None,
    store: StoreOption = DEFAULT_STORE,
    bind: Annotated[list[str], typer.Option("--bind", "-b", help="Bind a variable: name=value (<iri> for an IRI). Repeatable.")] = [],  # noqa: B006
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json (SPARQL 1.1 results JSON).")] = "table",
    list_: Annotated[bool, typer.Option("--list", "-l", help="List the saved queries with their descriptions.")] = False,
) -> None:
    """Run a SPARQL query against the graph.

    Values given with --bind are bound as RDF terms, never pasted into the query text.

    Examples:

      kg query --list

      kg query lineage --bind model="Nemotron-4 15B"

      kg query 'SELECT ?m WHERE { ?m a mlkg:Model }' --format csv
    """
    from kg.graph.store import Store
    from kg.queries.run import QueryError, format_result, resolve_query_text, run_query, saved_queries

    if list_:
        table = Table("name", "parameters", "description", box=None)
        for q in saved_queries().values():
            table.add_row(q.name, ", ".join(q.params), q.description)
        out.print(table)
        return
    if not sparql:
        raise UsageError("give a query (SPARQL text, @file.rq or a saved query name), or --list")
    if format not in ("table", "csv", "tsv", "json"):
        raise UsageError(f"unknown --format {format!r}: table, csv, tsv or json")
    try:
        text = resolve_query_text(sparql)
        graph = Store(store).graph()
        result = run_query(graph, text, _parse_binds(bind))
    except QueryError as exc:
        raise UsageError(str(exc)) from None
    if format != "table":
        typer.echo(format_result(result, format), nl=False)
        return
    if result.type != "SELECT":
        typer.echo(format_result(result, "json" if result.type == "ASK" else "tsv"), nl=False)
        return
    names = [str(v) for v in result.vars or []]
    bound = set(_parse_binds(bind))
    shown = [i for i, name in enumerate(names) if name not in bound] or list(range(len(names)))
    table = Table(box=None, header_style="bold")
    for i in shown:  # a bound variable's column only repeats the value given
        table.add_column(names[i], overflow="ellipsis", no_wrap=True, max_width=CELL_WIDTH)
    n = 0
    for row in result:
        table.add_row(*[plain("" if row[i] is None else row[i]) for i in shown])  # data, never markup
        n += 1
    out.print(table)
    out.print(f"[dim]{n} row{'s' if n != 1 else ''}; long values are cut here: "
              f"--format csv or json prints them whole[/dim]" if n else "[dim]0 rows[/dim]")
