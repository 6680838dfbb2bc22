"""Hugging Face Hub model metadata as JSON Lines: one model per line, as the Hub API returns it.

The shape is ``huggingface_hub``'s ``list_models(..., full=True, cardData=True)`` (and
``kg hub fetch``): ``id``, ``author``, ``tags``, ``cardData``, ``pipeline_tag``,
``library_name``, ``createdAt``. The Hub writes a card's declarations into the tags
(``base_model:REL:ID`` with the relation it settled on, ``base_model:ID``,
``arxiv:ID``, ``dataset:ID``), so those are read first and quoted as they are
printed; ``cardData`` fills in what the tags leave out. Sniffed ahead of plain JSON
Lines of papers by an ``id`` in ``org/name`` form next to Hub fields, with no title.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from kg.records.formats import _json
from kg.records.formats._common import record_lines
from kg.records.formats.declared import EXTRA_KEY, Declared, Stated, paper_id, repo_id
from kg.records.record import Problem, Record
from kg.records.registry import reader

FORMAT = "hub-models"
HUB_FIELDS = frozenset({"tags", "cardData", "pipeline_tag", "library_name", "createdAt", "sha", "siblings",
                        "downloads", "likes", "modelId", "lastModified", "private", "gated"})
PAPER_FIELDS = frozenset({"title", "abstract", "summary", "authors"})
BASE_TAG = re.compile(r"base_model:(?:(adapter|finetune|merge|quantized):)?(.+)", re.IGNORECASE)


def _is_hub_model(obj: object) -> bool:
    return (isinstance(obj, dict) and repo_id(obj.get("id") or obj.get("modelId")) is not None
            and bool(HUB_FIELDS & obj.keys()) and not PAPER_FIELDS & obj.keys())


def sniff(head: str) -> float:
    """Sure when the first non-empty line is a JSON object shaped like a Hub model."""
    line = _json.first_line(head)
    if line is None:
        return 0.0
    value, _ = _json.load(line)
    return 0.95 if _is_hub_model(value) else 0.0


@reader(FORMAT, sniff=sniff, describes="model")
def parse(text: str, file: str) -> Iterator[Record | Problem]:
    """Hub model metadata, JSON Lines (list_models full=True): id, tags, cardData."""
    index = 0
    for item in record_lines(text, file):
        if isinstance(item, Problem):
            yield item
            continue
        no, line = item
        obj, error = _json.load(line)
        if error:
            yield Problem(file, no, error)
            continue
        if not _is_hub_model(obj):
            yield Problem(file, no, "not a Hub model (no 'id' in org/name form beside Hub fields)")
            continue
        index += 1
        declared = _declarations(obj, line)
        extra = {EXTRA_KEY: declared.dumps()}
        for key in ("pipeline_tag", "library_name", "createdAt"):
            if isinstance(obj.get(key), str):
                extra[key] = obj[key]
        yield Record(file=file, index=index, lines=(no, no), text=line, format=FORMAT, extra=extra)


def _quote(line: str, value: str) -> str:
    """``value`` as the line prints it (JSON may escape it)."""
    if value in line:
        return value
    escaped = json.dumps(value)[1:-1]
    return escaped if escaped in line else json.dumps(value, ensure_ascii=False)[1:-1]


def _field(line: str, key: str) -> str | None:
    """``"key": value`` as printed in the line (the first such key), or None."""
    decoder = json.JSONDecoder()
    for m in re.finditer(rf'"{re.escape(key)}"\s*:\s*', line):
        try:
            _, end = decoder.raw_decode(line, m.end())
        except ValueError:
            continue
        return line[m.start():end]
    return None


def _declarations(obj: dict, line: str) -> Declared:
    out = Declared(repo_id(obj.get("id") or obj.get("modelId")) or "")
    tags = [t for t in obj.get("tags") or [] if isinstance(t, str)] if isinstance(obj.get("tags"), list) else []
    parents: dict[str, Stated] = {}
    for tag in tags:
        m = BASE_TAG.fullmatch(tag)
        if m and (rid := repo_id(m.group(2))) is not None:
            relation = m.group(1).lower() if m.group(1) else None
            if rid not in parents or relation and not parents[rid].relation:
                parents[rid] = Stated(rid, _quote(line, tag), relation)
        elif (aid := paper_id(tag)) is not None:
            out.papers.append(Stated(aid, _quote(line, tag)))
        elif tag[:8].lower() == "dataset:" and (did := repo_id(tag[8:])) is not None:
            out.datasets.append(Stated(did, _quote(line, tag)))
    card = obj.get("cardData") if isinstance(obj.get("cardData"), dict) else {}
    if not parents and card.get("base_model"):
        relation = card.get("base_model_relation")
        relation = relation.strip().lower() if isinstance(relation, str) and relation.strip() else None
        quote = _field(line, "base_model")
        relation_quote = _field(line, "base_model_relation") if relation else None
        values = card["base_model"] if isinstance(card["base_model"], list) else [card["base_model"]]
        for value in values:
            if (rid := repo_id(value)) is not None and quote:
                parents[rid] = Stated(rid, quote, relation, relation_quote)
    out.parents = list(parents.values())
    if not out.datasets and card.get("datasets"):
        quote = _field(line, "datasets")
        values = card["datasets"] if isinstance(card["datasets"], list) else [card["datasets"]]
        out.datasets = [Stated(did, quote) for v in values if quote and (did := repo_id(v)) is not None]
    return out
