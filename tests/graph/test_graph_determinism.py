"""The same input gives the same bytes: whatever the hash seed, and whether records are extracted
in this process or in worker processes. (Two builds in one process: tests/graph/test_store.py.)"""

from __future__ import annotations

import pytest

import importlib
import os
from pathlib import Path

import pyoxigraph

import kg
from kg.graph.store import Store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"


def sorted_ntriples(store: Path) -> bytes:
    dump = Store(store).oxigraph().dump(format=pyoxigraph.RdfFormat.N_QUADS)  # all in the default graph
    return b"\n".join(sorted(dump.splitlines()))


@pytest.mark.slow
def test_builds_under_different_hash_seeds_export_the_same_bytes(example_store, tmp_path, kg_cli):
    exports = []
    for seed in ("1", "4242"):
        store = tmp_path / f"s{seed}"
        proc = kg_cli("build", CORPUS, "--store", store, "-q", env={"PYTHONHASHSEED": seed})
        assert proc.returncode == 0, proc.stderr
        out = tmp_path / f"{seed}.nt"
        assert kg_cli("export", "--format", "nt", "-o", out, "--store", store).returncode == 0
        exports.append(out.read_bytes())
        assert sorted_ntriples(store) == sorted_ntriples(example_store)
    assert exports[0] == exports[1] and len(exports[0].splitlines()) > 10_000


def test_worker_processes_build_the_same_graph_as_one_process(example_store, tmp_path, monkeypatch):
    if os.cpu_count() == 1:
        import pytest

        pytest.skip("one core: builds never start worker processes")
    build_module = importlib.import_module("kg.build")
    monkeypatch.setattr(build_module, "PARALLEL_MIN_RECORDS", 1)
    started = []
    real_pool = build_module.mp.get_context("fork").Pool

    class CountingContext:
        def Pool(self, *args, **kwargs):  # noqa: N802 - multiprocessing's name
            started.append(args)
            return real_pool(*args, **kwargs)

    monkeypatch.setattr(build_module.mp, "get_context", lambda method: CountingContext())
    kg.build([CORPUS], store=tmp_path / "parallel")
    assert started, "the build did not use worker processes"
    assert sorted_ntriples(tmp_path / "parallel") == sorted_ntriples(example_store)
