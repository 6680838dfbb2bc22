"""The whole build: source files -> records -> facts -> resolved entities -> store.

This is the one place the stages meet; each stage lives in its own package
(kg.records, kg.extract, kg.resolve, kg.graph) and knows nothing of the others'
internals.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from kg.extract.pipeline import DEFAULT_PIPELINE, pipeline, run
from kg.graph.build import build_triples, iter_ntriples
from kg.graph.store import Store
from kg.records.record import Problem, Record
from kg.resolve.papers import cluster_papers
from kg.resolve.people import resolve_people

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total): called as records are extracted."""


class NoRecords(ValueError):
    """Nothing in the input could be read as a record (a data error)."""

    def __init__(self, message: str, problems: list[Problem]) -> None:
        super().__init__(message)
        self.problems = problems


PARALLEL_MIN_RECORDS = 400
"""Below this many records, starting worker processes costs more than it saves."""


def _extract_one(args: tuple[Record, tuple[str, ...]]):
    record, names = args
    doc = run(record, pipeline(names))
    doc.user.clear()  # annotations between components are not needed after extraction
    return doc


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which stops them all and says so once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def extract_all(records: list[Record], components: tuple[str, ...]):
    """Docs for ``records`` in order; on several cores, extraction runs in worker processes."""
    workers = min(os.cpu_count() or 1, 8)
    if workers < 2 or len(records) < PARALLEL_MIN_RECORDS or "fork" not in mp.get_all_start_methods():
        comps = pipeline(components)
        for record in records:
            yield run(record, comps)
        return
    with mp.get_context("fork").Pool(workers, initializer=_ignore_sigint) as pool:
        yield from pool.imap(_extract_one, ((r, components) for r in records), chunksize=32)


@dataclass
class BuildReport:
    store: Path
    changed: bool
    records: int = 0
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    @property
    def skipped(self) -> list[Problem]:
        return [p for p in self.problems if p.skipped]


def build(paths: Sequence[str | Path], *, store: str | Path | None = None, rebuild: bool = False,
          format: str | None = None, min_confidence: float = 0.0,
          components: Sequence[str] = DEFAULT_PIPELINE,
          progress: Progress | None = None) -> BuildReport:
    """Read ``paths`` (files, folders or "-"), add them to the store's graph, and save it.

    Building a file the store already holds changes nothing; a new file is added
    to what is there; ``rebuild=True`` starts from nothing. The store is replaced
    atomically, so a failed build leaves the previous graph as it was.
    """
    from kg.records.io import read_paths

    st = Store(store)
    fresh = read_paths([str(p) for p in paths], format=format)
    with st.lock():  # from reading what the store holds to swapping in the new generation
        return _build(st, paths, fresh, rebuild=rebuild, format=format, min_confidence=min_confidence,
                      components=components, progress=progress)


def _build(st: Store, paths: Sequence[str | Path], fresh, *, rebuild: bool, format: str | None,
           min_confidence: float, components: Sequence[str], progress: Progress | None) -> BuildReport:
    from kg.records.io import parse_text

    incoming = [replace(s, format=format) for s in fresh.sources]
    if not incoming:  # every input was empty, binary or unreadable: an error even beside a good store
        where = ", ".join(str(p) for p in paths)
        raise NoRecords(f"no record could be read from {where}; the store was not changed", fresh.problems)
    known = [] if rebuild else st.sources()
    known_hashes = {s.sha256 for s in known}
    if st.exists() and not rebuild and all(s.sha256 in known_hashes for s in incoming):
        return BuildReport(st.path, changed=False, problems=list(fresh.problems),
                           counts=st.manifest().get("summary", {}), sources=[s.name for s in known])

    by_name = {s.name: s for s in known}
    by_name.update({s.name: s for s in incoming})  # a changed file replaces its old version
    sources = sorted(by_name.values(), key=lambda s: s.name)

    records: list[Record] = []
    problems: list[Problem] = []
    new_names = {s.name for s in incoming}
    for src in sources:
        if src.name in new_names:
            recs = [r for r in fresh.records if r.file == src.name]
            probs = [p for p in fresh.problems if p.file == src.name]
        else:
            recs, probs, _ = parse_text(src.text, src.name, src.format)
        records.extend(recs)
        problems.extend(probs)
    problems.extend(p for p in fresh.problems if p.file not in by_name)

    if not records:
        where = ", ".join(str(p) for p in paths)
        raise NoRecords(f"no record could be read from {where}; the store was not changed", problems)

    docs = []
    for i, doc in enumerate(extract_all(records, tuple(components)), start=1):
        problems.extend(doc.problems)
        docs.append(doc)
        if progress:
            progress("extract", i, len(records))

    papers = cluster_papers(records)
    people = resolve_people(papers)
    result = build_triples(papers, people, docs, min_confidence=min_confidence)
    summary = {"records": len(records), "skipped": sum(p.skipped for p in problems), **result.counts}

    def lines():
        yield from iter_ntriples(result.triples)
        summary.update(result.counts)  # the facts and triples written, known once all lines are out

    st.write(lines(), sources, summary, checked=True)
    return BuildReport(st.path, changed=True, records=len(records), problems=problems,
                       counts=summary, sources=[s.name for s in sources])
