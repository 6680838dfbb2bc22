"""What a build of the example corpus holds: every fact with its evidence, as the contract says."""

from __future__ import annotations

from collections import defaultdict

import pyoxigraph
import pytest
from rdflib import RDF, BNode, Literal, URIRef
from rdflib.namespace import PROV

from kg.extract.fact import collapse_ws
from kg.graph.iris import BASE
from kg.vocab import MLKG

KINDS = [MLKG.finetunedFrom, MLKG.prunedFrom, MLKG.distilledFrom, MLKG.upcycledFrom,
         MLKG.continuedPretrainingFrom, MLKG.contextExtendedFrom, MLKG.alignedFrom,
         MLKG.quantizedFrom, MLKG.mergedFrom, MLKG.basedOn]
XSD_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")
XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")
FACTS = [MLKG.wrote, MLKG.introduces, MLKG.uses, MLKG.derivedFrom]


@pytest.fixture(scope="module")
def evidence_of(graph):
    """(subject, predicate, object) -> the evidence nodes that reify it."""
    out = defaultdict(list)
    for ev in graph.subjects(RDF.type, MLKG.Evidence):
        out[(graph.value(ev, RDF.subject), graph.value(ev, RDF.predicate), graph.value(ev, RDF.object))].append(ev)
    return out


def one(graph, s, p):
    values = list(graph.objects(s, p))
    assert len(values) == 1, f"{s} has {len(values)} {p}"
    return values[0]


@pytest.mark.parametrize("predicate", FACTS, ids=lambda p: p.fragment)
def test_the_corpus_has_facts_of_each_kind(graph, predicate):
    assert len(list(graph.subject_objects(predicate))) >= 5


@pytest.mark.parametrize("predicate", FACTS + KINDS, ids=lambda p: p.fragment)
def test_every_fact_has_evidence(graph, evidence_of, predicate):
    missing = []
    for s, o in graph.subject_objects(predicate):
        if predicate == MLKG.derivedFrom:  # stated by the evidence of its specific kind
            found = any(evidence_of.get((s, k, o)) for k in KINDS if (s, k, o) in graph)
        else:
            found = bool(evidence_of.get((s, predicate, o)))
        if not found:
            missing.append((s, o))
    assert not missing, f"{len(missing)} {predicate.fragment} facts without evidence, e.g. {missing[:3]}"


def test_every_evidence_node_is_complete_and_its_quote_is_in_its_record(graph, evidence_of):
    checked = 0
    for (s, p, o), nodes in evidence_of.items():
        assert p in FACTS + KINDS and p != MLKG.derivedFrom, p
        assert (s, p, o) in graph, f"evidence for a triple the graph does not hold: {s} {p} {o}"
        for ev in nodes:
            quote = one(graph, ev, MLKG.quote)
            assert isinstance(quote, Literal) and str(quote).strip()
            record = one(graph, ev, MLKG.source)
            assert (record, RDF.type, MLKG.Record) in graph
            file = str(one(graph, record, MLKG.file))
            assert file and "/" not in file and "\\" not in file
            index = one(graph, record, MLKG.index)
            assert index.datatype == XSD_INTEGER and index.toPython() >= 1
            assert (one(graph, record, MLKG.about), RDF.type, MLKG.Paper) in graph
            text = str(one(graph, record, MLKG.text))
            assert collapse_ws(str(quote)) in collapse_ws(text), (ev, str(quote))
            confidence = one(graph, ev, MLKG.confidence)
            assert confidence.datatype == XSD_DECIMAL and 0 <= confidence.toPython() <= 1
            extractor = one(graph, ev, PROV.wasGeneratedBy)
            assert (extractor, RDF.type, MLKG.Extractor) in graph
            assert str(one(graph, extractor, MLKG.version))
            checked += 1
    assert checked >= len(list(graph.subject_objects(MLKG.wrote)))


def test_every_specific_derivation_is_also_a_derivedfrom(graph):
    seen = 0
    for kind in KINDS:
        for s, o in graph.subject_objects(kind):
            assert (s, MLKG.derivedFrom, o) in graph, f"{s} {kind.fragment} {o} without mlkg:derivedFrom"
            seen += 1
    assert seen >= 5


def test_every_minted_iri_is_valid_and_https(graph):
    minted = set()
    for s, _p, o in graph:
        assert not isinstance(s, BNode), f"blank node subject {s}"
        minted.add(s)
        if isinstance(o, URIRef) and str(o).startswith(BASE):
            minted.add(o)
    assert len(minted) > 1000
    for iri in minted:
        assert str(iri).startswith(BASE) and str(iri).startswith("https://"), iri
        pyoxigraph.NamedNode(str(iri))  # strict parser: raises ValueError on an invalid IRI
