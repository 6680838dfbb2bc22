"""A store generation's resolution index: what resolution needs to place new records among old ones.

A full build writes it (one SQLite file, ``index.sqlite`` in the generation) from what it resolved:

* papers: every paper record's arXiv id, DOI and title key; the abstracts' bottom-k sketches,
  shingle counts and word-for-word first listings (kg.resolve.papers keeps them while it clusters),
  and the abstracts themselves, for the few new pairs that must be compared;
* people: each paper's author lists (the paper's and its records'), in the papers' order, and the
  (paper, spelling) -> person map and the people made of them;
* models and techniques: the names the docs mention, with their counts, kinds and aliases
  (kg.resolve.entities.Names), from which entities and their IRIs follow.

An append (kg.append) reads it instead of reading, extracting and resolving every source again.
It is SQLite (Python's standard library): one file, written once, read by key or as a whole, no
server and no new dependency. Nothing in it is pickled: a store folder from elsewhere cannot run code.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
import zlib
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from kg.keys import title_key
from kg.records.record import Record
from kg.records.by_record import ByRecord
from kg.resolve.entities import Names
from kg.resolve.entity_table import unjournaled
from kg.resolve.papers import MIN_TITLE_KEY, Paper, _hard_title, _key
from kg.resolve.people import Agent, People

VERSION = 1
NAME = "index.sqlite"
"""The index's file name in a generation."""

_SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE rec (rid INTEGER PRIMARY KEY, file TEXT, idx INTEGER, arxiv TEXT, doi TEXT, title TEXT,
                  hard TEXT, size INTEGER, abstract TEXT, paper TEXT, data BLOB);
CREATE TABLE first (digest BLOB, arxiv TEXT, rid INTEGER);
CREATE TABLE sketch (part INTEGER PRIMARY KEY, owner BLOB, value BLOB);
CREATE TABLE paper (key TEXT PRIMARY KEY, base TEXT, data TEXT);
CREATE TABLE agent (key TEXT PRIMARY KEY, name TEXT, spellings TEXT, org INTEGER);
CREATE TABLE name (grp TEXT, key TEXT, spelling TEXT, n INTEGER);
CREATE TABLE kind (grp TEXT, key TEXT, kind TEXT, n INTEGER);
CREATE TABLE alias (ga TEXT, ka TEXT, gb TEXT, kb TEXT);
"""


@lru_cache(maxsize=1)
def code_signature() -> str:
    """A hash of kg's code: an index is used only by the code that wrote it (any change to how
    records are read, extracted or resolved could place them differently)."""
    h = hashlib.sha256(str(VERSION).encode())
    root = resources.files("kg")

    def walk(entry, name):
        for child in sorted(entry.iterdir(), key=lambda c: c.name):
            if child.is_dir():
                yield from walk(child, f"{name}/{child.name}")
            elif child.name.endswith((".py", ".ttl", ".txt", ".json", ".tsv")):
                yield f"{name}/{child.name}", child

    for name, entry in walk(root, "kg"):
        h.update(name.encode() + b"\0" + entry.read_bytes())
    return h.hexdigest()[:24]


def any_title(r: Record) -> str | None:
    """The title key that joins records (kg.resolve.papers._any_title)."""
    key = title_key(r.title) if r.title else ""
    return key if len(key) >= MIN_TITLE_KEY else None


_RECORD_FIELDS = tuple(f.name for f in dataclasses.fields(Record))


def record_bytes(r: Record) -> bytes:
    """A record as the index keeps it (JSON, compressed): an append that clusters an old paper
    again reads its records from here, not by parsing their whole source files again."""
    return zlib.compress(json.dumps([getattr(r, f) for f in _RECORD_FIELDS], ensure_ascii=False).encode(), 1)


def record_from(data: bytes) -> Record:
    values = dict(zip(_RECORD_FIELDS, json.loads(zlib.decompress(data))))
    for name in ("lines", "authors", "categories"):
        values[name] = tuple(values[name])
    return Record(**values)


def base_key(paper: Paper) -> str:
    """A paper's key before cluster_papers numbers a repeated one ("~2")."""
    return _key(paper)


@dataclass
class PaperRows:
    """New rows for the papers' part of the index (a full build's, or an append's)."""

    records: list[tuple] = field(default_factory=list)  # (rid, file, idx, arxiv, doi, title, hard, size, abstract, paper, data)
    first: list[tuple] = field(default_factory=list)  # (digest, arxiv, rid)
    owner: array = field(default_factory=lambda: array("q"))
    value: array = field(default_factory=lambda: array("q"))
    papers: list[tuple] = field(default_factory=list)  # (key, base, json)


def paper_rows(papers: list[Paper], people: People | None, keep: dict, first_rid: int = 0,
               whole=None) -> PaperRows:
    """The rows for ``papers`` clustered with ``keep`` (kg.resolve.papers.cluster_papers); record
    positions become rids from ``first_rid`` on. ``people``: the (paper, spelling) -> person map.
    ``whole``: the records whole, in build order, where those clustered are slim
    (kg.records.spool.slim): the index keeps a record whole, for an append to write its lines."""
    rows = PaperRows()
    rows.records = sorted(_record_rows(papers, keep, first_rid, whole))
    rows.first = list(_first_rows(keep, first_rid))
    rows.owner = array("q", (first_rid + i for i in keep.get("owner", ())))
    rows.value = array("q", keep.get("value", ()))
    rows.papers = list(_paper_data_rows(papers, people))
    return rows


def _record_rows(papers: list[Paper], keep: dict, first_rid: int, whole) -> Iterable[tuple]:
    """The ``rec`` table's row of each record clustered (``keep["records"]``), made one at a time
    (in the order of ``whole`` when given, each read whole from there as it comes: a build never
    holds every record whole)."""
    records = keep.get("records", [])
    sizes = keep.get("sizes", ())  # by position (0: not sketched)
    paper_of: ByRecord[str] = ByRecord()  # (not dicts of (file, index) tuples: about 170 bytes a record each)
    for p in papers:
        for r in p.records:
            paper_of[(r.file, r.index)] = p.key

    def row(i: int, r: Record) -> tuple:
        size = (sizes[i] if i < len(sizes) else 0) or None
        return (first_rid + i, r.file, r.index, r.arxiv_id, (r.doi or "").lower() or None,
                any_title(r), _hard_title(r), size, r.abstract if size is not None else None,
                paper_of.get((r.file, r.index)), record_bytes(r))

    if whole is None:
        for i, r in enumerate(records):
            yield row(i, r)
        return
    at: ByRecord[int] = ByRecord()
    for i, r in enumerate(records):
        at[(r.file, r.index)] = i
    for w in whole:
        i = at.pop((w.file, w.index), None)
        if i is not None:
            yield row(i, w)
    for i in sorted(at.values()):  # (none: every record clustered is in ``whole``)
        yield row(i, records[i])


def _first_rows(keep: dict, first_rid: int) -> Iterable[tuple]:
    return ((digest, arxiv, first_rid + i) for (digest, arxiv), i in keep.get("first", {}).items())


def _paper_data_rows(papers: list[Paper], people: People | None) -> Iterable[tuple]:
    for p in papers:
        agents = {}
        if people is not None:  # each spelling the paper prints -> its person (People.agent_key)
            agent_of = people.agent_of  # (the paper prints what its records print: agent_key's check holds)
            for r in p.records:
                for spelling in r.authors:
                    agent = agent_of.get(spelling)
                    if agent is not None:
                        agents[spelling] = agent
        data = {"authors": p.authors,
                "records": [[r.file, r.index, list(r.authors)] for r in p.records],
                "agents": agents}
        yield p.key, base_key(p), json.dumps(data, ensure_ascii=False)


def _open(path: Path) -> sqlite3.Connection:
    """The index's file at ``path``, for writing (no journal: a failed build leaves no generation)."""
    return unjournaled(path)


def _create(path: Path) -> sqlite3.Connection:
    db = _open(path)
    db.executescript(_SCHEMA)
    return db


SKETCH_PART = 1 << 20
"""Sketch values a row of the ``sketch`` table holds when a build writes them: the arrays whole,
copied three times over on their way into SQLite, were about 75 MB at 100,000 records."""


def begin_sketches(path: Path, keep: dict) -> None:
    """A full build's index begun at ``path`` with the abstracts' sketches and first listings of
    ``keep`` (kg.resolve.papers.cluster_papers), which are then let go: written as soon as the
    papers are clustered, they are not held while people and the head are made (about 0.5 KB a
    record). :func:`begin` adds the papers' rows."""
    db = _create(path)
    with db:
        db.executemany("INSERT INTO first VALUES (?, ?, ?)", _first_rows(keep, 0))
        owner, value = keep.pop("owner", ()), keep.pop("value", ())
        keep.pop("first", None)
        for part, a in enumerate(range(0, max(len(owner), 1), SKETCH_PART), 1):  # (Index.arrays joins them)
            db.execute("INSERT INTO sketch VALUES (?, ?, ?)",
                       (part, np.asarray(owner[a:a + SKETCH_PART], dtype=np.int64).tobytes(),
                        np.asarray(value[a:a + SKETCH_PART], dtype=np.int64).tobytes()))
    db.close()


def begin(path: Path, papers: list[Paper], people: People | None, keep: dict, whole=None) -> None:
    """A full build's index continued at ``path`` (:func:`begin_sketches`, else begun) with the
    papers' rows (as :func:`paper_rows` makes them), written as they are made, so that they are
    never all held: at 100,000 records they are about 300 MB, most of it the records whole.
    :func:`write` with ``rows=None`` adds the rest."""
    if not path.exists():
        begin_sketches(path, keep)
    db = _open(path)
    with db:
        db.executemany("INSERT INTO rec VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       _record_rows(papers, keep, 0, whole))
        db.executemany("INSERT INTO paper VALUES (?, ?, ?)", _paper_data_rows(papers, people))
    db.close()


def write(path: Path, rows: PaperRows | None, people: People, names: Names | None, *, min_confidence: float,
          cards: bool, base: Path | None = None,
          drop: tuple[set[int], set[str]] = (set(), set())) -> None:
    """Write the index at ``path``: from nothing, or (``base``) a copy of an older index with
    ``rows`` added, the records and papers in ``drop`` (rids, paper keys) removed and the people
    and names replaced (``names=None``: the older index's kept, for the caller to change);
    ``rows=None``: the papers' rows are at ``path`` already (:func:`begin`)."""
    if rows is None:
        db = _open(path)
    elif base is not None:
        import shutil

        shutil.copyfile(base, path)
        db = _open(path)
        db.execute("DELETE FROM agent")
        if names is not None:
            db.execute("DELETE FROM name")
            db.execute("DELETE FROM kind")
            db.execute("DELETE FROM alias")
        db.execute("DELETE FROM meta")
        rids, keys = drop
        if rids or keys:
            db.executemany("DELETE FROM rec WHERE rid = ?", ((r,) for r in rids))
            db.executemany("DELETE FROM first WHERE rid = ?", ((r,) for r in rids))
            db.executemany("DELETE FROM paper WHERE key = ?", ((k,) for k in keys))
            owner, value = Index.arrays(db)
            mask = ~np.isin(owner, np.fromiter(rids, dtype=np.int64, count=len(rids)))
            db.execute("DELETE FROM sketch")
            db.execute("INSERT INTO sketch VALUES (1, ?, ?)", (owner[mask].tobytes(), value[mask].tobytes()))
    else:
        db = _create(path)
    with db:
        meta = {"version": VERSION, "code": code_signature(), "min_confidence": repr(float(min_confidence)),
                "cards": int(cards)}
        db.executemany("INSERT INTO meta VALUES (?, ?)", [(k, str(v)) for k, v in meta.items()])
        if rows is not None:
            db.executemany("INSERT INTO rec VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.records)
            db.executemany("INSERT INTO first VALUES (?, ?, ?)", rows.first)
            part = db.execute("SELECT COALESCE(MAX(part), 0) + 1 FROM sketch").fetchone()[0]
            db.execute("INSERT INTO sketch VALUES (?, ?, ?)", (part, rows.owner.tobytes(), rows.value.tobytes()))
            db.executemany("INSERT INTO paper VALUES (?, ?, ?)", rows.papers)
        db.executemany("INSERT INTO agent VALUES (?, ?, ?, ?)",
                       ((a.key, a.name, json.dumps(sorted(a.spellings), ensure_ascii=False), int(a.is_organization))
                        for a in people.agents.values()))
        if names is not None:
            write_names(db, names)
    db.close()


def write_names(db: sqlite3.Connection, names: Names, aliases: bool = True) -> None:
    """Add the rows of ``names`` (and of its aliases, unless ``aliases`` is false)."""
    db.executemany("INSERT INTO name VALUES (?, ?, ?, ?)",
                   ((g, k, s, n) for (g, k), c in names.names.items() for s, n in c.items()))
    db.executemany("INSERT INTO kind VALUES (?, ?, ?, ?)",
                   ((g, k, s, n) for (g, k), c in names.kinds.items() for s, n in c.items()))
    if aliases:
        db.executemany("INSERT INTO alias VALUES (?, ?, ?, ?)",
                       ((ga, ka, gb, kb) for (ga, ka), (gb, kb) in names.aliases))


class Index:
    """An index read back (by an append)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self.meta = dict(self.db.execute("SELECT k, v FROM meta"))

    def close(self) -> None:
        self.db.close()

    # -- what it was written by ----------------------------------------------------------
    def usable(self, min_confidence: float) -> str | None:
        """Why this index cannot place new records (None: it can)."""
        if self.meta.get("version") != str(VERSION) or self.meta.get("code") != code_signature():
            return "the store was built by other code"
        if self.meta.get("min_confidence") != repr(float(min_confidence)):
            return "the store was built with another --min-confidence"
        if self.meta.get("cards") != "0":
            return "the store holds model cards"
        return None

    # -- papers -----------------------------------------------------------------------
    def sketches(self) -> tuple[np.ndarray, np.ndarray]:
        """(owner rid, sketch value) of every abstract in the sketches, as flat arrays."""
        return self.arrays(self.db)

    @staticmethod
    def arrays(db: sqlite3.Connection) -> tuple[np.ndarray, np.ndarray]:
        owners, values = [], []
        for o, v in db.execute("SELECT owner, value FROM sketch ORDER BY part"):
            owners.append(np.frombuffer(o, dtype=np.int64))
            values.append(np.frombuffer(v, dtype=np.int64))
        if not owners:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        return np.concatenate(owners), np.concatenate(values)

    def records(self, rids: Iterable[int]) -> dict[int, Record]:
        """The records of these rids, as they were read."""
        return {rid: record_from(data) for rid in rids
                for (data,) in self.db.execute("SELECT data FROM rec WHERE rid = ?", (rid,))}

    def abstract(self, rid: int) -> tuple[str, int]:
        """(abstract, shingle count) of a record in the sketches."""
        text, size = self.db.execute("SELECT abstract, size FROM rec WHERE rid = ?", (rid,)).fetchone()
        return text, size

    # -- people -----------------------------------------------------------------------
    def papers(self) -> Iterable[tuple[str, dict]]:
        """(paper key, its authors, records' authors and person map), in key order."""
        for key, data in self.db.execute("SELECT key, data FROM paper ORDER BY key"):
            yield key, json.loads(data)

    def agents(self) -> dict[str, Agent]:
        return {k: Agent(k, n, set(json.loads(s)), bool(o))
                for k, n, s, o in self.db.execute("SELECT key, name, spellings, org FROM agent")}

    # -- models and techniques ------------------------------------------------------------
    def names(self, keys: set[tuple[str, str]] | None = None) -> Names:
        """The names (kg.resolve.entities.Names); ``keys``: only those of these (group, key)s,
        and the aliases joining them (a set closed under the aliases: see :meth:`aliases`)."""
        names = Names()
        for g, k, s, n in self.db.execute("SELECT grp, key, spelling, n FROM name"):
            if keys is None or (g, k) in keys:
                names.names[(g, k)][s] = n
        for g, k, s, n in self.db.execute("SELECT grp, key, kind, n FROM kind"):
            if keys is None or (g, k) in keys:
                names.kinds[(g, k)][s] = n
        names.aliases = [pair for pair in self.aliases() if keys is None or pair[0] in keys]
        return names

    def aliases(self) -> list[tuple[tuple[str, str], tuple[str, str]]]:
        return [((ga, ka), (gb, kb)) for ga, ka, gb, kb in self.db.execute("SELECT * FROM alias")]


def merged(names: Names, more: Names) -> Names:
    """``names`` with ``more`` added (counts summed, aliases joined): Names are order-free."""
    for k, c in more.names.items():
        names.names[k].update(c)
    for k, c in more.kinds.items():
        names.kinds[k].update(c)
    for k, c in more.repos.items():
        names.repos[k].update(c)
    names.repo_names |= more.repo_names
    names.aliases.extend(more.aliases)
    return names


__all__ = ["Index", "NAME", "PaperRows", "any_title", "begin", "code_signature", "merged", "paper_rows", "write"]
