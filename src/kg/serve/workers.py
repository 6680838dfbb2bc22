"""Queries run in worker processes that are killed at the deadline.

Python threads cannot be stopped and neither rdflib nor pyoxigraph's Python
API has a query timeout, so each query goes to a process holding the store
open read-only; a query still running at the deadline costs that process,
which is replaced, and the server goes on answering.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import threading
from dataclasses import dataclass

from kg.graph.store import PREFIXES

class QueryTimeout(Exception):
    pass


@dataclass
class Answer:
    body: str
    content_type: str
    truncated: bool = False


def _serve_queries(conn, db_path: str) -> None:
    """Worker loop: one store opened read-only, one query at a time."""
    import pyoxigraph as ox

    from kg.serve import results

    store = ox.Store.read_only(db_path)
    while True:
        try:
            query, fmt, max_rows = conn.recv()
        except EOFError:
            return
        try:
            res = store.query(query, prefixes=PREFIXES)
            if isinstance(res, ox.QueryBoolean):
                answer = Answer(results.boolean(bool(res), fmt), results.FORMATS[fmt])
            elif isinstance(res, ox.QuerySolutions):
                variables = [v.value for v in res.variables]
                rows = []
                truncated = False
                for solution in res:
                    if len(rows) >= max_rows:
                        truncated = True
                        break
                    rows.append([solution[v] for v in variables])
                answer = Answer(results.select(variables, rows, fmt), results.FORMATS[fmt], truncated)
            else:  # CONSTRUCT / DESCRIBE
                triples = []
                for t in res:
                    if len(triples) >= max_rows:
                        break
                    triples.append(t)
                body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
                answer = Answer(body, "application/n-triples", len(triples) >= max_rows)
            conn.send(("ok", answer))
        except Exception as exc:  # a query error is an answer too
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class WorkerPool:
    def __init__(self, db_path: str, size: int) -> None:
        self.db_path = db_path
        self.ctx = mp.get_context("spawn")
        self.idle: queue.Queue = queue.Queue()
        self.lock = threading.Lock()
        self.procs = []
        for _ in range(size):
            self.idle.put(self._start())

    def _start(self):
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_serve_queries, args=(child, self.db_path), daemon=True)
        proc.start()
        with self.lock:
            self.procs.append(proc)
        return proc, parent

    def run(self, query: str, fmt: str, max_rows: int, timeout: float) -> Answer:
        try:
            proc, conn = self.idle.get(timeout=timeout)
        except queue.Empty:
            raise QueryTimeout(f"no worker free within {timeout:g} s") from None
        conn.send((query, fmt, max_rows))
        if conn.poll(timeout):
            status, payload = conn.recv()
            self.idle.put((proc, conn))
            if status == "error":
                raise ValueError(payload)
            return payload
        proc.kill()  # the query is still running: end it with its process
        proc.join(5)
        conn.close()
        self.idle.put(self._start())
        raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped")

    def close(self) -> None:
        with self.lock:
            for proc in self.procs:
                proc.kill()
