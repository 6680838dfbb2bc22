"""A stage of the authors' method named in apposition: "The first stage, Reasoning Injection, focuses on ...".

An ordinal stage, step or phase opening the sentence, then a name in capitals between commas: the name is
the paper's own technique, as a stage the paper orders is. Not a lower-case step ("The first stage,
pretraining, ...": one everyone takes) and not a stage of another work ("The first stage of Kelp, ...").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from kg.extract.contributions.contribution import Contribution
from kg.extract.lexicon import lexicon
from kg.keys import model_key

NAME: Final = r"(?P<name>[A-Z][\w-]*(?: (?:of|and|for|to) )?(?: ?[A-Z][\w-]*)+|[A-Z][a-z]+[A-Z][\w-]*)"
""""Reasoning Injection", "Curriculum of Hard Negatives", "KelpWarmup": capitalised words, or one coined word."""


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    ordinals, nouns = lexicon().stage_names
    alts = lambda words: "|".join(sorted(map(re.escape, words)))  # noqa: E731
    return re.compile(rf"^(?:(?:In|During) )?[Tt]he (?:{alts(ordinals)}) (?:{alts(nouns)}), {NAME},")


def stage_names(text: str, model_keys: set[str]) -> list[Contribution]:
    """The name a sentence gives to an ordinal stage of the method ("The second stage, Deliberation
    Enhancement, refines ..."), unless it is a model's."""
    if (m := _pattern().match(text)) is None or model_key(m.group("name")) in model_keys:
        return []
    return [Contribution(m.group("name"), "technique", 0.65)]
