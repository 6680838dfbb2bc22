"""The lineage explorer on a real `kg serve`: plain HTTP, then headless Chromium as a person uses it."""

import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from serving import HOSTILE_LABEL, http, running_server

import kg
from kg.views.text import safe_text

ROOT = Path(__file__).resolve().parents[2]
DERIVATION_PAIRS = """SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?c ?p WHERE {
  ?c mlkg:derivedFrom ?p . FILTER(?c != ?p) } }"""
ACTIVE = """() => document.querySelectorAll('img, iframe, object, embed, svg script, [onerror], [onload], [onclick]').length
                 + document.querySelectorAll('script').length"""


@pytest.fixture(scope="module")
def site(served_store):
    with running_server(served_store) as (url, _proc):
        yield url.rsplit("/", 1)[0]


def get(site, path):
    return http(site + path)


def suggest(site, q):
    status, _, text = get(site, "/api/search?q=" + urllib.parse.quote(q))
    assert status == 200
    return json.loads(text)["hits"]


# -- plain HTTP ------------------------------------------------------------------------

def test_pages_answer_with_a_policy_that_allows_only_this_server(site):
    for path in ("/", "/atlas", "/search?q=llama"):
        status, headers, text = get(site, path)
        assert status == 200 and headers["Content-Type"].startswith("text/html"), path
        csp = headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe" not in csp
        assert headers["X-Frame-Options"] == "DENY" and headers["Access-Control-Allow-Origin"] is None
        assert '<script type="application/json" id="kg-data">' in text
        assert "https://" not in text.replace("https://w3id.org/mlkg/", "").replace("https://arxiv.org/abs/", "")
    status, headers, js = get(site, "/static/explorer.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript")
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "eval(" not in js
    assert get(site, "/static/../server.py")[0] == 404 and get(site, "/static/page.js")[0] == 404


def test_suggestions_by_any_spelling(site):
    hits = suggest(site, "mn minitron 8b")
    assert hits[0]["label"] == "Mistral-NeMo-Minitron-8B" and hits[0]["exact"] and hits[0]["cls"] == "model"
    assert hits[0]["href"].startswith("/id/model/")
    assert suggest(site, "wei ping")[0]["cls"] == "person"
    assert suggest(site, "") == []


def test_enter_on_an_exact_name_opens_its_page(site):
    status, headers, _ = http(site + "/search?q=MN-Minitron-8B", method="GET")  # urllib follows the 303
    assert status == 200
    req = urllib.request.Request(site + "/search?q=" + urllib.parse.quote("mn minitron 8b"))

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        urllib.request.build_opener(NoRedirect).open(req, timeout=30)
        raise AssertionError("no redirect")
    except urllib.error.HTTPError as e:
        assert e.code == 303 and e.headers["Location"] == suggest(site, "MN-Minitron-8B")[0]["href"]
    status, _, text = get(site, "/search?q=" + urllib.parse.quote("nano"))  # several: a results page
    assert status == 200 and '"page": "search"' in text


def test_unknown_addresses_are_404_pages(site):
    for path in ("/id/model/no-such-model", "/nope", "/id/"):
        status, headers, text = get(site, path)
        assert status == 404 and headers["Content-Type"].startswith("text/html") and '"page": "error"' in text


def test_hostile_label_stays_data(site):
    status, _, text = get(site, "/id/model/hostile")
    assert status == 200
    assert "<script>alert" not in text and "</script><script>" not in text  # escaped inside the JSON island
    island = text.split('id="kg-data">', 1)[1].split("</script>", 1)[0]
    assert json.loads(island)["label"] == safe_text(HOSTILE_LABEL, 500)


# -- in a browser --------------------------------------------------------------------------

@pytest.fixture
def visit(browser):
    """A new tab that records console errors, dialogs and every request's host."""
    opened = []

    def _open():
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        seen = {"errors": [], "dialogs": [], "hosts": set()}
        page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
        page.on("pageerror", lambda e: seen["errors"].append(str(e)))
        page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
        page.on("request", lambda r: seen["hosts"].add(urllib.parse.urlsplit(r.url).netloc))
        opened.append(page)
        return page, seen

    yield _open
    for page in opened:
        page.close()


def ready(page):
    page.wait_for_selector("#main > *:not(noscript)", timeout=30_000)
    assert page.evaluate("window.kgReady") is True


@pytest.mark.browser
@pytest.mark.slow
def test_search_then_model_then_click_a_parent(site, visit):
    page, seen = visit()
    page.goto(site + "/")
    ready(page)
    page.fill("#q", "mn minitron")
    page.wait_for_selector("#suggest li a", timeout=30_000)
    assert "Mistral-NeMo-Minitron-8B" in page.eval_on_selector_all("#suggest .name", "els => els.map(e => e.textContent)")
    page.fill("#q", "MN-Minitron-8B")
    with page.expect_navigation():
        page.press("#q", "Enter")
    ready(page)
    assert page.url.startswith(site + "/id/model/")
    assert page.text_content("h1") == "Mistral-NeMo-Minitron-8B"
    assert page.text_content(".node.role-root") == "Mistral-NeMo-Minitron-8B"
    parents = page.eval_on_selector_all(".node.role-ancestor", "els => els.map(e => e.textContent)")
    assert parents == ["Mistral NeMo 12B"]
    quotes = page.eval_on_selector_all(".derivation blockquote", "els => els.map(e => e.textContent)")
    assert quotes and all("Mistral NeMo 12B" in q for q in quotes)
    assert page.eval_on_selector_all("path.edge", "els => els.length") == 1
    with page.expect_navigation():
        page.click(".node.role-ancestor")
    ready(page)
    assert page.text_content("h1") == "Mistral NeMo 12B"
    assert page.eval_on_selector_all(".node.role-descendant", "els => els.map(e => e.textContent)") == [
        "Mistral-NeMo-Minitron-8B"]
    assert seen["errors"] == [] and seen["dialogs"] == []
    assert seen["hosts"] == {urllib.parse.urlsplit(site).netloc}  # no request leaves 127.0.0.1


@pytest.mark.browser
@pytest.mark.slow
def test_atlas_draws_every_derivation_and_filters(site, served_store, visit):
    want = int(kg.open(served_store).rows(DERIVATION_PAIRS)[0]["n"])
    page, seen = visit()
    page.goto(site + "/atlas")
    ready(page)
    assert want > 10 and page.eval_on_selector_all("path.edge", "els => els.length") == want
    only_based_on = page.eval_on_selector_all("path.edge", "els => els.filter(e => e.dataset.kinds === 'based_on').length")
    page.uncheck("input[data-kind=based_on]")
    assert page.eval_on_selector_all("path.edge", "els => els.length") == want - only_based_on
    page.check("input[data-kind=based_on]")
    page.select_option("#atlas-from", index=1)  # from the first year on: nothing dated earlier, undated kept
    page.uncheck("#atlas-undated")
    dated = page.eval_on_selector_all("path.edge", "els => els.length")
    assert 0 < dated <= want
    page.select_option("#atlas-from", index=0)
    page.check("#atlas-undated")
    page.fill("#atlas-name", "minitron")
    assert page.eval_on_selector_all(".node.hit", "els => els.map(e => e.textContent)") == ["Mistral-NeMo-Minitron-8B"]
    with page.expect_navigation():
        page.click(".node.hit")
    ready(page)
    assert page.text_content("h1") == "Mistral-NeMo-Minitron-8B"
    assert seen["errors"] == [] and seen["dialogs"] == []
    assert seen["hosts"] == {urllib.parse.urlsplit(site).netloc}


@pytest.mark.browser
@pytest.mark.slow
def test_every_kind_of_page_draws_without_errors(site, visit):
    page, seen = visit()
    for q in ("2402.16819", "Wei Ping", "RL", "Llama3", "NVIDIA"):
        target = suggest(site, q)[0]
        page.goto(site + target["href"])
        ready(page)
        assert page.text_content("h1") in (target["label"], safe_text(target["label"])), q
        assert page.text_content(".hero .badge")
    page.goto(site + "/search?q=" + urllib.parse.quote("nano"))
    ready(page)
    assert page.eval_on_selector_all(".results li", "els => els.length") >= 3
    assert seen["errors"] == [] and seen["dialogs"] == []
    assert seen["hosts"] == {urllib.parse.urlsplit(site).netloc}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The hostile corpus of tests/data/hostile, through the real readers and extractors, served."""
    store = tmp_path_factory.mktemp("hostile") / "store"
    kg.build([ROOT / "tests" / "data" / "hostile"], store=store)
    with running_server(store) as (url, _proc):
        yield url.rsplit("/", 1)[0], store


@pytest.mark.browser
@pytest.mark.slow
def test_the_hostile_corpus_is_inert_on_every_page(hostile_site, site, visit):
    base, store = hostile_site
    from kg.views.explorer import open_store
    from kg.views.explorer.run import rows
    from kg.views.explorer.shape import class_key, href

    entities = sorted({href(r["e"]) for r in rows(open_store(store), "names") if class_key(r["class"])} - {None})
    assert len(entities) > 20
    page, seen = visit()
    for path in ["/", "/atlas", "/search?q=" + urllib.parse.quote("<img src=x onerror=alert(1)>"), *entities]:
        page.goto(base + path)
        ready(page)
        assert page.evaluate(ACTIVE) == 2, path  # only the JSON island and the explorer's own script
    page.goto(site + "/id/model/hostile")  # control and bidi characters in a label
    ready(page)
    assert page.text_content("h1") == safe_text(HOSTILE_LABEL, 500)
    assert page.evaluate(ACTIVE) == 2
    assert seen["dialogs"] == [] and seen["errors"] == []
    assert seen["hosts"] <= {urllib.parse.urlsplit(base).netloc, urllib.parse.urlsplit(site).netloc}


@pytest.mark.browser
@pytest.mark.slow
def test_offline_atlas_page(served_store, kg_cli, browser, tmp_path):
    out = tmp_path / "lineage.html"
    done = kg_cli("html", "--lineage", "-o", out, "--store", served_store)
    assert done.returncode == 0 and done.stdout.startswith(f"wrote {out} (")
    want = int(kg.open(served_store).rows(DERIVATION_PAIRS)[0]["n"])
    page = browser.new_page()
    problems, requests = [], []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.route("**/*", lambda route: (requests.append(route.request.url), route.abort())
               if not route.request.url.startswith("file://") else route.continue_())
    page.goto(out.as_uri())
    ready(page)
    assert page.eval_on_selector_all("path.edge", "els => els.length") == want
    assert page.eval_on_selector_all("a.node", "els => els.length") == 0  # no pages to link to offline
    page.click(".node >> text=Mistral-NeMo-Minitron-8B")
    quote = page.text_content(".details blockquote")
    assert "Mistral NeMo 12B" in quote
    assert problems == [] and requests == []
    page.close()
    bad = kg_cli("html", "--lineage", "-o", tmp_path / "x.html", "--store", tmp_path / "none")
    assert bad.returncode != 0 and "no graph at" in bad.stderr and not (tmp_path / "x.html").exists()
