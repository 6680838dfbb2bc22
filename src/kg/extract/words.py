"""How a name splits into words, and how a name is found as a whole word in a sentence.

"Kelp" is in "Kelp-7B is fine-tuned from Kelp" twice as text, once as a whole word: the first
is inside a longer name. What counts as "longer" depends on the text: in plain text a hyphen
joins words into one name ("Kelp-7B"); in a sentence whose names were replaced by placeholders
("<M0> is fine-tuned from Kelp") the angle brackets do.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

SEPARATOR: Final = re.compile(r"[-_/\s]")
"""What splits a name into parts ("Llama-3.1 70B" -> "Llama", "3.1", "70B")."""


@lru_cache(maxsize=16384)
def whole_word(name: str, before: str = "-", after: str = "-") -> re.Pattern:
    """``name`` with no word character, nor one of ``before`` / ``after``, just before / after it.

    ``whole_word("Kelp")`` finds "Kelp" in "based on Kelp." but not in "Kelp-7B";
    ``whole_word("Kelp", "<", ">")`` finds it beside "<M0>" but not in "<Kelp>".
    Compiled once per name: a record names dozens, more than re's own cache keeps.
    """
    return re.compile(rf"(?<![\w{re.escape(before)}])" + re.escape(name) + rf"(?![\w{re.escape(after)}])")


def whole_word_starts(name: str, text: str, before: str = "-", after: str = "-") -> list[int]:
    """Where ``whole_word(name, before, after)`` finds ``name`` in ``text`` (the starts of its matches), by
    plain search: no pattern compiled for each name (a record's names are new to it, and compiling one
    cost a hundred times the search). A word character is what the pattern's ``\\w`` is: ``isalnum`` or "_"."""
    if not name:
        return [m.start() for m in whole_word(name, before, after).finditer(text)]
    out = []
    i = text.find(name)
    while i >= 0:
        end = i + len(name)
        if (i == 0 or not _joins(text[i - 1], before)) and (end == len(text) or not _joins(text[end], after)):
            out.append(i)
            i = text.find(name, end)  # (matches do not overlap)
        else:
            i = text.find(name, i + 1)
    return out


def _joins(ch: str, extra: str) -> bool:
    """Does ``ch`` run on into a name beside it: a word character, or one of ``extra``?"""
    return ch.isalnum() or ch == "_" or ch in extra
