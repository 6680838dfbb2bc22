"""A map keyed by a record's (file, index), as a dict takes it (``get``, ``[]``, ``in``), held as one
list per file by index (records are numbered from 1 in their file): eight bytes a record, where a
dict keyed by (file, index) tuples takes about 170. A build keeps a few such maps of every record
(the paper each record is in, a record's position among those clustered) while it resolves and
writes: at a million records the tuples alone would be hundreds of MB."""

from __future__ import annotations

from typing import Generic, TypeVar

V = TypeVar("V")


class ByRecord(Generic[V]):
    """(file, index) -> a value (never None: None marks a record with none)."""

    __slots__ = ("by_file",)

    def __init__(self) -> None:
        self.by_file: dict[str, list[V | None]] = {}

    def get(self, key: tuple[str, int], default: V | None = None) -> V | None:
        at = self.by_file.get(key[0])
        index = key[1]
        if at is None or not 0 <= index < len(at):
            return default
        got = at[index]
        return default if got is None else got

    def __getitem__(self, key: tuple[str, int]) -> V:
        got = self.get(key)
        if got is None:
            raise KeyError(key)
        return got

    def __contains__(self, key: tuple[str, int]) -> bool:
        return self.get(key) is not None

    def __setitem__(self, key: tuple[str, int], value: V) -> None:
        file, index = key
        if index < 0:
            raise KeyError(key)
        at = self.by_file.setdefault(file, [])
        if index >= len(at):
            at.extend([None] * (index + 1 - len(at)))
        at[index] = value

    def pop(self, key: tuple[str, int], default: V | None = None) -> V | None:
        got = self.get(key)
        if got is None:
            return default
        self.by_file[key[0]][key[1]] = None
        return got

    def values(self) -> list[V]:
        """The values, by file (in the order the files were first set) and index."""
        return [v for at in self.by_file.values() for v in at if v is not None]
