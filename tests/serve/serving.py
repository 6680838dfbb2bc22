"""Helpers for the endpoint tests: `kg serve` as a real subprocess, plain HTTP, a request-counting listener."""

from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph
from support import free_port, stop_server, wait_for_sparql

MLKG = "https://w3id.org/mlkg/ontology#"
RDFS_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
HOSTILE_LABEL = 'ctrl\x01 ff\x0c <script>alert(1)</script> & "quotes" \u202eevil\t tab\nnewline'
HOSTILE = [
    f"<https://w3id.org/mlkg/id/model/hostile> {RDF_TYPE} <{MLKG}Model> .\n",
    f"<https://w3id.org/mlkg/id/model/hostile> {RDFS_LABEL} "
    f"{pyoxigraph.Literal(HOSTILE_LABEL)} .\n",
    f"<https://w3id.org/mlkg/id/model/hostile> <{MLKG}comments> {pyoxigraph.Literal('x' * 100_000)} .\n",
]


def children_of(pid: int) -> set[int]:
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.add(int(stat.parent.name))
    return out


@contextmanager
def running_server(store, *args: str):
    """`kg serve` on a free loopback port; yields (sparql URL, process); always stopped afterwards."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        wait_for_sparql(url, proc, lambda: "kg serve did not start: " + proc.stdout.read().decode())
        yield url, proc
    finally:
        stop_server(proc)
        proc.stdout.close()


def http(url, *, query=None, data=None, accept=None, ctype=None, headers=None, method=None, timeout=60):
    """(status, headers, text) of one plain urllib request; HTTP errors are answers too."""
    if query is not None:
        url = url + ("&" if "?" in url else "?") + "query=" + urllib.parse.quote(query)
    req = urllib.request.Request(url, data=data.encode() if isinstance(data, str) else data, method=method)
    if accept:
        req.add_header("Accept", accept)
    if ctype:
        req.add_header("Content-Type", ctype)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.headers, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode()


@contextmanager
def listener():
    """A loopback HTTP server counting the requests it gets: proof that nothing was fetched."""
    hits = []

    class Count(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(500)
            self.end_headers()

        do_POST = do_GET

        def log_message(self, *args):
            pass

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Count)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}/", hits
    finally:
        srv.shutdown()
        srv.server_close()
