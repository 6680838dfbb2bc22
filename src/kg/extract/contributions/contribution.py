"""A contribution found in a sentence, and the word tests every rule shares.

``Contribution("Sparse Token Routing", "technique", 0.85)``: a name (or the
shortest noun phrase that names an unnamed one, "multi-party dialogue corpus"),
its kind, and how sure the rule that found it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from kg.extract.lexicon import lexicon


@dataclass(frozen=True)
class Contribution:
    name: str
    kind: str
    confidence: float
    alias: str | None = None


WORD_RUN: Final = re.compile(r"[\w][\w'-]*")
MATH_NAME: Final = re.compile(r"\$[^$\s]+\$")
"""Compiled once: the module-level re functions look a pattern up on every call."""


def content_words(phrase: str) -> list[str]:
    generic = lexicon().generic
    return [w for w in WORD_RUN.findall(phrase.lower()) if w not in generic and not w.isdigit()]


TWO_LETTERS: Final = re.compile(r"[A-Za-z]{2}")


def strip_phrase(phrase: str) -> str:
    phrase = phrase.strip(" \"'“”‘’,;:.")
    if MATH_NAME.fullmatch(phrase):
        phrase = phrase[1:-1]  # "we release $Kelp-Mix$": a name set in math mode
    words = phrase.split()
    lead, praise = lexicon().lead_words, lexicon().praise_words
    while len(words) > 1 and (words[0].lower().strip("\"'") in lead or words[0].rstrip(",") in praise):
        words = words[1:]
    return " ".join(words).replace('"', "").replace("“", "").replace("”", "").strip()


MODEL_WORDS: Final = frozenset("model models llm llms slm slms mllm mllms lm lms".split())
DETERMINERS: Final = frozenset("a an the our their its this these which that and or while where".split())
GENERIC_HEADS: Final = frozenset("recipe approach method framework pipeline strategy technique algorithm scheme "
                          "procedure process protocol methodology system design".split())


def names_only_models(name: str) -> bool:
    """"LLMs", "large language models", "the models": a plural or a class of models, never a contribution
    ("a recipe for widening LLMs named ..." names the recipe, not "LLMs")."""
    words = WORD_RUN.findall(name.lower())
    return bool(words) and all(w in MODEL_WORDS or w in CLASS_WORDS or w in lexicon().generic for w in words)


CLASS_WORDS: Final = frozenset("language large small foundation pretrained pre-trained open open-source base".split())


QUANTITY: Final = re.compile(r"\d[\d.,]*[KMBTkmbt]?\+?")
""""75K", "2.4", "1,000+": a count."""


BARE_DATA: Final = frozenset("data dataset datasets database databases benchmark benchmarks corpus corpora set sets".split())
GATHERED: Final = BARE_DATA | frozenset("suite suites collection collections".split())
"""Heads of gathered data: with a purpose after them they name it ("a benchmark suite for Kelp evaluation")."""
GATHERED_FOR: Final = GATHERED | frozenset("evaluation training test".split())
"""What may stand before such a head and still say nothing of what the data is ("an evaluation suite")."""


@lru_cache(maxsize=1)
def not_models_lower() -> frozenset[str]:
    from kg.extract.modelnames import not_models

    return not_models()
