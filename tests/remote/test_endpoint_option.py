"""--endpoint: the reading commands against real SPARQL endpoints give what they give on the store.

The example corpus's graph is exported as N-Triples, loaded into the Oxigraph server
(`oxigraph load`, `oxigraph serve-read-only` on 127.0.0.1, a free port) and served by `kg serve`
too; every saved query, `kg lineage`, `kg people`, `kg html` and `kg export` run against each
and against the store, and their outputs are compared whole.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from endpoints import free_port, kg_server, oxigraph_server
from typer.testing import CliRunner

import kg
from kg.cli import app
from kg.exports import export
from kg.graph.store import Store
from kg.queries.run import saved_queries


@pytest.fixture(scope="module")
def servers(example_store, tmp_path_factory):
    folder = tmp_path_factory.mktemp("endpoints")
    nt = export(Store(example_store), "nt", folder / "graph.nt")
    with oxigraph_server(nt, folder) as oxigraph_url, \
            kg_server(example_store, folder, "--max-rows", "100000") as kg_url:
        yield {"oxigraph": oxigraph_url, "kg serve": kg_url}


@pytest.fixture(params=["oxigraph", "kg serve"])
def endpoint(request, servers):
    return servers[request.param]


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "200", "NO_COLOR": "1"})
    return result.exit_code, result.stdout, result.stderr


def both(store, endpoint, *args) -> tuple[str, str]:
    """A command's output on the store and at the endpoint; both must succeed."""
    local = cli(*args, "--store", store)
    remote = cli(*args, "--endpoint", endpoint)
    assert local[0] == 0, local
    assert remote[0] == 0, remote
    return local[1], remote[1]


def bindings(store, query) -> dict:
    """A value for each parameter of a saved query that gives rows on the example corpus."""
    graph = kg.open(store)
    first = {
        "model": "SELECT ?n WHERE { ?m mlkg:derivedFrom ?p . ?m rdfs:label ?n } ORDER BY ?n LIMIT 1",
        "person": "SELECT ?n WHERE { ?p a mlkg:Person ; mlkg:wrote ?x ; rdfs:label ?n } ORDER BY ?n LIMIT 1",
        "paper": "SELECT ?n WHERE { ?p a mlkg:Paper ; mlkg:introduces ?x ; mlkg:arxivId ?n } ORDER BY ?n LIMIT 1",
        "name": "SELECT ?n WHERE { ?p mlkg:introduces ?t . ?q mlkg:uses ?t . ?t rdfs:label ?n } ORDER BY ?n LIMIT 1",
    }
    return {k: graph.rows(first[k])[0]["n"] for k in query.params}


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_every_saved_query_answers_the_same(example_store, endpoint, name):
    binds = [f"--bind={k}={v}" for k, v in bindings(example_store, saved_queries()[name]).items()]
    local, remote = both(example_store, endpoint, "query", name, *binds, "--format", "json")
    assert json.loads(local)["results"]["bindings"], f"{name}: pick bindings that give rows"
    assert remote == local
    local, remote = both(example_store, endpoint, "query", name, *binds, "--format", "tsv")
    assert remote == local


def test_queries_of_every_form(example_store, endpoint):
    for text, fmt in [("ASK { ?m a mlkg:Model }", "json"),
                      ("SELECT ?m ?l WHERE { ?m a mlkg:Model ; rdfs:label ?l } ORDER BY ?l LIMIT 20", "table"),
                      ("CONSTRUCT { ?m rdfs:label ?l } WHERE { ?m a mlkg:Model ; rdfs:label ?l }", "nt"),
                      ("DESCRIBE ?m WHERE { ?m a mlkg:Model } LIMIT 1", "ttl")]:
        local, remote = both(example_store, endpoint, "query", text, "--format", fmt)
        assert remote == local and local.strip(), text


def test_a_bound_value_stays_a_value(example_store, endpoint):
    """A value made to break out of its quotes, bound for an endpoint (which takes only text)."""
    hostile = 'x" || true) } # \n} UNION { ?a ?b ?c'
    code, out, err = cli("query", "coauthors-of", "--bind", f"person={hostile}", "--format", "json",
                         "--endpoint", endpoint)
    assert code == 0, err
    assert json.loads(out)["results"]["bindings"] == []


def test_lineage_and_people_are_the_same(example_store, endpoint, tmp_path):
    graph = kg.open(example_store)
    model = graph.rows("SELECT ?n WHERE { ?m mlkg:derivedFrom ?p ; rdfs:label ?n } ORDER BY ?n LIMIT 1")[0]["n"]
    person = graph.rows("SELECT ?n (COUNT(?p) AS ?k) WHERE { ?a a mlkg:Person ; mlkg:wrote ?p ; rdfs:label ?n } "
                        "GROUP BY ?n ORDER BY DESC(?k) ?n LIMIT 1")[0]["n"]
    local, remote = both(example_store, endpoint, "lineage", model, "--html", tmp_path / "local.html")
    assert "made from" in local and remote.replace("remote.html", "local.html") == local
    cli("lineage", model, "--endpoint", endpoint, "--html", tmp_path / "remote.html")
    assert (tmp_path / "remote.html").read_bytes() == (tmp_path / "local.html").read_bytes()
    local, remote = both(example_store, endpoint, "people", person)
    assert "coauthors:" in local and remote == local


@pytest.mark.slow
def test_the_whole_graph_page_is_the_same(example_store, servers, tmp_path):
    code, out, err = cli("html", "--store", example_store, "-o", tmp_path / "local.html")
    assert code == 0, err
    for name, url in servers.items():
        code, out, err = cli("html", "--endpoint", url, "-o", tmp_path / "remote.html")
        assert code == 0, err
        assert (tmp_path / "remote.html").read_bytes() == (tmp_path / "local.html").read_bytes(), name


def test_export_from_an_endpoint_is_the_stores(example_store, endpoint, tmp_path):
    for fmt in ("nt", "ttl", "graphml"):
        code, _, err = cli("export", "--store", example_store, "--format", fmt, "-o", tmp_path / f"local.{fmt}")
        assert code == 0, err
        code, _, err = cli("export", "--endpoint", endpoint, "--format", fmt, "-o", tmp_path / f"remote.{fmt}")
        assert code == 0, err
        local, remote = (read(tmp_path / f"{side}.{fmt}") for side in ("local", "remote"))
        assert remote == local and len(local) > 500, fmt


def read(path: Path):
    """An export's content, whatever order its lines were written in (the store keeps build order)."""
    if path.suffix == ".graphml":
        import networkx as nx

        g = nx.read_graphml(path)
        return sorted((n, sorted(d.items())) for n, d in g.nodes(data=True)) + \
            sorted((u, v, sorted(d.items())) for u, v, d in g.edges(data=True))
    import pyoxigraph as ox

    fmt = ox.RdfFormat.N_TRIPLES if path.suffix == ".nt" else ox.RdfFormat.TURTLE
    return sorted(map(str, ox.parse(path=str(path), format=fmt)))


# -- errors: one line, exit 1 (or 2 for a URL that is no http URL) -----------------------------------

@pytest.fixture(scope="module")
def not_sparql():
    """An HTTP server that answers every request with 200 and something that is not SPARQL results."""
    class Answer(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            body = b"<html><body>a web page</body></html>" if self.path == "/page" else b'{"hello": "world"}'
            self.send_response(200)
            self.send_header("Content-Type", "text/html" if self.path == "/page" else "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST

        def log_message(self, *args):
            pass

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Answer)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


@pytest.mark.parametrize("command", [["query", "models"], ["lineage", "X"], ["people", "X"], ["html", "-o", "{out}"],
                                     ["export", "-o", "{out}"]])
def test_errors_are_one_line(not_sparql, servers, tmp_path, command):
    out = tmp_path / "out.file"
    args = [a.replace("{out}", str(out)) for a in command]
    cases = [
        (f"http://127.0.0.1:{free_port()}/sparql", 1, "cannot reach the endpoint"),
        (not_sparql + "/page", 1, "did not answer with SPARQL results (it sent text/html)"),
        (not_sparql + "/json", 1, "did not answer with SPARQL results"),
        (servers["kg serve"].replace("/sparql", "/nope"), 1, "answered 404"),
        ("ftp://127.0.0.1/sparql", 2, "--endpoint wants the http(s) URL"),
    ]
    for url, code, message in cases:
        exit_code, stdout, stderr = cli(*args, "--endpoint", url)
        assert exit_code == code, (url, stdout, stderr)
        assert stderr.count("\n") == 1 and message in stderr, (url, stderr)
        assert not out.exists()


def test_errors_in_a_real_process_have_no_traceback(kg_cli, not_sparql):
    for url in (f"http://127.0.0.1:{free_port()}/sparql", not_sparql + "/page"):
        r = kg_cli("query", "models", "--endpoint", url)
        assert r.returncode == 1 and r.stderr.startswith("error: ") and r.stderr.count("\n") == 1, r.stderr


def test_an_answer_cut_at_kg_serves_row_limit_is_an_error(example_store, tmp_path, kg_cli):
    with kg_server(example_store, tmp_path, "--max-rows", "50") as url:
        r = kg_cli("export", "--endpoint", url, "--format", "nt", "-o", tmp_path / "g.nt")
        assert r.returncode == 1 and "row limit" in r.stderr and r.stderr.count("\n") == 1
        assert not (tmp_path / "g.nt").exists()
        r = kg_cli("query", "SELECT ?m WHERE { ?m a mlkg:Model } LIMIT 10", "--endpoint", url, "--format", "csv")
        assert r.returncode == 0 and len(r.stdout.splitlines()) == 11


def test_kg_endpoint_in_the_environment(example_store, servers, kg_cli):
    r = kg_cli("query", "ASK { ?p a mlkg:Paper }", "--format", "json", env={"KG_ENDPOINT": servers["oxigraph"]})
    assert r.returncode == 0 and json.loads(r.stdout)["boolean"] is True
