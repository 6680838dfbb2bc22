"""Cytoscape.js JSON: ``{"elements": {"nodes": [{"data": ...}], "edges": [{"data": ...}]}}``.

What ``cy.add(json.elements)`` or ``cytoscape({elements})`` takes in a web app,
and what Cytoscape desktop opens (File > Import > Network from File, .cyjs).
Each node's ``data`` has ``id`` (its IRI), ``name`` (its label: Cytoscape's
default caption) and the attributes of kg.exports.networks; each edge has a
stable ``id`` (a hash of subject, kind and object), ``source``, ``target``,
``kind`` and the evidence attributes. JSON holds any character, so nothing is
cleaned; the file is UTF-8 with keys in a fixed order.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import networkx as nx

from kg.exports import exporter
from kg.exports.atomic import atomic_path
from kg.exports.networks import to_networkx
from kg.graph.store import Store


def edge_id(source: str, kind: str, target: str) -> str:
    return "e-" + hashlib.sha256(f"{source}\n{kind}\n{target}".encode()).hexdigest()[:16]


def cytoscape_elements(g: nx.MultiDiGraph) -> dict:
    nodes = [{"data": {"id": n, "name": attrs.get("label", n), **attrs}} for n, attrs in g.nodes(data=True)]
    edges = [{"data": {"id": edge_id(s, key, t), "source": s, "target": t, **attrs}}
             for s, t, key, attrs in g.edges(keys=True, data=True)]
    return {"elements": {"nodes": nodes, "edges": edges}}


@exporter("cytoscape", suffix=".cyjs", description="Cytoscape.js JSON (elements with data)", aliases=("cyjs",))
def write_cytoscape(store: Store, path: Path) -> None:
    doc = cytoscape_elements(to_networkx(store.graph()))
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", "utf-8")
