"""Acronyms each record defines, for the components after it (models, techniques)."""

from __future__ import annotations

from kg.extract.abbreviations import find_abbreviations
from kg.extract.doc import Doc
from kg.extract.pipeline import component

VERSION = "1.0"


@component("abbreviations", version=VERSION, assigns=("abbreviations",))
def abbreviations(doc: Doc) -> None:
    found = []
    for idx, text in enumerate(doc.clean):
        found.extend((a, idx) for a in find_abbreviations(text))
    doc.user["abbreviations"] = found
