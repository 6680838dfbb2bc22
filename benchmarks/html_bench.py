#!/usr/bin/env python3
"""How fast the HTML views become interactive in headless Chromium, and where a page stops being usable.

    python benchmarks/html_bench.py [--sizes 500 1500 3000 10000]

Times (median of 3 loads from disk, network off) from navigation to the moment
the page says it is ready (layout settled, first full drawing), for the example
corpus's whole-graph page, a lineage page, and synthetic graphs of growing size
drawn whole and drawn focused (kg html's default above MAX_NODES).
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import kg  # noqa: E402
from kg.graph.store import Store  # noqa: E402
from kg.views import MAX_NODES, graph_view, lineage_view  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
M = "https://w3id.org/mlkg/ontology#"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"


def synthetic(store: Path, nodes: int) -> None:
    """A graph shaped like ours: papers, people, models; about two edges per node."""
    lines, papers = [], max(1, nodes // 6)
    for i in range(nodes):
        kind = "Paper" if i < papers else ("Person" if i % 3 else "Model")
        iri = f"<https://w3id.org/mlkg/id/x/{i}>"
        lines += [f"{iri} {TYPE} <{M}{kind}> .\n", f'{iri} {LABEL} "{kind} {i}" .\n']
        if i >= papers:
            for j in (i % papers, (i * 7) % papers):
                pred = "wrote" if kind == "Person" else "introduces"
                s, o = (iri, f"<https://w3id.org/mlkg/id/x/{j}>")
                lines.append(f"{s if pred == 'wrote' else o} <{M}{pred}> {o if pred == 'wrote' else s} .\n")
    Store(store).write(lines, [], {})


def time_page(browser, path: Path, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
        start = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_function("window.kgReady === true", timeout=180_000, polling=50)
        times.append(time.perf_counter() - start)
        page.close()
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 1500, 3000, 10000])
    a = ap.parse_args()
    chromium = shutil.which("chromium")
    if not chromium:
        print("chromium is not installed (apt-get install chromium)")
        return 1
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        tmp = Path(tmp)
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        store = tmp / "demo"
        kg.build([ROOT / "examples" / "corpus"], store=store)
        graph = kg.open(store)
        v = graph_view(graph)
        rows.append(("example corpus, whole graph", v.nodes, time_page(browser, v.save(tmp / "g.html"))))
        v = lineage_view(graph, "Nemotron-Nano-9B-v2")
        rows.append(("example corpus, lineage page", v.nodes, time_page(browser, v.save(tmp / "l.html"))))
        for n in a.sizes:
            synthetic(tmp / f"s{n}", n)
            g = kg.open(tmp / f"s{n}")
            v = graph_view(g, max_nodes=n + 1)
            rows.append((f"synthetic {n} nodes, drawn whole", v.nodes, time_page(browser, v.save(tmp / f"w{n}.html"))))
            if n > MAX_NODES:
                v = graph_view(g)
                rows.append((f"synthetic {n} nodes, focused (kg html default)", v.nodes,
                             time_page(browser, v.save(tmp / f"f{n}.html"))))
        browser.close()
    print("| page | nodes drawn | interactive after (s, median of 3) |")
    print("| --- | --- | --- |")
    for name, nodes, t in rows:
        print(f"| {name} | {nodes} | {t:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
