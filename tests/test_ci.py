"""CI fails when pytest collects nothing: pytest's exit 5 reaches `make test` and `.ci/run` unmasked."""

from __future__ import annotations

import shlex
import subprocess
import sys

from support import ROOT


def test_pytest_exits_non_zero_when_it_collects_nothing(tmp_path):
    empty = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
                           capture_output=True, text=True, cwd=tmp_path)
    assert empty.returncode == 5, empty.stdout
    missing = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                              str(tmp_path / "nonexistent_dir")], capture_output=True, text=True, cwd=tmp_path)
    assert missing.returncode == 4, missing.stdout


def test_make_test_runs_pytest_without_masking_its_exit_code():
    dry = subprocess.run(["make", "-n", "-s", "test"], capture_output=True, text=True, cwd=ROOT)
    assert dry.returncode == 0, dry.stderr
    runs = [line for line in dry.stdout.splitlines() if "-m pytest" in line]
    assert len(runs) == 1, dry.stdout
    line = runs[0]
    assert "|| true" not in line and ";" not in line and not line.lstrip().startswith("-")
    recipe = [r for r in (ROOT / "Makefile").read_text().splitlines() if "-m pytest" in r]
    assert all(not r.strip().startswith(("-", "@-")) for r in recipe), recipe  # "-" would ignore failures


def test_the_pytest_command_make_runs_fails_on_an_empty_collection(tmp_path):
    dry = subprocess.run(["make", "-n", "-s", "test"], capture_output=True, text=True, cwd=ROOT)
    line = next(x for x in dry.stdout.splitlines() if "-m pytest" in x)
    argv = shlex.split(line) + ["-p", "no:cacheprovider", "-q", str(tmp_path)]
    proc = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 5, proc.stdout


def test_ci_run_stops_on_the_first_failure_and_runs_make_test():
    script = (ROOT / ".ci" / "run").read_text()
    assert "set -euo pipefail" in script or "set -e" in script
    assert any(line.strip() == "make test" for line in script.splitlines())
