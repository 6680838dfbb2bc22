"""BibTeX entries (bibtexparser 2.x): title, authors, eprint/arXiv id, DOI, date."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from kg.records import categories
from kg.records.clean import collapse_ws, latex_to_unicode
from kg.records.dates import month_number, parse_date
from kg.records.formats._common import cap_authors, too_long
from kg.records.ids import arxiv_id, find_doi
from kg.records.record import Problem, Record
from kg.records.registry import reader

ENTRY_START = re.compile(r"(?m)^\s*@\s?[A-Za-z]{2,20}\s*[{(]")
SKIP_TYPES = frozenset({"comment", "preamble", "string"})


def sniff(head: str) -> float:
    """Sure when lines open "@type{"."""
    return 0.9 if ENTRY_START.search(head) else 0.0


def _split_and(s: str) -> list[str]:
    """Split on " and " outside braces: "{Smith and Sons} and Doe, J." -> 2 names."""
    out, depth, start, i = [], 0, 0, 0
    low = s.lower()
    while i < len(s):
        ch = s[i]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(0, depth - 1)
        elif depth == 0 and low.startswith(" and ", i):
            out.append(s[start:i])
            i += 5
            start = i
            continue
        i += 1
    out.append(s[start:])
    return [p.strip() for p in out if p.strip()]


def _split_commas(s: str) -> list[str]:
    parts, depth, cur = [], 0, []
    for ch in s:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(0, depth - 1)
        if ch == "," and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts]


def _unbrace(s: str) -> str:
    return collapse_ws(latex_to_unicode(s).replace("{", "").replace("}", ""))


def normalise_name(raw: str) -> str:
    """BibTeX "Last, First" / "Last, Jr, First" / "First Last" -> "First Last [Jr]"."""
    parts = _split_commas(raw)
    if len(parts) == 2:
        last, first = parts
        name = f"{first} {last}"
    elif len(parts) >= 3:
        last, jr, first = parts[0], parts[1], ", ".join(parts[2:])
        name = f"{first} {last}, {jr}"
    else:
        name = raw
    return _unbrace(name).strip(" ,")


def authors_of(value: str) -> tuple[list[str], bool]:
    """Names in order and whether the list ended with "and others"."""
    names, truncated = [], False
    for raw in _split_and(collapse_ws(value)):
        if raw.strip().lower() in ("others", "et al", "et al."):
            truncated = True
            continue
        name = normalise_name(raw)
        if name:
            names.append(name)
    return names, truncated


def _date(fields: dict[str, str]) -> str | None:
    for key in ("date", "urldate_first", "published"):
        if key in fields:
            iso = parse_date(fields[key])
            if iso:
                return iso
    year, month, day = fields.get("year", ""), fields.get("month", ""), fields.get("day", "")
    if year.strip().isdigit() and month_number(month) and day.strip().isdigit():
        return parse_date(f"{int(year):04d}-{month_number(month):02d}-{int(day):02d}")
    return None


@reader("bibtex", sniff=sniff)
def parse(text: str, file: str) -> Iterator[Record | Problem]:
    """BibTeX entries: authors "Last, First and ..." read as "First Last"."""
    import bibtexparser

    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    library = bibtexparser.parse_string(text)
    for block in library.failed_blocks:
        yield Problem(file, (block.start_line or 0) + 1, "BibTeX entry could not be parsed")
    index = 0
    for entry in library.entries:
        if entry.entry_type.lower() in SKIP_TYPES:
            continue
        first = (entry.start_line or 0) + 1
        raw = entry.raw or ""
        problem = too_long(file, first, len(raw))
        if problem:
            yield problem
            continue
        fields = {k.lower(): str(f.value) for k, f in entry.fields_dict.items()}
        names, truncated = authors_of(fields.get("author", ""))
        names, not_shown, cut = cap_authors(names, None, file, first)
        if cut:
            yield cut
        title = _unbrace(fields["title"]) if fields.get("title") else None
        aid = None
        for key in ("eprint", "arxiv", "arxivid", "arxiv_id"):
            if fields.get(key):
                aid = arxiv_id(fields[key])
                if aid:
                    break
        if not aid:
            for key in ("url", "journal", "note", "howpublished"):
                if "arxiv" in fields.get(key, "").lower():
                    aid = arxiv_id(fields[key])
                    if aid:
                        break
        doi = find_doi(fields["doi"]) if fields.get("doi") else None
        extra = {"key": entry.key, "type": entry.entry_type.lower()}
        if fields.get("year", "").strip().isdigit():
            extra["year"] = fields["year"].strip()
            if month_number(fields.get("month")):
                extra["month"] = f"{month_number(fields['month']):02d}"
        if truncated:
            extra["authors_truncated"] = "yes"
        abstract = fields.get("abstract")
        index += 1
        yield Record(
            file=file, index=index, lines=(first, first + raw.rstrip("\n").count("\n")), text=raw,
            format="bibtex", title=title, authors=tuple(names), authors_not_shown=not_shown, abstract=abstract.strip() if abstract else None,
            arxiv_id=aid, doi=doi, comments=fields.get("note") or fields.get("comment") or None,
            date=_date(fields), extra=extra,
            categories=categories.parse(fields.get("primaryclass", "").strip("{} ")),  # arXiv's export
        )
