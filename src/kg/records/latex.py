"""Author names written in LaTeX (arXiv's metadata: ``Bal\\'azs``, ``M{\\"u}ller``, ``{\\L}ukasz``)
-> Unicode, by pylatexenc (a maintained LaTeX-to-text converter that knows every accent macro).

Only names holding a backslash or a brace are converted (most are plain text, and pylatexenc
takes about 0.3 ms a name); the answers are cached, since bulk sources repeat their authors.
A name pylatexenc cannot read falls back to kg's own table (kg.records.clean.latex_to_unicode).
"""

from __future__ import annotations

import functools
import logging
import unicodedata

from kg.records.clean import collapse_ws, latex_to_unicode

logging.getLogger("pylatexenc").setLevel(logging.ERROR)  # malformed LaTeX is read tolerantly; no log lines


@functools.lru_cache(maxsize=1)
def _converter():
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=True)


def decode_name(name: str) -> str:
    """``C. Bal\\'azs`` -> ``C. Balázs``; whitespace collapsed; plain names come back as they are."""
    if "\\" not in name and "{" not in name:
        return collapse_ws(name)
    return _decode(name)


@functools.lru_cache(maxsize=65_536)
def _decode(name: str) -> str:
    text = name.replace("%", "\\%")  # a bare % would start a LaTeX comment and eat the rest
    try:
        out = _converter().latex_to_text(text)
    except Exception:  # noqa: BLE001 -- pylatexenc on hostile text: the small table still helps
        out = latex_to_unicode(name).replace("{", "").replace("}", "")
    return collapse_ws(unicodedata.normalize("NFC", out))
