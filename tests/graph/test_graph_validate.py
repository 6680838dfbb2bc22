"""kg validate on hand-made graphs: each shape catches its breakage, on the right node, in one readable line.

(The example corpus conforming, and the four breakages the issue names one by one through the
real command: tests/graph/test_validate.py.)
"""

from __future__ import annotations

from decimal import Decimal

import pytest
import rdflib
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg.graph.build import iter_ntriples
from kg.graph.store import Store
from kg.graph.validate import validate
from kg.vocab import MLKG

ID = "https://w3id.org/mlkg/id/"
PAPER, PERSON = URIRef(ID + "paper/p"), URIRef(ID + "person/a")
CHILD, PARENT = URIRef(ID + "model/child"), URIRef(ID + "model/parent")
RECORD, EXTRACTOR = URIRef(ID + "record/r/1"), URIRef(ID + "extractor/x/1")


def evidence(n: str, s, p, o, confidence="0.9") -> list[tuple]:
    ev = URIRef(ID + "evidence/" + n)
    return [(ev, RDF.type, MLKG.Evidence), (ev, RDF.subject, s), (ev, RDF.predicate, p), (ev, RDF.object, o),
            (ev, MLKG.quote, Literal("a sentence")), (ev, MLKG.source, RECORD),
            (ev, MLKG.confidence, Literal(Decimal(confidence), datatype=rdflib.XSD.decimal)),
            (ev, PROV.wasGeneratedBy, EXTRACTOR)]


def good() -> Graph:
    """The smallest graph with one of everything kg writes."""
    g = Graph()
    for t in [
        (PAPER, RDF.type, MLKG.Paper), (PAPER, RDFS.label, Literal("A paper")),
        (PERSON, RDF.type, MLKG.Person), (PERSON, RDFS.label, Literal("Ada")),
        (PERSON, MLKG.wrote, PAPER), *evidence("w", PERSON, MLKG.wrote, PAPER),
        (CHILD, RDF.type, MLKG.Model), (CHILD, RDFS.label, Literal("Child-8B")),
        (PARENT, RDF.type, MLKG.Model), (PARENT, RDFS.label, Literal("Parent-12B")),
        (PAPER, MLKG.introduces, CHILD), *evidence("i", PAPER, MLKG.introduces, CHILD),
        (CHILD, MLKG.prunedFrom, PARENT), (CHILD, MLKG.derivedFrom, PARENT),
        *evidence("d", CHILD, MLKG.prunedFrom, PARENT),
        (RECORD, RDF.type, MLKG.Record), (RECORD, MLKG.file, Literal("listing.txt")),
        (RECORD, MLKG.index, Literal(1)), (RECORD, MLKG.about, PAPER),
        (EXTRACTOR, RDF.type, MLKG.Extractor), (EXTRACTOR, MLKG.version, Literal("1")),
    ]:
        g.add(t)
    return g


def test_the_hand_made_graph_conforms():
    assert validate(good()) == []


BROKEN = {
    "a paper with two labels": (
        lambda g: g.add((PAPER, RDFS.label, Literal("Another title"))),
        str(PAPER), "rdf-schema#label", "exactly one label"),
    "evidence with confidence 1.5": (
        lambda g: g.set((URIRef(ID + "evidence/w"), MLKG.confidence, Literal(Decimal("1.5"), datatype=rdflib.XSD.decimal))),
        ID + "evidence/w", "confidence", "in [0, 1]"),
    "a record about nothing": (
        lambda g: g.remove((RECORD, MLKG.about, None)),
        str(RECORD), "about", "about exactly one paper"),
    "a derivation without mlkg:derivedFrom": (
        lambda g: g.remove((CHILD, MLKG.derivedFrom, PARENT)),
        str(CHILD), None, "also asserted with mlkg:derivedFrom"),
    "a fact without evidence": (
        lambda g: g.add((PAPER, MLKG.uses, PARENT)),
        str(PAPER), None, "at least one evidence node"),
    "an absolute record path": (
        lambda g: g.set((RECORD, MLKG.file, Literal("/home/me/listing.txt"))),
        str(RECORD), "file", "a relative path"),
    "an arXiv id with a version": (
        lambda g: g.add((PAPER, MLKG.arxivId, Literal("2402.16819v2 [/x] :label:"))),
        str(PAPER), "arxivId", "versionless"),
    "a date that is not an xsd:date": (
        lambda g: g.add((PAPER, URIRef("http://purl.org/dc/terms/date"), Literal("March 2024"))),
        str(PAPER), "date", "xsd:date"),
    "a model derived from a paper": (
        lambda g: [g.add((CHILD, MLKG.basedOn, PAPER)), g.add((CHILD, MLKG.derivedFrom, PAPER))],
        str(CHILD), "derivedFrom", "links two models"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_kind_of_breakage_is_reported_on_its_node(case):
    g = good()
    breaker, focus, path, message = BROKEN[case]
    breaker(g)
    found = validate(g)
    assert any(v.focus == focus and message in v.message and (path is None or path in (v.path or ""))
               for v in found), [str(v) for v in found]


def test_every_breakage_at_once_is_every_violation_reported(tmp_path, kg_cli):
    g = good()
    for breaker, *_ in BROKEN.values():
        breaker(g)
    found = validate(g)
    for case, (_, focus, _path, message) in BROKEN.items():
        assert any(v.focus == focus and message in v.message for v in found), case

    store = Store(tmp_path / "broken")
    store.write(iter_ntriples(g), [], {})
    proc = kg_cli("validate", "--store", store.path)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip() == f"error: {len(found)} SHACL violation(s)"
    printed = proc.stdout.strip().splitlines()
    assert printed == [str(v) for v in found]  # one readable line per violation
    assert any(line.startswith(f"{PAPER} rdfs:label: A paper has exactly one label") for line in printed)
    # values are printed as they are, never read as rich markup or emoji codes
    assert any(line.startswith(f"{PAPER} mlkg:arxivId = 2402.16819v2 [/x] :label:: ") for line in printed)
    for case, (_, focus, _path, message) in BROKEN.items():
        assert any(line.startswith(focus) and message in line for line in printed), case


def test_kg_validate_limits_what_it_prints(tmp_path, kg_cli):
    g = good()
    for breaker, *_ in BROKEN.values():
        breaker(g)
    store = Store(tmp_path / "broken")
    store.write(iter_ntriples(g), [], {})
    proc = kg_cli("validate", "--store", store.path, "--limit", "2")
    lines = proc.stdout.strip().splitlines()
    assert proc.returncode == 1 and len(lines) == 3 and lines[-1].startswith("... and ")
