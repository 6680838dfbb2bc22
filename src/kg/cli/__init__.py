"""The `kg` command line: a thin layer over the library, one module per command group."""

from kg.cli import build, export, inspect, query  # noqa: F401  (registers the commands)
from kg.cli.app import app

for _optional in ("kg.cli.lineage", "kg.cli.people", "kg.cli.html", "kg.cli.serve", "kg.cli.explain", "kg.cli.hub"):
    try:
        __import__(_optional)
    except ModuleNotFoundError as _exc:  # a command group not written yet
        if _exc.name != _optional:
            raise


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:  # Ctrl-C outside a command (while parsing the arguments, say)
        from kg.cli.app import err

        err.print("interrupted")
        raise SystemExit(130) from None


__all__ = ["app", "main"]
