"""The store on disk: generations swapped atomically, one writer at a time, readable by all.

A write that fails at any point must leave the previous generation current, readable and
byte-for-byte the same, and no half-written folder that could pass for one. (Builds killed
with SIGKILL, incremental and idempotent builds: tests/graph/test_store.py.)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest

import kg
from kg.build import NoRecords
from kg.graph.store import CURRENT, Store, StoreError

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "examples" / "corpus" / "004_945dcbf884b0a543.txt"
A = "<https://w3id.org/mlkg/id/t/a>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"


def snapshot(path: Path) -> tuple[str, list[str], bytes]:
    """What a reader can see: the current generation, the folder's entries, the sorted quads."""
    st = Store(path)
    dump = st.oxigraph().dump(format=pyoxigraph.RdfFormat.N_QUADS)
    return os.readlink(path / CURRENT), sorted(p.name for p in path.iterdir()), \
        b"\n".join(sorted(dump.splitlines()))


def lines(n: int, label: str = "x"):
    for i in range(n):
        yield f'<https://w3id.org/mlkg/id/t/{i}> {LABEL} "{label} {i}" .\n'


@pytest.fixture
def store(tmp_path) -> Path:
    """A small store with one generation of 100 triples."""
    path = tmp_path / "store"
    Store(path).write(lines(100), [], {"triples": 100})
    return path


def test_a_write_makes_a_new_generation_and_keeps_only_it(store):
    first = os.readlink(store / CURRENT)
    Store(store).write(lines(5, "y"), [], {})
    second = os.readlink(store / CURRENT)
    assert first != second and sorted(p.name for p in store.iterdir()) == sorted([CURRENT, second])
    assert len(kg.open(store)) == 5


def explode_after(n: int, exc: BaseException):
    def gen():
        yield from lines(n, "new")
        raise exc
    return gen()


def test_a_pause_in_the_lines_ends_a_part_early_and_never_makes_an_empty_one(store):
    """The graph writer pauses ("") before work that takes a while, so the loaders get what came
    before; a pause with nothing pending writes nothing."""
    from kg.graph.build import PAUSE

    def paused():
        yield PAUSE
        yield from lines(10, "a")
        yield PAUSE
        yield PAUSE
        yield from lines(5, "b")

    Store(store).write(paused(), [], {})
    parts = Store(store).ntriples_files()
    assert [len(p.read_text().splitlines()) for p in parts] == [10, 5]
    assert kg.open(store).rows("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == [{"n": "15"}]


@pytest.mark.parametrize("exc", [RuntimeError("disk on fire"), KeyboardInterrupt()],
                         ids=["error", "Ctrl-C"])
def test_a_write_that_fails_half_way_leaves_the_store_as_it_was(store, exc):
    before = snapshot(store)
    with pytest.raises(type(exc)):
        Store(store).write(explode_after(5000, exc), [], {})
    assert snapshot(store) == before
    assert kg.open(store).rows("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == [{"n": "100"}]


def test_a_write_spools_inside_the_store_not_in_the_system_temp_folder(store, tmp_path, monkeypatch):
    """A killed build must leave nothing the next build does not sweep; /tmp may also be small."""
    import tempfile

    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    seen = {}

    def watched():
        yield from lines(500)
        seen["system"] = list(system_tmp.iterdir())
        seen["store"] = list(store.glob(".gen-tmp-*/ntriples/*.nt"))
        yield from lines(500, "more")

    Store(store).write(watched(), [], {})
    assert seen["system"] == [] and len(seen["store"]) == 1  # half-way: spooled beside the new generation
    with pytest.raises(RuntimeError):
        Store(store).write(explode_after(1000, RuntimeError("x")), [], {})
    assert list(system_tmp.iterdir()) == [] and not list(store.glob(".gen-tmp-*"))


def kept_triples(store: Path) -> list[str]:
    return sorted(line for part in Store(store).ntriples_files() for line in part.read_text().splitlines())


def test_a_generation_keeps_the_n_triples_it_was_loaded_from_and_they_are_its_content(store):
    text = kept_triples(store)
    dump = Store(store).oxigraph().dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph())
    assert len(text) == 100 and text == sorted(dump.decode().splitlines())


def test_a_write_of_malformed_n_triples_leaves_the_store_as_it_was(store):
    before = snapshot(store)
    with pytest.raises(SyntaxError):
        Store(store).write([f"{A} {LABEL} \"unterminated .\n"], [], {})
    assert snapshot(store) == before


@pytest.fixture
def small_parts(monkeypatch):
    """Spool parts of 1 MB (the least), so a few thousand lines make several parts."""
    import kg.graph.store as store_module

    monkeypatch.setattr(store_module, "SPOOL_CHARS", 1)
    return store_module


def test_a_write_in_several_parts_loads_every_line_and_keeps_every_part(store, small_parts):
    Store(store).write(lines(50_000, "part"), [], {})
    assert kg.open(store).rows("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == [{"n": "50000"}]
    assert len(Store(store).ntriples_files()) > 1 and len(kept_triples(store)) == 50_000


@pytest.mark.parametrize("exc", [RuntimeError("disk on fire"), KeyboardInterrupt()], ids=["error", "Ctrl-C"])
def test_a_write_that_fails_after_some_parts_are_loaded_leaves_the_store_as_it_was(store, small_parts, exc):
    before = snapshot(store)
    with pytest.raises(type(exc)):
        Store(store).write(explode_after(60_000, exc), [], {})
    assert snapshot(store) == before


def test_a_malformed_line_in_a_later_part_leaves_the_store_as_it_was(store, small_parts):
    before = snapshot(store)

    def bad():
        yield from lines(30_000)
        yield f"{A} {LABEL} \"unterminated .\n"
        yield from lines(30_000, "after")

    with pytest.raises(SyntaxError):
        Store(store).write(bad(), [], {})
    assert snapshot(store) == before


def test_a_write_that_fails_after_the_database_is_written_leaves_the_store_as_it_was(store, monkeypatch):
    before = snapshot(store)

    def no_space(self):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Store, "_next_generation", no_space)
    with pytest.raises(StoreError, match=f"no space left on device while writing {store}; nothing was changed"):
        Store(store).write(lines(10, "new"), [], {})  # the errno alone names no path: the store's is said
    assert snapshot(store) == before


def test_a_second_writer_is_refused_while_a_build_holds_the_store(store, tmp_path):
    before = snapshot(store)
    holder = Store(store)
    with holder.lock():
        with pytest.raises(StoreError, match="locked"):
            Store(store).write(lines(3), [], {})
        with pytest.raises(StoreError, match="locked"):
            kg.build([SMALL], store=store)
        holder.write(lines(7), [], {})  # re-entrant for the holder
    assert snapshot(store)[2] != before[2]
    Store(store).write(lines(2), [], {})  # released
    assert len(kg.open(store)) == 2


def test_a_second_kg_build_is_refused_with_one_clear_line(store, kg_cli):
    code = ("import sys, time; from kg.graph.store import Store\n"
            "with Store(sys.argv[1]).lock():\n    print('held', flush=True); time.sleep(60)\n")
    holder = subprocess.Popen([sys.executable, "-c", code, str(store)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        proc = kg_cli("build", SMALL, "--store", store)
    finally:
        holder.kill()
        holder.wait()
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [f"error: {store} is locked: another build is writing it; "
                                                "try again when it has finished"]


def test_generations_are_readable_by_other_users(store):
    mask = os.umask(0o022)
    os.umask(mask)
    gen = Store(store).current
    assert gen.stat().st_mode & 0o777 == 0o777 & ~mask


def test_the_default_store_is_dot_kg_or_kg_store(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KG_STORE", raising=False)
    assert Store().path == Path(".kg")
    monkeypatch.setenv("KG_STORE", "")  # as `KG_STORE= kg ...` leaves it: not "this folder"
    assert Store().path == Path(".kg")
    monkeypatch.setenv("KG_STORE", str(tmp_path / "elsewhere"))
    assert Store().path == tmp_path / "elsewhere"


def test_a_missing_store_says_how_to_make_one(tmp_path):
    with pytest.raises(StoreError, match=r"no graph at .*kg build PATH --store"):
        kg.open(tmp_path / "nothing")


def test_a_folder_that_is_not_a_store_is_a_store_error(tmp_path):
    (tmp_path / CURRENT).write_text("not a link")
    with pytest.raises(StoreError, match="not a kg store"):
        kg.open(tmp_path)


def test_a_store_cannot_be_written_where_a_file_is(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="cannot write a store"):
        Store(tmp_path / "file").write(lines(1), [], {})


def test_a_build_with_nothing_to_read_leaves_no_empty_store_folder(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(NoRecords):
        kg.build([empty], store=tmp_path / "new")
    assert not (tmp_path / "new").exists()


def test_readers_of_the_old_generation_keep_working_after_a_swap(store):
    reader = kg.open(store)
    assert len(reader.rows("SELECT ?s WHERE { ?s ?p ?o }")) == 100
    Store(store).write(lines(3), [], {})
    assert len(reader.rows("SELECT ?s WHERE { ?s ?p ?o }")) == 100  # its snapshot, still whole
    assert len(kg.open(store).rows("SELECT ?s WHERE { ?s ?p ?o }")) == 3


def test_copies_of_a_store_are_independent(store, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(store, copy, symlinks=True)
    Store(copy).write(lines(1), [], {})
    assert len(kg.open(store)) == 100 and len(kg.open(copy)) == 1


@pytest.mark.parametrize("which", ["spool", "runs", "staging", "gen"])
def test_a_ctrl_c_landing_as_a_build_makes_a_scratch_folder_leaves_nothing_behind(store, tmp_path, monkeypatch, which):
    """The moment between making a folder and entering the ``try`` that removes it: a Ctrl-C there
    once left a ``.gen-tmp-spool-*`` folder in the store (seen on CI). Every scratch folder is named
    before it is made, so the ``finally`` that removes it covers its making too."""
    listing = tmp_path / "in.txt"
    listing.write_text(SMALL.read_text("utf-8") + "\n", "utf-8")  # new bytes: a real build
    before = snapshot(store)
    real_mkdir = os.mkdir
    made = []

    def mkdir_then_ctrl_c(path, *args, **kwargs):
        real_mkdir(path, *args, **kwargs)
        if Path(path).name.startswith(f".gen-tmp-{which}"):
            made.append(path)
            raise KeyboardInterrupt

    monkeypatch.setattr(os, "mkdir", mkdir_then_ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        kg.build([listing], store=store)
    monkeypatch.undo()
    assert made and snapshot(store) == before
