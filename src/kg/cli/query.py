"""kg query: SPARQL over the store (text, @file, or a saved query by name)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from kg.cli.app import DEFAULT_STORE, StoreOption, UsageError, app, handles_errors, out, plain
from kg.cli.source import EndpointOption, open_graph


CELL_WIDTH = 60
"""Characters a table cell shows; csv, tsv and json print values whole."""

RESULT_FORMATS = ("table", "csv", "tsv", "json")
"""For every query: SELECT rows, an ASK answer, or (CONSTRUCT, DESCRIBE) a graph in the form below."""
GRAPH_FORMATS = ("ttl", "nt", "jsonld")
"""RDF syntaxes, for CONSTRUCT and DESCRIBE only."""
GRAPH_AS = {"table": "ttl", "json": "jsonld"}
"""A graph has no table or SPARQL results JSON: it prints as Turtle and JSON-LD instead."""
FORMAT_HELP = (
    "table, csv, tsv or json. SELECT: a table, CSV, TSV, or SPARQL 1.1 results JSON. "
    "CONSTRUCT and DESCRIBE give a graph: table prints it as Turtle, json as JSON-LD (kg's @context, "
    "as kg export writes it), csv and tsv as one subject, predicate, object row per triple; "
    "ttl, nt (N-Triples) and jsonld name an RDF syntax outright."
)


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
    format: Annotated[str, typer.Option("--format", "-f", help=FORMAT_HELP)] = "table",
    list_: Annotated[bool, typer.Option("--list", "-l", help="List the saved queries with their descriptions.")] = False,
    endpoint: EndpointOption = None,
) -> None:
    """Run a SPARQL query against the graph.

    Values given with --bind are bound as RDF terms, never pasted into the query text.

    SELECT prints rows (--format table, csv, tsv, json); ASK prints true or false (json: SPARQL
    results JSON); CONSTRUCT and DESCRIBE print a graph: Turtle by default, JSON-LD with
    --format json, N-Triples with --format nt, a subject, predicate, object row per triple with csv or tsv.

    Examples:

      kg query --list

      kg query lineage --bind model="Nemotron-4 15B"

      kg query 'SELECT ?m WHERE { ?m a mlkg:Model }' --format csv

      kg query 'DESCRIBE ?m WHERE { ?m rdfs:label "Nemotron-4 15B" }' --format json

      kg query models --endpoint http://127.0.0.1:7878/sparql
    """
    from kg.queries.run import QueryError, format_result, resolve_query_text, run_query, saved_queries

    if list_:
        table = Table("name", "parameters", "description", box=None)
        for q in saved_queries().values():
            table.add_row(q.name, ", ".join(q.params), q.description)
        out.print(table)
        return
    if not sparql:
        raise UsageError("give a query (SPARQL text, @file.rq or a saved query name), or --list")
    if format not in RESULT_FORMATS + GRAPH_FORMATS:
        raise UsageError(f"unknown --format {format!r}: {', '.join(RESULT_FORMATS)} "
                         f"(or, for CONSTRUCT and DESCRIBE, {', '.join(GRAPH_FORMATS)})")
    try:
        text = resolve_query_text(sparql)
        graph = open_graph(store, endpoint)
        result = run_query(graph, text, _parse_binds(bind))
    except QueryError as exc:
        raise UsageError(str(exc)) from None
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        n = _print_graph(result, format)
        if format == "table":  # a Turtle comment: the output stays Turtle
            typer.echo(f"# {n} triple{'s' if n != 1 else ''}; --format nt, json, csv or tsv prints them otherwise")
        return
    if format in GRAPH_FORMATS:
        raise UsageError(f"--format {format} is for the graph a CONSTRUCT or DESCRIBE query gives; "
                         f"a {result.type} query prints as table, csv, tsv or json")
    if format != "table":
        typer.echo(format_result(result, format), nl=False)
        return
    if result.type == "ASK":  # true or false, as csv and tsv print it
        typer.echo(format_result(result, "tsv"), nl=False)
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


def _print_graph(result, format: str) -> int:
    """Print a CONSTRUCT or DESCRIBE result in ``format``; how many triples it holds.

    The triples pass through Oxigraph once, so literals are written as the store holds them
    ("a", not "a"^^xsd:string) and in one order (by subject, predicate, object) on every run."""
    import json

    import pyoxigraph as ox
    from rdflib import Graph, Variable
    from rdflib.query import Result

    from kg.graph.store import PREFIXES
    from kg.queries.run import format_result

    format = GRAPH_AS.get(format, format)
    triples = sorted(ox.parse(result.graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES),
                     key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    if format in ("ttl", "nt"):
        syntax = ox.RdfFormat.TURTLE if format == "ttl" else ox.RdfFormat.N_TRIPLES
        typer.echo(ox.serialize(triples, format=syntax, prefixes=PREFIXES).decode("utf-8"), nl=False)
        return len(triples)
    from kg.exports.rdf import _ordered, context, lexical_forms_kept

    with lexical_forms_kept():
        graph = Graph(bind_namespaces="none").parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES),
                                                    format="nt")
        if format == "jsonld":  # compacted with kg's @context, like kg export --format jsonld
            doc = json.loads(graph.serialize(format="json-ld", context=context(), auto_compact=True))
            typer.echo(json.dumps(_ordered(doc), ensure_ascii=False, indent=1, sort_keys=True))
            return len(triples)
        spo = [Variable("subject"), Variable("predicate"), Variable("object")]
        table = Result("SELECT")  # csv, tsv: the SPARQL results forms of a subject, predicate, object table
        table.vars = spo
        table.bindings = [dict(zip(spo, t)) for t in sorted(graph, key=lambda t: tuple(map(str, t)))]
        typer.echo(format_result(table, format), nl=False)
    return len(triples)
