"""Resolved papers, people, entities and facts -> RDF triples in the mlkg vocabulary.

Every extracted fact becomes its triple (a derivation also as
``mlkg:derivedFrom``) plus an ``mlkg:Evidence`` node that reifies it and
carries the quote, the source record, the confidence and the extractor.
Output is a deterministic, sorted, duplicate-free list of triples.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.extract.doc import Doc
from kg.extract.fact import DERIVATION_KINDS, Fact, Mention, collapse_ws
from kg.extract.modelnames import family_label
from kg.graph import iris
from kg.records.record import Record
from kg.resolve.entities import Entities, Entity, resolve_entities
from kg.resolve.papers import Paper
from kg.resolve.people import People
from kg.vocab import MLKG

Triple = tuple[URIRef, URIRef, URIRef | Literal]

PREDICATE = {
    "wrote": MLKG.wrote,
    "introduces": MLKG.introduces,
    "uses": MLKG.uses,
    "finetuned": MLKG.finetunedFrom,
    "pruned": MLKG.prunedFrom,
    "distilled": MLKG.distilledFrom,
    "upcycled": MLKG.upcycledFrom,
    "continued_pretraining": MLKG.continuedPretrainingFrom,
    "context_extended": MLKG.contextExtendedFrom,
    "aligned": MLKG.alignedFrom,
    "quantized": MLKG.quantizedFrom,
    "merged": MLKG.mergedFrom,
    "based_on": MLKG.basedOn,
}
CLASS = {
    "model": MLKG.Model,
    "technique": MLKG.Technique,
    "dataset": MLKG.Dataset,
    "benchmark": MLKG.Benchmark,
}


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def text_literal(value: str) -> Literal:
    """A plain string literal with characters RDF/XML and XML 1.0 cannot hold removed."""
    return Literal(_NOT_XML.sub("", value))


@dataclass
class BuildResult:
    triples: list[Triple]
    counts: dict[str, int] = field(default_factory=dict)


class _Emitter:
    def __init__(self) -> None:
        self.triples: set[Triple] = set()

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.triples.add((s, p, o))


def entity_iri(entity: Entity) -> URIRef:
    return iris.mint(entity.kind if entity.group == "model" else "technique", entity.key, entity.label)


def build_triples(papers: list[Paper], people: People, docs: Iterable[Doc], *,
                  min_confidence: float = 0.0) -> BuildResult:
    """All triples of the graph for these papers, people and extraction results."""
    docs = list(docs)
    out = _Emitter()
    paper_of_record: dict[tuple[str, int], Paper] = {}
    paper_iri: dict[str, URIRef] = {}
    for paper in papers:
        iri = iris.paper(paper.key, paper.arxiv_id, paper.title)
        paper_iri[paper.key] = iri
        _emit_paper(out, iri, paper)
        for rec in paper.records:
            paper_of_record[(rec.file, rec.index)] = paper
            _emit_record(out, rec, iri)

    agent_iri: dict[str, URIRef] = {}
    for key, agent in sorted(people.agents.items()):
        kind = "organization" if agent.is_organization else "person"
        iri = iris.mint(kind, key, agent.name)
        agent_iri[key] = iri
        out.add(iri, RDF.type, MLKG.Organization if agent.is_organization else MLKG.Person)
        out.add(iri, RDFS.label, text_literal(agent.name))
        for spelling in sorted(agent.spellings - {agent.name}):
            out.add(iri, SKOS.altLabel, text_literal(spelling))

    facts = [f for d in docs for f in d.facts if f.confidence >= min_confidence]
    mentions = [m for d in docs for m in d.entities]
    mentions += [m for f in facts for m in (f.subject, f.object)]
    entities = resolve_entities(mentions, [a for d in docs for a in d.aliases])
    for entity in entities.all():
        _emit_entity(out, entity)
    for doc in docs:
        for attr in doc.attributes:
            ent = entities.get(Mention(attr.kind, attr.name))
            if ent is not None and attr.key == "parameterCount":
                out.add(entity_iri(ent), MLKG.parameterCount,
                        Literal(Decimal(str(attr.value)), datatype=XSD.decimal))

    def node(m: Mention, record: Record) -> URIRef | None:
        if m.kind == "paper":
            paper = paper_of_record.get((record.file, record.index))
            return paper_iri[paper.key] if paper else None
        if m.kind == "agent":
            paper = paper_of_record.get((record.file, record.index))
            if paper is None or (paper.key, m.name) not in people.by_spelling:
                return None
            return agent_iri[people.by_spelling[(paper.key, m.name)]]
        ent = entities.get(m)
        return entity_iri(ent) if ent else None

    # one evidence node per (triple, record, quote, extractor): the surest reading wins
    best: dict[tuple, tuple[Fact, URIRef, URIRef]] = {}
    for fact in facts:
        s, o = node(fact.subject, fact.record), node(fact.object, fact.record)
        if s is None or o is None or s == o:
            continue
        k = (s, fact.predicate, o, fact.record.file, fact.record.index,
             collapse_ws(fact.quote), fact.extractor)
        if k not in best or fact.confidence > best[k][0].confidence:
            best[k] = (fact, s, o)
    extractors = {fact.extractor for fact, _, _ in best.values()}
    for fact, s, o in best.values():
        _emit_fact(out, fact, s, o)
    n_facts = len({(k[0], k[1], k[2]) for k in best})
    for ex in sorted(extractors):
        x = iris.extractor(ex)
        name, _, version = ex.partition("@")
        out.add(x, RDF.type, MLKG.Extractor)
        out.add(x, RDFS.label, Literal(f"kg extractor {name}"))
        out.add(x, MLKG.version, Literal(version))

    triples = list(out.triples)  # sorted as N-Triples lines by iter_ntriples: cheaper than comparing terms
    counts = {
        "papers": len(papers),
        "people": sum(not a.is_organization for a in people.agents.values()),
        "organizations": sum(a.is_organization for a in people.agents.values()),
        "models": sum(e.group == "model" for e in entities.all()),
        "techniques": sum(e.group != "model" for e in entities.all()),
        "facts": n_facts,
        "triples": len(triples),
    }
    return BuildResult(triples, counts)


def _emit_paper(out: _Emitter, iri: URIRef, paper: Paper) -> None:
    out.add(iri, RDF.type, MLKG.Paper)
    label = paper.title or (paper.abstract or paper.key)[:200]
    out.add(iri, RDFS.label, text_literal(collapse_ws(label)))
    if paper.title and not paper.title_guessed:
        out.add(iri, DCTERMS.title, text_literal(collapse_ws(paper.title)))
    if paper.title_guessed:
        out.add(iri, MLKG.titleGuessed, Literal(True))
    if paper.arxiv_id:
        out.add(iri, MLKG.arxivId, Literal(paper.arxiv_id))
    if paper.doi:
        out.add(iri, MLKG.doi, text_literal(paper.doi))
    if paper.date:
        out.add(iri, DCTERMS.date, Literal(paper.date, datatype=XSD.date))
    if paper.abstract:
        out.add(iri, DCTERMS.abstract, text_literal(paper.abstract))
    if paper.authors_not_shown:
        out.add(iri, MLKG.authorsNotShown, Literal(int(paper.authors_not_shown)))
    comments = sorted({r.comments for r in paper.records if r.comments})
    for c in comments:
        out.add(iri, MLKG.comments, text_literal(c))


def _emit_record(out: _Emitter, rec: Record, paper: URIRef) -> None:
    r = iris.record(rec.file, rec.index)
    out.add(r, RDF.type, MLKG.Record)
    out.add(r, MLKG.file, text_literal(rec.file))
    out.add(r, MLKG.index, Literal(rec.index))
    out.add(r, MLKG.about, paper)
    out.add(r, MLKG.format, Literal(rec.format))
    out.add(r, MLKG.firstLine, Literal(rec.lines[0]))
    out.add(r, MLKG.lastLine, Literal(rec.lines[1]))
    out.add(r, MLKG.text, text_literal(rec.text))


def _emit_entity(out: _Emitter, entity: Entity) -> None:
    iri = entity_iri(entity)
    out.add(iri, RDF.type, CLASS[entity.kind])
    out.add(iri, RDFS.label, text_literal(entity.label))
    for alt in entity.alt_labels:
        out.add(iri, SKOS.altLabel, text_literal(alt))
    family = family_label(entity.label) if entity.group == "model" else None
    if family:
        fam = iris.mint("family", family.lower(), family)
        out.add(fam, RDF.type, MLKG.ModelFamily)
        out.add(fam, RDFS.label, Literal(family))
        out.add(iri, MLKG.inFamily, fam)


def _emit_fact(out: _Emitter, fact: Fact, s: URIRef, o: URIRef) -> None:
    pred = PREDICATE[fact.predicate]
    out.add(s, pred, o)
    if fact.predicate in DERIVATION_KINDS:
        out.add(s, MLKG.derivedFrom, o)
    rec = iris.record(fact.record.file, fact.record.index)
    quote = collapse_ws(fact.quote)
    ev = iris.evidence(str(s), str(pred), str(o), str(rec), quote, fact.extractor)
    out.add(ev, RDF.type, MLKG.Evidence)
    out.add(ev, RDF.subject, s)
    out.add(ev, RDF.predicate, pred)
    out.add(ev, RDF.object, o)
    out.add(ev, MLKG.quote, text_literal(quote))
    out.add(ev, MLKG.source, rec)
    out.add(ev, MLKG.confidence, Literal(Decimal(str(round(fact.confidence, 3))), datatype=XSD.decimal))
    out.add(ev, PROV.wasGeneratedBy, iris.extractor(fact.extractor))
    if fact.position is not None:
        out.add(ev, MLKG.position, Literal(fact.position))


def iter_ntriples(triples: Iterable[Triple]) -> Iterator[str]:
    """N-Triples lines in sorted order, so the same input always gives the same store and exports."""
    from rdflib.plugins.serializers.nt import _nt_row

    yield from sorted(_nt_row(t) for t in triples)
