"""kg export: write the graph in a format other tools read."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import DEFAULT_STORE, StoreOption, UsageError, app, err, handles_errors, out, plain
from kg.cli.source import EndpointOption


@app.command()
@handles_errors
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="ttl, nt, nq, trig, jsonld, xml, graphml, gexf, cytoscape, neo4j.")] = "ttl",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File (or folder, for neo4j) to write; exports/graph.<suffix of the format> when not given.", show_default=False)] = None,
    store: StoreOption = DEFAULT_STORE,
    endpoint: EndpointOption = None,
) -> None:
    """Export the graph (written atomically: a failed export leaves no partial file).

    With --endpoint, the graph is whatever that SPARQL endpoint's default graph holds
    (one CONSTRUCT of every triple), written by the same exporters.

    Example:  kg export --format ttl -o exports/graph.ttl
    """
    from kg.exports import export as run_export
    from kg.exports import formats
    from kg.exports import get as exporter
    from kg.graph.store import Store

    try:
        chosen = exporter(format)
    except KeyError:
        raise UsageError(f"unknown export format {format!r} (known: {', '.join(formats())})") from None
    if output is None:  # exports/graph.nt for nt, exports/graph for neo4j's folder
        output = Path("exports") / f"graph{chosen.suffix}"
    if endpoint:
        path = _export_endpoint(endpoint, format, output)
    else:
        st = Store(store)
        st.require()
        path = run_export(st, format, output)
        for warning in st.warnings:  # a damaged kept text: exported from the database instead
            err.print(plain(f"warning: {warning}"))
    out.print(plain(f"wrote {path} ({format})"))


def _export_endpoint(url: str, format: str, output: Path) -> Path:
    """Every triple the endpoint holds, put in a temporary store, exported from there as from any store."""
    import tempfile

    from kg.cli.source import open_graph
    from kg.exports import export as run_export
    from kg.graph.remote import construct_all
    from kg.graph.store import Store

    open_graph(Path(), url)  # a bad URL: exit 2
    lines = construct_all(url)
    with tempfile.TemporaryDirectory(prefix="kg-endpoint-") as tmp:
        st = Store(Path(tmp) / "store")
        st.write(lines, [], {"triples": len(lines), "endpoint": url})
        return run_export(st, format, output)
