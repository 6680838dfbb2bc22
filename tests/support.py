"""Helpers tests import (`from support import ...`): paths, running `kg`, comparing stores, starting and stopping servers."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pyoxigraph

from kg.graph.store import Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
KG = Path(sys.executable).with_name("kg")


def ntriples(store: Path) -> bytes:
    """The store's triples as sorted N-Triples: equal bytes mean an equal graph."""
    data = Store(store).oxigraph().dump(format=pyoxigraph.RdfFormat.N_QUADS)
    return b"\n".join(sorted(data.splitlines()))


def run_kg(*args: str, cwd: Path | None = None, env: dict | None = None,
           timeout: float = 300) -> subprocess.CompletedProcess:
    """The installed `kg` command, for real, in a child process ($KG_STORE only when given)."""
    full_env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
    full_env.update({"NO_COLOR": "1", "COLUMNS": "200", **(env or {})})
    return subprocess.run([str(KG), *args], capture_output=True, text=True, cwd=cwd, env=full_env,
                          timeout=timeout)


def kill_build(source: Path, store: Path, after: float) -> None:
    """Start `kg build SOURCE --store STORE` and kill it, with any worker processes it started, after
    ``after`` seconds; it must still be running then."""
    proc = subprocess.Popen([str(KG), "build", str(source), "--store", str(store), "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    time.sleep(after)
    assert proc.poll() is None, "the build ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)  # the build and any extraction workers it started
    proc.wait(timeout=30)


def free_port() -> int:
    """A TCP port on 127.0.0.1 nothing listens on (for a server a test starts)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_sparql(url: str, proc: subprocess.Popen, why: Callable[[], str], seconds: float = 90) -> None:
    """Return once the SPARQL endpoint at ``url`` answers ASK {}; fail the test with ``why()``
    if the server process ``proc`` ends or ``seconds`` pass first."""
    import pytest

    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url + "?query=" + urllib.parse.quote("ASK {}"), timeout=5).read()
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > deadline or proc.poll() is not None:
                if proc.poll() is None:
                    proc.kill()
                pytest.fail(why())
            time.sleep(0.2)


def stop_server(proc: subprocess.Popen) -> None:
    """Stop a server started in its own session: SIGTERM, then SIGKILL to its whole group."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # its own session: this server and its children only
            proc.wait(5)
