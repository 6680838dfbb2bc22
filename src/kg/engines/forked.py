"""The facts' lines of a local build, written by forked worker processes as N-Triples shards.

Once extraction ends, what is left of a build is mostly writing the facts' lines (the evidence
lines are three in four of the graph's) and loading them into the store: in one process that
was a serial tail of a third of a 10,000-record build, with the second core idle. A build with
enough records for worker processes (kg.build._workers) therefore forks them again once every
name is resolved, the way kg.engines.shards has Dask workers write the lines: the workers inherit
the graph's head, the resolved entities and the functions that name a fact's ends, so nothing of
them is pickled; each reads its share of the docs back from the build's stage folder, writes the
evidence lines into a shard file of the build's scratch folder and sends back only the facts'
own lines (kg.engines.shards.write_shard). Every IRI a worker can be asked for is made before
the fork: the entities' and the head's by resolution, the stubs of cited papers from
kg.graph.build.Noted.cited, so no worker makes anything the building process lacks.

A task is a run of blobs (at most :data:`TASK_BYTES` bytes of them, of one part or of several small
ones), read at the byte offsets the build noted as it wrote the parts (:class:`Blobs`); a part
the store kept from an earlier build is read whole. A doc read back here needs of its record only the file
and index (the facts' lines name the record by them, and find its paper and people by them), so
a worker reads no record: :func:`record_keys` keeps them per part, a few bytes a record.
"""

from __future__ import annotations

import multiprocessing as mp
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from kg.extract.fact import Mention
from kg.records.record import Record

TASK_BYTES = 1_700_000
"""Bytes of saved docs (kg.extract.saved) per task, at most: a shard of about 16 MB at 10,000
synthetic records (its evidence lines take about nine times the bytes of the docs they are read
from), the size of the parts the store spools its other lines into (kg.graph.store.SPOOL_CHARS):
small enough for the store to load while others are written and to bound the loaders' memory,
large enough that the loading costs no more than in parts of that size (at 10,000 records, 31
parts of 1-16 MB took 7.3 CPU-seconds to load against 6.6 for 16 of 16 MB). The docs are cut
into as few tasks as that allows, of equal bytes: every shard is one more ingestion for the
store's database, which then compacts (a task of 800 records, as before, left three shards of
2-4 MB at the end of the synthetic corpus, whose last sources state fewer facts a record)."""

_JOB: tuple | None = None
"""(tasks, node, head_node, min_confidence, the ForkedShards): what the forked workers inherit."""


@dataclass
class Blobs:
    """Where the blobs of a part's file of saved docs (kg.extract.saved.header, then blobs from
    kg.extract.saved.dumps) begin, noted as the build writes it."""

    start: int
    """The position the file counts its records from (its header's offset)."""
    at: list[tuple[int, int, int]] = field(default_factory=list)
    """(byte offset, length, docs) of each blob, in order."""

    def write(self, out: BinaryIO, blob: bytes, docs: int) -> None:
        """Write ``blob`` (of ``docs`` docs) to ``out``, noting where."""
        self.at.append((out.tell(), len(blob), docs))
        out.write(blob)


@dataclass(frozen=True)
class _Piece:
    """A run of the blobs of one part's file."""

    name: str
    a: int
    b: int
    """The part's records [a, b) in the build."""
    start: int | None
    """The position the part's file counts its records from; None: the whole part, read as a store keeps it."""
    blobs: tuple[tuple[int, int], ...]
    """(byte offset, length) of the blobs."""


@dataclass(frozen=True)
class _Task:
    pieces: tuple[_Piece, ...]
    target: str


class _Ref:
    """Stands for a record where only its file and index are needed."""

    __slots__ = ("file", "index")

    def __init__(self, file: str, index: int) -> None:
        self.file, self.index = file, index


class _Refs(Sequence):
    """A part's records as :class:`_Ref` stand-ins."""

    def __init__(self, file: str, indexes: array) -> None:
        self.file, self.indexes = file, indexes

    def __len__(self) -> int:
        return len(self.indexes)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return _Refs(self.file, self.indexes[i])
        return _Ref(self.file, self.indexes[i])


def record_keys(records: Sequence[Record], parts: Iterable[tuple[str, int, int]]
                ) -> dict[str, tuple[str, array] | None]:
    """Part name -> (the file, the index of each record) of the part's ``records`` [a, b); None
    for a part whose records name more than one file (its workers then read the records)."""
    out: dict[str, tuple[str, array] | None] = {}
    for name, a, b in parts:
        files = {records[i].file for i in range(a, b)}
        out[name] = (files.pop(), array("q", (records[i].index for i in range(a, b)))) if len(files) == 1 else None
    return out


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # (read when the task runs, which then says what is wrong)
        return 0


def _ignore_sigint() -> None:
    from kg.build import _ignore_sigint

    _ignore_sigint()


class ForkedShards:
    """kg.engines.shards.Workers for a local build: ``workers`` forked processes write the facts'
    lines of every part into shards in ``folder``. ``stage``: the folder of the parts' saved docs;
    ``records``: the build's records; ``keys``: :func:`record_keys` of them; ``blobs``: part name ->
    :class:`Blobs` of the parts this build wrote."""

    def __init__(self, workers: int, stage: Path, folder: Path, records: Sequence[Record],
                 keys: dict[str, tuple[str, array] | None], blobs: dict[str, Blobs]) -> None:
        self.workers, self.stage, self.folder, self.records = workers, stage, folder, records
        self.keys, self.blobs = keys, blobs

    def writes(self, name: str) -> bool:
        return True

    def _tasks(self, parts: Sequence[tuple[str, int, int]]) -> list[_Task]:
        """The parts' blobs in runs of equal bytes, as few as :data:`TASK_BYTES` allows (a small
        part joins the next in one task, a large one is cut: the store loads fewer, larger shards
        at less cost). A part kept from an earlier build is read whole: one piece of its file's size."""
        units: list[tuple[str, int, int, Blobs | None, int]] = []  # (name, a, b, its blobs, bytes)
        for name, a, b in parts:
            noted = self.blobs.get(name)
            size = sum(length for _, length, _ in noted.at) if noted is not None else _size(self.stage / name)
            units.append((name, a, b, noted, size))
        total = sum(u[-1] for u in units)
        n = max(1, -(-total // TASK_BYTES))  # tasks (ceil), each of total / n bytes, about
        tasks: list[list[_Piece]] = []
        pieces: list[_Piece] = []
        done = 0

        def close() -> None:
            nonlocal pieces
            if pieces:
                tasks.append(pieces)
            pieces = []

        for name, a, b, noted, size in units:
            if noted is None:  # kept from an earlier build: read whole
                pieces.append(_Piece(name, a, b, None, ()))
                done += size
                if done * n >= total * (len(tasks) + 1):
                    close()
                continue
            run: list[tuple[int, int]] = []
            for offset, length, _ in noted.at:
                run.append((offset, length))
                done += length
                if done * n >= total * (len(tasks) + 1):
                    pieces.append(_Piece(name, a, b, noted.start, tuple(run)))
                    run = []
                    close()
            if run:
                pieces.append(_Piece(name, a, b, noted.start, tuple(run)))
        close()
        return [_Task(tuple(pieces), str(self.folder / f"shard-{k:05d}.nt")) for k, pieces in enumerate(tasks)]

    @contextmanager
    def start(self, parts: Sequence[tuple[str, int, int]], node: Callable[[Mention, Record], str | None],
              head_node: Callable[[Mention, Record], str | None], min_confidence: float) -> Iterator[Iterable]:
        """Fork the workers (they inherit ``node`` and all it knows) and hand on the shards as they are done."""
        global _JOB
        tasks = self._tasks(parts)
        if not tasks:
            yield iter(())
            return
        _JOB = (tasks, node, head_node, min_confidence, self)
        try:
            with mp.get_context("fork").Pool(min(self.workers, len(tasks)), initializer=_ignore_sigint) as pool:
                yield pool.imap_unordered(_write, range(len(tasks)))
        finally:
            _JOB = None

    def _docs(self, task: _Task) -> Iterator:
        from kg.build import _part, _part_docs
        from kg.extract import saved

        for piece in task.pieces:
            keys = self.keys.get(piece.name)
            records = _Refs(*keys) if keys is not None else _part(self.records, piece.a, piece.b)
            if piece.start is None:
                yield from _part_docs(self.stage, piece.name, records)
                continue
            with open(self.stage / piece.name, "rb") as f:
                for offset, length in piece.blobs:
                    f.seek(offset)
                    yield from saved.loads(f.read(length), records, piece.start)


def _write(k: int):
    """In a worker: the shard of task ``k``."""
    from kg.engines.shards import write_shard

    assert _JOB is not None
    tasks, node, head_node, least, shards = _JOB
    task = tasks[k]
    return write_shard(shards._docs(task), node, head_node, least, task.target)
