"""The README's tour is real: every `$ kg ...` line of its console blocks runs, in order, in a fresh
folder holding the example corpus, and what the README shows is what the command prints.

A shown block must match the output line for line (spaces collapsed); a `...` line stands for
lines left out. So a change that alters an output the README shows fails here until the README is
brought up to date (run the command, paste its output)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text("utf-8")
WIDTH = "100"  # the terminal width the README's tables were printed at


def tour_steps() -> list[tuple[str, list[str]]]:
    """(command line, the lines the README shows for it) for each `$ kg` line of the tour."""
    tour = re.search(r"^## A short tour\n(.*?)(?=^## )", README, re.S | re.M)
    assert tour, "README.md has no '## A short tour' section"
    steps: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", tour.group(1), re.S):
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            elif steps:
                steps[-1][1].append(line)
    return steps


def _norm(line: str) -> str:
    return " ".join(line.split())


def shows(expected: list[str], actual: list[str]) -> str | None:
    """None if ``actual`` is what ``expected`` shows; else what is wrong."""
    runs, run = [], []
    for line in expected:
        if line.strip() == "...":
            runs.append(run)
            run = []
        else:
            run.append(_norm(line))
    runs.append(run)
    got = [_norm(x) for x in actual]
    at = 0
    for n, run in enumerate(runs):
        if not run:
            continue
        anchored = n == 0  # the first run starts the output; the others may start anywhere after
        starts = [at] if anchored else range(at, len(got) - len(run) + 1)
        found = next((i for i in starts if got[i:i + len(run)] == run), None)
        if found is None:
            return f"not in the output (from line {at + 1}): {run}"
        at = found + len(run)
    if runs[-1] and at != len(got):
        return f"the output goes on after what the README shows: {got[at:at + 3]}"
    return None


def test_the_tour_has_its_commands():
    commands = [c for c, _ in tour_steps()]
    assert len(commands) >= 5 and all(c.startswith("kg ") for c in commands), commands


def test_every_tour_command_prints_what_the_readme_shows(kg_cli, tmp_path):
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    env = {"COLUMNS": WIDTH}
    for command, expected in tour_steps():
        argv = shlex.split(command, comments=True)
        result = kg_cli(*argv[1:], cwd=tmp_path, env=env)
        assert result.returncode == 0, f"$ {command}\n{result.stderr}"
        output = (result.stdout + result.stderr).splitlines()
        problem = shows(expected, output)
        assert problem is None, f"$ {command}\n{problem}\n--- real output ---\n" + "\n".join(output[:40])


@pytest.mark.parametrize("expected, actual, ok", [
    (["a", "b"], ["a", "b"], True),
    (["a", "..."], ["a", "b", "c"], True),
    (["a", "...", "c"], ["a", "b", "c"], True),
    (["a", "c"], ["a", "b", "c"], False),        # a gap the README does not mark
    (["a"], ["a", "b"], False),                  # output the README does not show
    (["b", "..."], ["a", "b"], False),           # the shown block must start the output
    (["a  x"], ["a x"], True),                   # spaces collapsed (tables pad their cells)
])
def test_shows(expected, actual, ok):
    assert (shows(expected, actual) is None) is ok
