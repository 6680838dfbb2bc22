"""YAML from untrusted files, parsed so that no document can run code or exhaust memory.

A model card's metadata is YAML written by anyone who can push to the Hub. Three
well-known attacks are refused with one line each, before any Python object is made:

* Python tags (``!!python/object/apply:os.system``): the safe loader knows only
  YAML's own types, and any other tag is named in the refusal;
* alias bombs ("billion laughs": ``a: &a [x, x]``, ``b: &b [*a, *a]``, ...): the
  composed document is a graph whose shared nodes are counted as often as they
  are used; past :data:`MAX_NODES` the document is refused, as is an alias that
  refers to itself;
* sheer size: the caller caps the text (``MAX_CHARS``) before it is parsed, and
  libyaml caps nesting depth itself.

``load(text)`` returns the document (dicts, lists, strings, numbers, dates) and
its composed root node, whose marks give each value's line (for quotes).
"""

from __future__ import annotations

from typing import Any

import yaml

MAX_CHARS = 1_000_000
"""Longest metadata block parsed (a card's whole metadata is rarely over 50 KB)."""
MAX_NODES = 100_000
"""Most values a document may hold once its aliases are expanded."""

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in (
    "str", "int", "float", "bool", "null", "map", "seq", "timestamp", "binary", "set", "omap", "pairs",
    "merge", "value"))


class UnsafeYAML(ValueError):
    """The document was refused: the message says why, in one line; ``line`` (1-based, in the
    YAML text) says where, when one place is to blame."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def load(text: str) -> tuple[Any, yaml.Node | None]:
    """(document, root node) of one YAML document; raises UnsafeYAML or yaml.YAMLError."""
    if len(text) > MAX_CHARS:
        raise UnsafeYAML(f"metadata of {len(text)} characters exceeds the limit of {MAX_CHARS}")
    loader = _LOADER(text)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    if root is None:
        return None, None
    _check(root)
    constructor = _LOADER("")
    try:
        return constructor.construct_document(root), root
    finally:
        constructor.dispose()


def _check(root: yaml.Node) -> None:
    """Refuse foreign tags, self-referring aliases and documents too big once expanded.

    Walked without recursion; a node's expanded size is computed once however often
    aliases reuse it, so a bomb is measured in the time of its few distinct nodes."""
    size: dict[int, int] = {}
    open_: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            open_.discard(key)
            total = 1 + sum(size[id(c)] for c in _children(node))
            if total > MAX_NODES:
                raise UnsafeYAML(f"aliases expand the metadata past {MAX_NODES} values (an alias bomb)")
            size[key] = total
            continue
        if key in size:
            continue
        if key in open_:
            raise UnsafeYAML("an alias refers to itself", node.start_mark.line + 1)
        if node.tag not in _PLAIN_TAGS:
            raise UnsafeYAML(f"YAML tag {node.tag.replace('tag:yaml.org,2002:', '!!')} is not allowed: "
                             "only plain YAML values are read", node.start_mark.line + 1)
        open_.add(key)
        stack.append((node, True))
        stack.extend((c, False) for c in _children(node) if id(c) not in size)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []
