"""Graphs for the page tests, as triples: hostile strings in every sink, and a large synthetic graph."""

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS, XSD

from kg.vocab import MLKG


ID = "https://w3id.org/mlkg/id/"

# Strings that would run, or look like something else, if a page treated them as markup.
PROBES = [
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(2)</script>",
    "\"'><svg onload=alert(3)>",
    "Bob &amp; Alice & <b onmouseover=alert(4)>Mallory</b>",
    "<!-- <script>alert(5)</script>",
    '<a href="javascript:alert(9)">a title with href</a>',  # pyvis switches every tooltip to innerHTML on "href"
]


def nt(triples):
    """N-Triples lines, each term escaped by rdflib."""
    return [f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in triples]


def hostile_triples():
    """Every sink a page has: titles, names, alternative names, quotes, record files, IRIs, arXiv ids."""
    t = []
    paper = URIRef(ID + "paper/p1'&x=y")  # quote and ampersand: valid in an IRI, special in HTML
    t += [(paper, RDF.type, MLKG.Paper), (paper, RDFS.label, Literal(PROBES[0])),
          (paper, DCTERMS.title, Literal(PROBES[0])), (paper, MLKG.arxivId, Literal("javascript:alert(6)")),
          (paper, DCTERMS.date, Literal("2025-01-01", datatype=XSD.date))]
    good = URIRef(ID + "paper/p2")
    t += [(good, RDF.type, MLKG.Paper), (good, RDFS.label, Literal("A fine paper")),
          (good, MLKG.arxivId, Literal("2407.14679"))]
    people = []
    for i, probe in enumerate(PROBES):
        person = URIRef(f"{ID}person/p{i}")
        people.append(person)
        t += [(person, RDF.type, MLKG.Person), (person, RDFS.label, Literal(probe)),
              (person, MLKG.wrote, paper)]
    t.append((people[0], SKOS.altLabel, Literal("spoof\u202etxet\u200b")))
    models = [URIRef(f"{ID}model/m{i}") for i in range(3)]
    for m, probe in zip(models, [PROBES[0], PROBES[1], "Safe-7B"]):
        t += [(m, RDF.type, MLKG.Model), (m, RDFS.label, Literal(probe)), (paper, MLKG.introduces, m)]
    t.append((models[0], SKOS.altLabel, Literal(PROBES[2])))
    for n, (child, prop, parent) in enumerate([(models[0], MLKG.prunedFrom, models[1]),
                                               (models[2], MLKG.finetunedFrom, models[0])]):
        ev, rec = URIRef(f"{ID}evidence/e{n}"), URIRef(f"{ID}record/r{n}")
        t += [(child, prop, parent), (child, MLKG.derivedFrom, parent),
              (ev, RDF.type, MLKG.Evidence), (ev, RDF.subject, child), (ev, RDF.predicate, prop),
              (ev, RDF.object, parent), (ev, MLKG.quote, Literal(PROBES[3 + n] + " \u2028 " + PROBES[1])),
              (ev, MLKG.source, rec), (ev, MLKG.confidence, Literal("0.9", datatype=XSD.decimal)),
              (rec, RDF.type, MLKG.Record), (rec, MLKG.file, Literal(PROBES[0] + ".txt")),
              (rec, MLKG.index, Literal(n + 1)), (rec, MLKG.about, good if n else paper)]
    return t


def synthetic_triples(n_nodes: int):
    """A graph shaped like ours: papers, people who wrote them, models they introduce."""
    t = []
    papers = max(1, n_nodes // 6)
    for i in range(n_nodes):
        kind = "paper" if i < papers else ("person" if i % 3 else "model")
        node = URIRef(f"{ID}{kind}/x{i}")
        t += [(node, RDF.type, {"paper": MLKG.Paper, "person": MLKG.Person, "model": MLKG.Model}[kind]),
              (node, RDFS.label, Literal(f"{kind} {i}"))]
        if i >= papers:
            for j in {i % papers, (i * 7) % papers}:
                p = URIRef(f"{ID}paper/x{j}")
                t.append((node, MLKG.wrote, p) if kind == "person" else (p, MLKG.introduces, node))
    return t
