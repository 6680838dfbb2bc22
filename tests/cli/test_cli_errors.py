"""Expected errors are one clear line and an exit code, never a traceback: the real command and typer's runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg
from support import CORPUS, run_kg
from kg.cli import app

LISTING = CORPUS / "004_945dcbf884b0a543.txt"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("inputs")
    (d / "nothing").mkdir()
    (d / "nothing" / ".hidden").write_text("not read")
    (d / "binary.dat").write_bytes(b"\x7fELF\x00\x01\x02\x00" * 64)
    (d / "empty.txt").write_bytes(b"")
    latin = LISTING.read_bytes().replace(b"support", b"supp\xe9rt", 1)  # one bad byte in a good listing
    assert latin != LISTING.read_bytes()
    (d / "latin1.txt").write_bytes(latin)
    (d / "mixed").mkdir()
    for name in ("binary.dat", "empty.txt", "latin1.txt"):
        (d / "mixed" / name).write_bytes((d / name).read_bytes())
    (d / "mixed" / "good.txt").write_bytes((CORPUS / "000_8539045475af211a.txt").read_bytes())
    return d


def invoke(how: str, args: list[str], cwd: Path):
    """(exit code, stdout, stderr) from the installed command or from typer's CliRunner."""
    if how == "subprocess":
        proc = run_kg(*args, cwd=cwd)
        return proc.returncode, proc.stdout, proc.stderr
    result = CliRunner().invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


HOW = ["subprocess", "clirunner"]
CASES = {
    # name: (args, exit code, words the error must contain)
    "missing path": (["build", "{d}/no-such-file.txt", "--store", "{t}/s"], 2, ["no-such-file.txt"]),
    "folder with nothing readable": (["build", "{d}/nothing", "--store", "{t}/s"], None, ["nothing"]),
    "binary file": (["build", "{d}/binary.dat", "--store", "{t}/s"], 1, ["binary.dat", "binary"]),
    "empty file": (["build", "{d}/empty.txt", "--store", "{t}/s"], 1, ["empty.txt", "empty"]),
    "unknown input format": (["build", str(LISTING), "--format", "docx", "--store", "{t}/s"], 2, ["docx"]),
    "unknown query format": (["query", "models", "--format", "yaml", "--store", "{b}"], 2, ["yaml"]),
    "unknown export format": (["export", "--format", "pdf", "-o", "{t}/g.pdf", "--store", "{b}"], 2, ["pdf"]),
    "unknown saved query": (["query", "lineages", "--store", "{b}"], 2, ["lineages", "lineage"]),
    "bad SPARQL": (["query", "SELECT ?x WHERE {{ ?x", "--store", "{b}"], 2, ["does not parse"]),
    "missing @file": (["query", "@{t}/none.rq", "--store", "{b}"], 2, ["none.rq"]),
    "store that does not exist": (["query", "models", "--store", "{t}/no-store"], 1, ["no graph at", "kg build"]),
    "stats of no store": (["stats", "--store", "{t}/no-store"], 1, ["no graph at"]),
    "export of no store": (["export", "-o", "{t}/g.ttl", "--store", "{t}/no-store"], 1, ["no graph at"]),
}


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("case", list(CASES))
def test_expected_errors_are_one_clear_line(inputs, built, tmp_path, how, case):
    template, code, words = CASES[case]
    args = [a.format(d=inputs, t=tmp_path, b=built) for a in template]
    rc, _out, err = invoke(how, args, tmp_path)
    assert rc == code if code is not None else rc != 0, (rc, err)
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, err
    for w in words:
        assert w in err, f"{w!r} not in {err!r}"
    assert not (tmp_path / "no-store").exists() and not (tmp_path / "g.pdf").exists()


@pytest.mark.parametrize("how", HOW)
def test_bad_files_are_named_and_the_good_ones_still_built(inputs, tmp_path, how):
    store = tmp_path / "s"
    rc, out, err = invoke(how, ["build", str(inputs / "mixed"), "--store", str(store)], tmp_path)
    assert rc == 0, err
    assert "Traceback" not in err
    assert "binary.dat:1:" in err and "empty.txt:1:" in err
    bad_line = next(i for i, line in enumerate(LISTING.read_bytes().split(b"\n"), 1) if b"support" in line)
    assert f"latin1.txt:{bad_line}: invalid UTF-8" in err
    files = {r["f"] for r in kg.open(store).rows("SELECT DISTINCT ?f WHERE { ?r mlkg:file ?f }")}
    assert files == {"good.txt", "latin1.txt"}
    assert "built" in out
