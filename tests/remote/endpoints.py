"""Real SPARQL endpoints for the --endpoint tests: the Oxigraph server (a third party's) and kg serve."""

import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from support import free_port, stop_server, wait_for_sparql

__all__ = ["free_port", "kg_server", "oxigraph_server"]


def oxigraph_cli() -> str:
    exe = Path(sys.executable).with_name("oxigraph")
    if not exe.exists():
        pytest.fail("the oxigraph server's CLI is missing: pip install oxigraph (it is in the test extra)")
    return str(exe)


@contextmanager
def started(args: list[str], url: str, log: Path):
    """A server process, up once ``url`` answers ASK {}; always stopped afterwards."""
    with open(log, "wb") as out:
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_for_sparql(url, proc, lambda: f"{args[0]} did not start: {log.read_text(errors='replace')}")
        yield url
    finally:
        stop_server(proc)


@contextmanager
def oxigraph_server(ntriples: Path, folder: Path):
    """`oxigraph load` the file into a database in ``folder``, then `oxigraph serve-read-only` it."""
    exe = oxigraph_cli()
    db = folder / "oxigraph-db"
    subprocess.run([exe, "load", "--location", str(db), "--file", str(ntriples)], check=True,
                   capture_output=True, timeout=300)
    port = free_port()
    with started([exe, "serve-read-only", "--location", str(db), "--bind", f"127.0.0.1:{port}"],
                 f"http://127.0.0.1:{port}/query", folder / "oxigraph.log") as url:
        yield url


@contextmanager
def kg_server(store: Path, folder: Path, *args: str):
    port = free_port()
    with started([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port), *args],
                 f"http://127.0.0.1:{port}/sparql", folder / "kg-serve.log") as url:
        yield url
