"""Readers registered by name, chosen by sniffing content (never the file name).

A reader is a pure function ``parse(text, file) -> Iterator[Record | Problem]``
plus a ``sniff(head) -> float`` that says how sure it is (0 to 1) that the
text is its format. Registering looks like::

    @reader("arxiv-listing", sniff=looks_like_listing)
    def parse(text: str, file: str) -> Iterator[Record | Problem]: ...

A reader's records describe papers unless it says ``describes="model"`` (a model
card, a Hub listing): those records are about a model, never clustered into papers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from kg.records.record import Problem, Record

Parse = Callable[[str, str], Iterator["Record | Problem"]]
Sniff = Callable[[str], float]


@dataclass(frozen=True)
class Reader:
    name: str
    parse: Parse
    sniff: Sniff
    description: str
    describes: str = "paper"
    """What each of its records is about: "paper" or "model"."""


READERS: dict[str, Reader] = {}


def reader(name: str, *, sniff: Sniff, description: str = "", describes: str = "paper") -> Callable[[Parse], Parse]:
    """Register ``parse`` as the reader called ``name``."""

    def register(parse: Parse) -> Parse:
        doc = description or (parse.__doc__ or "").strip().splitlines()[0]
        READERS[name] = Reader(name, parse, sniff, doc, describes)
        return parse

    return register


def choose(text: str) -> Reader | None:
    """The reader most sure of ``text``, or None when none claims it."""
    _load_builtin_readers()
    head = text[:20_000]
    scores = {r.name: _score(r, head) for r in READERS.values()}
    best = max(READERS.values(), key=lambda r: scores[r.name], default=None)
    if best is None or scores[best.name] <= 0:
        return None
    return best


def describes(record: Record) -> str:
    """What ``record`` is about ("paper" or "model"), as its reader says."""
    _load_builtin_readers()
    found = READERS.get(record.format)
    return found.describes if found is not None else "paper"


def _score(r: Reader, head: str) -> float:
    """How sure ``r`` is of ``head``; a sniffer that fails (hostile text it did not foresee, such
    as JSON nested past Python's recursion limit) claims nothing instead of sinking the build."""
    try:
        return r.sniff(head)
    except (RecursionError, ValueError, TypeError, IndexError, KeyError):
        return 0.0


def get(name: str) -> Reader:
    _load_builtin_readers()
    try:
        return READERS[name]
    except KeyError:
        known = ", ".join(sorted(READERS))
        raise KeyError(f"unknown format {name!r} (known: {known})") from None


def _load_builtin_readers() -> None:
    """Import the modules whose decorators fill READERS (once, lazily)."""
    from kg.records import formats  # noqa: F401
