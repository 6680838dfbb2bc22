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
        manifest.json      file names, hashes, build summary

Keeping the sources is what makes builds incremental and idempotent: a new
file is added to the known ones and the graph rebuilt from all of them (so
entity resolution sees everything); a file already known changes nothing.
What was extracted from each source is kept too, so that only the new files
are extracted (about half of a build's work); it is reused only while kg's
code is the same.

Keeping the N-Triples costs disk (about as much again as the database) and
saves time on every export: reading a million triples back out of the
database takes Oxigraph 10 s (a lookup per IRI), parsing the text 2 s. A
generation never changes once written, so the text stays exactly its content.
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
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph
from rdflib import Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.records.io import Source
from kg.vocab import MLKG

__all__ = ["CURRENT", "PREFIXES", "Source", "Store", "StoreError", "default_store_path"]

CURRENT = "CURRENT"
NTRIPLES = "ntriples"
EXTRACTED = "extracted"
PREFIXES = {
    "mlkg": str(MLKG._NS),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
}


class StoreError(Exception):
    """The store is missing, locked or damaged; the message says which."""


def default_store_path() -> Path:
    """``$KG_STORE``, or ``.kg`` when it is unset or empty (an empty one must not mean this folder)."""
    return Path(os.environ.get("KG_STORE") or ".kg")


class Store:
    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        self._lock_fd: int | None = None

    # -- reading -----------------------------------------------------------
    @property
    def current(self) -> Path | None:
        link = self.path / CURRENT
        if not link.is_symlink():
            if link.exists():
                raise StoreError(f"{self.path} is not a kg store ({CURRENT} is not a link to a generation)")
            return None
        target = self.path / os.readlink(link)
        return target if (target / "oxigraph").is_dir() else None

    def exists(self) -> bool:
        return self.current is not None

    def require(self) -> Path:
        gen = self.current
        if gen is None:
            raise StoreError(f"no graph at {self.path}: run `kg build PATH --store {self.path}` first")
        return gen

    def manifest(self) -> dict:
        gen = self.current
        if gen is None:
            return {"sources": [], "summary": {}}
        return json.loads((gen / "manifest.json").read_text())

    def sources(self) -> list[Source]:
        gen = self.current
        if gen is None:
            return []
        try:
            return [Source(s["name"], s["sha256"], (gen / "sources" / s["sha256"]).read_text("utf-8"),
                           s.get("format"))
                    for s in self.manifest()["sources"]]
        except (OSError, ValueError, KeyError) as exc:
            raise StoreError(f"the store at {self.path} is damaged: {exc}; "
                             f"build again with --rebuild") from None

    @staticmethod
    def extracted_name(source: Source, signature: str) -> str:
        """The name under which a generation keeps the docs extracted from ``source`` by extraction
        code ``signature`` (kg.extract.saved.signature)."""
        fmt = hashlib.sha256(f"{source.name}\0{source.format or ''}".encode()).hexdigest()[:12]
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
        triples. None for a generation written before kg kept them (then read the database)."""
        folder = self.require() / NTRIPLES
        return sorted(folder.glob("part-*.nt")) if folder.is_dir() else None

    def oxigraph(self) -> pyoxigraph.Store:
        """The database, opened read-only (several readers may share it)."""
        gen = self.require()
        try:
            return pyoxigraph.Store.read_only(str(gen / "oxigraph"))
        except OSError as exc:
            raise StoreError(f"cannot open the graph at {gen}: {exc}") from exc

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
            yield
        finally:
            self._lock_fd = None
            if created and not any(self.path.iterdir()):
                self.path.rmdir()  # a build that wrote nothing leaves no empty store behind
            os.close(fd)  # releases the lock

    @contextmanager
    def staging(self) -> Iterator[Path]:
        """A folder in the store for what a build keeps before its generation is written (the docs
        it extracts, as they are made), handed to :meth:`write`; removed if it is not (and left
        by a crash to the sweep that removes unfinished generations)."""
        with self.lock():
            # named before it is made, so that a Ctrl-C landing between the two leaves nothing behind
            folder = self.path / f".gen-tmp-staging-{os.getpid()}"
            try:
                shutil.rmtree(folder, ignore_errors=True)  # a crashed build's, if this pid is reused
                folder.mkdir()
                yield folder
            finally:
                shutil.rmtree(folder, ignore_errors=True)

    def write(self, ntriples: Iterable[str], sources: list[Source], summary: dict, *,
              checked: bool = False, extracted: Path | None = None, sources_dir: Path | None = None) -> Path:
        """Write a whole new generation from N-Triples text (lines, or blocks of lines), then make it current.

        ``checked=True`` says every IRI in the lines was already checked (kg.graph.iris mints
        only valid ones), so the loader skips validating them again; the syntax is still checked.
        ``summary`` goes into the manifest once every line has been read. ``extracted``: a folder
        (from :meth:`staging`) of the docs extracted from the sources, one file per source named by
        :meth:`extracted_name`, for the next build to reuse; it becomes part of the generation.
        ``sources_dir``: a folder already holding every source's text under its sha256 (see
        :meth:`keep_sources`), which becomes the generation's; the sources' ``text`` is then not read.
        """
        with self.lock():
            return self._write(ntriples, sources, summary, checked, extracted, sources_dir)

    def keep_sources(self, folder: Path, sources: Iterable[Source]) -> None:
        """Put each source's text in ``folder`` (for :meth:`write`'s ``sources_dir``) as soon as it is
        read, so a build need not hold the texts: a file the current generation holds is linked
        (a generation never changes), a new one written."""
        gen = self.current
        for src in sources:
            target = folder / src.sha256
            if target.exists():
                continue
            old = gen / "sources" / src.sha256 if gen is not None else None
            if old is not None and old.is_file():
                try:
                    os.link(old, target)
                    continue
                except OSError:
                    pass
            target.write_text(src.text, "utf-8")

    def _write(self, ntriples: Iterable[str], sources: list[Source], summary: dict, checked: bool = False,
               extracted: Path | None = None, sources_dir: Path | None = None) -> Path:
        tmp = Path(tempfile.mkdtemp(prefix=".gen-tmp-", dir=self.path))
        try:
            os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes 0700: other users may read the graph
            (tmp / NTRIPLES).mkdir()
            _load(tmp / "oxigraph", ntriples, tmp / NTRIPLES, lenient=checked)
            if sources_dir is not None:
                os.rename(sources_dir, tmp / "sources")
                os.chmod(tmp / "sources", 0o777 & ~_umask())
            else:
                (tmp / "sources").mkdir()
                for src in sources:
                    (tmp / "sources" / src.sha256).write_text(src.text, "utf-8")
            if extracted is not None:
                os.rename(extracted, tmp / EXTRACTED)
                os.chmod(tmp / EXTRACTED, 0o777 & ~_umask())
            else:
                (tmp / EXTRACTED).mkdir()
            manifest = {"sources": [{"name": s.name, "sha256": s.sha256, "format": s.format}
                                    for s in sources],
                        "summary": summary}
            (tmp / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True))
            final = self.path / self._next_generation()
            tmp.rename(final)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        self._swap(final)
        return final

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



def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


SPOOL_CHARS = 32_000_000
"""Characters of N-Triples per spooled part (about 180,000 lines of kg's graph). The bulk loader
holds a part in memory while it loads it (about 1 GB for a million lines), so parts keep a large
build's memory bounded."""
LOADERS = 2
"""Threads loading parts at once (Oxigraph's loader releases the GIL)."""


def _load(db: Path, lines: Iterable[str], folder: Path, *, lenient: bool) -> None:
    """Bulk-load N-Triples text into a new database at ``db``, keeping the text in ``folder``.

    The text is spooled to files in ``folder`` (inside the new generation's temporary folder, not
    the system's: a build killed mid-way leaves nothing the next build does not sweep, and /tmp
    may be small), a part at a time; other threads load the parts while the next ones are written.
    Loaded in parts, the database is then compacted, or every read would look in each part.
    """
    loader = _Loader(pyoxigraph.Store(str(db)), lenient, LOADERS)
    try:
        for part in _spooled_parts(lines, folder):
            loader.put(part)
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
        self.parts: queue.Queue[Path | None] = queue.Queue(maxsize=1)  # at most one part waits
        self.error: BaseException | None = None
        self.threads = [threading.Thread(target=self._run, name=f"kg-store-loader-{i}", daemon=True)
                        for i in range(threads)]
        for t in self.threads:
            t.start()

    def _run(self) -> None:
        while (part := self.parts.get()) is not None:
            try:
                if self.error is None:
                    self.store.bulk_load(path=str(part), format=pyoxigraph.RdfFormat.N_TRIPLES,
                                         lenient=self.lenient)
            except BaseException as exc:  # handed to the writing thread, which raises it
                self.error = self.error or exc

    def _raise(self) -> None:
        if self.error is not None and not isinstance(self.error, _Abandoned):
            raise self.error

    def put(self, part: Path) -> None:
        self._raise()
        self.parts.put(part)

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


def _spooled_parts(text: Iterable[str], folder: Path) -> Iterator[Path]:
    """Write N-Triples text (lines or blocks of lines) to ``folder/part-NNNN.nt`` files of about
    SPOOL_CHARS characters; yield each when it is complete. An empty block ends the part early (the
    writer says what comes next takes a while: the loaders should have what came before)."""
    n = written = size = 0
    fh = None
    batch: list[str] = []
    try:
        for chunk in itertools.chain(text, [""]):  # the end of the text ends the last part
            if chunk:
                if fh is None:
                    n += 1
                    path, written = folder / f"part-{n:04d}.nt", 0
                    fh = path.open("w", encoding="utf-8", newline="")
                batch.append(chunk)
                size += len(chunk)
                if size >= 1 << 20:
                    fh.write("".join(batch))
                    written += size
                    batch.clear()
                    size = 0
                if written < SPOOL_CHARS:
                    continue
            elif fh is None:
                continue
            fh.write("".join(batch))  # the part is complete, the writer paused, or the text ended
            batch.clear()
            size = 0
            fh.close()
            fh = None
            yield path
    finally:
        if fh is not None:
            fh.close()
