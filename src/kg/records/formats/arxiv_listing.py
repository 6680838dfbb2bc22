"""arXiv search listing as copied from the results page.

Records are separated by "-" lines (or start at an "arXiv:ID [pdf, ...]"
line). Each holds a title, "Authors:" (one per line or comma-separated),
"Abstract:" with a truncated preview, "▽ More", the full abstract, "△ Less",
then "Submitted D Month, YYYY; v1 submitted ..." and optional "Comments:".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.records import categories
from kg.records.dates import parse_date
from kg.records.formats._common import cap_authors, numbered_records, split_author_pieces, split_lines
from kg.records.ids import VERSIONED_ID, arxiv_id, find_doi
from kg.records.record import Problem, Record
from kg.records.registry import reader

MORE = "▽ More"
LESS = "△ Less"
ELLIPSIS = "…"

SEPARATOR = re.compile(r"^\s*-{1,5}\s*$")
ID_LINE = re.compile(rf"^\s*arXiv:\s?(?:{VERSIONED_ID.pattern})(?:\s|$)", re.ASCII)
LABEL = re.compile(r"^\s*(Authors|Abstract|Comments|Journal ref|DOI|doi|Report number)\s*:\s?", re.I)
SUBMITTED = re.compile(r"^\s*\[?Submitted\s+(?:on\s+)?(\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4})")
V1 = re.compile(r"v1\s+submitted\s+(\d{1,2}\s+[A-Za-z]{3,9},?\s+\d{4})", re.I)
ANNOUNCED = re.compile(r"^\s*originally\s+announced\b", re.I)


def sniff(head: str) -> float:
    """Sure when "Authors:" and "Abstract:" lines come with "▽ More" or "Submitted"."""
    authors = len(re.findall(r"(?m)^\s*Authors\s*:", head))
    abstracts = len(re.findall(r"(?m)^\s*Abstract\s*:", head))
    if not authors or not abstracts:
        return 0.0
    if MORE in head or re.search(r"(?m)^\s*Submitted\s+\d", head):
        return 0.95
    return 0.7


def _blocks(lines: list[str]) -> Iterator[list[tuple[int, str]]]:
    """Runs of (line number, line) between separators; an id line opens a block."""
    block: list[tuple[int, str]] = []
    for no, line in enumerate(lines, start=1):
        if SEPARATOR.match(line):
            if block:
                yield block
            block = []
            continue
        if ID_LINE.match(line) and any(LABEL.match(text) for _, text in block):
            yield block
            block = []
        block.append((no, line))
    if block:
        yield block


def _full_abstract(raw: str) -> tuple[str | None, str | None]:
    """The full abstract from the text after "Abstract:", and a warning if cut short."""
    more = raw.find(MORE)
    if more >= 0:
        rest = raw[more + len(MORE):]
        less = rest.find(LESS)
        if less < 0:
            return rest.strip() or None, f"abstract has '{MORE}' but no '{LESS}': read as far as it goes"
        return rest[:less].strip() or None, None
    less = raw.find(LESS)
    text = (raw[:less] if less >= 0 else raw).strip()
    if text.endswith(ELLIPSIS):
        return text or None, "only the truncated abstract preview is present"
    return text or None, None


def _parse_block(block: list[tuple[int, str]], file: str, index: int) -> tuple[Record | None, list[Problem]]:
    first, last = block[0][0], block[-1][0]
    problems: list[Problem] = []
    title_lines: list[str] = []
    author_lines: list[str] = []
    abstract_lines: list[str] = []
    comment_lines: list[str] = []
    extra: dict[str, str] = {}
    aid = doi = date = None
    tags: tuple[str, ...] = ()
    state = "title"
    for no, line in block:
        stripped = line.strip()
        if not stripped and state in ("title", "authors"):
            continue
        if ID_LINE.match(line) and state == "title":
            if title_lines:  # page header lines before the record's id line
                problems.append(Problem(file, first, f"{len(title_lines)} stray line(s) before the arXiv id, dropped", skipped=False))
                title_lines = []
            aid = arxiv_id(stripped)
            tags = categories.parse(stripped.partition("]")[2])  # "arXiv:ID [pdf, other] cs.CL cs.LG"
            continue
        sub = SUBMITTED.match(line)
        if sub:
            v1 = V1.search(line)
            date = parse_date((v1 or sub).group(1))
            state = "other"
            continue
        if ANNOUNCED.match(line):
            state = "other"
            continue
        label = LABEL.match(line)
        if label and not (state == "abstract" and label.group(1).lower() == "abstract"):
            name = label.group(1).lower()
            rest = line[label.end():]
            if name == "authors":
                state = "authors"
                if rest.strip():
                    author_lines.append(rest)
            elif name == "abstract":
                state = "abstract"
                if rest.strip():
                    abstract_lines.append(rest)
            elif name == "comments":
                state = "comments"
                comment_lines.append(rest.strip())
            elif name == "doi":
                doi = find_doi(rest) or doi
                state = "other"
            else:
                extra[name.replace(" ", "_")] = rest.strip()
                state = "other"
            continue
        if state == "title":
            title_lines.append(stripped)
        elif state == "authors":
            author_lines.append(stripped)
        elif state == "abstract":
            abstract_lines.append(line)
        elif state == "comments" and stripped:
            comment_lines.append(stripped)
    text = "\n".join(line for _, line in block)
    title = " ".join(" ".join(title_lines).split()) or None
    if not author_lines and not abstract_lines:
        return None, [Problem(file, first, "not a listing record (no 'Authors:' or 'Abstract:')")]
    authors, not_shown = split_author_pieces(author_lines)
    authors, not_shown, cut = cap_authors(authors, not_shown, file, first)
    if cut:
        problems.append(cut)
    abstract, warning = _full_abstract("\n".join(abstract_lines)) if abstract_lines else (None, None)
    if warning:
        problems.append(Problem(file, first, warning, skipped=False))
    if not abstract_lines:
        problems.append(Problem(file, first, "no 'Abstract:' in record: read without abstract", skipped=False))
    if not title:
        problems.append(Problem(file, first, "no title in record", skipped=False))
    record = Record(
        file=file, index=index, lines=(first, last), text=text, format="arxiv-listing",
        title=title, authors=tuple(authors), authors_not_shown=not_shown, abstract=abstract,
        arxiv_id=aid, doi=doi, comments="\n".join(comment_lines).strip() or None, date=date,
        extra=extra, categories=tags,
    )
    return record, problems


def _filled(blocks: Iterator[list[tuple[int, str]]]) -> Iterator[list[tuple[int, str]]]:
    """The blocks without their leading and trailing blank lines; blank blocks left out."""
    for block in blocks:
        filled = [i for i, (_, line) in enumerate(block) if line.strip()]
        if filled:
            yield block[filled[0]: filled[-1] + 1]


@reader("arxiv-listing", sniff=sniff)
def parse(text: str, file: str) -> Iterator[Record | Problem]:
    """arXiv search listing: title, Authors:, Abstract: ... ▽ More ... △ Less, Submitted."""
    return numbered_records(_filled(_blocks(split_lines(text))), file, _parse_block)
