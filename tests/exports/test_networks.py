"""The property graph (to_networkx) and every graph-tool export, read back by the reader people use."""

import csv
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from hostile_graph import ALIASES, BIDI, CONTROL, ID, LONG, MARKUP, MULTILINE

import kg
from kg.exports.neo4j import ARRAY_DELIMITER, COMMAND, EDGE_COLUMNS, NODE_COLUMNS
from kg.exports.networks import to_networkx
from kg.exports.xmlsafe import xml_safe


@pytest.fixture(scope="module")
def hostile(hostile_store):
    return to_networkx(kg.open(hostile_store).graph)


@pytest.fixture(scope="module")
def corpus(corpus_store):
    return to_networkx(kg.open(corpus_store).graph)


def test_entities_become_nodes_and_facts_edges(hostile):
    types = {n.removeprefix(ID): d["type"] for n, d in hostile.nodes(data=True)}
    assert types == {"paper/p1'&x=y": "Paper", "paper/p2": "Paper", "person/p0": "Person",
                     "person/p1": "Person", "person/p2": "Person", "model/m0": "Model", "model/m1": "Model",
                     "model/m2": "Model", "model/m3": "Model", "technique/bench": "Benchmark"}  # no records
    edges = sorted((s.removeprefix(ID), k, o.removeprefix(ID)) for s, o, k in hostile.edges(keys=True))
    assert ("model/m0", "PRUNED_FROM", "model/m1") in edges
    assert ("model/m3", "DERIVED_FROM", "model/m2") in edges  # kept: nothing more specific says it
    assert not any(k == "DERIVED_FROM" and s != "model/m3" for s, k, _ in edges)  # folded into the kind
    assert len(edges) == 3 + 4 + 1 + 3  # wrote, introduces, uses, derivations


def test_node_attributes_are_plain_values(hostile):
    m0 = hostile.nodes[ID + "model/m0"]
    assert m0["label"] == CONTROL  # to_networkx keeps every character; the XML writers clean
    assert m0["aliases"] == sorted(ALIASES) and m0["parameterCount"] == 7e9
    paper = hostile.nodes[ID + "paper/p1'&x=y"]
    assert paper["date"] == "2024-02-29" and paper["arxivId"] == "2402.00001"
    assert "abstract" not in paper and all(v is not None for _, d in hostile.nodes(data=True) for v in d.values())


def test_evidence_folds_into_the_edge(hostile):
    pruned = hostile.edges[ID + "model/m0", ID + "model/m1", "PRUNED_FROM"]
    assert pruned["evidenceCount"] == 2 and pruned["confidence"] == 0.95  # the surest quote
    assert pruned["quote"].startswith(CONTROL) and pruned["record"] == MARKUP + ".txt#2"
    assert hostile.edges[ID + "model/m2", ID + "model/m0", "FINETUNED_FROM"]["quote"] == MULTILINE
    wrote = hostile.edges[ID + "person/p0", ID + "paper/p1'&x=y", "WROTE"]
    assert "confidence" not in wrote and wrote["kind"] == "WROTE"


def test_corpus_graph(corpus):
    types = {d["type"] for _, d in corpus.nodes(data=True)}
    assert {"Paper", "Person", "Model", "Technique", "ModelFamily"} <= types
    kinds = {k for _, _, k in corpus.edges(keys=True)}
    assert {"WROTE", "INTRODUCES", "USES", "PRUNED_FROM", "DISTILLED_FROM", "IN_FAMILY"} <= kinds
    with_quotes = [d for _, _, d in corpus.edges(data=True) if d["kind"] != "IN_FAMILY"]
    assert with_quotes and all(d.get("quote") and 0 < d["confidence"] <= 1 for d in with_quotes)


READERS = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_xml_exports_read_back_whole(corpus_store, corpus, tmp_path, fmt):
    back = READERS[fmt](kg.open(corpus_store).export(tmp_path / f"g.{fmt}", format=fmt))
    assert back.number_of_nodes() == corpus.number_of_nodes() > 300
    assert back.number_of_edges() == corpus.number_of_edges() > 500
    assert set(back.nodes) == set(corpus.nodes)
    for n, d in corpus.nodes(data=True):
        got = back.nodes[n]
        assert got["type"] == d["type"] and got["label"] == d["label"]
        assert got.get("aliases", "") == "|".join(d.get("aliases", []))
    assert sorted(d["kind"] for _, _, d in back.edges(data=True)) == sorted(k for _, _, k in corpus.edges(keys=True))


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_xml_exports_clean_what_xml_cannot_hold(hostile_store, hostile, tmp_path, fmt):
    path = kg.open(hostile_store).export(tmp_path / f"h.{fmt}", format=fmt)
    ET.parse(path)  # well-formed for a strict parser, not just for networkx
    back = READERS[fmt](path)
    assert (back.number_of_nodes(), back.number_of_edges()) == (hostile.number_of_nodes(), hostile.number_of_edges())
    labels = {n: d["label"] for n, d in back.nodes(data=True)}
    assert labels[ID + "model/m0"] == "bell one form feed"  # control characters gone
    assert labels[ID + "model/m1"] == MARKUP  # markup stays text, escaped by the writer
    assert labels[ID + "technique/bench"] == BIDI
    assert labels[ID + "paper/p2"].replace("\r\n", "\n") == MULTILINE.replace("\r\n", "\n")
    quotes = sorted(d.get("quote", "") for _, _, d in back.edges(data=True))
    assert xml_safe(CONTROL + " " + LONG[:300]) in quotes


def test_graphml_is_typed_and_ids_are_unique(corpus_store, tmp_path):
    path = kg.open(corpus_store).export(tmp_path / "g.graphml", format="graphml")
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(path).getroot()
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in root.findall("g:key", ns)}
    assert keys[("node", "parameterCount")] == "double" and keys[("edge", "confidence")] == "double"
    assert keys[("edge", "evidenceCount")] in ("int", "long") and keys[("node", "type")] == "string"
    key_ids = [k.get("id") for k in root.findall("g:key", ns)]
    edge_ids = [e.get("id") for e in root.iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    assert len(set(key_ids)) == len(key_ids) and len(set(edge_ids)) == len(edge_ids)


def test_gexf_has_node_labels_and_typed_attributes(corpus_store, tmp_path):
    path = kg.open(corpus_store).export(tmp_path / "g.gexf", format="gexf")
    text = path.read_text()
    assert 'title="parameterCount" type="double"' in text and 'title="confidence" type="double"' in text
    assert "lastmodifieddate" not in text
    root = ET.parse(path).getroot()
    nodes = [e for e in root.iter() if e.tag.endswith("}node")]
    assert nodes and all(n.get("label") for n in nodes)


def test_cytoscape_json(any_store, tmp_path):
    expected = to_networkx(kg.open(any_store).graph)
    path = kg.open(any_store).export(tmp_path / "g.cyjs", format="cytoscape")
    doc = json.loads(path.read_text("utf-8"))
    nodes, edges = doc["elements"]["nodes"], doc["elements"]["edges"]
    assert len(nodes) == expected.number_of_nodes() and len(edges) == expected.number_of_edges()
    ids = {n["data"]["id"] for n in nodes}
    assert all(n["data"]["name"] == n["data"]["label"] for n in nodes)
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)
    assert len({e["data"]["id"] for e in edges}) == len(edges)
    back = {n["data"]["id"]: n["data"] for n in nodes}
    for n, d in expected.nodes(data=True):  # JSON keeps every character
        assert back[n]["label"] == d["label"] and back[n].get("aliases") == d.get("aliases")


def _read_neo4j(folder):
    with open(folder / "nodes.csv", newline="", encoding="utf-8") as fh:
        nodes = list(csv.reader(fh))
    with open(folder / "relationships.csv", newline="", encoding="utf-8") as fh:
        rels = list(csv.reader(fh))
    return nodes, rels


NEO4J_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point",
               "date", "localtime", "time", "localdatetime", "datetime", "duration"}


def _valid_header(h: str) -> bool:
    """`name:type`, `name:type[]`, or one of the importer's own fields (neo4j-admin database import)."""
    if h in (":LABEL", ":TYPE", ":START_ID", ":END_ID") or h.endswith(":ID"):
        return True
    name, _, kind = h.partition(":")
    return bool(name) and kind.removesuffix("[]") in NEO4J_TYPES


def test_neo4j_csvs_follow_the_import_format(any_store, tmp_path):
    expected = to_networkx(kg.open(any_store).graph)
    folder = kg.open(any_store).export(tmp_path / "neo4j", format="neo4j")
    nodes, rels = _read_neo4j(folder)
    assert nodes[0] == [h for h, _ in NODE_COLUMNS] and rels[0] == [h for h, _ in EDGE_COLUMNS]
    assert all(map(_valid_header, nodes[0] + rels[0]))
    assert sum(h.endswith(":ID") for h in nodes[0]) == 1 and nodes[0].count(":LABEL") == 1
    assert rels[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert len(nodes) - 1 == expected.number_of_nodes() and len(rels) - 1 == expected.number_of_edges()
    ids = [r[0] for r in nodes[1:]]
    assert len(set(ids)) == len(ids) and all(r[0] in ids and r[1] in ids for r in rels[1:])
    assert all(r[2] for r in rels[1:]) and all(r[1] for r in nodes[1:])  # every row has its type / label
    text = (folder / "nodes.csv").read_text("utf-8") + (folder / "relationships.csv").read_text("utf-8")
    assert "\r" not in text and len(text.rstrip("\n").split("\n")) == len(nodes) + len(rels)  # a line per row
    col = {h: i for i, h in enumerate(nodes[0])}
    for row in nodes[1:]:
        if row[col["date:date"]]:
            assert len(row[col["date:date"]]) == 10
        if row[col["parameterCount:double"]]:
            float(row[col["parameterCount:double"]])
    assert COMMAND in (folder / "README.txt").read_text()
    assert "--array-delimiter=U+001F" in COMMAND and ARRAY_DELIMITER == "\x1f"


def test_neo4j_keeps_hostile_values_whole(hostile_store, tmp_path):
    folder = kg.open(hostile_store).export(tmp_path / "neo4j", format="neo4j")
    nodes, rels = _read_neo4j(folder)
    col = {h: i for i, h in enumerate(nodes[0])}
    by_id = {r[0]: r for r in nodes[1:]}
    m0 = by_id[ID + "model/m0"]
    assert m0[col["aliases:string[]"]].split(ARRAY_DELIMITER) == sorted(ALIASES)
    assert m0[col[":LABEL"]] == "Model" and m0[col["parameterCount:double"]] == "7000000000.0"
    assert by_id[ID + "paper/p2"][col["date:date"]] == ""  # "2024" is no date Neo4j accepts
    assert by_id[ID + "paper/p2"][col["name:string"]] == "first line second line third"
    assert by_id[ID + "paper/p1'&x=y"][col["date:date"]] == "2024-02-29"
    assert by_id[ID + "person/p1"][col["name:string"]].startswith("=HYPERLINK")  # data, not a formula
    assert by_id[ID + "technique/bench"][col[":LABEL"]] == "Benchmark"


def test_a_failed_neo4j_export_leaves_the_old_folder(hostile_store, tmp_path, monkeypatch):
    folder = kg.open(hostile_store).export(tmp_path / "neo4j", format="neo4j")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    import kg.exports.neo4j as neo4j

    monkeypatch.setattr(neo4j, "README", None)  # write_text(None) fails after both CSVs were written
    with pytest.raises(TypeError):
        kg.open(hostile_store).export(folder, format="neo4j")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["neo4j"]  # no temporary folder left behind
