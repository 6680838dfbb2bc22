"""A read-only SPARQL 1.1 Protocol endpoint over a kg store (GET and POST queries).

The standard library's threading HTTP server takes requests; kg.serve.guard
refuses what must not run; kg.serve.workers runs the rest in processes that
die at the deadline; kg.serve.results writes JSON, XML, CSV or TSV as the
Accept header asks.
"""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from urllib.parse import parse_qs, urlsplit

from kg.serve.guard import Refused, check
from kg.serve.results import negotiate
from kg.serve.settings import DEFAULTS
from kg.serve.workers import QueryTimeout, WorkerPool


class Endpoint(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, db_path: str, **settings) -> None:
        self.settings = {**DEFAULTS, **{k: v for k, v in settings.items() if v is not None}}
        self.pool = WorkerPool(db_path, int(self.settings["workers"]))
        super().__init__((self.settings["host"], int(self.settings["port"])), Handler)

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


class Handler(BaseHTTPRequestHandler):
    server: Endpoint
    server_version = "kg-sparql/1"

    def log_message(self, format, *args):  # noqa: A002 - quiet by default; errors still answered
        pass

    def _send(self, status: int, body: str, content_type: str, extra: dict | None = None) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def _error(self, status: int, message: str) -> None:
        self._send(status, message + "\n", "text/plain")

    def do_GET(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            page = resources.files("kg.serve").joinpath("page.html").read_text("utf-8")
            return self._send(200, page, "text/html")
        if url.path != "/sparql":
            return self._error(404, "not found: the endpoint is /sparql")
        params = parse_qs(url.query)
        if "update" in params:
            return self._error(400, "updates are refused: this endpoint is read-only")
        self._query(params.get("query", [""])[0], params.get("format", [None])[0])

    def do_POST(self) -> None:  # noqa: N802
        if urlsplit(self.path).path != "/sparql":
            return self._error(404, "not found: the endpoint is /sparql")
        length = int(self.headers.get("Content-Length") or 0)
        if length > int(self.server.settings["max_body_bytes"]):
            return self._error(413, f"the request body is larger than {self.server.settings['max_body_bytes']} bytes")
        body = self.rfile.read(length).decode("utf-8", "replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            return self._error(400, "updates are refused: this endpoint is read-only")
        if ctype == "application/sparql-query":
            return self._query(body, None)
        params = parse_qs(body)
        if "update" in params:
            return self._error(400, "updates are refused: this endpoint is read-only")
        self._query(params.get("query", [""])[0], params.get("format", [None])[0])

    def _query(self, query: str, fmt: str | None) -> None:
        s = self.server.settings
        try:
            check(query, max_chars=int(s["max_query_chars"]))
        except Refused as exc:
            return self._error(400, str(exc))
        fmt = negotiate(self.headers.get("Accept"), fmt)
        try:
            answer = self.server.pool.run(query, fmt, int(s["max_rows"]), float(s["timeout"]))
        except QueryTimeout as exc:
            return self._error(503, str(exc))
        except ValueError as exc:
            return self._error(400, f"the query failed: {exc}")
        extra = {"X-Kg-Truncated": "true"} if answer.truncated else None
        self._send(200, answer.body, answer.content_type, extra)


def serve(db_path: str, **settings) -> Endpoint:
    return Endpoint(db_path, **settings)


def describe_settings() -> str:
    return json.dumps(DEFAULTS)
