"""The arXiv metadata snapshot (Kaggle's ``arxiv-metadata-oai-snapshot.json``): JSON Lines, one
paper per line with ``id``, ``authors``, ``authors_parsed``, ``title``, ``abstract``,
``categories``, ``versions``, ``doi``, ``comments``, ``journal-ref`` and ``update_date``.

A paper's date is its first version's ``created`` date (``update_date`` is the last change,
often years later). Authors come from ``authors_parsed`` ([last, first, suffix] triples) with
their LaTeX accents decoded (``Bal\\'azs`` -> Balázs); titles and abstracts, hard-wrapped and
indented in the source, have their line breaks and indents collapsed.

The record's text is its line with the JSON whitespace escapes (``\\n``, ``\\t``, ``\\r``)
written as spaces, every other character as in the file: a sentence of the collapsed abstract
is then found in it as written, and quoted from it as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.records import categories as cats
from kg.records.clean import collapse_ws
from kg.records.dates import parse_date
from kg.records.formats import _json
from kg.records.formats._common import cap_authors, split_and_list
from kg.records.ids import arxiv_id, find_doi
from kg.records.latex import decode_name
from kg.records.record import Problem, Record
from kg.records.registry import reader

SNAPSHOT_KEYS = ('"submitter"', '"authors_parsed"', '"versions"', '"update_date"')
"""Field names only the snapshot's lines carry (a sniff reads them even in a line cut short)."""
_ESCAPE = re.compile(r'\\([nrt\\"/bfu])')
_INITIAL_HYPHEN = re.compile(r"\.\s+-\s*(?=\w)")
"""arXiv's parser writes "C.-P." as "C. -P."."""


def sniff(head: str) -> float:
    """Sure when the first line is a JSON object with the snapshot's own fields."""
    line = _json.first_line(head)
    if not line or not line.startswith("{"):
        return 0.0
    found = sum(key in line for key in SNAPSHOT_KEYS)
    if found >= 2 or (found == 1 and '"id"' in line and ('"categories"' in line or '"authors"' in line)):
        return 0.95
    return 0.0


def v1_date(versions: object) -> str | None:
    """The first version's ``created`` date ("Mon, 2 Apr 2007 19:18:42 GMT" -> "2007-04-02")."""
    if not isinstance(versions, list):
        return None
    dated = [v for v in versions if isinstance(v, dict) and isinstance(v.get("created"), str)]
    first = next((v for v in dated if v.get("version") == "v1"), dated[0] if dated else None)
    return parse_date(first["created"]) if first else None


def parsed_author(entry: object) -> str | None:
    """["Balázs", "C.", ""] (last, first, suffix, ...) -> "C. Balázs"; None when not a name."""
    if not isinstance(entry, list) or not entry or not all(isinstance(p, str) for p in entry[:3]):
        return None
    last, first, suffix = (list(entry[:3]) + ["", ""])[:3]
    first = _INITIAL_HYPHEN.sub(".-", first)
    name = " ".join(p for p in (decode_name(first), decode_name(last)) if p)
    if suffix.strip():
        name = f"{name}, {decode_name(suffix)}"
    return name or None


def readable_line(line: str) -> str:
    """The line with its whitespace escapes as spaces (``\\n`` -> " "), all else unchanged."""
    if "\\" not in line:
        return line
    return _ESCAPE.sub(lambda m: " " if m.group(1) in "nrt" else m.group(0), line)


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


@reader("arxiv-snapshot", sniff=sniff)
def parse(text: str, file: str) -> Iterator[Record | Problem]:
    """arXiv metadata snapshot (JSON Lines): v1 date, authors_parsed, categories, collapsed text."""
    index = 0
    for item in _json.objects(text, file):
        if isinstance(item, Problem):
            yield item
            continue
        no, line, obj = item
        title, abstract = _str(obj.get("title")), _str(obj.get("abstract"))
        if not (title or abstract):
            yield Problem(file, no, "snapshot line has neither title nor abstract")
            continue
        parsed = obj.get("authors_parsed")
        if isinstance(parsed, list) and parsed:
            authors = [a for a in map(parsed_author, parsed) if a]
        else:
            raw = _str(obj.get("authors"))
            authors = split_and_list(decode_name(raw)) if raw else []
        authors, not_shown, cut = cap_authors(authors, None, file, no)
        if cut:
            yield cut
        extra = {}
        journal = _str(obj.get("journal-ref"))
        if journal:
            extra["journal_ref"] = collapse_ws(journal)
        updated = parse_date(_str(obj.get("update_date")))
        if updated:
            extra["updated"] = updated
        doi, comments = _str(obj.get("doi")), _str(obj.get("comments"))
        index += 1
        yield Record(
            file=file, index=index, lines=(no, no), text=readable_line(line), format="arxiv-snapshot",
            title=collapse_ws(title) if title else None, authors=tuple(authors), authors_not_shown=not_shown,
            abstract=collapse_ws(abstract) if abstract else None,
            arxiv_id=arxiv_id(_str(obj.get("id")) or ""),
            doi=find_doi(doi) if doi else None,
            comments=collapse_ws(comments) if comments else None,
            date=v1_date(obj.get("versions")) or parse_date(_str(obj.get("created"))),
            categories=cats.parse(obj.get("categories")), extra=extra,
        )
