"""Fetch model metadata (and cards) from the Hugging Face Hub, in the shapes kg's readers take.

``kg hub fetch --author ORG`` is a thin layer over :func:`fetch`: ``huggingface_hub``'s
``list_models(author=..., search=..., full=True, cardData=True)`` written as JSON Lines, one
model per line, in the Hub API's own field names (``id``, ``author``, ``tags``, ``cardData``,
``pipeline_tag``, ``library_name``, ``createdAt``): what kg.records.formats.hub_models reads.
With ``cards``, each repo's README.md is downloaded to ``cards/ORG/NAME/README.md``, the
layout kg.records.formats.model_card takes the repo id from.

The endpoint is ``$HF_ENDPOINT`` (huggingface_hub's own variable) or huggingface.co; the
output file is written atomically, so a failed fetch leaves no half-written file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.exports.atomic import atomic_path

FIELDS = ("id", "author", "tags", "cardData", "pipeline_tag", "library_name", "createdAt")


class HubError(Exception):
    """The Hub could not be asked or did not answer (one line, for the CLI)."""


@dataclass
class Fetched:
    models: int = 0
    cards: int = 0
    missing_cards: list[str] = field(default_factory=list)
    """Repos without a README.md (or whose card could not be downloaded)."""


def endpoint() -> str | None:
    return os.environ.get("HF_ENDPOINT") or None


def _row(info) -> dict:
    """A ModelInfo as the Hub API spells it."""
    card = info.card_data.to_dict() if getattr(info, "card_data", None) is not None else None
    created = info.created_at.isoformat().replace("+00:00", "Z") if getattr(info, "created_at", None) else None
    row = {"id": info.id, "author": info.author, "tags": list(info.tags or []), "cardData": card,
           "pipeline_tag": info.pipeline_tag, "library_name": info.library_name, "createdAt": created}
    return {k: row[k] for k in FIELDS if row[k] is not None}


def fetch(author: str, out: str | Path, *, search: str | None = None, cards: str | Path | None = None,
          limit: int | None = None, progress: Callable[[str], None] | None = None) -> Fetched:
    """Write ``author``'s models (those matching ``search``) to ``out`` as JSON Lines; with
    ``cards``, download each model's card to ``cards/ORG/NAME/README.md``."""
    from huggingface_hub import HfApi, hf_hub_download
    from huggingface_hub.utils import logging as hub_logging

    hub_logging.set_verbosity_error()  # its retry notices are not ours to print; a failure is one line
    api = HfApi(endpoint=endpoint())
    got = Fetched()
    try:
        rows = [_row(m) for m in api.list_models(author=author, search=search, full=True, cardData=True,
                                                  limit=limit)]
    except Exception as exc:  # the client's HTTP, connection and decoding errors, whatever the transport
        raise HubError(f"the Hub did not answer the model list for {author!r}: {_first_line(exc)}") from None
    with atomic_path(Path(out)) as tmp:
        with open(tmp, "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    got.models = len(rows)
    if cards is None:
        return got
    for row in rows:
        repo = row["id"]
        if "/" not in repo:
            got.missing_cards.append(repo)
            continue
        if progress:
            progress(repo)
        try:
            hf_hub_download(repo, "README.md", local_dir=Path(cards) / repo, endpoint=endpoint())
            got.cards += 1
        except Exception:  # no README.md, or it could not be had: reported, the others are fetched
            got.missing_cards.append(repo)
    return got


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
