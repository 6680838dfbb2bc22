"""Comparison keys for names, titles, arXiv ids, models and techniques.

Two spellings that a reader would call the same (case, NFC/NFD accents,
full-width forms, NBSP, non-breaking hyphens, zero-width characters) get
the same key; non-Latin letters are kept, never folded away.

Extraction compares names with these keys ("is 'Zorbit-3 15B' the model
this sentence already named?") and resolution groups mentions by them, so
they live here, below both: kg.extract and kg.resolve import this module,
and it imports nothing of kg but kg.records.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kg.records.clean import clean_text
from kg.records.ids import arxiv_id as _arxiv_id

__all__ = ["arxiv_id", "fold", "model_key", "name_key", "technique_key", "title_key"]


_ASCII_WORD = re.compile(r"[a-z0-9]+")
_SEPARATORS = re.compile(r"[^\w.+]|_", re.UNICODE)
_PLURAL = re.compile(r"(?<=[a-z]{3})s\b")


def _nfkc_fold(s: str) -> str:
    """NFKC, casefold, NFKC again: casefolding can leave non-normalised text."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", s).casefold())


def fold(s: str) -> str:
    """Letters, marks and digits kept (any script), everything else a single space.

    Format characters (category Cf: zero-width space/joiner, bidi overrides,
    soft hyphen) are dropped without leaving a gap.
    """
    if s.isascii():  # fast path: NFKC is the identity, casefold is lower()
        return " ".join(_ASCII_WORD.findall(s.lower()))
    s = _nfkc_fold(s)
    out: list[str] = []
    gap = False
    for ch in s:
        cat = unicodedata.category(ch)
        if cat == "Cf":
            continue
        if cat[0] in "LMN":
            if gap and out:
                out.append(" ")
            gap = False
            out.append(ch)
        else:
            gap = True
    return "".join(out)


def name_key(s: str) -> str:
    """Identity key of a person's or organisation's name.

    "Ryan J. Prenger" -> "ryan j prenger"; never empty for a name holding
    any letter or digit; idempotent.
    """
    key = fold(s)
    if key:
        return key
    # Only punctuation/symbols: keep them rather than lose the name.
    return " ".join(
        "".join(ch for ch in _nfkc_fold(s) if unicodedata.category(ch) != "Cf").split()
    )


def title_key(s: str | None) -> str:
    """Key of a paper title: LaTeX cleaned, then folded like a name."""
    if not s:
        return ""
    return fold(clean_text(s))


def arxiv_id(s: str | None) -> str | None:
    """arXiv id without version: "arXiv:2402.16819v3" -> "2402.16819"."""
    return _arxiv_id(s)


@lru_cache(maxsize=65536)
def model_key(name: str) -> str:
    """Every separator ignored: 'Nemotron-4 15B' == 'nemotron4-15b'; dots and '+' kept."""
    s = unicodedata.normalize("NFKC", name).casefold()
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Cf")
    return _SEPARATORS.sub("", s)


@lru_cache(maxsize=65536)
def technique_key(name: str) -> str:
    """Case, separators and a plural 's' folded: 'Random Hadamard transforms' == 'random hadamard transform'."""
    s = unicodedata.normalize("NFKC", name).casefold()
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Cf")
    s = re.sub(r"[\s\-_/]+", " ", s).strip()
    return _PLURAL.sub("", s)
