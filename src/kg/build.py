"""The whole build: source files -> records -> facts -> resolved entities -> store.

This is the one place the stages meet; each stage lives in its own package
(kg.records, kg.extract, kg.resolve, kg.graph) and knows nothing of the others'
internals.
"""

from __future__ import annotations

import dataclasses
import gc
import io
import multiprocessing as mp
import os
import pickle
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from kg.extract.doc import Doc
from kg.extract.pipeline import DEFAULT_PIPELINE, pipeline, run
from kg.graph.build import build_triples, head_lines, iter_ntriples
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
CHUNK = 32
"""Records a worker extracts per task."""

_JOB: tuple[list[Record], tuple[str, ...]] | None = None
"""The records and components being extracted. Forked workers inherit them, so a task is only a
range of indices, and a doc comes back naming its record by index (the parent holds the record)."""


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which stops them all and says so once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _workers(n_records: int) -> int:
    """How many worker processes extract this many records (0: this process does)."""
    workers = min(os.cpu_count() or 1, 8)
    if workers < 2 or n_records < PARALLEL_MIN_RECORDS or "fork" not in mp.get_all_start_methods():
        return 0
    return workers


@lru_cache(maxsize=None)
def _fields(cls: type) -> tuple[str, ...] | None:
    """Field names of a slotted dataclass (Fact, Mention, ...), else None."""
    if dataclasses.is_dataclass(cls) and "__slots__" in vars(cls):
        return tuple(f.name for f in dataclasses.fields(cls))
    return None


def _rebuild(cls: type, values: tuple) -> object:
    obj = object.__new__(cls)
    for name, value in zip(_fields(cls), values):
        object.__setattr__(obj, name, value)
    return obj


def _job_record(index: int) -> Record:
    """Unpickling a doc in the parent: its record is the one the parent already holds."""
    assert _JOB is not None
    return _JOB[0][index]


class _DocPickler(pickle.Pickler):
    """Docs for the parent: records by their index in the job, slotted dataclasses as plain tuples.

    (dataclasses' own pickling of a slotted class calls fields() for every object: a hundred
    thousand facts took seconds to arrive.)"""

    def __init__(self, file: io.BytesIO, index: dict[int, int]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.index = index

    def reducer_override(self, obj: object):
        cls = type(obj)
        if cls is Record and id(obj) in self.index:
            return _job_record, (self.index[id(obj)],)
        names = _fields(cls)
        if names is None:
            return NotImplemented
        values = tuple([getattr(obj, n) for n in names])
        # made again by its __init__ (compiled, quick) unless that checks more than it stores (Fact)
        return (_rebuild, (cls, values)) if hasattr(cls, "__post_init__") else (cls, values)


def _extract_span(span: tuple[int, int]) -> bytes:
    """In a worker: extract records [a, b) of the job; the docs, pickled for the parent."""
    assert _JOB is not None
    records, names = _JOB
    comps = pipeline(names)
    docs = []
    for i in range(*span):
        doc = run(records[i], comps)
        doc.user.clear()  # what the graph needs are the findings: not the annotations, sentences, cleaned text
        doc.sentences, doc.clean = [], []
        docs.append(doc)
    buf = io.BytesIO()
    _DocPickler(buf, {id(records[i]): i for i in range(*span)}).dump(docs)
    return buf.getvalue()


@contextmanager
def extraction(records: list[Record], components: tuple[str, ...]) -> Iterator[tuple[Iterator[Doc], bool]]:
    """(docs for ``records`` in order, whether worker processes make them).

    On several cores the workers are forked on entry, before the caller starts any thread of
    its own, and extract while this process does other work; below PARALLEL_MIN_RECORDS this
    process extracts as the docs are read.
    """
    global _JOB
    workers = _workers(len(records))
    if not workers:
        comps = pipeline(components)
        yield (run(record, comps) for record in records), False
        return
    _JOB = (records, components)
    try:
        with mp.get_context("fork").Pool(workers, initializer=_ignore_sigint) as pool:
            spans = [(a, min(a + CHUNK, len(records))) for a in range(0, len(records), CHUNK)]
            blobs = pool.imap(_extract_span, spans)
            yield (doc for blob in blobs for doc in pickle.loads(blob)), True
    finally:
        _JOB = None


def extract_all(records: list[Record], components: tuple[str, ...]) -> Iterator[Doc]:
    """Docs for ``records`` in order; on several cores, extraction runs in worker processes."""
    with extraction(records, components) as (docs, _):
        yield from docs


class _Background(threading.Thread):
    """A function run in a thread while this one waits on the workers; ``result()`` joins it."""

    def __init__(self, func: Callable[[], object]) -> None:
        super().__init__(name="kg-build-resolve", daemon=True)  # daemon: Ctrl-C must not wait for it
        self.func = func
        self.value: object = None
        self.error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            self.value = self.func()
        except BaseException as exc:  # raised in the waiting thread
            self.error = exc

    def result(self) -> object:
        self.join()
        if self.error is not None:
            raise self.error
        return self.value


def _resolve(records: list[Record]):
    """Papers, people, and the graph's lines for them: all they need is the records."""
    papers = cluster_papers(records)
    people = resolve_people(papers)
    return papers, people, head_lines(papers, people)


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
    with _without_cyclic_gc():
        fresh = read_paths([str(p) for p in paths], format=format)
        with st.lock():  # from reading what the store holds to swapping in the new generation
            return _build(st, paths, fresh, rebuild=rebuild, format=format, min_confidence=min_confidence,
                          components=components, progress=progress)


@contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """A build makes millions of objects that live until it ends (records, docs, facts, resolved
    names) and almost no reference cycles: the cyclic collector would walk them again and again
    (a sixth of the extraction's time) and free nothing. It is off for the build, on again after.
    Worker processes forked meanwhile inherit the setting."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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
    with extraction(records, tuple(components)) as (extracted, in_workers):
        # papers and people need only the records: resolved (and written out) while the workers extract
        resolving = _Background(lambda: _resolve(records)) if in_workers else None
        for i, doc in enumerate(extracted, start=1):
            problems.extend(doc.problems)
            docs.append(doc)
            if progress:
                progress("extract", i, len(records))
    papers, people, head = resolving.result() if resolving else _resolve(records)
    result = build_triples(papers, people, docs, min_confidence=min_confidence, head=head)
    del papers, people, head, docs  # the lines own them now: freed when the last line is out, as the store loads it
    summary = {"records": len(records), "skipped": sum(p.skipped for p in problems), **result.counts}

    def lines():
        yield from iter_ntriples(result.triples)
        summary.update(result.counts)  # the facts and triples written, known once all lines are out

    st.write(lines(), sources, summary, checked=True)
    return BuildReport(st.path, changed=True, records=len(records), problems=problems,
                       counts=summary, sources=[s.name for s in sources])
