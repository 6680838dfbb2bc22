"""`kg validate`: the example corpus conforms; each kind of broken graph is caught and said in words."""

from __future__ import annotations

import pytest

from support import run_kg
from kg.graph.store import Store

ID = "https://w3id.org/mlkg/id/"
MLKG = "https://w3id.org/mlkg/ontology#"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PROV = "http://www.w3.org/ns/prov#"


def good_fact() -> list[str]:
    """A small graph that conforms: a person wrote a paper, with evidence from one record."""
    return [
        f"<{ID}paper/p> {TYPE} <{MLKG}Paper> .",
        f'<{ID}paper/p> {LABEL} "A paper" .',
        f"<{ID}person/a> {TYPE} <{MLKG}Person> .",
        f'<{ID}person/a> {LABEL} "Ada" .',
        f"<{ID}person/a> <{MLKG}wrote> <{ID}paper/p> .",
        f"<{ID}record/r/1> {TYPE} <{MLKG}Record> .",
        f'<{ID}record/r/1> <{MLKG}file> "r.txt" .',
        f'<{ID}record/r/1> <{MLKG}index> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .',
        f"<{ID}record/r/1> <{MLKG}about> <{ID}paper/p> .",
        f"<{ID}extractor/x/1> {TYPE} <{MLKG}Extractor> .",
        f'<{ID}extractor/x/1> <{MLKG}version> "1" .',
        f"<{ID}evidence/e> {TYPE} <{MLKG}Evidence> .",
        f"<{ID}evidence/e> <{RDF}subject> <{ID}person/a> .",
        f"<{ID}evidence/e> <{RDF}predicate> <{MLKG}wrote> .",
        f"<{ID}evidence/e> <{RDF}object> <{ID}paper/p> .",
        f'<{ID}evidence/e> <{MLKG}quote> "Ada" .',
        f"<{ID}evidence/e> <{MLKG}source> <{ID}record/r/1> .",
        f"<{ID}evidence/e> <{PROV}wasGeneratedBy> <{ID}extractor/x/1> .",
    ]


CONFIDENCE = '<{ID}evidence/e> <{MLKG}confidence> "{value}"^^<http://www.w3.org/2001/XMLSchema#decimal> .'

BROKEN = {
    "paper with two labels": ([f'<{ID}paper/p> {LABEL} "Another title" .'], "exactly one label"),
    "confidence 1.5": ([CONFIDENCE.format(ID=ID, MLKG=MLKG, value="1.5")], "in [0, 1]"),
    "record about nothing": ([f"<{ID}record/r/2> {TYPE} <{MLKG}Record> .",
                              f'<{ID}record/r/2> <{MLKG}file> "r.txt" .',
                              f'<{ID}record/r/2> <{MLKG}index> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .'],
                             "about exactly one paper"),
    "derivation without derivedFrom": ([f"<{ID}model/m> {TYPE} <{MLKG}Model> .",
                                        f'<{ID}model/m> {LABEL} "M" .',
                                        f"<{ID}model/n> {TYPE} <{MLKG}Model> .",
                                        f'<{ID}model/n> {LABEL} "N" .',
                                        f"<{ID}model/m> <{MLKG}prunedFrom> <{ID}model/n> ."],
                                       "also asserted with mlkg:derivedFrom"),
    "fact without evidence": ([f"<{ID}paper/q> {TYPE} <{MLKG}Paper> .",
                               f'<{ID}paper/q> {LABEL} "Another paper" .',
                               f"<{ID}person/a> <{MLKG}wrote> <{ID}paper/q> ."],
                              "at least one evidence node"),
}


def write(store, lines):
    Store(store).write((line + "\n" for line in lines), [], {})
    return store


def test_the_example_corpus_conforms(built):
    proc = run_kg("validate", "--store", str(built))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "conforms" in proc.stdout


def test_the_hand_made_good_graph_conforms(tmp_path):
    store = write(tmp_path / "s", good_fact() + [CONFIDENCE.format(ID=ID, MLKG=MLKG, value="0.9")])
    proc = run_kg("validate", "--store", str(store))
    assert proc.returncode == 0, proc.stdout


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_violation_is_caught_alone(tmp_path, case):
    lines, words = BROKEN[case]
    base = good_fact() + ([] if case == "confidence 1.5" else [CONFIDENCE.format(ID=ID, MLKG=MLKG, value="0.9")])
    proc = run_kg("validate", "--store", str(write(tmp_path / "s", base + lines)))
    assert proc.returncode == 1, proc.stdout
    assert words in proc.stdout
    assert "1 SHACL violation" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_all_violations_at_once_are_each_reported(tmp_path):
    lines = good_fact() + [line for extra, _ in BROKEN.values() for line in extra]
    proc = run_kg("validate", "--store", str(write(tmp_path / "s", lines)))
    assert proc.returncode == 1
    for case, (_, words) in BROKEN.items():
        assert words in proc.stdout, f"{case}: {words!r} not in\n{proc.stdout}"
    assert "Traceback" not in proc.stderr
