"""The worker pool on its own: answers, refusals, the deadline, a worker that dies, a rebuild meanwhile."""

import json
import os
import shutil
import signal
import time

import pyoxigraph as ox
import pytest

from kg.graph.store import Store
from kg.serve.workers import QueryTimeout, WorkerFailed, WorkerPool

JSON = (None, "json")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture
def store(example_store, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(example_store, copy, symlinks=True)
    return copy


@pytest.fixture
def pool(store):
    p = WorkerPool(store, 2)
    yield p
    p.close()


def run(pool, query, timeout=30.0):
    return pool.run(query, JSON, max_rows=100, max_chars=10_000, timeout=timeout)


def count(pool) -> int:
    status, answer = run(pool, COUNT)
    assert status == "ok"
    return int(json.loads(answer.body)["results"]["bindings"][0]["n"]["value"])


def wait_for_workers(pool, n, seconds=60):
    deadline = time.monotonic() + seconds
    while pool.idle.qsize() < n and time.monotonic() < deadline:
        time.sleep(0.1)
    assert pool.idle.qsize() == n


def test_answers_refusals_and_errors(pool):
    assert count(pool) > 5000
    assert run(pool, "SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }")[0] == "refused"
    status, message = run(pool, "SELECT * WHERE { ?s ?p")
    assert status == "refused" and "parse" in message
    status, message = run(pool, "SELECT ?o WHERE { ?s ?p ?o } GROUP BY ?s")  # rdflib parses it, Oxigraph refuses
    assert status == "error" and message


def test_the_deadline_costs_the_worker_not_the_pool(pool):
    start = time.monotonic()
    with pytest.raises(QueryTimeout):
        run(pool, RUNAWAY, timeout=1.0)
    assert time.monotonic() - start < 3
    assert count(pool) > 5000  # the other worker
    wait_for_workers(pool, 2)  # and the replacement


def test_a_dead_worker_is_replaced(pool):
    pids = [p.pid for p in pool.procs]
    os.kill(pids[0], signal.SIGKILL)
    os.kill(pids[1], signal.SIGKILL)
    time.sleep(0.5)
    failures = 0
    for _ in range(2):  # each dead worker fails one query, clearly
        with pytest.raises(WorkerFailed):
            run(pool, COUNT)
        failures += 1
    wait_for_workers(pool, 2)
    assert count(pool) > 5000 and failures == 2
    assert not ({p.pid for p in pool.procs} & set(pids))


def test_workers_follow_a_rebuild(pool, store):
    before = count(pool)
    extra = '<https://w3id.org/mlkg/id/model/new> <http://www.w3.org/2000/01/rdf-schema#label> "New" .\n'
    lines = [f"{q.triple} .\n" for q in ox.Store.read_only(str(Store(store).require() / "oxigraph"))]
    Store(store).write(sorted(lines) + [extra], [], {})  # a new generation; the old one is deleted
    assert count(pool) == before + 1
    assert count(pool) == before + 1  # both workers


def test_a_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(Exception, match="no graph"):
        WorkerPool(tmp_path / "none", 1)



def _doubling(steps: int) -> str:
    binds = ['BIND("0123456789abcdef" AS ?x0)'] + [f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1})" for i in range(steps)]
    return f"SELECT (STRLEN(?x{steps}) AS ?n) WHERE {{ {' '.join(binds)} }}"


@pytest.mark.parametrize("watch, killed_by", [(0.02, {-signal.SIGKILL, -signal.SIGABRT}), (30.0, {-signal.SIGABRT})])
def test_memory_past_the_cap_ends_the_query_not_the_pool(store, monkeypatch, watch, killed_by):
    """A query that doubles a string 28 times (4 GiB) against max_memory=256M. With the server's watch
    (RssAnon every 20 ms) its worker is killed; with the watch too slow to see it (30 s), the worker's
    own RLIMIT_AS stops the allocation (Rust aborts). Either way QueryMemory, and the pool goes on.
    (With the watch on, whichever comes first wins: the string grows in steps of up to 128 MB.)"""
    from kg.serve import workers

    monkeypatch.setattr(workers, "WATCH_SECONDS", watch)
    pool = WorkerPool(store, 1, max_memory=256 << 20)
    try:
        (proc,) = pool.procs
        start = time.monotonic()
        with pytest.raises(workers.QueryMemory, match="more than 256 MB of memory"):
            run(pool, _doubling(28), timeout=60)
        assert time.monotonic() - start < 20
        proc.join(5)
        assert proc.exitcode in killed_by
        wait_for_workers(pool, 1)
        assert count(pool) > 5000
    finally:
        pool.close()
