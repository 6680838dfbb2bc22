"""`kg stats` prints, per class and per predicate, the counts SPARQL gives."""

from __future__ import annotations

import kg
from support import run_kg


def printed_tables(stdout: str) -> list[dict[str, int]]:
    """The two tables `kg stats` prints, as {name: count}."""
    tables, current = [], None
    for line in stdout.splitlines():
        cells = line.split()
        if len(cells) == 2 and cells[1] == "count":
            current = {}
            tables.append(current)
        elif len(cells) == 2 and current is not None:
            current[cells[0]] = int(cells[1])
        elif not cells:
            current = None
    return tables


def test_stats_match_sparql_counts(built):
    proc = run_kg("stats", "--store", str(built))
    assert proc.returncode == 0, proc.stderr
    classes, predicates = printed_tables(proc.stdout)
    g = kg.open(built)
    short = g.graph.namespace_manager.normalizeUri
    by_class = {short(r["c"]): int(r["n"]) for r in
                g.rows("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c")}
    by_predicate = {short(r["p"]): int(r["n"]) for r in
                    g.rows("SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p")}
    assert classes == by_class
    assert predicates == by_predicate
    assert classes["mlkg:Paper"] == g.store.manifest()["summary"]["papers"]
    assert sum(predicates.values()) == len(g)
