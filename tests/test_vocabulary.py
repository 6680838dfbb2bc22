"""The ontology (ontology/mlkg.ttl) gives each contract property the domain and range its row implies,
and defines every mlkg term the code, the pages, the JSON-LD context and the built graph use.

The contract is VOCABULARY.md (``ontology/``, a copy of ``../shared/contract/``); its "from -> to" column
says what each property links. (Labels, comments and alignments: tests/ontology/test_ontology.py.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.collection import Collection

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "mlkg.ttl"
VOCABULARY = ROOT / "ontology" / "VOCABULARY.md"  # the public contract, copied from ../shared/contract/
MLKG = "https://w3id.org/mlkg/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"  # a string: pytest trips over rdflib's XSD namespace object
PREFIXES = {
    "mlkg": MLKG, "rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL), "xsd": XSD,
    "skos": "http://www.w3.org/2004/02/skos/core#", "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#", "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "https://schema.org/", "fabio": "http://purl.org/spar/fabio/",
    "fair4ml": "https://w3id.org/fair4ml#",
}
CURIE = re.compile(r"\b(" + "|".join(PREFIXES) + r"):([A-Za-z][A-Za-z0-9_]*)\b")
# words of the "from -> to" column and the classes they name
CLASS_WORDS = {"paper": "Paper", "person": "Person", "organisation": "Organization", "model": "Model",
               "technique": "Technique", "dataset": "Dataset", "benchmark": "Benchmark",
               "record": "Record"}

needs_contract = pytest.mark.skipif(not VOCABULARY.exists(),
                                    reason=f"the vocabulary contract is not here: {VOCABULARY}")


def iri(curie: str) -> URIRef:
    prefix, _, local = curie.partition(":")
    return URIRef(PREFIXES[prefix] + local)


def contract_rows() -> list[tuple[str, str, str, str]]:
    """(section, term, second column, "maps onto") for every term of every table."""
    if not VOCABULARY.exists():
        return []
    rows, section = [], ""
    for line in VOCABULARY.read_text("utf-8").splitlines():
        if line.startswith("## "):
            section = line[3:].strip()
        if not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or cells[0] == "term" or set(cells[0]) <= set("- "):
            continue
        for term in cells[0].split(","):
            rows.append((section, term.strip(), cells[1], cells[2]))
    return rows


def evidence_terms() -> list[str]:
    if not VOCABULARY.exists():
        return []
    section = VOCABULARY.read_text("utf-8").split("## Evidence", 1)[1]
    return sorted({f"mlkg:{m.group(2)}" for m in CURIE.finditer(section) if m.group(1) == "mlkg"})


ROWS = contract_rows()
MLKG_ROWS = [r for r in ROWS if r[1].startswith("mlkg:")]


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY)


def classes_of(onto: Graph, node) -> set[URIRef]:
    """A domain or range: one class, or the members of an owl:unionOf."""
    union = onto.value(node, OWL.unionOf)
    return set(Collection(onto, union)) if union is not None else {node}


@needs_contract
def test_the_contract_tables_were_read():
    sections = {r[0] for r in ROWS}
    assert {"Classes", "Properties"} <= sections
    assert len(MLKG_ROWS) >= 25 and len(evidence_terms()) >= 4


@needs_contract
@pytest.mark.parametrize("term,what", [pytest.param(t, w, id=t) for s, t, w, _ in MLKG_ROWS if s == "Properties"])
def test_every_contract_property_has_the_domain_and_range_its_row_implies(onto, term, what):
    node = iri(term)
    domain, rng = onto.value(node, RDFS.domain), onto.value(node, RDFS.range)
    assert domain is not None and rng is not None, f"{term} lacks rdfs:domain or rdfs:range"
    left, _, right = what.partition("→")
    head = re.split(r"\(|\b(?:it|its|that|among)\b", right)[0]  # "model it was made from" -> "model"
    want_domain = {iri("mlkg:" + c) for w, c in CLASS_WORDS.items() if re.search(rf"\b{w}\b", left)}
    want_range = {iri("mlkg:" + c) for w, c in CLASS_WORDS.items() if re.search(rf"\b{w}s?\b", head)}
    assert want_domain and want_domain <= classes_of(onto, domain), (term, what)
    if want_range:
        assert want_range <= classes_of(onto, rng), (term, what)
        assert (node, RDF.type, OWL.ObjectProperty) in onto
    else:  # a value, not an entity
        assert str(rng).startswith(XSD), (term, rng)
        assert (node, RDF.type, OWL.DatatypeProperty) in onto
        for datatype in re.findall(r"xsd:\w+", right):
            assert rng == iri(datatype), (term, rng, datatype)


@needs_contract
@pytest.mark.parametrize("term,domain,rng", [("mlkg:quote", "mlkg:Evidence", "xsd:string"),
                                             ("mlkg:source", "mlkg:Evidence", "mlkg:Record"),
                                             ("mlkg:confidence", "mlkg:Evidence", "xsd:decimal")])
def test_evidence_properties_link_evidence_to_what_the_contract_shows(onto, term, domain, rng):
    assert term in evidence_terms()
    assert (iri(term), RDFS.domain, iri(domain)) in onto
    assert (iri(term), RDFS.range, iri(rng)) in onto


def code_terms() -> dict[str, set[str]]:
    """Every mlkg term the package's code, queries, shapes and JSON-LD context name: term -> files."""
    found: dict[str, set[str]] = {}
    package = ROOT / "src" / "kg"
    files = [*package.rglob("*.py"), *package.rglob("*.rq"), *package.rglob("*.jsonld"),
             *package.rglob("*.js"), *package.rglob("*.html"), ROOT / "ontology" / "shapes.ttl"]
    pattern = re.compile(r"\bMLKG\.([A-Za-z]\w*)|\bmlkg:([A-Za-z]\w*)|ontology#([A-Za-z]\w*)")
    for f in files:
        for m in pattern.finditer(f.read_text("utf-8")):
            name = next(g for g in m.groups() if g)
            found.setdefault(name, set()).add(str(f.relative_to(ROOT)))
    return found


def test_every_mlkg_term_the_code_names_is_defined_in_the_ontology(onto):
    defined = {str(s)[len(MLKG):] for s in onto.subjects(RDF.type, None) if str(s).startswith(MLKG)}
    used = code_terms()
    assert len(used) > 30
    missing = {t: sorted(files) for t, files in used.items() if t not in defined}
    assert not missing, f"named in code but not defined in ontology/mlkg.ttl: {missing}"


def test_every_mlkg_term_in_the_built_graph_is_defined_in_the_ontology(onto, example_store):
    import kg

    defined = {str(s) for s in onto.subjects(RDF.type, None) if str(s).startswith(MLKG)}
    g = kg.open(example_store)
    used = {r["t"] for r in g.rows("SELECT DISTINCT ?t WHERE { { ?s ?t ?o } UNION { ?s a ?t } }")}
    mlkg_used = {t for t in used if t.startswith(MLKG)}
    assert mlkg_used and mlkg_used <= defined, sorted(mlkg_used - defined)


PROPERTY_KINDS = {OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}


@pytest.fixture(scope="module")
def every_format_store(tmp_path_factory) -> Path:
    """tests/data/inputs: one file in each input format (DOIs, comments, truncated author lists...)."""
    import kg

    store = tmp_path_factory.mktemp("formats") / "store"
    kg.build([ROOT / "tests" / "data" / "inputs"], store=store)
    return store


@pytest.mark.parametrize("which", ["example_store", "every_format_store"])
def test_every_predicate_and_class_of_a_built_graph_is_declared_in_the_ontology(onto, request, which):
    """An OWL tool reading mlkg.ttl with the graph meets no undeclared term: every predicate is an
    owl:ObjectProperty, owl:DatatypeProperty or owl:AnnotationProperty of the ontology (rdfs:label,
    skos:altLabel and dcterms:* too), every class an owl:Class. Only the RDF vocabulary itself
    (rdf:type, and rdf:subject / rdf:predicate / rdf:object of the evidence) needs no declaration."""
    import kg

    g = kg.open(request.getfixturevalue(which))
    predicates = {r["p"] for r in g.rows("SELECT DISTINCT ?p WHERE { ?s ?p ?o }")}
    classes = {r["c"] for r in g.rows("SELECT DISTINCT ?c WHERE { ?s a ?c }")}
    assert {str(RDFS.label), PREFIXES["skos"] + "altLabel", PREFIXES["dcterms"] + "date"} <= predicates
    undeclared = sorted(p for p in predicates if not p.startswith(str(RDF))
                        and not set(onto.objects(URIRef(p), RDF.type)) & PROPERTY_KINDS)
    assert not undeclared, f"predicates the graph uses that ontology/mlkg.ttl does not declare: {undeclared}"
    assert all((URIRef(c), RDF.type, OWL.Class) in onto for c in classes), sorted(classes)
    no_comment = sorted(p for p in predicates if not p.startswith(str(RDF)) and not onto.value(URIRef(p), RDFS.comment))
    assert not no_comment, f"declared without an rdfs:comment: {no_comment}"


@pytest.mark.parametrize("term", ["rdfs:label", "skos:altLabel", "dcterms:title", "dcterms:abstract", "dcterms:date"])
def test_names_titles_and_dates_are_annotation_properties(onto, term):
    """Literal-valued descriptions, as DCTerms and SKOS are used in OWL ontologies: an annotation
    property never clashes with another ontology that annotates with the same term."""
    assert (iri(term), RDF.type, OWL.AnnotationProperty) in onto
    assert not set(onto.objects(iri(term), RDF.type)) & {OWL.ObjectProperty, OWL.DatatypeProperty}
