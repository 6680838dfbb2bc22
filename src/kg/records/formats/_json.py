"""One JSON line -> an object, or the reason it is not one (shared by the JSON Lines readers).

Python's parser recurses once per nesting level: a line nested a few thousand levels deep
raises RecursionError, which is not a ValueError. Caught here, it costs that line only, never
the file (issue: a 2,000-deep line sank the whole build from the sniffer).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from kg.records.formats._common import record_lines
from kg.records.record import Problem

TOO_DEEP = "JSON nested too deeply to read"


def load(line: str) -> tuple[object, str | None]:
    """(the parsed value, None) or (None, why the line is not JSON)."""
    try:
        return json.loads(line), None
    except RecursionError:
        return None, TOO_DEEP
    except ValueError as exc:
        return None, f"not valid JSON ({getattr(exc, 'msg', exc)})"


def load_object(line: str) -> tuple[dict | None, str | None]:
    """(the object, None) or (None, why the line is not a JSON object)."""
    value, error = load(line)
    if error:
        return None, error
    if not isinstance(value, dict):
        return None, f"JSON line is not an object (a {_kind(value)})"
    return value, None


def first_line(head: str) -> str | None:
    """The first non-blank line of ``head``, stripped, or None."""
    for line in head.split("\n"):
        s = line.strip()
        if s:
            return s
    return None


def _kind(value: object) -> str:
    return {list: "list", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), "number")


def objects(text: str, file: str) -> Iterator[tuple[int, str, dict] | Problem]:
    """Each non-blank line of a JSON Lines text as (line number, line, object), or the Problem
    that line is instead (too long, not JSON, nested too deeply, not an object)."""
    for item in record_lines(text, file):
        if isinstance(item, Problem):
            yield item
            continue
        no, line = item
        obj, error = load_object(line)
        if obj is None:
            yield Problem(file, no, error or "not a JSON object")
            continue
        yield no, line, obj
