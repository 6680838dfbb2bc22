"""Records as Parquet: the partitioned intermediate results of a distributed build.

A worker that read a source writes its records here in partitions; the worker that extracts a
partition, and the machine that resolves them all, read them back. One column per field of
:class:`kg.records.record.Record` (the two line numbers as two columns, ``extra`` as JSON text,
whose key order survives, the tuples as lists), so a record read back is equal to the one written, field for field:
the docs extracted from it name it by position and must meet the same record on every side.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from kg.records.record import Record

SCHEMA = pa.schema([
    ("file", pa.string()), ("index", pa.int64()), ("first_line", pa.int64()), ("last_line", pa.int64()),
    ("text", pa.string()), ("format", pa.string()), ("title", pa.string()),
    ("authors", pa.list_(pa.string())), ("authors_not_shown", pa.int64()), ("abstract", pa.string()),
    ("arxiv_id", pa.string()), ("doi", pa.string()), ("comments", pa.string()), ("date", pa.string()),
    ("categories", pa.list_(pa.string())), ("extra", pa.string()),
])
_TUPLES = ("authors", "categories")
_PLAIN = [f.name for f in dataclasses.fields(Record) if f.name not in ("lines", *_TUPLES, "extra")]
if set(SCHEMA.names) != {*_PLAIN, "first_line", "last_line", *_TUPLES, "extra"}:  # pragma: no cover
    raise ImportError("kg.engines.parquet.SCHEMA no longer matches the fields of Record")


def write(records: Sequence[Record], path: str | Path) -> None:
    """Write ``records`` (one partition) to a Parquet file at ``path``."""
    columns: dict[str, list] = {name: [getattr(r, name) for r in records] for name in _PLAIN}
    columns["first_line"] = [r.lines[0] for r in records]
    columns["last_line"] = [r.lines[1] for r in records]
    for name in _TUPLES:
        columns[name] = [list(getattr(r, name)) for r in records]
    columns["extra"] = [json.dumps(r.extra) if r.extra else None for r in records]
    pq.write_table(pa.Table.from_pydict(columns, schema=SCHEMA), str(path), compression="zstd")


def read(path: str | Path) -> list[Record]:
    """The records of one partition, in the order they were written."""
    cols = pq.read_table(str(path), schema=SCHEMA).to_pydict()
    rows = zip(*(cols[name] for name in _PLAIN), cols["first_line"], cols["last_line"],
               *(cols[name] for name in _TUPLES), cols["extra"])
    out = []
    for row in rows:
        *plain, first, last = row[:len(_PLAIN) + 2]
        tuples = {name: tuple(v) for name, v in zip(_TUPLES, row[len(_PLAIN) + 2:-1])}
        extra = row[-1]
        out.append(Record(**dict(zip(_PLAIN, plain)), lines=(first, last), **tuples,
                          extra=json.loads(extra) if extra else {}))
    return out


KEYS = pa.schema([
    ("file", pa.string()), ("index", pa.int64()), ("digest", pa.binary(16)), ("size", pa.int64()),
    ("sketch", pa.list_(pa.int64())),
])
"""The blocking keys of the records' abstracts (kg.resolve.papers.sketch), a row per record with an
abstract; ``digest`` null when it is too short to match on."""


def write_keys(records: Sequence[Record], path: str | Path) -> None:
    """Compute the abstracts' blocking keys of ``records`` and write them to ``path``."""
    from kg.resolve.papers import sketch

    cache: dict[str, int] = {}
    rows = [(r, sketch(r.abstract, cache)) for r in records if r.abstract]
    columns = {"file": [r.file for r, _ in rows], "index": [r.index for r, _ in rows],
               "digest": [k[0] if k else None for _, k in rows], "size": [k[1] if k else None for _, k in rows],
               "sketch": [k[2].tolist() if k else None for _, k in rows]}
    pq.write_table(pa.Table.from_pydict(columns, schema=KEYS), str(path), compression="zstd")


def read_keys(path: str | Path, into: dict) -> None:
    """Add the keys written by :func:`write_keys` to ``into``: (file, index) -> sketch or None."""
    from array import array

    cols = pq.read_table(str(path), schema=KEYS).to_pydict()
    for file, index, digest, size, values in zip(cols["file"], cols["index"], cols["digest"], cols["size"],
                                                 cols["sketch"]):
        into[(file, index)] = None if digest is None else (digest, size, array("q", values))
