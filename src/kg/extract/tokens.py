"""Split a sentence into word tokens with offsets, punctuation peeled off each side.

Model names keep their inner punctuation ("Llama-3.1-70B", "RETRO++",
"Qwen-2.5-7B/72B"); what surrounds a word (brackets, quotes, a trailing comma
or full stop) is kept apart in ``lead`` / ``trail`` so later stages can tell
"A, B and C" (a list) from "A B C" (one name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"\S+")
_LEAD = "([{\"'“‘«"
_TRAIL = ")]}\"'”’»,;:.!?…"


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    lead: str = ""
    trail: str = ""
    lower: str = ""
    """``text`` in lower case (computed once: every rule asks for it)."""


def tokenize(sentence: str) -> list[Token]:
    out: list[Token] = []
    for m in _WORD.finditer(sentence):
        raw, start = m.group(), m.start()
        a, b = 0, len(raw)
        while a < b and raw[a] in _LEAD:
            a += 1
        while b > a and raw[b - 1] in _TRAIL:
            if raw[b - 1] == ")" and raw[a:b].count("(") >= raw[a:b].count(")"):
                break  # the bracket belongs to the word, e.g. "f(x)"
            b -= 1
        if a == b:
            if out:  # a lone punctuation token ("-", "—", "&") becomes trail of the previous word
                prev = out[-1]
                out[-1] = Token(prev.text, prev.start, prev.end, prev.lead, prev.trail + " " + raw, prev.lower)
            continue
        word = raw[a:b]
        out.append(Token(word, start + a, start + b, raw[:a], raw[b:], word.lower()))
    return out
