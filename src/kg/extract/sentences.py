"""Split an abstract into sentences, keeping each one verbatim for quoting.

A full stop ends a sentence only when it is followed by white space and an
upper-case letter, digit or opening quote, is not inside parentheses, and
does not close a known abbreviation ("e.g.", "et al.", "vs."). One linear
scan from bracket to stop (regular expressions of one character class only:
nothing that could backtrack).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

ABBREVIATIONS: Final = frozenset(
    "e.g i.e etc vs al fig figs eq eqs no approx cf resp incl ca sec dr mr ms st ref refs "
    "v w.r.t a.k.a".split()
)
MAX_SENTENCE: Final = 5_000
"""Characters; a longer run without a stop is cut so later stages stay bounded."""


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    """Verbatim, as in the record (quote this)."""
    start: int
    """Offset in the text it was split from."""


def _word_before(text: str, i: int) -> str:
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "."):
        j -= 1
    return text[j:i].lower()


_EVENT: Final = re.compile(r"[()\[\].!?]")
"""The characters the scan acts on; it jumps from one to the next (one class: nothing to backtrack)."""
_SPACE: Final = re.compile(r"\s")


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    depth = 0
    start = 0
    n = len(text)
    pos = 0
    while True:
        m = _EVENT.search(text, pos)
        i = m.start() if m else n
        # a run longer than MAX_SENTENCE is cut at its first white space past the limit
        while i - start > MAX_SENTENCE + 1:
            w = _SPACE.search(text, max(pos, start + MAX_SENTENCE + 1), i)
            if w is None:
                break
            _emit(out, text, start, w.start())
            start = pos = w.start()
            depth = 0
        if m is None:
            break
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            if depth:
                depth -= 1
        elif depth == 0 or i - start > MAX_SENTENCE:
            nxt = i + 1
            while nxt < n and text[nxt] in "\"')”’":
                nxt += 1
            if nxt >= n or (text[nxt].isspace() and _starts_sentence(text, nxt)):
                if ch != "." or _word_before(text, i) not in ABBREVIATIONS:
                    _emit(out, text, start, nxt)
                    start = nxt
                    depth = 0
        pos = i + 1
    _emit(out, text, start, n)
    return out


def _starts_sentence(text: str, ws: int) -> bool:
    j = ws
    while j < len(text) and text[j].isspace():
        j += 1
    return j < len(text) and (text[j].isupper() or text[j].isdigit() or text[j] in "\"'“‘([")


def _emit(out: list[Sentence], text: str, a: int, b: int) -> None:
    chunk = text[a:b]
    stripped = chunk.strip()
    if stripped:
        out.append(Sentence(stripped, a + (len(chunk) - len(chunk.lstrip()))))
