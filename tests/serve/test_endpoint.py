"""kg serve, talked to by real clients (SPARQLWrapper and plain HTTP) on the loopback address."""

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

import kg
from kg.queries.run import saved_queries

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 2.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    store = tmp_path_factory.mktemp("serve") / "store"
    kg.build([ROOT / "examples" / "corpus"], store=store)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port),
                             "--timeout", str(TIMEOUT), "--max-rows", "500"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/sparql"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "?query=" + urllib.parse.quote("ASK {}"), timeout=2)
            break
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail("kg serve did not start: " + proc.stdout.read().decode())
            time.sleep(0.2)
    yield url
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


def http(url, *, query=None, data=None, accept=None, ctype=None):
    if query is not None:
        url = url + "?query=" + urllib.parse.quote(query)
    req = urllib.request.Request(url, data=data.encode() if isinstance(data, str) else data)
    if accept:
        req.add_header("Accept", accept)
    if ctype:
        req.add_header("Content-Type", ctype)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode()


UNBOUND = [name for name, q in saved_queries().items() if not q.params]


@pytest.mark.parametrize("name", UNBOUND)
def test_saved_queries_through_sparqlwrapper(endpoint, name):
    from SPARQLWrapper import JSON, SPARQLWrapper

    client = SPARQLWrapper(endpoint)
    client.setQuery(saved_queries()[name].text)
    client.setReturnFormat(JSON)
    result = client.query().convert()
    assert result["head"]["vars"] and result["results"]["bindings"]


@pytest.mark.parametrize("accept, check", [
    ("application/sparql-results+json", lambda t: json.loads(t)["results"]["bindings"]),
    ("application/sparql-results+xml", lambda t: "<sparql" in t and "<result>" in t),
    ("text/csv", lambda t: t.splitlines()[0] == "model" and len(t.splitlines()) > 3),
    ("text/tab-separated-values", lambda t: t.splitlines()[0] == "?model" and '"' in t),
])
def test_result_formats_by_accept_header(endpoint, accept, check):
    q = "SELECT ?model WHERE { ?m a mlkg:Model ; rdfs:label ?model } ORDER BY ?model"
    status, headers, text = http(endpoint, query=q, accept=accept)
    assert status == 200 and headers["Content-Type"].startswith(accept)
    assert check(text)


def test_post_forms(endpoint):
    q = "ASK { ?p a mlkg:Paper }"
    assert json.loads(http(endpoint, data=q, ctype="application/sparql-query")[2])["boolean"] is True
    form = urllib.parse.urlencode({"query": q})
    assert json.loads(http(endpoint, data=form, ctype="application/x-www-form-urlencoded")[2])["boolean"] is True


@pytest.mark.parametrize("query, reason", [
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "read-only"),
    ("LOAD <file:///etc/passwd>", "read-only"),
    ("DROP ALL", "read-only"),
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM"),
    ("SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM"),
    ("SELECT * WHERE { ?s ?p", "parse"),
])
def test_refused_operations(endpoint, query, reason):
    status, _, text = http(endpoint, query=query)
    assert status == 400 and reason in text


def test_update_endpoint_forms_are_refused(endpoint):
    assert http(endpoint, data="DROP ALL", ctype="application/sparql-update")[0] == 400
    assert http(endpoint, data=urllib.parse.urlencode({"update": "DROP ALL"}),
                ctype="application/x-www-form-urlencoded")[0] == 400
    status, _, text = http(endpoint, query="SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert status == 200 and int(json.loads(text)["results"]["bindings"][0]["n"]["value"]) > 5000


def test_row_cap(endpoint):
    status, headers, text = http(endpoint, query="SELECT * WHERE { ?s ?p ?o }")
    assert status == 200 and len(json.loads(text)["results"]["bindings"]) == 500
    assert headers["X-Kg-Truncated"] == "true"


def test_runaway_query_is_cut_and_the_server_keeps_serving(endpoint):
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    start = time.monotonic()
    status, _, text = http(endpoint, query=runaway)
    elapsed = time.monotonic() - start
    assert status == 503 and "stopped" in text
    assert TIMEOUT * 0.9 <= elapsed <= TIMEOUT + 5
    assert http(endpoint, query="ASK { ?s ?p ?o }")[0] == 200


def test_two_clients_at_once(endpoint):
    answers = []

    def ask():
        answers.append(http(endpoint, query="SELECT (COUNT(*) AS ?n) WHERE { ?a mlkg:wrote ?p }")[0])

    threads = [threading.Thread(target=ask) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert answers == [200, 200]


def test_query_page(endpoint):
    status, headers, text = http(endpoint.rsplit("/", 1)[0] + "/")
    assert status == 200 and "<textarea" in text and "textContent" in text and "innerHTML" not in text
