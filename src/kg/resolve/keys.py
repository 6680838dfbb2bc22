"""Comparison keys for names, titles and arXiv ids.

Two spellings that a reader would call the same (case, NFC/NFD accents,
full-width forms, NBSP, non-breaking hyphens, zero-width characters) get
the same key; non-Latin letters are kept, never folded away.
"""

from __future__ import annotations

import re
import unicodedata

from kg.records.clean import clean_text
from kg.records.ids import arxiv_id as _arxiv_id

__all__ = ["arxiv_id", "name_key", "title_key", "fold"]


_ASCII_WORD = re.compile(r"[a-z0-9]+")


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
