"""Names the text itself calls models, so that they are not also taken for techniques.

The models component decides what a paper introduces as a model; this reads the
plainer signs of the same thing that a contribution rule must respect:
"Kelpie, a tuned Kelp model" / "(3) Kelpie-Code, Kelp models adapted to ..."
(an appositive whose head is a model word), "the Kelpie models" (a name before
"model(s)"), "Kelpie beats every other open LLM" (a name compared as one of
the models), and a title "Kelpie: An Open Chat Model Grounded in ..." (a
subtitle whose head is a model word). A sentence that calls the name a method,
technique or dataset still wins (kinds.stated_kinds).
"""

from __future__ import annotations

import re
from typing import Final

from kg.extract.contributions.contribution import MODEL_WORDS
from kg.extract.lexicon import lexicon
from kg.extract.tokens import DASH_TOKENS, Token, tokenize

COMPARE_VERBS: Final = frozenset("surpasses surpass outperforms outperform beats beat exceeds exceed rivals rival".split())
SUBTITLE_STOPS: Final = lexicon().subtitle_stops
VERSION_OF: Final = re.compile(r"^(?:an? |the )?[^:]{0,60}\b(?:version|variant|counterpart)s? of\b", re.IGNORECASE)
"""A subtitle saying the title's name is a version of something: a model's version, as a model is."""
GROUP_HEADS: Final = frozenset("family collection suite series set".split())
""""A Collection of Open-Source Pretrained Large Language Models": the head is the group's members."""


def _name_before(tokens: list[Token], k: int) -> str | None:
    """The capitalised run ending at k ("Code Kelpie 2"), or None; numbers may close a name."""
    if not (tokens[k].text[:1].isupper() or tokens[k].text[:1].isdigit()):
        return None
    start = k
    while start > 0 and not tokens[start - 1].trail.strip() and not tokens[start].lead \
            and (tokens[start - 1].text[:1].isupper() or tokens[start - 1].text[:1].isdigit()) and start > k - 5:
        start -= 1  # "Llama 2 Chat Drafter 115M": five words at most
    stops = lexicon().np_stop
    while start <= k and (not tokens[start].text[:1].isupper() or tokens[start].lower in stops
                          or tokens[start].lower in ("a", "an", "the")):
        start += 1  # a name opens with a capital, not a number, nor a sentence's "In" or "We"
    if start > k:
        return None
    return " ".join(t.text for t in tokens[start:k + 1])


def _model_head(tokens: list[Token], j: int, limit: int = 8) -> bool:
    """Does the noun phrase opening at j end on a model word before any preposition or clause?
    "a tuned Kelp model that ..." and "Kelp models adapted to ..." do; "a method for training
    LLMs" does not."""
    stops = lexicon().np_stop | SUBTITLE_STOPS
    heads = lexicon().kinds.every
    for t in tokens[j:j + limit]:
        if t.lower in MODEL_WORDS:
            return True
        if t.lower in stops or t.lower in heads or t.lead:
            return False
        if t.trail.strip():
            return False
    return False


def _coined(word: str) -> bool:
    """"KelpMath", "Kelp-2": a coined name, longer than an acronym of a kind of model ("MoE", "SFT")."""
    return len(word) >= 5 and word[:1].isupper() and any(c.islower() for c in word) \
        and (any(c.isupper() for c in word[1:]) or any(c.isdigit() for c in word))


def called_models(tokens: list[Token]) -> set[str]:
    """Names one sentence calls models: "X, a ... model", "X models", "X surpasses other LLMs"."""
    out: set[str] = set()
    n = len(tokens)
    for k, t in enumerate(tokens):
        if t.trail.strip() == "," and k + 1 < n and _model_head(tokens, k + 1):
            if (name := _name_before(tokens, k)) is not None:
                out.add(name)  # "Kelpie, a tuned Kelp model", "Kelpie-Code, Kelp models adapted to"
        elif not t.trail.strip() and k + 2 < n and tokens[k + 1].text in DASH_TOKENS and _model_head(tokens, k + 2):
            if (name := _name_before(tokens, k)) is not None:
                out.add(name)  # "Marsh Video Diffusion - a latent video diffusion model for ..."
        elif k + 1 < n and not t.trail.strip() and tokens[k + 1].lower in ("model", "models") \
                and _coined(t.text):
            out.add(t.text)  # "the KelpMath models": a coined name before "models" (not "SFT models", "MoE models")
        elif t.lower in COMPARE_VERBS and k > 0:
            after = [x.lower for x in tokens[k + 1:k + 6]]
            if "other" in after and _model_head(tokens, k + 2 + after.index("other"), 4):
                if (name := _name_before(tokens, k - 1)) is not None:
                    out.add(name)  # "KelpMath beats every other open LLM": one of the models
    return out


def title_model(title: str) -> str | None:
    """"Kelpie: Chat Model Grounded in Many Tools" -> "Kelpie": the subtitle's head is a
    model word. "Kelpie: A Recipe for Training Models" and "Kelpie: Scaling Models with ..." are not."""
    m = re.match(r"^([^:]{2,60}):\s*(.+)$", title)
    if not m:
        return None
    if VERSION_OF.search(m.group(2)):
        return m.group(1).strip()  # "Kelp-S: A Lightweight, Fast Version of Orvik": a model made from another
    words = tokenize(m.group(2))
    if words and words[0].lower in ("a", "an", "the"):
        words = words[1:]
    head = None
    for i, t in enumerate(words[:8]):
        low = t.lower
        if low in SUBTITLE_STOPS:
            if low == "of" and head in GROUP_HEADS:
                head = None  # "A Family of ... Models": the members are the head
                continue
            break
        if i > 0 and (low.endswith("ed") or low.endswith("ing")) and head is not None \
                and i + 1 < len(words) and words[i + 1].lower in SUBTITLE_STOPS:
            break  # "Model Grounded in ...": a participle closes the head ("Pretrained Models" does not)
        if i <= 1 and low.endswith("ing") and len(low) > 4:
            return None  # "Scaling Models with ...", "Fine Tuning Diffusion Models for ...": a gerund, what is
            # done, not what it is
        head = low
        if t.trail.strip():
            break
    return m.group(1).strip() if head in MODEL_WORDS else None
