"""Exports for graph tools: GraphML and GEXF (via networkx), Cytoscape.js JSON, Neo4j CSV.

One conversion, :func:`to_networkx`, turns the RDF graph into a property
graph: entities are nodes (type, label, aliases, date, arXiv id, parameter
count as typed attributes), facts are edges (kind, confidence, the evidence
quote and its record). Evidence and Record nodes fold into edge attributes.
XML cannot hold control characters or lone surrogates (networkx writes them
and then cannot read its own file), so every string is cleaned first.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import networkx as nx
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, SKOS

from kg.exports import exporter
from kg.exports.atomic import atomic_dir, atomic_path
from kg.graph.store import Store
from kg.vocab import MLKG

NODE_TYPES = {
    MLKG.Paper: "Paper", MLKG.Person: "Person", MLKG.Organization: "Organization",
    MLKG.Model: "Model", MLKG.Technique: "Technique", MLKG.Dataset: "Dataset",
    MLKG.Benchmark: "Benchmark", MLKG.ModelFamily: "ModelFamily",
}
EDGE_TYPES = {
    MLKG.wrote: "WROTE", MLKG.introduces: "INTRODUCES", MLKG.uses: "USES",
    MLKG.finetunedFrom: "FINETUNED_FROM", MLKG.prunedFrom: "PRUNED_FROM",
    MLKG.distilledFrom: "DISTILLED_FROM", MLKG.upcycledFrom: "UPCYCLED_FROM",
    MLKG.continuedPretrainingFrom: "CONTINUED_PRETRAINING_FROM",
    MLKG.contextExtendedFrom: "CONTEXT_EXTENDED_FROM", MLKG.alignedFrom: "ALIGNED_FROM",
    MLKG.quantizedFrom: "QUANTIZED_FROM", MLKG.mergedFrom: "MERGED_FROM", MLKG.basedOn: "BASED_ON",
    MLKG.inFamily: "IN_FAMILY",
}
ALIAS_SEPARATOR = "|"
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: str) -> str:
    """A string XML 1.0 can hold: control characters and lone surrogates removed."""
    return _XML_BAD.sub("", value)


def _type_of(graph: Graph, node: URIRef) -> str | None:
    types = [NODE_TYPES[t] for t in graph.objects(node, RDF.type) if t in NODE_TYPES]
    return "Benchmark" if "Benchmark" in types else (types[0] if types else None)


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Entities and facts as a property graph; attribute values are str, int, float or bool."""
    g = nx.MultiDiGraph()
    for cls in NODE_TYPES:
        for node in graph.subjects(RDF.type, cls):
            if not isinstance(node, URIRef) or node in g:
                continue
            attrs = {"type": _type_of(graph, node), "iri": str(node),
                     "label": xml_safe(str(graph.value(node, RDFS.label) or node))}
            aliases = sorted(xml_safe(str(a)) for a in graph.objects(node, SKOS.altLabel))
            if aliases:
                attrs["aliases"] = ALIAS_SEPARATOR.join(aliases)
            for prop, key in ((DCTERMS.date, "date"), (MLKG.arxivId, "arxivId"), (MLKG.doi, "doi")):
                value = graph.value(node, prop)
                if value is not None:
                    attrs[key] = xml_safe(str(value))
            count = graph.value(node, MLKG.parameterCount)
            if count is not None:
                attrs["parameterCount"] = float(count)
            g.add_node(str(node), **attrs)
    for prop, kind in EDGE_TYPES.items():
        for s, o in sorted(graph.subject_objects(prop)):
            if str(s) not in g or str(o) not in g:
                continue
            attrs = {"kind": kind}
            ev = _best_evidence(graph, s, prop, o)
            if ev is not None:
                attrs.update(ev)
            g.add_edge(str(s), str(o), key=kind, **attrs)
    return g


def _best_evidence(graph: Graph, s: URIRef, p: URIRef, o: URIRef) -> dict | None:
    best = None
    for ev in graph.subjects(RDF.subject, s):
        if (ev, RDF.predicate, p) not in graph or (ev, RDF.object, o) not in graph:
            continue
        conf = float(graph.value(ev, MLKG.confidence) or 0)
        if best is None or conf > best["confidence"]:
            rec = graph.value(ev, MLKG.source)
            best = {"confidence": conf, "quote": xml_safe(str(graph.value(ev, MLKG.quote) or "")),
                    "record": f"{graph.value(rec, MLKG.file)}#{graph.value(rec, MLKG.index)}" if rec else ""}
    return best


def _reread_check(path: Path, reader, expected: nx.MultiDiGraph) -> None:
    """Every file we write must read back (networkx writes XML it cannot read, if we let it)."""
    back = reader(path)
    if back.number_of_nodes() != expected.number_of_nodes() or back.number_of_edges() != expected.number_of_edges():
        raise RuntimeError(f"{path.name} does not read back whole")


@exporter("graphml", suffix=".graphml", description="GraphML (networkx) for Gephi, Cytoscape, yEd")
def write_graphml(store: Store, path: Path) -> None:
    g = to_networkx(store.graph())
    with atomic_path(path) as tmp:
        nx.write_graphml(g, tmp, encoding="utf-8", prettyprint=True, named_key_ids=True)
        _reread_check(tmp, nx.read_graphml, g)


@exporter("gexf", suffix=".gexf", description="GEXF (networkx) for Gephi")
def write_gexf(store: Store, path: Path) -> None:
    g = to_networkx(store.graph())
    with atomic_path(path) as tmp:
        nx.write_gexf(g, tmp, encoding="utf-8", prettyprint=True)
        _reread_check(tmp, nx.read_gexf, g)


def cytoscape_elements(g: nx.MultiDiGraph) -> dict:
    """Cytoscape.js JSON: {"elements": {"nodes": [{"data": ...}], "edges": [{"data": ...}]}}."""
    nodes = [{"data": {"id": n, **attrs}} for n, attrs in g.nodes(data=True)]
    edges = [{"data": {"id": f"e{i}", "source": s, "target": t, **attrs}}
             for i, (s, t, attrs) in enumerate(g.edges(data=True))]
    return {"elements": {"nodes": nodes, "edges": edges}}


@exporter("cytoscape", suffix=".cyjs", description="Cytoscape.js JSON (elements with data)")
def write_cytoscape(store: Store, path: Path) -> None:
    doc = cytoscape_elements(to_networkx(store.graph()))
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=1), "utf-8")


NEO4J_NODE_FIELDS = [("iri:ID", "iri"), ("label:string", "label"), ("aliases:string[]", "aliases"),
                     ("date:date", "date"), ("arxivId:string", "arxivId"), ("doi:string", "doi"),
                     ("parameterCount:double", "parameterCount"), (":LABEL", "type")]
NEO4J_EDGE_FIELDS = [(":START_ID", None), (":END_ID", None), (":TYPE", "kind"),
                     ("confidence:double", "confidence"), ("quote:string", "quote"), ("record:string", "record")]
NEO4J_COMMAND = ("neo4j-admin database import full --array-delimiter='|' "
                 "--nodes=nodes.csv --relationships=relationships.csv neo4j")


def _neo4j_cell(value) -> str:
    return "" if value is None else str(value)


@exporter("neo4j", suffix="", description="Neo4j bulk-import CSVs (a folder: nodes.csv, relationships.csv)")
def write_neo4j(store: Store, path: Path) -> None:
    g = to_networkx(store.graph())
    with atomic_dir(path) as tmp:
        with open(tmp / "nodes.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow([h for h, _ in NEO4J_NODE_FIELDS])
            for n, attrs in sorted(g.nodes(data=True)):
                w.writerow([_neo4j_cell(attrs.get(k)) for _, k in NEO4J_NODE_FIELDS])
        with open(tmp / "relationships.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow([h for h, _ in NEO4J_EDGE_FIELDS])
            for s, t, attrs in sorted(g.edges(data=True), key=lambda e: (e[0], e[1], e[2]["kind"])):
                w.writerow([s, t] + [_neo4j_cell(attrs.get(k)) for _, k in NEO4J_EDGE_FIELDS[2:]])
        (tmp / "README.txt").write_text(
            "Load into an empty Neo4j 5 database (stop it first), from this folder:\n\n"
            f"    {NEO4J_COMMAND}\n\n"
            "Node labels are the kg classes (Paper, Person, Model, ...); relationship types are\n"
            "WROTE, INTRODUCES, USES, FINETUNED_FROM, ... ; aliases are a string array split on '|'.\n",
            "utf-8")
