"""JSON Lines, one paper per line: title, authors, abstract, arxiv_id, date.

Common alternates are tolerated ("id", "summary", "published", authors as a
list of strings or of {"name": ...} objects, or one "A, B and C" string).
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.records import categories
from kg.records.dates import parse_date
from kg.records.formats import _json
from kg.records.formats._common import cap_authors, split_and_list, split_lines
from kg.records.formats.arxiv_snapshot import v1_date
from kg.records.ids import arxiv_id, find_doi
from kg.records.record import Problem, Record
from kg.records.registry import reader

TITLE_KEYS = ("title", "paper_title", "name")
ABSTRACT_KEYS = ("abstract", "summary", "abstract_text", "description")
ID_KEYS = ("arxiv_id", "arxivId", "arxiv", "eprint", "id", "paper_id", "url", "link", "pdf_url")
DATE_KEYS = ("date", "first_submitted", "submitted", "published", "publishedAt", "created", "created_at", "v1_date", "update_date")
AUTHOR_KEYS = ("authors", "author", "creators")
COMMENT_KEYS = ("comments", "comment", "note")


def sniff(head: str) -> float:
    """Sure when the first non-empty line is a JSON object."""
    for line in split_lines(head):
        s = line.strip()
        if not s:
            continue
        if not s.startswith("{"):
            return 0.0
        value, error = _json.load(s)
        if error:  # cut by the sniff window, broken, or nested too deeply: JSON-like all the same
            return 0.5 if '"' in s[:200] else 0.0
        return 0.9 if isinstance(value, dict) else 0.0
    return 0.0


def _first(obj: dict, keys: tuple[str, ...]):
    for key in keys:
        value = obj.get(key)
        if value not in (None, "", []):
            return value
    return None


def _text(value) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _authors(value) -> list[str]:
    if isinstance(value, str):
        return split_and_list(value)
    names: list[str] = []
    if isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                item = _first(item, ("name", "full_name", "fullname")) or " ".join(
                    str(item.get(k, "")) for k in ("given", "first", "family", "last") if item.get(k)
                )
            if isinstance(item, str) and item.strip():
                names.append(" ".join(item.split()))
    return names


@reader("jsonl", sniff=sniff)
def parse(text: str, file: str) -> Iterator[Record | Problem]:
    """JSON Lines: one object per line with title/authors/abstract/id/date."""
    index = 0
    for item in _json.objects(text, file):
        if isinstance(item, Problem):
            yield item
            continue
        no, line, obj = item
        title = _text(_first(obj, TITLE_KEYS))
        abstract = _text(_first(obj, ABSTRACT_KEYS))
        authors = _authors(_first(obj, AUTHOR_KEYS))
        aid = None
        for key in ID_KEYS:
            raw = _text(obj.get(key))
            if raw and (aid := arxiv_id(raw)):
                break
        doi_raw = _text(obj.get("doi"))
        date = v1_date(obj.get("versions"))  # arXiv's first version, before any "update_date"
        for key in () if date else DATE_KEYS:
            if (date := parse_date(_text(obj.get(key)))):
                break
        if not (title or abstract):
            yield Problem(file, no, "JSON object has neither title nor abstract")
            continue
        extra = {}
        if isinstance(obj.get("year"), (int, str)) and str(obj["year"]).isdigit():
            extra["year"] = str(obj["year"])
        not_shown = obj.get("authors_not_shown")
        not_shown = not_shown if isinstance(not_shown, int) and not isinstance(not_shown, bool) and not_shown >= 0 else None
        authors, not_shown, cut = cap_authors(authors, not_shown, file, no)
        if cut:
            yield cut
        index += 1
        yield Record(
            file=file, index=index, lines=(no, no), text=line, format="jsonl",
            title=" ".join(title.split()) if title else None, authors=tuple(authors),
            authors_not_shown=not_shown,
            abstract=abstract.strip() if abstract else None, arxiv_id=aid,
            doi=find_doi(doi_raw) if doi_raw else None,
            comments=_text(_first(obj, COMMENT_KEYS)), date=date, extra=extra,
            categories=categories.parse(obj.get("categories")),
        )
