"""``kg build --engine dask``: reading, extraction and the facts' lines on a Dask cluster.

Extraction is about half of a build's CPU time and is done record by record, so it spreads over
machines; resolution needs every record at once and the store is one folder, so both stay on the
machine that runs ``kg build``. The work goes in three waves of tasks:

1. one task per input file: a worker reads it (the same reader as a local build:
   :func:`kg.records.io.read_one` of that one file, under the name the build gives it) and
   writes its records as Parquet partitions of :data:`PARTITION` records into the work folder
   (:mod:`kg.engines.parquet`), each with the blocking keys of its abstracts beside it (what paper
   clustering groups by: :func:`kg.resolve.papers.sketch`); it hands back the source (its text,
   for the store to keep), the problems, and where the partitions are;
2. one task per partition of a source that needs extracting (the store may hold the docs of the
   others, see :func:`kg.build._reusable`): a worker reads the partition, extracts it, writes the
   docs as bytes (:mod:`kg.extract.saved`) into the work folder and hands back what the build
   needs of them: their problems, the names they mention keyed for entity resolution
   (kg.graph.build.Noted) and the names at their facts' ends;
3. after resolution, one task per extracted partition: a worker writes the facts' evidence as an
   N-Triples shard the store bulk-loads, and hands back the facts' own lines (kg.engines.shards).

This machine reads the records and their keys back from the partitions, merges the keys
(papers, people, entities are resolved here), keeps each source's docs the way a store keeps
them without reading them, and writes the graph's other lines: the graph is the same, triple
for triple, as a local build's (the tests compare them sorted).

Workers must see the input files and the work folder at the same paths as this machine (a shared
filesystem: NFS, a mounted volume); they must run the same kg code, which :meth:`DaskEngine.extract`
checks (the signature the store keeps extracted docs under) before any task runs. docs/cluster.md
says how to start a cluster.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from kg.engines import EngineError
from kg.extract import saved
from kg.records.io import ReadResult, Source
from kg.records.record import Problem, Record

PARTITION = 500
"""Records per Parquet partition, and so per extraction task (about a second of work: enough to
make a task's overhead, a few milliseconds, small; few enough to keep every worker busy)."""
TIMEOUT = 10.0
"""Seconds to wait for a scheduler to answer before giving up."""


@dataclass
class _Read:
    """What a worker hands back for one input file."""

    source: Source | None
    problems: list[Problem]
    partitions: list[tuple[str, int, int]] = field(default_factory=list)
    """(Parquet file, first record, number of records) per partition, in order."""
    filtered: int = 0
    """Records left out by the --category filter."""
    error: str | None = None
    """Why the file could not be read at all: the build stops with this line."""


def read_file(path: str, name: str, format: str | None, folder: str, categories: tuple[str, ...] = ()) -> _Read:
    """In a worker: read one input file (keeping the records of ``categories``, if given), write
    its records as partitions in ``folder``."""
    from kg.engines import parquet
    from kg.records.compressed import CompressedError
    from kg.records.io import InputError, ReadResult, read_one

    result = ReadResult()
    try:
        if not os.path.isfile(path):
            raise InputError(f"no such file or folder: {path}", path)
        read_one(Path(path), name, format, categories, result)  # named as the build names it
    except InputError as exc:
        return _Read(None, [], error=f"a worker cannot read {path}: {exc} (every worker must see the "
                                     f"inputs at the same path: docs/cluster.md)")
    except CompressedError as exc:  # a truncated or damaged .gz/.bz2/.zst: the line a local build prints
        return _Read(None, [], error=str(exc))
    filtered = sum(result.filtered.values())
    out = _Read(result.sources[0] if result.sources else None, result.problems, filtered=filtered)
    os.makedirs(folder, exist_ok=True)
    for start in range(0, len(result.records), PARTITION):
        part = result.records[start:start + PARTITION]
        target = os.path.join(folder, f"part-{start // PARTITION:05d}.parquet")
        parquet.write(part, target)
        parquet.write_keys(part, target.replace(".parquet", ".keys.parquet"))  # blocking keys, for resolution
        out.partitions.append((target, start, len(part)))
    return out


@dataclass
class _Extracted:
    """What a worker hands back for one partition it extracted."""

    docs: str
    """The file of its docs (kg.extract.saved.dumps), in the work folder."""
    problems: list[Problem]
    noted: object
    """kg.graph.build.Noted: the names its docs mention (their keys computed here), the parameter
    counts and model cards they state."""
    mentions: dict
    """Mention -> highest confidence: the names its facts' ends resolve to (kg.engines.shards)."""


def extract_partition(path: str, start: int, components: tuple[str, ...], target: str,
                      min_confidence: float = 0.0) -> _Extracted:
    """In a worker: the docs of one partition's records, written to ``target`` as bytes naming
    each record by its position in its source (counted from the partition's ``start``), and
    what the build needs of them without reading them back (their problems, what they name)."""
    from kg.build import _findings  # what a doc keeps: the same trimming as a local build
    from kg.engines import parquet
    from kg.engines.shards import named
    from kg.extract.pipeline import pipeline, run
    from kg.graph.build import Noted

    comps = pipeline(components)
    collecting = gc.isenabled()
    gc.disable()  # as in a local build's workers: extraction makes many objects and no cycles to free
    try:
        docs = [_findings(run(record, comps)) for record in parquet.read(path)]
        tmp = target + ".tmp"
        with open(tmp, "wb") as f:
            f.write(saved.dumps(docs, start))
        os.replace(tmp, target)
        noted, mentions = Noted(min_confidence), {}
        for doc in docs:
            noted(doc)
        named(docs, mentions)
        return _Extracted(target, [p for doc in docs for p in doc.problems], noted, mentions)
    finally:
        if collecting:
            gc.enable()


class DaskEngine:
    """Reading and extraction on the cluster behind ``client``; intermediate results in ``work``."""

    name = "dask"

    def __init__(self, client, work: Path) -> None:
        self.client = client
        self.work = work
        self._partitions: dict[str, list[tuple[str, int, int]]] = {}  # source name -> its partitions
        self._folders = 0  # folders made in ``work``: each read, and each part written from here, has its own
        self.extracted: dict[str, list[tuple[str, str, int, int]]] = {}
        """Source name -> (records' Parquet file, docs' file, first record, records) per partition
        its last extraction made (kg.engines.shards writes the facts' lines from them)."""
        self.mentions: dict = {}
        """Mention -> highest confidence, of the facts extracted last (kg.engines.shards)."""
        self.sketches: dict = {}
        """(file, index) -> the blocking keys of the record's abstract (kg.resolve.papers.Sketches),
        computed by the workers that read the records last."""
        """Mention -> highest confidence, of the facts extracted last (kg.engines.shards)."""

    # -- reading ---------------------------------------------------------------
    def read(self, paths: Sequence[str], format: str | None = None, categories: Sequence[str] = ()) -> ReadResult:
        """:func:`kg.records.io.read_paths`, with each file read by a worker. Standard input is
        read here (no worker can see it)."""
        from kg.engines import parquet
        from kg.records.io import inputs as named_inputs
        from kg.records.io import read_one
        from kg.records import registry

        if format:
            registry.get(format)  # unknown format name: KeyError before any work
        inputs = named_inputs(paths)
        self._partitions = {}  # an engine may serve several builds: only this read's partitions count
        self.sketches, self.extracted, self.mentions = {}, {}, {}
        folder = self._folder("read")
        futures = [None if path is None else
                   self.client.submit(read_file, str(path.resolve()), name, format, str(folder / f"{n:05d}"),
                                      tuple(categories), pure=False)
                   for n, (name, path, _) in enumerate(inputs)]
        result = ReadResult()
        for (name, path, renamed), future in zip(inputs, futures):
            if renamed:
                result.problems.append(renamed)
            if future is None:  # standard input
                read_one(None, name, format, categories, result)
                continue
            got: _Read = _gather(self.client, future)
            if got.error is not None:
                raise EngineError(got.error)
            result.problems += got.problems
            if categories:
                result.filtered[name] = got.filtered
            if got.source is None:
                continue
            result.sources.append(got.source)
            for part, _, _ in got.partitions:
                try:
                    result.records += parquet.read(part)
                    parquet.read_keys(part.replace(".parquet", ".keys.parquet"), self.sketches)
                except OSError as exc:
                    raise EngineError(_unshared(part, exc)) from None
            self._partitions[name] = got.partitions
        return result

    # -- extraction ------------------------------------------------------------
    def extract(self, parts: Sequence[tuple[str, Sequence[Record]]],
                components: tuple[str, ...]) -> dict[str, bytes]:
        """The docs of each part's records, packed as a store keeps them (kg.extract.saved.pack)."""
        return {name: data for name, data, _, _ in self.extract_noted(parts, components)}

    def extract_noted(self, parts: Sequence[tuple[str, Sequence[Record]]], components: tuple[str, ...],
                      min_confidence: float = 0.0) -> Iterator[tuple[str, bytes, list[Problem], object]]:
        """For each part in order: (its name, its docs packed as a store keeps them, their problems,
        a kg.graph.build.Noted of them with ``min_confidence``), the docs noted by the workers."""
        from kg.graph.build import Noted

        self._same_code(components)
        self.extracted, self.mentions = {}, {}
        folder = self._folder("docs")
        futures = []
        for name, records in parts:
            where = self._where(records)
            tasks = []
            for path, start, count in where:
                target = str(folder / f"{len(self.extracted):05d}-{start:09d}.docs")
                tasks.append(self.client.submit(extract_partition, path, start, components, target,
                                                min_confidence, pure=False))
            self.extracted[name] = []
            futures.append((name, len(records), where, tasks))
        for name, count, where, tasks in futures:
            got: list[_Extracted] = _gather(self.client, tasks)
            blobs, problems = [], []
            noted = got[0].noted if got else Noted(min_confidence)  # the others added to the first's
            for k, ((path, start, n), part) in enumerate(zip(where, got)):
                try:
                    with open(part.docs, "rb") as f:
                        blobs.append(f.read())
                except OSError as exc:
                    raise EngineError(_unshared(part.docs, exc)) from None
                problems += part.problems
                if k:
                    noted.merge(part.noted)
                for m, best in part.mentions.items():
                    if best > self.mentions.get(m, -1.0):
                        self.mentions[m] = best
                self.extracted[name].append((path, part.docs, start, n))
            yield name, saved.pack(0, blobs, count), problems, noted

    def facts(self, head, parts, records, stage):
        """The writer of the facts' lines (kg.engines.shards): on the workers, into shards."""
        from kg.engines.shards import DaskShards, ShardedFacts

        return ShardedFacts(DaskShards(self, head, records), parts, records, stage)

    def each(self, futures) -> Iterator:
        """The results of ``futures`` as they come; a failure on the cluster as one EngineError."""
        from distributed import as_completed

        try:
            for future in as_completed(futures, loop=self.client.loop):
                yield future.result()
        except Exception as exc:  # noqa: BLE001 -- whatever the cluster raised, the build stops here
            raise EngineError(f"the Dask cluster failed: {type(exc).__name__}: {exc}") from exc

    def _where(self, records: Sequence[Record]) -> list[tuple[str, int, int]]:
        """The partitions holding ``records`` (one source's, in order): those its reading wrote, or,
        for a source the store held (read again here), new ones written from here."""
        from kg.engines import parquet

        where = self._partitions.get(records[0].file) if records else None
        if where and sum(count for _, _, count in where) == len(records):
            return where
        folder = self._folder("here")
        where = []
        for start in range(0, len(records), PARTITION):
            target = str(folder / f"part-{start // PARTITION:05d}.parquet")
            parquet.write(records[start:start + PARTITION], target)
            where.append((target, start, min(PARTITION, len(records) - start)))
        return where

    def _folder(self, kind: str) -> Path:
        self._folders += 1
        folder = self.work / "records" / f"{kind}-{self._folders:05d}"
        folder.mkdir(parents=True)
        return folder

    def _same_code(self, components: tuple[str, ...]) -> None:
        """Every worker must extract with the code this machine would: docs made by other code
        would be kept under this code's signature and reused by later builds."""
        mine = saved.signature(components)
        try:
            theirs = self.client.run(saved.signature, components)
        except Exception as exc:  # noqa: BLE001
            raise EngineError(f"the Dask cluster failed: {type(exc).__name__}: {exc}") from exc
        if not theirs:
            raise EngineError("the Dask cluster has no workers")
        other = sorted(w for w, sig in theirs.items() if sig != mine)
        if other:
            raise EngineError(f"worker {other[0]} runs other kg code than this machine "
                              f"({len(other)} of {len(theirs)} workers): install the same kg on every worker")


def _unshared(path: str, exc: OSError) -> str:
    return (f"cannot read a worker's results at {path}: {exc.strerror or exc} (the work folder must be "
            f"shared by the workers and this machine: --work-dir)")


def _gather(client, futures):
    """The results of ``futures``; a failure on the cluster (a worker lost, the scheduler gone, a
    task that raised) as one EngineError line."""
    try:
        return client.gather(futures)
    except Exception as exc:  # noqa: BLE001 -- whatever the cluster raised, the build stops here
        raise EngineError(f"the Dask cluster failed: {type(exc).__name__}: {exc}") from exc


@contextmanager
def connect(scheduler: str | None = None, *, timeout: float = TIMEOUT, workers: int | None = None,
            work_dir: str | Path | None = None) -> Iterator[DaskEngine]:
    """A :class:`DaskEngine` on the scheduler at ``scheduler`` (``tcp://host:8786``), or on a
    LocalCluster of ``workers`` processes (default: one per core, at most 8) started here and
    stopped after. ``work_dir``: where the workers write intermediate results (default: a new
    temporary folder; with a remote scheduler, give a folder every worker shares). Raises
    :class:`EngineError` at once, before anything is read or written, when no scheduler answers.
    """
    try:
        import pyarrow  # noqa: F401 -- the workers write their results with it
        from distributed import Client, LocalCluster
    except ImportError:
        raise EngineError("the dask engine needs dask[distributed] and pyarrow: "
                          "pip install 'kg[cluster]'") from None
    for noisy in ("distributed", "tornado"):  # what goes wrong reaches the build as an exception
        logging.getLogger(noisy).setLevel(logging.CRITICAL)
    if not scheduler:
        n = workers or min(os.cpu_count() or 1, 8)
        try:
            # no dashboard, and its HTTP server (health checks) on a free port: 8787 may be taken
            cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                                   scheduler_kwargs={"dashboard_address": ":0"})
        except Exception as exc:  # noqa: BLE001 -- distributed raises what its nannies raised
            raise EngineError(f"cannot start a local Dask cluster of {n} workers: {exc}") from None
        with cluster, Client(cluster, set_as_default=False) as client:
            yield from _engine(client, work_dir)
        return
    try:
        client = Client(scheduler, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        why = "" if "Timed out" in str(exc) else f": {exc}"  # distributed's own words say it again
        raise EngineError(f"no Dask scheduler answers at {scheduler} (waited {timeout:g} s){why}") from None
    with client:
        yield from _engine(client, work_dir)


def _engine(client, work_dir: str | Path | None) -> Iterator[DaskEngine]:
    work = Path(tempfile.mkdtemp(prefix="kg-dask-", dir=work_dir)).resolve()
    try:
        yield DaskEngine(client, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
