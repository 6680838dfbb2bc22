"""Strings fit to show on a page: no control or invisible formatting characters.

The page sets every string as text (never markup), so escaping is the
browser's job; what is left to do here is display spoofing: a right-to-left
override (U+202E) or zero-width characters in a name would make it look like
another. They are removed, except the zero-width joiner that emoji need.
"""

from __future__ import annotations

import re
import unicodedata

from kg.keys import model_key

__all__ = ["fold", "safe_text"]

_KEEP = {"\u200d"}  # ZWJ: part of emoji sequences, harmless
_SPACE = re.compile(r"\s+")


def safe_text(value: object, limit: int | None = None) -> str:
    """``value`` as one line of visible text: control (Cc) and format (Cf) characters removed."""
    text = "".join(" " if ch in "\t\n\r\x0b\x0c\x85" else ch for ch in str(value)
                   if ch in _KEEP or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn")
                   or ch in "\t\n\r\x0b\x0c\x85")
    text = _SPACE.sub(" ", text).strip()
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def fold(name: str) -> str:
    """The search key of a name: the same folding entity resolution uses."""
    return model_key(name)
