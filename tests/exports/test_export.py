"""`kg export` of each RDF format reads back, in rdflib and in pyoxigraph, to the store's graph."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from support import run_kg
from kg.exports import atomic
from kg.graph.store import Store

RDFLIB = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld", "xml": "xml"}
OXI = {"ttl": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES,
       "nq": pyoxigraph.RdfFormat.N_QUADS, "trig": pyoxigraph.RdfFormat.TRIG,
       "jsonld": pyoxigraph.RdfFormat.JSON_LD, "xml": pyoxigraph.RdfFormat.RDF_XML}
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")


def plain(triples) -> Graph:
    """RDF 1.1: "x" and "x"^^xsd:string are one literal; compare them as one."""
    g = Graph()
    for s, p, o in triples:
        if isinstance(o, Literal) and o.datatype == XSD_STRING:
            o = Literal(str(o))
        g.add((s, p, o))
    return g


def from_oxigraph(quads) -> Graph:
    def term(t):
        if isinstance(t, pyoxigraph.NamedNode):
            return URIRef(t.value)
        if isinstance(t, pyoxigraph.BlankNode):
            return BNode(t.value)
        if t.language:
            return Literal(t.value, lang=t.language)
        return Literal(t.value, datatype=URIRef(t.datatype.value))
    return plain((term(q.subject), term(q.predicate), term(q.object)) for q in quads)


def same_graph(a: Graph, b: Graph) -> bool:
    """Isomorphic; without blank nodes that is plain set equality (and much faster to check)."""
    if any(isinstance(t, BNode) for g in (a, b) for triple in g for t in triple):
        return isomorphic(a, b)
    return set(a) == set(b)


@pytest.fixture(scope="module")
def store_graph(graph) -> Graph:
    return plain(graph)


@pytest.mark.parametrize("fmt", sorted(RDFLIB))
def test_each_rdf_export_parses_in_rdflib_and_pyoxigraph_to_the_store_graph(built, store_graph, tmp_path, fmt):
    path = tmp_path / f"graph.{fmt}"
    proc = run_kg("export", "--format", fmt, "-o", str(path), "--store", str(built))
    assert proc.returncode == 0, proc.stderr
    assert f"wrote {path}" in proc.stdout
    if fmt in ("nq", "trig"):
        ds = Dataset()
        ds.parse(path, format=RDFLIB[fmt])
        back = plain(ds.triples((None, None, None)))
    else:
        back = plain(Graph().parse(path, format=RDFLIB[fmt]))
    assert len(back) == len(store_graph)
    assert same_graph(back, store_graph)
    oxi = from_oxigraph(pyoxigraph.parse(path=str(path), format=OXI[fmt]))
    assert len(oxi) == len(store_graph)
    assert same_graph(oxi, store_graph)


@pytest.mark.parametrize("fmt", ["ttl", "jsonld"])
def test_a_failed_export_keeps_the_old_file_and_leaves_no_temp_file(built, tmp_path, monkeypatch, fmt):
    import kg

    target = tmp_path / "out" / f"graph.{fmt}"
    kg.open(built).export(target, format=fmt)
    before = target.read_bytes()
    assert before

    def explode(self, *args, **kwargs):
        raise RuntimeError("serializer crashed half-way")

    def half_written(output):  # Oxigraph writes Turtle straight to the file: it stops after some bytes
        Path(output).write_text("@prefix half: <https://example.org/> .\n")
        explode(None)

    class HalfDump:  # the same for a store read back from its database
        def __init__(self, real):
            self.real = real

        def dump(self, output, *args, **kwargs):
            half_written(output)

        def __getattr__(self, name):
            return getattr(self.real, name)

    real_oxigraph = Store.oxigraph
    monkeypatch.setattr(Graph, "serialize", explode)  # JSON-LD: rdflib
    monkeypatch.setattr(pyoxigraph, "serialize", lambda triples, output, *a, **k: half_written(output))
    monkeypatch.setattr(Store, "oxigraph", lambda self: HalfDump(real_oxigraph(self)))
    with pytest.raises(RuntimeError, match="half-way"):
        kg.open(built).export(target, format=fmt)
    assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]


def test_a_half_written_temp_file_never_replaces_the_target(tmp_path):
    target = tmp_path / "graph.nt"
    target.write_text("old\n")
    with pytest.raises(KeyboardInterrupt), atomic.atomic_path(target) as tmp:
        tmp.write_text("half")
        raise KeyboardInterrupt
    assert target.read_text() == "old\n" and [p.name for p in tmp_path.iterdir()] == ["graph.nt"]


def test_the_n_triples_a_build_keeps_are_exactly_the_triples_the_database_answers(built):
    """Exports read the kept text: a literal Oxigraph stores in another form (a decimal written
    "1.0", which it keeps as "1") would make an export differ from what queries answer."""
    st = Store(built)
    kept = [line for part in st.ntriples_files() for line in part.read_text("utf-8").splitlines()]
    dump = st.oxigraph().dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph())
    assert len(kept) == len(set(kept)) and set(kept) == set(dump.decode("utf-8").splitlines())


def test_a_store_built_before_n_triples_were_kept_still_exports_from_its_database(built, store_graph, tmp_path):
    import shutil

    old = tmp_path / "old-store"
    shutil.copytree(built, old, symlinks=True)
    shutil.rmtree(old / "CURRENT" / "ntriples")
    for fmt in ("nt", "ttl", "xml"):
        path = tmp_path / f"graph.{fmt}"
        assert run_kg("export", "--format", fmt, "-o", str(path), "--store", str(old)).returncode == 0
        assert same_graph(plain(Graph().parse(path, format=RDFLIB[fmt])), store_graph)
