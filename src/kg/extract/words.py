"""How a name splits into words, and how a name is found as a whole word in a sentence.

"Kelp" is in "Kelp-7B is fine-tuned from Kelp" twice as text, once as a whole word: the first
is inside a longer name. What counts as "longer" depends on the text: in plain text a hyphen
joins words into one name ("Kelp-7B"); in a sentence whose names were replaced by placeholders
("<M0> is fine-tuned from Kelp") the angle brackets do.
"""

from __future__ import annotations

import re
from functools import lru_cache

SEPARATOR = re.compile(r"[-_/\s]")
"""What splits a name into parts ("Llama-3.1 70B" -> "Llama", "3.1", "70B")."""


@lru_cache(maxsize=16384)
def whole_word(name: str, before: str = "-", after: str = "-") -> re.Pattern:
    """``name`` with no word character, nor one of ``before`` / ``after``, just before / after it.

    ``whole_word("Kelp")`` finds "Kelp" in "based on Kelp." but not in "Kelp-7B";
    ``whole_word("Kelp", "<", ">")`` finds it beside "<M0>" but not in "<Kelp>".
    Compiled once per name: a record names dozens, more than re's own cache keeps.
    """
    return re.compile(rf"(?<![\w{re.escape(before)}])" + re.escape(name) + rf"(?![\w{re.escape(after)}])")
