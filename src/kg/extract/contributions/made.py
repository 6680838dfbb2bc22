"""What an introduced thing makes, or is made with, is introduced with it.

"We propose a pipeline that can automatically generate a multi-turn chat corpus": the pipeline is generic
words, but the corpus it generates is the paper's; so is "the curated image dataset" of "an automatic
pipeline to build a curated image dataset". Only data and benchmarks are taken this way: what a method
"generates" otherwise ("generate code", "build agents") is its output, not a contribution.

The other way round, "a large-scale dataset labeled through a multi-stage pipeline" and "we construct the
corpus using a cascaded deduplication and quality filtering pipeline" introduce the pipeline: a method
(a technique head, after "a"/"an") the introduced thing was made with.
"""

from __future__ import annotations

from kg.extract.contributions.candidates import from_phrase
from kg.extract.contributions.chunker import object_phrases
from kg.extract.contributions.contribution import Contribution
from kg.extract.contributions.marked import shared_head
from kg.extract.lexicon import lexicon
from kg.extract.tokens import Token

MAKER_BEFORE = frozenset("to that which can will automatically".split())


def made_data(tokens: list[Token], start: int, model_keys: set[str]) -> list[Contribution]:
    """Data the introduced pipeline or method makes is introduced too: "we propose a pipeline that can
    automatically generate a multi-turn chat corpus", "an automatic pipeline to build a curated image dataset"."""
    lex = lexicon()
    data_heads = lex.kinds.dataset | lex.kinds.benchmark
    for k in range(start + 1, min(start + 12, len(tokens) - 1)):
        if tokens[k].lower in lex.make_verbs and tokens[k - 1].lower in MAKER_BEFORE:
            found = [c for phrase, head in object_phrases(tokens, k + 1)[:4]
                     if phrase and (phrase[-1].lower in data_heads or head in data_heads)
                     for c in from_phrase(phrase, head, model_keys)]
            return [c for c in found if c.kind != "technique"]
        if tokens[k].trail.strip()[:1] in (".", ";"):
            break
    return []


def made_with(tokens: list[Token], start: int, model_keys: set[str]) -> list[Contribution]:
    """The method the data the authors introduce was made with: "X, a dataset labeled through a
    multi-stage labeling pipeline", "we construct X corpora using a cascaded ... pipeline". A model's
    means ("we create Kelp-9B by pre-training ... using an FP8 recipe") are only used."""
    lex = lexicon()
    participles, prepositions, bare = lex.made_with
    for k in range(start + 1, len(tokens) - 2):
        if tokens[k - 1].trail.strip()[:1] in (".", ";"):
            break
        opens = (tokens[k].lower in prepositions and tokens[k - 1].lower in participles) or tokens[k].lower in bare
        if not opens or tokens[k + 1].lower not in ("a", "an"):
            continue
        if not any(t.lower in lex.kinds.dataset | lex.kinds.benchmark for t in tokens[start:k]):
            return []  # "we create Kelp-9B by pre-training ... using an FP8 recipe": a model's means, used
        phrases = shared_head(tokens, object_phrases(tokens, k + 2)[:2])
        return [c for phrase, head in phrases if phrase and phrase[-1].lower in lex.kinds.technique
                for c in from_phrase(phrase, head, model_keys) if c.kind == "technique"]
    return []
