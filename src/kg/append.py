"""An append: new sources added to a store at the cost of what they add.

When a build is given sources the store does not hold, and leaves every source it holds as it
was, the new records are read and extracted alone and resolved against the store's resolution
index (kg.resolve.index) instead of reading, extracting, resolving and loading everything again:

1. *Papers*: a new record that would join a paper of the store (the same arXiv id, DOI or title
   key, a word-for-word or near-identical abstract, a new paper taking an old paper's key) or
   that makes a phrase of old abstracts common enough to be ignored, is not placed here: the
   build falls back to the full path. Otherwise the old papers stay as they are and the new
   records are clustered among themselves exactly as the full build clusters them (the sketch
   buckets counted with the old abstracts in them).
2. *People* are resolved again from the index's author lists plus the new papers' (the same
   function as a full build), and *models and techniques* from the index's names plus the new
   docs' (kg.resolve.entities.Names). What changed is computed by comparing the old and new
   results: a person's or entity's lines (label, alternative labels, type, family), and the
   IRIs that change (two spellings merged, a new preferred label). A person the new records
   split in two is not an append (fallback).
3. *The change*: the old descriptive lines that are no longer true are removed and the new ones
   added; every line naming a renamed IRI (facts, their evidence nodes, parameter counts) is
   rewritten under the new IRI (an evidence node's IRI is a hash of its fact, so it is renamed
   too; a fact whose two ends became one node is dropped, as a full build drops it); the new
   papers', records' and facts' lines are added, those already in the graph left out.
4. *The generation*: a RocksDB checkpoint of the current database (hard links,
   ``pyoxigraph.Store.backup``) with the change applied; the kept N-Triples parts linked, those
   holding a removed line rewritten without it (by ``grep -F -x``), the added lines one new part;
   the sources and saved docs linked, the new ones written; the index updated. All of it in an
   unfinished folder until one rename, as for any build: a killed append leaves the previous
   generation current and its leftovers are swept by the next build.

Whatever cannot be done here raises :class:`Fallback` with a one-line reason; the build then says
``append: <reason>; rebuilding`` and takes the full path. The tests hold the result equal to a
``--rebuild`` of all sources (sorted N-Triples), including merges of people and of model names.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pyoxigraph

from kg.extract import saved
from kg.extract.doc import Doc
from kg.extract.fact import Mention
from kg.graph import iris
from kg.graph.build import (A, ALT_LABEL, LABEL, PREDICATE, Head, Noted, _FactLines, _Fresh, _M, _entity_lines,
                            _n, _paper_lines, _record_lines, agent_lines, decimal, entity_iri, plain)
from kg.graph.store import INDEX, NTRIPLES, Store
from kg.records.record import Problem, Record
from kg.records.registry import describes
from kg.resolve import index as rindex
from kg.resolve import papers as rpapers
from kg.resolve.entities import Entities
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

@dataclass
class Placed:
    papers: list[rpapers.Paper]
    keep: dict = field(default_factory=dict)


def place_papers(idx: rindex.Index, records: list[Record]) -> Placed:
    """The new records' papers, as a full build of old and new records would make them, provided
    none joins an old paper (else Fallback). Mirrors kg.resolve.papers.group_records on the new
    records, with the old abstracts counted in each sketch bucket."""
    records = sorted(records, key=lambda r: (r.file, r.index))
    arxiv, doi, title, bases, next_rid = idx.record_keys()
    for r in records:
        if r.arxiv_id and r.arxiv_id in arxiv:
            raise Fallback(f"{r.file} #{r.index} has the arXiv id of a paper in the store ({r.arxiv_id})")
        if r.doi and r.doi.lower() in doi:
            raise Fallback(f"{r.file} #{r.index} has the DOI of a paper in the store")
        if rindex.any_title(r) in title:
            raise Fallback(f"{r.file} #{r.index} has the title of a paper in the store")
    old_first = idx.firsts()
    cache: dict[str, int] = {}
    sets: dict[int, set[int]] = {}
    sizes: dict[int, int] = {}
    first: dict[tuple[bytes, str | None], int] = {}
    owner, value = array("q"), array("q")
    pairs: list[tuple[float, int, int]] = []
    for i, r in enumerate(records):
        if not r.abstract:
            continue
        s = rpapers.shingles(r.abstract, cache)
        if len(s) < rpapers.MIN_SHINGLES:
            continue
        ordered = array("q", sorted(s))
        key = (hashlib.blake2b(ordered.tobytes(), digest_size=16).digest(), r.arxiv_id)
        if key in old_first:
            raise Fallback(f"{r.file} #{r.index} repeats the abstract of a paper in the store")
        seen = first.setdefault(key, i)
        if seen != i:
            pairs.append((1.0, seen, i))
            continue
        sizes[i], sets[i] = len(s), s
        sketch = ordered[: rpapers.SKETCH]
        owner.extend([i] * len(sketch))
        value.extend(sketch)
    old_owner, old_value = idx.sketches()
    new_owner, new_value = np.frombuffer(owner, dtype=np.int64), np.frombuffer(value, dtype=np.int64)
    old_hit = np.isin(old_value, new_value) if len(new_value) else np.zeros(len(old_value), bool)
    old_members: dict[int, list[int]] = defaultdict(list)
    for o, v in zip(old_owner[old_hit].tolist(), old_value[old_hit].tolist()):
        old_members[v].append(o)
    new_members: dict[int, list[int]] = defaultdict(list)
    for o, v in zip(new_owner.tolist(), new_value.tolist()):
        new_members[v].append(o)
    shared: dict[tuple[int, int], int] = defaultdict(int)  # new pairs (i < j) -> buckets shared
    with_old: dict[tuple[int, int], int] = defaultdict(int)  # (new, old rid) -> buckets shared
    crossing = []  # sketch values whose bucket the new abstracts push past MAX_BUCKET
    for v, news in new_members.items():
        olds = old_members.get(v, [])
        total = len(olds) + len(news)
        if total > rpapers.MAX_BUCKET:
            if 0 < len(olds) <= rpapers.MAX_BUCKET:
                crossing.append(v)
            continue
        for x, i in enumerate(news):
            for j in news[x + 1:]:
                shared[(i, j)] += 1
            for o in olds:
                with_old[(i, o)] += 1
    old_sets: dict[int, tuple[set[int], int]] = {}

    def old_abstract(o: int) -> tuple[set[int], int]:
        if o not in old_sets:
            text, size = idx.abstract(o)
            old_sets[o] = (rpapers.shingles(text, cache), size)
        return old_sets[o]

    if crossing:
        def may_join(a: int, b: int) -> bool:
            """Whether the pair's join may have made the old papers: not if the two records are in
            two papers (a join refused is as if the pair were never compared) or were one paper
            by a shared key (arXiv id, DOI, title) before any abstract was compared."""
            q = "SELECT paper, arxiv, doi, title FROM rec WHERE rid = ?"
            (pa, *ka), (pb, *kb) = (idx.db.execute(q, (o,)).fetchone() for o in (a, b))
            return pa == pb and not any(x is not None and x == y for x, y in zip(ka, kb))

        _still_paired(crossing, old_members, old_owner, old_value, new_members, old_abstract, may_join)
    for (i, o), count in sorted(with_old.items()):
        _, size = old_abstract(o)
        text = idx.abstract(o)[0]
        if count >= rpapers.MIN_SHARED or sizes[i] < rpapers.SKETCH or size < rpapers.SKETCH:
            if rpapers.similarity(sets[i], rpapers.shingles(text, cache)) >= rpapers.SAME_ABSTRACT:
                r = records[i]
                raise Fallback(f"{r.file} #{r.index} has nearly the abstract of a paper in the store")
    for (i, j), count in sorted(shared.items()):
        if count >= rpapers.MIN_SHARED or sizes[i] < rpapers.SKETCH or sizes[j] < rpapers.SKETCH:
            sim = rpapers.similarity(sets[i], sets[j])
            if sim >= rpapers.SAME_ABSTRACT:
                pairs.append((sim, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    groups = rpapers._Groups(records)
    for keyer in (lambda r: r.arxiv_id, lambda r: (r.doi or "").lower() or None, rpapers._any_title):
        seen_key: dict[str, int] = {}
        for i, r in enumerate(records):
            k = keyer(r)
            if k:
                groups.join(seen_key.setdefault(k, i), i)
    for sim, i, j in pairs:
        groups.join(i, j, sim)
    members: dict[int, list[Record]] = defaultdict(list)
    for i, r in enumerate(records):
        members[groups.find(i)].append(r)
    made = [rpapers._paper(g) for g in members.values()]
    for p in made:
        if p.key in bases:
            raise Fallback(f"a new paper has the key of a paper in the store ({p.key})")
    papers = sorted(made, key=lambda p: (p.key, p.records[0].file, p.records[0].index))
    counted: dict[str, int] = defaultdict(int)
    for p in papers:
        counted[p.key] += 1
        if counted[p.key] > 1:
            p.key = f"{p.key}~{counted[p.key]}"
    keep = {"records": records, "owner": owner, "value": value, "sizes": sizes, "first": first,
            "next_rid": next_rid}
    return Placed(papers, keep)


def _still_paired(crossing: list[int], old_members: dict[int, list[int]], old_owner: np.ndarray,
                  old_value: np.ndarray, new_members: dict[int, list[int]], old_abstract, may_join) -> None:
    """Fallback unless every pair of old abstracts joined through a bucket the new abstracts push
    past MAX_BUCKET is still compared (it shares enough other buckets, or is short), as the full
    build would then compare it: the old papers stay as they are."""
    order = np.argsort(old_value, kind="stable")
    values_sorted = old_value[order]

    def old_count(v: int) -> int:
        return int(np.searchsorted(values_sorted, v, "right") - np.searchsorted(values_sorted, v, "left"))

    sketch_of: dict[int, set[int]] = {}

    def sketch(o: int) -> set[int]:
        if o not in sketch_of:
            sketch_of[o] = set(old_value[old_owner == o].tolist())
        return sketch_of[o]

    checked: set[tuple[int, int]] = set()
    for v in crossing:
        olds = sorted(old_members[v])
        for x, a in enumerate(olds):
            for b in olds[x + 1:]:
                if (a, b) in checked:
                    continue
                checked.add((a, b))
                if not may_join(a, b):
                    continue  # (see may_join)
                (sa, size_a), (sb, size_b) = old_abstract(a), old_abstract(b)
                if rpapers.similarity(sa, sb) < rpapers.SAME_ABSTRACT:
                    continue  # never a join: whether it is compared changes nothing
                if size_a < rpapers.SKETCH or size_b < rpapers.SKETCH:
                    continue  # compared whatever the buckets
                left = sum(old_count(w) + len(new_members.get(w, ())) <= rpapers.MAX_BUCKET
                           for w in sketch(a) & sketch(b))
                if left < rpapers.MIN_SHARED:
                    raise Fallback("a new abstract makes a phrase that joined two abstracts of the store too "
                                   "common to compare")


# -- 2. people and entities --------------------------------------------------------------------

def _stand_in(key: str, data: dict) -> SimpleNamespace:
    """An old paper as resolve_people reads it: its key, authors and records' authors."""
    recs = [SimpleNamespace(file=f, index=i, authors=a) for f, i, a in data["records"]]
    return SimpleNamespace(key=key, authors=data["authors"], records=recs)


def resolve_people_again(idx: rindex.Index, new: list[rpapers.Paper]
                         ) -> tuple[People, dict[str, dict], dict[str, set[str]]]:
    """(the people of old and new papers; each old paper's data; old agent key -> new agent keys)."""
    old = dict(idx.papers())
    stand_ins = [_stand_in(k, d) for k, d in old.items()]
    everything = sorted([*stand_ins, *new], key=lambda p: p.key)
    people = resolve_people(everything)
    became: dict[str, set[str]] = defaultdict(set)
    by = people.by_spelling
    for key, data in old.items():
        for spelling, agent in data["agents"].items():
            became[agent].add(by.get((key, spelling), ""))
    return people, old, became


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


def _grep(patterns: list[str], files: list[Path], *args: str) -> subprocess.CompletedProcess:
    """grep -F over ``files`` with ``patterns`` (C speed: the kept text is a gigabyte at 100k records)."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".pat", delete=False) as f:
        f.write("".join(p if p.endswith("\n") else p + "\n" for p in patterns))
        name = f.name
    try:
        got = subprocess.run(["grep", "-F", *args, "-f", name, "--", *map(str, files)],
                             capture_output=True, env={**os.environ, "LC_ALL": "C"})
    finally:
        os.unlink(name)
    if got.returncode not in (0, 1):
        raise Fallback(f"grep failed on the kept N-Triples ({got.stderr.decode(errors='replace').strip()[:120]})")
    return got


def _extractors(db: pyoxigraph.Store) -> dict[str, str]:
    """Extractor IRI (as written) -> "name@version", as kg.graph.build names them."""
    out = {}
    q = f"SELECT ?x ?l ?v WHERE {{ ?x a {_M['Extractor']} ; {LABEL} ?l ; {_M['version']} ?v }}"
    for row in db.query(q):
        label = row["l"].value
        if label.startswith("kg extractor "):
            out[f"<{row['x'].value}>"] = f"{label[len('kg extractor '):]}@{row['v'].value}"
    return out


def rename(db: pyoxigraph.Store, parts: list[Path], renamed: dict[str, str], change: Change) -> None:
    """Every line naming a renamed IRI, rewritten under its new IRI (removed, and added renamed):
    facts, evidence nodes (whose IRIs are hashes of their facts), parameter counts. An entity's or
    person's own lines (label, type, ...) are left to the comparison of old and new lines."""
    if not renamed:
        return
    evidence: set[str] = set()
    for old in renamed:
        node = pyoxigraph.NamedNode(old[1:-1])
        for pred in (_R_SUBJECT, _R_OBJECT):
            for q in db.quads_for_pattern(None, pyoxigraph.NamedNode(pred[1:-1]), node, None):
                evidence.add(f"<{q.subject.value}>")
    got = _grep([f"{x} " for x in itertools.chain(renamed, evidence)], parts, "-h")
    lines = got.stdout.decode("utf-8").splitlines(keepends=True)
    by_ev: dict[str, list[str]] = defaultdict(list)
    for line in lines:
        s, p, o = _split(line)
        if s in evidence:
            by_ev[s].append(line)
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
    idx = rindex.Index(gen / INDEX)
    try:
        why = idx.usable(min_confidence)
        if why:
            raise Fallback(why)
        return _append(st, gen, manifest, idx, stage, known, new_sources, records_of, problems_of, filtered,
                       components, signature, min_confidence, progress, extraction)
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
    placed = place_papers(idx, records)

    # the new records' docs, kept in the stage as a full build keeps them
    noted = Noted(min_confidence)
    docs: list[Doc] = []
    ends = [b for _, _, b in parts]
    with extraction(records, components, ends) as extracted:
        made = iter(extracted.docs)
        for n, (name, a, b) in enumerate(parts):
            for doc in itertools.islice(made, b - a):
                problems.extend(doc.problems)
                noted(doc)
                docs.append(doc)
                if progress:
                    progress("extract", len(docs), len(records))
            (stage / name).write_bytes(saved.pack(a, extracted.saved.pop(n, []), b - a))
    if noted.about or noted.names.repo_names:
        raise Fallback("the new records name Hub repos")
    if any(m.kind == "paper" and m.name for d in docs for f in d.facts for m in (f.subject, f.object)):
        raise Fallback("the new records cite papers by id")
    for src in known:  # the old docs stay the store's, for the next full build
        name = Store.extracted_name(src, signature)
        if not (stage / name).exists():
            _link_or_copy(gen / "extracted" / name, stage / name)

    # people and entities, old and new
    people, old_papers, became = resolve_people_again(idx, placed.papers)
    old_agents = idx.agents()
    old_names = idx.names()
    old_entities = old_names.resolve()
    new_names = rindex.merged(idx.names(), noted.names)
    entities = new_names.resolve()

    change = Change()
    renamed: dict[str, str] = {}
    agent_iri: dict[str, str] = {}
    new_agent_lines: set[str] = set()
    for key, agent in people.agents.items():
        iri, lines = agent_lines(key, agent)
        agent_iri[key] = iri
        new_agent_lines.update(lines)
    old_agent_iri: dict[str, str] = {}
    old_agent_lines: set[str] = set()
    for key, agent in old_agents.items():
        iri, lines = agent_lines(key, agent)
        old_agent_iri[key] = iri
        old_agent_lines.update(lines)
    for old, news in became.items():
        if len(news) != 1 or "" in news:
            raise Fallback(f"a person in the store ({old_agents[old].name if old in old_agents else old}) "
                           f"becomes two")
        (new,) = news
        if old_agent_iri[old] != agent_iri[new]:
            renamed[old_agent_iri[old]] = agent_iri[new]
    change.remove(old_agent_lines - new_agent_lines)
    change.add(new_agent_lines - old_agent_lines)

    def entity_lines(ents: Entities) -> tuple[dict[int, str], set[str], set[str]]:
        node, own, family = {}, set(), set()
        for e in ents.all():
            iri = node[id(e)] = _n(entity_iri(e))
            o, f = _entity_parts(iri, e)
            own.update(o)
            family.update(f)
        return node, own, family

    old_node, old_own, old_family = entity_lines(old_entities)
    new_node, new_own, new_family = entity_lines(entities)
    for key, ent in old_entities.by_key.items():
        was, now = old_node[id(ent)], new_node[id(entities.by_key[key])]
        if was != now:
            if renamed.get(was, now) != now:
                raise Fallback("a model or technique of the store becomes two")
            renamed[was] = now
    change.remove((old_own - new_own) | (old_family - new_family))
    change.add((new_own - old_own) | (new_family - old_family))

    db = st.oxigraph()
    kept = sorted((gen / NTRIPLES).glob("part-*.nt"))
    if sorted(p.name for p in kept) != sorted(manifest.get(NTRIPLES, {})):
        raise Fallback("the store's kept N-Triples are not those of its manifest")
    rename(db, kept, renamed, change)

    # the new papers', records' and facts' lines
    head = Head([], _Fresh(), people.by_spelling, agent_iri=agent_iri)
    lines: list[str] = []
    for paper in placed.papers:
        iri = _n(iris.paper(paper.key, paper.arxiv_id, paper.title))
        head.paper_iri[paper.key] = iri
        lines += _paper_lines(iri, paper)
        for rec in paper.records:
            head.paper_of_record[(rec.file, rec.index)] = paper
            lines += _record_lines(rec, iri)
    for kind, name, value in noted.sizes:
        ent = entities.get(Mention(kind, name))
        if ent is not None:
            lines.append(f"{new_node[id(ent)]} {_M['parameterCount']} {decimal(value)} .\n")
    entity_of: dict[Mention, str | None] = {}

    def node(m: Mention, record: Record) -> str | None:
        if m.kind in ("paper", "agent"):
            return head.node(m, record)
        if m not in entity_of:
            ent = entities.get(m)
            entity_of[m] = new_node[id(ent)] if ent else None
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
    del docs, lines, block_lines
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
        papers=summary.get("papers", 0) + len(placed.papers),
        people=sum(not a.is_organization for a in people.agents.values()),
        organizations=sum(a.is_organization for a in people.agents.values()),
        models=sum(e.group == "model" for e in entities.all()),
        techniques=sum(e.group != "model" for e in entities.all()),
        facts=summary.get("facts", 0) + facts_delta,
        triples=summary.get("triples", 0) + len(added_quads) - len(removed_quads))
    if "filtered" in summary or any(s.categories for s in new_sources):
        summary["filtered"] = summary.get("filtered", 0) + filtered

    new_gen = _write_generation(st, gen, manifest, db, kept, change, added_quads, removed_quads, stage,
                                new_sources, summary, idx, placed, people, old_papers, new_names, min_confidence)
    del db
    st._swap(new_gen)
    return Appended(summary["records"], problems, summary,
                    sorted([*(s["name"] for s in manifest["sources"]), *(s.name for s in new_sources)]))


def _write_generation(st: Store, gen: Path, manifest: dict, db: pyoxigraph.Store, kept: list[Path],
                      change: Change, added_quads, removed_quads, stage: Path, new_sources: list, summary: dict,
                      idx: rindex.Index, placed: Placed, people: People, old_papers: dict, names,
                      min_confidence: float) -> Path:
    from kg.graph.store import DATABASE_FILES, EXTRACTED, _umask

    tmp = Path(tempfile.mkdtemp(prefix=".gen-tmp-", dir=st.path))
    try:
        os.chmod(tmp, 0o777 & ~_umask())
        # the database: a checkpoint of the current one (hard links), then the change
        db.backup(str(tmp / "oxigraph"))
        out = pyoxigraph.Store(str(tmp / "oxigraph"))
        for q in removed_quads:
            out.remove(q)
        out.extend(added_quads)
        out.flush()
        del out
        database = {p.name: p.stat().st_size for p in (tmp / "oxigraph").iterdir()
                    if p.name == "CURRENT" or p.name.startswith("MANIFEST-") or p.suffix == ".sst"}

        # the kept text: parts linked, those holding a removed line written again without it
        (tmp / NTRIPLES).mkdir()
        digests = dict(manifest[NTRIPLES])
        touched: set[str] = set()
        if change.removed:
            got = _grep(sorted(change.removed), kept, "-x", "-l")
            touched = {Path(line).name for line in got.stdout.decode().splitlines()}
        gone = 0
        for part in kept:
            if part.name not in touched:
                _link_or_copy(part, tmp / NTRIPLES / part.name)
                continue
            if _file_sha256(part) != digests[part.name]:
                raise Fallback(f"the kept N-Triples part {part.name} does not match its checksum")
            got = _grep(sorted(change.removed), [part], "-x", "-v")
            (tmp / NTRIPLES / part.name).write_bytes(got.stdout)
            gone += part.read_bytes().count(b"\n") - got.stdout.count(b"\n")
            digests[part.name] = hashlib.sha256(got.stdout).hexdigest()
        if gone != len(change.removed):
            raise Fallback("the store's kept N-Triples and its database disagree")
        if change.added:
            number = max((int(p.name[5:9]) for p in kept), default=0) + 1
            name = f"part-{number:04d}.nt"
            data = "".join(sorted(change.added)).encode("utf-8")
            (tmp / NTRIPLES / name).write_bytes(data)
            digests[name] = hashlib.sha256(data).hexdigest()

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
            entries.append({"name": src.name, "sha256": src.sha256, "format": src.format,
                            "text_sha256": _file_sha256(target),
                            **({"categories": list(src.categories)} if src.categories else {})})
        entries.sort(key=lambda s: s["name"])
        os.rename(stage, tmp / EXTRACTED)
        stage.mkdir()  # (the build's staging context removes it)
        os.chmod(tmp / EXTRACTED, 0o777 & ~_umask())
        _write_index(tmp / INDEX, gen / INDEX, placed, people, old_papers, names, min_confidence)

        new_manifest = {"sources": entries, "summary": summary, NTRIPLES: digests, DATABASE_FILES: database,
                        INDEX: _file_sha256(tmp / INDEX)}
        (tmp / "manifest.json").write_text(json.dumps(new_manifest, indent=1, sort_keys=True))
        final = st.path / st._next_generation()
        tmp.rename(final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final


def _write_index(path: Path, base: Path, placed: Placed, people: People, old_papers: dict, names,
                 min_confidence: float) -> None:
    """The new generation's index: the old one with the new papers added, the old papers whose
    person map changed rewritten, the people and names replaced."""
    keep = placed.keep
    rows = rindex.paper_rows(placed.papers, people, keep, first_rid=keep["next_rid"])
    rindex.write(path, rows, people, names, min_confidence=min_confidence, cards=False, base=base)
    by = people.by_spelling
    changed = []
    for key, data in old_papers.items():
        agents = {s: by[(key, s)] for s in data["agents"]}
        if agents != data["agents"]:
            data["agents"] = agents
            changed.append((json.dumps(data, ensure_ascii=False), key))
    if changed:
        db = sqlite3.connect(path)
        with db:
            db.executemany("UPDATE paper SET data = ? WHERE key = ?", changed)
        db.close()
