"""What a model card or a Hub listing declares, as the readers hand it to the extractors.

Both model-card readers (a card's YAML front matter, the Hub's JSON Lines) find the
same few declarations: the repo itself, its base models (with the relation when one
is given), the papers it cites (``arxiv:`` tags) and the datasets it names. Each comes
with the quote that states it, a line (or a few lines) of the record's own text, so the
extractor can give every fact its evidence without reading the format again. The
declarations travel in ``Record.extra["declared"]`` as JSON (extra holds strings).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field

from kg.records.ids import arxiv_id

REPO_ID = re.compile(r"[A-Za-z0-9][\w.\-]{0,95}(?:/[\w.\-]{1,96})?")
"""A Hub repo id: "org/name" (or a legacy name without org)."""
HUB_URL = re.compile(r"^https?://(?:www\.)?huggingface\.co/")
EXTRA_KEY = "declared"


@dataclass
class Stated:
    """One declared value and the text that states it."""

    value: str
    quote: str
    relation: str | None = None
    """For a base model: the relation given (finetune, adapter, quantized, merge), if any."""
    relation_quote: str | None = None
    """The line that states the relation, when it is not the value's own quote."""


@dataclass
class Declared:
    repo: str
    parents: list[Stated] = field(default_factory=list)
    papers: list[Stated] = field(default_factory=list)
    datasets: list[Stated] = field(default_factory=list)

    def dumps(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @staticmethod
    def loads(text: str) -> Declared:
        obj = json.loads(text)
        return Declared(obj["repo"], *[[Stated(**s) for s in obj[k]] for k in ("parents", "papers", "datasets")])


def repo_id(value: object) -> str | None:
    """A Hub repo id from a metadata value ("org/name", or its huggingface.co URL), else None."""
    if not isinstance(value, str):
        return None
    value = HUB_URL.sub("", value.strip()).strip("/")
    return value if REPO_ID.fullmatch(value) else None


def paper_id(tag: object) -> str | None:
    """The arXiv id of an ``arxiv:ID`` tag, else None."""
    if isinstance(tag, str) and tag[:6].lower() == "arxiv:":
        return arxiv_id(tag[6:].strip())
    return None
