"""Records on disk, in chunks, read back a chunk at a time: a build's records are not all held.

A record keeps its verbatim text (a few KB); a million of them do not fit a build's memory next to
everything else. A build writes each source's records here as it reads them, in chunks of at most
:data:`CHUNK` records (a chunk never spans two sources, so a source of a million records is many
chunks), and reads a chunk back whenever it needs whole records: worker processes to extract them,
the build to write their lines and to put each extracted doc next to its record. What resolution
needs of a record is kept in memory in a slimmer form (:func:`slim`).

:class:`Records` is the spool seen as a sequence: ``records[i]`` loads the chunk holding record
``i`` (the last few chunks stay loaded), so code written for a list of records walks the spool
in order at the cost of one load per chunk.
"""

from __future__ import annotations

import bisect
import itertools
import pickle
import sys
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from kg.records.abstracts import Abstracts
from kg.records.io import ReadResult, Source
from kg.records.record import Problem, Record

CHUNK = 2000
"""Records per chunk file (about 4 MB of pickled records, 8 MB in memory)."""
KEPT = 3
"""Chunks held loaded at once by a :class:`Records` view."""


class Spool:
    """Records kept on disk in ``folder`` (a scratch folder the caller removes), a chunk a file."""

    def __init__(self, folder: Path, chunk: int | None = None) -> None:
        self.folder = folder
        self.chunk = chunk or CHUNK
        self.sizes: list[int] = []
        """Records in each chunk, by chunk number."""
        self.abstracts: Abstracts | None = None
        """The abstracts of the records made slim by :meth:`slim` (made then, in :attr:`folder`)."""

    def add(self, records: Sequence[Record]) -> list[int]:
        """Keep ``records`` (one source's, or part of one) in chunks of at most :attr:`chunk`; the
        chunks' numbers, in order."""
        made = []
        for a in range(0, len(records), self.chunk):
            block = list(records[a:a + self.chunk])
            k = len(self.sizes)
            (self.folder / f"records-{k:06d}.pickle").write_bytes(pickle.dumps(block, protocol=pickle.HIGHEST_PROTOCOL))
            self.sizes.append(len(block))
            made.append(k)
        return made

    def load(self, k: int) -> list[Record]:
        """The records of chunk ``k``."""
        return pickle.loads((self.folder / f"records-{k:06d}.pickle").read_bytes())

    def slim(self, records: Sequence[Record]) -> list[Record]:
        """:func:`slim` copies of ``records``, their abstracts kept on disk in :attr:`abstracts`
        (read back with it), not in the copies."""
        if self.abstracts is None:
            self.abstracts = Abstracts(self.folder / "abstracts.bin")
        return [slim(r, self.abstracts) for r in records]

    def close(self) -> None:
        """Let go of the abstracts' file (the caller removes the folder)."""
        if self.abstracts is not None:
            self.abstracts.close()


class Records(Sequence[Record]):
    """The records of the ``chunks`` of a spool, in that order, as a read-only sequence; the chunks
    last used stay loaded (see :data:`KEPT`)."""

    def __init__(self, spool: Spool, chunks: Sequence[int]) -> None:
        self.spool = spool
        self.chunks = list(chunks)
        self.starts = list(itertools.accumulate([spool.sizes[k] for k in self.chunks], initial=0))
        self.n = self.starts.pop()
        self.loaded: OrderedDict[int, list[Record]] = OrderedDict()

    def __len__(self) -> int:
        return self.n

    def _chunk(self, c: int) -> list[Record]:
        got = self.loaded.get(c)
        if got is None:
            got = self.loaded[c] = self.spool.load(self.chunks[c])
            while len(self.loaded) > KEPT:
                self.loaded.popitem(last=False)
        else:
            self.loaded.move_to_end(c)
        return got

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            a, b, step = i.indices(self.n)
            return list(itertools.islice(self.range(a, b), 0, None, step)) if b > a else []
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError(i)
        c = bisect.bisect_right(self.starts, i) - 1
        return self._chunk(c)[i - self.starts[c]]

    def range(self, a: int, b: int) -> Iterator[Record]:
        """Records [a, b), a chunk loaded at a time."""
        while a < b:
            c = bisect.bisect_right(self.starts, a) - 1
            start = self.starts[c]
            chunk = self._chunk(c)
            end = start + len(chunk)
            yield from chunk[a - start:min(b, end) - start]
            a = min(b, end)

    def __iter__(self) -> Iterator[Record]:
        return self.range(0, self.n)

    def sub(self, a: int, b: int) -> Records:
        """Records [a, b) as a view of their own; ``a`` and ``b`` fall on chunk boundaries (a
        source's records begin and end chunks)."""
        if a == b:
            return Records(self.spool, [])
        ca, cb = bisect.bisect_left(self.starts, a), bisect.bisect_left(self.starts, b)
        if self.starts[ca:ca + 1] != [a] or (b < self.n and self.starts[cb:cb + 1] != [b]):
            raise ValueError(f"records [{a}, {b}) do not fall on chunk boundaries")
        return Records(self.spool, self.chunks[ca:cb] if b < self.n else self.chunks[ca:])

    def forget(self) -> None:
        """Let the loaded chunks go."""
        self.loaded.clear()


def slim(record: Record, abstracts: Abstracts | None = None) -> Record:
    """What resolution needs of ``record``: its fields, without the verbatim text when the record
    has an abstract (papers are keyed and labelled from the abstract then; the text is written
    from the spool), its line span and categories, author names shared between records (a name is
    printed again and again). ``abstracts``: the abstract is kept there, not in the copy (read back
    with ``abstracts(copy)``)."""
    intern = sys.intern
    abstract = None if abstracts is not None and abstracts.add(record) else record.abstract
    return replace(record, text="" if record.abstract else record.text, lines=_NO_LINES, categories=(),
                   authors=tuple([intern(a) for a in record.authors]), extra=record.extra or _NO_EXTRA,
                   abstract=abstract)


_NO_LINES = (0, 0)
_NO_EXTRA: dict[str, str] = {}
"""(Shared by every slim record: nothing changes a record's fields once it is read.)"""


class SpooledRead(ReadResult):
    """A :class:`~kg.records.io.ReadResult` (``read_paths(into=...)``) that keeps each file's records
    in ``spool`` as the file is read, not in :attr:`records`: :attr:`chunks` names them by source,
    :attr:`slim` holds what resolution needs of them (:func:`slim`). ``keep_text`` is handed each
    source as it is read, to put its text somewhere (a store's scratch folder); the source is then
    kept without its text."""

    def __init__(self, spool: Spool, keep_text: Callable[[Source], None]) -> None:
        super().__init__()
        self.spool = spool
        self.keep_text = keep_text
        self.chunks: dict[str, list[int]] = {}
        """Source name -> the spool's chunks holding its records, in order."""
        self.slim: dict[str, list[Record]] = {}
        """Source name -> its records as :func:`slim` keeps them."""

    def add(self, records: list[Record], problems: list[Problem], source: Source) -> None:
        self.chunks[source.name] = self.spool.add(records)
        self.slim[source.name] = self.spool.slim(records)
        self.problems.extend(problems)
        self.keep_text(source)
        self.sources.append(replace(source, text=""))
