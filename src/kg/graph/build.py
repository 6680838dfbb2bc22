"""Resolved papers, people, entities and facts -> the graph as N-Triples lines.

Every extracted fact becomes its triple (a derivation also as
``mlkg:derivedFrom``) plus an ``mlkg:Evidence`` node that reifies it and
carries the quote, the source record, the confidence and the extractor.
A model card's record is ``mlkg:about`` its model (kg.graph.cards writes
those lines, the cited papers and the close matches).

The lines are written straight from strings (no rdflib term per triple: a
graph of a million triples spent most of its build making and printing
them), streamed rather than held, and free of duplicates. Their order does
not matter: the store keeps a set, and every export is written in the
store's own order.
"""

from __future__ import annotations

import re
from pathlib import Path
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol
from decimal import Decimal
from functools import lru_cache

from rdflib import XSD, Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from kg.extract.doc import Doc
from kg.extract.fact import DERIVATION_KINDS, Fact, Mention, collapse_ws
from kg.extract.modelnames import family_label
from kg.graph import cards, iris
from kg.records.by_record import ByRecord
from kg.records.record import Record
from kg.heap import give_back
from kg.resolve.entities import Entity, Names, group_of, key_for
from kg.resolve.entity_table import SizeSpill, Spill, components
from kg.resolve.repos import link_repos
from kg.resolve.papers import Paper
from kg.resolve.people import People
from kg.vocab import DERIVATIONS, MLKG


def _n(term: str) -> str:
    """An IRI in N-Triples syntax (every IRI written here is checked when minted)."""
    return f"<{term}>"


# the vocabulary, once, in N-Triples syntax
A = _n(RDF.type)
LABEL, ALT_LABEL = _n(RDFS.label), _n(SKOS.altLabel)
TITLE, DATE, ABSTRACT = _n(DCTERMS.title), _n(DCTERMS.date), _n(DCTERMS.abstract)
R_SUBJECT, R_PREDICATE, R_OBJECT = _n(RDF.subject), _n(RDF.predicate), _n(RDF.object)
GENERATED_BY = _n(PROV.wasGeneratedBy)
_M = {name: _n(MLKG[name]) for name in (
    "Paper", "Record", "Person", "Organization", "ModelFamily", "Evidence", "Extractor",
    "titleGuessed", "arxivId", "doi", "authorsNotShown", "comments", "file", "index", "about", "format",
    "firstLine", "lastLine", "text", "inFamily", "parameterCount", "derivedFrom", "quote", "source",
    "confidence", "position", "version")}

PREDICATE = {
    "wrote": _n(MLKG.wrote),
    "introduces": _n(MLKG.introduces),
    "uses": _n(MLKG.uses),
    **{d.kind: _n(d.iri) for d in DERIVATIONS},
    "describedIn": _n(MLKG.describedIn),
    "trainedOn": _n(MLKG.trainedOn),
}
CLASS = {
    "model": _n(MLKG.Model),
    "technique": _n(MLKG.Technique),
    "dataset": _n(MLKG.Dataset),
    "benchmark": _n(MLKG.Benchmark),
}
_INTEGER = _n(XSD.integer)
_DECIMAL = _n(XSD.decimal)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def plain(value: str) -> str:
    """A plain string literal in N-Triples syntax (the escapes rdflib's N-Triples writer uses)."""
    return '"' + value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r") + '"'


def text_literal(value: str) -> str:
    """A plain string literal with characters RDF/XML and XML 1.0 cannot hold removed."""
    return plain(_NOT_XML.sub("", value))


def integer(value: int) -> str:
    return f'"{int(value)}"^^{_INTEGER}'


TRUE = f'"true"^^{_n(XSD.boolean)}'


@lru_cache(maxsize=4096)
def decimal(value: str) -> str:
    """An xsd:decimal literal from the text of a number, in the canonical form ("15000000000",
    "0.9"): the form Oxigraph keeps, so the N-Triples the store keeps say what it answers."""
    text = format(Decimal(value), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f'"{"0" if text in ("", "-0") else text}"^^{_DECIMAL}'


@lru_cache(maxsize=65536)
def date(value: str) -> str:
    from rdflib.plugins.serializers.nt import _quoteLiteral

    return _quoteLiteral(Literal(value, datatype=XSD.date))


PAUSE = ""
"""An empty block: what came before is worth loading now, because the next lines take a while."""


@dataclass
class BuildResult:
    triples: Iterator[str]
    """N-Triples text in blocks of whole lines, each triple once, produced as they are read."""
    counts: dict[str, int] = field(default_factory=dict)
    """Papers and people known at once; models and techniques once the entity lines are out; "facts"
    and "triples" once ``triples`` has been read to the end."""


def entity_iri(entity: Entity) -> str:
    return iris.mint(entity.kind if entity.group == "model" else "technique", entity.key, entity.label)


class _Fresh:
    """Blocks of the lines not written before, and how many lines were written in all: a set of
    every line, in memory. (kg.graph.distinct.Distinct does the same on disk, for a large build.)"""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.n = 0
        self.facts_stated: set[tuple[str, str, str]] = set()

    def stated(self, s: str, predicate: str, o: str) -> None:
        """A fact's triple (s, its predicate's name, o), for the count of facts."""
        self.facts_stated.add((s, predicate, o))

    @property
    def facts(self) -> int:
        return len(self.facts_stated)

    def drain(self) -> Iterator[str]:
        """Lines held back until the end: none (each block went out when it was made)."""
        return iter(())

    def __call__(self, lines: list[str]) -> str:
        seen = self.seen
        fresh = []
        for line in lines:
            if line not in seen:
                seen.add(line)
                fresh.append(line)
        self.n += len(fresh)
        return "".join(fresh)


class Dedupe(Protocol):
    """What makes each line appear once: :class:`_Fresh` (a set in memory) or
    kg.graph.distinct.Distinct (sorted runs on disk, its lines handed on by ``drain``)."""

    n: int

    def __call__(self, lines: list[str]) -> str: ...
    def stated(self, s: str, predicate: str, o: str) -> None: ...
    @property
    def facts(self) -> int: ...
    def drain(self) -> Iterator[str]: ...


@dataclass(frozen=True, slots=True)
class Placed:
    """What the facts' lines need of a record's paper once the paper's own lines are written: a few
    hundred bytes, where the paper and its records took a few KB (a build lets them go)."""

    key: str
    arxiv_id: str | None
    names: tuple[str, ...]
    """The names the paper's records print (white space around them dropped), each once."""


@dataclass
class Head:
    """The papers', records' and people's lines, with the IRIs the facts' lines refer to. They need
    no extraction result, so a build makes them while the workers extract, and the store starts
    loading the moment the workers are done."""

    blocks: list[str]
    fresh: Dedupe
    agent_of: dict[str, str]
    """Spelling -> the agent's key (People.agent_of)."""
    paper_of_record: ByRecord[Placed] = field(default_factory=ByRecord)
    """(file, index) of a record -> its paper."""
    paper_iri: dict[str, str] = field(default_factory=dict)
    agent_iri: dict[str, str] = field(default_factory=dict)

    def node(self, m: Mention, record: Record) -> str | None:
        """The IRI of a paper or person named in ``record`` (None if the record's paper has no such author)."""
        paper = self.paper_of_record.get((record.file, record.index))
        if paper is None:
            return None
        if m.kind == "paper":
            return self.paper_iri[paper.key]
        agent = self.agent_of.get(m.name) if m.name in paper.names else None
        return None if agent is None else self.agent_iri[agent]


def _keep(head: Head, block: str) -> None:
    if block:
        head.blocks.append(block)


def head_lines(papers: Iterable[Paper], people: People, fresh: Dedupe | None = None, *,
               with_records: bool = True) -> Head:
    """The head's lines, each once by ``fresh`` (a new :class:`_Fresh` by default).
    ``with_records=False`` leaves out the records' own lines: the caller writes them with
    :func:`records_lines` (from the records whole, where the papers were made from slim ones)."""
    fresh = _Fresh() if fresh is None else fresh
    head = Head([], fresh, people.agent_of)
    for paper in papers:
        iri = _n(iris.paper(paper.key, paper.arxiv_id, paper.title))
        head.paper_iri[paper.key] = iri
        lines = _paper_lines(iri, paper)
        names = dict.fromkeys(s.strip() for rec in paper.records for s in rec.authors)
        placed = Placed(paper.key, paper.arxiv_id, tuple(names))
        for rec in paper.records:
            head.paper_of_record[(rec.file, rec.index)] = placed
            if with_records:
                lines += _record_lines(rec, iri)
        _keep(head, fresh(lines))

    for key, agent in sorted(people.agents.items()):
        iri, lines = agent_lines(key, agent)
        head.agent_iri[key] = iri
        _keep(head, fresh(lines))
    return head


def agent_lines(key: str, agent) -> tuple[str, list[str]]:
    """(the IRI, the lines) of a person or organisation (kg.resolve.people.Agent) of that key."""
    kind = "organization" if agent.is_organization else "person"
    iri = _n(iris.mint(kind, key, agent.name))
    lines = [f"{iri} {A} {_M['Organization'] if agent.is_organization else _M['Person']} .\n",
             f"{iri} {LABEL} {text_literal(agent.name)} .\n"]
    lines += [f"{iri} {ALT_LABEL} {text_literal(s)} .\n" for s in sorted(agent.spellings - {agent.name})]
    return iri, lines


def records_lines(records: Iterable[Record], head: Head, block: int = 4096) -> Iterator[tuple[str, int]]:
    """(lines, how many) of the records of the head's papers, in blocks: the lines
    :func:`head_lines` leaves out when told to. Each record's lines are its own (its IRI is its
    file and index), so they need no de-duplication."""
    lines: list[str] = []
    for rec in records:
        paper = head.paper_of_record.get((rec.file, rec.index))
        if paper is not None:
            lines += _record_lines(rec, head.paper_iri[paper.key])
            if len(lines) >= block:
                yield "".join(lines), len(lines)
                lines = []
    if lines:
        yield "".join(lines), len(lines)


Docs = Iterable[Doc] | Callable[[], Iterable[Doc]]
"""The docs, held (a list, read once per pass) or a function that reads them anew for each pass
(from disk: a large build never holds them all)."""


SPILL_KEYS = 20_000
"""Name keys a build's :class:`Noted` holds before it moves its names to disk (about 17 MB)."""
SPILL_SIZES = 20_000
"""Parameter counts a build's :class:`Noted` holds before it moves them to disk (about 5 MB)."""
SIZE_BLOCK = 4096
"""Lines of parameter counts handed on at once (a million records state about a million counts)."""


class Noted:
    """The names the docs mention (for entity resolution) and the parameter counts they state,
    gathered a doc at a time: a build notes each doc as extraction hands it over, so the docs
    are read back only once, for their facts."""

    def __init__(self, min_confidence: float = 0.0) -> None:
        self.min_confidence = min_confidence
        self.names = Names()
        self.sizes: set[tuple[str, str, str]] = set()
        """(kind, name, value) of each parameter count stated, once (a model's size is stated again
        and again: a list of every statement took about 1.4 KB a synthetic record, four in five repeats)."""
        self.about: list[tuple[str, str, Record]] = []
        """(kind, name, record) of each model card's record: the model it is about."""
        self.cited: set[str] = set()
        """The arXiv ids of the papers the facts cite (a card's ``describedIn``): the graph's stubs
        for those the corpus lacks are made from these before any fact's line is written, so that
        processes writing the facts' lines need make none (kg.engines.shards)."""
        self.spill: Spill | None = None
        """Where the names go once more than :data:`SPILL_KEYS` name keys are held (a build sets it)."""
        self.size_spill: SizeSpill | None = None
        """Where the parameter counts go once more than :data:`SPILL_SIZES` are held (a build sets it)."""

    def __call__(self, d: Doc) -> None:
        names, least = self.names, self.min_confidence
        names.add(d.entities)
        names.add(m for f in d.facts if f.confidence >= least for m in (f.subject, f.object))
        names.alias(d.aliases)
        self.sizes.update((a.kind, a.name, str(a.value)) for a in d.attributes if a.key == "parameterCount")
        self.about.extend((a.kind, a.name, d.record) for a in d.attributes if a.key == "about")
        self.cited.update(cited_papers(d.facts, least))
        if self.spill is not None and len(names.names) > SPILL_KEYS:
            self._spill()
        self._spill_sizes()

    def merge(self, other: Noted) -> None:
        """Add what ``other`` noted of other docs (with the same ``min_confidence``): a Dask
        worker notes the docs it extracts, so they need not be read back here for it."""
        self.names.merge(other.names)
        self.sizes |= other.sizes
        self.about += other.about
        self.cited |= other.cited
        if self.spill is not None and len(self.names.names) > SPILL_KEYS:
            self._spill()
        self._spill_sizes()

    def _spill_sizes(self, at_least: int | None = None) -> None:
        """The parameter counts into :attr:`size_spill` once more than ``at_least`` (by default
        :data:`SPILL_SIZES`) are held."""
        if self.size_spill is not None and len(self.sizes) > (SPILL_SIZES if at_least is None else at_least):
            self.size_spill.add(self.sizes)
            self.sizes = set()

    def all_sizes(self) -> Iterable[tuple[str, str, str]]:
        """Every parameter count noted, each once, sorted: from :attr:`size_spill` when there is one
        (read as they are wanted: close it after), else from :attr:`sizes`."""
        if self.size_spill is None:
            return sorted(self.sizes)
        self._spill_sizes(at_least=-1)
        return self.size_spill

    def _spill(self) -> None:
        """The names' spellings, kinds and aliases into the spill; the repos stay (a build with
        model cards resolves its names in memory)."""
        assert self.spill is not None
        self.spill.add(self.names)
        kept = Names()
        kept.repos, kept.repo_names = self.names.repos, self.names.repo_names
        self.names = kept


def cited_papers(facts: Iterable[Fact], min_confidence: float) -> Iterator[str]:
    """The arXiv ids of the papers at the ends of ``facts`` that the facts' lines name by id
    (``node`` in :func:`_lines`: a named paper, at the end of a fact not wholly about papers and people)."""
    for f in facts:
        if f.confidence < min_confidence or (f.subject.kind in _HEAD_KINDS and f.object.kind in _HEAD_KINDS):
            continue
        for m in (f.subject, f.object):
            if m.kind == "paper" and m.name:
                yield m.name


def build_triples(papers: list[Paper], people: People, docs: Docs, *,
                  min_confidence: float = 0.0, head: Head | None = None,
                  noted: Noted | None = None,
                  facts: Callable[[Dedupe, float], FactWriter] | None = None,
                  names_at: Path | None = None) -> BuildResult:
    """All triples of the graph for these papers, people and extraction results (streamed).

    The papers', people's and records' lines come first (``head``: made here unless the caller
    made them already); then the extracted names are resolved to entities (``noted``: the caller
    noted every doc already, with the same ``min_confidence``; else the docs are read once for
    it; with model cards in the build, once more for what papers name and cards cite), and the
    facts' lines follow, the docs read (``docs`` called) once more; ``facts``: what writes them
    instead of :class:`_FactLines` (kg.engines.shards: Dask workers, into N-Triples shards);
    ``names_at``: the resolution index (kg.resolve.index) holds the names ``noted`` (they need not
    be in ``noted`` then): the entities are resolved from it a component at a time
    (kg.resolve.entity_table), unless the build has model cards.
    """
    counts = {
        "papers": len(papers),
        "people": sum(not a.is_organization for a in people.agents.values()),
        "organizations": sum(a.is_organization for a in people.agents.values()),
        "models": 0,
        "techniques": 0,
        "facts": 0,
        "triples": 0,
    }
    head = head or head_lines(papers, people)
    if not callable(docs):
        held = list(docs)
        docs = lambda: held  # noqa: E731
    return BuildResult(_lines(head, docs, min_confidence, counts, noted, facts or _FactLines, names_at), counts)


def _lines(head: Head, docs: Callable[[], Iterable[Doc]], min_confidence: float,
           counts: dict[str, int], noted: Noted | None,
           writer: Callable[[Dedupe, float], FactWriter], names_at: Path | None = None) -> Iterator[str]:
    """The graph in blocks of whole lines, each triple once (``new`` remembers all but the evidence).

    The head's lines go first, so the store loads them while the extracted names are resolved."""
    new = head.fresh
    half, written = sum(map(len, head.blocks)) // 2, 0
    blocks = head.blocks[::-1]  # popped as they go out: each is freed once the store has it
    head.blocks.clear()
    while blocks:  # in two parts, so that two loaders start on them at once
        block = blocks.pop()
        yield block
        written += len(block)
        if written >= half > written - len(block):
            yield PAUSE
    yield PAUSE
    facts = writer(new, min_confidence)
    if noted is None:
        noted = Noted(min_confidence)
        for d in docs():
            noted(d)
    names, sizes, about, stubs = noted.names, noted.all_sizes(), noted.about, noted.cited
    spilled, noted.size_spill = noted.size_spill, None  # (the counts on disk: read once, below)
    noted.names, noted.sizes, noted.about, noted.cited = Names(), set(), [], set()  # (not needed past here)
    iri_of: dict[tuple[str, str], str] = {}
    """(group, name key) -> the IRI of its entity: all the facts' lines need of the entities."""
    if names_at is not None and not names.repo_names:  # a component at a time: the entities are never all held
        del names
        counts["models"] = counts["techniques"] = 0
        for entity, keys in components(names_at):
            its = _n(entity_iri(entity))
            counts["models" if entity.group == "model" else "techniques"] += 1
            for k in keys:
                iri_of[k] = its
            yield new(_entity_lines(its, entity))
        close: list[str] = []
    else:
        # model cards in the build: what their repos cite (the docs read once more, only then)
        named_in, cited = cards.citations(docs(), head) if names.repo_names else ([], {})
        linked = link_repos(names, named_in, cited)
        entities = linked.entities
        del names, named_in, cited
        everything = entities.all()
        counts["models"] = sum(e.group == "model" for e in everything)
        counts["techniques"] = len(everything) - counts["models"]

        entity_node: dict[int, str] = {}
        for entity in everything:
            its = entity_node[id(entity)] = _n(entity_iri(entity))
            yield new(_entity_lines(its, entity))
        close = cards.close_matches(linked.close, entities, entity_node)
        # the entities (two Counters and a set each, about 1 KB a synthetic record) go before the facts' lines
        iri_of.update((k, entity_node[id(e)]) for k, e in entities.by_key.items())
        del linked, entities, everything, entity_node
    iris.forget()
    give_back()

    def iri(kind: str, name: str) -> str | None:
        return iri_of.get((group_of(kind), key_for(kind, name)))

    lines = []
    for kind, name, value in sizes:
        if (node_iri := iri(kind, name)) is not None:
            lines.append(f"{node_iri} {_M['parameterCount']} {decimal(value)} .\n")
            if len(lines) >= SIZE_BLOCK:  # (a million counts' lines: not all held at once)
                yield new(lines)
                lines = []
    del sizes
    if spilled is not None:
        spilled.close()
    for kind, name, record in about:  # a model card's record
        if (node_iri := iri(kind, name)) is not None:
            lines += _record_lines(record, node_iri)
    del about
    lines += close
    papers = cards.CitedPapers(head.paper_iri)
    for arxiv in stubs:  # every stub made now: a writer of the facts' lines in other processes makes none
        papers.node(arxiv)
    del stubs
    yield new(lines)

    entity_of: dict[Mention, str | None] = {}  # every fact names its ends anew: each name resolved once

    def node(m: Mention, record: Record) -> str | None:
        if m.kind == "paper" and m.name:  # a card's citation: the paper of that arXiv id
            return papers.node(m.name)
        if m.kind in _HEAD_KINDS:
            return head.node(m, record)
        if m not in entity_of:
            entity_of[m] = iri(m.kind, m.name)
        return entity_of[m]

    yield from facts.blocks(docs(), node, head.node)
    yield new(papers.lines())
    lines = []
    for ex in sorted(facts.made_by):
        x = _n(iris.extractor(ex))
        name, _, version = ex.partition("@")
        lines += [f"{x} {A} {_M['Extractor']} .\n", f"{x} {LABEL} {plain(f'kg extractor {name}')} .\n",
                  f"{x} {_M['version']} {plain(version)} .\n"]
    yield new(lines)
    give_back()  # before the runs' merge, the build's highest point: what the facts' lines freed
    yield from new.drain()
    counts["facts"] = new.facts
    counts["triples"] = new.n


_HEAD_KINDS = frozenset({"paper", "agent"})
"""The mentions the head names (Head.node): papers and people, known before any name is resolved."""


class FactWriter(Protocol):
    """What writes the facts' lines (:class:`_FactLines`, made by ``make(new, min_confidence)``):
    ``blocks(docs, node, head_node)`` hands on their lines, ``made_by`` names the extractors."""

    made_by: dict[str, str]

    def blocks(self, docs: Iterable[Doc], node: Callable[[Mention, Record], str | None],
               head_node: Callable[[Mention, Record], str | None]) -> Iterator[str]: ...


class _FactLines:
    """Extracted facts as lines: each fact's triple, and its evidence node.

    One evidence node per (triple, record, quote, extractor): the surest reading wins. The record is
    part of that key, so each doc's facts are settled on their own and written at once: the store
    loads them while the next docs are read, rather than waiting for every fact to be seen.
    """

    def __init__(self, new: _Fresh, min_confidence: float) -> None:
        self.new = new
        self.min_confidence = min_confidence
        self.made_by: dict[str, str] = {}  # extractor -> its IRI

    def blocks(self, docs: Iterable[Doc], node: Callable[[Mention, Record], str | None],
               head_node: Callable[[Mention, Record], str | None]) -> Iterator[str]:
        """The lines of the docs' facts; ``node`` names a fact's ends (None: not in the graph, and
        neither is the fact), ``head_node`` those of a fact whose ends are both papers or people."""
        new, made_by = self.new, self.made_by
        block: list[str] = []
        for doc in docs:
            # a doc's own caches (its author line is many facts' quote), not the build's: they would grow with it
            flat: dict[str, str] = {}  # quote -> quote with white space collapsed
            quotes: dict[str, str] = {}  # quote -> its literal
            recs: dict[tuple[str, int], str] = {}  # (file, index) -> the record's IRI
            best: dict[tuple, tuple[Fact, str, str]] = {}
            for fact in doc.facts:
                if fact.confidence < self.min_confidence:
                    continue
                name = head_node if fact.subject.kind in _HEAD_KINDS and fact.object.kind in _HEAD_KINDS else node
                s, o = name(fact.subject, fact.record), name(fact.object, fact.record)
                if s is None or o is None or s == o:
                    continue
                quote = flat.get(fact.quote)
                if quote is None:
                    quote = flat[fact.quote] = collapse_ws(fact.quote)
                k = (s, fact.predicate, o, fact.record.file, fact.record.index, quote, fact.extractor)
                if k not in best or fact.confidence > best[k][0].confidence:
                    best[k] = (fact, s, o)
            for (s, predicate, o, file, index, quote, ex), (fact, _, _) in best.items():
                new.stated(s, predicate, o)
                pred = PREDICATE[predicate]
                lines = [f"{s} {pred} {o} .\n"]
                if predicate in DERIVATION_KINDS:
                    lines.append(f"{s} {_M['derivedFrom']} {o} .\n")
                block.append(new(lines))
                literal = quotes.get(quote)
                if literal is None:
                    literal = quotes[quote] = text_literal(quote)
                rec = recs.get((file, index))
                if rec is None:
                    rec = recs[(file, index)] = str(iris.record(file, index))
                by = made_by.get(ex) or made_by.setdefault(ex, str(iris.extractor(ex)))
                # an evidence node is named by the hash of its whole key, so its lines are new: not remembered
                block.append(_evidence(fact, s, pred, o, quote, literal, rec, by))
                new.n += 8 if fact.position is None else 9
            if len(block) >= 64:
                yield "".join(block)
                block.clear()
        yield "".join(block)


def _paper_lines(iri: str, paper: Paper) -> list[str]:
    out = [f"{iri} {A} {_M['Paper']} .\n"]
    abstract = paper.abstract_text()
    label = paper.title or (abstract or paper.key)[:200]
    out.append(f"{iri} {LABEL} {text_literal(collapse_ws(label))} .\n")
    if paper.title and not paper.title_guessed:
        out.append(f"{iri} {TITLE} {text_literal(collapse_ws(paper.title))} .\n")
    if paper.title_guessed:
        out.append(f"{iri} {_M['titleGuessed']} {TRUE} .\n")
    if paper.arxiv_id:
        out.append(f"{iri} {_M['arxivId']} {plain(paper.arxiv_id)} .\n")
    if paper.doi:
        out.append(f"{iri} {_M['doi']} {text_literal(paper.doi)} .\n")
    if paper.date:
        out.append(f"{iri} {DATE} {date(paper.date)} .\n")
    if abstract:
        out.append(f"{iri} {ABSTRACT} {text_literal(abstract)} .\n")
    if paper.authors_not_shown:
        out.append(f"{iri} {_M['authorsNotShown']} {integer(paper.authors_not_shown)} .\n")
    for c in sorted({r.comments for r in paper.records if r.comments}):
        out.append(f"{iri} {_M['comments']} {text_literal(c)} .\n")
    return out


def _record_lines(rec: Record, about: str) -> list[str]:
    """A record's lines; ``about`` is its paper's IRI (a model card's: its model's)."""
    r = _n(iris.record(rec.file, rec.index))
    return [f"{r} {A} {_M['Record']} .\n",
            f"{r} {_M['file']} {text_literal(rec.file)} .\n",
            f"{r} {_M['index']} {integer(rec.index)} .\n",
            f"{r} {_M['about']} {about} .\n",
            f"{r} {_M['format']} {plain(rec.format)} .\n",
            f"{r} {_M['firstLine']} {integer(rec.lines[0])} .\n",
            f"{r} {_M['lastLine']} {integer(rec.lines[1])} .\n",
            f"{r} {_M['text']} {text_literal(rec.text)} .\n"]


def _entity_lines(iri: str, entity: Entity) -> list[str]:
    label = entity.label
    out = [f"{iri} {A} {CLASS[entity.kind]} .\n", f"{iri} {LABEL} {text_literal(label)} .\n"]
    out += [f"{iri} {ALT_LABEL} {text_literal(alt)} .\n" for alt in entity.alt_labels]
    if entity.hf_id:
        out.append(f"{iri} {_n(MLKG.hfId)} {text_literal(entity.hf_id)} .\n")
    family = family_label(label) if entity.group == "model" else None
    if family:
        fam = _n(iris.mint("family", family.lower(), family))
        out += [f"{fam} {A} {_M['ModelFamily']} .\n", f"{fam} {LABEL} {plain(family)} .\n",
                f"{iri} {_M['inFamily']} {fam} .\n"]
    return out


_EV = (A, R_SUBJECT, R_PREDICATE, R_OBJECT, _M["quote"], _M["source"], _M["confidence"], GENERATED_BY,
       _M["Evidence"], _M["position"])


def _evidence(fact: Fact, s: str, pred: str, o: str, quote: str, literal: str, rec: str, made_by: str) -> str:
    """The 8 lines of one evidence node (9 with an author's position); ``rec`` and ``made_by`` are
    the IRIs of its record and extractor."""
    a, subj, predicate, obj, quoted, source, confidence, generated, cls, position = _EV
    ev = f"<{iris.evidence_iri(s[1:-1], pred[1:-1], o[1:-1], rec, quote, fact.extractor)}>"
    out = (f"{ev} {a} {cls} .\n{ev} {subj} {s} .\n{ev} {predicate} {pred} .\n{ev} {obj} {o} .\n"
           f"{ev} {quoted} {literal} .\n{ev} {source} <{rec}> .\n"
           f"{ev} {confidence} {_confidence(fact.confidence)} .\n"
           f"{ev} {generated} <{made_by}> .\n")
    if fact.position is not None:
        out += f"{ev} {position} {integer(fact.position)} .\n"
    return out


@lru_cache(maxsize=1024)
def _confidence(value: float) -> str:
    return decimal(str(round(value, 3)))


def iter_ntriples(triples: Iterable) -> Iterator[str]:
    """N-Triples text: strings (a line or a block of lines) pass through, rdflib triples (a Graph,
    say) are written as lines."""
    from rdflib.plugins.serializers.nt import _nt_row

    for t in triples:
        yield t if isinstance(t, str) else _nt_row(t)
