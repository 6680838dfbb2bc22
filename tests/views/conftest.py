"""Stores for the page tests (the example corpus, hostile ones, a large synthetic one) and a headless browser."""

from pathlib import Path

import pytest
from page_data import hostile_triples, nt, synthetic_triples

import kg
from kg.graph.store import Store

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory):
    store = tmp_path_factory.mktemp("demo") / "store"
    kg.build([ROOT / "examples" / "corpus"], store=store)
    return store


@pytest.fixture(scope="session")
def listing_store(tmp_path_factory):
    """The hostile listing in tests/data, through the real readers and extractors."""
    store = tmp_path_factory.mktemp("hostile") / "store"
    kg.build([DATA / "hostile" / "xss_listing.txt"], store=store)
    return store


@pytest.fixture(scope="session")
def hostile_store(tmp_path_factory):
    """A hand-made graph with a probe in every sink (models with hostile names in a lineage too)."""
    store = Store(tmp_path_factory.mktemp("probes") / "store")
    store.write(nt(hostile_triples()), [], {})
    return store.path


@pytest.fixture(scope="session")
def big_store(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("big") / "store")
    store.write(nt(synthetic_triples(600)), [], {})
    return store.path


@pytest.fixture
def open_page(browser):
    """Open a page from disk with the network off; record console errors, dialogs and requests."""
    opened = []

    def _open(path: Path, *, ready: bool = True):
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        seen = {"errors": [], "dialogs": [], "requests": []}

        def on_request(route):
            if not route.request.url.startswith("file://"):
                seen["requests"].append(route.request.url)
                return route.abort()
            return route.continue_()

        page.route("**/*", on_request)
        page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
        page.on("pageerror", lambda e: seen["errors"].append(str(e)))
        page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
        page.goto(Path(path).resolve().as_uri())
        if ready:
            page.wait_for_function("window.kgReady === true", timeout=30_000)
        opened.append(page)
        return page, seen

    yield _open
    for page in opened:
        page.close()
