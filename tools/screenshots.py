"""Take the pictures in docs/img from the real pages, in headless Chromium (`make docs`).

The example corpus is built into a temporary store; each page is opened as a user would open it and
photographed once it says it is ready (``window.kgReady``): the static pages from disk, the
explorer from a real `kg serve` on a free loopback port. Only this script writes docs/img: the
test suite takes the same pictures into a temporary folder.

    python tools/screenshots.py [--out docs/img]
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import kg
from kg.views import graph_view, lineage_view

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def static_pages(store: Path, tmp: Path) -> dict[str, Path]:
    """The offline pages: the whole graph, and one model's lineage."""
    graph = kg.open(store)
    return {"graph": graph_view(graph).save(tmp / "graph.html"),
            "lineage": lineage_view(graph, "Llama3").save(tmp / "lineage.html")}


EXPLORER_MODEL = "Llama3"
"""The model whose explorer page is photographed: the example corpus's widest lineage."""


@contextmanager
def served(store: Path):
    """`kg serve` over ``store`` on a free loopback port; yields its base URL; stopped afterwards."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/api/search?q=x", timeout=5).read()
                break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(30)


def explorer_pages(base: str) -> dict[str, str]:
    """The explorer's page of EXPLORER_MODEL (found as a user finds it: the search's exact match)."""
    import json

    hits = json.load(urllib.request.urlopen(base + "/api/search?q=" + urllib.parse.quote(EXPLORER_MODEL)))["hits"]
    return {"explorer": base + hits[0]["href"]}


def shoot(pages: dict[str, Path | str], out: Path) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, path in pages.items():
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(path if isinstance(path, str) else Path(path).as_uri())
            page.wait_for_function("window.kgReady === true", timeout=30_000)
            page.screenshot(path=str(out / f"{name}.png"))
            print(f"wrote {out / f'{name}.png'}")
            page.close()
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        kg.build([ROOT / "examples" / "corpus"], store=store)
        shoot(static_pages(store, Path(tmp)), args.out)
        with served(store) as base:
            shoot(explorer_pages(base), args.out)


if __name__ == "__main__":
    main()
