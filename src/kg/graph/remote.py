"""A graph at any SPARQL 1.1 endpoint, read through rdflib's API, for the reading commands' ``--endpoint``.

rdflib's SPARQLStore already turns a Graph's API into SPARQL (``graph.query`` sends the query,
``graph.triples`` and friends send SELECTs), so everything written against rdflib works on an
endpoint unchanged. What it lacks is done here, with the standard library's urllib (no further
dependency):

- the request: POST ``application/sparql-query`` (long queries fit; kg serve, Oxigraph, Fuseki,
  GraphDB and Virtuoso take it), one Accept header for both results and graphs, a timeout;
- errors as one line: an endpoint that does not answer, answers with an HTTP error, or answers
  with something that is not SPARQL results (an HTML page at the wrong URL) raises
  :class:`EndpointError`, a StoreError, so every command reports it as it reports a broken store;
- an answer kg serve cut at its row limit (``X-Kg-Truncated``) is an error, not a silently short
  answer;
- bound values go first in the WHERE clause (kg.graph.prebind), not after the whole query;
- kg's prefixes are declared for queries that use them without declaring them, as the local
  store does;
- plain literals come back as xsd:string literals, as Oxigraph gives them locally (RDF 1.1 says
  they are the same), so answers print the same from an endpoint as from the store.
"""

from __future__ import annotations

import json
import re
import socket
import urllib.error
import urllib.request
from io import BytesIO
from urllib.parse import urlsplit

from rdflib import Graph, Literal
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from rdflib.query import Result

from kg.graph.prebind import prebind
from kg.graph.store import PREFIXES, StoreError

TIMEOUT = 120.0
"""Seconds to wait for an endpoint's answer."""
ACCEPT = ("application/sparql-results+json, application/sparql-results+xml;q=0.9, "
          "application/n-triples;q=0.9, text/turtle;q=0.8")
RESULT_TYPES = {"application/sparql-results+json": "json", "application/json": "json",
                "application/sparql-results+xml": "xml"}
GRAPH_TYPES = {"application/n-triples": "nt", "text/plain": "nt", "text/turtle": "turtle",
               "application/x-turtle": "turtle"}
_DECLARED = re.compile(r"(?im)^\s*PREFIX\s+([A-Za-z][\w.\-]*)?:")


class EndpointError(StoreError):
    """The endpoint did not answer, or not with SPARQL results; the message says which, in one line."""


def check_url(url: str) -> str:
    """``url`` when it is an http(s) URL with a host; ValueError otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"--endpoint wants the http(s) URL of a SPARQL endpoint's query service, not {url!r}")
    return url


class EndpointStore(SPARQLStore):
    """rdflib's read-only SPARQL store, with kg's request, errors and binding (see the module)."""

    def __init__(self, url: str, *, timeout: float = TIMEOUT) -> None:
        super().__init__(query_endpoint=check_url(url), returnFormat="json", method="POST")
        self.url = url
        self.timeout = timeout

    def query(self, query, initNs=None, initBindings=None, queryGraph=None, DEBUG=False):  # noqa: N803
        text = query if isinstance(query, str) else str(query)
        if initBindings:
            text = prebind(text, initBindings)
        declared = set(_DECLARED.findall(text))
        needed = {**PREFIXES, **{p: str(ns) for p, ns in (initNs or {}).items()}}
        prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in needed.items()
                           if p not in declared and re.search(rf"(?<![\w.\-]){re.escape(p)}:", text))
        return self._query(prologue + text)

    def _query(self, text: str, default_graph=None) -> Result:  # type: ignore[override]
        """Send one query; its Result (SELECT, ASK or a graph), or EndpointError."""
        return parse_answer(*self.fetch(text), self.url)

    def fetch(self, text: str) -> tuple[bytes, str]:
        """The body and media type of the endpoint's answer to one query; EndpointError otherwise."""
        self._queries += 1
        request = urllib.request.Request(self.url, data=text.encode("utf-8"), method="POST", headers={
            "Content-Type": "application/sparql-query; charset=utf-8", "Accept": ACCEPT,
            "User-Agent": "kg (SPARQL 1.1 client)"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - http(s) only
                body = response.read()
                ctype = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
                truncated = response.headers.get("X-Kg-Truncated") == "true"
        except urllib.error.HTTPError as exc:
            raise EndpointError(f"the endpoint {self.url} answered {exc.code} {exc.reason}: "
                                f"{_first_line(exc.read())}") from None
        except urllib.error.URLError as exc:
            raise EndpointError(f"cannot reach the endpoint {self.url}: {_reason(exc.reason)}") from None
        except (TimeoutError, socket.timeout):
            raise EndpointError(f"the endpoint {self.url} did not answer within {self.timeout:g} s") from None
        except OSError as exc:
            raise EndpointError(f"cannot read the answer of the endpoint {self.url}: {_reason(exc)}") from None
        if truncated:
            raise EndpointError(f"the endpoint {self.url} cut its answer at its row limit: ask for fewer "
                                f"rows, or serve with a larger --max-rows")
        return body, ctype


def parse_answer(body: bytes, ctype: str, url: str) -> Result:
    """SPARQL results (JSON or XML) or a graph (N-Triples, Turtle) as an rdflib Result."""
    not_sparql = _not_sparql(url, ctype)
    try:
        if ctype in RESULT_TYPES:
            if RESULT_TYPES[ctype] == "json":
                doc = json.loads(body)
                if not isinstance(doc, dict) or not ("boolean" in doc or "results" in doc):
                    raise not_sparql
            result = Result.parse(BytesIO(body), format=RESULT_TYPES[ctype])
            if result.type == "SELECT":
                result.bindings = [{v: _typed(t) for v, t in row.items()} for row in result.bindings]
            return result
        if ctype in GRAPH_TYPES:
            result = Result("CONSTRUCT")
            result.graph = Graph(bind_namespaces="none").parse(data=body.decode("utf-8"), format=GRAPH_TYPES[ctype])
            return result
    except EndpointError:
        raise
    except Exception as exc:  # noqa: BLE001 - any parser's complaint means the same thing here
        raise EndpointError(f"{url} sent {ctype} that does not parse: {_first_line(str(exc).encode())}") from None
    raise not_sparql


def _not_sparql(url: str, ctype: str) -> EndpointError:
    return EndpointError(f"{url} did not answer with SPARQL results (it sent {ctype or 'no content type'}): "
                         f"is it the query URL of a SPARQL endpoint?")


def _typed(t):
    if isinstance(t, Literal) and t.datatype is None and not t.language:
        return Literal(str(t), datatype=XSD.string)
    return t


def _first_line(body: bytes) -> str:
    text = body.decode("utf-8", "replace").strip()
    line = text.splitlines()[0] if text else "(no message)"
    return line[:300] + ("…" if len(line) > 300 else "")


def _reason(reason) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason) or type(reason).__name__


def endpoint_graph(url: str, *, timeout: float = TIMEOUT) -> Graph:
    """An rdflib Graph whose every read is a query to the SPARQL endpoint at ``url`` (read-only)."""
    graph = Graph(store=EndpointStore(url, timeout=timeout), identifier=DATASET_DEFAULT_GRAPH_ID,
                  bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    return graph


def is_endpoint_graph(graph: Graph) -> bool:
    return isinstance(getattr(graph, "store", None), EndpointStore)


def construct_all(url: str, *, timeout: float = TIMEOUT) -> list[str]:
    """Every triple of the endpoint's default graph, as sorted N-Triples lines (for exports)."""
    import pyoxigraph as ox

    body, ctype = EndpointStore(url, timeout=timeout).fetch("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    syntax = {"nt": ox.RdfFormat.N_TRIPLES, "turtle": ox.RdfFormat.TURTLE}.get(GRAPH_TYPES.get(ctype, ""))
    if syntax is None:
        raise _not_sparql(url, ctype)
    try:
        return sorted(f"{t} .\n" for t in ox.parse(body, format=syntax))
    except SyntaxError as exc:
        raise EndpointError(f"{url} sent {ctype} that does not parse: {exc}") from None


__all__ = ["EndpointError", "EndpointStore", "check_url", "construct_all", "endpoint_graph", "is_endpoint_graph"]
