import shutil
from pathlib import Path

import pytest

import kg

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="session")
def hostile_store(tmp_path_factory):
    store = tmp_path_factory.mktemp("hostile") / "store"
    kg.build([DATA / "hostile" / "xss_listing.txt"], store=store)
    return store


@pytest.fixture(scope="session")
def browser():
    if CHROMIUM is None:
        pytest.skip("headless chromium is not installed (make test installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def open_page(browser):
    """Open a page from disk with the network off; collect console errors, dialogs and requests."""
    opened = []

    def _open(path: Path):
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
        page.goto(path.resolve().as_uri())
        page.wait_for_function("window.kgReady === true", timeout=30_000)
        opened.append(page)
        return page, seen

    yield _open
    for page in opened:
        page.close()
