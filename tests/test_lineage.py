"""kg.lineage and kg lineage on a hand-made graph whose answers are known.

The graph (child <- parent, kind)::

    Base-70B <- Grand-1T (pruned, distilled)        an ancestor two steps up
    Mid-12B  <- Base-70B (pruned)
    Mid-12B  <- Other-8B (merged)                     a second parent
    Kid-4B   <- Mid-12B (quantized)
    Sib-9B   <- Base-70B (fine-tuned)                 a sibling: neither ancestor nor descendant
    Plain-1B <- Mid-12B (derivedFrom only)            no specific kind
    Twin-A / Twin-B: both also called "Twin"          an ambiguous name
"""

import subprocess
import sys

import pytest
from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import SKOS

from kg.graph.store import Store
from kg.lineage import (DERIVED, AmbiguousName, UnknownModel, derivations, evidence, find_entity, find_model,
                        lineage, names, spellings)
from kg.vocab import MLKG

ID = "https://w3id.org/mlkg/id/"


def iri(kind, name):
    return URIRef(f"{ID}{kind}/{name.lower()}")


def nt(*triples):
    return [f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in triples]


def derivation(child, prop, parent, quote, n):
    c, par = iri("model", child), iri("model", parent)
    ev, rec = iri("evidence", f"e{n}"), iri("record", f"r{n}")
    return [(c, prop, par), (c, MLKG.derivedFrom, par),
            (ev, RDF.type, MLKG.Evidence), (ev, RDF.subject, c), (ev, RDF.predicate, prop), (ev, RDF.object, par),
            (ev, MLKG.quote, Literal(quote)), (ev, MLKG.source, rec), (ev, MLKG.confidence, Literal(0.9)),
            (rec, RDF.type, MLKG.Record), (rec, MLKG.file, Literal("listing.txt")), (rec, MLKG.index, Literal(n))]


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    triples = []
    for name, alts in [("Grand-1T", []), ("Base-70B", ["Base 70B Model"]), ("Mid-12B", ["MidModel"]),
                       ("Other-8B", []), ("Kid-4B", []), ("Sib-9B", []), ("Plain-1B", []),
                       ("Twin-A", ["Twin"]), ("Twin-B", ["Twin"])]:
        m = iri("model", name)
        triples += [(m, RDF.type, MLKG.Model), (m, RDFS.label, Literal(name))]
        triples += [(m, SKOS.altLabel, Literal(a)) for a in alts]
    triples += derivation("Base-70B", MLKG.prunedFrom, "Grand-1T", "Base-70B is pruned from Grand-1T.", 1)
    triples += derivation("Base-70B", MLKG.distilledFrom, "Grand-1T", "Base-70B is pruned and distilled from Grand-1T.", 2)
    triples += derivation("Mid-12B", MLKG.prunedFrom, "Base-70B", "We prune Base-70B into Mid-12B.", 3)
    triples += derivation("Mid-12B", MLKG.mergedFrom, "Other-8B", "Mid-12B merges Other-8B.", 4)
    triples += derivation("Kid-4B", MLKG.quantizedFrom, "Mid-12B", "Kid-4B [is] a quantized Mid-12B.", 5)
    triples += derivation("Sib-9B", MLKG.finetunedFrom, "Base-70B", "Sib-9B is fine-tuned from Base-70B.", 6)
    triples.append((iri("model", "Plain-1B"), MLKG.derivedFrom, iri("model", "Mid-12B")))
    store = Store(tmp_path_factory.mktemp("lineage") / "store")
    store.write(nt(*triples), [], {})
    return store


def label_set(lin, nodes):
    return {lin.labels[n] for n in nodes}


@pytest.mark.parametrize("spelling", ["Mid-12B", "mid 12b", "MID_12B", "midmodel", "Mid 12 B"])
def test_any_spelling_finds_the_model(graph, spelling):
    assert find_model(graph.graph(), spelling) == iri("model", "Mid-12B")


def test_ambiguous_and_unknown_names_say_which(graph):
    g = graph.graph()
    with pytest.raises(AmbiguousName) as amb:
        find_model(g, "twin")
    assert amb.value.candidates == ["Twin-A", "Twin-B"]
    with pytest.raises(UnknownModel) as unknown:
        find_model(g, "Kid-5B")
    assert "Kid-4B" in str(unknown.value)  # the closest names are suggested


def test_ancestors_and_descendants_but_not_siblings(graph):
    g = graph.graph()
    lin = lineage(g, find_model(g, "Mid-12B"))
    assert label_set(lin, lin.ancestors) == {"Base-70B", "Grand-1T", "Other-8B"}
    assert label_set(lin, lin.descendants) == {"Kid-4B", "Plain-1B"}
    assert "Sib-9B" not in lin.labels.values()
    kinds = {(lin.labels[e.child], lin.labels[e.parent]): e.kinds for e in lin.edges}
    assert kinds[("Base-70B", "Grand-1T")] == ["pruned", "distilled"]
    assert kinds[("Mid-12B", "Other-8B")] == ["merged"]
    assert kinds[("Plain-1B", "Mid-12B")] == [DERIVED]  # derivedFrom alone is walked too


def test_each_edge_carries_its_evidence(graph):
    g = graph.graph()
    lin = lineage(g, find_model(g, "Base-70B"))
    edge = next(e for e in lin.edges if lin.labels[e.parent] == "Grand-1T")
    assert {(ev.kind, ev.quote) for ev in edge.evidence} == {
        ("pruned", "Base-70B is pruned from Grand-1T."),
        ("distilled", "Base-70B is pruned and distilled from Grand-1T.")}
    assert {ev.record for ev in edge.evidence} == {"listing.txt#1", "listing.txt#2"}
    assert lineage(g, find_model(g, "Base-70B"), depth=1).ancestors == {iri("model", "Grand-1T")}


def test_depth_bounds_the_walk(graph):
    g = graph.graph()
    lin = lineage(g, find_model(g, "Kid-4B"), depth=1)
    assert label_set(lin, lin.ancestors) == {"Mid-12B"}


def test_evidence_of_every_fact_in_one_query(graph):
    said = evidence(graph.graph())
    assert len(said) == 6 and all(evs and evs[0].quote for evs in said.values())


def test_names_and_find_entity_by_class(graph):
    table = names(graph.graph())
    assert table[iri("model", "Base-70B")][0] == "Base-70B"
    assert sorted(table[iri("model", "Base-70B")][1]) == ["Base 70B Model", "Base-70B"]
    assert find_entity(graph.graph(), "base 70b model", [MLKG.Model]) == iri("model", "Base-70B")


def test_derivations_of_some_children_or_of_all(graph):
    g = graph.graph()
    every = derivations(g)
    assert every[(iri("model", "Mid-12B"), iri("model", "Base-70B"))] == {MLKG.prunedFrom, MLKG.derivedFrom}
    assert every[(iri("model", "Plain-1B"), iri("model", "Mid-12B"))] == {MLKG.derivedFrom}
    assert len(every) == 6
    some = derivations(g, [iri("model", "Mid-12B"), iri("model", "Kid-4B")])
    assert some == {pair: props for pair, props in every.items()
                    if pair[0] in {iri("model", "Mid-12B"), iri("model", "Kid-4B")}}
    assert derivations(g, []) == {}


def test_spellings_of_one_entity(graph):
    assert sorted(spellings(graph.graph(), iri("model", "Base-70B"))) == ["Base 70B Model", "Base-70B"]
    assert spellings(graph.graph(), iri("model", "No-Such-1B")) == []


def kg_cli(*args):
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=120,
                          env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})


def test_cli_prints_the_tree_with_kinds_and_quotes(graph, tmp_path):
    done = kg_cli("lineage", "mid 12b", "--store", str(graph.path), "--html", str(tmp_path / "mid.html"))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Mid-12B"
    text = done.stdout
    assert "made from" in text and "used to make" in text
    assert "Base-70B  pruned" in text and "Grand-1T  pruned, distilled" in text and "Other-8B  merged" in text
    assert "Kid-4B  quantized" in text and "Plain-1B  derived" in text
    assert "“Kid-4B [is] a quantized Mid-12B.” (listing.txt#5, 0.9)" in text  # brackets are not markup
    assert "Sib-9B" not in text
    assert (tmp_path / "mid.html").read_text().count("Mid-12B") >= 1


def test_cli_without_quotes_and_without_derivations(graph):
    done = kg_cli("lineage", "Twin-A", "--store", str(graph.path), "--no-quotes")
    assert done.returncode == 0 and "no derivation is recorded" in done.stdout


@pytest.mark.parametrize("name, message", [
    ("twin", "'twin' names 2 models: Twin-A, Twin-B; give one of these names"),
    ("Kid-5B", "no model called 'Kid-5B'"),
    ("[/red]", "no model called '[/red]'"),  # a name that looks like terminal markup is shown as typed
])
def test_cli_exit_2_with_a_clear_message(graph, name, message):
    done = kg_cli("lineage", name, "--store", str(graph.path))
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr


def test_cli_says_when_a_partial_name_was_taken(graph):
    done = kg_cli("lineage", "Grand", "--store", str(graph.path))
    assert done.returncode == 0 and "taking Grand-1T for 'Grand'" in done.stderr
