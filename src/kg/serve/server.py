"""A read-only SPARQL 1.1 Protocol endpoint over a kg store, at /sparql (GET and POST).

The standard library's HTTP server parses and answers requests (small, no
dependency, and robust enough behind the limits below); kg.serve.intake reads
each request whole, one thread for all connections, before it takes one of
the ``max_connections`` slots, so slow clients hold none; kg.serve.workers runs
each query in a process that dies at the deadline, after kg.serve.guard has
refused what must not run; kg.serve.results answers in the format the Accept
header asks for. Limits come from kg.serve.settings.

Bound to a loopback address (the default), the server also refuses requests
whose Host header (or absolute-form target, ``GET http://host/...``) names
another machine: a web page cannot then reach it through DNS rebinding. Two
Host headers are a 400, whatever the address. No CORS headers are sent, so other sites' scripts
cannot read answers either.
"""

from __future__ import annotations

import io
import ipaddress
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from kg.serve import explorer, page
from kg.serve.intake import Intake, Received, plain_answer
from kg.serve.settings import resolve
from kg.serve.workers import QueryMemory, QueryTimeout, WorkerFailed, WorkerPool

ENDPOINT = "/sparql"
DATASET_PARAMS = ("default-graph-uri", "named-graph-uri")
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}
BUSY = plain_answer("503 Service Unavailable", "too many connections at once; try again", "Retry-After: 1\r\n")


class Endpoint(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64
    pool: WorkerPool | None = None
    intake: Intake | None = None

    def __init__(self, store_path, **overrides) -> None:
        self.settings = resolve(overrides)
        host = str(self.settings["host"]).strip("[]")
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, int(self.settings["port"])), Handler)
        self.slots = threading.BoundedSemaphore(int(self.settings["max_connections"]))
        self.loopback_only = _is_loopback(host)
        try:
            self.pool = WorkerPool(store_path, int(self.settings["workers"]),
                                   max_memory=int(self.settings["max_memory"]))
        except BaseException:
            super().server_close()
            raise
        self.intake = Intake(self._dispatch, deadline=float(self.settings["http_timeout"]),
                             max_pending=int(self.settings["max_pending"]),
                             max_body_bytes=int(self.settings["max_body_bytes"]))

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{port}{ENDPOINT}"

    def process_request(self, request, client_address) -> None:
        """A new connection goes to the intake, which reads its request without holding a slot."""
        self.intake.add(request, client_address)

    def _dispatch(self, received: Received, client_address) -> None:
        """A whole request: answered in a thread of its own if a slot is free, else 503 at once."""
        if not self.slots.acquire(blocking=False):  # too many at once: answer now, hold nothing
            try:
                received.sock.settimeout(1.0)
                received.sock.sendall(BUSY)
            except OSError:
                pass
            self.shutdown_request(received)
            return
        try:
            super().process_request(received, client_address)
        except BaseException:
            self.slots.release()
            self.shutdown_request(received)
            raise

    def shutdown_request(self, request) -> None:
        if isinstance(request, Received):
            if request.handed_off:  # the intake writes the answer, then closes
                return
            request = request.sock
        super().shutdown_request(request)

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def server_close(self) -> None:
        super().server_close()
        if self.intake is not None:
            self.intake.close()
        if self.pool is not None:
            self.pool.close()


def _is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class BadRequest(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class Handler(BaseHTTPRequestHandler):
    server: Endpoint
    server_version = "kg-sparql/1"
    protocol_version = "HTTP/1.1"  # for Expect: 100-continue; still one request per connection (below)

    def setup(self) -> None:
        """Read the request from the bytes the intake read; write the answer into memory (finish)."""
        received: Received = self.request
        self.connection = received.sock
        self.connection.settimeout(float(self.server.settings["http_timeout"]))
        self.rfile = io.BytesIO(received.data)
        self.wfile = io.BytesIO()

    def finish(self) -> None:
        """Hand the answer to the intake, which writes it as the client reads, so a client that reads
        slowly holds no slot; past the intake's budget, write it here, within http_timeout (a
        blocking sendall's timeout bounds the whole answer, not each send)."""
        data = self.wfile.getvalue()
        self.wfile.close()
        self.rfile.close()
        if not data:
            return
        if self.server.intake.send_out(self.connection, data):
            self.request.handed_off = True
            return
        try:
            self.connection.sendall(data)
        except OSError:
            pass

    def handle_expect_100(self) -> bool:
        """Refuse a too-large body before the client sends it (curl asks first for big POSTs)."""
        raw = self.headers.get("Content-Length") or ""
        cap = int(self.server.settings["max_body_bytes"])
        if raw.strip().isdigit() and int(raw) > cap:
            self._error(413, f"the request body is larger than {cap} bytes (setting max_body_bytes)")
            return False
        if self.request.continued:  # the intake said "100 Continue" and read the body already
            return True
        return super().handle_expect_100()

    def log_message(self, format, *args) -> None:  # noqa: A002 - quiet: answers say what went wrong
        pass

    # -- answering -----------------------------------------------------------
    def _send(self, status: int, body: bytes, content_type: str, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")  # one request per connection: a slow client holds a slot briefly
        self.close_connection = True
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _guarded(self, handler) -> None:
        try:
            self._check_host()
            handler()
        except BadRequest as exc:
            self._error(exc.status, str(exc))
        except (BrokenPipeError, ConnectionResetError):
            pass
        except Exception as exc:  # noqa: BLE001 - one bad request must not cost the server
            print(f"kg serve: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
            try:
                self._error(500, "internal error")
            except OSError:
                pass

    def _check_host(self) -> None:
        """One Host header; on a loopback address, it and an absolute-form target must name this machine.

        An absolute-form target (``GET http://host/sparql``, as sent to proxies) names the host the
        request is for, over the Host header (RFC 9112, 3.2.2): it is checked the same way, and the
        path it carries is what is routed."""
        hosts = self.headers.get_all("Host") or []
        if len(hosts) > 1:
            raise BadRequest(400, "the request has more than one Host header")
        if not hosts and self.request_version == "HTTP/1.1":
            raise BadRequest(400, "an HTTP/1.1 request needs a Host header")
        named = [hosts[0].strip().lower()] if hosts else []
        if not self.path.startswith("/"):
            target = urlsplit(self.path)
            if target.scheme.lower() not in ("http", "https") or not target.netloc:
                raise BadRequest(400, "the request target is neither a path nor an http URL")
            named.append(target.netloc.rpartition("@")[2].lower())
            self.path = target.path or "/"
            if target.query:
                self.path += "?" + target.query
        if not self.server.loopback_only:
            return
        for host in named:
            name = host[1:].split("]")[0] if host.startswith("[") else host.rsplit(":", 1)[0] if host.count(":") == 1 else host
            if name and not _is_loopback(name):
                raise BadRequest(403, f"this endpoint only answers requests addressed to this machine, not {host!r}")

    # -- routes ----------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802
        self._guarded(self._get)

    def do_HEAD(self) -> None:  # noqa: N802
        self._guarded(self._get)

    def do_POST(self) -> None:  # noqa: N802
        self._guarded(self._post)

    def _get(self) -> None:
        url = urlsplit(self.path)
        if url.path == "/query":
            return self._send(200, page.HTML.encode("utf-8"), "text/html; charset=utf-8",
                              {"Content-Security-Policy": page.CSP, "X-Frame-Options": "DENY",
                               "Referrer-Policy": "no-referrer"})
        if url.path != ENDPOINT:  # the explorer's pages (kg.serve.explorer), or its "not found" page
            return self._send(*explorer.respond(self.server, url))
        self._query(_params(url.query))

    def _post(self) -> None:
        if urlsplit(self.path).path != ENDPOINT:
            raise BadRequest(404, f"not found: the SPARQL endpoint is {ENDPOINT}")
        body = self._read_body()
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        url_params = _params(urlsplit(self.path).query)
        if ctype == "application/sparql-update":
            raise BadRequest(400, "updates are refused: this endpoint is read-only")
        if ctype == "application/sparql-query":
            if "query" in url_params:
                raise BadRequest(400, "give the query once: in the body or as ?query=, not both")
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                raise BadRequest(400, "the query is not UTF-8") from None
            return self._query({**url_params, "query": [text]})
        if ctype in ("application/x-www-form-urlencoded", ""):
            try:
                return self._query(_params(body.decode("utf-8")))
            except UnicodeDecodeError:
                raise BadRequest(400, "the form is not UTF-8") from None
        raise BadRequest(415, "POST a query as application/sparql-query or application/x-www-form-urlencoded")

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding"):
            raise BadRequest(411, "send the body with a Content-Length (chunked bodies are not accepted)")
        raw = self.headers.get("Content-Length")
        if raw is None or not raw.strip().isdigit():
            raise BadRequest(411 if raw is None else 400, "a POST needs a valid Content-Length")
        length, cap = int(raw), int(self.server.settings["max_body_bytes"])
        if length > cap:
            raise BadRequest(413, f"the request body is larger than {cap} bytes (setting max_body_bytes)")
        return self.rfile.read(length)

    def _query(self, params: dict[str, list[str]]) -> None:
        s = self.server.settings
        if "update" in params or "using-graph-uri" in params or "using-named-graph-uri" in params:
            raise BadRequest(400, "updates are refused: this endpoint is read-only")
        if any(p in params for p in DATASET_PARAMS):
            raise BadRequest(400, "default-graph-uri and named-graph-uri are refused: "
                                  "queries run over the store's graph only")
        queries = params.get("query", [])
        if len(queries) > 1:
            raise BadRequest(400, "give one query, not several")
        query = queries[0] if queries else ""
        if not query.strip():
            raise BadRequest(400, f"no query given: use {ENDPOINT}?query=... or POST application/sparql-query")
        if len(query) > int(s["max_query_chars"]):
            raise BadRequest(400, f"the query is longer than {s['max_query_chars']} characters (setting max_query_chars)")
        fmt = (params.get("format") or [None])[0]
        try:
            status, payload = self.server.pool.run(
                query, (self.headers.get("Accept"), fmt), max_rows=int(s["max_rows"]),
                max_chars=int(s["max_query_chars"]), timeout=float(s["timeout"]), max_bytes=int(s["max_bytes"]))
        except (QueryTimeout, QueryMemory) as exc:
            raise BadRequest(503, str(exc)) from None
        except WorkerFailed as exc:
            raise BadRequest(500, str(exc)) from None
        if status in ("refused", "too large"):
            raise BadRequest(400, str(payload))
        if status == "error":
            raise BadRequest(400, f"the query failed: {payload}")
        extra = {"X-Kg-Truncated": "true"} if payload.truncated else {}
        self._send(200, payload.body, f"{payload.content_type}; charset=utf-8", extra)


def _params(qs: str) -> dict[str, list[str]]:
    try:
        return parse_qs(qs, keep_blank_values=True, max_num_fields=32)
    except ValueError:
        raise BadRequest(400, "too many parameters") from None


def serve(store_path, **overrides) -> Endpoint:
    """A bound, ready endpoint (workers started); call serve_forever() on it."""
    return Endpoint(store_path, **overrides)


__all__ = ["ENDPOINT", "Endpoint", "serve"]
