"""Queries run in worker processes that are killed at the deadline.

Python threads cannot be stopped and pyoxigraph's Python API has no query
timeout, so each query goes to a process holding the store open read-only.
The worker checks the query (kg.serve.guard: parsing is slow pure Python, so
it counts against the deadline too), runs it and writes the answer; a query
still running at the deadline costs its process, which is replaced, and the
server goes on answering. A worker that dies on its own is replaced the same
way. Each worker opens the store's current generation, and reopens it when a
rebuild has made a new one current.

Memory is capped twice (``max_memory``): while a query runs, the server reads
its worker's anonymous resident memory (``RssAnon`` in /proc) every
``WATCH_SECONDS`` and ends the worker past the cap, so the query gets a clear
error; and each worker limits its own address space (RLIMIT_AS) to what it
had when ready plus the cap, so a query that grows faster than the watch
reads fails inside the worker (a MemoryError, or an allocation failure that
aborts the process) instead of taking the machine's memory. An answer longer
than ``max_bytes`` is refused in the worker, before it is sent anywhere.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path

STARTUP_SECONDS = 60
WATCH_SECONDS = 0.02
"""How often a running query's worker memory is read (a /proc read costs about 20 µs)."""


class QueryTimeout(Exception):
    """The query ran past the deadline (or no worker came free in time)."""


class QueryMemory(Exception):
    """The query needed more memory than a worker may have (its worker was ended and replaced)."""


class WorkerFailed(RuntimeError):
    """A worker died or could not open the store."""


class AnswerTooLarge(ValueError):
    """The answer has more bytes than max_bytes."""


def memory_message(cap: int) -> str:
    return (f"the query needed more than {_mb(cap)} of memory and was stopped "
            f"(the limit is the server's max_memory setting)")


def _mb(n: int) -> str:
    return f"{n / 2**30:g} GB" if n >= 2**30 else f"{n / 2**20:g} MB"


def anon_rss(pid: int) -> int | None:
    """Bytes of anonymous resident memory of a process (its heap, not mapped files); None if it is gone."""
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            for line in f:
                if line.startswith(b"RssAnon:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _trimmer():
    """A function that hands freed heap back to the system (glibc's malloc_trim), or None.

    glibc keeps what a query freed: after all coauthor pairs of a 10,000-record store a worker
    held 755 MB it no longer used; malloc_trim brought it to 92 MB (0.4 s, after the answer left)."""
    from kg.heap import trimmer

    return trimmer()


TRIM_ABOVE = 64 << 20
"""Heap a worker keeps after a query before it hands the rest back."""


def _limit_address_space(extra: int) -> None:
    """RLIMIT_AS = this process's address space now + ``extra``: a backstop under the server's watch."""
    import resource

    try:
        with open("/proc/self/status", "rb") as f:
            size = next(int(line.split()[1]) * 1024 for line in f if line.startswith(b"VmSize:"))
        resource.setrlimit(resource.RLIMIT_AS, (size + extra, size + extra))
    except (OSError, ValueError, StopIteration):  # no /proc or no limit to set: the watch still holds
        pass


@dataclass
class Answer:
    body: bytes
    content_type: str
    truncated: bool = False


def _open(store_path: str):
    import pyoxigraph as ox

    from kg.graph.store import Store

    gen = Store(store_path).require()
    db = ox.Store.read_only(str(gen / "oxigraph"))
    db.query("ASK { ?s ?p ?o }")  # a damaged database says so here, before the server says it is serving
    return gen, db


def _serve_queries(conn, store_path: str, max_memory: int | None = None) -> None:
    """Worker loop: the store opened read-only, one query at a time."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle: it ends the workers
    try:
        from kg.graph.store import Store
        from kg.serve.guard import Refused, check
        from kg.serve.results import answer

        gen, store = _open(store_path)
        check("ASK {}", max_chars=100)  # the parser's first use costs memory: before the limit is measured
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which refuses to start
        try:
            conn.send(("error", f"cannot open the store: {exc}"))
        except (BrokenPipeError, EOFError, OSError):
            pass  # the parent heard it from another worker and is gone: nothing more to say on its stderr
        return
    if max_memory:
        os.environ["RUST_BACKTRACE"] = "0"  # an allocation past the limit aborts with one line, not a backtrace
        _limit_address_space(max_memory)
    conn.send(("ready", str(gen)))
    trim, pid = _trimmer(), os.getpid()
    baseline = anon_rss(pid) or 0
    while True:
        try:
            query, fmt, max_rows, max_chars, *rest = conn.recv()
        except (EOFError, OSError):
            return  # the server is gone
        max_bytes = rest[0] if rest else None
        try:
            check(query, max_chars=max_chars)
            current = Store(store_path).current
            if current is not None and current != gen:  # a rebuild made a new generation current
                del store
                gen, store = _open(store_path)
            conn.send(("ok", answer(store, query, fmt, max_rows, max_bytes=max_bytes)))
        except Refused as exc:
            conn.send(("refused", str(exc)))
        except AnswerTooLarge as exc:
            conn.send(("too large", str(exc)))
        except MemoryError:
            conn.send(("memory", memory_message(max_memory or 0)))
        except Exception as exc:  # noqa: BLE001 - a query error is an answer too
            conn.send(("error", f"{type(exc).__name__}: {exc}"))
        if trim is not None and (anon_rss(pid) or 0) > baseline + TRIM_ABOVE:
            trim()


class WorkerPool:
    """A fixed number of worker processes; run() borrows one for one query."""

    def __init__(self, store_path: str | Path, size: int, *, max_memory: int | None = None) -> None:
        self.store_path = str(store_path)
        self.max_memory = max_memory
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
        proc = self.ctx.Process(target=_serve_queries, args=(child, self.store_path, self.max_memory), daemon=True,
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

    def run(self, query: str, fmt: str, *, max_rows: int, max_chars: int, timeout: float,
            max_bytes: int | None = None):
        """("ok", Answer) or ("refused" | "too large" | "error", message); raises QueryTimeout at the
        deadline and QueryMemory past max_memory (either way the worker is replaced)."""
        try:
            proc, conn = self.idle.get(timeout=timeout)
        except queue.Empty:
            raise QueryTimeout(f"no query worker came free within {timeout:g} s; try again") from None
        deadline = time.monotonic() + timeout
        try:
            conn.send((query, fmt, max_rows, max_chars, max_bytes))
            while (left := deadline - time.monotonic()) > 0:
                if conn.poll(min(left, WATCH_SECONDS) if self.max_memory else left):
                    result = conn.recv()
                    break
                rss = anon_rss(proc.pid) if self.max_memory else None
                if rss is not None and rss > self.max_memory:
                    self._replace(proc, conn)
                    raise QueryMemory(memory_message(self.max_memory))
            else:
                result = None
        except (EOFError, OSError, BrokenPipeError):
            self._replace(proc, conn)
            proc.join(1)
            if self.max_memory and proc.exitcode == -signal.SIGABRT:  # an allocation past RLIMIT_AS
                raise QueryMemory(memory_message(self.max_memory)) from None
            raise WorkerFailed("the query worker died; it has been replaced") from None
        if result is None:
            self._replace(proc, conn)  # still running at the deadline: end it with its process
            raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped "
                               f"(the limit is the server's timeout setting)")
        if result[0] == "memory":  # a MemoryError inside the worker: its heap may be in pieces
            self._replace(proc, conn)
            raise QueryMemory(result[1])
        self.idle.put((proc, conn))
        return result

    def close(self) -> None:
        self.closed = True
        with self.lock:
            procs = list(self.procs)
        for proc in procs:
            proc.kill()
        for proc in procs:
            proc.join(5)
