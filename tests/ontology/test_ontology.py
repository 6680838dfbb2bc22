"""The ontology defines the public vocabulary (VOCABULARY.md) and every term the code uses."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from support import ROOT

ONTOLOGY = ROOT / "ontology" / "mlkg.ttl"
VOCABULARY = ROOT / "ontology" / "VOCABULARY.md"  # the public contract, copied from ../shared/contract/
MLKG = "https://w3id.org/mlkg/ontology#"
RELATIONS = {"rdfs:subClassOf": RDFS.subClassOf, "rdfs:subPropertyOf": RDFS.subPropertyOf,
             "owl:inverseOf": OWL.inverseOf}
CURIE = re.compile(r"\b([a-z][a-z0-9]*):([A-Za-z][A-Za-z0-9_]*)\b")


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY)


def vocabulary_rows() -> list[tuple[str, str, str, str]]:
    """(table, term, what, maps onto) for every term of every table in VOCABULARY.md."""
    if not VOCABULARY.exists():
        return []  # test_the_contract_tables_were_read fails and says why
    rows, table = [], None
    for line in VOCABULARY.read_text("utf-8").splitlines():
        if line.startswith("## "):
            table = line[3:].strip()
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("|") else []
        if len(cells) != 3 or cells[0] in ("term", "") or set(cells[0]) <= {"-", " "}:
            continue
        for term in (t.strip() for t in cells[0].split(",")):
            rows.append((table, term, cells[1], cells[2]))
    return rows


def evidence_terms() -> set[str]:
    """The mlkg terms of the evidence block in VOCABULARY.md's "Evidence" section."""
    text = VOCABULARY.read_text("utf-8") if VOCABULARY.exists() else ""
    section = text.split("## Evidence", 1)[-1]
    return {f"mlkg:{m.group(2)}" for m in CURIE.finditer(section) if m.group(1) == "mlkg"}


def expand(onto: Graph, curie: str) -> URIRef:
    return onto.namespace_manager.expand_curie(curie)


def test_the_generated_vocab_module_is_current():
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_vocab.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_the_contract_tables_were_read():
    assert VOCABULARY.exists(), f"{VOCABULARY} is not here"
    rows = vocabulary_rows()
    tables = {t for t, *_ in rows}
    assert {"Classes", "Properties"} <= tables
    terms = {term for _, term, *_ in rows}
    assert {"mlkg:Paper", "mlkg:Benchmark", "mlkg:wrote", "mlkg:basedOn", "mlkg:index"} <= terms


@pytest.mark.parametrize("term", sorted({t for _, t, *_ in vocabulary_rows() if t.startswith("mlkg:")}
                                        | evidence_terms()))
def test_every_contract_term_is_defined_with_a_label_and_a_comment(onto, term):
    iri = expand(onto, term)
    kinds = set(onto.objects(iri, RDF.type))
    assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, f"{term} is not defined"
    assert onto.value(iri, RDFS.label), f"{term} has no rdfs:label"
    assert onto.value(iri, RDFS.comment), f"{term} has no rdfs:comment"


def stated_alignments() -> list[tuple[str, str, str]]:
    """(term, relation, target) for every alignment the contract states."""
    out = []
    for table, term, _what, maps in vocabulary_rows():
        if not term.startswith("mlkg:"):
            continue
        stated = []
        for rel in RELATIONS:
            if rel in maps:
                stated += [(rel, m.group(0)) for m in CURIE.finditer(maps.split(rel, 1)[1])]
        if not stated and table == "Classes":  # a bare CURIE in the Classes table maps by subclass
            stated = [("rdfs:subClassOf", m.group(0)) for m in CURIE.finditer(maps)]
        out += [(term, rel, target) for rel, target in stated]
    return out


def test_the_contract_states_the_alignments_we_expect():
    stated = set(stated_alignments())
    assert ("mlkg:Benchmark", "rdfs:subClassOf", "mlkg:Dataset") in stated
    assert ("mlkg:derivedFrom", "rdfs:subPropertyOf", "prov:wasDerivedFrom") in stated
    assert ("mlkg:wrote", "owl:inverseOf", "dcterms:creator") in stated
    assert ("mlkg:quantizedFrom", "rdfs:subPropertyOf", "mlkg:derivedFrom") in stated


@pytest.mark.parametrize("term,relation,target", stated_alignments())
def test_every_stated_alignment_is_in_the_ontology(onto, term, relation, target):
    assert (expand(onto, term), RELATIONS[relation], expand(onto, target)) in onto


def used_terms() -> dict[str, set[str]]:
    """Every mlkg term named in src/kg (MLKG.x in Python, mlkg:x anywhere), with where."""
    used: dict[str, set[str]] = {}
    for path in sorted((ROOT / "src" / "kg").rglob("*")):
        if path.suffix not in (".py", ".rq") or path.name == "vocab.py":
            continue
        text = path.read_text("utf-8")
        names = set(re.findall(r"\bMLKG\.([A-Za-z]\w*)", text))
        names |= set(re.findall(r"\bmlkg:([A-Za-z]\w*)", text))
        for n in names:
            used.setdefault(n, set()).add(str(path.relative_to(ROOT)))
    return used


def test_the_code_uses_mlkg_terms():
    assert {"Evidence", "wrote", "derivedFrom", "quote"} <= set(used_terms())


@pytest.mark.parametrize("name", sorted(used_terms()))
def test_every_term_used_in_the_code_is_defined(onto, name):
    iri = URIRef(MLKG + name)
    assert (iri, RDF.type, None) in onto, f"mlkg:{name} (used in {sorted(used_terms()[name])}) is not in {ONTOLOGY.name}"


def test_the_contract_copy_is_the_shared_contract():
    """ontology/VOCABULARY.md is a copy: where the shared contract is beside the project, they agree."""
    shared = ROOT.parent / "shared" / "contract" / "VOCABULARY.md"
    if not shared.exists():
        pytest.skip("no shared contract beside this checkout")
    assert VOCABULARY.read_text("utf-8") == shared.read_text("utf-8")
