"""Each N-Triples line once, without holding every line in memory: sorted runs on disk, merged.

A build writes a line again whenever two records state one fact (a paper listed in three files
says three times who wrote it), so its lines must be made distinct. A set of every line written
grows with the corpus (a few hundred bytes a line, tens of millions of lines at a million
records); here lines are gathered up to :data:`RUN_CHARS` characters, sorted and written to a
run file, and the runs are merged at the end (an external sort, as ``sort -u`` does it), so
memory holds one run whatever the corpus.

The lines are counted as they come out of the merge: all of them (the graph's triples, with
those that need no de-duplication added by the caller to :attr:`n`) and the facts among them
(lines whose predicate is one a fact states).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from pathlib import Path

RUN_CHARS = 48_000_000
"""Characters of lines held before they are sorted into a run file (about 100 MB of Python strings)."""
BLOCK = 2048
"""Lines per block handed on after the merge."""


class Distinct:
    """Lines added in any order come out once each, sorted, from :meth:`drain`."""

    def __init__(self, folder: Path, fact_predicates: Iterable[str] = ()) -> None:
        self.folder = folder
        self.fact_predicates = frozenset(f" {p} " for p in fact_predicates)
        self.buffer: list[str] = []
        self.chars = 0
        self.runs: list[Path] = []
        self.n = 0
        """Lines written in all: the distinct ones, once drained, and what callers add (evidence)."""
        self.facts = 0
        """Distinct lines whose predicate is one of ``fact_predicates``, once drained."""

    def __call__(self, lines: list[str]) -> str:
        """Take ``lines`` (each ending in a newline); nothing is handed on until :meth:`drain`."""
        self.buffer += lines
        self.chars += sum(map(len, lines))
        if self.chars >= RUN_CHARS:
            self._spill()
        return ""

    def stated(self, s: str, predicate: str, o: str) -> None:
        """A fact's triple: counted from its line in the merge."""

    def _spill(self) -> None:
        self.buffer.sort()
        path = self.folder / f"run-{len(self.runs):05d}.nt"
        with path.open("w", encoding="utf-8", newline="\n") as f:
            prev = None
            for line in self.buffer:
                if line != prev:
                    f.write(line)
                    prev = line
        self.runs.append(path)
        self.buffer = []
        self.chars = 0

    def drain(self) -> Iterator[str]:
        """The distinct lines in blocks, counting them; the run files are removed as they end."""
        self.buffer.sort()
        files = [p.open("r", encoding="utf-8", newline="\n") for p in self.runs]
        try:
            merged = heapq.merge(*files, self.buffer) if files else iter(self.buffer)
            prev = None
            block: list[str] = []
            facts = self.fact_predicates
            for line in merged:
                if line == prev:
                    continue
                prev = line
                block.append(line)
                if facts and _predicate(line) in facts:
                    self.facts += 1
                if len(block) >= BLOCK:
                    self.n += len(block)
                    yield "".join(block)
                    block = []
            self.n += len(block)
            if block:
                yield "".join(block)
        finally:
            for f in files:
                f.close()
            for p in self.runs:
                p.unlink(missing_ok=True)
            self.runs, self.buffer = [], []


def _predicate(line: str) -> str:
    """`` <predicate> `` of an N-Triples line whose subject is an IRI (every subject kg writes is)."""
    a = line.find("> <")
    b = line.find("> ", a + 3)
    return line[a + 1:b + 2]
