"""The entities of the names a build noted, resolved from the resolution index's tables (kg.resolve.index:
``name``, ``kind``, ``alias``) one alias component at a time, never all held.

kg.resolve.entities.Names.resolve makes every entity at once, from the names held in memory: at a
million records that is a few million Counters (about 1 KB a synthetic record for the names, as
much again for the entities), held together while the store loads. Here the names are in the
index file (a build writes them there before its facts' lines anyway), each (group, key) is
numbered in key order inside SQLite, the aliases are joined as pairs of numbers (a union-find
over an array of integers), and the name rows come back sorted by component, so that each entity
is made, handed on and let go before the next. The result is the same as ``Names.resolve()``
without repos (a build with model cards resolves in memory: kg.resolve.repos needs every name):
a component is keyed by its least key (a text name's before a repository's, as
kg.resolve.entities.UnionFind chooses), its spellings and kinds counted over all its keys.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.repo_keys import is_repo_key
from kg.resolve.entities import Entity, Names

_GROUP = {"model": "model", "technique": "technique"}
"""One string object per group (the rows' own copies would each be kept by every key)."""


def components(path: Path) -> Iterator[tuple[Entity, list[tuple[str, str]]]]:
    """(entity, its (group, key)s) of every alias component of the names in the index at ``path``,
    in the order of their least keys."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    streams: list[Iterator] = []  # the row cursors, closed before the file (left part-way: a failed build)
    try:
        db.execute("PRAGMA temp_store = FILE")  # the sorts below spill to disk, not to memory
        db.execute("CREATE TEMP TABLE k (grp TEXT, key TEXT, PRIMARY KEY (grp, key))")
        db.execute("INSERT INTO temp.k SELECT DISTINCT grp, key FROM name ORDER BY grp, key")  # rowid: 1, 2, ...
        n = db.execute("SELECT COALESCE(MAX(rowid), 0) FROM temp.k").fetchone()[0]
        parent = array("q", range(n + 1))
        repo = bytearray(n + 1)  # a repository's key gives way to a text name's as a component's root
        for rid, key in db.execute("SELECT rowid, key FROM temp.k"):
            repo[rid] = is_repo_key(key)

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a, b in db.execute("SELECT ka.rowid, kb.rowid FROM alias JOIN temp.k ka ON ka.grp = alias.ga "
                               "AND ka.key = alias.ka JOIN temp.k kb ON kb.grp = alias.gb AND kb.key = alias.kb"):
            ra, rb = find(a), find(b)
            if ra != rb:
                first, second = sorted((ra, rb), key=lambda r: (repo[r], r))
                parent[second] = first
        db.execute("CREATE TEMP TABLE r (id INTEGER PRIMARY KEY, root INTEGER)")  # only keys joined to another
        db.executemany("INSERT INTO temp.r VALUES (?, ?)",
                       ((i, root) for i in range(1, n + 1) if (root := find(i)) != i))
        del parent, repo

        def rows(table: str, column: str) -> Iterator[tuple[int, str, str, str, int]]:
            yield from db.execute(
                f"SELECT COALESCE(r.root, k.rowid) AS root, k.rowid, k.grp, k.key, t.{column}, t.n "
                f"FROM {table} t JOIN temp.k k ON k.grp = t.grp AND k.key = t.key "
                "LEFT JOIN temp.r r ON r.id = k.rowid ORDER BY root, k.rowid")

        kinds, spelled = rows("kind", "kind"), rows("name", "spelling")
        streams += [kinds, spelled]
        pending = next(kinds, None)
        at, entity, keys = -1, None, []
        for root, rid, grp, key, spelling, count in spelled:
            if root != at:
                if entity is not None:
                    yield entity, keys
                at, entity, keys = root, Entity(_GROUP.get(grp, grp), "", Counter(), Counter()), []
                while pending is not None and pending[0] <= root:
                    if pending[0] == root:
                        entity.kinds[pending[4]] += pending[5]
                    pending = next(kinds, None)
            if rid == root:
                entity.key = key
            if not keys or keys[-1][1] != key:
                keys.append((entity.group, key))
            entity.names[spelling] += count
        if entity is not None:
            yield entity, keys
    finally:
        for stream in streams:
            stream.close()
        db.close()


def unjournaled(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """A SQLite file at ``path`` for writing with no journal and no syncing: a build's own files, which a
    failed build leaves unused (the index, the spills of its scratch folder)."""
    db = sqlite3.connect(path, check_same_thread=check_same_thread)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    return db


class Spill:
    """The names a build notes (kg.resolve.entities.Names), moved out of memory a batch at a time
    into a SQLite file of the build's scratch folder, their counts summed once, when they are
    written into the index (:meth:`into`). Held in memory they took about 1.3 KB a synthetic
    record (a Counter of spellings and one of kinds per name key, the aliases with repeats)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = unjournaled(path)
        self.db.executescript(
            "CREATE TABLE name (grp TEXT, key TEXT, spelling TEXT, n INTEGER);"
            "CREATE TABLE kind (grp TEXT, key TEXT, kind TEXT, n INTEGER);"
            "CREATE TABLE alias (ga TEXT, ka TEXT, gb TEXT, kb TEXT);")

    def add(self, names: Names) -> None:
        """Add the spellings, kinds and aliases of ``names`` (not its repos: a caller keeps those)."""
        from kg.resolve.index import write_names

        with self.db:
            write_names(self.db, names)

    def into(self, path: Path) -> None:
        """Write every name added, counts summed, into the ``name``, ``kind`` and ``alias`` tables
        of the index at ``path``; the spill's file is removed."""
        self.db.close()
        db = sqlite3.connect(path)
        try:
            db.execute("ATTACH DATABASE ? AS spill", (str(self.path),))
            with db:
                db.execute("INSERT INTO main.name SELECT grp, key, spelling, SUM(n) FROM spill.name "
                           "GROUP BY grp, key, spelling")
                db.execute("INSERT INTO main.kind SELECT grp, key, kind, SUM(n) FROM spill.kind GROUP BY grp, key, kind")
                db.execute("INSERT INTO main.alias SELECT ga, ka, gb, kb FROM spill.alias")
            db.execute("DETACH DATABASE spill")
        finally:
            db.close()
        self.path.unlink(missing_ok=True)


class SizeSpill:
    """The parameter counts a build notes (kg.graph.build.Noted.sizes: (kind, name, value), each
    once), moved out of memory a batch at a time into a SQLite file of the build's scratch folder
    and read back once, sorted, when their lines are written. Held in memory until then they took
    about 240 bytes a count (a million records state about a million distinct ones), through the
    extraction, the index and the entities' lines."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = unjournaled(path, check_same_thread=False)  # (one thread at a time: the build's)
        self.db.execute("CREATE TABLE size (kind TEXT, name TEXT, value TEXT, "
                        "PRIMARY KEY (kind, name, value)) WITHOUT ROWID")

    def add(self, sizes: Iterable[tuple[str, str, str]]) -> None:
        """Add the counts ``sizes``; one added before is kept once."""
        with self.db:
            self.db.executemany("INSERT OR IGNORE INTO size VALUES (?, ?, ?)", sizes)

    def __iter__(self) -> Iterator[tuple[str, str, str]]:
        """Every count added, once, in the order ``sorted`` gives tuples of strings (UTF-8's byte
        order is that of the code points)."""
        yield from self.db.execute("SELECT kind, name, value FROM size ORDER BY kind, name, value")

    def close(self) -> None:
        """Let the file go (removed)."""
        self.db.close()
        self.path.unlink(missing_ok=True)
