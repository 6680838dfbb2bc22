#!/usr/bin/env python3
"""How fast the HTML views become interactive in headless Chromium, and where a page stops being usable.

    .venv/bin/python benchmarks/html_bench.py [--sizes 500 1000 2000 ...] [--runs 3] [--whole-max 10000]

For each page, loaded from disk with the network off:

* build: seconds in Python to make the page (queries, layout, rendering);
* ready: seconds from navigation to the page saying it is ready (first full
  drawing, or physics settled), median of ``--runs`` loads;
* frame: milliseconds to redraw after a zoom step (median of 6), i.e. how
  the page feels when it is panned and zoomed;
* labels: how many node labels are large enough to be drawn at the opening
  (fit-to-screen) zoom, i.e. what can be read without zooming;
* spacing: the median on-screen distance (pixels) from a node to its nearest
  neighbour at the opening zoom; below ~10 px nodes merge into a blob that
  cannot be told apart or clicked.

Pages: the example corpus's whole graph, every lineage page of the corpus,
synthetic graphs shaped like ours drawn whole (``max_nodes`` lifted), and the
same graphs as ``kg html`` draws them by default (focused above MAX_NODES).
Results are printed as a Markdown table and written to benchmarks/out/html.json.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "views"))

import kg  # noqa: E402
from kg.graph.store import Store  # noqa: E402
from kg.views import MAX_NODES, graph_view, lineage_view  # noqa: E402
from page_data import nt, synthetic_triples  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
FRAME = """async () => {
  const net = kgNetwork, times = [];
  for (let i = 0; i < 7; i++) {
    const s = net.getScale(), t = performance.now();
    await new Promise(r => { net.once("afterDrawing", r); net.moveTo({scale: s * (i % 2 ? 0.8 : 1.25)}); });
    times.push(performance.now() - t);
  }
  times.shift();  // the first redraw also warms caches
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}"""
LABELS = """() => {
  const s = kgNetwork.getScale(), threshold = kgNetwork.body.nodes[kgData.nodes.getIds()[0]].options.scaling.label.drawThreshold;
  return Object.values(kgNetwork.body.nodes).filter(n => n.options.font.size * s >= threshold).length;
}"""
SPACING = """() => {
  const s = kgNetwork.getScale(), p = Object.values(kgNetwork.getPositions()), d = [];
  const step = Math.max(1, Math.floor(p.length / 500));
  for (let i = 0; i < p.length; i += step) {
    let best = Infinity;
    for (let j = 0; j < p.length; j++) {
      if (j !== i) { best = Math.min(best, Math.hypot(p[i].x - p[j].x, p[i].y - p[j].y)); }
    }
    d.push(best * s);
  }
  d.sort((a, b) => a - b);
  return d.length ? d[Math.floor(d.length / 2)] : 0;
}"""


def measure(browser, view, path: Path, runs: int) -> dict:
    path = view.save(path)
    ready, frame, labels, spacing = [], None, None, None
    for i in range(runs):
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
        start = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_function("window.kgReady === true", timeout=300_000, polling=20)
        ready.append(time.perf_counter() - start)
        if i == 0:
            labels = page.evaluate(LABELS)
            spacing = page.evaluate(SPACING)
            frame = page.evaluate(FRAME)
        page.close()
    return {"nodes": view.nodes, "edges": view.edges, "left_out": view.left_out_nodes,
            "mb": round(len(view.html.encode()) / 1e6, 2), "ready_s": round(statistics.median(ready), 2),
            "frame_ms": round(frame, 1), "labels_at_fit": labels, "spacing_px": round(spacing, 1)}


def timed(make):
    start = time.perf_counter()
    view = make()
    return view, round(time.perf_counter() - start, 2)


def corpus(row, browser, tmp: Path, rows: list) -> None:
    """The example corpus: its whole graph, and every lineage page (summarised in one row)."""
    from kg.lineage import derivations, labels_of

    store = tmp / "demo"
    kg.build([ROOT / "examples" / "corpus"], store=store)
    graph = kg.open(store)
    row("example corpus, whole graph", lambda: graph_view(graph), browser, tmp)
    models = sorted(set(labels_of(graph.graph, {m for pair in derivations(graph.graph) for m in pair}).values()))
    each = [row(f"example corpus, lineage of {m}", lambda m=m: lineage_view(graph, m), browser, tmp, 1)
            for m in models]
    del rows[-len(each):]
    ready = [r["ready_s"] for r in each]
    rows.append({"page": f"example corpus, all {len(each)} lineage pages (largest)",
                 **{k: max(r[k] for r in each) for k in ("nodes", "edges", "left_out", "mb", "build_s", "frame_ms")},
                 "ready_s": f"median {statistics.median(ready):.2f}, max {max(ready):.2f}",
                 "labels_at_fit": "all", "spacing_px": min(r["spacing_px"] for r in each)})


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 750, 1000, 1250, 1500, 2000, 3000, 5000, 10000, 50000])
    ap.add_argument("--whole-max", type=int, default=10000, help="Larger graphs are only drawn focused.")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-corpus", action="store_true", help="Only the synthetic graphs.")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "html.json")
    a = ap.parse_args()
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        print("chromium is not installed (apt-get install chromium)")
        return 1
    from playwright.sync_api import sync_playwright

    rows: list[dict] = []

    def row(name, make, browser, tmp, runs=a.runs):
        view, build = timed(make)
        r = {"page": name, "build_s": build, **measure(browser, view, tmp / "page.html", runs)}
        rows.append(r)
        print(json.dumps(r), flush=True)
        return r

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        tmp = Path(tmp)
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        if not a.no_corpus:
            corpus(row, browser, tmp, rows)
        for n in a.sizes:
            Store(tmp / f"s{n}").write(nt(synthetic_triples(n)), [], {})
            g = kg.open(tmp / f"s{n}")
            if n <= a.whole_max:
                row(f"synthetic {n}, drawn whole", lambda g=g, n=n: graph_view(g, max_nodes=n + 1), browser, tmp)
            if n > MAX_NODES:
                row(f"synthetic {n}, kg html default (focused)", lambda g=g: graph_view(g), browser, tmp)
        browser.close()
    cols = ["page", "nodes", "edges", "left_out", "mb", "build_s", "ready_s", "frame_ms", "labels_at_fit", "spacing_px"]
    print()
    print(f"MAX_NODES = {MAX_NODES}")
    print("| " + " | ".join(cols) + " |")
    print("|" + " --- |" * len(cols))
    for r in rows:
        print("| " + " | ".join(str(r.get(c, "")) for c in cols) + " |")
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
