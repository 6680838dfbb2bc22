"""Every limit of the SPARQL endpoint in one table (datasette-style): name, default, why."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: float | int | str
    help: str


SETTINGS = [
    Setting("host", "127.0.0.1", "address to listen on; only this machine by default"),
    Setting("port", 7878, "TCP port (Oxigraph's default)"),
    Setting("timeout", 10.0, "seconds a query may run; its worker process is killed after that"),
    Setting("max_rows", 10_000, "rows a SELECT returns at most (the rest is cut)"),
    Setting("max_query_chars", 100_000, "characters a query may have"),
    Setting("max_body_bytes", 1_048_576, "bytes a POST body may have"),
    Setting("workers", 2, "query worker processes (each opens the store read-only)"),
]
DEFAULTS = {s.name: s.default for s in SETTINGS}
