"""Helpers tests import (`from support import ...`): paths, running `kg`, comparing stores."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph

from kg.graph.store import Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
KG = Path(sys.executable).with_name("kg")


def ntriples(store: Path) -> bytes:
    """The store's triples as sorted N-Triples: equal bytes mean an equal graph."""
    data = Store(store).oxigraph().dump(format=pyoxigraph.RdfFormat.N_QUADS)
    return b"\n".join(sorted(data.splitlines()))


def run_kg(*args: str, cwd: Path | None = None, env: dict | None = None,
           timeout: float = 300) -> subprocess.CompletedProcess:
    """The installed `kg` command, for real, in a child process ($KG_STORE only when given)."""
    full_env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
    full_env.update({"NO_COLOR": "1", "COLUMNS": "200", **(env or {})})
    return subprocess.run([str(KG), *args], capture_output=True, text=True, cwd=cwd, env=full_env,
                          timeout=timeout)
