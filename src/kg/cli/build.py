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
    paths: Annotated[list[str] | None, typer.Argument(help="Files or folders of paper listings; '-' reads standard input. None with --rebuild: the sources the store keeps.", show_default=False)] = None,
    store: StoreOption = DEFAULT_STORE,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Start from an empty graph instead of adding to the store.")] = False,
    format: Annotated[str | None, typer.Option("--format", "-f", help="Force a reader (see `kg formats`) instead of sniffing each file.")] = None,
    min_confidence: Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Leave out facts less sure than this (0-1): trades recall for precision.")] = 0.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems.")] = False,
    engine: Annotated[str, typer.Option("--engine", help="Where reading and extraction run: 'local' (this machine's cores) or 'dask' (a Dask cluster; docs/cluster.md).")] = "local",
    scheduler: Annotated[str | None, typer.Option("--scheduler", metavar="ADDRESS", help="With --engine dask: the scheduler, e.g. tcp://10.0.0.5:8786 (default: a local cluster started for this build).")] = None,
    scheduler_timeout: Annotated[float, typer.Option("--scheduler-timeout", min=0.1, help="With --scheduler: seconds to wait for it to answer.")] = 10.0,
    workers: Annotated[int | None, typer.Option("--workers", min=1, help="With --engine dask and no --scheduler: worker processes of the local cluster (default: one per core).")] = None,
    work_dir: Annotated[Path | None, typer.Option("--work-dir", help="With --engine dask: folder for the workers' intermediate results (Parquet); on a real cluster, one every worker shares.")] = None,
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
    `kg build --rebuild` with no files rebuilds the graph from the copies of its input files
    the store keeps (the way back from a damaged database).

    --engine dask reads and extracts on a Dask cluster (the graph is the same as a local
    build's); the inputs must be at the same paths on every worker.

    Example:  kg build examples/corpus --store .kg
    Example:  kg build listings/ --engine dask --scheduler tcp://10.0.0.5:8786 --work-dir /shared/tmp
    Example:  kg build arxiv-metadata-oai-snapshot.json.zst --category cs.CL --category cs.LG
    Example:  kg build --rebuild --store .kg
    Example:  kg build --hub-id nvidia/Kelp-7B downloads/README.md
    """
    from contextlib import nullcontext

    from kg.build import NoRecords
    from kg.build import build as run_build
    from kg.engines import ENGINES, EngineError

    if format is not None:
        from kg.records import registry

        registry.get(format)  # unknown format -> usage error
    if not paths and not rebuild:
        raise UsageError("give the files or folders to build (or --rebuild alone: "
                         "rebuild from the sources the store keeps)")
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    if engine != "dask" and (scheduler or workers or work_dir):
        raise UsageError("--scheduler, --workers and --work-dir go with --engine dask")
    if engine == "dask":
        from kg.engines.dask import connect

        running = connect(scheduler, timeout=scheduler_timeout, workers=workers, work_dir=work_dir)
    else:
        running = nullcontext(None)
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
            with running as runner:  # a scheduler that does not answer fails here, before any reading
                if paths:
                    report = run_build(paths, store=store, rebuild=rebuild, format=format,
                                       min_confidence=min_confidence, progress=progress,
                                       categories=category or (), hub_id=hub_id,
                                       engine=runner)
                else:  # --rebuild alone
                    from kg.rebuild import rebuild_from_kept

                    report = rebuild_from_kept(store, format=format, min_confidence=min_confidence,
                                               progress=progress, categories=category or ())
        except EngineError as exc:
            raise DataError(str(exc)) from None
        except NoRecords as exc:
            _print_problems(exc.problems)  # why each input gave nothing
            raise DataError(str(exc)) from None
    _print_problems(report.problems)
    for note in report.notes:  # "append: <why not>; rebuilding"
        err.print(plain(note))
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
