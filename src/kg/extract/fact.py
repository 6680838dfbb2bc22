"""What extractors emit: mentions of entities and facts about them, each quoted.

A fact is not yet about graph nodes: it names its ends by *mentions* (a kind
and a surface form as printed). Resolution (kg.resolve) later decides which
mentions are one entity. Every fact carries the sentence that states it; a
fact whose quote is not in its record's text is refused at construction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from kg.records.record import Record
from kg.vocab import DERIVATIONS

Kind = Literal["paper", "agent", "model", "repo", "technique", "dataset", "benchmark"]
"""A "repo" is a model named by its Hub id ("org/name"): resolved by that id, linked to text names in kg.resolve."""

DERIVATION_KINDS = tuple(d.kind for d in DERIVATIONS)
""""finetuned", "pruned", ...: the ontology's sub-properties of mlkg:derivedFrom, as facts name them."""
DECLARED = ("describedIn", "trainedOn")
"""Facts only model cards state: a model's paper (an arxiv: tag) and its training data."""
PREDICATES = ("wrote", "introduces", "uses", *DERIVATION_KINDS, *DECLARED)


def collapse_ws(text: str) -> str:
    return " ".join(text.split())  # white space as str.isspace() and the re module's \s see it


@lru_cache(maxsize=512)
def collapsed_record_text(text: str) -> str:
    """A record's text as quotes are looked up in it: collapsed once, for the many facts it states."""
    return collapse_ws(text)


@lru_cache(maxsize=1024)
def _collapsed_quote(quote: str) -> str:
    """A fact's quote collapsed as the record's text is: cached, since a record quotes one line or
    sentence for many facts (its authors line for every author)."""
    return collapse_ws(quote)


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity as one record names it. A paper mention names its record's paper, or, with a
    name, the paper of that arXiv id (a model card's citation)."""

    kind: Kind
    name: str

    @staticmethod
    def paper() -> Mention:
        return Mention("paper", "")


@dataclass(frozen=True, slots=True)
class Fact:
    subject: Mention
    predicate: str
    """"wrote", "introduces", "uses", a derivation kind (DERIVATION_KINDS) or a DECLARED one."""
    object: Mention
    quote: str
    confidence: float
    extractor: str
    """"name@version" of the extractor that produced it."""
    record: Record
    position: int | None = None
    """For "wrote": the author's 1-based position in the record's list."""
    at: int | None = field(default=None, compare=False, repr=False)
    """Where the quote starts in the record's collapsed text, when the extractor knows it: the
    check is then one comparison there instead of a search (one record's 10,000 authors made
    10,000 searches of its whole text)."""

    def __post_init__(self) -> None:
        if self.predicate not in PREDICATES:
            raise ValueError(f"unknown predicate {self.predicate!r}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} outside [0, 1]")
        quote = _collapsed_quote(self.quote)
        text = collapsed_record_text(self.record.text)
        if not quote or not (0 <= self.at and text.startswith(quote, self.at) if self.at is not None else quote in text):
            raise ValueError(f"quote is not in {self.record.ref}: {self.quote[:80]!r}")


@dataclass(frozen=True, slots=True)
class Alias:
    """The text declares ``alias`` another name of ``name`` ("X (Y for brevity)")."""

    kind: Kind
    name: str
    alias: str


@dataclass(frozen=True, slots=True)
class Attribute:
    """A value stated for an entity, e.g. a model's parameter count."""

    kind: Kind
    name: str
    key: str
    value: str | float
