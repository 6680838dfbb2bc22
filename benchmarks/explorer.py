#!/usr/bin/env python3
"""How fast the lineage explorer answers: every kind of page, over HTTP from a real `kg serve`.

    .venv/bin/python benchmarks/explorer.py                      # the example corpus (built into a temp store)
    .venv/bin/python benchmarks/explorer.py --store STORE        # any built store (e.g. bench.py's 100k one)
    .venv/bin/python benchmarks/explorer.py --runs 5 --sample 40 --browser

For each kind of page (home, atlas, search suggestions, search, model, paper,
person, technique / dataset / benchmark), up to ``--sample`` pages of that kind
are asked for once to warm up, then ``--runs`` times each; the figure is the
time from sending the request to the last byte of the answer, on the loopback
address (the server's work plus the HTTP exchange). The first request of all,
which reads the name index and the atlas into memory, is reported on its own.
``--browser`` also times, in headless Chromium, a navigation to the page saying
it is drawn (``window.kgReady``), median of 3 loads, for the home page, the
atlas and the model with the largest lineage.

The budget (``--budget-ms``, 300 by default, the figure issue 17 asks for on the
example corpus) is checked on the slowest page of each kind. Results are a
Markdown table on stdout and benchmarks/out/explorer.json.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import kg  # noqa: E402
from kg.views.explorer.run import open_store, rows  # noqa: E402
from kg.views.explorer.shape import class_key, href  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
KINDS = ["model", "paper", "person", "technique", "dataset", "benchmark", "family"]
QUERIES = ["llama", "nemotron 4", "wei", "reinforcement learning", "8b", "zz no such"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(store: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("kg serve did not start")


def fetch(port: int, path: str) -> tuple[int, float]:
    """(status, seconds from request to the last byte) over a fresh connection, as a browser's first visit."""
    t = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.request("GET", path)
    answer = conn.getresponse()
    answer.read()
    conn.close()
    return answer.status, time.perf_counter() - t


def pages(store: Path, sample: int) -> dict[str, list[str]]:
    """Addresses to time, per kind: up to ``sample`` of each, the model with the largest lineage first."""
    db = open_store(store)
    by_kind: dict[str, set[str]] = {k: set() for k in KINDS}
    for r in rows(db, "names"):
        k = class_key(r["class"])
        if k in by_kind and href(r["e"]):
            by_kind[k].add(href(r["e"]))
    degree: dict[str, int] = {}
    for r in rows(db, "atlas"):
        for node in (r["child"], r["parent"]):
            degree[href(node)] = degree.get(href(node), 0) + 1
    out = {"home": ["/"], "atlas": ["/atlas"],
           "suggestions": ["/api/search?q=" + urllib.parse.quote(q) for q in QUERIES],
           "search": ["/search?q=" + urllib.parse.quote(q) for q in QUERIES]}
    for k, addresses in by_kind.items():
        ranked = sorted(addresses, key=lambda a: (-degree.get(a, 0), a))
        if ranked:
            out[k] = ranked[:sample]
    return out


def time_pages(port: int, table: dict[str, list[str]], runs: int) -> dict[str, dict]:
    results = {}
    for kind, paths in table.items():
        times, worst = [], ("", 0.0)
        for path in paths:
            status, _ = fetch(port, path)  # warm-up (and a check)
            if status not in (200, 303):
                raise SystemExit(f"{path}: HTTP {status}")
            for _ in range(runs):
                _, t = fetch(port, path)
                times.append(t)
                if t > worst[1]:
                    worst = (path, t)
        times.sort()
        results[kind] = {"pages": len(paths), "requests": len(times), "median_ms": 1000 * statistics.median(times),
                         "p95_ms": 1000 * times[int(0.95 * (len(times) - 1))], "max_ms": 1000 * times[-1],
                         "slowest": worst[0]}
    return results


def time_browser(port: int, paths: list[str]) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for path in paths:
            loads = []
            for _ in range(3):
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                t = time.perf_counter()
                page.goto(f"http://127.0.0.1:{port}{path}")
                page.wait_for_selector("#main > *:not(noscript)")
                loads.append(time.perf_counter() - t)
                page.close()
            out[path] = 1000 * statistics.median(loads)
        browser.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, help="a built store (default: the example corpus, built now)")
    ap.add_argument("--runs", type=int, default=5, help="timed requests per page, after one warm-up")
    ap.add_argument("--sample", type=int, default=25, help="pages timed per kind of page")
    ap.add_argument("--budget-ms", type=float, default=300.0)
    ap.add_argument("--browser", action="store_true", help="also time drawing in headless Chromium")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store
        if store is None:
            store = Path(tmp) / "store"
            kg.build([ROOT / "examples" / "corpus"], store=store)
        table = pages(store, args.sample)
        port = free_port()
        proc = start(store, port)
        try:
            _, first = fetch(port, "/")
            results = time_pages(port, table, args.runs)
            drawn = {}
            if args.browser:
                drawn = time_browser(port, ["/", "/atlas", table["model"][0]])
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(30)
    print(f"store: {store}  first request (reads the name index and the atlas): {1000 * first:.0f} ms\n")
    print("| page | pages | requests | median ms | p95 ms | max ms | within budget |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    ok = True
    for kind, r in results.items():
        within = r["max_ms"] <= args.budget_ms
        ok &= within
        print(f"| {kind} | {r['pages']} | {r['requests']} | {r['median_ms']:.1f} | {r['p95_ms']:.1f} | "
              f"{r['max_ms']:.1f} | {'yes' if within else 'NO: ' + r['slowest']} |")
    for path, ms in drawn.items():
        print(f"\ndrawn in Chromium: {path} {ms:.0f} ms (median of 3, navigation to the page drawn)")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "explorer.json").write_text(json.dumps(
        {"store": str(store), "first_ms": 1000 * first, "budget_ms": args.budget_ms, "pages": results,
         "browser_ms": drawn}, indent=1), "utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
