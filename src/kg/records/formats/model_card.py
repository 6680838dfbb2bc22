"""A Hugging Face model card: a README.md whose YAML front matter declares the model's metadata.

One card is one record about one model repo. The repo id comes from the card's two
parent folders (``ORG/NAME/README.md``, as repos are laid out on disk and as
``kg hub fetch --cards`` writes them; ``kg build --hub-id ORG/NAME FILE`` names one
card so), else from ``model-index``. The record's text is the front matter as written,
so every declaration is quoted from it: ``base_model`` (with ``base_model_relation``),
``arxiv:`` tags and ``datasets`` (see :mod:`kg.records.formats.declared`).

The front matter is parsed by :mod:`kg.records.safe_yaml`: a card with Python tags, an
alias bomb or a megabyte of metadata is refused with one line; a card with no front
matter at all is still a record of its repo, with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from kg.records import safe_yaml
from kg.records.formats._common import split_lines
from kg.records.formats.declared import EXTRA_KEY, Declared, Stated, paper_id, repo_id
from kg.records.record import Problem, Record
from kg.records.registry import reader

FORMAT = "model-card"
FENCE = re.compile(r"^---[ \t]*$")
CARD_KEY = re.compile(r"(?m)^(?:base_model|base_model_relation|license|license_name|library_name|pipeline_tag|"
                      r"tags|datasets|language|model-index|model_name|model_creator|quantized_by|inference|"
                      r"widget|metrics|thumbnail|new_version)\s*:")
TOO_LONG = -1
QUOTE_SPAN = 5
"""A list item is quoted with its key's line when they are this few lines apart ("base_model:\\n- a\\n- b")."""


def sniff(head: str) -> float:
    """Sure when the text opens with YAML front matter holding card keys; a little
    sure of a Markdown document that opens with a heading (a card without metadata)."""
    lines = split_lines(head)
    if lines and FENCE.match(lines[0]):
        body = "\n".join(lines[1:])
        return 0.95 if CARD_KEY.search(body) else 0.5
    first = next((line for line in lines if line.strip()), "")
    return 0.3 if first.startswith("# ") else 0.0


def repo_from_path(file: str) -> str | None:
    """"ORG/NAME" from a source keyed ".../ORG/NAME/README.md", else None."""
    parts = file.replace("\\", "/").split("/")
    return repo_id("/".join(parts[-3:-1])) if len(parts) >= 3 else None


@reader(FORMAT, sniff=sniff, describes="model")
def parse(text: str, file: str) -> Iterator[Record | Problem]:
    """Hugging Face model card: README.md with YAML front matter (base_model, tags, datasets)."""
    lines = split_lines(text)
    end = _fence_end(lines)
    if end == TOO_LONG:
        yield Problem(file, 1, f"card refused: metadata longer than the limit of {safe_yaml.MAX_CHARS} characters")
        return
    problems: list[Problem] = []
    meta, root, yaml_lines = None, None, []
    if end is None:
        if lines and FENCE.match(lines[0]):
            problems.append(Problem(file, 1, "card front matter is not closed by a '---' line: read without metadata",
                                    skipped=False))
        else:
            problems.append(Problem(file, 1, "card has no metadata (no YAML front matter)", skipped=False))
        first = next((i for i, line in enumerate(lines) if line.strip()), 0)
        span, record_text = (first + 1, first + 1), lines[first]
    else:
        yaml_lines = lines[1:end]
        try:
            meta, root = safe_yaml.load("\n".join(yaml_lines))
        except safe_yaml.UnsafeYAML as exc:
            yield Problem(file, exc.line + 1 if exc.line else 1, f"card refused: {exc}")
            return
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1
            yield Problem(file, line, f"card refused: its YAML does not parse ({getattr(exc, 'problem', None) or exc})")
            return
        if meta is None or meta == {}:
            problems.append(Problem(file, 1, "card has no metadata (empty front matter)", skipped=False))
        elif not isinstance(meta, dict):
            problems.append(Problem(file, 2, "card front matter is not a mapping: read without metadata", skipped=False))
            meta, root = None, None
        span, record_text = (1, end + 1), "\n".join(lines[:end + 1])

    repo = repo_from_path(file) or _model_index_name(meta)
    if repo is None:
        yield Problem(file, 1, "cannot tell which repo this card is for: lay it out as ORG/NAME/README.md "
                               "or give `kg build --hub-id ORG/NAME`")
        return
    declared = Declared(repo)
    if isinstance(meta, dict) and root is not None:
        problems += _declarations(meta, root, yaml_lines, declared, file)
    yield from problems
    yield Record(file=file, index=1, lines=span, text=record_text, format=FORMAT,
                 extra={EXTRA_KEY: declared.dumps()})


def _fence_end(lines: list[str]) -> int | None:
    """Index of the line closing the front matter, or None when there is none."""
    if not lines or not FENCE.match(lines[0]):
        return None
    budget = safe_yaml.MAX_CHARS + 1
    for i in range(1, len(lines)):
        if FENCE.match(lines[i]):
            return i
        budget -= len(lines[i]) + 1
        if budget < 0:  # too long to be metadata: refused without reading further
            return TOO_LONG
    return None


def _model_index_name(meta) -> str | None:
    if not isinstance(meta, dict):
        return None
    index = meta.get("model-index")
    if isinstance(index, list) and index and isinstance(index[0], dict):
        return repo_id(index[0].get("name"))
    return None


def _entry(root: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    for k, v in root.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return k, v
    return None


def _items(value: yaml.Node) -> list[yaml.Node]:
    """The scalar values of a value node: itself, or a sequence's scalar items."""
    if isinstance(value, yaml.ScalarNode):
        return [value]
    if isinstance(value, yaml.SequenceNode):
        return [n for n in value.value if isinstance(n, yaml.ScalarNode)]
    return []


def _quote(lines: list[str], key: yaml.Node, item: yaml.Node) -> str:
    """The lines that state ``item``: from its key's line when close, else its own lines."""
    last = item.end_mark.line - (1 if item.end_mark.column == 0 and item.end_mark.line > item.start_mark.line else 0)
    first = key.start_mark.line if last - key.start_mark.line < QUOTE_SPAN else item.start_mark.line
    return "\n".join(lines[first:last + 1])


def _declarations(meta: dict, root: yaml.Node, lines: list[str], out: Declared, file: str) -> list[Problem]:
    problems: list[Problem] = []
    relation, relation_quote = None, None
    if (entry := _entry(root, "base_model_relation")) is not None and isinstance(meta.get("base_model_relation"), str):
        relation = meta["base_model_relation"].strip().lower() or None
        relation_quote = _quote(lines, entry[0], entry[1])
    if (entry := _entry(root, "base_model")) is not None:
        for node in _items(entry[1]):
            rid = repo_id(node.value)
            if rid is None:
                problems.append(Problem(file, node.start_mark.line + 2,
                                        f"base_model {node.value[:80]!r} is not a Hub repo id: ignored", skipped=False))
                continue
            out.parents.append(Stated(rid, _quote(lines, entry[0], node), relation, relation_quote))
    if (entry := _entry(root, "tags")) is not None:
        for node in _items(entry[1]):
            if (aid := paper_id(node.value)) is not None:
                out.papers.append(Stated(aid, _quote(lines, entry[0], node)))
    if (entry := _entry(root, "datasets")) is not None:
        for node in _items(entry[1]):
            if (did := repo_id(node.value)) is not None:
                out.datasets.append(Stated(did, _quote(lines, entry[0], node)))
    return problems


def as_card_of(result, hub_id: str, format: str | None = None):
    """``result`` (kg.records.io.ReadResult of one file) read again as the card of repo ``hub_id``:
    its source is renamed "ORG/NAME/README.md", so the store rebuilds it as the same repo's card."""
    from dataclasses import replace

    from kg.records.io import ReadResult, parse_text

    rid = repo_id(hub_id)
    if rid is None or "/" not in rid:
        raise ValueError(f"--hub-id {hub_id!r} is not a Hub repo id such as org/name")
    if len(result.sources) != 1:
        raise ValueError(f"--hub-id names one card, but {len(result.sources)} files were read")
    source = result.sources[0]
    name = f"{rid}/README.md"
    records, problems, chosen = parse_text(source.text, name, format or FORMAT)
    kept = [p for p in result.problems if p.file != source.name]
    return ReadResult(records, kept + problems, [replace(source, name=name, format=chosen)], result.filtered)
