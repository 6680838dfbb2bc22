"""A stand-in for the Hugging Face Hub on 127.0.0.1 that answers from recorded responses.

It serves what ``huggingface_hub`` asks for when ``kg hub fetch`` runs, from
tests/data/hub/api/: the model list (``GET /api/models``, filtered by ``author`` and
``search`` as the Hub does) and each repo's README.md (``HEAD``/``GET
/ORG/NAME/resolve/REV/README.md``, with the commit and ETag headers the client checks;
404 with the Hub's error header for a repo without one). Every request is logged, so a
test can check what the client asked for. Point ``HF_ENDPOINT`` (or ``endpoint=``) at
``server.url``.
"""

from __future__ import annotations

import hashlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

DATA = Path(__file__).resolve().parents[1] / "data" / "hub" / "api"


class RecordedHub:
    def __init__(self, data: Path = DATA) -> None:
        self.models = json.loads((data / "models-example-org.json").read_text("utf-8"))
        self.readmes = data / "readme"
        self.requests: list[tuple[str, str]] = []
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # quiet
                pass

            def do_HEAD(self) -> None:
                hub.requests.append(("HEAD", self.path))
                self._answer(body=False)

            def do_GET(self) -> None:
                hub.requests.append(("GET", self.path))
                self._answer(body=True)

            def _answer(self, body: bool) -> None:
                url = urlparse(self.path)
                if url.path == "/api/models":
                    q = parse_qs(url.query)
                    if q.get("author") == ["private-org"]:  # as the Hub answers a bad token
                        self._send(401, b'{"error":"Invalid credentials in Authorization header"}',
                                   "application/json", body)
                        return
                    rows = [m for m in hub.models
                            if m["author"] == q.get("author", [m["author"]])[0]
                            and q.get("search", [""])[0].lower() in m["id"].lower()]
                    self._send(200, json.dumps(rows).encode(), "application/json", body)
                    return
                parts = unquote(url.path).strip("/").split("/")
                if len(parts) >= 5 and parts[2] == "resolve":
                    path = hub.readmes.joinpath(parts[0], parts[1], *parts[4:])
                    if path.is_file():
                        data = path.read_bytes()
                        etag = '"' + hashlib.sha256(data).hexdigest()[:32] + '"'
                        self._send(200, data, "text/plain; charset=utf-8", body,
                                   {"ETag": etag, "X-Repo-Commit": "0123456789abcdef0123456789abcdef01234567"})
                        return
                    self._send(404, b'{"error":"Entry not found"}', "application/json", body,
                               {"X-Error-Code": "EntryNotFound", "X-Error-Message": "Entry not found"})
                    return
                self._send(404, b'{"error":"not recorded"}', "application/json", body)

            def _send(self, status: int, data: bytes, ctype: str, body: bool, headers: dict | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                if body:
                    self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> RecordedHub:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
