"""Every `kg` command documents itself (sqlite-utils style): --help with an example, and a README mention."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from support import ROOT
from kg.cli import app

README = (ROOT / "README.md").read_text("utf-8")


def command_names() -> list[str]:
    names = [c.name or c.callback.__name__.replace("_", "-") for c in app.registered_commands]
    names += [g.name for g in app.registered_groups]
    return sorted(names)


def test_the_commands_were_found():
    assert {"build", "query", "export", "validate", "stats"} <= set(command_names())


@pytest.mark.parametrize("name", command_names())
def test_command_help_has_an_example(name):
    result = CliRunner().invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"kg {name} --help shows no example"
    assert f"kg {name}" in result.output


@pytest.mark.parametrize("name", command_names())
def test_command_is_mentioned_in_the_readme(name):
    assert re.search(rf"\bkg {re.escape(name)}\b", README), f"README.md never mentions `kg {name}`"
