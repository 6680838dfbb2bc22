"""An append: new sources added to a store at the cost of what they add.

When a build is given sources the store does not hold, and leaves every source it holds as it
was, the new records are read and extracted alone and resolved against the store's resolution
index (kg.resolve.index) instead of reading, extracting, resolving and loading everything again:

1. *Papers*: an old paper a new record could join (the same arXiv id, DOI or title key, a
   word-for-word or near-identical abstract), or whose joins could change (a phrase its abstracts
   share pushed past the clustering's bucket limit), is *dirty*, and so is whatever a dirty record
   could join in turn. Dirty papers are clustered again with the new records exactly as the full
   build clusters them (their records from the index, the sketch buckets counted with the clean
   abstracts in them); the clean papers stay as they are.
2. *People* are resolved again from the index's author lists plus the new papers' (the same
   function as a full build), and *models and techniques* from the index's names plus the new
   docs' (kg.resolve.entities.Names), only those the new docs name being compared. What changed
   is found by comparing old and new: a person's or entity's lines (label, alternative labels,
   type, family), and the IRIs that change (two spellings merged, a new preferred label). A person
   of the store the new records split in two is not an append (fallback).
3. *The change*: the old lines no longer true are removed and the new ones added; every line
   naming a renamed IRI (facts, their evidence nodes, whose IRIs are hashes of their facts,
   parameter counts) is rewritten under the new IRI (a fact whose two ends became one node is
   dropped, as a full build drops it); a dirty paper's lines and its records' facts (their docs
   extracted again) are removed and written again; a fact's line stays while some evidence node
   states it; the new papers', records' and facts' lines are added, those already held left out.
4. *The generation*: a RocksDB checkpoint of the current database (hard links,
   ``pyoxigraph.Store.backup``) with the change applied; the kept N-Triples parts linked, the
   added lines one new part, the removed ones listed in ``removed.nt`` (the graph is the parts
   less those: kg.graph.store.Store.ntriples_kept); the sources and saved docs linked, the new ones
   written; the index updated. All of it in an unfinished folder until one rename, as for any
   build: a killed append leaves the previous generation current and its leftovers are swept by
   the next build.

Whatever cannot be done here raises :class:`Fallback` with a one-line reason; the build then says
``append: <reason>; rebuilding`` and takes the full path. The tests hold the result equal to a
``--rebuild`` of all sources (sorted N-Triples, kept text, export, summary), including merges of
people and of model names and new records of papers the store holds.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import shutil
import sqlite3
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pyoxigraph

from kg.extract import saved
from kg.extract.doc import Doc
from kg.extract.fact import DERIVATION_KINDS, Mention
from kg.graph import iris
from kg.graph.build import (A, ALT_LABEL, LABEL, PREDICATE, Head, Noted, Placed as PlacedRecord, _FactLines, _Fresh, _M, _entity_lines,
                            _n, _paper_lines, _record_lines, agent_lines, decimal, entity_iri, plain)
from kg.graph.store import INDEX, NTRIPLES, REMOVED, REMOVED_FILE, Store, source_entry
from kg.records.record import Problem, Record
from kg.records.registry import describes
from kg.resolve import index as rindex
from kg.resolve import papers as rpapers
from kg.resolve.entities import ENTITY_KINDS, Names, UnionFind, group_of, key_for
from kg.resolve.people import People, resolve_people
from kg.vocab import MLKG


class Fallback(Exception):
    """This build cannot be an append; the message says why, in a few words."""


@dataclass
class Appended:
    """What the append made: the new records' problems and the summary, for the build's report."""

    records: int
    problems: list[Problem]
    summary: dict
    sources: list[str]


_GENERATED_BY = "<http://www.w3.org/ns/prov#wasGeneratedBy>"
_R_SUBJECT = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject>"
_R_OBJECT = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#object>"
_R_PREDICATE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate>"
_FACT_PREDICATES = frozenset(PREDICATE.values())
_DERIVED = _M["derivedFrom"]
_DESCRIPTIVE = frozenset({A, LABEL, ALT_LABEL, _M["inFamily"], _n(MLKG.hfId)})


# -- 1. papers ------------------------------------------------------------------------------------

MAX_RESOLVED_AGAIN = 20_000
"""Old records an append may cluster again with the new ones (the papers they could join); beyond
this, the full path is as cheap."""


@dataclass
class Placed:
    papers: list[rpapers.Paper]
    """The papers made of the new records and of the old papers they touch, as a full build makes them."""
    dirty: dict[str, list[Record]] = field(default_factory=dict)
    """Old paper key -> its records: the old papers made again (their lines are replaced)."""
    dirty_rids: set[int] = field(default_factory=set)
    keep: dict = field(default_factory=dict)


@dataclass
class _Item:
    """A record being placed (new, or an old one clustered again): what clustering compares."""

    arxiv: str | None
    doi: str | None
    title: str | None
    hard: str | None
    values: list[int]
    size: int
    shingles: Callable[[], set[int]]
    first: tuple[bytes, str | None] | None = None


def _sketch(r: Record, cache: dict[str, int]) -> tuple[set[int], rpapers.Sketch] | None:
    """(shingles, blocking keys: kg.resolve.papers.sketch_of) of a record's abstract, None if too
    short to match on."""
    if not r.abstract:
        return None
    s = rpapers.shingles(r.abstract, cache)
    keys = rpapers.sketch_of(s)
    return None if keys is None else (s, keys)


class _Old:
    """The index's paper records, held for one append: keys, papers, sketch buckets."""

    def __init__(self, idx: rindex.Index, cache: dict[str, int]) -> None:
        self.idx, self.cache = idx, cache
        self.rows: dict[int, tuple] = {}
        self.by: dict[str, dict[str, list[int]]] = {"arxiv": defaultdict(list), "doi": defaultdict(list),
                                                    "title": defaultdict(list)}
        self.of_paper: dict[str, list[int]] = defaultdict(list)
        for rid, file, i, a, d, t, hard, size, paper in idx.db.execute(
                "SELECT rid, file, idx, arxiv, doi, title, hard, size, paper FROM rec"):
            self.rows[rid] = (file, i, a, d, t, hard, size, paper)
            for name, k in (("arxiv", a), ("doi", d), ("title", t)):
                if k:
                    self.by[name][k].append(rid)
            self.of_paper[paper].append(rid)
        self.next_rid = max(self.rows, default=-1) + 1
        self.first = {(bytes(dg), a): rid for dg, a, rid in idx.db.execute("SELECT digest, arxiv, rid FROM first")}
        self.bases = {k: b for k, b in idx.db.execute("SELECT key, base FROM paper")}
        owner, value = idx.sketches()
        order = np.argsort(value, kind="stable")
        self.v_sorted, self.v_owner = value[order], owner[order]
        order = np.argsort(owner, kind="stable")
        self.o_sorted, self.o_value = owner[order], value[order]
        self.sets: dict[int, set[int]] = {}

    def bucket(self, v: int) -> np.ndarray:
        lo, hi = np.searchsorted(self.v_sorted, v, "left"), np.searchsorted(self.v_sorted, v, "right")
        return self.v_owner[lo:hi]

    def values(self, rid: int) -> list[int]:
        lo, hi = np.searchsorted(self.o_sorted, rid, "left"), np.searchsorted(self.o_sorted, rid, "right")
        return self.o_value[lo:hi].tolist()

    def shingles(self, rid: int) -> set[int]:
        if rid not in self.sets:
            text, _ = self.idx.abstract(rid)
            self.sets[rid] = rpapers.shingles(text, self.cache)
        return self.sets[rid]

    def item(self, rid: int) -> _Item:
        _, _, a, d, t, hard, size, _ = self.rows[rid]
        return _Item(a, d, t, hard, self.values(rid) if size is not None else [], size or 0,
                     lambda: self.shingles(rid))


def _refused(a: _Item, b: _Item, sim: float) -> bool:
    """A join of these two records is refused whatever groups they are in by then: two arXiv ids,
    or two printed titles (never joined by the title key, or they would be one paper already)
    with abstracts not close enough to join despite them."""
    if a.arxiv and b.arxiv and a.arxiv != b.arxiv:
        return True
    return bool(a.hard and b.hard and a.hard != b.hard and sim < rpapers.SAME_DESPITE_TITLES)


def _compared(count: int, a: _Item, b: _Item) -> bool:
    return count >= rpapers.MIN_SHARED or a.size < rpapers.SKETCH or b.size < rpapers.SKETCH


def place_papers(idx: rindex.Index, records: list[Record],
                 read_old: Callable[[dict[int, tuple[str, int]]], dict[int, Record]]) -> Placed:
    """The papers of the new records and of the old papers they may change, as a full build of old
    and new records would make them; the other old papers stay as they are (checked: no key, no
    abstract pair, no sketch bucket of theirs that the new records change). ``read_old`` reads the
    old records of the given rids from the store's sources."""
    cache: dict[str, int] = {}
    old = _Old(idx, cache)
    new_items: list[_Item] = []
    new_members: dict[int, list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        got = _sketch(r, cache)
        item = _Item(r.arxiv_id, (r.doi or "").lower() or None, rindex.any_title(r), rpapers._hard_title(r),
                     [], 0, (lambda s=got: s[0]) if got else (lambda: set()))
        if got:
            digest, size, values = got[1]
            item.first = (digest, r.arxiv_id)
            item.size, item.values = size, values.tolist()
            for v in item.values:
                new_members[v].append(i)
        new_items.append(item)

    dirty: set[str] = set()
    dirty_rids: set[int] = set()
    pending: list[tuple[str, int]] = [("new", i) for i in range(len(records))]

    def touch(rid: int) -> None:
        paper = old.rows[rid][7]
        if paper not in dirty:
            dirty.add(paper)
            for o in old.of_paper[paper]:
                dirty_rids.add(o)
                pending.append(("old", o))
        if len(dirty_rids) > MAX_RESOLVED_AGAIN:
            raise Fallback(f"the new records touch more than {MAX_RESOLVED_AGAIN} records of the store")

    # sketch values whose bucket the new abstracts push past MAX_BUCKET: an old pair joined through
    # one may no longer be compared, and its paper is made again
    for v, news in new_members.items():
        olds = old.bucket(v)
        if 0 < len(olds) <= rpapers.MAX_BUCKET < len(olds) + len(news):
            _crossing(old, olds.tolist(), new_members, touch)

    items: dict[tuple[str, int], _Item] = {}
    while pending:
        kind, n = pending.pop()
        item = new_items[n] if kind == "new" else old.item(n)
        items[(kind, n)] = item
        for name, k in (("arxiv", item.arxiv), ("doi", item.doi), ("title", item.title)):
            for rid in old.by[name].get(k, ()) if k else ():
                if rid not in dirty_rids:
                    touch(rid)
        if kind == "new" and item.first in old.first:
            touch(old.first[item.first])
        counts: dict[int, int] = defaultdict(int)
        for v in item.values:
            olds = old.bucket(v)
            if len(olds) + len(new_members.get(v, ())) > rpapers.MAX_BUCKET:
                continue
            for o in olds.tolist():
                if o not in dirty_rids and (kind == "new" or o != n):
                    counts[o] += 1
        for o, count in sorted(counts.items()):
            if o in dirty_rids:
                continue
            other = old.item(o)
            if not _compared(count, item, other):
                continue
            sim = rpapers.similarity(item.shingles(), other.shingles())
            if sim >= rpapers.SAME_ABSTRACT and not _refused(item, other, sim):
                touch(o)

    # the old papers made again, and the new records, clustered as the full build clusters them
    keys_gone = {old.rows[rid][7] for rid in dirty_rids}
    bases_kept = {b for k, b in old.bases.items() if k not in keys_gone}
    old_records = read_old({rid: old.rows[rid][:2] for rid in dirty_rids})
    active = sorted([*records, *old_records.values()], key=lambda r: (r.file, r.index))
    papers, keep = _cluster(active, lambda v: sum(o not in dirty_rids for o in old.bucket(v).tolist()), cache)
    owners: dict[int, int] = defaultdict(int)
    for v in keep["value"]:
        owners[v] += 1
    for v, n in owners.items():  # (a record that was a copy of another and no longer is, or the reverse)
        if n != sum(o in dirty_rids for o in old.bucket(v).tolist()) + len(new_members.get(v, ())):
            raise Fallback("a new abstract repeats one of the store's word for word")
    for p in papers:
        if rindex.base_key(p) in bases_kept:
            raise Fallback(f"a paper made by the new records has the key of another in the store ({p.key})")
    for k in keys_gone:
        if old.bases[k] in bases_kept:
            raise Fallback(f"a paper of the store shares its key with another ({old.bases[k]})")
    keep["next_rid"] = old.next_rid
    by_paper: dict[str, list[Record]] = defaultdict(list)
    for rid in sorted(dirty_rids, key=lambda rid: old.rows[rid][:2]):
        by_paper[old.rows[rid][7]].append(old_records[rid])
    return Placed(papers, dict(by_paper), dirty_rids, keep)


def _crossing(old: _Old, olds: list[int], new_members: dict[int, list[int]], touch) -> None:
    """Old pairs in a bucket the new abstracts push past MAX_BUCKET: a pair that may have joined
    its paper and now shares too few buckets to be compared makes that paper dirty."""
    olds = sorted(olds)
    for x, a in enumerate(olds):
        for b in olds[x + 1:]:
            ra, rb = old.rows[a], old.rows[b]
            if ra[7] != rb[7]:
                continue  # two papers: the join was refused, and a refused join changes nothing
            if any(k is not None and k == l for k, l in zip(ra[2:5], rb[2:5])):
                continue  # one paper by a shared key before any abstract was compared
            ia, ib = old.item(a), old.item(b)
            if ia.size < rpapers.SKETCH or ib.size < rpapers.SKETCH:
                continue  # compared whatever the buckets
            if rpapers.similarity(ia.shingles(), ib.shingles()) < rpapers.SAME_ABSTRACT:
                continue
            left = sum(len(old.bucket(w)) + len(new_members.get(w, ())) <= rpapers.MAX_BUCKET
                       for w in set(ia.values) & set(ib.values))
            if left < rpapers.MIN_SHARED:
                touch(a)


def _cluster(records: list[Record], outside: Callable[[int], int], cache: dict[str, int]
             ) -> tuple[list[rpapers.Paper], dict]:
    """kg.resolve.papers.cluster_papers of ``records`` (sorted by file and index), each sketch
    bucket counted with ``outside(value)`` more abstracts (the old ones not clustered again)."""
    sizes = array("i", bytes(4 * len(records)))  # (0: not in the sketches)
    sets: dict[int, set[int]] = {}
    first: dict[tuple[bytes, str | None], int] = {}
    owner, value = array("q"), array("q")
    members: dict[int, list[int]] = defaultdict(list)
    pairs: list[tuple[float, int, int]] = []
    for i, r in enumerate(records):
        got = _sketch(r, cache)
        if not got:
            continue
        s, (digest, size, sketch) = got
        seen = first.setdefault((digest, r.arxiv_id), i)
        if seen != i:
            pairs.append((1.0, seen, i))
            continue
        sizes[i], sets[i] = size, s
        owner.extend([i] * len(sketch))
        value.extend(sketch)
        for v in sketch:
            members[v].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for v, ms in members.items():
        if len(ms) < 2 or len(ms) + outside(v) > rpapers.MAX_BUCKET:
            continue
        for x, i in enumerate(ms):
            for j in ms[x + 1:]:
                shared[(i, j)] += 1
    for (i, j), count in shared.items():
        if count >= rpapers.MIN_SHARED or sizes[i] < rpapers.SKETCH or sizes[j] < rpapers.SKETCH:
            sim = rpapers.similarity(sets[i], sets[j])
            if sim >= rpapers.SAME_ABSTRACT:
                pairs.append((sim, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    papers = rpapers.papers_of(rpapers.join_groups(records, pairs))
    keep = {"records": records, "owner": owner, "value": value, "sizes": sizes, "first": first}
    return papers, keep



# -- 2. people and entities --------------------------------------------------------------------

def _stand_in(key: str, data: dict) -> SimpleNamespace:
    """An old paper as resolve_people reads it: its key, authors and records' authors."""
    recs = [SimpleNamespace(file=f, index=i, authors=a) for f, i, a in data["records"]]
    return SimpleNamespace(key=key, authors=data["authors"], records=recs)


def resolve_people_again(idx: rindex.Index, new: list[rpapers.Paper], dirty: Iterable[str]
                         ) -> tuple[People, dict[str, dict], dict[str, set[str]], list[tuple[str, str]]]:
    """(the people of the old papers kept and the papers made; the data of the old papers in
    ``dirty``; old agent key -> the new agent keys its spellings on the kept papers map to; the
    index's new (data, key) of each kept paper whose person map changed). The other old papers
    are let go here (at 100,000 records about 150 MB)."""
    old = dict(idx.papers())
    dirty = set(dirty)
    stand_ins = [_stand_in(k, d) for k, d in old.items() if k not in dirty]
    everything = sorted([*stand_ins, *new], key=lambda p: p.key)
    people = resolve_people(everything)
    del stand_ins, everything
    people.papers = {}  # (looked up by spelling below and by the caller: People.agent_of)
    became: dict[str, set[str]] = defaultdict(set)
    changed = []
    agent_of = people.agent_of  # (an old paper's spellings are those it prints: People.agent_key's check holds)
    for key, data in old.items():
        if key not in dirty:
            agents = {}
            for spelling, agent in data["agents"].items():
                now = agents[spelling] = agent_of.get(spelling, "")
                became[agent].add(now)
            if agents != data["agents"]:
                data["agents"] = agents
                changed.append((json.dumps(data, ensure_ascii=False), key))
    return people, {k: old[k] for k in dirty}, became, changed


def _names_around(idx: rindex.Index, noted: Names, docs: Iterable[Doc]) -> set[tuple[str, str]]:
    """The (group, key)s of the names an append resolves again: those the ``docs`` (new, and made
    again) name, with every key an alias joins them to, old or new. An entity is made of its alias
    component alone (kg.resolve.entities.Names.resolve), so the others resolve as they did: the
    store's names need not all be read and resolved twice (at 100,000 records, most of an
    append's time after people)."""
    wanted = set(noted.names) | set(noted.kinds) | {k for pair in noted.aliases for k in pair}

    def add(kind: str, name: str) -> None:
        if kind in ENTITY_KINDS and name.strip() and (key := key_for(kind, name)):
            wanted.add((group_of(kind), key))

    for d in docs:
        for m in d.entities:
            add(m.kind, m.name)
        for f in d.facts:
            add(f.subject.kind, f.subject.name)
            add(f.object.kind, f.object.name)
        for a in d.attributes:
            add(a.kind, a.name)
        for a in d.aliases:
            add(a.kind, a.name)
            add(a.kind, a.alias)
    uf = UnionFind()  # over "group\0key", as Names.resolve joins them
    for a, b in [*idx.aliases(), *noted.aliases]:
        uf.union("\0".join(a), "\0".join(b))
    roots = {uf.find("\0".join(k)) for k in wanted}
    return wanted | {tuple(k.split("\0", 1)) for k in uf.parent if uf.find(k) in roots}


def _copy_names(names: Names) -> Names:
    out = Names()
    for k, c in names.names.items():
        out.names[k] = Counter(c)
    for k, c in names.kinds.items():
        out.kinds[k] = Counter(c)
    out.aliases = list(names.aliases)
    return out


def _count(entities, group: str | None = None) -> int:
    return sum(group is None or e.group == group for e in entities.all())


class _AgentIris(dict):
    """Agent key -> the agent's IRI (kg.graph.build.agent_lines), made when first asked for: an
    append needs those of the people its records name and of those whose IRI may change."""

    def __init__(self, agents: dict) -> None:
        super().__init__()
        self.agents = agents

    def __missing__(self, key: str) -> str:
        iri = self[key] = agent_lines(key, self.agents[key])[0]
        return iri


def _same_iri(a, b) -> bool:
    """Whether two agents of one key have one IRI (made of the kind, the key and the name)."""
    return a is not None and b is not None and a.name == b.name and a.is_organization == b.is_organization


# -- 3. the change ---------------------------------------------------------------------------------

@dataclass
class Change:
    removed: set[str] = field(default_factory=set)
    added: set[str] = field(default_factory=set)

    def remove(self, lines) -> None:
        self.removed.update(lines)

    def add(self, lines) -> None:
        self.added.update(lines)

    def settle(self) -> None:
        both = self.removed & self.added
        self.removed -= both
        self.added -= both


def _entity_parts(iri: str, entity) -> tuple[list[str], list[str]]:
    """(the entity's own lines, its family's lines)."""
    own, family = [], []
    for line in _entity_lines(iri, entity):
        (own if line.startswith(iri + " ") else family).append(line)
    return own, family


def _split(line: str) -> tuple[str, str, str]:
    """(subject, predicate, object) of an N-Triples line kg wrote ("<s> <p> o .\\n")."""
    s, p, rest = line.split(" ", 2)
    return s, p, rest[:-3]


def _unquote(literal: str) -> str:
    """The value of a plain literal kg wrote (kg.graph.build.plain's escapes undone)."""
    body = literal[1:-1]
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "r": "\r"}.get(m.group(1), m.group(1)), body)


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _term(t) -> str:
    if isinstance(t, pyoxigraph.NamedNode):
        return f"<{t.value}>"
    if isinstance(t, pyoxigraph.Literal) and not t.language:
        if t.datatype.value == _XSD_STRING:
            return plain(t.value)
        return f'"{t.value}"^^<{t.datatype.value}>'
    raise Fallback(f"the store holds a term kg does not write ({t})")


def line_of(quad) -> str:
    """A triple of the store as kg.graph.build writes its line (the kept text holds those lines;
    a test holds every line of a store equal to its kept text)."""
    return f"{_term(quad.subject)} {_term(quad.predicate)} {_term(quad.object)} .\n"


def _extractors(db: pyoxigraph.Store) -> dict[str, str]:
    """Extractor IRI (as written) -> "name@version", as kg.graph.build names them."""
    out = {}
    q = f"SELECT ?x ?l ?v WHERE {{ ?x a {_M['Extractor']} ; {LABEL} ?l ; {_M['version']} ?v }}"
    for row in db.query(q):
        label = row["l"].value
        if label.startswith("kg extractor "):
            out[f"<{row['x'].value}>"] = f"{label[len('kg extractor '):]}@{row['v'].value}"
    return out


def rename(db: pyoxigraph.Store, renamed: dict[str, str], change: Change,
           remade: set[str] = frozenset()) -> None:
    """Every line naming a renamed IRI, rewritten under its new IRI (removed, and added renamed):
    facts, evidence nodes (whose IRIs are hashes of their facts), parameter counts. An entity's or
    person's own lines (label, type, ...) are left to the comparison of old and new lines; the
    evidence of the records in ``remade`` (their IRIs) is written again with them, so only removed."""
    if not renamed:
        return
    evidence: set[str] = set()
    lines: list[str] = []
    for old in renamed:
        node = pyoxigraph.NamedNode(old[1:-1])
        lines += map(line_of, db.quads_for_pattern(node, None, None, None))
        for q in db.quads_for_pattern(None, None, node, None):
            if f"<{q.predicate.value}>" in (_R_SUBJECT, _R_OBJECT):
                evidence.add(f"<{q.subject.value}>")
            else:
                lines.append(line_of(q))
    by_ev: dict[str, list[str]] = {
        ev: list(map(line_of, db.quads_for_pattern(pyoxigraph.NamedNode(ev[1:-1]), None, None, None)))
        for ev in evidence}
    for line in dict.fromkeys(lines):
        s, p, o = _split(line)
        if s in evidence:
            continue
        if s in renamed and p in _DESCRIPTIVE:
            continue  # the node's own lines: compared old against new elsewhere
        if s not in renamed and o not in renamed:
            continue  # (the name in a literal, not as a node)
        ns, no = renamed.get(s, s), renamed.get(o, o)
        change.remove([line])
        if ns == no and (p in _FACT_PREDICATES or p == _DERIVED):
            continue  # a fact whose two ends are now one node: a full build does not state it
        change.add([f"{ns} {p} {no} .\n"])
    if not by_ev:
        return
    made_by = _extractors(db)
    renamed_ev: dict[str, set[str]] = {}
    for ev, ev_lines in by_ev.items():
        fields = {}
        for line in ev_lines:
            _, p, o = _split(line)
            fields[p] = o
        if fields.get(_M["source"]) in remade:
            change.remove(ev_lines)
            continue
        try:
            s, pred, o = fields[_R_SUBJECT], fields[_R_PREDICATE], fields[_R_OBJECT]
            quote, rec = _unquote(fields[_M["quote"]]), fields[_M["source"]][1:-1]
            ex = made_by[fields[_GENERATED_BY]]
        except KeyError:
            raise Fallback(f"an evidence node of the store is not as kg writes it ({ev})") from None
        if f"<{iris.evidence_iri(s[1:-1], pred[1:-1], o[1:-1], rec, quote, ex)}>" != ev:
            raise Fallback(f"an evidence node's name cannot be made again ({ev})")
        change.remove(ev_lines)
        ns, no = renamed.get(s, s), renamed.get(o, o)
        if ns == no:
            continue
        new_ev = f"<{iris.evidence_iri(ns[1:-1], pred[1:-1], no[1:-1], rec, quote, ex)}>"
        out = set()
        for line in ev_lines:
            _, p, obj = _split(line)
            if p in (_R_SUBJECT, _R_OBJECT):
                obj = renamed.get(obj, obj)
            out.add(f"{new_ev} {p} {obj} .\n")
        if new_ev in renamed_ev and renamed_ev[new_ev] != out:
            raise Fallback("two facts of one record became one with different confidences")
        renamed_ev[new_ev] = out
    for new_ev, out in renamed_ev.items():
        held = set(db.quads_for_pattern(pyoxigraph.NamedNode(new_ev[1:-1]), None, None, None))
        if held and new_ev not in by_ev and held != set(_parse(out)):
            raise Fallback("two facts of one record became one with different confidences")
        change.add(out)


_DERIVATION_PREDICATES = frozenset(PREDICATE[k] for k in DERIVATION_KINDS)


def supported(db: pyoxigraph.Store, change: Change) -> None:
    """Every fact's line stands for the evidence nodes stating it (a derivation's ``derivedFrom``
    for those of any derivation): a fact line removed that some evidence left or added still
    states stays, and one added that no evidence states is not added."""
    removed_ev = {_split(line)[0] for line in change.removed if f" {_R_SUBJECT} " in line}
    ends: dict[str, dict[str, str]] = defaultdict(dict)
    for line in change.added:
        s, p, o = _split(line)
        if p in (_R_SUBJECT, _R_PREDICATE, _R_OBJECT):
            ends[s][p] = o
    added = {(e[_R_SUBJECT], e.get(_R_PREDICATE), e.get(_R_OBJECT)) for e in ends.values() if _R_SUBJECT in e}

    def held(s: str, p: str, o: str) -> bool:
        q = f"SELECT ?e WHERE {{ ?e {_R_SUBJECT} {s} ; {_R_PREDICATE} {p} ; {_R_OBJECT} {o} }}"
        return any(f"<{row['e'].value}>" not in removed_ev for row in db.query(q))

    def stated(s: str, p: str, o: str) -> bool:
        preds = _DERIVATION_PREDICATES if p == _DERIVED else (p,)
        return any((s, q, o) in added for q in preds) or any(held(s, q, o) for q in preds)

    for line in [l for l in change.removed if _split(l)[1] in _FACT_PREDICATES or _split(l)[1] == _DERIVED]:
        if line not in change.added and stated(*_split(line)):
            change.removed.discard(line)
    for line in [l for l in change.added if _split(l)[1] in _FACT_PREDICATES or _split(l)[1] == _DERIVED]:
        if not stated(*_split(line)):
            change.added.discard(line)


# -- 4. the generation ----------------------------------------------------------------------------

def _parse(lines) -> list[pyoxigraph.Quad]:
    """The quads of N-Triples lines, in the lines' sorted order."""
    got = pyoxigraph.parse("".join(sorted(lines)), format=pyoxigraph.RdfFormat.N_TRIPLES)
    return [pyoxigraph.Quad(t.subject, t.predicate, t.object) for t in got]


def _file_sha256(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _link_or_copy(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def append(st: Store, stage: Path, known: list, new_sources: list, records_of: dict[str, list[Record]],
           problems_of: dict[str, list[Problem]], filtered: int, components: tuple[str, ...],
           min_confidence: float, progress: Callable[[str, int, int], None] | None,
           extraction) -> Appended:
    """Add ``new_sources`` (their records ``records_of[name]``) to the store's graph as a change of
    its current generation; raise :class:`Fallback` when that cannot be done exactly."""
    gen = st.current
    if gen is None:
        raise Fallback("no graph in the store")
    manifest = json.loads((gen / "manifest.json").read_text())
    if not (gen / INDEX).is_file() or INDEX not in manifest:
        raise Fallback("the store has no resolution index (built by an older kg)")
    if _file_sha256(gen / INDEX) != manifest[INDEX]:
        raise Fallback("the store's resolution index does not match its checksum")
    signature = saved.signature(components)
    for src in known:
        if st.extracted(Store.extracted_name(src, signature)) is None:
            raise Fallback("the store's sources were extracted by other code or components")
    from kg.graph.damage import no_space
    from kg.graph.store import StoreDamaged

    try:
        idx = rindex.Index(gen / INDEX)
    except sqlite3.Error as exc:
        raise Fallback(f"the store's resolution index cannot be read ({exc})") from None
    try:
        why = idx.usable(min_confidence)
        if why:
            raise Fallback(why)
        return _append(st, gen, manifest, idx, stage, known, new_sources, records_of, problems_of, filtered,
                       components, signature, min_confidence, progress, extraction)
    except StoreDamaged:  # the full path rebuilds the database from the kept sources: it repairs
        raise Fallback("the store's database is damaged") from None
    except sqlite3.Error as exc:
        raise Fallback(f"the store's resolution index cannot be read ({exc})") from None
    except (OSError, RuntimeError) as exc:
        full = no_space(st.path, exc)
        if full is None:
            raise
        raise full from None
    finally:
        idx.close()


def _append(st, gen, manifest, idx, stage, known, new_sources, records_of, problems_of, filtered,
            components, signature, min_confidence, progress, extraction) -> Appended:
    new_sources = sorted(new_sources, key=lambda s: s.name)
    records: list[Record] = []
    parts: list[tuple[str, int, int]] = []
    problems: list[Problem] = []
    for src in new_sources:
        recs = records_of.get(src.name, [])
        parts.append((Store.extracted_name(src, signature), len(records), len(records) + len(recs)))
        records.extend(recs)
        problems.extend(problems_of.get(src.name, []))
    if not records:
        raise Fallback("the new sources hold no record")
    if any(describes(r) != "paper" for r in records):
        raise Fallback("a new source is a model card")

    def read_old(where: dict[int, tuple[str, int]]) -> dict[int, Record]:
        got = idx.records(where)
        if len(got) != len(where) or any((got[r].file, got[r].index) != fi for r, fi in where.items()):
            raise Fallback("the store's resolution index does not hold the records it lists")
        return got

    placed = place_papers(idx, records, read_old)
    remade = {(r.file, r.index) for recs in placed.dirty.values() for r in recs}
    again = sorted((r for recs in placed.dirty.values() for r in recs), key=lambda r: (r.file, r.index))

    # the new records' docs, kept in the stage as a full build keeps them
    # (and the records of the old papers made again: extracted again, the same code giving the same docs)
    noted = Noted(min_confidence)
    docs: list[Doc] = []
    ends = [b for _, _, b in parts] + [len(records) + len(again)]
    with extraction(records + again, components, ends) as extracted:
        made = iter(extracted.docs)
        for n, (name, a, b) in enumerate(parts):
            for doc in itertools.islice(made, b - a):
                problems.extend(doc.problems)
                noted(doc)
                docs.append(doc)
                if progress:
                    progress("extract", len(docs), len(records))
            (stage / name).write_bytes(saved.pack(a, extracted.saved.pop(n, []), b - a))
        old_docs = list(made)
    if noted.about or noted.names.repo_names:
        raise Fallback("the new records name Hub repos")
    if any(m.kind == "paper" and m.name for d in docs for f in d.facts for m in (f.subject, f.object)):
        raise Fallback("the new records cite papers by id")
    for src in known:  # the old docs stay the store's, for the next full build
        name = Store.extracted_name(src, signature)
        if not (stage / name).exists():
            _link_or_copy(gen / "extracted" / name, stage / name)

    # people and entities, old and new
    people, old_papers, became, changed = resolve_people_again(idx, placed.papers, placed.dirty)
    old_agents = idx.agents()
    around = _names_around(idx, noted.names, [*docs, *old_docs])
    old_names = idx.names(around)
    old_entities = old_names.resolve()
    new_names = rindex.merged(_copy_names(old_names), noted.names)
    entities = new_names.resolve()

    change = Change()
    renamed: dict[str, str] = {}
    # a person's lines and IRI follow from the agent (kg.graph.build.agent_lines, whose every line
    # begins with the IRI, made of the key): only the agents that differ have lines to compare
    agent_iri, old_agent_iri = _AgentIris(people.agents), _AgentIris(old_agents)
    new_agent_lines: set[str] = set()
    old_agent_lines: set[str] = set()
    for key in people.agents.keys() | old_agents.keys():
        new, old = people.agents.get(key), old_agents.get(key)
        if new != old:
            if new is not None:
                new_agent_lines.update(agent_lines(key, new)[1])
            if old is not None:
                old_agent_lines.update(agent_lines(key, old)[1])
    for old, news in became.items():
        if len(news) != 1 or "" in news:
            raise Fallback(f"a person in the store ({old_agents[old].name if old in old_agents else old}) "
                           f"becomes two")
        (new,) = news
        if new == old and _same_iri(old_agents.get(old), people.agents.get(new)):
            continue
        if old_agent_iri[old] != agent_iri[new]:
            renamed[old_agent_iri[old]] = agent_iri[new]
    change.remove(old_agent_lines - new_agent_lines)
    change.add(new_agent_lines - old_agent_lines)

    # models and techniques: only those whose names the new docs mention (or join by an alias) can
    # change; the others keep their keys, counts, lines and IRIs
    touched = set(noted.names.names) | set(noted.names.kinds) | {k for pair in noted.names.aliases for k in pair}
    new_touched = {id(e): e for k in touched if (e := entities.by_key.get(k)) is not None}
    keys = [k for k, e in entities.by_key.items() if id(e) in new_touched]
    old_touched = {id(e): e for k in keys if (e := old_entities.by_key.get(k)) is not None}
    iri_of: dict[int, str] = {}

    def node_of(e) -> str:
        iri = iri_of.get(id(e))
        if iri is None:
            iri = iri_of[id(e)] = _n(entity_iri(e))
        return iri

    def entity_lines(ents) -> tuple[set[str], set[str]]:
        own, family = set(), set()
        for e in ents:
            o, f = _entity_parts(node_of(e), e)
            own.update(o)
            family.update(f)
        return own, family

    old_own, old_family = entity_lines(old_touched.values())
    new_own, new_family = entity_lines(new_touched.values())
    for key in keys:
        if key in old_entities.by_key:
            was, now = node_of(old_entities.by_key[key]), node_of(entities.by_key[key])
            if was != now:
                if renamed.get(was, now) != now:
                    raise Fallback("a model or technique of the store becomes two")
                renamed[was] = now
    db = st.oxigraph()
    family_gone = old_family - new_family
    if family_gone:  # a family node stays while an entity not touched here is in it
        in_family = pyoxigraph.NamedNode(_M["inFamily"][1:-1])
        olds = {node_of(e) for e in old_touched.values()}
        for fam in {_split(line)[0] for line in family_gone}:
            members = {f"<{q.subject.value}>" for q in db.quads_for_pattern(
                None, in_family, pyoxigraph.NamedNode(fam[1:-1]), None)}
            if members - olds:
                family_gone = {line for line in family_gone if not line.startswith(fam + " ")}
    change.remove((old_own - new_own) | family_gone)
    change.add((new_own - old_own) | (new_family - old_family))

    kept = sorted((gen / NTRIPLES).glob("part-*.nt"))
    if sorted(p.name for p in kept) != sorted(manifest.get(NTRIPLES, {})):
        raise Fallback("the store's kept N-Triples are not those of its manifest")
    rename(db, renamed, change, {_n(iris.record(f, i)) for f, i in remade})

    # the old papers made again: their lines as the store holds them, removed
    old_head = Head([], _Fresh(), {s: a for k in placed.dirty for s, a in old_papers[k]["agents"].items()},
                    agent_iri=old_agent_iri)  # (a spelling names one person: People.agent_of)
    lines: list[str] = []
    for key, recs in placed.dirty.items():
        paper = rpapers._paper(recs)
        paper.key = key
        iri = _n(iris.paper(key, paper.arxiv_id, paper.title))
        old_head.paper_iri[key] = iri
        lines += _paper_lines(iri, paper)
        placed_at = PlacedRecord(key, paper.arxiv_id,
                                 tuple(dict.fromkeys(s.strip() for rec in recs for s in rec.authors)))
        for rec in recs:
            old_head.paper_of_record[(rec.file, rec.index)] = placed_at
            lines += _record_lines(rec, iri)

    def old_node_of(m: Mention, record: Record) -> str | None:
        if m.kind in ("paper", "agent"):
            return old_head.node(m, record)
        ent = old_entities.get(m)
        return node_of(ent) if ent else None

    old_facts = _FactLines(_Fresh(), min_confidence)
    lines += [line for block in old_facts.blocks(old_docs, old_node_of, old_head.node)
              for line in block.splitlines(True)]
    change.remove(lines)
    docs = old_docs + docs  # (their facts are written again below, with the new papers and names)

    # the new papers', records' and facts' lines
    head = Head([], _Fresh(), people.agent_of, agent_iri=agent_iri)
    lines: list[str] = []
    for paper in placed.papers:
        iri = _n(iris.paper(paper.key, paper.arxiv_id, paper.title))
        head.paper_iri[paper.key] = iri
        lines += _paper_lines(iri, paper)
        placed_at = PlacedRecord(paper.key, paper.arxiv_id,
                           tuple(dict.fromkeys(s.strip() for rec in paper.records for s in rec.authors)))
        for rec in paper.records:
            head.paper_of_record[(rec.file, rec.index)] = placed_at
            lines += _record_lines(rec, iri)
    for kind, name, value in noted.sizes:
        ent = entities.get(Mention(kind, name))
        if ent is not None:
            lines.append(f"{node_of(ent)} {_M['parameterCount']} {decimal(value)} .\n")
    entity_of: dict[Mention, str | None] = {}

    def node(m: Mention, record: Record) -> str | None:
        if m.kind in ("paper", "agent"):
            return head.node(m, record)
        if m not in entity_of:
            ent = entities.get(m)
            entity_of[m] = node_of(ent) if ent else None
        return entity_of[m]

    facts = _FactLines(_Fresh(), min_confidence)
    block_lines = [line for block in facts.blocks(docs, node, head.node) for line in block.splitlines(True)]
    for ex in sorted(facts.made_by):
        x = _n(iris.extractor(ex))
        name, _, version = ex.partition("@")
        lines += [f"{x} {A} {_M['Extractor']} .\n", f"{x} {LABEL} {plain(f'kg extractor {name}')} .\n",
                  f"{x} {_M['version']} {plain(version)} .\n"]
    change.add(lines)
    change.add(block_lines)
    del docs, old_docs, lines, block_lines
    supported(db, change)
    change.settle()

    # what is added and already held (a fact stated again) is not added again
    added_quads = []
    for line, quad in zip(sorted(change.added), _parse(change.added)):
        if quad in db:
            change.added.discard(line)
        else:
            added_quads.append(quad)
    removed_quads = _parse(change.removed)
    for q in removed_quads:
        if q not in db:
            raise Fallback("the store's graph does not hold a line its index says it holds")

    summary = dict(manifest.get("summary", {}))
    facts_delta = (sum(_split(l)[1] in _FACT_PREDICATES for l in change.added)
                   - sum(_split(l)[1] in _FACT_PREDICATES for l in change.removed))
    summary.update(
        records=summary.get("records", 0) + len(records),
        skipped=summary.get("skipped", 0) + sum(p.skipped for p in problems),
        papers=summary.get("papers", 0) + len(placed.papers) - len(placed.dirty),
        people=sum(not a.is_organization for a in people.agents.values()),
        organizations=sum(a.is_organization for a in people.agents.values()),
        # (the names outside ``around`` resolve as before: the store's count, less the old entities
        # resolved again here, plus what they became)
        models=summary.get("models", 0) + _count(entities, "model") - _count(old_entities, "model"),
        techniques=summary.get("techniques", 0) + _count(entities) - _count(old_entities)
        - _count(entities, "model") + _count(old_entities, "model"),
        facts=summary.get("facts", 0) + facts_delta,
        triples=summary.get("triples", 0) + len(added_quads) - len(removed_quads))
    if "filtered" in summary or any(s.categories for s in new_sources):
        summary["filtered"] = summary.get("filtered", 0) + filtered

    new_gen = _write_generation(st, gen, manifest, db, kept, change, added_quads, removed_quads, stage,
                                new_sources, summary, idx, placed, people, changed, (around, new_names, noted.names),
                                min_confidence)
    del db
    st._swap(new_gen)
    return Appended(summary["records"], problems, summary,
                    sorted([*(s["name"] for s in manifest["sources"]), *(s.name for s in new_sources)]))


def _write_generation(st: Store, gen: Path, manifest: dict, db: pyoxigraph.Store, kept: list[Path],
                      change: Change, added_quads, removed_quads, stage: Path, new_sources: list, summary: dict,
                      idx: rindex.Index, placed: Placed, people: People, changed: list, names,
                      min_confidence: float) -> Path:
    from kg.graph.store import DATABASE_FILES, EXTRACTED, _umask

    tmp = st.unfinished()
    try:
        st.make_unfinished(tmp)
        # the database: a checkpoint of the current one (hard links), then the change
        db.backup(str(tmp / "oxigraph"))
        out = pyoxigraph.Store(str(tmp / "oxigraph"))
        for q in removed_quads:
            out.remove(q)
        if change.added:  # written as new files of the database, as a full build loads
            out.bulk_load("".join(sorted(change.added)).encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES,
                          lenient=True)
        out.flush()
        del out
        database = {p.name: p.stat().st_size for p in (tmp / "oxigraph").iterdir()
                    if p.name == "CURRENT" or p.name.startswith("MANIFEST-") or p.suffix == ".sst"}

        # the kept text: the parts linked (a generation never changes), the lines added one new part
        # (but for lines the text holds already, removed by an earlier append: no longer removed),
        # the lines removed listed in REMOVED_FILE
        (tmp / NTRIPLES).mkdir()
        digests = dict(manifest[NTRIPLES])
        for part in kept:
            _link_or_copy(part, tmp / NTRIPLES / part.name)
        gone: set[str] = set()
        if manifest.get(REMOVED):
            gone = set((gen / NTRIPLES / REMOVED_FILE).read_text("utf-8").splitlines(keepends=True))
        back = change.added & gone
        gone = (gone - back) | change.removed
        fresh = change.added - back
        if fresh:
            number = max((int(p.name[5:9]) for p in kept if p.name[5:9].isdigit()), default=0) + 1  # (part-w*: shards)
            name = f"part-{number:04d}.nt"
            data = "".join(sorted(fresh)).encode("utf-8")
            (tmp / NTRIPLES / name).write_bytes(data)
            digests[name] = hashlib.sha256(data).hexdigest()
        removed_digest = {}
        if gone:
            data = "".join(sorted(gone)).encode("utf-8")
            (tmp / NTRIPLES / REMOVED_FILE).write_bytes(data)
            removed_digest = {REMOVED: {REMOVED_FILE: hashlib.sha256(data).hexdigest()}}

        # sources, saved docs, the index
        (tmp / "sources").mkdir()
        entries = list(manifest["sources"])
        for s in entries:
            if not (tmp / "sources" / s["sha256"]).exists():
                _link_or_copy(gen / "sources" / s["sha256"], tmp / "sources" / s["sha256"])
        for src in new_sources:
            target = tmp / "sources" / src.sha256
            if not target.exists():
                target.write_bytes(src.text.encode("utf-8"))
            entries.append(source_entry(src, _file_sha256(target)))
        entries.sort(key=lambda s: s["name"])
        os.rename(stage, tmp / EXTRACTED)
        stage.mkdir()  # (the build's staging context removes it)
        os.chmod(tmp / EXTRACTED, 0o777 & ~_umask())
        _write_index(tmp / INDEX, gen / INDEX, placed, people, changed, names, min_confidence)

        new_manifest = {"sources": entries, "summary": summary, NTRIPLES: digests, DATABASE_FILES: database,
                        INDEX: _file_sha256(tmp / INDEX), **removed_digest,
                        "append": {"from": gen.name, "records": len(placed.keep["records"]) - len(placed.dirty_rids),
                                   "papers_made_again": len(placed.dirty), "added": len(added_quads),
                                   "removed": len(removed_quads)}}
        final = st.seal(tmp, new_manifest)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final


def _write_index(path: Path, base: Path, placed: Placed, people: People, changed: list, names,
                 min_confidence: float) -> None:
    """The new generation's index: the old one with the new papers added, the old papers whose
    person map changed rewritten (``changed``: their (data, key) rows), the people replaced, and
    the names resolved again (``names``: their keys, their counts now, the new aliases) changed."""
    keep = placed.keep
    rows = rindex.paper_rows(placed.papers, people, keep, first_rid=keep["next_rid"])
    around, resolved, added = names
    rindex.write(path, rows, people, None, min_confidence=min_confidence, cards=False, base=base,
                 drop=(placed.dirty_rids, set(placed.dirty)))
    db = sqlite3.connect(path)  # the names of ``around`` replaced by theirs now, the new aliases added
    with db:
        db.execute("CREATE TEMP TABLE around (grp TEXT, key TEXT)")
        db.executemany("INSERT INTO temp.around VALUES (?, ?)", around)
        for table in ("name", "kind"):
            db.execute(f"DELETE FROM {table} WHERE (grp, key) IN (SELECT grp, key FROM temp.around)")
        rindex.write_names(db, resolved, aliases=False)
        db.executemany("INSERT INTO alias VALUES (?, ?, ?, ?)",
                       ((ga, ka, gb, kb) for (ga, ka), (gb, kb) in added.aliases))
    db.close()
    if changed:
        db = sqlite3.connect(path)
        with db:
            db.executemany("UPDATE paper SET data = ? WHERE key = ?", changed)
        db.close()
