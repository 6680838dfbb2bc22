"""Person or organisation *wrote* paper, quoted from the record's author line."""

from __future__ import annotations

import re

from kg.extract.doc import Doc
from kg.extract.fact import Fact, Mention, collapse_ws
from kg.extract.pipeline import component

VERSION = "1.0"


def _quote_for(name: str, lines: list[tuple[str, str]]) -> str | None:
    """The line of the record that prints this author.

    Most sources print the name as it is; BibTeX prints "Last, First" and JSON
    may escape it, so a line holding every word of the name also counts.
    """
    flat = collapse_ws(name)
    for line, flat_line in lines:
        if flat in flat_line:
            return line.strip()
    words = [w for w in re.split(r"[\s,.]+", flat) if w]
    for line, flat_line in lines:
        if words and all(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", flat_line) for w in words):
            return line.strip()
    return None


@component("authors", version=VERSION, assigns=("facts.wrote",))
def authors(doc: Doc) -> None:
    record = doc.record
    lines = [(line, collapse_ws(line)) for line in record.text.splitlines()]
    for position, name in enumerate(record.authors, start=1):
        quote = _quote_for(name, lines)
        if quote is None:  # a fact we cannot quote, we do not emit
            continue
        doc.facts.append(Fact(Mention("agent", name), "wrote", Mention.paper(), quote,
                              confidence=0.99, extractor=f"authors@{VERSION}",
                              record=record, position=position))
