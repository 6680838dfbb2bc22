"""The facts' lines written by worker processes, as N-Triples shards the store bulk-loads.

Most of a graph's lines are the facts' evidence (eight or nine lines per fact, each with its
quote): at 10,000 records three lines in four. Every one of them names its record, so none
is ever written twice, and all a worker needs to write them is what its own records' facts
resolve to. Once papers, people and the extracted names are resolved, the workers read their
share of the docs back from where the build keeps them and write the lines with the very code a
build writes them with in one process (kg.graph.build._FactLines, :func:`write_shard`): the
evidence lines go into a shard file, the facts' own triples (one or two short lines a fact,
which many records state again) come back to the building process, which makes them distinct
and counts them with the rest of its lines. The store moves the shards into the new generation
and bulk-loads each as it comes (kg.graph.store.Store.write, ``shards``). The graph is the same,
triple for triple, as one written in one process.

:class:`ShardedFacts` is that writer for kg.graph.build.build_triples; the workers are one of:

* :class:`DaskShards`: Dask workers (``--engine dask``). The building machine sends out one map
  for the whole build, broadcast to every worker once: each model, technique, dataset or cited
  paper named in a fact (the mentions the workers reported as they extracted) -> its IRI, or
  None when it is not in the graph; and with each partition's task, its records' papers and
  their authors' spellings -> the IRIs of the paper and the people (the graph's head,
  kg.graph.build.Head). Parts the store kept docs for (not extracted on the cluster) are
  written in the building process.
* kg.engines.forked.ForkedShards: processes forked by a local build once everything is
  resolved, which inherit the resolved names rather than being sent them.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from kg.extract.fact import Mention
from kg.records.record import Record

HEAD_KINDS = frozenset({"paper", "agent"})
"""Mentions the graph's head names (a record's paper, its authors): kg.graph.build._HEAD_KINDS."""


def named(docs: Iterable, into: dict[Mention, float]) -> None:
    """In a worker: the mentions at the ends of the docs' facts that the whole build resolves
    (not a record's paper or people), each with the highest confidence a fact naming it has."""
    for doc in docs:
        for f in doc.facts:
            for m in (f.subject, f.object):
                if m.kind not in HEAD_KINDS or (m.kind == "paper" and m.name):
                    if f.confidence > into.get(m, -1.0):
                        into[m] = f.confidence


class _Kept:
    """Stands in for a build's de-duplication on a worker: the facts' own lines are kept to be
    sent back (the building machine makes them distinct), the evidence lines are counted."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.n = 0

    def __call__(self, lines: list[str]) -> str:
        self.lines += lines
        return ""

    def stated(self, s: str, predicate: str, o: str) -> None:
        """(Facts are counted where their lines are made distinct.)"""


@dataclass
class Shard:
    """What a worker hands back for one partition."""

    path: str
    """The shard: the evidence lines."""
    lines: list[str]
    """The facts' own lines (with repeats)."""
    evidence: int
    """Lines in the shard."""
    made_by: list[str] = field(default_factory=list)
    """Extractors of the facts written."""


def write_shard(docs: Iterable, node: Callable[[Mention, Record], str | None],
                head_node: Callable[[Mention, Record], str | None], min_confidence: float,
                target: str) -> Shard:
    """In a worker: the lines of the ``docs``' facts, their ends named by ``node`` and ``head_node``
    (as kg.graph.build._FactLines.blocks takes them); the evidence lines into the file ``target``
    (written under another name, then renamed: a file by that name is whole)."""
    from kg.graph.build import _FactLines

    kept = _Kept()
    writer = _FactLines(kept, min_confidence)
    tmp = target + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        for block in writer.blocks(docs, node, head_node):
            out.write(block)
    os.replace(tmp, target)
    return Shard(target, kept.lines, kept.n, sorted(writer.made_by))


def fact_shard(records_path: str, docs_path: str, start: int, entities: dict[Mention, str | None],
               heads: bytes, min_confidence: float, target: str) -> Shard:
    """In a Dask worker: the lines of one partition's facts; ``entities`` and ``heads`` as in the
    module's docstring (``heads``: pickled, (file, index) -> (the paper's IRI, spelling -> person's IRI))."""
    from kg.engines import parquet
    from kg.extract import saved

    heads = pickle.loads(heads)
    records = parquet.read(records_path)
    with open(docs_path, "rb") as f:
        docs = saved.loads(f.read(), records, start)

    def node(m: Mention, record: Record) -> str | None:  # kg.graph.build._lines' node, from the maps
        if m.kind in HEAD_KINDS and not (m.kind == "paper" and m.name):
            head = heads.get((record.file, record.index))
            if head is None:
                return None
            return head[0] if m.kind == "paper" else head[1].get(m.name)
        return entities.get(m)

    return write_shard(docs, node, node, min_confidence, target)


class Workers(Protocol):
    """Where the shards are written (:class:`DaskShards`, kg.engines.forked.ForkedShards)."""

    def writes(self, name: str) -> bool:
        """Whether the workers write the facts of the part ``name`` (else the building process does)."""

    def start(self, parts: Sequence[tuple[str, int, int]], node: Callable[[Mention, Record], str | None],
              head_node: Callable[[Mention, Record], str | None],
              min_confidence: float) -> AbstractContextManager[Iterable[Shard]]:
        """Start writing the shards of ``parts`` (name, first record, end); the context gives the
        shards as they are done, and stops the workers when it ends."""


class ShardedFacts:
    """The facts' lines for kg.graph.build.build_triples (``facts=``): written by the ``workers``
    for the parts they take, here for the others; ``shards`` lists the files written, for the
    store to load, as they are done (a pause follows each, so the store loads it at once)."""

    def __init__(self, workers: Workers, parts: Sequence[tuple[str, int, int]], records: Sequence[Record],
                 stage: Path) -> None:
        self.workers, self.parts, self.records, self.stage = workers, parts, records, stage
        self.shards: list[Path] = []
        self.made_by: dict[str, str] = {}

    def __call__(self, new, min_confidence: float) -> ShardedFacts:
        from kg.graph.build import _FactLines

        self.new, self.min_confidence = new, min_confidence
        self.local = _FactLines(new, min_confidence)
        self.made_by = self.local.made_by  # the workers' extractors are added to the same dict
        return self

    def blocks(self, docs: Iterable, node: Callable[[Mention, Record], str | None],
               head_node: Callable[[Mention, Record], str | None]) -> Iterator[str]:
        from kg.build import _part_docs
        from kg.graph.build import PAUSE

        sent = [(name, a, b) for name, a, b in self.parts if self.workers.writes(name)]
        here = [(name, a, b) for name, a, b in self.parts if not self.workers.writes(name)]
        with self.workers.start(sent, node, head_node, self.min_confidence) as shards:
            for name, a, b in here:  # written here while the workers write theirs
                yield from self.local.blocks(_part_docs(self.stage, name, self.records[a:b]), node, head_node)
            for shard in shards:
                self.new(shard.lines)
                self.new.n += shard.evidence
                for ex in shard.made_by:
                    self.made_by.setdefault(ex, "")
                if shard.evidence:
                    self.shards.append(Path(shard.path))
                    yield PAUSE  # the store loads it now, while the others are written
                else:
                    Path(shard.path).unlink(missing_ok=True)


class DaskShards:
    """The shards of the parts a Dask engine extracted, written by its workers (module docstring)."""

    def __init__(self, engine, head, records: Sequence[Record]) -> None:
        self.engine, self.head, self.records = engine, head, records

    def writes(self, name: str) -> bool:
        return name in self.engine.extracted

    @contextmanager
    def start(self, parts, node, head_node, min_confidence: float) -> Iterator[Iterable[Shard]]:
        engine, futures = self.engine, []
        if parts:
            # every name resolved once, here (a cited paper's IRI is minted here, as a local build does)
            entities = {m: node(m, None) for m, best in engine.mentions.items() if best >= min_confidence}
            [shared] = engine.client.scatter([entities], broadcast=True, hash=False)  # one object, not a key each
            del entities
            for name, a, b in parts:
                for k, (records_path, docs_path, start, count) in enumerate(engine.extracted[name]):
                    # pickled: dask would walk a plain dict's every entry, looking for futures in it
                    heads = pickle.dumps(_heads(self.head, self.records[a + start:a + start + count]))
                    target = str(Path(docs_path).with_suffix(".nt"))
                    futures.append(engine.client.submit(fact_shard, records_path, docs_path, start, shared, heads,
                                                        min_confidence, target, pure=False))
        yield engine.each(futures)


def _heads(head, records: Sequence[Record]) -> dict[tuple[str, int], tuple[str, dict[str, str]]]:
    """What one partition's facts need of the head: per record of a paper, the paper's IRI and
    its authors' IRIs by the names its records print (kg.graph.build.Placed)."""
    out = {}
    for r in records:
        paper = head.paper_of_record.get((r.file, r.index))
        if paper is not None:
            authors = {n: head.agent_iri[head.agent_of[n]] for n in paper.names if n in head.agent_of}
            out[(r.file, r.index)] = (head.paper_iri[paper.key], authors)
    return out
