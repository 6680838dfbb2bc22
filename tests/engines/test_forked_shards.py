"""A local build with worker processes has forked workers write the facts' lines as N-Triples
shards (kg.engines.forked, with kg.engines.shards' code): the graph is the one a build in one
process writes, and a failure or Ctrl-C while the workers write leaves the store as it was."""

from __future__ import annotations

import importlib
import multiprocessing
import os
import shutil
from pathlib import Path

import pyoxigraph
import pytest

import kg
from kg.engines import forked
from kg.engines import shards as shards_module
from kg.graph import store as store_module
from kg.graph.store import Store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
HUB = ROOT / "tests" / "data" / "hub"
PATHS = [CORPUS, HUB / "models.jsonl", HUB / "cards"]  # cards cite papers, some outside the corpus
build_module = importlib.import_module("kg.build")

pytestmark = pytest.mark.skipif(os.cpu_count() == 1 or "fork" not in multiprocessing.get_all_start_methods(),
                                reason="one core, or no fork: builds never start worker processes")


def sorted_lines(store: Path) -> list[str]:
    dump = Store(store).oxigraph().dump(format=pyoxigraph.RdfFormat.N_QUADS)  # all in the default graph
    return sorted(dump.decode("utf-8").splitlines())


@pytest.fixture(scope="module")
def one_process(tmp_path_factory) -> Path:
    """The cards and the example corpus built in this process alone (too few records for workers)."""
    store = tmp_path_factory.mktemp("one") / "s"
    report = kg.build(PATHS, store=store)
    assert report.records < build_module.PARALLEL_MIN_RECORDS
    return store


def with_workers(monkeypatch, task_bytes: int) -> list:
    """Builds from here on use worker processes whatever their size; the shards' tasks are of
    at most ``task_bytes`` bytes of saved docs. Gives the list each build's shard tasks go into."""
    monkeypatch.setattr(build_module, "PARALLEL_MIN_RECORDS", 1)
    monkeypatch.setattr(forked, "TASK_BYTES", task_bytes)
    tasks: list = []
    real = forked.ForkedShards._tasks

    def kept(self, parts):
        got = real(self, parts)
        tasks.append(got)
        return got

    monkeypatch.setattr(forked.ForkedShards, "_tasks", kept)
    return tasks


@pytest.mark.parametrize("task_bytes", [1, 10**12], ids=["a shard a blob", "one shard"])
def test_forked_workers_write_the_graph_one_process_writes(one_process, tmp_path, monkeypatch, task_bytes):
    tasks = with_workers(monkeypatch, task_bytes)
    store = tmp_path / "s"
    report = kg.build(PATHS, store=store)
    assert len(tasks) == 1 and (len(tasks[0]) > len(list(CORPUS.iterdir())) if task_bytes == 1 else len(tasks[0]) == 1)
    assert sorted_lines(store) == sorted_lines(one_process)
    assert report.counts == Store(one_process).manifest()["summary"]
    # a cited paper the corpus lacks is a stub, made before the workers forked
    assert any('"arXiv:' in line and "#label>" in line for line in sorted_lines(store))
    # the evidence went into shards, which the store keeps as parts: only evidence, each line once
    parts = Store(store).ntriples_files()
    written = [p for p in parts if p.name.startswith("part-w")]
    assert 0 < len(written) <= len(tasks[0])  # (a task whose docs state no fact leaves no shard)
    shard_lines = [line for p in written for line in p.read_text("utf-8").splitlines()]
    assert shard_lines and all("/evidence/" in line.split(" ", 1)[0] for line in shard_lines)
    every = [line for p in parts for line in p.read_text("utf-8").splitlines()]
    assert sorted(every) == sorted_lines(store)
    assert not list(store.glob(".gen-tmp-*")) and not multiprocessing.active_children()


def test_parts_kept_from_an_earlier_build_are_written_by_the_workers_too(tmp_path, monkeypatch):
    """A changed file is extracted again; the others' docs come back from the store, and the
    workers read those whole."""
    folder = tmp_path / "in"
    shutil.copytree(CORPUS, folder)
    paths = [folder, *PATHS[1:]]
    tasks = with_workers(monkeypatch, 1)
    store = tmp_path / "s"
    kg.build(paths, store=store)
    changed = sorted(folder.iterdir())[0]
    changed.write_text(changed.read_text("utf-8") + "\n", "utf-8")  # new bytes: extracted again
    kg.build(paths, store=store)
    pieces = [piece for task in tasks[1] for piece in task.pieces]
    assert any(piece.start is None for piece in pieces) and any(piece.start is not None for piece in pieces)
    monkeypatch.setattr(build_module, "PARALLEL_MIN_RECORDS", 10**9)  # the same files, in one process
    kg.build(paths, store=tmp_path / "one")
    assert sorted_lines(store) == sorted_lines(tmp_path / "one")


@pytest.mark.parametrize("how", ["a worker fails", "ctrl-c"])
def test_a_failure_while_the_workers_write_leaves_the_store_as_it_was(one_process, tmp_path, monkeypatch, how):
    with_workers(monkeypatch, 1)
    store = tmp_path / "s"
    shutil.copytree(one_process, store, symlinks=True)
    before = (os.readlink(store / "CURRENT"), sorted(p.name for p in store.iterdir()), sorted_lines(store))
    if how == "a worker fails":
        def write_shard(*args):
            raise OSError("no space left on device")

        monkeypatch.setattr(shards_module, "write_shard", write_shard)  # (the workers inherit it)
        expected = OSError
    else:
        real = store_module._file_sha256

        def ctrl_c_at_the_first_shard(path):
            if path.name.startswith("part-w"):
                raise KeyboardInterrupt
            return real(path)

        monkeypatch.setattr(store_module, "_file_sha256", ctrl_c_at_the_first_shard)
        expected = KeyboardInterrupt
    with pytest.raises(expected):
        kg.build(PATHS, store=store, rebuild=True)
    assert (os.readlink(store / "CURRENT"), sorted(p.name for p in store.iterdir()), sorted_lines(store)) == before
    assert not multiprocessing.active_children(), "a worker outlived the build"
