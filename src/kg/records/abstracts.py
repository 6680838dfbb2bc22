"""Records' abstracts in one file beside the record spool, read back one at a time when wanted.

Resolution keeps every record in memory in a slim form (kg.records.spool.slim) while it clusters
papers and resolves people; the abstract was most of such a record (about 1 KB of a synthetic
record's 1.4). A build writes each abstract here as the record is read, and the slim record holds
none: what clustering needs of it (its blocking keys, the shingles of the few pairs compared, the
fullest abstract of a paper, a guessed title) and the paper's ``dcterms:abstract`` line are read
back from the file, by the record's (file, index), at an offset and length kept in flat arrays
(twelve bytes a record).
"""

from __future__ import annotations

import os
from array import array
from pathlib import Path

from kg.records.record import Record

NONE = -1
"""The offset of a record without an abstract here."""


class Abstracts:
    """Abstracts kept in the file at ``path`` (created empty; the caller removes it, with the
    spool's scratch folder), found by a record's (file, index)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)  # (unbuffered: forked workers
        self._size = 0  # inherit it with nothing pending)
        self.offset: dict[str, array] = {}
        """File -> the byte offset of each record's abstract, by index (:data:`NONE`: none)."""
        self.length: dict[str, array] = {}
        """File -> the byte length of each record's abstract, by index."""

    def add(self, record: Record) -> bool:
        """Keep ``record``'s abstract, if it has one (True then)."""
        text = record.abstract
        if not text:
            return False
        data = text.encode("utf-8", "surrogatepass")
        offsets = self.offset.get(record.file)
        if offsets is None:
            offsets = self.offset[record.file] = array("q")
            self.length[record.file] = array("i")
        lengths = self.length[record.file]
        i = record.index
        if i >= len(offsets):
            offsets.extend([NONE] * (i + 1 - len(offsets)))
            lengths.extend([0] * (i + 1 - len(lengths)))
        os.pwrite(self._fd, data, self._size)
        offsets[i], lengths[i] = self._size, len(data)
        self._size += len(data)
        return True

    def __call__(self, record: Record) -> str | None:
        """``record``'s abstract: its own, else the one kept here (None: it has none)."""
        if record.abstract is not None:
            return record.abstract
        offsets = self.offset.get(record.file)
        i = record.index
        if offsets is None or not 0 <= i < len(offsets) or offsets[i] == NONE:
            return None
        return os.pread(self._fd, self.length[record.file][i], offsets[i]).decode("utf-8", "surrogatepass")

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
