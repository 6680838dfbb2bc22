"""Every limit of the SPARQL endpoint in one table (datasette-style): name, default, why.

``kg serve --setting NAME VALUE`` changes any of them; the common ones also
have their own options (--timeout, --max-rows, --workers, --host, --port).
"""

from __future__ import annotations

import re
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
    Setting("max_connections", 64, "requests answered at once, each read whole before it counts; more get 503 at once"),
    Setting("max_pending", 256, "connections still sending their request at once (they hold no query slot); more get 503"),
    Setting("http_timeout", 10.0, "seconds a client has to send its whole request, counted from connecting; "
                                  "and again to take the answer"),
    Setting("max_memory", 1 << 30, "bytes of memory a query worker may use (e.g. 512M, 2G); a query that needs "
                                   "more is stopped with an error and its worker replaced"),
    Setting("max_bytes", 32 << 20, "bytes an answer may have (e.g. 8M); a larger one is an error, never sent"),
]
SIZES = {"max_memory", "max_bytes", "max_body_bytes"}
"""Settings counted in bytes: they also take a K, M or G suffix (powers of 1024)."""
_SIZE = re.compile(r"(?i)\s*(\d+(?:\.\d+)?)\s*([KMG]?)i?B?\s*")
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
            converted = size(value) if name in SIZES else kind(value)
        except (TypeError, ValueError):
            raise ValueError(f"setting {name} wants a {kind.__name__}, not {value!r}") from None
        if name == "port" and not 0 <= converted <= 65535:
            raise ValueError(f"setting port must be 0 (any free port) to 65535, not {value!r}")
        if kind is not str and name != "port" and converted <= 0:
            raise ValueError(f"setting {name} must be positive, not {value!r}")
        out[name] = converted
    return out


def size(value: object) -> int:
    """Bytes from ``1048576``, ``512K``, ``300M``, ``1G`` or ``1.5GB``; ValueError otherwise."""
    if isinstance(value, int):
        return value
    m = _SIZE.fullmatch(str(value))
    if not m:
        raise ValueError(value)
    return int(float(m.group(1)) * 1024 ** " KMG".index(m.group(2).upper() or " "))


def table() -> str:
    """The settings as aligned text, for --help and the docs."""
    width = max(len(s.name) for s in SETTINGS)
    return "\n".join(f"{s.name:<{width}}  {s.default!s:<10}  {s.help}" for s in SETTINGS)
