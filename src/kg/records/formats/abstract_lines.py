"""One abstract per line, each line starting "Abstract:"; no titles, no authors."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.records.formats._common import split_lines, too_long
from kg.records.record import Problem, Record
from kg.records.registry import reader

PREFIX = re.compile(r"^\s*abstract\s*:\s?", re.I)
SENTENCE_END = ('.', '!', '?', ')', '"', "'", '”', '’', ']')


def sniff(head: str) -> float:
    """Sure when most non-empty lines start with "Abstract:"."""
    lines = [line for line in split_lines(head) if line.strip()]
    if not lines:
        return 0.0
    hits = sum(1 for line in lines if PREFIX.match(line))
    if hits and hits / len(lines) >= 0.5:
        return 0.9
    return 0.0


def parse(text: str, file: str) -> Iterator[Record | Problem]:
    """Each "Abstract:" line is a record; a line that continues an abstract cut
    mid-sentence is joined to it, any other stray line is reported."""
    index = 0
    current: list[tuple[int, str]] = []

    def flush() -> Iterator[Record | Problem]:
        nonlocal index
        if not current:
            return
        first, last = current[0][0], current[-1][0]
        body = "\n".join([PREFIX.sub("", current[0][1], count=1)] + [line for _, line in current[1:]])
        verbatim = "\n".join(line for _, line in current)
        problem = too_long(file, first, len(verbatim))
        if problem:
            yield problem
            return
        if not body.strip():
            yield Problem(file, first, "empty abstract")
            return
        index += 1
        yield Record(file=file, index=index, lines=(first, last), text=verbatim,
                     format="abstract-lines", abstract=body.strip())

    for no, line in enumerate(split_lines(text), start=1):
        if PREFIX.match(line):
            yield from flush()
            current = [(no, line)]
        elif not line.strip():
            yield from flush()
            current = []
        elif current and not current[-1][1].rstrip().endswith(SENTENCE_END) and len(line) <= 1_000_000:
            current.append((no, line))
        else:
            yield Problem(file, no, "stray line outside any 'Abstract:' record")
    yield from flush()


parse = reader("abstract-lines", sniff=sniff)(parse)
