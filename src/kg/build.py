"""The whole build: source files -> records -> facts -> resolved entities -> store.

This is the one place the stages meet; each stage lives in its own package
(kg.records, kg.extract, kg.resolve, kg.graph) and knows nothing of the others'
internals. Docs extracted from a file the store already holds come back from the
store (kg.extract.saved) instead of being extracted again.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing as mp
import os
import shutil
import signal
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from kg.engines import EngineError, forked
from kg.engines.early import Early
from kg.engines.shards import ShardedFacts
from kg.extract import saved
from kg.extract.doc import Doc
from kg.extract.pipeline import DEFAULT_PIPELINE, pipeline, run
from kg.graph.build import PREDICATE, Dedupe, Noted, build_triples, head_lines, iter_ntriples, records_lines
from kg.graph import iris
from kg.graph.distinct import Distinct
from kg.graph.store import Store
from kg.heap import give_back
from kg.records import spool
from kg.records.record import Problem, Record
from kg.records.registry import describes
from kg.records.spool import Records
from kg.resolve.entities import Names
from kg.resolve.entity_table import SizeSpill, Spill
from kg.resolve.papers import cluster_papers
from kg.resolve.people import resolve_people

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total): called as records are extracted."""


class NoRecords(ValueError):
    """Nothing in the input could be read as a record (a data error)."""

    def __init__(self, message: str, problems: list[Problem]) -> None:
        super().__init__(message)
        self.problems = problems


PARALLEL_MIN_RECORDS = 400
"""Below this many records, starting worker processes costs more than it saves."""
CHUNK = 32
"""Records a worker extracts per task."""

_JOB: tuple[Sequence[Record], tuple[str, ...], float | None] | None = None
"""The records and components being extracted, and the least confidence of the facts whose names
the workers note (None: they do not note). Forked workers inherit them, so a task is only a
range of indices, and a doc comes back naming its record by index (the parent holds the record).
In a build they are a view of the record spool (kg.records.spool.Records): each worker loads the
chunks it extracts, a chunk at a time, rather than inheriting every record."""


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which stops them all and says so once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _workers(n_records: int) -> int:
    """How many worker processes extract this many records (0: this process does)."""
    workers = min(os.cpu_count() or 1, 8)
    if workers < 2 or n_records < PARALLEL_MIN_RECORDS or "fork" not in mp.get_all_start_methods():
        return 0
    return workers


def _docs(records: Sequence[Record], comps, a: int, b: int) -> list[Doc]:
    """The findings of records [a, b)."""
    return [_findings(run(records[i], comps)) for i in range(a, b)]


def _noted_span(records: Sequence[Record], comps, a: int, b: int, noted: Noted) -> tuple[bytes, list[Problem], int]:
    """Records [a, b) extracted and noted into ``noted``: their docs as bytes, their problems, how many."""
    docs = _docs(records, comps, a, b)
    for doc in docs:
        noted(doc)
    return saved.dumps(docs, a), [p for doc in docs for p in doc.problems], len(docs)


def _extract_span(span: tuple[int, int]) -> bytes:
    """In a worker: extract records [a, b) of the job; the docs, pickled for the parent."""
    assert _JOB is not None
    records, names, _ = _JOB
    return saved.dumps(_docs(records, pipeline(names), *span), span[0])


Span = tuple[int, bytes, list[Problem], int]
"""Docs extracted and noted (:func:`extraction` with ``noted``): (the number of their part, the
docs as bytes, their problems, how many)."""


def _extract_noted(span: tuple[int, int]) -> tuple[bytes, list[Problem], Noted, int]:
    """In a worker: extract records [a, b) of the job; the docs pickled, their problems, and what
    the build notes of them (kg.graph.build.Noted): the parent need not read the docs back for it."""
    assert _JOB is not None
    records, names, least = _JOB
    noted = Noted(least)
    blob, problems, count = _noted_span(records, pipeline(names), *span, noted)
    return blob, problems, noted, count


def _findings(doc: Doc) -> Doc:
    """What the graph needs of a doc are its findings: not the annotations, sentences, cleaned text."""
    doc.user.clear()
    doc.sentences, doc.clean, doc.decisions = [], [], []
    return doc


@dataclass
class Extracted:
    docs: Iterator[Doc] | None
    """The docs of the records, in order, made as they are read (None: see ``spans``)."""
    in_workers: bool
    saved: dict[int, list[bytes]]
    """Part number -> the part's docs as bytes (kg.extract.saved), filled as ``docs`` is read."""
    spans: Iterator[Span] | None = None
    """With ``noted``: the docs in order, a span of them at a time, as bytes, already noted."""


@contextmanager
def extraction(records: Sequence[Record], components: tuple[str, ...],
               ends: Sequence[int] = (), noted: Noted | None = None,
               begun: Iterator[Span] | None = None) -> Iterator[Extracted]:
    """The docs for ``records``, and the same docs as bytes per part (``ends``: where each part of
    the records ends; by default they are one part), for a store to keep. ``noted``: the docs
    are noted into it (kg.graph.build.Noted) and come as ``spans``, not ``docs``: the workers
    note those they extract and send what they noted, so the docs are not read back here.

    On several cores the workers are forked on entry, before the caller starts any thread of
    its own, and extract while this process does other work; below PARALLEL_MIN_RECORDS this
    process extracts as the docs are read. ``begun``: the spans, noted, from workers that started
    while the files were read (kg.engines.early), each counting its records from its part's first.
    """
    global _JOB
    ends = list(ends) or [len(records)]
    parts = list(zip([0, *ends[:-1]], ends))
    kept: dict[int, list[bytes]] = {}
    if begun is not None:
        yield Extracted(None, True, kept, begun)
        return
    workers = _workers(len(records))
    if not workers:
        if noted is not None:
            yield Extracted(None, False, kept, _spans_here(records, pipeline(components), parts, noted))
        else:
            yield Extracted(_extract_here(records, pipeline(components), parts, kept), False, kept)
        return
    _JOB = (records, components, None if noted is None else noted.min_confidence)
    if isinstance(records, Records):
        records.forget()  # the workers load what they extract
    try:
        with mp.get_context("fork").Pool(workers, initializer=_ignore_sigint) as pool:
            spans = [(n, (a, min(a + CHUNK, end))) for n, (start, end) in enumerate(parts)
                     for a in range(start, end, CHUNK)]  # a span never crosses parts
            numbers = [n for n, _ in spans]
            if noted is not None:
                got = pool.imap(_extract_noted, [span for _, span in spans])
                yield Extracted(None, True, kept, _noted_from_workers(zip(numbers, got), noted))
            else:
                blobs = pool.imap(_extract_span, [span for _, span in spans])
                yield Extracted(_from_workers(zip(numbers, blobs), records, kept), True, kept)
    finally:
        _JOB = None


def _extract_here(records: Sequence[Record], comps, parts: list[tuple[int, int]],
                  kept: dict[int, list[bytes]]) -> Iterator[Doc]:
    for n, (start, end) in enumerate(parts):
        docs = []
        for i in range(start, end):
            doc = _findings(run(records[i], comps))
            docs.append(doc)
            if len(docs) == CHUNK or i == end - 1:  # kept before the doc goes out: the caller may stop there
                kept.setdefault(n, []).append(saved.dumps(docs, i + 1 - len(docs)))
                docs = []
            yield doc


def _spans_here(records: Sequence[Record], comps, parts: list[tuple[int, int]], noted: Noted) -> Iterator[Span]:
    for n, (start, end) in enumerate(parts):
        for a in range(start, end, CHUNK):
            yield (n, *_noted_span(records, comps, a, min(a + CHUNK, end), noted))


def _noted_from_workers(got: Iterator[tuple[int, tuple[bytes, list[Problem], Noted, int]]],
                        noted: Noted) -> Iterator[Span]:
    for n, (blob, problems, theirs, count) in got:
        noted.merge(theirs)
        yield n, blob, problems, count


def _from_workers(blobs: Iterator[tuple[int, bytes]], records: Sequence[Record],
                  kept: dict[int, list[bytes]]) -> Iterator[Doc]:
    for n, blob in blobs:
        kept.setdefault(n, []).append(blob)
        yield from saved.loads(blob, records)


def extract_all(records: list[Record], components: tuple[str, ...]) -> Iterator[Doc]:
    """Docs for ``records`` in order; on several cores, extraction runs in worker processes."""
    with extraction(records, components) as extracted:
        yield from extracted.docs


class _Background(threading.Thread):
    """A function run in a thread while this one waits on the workers; ``result()`` joins it."""

    def __init__(self, func: Callable[[], object]) -> None:
        super().__init__(name="kg-build-resolve", daemon=True)  # daemon: Ctrl-C must not wait for it
        self.func = func
        self.value: object = None
        self.error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            self.value = self.func()
        except BaseException as exc:  # raised in the waiting thread
            self.error = exc

    def result(self) -> object:
        self.join()
        if self.error is not None:
            raise self.error
        return self.value


def _resolve(records: list[Record], fresh: Dedupe | None = None, keep: dict | None = None, sketches=None,
             whole: Records | None = None, folder: Path | None = None):
    """Papers, people, and the graph's lines for them: all they need is the records (a model
    card's record is about a model, not a paper: kg.graph.build writes it with the models).

    ``keep``: given the papers' rows of the store's resolution index (kg.resolve.index), made here
    while the papers are held; ``sketches``: blocking keys of the abstracts computed already
    (kg.resolve.papers.Sketches). ``whole``: ``records`` are slim (kg.records.spool.slim) and these
    are the same records whole; the records' own lines are then written from them into a file in
    ``folder``, returned last, and the papers are let go at once (only counted from here on: the
    head holds what the facts' lines need of them), so that they and the slim records do not
    outlive the extraction."""
    abstracts = whole.spool.abstracts if whole is not None else None  # (slim records' abstracts: on disk)
    papers = cluster_papers([r for r in records if describes(r) == "paper"], keep, sketches, abstracts)
    if keep is not None and folder is not None:  # the sketches to the index's file now: not held past here
        from kg.resolve import index

        index.begin_sketches(folder / index.NAME, keep)
    people = resolve_people(papers)
    head = head_lines(papers, people, fresh, with_records=whole is None)
    if keep is not None:  # the index keeps records whole: a later append writes their lines again
        from kg.resolve import index

        cards = any(describes(r) != "paper" for r in records)
        if folder is not None:  # the papers' rows go to the index's file as they are made: never all held
            index.begin(folder / index.NAME, papers, people, keep, whole=whole)
            keep.clear()  # (the clustered records and sketches: not held through the extraction)
            keep["rows"] = None
        else:
            keep["rows"] = index.paper_rows(papers, people, keep, whole=whole)
        keep["cards"] = cards
    if whole is None:
        return papers, people, head, None
    path, n = folder / "records.nt", 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for block, count in records_lines(whole, head):
            out.write(block)
            n += count
    people.papers = {}
    return range(len(papers)), people, head, (path, n)


def _reusable(st: Store, parts: list[tuple[str, int, int]], records: Sequence[Record], rebuild: bool,
              stage: Path, note: Callable[[Doc], None] | None = None
              ) -> tuple[dict[str, list[Problem]], list[tuple[str, int, int]]]:
    """(the problems of the docs the store kept, by part name; the parts to extract). The files
    reused are linked into ``stage`` for the new generation; their docs are read again from there
    when they are needed, one part at a time, so a build never holds them all.

    A source the store has seen, read and extracted by the same code, is not extracted again:
    its docs come back from the store (at 10,000 records, 0.45 s against 14 CPU-seconds).
    ``note`` is called with each doc reused, as it is read."""
    reused: dict[str, list[Problem]] = {}
    todo = []
    for name, a, b in parts:
        path = None if rebuild else st.extracted(name)
        docs = _saved_docs(path, _part(records, a, b)) if path is not None else None
        if docs is None:
            todo.append((name, a, b))
            continue
        reused[name] = []
        for doc in docs:
            reused[name] += doc.problems
            if note is not None:
                note(doc)
        del docs
        try:
            os.link(path, stage / name)  # a generation's files never change: the new one may share them
        except OSError:
            shutil.copyfile(path, stage / name)
    return reused, todo


def _part(records: Sequence[Record], a: int, b: int) -> Sequence[Record]:
    """Records [a, b) of a part: a view of the spool's chunks, or a list."""
    return records.sub(a, b) if isinstance(records, Records) else records[a:b]


def _saved_docs(path: Path, records: Sequence[Record]) -> Iterable[Doc] | None:
    """The docs a store kept for ``records`` (None: the file does not hold them): a list for a
    part of one chunk, else read as they are wanted, once the file is found to hold them all."""
    if len(records) <= spool.CHUNK:
        try:
            return list(saved.read(path, records))
        except (ValueError, OSError):
            return None
    return saved.read(path, records) if saved.check(path, records) else None


def _part_docs(stage: Path, name: str, records: Sequence[Record]) -> Iterator[Doc]:
    """The docs of one part, from its file in ``stage`` (written or linked by this build), read
    a blob at a time."""
    try:
        yield from saved.read(stage / name, records)
    except ValueError:  # written by this very build: unreadable only if the disk fails under it
        raise OSError(f"cannot read back {stage / name}") from None


def _extracted_by(engine, todo: list[tuple[str, int, int]], records: list[Record],
                  components: tuple[str, ...], stage: Path, note: Callable[[Doc], None] | None = None
                  ) -> dict[str, list[Problem]]:
    """The problems of the docs of the parts ``todo``, by part name: extracted by ``engine``
    (kg.engines) and handed back packed as a store keeps them; kept in ``stage`` for the new
    generation, like the docs extracted here, and from then on taken as if the store had kept
    them (:func:`_reusable`: read back a part at a time). ``note`` is called with each doc, or,
    with an engine that notes the docs where it extracts them (``extract_noted``), merges what it noted."""
    problems: dict[str, list[Problem]] = {}
    if isinstance(note, Noted) and hasattr(engine, "extract_noted"):  # no doc read back here
        for name, data, probs, noted in engine.extract_noted([(name, records[a:b]) for name, a, b in todo],
                                                             components, note.min_confidence):
            (stage / name).write_bytes(data)
            problems[name] = probs
            note.merge(noted)
        return problems
    packed = engine.extract([(name, records[a:b]) for name, a, b in todo], components)
    for name, a, b in todo:
        data = packed.pop(name)
        got = saved.unpack(data, records[a:b])
        if got is None:
            raise EngineError(f"the {engine.name} engine gave docs that do not match the records of {name}")
        (stage / name).write_bytes(data)
        del data
        problems[name] = [p for doc in got for p in doc.problems]
        if note is not None:
            for doc in got:
                note(doc)
        del got
    return problems


def _write_index(folder: Path, people, noted: Noted, keep: dict, min_confidence: float) -> Path:
    """The store's resolution index (kg.resolve.index) of this build, in ``folder``: what lets the
    next build that only adds sources resolve their records against these (kg.append). The papers'
    rows were made by :func:`_resolve` while it held the papers (``keep``)."""
    from kg.resolve import index

    path = folder / index.NAME
    cards = bool(noted.about or noted.names.repo_names) or keep.get("cards", False)
    if noted.spill is None:
        index.write(path, keep["rows"], people, noted.names, min_confidence=min_confidence, cards=cards)
    else:  # the names are in the spill (those still held added): summed into the index from there
        noted.spill.add(noted.names)
        index.write(path, keep["rows"], people, Names(), min_confidence=min_confidence, cards=cards)
        noted.spill.into(path)
        noted.spill, kept = None, Names()
        kept.repos, kept.repo_names = noted.names.repos, noted.names.repo_names
        noted.names = kept
    keep.clear()
    return path


def _all_names(path: Path, held: Names) -> Names:
    """Every name the build noted: those of the index at ``path`` with the repos ``held``."""
    from kg.resolve import index

    got = index.Index(path)
    try:
        names = got.names()
    finally:
        got.close()
    names.repos, names.repo_names = held.repos, held.repo_names
    return names


@dataclass
class BuildReport:
    store: Path
    changed: bool
    records: int = 0
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What the build chose and why, one line each ("append: ...; rebuilding")."""

    @property
    def skipped(self) -> list[Problem]:
        return [p for p in self.problems if p.skipped]


def build(paths: Sequence[str | Path], *, store: str | Path | None = None, rebuild: bool = False,
          format: str | None = None, min_confidence: float = 0.0,
          components: Sequence[str] = DEFAULT_PIPELINE,
          progress: Progress | None = None, categories: Sequence[str] = (),
          hub_id: str | None = None, engine=None) -> BuildReport:
    """Read ``paths`` (files, folders or "-"), add them to the store's graph, and save it.

    Building a file the store already holds changes nothing; a new file is added
    to what is there; ``rebuild=True`` starts from nothing. The store is replaced
    atomically, so a failed build leaves the previous graph as it was.

    ``categories`` ("cs.CL", "cs" for all of cs.*) keeps only the records of ``paths`` listed in
    one of them; records whose source gives no categories are kept. A source remembers the filter
    it was built with; the records left out are counted in the report ("filtered").
    ``hub_id`` ("org/name") reads the one file given as that repo's model card.

    ``engine`` (kg.engines): where reading and extraction run instead of here (a Dask cluster).
    """
    from kg.records import categories as cats
    from kg.records.io import read_paths

    wanted = cats.wanted(categories)  # a value that is no category: ValueError before any work
    st = Store(store)
    if hub_id is not None:
        format = format or "model-card"
    # the lock: from reading the inputs (into the store's scratch folder) to swapping in the new generation
    with _without_cyclic_gc(), st.lock(), st.staging() as stage, st.scratch("spool") as scratch, ExitStack() as stack:
        texts, records = scratch / "sources", scratch / "records"
        texts.mkdir()
        records.mkdir()
        spooled = spool.Spool(records)
        stack.callback(spooled.close)
        names = [str(p) for p in paths]
        early = None
        if engine is None and hub_id is None:  # each file's records and text on disk as it is read
            into = spool.SpooledRead(spooled, lambda src: st.keep_sources(texts, [src]))
            if rebuild or not st.exists():  # every record is extracted: workers start as the files are read
                early = stack.enter_context(Early(spooled, tuple(components), min_confidence, _workers, CHUNK))
                into = early.read(into.keep_text)
            fresh = read_paths(names, format=format, categories=wanted, into=into)
        else:
            fresh = (engine.read if engine else read_paths)(names, format=format, categories=wanted)
        if hub_id is not None:
            from kg.records.formats.model_card import as_card_of

            fresh = as_card_of(fresh, hub_id, format)
        return _build(st, stage, paths, fresh, spooled, texts, rebuild=rebuild, format=format,
                      categories=wanted, min_confidence=min_confidence, components=components,
                      progress=progress, engine=engine, early=early)


@contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """A build makes millions of objects that live until it ends (records, docs, facts, resolved
    names) and almost no reference cycles: the cyclic collector would walk them again and again
    (a sixth of the extraction's time) and free nothing. It is off for the build, on again after.
    Worker processes forked meanwhile inherit the setting."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _build(st: Store, stage: Path, paths: Sequence[str | Path], fresh, spooled: spool.Spool, texts: Path, *,
           rebuild: bool, format: str | None, min_confidence: float, components: Sequence[str],
           progress: Progress | None, categories: tuple[str, ...] = (), engine=None,
           early: Early | None = None) -> BuildReport:
    from kg.records import categories as cats
    from kg.records.io import parse_text

    incoming = [replace(s, format=format, categories=categories) for s in fresh.sources]
    if not incoming:  # every input was empty, binary or unreadable: an error even beside a good store
        where = ", ".join(str(p) for p in paths)
        raise NoRecords(f"no record could be read from {where}; the store was not changed", fresh.problems)
    known = [] if rebuild else st.sources()
    known_hashes = {(s.sha256, s.categories) for s in known}
    if st.exists() and not rebuild and all((s.sha256, s.categories) in known_hashes for s in incoming):
        st.check()  # a damaged database is not "nothing to do": StoreDamaged says how to rebuild
        return BuildReport(st.path, changed=False, problems=list(fresh.problems),
                           counts=st.manifest().get("summary", {}), sources=[s.name for s in known])
    st.writable()  # a read-only store may say "nothing to do", but not take anything new

    notes: list[str] = []
    if known and engine is None and not {s.name for s in incoming} & {s.name for s in known}:
        report = _append(st, stage, known, incoming, fresh, texts, components, min_confidence, progress, notes)
        if report is not None:
            return report
    by_name = {s.name: s for s in known}
    by_name.update({s.name: s for s in incoming})  # a changed file replaces its old version
    sources = sorted(by_name.values(), key=lambda s: s.name)
    new_names = {s.name for s in incoming}
    orphans = [p for p in fresh.problems if p.file not in by_name]  # (a file read as no source at all)
    problems: list[Problem] = []
    del known, by_name, incoming
    fresh.sources.clear()  # from here on ``sources`` holds the only texts: each is let go once read

    slim: list[Record] = []  # what resolution needs of each record (kg.records.spool.slim), in build order
    chunks: list[int] = []  # the spool's chunks holding the records whole, in the same order
    parts: list[tuple[str, int, int]] = []  # (name of the source's saved docs, first record, end)
    filtered = 0  # records left out by a source's --category filter
    fresh_records: dict[str, list[Record]] = defaultdict(list)
    for r in fresh.records:  # (none when read into the spool)
        fresh_records[r.file].append(r)
    fresh.records.clear()
    fresh_problems: dict[str, list[Problem]] = defaultdict(list)
    for p in fresh.problems:
        fresh_problems[p.file].append(p)
    signature = saved.signature(tuple(components))
    for k, src in enumerate(sources):
        if src.name in new_names:
            probs = fresh_problems.pop(src.name, [])
            left_out = fresh.filtered.get(src.name, 0)  # read_paths left them out as it read
            if isinstance(fresh, spool.SpooledRead):
                made, slims = fresh.chunks.pop(src.name, []), fresh.slim.pop(src.name, [])
            else:
                recs = fresh_records.pop(src.name, [])
                made, slims = spooled.add(recs), spooled.slim(recs)
                del recs
        else:
            recs, probs, _ = parse_text(src.text, src.name, src.format)
            recs, left_out = cats.keep(recs, src.categories)
            made, slims = spooled.add(recs), spooled.slim(recs)
            del recs
        filtered += left_out
        st.keep_sources(texts, [src])  # (a text read into the spool's folder is there already)
        sources[k] = replace(src, text="")  # on disk now: not held through the build
        parts.append((Store.extracted_name(src, signature), len(slim), len(slim) + len(slims)))
        slim.extend(slims)
        chunks.extend(made)
        problems.extend(probs)
    problems.extend(orphans)
    records = spool.Records(spooled, chunks)
    held = [slim]  # handed over, not kept here: _build_records lets them go once papers are resolved
    del slim
    report = _build_records(st, stage, paths, sources, texts, records, problems, parts, slim=held, rebuild=rebuild,
                            min_confidence=min_confidence, components=components, progress=progress,
                            categories=categories, filtered=filtered, engine=engine, early=early)
    report.notes[:0] = notes
    return report


def _append(st: Store, stage: Path, known, incoming, fresh, texts: Path, components, min_confidence: float,
            progress: Progress | None, notes: list[str]) -> BuildReport | None:
    """Only new sources: add them as a change of the current generation (kg.append). None, with
    the reason in ``notes``, when that cannot be done exactly: the full path follows. ``texts``:
    where the sources read into the spool left their texts (an append adds few records: they are
    loaded whole)."""
    from kg.append import Fallback, append

    records_of: dict[str, list[Record]] = defaultdict(list)
    for r in fresh.records:
        records_of[r.file].append(r)
    if isinstance(fresh, spool.SpooledRead):
        for name, chunks in fresh.chunks.items():
            records_of[name] = list(spool.Records(fresh.spool, chunks))
        incoming = [replace(s, text=(texts / s.sha256).read_text("utf-8")) if not s.text and (texts / s.sha256).exists()
                    else s for s in incoming]
    problems_of: dict[str, list[Problem]] = defaultdict(list)
    for p in fresh.problems:
        problems_of[p.file].append(p)
    filtered = sum(fresh.filtered.get(s.name, 0) for s in incoming)
    try:
        done = append(st, stage, known, incoming, records_of, problems_of, filtered, tuple(components),
                      min_confidence, progress, extraction)
    except Fallback as why:
        notes.append(f"append: {why}; rebuilding")
        stage.mkdir(exist_ok=True)
        for leftover in stage.iterdir():  # the new docs it extracted are extracted again with the rest
            leftover.unlink()
        return None
    orphans = [p for p in fresh.problems if p.file not in {s.name for s in incoming}]
    return BuildReport(st.path, changed=True, records=done.records, problems=done.problems + orphans,
                       counts=done.summary, sources=done.sources)


def _build_records(st: Store, stage: Path, paths: Sequence[str | Path], sources, texts: Path,
                   records: spool.Records, problems: list[Problem], parts: list[tuple[str, int, int]], *,
                   slim: list[list[Record]], rebuild: bool, min_confidence: float, components: Sequence[str],
                   progress: Progress | None, categories: tuple[str, ...] = (), filtered: int = 0,
                   engine=None, early: Early | None = None) -> BuildReport:
    """The build once every source is read: ``records`` (the spool) in ``parts``, ``slim`` a list
    holding the same records as resolution needs them (taken out of it here, so that they go once
    papers are resolved), the texts kept in ``texts``; ``filtered`` records were left out by the
    sources' ``categories``."""
    if not records:
        where = ", ".join(str(p) for p in paths)
        why = (f"the {filtered} records read are all outside the categories asked for ({', '.join(categories)})"
               if filtered else f"no record could be read from {where}")
        raise NoRecords(f"{why}; the store was not changed", problems)

    noted = Noted(min_confidence)  # the names each doc mentions, noted as it goes by: not read again for them
    reused, todo = _reusable(st, parts, records, rebuild, stage, noted)
    with st.scratch("runs") as runs:  # the sorted runs, the resolution's files and the workers' shards
        resolving = None
        noted.spill = Spill(runs / "names.sqlite")  # the names, once many, wait on disk for the index
        noted.size_spill = SizeSpill(runs / "sizes.sqlite")  # the parameter counts, for the entities' lines
        try:
            distinct = Distinct(runs, PREDICATE.values())  # each line once, by sorted runs on disk
            keep: dict = {}  # the papers' rows, for the resolution index

            keys: dict = {}  # part name -> its records' file and indexes, for the workers writing the facts' lines

            def resolve():  # (its own view of the spool: the main thread reads another meanwhile)
                held = slim.pop()
                if engine is None:
                    keys.update(forked.record_keys(held, parts))
                return _resolve(held, distinct, keep, getattr(engine, "sketches", None),
                                spool.Records(records.spool, records.chunks), runs)

            if engine is not None and todo:  # extracted elsewhere (resolved here meanwhile): then taken as if kept
                resolving = _Background(resolve)
                reused.update(_extracted_by(engine, todo, records, tuple(components), stage, noted))
                todo = []
            job = spool.Records(records.spool, [c for _, a, b in todo for c in records.sub(a, b).chunks])
            ends = list(itertools.accumulate(b - a for _, a, b in todo))
            part_of = {name: (n, ends[n] - (b - a)) for n, (name, a, b) in enumerate(todo)}  # name -> (number, start)
            done = 0
            blobs: dict[str, forked.Blobs] = {}  # where each part's blobs are in its file, for the workers
            begun = early.spans([tuple(records.sub(a, b).chunks) for _, a, b in todo], noted) if early else None
            with extraction(job, tuple(components), ends, noted, begun) as extracted:
                # papers and people need only the records: resolved (and written out) while the workers extract
                if extracted.in_workers and resolving is None:
                    resolving = _Background(resolve)
                spans = extracted.spans
                for name, a, b in parts:
                    if name in reused:
                        problems.extend(reused.pop(name))
                        done += b - a
                    else:
                        n, start = part_of[name]  # its docs go to disk as they come: a large part is never held
                        if begun is not None:  # (its docs count their records from the part's first)
                            start = 0
                        with (stage / name).open("wb") as out:
                            out.write(saved.header(start, b - a))
                            at = blobs[name] = forked.Blobs(start)
                            for k, blob, probs, count in itertools.islice(spans, -(-(b - a) // CHUNK)):
                                assert k == n, "extraction's spans come part by part"
                                at.write(out, blob, count)
                                problems.extend(probs)
                                done += count
                                if progress:
                                    progress("extract", done, len(records))
                    if progress:
                        progress("extract", done, len(records))
            job.forget()
            papers, people, head, (own, own_lines) = resolving.result() if resolving else resolve()
            resolving = None
            iris.forget()  # (the head holds the IRIs it minted)
            give_back()  # what clustering, people and the extraction freed, before the store loads
            index = _write_index(runs, people, noted, keep, min_confidence)
            names_at = None
            if not noted.names.repo_names:  # the names are in the index: resolved from there, not held
                noted.names, names_at = Names(), index
            else:  # model cards: kg.resolve.repos needs every name, in memory
                noted.names = _all_names(index, noted.names)

            def docs() -> Iterator[Doc]:  # read again from the parts' files, a part at a time
                for name, a, b in parts:
                    yield from _part_docs(stage, name, records.sub(a, b))

            facts = engine.facts(head, parts, records, stage) if hasattr(engine, "facts") else None  # (kg.engines.shards)
            if engine is None and (workers := _workers(len(records))):  # the facts' lines by forked workers
                (runs / "shards").mkdir()
                facts = ShardedFacts(forked.ForkedShards(workers, stage, runs / "shards", records, keys, blobs),
                                     parts, records, stage)
            result = build_triples(papers, people, docs, min_confidence=min_confidence, head=head, noted=noted,
                                   facts=facts, names_at=names_at)
            del papers, people, head  # the lines own them now
            summary = {"records": len(records), "skipped": sum(p.skipped for p in problems), **result.counts}
            if any(s.categories for s in sources):
                summary["filtered"] = filtered

            def lines():
                distinct.n += own_lines  # the records' own lines, each unique: not made distinct
                with own.open("r", encoding="utf-8", newline="\n") as f:
                    while block := f.read(1 << 22):
                        yield block if block.endswith("\n") else block + f.readline()
                yield ""
                for block in iter_ntriples(result.triples):
                    # (no pause: the shards are loaded from the runs' first part on; loaded as the workers
                    # wrote them, the loaders' memory met the runs' buffer: a 10k build's peak +20-40 MB)
                    if block:
                        yield block
                summary.update(result.counts)  # the facts and triples written, known once all lines are out

            text = lines()
            try:
                st.write(text, sources, summary, checked=True, extracted=stage, sources_dir=texts, index=index,
                         shards=facts.shards if facts is not None else ())
            finally:
                text.close()  # after a failure: any workers writing the facts' lines stop now, not when it is collected
        finally:
            if resolving is not None:  # failed while papers were resolved in the background: it writes into runs
                resolving.join()
    return BuildReport(st.path, changed=True, records=len(records), problems=problems,
                       counts=summary, sources=[s.name for s in sources])
