"""Clean abstract/title text for extraction; records keep the verbatim text.

Sources leak LaTeX (``\\&``, ``\\textit{...}``, ``--``, a stray ``}`` as in
"U}nified") and uneven whitespace. Extractors read the cleaned text but
quote evidence from the verbatim one.
"""

from __future__ import annotations

import re
import unicodedata

_ACCENTS = {
    '"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303",
    "=": "\u0304", ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b",
    "c": "\u0327", "k": "\u0328", "r": "\u030a",
}
_LETTERS = {
    "o": "ø", "O": "Ø", "ss": "ß", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ",
    "oe": "œ", "OE": "Œ", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ",
}
_ESCAPED = {"&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}"}

_GREEK_NAMES = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau "
                "upsilon phi chi psi omega").split()
_GREEK = {**{n: unicodedata.lookup(f"GREEK SMALL LETTER {n.upper().replace('LAMBDA', 'LAMDA')}") for n in _GREEK_NAMES},
          **{n.capitalize(): unicodedata.lookup(f"GREEK CAPITAL LETTER {n.upper().replace('LAMBDA', 'LAMDA')}")
             for n in _GREEK_NAMES}}
"""``\\alpha`` -> α, ``\\Sigma`` -> Σ: Greek letters in names ("PanGu-{\\Sigma}", "$\\beta$-VAE")."""
_GREEK_CMD = re.compile(r"\$?\{?\\(" + "|".join(sorted(_GREEK, key=len, reverse=True)) + r")(?![A-Za-z])\}?(?:_\{?([\w.]{1,4})\}?)?\$?")
_ACCENT_CMD = re.compile(r"""\{?\\(["'`^~=.]|[uvHckr](?![A-Za-z]))\s?\{?\\?([A-Za-z])\}?\}?""")
_LETTER_CMD = re.compile(r"\{?\\(ss|aa|AA|ae|AE|oe|OE|o|O|l|L|i|j)(?![A-Za-z])\}?")
_ESCAPE = re.compile(r"\\([&%$#_{}])")
_FORMAT_CMD = re.compile(
    r"\\(?:textit|textbf|texttt|emph|textsc|textrm|textsf|mathrm|mathbf|mathit|text|underline|url)\{([^{}]{0,2000})\}"
)
_NOT_QUOTED = "[^\\s\"`'\u201c\u201d]"
_QUOTED_NAME = re.compile(rf"(?:``|\u201c|\")(?!{_NOT_QUOTED}*-[a-z]+-)({_NOT_QUOTED}*?(?:[A-Z]{_NOT_QUOTED}*?[A-Z0-9]|[0-9])"
                          rf"{_NOT_QUOTED}*?)(?:''|\u201d|\")")
"""One word set in quotes with a capital and another capital or a digit in it: a coined name (``Kelp+'',
\u201cKelpT5\u201d, "nach0"), which rules read as they read it bare; not words joined by hyphens
("Assembly-of-Kelps": a phrase, a method's long form, that keeps its quotes)."""
_LATEX_QUOTES = re.compile(r"``([^`']{1,200}?)''")
"""TeX's opening and closing quotes around a phrase: ``X''."""
_TILDE = re.compile(r"(?<=\w)~(?=[\w(])")
_EM_DASH = re.compile(r"(?<!-)---(?!-)")
_EN_DASH = re.compile(r"(?<!-)--(?!-)")
_SPACED_DASH = re.compile(r"(?<=\s)--(?=\s)")
_STRAY_BRACE = re.compile(r"(?<=[A-Za-z])[{}](?=[A-Za-z])|(?<![\\\w])\{(?=[A-Za-z])|(?<=[A-Za-z])\}(?![\w])")


def latex_to_unicode(s: str) -> str:
    """Decode LaTeX accents, escapes and Greek letters: M{\\"u}ller -> Müller, \\& -> &, {\\Sigma} -> Σ."""
    if "\\" not in s:
        return s
    s = _GREEK_CMD.sub(lambda m: _GREEK[m.group(1)] + (m.group(2) or ""), s)  # "$\\pi_0$" -> π0
    s = _ACCENT_CMD.sub(lambda m: m.group(2) + _ACCENTS[m.group(1)], s)
    s = _LETTER_CMD.sub(lambda m: _LETTERS[m.group(1)], s)
    s = _ESCAPE.sub(lambda m: _ESCAPED[m.group(1)], s)
    return unicodedata.normalize("NFC", s)


def collapse_ws(s: str) -> str:
    """Runs of whitespace (newlines included) -> one space, ends stripped."""
    return " ".join(s.split())


_MATH_WORDS = re.compile(r"\$([A-Za-z][A-Za-z0-9 .,'-]*(?: \([A-Za-z0-9-]+\))?)\$")
"""Plain words between dollar signs ("we present $Kelp$"): an author's emphasis, not mathematics."""
_SUBSCRIPT = re.compile(r"(?<=[\w)])\$_\{?(?:\\(?:rm|mathrm|text|textrm)\s*)?\{?"
                        r"((?i:base|large|small|tiny|mini|medium|xl|xxl|huge|giant|lite|nano))\}?\}?\$")
"""A name's size word set as a subscript ("GTE$_\\text{base}$", "BERT$_{\\rm BASE}$", "Kelp$_{large}$"): written as
"GTE-base", as hubs name the checkpoint (not a variable's index: "x$_i$")."""
_MATH_DASH = re.compile(r"\$\s*-{1,3}\s*\$")
"""A dash set in math mode ("Kelp $-$ a framework for ..."): an en dash."""


def clean_text(s: str | None) -> str:
    """Readable text: LaTeX remnants removed, dashes fixed, whitespace collapsed.

    ``\\&`` -> ``&``, ``\\textit{x}`` -> ``x``, ``1--3`` -> ``1–3`` (`` -- `` -> `` - ``), ``~`` between
    words -> space, "U}nified" -> "Unified". Idempotent.
    """
    if not s:
        return ""
    if "$" in s:
        s = _SUBSCRIPT.sub(r"-\1", s)  # "GTE$_\text{base}$" -> "GTE-base" (before its braces are unwrapped)
        s = _MATH_WORDS.sub(r"\1", s)  # "$Kelp$": plain words set in math mode
    if "``" in s or "\u201c" in s or '"' in s:
        s = _QUOTED_NAME.sub(r"\1", s)  # we propose ``Kelp+'' / "Kelp0": a coined name, out of its quotes
        s = _LATEX_QUOTES.sub("\u201c\\1\u201d", s)  # TeX's quotes around other words: plain quotes
    if not any(mark in s for mark in ("\\", "{", "}", "~", "--")):
        return collapse_ws(s)
    prev = None
    while prev != s:  # nested \textbf{\textit{x}} unwraps one level a pass
        prev = s
        s = _FORMAT_CMD.sub(r"\1", s)
    s = latex_to_unicode(s)
    s = _TILDE.sub(" ", s)
    s = _EM_DASH.sub("—", s)
    s = _SPACED_DASH.sub(" - ", s)  # "Kelp 7B -- Instruct": a spaced dash stays a hyphen, as names are matched
    s = _EN_DASH.sub("–", s)
    s = _STRAY_BRACE.sub("", s)
    if "$" in s:  # "$\\textbf{Kelp}$ $-$ a framework": the words and the dash, once unwrapped
        s = _MATH_DASH.sub("\u2013", _MATH_WORDS.sub(r"\1", s))
    return collapse_ws(s)
