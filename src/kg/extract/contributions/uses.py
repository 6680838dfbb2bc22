"""What the authors say they use: "we leverage X", "we build on X", "X-based" (``mlkg:uses``, not contributions)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from kg.extract.contributions.chunker import object_phrases
from kg.extract.contributions.contribution import (
    MODEL_WORDS, Contribution, content_words, strip_phrase,
)
from kg.extract.contributions.kinds import kind_of
from kg.extract.contributions.shapes import distinctive
from kg.extract.lexicon import lexicon
from kg.extract.modelnames import family_stem
from kg.extract.tokens import Token, tokenize
from kg.keys import model_key

FIELDS: Final = ("natural language", "computer vision", "question answering", "speech recognition", "machine translation",
          "information retrieval", "programming language", "artificial intelligence")
"""Fields and tasks an acronym is often defined for: not techniques a paper uses."""
THINGS: Final = frozenset("memory memories hardware unit units device devices task tasks".split())


def uses_in(text: str, model_keys: set[str], tokens: list[Token] | None = None) -> list[Contribution]:
    """Existing techniques a sentence says the authors build on ("we leverage X", "utilizing X")."""
    w = lexicon()
    tokens = tokenize(text) if tokens is None else tokens
    out: list[Contribution] = []
    build_verbs, build_preps = w.build_on
    for k, t in enumerate(tokens):
        if t.lower in w.use_verbs:
            start = k + 1
        elif t.lower in build_verbs and k + 1 < len(tokens) and tokens[k + 1].lower in build_preps:
            start = k + 2  # "we build on X", "based upon X"
        else:
            continue
        for phrase, head in object_phrases(tokens, start)[:3]:
            name = strip_phrase(" ".join(x.text for x in phrase))
            last = phrase[-1].lower.split("-")[-1] if phrase else ""
            if phrase and phrase[-1].lower.endswith("ed"):
                continue  # "using pretrained ...", "an instruction-tuned": a participle, not a method
            if name and content_words(name) and model_key(name) not in model_keys and \
                    (last in w.kinds.technique or head or phrase[-1].lower.endswith("ing")):
                out.append(Contribution(name, kind_of(head or last, name), 0.55))
        break
    return out


BASED_SUFFIXES: Final = ("-based", "-style", "-guided", "-powered")
BASED: Final = re.compile(rf"^(?P<stem>[A-Za-z][\w.+]*?)(?:{'|'.join(BASED_SUFFIXES)})$")


def based_on(tokens: list[Token], model_keys: set[str]) -> list[Contribution]:
    """"our PQRO-based reinforcement learning", "a Kelp4-based pretraining technique": the coined
    method or format a description is based on is used. Models ("a Llama-based model") and generic
    acronyms ("LLM-based") are not techniques."""
    out = []
    for t in tokens:
        if not t.text.endswith(BASED_SUFFIXES):
            continue  # most words (BASED ends on one of these)
        stem = _based_stem(t.text)
        if stem is not None and model_key(stem) not in model_keys:
            out.append(Contribution(stem, "technique", 0.5))
    return out


@lru_cache(maxsize=65536)
def _based_stem(word: str) -> str | None:
    """The stem of "PQRO-based" when it may name a technique: coined, no model word, no family. The word's
    own part of based_on's test, cached (every token of every sentence is asked)."""
    m = BASED.match(word)
    if m and distinctive(m.group("stem")) and m.group("stem").lower() not in MODEL_WORDS \
            and not family_stem(m.group("stem")):
        return m.group("stem")
    return None


def technique_like(long: str) -> bool:
    """A long form that names a method ("supervised fine-tuning"), not a thing ("large language models")."""
    words = long.lower().split()
    if not words or words[-1] in MODEL_WORDS or words[-1].endswith("models") or len(words) > 6:
        return False
    if words[-1].endswith("ed"):
        return False  # "pretrained (PT)", "instruction-tuned (IT)": a state, not a method
    w = lexicon()
    last = words[-1].split("-")[-1]
    if long.lower().startswith(FIELDS) or last in THINGS:
        return False  # "natural language processing (NLP) tasks", "high bandwidth memory (HBM)"
    return last in w.kinds.technique or last.endswith(("ing", "tion", "ment", "sis")) or long[:1].islower()
