"""The data of one entity's page (model, paper, person, technique / dataset / benchmark / organisation).

Each page is a few explorer queries (entity.rq for plain values, links.rq for
what links to and from it, then per class: lineage-parents.rq / lineage-children.rq and derivation-evidence.rq, paper-derivations.rq,
paper-records.rq, person-coauthors.rq) shaped into a dict of safe text and
/id/... addresses. Evidence is shown generically: its quote, the record it was
read from (file, position, reader, lines), the paper that record is about and
the extractor that produced it, so facts read from other sources (model cards)
show where they come from with no code of their own.
"""

from __future__ import annotations

from collections import defaultdict

from kg.views.explorer.run import rows
from kg.views.explorer.shape import (CLASS_ORDER, DERIVED_FROM, KINDS, arxiv_url, class_key, hf_url, href, iri_of,
                                     kind_of, kinds_of, legend, link, text)

__all__ = ["entity_page", "parameters_text"]

QUOTE_CHARS = 1200
MAX_EDGES = 60
"""Derivations a model page draws: past this a drawing is unreadable and the page slow (a base model of
a large store has hundreds of descendants); the atlas shows them all."""
ABSTRACT_CHARS = 6000


def entity_page(store, iri: str) -> dict | None:
    """The page data of the entity ``iri``, None when the store holds no such entity."""
    values: dict[str, list[str]] = defaultdict(list)
    for row in rows(store, "entity", iri=iri):
        values[row["field"]].append(row["value"])
    classes = [c for c in (class_key(v) for v in values.get("class", [])) if c]
    if not classes:
        return None
    cls = max(classes, key=CLASS_ORDER.index)
    label = text(min(values.get("label") or [iri]), 500)
    page = {"page": cls, "cls": cls, "iri": iri, "label": label,
            "aliases": sorted({text(a, 300) for a in values.get("alias", [])} - {label}, key=str.casefold)}
    links = _links(store, iri)
    if cls == "model":
        page.update(_model(store, iri, values, links))
    elif cls == "paper":
        page.update(_paper(store, iri, values, links))
    elif cls == "person":
        page.update(_person(store, iri, links))
    else:
        page.update(_thing(store, iri, links))
    return page


def _links(store, iri: str) -> dict[str, list[dict]]:
    """(direction, relation) -> the linked entities, papers newest first, the rest by name."""
    out: dict[str, list[dict]] = defaultdict(list)
    seen: set[tuple] = set()
    for row in rows(store, "links", iri=iri):
        key = (row["dir"], row["rel"], row["other"])
        if key in seen:  # an entity of two classes (dataset and benchmark) comes twice
            continue
        seen.add(key)
        out[f"{row['dir']}:{row['rel']}"].append(link(
            row["other"], row["name"], cls=class_key(row["class"]), date=text(row["date"], 20) or None,
            quote=text(row["quote"], QUOTE_CHARS) or None, position=_int(row["position"])))
    for items in out.values():
        items.sort(key=lambda x: (-_day(x["date"]), x["label"].casefold()))
    return out


def _day(date: str | None) -> int:
    digits = "".join(ch for ch in (date or "") if ch.isdigit())[:8]
    return int(digits.ljust(8, "0")) if digits else 0


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def parameters_text(value: str) -> str:
    """A parameter count as people write it: 1.5E10 -> "15B", 3.5E8 -> "350M"."""
    try:
        n = float(value)
    except (TypeError, ValueError):
        return text(value, 40)
    for size, unit in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if n >= size:
            return f"{n / size:.3g}{unit}"
    return f"{n:g}"


def _model(store, iri: str, values: dict, links: dict) -> dict:
    hf = sorted({text(v, 200) for v in values.get("hf", [])})
    return {
        "parameters": sorted({parameters_text(v) for v in values.get("parameters", [])}),
        "hf": [{"label": h, "url": hf_url(h)} for h in hf],
        "family": links.get("out:inFamily", []),
        "introducedIn": links.get("in:introduces", []),
        "usedIn": links.get("in:uses", []),
        "describedIn": links.get("out:describedIn", []),
        "trainedOn": links.get("out:trainedOn", []),
        "lineage": lineage(store, iri),
        "kinds": legend(),
        "siblings": _siblings(store, iri, links.get("out:inFamily", [])),
        "closeMatches": _both(links, "closeMatch"),
        "records": _records(store, iri),
    }


def _both(links: dict, rel: str) -> list[dict]:
    """Entities linked by a symmetric relation (skos:closeMatch), whichever way it is stated."""
    seen, out = set(), []
    for item in links.get(f"out:{rel}", []) + links.get(f"in:{rel}", []):
        if item["href"] not in seen:
            seen.add(item["href"])
            out.append(item)
    return out


def _records(store, iri: str) -> list[dict]:
    """The records about the entity: where it was read (a paper's listings, a model's card)."""
    return [{"record": text(r["file"], 200) + (f" #{text(r['index'], 12)}" if r["index"] else ""),
             "format": text(r["format"], 60),
             "lines": text(r["first"], 12) + (f"–{text(r['last'], 12)}" if r["last"] not in (None, r["first"]) else "")}
            for r in rows(store, "paper-records", iri=iri)]


SIBLINGS_SHOWN = 12


def _siblings(store, iri: str, families: list[dict]) -> list[dict]:
    """Other models of the model's families: [{family, models (the first SIBLINGS_SHOWN), count}]."""
    out = []
    for family in families:
        family_iri = iri_of(family["href"] or "")
        if family_iri is None:
            continue
        members = [m for m in _links(store, family_iri).get("in:inFamily", []) if iri_of(m["href"] or "") != iri]
        members.sort(key=lambda m: m["label"].casefold())
        if members:
            out.append({"family": family, "models": members[:SIBLINGS_SHOWN], "count": len(members)})
    return out


def evidence_of(row: dict) -> dict:
    """One piece of evidence as the page shows it: quote, kind, record, paper, extractor, confidence."""
    lines = ""
    if row.get("first"):
        lines = text(row["first"], 12) + (f"–{text(row['last'], 12)}" if row.get("last") not in (None, row["first"]) else "")
    extractor = " ".join(x for x in (text(row.get("extractor"), 80), text(row.get("version"), 20)) if x)
    record = text(row.get("file"), 200) + (f" #{text(row['index'], 12)}" if row.get("index") else "")
    return {
        "quote": text(row.get("quote"), QUOTE_CHARS),
        "kind": (kind_of(row["p"]) or {}).get("label", ""),
        "record": record, "format": text(row.get("format"), 60), "lines": lines,
        "paper": link(row["paper"], row.get("paperTitle")) if row.get("paper") else None,
        "arxiv": arxiv_url(row.get("arxiv")), "date": text(row.get("date"), 20) or None,
        "extractor": extractor, "confidence": text(row.get("confidence"), 12),
    }


def lineage(store, iri: str) -> dict:
    """The model's lineage as nodes and edges, each edge with its kinds and evidence (surest first)."""
    props: dict[tuple[str, str], set[str]] = defaultdict(set)
    names: dict[str, str] = {iri: ""}
    said: dict[tuple[str, str], dict[tuple, dict]] = defaultdict(dict)
    for row in _lineage_edges(store, iri):
        pair = (row["child"], row["parent"])
        names[row["child"]], names[row["parent"]] = row["childName"], row["parentName"]
        if row["p"] in KINDS or row["p"] == DERIVED_FROM:
            props[pair].add(row["p"])
    up, down = _reach(props, iri, up=True), _reach(props, iri, up=False)
    total = len(props)
    if total > MAX_EDGES:
        props = {pair: props[pair] for pair in _nearest(props, iri, up)[:MAX_EDGES]}
    # each derivation's evidence: an ancestor's read by its child, a descendant's by its parent (fewer queries)
    above = {iri} | up
    asks = sorted({("derivation-evidence", c) for c, _ in props if c in above} |
                  {("derived-evidence", p) for c, p in props if c not in above})
    for query, node in asks:
        for row in rows(store, query, iri=node):
            pair = (node, row["parent"]) if query == "derivation-evidence" else (row["child"], node)
            if pair in props and row["p"] in KINDS and row.get("quote") is not None:
                ev = evidence_of(row)
                said[pair].setdefault((ev["quote"], ev["record"], ev["kind"]), ev)
    shown = {iri} | {n for pair in props for n in pair}
    nodes = [{"id": n, "label": text(names[n] or n, 200), "href": href(n),
              "role": "root" if n == iri else "ancestor" if n in up else "descendant"}
             for n in sorted(shown, key=lambda n: text(names[n]).casefold())]
    edges = []
    for (child, parent), ps in sorted(props.items()):
        evs = sorted(said[(child, parent)].values(), key=lambda e: (-_float(e["confidence"]), e["record"], e["kind"]))
        edges.append({"child": child, "parent": parent, "kinds": [k["key"] for k in kinds_of(ps)],
                      "evidence": _merge_kinds(evs)})
    return {"root": iri, "nodes": nodes, "edges": edges, "ancestors": len(up), "descendants": len(down),
            "total": total}


def _lineage_edges(store, iri: str) -> list[dict]:
    """Every derivation of the model's lineage, a step at a time: its ancestors' edges walked up from
    it, its descendants' walked down (a descendant's edge has its parent in the lineage too)."""
    out: list[dict] = []
    for query, start, end in (("lineage-parents", "child", "parent"), ("lineage-children", "parent", "child")):
        seen, frontier = {iri}, [iri]
        while frontier:
            step = []
            for node in frontier:
                for row in rows(store, query, iri=node):
                    row[start] = row.pop("iri")  # the bound end of the step
                    out.append(row)
                    if row[end] not in seen:
                        seen.add(row[end])
                        step.append(row[end])
            frontier = step
    return out


def _nearest(props: dict, root: str, up: set[str]) -> list[tuple[str, str]]:
    """The lineage's derivations, those of the model's ancestors first, then its descendants' by distance."""
    children: dict[str, list[str]] = defaultdict(list)
    for child, parent in props:
        children[parent].append(child)
    depth, todo = {root: 0}, [root]
    while todo:
        nxt = []
        for node in todo:
            for child in children[node]:
                if child not in depth:
                    depth[child] = depth[node] + 1
                    nxt.append(child)
        todo = nxt
    return sorted(props, key=lambda pair: (pair[0] not in up and pair[0] != root, depth.get(pair[0], 10**6), pair))


def _merge_kinds(evs: list[dict]) -> list[dict]:
    """Evidence grouped by sentence: one quote (with every kind it states: "pruned and distilled"),
    the paper it is from, and each record it was read from (a paper listed in three files is read
    three times)."""
    out: dict[tuple, dict] = {}
    for ev in evs:
        key = (ev["quote"], (ev["paper"] or {}).get("href"))
        group = out.setdefault(key, {"quote": ev["quote"], "kinds": [], "paper": ev["paper"], "arxiv": ev["arxiv"],
                                     "date": ev["date"], "sources": []})
        for kind in ev["kind"].split(", "):
            if kind and kind not in group["kinds"]:
                group["kinds"].append(kind)
        source = {k: ev[k] for k in ("record", "format", "lines", "extractor")}
        same = [s for s in group["sources"] if {k: s[k] for k in source} == source]
        if same:  # one record stating two kinds, with a confidence each
            if ev["confidence"] and ev["confidence"] not in same[0]["confidence"].split(" / "):
                same[0]["confidence"] = " / ".join(sorted(filter(None, [same[0]["confidence"], ev["confidence"]])))
        else:
            group["sources"].append({**source, "confidence": ev["confidence"]})
        group["arxiv"] = group["arxiv"] or ev["arxiv"]
    order = {k["label"]: i for i, k in enumerate(legend())}
    for group in out.values():
        group["kinds"].sort(key=lambda k: order.get(k, len(order)))
    return list(out.values())


def _float(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def _reach(props: dict, root: str, *, up: bool) -> set[str]:
    step: dict[str, set[str]] = defaultdict(set)
    for child, parent in props:
        step[child if up else parent].add(parent if up else child)
    seen, todo = set(), [root]
    while todo:
        for nxt in step[todo.pop()]:
            if nxt not in seen and nxt != root:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _paper(store, iri: str, values: dict, links: dict) -> dict:
    authors = sorted(links.get("in:wrote", []), key=lambda a: (a["position"] or 10**6, a["label"].casefold()))
    derivations: dict[tuple[str, str], dict] = {}
    for row in rows(store, "paper-derivations", iri=iri):
        kind = kind_of(row["p"])
        if kind is None or row["p"] == DERIVED_FROM:
            continue
        d = derivations.setdefault((row["child"], row["parent"]), {
            "child": link(row["child"], row["childName"]), "parent": link(row["parent"], row["parentName"]),
            "kinds": [], "quotes": []})
        if kind["key"] not in d["kinds"]:
            d["kinds"].append(kind["key"])
        quote = text(row["quote"], QUOTE_CHARS)
        if quote and quote not in d["quotes"]:
            d["quotes"].append(quote)
    order = {k["key"]: i for i, k in enumerate(legend())}
    for d in derivations.values():
        d["kinds"].sort(key=order.get)
    records = _records(store, iri)
    arxiv = sorted(values.get("arxiv", []))
    return {
        "title": text(min(values.get("title") or values.get("label") or [""]), 500),
        "date": text(min(values.get("date") or [""]), 20) or None,
        "arxiv": [{"label": text(a, 40), "url": arxiv_url(a)} for a in arxiv],
        "doi": [text(d, 200) for d in sorted(values.get("doi", []))],
        "abstract": text(min(values.get("abstract") or [""], key=len), ABSTRACT_CHARS) or None,
        "comments": [text(c, 500) for c in sorted(values.get("comments", []))],
        "titleGuessed": "true" in values.get("titleGuessed", []),
        "authorsNotShown": _int(min(values.get("authorsNotShown") or ["0"])) or 0,
        "authors": authors,
        "introduces": links.get("out:introduces", []),
        "uses": links.get("out:uses", []),
        "described": links.get("in:describedIn", []),
        "derivations": sorted(derivations.values(), key=lambda d: (d["child"]["label"].casefold(),
                                                                   d["parent"]["label"].casefold())),
        "records": records,
        "kinds": legend(),
    }


def _person(store, iri: str, links: dict) -> dict:
    coauthors = [link(r["coauthor"], r["name"], count=_int(r["papers"]))
                 for r in rows(store, "person-coauthors", iri=iri)]
    return {"papers": links.get("out:wrote", []), "coauthors": coauthors}


def _thing(store, iri: str, links: dict) -> dict:
    return {"introducedBy": links.get("in:introduces", []), "usedBy": links.get("in:uses", []),
            "trainedOn": links.get("in:trainedOn", []), "papers": links.get("out:wrote", []),
            "members": links.get("in:inFamily", [])}
