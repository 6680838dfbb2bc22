"""Look people up in a built graph by any spelling: their papers, spellings and coauthors."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, SKOS

from kg.vocab import MLKG


@dataclass
class PersonView:
    iri: URIRef
    name: str
    spellings: list[str] = field(default_factory=list)
    papers: list[tuple[str, str | None]] = field(default_factory=list)
    """(title, date) newest first."""
    coauthors: list[tuple[str, int]] = field(default_factory=list)
    """(name, shared papers), most shared first."""


def _key(name: str) -> str:
    from kg.keys import name_key

    return name_key(name)


def find_people(graph: Graph, name: str) -> list[URIRef]:
    """People whose name or any spelling matches ``name`` (case, accents and spacing folded)."""
    wanted = _key(name)
    hits = set()
    for person in graph.subjects(RDF.type, MLKG.Person):
        names = list(graph.objects(person, RDFS.label)) + list(graph.objects(person, SKOS.altLabel))
        if any(_key(str(n)) == wanted for n in names):
            hits.add(person)
    return sorted(hits)


def suggestions(graph: Graph, name: str, limit: int = 5) -> list[str]:
    """Close spellings, for "did you mean" when nobody matches."""
    from rapidfuzz import fuzz, process

    labels = {str(o) for p in graph.subjects(RDF.type, MLKG.Person) for o in graph.objects(p, RDFS.label)}
    return [m for m, score, _ in process.extract(name, labels, scorer=fuzz.WRatio, limit=limit) if score >= 70]


def person_view(graph: Graph, person: URIRef) -> PersonView:
    name = str(graph.value(person, RDFS.label) or person)
    view = PersonView(person, name, sorted(str(s) for s in graph.objects(person, SKOS.altLabel)))
    shared: dict[URIRef, int] = {}
    for paper in graph.objects(person, MLKG.wrote):
        title = str(graph.value(paper, RDFS.label) or paper)
        date = graph.value(paper, DCTERMS.date)
        view.papers.append((title, str(date) if date else None))
        for other in graph.subjects(MLKG.wrote, paper):
            if other != person and (other, RDF.type, MLKG.Person) in graph:
                shared[other] = shared.get(other, 0) + 1
    view.papers.sort(key=lambda p: (p[1] or "", p[0]), reverse=True)
    view.coauthors = sorted(((str(graph.value(o, RDFS.label) or o), n) for o, n in shared.items()),
                            key=lambda c: (-c[1], c[0]))
    return view
