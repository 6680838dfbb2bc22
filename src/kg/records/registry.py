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

from kg.records.limits import SNIFF_CHARS, SNIFF_SURE, SNIFF_WIDE_CHARS
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
    """The reader most sure of ``text``, or None when none claims it.

    The sniffers see the file's first SNIFF_CHARS; when none is sure there and the file goes on,
    they look again at up to a whole record's worth (a listing whose first record prints
    10,000 author lines before its "Abstract:" is only recognisable past them)."""
    _load_builtin_readers()
    best, score = _best(text[:SNIFF_CHARS])
    if score < SNIFF_SURE and len(text) > SNIFF_CHARS:
        wide, wide_score = _best(text[:SNIFF_WIDE_CHARS])
        if wide_score > score:
            best, score = wide, wide_score
    return best if score > 0 else None


def _best(head: str) -> tuple[Reader | None, float]:
    """The reader most sure of ``head`` (the first on ties) and its score."""
    scored = [(_score(r, head), r) for r in READERS.values()]
    if not scored:
        return None, 0.0
    score, best = max(scored, key=lambda sr: sr[0])
    return best, score


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
