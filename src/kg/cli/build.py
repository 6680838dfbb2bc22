"""kg build: read listings, extract facts, resolve entities, save the graph."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from kg.cli.app import (DEFAULT_STORE, DataError, StoreOption, UsageError, app, err, handles_errors,
                        is_interactive, out, plain)


@app.command()
@handles_errors
def build(
    paths: Annotated[list[str], typer.Argument(help="Files or folders of paper listings; '-' reads standard input.")],
    store: StoreOption = DEFAULT_STORE,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Start from an empty graph instead of adding to the store.")] = False,
    format: Annotated[str | None, typer.Option("--format", "-f", help="Force a reader (see `kg formats`) instead of sniffing each file.")] = None,
    min_confidence: Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Leave out facts less sure than this (0-1): trades recall for precision.")] = 0.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems.")] = False,
    category: Annotated[list[str] | None, typer.Option("--category", "-c", help="Keep only papers in this arXiv category (repeat it, or 'cs.CL,cs.LG'; 'cs' is every cs.* category). Papers whose source lists no categories are kept.")] = None,
    hub_id: Annotated[str | None, typer.Option("--hub-id", help="Read the one FILE given as the model card of this Hub repo (ORG/NAME).")] = None,
) -> None:
    """Build (or extend) the graph from paper listings.

    The format of each file is sniffed from its content: arXiv listings, Hugging Face
    daily papers, bare abstracts, abstracts with arXiv ids, arXiv Atom feeds, BibTeX
    and JSON Lines, the arXiv metadata snapshot and arXiv OAI-PMH harvests, each also
    gzip, bzip2 or Zstandard compressed; Hugging Face model cards (ORG/NAME/README.md)
    and Hub model metadata (kg hub fetch) add declared lineage. Folders are read with
    their sub-folders. Building a file the store already has changes nothing; a new file
    is added; --rebuild starts over. A failed build leaves the previous store as it was.

    Example:  kg build examples/corpus --store .kg
    Example:  kg build arxiv-metadata-oai-snapshot.json.zst --category cs.CL --category cs.LG
    Example:  kg build --hub-id nvidia/Kelp-7B downloads/README.md
    """
    from kg.build import NoRecords
    from kg.build import build as run_build

    if format is not None:
        from kg.records import registry

        registry.get(format)  # unknown format -> usage error
    if hub_id is not None:
        from kg.records.formats.declared import repo_id

        if "/" not in (repo_id(hub_id) or ""):
            raise UsageError(f"--hub-id {hub_id!r} is not a Hub repo id such as org/name")
    if category:
        from kg.records.categories import wanted

        try:
            wanted(category)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=err, transient=True,
                  disable=quiet or not is_interactive()) as bar:
        task = bar.add_task("extracting", total=None)

        def progress(stage: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=stage)

        try:
            report = run_build(paths, store=store, rebuild=rebuild, format=format,
                               min_confidence=min_confidence, progress=progress, categories=category or (),
                               hub_id=hub_id)
        except NoRecords as exc:
            _print_problems(exc.problems)  # why each input gave nothing
            raise DataError(str(exc)) from None
    _print_problems(report.problems)
    if not report.changed:
        if not quiet:
            out.print(plain(f"nothing to do: {store} already holds these files ({len(report.sources)} sources)"))
        return
    if not quiet:
        c = report.counts
        table = Table(title=plain(f"built {store}"), show_header=False, box=None)
        for key in ("records", "skipped", "filtered", "papers", "people", "organizations", "models",
                    "techniques", "facts", "triples"):
            if key != "filtered" or key in c:  # "filtered": records left out by --category
                table.add_row(key, str(c.get(key, 0)))
        out.print(table)


def _print_problems(problems) -> None:
    for p in problems:
        err.print(Text.assemble(("skipped:" if p.skipped else "warning:", "yellow"), f" {p.file}:{p.line}: {p.message}"))
