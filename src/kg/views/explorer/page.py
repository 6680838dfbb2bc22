"""Explorer pages as HTML: one template and one script for every page, served or offline.

Served (kg serve), a page is the template with its data as a JSON island, and
the script and style come from /static/ on the same server: the
Content-Security-Policy (:data:`CSP`, sent as a header) allows scripts and
styles from this server only and connections back to it only. Offline (kg html
--lineage), the script and style are inlined and allowed by their hashes in a
<meta> policy, so the file opens from disk and asks the network for nothing.
Data reaches the page only through ``|tojson`` (which escapes < > & ') and the
script puts it in the DOM only with ``textContent``.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from importlib import resources

from kg.views.explorer.shape import text
from kg.views.network import CLASSES

__all__ = ["CSP", "STATIC", "asset", "offline_page", "served_page"]

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
STATIC = {"explorer.js": "text/javascript; charset=utf-8", "explorer.css": "text/css; charset=utf-8"}
CLASS_STYLE = {"family": {"label": "Model family", "colour": "#b8474a"},
               **{key: {"label": label, "colour": colour} for key, label, colour, _ in CLASSES.values()}}
"""Each class's name and colour, as the static pages draw them (kg.views.network.CLASSES)."""


@lru_cache(maxsize=None)
def asset(name: str) -> bytes:
    """A static file of the explorer (explorer.js, explorer.css); KeyError for any other name."""
    if name not in STATIC:
        raise KeyError(name)
    return resources.files("kg.views.explorer").joinpath(name).read_bytes()


@lru_cache(maxsize=1)
def _template():
    from jinja2 import Environment, StrictUndefined

    env = Environment(autoescape=True, undefined=StrictUndefined)
    return env.from_string(resources.files("kg.views.explorer").joinpath("explorer.html").read_text("utf-8"))


def _with_classes(data: dict) -> dict:
    return {**data, "classes": CLASS_STYLE}


def served_page(data: dict, *, title: str, query: str = "") -> str:
    """The page for ``kg serve`` (send it with the :data:`CSP` header)."""
    return _template().render(offline=False, title=text(title, 200), data=_with_classes(data),
                              query=text(query, 300), csp="", css="", js="")


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def offline_page(data: dict, *, title: str) -> str:
    """One self-contained page: script and style inline, allowed by hash; nothing is fetched."""
    js, css = asset("explorer.js").decode("utf-8"), asset("explorer.css").decode("utf-8")
    if re.search(r"</(script|style)|<!--", js + css, re.IGNORECASE):
        raise RuntimeError("the explorer's script or style cannot be inlined safely")
    csp = (f"default-src 'none'; script-src {_hash(js)}; style-src {_hash(css)}; img-src data:; "
           "base-uri 'none'; form-action 'none'")
    return _template().render(offline=True, title=text(title, 200), data=_with_classes(data), query="",
                              csp=csp, css=css, js=js)
