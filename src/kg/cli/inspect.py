"""kg stats, kg validate, kg formats: look at the graph and its inputs."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from kg.cli.app import DEFAULT_STORE, DataError, StoreOption, UsageError, app, handles_errors, out, plain


@app.command()
@handles_errors
def stats(store: StoreOption = DEFAULT_STORE) -> None:
    """Counts per class and per predicate.

    Example:  kg stats --store .kg
    """
    from kg.graph.store import Store
    from kg.queries.run import resolve_query_text, rows, run_query

    graph = Store(store).graph()
    for name, title in (("counts-by-class", "class"), ("counts-by-predicate", "predicate")):
        result = rows(run_query(graph, resolve_query_text(name)))
        table = Table(title, "count", box=None, header_style="bold")
        for r in result:
            values = list(r.values())
            table.add_row(plain(graph.namespace_manager.normalizeUri(values[0])), plain(values[1]))
        out.print(table)
        out.print()


@app.command()
@handles_errors
def validate(
    store: StoreOption = DEFAULT_STORE,
    limit: Annotated[int, typer.Option(help="Print at most this many violations.")] = 50,
    engine: Annotated[str, typer.Option(
        help="sparql: each shape as SPARQL queries inside the store (seconds at a million triples); "
             "pyshacl: pySHACL over an in-memory copy (the reference, for cross-checking; slow on "
             "large graphs).")] = "sparql",
) -> None:
    """Check the graph against the SHACL shapes in ontology/shapes.ttl (exit 1 on any violation).

    Both engines report the same violations; the default checks the store where it lies.

    Example:  kg validate --store .kg      kg validate --engine pyshacl
    """
    from kg.graph.store import Store
    from kg.graph.validate import ENGINES
    from kg.graph.validate import validate as run_validate

    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}: one of {', '.join(ENGINES)}")
    st = Store(store)
    violations = run_validate(st.oxigraph() if engine == "sparql" else st.graph(), engine=engine)
    if not violations:
        out.print("the graph conforms to ontology/shapes.ttl")
        return
    for v in violations[:limit]:
        out.print(plain(v))  # data, never markup: '[/x]' or ':label:' print as they are
    if len(violations) > limit:
        out.print(f"... and {len(violations) - limit} more")
    raise DataError(f"{len(violations)} SHACL violation(s)")


@app.command()
@handles_errors
def formats() -> None:
    """The input formats kg reads and the export formats it writes.

    Example:  kg formats
    """
    from kg.exports import EXPORTERS, _load_builtin
    from kg.records.registry import READERS, _load_builtin_readers

    _load_builtin_readers()
    _load_builtin()
    table = Table("input format", "description", box=None, header_style="bold")
    for r in sorted(READERS.values(), key=lambda r: r.name):
        table.add_row(r.name, r.description)
    out.print(table)
    out.print()
    table = Table("export format", "suffix", "description", box=None, header_style="bold")
    for name in sorted({e.name for e in EXPORTERS.values()}):
        e = EXPORTERS[name]
        table.add_row(name, e.suffix, e.description)
    out.print(table)
