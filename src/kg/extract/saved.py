"""Extraction results as bytes: how worker processes hand docs back, and how a store keeps them.

A doc is pickled without its record: the record is named by its position in a list both sides
hold (the job a worker was forked with; the records read again from a stored source), so a
doc costs little more than its findings. Slotted dataclasses (facts, mentions) go as plain
tuples: dataclasses' own pickling calls ``fields()`` for every object, and a hundred thousand
facts took seconds.

Loading resolves only the classes a doc is made of (an allow-list, as the pickle documentation
advises), so a store folder from elsewhere cannot make a build run code of its choosing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import io
import operator
import pickle
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache, partial
from importlib import resources

from kg.extract.doc import Doc
from kg.records.record import Record

_ALLOWED = {
    ("kg.extract.doc", "Doc"),
    ("kg.extract.fact", "Mention"),
    ("kg.extract.fact", "Fact"),
    ("kg.extract.fact", "Alias"),
    ("kg.extract.fact", "Attribute"),
    ("kg.records.record", "Problem"),
    (__name__, "_rebuild"),
}


def record_ref(position: int) -> Record:
    """Stands for a record in a pickle; only a :class:`_DocUnpickler` knows which one it is."""
    raise pickle.UnpicklingError("a record reference outside kg.extract.saved.loads")


@lru_cache(maxsize=None)
def _fields(cls: type) -> tuple[str, ...] | None:
    """Field names of a slotted dataclass (Fact, Mention, ...), else None."""
    if dataclasses.is_dataclass(cls) and "__slots__" in vars(cls):
        return tuple(f.name for f in dataclasses.fields(cls))
    return None


def _rebuild(cls: type, values: tuple) -> object:
    obj = object.__new__(cls)
    for name, value in zip(_fields(cls), values):
        object.__setattr__(obj, name, value)
    return obj


def _reducer(cls: type) -> Callable[[object], tuple]:
    """How an object of a slotted dataclass is pickled: its class and its fields' values, made again by
    its __init__ (compiled, quick) unless that checks more than it stores (Fact: :func:`_rebuild`)."""
    values = operator.attrgetter(*_fields(cls))  # (every such class has two fields or more: a tuple)
    if hasattr(cls, "__post_init__"):
        return lambda obj: (_rebuild, (cls, values(obj)))
    return lambda obj: (cls, values(obj))


@lru_cache(maxsize=1)
def _reducers() -> dict[type, Callable[[object], tuple]]:
    """The reducer of each slotted dataclass a doc is made of (the allow-list's, and Record's when a
    record is not one the reader holds)."""
    classes = [getattr(importlib.import_module(module), name) for module, name in _ALLOWED]
    return {cls: _reducer(cls) for cls in [*classes, Record] if isinstance(cls, type) and _fields(cls)}


class _DocPickler(pickle.Pickler):
    """Docs with their records named by position. The reducers are a dispatch table, looked up by the
    pickler in C for these classes only (a reducer_override is called for every object pickled)."""

    def __init__(self, file: io.BytesIO, positions: dict[int, int]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        # (no method of self in the table: a cycle through the pickler would keep it, its memo of every
        # object pickled and its file alive, and builds run without the cyclic collector)
        self.dispatch_table = {**_reducers(), Record: partial(_reduce_record, positions)}


def _reduce_record(positions: dict[int, int], record: Record) -> tuple:
    """A record the reader holds by its position (``positions``: id -> position), another as any slotted dataclass."""
    if id(record) in positions:
        return record_ref, (positions[id(record)],)
    return _reducers()[Record](record)


class _DocUnpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, records: Sequence[Record], offset: int) -> None:
        super().__init__(file)
        self.records, self.offset = records, offset

    def find_class(self, module: str, name: str):
        if (module, name) == (__name__, "record_ref"):
            # not a bound method: the unpickler keeps what find_class gives, and a cycle through it
            # would outlive the load (builds run without the cyclic collector), and its input with it
            records, offset = self.records, self.offset
            return lambda position: records[position - offset]
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a doc")
        return super().find_class(module, name)


def dumps(docs: list[Doc], first: int = 0) -> bytes:
    """``docs`` as bytes; each names its record by position, counted from ``first`` for the first
    doc's (the reader holds the records in the docs' order)."""
    buf = io.BytesIO()
    _DocPickler(buf, {id(doc.record): first + k for k, doc in enumerate(docs)}).dump(docs)
    return buf.getvalue()


def loads(blob: bytes, records: Sequence[Record], offset: int = 0) -> list[Doc]:
    """The docs in ``blob``; the record at position ``p`` is ``records[p - offset]``."""
    return _DocUnpickler(io.BytesIO(blob), records, offset).load()


EXTRACTION_CODE = ("extract", "records", "keys.py", "vocab.py")
"""The parts of kg (under its folder) that extraction results depend on: the extractors, the readers
that make their records and the name keys and vocabulary they use. A test checks that kg.extract
imports nothing else of kg, so an edit anywhere here counts as an edited extractor, and an edit
elsewhere (the graph, the views) keeps the results saved before it."""


@lru_cache(maxsize=None)
def signature(components: tuple[str, ...]) -> str:
    """What extraction results depend on: the components run and the code of
    :data:`EXTRACTION_CODE`, which must never meet results saved by other code."""
    return code_signature(components, resources.files("kg"))


def code_signature(components: tuple[str, ...], package) -> str:
    """:func:`signature` of the kg package found at ``package`` (a folder or a resources Traversable)."""
    h = hashlib.sha256("\0".join(components).encode())
    files = (f for part in EXTRACTION_CODE for f in _code_files(package / part, f"kg/{part}"))
    for name, entry in sorted(files, key=lambda f: f[0]):
        h.update(name.encode() + b"\0" + entry.read_bytes())
    return h.hexdigest()[:24]


def _code_files(entry, name: str):
    if entry.is_dir():
        if entry.name != "__pycache__":
            for child in entry.iterdir():
                yield from _code_files(child, f"{name}/{child.name}")
    elif entry.is_file() and not entry.name.endswith((".pyc", ".pyo")):
        yield name, entry


def header(offset: int, count: int) -> bytes:
    """The start of a file of saved results (:func:`pack`): the blobs that follow it hold the docs
    of ``count`` records, positions counted from ``offset``. A build writes the header and then
    each blob as it is made, so a large source's docs are never all held."""
    return pickle.dumps((offset, count), protocol=pickle.HIGHEST_PROTOCOL)


def pack(offset: int, blobs: list[bytes], count: int) -> bytes:
    """One file of saved results: ``blobs`` (from :func:`dumps`, positions counted from
    ``offset``) holding the docs of ``count`` records, in order."""
    return header(offset, count) + b"".join(blobs)


def unpack(data: bytes, records: Sequence[Record]) -> list[Doc] | None:
    """The docs of ``records`` saved by :func:`pack`; None when the bytes do not hold them (damaged,
    or saved for other records): the caller extracts again."""
    stream = io.BytesIO(data)
    try:
        offset, count = _DocUnpickler(stream, records, 0).load()
        if count != len(records):
            return None
        docs: list[Doc] = []
        while stream.tell() < len(data):
            docs += _DocUnpickler(stream, records, offset).load()
    except Exception:  # noqa: BLE001 -- whatever is wrong with the file, extracting again mends it
        return None
    if len(docs) != count or any(type(d) is not Doc or d.record is not r for d, r in zip(docs, records)):
        return None
    return docs


def read(path, records: Sequence[Record]) -> Iterator[Doc]:
    """The docs of ``records`` saved by :func:`pack` in the file ``path``, read a blob at a time (a
    source of a million records is never held whole; ``records`` may load its own a chunk at a
    time, kg.records.spool). Raises ValueError when the file does not hold them (damaged, or saved
    for other records), possibly after some docs came out: check a file before trusting it."""
    with open(path, "rb") as f:
        try:
            offset, count = _DocUnpickler(f, records, 0).load()
        except Exception as exc:  # noqa: BLE001 -- whatever is wrong with the file
            raise ValueError(f"{path}: not a file of saved docs") from exc
        if count != len(records):
            raise ValueError(f"{path}: saved for {count} records, not {len(records)}")
        k = 0
        while f.peek(1):
            try:
                docs = _DocUnpickler(f, records, offset).load()
            except Exception as exc:  # noqa: BLE001
                raise ValueError(f"{path}: damaged after {k} docs") from exc
            for d in docs:  # (its record and records[k] are one, or equal: a spool may load a chunk again)
                if k >= count or type(d) is not Doc or not _same(d.record, records[k]):
                    raise ValueError(f"{path}: doc {k} is not of its record")
                k += 1
                yield d
        if k != count:
            raise ValueError(f"{path}: {k} docs for {count} records")


def _same(a: Record, b: Record) -> bool:
    return a is b or (a.file == b.file and a.index == b.index)


def check(path, records: Sequence[Record]) -> bool:
    """Whether the file ``path`` holds the docs of ``records`` (:func:`read` to the end)."""
    try:
        for _ in read(path, records):
            pass
    except (ValueError, OSError):
        return False
    return True
