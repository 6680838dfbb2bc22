"""kg serve, talked to by real clients (SPARQLWrapper and plain HTTP) on the loopback address."""

import json
import os
import threading
import time
import urllib.parse
from pathlib import Path

import pyoxigraph
import pytest
from serving import HOSTILE_LABEL, children_of, http, listener, running_server

import kg
from kg.queries.run import saved_queries

TIMEOUT = 2.0
MAX_ROWS = 500


@pytest.fixture(scope="module")
def endpoint(served_store):
    with running_server(served_store, "--timeout", str(TIMEOUT), "--max-rows", str(MAX_ROWS),
                        "--setting", "max_body_bytes=200000") as (url, _proc):
        yield url


def _bindings(store, query) -> dict:
    """A value for each parameter of a saved query that gives rows on the example corpus."""
    graph = kg.open(store)
    first = {
        "model": "MN-Minitron-8B",
        "person": graph.rows("SELECT ?n WHERE { ?p a mlkg:Person ; mlkg:wrote ?x ; rdfs:label ?n } ORDER BY ?n LIMIT 1"),
        "paper": graph.rows("SELECT ?n WHERE { ?p a mlkg:Paper ; mlkg:introduces ?x ; mlkg:arxivId ?n } ORDER BY ?n LIMIT 1"),
        "name": graph.rows("SELECT ?n WHERE { ?p mlkg:introduces ?t . ?q mlkg:uses ?t . ?t rdfs:label ?n } "
                           "ORDER BY ?n LIMIT 1"),
    }
    return {k: (v if isinstance(v, str) else v[0]["n"]) for k, v in first.items() if k in query.params}


def _sparqlwrapper_rows(url, text):
    from SPARQLWrapper import JSON, SPARQLWrapper

    client = SPARQLWrapper(url)
    client.setQuery(text)
    client.setReturnFormat(JSON)
    result = client.query().convert()
    return sorted(tuple(sorted((k, v["value"]) for k, v in b.items())) for b in result["results"]["bindings"])


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_saved_queries_give_the_library_answers(endpoint, served_store, name):
    """Every saved query through SPARQLWrapper answers what `kg query` answers (values bound with VALUES)."""
    query = saved_queries()[name]
    bindings = _bindings(served_store, query)
    text = query.text
    if bindings:
        text += "\nVALUES (" + " ".join(f"?{k}" for k in bindings) + ") { (" + \
                " ".join(pyoxigraph.Literal(v).__str__() for v in bindings.values()) + ") }\n"
    got = _sparqlwrapper_rows(endpoint, text)
    want = sorted(tuple(sorted((k, v) for k, v in row.items() if v is not None))
                  for row in kg.open(served_store).rows(name, **bindings))
    assert want, f"{name}: pick bindings that give rows"
    if len(want) <= MAX_ROWS:
        assert got == want
    else:  # cut at the row cap
        assert len(got) == MAX_ROWS and set(got) <= set(want)


PARSE = {  # pyoxigraph's strict results parser reads every answer back
    "application/sparql-results+json": pyoxigraph.QueryResultsFormat.JSON,
    "application/sparql-results+xml": pyoxigraph.QueryResultsFormat.XML,
    "text/tab-separated-values": pyoxigraph.QueryResultsFormat.TSV,
}


@pytest.mark.parametrize("accept", [*PARSE, "text/csv"])
def test_result_formats_by_accept_header(endpoint, accept):
    q = "SELECT ?model ?m WHERE { ?m a mlkg:Model ; rdfs:label ?model } ORDER BY ?model"
    status, headers, text = http(endpoint, query=q, accept=accept)
    assert status == 200 and headers["Content-Type"].startswith(accept)
    n = http(endpoint, query="SELECT (COUNT(*) AS ?n) WHERE { ?m a mlkg:Model }")[2]
    n = int(json.loads(n)["results"]["bindings"][0]["n"]["value"])
    if accept == "text/csv":
        lines = text.splitlines()
        assert lines[0] == "model,m" and len(lines) > n  # the hostile label's newline makes one more line
        return
    rows = list(pyoxigraph.parse_query_results(text.encode(), format=PARSE[accept]))
    assert len(rows) == n
    labels = {r["model"].value for r in rows}
    if accept.endswith("xml"):  # XML cannot hold \x01 and \x0c: dropped there only
        assert HOSTILE_LABEL.replace("\x01", "").replace("\x0c", "") in labels
    else:
        assert HOSTILE_LABEL in labels


def test_ask_in_every_format(endpoint):
    for accept, check in [("application/sparql-results+json", lambda t: json.loads(t)["boolean"] is True),
                          ("application/sparql-results+xml", lambda t: "<boolean>true</boolean>" in t),
                          ("text/csv", lambda t: t.strip() == "true")]:
        status, _, text = http(endpoint, query="ASK { ?p a mlkg:Paper }", accept=accept)
        assert status == 200 and check(text)


@pytest.mark.parametrize("accept, fmt", [("text/turtle", pyoxigraph.RdfFormat.TURTLE),
                                         ("application/n-triples", pyoxigraph.RdfFormat.N_TRIPLES),
                                         ("application/rdf+xml", pyoxigraph.RdfFormat.RDF_XML),
                                         ("application/ld+json", pyoxigraph.RdfFormat.JSON_LD)])
def test_construct_by_accept_header(endpoint, accept, fmt):
    q = "CONSTRUCT { ?m rdfs:label ?l } WHERE { ?m a mlkg:Model ; rdfs:label ?l }"
    status, headers, text = http(endpoint, query=q, accept=accept)
    assert status == 200 and headers["Content-Type"].startswith(accept)
    triples = list(pyoxigraph.parse(text.encode(), format=fmt))
    assert len(triples) > 50


def test_construct_through_sparqlwrapper(endpoint):
    from SPARQLWrapper import SPARQLWrapper

    client = SPARQLWrapper(endpoint)
    client.setQuery("CONSTRUCT { ?m a mlkg:Model } WHERE { ?m a mlkg:Model }")
    graph = client.query().convert()  # SPARQLWrapper asks for RDF/XML and parses it with rdflib
    assert len(graph) > 50


def test_post_forms(endpoint):
    q = "ASK { ?p a mlkg:Paper }"
    assert json.loads(http(endpoint, data=q, ctype="application/sparql-query")[2])["boolean"] is True
    form = urllib.parse.urlencode({"query": q})
    assert json.loads(http(endpoint, data=form, ctype="application/x-www-form-urlencoded")[2])["boolean"] is True
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    client = SPARQLWrapper(endpoint)
    client.setMethod(POST)
    client.setQuery(q)
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True


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
    status, _, text = http(endpoint, data=query, ctype="application/sparql-query")
    assert status == 400 and reason in text


def test_updates_through_sparqlwrapper_are_refused(endpoint):
    from SPARQLWrapper import POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

    client = SPARQLWrapper(endpoint)
    client.setMethod(POST)
    client.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")  # SPARQLWrapper sends it as an update
    with pytest.raises(QueryBadFormed):
        client.query()
    assert json.loads(http(endpoint, query="ASK { <urn:a> ?p ?o }")[2])["boolean"] is False


def test_no_outbound_request_whatever_the_spelling(endpoint):
    with listener() as (target, hits):
        attempts = [
            f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ SERVICE SILENT <{target}> {{ ?s ?p ?o }} }}",
            f'SELECT * WHERE {{ BIND("\\u0022" AS ?x) SERVICE SILENT <{target}> {{ ?a ?b ?c }} # """ AS ?y)\n}}',
            f"SELECT * FROM <{target}> WHERE {{ ?s ?p ?o }}",
            f"LOAD <{target}>",
        ]
        for q in attempts:
            assert http(endpoint, query=q)[0] == 400, q
        assert http(endpoint + f"?default-graph-uri={target}", query="ASK {}")[0] == 400
        time.sleep(0.5)
        assert hits == []


def test_update_endpoint_forms_are_refused(endpoint):
    assert http(endpoint, data="DROP ALL", ctype="application/sparql-update")[0] == 400
    assert http(endpoint, data=urllib.parse.urlencode({"update": "DROP ALL"}),
                ctype="application/x-www-form-urlencoded")[0] == 400
    status, _, text = http(endpoint, query="SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert status == 200 and int(json.loads(text)["results"]["bindings"][0]["n"]["value"]) > 5000


def test_row_cap(endpoint):
    status, headers, text = http(endpoint, query="SELECT * WHERE { ?s ?p ?o }")
    assert status == 200 and len(json.loads(text)["results"]["bindings"]) == MAX_ROWS
    assert headers["X-Kg-Truncated"] == "true"
    status, headers, _ = http(endpoint, query="SELECT * WHERE { ?s a mlkg:Paper } LIMIT 3")
    assert status == 200 and headers["X-Kg-Truncated"] is None


def test_size_limits(endpoint):
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 250_000
    assert http(endpoint, data=big, ctype="application/sparql-query")[0] == 413
    long_query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 150_000
    status, _, text = http(endpoint, data=long_query, ctype="application/sparql-query")
    assert status == 400 and "longer than" in text


def test_bad_requests_get_clear_answers(endpoint):
    assert http(endpoint)[0] == 400  # no query at all
    assert http(endpoint.replace("/sparql", "/nope"))[0] == 404
    assert http(endpoint, data="ASK {}", ctype="text/plain")[0] == 415
    status, _, text = http(endpoint, data=b"\xff\xfe", ctype="application/sparql-query")
    assert status == 400 and "UTF-8" in text
    status, _, text = http(endpoint, query="SELECT * WHERE { ?s ?p ?o } LIMIT 1", headers={"Host": "evil.example"})
    assert status == 403
    status, _, text = http(endpoint, query="SELECT (1/0 AS ?x) (xsd:integer('a') AS ?y) WHERE {}")
    assert status == 200  # errors in expressions leave values unbound, as SPARQL says
    assert http(endpoint, query="ASK {}", method="PUT")[0] == 501


def test_runaway_query_is_cut_and_the_server_keeps_serving(endpoint):
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    answers = {}

    def run_away():
        start = time.monotonic()
        answers["runaway"] = http(endpoint, query=runaway), time.monotonic() - start

    t = threading.Thread(target=run_away)
    t.start()
    time.sleep(0.3)
    start = time.monotonic()
    quick = http(endpoint, query="ASK { ?s ?p ?o }")  # the other worker answers meanwhile
    assert quick[0] == 200 and time.monotonic() - start < TIMEOUT
    t.join(60)
    (status, _, text), elapsed = answers["runaway"]
    assert status == 503 and "stopped" in text
    assert TIMEOUT * 0.9 <= elapsed <= TIMEOUT + 3
    for _ in range(3):  # the killed worker's replacement serves again
        assert http(endpoint, query="ASK { ?s ?p ?o }")[0] == 200


def test_two_clients_at_once(endpoint):
    answers = []
    q = "SELECT ?a (COUNT(?p) AS ?n) WHERE { ?a mlkg:wrote ?p } GROUP BY ?a ORDER BY DESC(?n) ?a"

    def ask():
        status, _, text = http(endpoint, query=q)
        answers.append((status, text))

    threads = [threading.Thread(target=ask) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert [s for s, _ in answers] == [200, 200]
    assert answers[0][1] == answers[1][1] and json.loads(answers[0][1])["results"]["bindings"]


def test_query_page(endpoint):
    status, headers, text = http(endpoint.rsplit("/", 1)[0] + "/query")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "<textarea" in text and "textContent" in text and "innerHTML" not in text
    assert "http://" not in text.replace("http://127.0.0.1", "") and "https://" not in text  # no CDN
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert headers["Access-Control-Allow-Origin"] is None  # no CORS


def test_no_cors_on_answers(endpoint):
    status, headers, _ = http(endpoint, query="ASK {}", headers={"Origin": "http://evil.example"})
    assert status == 200 and headers["Access-Control-Allow-Origin"] is None


def test_server_stops_with_its_workers(served_store):
    with running_server(served_store, "--workers", "2") as (url, proc):
        children = children_of(proc.pid)  # the workers and multiprocessing's resource tracker
        assert len(children) >= 2
        proc.terminate()
        assert proc.wait(15) == 0
    deadline = time.monotonic() + 10
    while alive(children) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not alive(children)


def alive(pids) -> list[int]:
    """The processes still running (a zombie waiting to be reaped has stopped)."""
    out = []
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state not in ("Z", "X"):
            out.append(pid)
    return out


def test_refuses_to_start_without_a_store(tmp_path):
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "kg", "serve", "--store", str(tmp_path / "none"), "--port", "0"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 1 and "no graph" in r.stderr and "Traceback" not in r.stderr


HTTP_TIMEOUT = 4  # seconds; the small endpoint drops a client that has not sent its request by then


@pytest.fixture(scope="module")
def small_endpoint(served_store):
    with running_server(served_store, "--workers", "1", "--timeout", "3", "--setting", "max_connections=2",
                        "--setting", f"http_timeout={HTTP_TIMEOUT}", "--setting", "max_body_bytes=1000") as (url, _proc):
        yield url


def test_connection_cap(small_endpoint):
    """Two requests being answered fill the cap (max_connections=2): a third gets 503 at once, and a
    normal answer once they are done. Silent connections do not count (tests/serve/test_abuse.py)."""
    import socket

    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    port = int(urllib.parse.urlsplit(small_endpoint).port)
    idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(4)]  # silent: they hold no slot
    busy = [threading.Thread(target=http, args=(small_endpoint,), kwargs={"query": runaway}) for _ in range(2)]
    try:
        for t in busy:
            t.start()
        time.sleep(1.0)  # both are read and answering (one runs, one waits for the only worker)
        start = time.monotonic()
        status, headers, text = http(small_endpoint, query="ASK {}")
        assert status == 503 and "too many connections" in text and headers["Retry-After"] == "1"
        assert time.monotonic() - start < 1
        for t in busy:
            t.join(30)
        assert http(small_endpoint, query="ASK {}")[0] == 200
    finally:
        for s in idle:
            s.close()


def test_a_too_large_body_is_refused_before_it_is_sent(small_endpoint):
    import http.client

    parts = urllib.parse.urlsplit(small_endpoint)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.putrequest("POST", parts.path)
    conn.putheader("Content-Type", "application/sparql-query")
    conn.putheader("Content-Length", "5000")
    conn.putheader("Expect", "100-continue")
    conn.endheaders()  # no body: the server answers before asking for it
    response = conn.getresponse()
    assert response.status == 413 and b"max_body_bytes" in response.read()
    conn.close()


def test_a_taken_port_is_one_clear_line(served_store):
    import subprocess
    import sys

    with running_server(served_store, "--workers", "1") as (url, _proc):
        port = str(urllib.parse.urlsplit(url).port)
        r = subprocess.run([sys.executable, "-m", "kg", "serve", "--store", str(served_store), "--port", port],
                           capture_output=True, text=True, timeout=60)
    assert r.returncode == 1 and f"cannot listen on 127.0.0.1 port {port}" in r.stderr
    assert "Traceback" not in r.stderr


def test_port_0_takes_a_free_port_and_ctrl_c_stops_quietly(served_store):
    """`--port 0` serves on a port the system picks and says which; Ctrl-C to the whole process
    group (a terminal's) ends the server and its workers without a traceback from any of them."""
    import re
    import signal
    import subprocess
    import sys
    import urllib.request

    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(served_store), "--port", "0",
                             "--workers", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        line = proc.stdout.readline()
        m = re.search(r"at (http://127\.0\.0\.1:(\d+)/sparql)", line)
        assert m and int(m.group(2)) > 0, line
        body = urllib.request.urlopen(m.group(1) + "?query=ASK%7B%7D", timeout=30).read()
        assert b"true" in body
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert proc.returncode == 0
