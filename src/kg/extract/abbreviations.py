"""Acronyms defined in the text: "Random Hadamard transforms (RHT)" -> ("Random Hadamard transforms", "RHT").

The Schwartz & Hearst (2003) algorithm ("A simple algorithm for identifying
abbreviation definitions in biomedical text", PSB 2003), as in scispacy's
AbbreviationDetector: for a short form in parentheses, walk the short form's
characters right to left and find each one in the words before the
parenthesis, the first character at the start of a word (words whose
initials spell the short form exactly are taken first). Extended for
mixed-case coinages such as "Math Informed syNthetic Dialogue (MIND)", where
a letter of the short form may stand inside a word as a capital.

Limits (from the paper): a short form is 2-10 characters, starts with a
letter or digit, has a letter, and at most 2 words; the long form has at most
``min(len(short) + 5, 2 * len(short))`` words and does not contain the short form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

MAX_SHORT_CHARS: Final = 10
MAX_SHORT_WORDS: Final = 2
_PAREN: Final = re.compile(r"\(([^()]{1,40})\)")


@dataclass(frozen=True, slots=True)
class Abbreviation:
    long: str
    short: str
    start: int
    """Offset of the long form in the text."""


def is_short_form(candidate: str) -> bool:
    c = candidate.strip()
    return (2 <= len(c) <= MAX_SHORT_CHARS and c[0].isalnum() and any(ch.isalpha() for ch in c)
            and len(c.split()) <= MAX_SHORT_WORDS and any(ch.isupper() for ch in c))


def spelled_by_initials(letters, words: list[str]) -> bool:
    """Do the words' first letters spell ``letters`` (a string or a list of characters), one a word, case aside?"""
    return len(words) == len(letters) and all(w[:1].lower() == ch.lower() for w, ch in zip(words, letters))


def find_long_form(short: str, before: str) -> str | None:
    """The long form of ``short`` at the end of ``before``, or None (Schwartz-Hearst).

    First the words whose initials spell the short form exactly ("Proximal Policy Optimization
    (PPO)"): walking letters right to left alone would take the "p" inside "Optimization" and
    answer "Policy Optimization"."""
    letters = [ch.lower() for ch in short if ch.isalnum()]
    if not letters:
        return None
    words = before.split()
    initials = words[-len(letters):]
    if spelled_by_initials(letters, initials) and not any(w.lower() == short.lower() for w in initials):
        long = " ".join(initials).strip(" ,;:-")
        if long[:1].isalnum() and len(long) > len(short):
            return long
    max_words = min(len(letters) + 5, 2 * len(letters))
    window = words[-max_words:]
    text = " ".join(window)
    s, t = len(letters) - 1, len(text) - 1
    while s >= 0:
        ch = letters[s]
        while t >= 0:
            c = text[t]
            at_word_start = t == 0 or not text[t - 1].isalnum()
            inner_capital = c.isupper() and c.lower() == ch and s > 0
            if c.lower() == ch and (s > 0 or at_word_start) and (at_word_start or s > 0 or inner_capital):
                break
            t -= 1
        if t < 0:
            return None
        s -= 1
        t -= 1
    start = text.rfind(" ", 0, t + 1) + 1
    long = text[start:].strip(" ,;:-")
    if not long or short.lower() in long.lower().split() or len(long) <= len(short):
        return None
    if not long[0].isalnum():
        return None
    return long


_OR_SHORT: Final = re.compile(r", or ([A-Za-z][\w-]{1,9})(?=[,.;:)]|\s)")
"""The other written form: "Low-Rank Adaptation, or LoRA, freezes ..."."""


def find_abbreviations(text: str) -> list[Abbreviation]:
    if "(" not in text and ", or " not in text:
        return []  # neither written form is there: most sentences (cheap tests before the patterns)
    out = []
    for m in (*_PAREN.finditer(text), *_OR_SHORT.finditer(text)):
        short = m.group(1).strip()
        if not is_short_form(short) or short.lower().startswith(("e.g", "i.e", "see ", "cf")):
            continue
        if m.re is _OR_SHORT and sum(ch.isupper() for ch in short) < 2:
            continue  # ", or Transformers": an acronym has capitals
        long = find_long_form(short, text[: m.start()].rstrip())
        if long is not None:
            out.append(Abbreviation(long, short, text.rfind(long, 0, m.start())))
    return sorted(out, key=lambda a: a.start)
