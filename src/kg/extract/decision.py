"""Why an edge is, or is not, in the graph: every lineage candidate an extractor weighed.

A derivation extractor records one :class:`Decision` per candidate pair it
considered, kept or not, with the rule that proposed it and the sentence it
read. ``kg explain NAME`` prints them. Decisions are annotations for people:
the graph is built from facts only, and saved docs leave decisions out.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Decision:
    child: str
    parent: str
    kind: str
    """A derivation kind ("finetuned", ...) or "" when the candidate fell before a kind was read."""
    rule: str
    """The rule that proposed the pair ("role: parent after 'from'", "pattern: X <verb>ed from Y", ...)."""
    sentence: int
    """Index of the sentence in the doc (``doc.sentences``)."""
    accepted: bool
    why: str = ""
    """For a rejected candidate, the reason ("comparison", "same model", "no quote", ...)."""
    confidence: float = 0.0
