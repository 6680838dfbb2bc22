"""One record of one input file, as read: the unit every later stage works on.

A record keeps its verbatim text (so evidence can always be quoted from the
input) next to the fields a reader parsed out of it. Parsing never invents:
a field the source does not give is ``None`` or empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Record:
    """A paper as one source listed it.

    ``file`` is the input file's name without folders, ``index`` the record's
    1-based position among that file's records, ``lines`` its 1-based
    inclusive line span. ``text`` is the record's verbatim text. ``abstract``
    is the verbatim abstract (never the truncated preview); extractors clean
    it themselves (see :mod:`kg.records.clean`) but quote from this text.
    """

    file: str
    index: int
    lines: tuple[int, int]
    text: str
    format: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    """Author names in printed order, organisations included, separators dropped."""
    authors_not_shown: int | None = None
    """N from ", et al. (N additional authors not shown)"; None when complete."""
    abstract: str | None = None
    arxiv_id: str | None = None
    """arXiv identifier without version, e.g. "2402.16819"."""
    doi: str | None = None
    comments: str | None = None
    date: str | None = None
    """First-submission date as ISO "YYYY-MM-DD"."""
    categories: tuple[str, ...] = ()
    """arXiv categories as the source lists them ("cs.CL", "stat.ML"), primary first when known;
    empty when the source does not say (``kg build --category`` keeps such records only unfiltered)."""
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    """Reader-specific fields worth keeping (upvotes, author count, ...)."""

    @property
    def ref(self) -> str:
        """Where a person finds this record: ``file:line``."""
        return f"{self.file}:{self.lines[0]}"


@dataclass(frozen=True, slots=True)
class Problem:
    """A record (or line) that could not be read whole: reported, never fatal."""

    file: str
    line: int
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        what = "skipped" if self.skipped else "warning"
        return f"{self.file}:{self.line}: {what}: {self.message}"
