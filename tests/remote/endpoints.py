"""Real SPARQL endpoints for the --endpoint tests: the Oxigraph server (a third party's) and kg serve."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(url + "?query=" + urllib.parse.quote("ASK {}"), timeout=5).read()
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail(f"{args[0]} did not start: {log.read_text(errors='replace')}")
                time.sleep(0.2)
        yield url
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)  # its own session: this server and its children only
                proc.wait(5)


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
