"""Small shared pieces of the explorer's page data: classes, kinds, links and safe text.

An entity's page address mirrors its IRI: https://w3id.org/mlkg/id/model/x is
shown at /id/model/x, so an address can be turned back into the IRI without a
lookup table. Kinds, their labels and colours come from kg.vocab and the
static pages' palette (kg.views.network), so a kind added to the ontology
appears here too.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

from kg.graph.iris import BASE
from kg.records.ids import VERSIONED_ID
from kg.views.network import CLASSES, DERIVED_COLOUR, KIND_COLOURS
from kg.views.text import safe_text
from kg.vocab import DERIVATIONS, MLKG

__all__ = ["CLASS_ORDER", "KINDS", "class_key", "href", "iri_of", "kind_of", "text"]

CLASS_ORDER = ["family", *(spec[0] for spec in CLASSES.values())]
"""Class keys; an entity with two classes is shown as the later one (a benchmark is also a dataset)."""
_CLASS_KEYS = {str(MLKG.ModelFamily): "family", **{str(c): spec[0] for c, spec in CLASSES.items()}}
KINDS = {str(d.iri): {"key": d.kind, "label": d.label.removesuffix(" from"),
                      "colour": KIND_COLOURS.get(d.kind, DERIVED_COLOUR)} for d in DERIVATIONS}
"""Derivation property IRI -> the kind's key, its short label ("fine-tuned") and colour."""
DERIVED = {"key": "derived", "label": "derived", "colour": DERIVED_COLOUR}
"""An edge only mlkg:derivedFrom states (no specific kind)."""
DERIVED_FROM = str(MLKG.derivedFrom)
PAGE_PREFIX = "/id/"


def text(value: object, limit: int | None = None) -> str:
    """Visible text (kg.views.text.safe_text): no control or bidi characters; '' for None."""
    return "" if value is None else safe_text(value, limit)


def class_key(iri: str | None) -> str | None:
    return _CLASS_KEYS.get(iri or "")


def kinds_of(props: set[str]) -> list[dict]:
    """The kinds a set of properties states, in ontology order; "derived" when only derivedFrom does."""
    return [k for p, k in KINDS.items() if p in props] or [DERIVED]


def kind_of(prop: str) -> dict | None:
    return KINDS.get(prop) or (DERIVED if prop == DERIVED_FROM else None)


def legend() -> list[dict]:
    return [*KINDS.values(), DERIVED]


def href(iri: str | None) -> str | None:
    """The explorer address of an entity IRI (/id/...), None for an IRI outside kg's namespace."""
    if not iri or not iri.startswith(BASE) or len(iri) == len(BASE):
        return None
    return PAGE_PREFIX + quote(iri[len(BASE):], safe="/-._~")


def iri_of(path: str) -> str | None:
    """The entity IRI an /id/... address names (the inverse of :func:`href`)."""
    if not path.startswith(PAGE_PREFIX) or len(path) == len(PAGE_PREFIX):
        return None
    return BASE + unquote(path[len(PAGE_PREFIX):])


def arxiv_url(arxiv_id: str | None) -> str | None:
    """https://arxiv.org/abs/ID for a well-formed id only (nothing from text becomes a link)."""
    value = (arxiv_id or "").strip()
    return f"https://arxiv.org/abs/{value}" if VERSIONED_ID.fullmatch(value) else None


def link(iri: str | None, label: object, **extra) -> dict:
    return {"label": text(label, 300) or text(iri), "href": href(iri), **extra}


_HF_ID = re.compile(r"[A-Za-z0-9][\w.-]{0,95}/[A-Za-z0-9][\w.-]{0,95}", re.ASCII)


def hf_url(hf_id: str | None) -> str | None:
    """https://huggingface.co/ORG/NAME for a well-formed Hub id only."""
    value = (hf_id or "").strip()
    return f"https://huggingface.co/{value}" if _HF_ID.fullmatch(value) and ".." not in value else None
