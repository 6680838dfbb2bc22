"""The lineage atlas: every model that has a derivation, as a forest grouped by family.

Like the Hugging Face model tree and the Model Atlas, but drawn from the
graph: each connected set of derivations is one tree (drawn top to bottom,
parents above), filed under the family most of its models belong to
(mlkg:inFamily); edges are coloured by kind and carry the date of the earliest
paper stating them, for the page's filters. Read with atlas.rq (and
atlas-evidence.rq for the offline page, which has no model pages to link to
and shows the quote of each edge instead).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from kg.views.explorer.run import rows
from kg.views.explorer.shape import DERIVED_FROM, KINDS, href, kinds_of, legend, text

__all__ = ["atlas_data", "atlas_page"]

NO_FAMILY = "Other models"


def atlas_data(store, *, offline: bool = False) -> dict:
    """Nodes, edges (with kinds and dates) and groups (a family's trees) of every derivation."""
    props: dict[tuple[str, str], set[str]] = defaultdict(set)
    dates: dict[tuple[str, str], str] = {}
    names: dict[str, str] = {}
    families: dict[str, set[str]] = defaultdict(set)
    for row in rows(store, "atlas"):
        pair = (row["child"], row["parent"])
        if row["p"] in KINDS or row["p"] == DERIVED_FROM:
            props[pair].add(row["p"])
        names[row["child"]], names[row["parent"]] = row["childName"], row["parentName"]
        for node, fam in ((row["child"], row["childFamily"]), (row["parent"], row["parentFamily"])):
            if fam:
                families[node].add(text(fam, 100))
        if row["date"] and (pair not in dates or row["date"] < dates[pair]):
            dates[pair] = text(row["date"], 10)
    said: dict[tuple[str, str], dict] = {}
    if offline:
        for row in rows(store, "atlas-evidence"):
            pair = (row["child"], row["parent"])
            if row["p"] in KINDS and pair not in said:
                said[pair] = {"quote": text(row["quote"], 600),
                              "record": text(row["file"], 200) + (f" #{text(row['index'], 12)}" if row["index"] else "")}
    family_of = {n: min(f) for n, f in families.items() if f}
    ids = {n: f"m{i}" for i, n in enumerate(sorted(names, key=lambda n: (text(names[n]).casefold(), n)))}
    nodes = [{"id": ids[n], "label": text(names[n] or n, 200), "href": None if offline else href(n),
              "family": family_of.get(n) or ""} for n in ids]
    edges = []
    for (child, parent), ps in sorted(props.items(), key=lambda kv: (ids[kv[0][0]], ids[kv[0][1]])):
        edge = {"child": ids[child], "parent": ids[parent], "kinds": [k["key"] for k in kinds_of(ps)],
                "date": dates.get((child, parent))}
        if (child, parent) in said:
            edge.update(said[(child, parent)])
        edges.append(edge)
    return {"page": "atlas", "label": "Lineage atlas", "nodes": nodes, "edges": edges,
            "groups": _groups(nodes, edges), "kinds": legend(), "offline": offline}


def _groups(nodes: list[dict], edges: list[dict]) -> list[dict]:
    """Connected sets of models, filed under their most common family; biggest families first."""
    parent = {n["id"]: n["id"] for n in nodes}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for e in edges:
        a, b = root(e["child"]), root(e["parent"])
        if a != b:
            parent[max(a, b)] = min(a, b)
    members: dict[str, list[str]] = defaultdict(list)
    for n in nodes:
        members[root(n["id"])].append(n["id"])
    family = {n["id"]: n["family"] for n in nodes}
    label = {n["id"]: n["label"] for n in nodes}
    trees_by_family: dict[str, list[list[str]]] = defaultdict(list)
    for ids in members.values():
        counts = Counter(family[i] for i in ids if family[i])
        fam = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0] if counts else NO_FAMILY
        trees_by_family[fam].append(sorted(ids, key=lambda i: label[i].casefold()))
    groups = []
    for fam, trees in trees_by_family.items():
        trees.sort(key=lambda t: (-len(t), label[t[0]].casefold()))
        groups.append({"family": fam, "trees": trees, "models": sum(len(t) for t in trees)})
    groups.sort(key=lambda g: (g["family"] == NO_FAMILY, -g["models"], g["family"].casefold()))
    return groups


def atlas_page(store, *, title: str = "kg lineage atlas") -> str:
    """The atlas as one self-contained HTML page (kg html --lineage): opens from disk, offline."""
    from kg.views.explorer.page import offline_page

    return offline_page(atlas_data(store, offline=True), title=title)
