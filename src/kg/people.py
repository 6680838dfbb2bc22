"""Look people up in a built graph by any spelling: their papers, spellings and coauthors."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, URIRef

from kg.graph.store import PREFIXES as _PREFIXES
from kg.queries.run import select_plain

PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in _PREFIXES.items())


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
    """People whose name or any spelling matches ``name`` (case, accents and spacing folded).

    Each lookup is one query, not one per person and name: the graph may be a SPARQL endpoint
    (``--endpoint``), where every query is a request."""
    wanted = _key(name)
    hits = {person for person, n in select_plain(graph, PREFIXES + """
        SELECT ?p ?n WHERE { ?p a mlkg:Person . ?p rdfs:label|skos:altLabel ?n }""")
            if isinstance(person, URIRef) and _key(str(n)) == wanted}
    return sorted(hits)


def suggestions(graph: Graph, name: str, limit: int = 5) -> list[str]:
    """Close spellings, for "did you mean" when nobody matches."""
    from rapidfuzz import fuzz, process

    labels = {str(n) for (n,) in select_plain(graph, PREFIXES + "SELECT ?n WHERE { ?p a mlkg:Person ; rdfs:label ?n }")}
    return [m for m, score, _ in process.extract(name, labels, scorer=fuzz.WRatio, limit=limit) if score >= 70]


def person_view(graph: Graph, person: URIRef) -> PersonView:
    """A person's name, spellings, papers (newest first) and coauthors (most shared papers first)."""
    me = f"VALUES ?person {{ {person.n3()} }}"
    label = select_plain(graph, PREFIXES + f"SELECT ?l WHERE {{ {me} ?person rdfs:label ?l }} LIMIT 1")
    alts = select_plain(graph, PREFIXES + f"SELECT ?a WHERE {{ {me} ?person skos:altLabel ?a }}")
    view = PersonView(person, str(label[0][0]) if label else str(person), sorted(str(a) for (a,) in alts))
    for paper, title, date in select_plain(graph, PREFIXES + f"""
            SELECT ?paper (SAMPLE(?t) AS ?title) (SAMPLE(?d) AS ?date) WHERE {{ {me}
              ?person mlkg:wrote ?paper .
              OPTIONAL {{ ?paper rdfs:label ?t }} OPTIONAL {{ ?paper dcterms:date ?d }}
            }} GROUP BY ?paper"""):
        view.papers.append((str(paper) if title is None else str(title), None if date is None else str(date)))
    view.papers.sort(key=lambda p: (p[1] or "", p[0]), reverse=True)
    view.coauthors = sorted(((str(other) if name is None else str(name), int(n)) for other, name, n in select_plain(
        graph, PREFIXES + f"""
            SELECT ?other (SAMPLE(?l) AS ?name) (COUNT(DISTINCT ?paper) AS ?n) WHERE {{ {me}
              ?person mlkg:wrote ?paper . ?other mlkg:wrote ?paper ; a mlkg:Person .
              FILTER(?other != ?person)
              OPTIONAL {{ ?other rdfs:label ?l }}
            }} GROUP BY ?other""")), key=lambda c: (-c[1], c[0]))
    return view
