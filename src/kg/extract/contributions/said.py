"""What one sentence says its names are, read once: the models and the techniques components both ask.

``said(text)`` gives the (name, kind head) pairs the sentence calls techniques, datasets or benchmarks
(kg.extract.contributions.kinds.stated_kinds) and the names it calls models (called_models). Both read
the sentence's tokens alone, so a sentence met again (by the other component, or in a paper listed in
several files) is looked up, not read again.
"""

from __future__ import annotations

from typing import Final

from kg.extract.contributions.called_models import called_models
from kg.extract.contributions.kinds import stated_kinds
from kg.extract.tokens import Token, tokenize

SAID_MAX: Final = 32_768
"""Sentences whose stated kinds and called models are kept."""
_SAID: Final[dict[str, tuple[tuple[tuple[str, str], ...], tuple[str, ...]]]] = {}


def said(text: str, tokens: list[Token] | None = None) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """((name, kind head), ...) the sentence states, and the names it calls models."""
    got = _SAID.get(text)
    if got is None:
        if len(_SAID) >= SAID_MAX:
            _SAID.clear()
        tokens = tokens or tokenize(text)
        got = _SAID[text] = (tuple(stated_kinds(tokens).items()), tuple(called_models(tokens)))
    return got
