"""The parts of the authors' own method are theirs: "Our method adopts X, employs a two-level
scaling scheme ..., and utilizes ..." introduces the schemes it describes.

Said with "we" ("we leverage X"), a use verb names what exists; said of "our method / approach /
pipeline", it names how the new thing is built. Only described parts count: lower-case words that end
on a method head, one instance ("a two-level scaling scheme") or one given an acronym here
("layerwise local feature distillation (LLFD)"). A named one ("Kelp transforms", "LoRA") or a bare
known one ("stochastic clipping", "careful instruction tuning") is still used, not made.
"""

from __future__ import annotations

import re
from typing import Final

from kg.extract.contributions.candidates import QUANTITY
from kg.extract.contributions.chunker import drop_gerund, object_phrases
from kg.extract.contributions.contribution import GENERIC_HEADS, MODEL_WORDS, Contribution, content_words, strip_phrase
from kg.extract.contributions.kinds import kind_of
from kg.extract.lexicon import lexicon
from kg.extract.tokens import Token
from kg.keys import model_key

OUR_OWN: Final = re.compile(r"^(?:[A-Z]\w+,\s*)?(?:our|the proposed|the) (?:\w+ )?(?:method|approach|framework|pipeline|"
                     r"recipe|technique|algorithm)s? (?!is\b|are\b|was\b|achieves?\b|outperforms?\b)",
                     re.IGNORECASE)
""""Our method adopts ...", "Next, our pipeline employs ...", "The method introduces ...": the authors' own method
as subject (in an abstract, "the method" is the paper's).
Not "our model uses multi-query attention (MQA)": a model is built from parts others made."""


def own_subject(text: str) -> bool:
    return OUR_OWN.match(text) is not None


def own_parts(tokens: list[Token], model_keys: set[str]) -> list[Contribution]:
    """Described parts the authors' method uses: each use verb's first object, if it is a lower-case
    description ending on a technique head ("employs a two-level scaling scheme")."""
    lex = lexicon()
    out: list[Contribution] = []
    for k, t in enumerate(tokens):
        if t.lower not in lex.use_verbs:
            continue
        for phrase, head in object_phrases(tokens, k + 1)[:1]:
            phrase = drop_gerund(phrase)
            words = [x for x in phrase if x.lower not in lex.lead_words]
            if len(words) < 2 or any(not x.text.islower() and not x.text[:1].islower() for x in words):
                continue  # "Kelp transforms", "LoRA": named, so existing
            if any(QUANTITY.fullmatch(x.text) for x in words) or words[0].lower in lex.count_words:
                continue  # "two key techniques": a count announces a list
            if phrase[0].lower not in ("a", "an") and head != "(acronym)":
                continue  # "utilizes stochastic clipping": a known technique, used as it is; "employs a
                # two-level scaling scheme" and "utilizes layerwise feature distillation (LFD)" are one made here
            last = words[-1].lower.split("-")[-1]
            if last in MODEL_WORDS or last not in lex.kinds.technique:
                continue
            name = strip_phrase(" ".join(x.text for x in words))
            if model_key(name) in model_keys or \
                    len([c for c in content_words(name) if c not in GENERIC_HEADS]) < 2:
                continue
            out.append(Contribution(name, kind_of(head if head != "(acronym)" else last, name), 0.6))
    return out
