"""A Drawing -> one self-contained, safe HTML page.

Self-contained: vis-network (pyvis's bundled copy) and the page's own script
and style are inlined, so the file opens from disk with no network, and a
Content-Security-Policy forbids loading anything else. Safe: the Jinja2
template autoescapes, data enters the page only as JSON through ``|tojson``
(which escapes ``< > & '``) and the page's script puts it in the DOM only
with ``textContent``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.views.network import Drawing, options
from kg.views.text import safe_text

VIS_VERSION = "9.1.2"
"""The vis-network bundled with pyvis that we inline; it renders string titles as text."""
PHYSICS_MAX_NODES = 150
"""Up to this many nodes physics refines the Python layout, then stops; above, the page stays still."""


@lru_cache(maxsize=1)
def assets() -> dict[str, str]:
    """vis-network's script and style from pyvis, and the page's own template, script and style."""
    vis = resources.files("pyvis").joinpath(f"templates/lib/vis-{VIS_VERSION}")
    own = resources.files("kg.views")
    out = {
        "vis_js": vis.joinpath("vis-network.min.js").read_text("utf-8"),
        "vis_css": vis.joinpath("vis-network.css").read_text("utf-8"),
        "page_js": own.joinpath("page.js").read_text("utf-8"),
        "page_css": own.joinpath("page.css").read_text("utf-8"),
        "template": own.joinpath("page.html").read_text("utf-8"),
    }
    # a source-map comment would make the browser's devtools ask the network for a file
    for key in ("vis_js", "vis_css"):
        out[key] = re.sub(r"/[/*][#@] sourceMappingURL=[^\n*]*(\*/)?", "", out[key])
    out["vis_css"] = _used_rules(out["vis_css"])
    return _checked(out)


_UNUSED = re.compile(r"configuration|color-picker|manipulation|navigation|vis-(button|edit|close|separator|label|"
                     r"delete|add|connect|back|none)")


def _used_rules(css: str) -> str:
    """vis-network's style without the configurator's and buttons' rules (210 of its 220 kB are their images)."""
    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", css)
    if "@" in css or len(rules) != css.count("{"):  # not the flat stylesheet this expects: keep it whole
        return css
    return "".join(f"{sel.strip()}{{{body}}}" for sel, body in rules
                   if "url(" not in body and not _UNUSED.search(sel))


def _checked(out: dict[str, str]) -> dict[str, str]:
    """Scripts are inlined verbatim: neither may be able to end its <script> element early."""
    for key in ("vis_js", "page_js"):
        if re.search(r"</script|<!--", out[key], re.IGNORECASE):
            raise RuntimeError(f"{key} cannot be inlined safely")
    return out


@lru_cache(maxsize=1)
def _template():
    from jinja2 import Environment, StrictUndefined

    env = Environment(autoescape=True, undefined=StrictUndefined)
    return env.from_string(assets()["template"])


@dataclass
class View:
    """A rendered page: ``.html``; ``.save(path)`` writes it atomically; a notebook shows it inline."""

    html: str
    title: str
    nodes: int
    edges: int
    left_out_nodes: int = 0
    left_out_edges: int = 0

    @property
    def focused(self) -> bool:
        """True when part of the graph was left out to keep the page usable."""
        return bool(self.left_out_nodes or self.left_out_edges)

    def save(self, path: str | Path) -> Path:
        from kg.exports.atomic import atomic_path

        path = Path(path)
        with atomic_path(path) as tmp:
            Path(tmp).write_text(self.html, "utf-8")
        return path

    def _repr_html_(self) -> str:
        """An iframe holding the whole page in ``srcdoc`` (escaped): offline, sandboxed, no file needed."""
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
                f'style="width:100%;height:640px;border:1px solid #ddd" sandbox="allow-scripts allow-popups" '
                f'title="{html.escape(self.title, quote=True)}"></iframe>')

    def __repr__(self) -> str:
        return f"<View {self.title!r}: {self.nodes} nodes, {self.edges} edges>"


def render(d: Drawing, *, title: str, note: str = "", hierarchical: bool = False, mode: str = "graph") -> View:
    """The page for a Drawing (positions must already be set unless ``hierarchical``)."""
    n = len(d.nodes)
    physics = not hierarchical and n <= PHYSICS_MAX_NODES
    if d.left_out_nodes or d.left_out_edges:
        note = (note + " " if note else "") + (
            f"{d.left_out_nodes} nodes and {d.left_out_edges} edges are left out of this view "
            "to keep it usable; kg html --around NAME --depth N draws another part.")
    data = {"nodes": d.nodes, "edges": d.edges, "legend": d.legend(), "mode": mode,
            "leftOut": {"nodes": d.left_out_nodes, "edges": d.left_out_edges},
            "options": options(d.net, physics=physics, hierarchical=hierarchical)}
    a = assets()
    page = _template().render(title=safe_text(title, 200), note=safe_text(note), data=data,
                              vis_js=a["vis_js"], vis_css=a["vis_css"], page_js=a["page_js"],
                              page_css=a["page_css"])
    return View(page, safe_text(title, 200), n, len(d.edges), d.left_out_nodes, d.left_out_edges)
