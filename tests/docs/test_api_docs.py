"""The examples in kg's docstring are real: they run as doctests against the example corpus."""

from __future__ import annotations

import doctest

import kg
from support import ROOT


def test_the_package_docstring_examples_run(monkeypatch):
    monkeypatch.chdir(ROOT)  # the examples name examples/corpus, as a user in the project folder would
    monkeypatch.delenv("KG_STORE", raising=False)
    result = doctest.testmod(kg, optionflags=doctest.ELLIPSIS, verbose=False, report=True)
    assert result.attempted >= 8, "the examples were not found"
    assert result.failed == 0

