"""A coined name introduced with no head is a method where the abstract uses it as a means.

"This paper introduces LongKelp that, for the first time, extends the context window of pre-trained LLMs"
names no kind: a name introduced so is as often a model as a method (kg.extract.contributions.candidates
leaves it alone). "Models extended via LongKelp retain the original architecture" uses it as a means,
as one uses a method: then the introducing sentence introduces a technique.
"""

from __future__ import annotations

import re
from typing import Final

from kg.extract.contributions.contribution import Contribution
from kg.extract.contributions.sentence import predicate_of_authors
from kg.extract.contributions.shapes import distinctive
from kg.extract.lexicon import lexicon
from kg.extract.tokens import Token
from kg.keys import model_key

MEANS_BEFORE: Final = ("via", "using", "through", "with", "by", "applying", "apply", "applies")
"""Words before a method used as a means: "extended via X", "by applying X"."""
CLAUSE_AFTER: Final = frozenset({"that", "which", "to"})
BARE_CONFIDENCE: Final = 0.6


def introduced_bare(text: str, tokens: list[Token], model_keys: set[str]) -> str | None:
    """The coined name the authors introduce with no kind noun ("we introduce LongKelp that ...",
    "This paper presents LongKelp, which ..."), or None."""
    intro = lexicon().intro.for_contributions
    for k, t in enumerate(tokens[:-1]):
        if t.lower not in intro or not predicate_of_authors(text, tokens, k):
            continue
        name = tokens[k + 1]
        if not distinctive(name.text) or model_key(name.text) in model_keys or name.lead:
            return None
        trail = name.trail.strip()
        follows = tokens[k + 2].lower if k + 2 < len(tokens) else ""
        if trail in (",", ".") or (not trail and follows in CLAUSE_AFTER):
            return name.text
        return None
    return None


def used_as_means(name: str, sentences: list[str]) -> bool:
    """Does some sentence use ``name`` as a means ("extended via X", "by applying X")?"""
    means = re.compile(rf"\b(?:{'|'.join(MEANS_BEFORE)}) {re.escape(name)}\b")
    return any(means.search(s) for s in sentences)


def bare_method(text: str, tokens: list[Token], model_keys: set[str], others: list[str]) -> Contribution | None:
    """The technique a sentence introduces by a bare coined name that ``others`` (the record's other
    sentences) use as a means."""
    name = introduced_bare(text, tokens, model_keys)
    if name is None or not used_as_means(name, others):
        return None
    return Contribution(name, "technique", BARE_CONFIDENCE)
