"""Person or organisation *wrote* paper, quoted from the record's author line."""

from __future__ import annotations

import functools
import re

from kg.extract.doc import Doc
from kg.extract.fact import Fact, Mention, collapse_ws
from kg.extract.pipeline import component
from kg.records.clean import latex_to_unicode

VERSION = "1.0"


_JSON_ESCAPE = re.compile(r'\\(["\\/])')


@functools.lru_cache(maxsize=256)  # one record's lines, asked once per author
def _as_read(flat_line: str) -> str:
    """The line with its LaTeX accents decoded, as the readers decode names: BibTeX and arXiv
    write "M{\\"u}ller" and "Bal\\'azs", the name is Müller. A JSON line doubles the backslash,
    so it is decoded once as written and once with its JSON escapes undone."""
    if "\\" not in flat_line:
        return flat_line
    forms = [flat_line, _JSON_ESCAPE.sub(r"\1", flat_line)] if '\\\\' in flat_line else [flat_line]
    return "\n".join(latex_to_unicode(f).replace("{", "").replace("}", "") for f in forms)


def _quote_for(name: str, lines: list[tuple[str, str]]) -> str | None:
    """The line of the record that prints this author.

    Most sources print the name as it is; BibTeX prints "Last, First" and JSON
    may escape it, so a line holding every word of the name also counts, as
    written or with its LaTeX accents decoded.
    """
    flat = collapse_ws(name)
    for line, flat_line in lines:
        if flat in flat_line:
            return line.strip()
    words = [w for w in re.split(r"[\s,.]+", flat) if w]
    if not words:
        return None

    def holds(text: str) -> bool:
        return all(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", text) for w in words)

    for line, flat_line in lines:
        if holds(flat_line):
            return line.strip()
    for line, flat_line in lines:
        if "\\" in flat_line and holds(_as_read(flat_line)):
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
