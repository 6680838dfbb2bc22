"""Many records -> one Paper per real paper (same arXiv id, title or abstract)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.records.record import Record


@dataclass
class Paper:
    """One real paper and every record that lists it."""

    key: str
    """Stable key: "arxiv:2402.16819", else "title:<name key>", else "abstract:<hash>"."""
    records: list[Record] = field(default_factory=list)
    title: str | None = None
    title_guessed: bool = False
    """True when no record gave a title and the label is the first sentence."""
    arxiv_id: str | None = None
    doi: str | None = None
    date: str | None = None
    abstract: str | None = None
    """The fullest abstract among the records (verbatim)."""
    authors: list[str] = field(default_factory=list)
    """People and organisations in printed order, from the fullest author list."""
    authors_not_shown: int | None = None


def cluster_papers(records: list[Record]) -> list[Paper]:
    raise NotImplementedError
