"""The only place IRIs are minted: a readable slug plus a hash, never raw text.

Raw text in an IRI breaks serializers (rdflib only warns on a space or ``>``),
so every IRI is built from an ASCII slug and a hash of the entity's key, and
checked by pyoxigraph's strict parser before use.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

import pyoxigraph
from rdflib import URIRef

from kg.records.ids import ARXIV_ID

BASE = "https://w3id.org/mlkg/id/"
SLUG_MAX = 60
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """ASCII, lower case, dashes; "" when nothing of the text is ASCII."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_SLUG.sub("-", folded.lower()).strip("-")[:SLUG_MAX].rstrip("-")


def digest(key: str, n: int = 10) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:n]


def checked(iri: str) -> URIRef:
    pyoxigraph.NamedNode(iri)  # raises ValueError on anything invalid
    return URIRef(iri)


@lru_cache(maxsize=131072)
def mint(kind: str, key: str, label: str | None = None) -> URIRef:
    """IRI of an entity of ``kind`` whose resolution key is ``key``."""
    s = slug(label if label is not None else key)
    tail = f"{s}-{digest(kind + chr(0) + key)}" if s else digest(kind + chr(0) + key)
    return checked(f"{BASE}{kind}/{tail}")


def paper(key: str, arxiv_id: str | None, label: str | None) -> URIRef:
    if arxiv_id and ARXIV_ID.fullmatch(arxiv_id):
        return checked(f"{BASE}paper/arxiv-{arxiv_id.replace('/', '_')}")
    return mint("paper", key, label)


@lru_cache(maxsize=131072)
def record(file: str, index: int) -> URIRef:
    return checked(f"{BASE}record/{slug(file) or 'file'}-{digest(file, 8)}/{index}")


def evidence(*parts: str) -> URIRef:
    return URIRef(evidence_iri(*parts))


def evidence_iri(*parts: str) -> str:
    """The evidence IRI as a plain string: the base and a hex digest, valid by construction, so not
    parsed again (a build makes one per fact)."""
    return f"{BASE}evidence/{digest(chr(0).join(parts), 20)}"


@lru_cache(maxsize=256)
def extractor(name_at_version: str) -> URIRef:
    name, _, version = name_at_version.partition("@")
    return checked(f"{BASE}extractor/{slug(name)}/{slug(version.replace('.', '-')) or '0'}")


def forget() -> None:
    """Empty the caches of minted IRIs: a build calls it between stages, once the IRIs it minted are
    held where they are needed (up to 131,072 each, about 100 MB when full)."""
    mint.cache_clear()
    record.cache_clear()
