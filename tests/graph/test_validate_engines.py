"""The two engines of `kg validate` report the same violations.

The SPARQL engine (kg.graph.shacl_sparql) turns shapes.ttl into queries; pySHACL reads the
shapes themselves. Here a hand-made graph is seeded with one breakage per constraint of
every shape (a test checks that every constraint is broken at least once), and both engines
must give the same list: focus node, path, value, message and shape.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
import rdflib
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SH
from test_graph_validate import CHILD, EXTRACTOR, ID, PAPER, PARENT, PERSON, RECORD, evidence, good

from kg.graph.shacl_sparql import Unsupported, checks, run_checks
from kg.graph.validate import shapes_graph, shapes_text, validate, validate_pyshacl
from kg.vocab import MLKG

PAPER2 = URIRef(ID + "paper/q")
ORG, TECH = URIRef(ID + "organization/o"), URIRef(ID + "technique/t")
FAMILY = URIRef(ID + "family/f")


def ev(name: str) -> URIRef:
    return URIRef(ID + "evidence/" + name)


def with_evidence(g: Graph, name: str) -> URIRef:
    """A fresh, well-formed evidence node for PERSON wrote PAPER, to be broken by the caller."""
    for t in evidence(name, PERSON, MLKG.wrote, PAPER):
        g.add(t)
    return ev(name)


def _d(value: str) -> Literal:
    return Literal(Decimal(value), datatype=XSD.decimal)


# (shape, path or None, component) -> a breakage of good()
SEEDS = {
    ("Agent", None, "or"): lambda g: [g.add((CHILD, MLKG.wrote, PAPER))],
    ("Agent", "wrote", "class"): lambda g: [g.add((PERSON, MLKG.wrote, CHILD))],
    ("Derivation", None, "class"): lambda g: [g.add((PAPER, MLKG.derivedFrom, PARENT))],
    ("Derivation", "derivedFrom", "class"): lambda g: [g.add((CHILD, MLKG.derivedFrom, PAPER))],
    ("Evidence", "subject", "count"): lambda g: [g.remove((with_evidence(g, "e1"), RDF.subject, None))],
    ("Evidence", "predicate", "count"): lambda g: [g.add((with_evidence(g, "e2"), RDF.predicate, MLKG.uses))],
    ("Evidence", "predicate", "in"): lambda g: [g.set((with_evidence(g, "e3"), RDF.predicate, RDFS.label))],
    ("Evidence", "object", "count"): lambda g: [g.add((with_evidence(g, "e4"), RDF.object, PAPER2))],
    ("Evidence", "quote", "count"): lambda g: [g.remove((with_evidence(g, "e5"), MLKG.quote, None))],
    ("Evidence", "quote", "datatype"): lambda g: [g.set((with_evidence(g, "e6"), MLKG.quote, Literal("a line", lang="en")))],
    ("Evidence", "quote", "minLength"): lambda g: [g.set((with_evidence(g, "e7"), MLKG.quote, Literal("")))],
    ("Evidence", "source", "count"): lambda g: [g.add((with_evidence(g, "e8"), MLKG.source, URIRef(ID + "record/r/2")))],
    ("Evidence", "source", "class"): lambda g: [g.set((with_evidence(g, "e9"), MLKG.source, PAPER))],
    ("Evidence", "confidence", "count"): lambda g: [g.remove((with_evidence(g, "e10"), MLKG.confidence, None))],
    ("Evidence", "confidence", "datatype"): lambda g: [g.set((with_evidence(g, "e11"), MLKG.confidence, Literal("0.5")))],
    ("Evidence", "confidence", "minInclusive"): lambda g: [g.set((with_evidence(g, "e12"), MLKG.confidence, _d("-0.25")))],
    ("Evidence", "confidence", "maxInclusive"): lambda g: [g.set((with_evidence(g, "e13"), MLKG.confidence, _d("1.5")))],
    ("Evidence", "wasGeneratedBy", "count"): lambda g: [g.add((with_evidence(g, "e14"), PROV.wasGeneratedBy, URIRef(ID + "extractor/y/1")))],
    ("Evidence", "wasGeneratedBy", "class"): lambda g: [g.set((with_evidence(g, "e15"), PROV.wasGeneratedBy, PERSON))],
    ("Extractor", "version", "count"): lambda g: [g.remove((EXTRACTOR, MLKG.version, None))],
    ("Extractor", "version", "datatype"): lambda g: [g.set((EXTRACTOR, MLKG.version, Literal(2)))],
    ("Fact", None, "sparql"): lambda g: [g.add((PAPER, MLKG.uses, TECH)), g.add((TECH, RDF.type, MLKG.Technique)),
                                         g.add((TECH, RDFS.label, Literal("a technique")))],
    ("Model", "label", "count"): lambda g: [g.add((CHILD, RDFS.label, Literal("Child-8B-v2")))],
    ("Model", "parameterCount", "count"): lambda g: [g.add((CHILD, MLKG.parameterCount, _d("8000000000"))),
                                                     g.add((CHILD, MLKG.parameterCount, _d("80000000000")))],
    ("Model", "parameterCount", "datatype"): lambda g: [g.add((PARENT, MLKG.parameterCount, Literal("12B")))],
    ("Model", "parameterCount", "minExclusive"): lambda g: [g.add((PARENT, MLKG.parameterCount, _d("0")))],
    ("Model", "inFamily", "class"): lambda g: [g.add((CHILD, MLKG.inFamily, FAMILY))],
    ("Model", "hfId", "count"): lambda g: [g.add((CHILD, MLKG.hfId, Literal("kelp-lab/Child-8B"))),
                                           g.add((CHILD, MLKG.hfId, Literal("kelp-lab/Child-8B-v2")))],
    ("Model", "hfId", "datatype"): lambda g: [g.add((PARENT, MLKG.hfId, Literal(8)))],
    ("Model", "hfId", "pattern"): lambda g: [g.add((PARENT, MLKG.hfId, Literal("kelp lab / Parent 12B")))],
    ("Model", "describedIn", "class"): lambda g: [g.add((CHILD, MLKG.describedIn, PERSON))],
    ("Model", "trainedOn", "or"): lambda g: [g.add((CHILD, MLKG.trainedOn, PAPER))],
    ("Organization", "label", "count"): lambda g: [g.add((ORG, RDF.type, MLKG.Organization))],
    ("Paper", "label", "count"): lambda g: [g.add((PAPER, RDFS.label, Literal("Another title")))],
    ("Paper", "label", "datatype"): lambda g: [g.add((PAPER2, RDF.type, MLKG.Paper)),
                                               g.add((PAPER2, RDFS.label, Literal("Un titre", lang="fr")))],
    ("Paper", "title", "count"): lambda g: [g.add((PAPER, DCTERMS.title, Literal("One"))),
                                            g.add((PAPER, DCTERMS.title, Literal("Two")))],
    ("Paper", "title", "datatype"): lambda g: [g.add((PAPER, DCTERMS.title, Literal(42)))],
    ("Paper", "date", "count"): lambda g: [g.add((PAPER, DCTERMS.date, Literal("2024-03-01", datatype=XSD.date))),
                                           g.add((PAPER, DCTERMS.date, Literal("2024-03-02", datatype=XSD.date)))],
    # a plain string, and a date whose lexical form is no date (ill-typed): both break sh:datatype
    ("Paper", "date", "datatype"): lambda g: [g.add((PAPER2, DCTERMS.date, Literal("March 2024"))),
                                              g.add((PAPER2, RDF.type, MLKG.Paper)),
                                              g.add((PAPER2, RDFS.label, Literal("Q"))),
                                              g.add((PAPER, DCTERMS.date, Literal("2024-13-45", datatype=XSD.date)))],
    ("Paper", "arxivId", "count"): lambda g: [g.add((PAPER, MLKG.arxivId, Literal("2402.16819"))),
                                              g.add((PAPER, MLKG.arxivId, Literal("2402.16820")))],
    ("Paper", "arxivId", "datatype"): lambda g: [g.add((PAPER, MLKG.arxivId, Literal(2402)))],
    ("Paper", "arxivId", "pattern"): lambda g: [g.add((PAPER, MLKG.arxivId, Literal("2402.16819v2 [/x] :label:")))],
    ("Paper", "introduces", "or"): lambda g: [g.add((PAPER, MLKG.introduces, PERSON))],
    ("Paper", "uses", "or"): lambda g: [g.add((PAPER, MLKG.uses, CHILD))],
    ("Person", "label", "count"): lambda g: [g.remove((PERSON, RDFS.label, None))],
    ("Record", "about", "count"): lambda g: [g.remove((RECORD, MLKG.about, None))],
    ("Record", "about", "or"): lambda g: [g.set((RECORD, MLKG.about, PERSON))],
    ("Record", "file", "count"): lambda g: [g.add((RECORD, MLKG.file, Literal("other.txt")))],
    ("Record", "file", "datatype"): lambda g: [g.set((RECORD, MLKG.file, Literal(7)))],
    ("Record", "file", "pattern"): lambda g: [g.set((RECORD, MLKG.file, Literal("/home/me/listing.txt")))],
    ("Record", "index", "count"): lambda g: [g.remove((RECORD, MLKG.index, None))],
    ("Record", "index", "datatype"): lambda g: [g.set((RECORD, MLKG.index, Literal("1")))],
    ("Record", "index", "minInclusive"): lambda g: [g.set((RECORD, MLKG.index, Literal(0)))],
    ("SpecificDerivation", None, "sparql"): lambda g: [g.remove((CHILD, MLKG.derivedFrom, PARENT))],
    ("Technique", "label", "count"): lambda g: [g.add((TECH, RDF.type, MLKG.Dataset))],
}


def _local(iri: str | None) -> str | None:
    return None if iri is None else iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _key(check) -> tuple:
    return (_local(check.shape), _local(check.path), check.component)


def _fired(g: Graph) -> set[tuple]:
    from kg.graph.validate import _oxigraph

    return {_key(check) for check, *_ in run_checks(_oxigraph(g), shapes_text())}


def test_every_constraint_of_the_shapes_becomes_a_query():
    made = {_key(c) for c in checks(shapes_graph())}
    assert made == set(SEEDS), (sorted(made - set(SEEDS)), sorted(set(SEEDS) - made))


def test_every_constraint_has_a_message_so_both_engines_say_the_same_words():
    shapes = shapes_graph()
    for check in checks(shapes):
        assert check.message, _key(check)


@pytest.mark.parametrize("seed", sorted(SEEDS, key=str), ids=lambda k: "-".join(x or "node" for x in k))
def test_one_seeded_violation_same_report_from_both_engines(seed):
    g = good()
    SEEDS[seed](g)
    ours, reference = validate(g), validate_pyshacl(g)
    assert ours == reference
    assert seed in _fired(g)  # the breakage is caught by the query made for its constraint
    shape, path, _ = seed
    assert any(_local(v.shape) == shape and _local(v.path) == path for v in ours), [str(v) for v in ours]


def test_all_seeded_violations_at_once_same_report_from_both_engines():
    g = good()
    for seed in SEEDS.values():
        seed(g)
    ours = validate(g)
    assert ours == validate_pyshacl(g)
    # some breakages overwrite others (a record's one file); most constraints still fire at once
    assert len(_fired(g)) >= 0.8 * len(SEEDS) and len(ours) >= len(SEEDS)


def test_the_conforming_graph_is_clean_in_both():
    assert validate(good()) == validate_pyshacl(good()) == []


def test_class_membership_follows_subclasses_in_the_data_as_pyshacl_does():
    g = good()
    special = URIRef(ID + "class/SpecialPaper")
    g.add((special, RDFS.subClassOf, MLKG.Paper))
    g.add((PAPER2, RDF.type, special))  # a paper by subclass: targeted, and a valid object of sh:class Paper
    g.add((PAPER2, RDFS.label, Literal("Q")))
    g.add((PAPER2, RDFS.label, Literal("Q again")))  # ... and so its two labels are a violation
    ours = validate(g)
    assert ours == validate_pyshacl(g)
    assert [(v.focus, _local(v.path)) for v in ours] == [(str(PAPER2), "label")]


def test_a_shape_the_engine_cannot_read_is_refused_not_skipped():
    shapes = Graph().parse(data=shapes_text(), format="turtle")
    prop = rdflib.BNode()
    shapes.add((URIRef("https://w3id.org/mlkg/shapes#Paper"), SH.property, prop))
    shapes.add((prop, SH.path, MLKG.doi))
    shapes.add((prop, SH.uniqueLang, Literal(True)))
    with pytest.raises(Unsupported, match="uniqueLang"):
        checks(shapes)


def test_the_engines_agree_on_the_example_corpus(example_store):
    from kg.graph.store import Store

    store = Store(example_store)
    assert validate(store.oxigraph()) == validate(store.graph(), engine="pyshacl") == []


def test_an_unknown_engine_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown validation engine"):
        validate(good(), engine="fast")


@pytest.mark.slow
def test_the_engines_agree_on_a_synthetic_corpus(tmp_path):
    """The benchmark's generator (benchmarks/synth.py): a real build of invented papers, about
    50,000 triples (at 1,500 records both engines found the same 7 violations, docs/store.md)."""
    import sys
    from pathlib import Path

    import kg
    from kg.graph.store import Store

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    import synth

    synth.generate(400, tmp_path / "corpus")
    kg.build([tmp_path / "corpus"], store=tmp_path / "store")
    store = Store(tmp_path / "store")
    ours = validate(store.oxigraph())
    assert ours == validate(store.graph(), engine="pyshacl")
