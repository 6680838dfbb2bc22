"""A build from nothing on several cores starts its extraction workers while the files are still
read (kg.engines.early): the graph is the one a build in one process writes, the docs it keeps
serve a later build, and a failure while reading stops the workers."""

from __future__ import annotations

import importlib
import multiprocessing
import os
import shutil
from pathlib import Path

import pyoxigraph
import pytest

import kg
from kg.engines import early as early_module
from kg.graph.store import Store
from kg.records import io as records_io

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
HUB = ROOT / "tests" / "data" / "hub"
PATHS = [CORPUS, HUB / "models.jsonl", HUB / "cards"]
build_module = importlib.import_module("kg.build")

pytestmark = pytest.mark.skipif(os.cpu_count() == 1 or "fork" not in multiprocessing.get_all_start_methods(),
                                reason="one core, or no fork: builds never start worker processes")


def sorted_lines(store: Path) -> list[str]:
    dump = Store(store).oxigraph().dump(format=pyoxigraph.RdfFormat.N_QUADS)
    return sorted(dump.decode("utf-8").splitlines())


@pytest.fixture(scope="module")
def one_process(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("one") / "s"
    report = kg.build(PATHS, store=store)
    assert report.records < build_module.PARALLEL_MIN_RECORDS
    return store


def spans_taken(monkeypatch) -> list[bool]:
    """Builds from here on use workers whatever their size; gives, per build, whether the
    extraction took the spans of workers begun while the files were read."""
    monkeypatch.setattr(build_module, "PARALLEL_MIN_RECORDS", 1)
    taken: list[bool] = []
    real = early_module.Early.spans

    def spans(self, parts, noted):
        got = real(self, parts, noted)
        taken.append(got is not None)
        return got

    monkeypatch.setattr(early_module.Early, "spans", spans)
    return taken


def test_workers_begun_while_reading_write_the_graph_one_process_writes(one_process, tmp_path, monkeypatch):
    taken = spans_taken(monkeypatch)
    store = tmp_path / "s"
    report = kg.build(PATHS, store=store)
    assert taken == [True]
    assert sorted_lines(store) == sorted_lines(one_process)
    assert report.counts == Store(one_process).manifest()["summary"]
    assert not list(store.glob(".gen-tmp-*")) and not multiprocessing.active_children()


def test_their_docs_serve_the_next_build(tmp_path, monkeypatch):
    """The docs kept count their records from each source's first: a later build that extracts
    one changed file takes the others' docs back, and gives what a build from nothing gives."""
    folder = tmp_path / "in"
    shutil.copytree(CORPUS, folder)
    paths = [folder, *PATHS[1:]]
    taken = spans_taken(monkeypatch)
    store = tmp_path / "s"
    kg.build(paths, store=store)
    changed = sorted(folder.iterdir())[0]
    changed.write_text(changed.read_text("utf-8") + "\n", "utf-8")
    kg.build(paths, store=store)  # (the store holds sources: no early workers, the other docs reused)
    assert taken == [True]
    monkeypatch.setattr(build_module, "PARALLEL_MIN_RECORDS", 10**9)
    kg.build(paths, store=tmp_path / "one")
    assert sorted_lines(store) == sorted_lines(tmp_path / "one")


def test_a_failure_while_reading_stops_the_workers(one_process, tmp_path, monkeypatch):
    taken = spans_taken(monkeypatch)
    store = tmp_path / "s"
    shutil.copytree(one_process, store, symlinks=True)
    before = (os.readlink(store / "CURRENT"), sorted(p.name for p in store.iterdir()), sorted_lines(store))
    real, calls = records_io.read_one, []

    def read_one(*args, **kwargs):
        calls.append(args)
        if len(calls) == 3:  # the workers were forked at the first file read
            assert multiprocessing.active_children()
            raise OSError("the disk went away")
        return real(*args, **kwargs)

    monkeypatch.setattr(records_io, "read_one", read_one)
    with pytest.raises(OSError):
        kg.build(PATHS, store=store, rebuild=True)
    assert taken == []
    assert (os.readlink(store / "CURRENT"), sorted(p.name for p in store.iterdir()), sorted_lines(store)) == before
    assert not multiprocessing.active_children(), "a worker outlived the build"
