"""What an introduced thing makes, or is made with, is introduced with it.

"We propose a pipeline that can generate a multi-party dialogue corpus from meeting notes": the pipeline is
generic words, but the corpus it generates is the paper's; so is "the filtered sketch dataset" of "an automatic
pipeline to assemble a filtered sketch dataset". Only data and benchmarks are taken this way: what a method
"generates" otherwise ("generate code", "build agents") is its output, not a contribution.

The other way round, "a dataset annotated through a three-round review pipeline" and "we construct the
corpus using a two-pass deduplication and toxicity filtering pipeline" introduce the pipeline: a method
(a technique head, after "a"/"an") the introduced thing was made with.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from kg.extract.contributions.candidates import from_phrase
from kg.extract.contributions.chunker import object_phrases
from kg.extract.contributions.contribution import Contribution
from kg.extract.contributions.marked import shared_head
from kg.extract.contributions.shapes import distinctive
from kg.extract.lexicon import lexicon
from kg.extract.tokens import Token
from kg.keys import model_key

MAKER_BEFORE: Final = frozenset("to that which can will automatically".split())


def made_data(tokens: list[Token], start: int, model_keys: set[str]) -> list[Contribution]:
    """Data the introduced pipeline or method makes is introduced too: "we propose a pipeline that can
    generate a multi-party dialogue corpus", "an automatic pipeline to assemble a filtered sketch dataset"."""
    lex = lexicon()
    data_heads = lex.kinds.data
    for k in range(start + 1, min(start + 12, len(tokens) - 1)):
        if tokens[k].lower in lex.make_verbs and tokens[k - 1].lower in MAKER_BEFORE:
            found = [c for phrase, head in object_phrases(tokens, k + 1)[:4]
                     if phrase and (phrase[-1].lower in data_heads or head in data_heads)
                     for c in from_phrase(phrase, head, model_keys)]
            return [c for c in found if c.kind != "technique" and not _bare_data(c.name)]
        if tokens[k].trail.strip()[:1] in (".", ";"):
            break
    return []


def made_with(tokens: list[Token], start: int, model_keys: set[str]) -> list[Contribution]:
    """The method the data the authors introduce was made with: "X, a dataset annotated through a
    three-round review pipeline", "we construct X corpora using a two-pass ... pipeline". A model's
    means ("we build Kelp-9B by pre-training ... using a low-precision recipe") are only used."""
    lex = lexicon()
    participles, prepositions, bare = lex.made_with
    for k in range(start + 1, len(tokens) - 2):
        if tokens[k - 1].trail.strip()[:1] in (".", ";"):
            break
        opens = (tokens[k].lower in prepositions and tokens[k - 1].lower in participles) or tokens[k].lower in bare
        if not opens or tokens[k + 1].lower not in ("a", "an"):
            continue
        if not any(t.lower in lex.kinds.data for t in tokens[start:k]):
            return []  # "we build Kelp-9B by pre-training ... using a low-precision recipe": a model's means, used
        phrases = shared_head(tokens, object_phrases(tokens, k + 2)[:2])
        return [c for phrase, head in phrases if phrase and phrase[-1].lower in lex.kinds.technique
                for c in from_phrase(phrase, head, model_keys) if c.kind == "technique"]
    return []


def trained_on_data(tokens: list[Token], model_keys: set[str], authors_speak: bool) -> list[Contribution]:
    """Data a model is trained on, described with "a"/"an" or a count, no name and a word of making, is the
    paper's own: "we extend pretraining on a curated medical corpus", "X models are trained on 75K synthetic
    instruction data" (not "on a large web corpus": any corpus may be large). A named set ("on the KelpPile corpus")
    or one the sentence says is a part of another ("on a subset of ...") is used, not made. Only where the
    authors or a model of the record speak."""
    lex = lexicon()
    words, preps = lex.trained_on
    data_heads = lex.kinds.dataset
    made = lex.made_with[0] | SYNTHETIC  # "a curated medical corpus", "synthetic instruction data": made for it
    for k in range(1, len(tokens) - 3):
        if tokens[k].lower not in words or tokens[k].trail.strip():
            continue
        on = next((j for j in range(k + 1, min(k + 5, len(tokens) - 2)) if tokens[j].lower in preps), None)
        if on is None or any(t.trail.strip() or t.lower in lex.np_stop for t in tokens[k + 1:on]):
            continue  # "trained on", "we fine-tune Vireo-2 on": the data follows the preposition
        first = tokens[on + 1]
        if not (first.lower in ("a", "an") or (first.text[:1].isdigit() and first.text[-1:] in "KMBkmb")):
            continue
        if not authors_speak and not _model_before(tokens, on - 1, model_keys):
            return []
        for phrase, head in object_phrases(tokens, on + 1)[:1]:
            while len(phrase) > 2 and phrase[1].lower.endswith("ly") and phrase[0].lower in ("a", "an"):
                phrase = [phrase[0], *phrase[2:]]  # "a comprehensively curated medical corpus": no adverb in the name
            core = phrase[:next((i for i, t in enumerate(phrase) if t.lower == "of"), len(phrase))]  # "... of 40K pairs"
            if core and core[-1].lower in data_heads and core[-1].text.islower() \
                    and any(t.lower in made or t.lower in lex.new_words for t in core) \
                    and not any((distinctive(t.text) and not t.text[:1].isdigit()) or t.lower in lex.part_of_words
                                for t in phrase[1:]):
                return [replace(c, confidence=TRAINED_ON_CONFIDENCE) for c in from_phrase(phrase, head, model_keys)
                        if c.kind == "dataset"]
        return []
    return []


SYNTHETIC: Final = frozenset({"synthetic", "in-house"})
"""Words of data made for the paper, beside the participles of making ("curated", "collected")."""
TRAINED_ON_CONFIDENCE: Final = 0.7
"""A description of what the paper's model is trained on: its own data, less surely than one it presents."""


def _model_before(tokens: list[Token], k: int, model_keys: set[str]) -> bool:
    return any(model_key(t.text) in model_keys or (i + 1 < k and model_key(f"{t.text} {tokens[i + 1].text}") in model_keys)
               for i, t in enumerate(tokens[:k]))


def _bare_data(name: str) -> bool:
    """"a scheme that turns notes into question-answer data": data of some kind is what a method outputs; a
    corpus or dataset it builds ("a multi-party dialogue corpus") or a name ("KelpChat data") is a thing."""
    return name == name.lower() and name.split()[-1] == "data"
