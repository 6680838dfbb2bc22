"""What a name looks like, apart from any cue: "Q-Vento" is a coinage, "a simple method" is not.

Pure tests on tokens: a proper name has capitals beyond sentence case
("Lattice Weaving"), a distinctive word has inner capitals or digits
("RankLoom", "Kelp-2"); runs of such words after a cue are one name
("called Direct Preference Optimization (DPO)").
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from kg.extract.contributions.contribution import GENERIC_HEADS, not_models_lower
from kg.extract.lexicon import lexicon
from kg.extract.sizes import counted_thing
from kg.extract.tokens import Token


def is_proper(tokens: list[Token]) -> bool:
    """A name rather than a description: capitals beyond sentence case ("Q-Vento", "Lattice Weaving")."""
    if not tokens:
        return False
    texts = [t.text for t in tokens]
    if any(distinctive(t) for t in texts):
        return True
    return all(t[:1].isupper() for t in texts if t.lower() not in ("of", "and", "for", "the", "in", "a"))


@lru_cache(maxsize=65536)
def distinctive(word: str) -> bool:
    """One word that is a coinage: inner capitals, digits or a hyphenated capital ("Q-Vento", "ORLA"); not a count
    of things ("2.5M-instance").
    (Cached, as plain_name: a word-level test asked of the same words sentence after sentence.)"""
    return (any(c.isupper() for c in word[1:]) or any(c.isdigit() for c in word)) and counted_thing(word) is None


@lru_cache(maxsize=65536)
def plain_name(word: str) -> bool:
    """"Thistle": one capitalised word, a name only where the text marks it as one."""
    return len(word) > 2 and word.isalpha() and word[0].isupper() and word[1:].islower() \
        and word.lower() not in not_models_lower()


def new_before(tokens: list[Token], k: int) -> bool:
    """"our new ranking dataset, Thistle": the head is the authors' new one."""
    return any(t.lower in ("new", "novel", "our") for t in tokens[max(0, k - 5):k])


def title_run(tokens: list[Token], k: int) -> str | None:
    """"Direct Preference Optimization" from position k: two to six capitalised words, one name."""
    words: list[str] = []
    for t in tokens[k:k + 6]:
        if t.lead or not (t.text[:1].isupper() or (words and t.lower in ("of", "for", "and", "in", "to", "with",
                                                                          "from", "on", "via"))):
            break
        words.append(t.text)
        if t.trail.strip():
            break
    while words and not words[-1][:1].isupper():
        words.pop()
    return " ".join(words) if len(words) >= 2 else None


def defined_run(tokens: list[Token], k: int) -> str | None:
    """"depth up-scaling (DUS)" from position k: up to five lower-case words its acronym closes."""
    for end in range(k, min(k + 5, len(tokens) - 1)):
        t = tokens[end]
        if not t.text[:1].islower() or t.lead or (t.trail.strip() and end < len(tokens) - 1):
            return None
        acronym = tokens[end + 1]
        if acronym.lead.startswith("(") and acronym.text[:1].isupper() and \
                sum(c.isupper() for c in acronym.text) >= 2 and end > k:
            return " ".join(x.text for x in tokens[k:end + 1])
    return None


CLAUSE_OPENERS: Final = frozenset("that which whereby to".split())


def method_run(tokens: list[Token], k: int) -> str | None:
    """"called chain of thought prompting.": two to five lower-case words that end the clause on a
    method word (a technique head or a gerund)."""
    for end in range(k, min(k + 5, len(tokens))):
        t = tokens[end]
        if not t.text[:1].islower() or t.lead:
            return None
        if t.trail.strip()[:1] in (".", ",", ";", ":") or end == len(tokens) - 1 or (
                not t.trail.strip() and tokens[end + 1].lower in CLAUSE_OPENERS):  # "called span hopping that ..."
            last = t.lower.split("-")[-1]
            if (end > k or "-" in t.text) and (last in lexicon().kinds.technique or (last.endswith("ing") and len(last) > 5)):
                # (one hyphenated word will do: "a training method called hybrid-tuning to ...")
                return " ".join(x.text for x in tokens[k:end + 1])
            return None
    return None


def listed_names(tokens: list[Token], k: int) -> list[str]:
    """"X (133B tokens) and Y" from position k: distinctive names joined by commas or "and"."""
    names = [tokens[k].text]
    j = k + 1
    while j < len(tokens) and len(names) < 6:
        t = tokens[j]
        if t.lead.startswith("("):
            while j < len(tokens) and ")" not in tokens[j].trail:
                j += 1
            j += 1
            continue
        if t.lower in ("and", "or") and j + 1 < len(tokens) and distinctive(tokens[j + 1].text):
            names.append(tokens[j + 1].text)
            j += 2
            continue
        break
    return names


def without_kind_head(name: str) -> str:
    """"KelpPrompts test set" -> "KelpPrompts", "the Gable dataset" -> "Gable": a coined name followed
    only by the words that say its kind is the coined name (the kind is kept apart)."""
    words = name.split()
    kinds = lexicon().kinds
    heads = kinds.dataset | kinds.benchmark | GENERIC_HEADS | {"test", "evaluation", "eval"}  # not "Attention"
    if len(words) >= 3 and words[1] == "Bench" and all(w.lower() in heads for w in words[2:]):
        return " ".join(words[:2])  # "Kelp-IML Bench evaluation framework" -> "Kelp-IML Bench"
    if len(words) >= 2 and all(w.lower() in heads for w in words[1:]) and words[1] != "Bench" and (
            distinctive(words[0]) or (plain_name(words[0]) and all(w.islower() for w in words[1:]))):
        return words[0]  # not "Audio Dialogues": a plain word and a capitalised head are one name; not
        # "Kelp-IML Bench" (a name in its own right: what it is written beside is often the model)
    return name


def name_closes(tokens: list[Token], j: int) -> bool:
    """Does the name at j end its phrase, as a name set after its head does ("a new math corpus,
    Kelp-MathX." / "..., Kelp-MathX and Kelp-CodeX")? A word straight after it is the verb of the name
    as a subject: "Trained on a small synthetic dataset, Kelpie beats ..." names no dataset Kelpie."""
    if tokens[j].lead or not any(c.isalpha() for c in tokens[j].text):
        return False  # "(2)": an item number, no name
    trail = tokens[j].trail.strip()
    if trail:
        return trail[:1] in (".", ",", ";")
    if j + 1 >= len(tokens):
        return True
    nxt = tokens[j + 1]
    return nxt.lower in ("and", "or") or nxt.lead.startswith("(")
