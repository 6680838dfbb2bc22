"""Extraction that starts while the input files are still being read (a local build on several cores).

A build reads its files on one core (about a second at 10,000 records: parsing, the record spool,
the texts) before any worker process extracts, and the second core waits meanwhile. In a build
that starts from nothing (``--rebuild``, or a store holding no source: every record read is
extracted, none is taken from an earlier build or appended), each source's records are handed to
forked workers as soon as they are in the spool (kg.records.spool), so extraction overlaps the
reading of the next files. The workers are forked once the files read so far hold
kg.build.PARALLEL_MIN_RECORDS records (a smaller build extracts in its own process, as before),
before the build starts any thread of its own.

Each task is a span of kg.build.CHUNK records of one source, extracted and noted as
kg.build._extract_noted does; its docs name their records by position in the source (not in the
build), so a source's file of saved docs counts from 0 (kg.extract.saved.header: any offset
reads back the same). :meth:`Early.spans` hands the results over in the build's order of parts,
the same spans kg.build.extraction would have made, so the graph is the same.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from kg.records.io import Source
from kg.records.record import Problem, Record
from kg.records.spool import Records, Spool, SpooledRead

_JOB: tuple[Path, tuple[str, ...], float] | None = None
"""(the spool's folder, the components, the least confidence noted): what the workers inherit."""
WINDOW = 128
"""Spans handed to the workers and not yet taken back, at most (about 4,000 records' docs)."""
_VIEW: tuple[tuple[tuple[int, int], ...], Records] | None = None
"""In a worker: the source its last task was of, and its records (a chunk of 2,000 is loaded once
for its 63 spans, not once a span)."""


def _extract(task: tuple[tuple[tuple[int, int], ...], int, int]):
    """In a worker: records [a, b) of the source spooled in ``chunks`` ((chunk, records) each)."""
    from kg.build import _noted_span
    from kg.extract.pipeline import pipeline
    from kg.graph.build import Noted

    global _VIEW
    assert _JOB is not None
    folder, components, least = _JOB
    chunks, a, b = task
    if _VIEW is None or _VIEW[0] != chunks:  # the source's records, a chunk loaded at a time for its spans
        view = Spool(folder)
        view.sizes = dict(chunks)  # type: ignore[assignment]  (Records looks sizes up by chunk number)
        _VIEW = (chunks, Records(view, [k for k, _ in chunks]))
    records = _VIEW[1]
    noted = Noted(least)
    blob, problems, count = _noted_span(records, pipeline(components), a, b, noted)
    return blob, problems, noted, count


class Early:
    """The early extraction of one build: the build reads into :meth:`read` (a SpooledRead), each
    source is submitted as it is spooled, :meth:`spans` gives the results; :meth:`close` (or
    leaving the ``with``) stops the workers."""

    def __init__(self, spool: Spool, components: tuple[str, ...], min_confidence: float,
                 workers: Callable[[int], int], chunk: int) -> None:
        self.spool, self.components, self.min_confidence = spool, components, min_confidence
        self.workers, self.chunk = workers, chunk
        self.pool = None
        self.waiting: list[tuple[int, ...]] = []  # sources read before the workers were forked
        self.count = 0
        self.tasks: dict[tuple[int, ...], list] = {}  # a source's chunks -> its spans' tasks
        self.results: dict[tuple[int, ...], list] = {}  # the same -> each span's AsyncResult (None: not yet handed out)
        self.queue: deque[tuple[tuple[int, ...], int]] = deque()  # spans not yet handed out, in reading order
        self.out = 0  # spans handed out and not yet taken back

    def read(self, keep_text: Callable[[Source], None]) -> SpooledRead:
        """What the build reads its files into (kg.records.io.read_paths ``into``): a SpooledRead
        that hands each source to the workers as soon as it is spooled."""
        return _Read(self.spool, keep_text, self)

    def _spooled(self, chunks: tuple[int, ...]) -> None:
        self.count += sum(self.spool.sizes[k] for k in chunks)
        if self.pool is not None:
            self._submit(chunks)
            return
        self.waiting.append(chunks)
        workers = self.workers(self.count)
        if workers:
            global _JOB
            from kg.build import _ignore_sigint

            _JOB = (self.spool.folder, self.components, self.min_confidence)  # (until close: a worker may be forked again)
            self.pool = mp.get_context("fork").Pool(workers, initializer=_ignore_sigint)
            for waiting in self.waiting:
                self._submit(waiting)
            self.waiting = []

    def _submit(self, chunks: tuple[int, ...]) -> None:
        sized = tuple((k, self.spool.sizes[k]) for k in chunks)
        n = sum(size for _, size in sized)
        self.tasks[chunks] = [(sized, a, min(a + self.chunk, n)) for a in range(0, n, self.chunk)]
        self.results[chunks] = [None] * len(self.tasks[chunks])
        self.queue.extend((chunks, k) for k in range(len(self.tasks[chunks])))
        self._pump()

    def _pump(self) -> None:
        """Hand spans out while fewer than WINDOW wait to be taken back: while the files are read
        nothing is taken back, and a million records' docs must not pile up here."""
        while self.queue and self.out < WINDOW:
            self._hand_out(*self.queue.popleft())

    def _hand_out(self, chunks: tuple[int, ...], k: int) -> None:
        got = self.results.get(chunks)  # (None: the source was taken back whole already)
        if got is not None and got[k] is None:
            got[k] = self.pool.apply_async(_extract, (self.tasks[chunks][k],))
            self.out += 1

    def spans(self, parts: Sequence[tuple[int, ...]], noted) -> Iterator[tuple[int, bytes, list[Problem], int]] | None:
        """The spans of the ``parts`` (each given by its spool chunks), in order, as
        kg.build.extraction gives them (``noted`` gets what the workers noted); None when a part
        was not submitted here (the caller extracts as usual: the workers are stopped)."""
        if self.pool is None or any(p and p not in self.results for p in parts):
            self.close()
            return None
        return self._spans(parts, noted)

    def _spans(self, parts: Sequence[tuple[int, ...]], noted) -> Iterator[tuple[int, bytes, list[Problem], int]]:
        for n, chunks in enumerate(parts):
            if not chunks:  # (a source of no record: no span)
                continue
            for k in range(len(self.tasks[chunks])):
                self._hand_out(chunks, k)  # (at once, if the window held it back)
                blob, problems, theirs, count = self.results[chunks][k].get()
                self.results[chunks][k] = True  # (taken: let go)
                self.out -= 1
                self._pump()
                noted.merge(theirs)
                yield n, blob, problems, count
            del self.results[chunks], self.tasks[chunks]
        self.close()

    def close(self) -> None:
        global _JOB
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None
            _JOB = None
        self.results.clear()
        self.tasks.clear()
        self.queue.clear()

    def __enter__(self) -> Early:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _Read(SpooledRead):
    def __init__(self, spool: Spool, keep_text: Callable[[Source], None], early: Early) -> None:
        super().__init__(spool, keep_text)
        self.early = early

    def add(self, records: list[Record], problems: list[Problem], source: Source) -> None:
        super().add(records, problems, source)
        self.early._spooled(tuple(self.chunks[source.name]))
