"""A small graph with hostile strings in every sink an export has, and a store made of it."""

from pathlib import Path

import pyoxigraph as ox

from kg.graph.store import Store

ID = "https://w3id.org/mlkg/id/"
MLKG = "https://w3id.org/mlkg/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"

CONTROL = "bell\x07 one\x01 form\x0c feed"
MARKUP = '<b onmouseover="alert(1)">&amp; Bob & \'Alice\'</b>'
BIDI = "spoof\u202etxet\u200b"
LONG = "long " + "x" * 200_000
FORMULA = "=HYPERLINK(\"http://evil.example\")"
MULTILINE = "first line\nsecond line\r\nthird"
ALIASES = ["A|B", "C;D", "E,F", "plain"]


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri if "://" in iri else ID + iri)


def _lit(value, datatype: str | None = None, language: str | None = None) -> ox.Literal:
    if language:
        return ox.Literal(value, language=language)
    return ox.Literal(value, datatype=ox.NamedNode(XSD + datatype)) if datatype else ox.Literal(value)


def hostile_triples() -> list[ox.Triple]:
    """Papers, people, models, a dual-typed benchmark and facts with evidence, with hostile text everywhere."""
    t = []

    def add(s, p, o):
        t.append(ox.Triple(_n(s), _n(p), o))

    paper, paper2 = "paper/p1'&x=y", "paper/p2"
    add(paper, RDF + "type", _n(MLKG + "Paper"))
    add(paper, RDFS + "label", _lit(MARKUP))
    add(paper, DCT + "date", _lit("2024-02-29", "date"))
    add(paper, MLKG + "arxivId", _lit("2402.00001"))
    add(paper, DCT + "abstract", _lit(LONG))
    add(paper2, RDF + "type", _n(MLKG + "Paper"))
    add(paper2, RDFS + "label", _lit(MULTILINE))
    add(paper2, DCT + "date", _lit("2024", "date"))  # not a full date: Neo4j's date type would refuse it
    for i, name in enumerate([CONTROL, FORMULA, BIDI]):
        person = f"person/p{i}"
        add(person, RDF + "type", _n(MLKG + "Person"))
        add(person, RDFS + "label", _lit(name))
        add(person, MLKG + "wrote", _n(paper))
    add("person/p0", SKOS + "altLabel", _lit("Bell, One", language="en"))
    models = [f"model/m{i}" for i in range(4)]
    for m, label in zip(models, [CONTROL, MARKUP, "Safe-7B", "Lonely-1B"]):
        add(m, RDF + "type", _n(MLKG + "Model"))
        add(m, RDFS + "label", _lit(label))
        add(paper, MLKG + "introduces", _n(m))
    for alias in ALIASES:
        add(models[0], SKOS + "altLabel", _lit(alias))
    add(models[0], MLKG + "parameterCount", _lit("7000000000", "decimal"))
    add(models[1], MLKG + "parameterCount", _lit("1.5E9", "decimal"))  # ill-typed: kept as it is
    bench = "technique/bench"
    add(bench, RDF + "type", _n(MLKG + "Dataset"))
    add(bench, RDF + "type", _n(MLKG + "Benchmark"))
    add(bench, RDFS + "label", _lit(BIDI))
    add(paper2, MLKG + "uses", _n(bench))
    add(models[3], MLKG + "derivedFrom", _n(models[2]))  # a derivation of no specific kind
    facts = [(models[0], "prunedFrom", models[1], [("0.9", MARKUP), ("0.95", CONTROL + " " + LONG[:300])]),
             (models[2], "finetunedFrom", models[0], [("0.8", MULTILINE)])]
    for n, (child, prop, parent, quotes) in enumerate(facts):
        add(child, MLKG + prop, _n(parent))
        add(child, MLKG + "derivedFrom", _n(parent))
        for k, (conf, quote) in enumerate(quotes):
            ev, rec = f"evidence/e{n}-{k}", f"record/r{n}-{k}"
            add(ev, RDF + "type", _n(MLKG + "Evidence"))
            add(ev, RDF + "subject", _n(child))
            add(ev, RDF + "predicate", _n(MLKG + prop))
            add(ev, RDF + "object", _n(parent))
            add(ev, MLKG + "quote", _lit(quote))
            add(ev, MLKG + "confidence", _lit(conf, "decimal"))
            add(ev, MLKG + "source", _n(rec))
            add(rec, RDF + "type", _n(MLKG + "Record"))
            add(rec, MLKG + "file", _lit(MARKUP + ".txt"))
            add(rec, MLKG + "index", _lit(str(k + 1), "integer"))
            add(rec, MLKG + "about", _n(paper))
    return t


def write_store(path, triples) -> Path:
    Store(path).write(sorted(f"{t} .\n" for t in triples), [], {})
    return path
