"""arXiv OAI-PMH responses (ListRecords or GetRecord) in the ``arXiv`` or ``arXivRaw`` metadata
format, as a harvester saves them to files (the resumptionToken, a pointer to the next page
on the server, is not followed: each page is a file of its own).

``arXiv`` gives ``created`` (the first version's date), authors as keyname/forenames/suffix
and ``categories``; ``arXivRaw`` gives every version with its date (v1's is the paper's) and
the authors as one comma-separated line. Names have their LaTeX accents decoded; titles and
abstracts their line breaks and indents collapsed.

Safe parsing: each ``<record>`` is parsed on its own by defusedxml (no DTD, no entity
expansion, no external entities), so a hostile or broken record costs only itself, and a
record left unclosed ends where the next one starts instead of swallowing it. A response in
another metadata format (``oai_dc``, ...) gives one problem line, not one per record.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from kg.records import categories as cats
from kg.records.clean import collapse_ws
from kg.records.dates import parse_date
from kg.records.formats._common import cap_authors, split_and_list, too_long
from kg.records.ids import arxiv_id, find_doi
from kg.records.latex import decode_name
from kg.records.record import Problem, Record
from kg.records.registry import reader

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
OAI = f"{{{OAI_NS}}}"
FORMATS = {"arXiv": "http://arxiv.org/OAI/arXiv/", "arXivRaw": "http://arxiv.org/OAI/arXivRaw/"}
"""The metadata formats read: prefix -> namespace of the metadata element."""
PREFIX_OF = {ns: prefix for prefix, ns in FORMATS.items()}

ROOT = re.compile(r"<OAI-PMH\b[^<>]{0,4000}>")
REQUEST = re.compile(r"<request\b([^<>]{0,4000})>")
PREFIX_ATTR = re.compile(r"""\bmetadataPrefix\s*=\s*["']([^"'<>]{1,100})["']""")
ERROR = re.compile(r"""<error\b[^<>]{0,400}?\bcode\s*=\s*["']([^"'<>]{1,100})["'][^<>]{0,400}>([^<]{0,500})""")
DECLARATION = re.compile(r"<!DOCTYPE|<!ENTITY", re.I)


def sniff(head: str) -> float:
    """Sure when an OAI-PMH root in the OAI 2.0 namespace shows."""
    if "<OAI-PMH" in head and OAI_NS in head:
        return 0.95
    if ("<ListRecords" in head or "<GetRecord" in head) and "<record" in head:
        return 0.7
    return 0.0


def _tag_at(text: str, tag: str, pos: int) -> int:
    """Offset of the next ``<tag`` opening a ``tag`` element (not ``<tagX``), or -1."""
    while True:
        at = text.find(tag, pos)
        if at < 0 or text[at + len(tag): at + len(tag) + 1] in (">", " ", "\n", "\t", "\r", "/"):
            return at
        pos = at + len(tag)


def _records(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each ``<record>...</record>``; one left open ends where the next begins."""
    pos = 0
    while (start := _tag_at(text, "<record", pos)) >= 0:
        following = _tag_at(text, "<record", start + 7)
        end = text.find("</record>", start)
        if end < 0 or 0 <= following < end:
            stop = following if following >= 0 else len(text)
            yield start, stop
            pos = stop
            continue
        yield start, end + len("</record>")
        pos = end + len("</record>")


def _text(el: ET.Element | None) -> str | None:
    if el is None:
        return None
    s = "".join(el.itertext())
    return s if s.strip() else None


def _arxiv(meta: ET.Element, ns: str) -> tuple[list[str], str | None]:
    """(authors, first-version date) of an ``arXiv`` metadata element."""
    authors = []
    for author in meta.iterfind(f"{ns}authors/{ns}author"):
        last = _text(author.find(f"{ns}keyname")) or ""
        first = _text(author.find(f"{ns}forenames")) or ""
        suffix = _text(author.find(f"{ns}suffix"))
        name = " ".join(p for p in (decode_name(first), decode_name(last)) if p)
        if name and suffix:
            name = f"{name}, {decode_name(suffix)}"
        if name:
            authors.append(name)
    return authors, parse_date(_text(meta.find(f"{ns}created")))


def _arxiv_raw(meta: ET.Element, ns: str) -> tuple[list[str], str | None]:
    """(authors, first-version date) of an ``arXivRaw`` metadata element."""
    raw = _text(meta.find(f"{ns}authors"))
    authors = split_and_list(decode_name(raw)) if raw else []
    versions = list(meta.iterfind(f"{ns}version"))
    first = next((v for v in versions if v.get("version") == "v1"), versions[0] if versions else None)
    return authors, parse_date(_text(first.find(f"{ns}date"))) if first is not None else None


@reader("arxiv-oai-pmh", sniff=sniff)
def parse(text: str, file: str) -> Iterator[Record | Problem]:
    """arXiv OAI-PMH responses (arXiv and arXivRaw metadata formats), one record per paper."""
    if DECLARATION.search(text[:100_000]):
        yield Problem(file, 1, "XML with a DOCTYPE/ENTITY declaration is refused")
        return
    request = REQUEST.search(text[:20_000])
    asked = PREFIX_ATTR.search(request.group(1)) if request else None
    if asked and asked.group(1) not in FORMATS:
        yield _unknown(file, text.count("\n", 0, request.start()) + 1, asked.group(1))
        return
    root = ROOT.search(text[:20_000])
    opener = root.group(0) if root else f'<OAI-PMH xmlns="{OAI_NS}">'
    if opener.endswith("/>"):
        opener = opener[:-2] + ">"
    index = deleted = 0
    line, counted = 1, 0  # line numbers counted on from the last record: linear in the file
    format_seen = False
    for start, end in _records(text):
        line += text.count("\n", counted, start)
        counted = start
        raw = text[start:end]
        first, last = line, line + raw.count("\n")
        problem = too_long(file, first, len(raw))
        if problem:
            yield problem
            continue
        try:
            record = fromstring(opener + raw + "</OAI-PMH>", forbid_dtd=True).find(f"{OAI}record")
        except (ET.ParseError, DefusedXmlException, UnicodeError, ValueError) as exc:
            yield Problem(file, first, f"OAI-PMH record is not well-formed XML ({exc})")
            continue
        header = record.find(f"{OAI}header") if record is not None else None
        if header is not None and header.get("status") == "deleted":
            deleted += 1
            continue
        holder = record.find(f"{OAI}metadata") if record is not None else None
        meta = next(iter(holder), None) if holder is not None else None
        if meta is None:
            yield Problem(file, first, "OAI-PMH record without metadata")
            continue
        ns_uri = meta.tag[1:].split("}", 1)[0] if meta.tag.startswith("{") else ""
        prefix = PREFIX_OF.get(ns_uri)
        if prefix is None:
            if not format_seen:  # a whole response in another format: said once
                yield _unknown(file, first, meta.tag.split("}")[-1])
                return
            yield Problem(file, first, f"OAI-PMH record in an unknown metadata format ({meta.tag})")
            continue
        format_seen = True
        ns = f"{{{ns_uri}}}"
        authors, date = (_arxiv if prefix == "arXiv" else _arxiv_raw)(meta, ns)
        authors, not_shown, cut = cap_authors(authors, None, file, first)
        if cut:
            yield cut
        title, abstract = _text(meta.find(f"{ns}title")), _text(meta.find(f"{ns}abstract"))
        if not (title or abstract):
            yield Problem(file, first, "OAI-PMH record has neither title nor abstract")
            continue
        identifier = _text(header.find(f"{OAI}identifier")) if header is not None else None
        doi, comments = _text(meta.find(f"{ns}doi")), _text(meta.find(f"{ns}comments"))
        journal = _text(meta.find(f"{ns}journal-ref"))
        extra = {"journal_ref": collapse_ws(journal)} if journal else {}
        index += 1
        yield Record(
            file=file, index=index, lines=(first, last), text=raw, format="arxiv-oai-pmh",
            title=collapse_ws(title) if title else None, authors=tuple(authors), authors_not_shown=not_shown,
            abstract=collapse_ws(abstract) if abstract else None,
            arxiv_id=arxiv_id(_text(meta.find(f"{ns}id"))) or arxiv_id(identifier),
            doi=find_doi(doi) if doi else None, comments=collapse_ws(comments) if comments else None,
            date=date, categories=cats.parse(_text(meta.find(f"{ns}categories"))), extra=extra,
        )
    if deleted:
        yield Problem(file, 1, f"{deleted} deleted records (OAI-PMH status=\"deleted\") left out", skipped=False)
    if not index and not deleted:
        error = ERROR.search(text)
        if error:
            yield Problem(file, text.count("\n", 0, error.start()) + 1,
                          f"OAI-PMH error {error.group(1)}: {collapse_ws(error.group(2)) or 'no message'}")


def _unknown(file: str, line: int, prefix: str) -> Problem:
    known = " and ".join(FORMATS)
    return Problem(file, line, f"OAI-PMH metadata format {prefix!r} is not read (kg reads {known}); "
                               f"harvest with metadataPrefix=arXiv or arXivRaw")
