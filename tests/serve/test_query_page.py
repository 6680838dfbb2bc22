"""The query page at /query in headless Chromium: it runs a query, and data stays text."""

import time

import pytest
from serving import HOSTILE_LABEL, running_server

pytestmark = pytest.mark.browser



@pytest.fixture(scope="module")
def page_url(served_store):
    with running_server(served_store) as (url, _proc):
        yield url.rsplit("/", 1)[0] + "/query"


def wait_until(condition, seconds=30.0):
    """Poll from Python: the page's CSP (rightly) forbids the eval that wait_for_function needs."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the page did not get there in time"
        time.sleep(0.1)


def test_query_page_runs_queries_and_keeps_data_as_text(browser, page_url):
    page = browser.new_page()
    problems, origins = [], set()
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("request", lambda r: origins.add(r.url.split("/")[2]))
    page.goto(page_url)
    page.fill("#q", 'SELECT ?label ?m WHERE { ?m a mlkg:Model ; rdfs:label ?label } ORDER BY ?label')
    page.click("#run")
    wait_until(lambda: "rows" in page.text_content("#status"))
    cells = page.eval_on_selector_all("#out td", "tds => tds.map(td => td.textContent)")
    assert HOSTILE_LABEL.replace("\r\n", "\n") in cells  # the label as text, whole
    assert page.eval_on_selector_all("#out script, #out b, #out img", "els => els.length") == 0

    page.fill("#q", "CONSTRUCT { ?m a mlkg:Model } WHERE { ?m a mlkg:Model } LIMIT 2")
    page.click("#run")
    wait_until(lambda: page.text_content("#raw"))
    assert "mlkg:Model" in page.text_content("#raw")

    assert problems == []  # no CSP violation, no script error

    page.fill("#q", "DROP ALL")
    page.click("#run")
    wait_until(lambda: page.text_content("#status").startswith("error 400"))
    assert "read-only" in page.text_content("#status")
    assert all("status of 400" in p for p in problems)  # only the refusal, shown as text
    assert origins == {page_url.split("/")[2]}  # nothing fetched from anywhere else
    page.close()
