"""Two exports of one store are byte-identical, in one process and across processes (hash seeds differ)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg.exports import formats


def _bytes(path: Path) -> dict[str, bytes]:
    if path.is_dir():
        return {p.name: p.read_bytes() for p in sorted(path.iterdir())}
    return {path.name: path.read_bytes()}


@pytest.mark.parametrize("fmt", formats())
def test_two_exports_are_identical(any_store, tmp_path, fmt):
    a = kg.open(any_store).export(tmp_path / "a" / "g", format=fmt)
    b = kg.open(any_store).export(tmp_path / "b" / "g", format=fmt)
    assert _bytes(a) == _bytes(b)


@pytest.mark.slow
def test_exports_do_not_depend_on_the_hash_seed(corpus_store, tmp_path):
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        for fmt in formats():
            r = subprocess.run([sys.executable, "-m", "kg", "export", "--store", str(corpus_store),
                                "--format", fmt, "-o", str(tmp_path / seed / f"g.{fmt}")],
                               env=env, capture_output=True, text=True, timeout=300)
            assert r.returncode == 0, r.stderr
    for fmt in formats():
        assert _bytes(tmp_path / "1" / f"g.{fmt}") == _bytes(tmp_path / "2" / f"g.{fmt}"), fmt
