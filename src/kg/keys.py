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
SIZE_IN_KEY = r"\d+(?:\.\d+)?(?:x\d+(?:\.\d+)?)?[bm]"
"""A parameter count as a name writes it, casefolded: "7b", "1.5b", "125m", "8x7b" (what
kg.extract.sizes calls SIZE_IN_NAME and MIXTURE; keys sit below kg.extract, so the pattern is
spelled here and a test holds the two together). What follows the size is not looked at: in a
key it runs on ("caelax2-7binstruct"), and a key's key must be itself."""
_SIZE_GAP = re.compile(rf"(?<=\d)(?:[^\w.+]|_)+(?={SIZE_IN_KEY})", re.UNICODE)
"""Separators between a digit and a size: "Caelax-2-7B" (version 2, 7B) is not "Caelax-27B"."""
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
    return _title_key(s)


@lru_cache(maxsize=8192)
def _title_key(s: str) -> str:
    """(Resolution asks a record's title key up to eight times, one after another: 2.5 µs each.)"""
    return fold(clean_text(s))


def arxiv_id(s: str | None) -> str | None:
    """arXiv id without version: "arXiv:2402.16819v3" -> "2402.16819"."""
    return _arxiv_id(s)


@lru_cache(maxsize=65536)
def model_key(name: str) -> str:
    """Separators ignored: 'Nemotron-4 15B' == 'nemotron4-15b'; dots and '+' kept.

    Except where a version's digits meet a size: there the separators are one "-" in the key, so
    the two stay apart ('Caelax-2-7B' == 'Caelax 2 7B' != 'Caelax-27B'), as a reader reads them.
    Other digits keep meeting ('GPT-4-Turbo-2024-04-09' == 'GPT-4-turbo-2024-0409').
    """
    s = _casefolded(name)
    return "-".join(_SEPARATORS.sub("", part) for part in _SIZE_GAP.split(s))


@lru_cache(maxsize=65536)
def technique_key(name: str) -> str:
    """Case, separators and a plural 's' folded: 'Random Hadamard transforms' == 'random hadamard transform'."""
    s = _TECHNIQUE_SEPARATORS.sub(" ", _casefolded(name)).strip()
    return _PLURAL.sub("", s)


_TECHNIQUE_SEPARATORS = re.compile(r"[\s\-_/]+")


def _casefolded(name: str) -> str:
    """NFKC, casefolded, format characters (Cf) dropped: what model and technique keys start from. An ASCII
    name is lower-cased only (NFKC leaves ASCII as it is, casefold is lower() there and no ASCII character
    is Cf): most names, and the per-character test was most of a key's cost."""
    if name.isascii():
        return name.lower()
    s = unicodedata.normalize("NFKC", name).casefold()
    return "".join(ch for ch in s if unicodedata.category(ch) != "Cf")
