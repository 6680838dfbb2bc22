"""A damaged store, a damaged kept text, a killed build's leftovers, a read-only or full disk:
each said in one line naming the store (and how to get it back), never a traceback.

Every test damages a real store built from the example corpus, in tmp_path, and runs the
real `kg` command on it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.graph.store import Store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
RECOVER = "rebuild it from the sources the store keeps: kg build --rebuild --store {store}"


@pytest.fixture
def store(example_store, tmp_path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(example_store, copy, symlinks=True)
    return copy


def db(store: Path) -> Path:
    return store / "CURRENT" / "oxigraph"


def largest_sst(store: Path) -> Path:
    return max(db(store).glob("*.sst"), key=lambda p: p.stat().st_size)


def _flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for i in range(len(data) // 3, len(data) // 3 + 64):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))


DAMAGE = {
    "truncated .sst": lambda s: os.truncate(largest_sst(s), largest_sst(s).stat().st_size // 2),
    "deleted .sst": lambda s: largest_sst(s).unlink(),
    "empty oxigraph/CURRENT": lambda s: os.truncate(db(s) / "CURRENT", 0),
    "truncated MANIFEST": lambda s: [os.truncate(m, m.stat().st_size // 3) for m in db(s).glob("MANIFEST-*")],
    "deleted database folder": lambda s: shutil.rmtree(db(s)),
    # found only when a query reads the block: the command is already running
    "flipped bytes in every .sst": lambda s: [_flip(p) for p in db(s).glob("*.sst")],
}

COMMANDS = {
    "query": ["query", "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p"],
    "saved query": ["query", "lineage", "--bind", "model=Zorblax-7B"],
    "validate": ["validate"],
    "stats": ["stats"],
    "export jsonld": ["export", "--format", "jsonld", "-o", "{out}/g.jsonld"],
    "lineage": ["lineage", "Zorblax-7B"],
    "people": ["people", "Quenby Marlowe"],
    "html": ["html", "-o", "{out}/g.html"],
    "build (nothing new)": ["build", str(CORPUS)],
}


def run_on(kg_cli, store: Path, command: list[str], out: Path):
    out.mkdir(exist_ok=True)
    return kg_cli(*[a.replace("{out}", str(out)) for a in command], "--store", store)


def assert_one_damage_line(proc, store: Path) -> None:
    assert proc.returncode in (1, 2), (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith(f"error: the graph at {store} is damaged ("), lines[0]
    assert lines[0].endswith(RECOVER.format(store=store)), lines[0]


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_each_kind_of_damage_is_one_line_with_the_way_back(damage, store, kg_cli, tmp_path):
    DAMAGE[damage](store)
    proc = run_on(kg_cli, store, COMMANDS["stats"], tmp_path / "out")
    assert_one_damage_line(proc, store)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_says_a_damaged_store_in_one_line(command, store, kg_cli, tmp_path):
    DAMAGE["truncated .sst"](store)
    proc = run_on(kg_cli, store, COMMANDS[command], tmp_path / "out")
    assert_one_damage_line(proc, store)
    assert not list((tmp_path / "out").iterdir())  # nothing half-written


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["truncated .sst", "empty oxigraph/CURRENT", "deleted database folder"])
def test_kg_serve_says_a_damaged_store_in_one_line_and_does_not_serve(damage, store, kg_cli):
    DAMAGE[damage](store)
    proc = kg_cli("serve", "--store", store, "--port", "0", timeout=120)
    assert "serving" not in proc.stdout
    assert_one_damage_line(proc, store)


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_every_command_on_every_damage(damage, store, kg_cli, tmp_path):
    DAMAGE[damage](store)
    for name, command in COMMANDS.items():
        if damage == "flipped bytes in every .sst" and name.startswith(("build", "people", "lineage", "saved")):
            continue  # these read a few blocks, which may be intact: not every command reaches the damage
        proc = run_on(kg_cli, store, command, tmp_path / "out")
        if damage == "deleted database folder" and name.startswith("build"):
            assert proc.returncode == 0 and f"built {store}" in proc.stdout  # no database to trust: built anew
            continue
        assert_one_damage_line(proc, store)


def test_the_way_back_rebuilds_the_same_graph_from_the_kept_sources(store, example_store, kg_cli, tmp_path):
    DAMAGE["empty oxigraph/CURRENT"](store)
    proc = kg_cli("build", "--rebuild", "--store", store)
    assert proc.returncode == 0, proc.stderr
    assert f"built {store}" in proc.stdout
    assert _sorted_triples(store) == _sorted_triples(example_store)
    assert kg_cli("validate", "--store", store).returncode == 0


def test_kg_build_without_files_is_a_usage_error_unless_it_rebuilds(store, kg_cli, tmp_path):
    proc = kg_cli("build", "--store", store)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "--rebuild alone" in proc.stderr
    empty = tmp_path / "empty"
    proc = kg_cli("build", "--rebuild", "--store", empty)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.strip() == f"error: {empty} keeps no sources to rebuild from: kg build --rebuild FILES --store {empty}"
    assert not empty.exists()


def test_a_damaged_kept_source_is_refused_by_the_rebuild(store, kg_cli):
    kept = next((store / "CURRENT" / "sources").iterdir())
    kept.write_text(kept.read_text("utf-8")[:100], "utf-8")
    proc = kg_cli("build", "--rebuild", "--store", store)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "does not match its checksum" in proc.stderr and "kg build --rebuild FILES" in proc.stderr


def _sorted_triples(store: Path) -> list[str]:
    out = ox.Store()
    out.bulk_load(path=None, input=Store(store).oxigraph().dump(format=ox.RdfFormat.N_TRIPLES,
                                                                   from_graph=ox.DefaultGraph()),
                  format=ox.RdfFormat.N_TRIPLES)
    return sorted(str(q.triple) for q in out)


# -- item 6: the kept N-Triples, checked before they are used ------------------------------------

def _parts(store: Path) -> list[Path]:
    return sorted((store / "CURRENT" / "ntriples").glob("part-*.nt"))


KEPT_DAMAGE = {
    "truncated part": lambda p: os.truncate(p, p.stat().st_size // 7),
    "one character changed": lambda p: p.write_bytes(p.read_bytes().replace(b"<", b"{", 1)),
    "part deleted": lambda p: p.unlink(),
    "part emptied": lambda p: os.truncate(p, 0),
}


def test_the_manifest_holds_a_checksum_of_every_kept_part(store):
    import hashlib
    import json

    manifest = json.loads((store / "CURRENT" / "manifest.json").read_text())
    assert set(manifest["ntriples"]) == {p.name for p in _parts(store)} and manifest["ntriples"]
    for part in _parts(store):
        assert manifest["ntriples"][part.name] == hashlib.sha256(part.read_bytes()).hexdigest()


@pytest.mark.parametrize("fmt", ["nt", "ttl"])
@pytest.mark.parametrize("damage", sorted(KEPT_DAMAGE))
def test_a_damaged_kept_text_is_not_exported_the_database_is(damage, fmt, store, example_store, kg_cli, tmp_path):
    good = tmp_path / f"good.{fmt}"
    assert kg_cli("export", "-f", fmt, "-o", good, "--store", example_store).returncode == 0
    KEPT_DAMAGE[damage](_parts(store)[len(_parts(store)) // 2])
    out = tmp_path / f"g.{fmt}"
    proc = kg_cli("export", "-f", fmt, "-o", out, "--store", store)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    warning = proc.stderr.strip()
    assert warning.startswith(f"warning: the kept N-Triples of {store} are damaged (part-"), warning
    assert "read the database instead" in warning and f"kg build --rebuild --store {store}" in warning
    fmt_ox = ox.RdfFormat.N_TRIPLES if fmt == "nt" else ox.RdfFormat.TURTLE
    exported = sorted(map(str, ox.parse(path=str(out), format=fmt_ox)))  # the real parser reads it all
    assert exported == sorted(map(str, ox.parse(path=str(good), format=fmt_ox)))


def test_a_damaged_kept_text_and_database_fail_in_one_line_and_write_nothing(store, kg_cli, tmp_path):
    KEPT_DAMAGE["truncated part"](_parts(store)[0])
    DAMAGE["truncated .sst"](store)
    out = tmp_path / "out"
    out.mkdir()
    proc = kg_cli("export", "-f", "nt", "-o", out / "g.nt", "--store", store)
    assert_one_damage_line(proc, store)
    assert not list(out.iterdir())


def test_an_intact_kept_text_is_exported_as_it_is(store, kg_cli, tmp_path):
    out = tmp_path / "g.nt"
    proc = kg_cli("export", "-f", "nt", "-o", out, "--store", store)
    assert proc.returncode == 0 and proc.stderr == ""
    assert out.read_bytes() == b"".join(p.read_bytes() for p in _parts(store))


# -- item 7: leftovers, a read-only store, a full disk --------------------------------------------

def test_a_no_op_build_sweeps_what_a_killed_build_left(store, kg_cli):
    (store / ".gen-tmp-abc123" / "oxigraph").mkdir(parents=True)
    (store / ".gen-tmp-abc123" / "oxigraph" / "000001.sst").write_bytes(b"\0" * 4096)
    (store / ".gen-tmp-staging-99999").mkdir()
    shutil.copytree(store / "CURRENT", store / "gen-000099")  # finished, never made current
    os.symlink("gen-000099", store / ".CURRENT.4242")
    proc = kg_cli("build", CORPUS, "--store", store)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"nothing to do: {store} already holds these files")
    assert sorted(p.name for p in store.iterdir()) == ["CURRENT", os.readlink(store / "CURRENT")]


def test_a_build_killed_mid_way_is_swept_by_the_next_one(store, kg_cli, tmp_path):
    extra = tmp_path / "more"
    extra.mkdir()
    for i in range(40):  # enough records that the build is still running when it is killed
        (extra / f"l{i}.txt").write_text("".join(
            f"Abstract:We introduce Quillon-{i}-{j}B, a {j}-billion-parameter language model "
            f"trained with reinforcement learning.\n" for j in range(1, 30)), "utf-8")
    before = os.readlink(store / "CURRENT")
    proc = subprocess.Popen([str(Path(sys.executable).with_name("kg")), "build", str(CORPUS), str(extra),
                             "--store", str(store), "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not list(store.glob(".gen-tmp-*")) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert proc.poll() is None, "the build ended before it could be killed"
        time.sleep(0.3)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert list(store.glob(".gen-tmp-*"))  # a killed build leaves its unfinished folders
    assert os.readlink(store / "CURRENT") == before  # ... and the old store as it was
    done = kg_cli("build", CORPUS, "--store", store)
    assert done.returncode == 0 and done.stdout.startswith("nothing to do"), done.stderr
    assert sorted(p.name for p in store.iterdir()) == ["CURRENT", before]


@contextlib.contextmanager
def tmpfs(where: Path, size: str):
    """A real small file system (root only): skipped when it cannot be mounted."""
    where.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_a_no_op_build_on_a_read_only_store_has_nothing_to_do(example_store, kg_cli, tmp_path):
    with tmpfs(tmp_path / "fs", "20m") as fs:
        store = fs / "store"
        shutil.copytree(example_store, store, symlinks=True)
        (store / ".gen-tmp-left").mkdir()  # a leftover it cannot sweep: it stays, silently
        subprocess.run(["mount", "-o", "remount,ro", str(fs)], check=True)
        proc = kg_cli("build", CORPUS, "--store", store)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.startswith(f"nothing to do: {store} already holds these files")
        assert proc.stderr == ""
        new = tmp_path / "new.txt"
        new.write_text("Abstract:We introduce Quillon-9B, a 9-billion-parameter language model.\n", "utf-8")
        proc = kg_cli("build", CORPUS, new, "--store", store)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr
        assert proc.stderr.strip() == (f"error: read-only file system while writing {store}; nothing was "
                                       f"changed (make it writable, or build into another --store)")
        assert kg_cli("stats", "--store", store).returncode == 0  # and still readable


def test_a_full_disk_names_the_store_and_leaves_nothing(kg_cli, tmp_path):
    with tmpfs(tmp_path / "fs", "3m") as fs:
        store = fs / "store"
        proc = kg_cli("build", CORPUS, "--store", store)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr
        assert proc.stderr.strip().splitlines()[-1] == (
            f"error: no space left on device while writing {store}; nothing was changed "
            f"(free some space there, or build into another --store)")
        assert not store.exists()  # no half-written store


def test_a_full_disk_names_the_export_file_and_leaves_nothing(example_store, kg_cli, tmp_path):
    with tmpfs(tmp_path / "fs", "1m") as fs:
        out = fs / "graph.nt"  # about 2 MB
        proc = kg_cli("export", "-f", "nt", "-o", out, "--store", example_store)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr
        assert proc.stderr.strip() == (f"error: no space left on device while writing {out}; nothing was "
                                       f"changed (free some space there, or write elsewhere with -o)")
        assert list(fs.iterdir()) == []


def test_a_full_disk_in_process_is_a_store_error_naming_the_store(store, monkeypatch):
    """Without root (no tmpfs): the sources' copies are the last thing a generation writes."""
    import errno

    from kg.graph.store import StoreError

    def full(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    before = sorted(p.name for p in store.iterdir())
    monkeypatch.setattr(Path, "write_bytes", full)
    st = Store(store)
    with pytest.raises(StoreError, match=f"^no space left on device while writing {store}; nothing was changed"):
        st.write(["<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n"],
                 st.sources(), {})
    assert sorted(p.name for p in store.iterdir()) == before
