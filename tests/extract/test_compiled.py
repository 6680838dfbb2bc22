"""The modules setup.py compiles with mypyc, and how kg.extract tells them from edited sources.

A compiled module sits beside its source and Python imports it first; kg.extract imports every
one of its modules from its source when a source differs from what was compiled (or with
KG_PURE_PYTHON=1). Checked on a copy of the package with a stand-in "compiled" module that is no
module at all: importing it in place of its source would fail."""

from __future__ import annotations

import ast
import hashlib
import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kg
import kg.extract
from kg.extract.saved import EXTRACTION_CODE

ROOT = Path(__file__).resolve().parents[2]
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def _compiled_list() -> list[str]:
    tree = ast.parse((ROOT / "setup.py").read_text("utf-8"))
    node = next(n for n in tree.body if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "COMPILED")
    return ast.literal_eval(node.value)


def test_what_setup_compiles_exists_and_is_not_what_is_pickled_or_patched():
    compiled = _compiled_list()
    assert compiled and all((ROOT / "src" / p).is_file() for p in compiled)
    assert all(p.startswith("kg/extract/") and not p.endswith("__init__.py") for p in compiled)
    # doc, fact, decision: pickled by kg.extract.saved as slotted dataclasses; pipeline: the registry;
    # saved: the pickler
    never = {"doc.py", "fact.py", "decision.py", "pipeline.py", "saved.py"}
    assert not {p.rsplit("/", 1)[1] for p in compiled} & never


def test_setup_checks_the_extraction_code_saved_results_are_signed_with():
    tree = ast.parse((ROOT / "setup.py").read_text("utf-8"))
    node = next(n for n in tree.body if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "CHECKED")
    assert ast.literal_eval(node.value) == EXTRACTION_CODE


def test_the_installed_modules_are_the_compiled_ones_when_extraction_runs_compiled():
    import kg.extract.components.models as models
    import kg.extract.modelnames as modelnames

    for module in (modelnames, models):
        assert module.__file__.endswith(SUFFIX) == (kg.extract.MODE == "compiled"), (kg.extract.MODE, module.__file__)


def _manifest(package: Path, compiled: list[str]) -> None:
    """What setup.py writes: the compiled modules and the hash of each source of the extraction code."""
    sources = sorted(p for part in EXTRACTION_CODE
                     for p in ([package / part] if part.endswith(".py") else (package / part).rglob("*.py")))
    hashes = {p.relative_to(package).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sources}
    (package / "extract" / "_compiled.json").write_text(json.dumps({"compiled": compiled, "sources": hashes}))


def _run(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    code = ("import kg.extract, kg.extract.words as w, kg.extract.pipeline\n"
            "print(kg.extract.MODE); print(w.__file__)")
    environ = {k: v for k, v in os.environ.items() if k != "KG_PURE_PYTHON"}
    environ.update(env, PYTHONPATH=str(tmp_path), PYTHONWARNINGS="default")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environ, cwd=tmp_path)


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A copy of kg whose kg.extract.words has a stand-in compiled module beside its source."""
    package = tmp_path / "kg"
    shutil.copytree(os.path.dirname(kg.__file__), package,
                    ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyd", "_compiled.json"))
    (package / "extract" / f"words{SUFFIX}").write_bytes(b"not a module: importing it fails")
    _manifest(package, ["extract/words.py"])
    return package


def test_compiled_modules_are_imported_while_their_sources_are_the_ones_compiled(package, tmp_path):
    proc = _run(tmp_path)
    assert proc.returncode != 0 and f"words{SUFFIX}" in proc.stderr  # the stand-in, imported in place of words.py


@pytest.mark.parametrize("edited", ["extract/words.py", "extract/fact.py", "keys.py", "records/record.py"])
def test_an_edited_source_runs_every_module_from_its_source_with_a_warning(package, tmp_path, edited):
    target = package / edited
    target.write_text(target.read_text("utf-8") + "\n# edited\n", "utf-8")
    proc = _run(tmp_path)
    assert proc.returncode == 0, proc.stderr
    mode, words = proc.stdout.splitlines()[:2]
    assert mode == f"{edited} changed since compiled" and words.endswith("words.py")
    assert "RuntimeWarning" in proc.stderr and "make compile" in proc.stderr


def test_a_compiled_module_setup_no_longer_compiles_is_not_imported(package, tmp_path):
    _manifest(package, ["extract/tokens.py"])  # words compiled by an earlier build
    proc = _run(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == "extract/words.py changed since compiled"


def test_compiled_modules_without_a_record_of_their_sources_are_not_imported(package, tmp_path):
    (package / "extract" / "_compiled.json").unlink()
    proc = _run(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[1].endswith("words.py")


def test_kg_pure_python_runs_the_sources_without_a_warning(package, tmp_path):
    proc = _run(tmp_path, KG_PURE_PYTHON="1")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["KG_PURE_PYTHON is set", str(package / "extract" / "words.py")]
    assert "RuntimeWarning" not in proc.stderr
