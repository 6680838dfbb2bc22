"""arXiv list pages as copied from the browser: /list/<category>/new (and /recent, /pastweek).

Each entry opens on its number and identifier, then labelled lines and, on the "new" page,
the abstract as a paragraph with no label::

    New submissions (showing 120 of 120 entries)
    [1] arXiv:2412.01234 [pdf, html, other]
    Title: Kelp: An Open Model
    Authors: Ana Ruiz, Bo Chen
    Comments: 12 pages
    Subjects: Computation and Language (cs.CL); Machine Learning (cs.LG)
    We present Kelp, ...

The "[pdf, ...]" links may stand on a line of their own; a cross-list says "(cross-list from
cs.LG)" after the identifier and a replacement "(replaced)"; replacements and the shorter pages
print no abstract (the record is read without one, and said so). The page's own lines (the
section headers, "Total of N entries", the navigation) belong to no entry and are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.records import categories as cats
from kg.records.clean import collapse_ws
from kg.records.formats._common import cap_authors, numbered_records, split_author_pieces, split_lines
from kg.records.ids import VERSIONED_ID, arxiv_id, find_doi
from kg.records.record import Problem, Record
from kg.records.registry import reader

ENTRY = re.compile(rf"^\s*\[\d{{1,5}}\]\s+arXiv:\s?(?:{VERSIONED_ID.pattern})\b", re.ASCII)
"""The line that opens an entry: "[12] arXiv:2412.01234 [pdf, other]"."""
LINKS = re.compile(r"^\s*\[(?:pdf|ps|html|other|src)\b[^\]]*\]\s*$", re.I)
"""The entry's links on a line of their own: "[pdf, html, other]"."""
LABEL = re.compile(r"^\s*(Title|Authors|Comments|Subjects|Journal-ref|Journal ref|DOI|Report-no|ACM-class|MSC-class)\s*:\s?",
                   re.I)
PAGE_LINE = re.compile(r"^\s*(?:(?:New|Cross|Cross-list|Replacement|Replaced) submissions \(|(?:Cross-lists|Replacements) for |"
                       r"Total of \d+ entries|Showing new listings for |\d+ - \d+ of \d+ entries|"
                       r"(?:Authors and titles|Titles only) for |Skip to main content)", re.I)
"""Lines of the page around the entries: section headers, counts, navigation."""
CATEGORY_IN_SUBJECTS = re.compile(rf"\(({cats.CATEGORY.pattern})\)", re.ASCII)
""""Computation and Language (cs.CL)": the category in parentheses."""


def sniff(head: str) -> float:
    """Sure when "[N] arXiv:ID" lines come with "Title:" and "Authors:" lines."""
    entries = len(re.findall(r"(?m)^\s*\[\d{1,5}\]\s+arXiv:", head))
    if not entries:
        return 0.0
    titles = len(re.findall(r"(?m)^\s*Title\s*:", head))
    authors = len(re.findall(r"(?m)^\s*Authors\s*:", head))
    return 0.95 if titles and authors else 0.3


def _entries(lines: list[str]) -> Iterator[list[tuple[int, str]]]:
    """Runs of (line number, line) from one entry line to the next, without the page's lines and
    blank lines after the entry (the record's text stays one run of the input)."""
    block: list[tuple[int, str]] = []
    for no, line in enumerate(lines, start=1):
        if ENTRY.match(line):
            if block:
                yield _trimmed(block)
            block = [(no, line)]
        elif block:
            block.append((no, line))
    if block:
        yield _trimmed(block)


def _trimmed(block: list[tuple[int, str]]) -> list[tuple[int, str]]:
    end = len(block)
    while end > 1 and (not block[end - 1][1].strip() or PAGE_LINE.match(block[end - 1][1])):
        end -= 1
    return block[:end]


def _value(fields: dict[str, list[str]], name: str) -> str | None:
    """A label's value, its wrapped lines joined and its whitespace collapsed; None when absent or empty."""
    return collapse_ws(" ".join(fields.get(name, []))) or None


def _parse_entry(block: list[tuple[int, str]], file: str, index: int) -> tuple[Record | None, list[Problem]]:
    first, last = block[0][0], block[-1][0]
    problems: list[Problem] = []
    fields: dict[str, list[str]] = {}
    abstract_lines: list[str] = []
    state = "head"
    for no, line in block[1:]:
        if (state == "head" and LINKS.match(line)) or PAGE_LINE.match(line):
            continue
        label = LABEL.match(line)
        if label and state != "abstract":
            state = label.group(1).lower().replace(" ", "-")
            fields.setdefault(state, []).append(line[label.end():])
            continue
        if not line.strip():
            if state == "subjects":
                state = "abstract"  # a blank line after the labels: the abstract follows
            continue
        if state == "subjects" or state == "abstract":
            state = "abstract"
            abstract_lines.append(line)
        elif state in fields:
            fields[state].append(line)  # a label's value wrapped onto the next line
    aid = arxiv_id(block[0][1].strip())
    title = _value(fields, "title")
    if not title and "authors" not in fields:
        return None, [Problem(file, first, "not a list entry (no 'Title:' or 'Authors:')")]
    authors, not_shown = split_author_pieces(fields.get("authors", []))
    authors, not_shown, cut = cap_authors(authors, not_shown, file, first)
    if cut:
        problems.append(cut)
    abstract = "\n".join(abstract_lines).strip() or None
    if abstract is None:
        problems.append(Problem(file, first, "no abstract in entry: read without one", skipped=False))
    if not title:
        problems.append(Problem(file, first, "no title in entry", skipped=False))
    categories = cats.parse(CATEGORY_IN_SUBJECTS.findall(" ".join(fields.get("subjects", []))))
    extra = {name.replace("-", "_"): _value(fields, name) or ""
             for name in fields if name in ("journal-ref", "report-no", "acm-class", "msc-class")}
    record = Record(
        file=file, index=index, lines=(first, last), text="\n".join(line for _, line in block),
        format="arxiv-list", title=title, authors=tuple(authors), authors_not_shown=not_shown,
        abstract=abstract, arxiv_id=aid, doi=find_doi(" ".join(fields.get("doi", []))) if "doi" in fields else None,
        comments=_value(fields, "comments"),
        categories=categories, extra=extra,
    )
    return record, problems


@reader("arxiv-list", sniff=sniff)
def parse(text: str, file: str) -> Iterator[Record | Problem]:
    """arXiv list page (/list/<category>/new): "[N] arXiv:ID", Title:, Authors:, Subjects:, abstract."""
    return numbered_records(_entries(split_lines(text)), file, _parse_entry)
