"""GraphML and GEXF for Gephi, Cytoscape and yEd, written by networkx from kg.exports.networks.

networkx writes what it is given, so the graph is made XML-ready first:
characters XML forbids are removed from ids, keys and values; lists become
``|``-joined strings and missing values are left out (networkx raises on
lists and None); edges get unique ids (GraphML wants them unique). Every file
is read back before it replaces the target: an export that would not open
is an error, not a file.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.exports import exporter
from kg.exports.atomic import atomic_path
from kg.exports.networks import to_networkx
from kg.exports.xmlsafe import xml_safe
from kg.graph.store import Store

LIST_SEPARATOR = "|"


def _value(value):
    if isinstance(value, (list, tuple, set)):
        return xml_safe(LIST_SEPARATOR.join(str(v) for v in value))
    if isinstance(value, str):
        return xml_safe(value)
    return value


def _attrs(data: dict) -> dict:
    return {xml_safe(str(k)): _value(v) for k, v in data.items() if v is not None}


def xml_ready(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy networkx can write as GraphML or GEXF and read back unchanged."""
    out = nx.MultiDiGraph()
    for n, data in g.nodes(data=True):
        out.add_node(xml_safe(str(n)), **_attrs(data))
    for i, (s, o, data) in enumerate(g.edges(data=True)):
        edge = _attrs(data)
        edge.setdefault("label", edge.get("kind", ""))  # Gephi shows an edge's label
        out.add_edge(xml_safe(str(s)), xml_safe(str(o)), key=f"e{i}", **edge)
    return out


def _read_back(path: Path, reader, expected: nx.MultiDiGraph) -> None:
    back = reader(path)
    if (back.number_of_nodes(), back.number_of_edges()) != (expected.number_of_nodes(), expected.number_of_edges()):
        raise ValueError(f"{path.name} does not read back whole; nothing was written")


@exporter("graphml", suffix=".graphml", description="GraphML (networkx): Gephi, Cytoscape, yEd")
def write_graphml(store: Store, path: Path) -> None:
    g = xml_ready(to_networkx(store.graph()))
    with atomic_path(path) as tmp:
        nx.write_graphml(g, tmp, encoding="utf-8", prettyprint=True)  # key ids d0, d1...: unique, as GraphML wants
        _read_back(tmp, nx.read_graphml, g)


@exporter("gexf", suffix=".gexf", description="GEXF 1.2 (networkx): Gephi")
def write_gexf(store: Store, path: Path) -> None:
    g = xml_ready(to_networkx(store.graph()))
    writer = nx.readwrite.gexf.GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    meta.attrib.pop("lastmodifieddate", None)  # today's date would make two exports differ
    meta.find("creator").text = "kg"
    writer.add_graph(g)
    with atomic_path(path) as tmp:
        writer.write(str(tmp))
        _read_back(tmp, nx.read_gexf, g)
