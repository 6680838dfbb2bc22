"""Queries run in worker processes that are killed at the deadline.

Python threads cannot be stopped and pyoxigraph's Python API has no query
timeout, so each query goes to a process holding the store open read-only.
The worker checks the query (kg.serve.guard: parsing is slow pure Python, so
it counts against the deadline too), runs it and writes the answer; a query
still running at the deadline costs its process, which is replaced, and the
server goes on answering. A worker that dies on its own is replaced the same
way. Each worker opens the store's current generation, and reopens it when a
rebuild has made a new one current.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import threading
from dataclasses import dataclass
from pathlib import Path

STARTUP_SECONDS = 60


class QueryTimeout(Exception):
    """The query ran past the deadline (or no worker came free in time)."""


class WorkerFailed(RuntimeError):
    """A worker died or could not open the store."""


@dataclass
class Answer:
    body: bytes
    content_type: str
    truncated: bool = False


def _open(store_path: str):
    import pyoxigraph as ox

    from kg.graph.store import Store

    gen = Store(store_path).require()
    return gen, ox.Store.read_only(str(gen / "oxigraph"))


def _serve_queries(conn, store_path: str) -> None:
    """Worker loop: the store opened read-only, one query at a time."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle: it ends the workers
    try:
        from kg.graph.store import Store
        from kg.serve.guard import Refused, check
        from kg.serve.results import answer

        gen, store = _open(store_path)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which refuses to start
        conn.send(("error", f"cannot open the store: {exc}"))
        return
    conn.send(("ready", str(gen)))
    while True:
        try:
            query, fmt, max_rows, max_chars = conn.recv()
        except (EOFError, OSError):
            return  # the server is gone
        try:
            check(query, max_chars=max_chars)
            current = Store(store_path).current
            if current is not None and current != gen:  # a rebuild made a new generation current
                del store
                gen, store = _open(store_path)
            conn.send(("ok", answer(store, query, fmt, max_rows)))
        except Refused as exc:
            conn.send(("refused", str(exc)))
        except Exception as exc:  # noqa: BLE001 - a query error is an answer too
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class WorkerPool:
    """A fixed number of worker processes; run() borrows one for one query."""

    def __init__(self, store_path: str | Path, size: int) -> None:
        self.store_path = str(store_path)
        self.ctx = mp.get_context("spawn")  # no fork: no copy of the server's sockets or threads
        self.idle: queue.Queue = queue.Queue()
        self.lock = threading.Lock()
        self.procs: set = set()
        self.closed = False
        started = [self._spawn() for _ in range(size)]
        for proc, conn in started:
            self._await_ready(proc, conn)
            self.idle.put((proc, conn))

    def _spawn(self):
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_serve_queries, args=(child, self.store_path), daemon=True,
                                name="kg-sparql-worker")
        proc.start()
        child.close()
        with self.lock:
            self.procs.add(proc)
        return proc, parent

    def _await_ready(self, proc, conn) -> None:
        if not conn.poll(STARTUP_SECONDS):
            self._discard(proc, conn)
            raise WorkerFailed("a query worker did not start")
        try:
            status, detail = conn.recv()
        except (EOFError, OSError):
            status, detail = "error", "a query worker died while starting"
        if status != "ready":
            self._discard(proc, conn)
            raise WorkerFailed(detail)

    def _discard(self, proc, conn) -> None:
        proc.kill()
        proc.join(5)
        conn.close()
        with self.lock:
            self.procs.discard(proc)

    def _replace(self, proc, conn) -> None:
        """Kill a worker and start a fresh one in its place, in the background."""
        self._discard(proc, conn)
        self._refill()

    def _refill(self) -> None:
        def start() -> None:
            if self.closed:
                return
            try:
                new = self._spawn()
                self._await_ready(*new)
            except WorkerFailed:  # the store is gone or broken: retry later rather than shrink for good
                timer = threading.Timer(5, self._refill)
                timer.daemon = True
                timer.start()
                return
            self.idle.put(new)

        threading.Thread(target=start, daemon=True).start()

    def run(self, query: str, fmt: str, *, max_rows: int, max_chars: int, timeout: float):
        """("ok", Answer) or ("refused" | "error", message); raises QueryTimeout at the deadline."""
        try:
            proc, conn = self.idle.get(timeout=timeout)
        except queue.Empty:
            raise QueryTimeout(f"no query worker came free within {timeout:g} s; try again") from None
        try:
            conn.send((query, fmt, max_rows, max_chars))
            if conn.poll(timeout):
                result = conn.recv()
                self.idle.put((proc, conn))
                return result
        except (EOFError, OSError, BrokenPipeError):
            self._replace(proc, conn)
            raise WorkerFailed("the query worker died; it has been replaced") from None
        self._replace(proc, conn)  # still running at the deadline: end it with its process
        raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped "
                           f"(the limit is the server's timeout setting)")

    def close(self) -> None:
        self.closed = True
        with self.lock:
            procs = list(self.procs)
        for proc in procs:
            proc.kill()
        for proc in procs:
            proc.join(5)
