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
        sources/<sha256>   every input file the graph was built from
        manifest.json      file names, hashes, build summary

Keeping the sources is what makes builds incremental and idempotent: a new
file is added to the known ones and the graph rebuilt from all of them (so
entity resolution sees everything); a file already known changes nothing.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
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

    def write(self, ntriples: Iterable[str], sources: list[Source], summary: dict, *,
              checked: bool = False) -> Path:
        """Write a whole new generation from N-Triples lines, then make it current.

        ``checked=True`` says every IRI in the lines was already checked (kg.graph.iris mints
        only valid ones), so the loader skips validating them again; the syntax is still checked.
        ``summary`` goes into the manifest once every line has been read.
        """
        with self.lock():
            return self._write(ntriples, sources, summary, checked)

    def _write(self, ntriples: Iterable[str], sources: list[Source], summary: dict, checked: bool = False) -> Path:
        tmp = Path(tempfile.mkdtemp(prefix=".gen-tmp-", dir=self.path))
        try:
            os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes 0700: other users may read the graph
            db = tmp / "oxigraph"
            ox = pyoxigraph.Store(str(db))
            try:
                with _spooled(ntriples, tmp) as data:
                    ox.bulk_load(path=data, format=pyoxigraph.RdfFormat.N_TRIPLES, lenient=checked)
                ox.flush()
            finally:
                del ox
            (tmp / "sources").mkdir()
            for src in sources:
                (tmp / "sources" / src.sha256).write_text(src.text, "utf-8")
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


@contextmanager
def _spooled(lines: Iterable[str], folder: Path) -> Iterator[str]:
    """N-Triples lines as one file on disk, for the bulk loader.

    The file is inside the new generation's temporary folder, not the system's: a build killed
    mid-way leaves nothing behind that the next build does not sweep (and /tmp may be small).
    """
    path = folder / "load.nt"
    try:
        with path.open("w", encoding="utf-8", newline="") as fh:
            batch: list[str] = []
            for line in lines:
                batch.append(line)
                if len(batch) == 4096:
                    fh.write("".join(batch))
                    batch.clear()
            fh.write("".join(batch))
        yield str(path)
    finally:
        path.unlink(missing_ok=True)
