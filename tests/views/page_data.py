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


def synthetic_triples(n_nodes: int, seed: int = 1):
    """A graph shaped like a real listing: a few prolific authors and famous papers, many one-paper authors.

    One paper per 8 nodes; the rest are people (60%), models (20%) and techniques
    (20%). People write 1-3 papers, models are introduced by one paper (10% are
    fine-tuned from an earlier model), techniques are used by 1-3 papers; papers
    are picked with Zipf-like popularity, as citations and co-authorship are.
    """
    import random
    from itertools import accumulate

    rng = random.Random(seed)
    papers = max(1, n_nodes // 8)
    weights = list(accumulate(1 / (j + 1) ** 0.8 for j in range(papers)))

    def some_papers(k):
        return {f"{ID}paper/x{j}" for j in rng.choices(range(papers), cum_weights=weights, k=k)}

    t, models = [], []
    for i in range(n_nodes):
        if i < papers:
            kind = "paper"
        else:
            r = rng.random()
            kind = "person" if r < 0.6 else "model" if r < 0.8 else "technique"
        node = URIRef(f"{ID}{kind}/x{i}")
        cls = {"paper": MLKG.Paper, "person": MLKG.Person, "model": MLKG.Model, "technique": MLKG.Technique}[kind]
        t += [(node, RDF.type, cls), (node, RDFS.label, Literal(f"{kind} {i}"))]
        if kind == "person":
            t += [(node, MLKG.wrote, URIRef(p)) for p in some_papers(rng.choices((1, 2, 3), (7, 2, 1))[0])]
        elif kind == "model":
            t += [(URIRef(p), MLKG.introduces, node) for p in some_papers(1)]
            if models and rng.random() < 0.1:
                parent = rng.choice(models)
                t += [(node, MLKG.finetunedFrom, parent), (node, MLKG.derivedFrom, parent)]
            models.append(node)
        elif kind == "technique":
            t += [(URIRef(p), MLKG.uses, node) for p in some_papers(rng.randint(1, 3))]
    return t
