"""Helpers shared by the readers: line splitting, record spans, author lists."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from kg.records.limits import MAX_AUTHORS, MAX_RECORD_CHARS
from kg.records.record import Problem, Record

NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v", "phd", "ph.d."})
NOT_SHOWN = re.compile(r"et\s+al\.?\s*\(\s*(\d{1,7})\s+additional\s+authors?\s+not\s+shown\s*\)", re.I)
ET_AL = re.compile(r"^\s*(?:and\s+)?(?:et\s+al\.?|others)\s*$", re.I)
ALNUM = re.compile(r"[^\W_]")
"""A letter or digit: what str.isalnum() accepts (the re module's \\w is that and "_"), found in C."""


def split_lines(text: str) -> list[str]:
    """Lines of ``text`` with CRLF/CR folded to LF (only those: a form feed or
    U+2028 inside a line does not start a new line, so line numbers match
    what an editor shows)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def too_long(file: str, line: int, size: int) -> Problem | None:
    """A Problem when a record exceeds :data:`MAX_RECORD_CHARS`, else None."""
    if size > MAX_RECORD_CHARS:
        return Problem(file, line, f"record of {size} characters exceeds the limit of {MAX_RECORD_CHARS}")
    return None


def numbered_records(blocks: Iterable[list[tuple[int, str]]], file: str,
                     parse_block: Callable[[list[tuple[int, str]], str, int], tuple[Record | None, list[Problem]]],
                     ) -> Iterator[Record | Problem]:
    """Each block of (line number, line) read by ``parse_block`` into a record numbered from 1 and
    its problems; a block too long to be a record is reported and skipped (it takes no number)."""
    index = 0
    for block in blocks:
        problem = too_long(file, block[0][0], sum(len(line) + 1 for _, line in block))
        if problem:
            yield problem
            continue
        record, problems = parse_block(block, file, index + 1)
        yield from problems
        if record is not None:
            index += 1
            yield record


def record_lines(text: str, file: str) -> Iterator[tuple[int, str] | Problem]:
    """(line number, line) for each non-blank line of a one-record-per-line format, or the Problem
    of a line too long to be a record (it is skipped)."""
    for no, line in enumerate(split_lines(text), start=1):
        if not line.strip():
            continue
        problem = too_long(file, no, len(line))
        if problem:
            yield problem
            continue
        yield no, line


def split_author_pieces(pieces: list[str]) -> tuple[list[str], int | None]:
    """Comma-separated author text -> names in order and the "not shown" count.

    Drops the lone ":" separator listings print after an organisation, keeps
    organisations, re-attaches "Jr."-style suffixes split off by a comma, and
    reads ", et al. (N additional authors not shown)".
    """
    names: list[str] = []
    not_shown: int | None = None
    for raw in pieces:
        m = NOT_SHOWN.search(raw)
        if m:
            not_shown = int(m.group(1))
            raw = raw[: m.start()]
        for part in raw.split(","):
            name = " ".join(part.split())
            name = name.strip(" ;")
            if not name or ALNUM.search(name) is None:
                continue  # ":" separator, stray punctuation
            if ET_AL.match(name):
                continue
            if name.lower() in NAME_SUFFIXES and names:
                names[-1] = f"{names[-1]}, {name}"
                continue
            if name.lower().startswith("and "):
                name = name[4:].strip()
            names.append(name)
    return names, not_shown


def cap_authors(names: list[str], not_shown: int | None, file: str, line: int) -> tuple[list[str], int | None, Problem | None]:
    """At most :data:`MAX_AUTHORS` names (every reader cuts at the same place): the rest are
    counted as not shown, and a warning says so."""
    if len(names) <= MAX_AUTHORS:
        return names, not_shown, None
    cut = len(names) - MAX_AUTHORS
    warning = Problem(file, line, f"{len(names)} authors: the first {MAX_AUTHORS} are kept, "
                      f"{cut} counted as not shown", skipped=False)
    return names[:MAX_AUTHORS], (not_shown or 0) + cut, warning


def split_and_list(s: str) -> list[str]:
    """ "A, B and C" / "A and B" / "A; B" -> names (no "Last, First" handling)."""
    s = " ".join(s.split())
    if ";" in s:
        parts = s.split(";")
    else:
        parts = [p for chunk in re.split(r"\s+and\s+|\s*&\s*", s) for p in chunk.split(",")]
    names, _ = split_author_pieces(parts)
    return names
