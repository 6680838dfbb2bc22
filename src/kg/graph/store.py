"""The graph on disk: an Oxigraph database used through rdflib (oxrdflib).

A store folder holds *generations*; ``CURRENT`` is a symbolic link to the
one in use. A build writes a complete new generation beside it (database,
copies of its input files, manifest) and only then swaps the link with an
atomic rename, so an interrupted or failed build leaves the previous store
readable and unchanged::

    .kg/
      CURRENT -> gen-000002    (a build holds a lock on the folder while it runs)
      gen-000002/
        oxigraph/          the database
        ntriples/          the N-Triples it was loaded from, in parts (exports read these)
        sources/<sha256>   every input file the graph was built from
        extracted/<name>   what was extracted from each of them (kg.extract.saved), by which code
        manifest.json      file names, hashes (also of the kept text), build summary

Keeping the sources is what makes builds incremental and idempotent: a new
file is added to the known ones and the graph rebuilt from all of them (so
entity resolution sees everything); a file already known changes nothing.
What was extracted from each source is kept too, so that only the new files
are extracted (about half of a build's work); it is reused only while kg's
code is the same.

Keeping the N-Triples costs disk (about as much again as the database) and
saves time on every export: reading a million triples back out of the
database takes Oxigraph 10 s (a lookup per IRI), parsing the text 2 s. A
generation never changes once written, so the text stays exactly its content -- unless
the disk damages it: the manifest holds each part's sha256, checked before the text is used;
a part that does not match is not used (the export reads the database instead, and says so).

A damaged database (kg.graph.damage) is said in one line with the way back:
``kg build --rebuild --store PATH`` rebuilds from the kept sources. A build sweeps what a
killed build left in the store (unfinished generations, staging folders, stray links).
"""

from __future__ import annotations

import fcntl
import hashlib
import itertools
import json
import os
import queue
import shutil
import tempfile
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph
from rdflib import Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.records.io import Source
from kg.vocab import MLKG

__all__ = ["CURRENT", "PREFIXES", "Source", "Store", "StoreDamaged", "StoreError", "default_store_path"]

CURRENT = "CURRENT"
NTRIPLES = "ntriples"
DATABASE_FILES = "database_files"
"""Manifest key: the database's own files (CURRENT, MANIFEST-*, *.sst) and their sizes when written."""
EXTRACTED = "extracted"
REMOVED = "ntriples_removed"
"""Manifest key: the sha256 of REMOVED_FILE, the lines of the kept parts an append removed."""
REMOVED_FILE = "removed.nt"
INDEX = "index.sqlite"
"""A generation's resolution index (kg.resolve.index), and the manifest key of its sha256."""
PREFIXES = {
    "mlkg": str(MLKG._NS),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
}


def source_entry(src, text_sha256: str) -> dict:
    """A source's entry in a generation's manifest (``text_sha256``: of the text file kept)."""
    return {"name": src.name, "sha256": src.sha256, "format": src.format, "text_sha256": text_sha256,
            **({"categories": list(src.categories)} if src.categories else {})}


class StoreError(Exception):
    """The store is missing, locked or damaged; the message says which."""


class StoreDamaged(StoreError):
    """The store's database or kept files cannot be read: rebuild it (the message says how)."""


def default_store_path() -> Path:
    """``$KG_STORE``, or ``.kg`` when it is unset or empty (an empty one must not mean this folder)."""
    return Path(os.environ.get("KG_STORE") or ".kg")


class Store:
    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        self._lock_fd: int | None = None
        self._unwritable: OSError | None = None  # the store folder cannot be written (read-only)
        self.warnings: list[str] = []
        """What went wrong but was worked around (a damaged kept text read from the database
        instead); the command line prints them."""

    # -- reading -----------------------------------------------------------
    @property
    def current(self) -> Path | None:
        target = self.linked()
        return target if target is not None and (target / "oxigraph").is_dir() else None

    def linked(self) -> Path | None:
        """The generation ``CURRENT`` links to, whether or not its database is there (its kept
        sources may be, to rebuild from)."""
        link = self.path / CURRENT
        if not link.is_symlink():
            if link.exists():
                raise StoreError(f"{self.path} is not a kg store ({CURRENT} is not a link to a generation)")
            return None
        return self.path / os.readlink(link)

    def exists(self) -> bool:
        return self.current is not None

    def require(self) -> Path:
        gen = self.current
        linked = self.linked() if gen is None else None
        if linked is not None and linked.is_dir():
            raise StoreDamaged(f"the graph at {self.path} is damaged (its database folder "
                               f"{linked.name}/oxigraph is missing); {_recover(self.path)}")
        if gen is None:
            raise StoreError(f"no graph at {self.path}: run `kg build PATH --store {self.path}` first")
        return gen

    def manifest(self) -> dict:
        gen = self.current
        if gen is None:
            return {"sources": [], "summary": {}}
        return json.loads((gen / "manifest.json").read_text())

    def sources(self) -> list[Source]:
        """The input files the graph was built from, as kept in the store (checked against the
        manifest's checksums); read even when the database is damaged or missing."""
        gen = self.linked()
        if gen is None or not gen.is_dir():
            return []
        try:
            out = []
            for s in json.loads((gen / "manifest.json").read_text())["sources"]:
                text = (gen / "sources" / s["sha256"]).read_text("utf-8")
                if "text_sha256" in s and _sha256(text.encode("utf-8")) != s["text_sha256"]:
                    raise ValueError(f"the kept copy of {s['name']} does not match its checksum")
                out.append(Source(s["name"], s["sha256"], text, s.get("format"), tuple(s.get("categories", ()))))
            return out
        except (OSError, ValueError, KeyError) as exc:
            raise StoreError(f"the store at {self.path} is damaged: {exc}; build it again from "
                             f"the input files: kg build --rebuild FILES --store {self.path}") from None

    @staticmethod
    def extracted_name(source: Source, signature: str) -> str:
        """The name under which a generation keeps the docs extracted from ``source`` by extraction
        code ``signature`` (kg.extract.saved.signature)."""
        read_as = f"{source.name}\0{source.format or ''}" + (f"\0{' '.join(source.categories)}" if source.categories else "")
        fmt = hashlib.sha256(read_as.encode()).hexdigest()[:12]
        return f"{source.sha256}-{fmt}-{signature}"

    def extracted(self, name: str) -> Path | None:
        """The file of saved docs of that name in the current generation, if it has one."""
        gen = self.current
        if gen is None:
            return None
        path = gen / EXTRACTED / name
        return path if path.is_file() else None

    def ntriples_files(self) -> list[Path] | None:
        """The N-Triples files the current graph was loaded from, in order: together exactly its
        triples, checked against the sha256 of each in the manifest. None (read the database
        instead) for a generation written before kg kept them or their checksums, or when one
        does not match: then :attr:`warnings` says so; None too for a generation an append made
        whose text holds lines since removed (:meth:`ntriples_kept` gives both)."""
        kept = self.ntriples_kept()
        return None if kept is None or kept[1] is not None else kept[0]

    def ntriples_kept(self) -> tuple[list[Path], Path | None] | None:
        """(the kept N-Triples parts, the file of lines they hold that are no longer in the graph, or
        None): an append (kg.append) adds a part and lists what it removed rather than writing every
        part again; the graph is the parts' lines less the removed ones. Checked as
        :meth:`ntriples_files` says; None when they cannot be used."""
        gen = self.require()
        removed = None
        try:
            listed = self.manifest().get(REMOVED)
        except (OSError, ValueError):
            listed = None
        if listed:
            removed = gen / NTRIPLES / REMOVED_FILE
            problem = _check_parts([removed], listed)
            if problem:
                self.warnings.append(f"the kept N-Triples of {self.path} are damaged ({problem}): read the "
                                     f"database instead; `kg build --rebuild --store {self.path}` writes them again")
                return None
        parts = self._ntriples_parts(gen)
        return None if parts is None else (parts, removed)

    def _ntriples_parts(self, gen: Path) -> list[Path] | None:
        folder = gen / NTRIPLES
        if not folder.is_dir():
            return None
        try:
            expected = self.manifest().get(NTRIPLES)
        except (OSError, ValueError) as exc:
            raise StoreDamaged(f"the store at {self.path} is damaged (manifest.json: {exc}); "
                               f"{_recover(self.path)}") from None
        if expected is None:
            return None
        parts = sorted(folder.glob("part-*.nt"))
        problem = _check_parts(parts, expected)
        if problem:
            self.warnings.append(f"the kept N-Triples of {self.path} are damaged ({problem}): read the "
                                 f"database instead; `kg build --rebuild --store {self.path}` writes them again")
            return None
        return parts

    def oxigraph(self) -> pyoxigraph.Store:
        """The database, opened read-only (several readers may share it). A damaged one raises
        :class:`StoreDamaged`, which says how to rebuild it."""
        from kg.graph.damage import damaged, is_damage

        gen = self.require()
        problem = self._database_files_changed(gen)
        if problem:
            raise StoreDamaged(f"the graph at {self.path} is damaged ({problem}); {_recover(self.path)}")
        try:
            return pyoxigraph.Store.read_only(str(gen / "oxigraph"))
        except (OSError, RuntimeError) as exc:
            if is_damage(exc):
                raise damaged(self.path, exc) from None
            raise StoreError(f"cannot open the graph at {gen}: {exc}") from exc

    def _database_files_changed(self, gen: Path) -> str | None:
        """What differs between the database's files and their sizes when it was written (None:
        nothing, or a generation written before kg kept them). A database opened read-only
        never changes its files; RocksDB itself misses some damage: with its MANIFEST cut
        short, it opens an empty or partial graph and says nothing."""
        try:
            expected = json.loads((gen / "manifest.json").read_text()).get(DATABASE_FILES)
        except (OSError, ValueError) as exc:
            return f"manifest.json: {exc}"
        if not expected:
            return None
        folder = gen / "oxigraph"
        for name, size in sorted(expected.items()):
            try:
                actual = (folder / name).stat().st_size
            except OSError:
                return f"oxigraph/{name} is missing"
            if actual != size:
                return f"oxigraph/{name} has {actual} bytes, {size} when it was written"
        return None

    def check(self) -> None:
        """Raise :class:`StoreDamaged` unless the database opens and answers (a build that has
        nothing to add must not call a damaged store fine)."""
        from kg.graph.damage import damaged, is_damage

        db = self.oxigraph()
        try:
            db.query("ASK { ?s ?p ?o }")
        except (OSError, RuntimeError) as exc:
            if is_damage(exc):
                raise damaged(self.path, exc) from None
            raise

    def graph(self) -> Graph:
        """The graph as an rdflib Graph over the Oxigraph store (read-only)."""
        from oxrdflib import OxigraphStore

        g = Graph(store=OxigraphStore(store=self.oxigraph()), identifier=DATASET_DEFAULT_GRAPH_ID)
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns)
        return g

    # -- writing -----------------------------------------------------------
    @contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the store for one writer: a second build fails at once instead of racing.

        The lock is on the store folder itself (flock), so it ends with the process that
        holds it, however that process ends; it is re-entrant within one Store object.
        """
        if self._lock_fd is not None:
            yield
            return
        created = not self.path.exists()
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDONLY | os.O_DIRECTORY)
        except OSError as exc:
            raise StoreError(f"cannot write a store at {self.path}: {exc.strerror or exc}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise StoreError(f"{self.path} is locked: another build is writing it; "
                             f"try again when it has finished") from None
        self._lock_fd = fd
        try:
            self.sweep()
            yield
        finally:
            self._lock_fd = None
            if created and not any(self.path.iterdir()):
                self.path.rmdir()  # a build that wrote nothing leaves no empty store behind
            os.close(fd)  # releases the lock

    def sweep(self) -> list[Path]:
        """Remove what builds killed mid-way left in the store: unfinished generations and staging
        folders (``.gen-tmp-*``), generations that never became current, stray ``CURRENT`` links.
        Only while holding the lock (no other build is running); what cannot be removed (a
        read-only store) stays. Returns what was removed."""
        assert self._lock_fd is not None, "sweep only under the lock"
        link = self.path / CURRENT
        current = os.readlink(link) if link.is_symlink() else None
        leftovers = [*self.path.glob(".gen-tmp-*"), *self.path.glob(f".{CURRENT}.*")]
        if current is not None:  # with no current generation, a finished one is the user's to judge
            leftovers += [g for g in self.path.glob("gen-*") if g.name != current]
        removed = []
        for p in leftovers:
            try:
                if p.is_symlink() or not p.is_dir():
                    p.unlink()
                else:
                    shutil.rmtree(p)
                removed.append(p)
            except OSError:
                pass
        return removed

    @contextmanager
    def staging(self) -> Iterator[Path]:
        """A folder in the store for what a build keeps before its generation is written (the docs
        it extracts, as they are made), handed to :meth:`write`; removed if it is not (and left
        by a crash to the sweep that removes unfinished generations)."""
        with self.lock():
            folder = self._own("staging")
            try:
                try:
                    _remake(folder)
                except OSError as exc:  # a read-only store: fine for a build that has nothing to do
                    self._unwritable = exc
                yield folder
            finally:
                shutil.rmtree(folder, ignore_errors=True)

    def writable(self) -> None:
        """Raise StoreError (naming the store) if :meth:`staging` found the store cannot be written."""
        from kg.graph.damage import no_space

        exc = self._unwritable
        if exc is not None:
            raise no_space(self.path, exc, "make it writable, or build into another --store") or StoreError(
                f"cannot write a store at {self.path}: {exc.strerror or exc}") from None

    def write(self, ntriples: Iterable[str], sources: list[Source], summary: dict, *,
              checked: bool = False, extracted: Path | None = None, sources_dir: Path | None = None,
              index: Path | None = None, shards: Sequence[Path] = ()) -> Path:
        """Write a whole new generation from N-Triples text (lines, or blocks of lines), then make it current.

        ``checked=True`` says every IRI in the lines was already checked (kg.graph.iris mints
        only valid ones), so the loader skips validating them again; the syntax is still checked.
        ``summary`` goes into the manifest once every line has been read. ``extracted``: a folder
        (from :meth:`staging`) of the docs extracted from the sources, one file per source named by
        :meth:`extracted_name`, for the next build to reuse; it becomes part of the generation.
        ``sources_dir``: a folder already holding every source's text under its sha256 (see
        :meth:`keep_sources`), which becomes the generation's; the sources' ``text`` is then not read.
        ``index``: the build's resolution index (kg.resolve.index), moved into the generation.
        ``shards``: N-Triples files written elsewhere (worker processes: kg.engines.shards), moved into
        the generation and bulk-loaded as parts of it; their lines must be distinct from each other's
        and from ``ntriples``'. A list the writer of ``ntriples`` may add to as its lines are read:
        each shard is loaded as soon as the lines pause or a part of them is done, the rest at the end.
        """
        from kg.graph.damage import no_space

        with self.lock():
            self.writable()
            try:
                return self._write(ntriples, sources, summary, checked, extracted, sources_dir, index, shards)
            except (OSError, RuntimeError) as exc:
                full = no_space(self.path, exc)
                if full is None:
                    raise
                raise full from None

    def keep_sources(self, folder: Path, sources: Iterable[Source]) -> None:
        """Put each source's text in ``folder`` (for :meth:`write`'s ``sources_dir``) as soon as it is
        read, so a build need not hold the texts: a file the current generation holds is linked
        (a generation never changes) when it still holds the same text, a new one written.
        :meth:`write` records each kept file's checksum in the manifest, as for texts it writes."""
        gen = self.current
        for src in sources:
            target = folder / src.sha256
            if target.exists():
                continue
            data = src.text.encode("utf-8")
            old = gen / "sources" / src.sha256 if gen is not None else None
            if old is not None and old.is_file():
                try:  # a damaged copy is not carried into the new generation
                    if old.stat().st_size == len(data) and old.read_bytes() == data:
                        os.link(old, target)
                        continue
                except OSError:
                    pass
            target.write_bytes(data)

    def _write(self, ntriples: Iterable[str], sources: list[Source], summary: dict, checked: bool = False,
               extracted: Path | None = None, sources_dir: Path | None = None, index: Path | None = None,
               shards: Sequence[Path] = ()) -> Path:
        tmp = self.unfinished()
        try:
            self.make_unfinished(tmp)
            (tmp / NTRIPLES).mkdir()
            digests: dict[str, str] = {}
            _load(tmp / "oxigraph", ntriples, tmp / NTRIPLES, lenient=checked, digests=digests, shards=shards)
            database = {p.name: p.stat().st_size for p in (tmp / "oxigraph").iterdir()
                        if p.name == "CURRENT" or p.name.startswith("MANIFEST-") or p.suffix == ".sst"}
            kept = {}
            if sources_dir is not None:  # texts already on disk (keep_sources): checksums of what is kept
                os.rename(sources_dir, tmp / "sources")
                os.chmod(tmp / "sources", 0o777 & ~_umask())
                for src in sources:
                    if src.sha256 not in kept:
                        kept[src.sha256] = _file_sha256(tmp / "sources" / src.sha256)
            else:
                (tmp / "sources").mkdir()
                for src in sources:
                    data = src.text.encode("utf-8")
                    (tmp / "sources" / src.sha256).write_bytes(data)
                    kept[src.sha256] = _sha256(data)
            if extracted is not None:
                os.rename(extracted, tmp / EXTRACTED)
                os.chmod(tmp / EXTRACTED, 0o777 & ~_umask())
            else:
                (tmp / EXTRACTED).mkdir()
            extra = {}
            if index is not None:
                os.rename(index, tmp / INDEX)
                extra[INDEX] = _file_sha256(tmp / INDEX)
            manifest = {"sources": [source_entry(s, kept[s.sha256]) for s in sources],
                        "summary": summary, NTRIPLES: digests, DATABASE_FILES: database, **extra}
            final = self.seal(tmp, manifest)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        self._swap(final)
        return final

    def seal(self, tmp: Path, manifest: dict) -> Path:
        """Write ``manifest`` into the unfinished generation ``tmp`` and give it the next generation's
        name (it is not yet current: :meth:`_swap`)."""
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True))
        final = self.path / self._next_generation()
        tmp.rename(final)
        return final

    def _own(self, kind: str) -> Path:
        """The name of this process's ``kind`` of unfinished folder in the store (``.gen-tmp-<kind>-<pid>``,
        swept with unfinished generations): named before it is made (by :func:`_remake`, inside the
        caller's ``try``), so that a Ctrl-C landing between the two leaves nothing behind."""
        return self.path / f".gen-tmp-{kind}-{os.getpid()}"

    def unfinished(self) -> Path:
        """The name of the generation this process writes before it is sealed (made by
        :meth:`make_unfinished`)."""
        return self._own("gen")

    @staticmethod
    def make_unfinished(tmp: Path) -> None:
        _remake(tmp)
        os.chmod(tmp, 0o777 & ~_umask())  # other users may read the graph

    @contextmanager
    def scratch(self, kind: str) -> Iterator[Path]:
        """A scratch folder in the store for a build's files on disk (its record spool, sorted runs),
        removed after, and left by a crash to :meth:`sweep`. In the system's temporary folder when the
        store cannot be written (a build with nothing to do)."""
        folder = self._own(kind)
        try:
            try:
                _remake(folder)
            except OSError:
                folder = Path(tempfile.mkdtemp(prefix=f"kg-{kind}-"))
            yield folder
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _next_generation(self) -> str:
        numbers = [int(p.name[4:]) for p in self.path.glob("gen-[0-9]*") if p.name[4:].isdigit()]
        return f"gen-{max(numbers, default=0) + 1:06d}"

    def _swap(self, final: Path) -> None:
        link = self.path / CURRENT
        tmp_link = self.path / f".{CURRENT}.{os.getpid()}"
        if tmp_link.is_symlink() or tmp_link.exists():
            tmp_link.unlink()
        os.symlink(final.name, tmp_link)
        os.replace(tmp_link, link)  # atomic on POSIX
        for old in self.path.glob("gen-*"):
            if old != final:
                shutil.rmtree(old, ignore_errors=True)
        for stale in self.path.glob(".gen-tmp-*"):
            shutil.rmtree(stale, ignore_errors=True)



def _remake(folder: Path) -> None:
    """Make ``folder`` anew: a crashed build's of the same name (its pid reused) is removed first."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_sha256(path: Path) -> str:
    """A kept file's checksum, read a block at a time (a source text may be large)."""
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _check_parts(parts: list[Path], expected: dict[str, str]) -> str | None:
    """What is wrong with the kept N-Triples parts (None: every one is there and matches)."""
    names = {p.name for p in parts}
    missing = sorted(set(expected) - names)
    if missing:
        return f"{missing[0]} is missing"
    extra = sorted(names - set(expected))
    if extra:
        return f"{extra[0]} is not one of them"
    for part in parts:
        h = hashlib.sha256()
        with open(part, "rb") as f:
            while chunk := f.read(1 << 20):
                h.update(chunk)
        if h.hexdigest() != expected[part.name]:
            return f"{part.name} does not match its sha256"
    return None


def _recover(path: Path) -> str:
    from kg.graph.damage import recover_hint

    return recover_hint(path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


SPOOL_CHARS = 16_000_000
"""Characters of N-Triples per spooled part (about 90,000 lines of kg's graph). The bulk loader
holds a part in memory while it loads it (about 1 GB for a million lines), so parts keep a large
build's memory bounded: with two loaders, halving the parts from 32 M characters took 144 MB off
a 10,000-record build's peak (502 -> 358 MB) at no cost in CPU."""
LOADERS = 2
"""Threads loading parts at once (Oxigraph's loader releases the GIL)."""


def _load(db: Path, lines: Iterable[str], folder: Path, *, lenient: bool,
          digests: dict[str, str] | None = None, shards: Sequence[Path] = ()) -> None:
    """Bulk-load N-Triples text into a new database at ``db``, keeping the text in ``folder``;
    and the ``shards`` (files of N-Triples, a list that may grow as ``lines`` are read), each
    moved into ``folder`` as a part and loaded as soon as it is seen.

    The text is spooled to files in ``folder`` (inside the new generation's temporary folder, not
    the system's: a build killed mid-way leaves nothing the next build does not sweep, and /tmp
    may be small), a part at a time; other threads load the parts while the next ones are written.
    Loaded in parts, the database is then compacted, or every read would look in each part.
    """
    loader = _Loader(pyoxigraph.Store(str(db)), lenient, LOADERS)
    taken = 0  # shards loaded

    def take_shards() -> None:  # those the lines' writer has made so far
        nonlocal taken
        while taken < len(shards):
            taken += 1
            part = folder / f"part-w{taken:05d}.nt"
            shutil.move(shards[taken - 1], part)
            if digests is not None:
                digests[part.name] = _file_sha256(part)
            loader.put(part, wait=False)

    try:
        for part in _spooled_parts(lines, folder, digests):
            if part is not None:
                loader.put(part)
            take_shards()
        take_shards()
        loader.close()
        loader.store.flush()
        loader.store.optimize()
    except BaseException:
        loader.abandon()
        raise
    finally:
        loader.store = None  # closes the database


class _Loader:
    """Threads loading spooled parts; the first error stops them."""

    def __init__(self, store: pyoxigraph.Store, lenient: bool, threads: int) -> None:
        self.store: pyoxigraph.Store | None = store
        self.lenient = lenient
        self.parts: queue.Queue[tuple[Path, bool] | None] = queue.Queue()  # (a part, whether it was put waiting)
        self.room = threading.Semaphore(1)  # of the writer's parts, at most one waits
        self.error: BaseException | None = None
        self.threads = [threading.Thread(target=self._run, name=f"kg-store-loader-{i}", daemon=True)
                        for i in range(threads)]
        for t in self.threads:
            t.start()

    def _run(self) -> None:
        while (item := self.parts.get()) is not None:
            part, waited = item
            if waited:
                self.room.release()
            try:
                if self.error is None:
                    self.store.bulk_load(path=str(part), format=pyoxigraph.RdfFormat.N_TRIPLES,
                                         lenient=self.lenient)
            except BaseException as exc:  # handed to the writing thread, which raises it
                self.error = self.error or exc

    def _raise(self) -> None:
        if self.error is not None and not isinstance(self.error, _Abandoned):
            raise self.error

    def put(self, part: Path, *, wait: bool = True) -> None:
        """Queue ``part`` for loading: once no other part put waiting is still waiting (the writer
        of the lines does not run ahead of the loaders), or, ``wait=False``, at once (a shard
        another process wrote: the writer goes on with its lines while the loaders take it)."""
        self._raise()
        if wait:
            self.room.acquire()
        self.parts.put((part, wait))

    def _stop(self) -> None:
        for _ in self.threads:
            self.parts.put(None)
        for t in self.threads:
            t.join()

    def close(self) -> None:
        """Wait until every part is loaded; raise what the loading raised."""
        self._stop()
        self._raise()

    def abandon(self) -> None:
        """Skip the parts still waiting and wait for those being loaded (the database is thrown away)."""
        if any(t.is_alive() for t in self.threads):
            self.error = self.error or _Abandoned()
            self._stop()


class _Abandoned(Exception):
    pass


def _spooled_parts(text: Iterable[str], folder: Path, digests: dict[str, str] | None = None
                   ) -> Iterator[Path | None]:
    """Write N-Triples text (lines or blocks of lines) to ``folder/part-NNNN.nt`` files of about
    SPOOL_CHARS characters; yield each when it is complete. An empty block ends the part early (the
    writer says what comes next takes a while: the loaders should have what came before), or,
    with no part begun, yields None (the writer may have made a shard meanwhile: see :func:`_load`).
    ``digests`` gets each part's sha256 (of its bytes, hashed as they are written)."""
    n = written = size = 0
    fh = None
    batch: list[str] = []
    digest = None

    def flush() -> None:
        data = "".join(batch).encode("utf-8")
        fh.write(data)
        digest.update(data)

    try:
        for chunk in itertools.chain(text, [""]):  # the end of the text ends the last part
            if chunk:
                if fh is None:
                    n += 1
                    path, written = folder / f"part-{n:04d}.nt", 0
                    fh = path.open("wb")
                    digest = hashlib.sha256()
                batch.append(chunk)
                size += len(chunk)
                if size >= 1 << 20:
                    flush()
                    written += size
                    batch.clear()
                    size = 0
                if written < SPOOL_CHARS:
                    continue
            elif fh is None:
                yield None
                continue
            flush()  # the part is complete, the writer paused, or the text ended
            batch.clear()
            size = 0
            fh.close()
            fh = None
            if digests is not None:
                digests[path.name] = digest.hexdigest()
            yield path
    finally:
        if fh is not None:
            fh.close()
