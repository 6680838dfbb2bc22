"""Fixtures shared by the whole suite: paths, the example corpus built once, the real `kg` command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
HOSTILE = ROOT / "tests" / "data" / "hostile"


@pytest.fixture(scope="session")
def example_store(tmp_path_factory) -> Path:
    """The example corpus built into a temporary store, once per session. Never write to it:
    copy it first (``shutil.copytree(example_store, tmp_path / "s", symlinks=True)``)."""
    import kg

    store = tmp_path_factory.mktemp("example") / "store"
    kg.build([CORPUS], store=store)
    return store


@pytest.fixture(scope="session")
def built(example_store) -> Path:
    """The example corpus's store under the name the store, query and export tests give it."""
    return example_store


@pytest.fixture(scope="session")
def graph(example_store):
    """The example corpus's graph copied into an in-memory rdflib Graph (cheap to walk many times)."""
    from rdflib import Graph

    import kg

    g = Graph()
    for t in kg.open(example_store).graph:
        g.add(t)
    return g


@pytest.fixture(scope="session")
def demo(example_store):
    """The example corpus's graph, opened read-only."""
    import kg

    return kg.open(example_store)


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by playwright, once per session (every page test's browser)."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent (make test installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def kg_cli():
    """Run the installed ``kg`` command in a child process, as a user would: no colour, a wide
    terminal, and no ``$KG_STORE`` unless ``env`` gives one."""
    exe = Path(sys.executable).with_name("kg")

    def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            input: str | bytes | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
        full = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
        full.update({"NO_COLOR": "1", "COLUMNS": "200", "TERM": "dumb", **(env or {})})
        return subprocess.run([str(exe), *map(str, args)], capture_output=True, cwd=cwd, env=full,
                              input=input, timeout=timeout, text=not isinstance(input, bytes))

    return run


def pytest_collection_modifyitems(config, items):
    """A test that drives the browser is a slow test too: `make test-fast` (-m "not slow") leaves it out."""
    for item in items:
        if item.get_closest_marker("browser") and not item.get_closest_marker("slow"):
            item.add_marker(pytest.mark.slow)
