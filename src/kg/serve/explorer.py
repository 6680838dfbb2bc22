"""The lineage explorer's pages on ``kg serve``: home, search, entity pages, the atlas, static files.

Routes (all GET or HEAD; /sparql and the query page /query stay the server's):

=====================  ====================================================================
``/``                  search box, counts, the families of the atlas
``/search?q=NAME``     opens the entity when NAME names exactly one (or only one matches),
                       else lists the matches
``/api/search?q=``     the suggestions as one types (JSON)
``/id/<kind>/<slug>``  an entity's page: the address mirrors its IRI (https://w3id.org/mlkg/id/...)
``/atlas``             every derivation as a forest grouped by family
``/static/<file>``     the explorer's script and style (nothing comes from the internet)
=====================  ====================================================================

The explorer runs only its own saved queries (kg/queries/explorer), in the
server process, on the store opened read-only: they are ours and answer in
milliseconds, so they need neither the guard nor a worker. The name index,
the counts and the atlas are computed once per store generation and reused
until a rebuild makes a new generation current.
"""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path
from urllib.parse import parse_qs

from kg.views.explorer.page import CSP, STATIC, asset, served_page
from kg.views.explorer.shape import iri_of, text

__all__ = ["Explorer", "explorer_of", "respond", "warm_up"]

HTML = "text/html; charset=utf-8"
JSON = "application/json; charset=utf-8"
PAGE_HEADERS = {"Content-Security-Policy": CSP, "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer"}
MAX_QUERY_CHARS = 300
SUGGESTIONS = 10
RESULTS = 100
COUNT_LINKS = {"derivations": "/atlas"}

Response = tuple[int, bytes, str, dict]


class Explorer:
    """The explorer over one store folder; follows the store to its current generation."""

    def __init__(self, store_path: str | Path) -> None:
        self.store_path = Path(store_path)
        self.lock = threading.Lock()
        self.generation: Path | None = None
        self.store = None
        self.cache: dict[str, object] = {}
        self.making: dict[tuple[int, str], threading.Lock] = {}

    def _open(self):
        """The store's current generation (reopened after a rebuild) and its cache."""
        from kg.graph.store import Store
        from kg.views.explorer.run import open_store

        current = Store(self.store_path).require()
        with self.lock:
            if current != self.generation:
                self.store, self.generation, self.cache = open_store(self.store_path), current, {}
            return self.store, self.cache

    def _cached(self, key: str, make):
        """``make(store)`` once per generation; a second request for it waits for the first."""
        store, cache = self._open()
        with self.lock:
            making = self.making.setdefault((id(cache), key), threading.Lock())
        with making:
            if key not in cache:
                cache[key] = make(store)
        return cache[key]

    def warm(self) -> None:
        """Read the name index, the atlas and the counts now (on a large store they take seconds)."""
        self.names()
        self.home()

    def names(self):
        from kg.views.explorer.run import rows
        from kg.views.explorer.search import NameIndex

        return self._cached("names", lambda store: NameIndex(rows(store, "names")))

    def atlas(self) -> dict:
        from kg.views.explorer.atlas import atlas_data

        return self._cached("atlas", atlas_data)

    def home(self) -> dict:
        def make(store):
            from kg.views.explorer.run import rows

            counts = {r["what"]: int(r["n"]) for r in rows(store, "counts")}
            order = ["models", "derivations", "papers", "people", "techniques", "datasets", "benchmarks"]
            return {"page": "home", "label": "kg explorer",
                    "counts": [{"what": w, "n": counts.get(w, 0), "href": COUNT_LINKS.get(w)} for w in order],
                    "families": [{"family": g["family"], "models": g["models"]} for g in self.atlas()["groups"]]}

        return self._cached("home", make)

    # -- answering ------------------------------------------------------------------
    def respond(self, path: str, query: str) -> Response:
        params = parse_qs(query, max_num_fields=8)
        q = text((params.get("q") or [""])[0][:MAX_QUERY_CHARS])
        if path in ("/", "/index.html"):
            return _page(self.home(), "kg explorer")
        if path == "/atlas":
            return _page(self.atlas(), "Lineage atlas · kg")
        if path == "/api/search":
            hits = self.names().search(q, SUGGESTIONS)
            return 200, json.dumps({"query": q, "hits": [h.as_json() for h in hits]}).encode("utf-8"), JSON, {}
        if path == "/search":
            return self._search(q)
        if path.startswith("/static/") and path[len("/static/"):] in STATIC:
            name = path[len("/static/"):]
            return 200, asset(name), STATIC[name], {}
        iri = iri_of(path)
        if iri is not None:
            from kg.views.explorer.pages import entity_page

            store, _ = self._open()
            data = entity_page(store, iri)
            if data is not None:
                return _page(data, f"{data['label']} · kg")
        return _page({"page": "error", "label": "Not found",
                      "message": "Nothing lives at this address. Search for it above, or open the lineage atlas."},
                     "Not found · kg", status=404)

    def _search(self, q: str) -> Response:
        index = self.names()
        target = index.go_to(q)
        if target is not None and target.as_json()["href"]:
            return 303, b"", "text/plain; charset=utf-8", {"Location": target.as_json()["href"]}
        hits = index.search(q, RESULTS + 1)
        return _page({"page": "search", "label": "Search", "query": q, "hits": [h.as_json() for h in hits[:RESULTS]],
                      "more": len(hits) > RESULTS}, f"{q} · search · kg" if q else "Search · kg", query=q)


def _page(data: dict, title: str, *, status: int = 200, query: str = "") -> Response:
    return status, served_page(data, title=title, query=query).encode("utf-8"), HTML, dict(PAGE_HEADERS)


_LOCK = threading.Lock()


def explorer_of(server) -> Explorer:
    """The Explorer of ``server`` (kg.serve.server.Endpoint), made on first use."""
    explorer = getattr(server, "explorer", None)
    if explorer is None:
        with _LOCK:
            explorer = getattr(server, "explorer", None)
            if explorer is None:
                explorer = server.explorer = Explorer(server.pool.store_path)
    return explorer


def respond(server, url) -> Response:
    """The explorer's answer to a GET of ``url`` (a urlsplit result) on ``server``."""
    return explorer_of(server).respond(url.path, url.query)


def warm_up(server) -> threading.Thread:
    """Fill the explorer's caches in the background, so that the first visitor does not wait for them."""
    def run() -> None:
        try:
            explorer_of(server).warm()
        except Exception as exc:  # noqa: BLE001 - a page will report it when asked; the server goes on
            print(f"kg serve: the explorer could not read the store yet: {type(exc).__name__}: {exc}", file=sys.stderr)

    thread = threading.Thread(target=run, name="kg-explorer-warm-up", daemon=True)
    thread.start()
    return thread

