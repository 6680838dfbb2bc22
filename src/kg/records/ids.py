"""arXiv identifiers and DOIs: find them in text and normalise them.

The shape of an arXiv id is written here once (:data:`NEW_STYLE`,
:data:`OLD_STYLE`, :data:`VERSION`); readers, IRIs and links build their
patterns from it. An id is ASCII: other scripts' digits are not an id.
Patterns are written without nested quantifiers so that long runs of
near-matching characters stay linear (no catastrophic backtracking).
"""

from __future__ import annotations

import re

NEW_STYLE = r"(\d{4})\.(\d{4,5})"
"""New-style id 2402.16819: year and month, a dot, 5 digits since 2015-01 (4 before)."""
OLD_STYLE = r"((?:[a-z]{2,8}(?:-[a-z]{2,8})?|q-[a-z]{2,8})(?:\.[A-Z]{2})?)/(\d{7})"
"""Old-style id hep-th/9901001, q-bio/0401001 or math.AG/0309136: archive (and subject class), 7 digits."""
VERSION = r"(?:v(\d{1,3}))?"
"""An optional version: "v3"."""

NEW_ID = re.compile(rf"(?<![\d.]){NEW_STYLE}{VERSION}(?!\d)", re.ASCII)
"""New-style id 2402.16819 in text, optional version."""

OLD_ID = re.compile(rf"(?<![A-Za-z-]){OLD_STYLE}{VERSION}(?!\d)", re.ASCII)
"""Old-style id hep-th/9901001 or math.AG/0309136 in text, optional version."""

ARXIV_ID = re.compile(rf"{NEW_STYLE}|{OLD_STYLE}", re.ASCII)
"""A normalised id, without version (use ``fullmatch``): "2402.16819", "hep-th/9901001"."""

VERSIONED_ID = re.compile(rf"(?:{NEW_STYLE}|{OLD_STYLE}){VERSION}", re.ASCII)
"""An id with or without version (use ``fullmatch`` or anchor it): "2402.16819v3"."""

_LEADING_NEW = re.compile(NEW_STYLE, re.ASCII)

ARXIV_PREFIX = re.compile(r"(?:arxiv\s*:\s*|arxiv\.org/(?:abs|pdf)/)", re.IGNORECASE)

DOI_START = re.compile(r"\b10\.\d{4,9}/")
"""Start of a DOI: registrant prefix; the suffix is found by :func:`doi_end`."""

GLUED_WORD = re.compile(r"[A-Z][a-z]{1,30}(?=[\s,;:()]|$)")
"""A capitalised word ending at whitespace/punctuation: an abstract glued on."""


def _new_style_digits(yymm: str) -> int:
    """Number count after the dot: 5 from 2015-01 on, else 4."""
    return 5 if int(yymm) >= 1501 else 4


def arxiv_id(s: str | None) -> str | None:
    """The arXiv id in ``s`` without version ("2402.16819v3" -> "2402.16819"), or None.

    Accepts bare ids, "arXiv:" prefixes and abs/pdf URLs, old-style ids
    ("hep-th/9901001") included.
    """
    if not s:
        return None
    s = s.strip()
    m = NEW_ID.search(s)
    if m:
        yymm, num = m.group(1), m.group(2)
        want = _new_style_digits(yymm)
        if len(num) >= want and 1 <= int(yymm[2:]) <= 12:
            return f"{yymm}.{num[:want]}"
    m = OLD_ID.search(s)
    if m:
        return f"{m.group(1)}/{m.group(2)}"
    return None


def leading_arxiv_id(s: str) -> tuple[str, int] | None:
    """An id at the very start of ``s`` (after "arXiv:"), with where it ends.

    The digit count of new-style ids is fixed, so text glued right after the
    id ("2407.14679As language ...") is not swallowed.
    """
    m = _LEADING_NEW.match(s)
    if m:
        yymm = m.group(1)
        want = _new_style_digits(yymm)
        if len(m.group(2)) < want:
            return None
        end = 5 + want
        v = re.match(r"v\d{1,2}", s[end:])
        if v and not s[end + v.end(): end + v.end() + 1].isdigit():
            end += v.end()
        return f"{yymm}.{s[5:5 + want]}", end
    m = OLD_ID.match(s)
    if m:
        return f"{m.group(1)}/{m.group(2)}", m.end()
    return None


def split_glued_doi(s: str) -> tuple[str, str]:
    """Split "10.1145/3649329.3656543Selective state ..." into DOI and the rest.

    A DOI suffix may hold letters, so its end is decided by what follows:
    first a capitalised word glued to a digit or lowercase letter and ending
    at a space ("...543Selective "), then a digit-to-capital switch
    ("...543LLMs"), else the whole whitespace-free token.
    """
    token_end = len(s)
    for i, ch in enumerate(s):
        if ch.isspace():
            token_end = i
            break
    token = s[:token_end]
    slash = token.find("/")
    start = slash + 1 if slash >= 0 else 0
    for m in GLUED_WORD.finditer(token, start + 1):
        prev = token[m.start() - 1]
        if prev.isdigit() or prev.islower():
            if m.end() == len(token) and token_end == len(s):
                continue  # a DOI ending in a word at end of text: keep it whole
            return _strip_doi(token[: m.start()]), s[m.start():]
    for i in range(start + 1, len(token)):
        if token[i - 1].isdigit() and token[i].isupper():
            return _strip_doi(token[:i]), s[i:]
    return _strip_doi(token), s[token_end:]


def _strip_doi(doi: str) -> str:
    return doi.rstrip(".,;:)]}")


def find_doi(s: str) -> str | None:
    """The first DOI in ``s`` (its end decided as in :func:`split_glued_doi`)."""
    m = DOI_START.search(s)
    if not m:
        return None
    doi, _ = split_glued_doi(s[m.start():])
    return doi or None
