"""Every non-RDF export is read back by the reader people would open it with."""

import csv
import json

import networkx as nx
import pytest

import kg
from kg.exports.networks import NEO4J_EDGE_FIELDS, NEO4J_NODE_FIELDS, to_networkx


@pytest.fixture(scope="module")
def expected(corpus_store):
    return to_networkx(kg.open(corpus_store).graph)


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_xml_exports_read_back(corpus_store, expected, tmp_path, fmt, reader):
    path = kg.open(corpus_store).export(tmp_path / f"g.{fmt}", format=fmt)
    back = reader(path)
    assert back.number_of_nodes() == expected.number_of_nodes() > 500
    assert back.number_of_edges() == expected.number_of_edges() > 500
    types = {d.get("type") for _, d in back.nodes(data=True)}
    assert {"Paper", "Person", "Model", "Technique"} <= types
    kinds = {d.get("kind") for _, _, d in back.edges(data=True)}
    assert {"WROTE", "INTRODUCES", "PRUNED_FROM", "DISTILLED_FROM"} <= kinds


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_xml_exports_clean_what_xml_cannot_hold(hostile_strings_store, tmp_path, fmt, reader):
    path = kg.open(hostile_strings_store).export(tmp_path / f"h.{fmt}", format=fmt)
    back = reader(path)
    labels = sorted(d["label"] for _, d in back.nodes(data=True))
    assert labels[1].startswith("bell form feed <b>&amp;")  # control characters gone, markup kept as text
    assert back.number_of_edges() == 1


def test_graphml_attributes_are_typed(corpus_store, tmp_path):
    path = kg.open(corpus_store).export(tmp_path / "g.graphml", format="graphml")
    text = path.read_text()
    assert 'attr.name="parameterCount" attr.type="double"' in text
    assert 'attr.name="confidence" attr.type="double"' in text


def test_cytoscape_json(corpus_store, expected, tmp_path):
    path = kg.open(corpus_store).export(tmp_path / "g.cyjs", format="cytoscape")
    doc = json.loads(path.read_text())
    nodes, edges = doc["elements"]["nodes"], doc["elements"]["edges"]
    assert len(nodes) == expected.number_of_nodes() and len(edges) == expected.number_of_edges()
    ids = {n["data"]["id"] for n in nodes}
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)


def test_neo4j_csvs_follow_the_import_format(corpus_store, expected, tmp_path):
    folder = kg.open(corpus_store).export(tmp_path / "neo4j", format="neo4j")
    with open(folder / "nodes.csv", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == [h for h, _ in NEO4J_NODE_FIELDS]
    assert rows[0].count(":LABEL") == 1 and any(h.endswith(":ID") for h in rows[0])
    assert all(h.startswith(":") or ":" in h for h in rows[0])  # every property is typed
    assert len(rows) - 1 == expected.number_of_nodes()
    with open(folder / "relationships.csv", newline="") as fh:
        rels = list(csv.reader(fh))
    assert rels[0][:3] == [":START_ID", ":END_ID", ":TYPE"] and rels[0] == [h for h, _ in NEO4J_EDGE_FIELDS]
    ids = {r[0] for r in rows[1:]}
    assert all(r[0] in ids and r[1] in ids for r in rels[1:])
    assert "neo4j-admin database import full" in (folder / "README.txt").read_text()


def test_exports_are_deterministic(corpus_store, tmp_path):
    for fmt in ("graphml", "cytoscape", "ttl", "nt"):
        a = kg.open(corpus_store).export(tmp_path / f"a.{fmt}", format=fmt).read_bytes()
        b = kg.open(corpus_store).export(tmp_path / f"b.{fmt}", format=fmt).read_bytes()
        assert a == b, fmt
