"""Every limit of the SPARQL endpoint in one table (datasette-style): name, default, why.

``kg serve --setting NAME VALUE`` changes any of them; the common ones also
have their own options (--timeout, --max-rows, --workers, --host, --port).
"""

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
    Setting("timeout", 10.0, "seconds a query may run (parsing included); its worker process is killed after that"),
    Setting("max_rows", 10_000, "rows (or triples, for CONSTRUCT) an answer holds at most; the rest is cut"),
    Setting("max_query_chars", 100_000, "characters a query may have"),
    Setting("max_body_bytes", 1_048_576, "bytes a POST body may have"),
    Setting("workers", 2, "query worker processes, each with the store open read-only"),
    Setting("max_connections", 64, "connections served at once; more get 503 at once"),
    Setting("http_timeout", 30.0, "seconds a client may take to send its request"),
]
DEFAULTS: dict[str, float | int | str] = {s.name: s.default for s in SETTINGS}


def resolve(overrides: dict[str, object]) -> dict[str, float | int | str]:
    """The defaults with ``overrides`` applied, each converted to its default's type; unknown names raise."""
    out = dict(DEFAULTS)
    for name, value in overrides.items():
        if value is None:
            continue
        if name not in DEFAULTS:
            raise KeyError(f"unknown setting {name!r} (known: {', '.join(DEFAULTS)})")
        kind = type(DEFAULTS[name])
        try:
            converted = kind(value)
        except (TypeError, ValueError):
            raise ValueError(f"setting {name} wants a {kind.__name__}, not {value!r}") from None
        if name == "port" and not 0 <= converted <= 65535:
            raise ValueError(f"setting port must be 0 (any free port) to 65535, not {value!r}")
        if kind is not str and name != "port" and converted <= 0:
            raise ValueError(f"setting {name} must be positive, not {value!r}")
        out[name] = converted
    return out


def table() -> str:
    """The settings as aligned text, for --help and the docs."""
    width = max(len(s.name) for s in SETTINGS)
    return "\n".join(f"{s.name:<{width}}  {s.default!s:<10}  {s.help}" for s in SETTINGS)
