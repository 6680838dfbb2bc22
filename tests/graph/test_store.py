"""The store on disk: where it is, incremental and idempotent builds, and atomic generations."""

from __future__ import annotations

import importlib
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import kg
from support import CORPUS, ROOT, kill_build, ntriples, run_kg
from kg.graph.store import CURRENT, Store

FILES = sorted(CORPUS.iterdir())
SMALL = FILES[-1]  # the smallest listing: cheap to build on its own
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def copy_store(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, symlinks=True)
    return dst


def store_entries(store: Path) -> set[str]:
    return {p.name for p in store.iterdir()}


def record_files(store: Path) -> dict[str, int]:
    """Records per input file name, from the graph."""
    rows = kg.open(store).rows("SELECT ?f (COUNT(?r) AS ?n) WHERE { ?r a mlkg:Record ; mlkg:file ?f } GROUP BY ?f")
    return {r["f"]: int(r["n"]) for r in rows}


def test_default_store_is_dot_kg_in_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("KG_STORE", raising=False)
    monkeypatch.chdir(tmp_path)
    kg.build([SMALL])
    assert (tmp_path / ".kg" / CURRENT).is_symlink()
    assert len(kg.open()) > 0
    proc = run_kg("build", str(SMALL), cwd=tmp_path)
    assert proc.returncode == 0 and "nothing to do" in proc.stdout, proc.stderr
    assert store_entries(tmp_path) == {".kg"}


def test_kg_store_variable_is_honoured_by_the_api_and_the_cli(tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    work = tmp_path / "work"
    work.mkdir()
    proc = run_kg("build", str(SMALL), cwd=work, env={"KG_STORE": str(elsewhere)})
    assert proc.returncode == 0, proc.stderr
    assert Store(elsewhere).exists() and not (work / ".kg").exists()
    monkeypatch.setenv("KG_STORE", str(elsewhere))
    monkeypatch.chdir(work)
    assert Store().path == elsewhere and kg.open().store.path == elsewhere
    stats = run_kg("stats", cwd=work, env={"KG_STORE": str(elsewhere)})
    assert stats.returncode == 0 and "mlkg:Paper" in stats.stdout, stats.stderr


def test_building_the_same_files_again_changes_nothing(built, tmp_path):
    store = copy_store(built, tmp_path / "store")
    generation = os.readlink(store / CURRENT)
    before = run_kg("export", "--format", "nt", "-o", str(tmp_path / "before.nt"), "--store", str(store))
    assert before.returncode == 0, before.stderr
    proc = run_kg("build", str(CORPUS), "--store", str(store))
    assert proc.returncode == 0, proc.stderr
    assert "nothing to do" in proc.stdout
    assert os.readlink(store / CURRENT) == generation
    assert store_entries(store) == {CURRENT, generation}
    after = run_kg("export", "--format", "nt", "-o", str(tmp_path / "after.nt"), "--store", str(store))
    assert after.returncode == 0, after.stderr
    assert (tmp_path / "before.nt").read_bytes() == (tmp_path / "after.nt").read_bytes()


def test_two_builds_from_nothing_give_byte_identical_exports(built, tmp_path):
    kg.build([CORPUS], store=tmp_path / "again")
    assert ntriples(tmp_path / "again") == ntriples(built)


def test_a_new_file_is_added_to_what_is_there_and_rebuild_starts_over(tmp_path):
    store = tmp_path / "store"
    first = kg.build(FILES[:-1], store=store)
    old = record_files(store)
    old_records = {r["r"] for r in kg.open(store).rows("SELECT ?r WHERE { ?r a mlkg:Record }")}
    assert set(old) == {f.name for f in FILES[:-1]}

    second = kg.build([SMALL], store=store)
    assert second.changed
    now = record_files(store)
    assert now == {**old, SMALL.name: now[SMALL.name]} and now[SMALL.name] > 0
    assert second.records == first.records + now[SMALL.name]
    assert second.counts["papers"] > first.counts["papers"]
    new_records = {r["r"] for r in kg.open(store).rows("SELECT ?r WHERE { ?r a mlkg:Record }")}
    assert old_records < new_records
    assert sorted(second.sources) == sorted(f.name for f in FILES)

    third = kg.build([SMALL], store=store, rebuild=True)
    assert third.changed and record_files(store) == {SMALL.name: now[SMALL.name]}
    assert third.sources == [SMALL.name]


def _explode_midway(triples):
    from kg.graph.build import iter_ntriples

    for i, line in enumerate(iter_ntriples(triples)):  # lines, or blocks of them (a few dozen in all)
        if i == 5:
            raise RuntimeError("disk on fire")
        yield line


def _explode_before_rename(self):
    raise OSError("no space left on device")


@pytest.mark.parametrize("how", ["loader fails mid-way", "fails after the database is written"])
def test_a_failed_build_leaves_the_store_unchanged(built, tmp_path, monkeypatch, how):
    store = copy_store(built, tmp_path / "store")
    before, entries = ntriples(store), store_entries(store)
    if how == "loader fails mid-way":
        monkeypatch.setattr(importlib.import_module("kg.build"), "iter_ntriples", _explode_midway)
        expected = RuntimeError
    else:
        monkeypatch.setattr(Store, "_next_generation", _explode_before_rename)
        expected = OSError
    extra = tmp_path / "extra.txt"
    extra.write_text(SMALL.read_text("utf-8") + "\n\n")  # new content: a real build starts
    with pytest.raises(expected):
        kg.build([extra], store=store)
    assert store_entries(store) == entries  # no gen-* or .gen-tmp-* left behind
    assert ntriples(store) == before
    assert kg.open(store).rows(COUNT) == [{"n": str(len(before.splitlines()))}]


def _corpus_copies(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        for f in FILES:  # different names and different bytes: every copy is new to the store
            (folder / f"c{i:03d}_{f.name}").write_text(f.read_text("utf-8") + "\n" * (i + 1), "utf-8")
    return folder



@pytest.mark.slow
def test_a_killed_build_leaves_the_previous_store_answering(built, tmp_path):
    store = copy_store(built, tmp_path / "store")
    before = ntriples(store)
    answer = run_kg("query", "lineage", "--bind", "model=MN-Minitron-8B", "--format", "csv", "--store", str(store))
    assert answer.returncode == 0 and answer.stdout.count("\n") > 1, answer.stderr
    big = _corpus_copies(tmp_path / "big", 200)
    kill_build(big, store, after=1.0)
    assert ntriples(store) == before
    again = run_kg("query", "lineage", "--bind", "model=MN-Minitron-8B", "--format", "csv", "--store", str(store))
    assert again.returncode == 0 and again.stdout == answer.stdout


WRITER = textwrap.dedent("""
    import sys
    from kg.graph.store import Store
    def lines():
        for i in range(50_000_000):
            yield f"<https://w3id.org/mlkg/id/x/{i}> <https://w3id.org/mlkg/ontology#index> \\"{i}\\" .\\n"
    Store(sys.argv[1]).write(lines(), [], {})
""")


@pytest.mark.slow
def test_a_write_killed_half_way_leaves_the_previous_store_and_is_cleaned_up_later(built, tmp_path):
    store = copy_store(built, tmp_path / "store")
    before, generation = ntriples(store), os.readlink(store / CURRENT)
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(store)], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    deadline = time.monotonic() + 60
    while not any(p.name.startswith(".gen-tmp-") for p in store.iterdir()):
        assert proc.poll() is None, proc.stderr.read()
        assert time.monotonic() < deadline, "the writer never started a generation"
        time.sleep(0.05)
    time.sleep(0.5)  # well inside the write of 50 million triples
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert os.readlink(store / CURRENT) == generation
    assert ntriples(store) == before
    assert kg.open(store).rows(COUNT) == [{"n": str(len(before.splitlines()))}]

    extra = tmp_path / "extra.txt"
    extra.write_text(SMALL.read_text("utf-8") + "\n\n")
    kg.build([extra], store=store)  # the next good build swaps in and sweeps the leftovers
    entries = store_entries(store)
    assert entries == {CURRENT, os.readlink(store / CURRENT)} and os.readlink(store / CURRENT) != generation
