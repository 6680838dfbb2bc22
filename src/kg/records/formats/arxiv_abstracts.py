"""Abstracts each followed by optional comment lines and "arXiv:ID [- doi: DOI]".

The identifier line closes the abstract *before* it, and the next abstract
is glued right after it: "arXiv:2407.14679As language models ..." or
"arXiv:2406.09535 - doi: 10.1145/3649329.3656543Selective state-space ...".
Files that instead open with an identifier line (and do not end with a bare
one) are read the other way round: each identifier leads its abstract.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from kg.records.formats._common import split_lines, too_long
from kg.records.ids import leading_arxiv_id, split_glued_doi
from kg.records.record import Problem, Record
from kg.records.registry import reader

MARKER = re.compile(r"^\s*arXiv\s?:\s?", re.I)
DOI_LABEL = re.compile(r"^\s*-?\s*doi\s*:\s*", re.I)
COMMENT_MAX_CHARS = 400
"""Lines after an abstract up to this length are its comments; longer ones continue it."""


def _marker(line: str) -> tuple[str, str | None, str, str] | None:
    """(id, doi, marker text, glued rest) when ``line`` starts with "arXiv:ID"."""
    m = MARKER.match(line)
    if not m:
        return None
    found = leading_arxiv_id(line[m.end():])
    if not found:
        return None
    aid, end = found
    pos = m.end() + end
    doi = None
    d = DOI_LABEL.match(line[pos:])
    if d:
        doi, rest = split_glued_doi(line[pos + d.end():])
        pos = len(line) - len(rest)
    rest = line[pos:]
    marker_text = line[:pos].rstrip()
    return aid, doi or None, marker_text, rest.lstrip()


def sniff(head: str) -> float:
    """Sure when lines start with "arXiv:ID" glued to text or standing alone."""
    lines = [line for line in split_lines(head) if line.strip()]
    markers = sum(1 for line in lines if _marker(line))
    if not markers:
        return 0.0
    if any(re.match(r"\s*Authors\s*:", line) for line in lines):
        return 0.2
    return 0.85


@dataclass
class _Open:
    first: int
    parts: list[str] = field(default_factory=list)
    """Verbatim pieces, one per line (the first may be a glued remainder)."""
    last: int = 0
    abstract: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    aid: str | None = None
    doi: str | None = None


def _close(rec: _Open, file: str, index: int) -> Record | Problem:
    text = "\n".join(rec.parts)
    problem = too_long(file, rec.first, len(text))
    if problem:
        return problem
    return Record(
        file=file, index=index, lines=(rec.first, rec.last or rec.first), text=text,
        format="arxiv-abstracts", abstract="\n".join(rec.abstract).strip() or None,
        arxiv_id=rec.aid, doi=rec.doi, comments="\n".join(rec.comments) or None,
    )


def parse(text: str, file: str) -> Iterator[Record | Problem]:
    """Abstracts with trailing "arXiv:ID [- doi: DOI]" lines glued to the next one."""
    lines = split_lines(text)
    filled = [(no, line) for no, line in enumerate(lines, start=1) if line.strip()]
    if not filled:
        return
    leading = bool(_marker(filled[0][1])) and not (
        (m := _marker(filled[-1][1])) is not None and not m[3]
    )
    index = 0
    rec: _Open | None = None

    def emit(r: _Open) -> Iterator[Record | Problem]:
        nonlocal index
        if not r.abstract or not "".join(r.abstract).strip():
            yield Problem(file, r.first, "identifier without an abstract")
            return
        out = _close(r, file, index + 1)
        if isinstance(out, Record):
            index += 1
        yield out

    for no, line in filled:
        mark = _marker(line)
        if mark is None:
            if rec is None:
                rec = _Open(first=no)
                rec.abstract.append(line.strip())
            elif not rec.abstract:
                rec.abstract.append(line.strip())
            elif len(line) > COMMENT_MAX_CHARS and not rec.comments:
                rec.abstract.append(line.strip())
            else:
                rec.comments.append(line.strip())
            rec.parts.append(line)
            rec.last = no
            continue
        aid, doi, marker_text, rest = mark
        if leading:
            if rec is not None:
                yield from emit(rec)
            rec = _Open(first=no, aid=aid, doi=doi, parts=[line], last=no)
            if rest:
                rec.abstract.append(rest.strip())
            continue
        if rec is None:
            yield Problem(file, no, f"identifier arXiv:{aid} has no abstract before it", skipped=False)
        else:
            rec.aid, rec.doi = aid, doi
            rec.parts.append(marker_text)
            rec.last = no
            yield from emit(rec)
        rec = None
        if rest:
            rec = _Open(first=no, parts=[rest], last=no)
            rec.abstract.append(rest.strip())
    if rec is not None:
        yield from emit(rec)


parse = reader("arxiv-abstracts", sniff=sniff)(parse)
