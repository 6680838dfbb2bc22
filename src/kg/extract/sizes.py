"""Model sizes: how a parameter count is written, in a name and in prose, and what it is worth.

"Kelp-7B", "a family of 7B and 13B models", "in two sizes, 2 billion and 7 billion parameters":
one way to read a size, used by every extractor. The pieces are regex strings (to build larger
patterns from) and compiled patterns; ``size_of`` reads the size in a name, ``parameters`` turns
it into a number of parameters, ``sizes_in`` lists the sizes a phrase names. A mixture of
experts ("8x7B") and a count of tokens ("200K", "2T") are no parameter count.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from kg.extract.words import SEPARATOR

NUMBER: Final = r"\d+(?:\.\d+)?"
SIZE_WRITTEN: Final = rf"{NUMBER}[BM]"
"""A parameter count as prose writes it: "7B", "1.5B", "125M"."""
SIZE_IN_NAME: Final = rf"{NUMBER}[BMbm]"
"""A parameter count inside a name, lower case too: "Kelp-7b"."""
MIXTURE: Final = rf"\d+x{NUMBER}[Bb]"
"""Experts times their size: "8x7B"."""
ACTIVE: Final = rf"[Aa]{NUMBER}[Bb]"
"""The active parameters of a mixture: "Kelp-30B-A3B"."""
ONE_SIZE: Final = rf"{NUMBER}(?:[BM]| billion| million)"
"""A size in letters or in words: "7B", "7 billion"."""
LIST_SEPARATOR: Final = r"(?:, and |, | and |/)"
SIZE_LIST: Final = rf"{ONE_SIZE}(?:{LIST_SEPARATOR}{ONE_SIZE})+"
"""Two sizes or more: "7B and 13B", "2 billion and 7 billion", "7B, 13B, and 70B"."""
WRITTEN_SIZES: Final = rf"{SIZE_WRITTEN}(?:{LIST_SEPARATOR}{SIZE_WRITTEN})*"
"""One size or more, in letters: "8B", "8B and 4B"."""

SIZE: Final = re.compile(rf"^{SIZE_IN_NAME}$|^{MIXTURE}$")
"""A whole token that is a size ("7B", "8x7B")."""
SIZE_PART: Final = re.compile(rf"^(?:{SIZE_IN_NAME}|{MIXTURE}|{ACTIVE})$")
"""A part of a name that is a size, active parameters included ("A3B")."""
SIZE_AT_END: Final = re.compile(rf"({SIZE_IN_NAME})$")
"""The size a name ends with: "Kelp-2.5-7B" (the head of "Kelp-2.5-7B/72B")."""
SIZE_ADJECTIVE: Final = re.compile(r"\d[BMKbmk]?-(?:parameter|param|token|billion|million|scale|sized?|layer|context|length)s?$",
                            re.IGNORECASE)
"""A size made an adjective: "7B-parameter", "15-billion", "70B-scale", "32K-context"."""
COUNT: Final = re.compile(rf"^{NUMBER}[KkTt]$")
"""A count of tokens or a context length ("200K", "4.8T"): never a name."""
COUNT_THEN_WORD: Final = re.compile(r"\d+(?:\.\d+)?[KMBT]-([a-z]{3,})")


def counted_thing(word: str) -> str | None:
    """"2.5M-instance" -> "instance": the plain word a count is written before, as one word; None for any other."""
    return m.group(1) if (m := COUNT_THEN_WORD.fullmatch(word)) is not None else None


AMOUNT: Final = re.compile(rf"{NUMBER}[BMT]")
"""A number with a magnitude letter, of parameters or of tokens: "7B", "125M", "2T"."""
SIZE_WORD: Final = re.compile(r"\d[\d.,]*\s?(?:[KMGT]i?[Bb]|[KMBT])", re.IGNORECASE)
""""3Gb", "1.2M", "7B": an amount written before a name."""
MAGNITUDE_WORDS: Final = ("billion", "million", "trillion")
PARAMETER_COUNT: Final = re.compile(rf"({NUMBER})([BM])$")
SIZE_IN_WORDS: Final = re.compile(rf"({NUMBER})(?:([BM])| (b)illion| (m)illion)")


@lru_cache(maxsize=16384)
def size_of(name: str) -> str | None:
    """The parameter count written in a name ("Nemotron-4 15B" -> "15B"), if any; not "8x7B"."""
    for part in reversed(SEPARATOR.split(name)):
        if SIZE.match(part) and "x" not in part.lower():
            return part.upper()
    return None


def parameters(size: str) -> float | None:
    """A size as a number of parameters: "15B" -> 1.5e10, "125M" -> 1.25e8; None for "8x7B" or "200K"."""
    m = PARAMETER_COUNT.match(size.upper())
    if not m:
        return None
    return float(m.group(1)) * (1e9 if m.group(2) == "B" else 1e6)


def sizes_in(text: str) -> list[str]:
    """"7B and 13B", "2 billion and 7 billion" -> ["7B", "13B"], ["2B", "7B"]."""
    return [m.group(1) + (m.group(2) or m.group(3) or m.group(4)).upper() for m in SIZE_IN_WORDS.finditer(text)]
