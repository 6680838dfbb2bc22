"""The kg commands as a user meets them: one store option everywhere, standard input, the build
summary, a progress bar only on a terminal, and words from the input printed as they are."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

import kg
from kg.cli import app
from kg.graph.store import Store

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "examples" / "corpus" / "004_945dcbf884b0a543.txt"
COMMANDS = typer.main.get_command(app).commands
NO_STORE = {"formats", "hub"}  # what kg can read and write, and the Hub fetch: no graph involved


def test_the_commands_were_found():
    assert {"build", "query", "export", "stats", "validate", "formats"} <= set(COMMANDS)


@pytest.mark.parametrize("name", sorted(set(COMMANDS) - NO_STORE))
def test_every_command_takes_store_with_kg_store_and_dot_kg_as_fallbacks(name):
    (option,) = [p for p in COMMANDS[name].params if p.name == "store"]
    assert option.param_type_name == "option"
    assert "--store" in option.opts and option.envvar == "KG_STORE"
    assert str(option.default) == ".kg"


# each command that reads the graph, with what it needs besides the store
READERS = {
    "stats": [], "validate": [], "query": ["models", "--format", "csv"],
    "export": ["--format", "nt", "-o", "{tmp}/g.nt"], "lineage": ["MN-Minitron-8B", "--no-quotes"],
    "people": ["Wei Ping"], "html": ["-o", "{tmp}/g.html"],
}


# every reader through $KG_STORE (--store is what every other test uses); the ./.kg fallback once
WAYS = [("KG_STORE", name) for name in sorted(READERS)] + [("./.kg", "stats"), ("--store", "stats")]


@pytest.mark.parametrize("how,name", WAYS)
def test_every_command_finds_the_store_each_way(example_store, tmp_path, monkeypatch, name, how):
    if name not in COMMANDS:
        pytest.skip(f"kg {name} is not installed here")
    args = [a.format(tmp=tmp_path) for a in READERS[name]]
    monkeypatch.delenv("KG_STORE", raising=False)
    env = {}
    if how == "--store":
        args += ["--store", str(example_store)]
    elif how == "KG_STORE":
        env["KG_STORE"] = str(example_store)
    else:
        monkeypatch.chdir(tmp_path)
        (tmp_path / ".kg").symlink_to(example_store, target_is_directory=True)
    result = CliRunner().invoke(app, [name, *args], env=env)
    assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
    assert "error" not in result.stderr.lower()


def test_a_listing_on_standard_input_is_built_as_stdin(tmp_path, kg_cli):
    store = tmp_path / "s"
    proc = kg_cli("build", "-", "--store", store, input=SMALL.read_text("utf-8"))
    assert proc.returncode == 0, proc.stderr
    files = kg.open(store).rows("SELECT DISTINCT ?f WHERE { ?r a mlkg:Record ; mlkg:file ?f }")
    assert files == [{"f": "stdin"}]
    again = kg_cli("build", "-", "--store", store, input=SMALL.read_text("utf-8"))
    assert again.returncode == 0 and again.stdout.startswith("nothing to do")


COUNTS = {
    "records": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a mlkg:Record }",
    "papers": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a mlkg:Paper }",
    "people": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a mlkg:Person }",
    "organizations": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a mlkg:Organization }",
    "models": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a mlkg:Model }",
    "techniques": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?c "
                  "FILTER(?c IN (mlkg:Technique, mlkg:Dataset, mlkg:Benchmark)) }",
    "facts": "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { "
             "?e a mlkg:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o } }",
    "triples": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
}


def test_the_build_summary_counts_what_the_graph_holds(tmp_path, kg_cli):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "listing.txt").write_bytes(SMALL.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blob.bin").write_bytes(b"\x00\x01binary\x00")
    proc = kg_cli("build", folder, "--store", tmp_path / "s")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == ["skipped: blob.bin:1: binary file, skipped",
                                        "skipped: empty.txt:1: empty file"]
    lines = proc.stdout.splitlines()
    assert lines[0].strip() == f"built {tmp_path / 's'}"
    summary = dict(line.split() for line in lines[1:] if line.strip())
    assert list(summary) == ["records", "skipped", "papers", "people", "organizations", "models",
                             "techniques", "facts", "triples"]
    assert summary["skipped"] == "2"
    graph = kg.open(tmp_path / "s")
    for key, sparql in COUNTS.items():
        assert summary[key] == graph.rows(sparql)[0]["n"], key
    assert int(summary["facts"]) > 10 and int(summary["models"]) > 5


def test_a_build_that_fails_to_write_is_one_line_and_changes_nothing(example_store, tmp_path, monkeypatch):
    import shutil

    store = tmp_path / "s"
    shutil.copytree(example_store, store, symlinks=True)
    before = (os.readlink(store / "CURRENT"), sorted(os.listdir(store)))

    def disk_full(self):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Store, "_next_generation", disk_full)
    extra = tmp_path / "extra.txt"
    extra.write_text(SMALL.read_text("utf-8") + "\n\n")  # new bytes: a real build starts
    result = CliRunner().invoke(app, ["build", str(extra), "--store", str(store)])
    assert result.exit_code == 1
    assert result.stderr == (f"error: no space left on device while writing {store}; nothing was changed "
                             f"(free some space there, or build into another --store)\n")  # names the store
    assert (os.readlink(store / "CURRENT"), sorted(os.listdir(store))) == before


def test_file_names_in_problems_print_as_they_are(tmp_path, kg_cli):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / ":warning: [bold]empty.txt").write_bytes(b"")
    (folder / "listing.txt").write_bytes(SMALL.read_bytes())
    proc = kg_cli("build", folder, "--store", tmp_path / "s")
    assert proc.returncode == 0
    assert proc.stderr == "skipped: :warning: [bold]empty.txt:1: empty file\n"


def run_on_a_terminal(args: list[str], timeout: float = 120) -> str:
    """Run ``kg`` with standard error on a pseudo-terminal; what it drew there."""
    main, child = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR", "KG_STORE")}
    env.update(TERM="xterm-256color", COLUMNS="100")
    proc = subprocess.Popen([str(Path(sys.executable).with_name("kg")), *args], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=child, env=env)
    os.close(child)
    drawn = b""
    while True:
        ready, _, _ = select.select([main], [], [], timeout)
        if not ready:
            proc.kill()
            break
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        drawn += chunk
    proc.wait(timeout=timeout)
    os.close(main)
    assert proc.returncode == 0, drawn.decode(errors="replace")
    return drawn.decode(errors="replace")


def test_a_long_build_draws_a_progress_bar_on_a_terminal_only(tmp_path, kg_cli):
    drawn = run_on_a_terminal(["build", str(ROOT / "examples" / "corpus"), "--store", str(tmp_path / "a")])
    assert "extract" in drawn and "/86" in drawn  # "extract ━━━━━ 40/86": records done of all
    piped = kg_cli("build", ROOT / "examples" / "corpus", "--store", tmp_path / "b")
    assert piped.returncode == 0 and piped.stderr == ""  # no bar, no escape codes in a log


def test_a_changed_file_replaces_what_it_gave_before_and_other_files_stay(tmp_path, kg_cli):
    lines = SMALL.read_text("utf-8").splitlines(keepends=True)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("".join(lines[:4]), "utf-8")
    (folder / "b.txt").write_text(lines[5], "utf-8")
    assert kg_cli("build", folder, "--store", tmp_path / "s").returncode == 0
    per_file = ("SELECT ?f (COUNT(?r) AS ?n) WHERE { ?r a mlkg:Record ; mlkg:file ?f } GROUP BY ?f ORDER BY ?f")
    assert kg.open(tmp_path / "s").rows(per_file) == [{"f": "a.txt", "n": "4"}, {"f": "b.txt", "n": "1"}]

    (folder / "a.txt").write_text("".join(lines[4:5]), "utf-8")  # a new version of a.txt, alone
    proc = kg_cli("build", folder / "a.txt", "--store", tmp_path / "s")
    assert proc.returncode == 0, proc.stderr
    graph = kg.open(tmp_path / "s")
    assert graph.rows(per_file) == [{"f": "a.txt", "n": "1"}, {"f": "b.txt", "n": "1"}]
    assert graph.rows("SELECT (COUNT(*) AS ?n) WHERE { ?p a mlkg:Paper }") == [{"n": "2"}]


def test_a_store_missing_a_source_copy_is_a_store_error(example_store, tmp_path, kg_cli):
    import shutil

    store = tmp_path / "s"
    shutil.copytree(example_store, store, symlinks=True)
    victim = next((store / "CURRENT" / "sources").iterdir())
    victim.unlink()
    proc = kg_cli("build", SMALL.with_name("003_ef9bc7f40c8b9a56.txt"), "--store", store, "--rebuild")
    assert proc.returncode == 0, proc.stderr  # --rebuild needs none of the old copies
    shutil.rmtree(store)
    shutil.copytree(example_store, store, symlinks=True)
    next((store / "CURRENT" / "sources").iterdir()).unlink()
    extra = tmp_path / "extra.txt"
    extra.write_text(SMALL.read_text("utf-8") + "\n\n")
    proc = kg_cli("build", extra, "--store", store)
    assert proc.returncode == 1
    assert proc.stderr.startswith(f"error: the store at {store} is damaged: ") and "Traceback" not in proc.stderr


def _wait_until_the_build_holds(store, proc, timeout=60.0):
    """Until the build has opened the store folder to lock it: past start-up, inside the build
    itself (a fixed sleep raced a slow start-up on a busy CI machine). Looked up in /proc, so
    the test never takes the lock itself."""
    import time

    fds = Path(f"/proc/{proc.pid}/fd")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the build ended before it could be interrupted"
        try:
            if any(os.readlink(fd) == str(store) for fd in fds.iterdir()):
                return
        except OSError:  # an fd closed while we looked
            pass
        time.sleep(0.002)
    raise AssertionError("the build never opened its store")


@pytest.mark.parametrize("copies", [1, 5], ids=["in-process extraction", "worker processes"])
def test_ctrl_c_during_a_build_says_so_once_and_changes_nothing(example_store, tmp_path, copies):
    import shutil
    import signal
    import time

    store = tmp_path / "s"
    shutil.copytree(example_store, store, symlinks=True)
    before = (os.readlink(store / "CURRENT"), sorted(os.listdir(store)))
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(copies):  # new bytes in every copy: nothing is known to the store
        for f in sorted((ROOT / "examples" / "corpus").iterdir()):
            (folder / f"{i}_{f.name}").write_text(f.read_text("utf-8") + "\n" * (i + 1), "utf-8")
    env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
    proc = subprocess.Popen([str(Path(sys.executable).with_name("kg")), "build", str(folder), "--store", str(store)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)
    _wait_until_the_build_holds(store, proc)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends: the whole process group
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err == "interrupted: nothing was changed\n"  # no word from each worker
    assert (os.readlink(store / "CURRENT"), sorted(os.listdir(store))) == before
    assert len(kg.open(store)) > 10_000


@pytest.mark.parametrize("fmt,name", [("ttl", "graph.ttl"), ("nt", "graph.nt"), ("jsonld", "graph.jsonld")])
def test_export_without_output_names_the_file_by_its_format(example_store, tmp_path, monkeypatch, fmt, name):
    import pyoxigraph

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["export", "--format", fmt, "--store", str(example_store)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"wrote exports/{name} ({fmt})\n"
    assert os.listdir(tmp_path / "exports") == [name]  # an N-Triples file is never called graph.ttl
    rdf_format = pyoxigraph.RdfFormat.from_extension(name.rsplit(".", 1)[1])
    assert len(list(pyoxigraph.parse(path=str(tmp_path / "exports" / name), format=rdf_format))) > 10_000
