"""⑤b Exports: a registry from format name to writer, like rdflib's serializer plugins.

Each writer takes the store and a target path and writes atomically (a
temporary file beside the target, then a rename), so a failed export never
leaves a half-written file behind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg.graph.store import Store

Writer = Callable[[Store, Path], None]


@dataclass(frozen=True)
class Exporter:
    name: str
    write: Writer
    suffix: str
    description: str


EXPORTERS: dict[str, Exporter] = {}


def exporter(name: str, *, suffix: str, description: str, aliases: tuple[str, ...] = ()):
    def register(write: Writer) -> Writer:
        for n in (name, *aliases):
            EXPORTERS[n] = Exporter(name, write, suffix, description)
        return write

    return register


def _load_builtin(graph_tools: bool = True) -> None:
    from kg.exports import rdf  # noqa: F401

    if not graph_tools:  # they import networkx: not worth its import time for an RDF export
        return
    try:
        from kg.exports import cytoscape, graphml, neo4j, networks  # noqa: F401
    except ImportError:
        pass


def get(name: str) -> Exporter:
    _load_builtin(graph_tools=False)
    if name not in EXPORTERS:
        _load_builtin()
    try:
        return EXPORTERS[name]
    except KeyError:
        raise KeyError(f"unknown export format {name!r} (known: {', '.join(formats())})") from None


def formats() -> list[str]:
    _load_builtin()
    return sorted({e.name for e in EXPORTERS.values()})


def export(store: Store, name: str, path: str | Path) -> Path:
    from kg.graph.damage import no_space

    path = Path(path)
    writer = get(name)
    try:
        writer.write(store, path)
    except OSError as exc:  # a full disk names the file, not only its errno
        full = no_space(path, exc, "free some space there, or write elsewhere with -o")
        if full is None:
            raise
        raise full from None
    return path
