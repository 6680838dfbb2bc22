"""arXiv API Atom feed: one <entry> per paper.

Each entry is parsed on its own (wrapped in the feed's root tag), so one
broken entry is reported and the others still load. Documents declaring a
DOCTYPE are refused: no entity expansion, no external entities.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from kg.records import categories
from kg.records.clean import collapse_ws
from kg.records.dates import parse_date
from kg.records.formats._common import cap_authors, too_long
from kg.records.ids import arxiv_id, find_doi
from kg.records.record import Problem, Record
from kg.records.registry import reader

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"
ROOT = re.compile(r"<feed\b[^<>]{0,4000}>")


def sniff(head: str) -> float:
    """Sure when an Atom <feed> root or <entry> elements show."""
    if "<feed" in head and "http://www.w3.org/2005/Atom" in head:
        return 0.95
    if "<entry" in head and "<summary" in head:
        return 0.6
    return 0.0


def _entry_start(text: str, pos: int) -> int:
    """Offset of the next "<entry>" / "<entry ...>" tag at or after ``pos``, or -1."""
    while True:
        start = text.find("<entry", pos)
        if start < 0 or text[start + 6: start + 7] in (">", " ", "\n", "\t", "\r"):
            return start
        pos = start + 6


def _entries(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, closed) of each <entry>, found without a regex.

    An entry whose "</entry>" does not come before the next "<entry" is unclosed: it ends where
    the next one starts, so it cannot swallow that one. Each search stops at the next entry, so
    a feed of unclosed entries stays linear."""
    start = _entry_start(text, 0)
    while start >= 0:
        nxt = _entry_start(text, start + 6)
        limit = nxt if nxt >= 0 else len(text)
        end = text.find("</entry>", start, limit)
        if end >= 0:
            yield start, end + len("</entry>"), True
        else:
            yield start, limit, False
        start = nxt


def _txt(el: ET.Element | None) -> str | None:
    return el.text if el is not None and el.text and el.text.strip() else None


@reader("arxiv-atom", sniff=sniff)
def parse(text: str, file: str) -> Iterator[Record | Problem]:
    """arXiv API Atom entries: id, title, summary, authors, published, DOI, comment."""
    if re.search(r"<!DOCTYPE|<!ENTITY", text[:100_000], re.I):
        yield Problem(file, 1, "XML with a DOCTYPE/ENTITY declaration is refused")
        return
    root = ROOT.search(text)
    opener = root.group(0) if root else '<feed xmlns="http://www.w3.org/2005/Atom">'
    if opener.endswith("/>"):
        opener = opener[:-2] + ">"
    index = 0
    line, counted = 1, 0
    for start, end, closed in _entries(text):
        line += text.count("\n", counted, start)  # counted on from the previous entry: linear
        counted = start
        first = line
        raw = text[start:end]
        last = first + raw.count("\n")
        if not closed:
            yield Problem(file, first, "Atom <entry> is not closed (no </entry> before the next entry or the end)")
            continue
        problem = too_long(file, first, len(raw))
        if problem:
            yield problem
            continue
        try:
            feed = ET.fromstring(opener + raw + "</feed>")
        except (ET.ParseError, UnicodeError, ValueError) as exc:
            yield Problem(file, first, f"Atom entry is not well-formed XML ({exc})")
            continue
        entry = feed.find(f"{ATOM}entry")
        if entry is None:
            entry = feed.find("entry")
        if entry is None:
            yield Problem(file, first, "no Atom entry element")
            continue

        def get(tag: str) -> str | None:
            return _txt(entry.find(f"{ATOM}{tag}")) or _txt(entry.find(tag))

        title = get("title")
        summary = get("summary")
        authors = []
        for author in list(entry.findall(f"{ATOM}author")) + list(entry.findall("author")):
            name = _txt(author.find(f"{ATOM}name")) or _txt(author.find("name"))
            if name:
                authors.append(collapse_ws(name))
        doi_el = _txt(entry.find(f"{ARXIV}doi"))
        comment = _txt(entry.find(f"{ARXIV}comment"))
        journal = _txt(entry.find(f"{ARXIV}journal_ref"))
        extra = {"journal_ref": collapse_ws(journal)} if journal else {}
        updated = parse_date(get("updated"))
        if updated:
            extra["updated"] = updated
        terms = [entry.find(f"{ARXIV}primary_category"), *entry.findall(f"{ATOM}category")]
        tags = categories.parse([t.get("term") or "" for t in terms if t is not None])
        if not (title or summary):
            yield Problem(file, first, "Atom entry has neither title nor summary")
            continue
        authors, not_shown, cut = cap_authors(authors, None, file, first)
        if cut:
            yield cut
        index += 1
        yield Record(
            file=file, index=index, lines=(first, last), text=raw, format="arxiv-atom",
            title=collapse_ws(title) if title else None, authors=tuple(authors), authors_not_shown=not_shown,
            abstract=summary.strip() if summary else None, arxiv_id=arxiv_id(get("id")),
            doi=find_doi(doi_el) if doi_el else None,
            comments=collapse_ws(comment) if comment else None,
            date=parse_date(get("published")), extra=extra, categories=tags,
        )
