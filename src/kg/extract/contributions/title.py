"""A title of the form "NAME: what it is" names the paper's contribution.

"SPARK: Self-Play Reinforcement for Pretraining" -> SPARK, a technique unless
the subtitle calls it a dataset or benchmark; a slogan ("Reuse, Don't
Retrain: ...") is no name, but an "A Recipe for ..." subtitle then is.
"""

from __future__ import annotations

import re
from typing import Final

from kg.extract.contributions.contribution import MODEL_WORDS, Contribution, content_words, strip_phrase
from kg.extract.contributions.kinds import kind_of
from kg.extract.contributions.shapes import distinctive, is_proper
from kg.extract.lexicon import lexicon
from kg.extract.modelnames import families, family_stem
from kg.extract.tokens import tokenize
from kg.keys import model_key

TITLE_NOT_NAME: Final = re.compile(r"[,'’!?]|^(?:from|to|on|in|towards?|beyond|when|why|how|what|is|are|do|does|"
                            r"can|shall|should|the|a|an)\b|\b(?:your|our|my|we|you|i)\b", re.IGNORECASE)


VERSIONED: Final = re.compile(r"[A-Z][A-Za-z]+[ -]v?\d+(?:\.\d+)*")
""""Puffin 2", "Kelp-3.1": a name and a version number, as models are numbered."""
PLAIN_WORD: Final = re.compile(r"[A-Z][a-z]{3,}")
""""Loamtext": one capitalised word, a name where the title or the text says what it is."""
NAME_PARTS: Final = re.compile(r"[A-Z]+(?![a-z])|[A-Z][a-z]+|[a-z]+|\d+")


def holds_family(name: str) -> bool:
    """"PocketBERT", "AceGemma": a known model family's stem inside a coined name (a model's name)."""
    return bool(family_stem(name)) or any(p.lower() in families() for p in NAME_PARTS.findall(name))


def title_name(name: str) -> bool:
    """"SPARK" or "Lattice Weaving" before a title's colon names a contribution; "Grow, Don't Restart" does not."""
    if TITLE_NOT_NAME.search(name) or len(name.split()) > 4 or re.search(r"\b(?:Report|Paper|Card)$", name):
        return False
    words = name.split()
    if len(words) > 2 and words[0].lower().endswith("ing") and any(w in ("to", "for", "with", "into", "from", "on")
                                                                  for w in words[1:]):
        return False  # "Adapting LLMs to Hebrew: ...": a gerund and its object say what the paper does (not
        # "Front-Loading Reasoning: ...", a method's name)
    toks = tokenize(name)
    return is_proper(toks) and (len(toks) > 1 or distinctive(toks[0].text))


def named_title(text: str, abstract: str, model_keys: set[str]) -> list[Contribution]:
    """"Layered Prompt Distillation": a short title, no colon, that is itself a method's name (capitalised
    words ending on a method word) and that the abstract repeats, names the paper's technique.
    "Scaling Laws for Sparse Encoders" ends on no method word; "Contrastive Span Masking" over an
    abstract that never says it is not repeated."""
    words = text.rstrip(" .").split()
    if ":" in text or not 2 <= len(words) <= 5 or TITLE_NOT_NAME.search(text):
        return []
    last = words[-1].lower()
    if not all(w[:1].isupper() for w in words) or last in MODEL_WORDS or \
            not (last in lexicon().kinds.technique or (last.endswith("ing") and len(last) > 5)):
        return []
    name = " ".join(words)
    if model_key(name) in model_keys or name.lower() not in abstract.lower():
        return []
    return [Contribution(name, "technique", 0.6)]


ABOUT_SUBTITLE: Final = re.compile(r"^(?:An?|The)\s+(?:[A-Z][\w-]*\s+)?([A-Z][a-z]+)\b")
""""A Case Study on ...", "An Empirical Study of ...": a subtitle whose head (its first or second word) says what it is."""


def title_contributions(text: str, model_keys: set[str], stated: dict[str, str] | None = None) -> list[Contribution]:
    """What a title of the form "NAME: what it is" contributes ("SPARK: Self-Play Reinforcement for ...").

    ``stated``: heads the record gives names elsewhere ("SPARK, a new benchmark"), by model_key; the
    subtitle's own head ("X: A Corpus of ...") comes first.
    """
    stated = stated or {}
    out: list[Contribution] = []
    if paired := _paired_title(text, model_keys):
        return paired
    m = re.match(r"^([^:]{2,60}):\s*(.+)$", text)
    about = ABOUT_SUBTITLE.match(m.group(2)) if m else None
    if m and (m.group(2).rstrip(" .").split()[-1].lower() in lexicon().about_words or
              (about is not None and about.group(1).lower() in lexicon().about_words)):
        return out  # "Mixture of Experts Explained: A Survey", "...: A Case Study on Kelp Law": about it, not its introduction
    if m:
        name = m.group(1).strip()
        described = _subtitle_head(m.group(2))
        names_model = any(model_key(t.text) in model_keys for t in tokenize(name))
        kind = re.search(r"\b(?:a|an)\b[^:]*?\b(dataset|corpus|benchmark)s?\b", m.group(2), re.IGNORECASE) or \
            re.match(r"(?:[A-Z][\w-]+ ){0,2}(dataset|corpus|benchmark)s\b", m.group(2), re.IGNORECASE)
        # "X: Diverse Benchmarks and Training Sets for ...": a plural kind with no article says it too
        # "TinyKelp: ...", Kelp a model family: a model's name, unless the title or text says otherwise
        family = holds_family(name) and not kind and model_key(name) not in stated
        said = bool(kind or model_key(name) in stated)
        bare = name[4:] if name.startswith("The ") else name  # "The Kelp: An 800GB Dataset of ..."
        coined = title_name(name) or (said and (PLAIN_WORD.fullmatch(bare) or title_name(bare)))
        if VERSIONED.fullmatch(name) and not said:
            coined = False  # "Puffin 2: Teaching Small Language Models ...": a model and its version
        if model_key(name) not in model_keys and not names_model and coined and not _spelt_out(name, model_keys) \
                and described not in MODEL_WORDS and not family:
            out.append(Contribution(name, kind_of(kind.group(1) if kind else stated.get(model_key(name)), name), 0.75))
        elif not coined and not VERSIONED.fullmatch(name) and re.match(r"^(?:A|An)\s", m.group(2)) and not re.search(r"\b(?:[Mm]odels?|LLMs?)\b", m.group(2)) \
                and not TITLE_NOT_NAME.search(m.group(2)[2:]):
            # "Grow, Don't Restart: A Recipe for Continued Pretraining ...": the subtitle names it
            sub = strip_phrase(m.group(2))
            if content_words(sub):
                out.append(Contribution(sub, kind_of(kind.group(1) if kind else described, sub), 0.6))
    return out


def _spelt_out(name: str, model_keys: set[str]) -> bool:
    """Is the title's name the start of a model's name the record spells out in words ("Kelp Embed" and
    "kelp-embed-text-v1")? Then it is that model's, not a method's; a name the models only add a size
    to ("KelpLoRA" and "KelpLoRA-7B") may still be the method they were made with."""
    key = model_key(name)
    return " " in name and len(key) >= 6 and any(
        k.startswith(key) and len(k) > len(key) and not k[len(key):].isdigit() and not SIZE_TAIL.fullmatch(k[len(key):])
        for k in model_keys)


SIZE_TAIL: Final = re.compile(r"\d+(?:\.\d+)?[bmk](?:[a-z]+)?")
PAIRED_TITLE: Final = re.compile(r"^(\S+) and (\S+):\s*(?:A|An)\s+(.+?)\s+and\s+(?:A|An)\s+(.+)$")
"""'A and B: A Large Dataset and A Model for ...': two names, two descriptions, in order."""


def _paired_title(text: str, model_keys: set[str]) -> list[Contribution]:
    """'KelpSet and KelpCLIP: A Large Scale Dataset and A Large Vision-Language Model for ...': each name takes
    its own description; a data or method one is a contribution here (a model one is the models' component's)."""
    m = PAIRED_TITLE.match(text)
    if not m:
        return []
    out = []
    for name, described in ((m.group(1), m.group(3)), (m.group(2), m.group(4))):
        head = next((w for w in re.findall(r"[\w-]+", described.lower()) if w in lexicon().kinds.every), None)
        if head and model_key(name) not in model_keys and title_name(name) and \
                not re.search(r"\b(?:[Mm]odels?|LLMs?)\b", described.split(" for ")[0]):
            out.append(Contribution(name, kind_of(head, name), 0.75))
    return out


def _subtitle_head(subtitle: str) -> str:
    """What the subtitle says the name is: its last word, or the method word before its first "of"/"for"
    ("Attention Head Pruning for Chat Language Models" is a pruning, not a model; "An Open Medical Language
    Model" is a model)."""
    words = subtitle.rstrip(" .").split()
    if not words:
        return ""
    cut = next((i for i, w in enumerate(words) if w.lower() in ("of", "for", "via", "with", "in") and i > 0), None)
    if cut is not None:
        head = words[cut - 1].lower()
        if head in lexicon().kinds.technique or (head.endswith("ing") and len(head) > 5):
            return head
    return words[-1].lower()
