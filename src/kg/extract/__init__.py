"""Extraction: records -> facts (kg.extract.pipeline).

Its hot modules may be compiled by mypyc (setup.py): a compiled module sits beside its source and
Python imports it in the source's place. Before any of them is imported, this checks that the
code they were compiled with is the code here: setup.py writes ``_compiled.json``, the hash of
every source of the extraction code (kg/extract, kg/records, keys.py, vocab.py: the compiled
modules' own sources and the sources of the types they were checked against). When a source
differs (edited since the last ``pip install -e .``), or when ``KG_PURE_PYTHON=1`` is set, every
module of kg.extract is imported from its source, with a warning in the first case (compiled
modules call each other directly: one stale module cannot run from its source while the others
stay compiled). ``make compile`` compiles again.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings

_HERE = os.path.dirname(os.path.abspath(__file__))
_KG = os.path.dirname(_HERE)
_SUFFIXES = tuple(importlib.machinery.EXTENSION_SUFFIXES)


def _compiled_sources() -> list[str]:
    """The sources (paths under kg/, with "/") that have a compiled module beside them."""
    found = []
    for folder, dirs, files in os.walk(_HERE):
        dirs[:] = [d for d in dirs if d not in ("__pycache__", "patterns")]
        rel = os.path.relpath(folder, _KG).replace(os.sep, "/")
        found += [f"{rel}/{name.split('.', 1)[0]}.py" for name in files if name.endswith(_SUFFIXES)]
    return sorted(found)


def _digest(source: str) -> str | None:
    try:
        with open(os.path.join(_KG, *source.split("/")), "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return None


def stale_sources() -> list[str]:
    """The sources that differ from those the compiled modules were compiled with ([] when nothing is compiled)."""
    compiled = _compiled_sources()
    if not compiled:
        return []
    try:
        with open(os.path.join(_HERE, "_compiled.json"), encoding="utf-8") as f:
            manifest = json.load(f)
        recorded, listed = dict(manifest["sources"]), set(manifest["compiled"])
    except (OSError, ValueError, KeyError, TypeError):
        return compiled  # compiled modules, but no record of what from
    return sorted({s for s, digest in recorded.items() if _digest(s) != digest}
                  | {s for s in compiled if s not in listed})  # (one compiled by an earlier build)


class _SourceFinder:
    """Finds kg.extract's modules as their sources, ahead of the compiled modules beside them."""

    prefix = __name__ + "."
    kg_source_finder = True

    @classmethod
    def find_spec(cls, name: str, path=None, target=None):
        if not name.startswith(cls.prefix) or not path:
            return None
        tail = name.rpartition(".")[2]
        for entry in path:
            source = os.path.join(entry, tail + ".py")
            if os.path.isfile(source):
                return importlib.util.spec_from_file_location(name, source)
        return None  # a package (its __init__.py is never compiled), or no such module: the usual finders


def _choose() -> str:
    """How kg.extract runs (:data:`MODE`); sets up the imports of its sources when they run."""
    if os.environ.get("KG_PURE_PYTHON", "") not in ("", "0"):
        why = "KG_PURE_PYTHON is set"
    elif not _compiled_sources():
        return "pure"
    elif not (stale := stale_sources()):
        return "compiled"
    else:
        why = f"{', '.join(stale[:3])}{' ...' if len(stale) > 3 else ''} changed since compiled"
        warnings.warn(f"kg.extract runs as pure Python (slower): {why}; `make compile` "
                      f"(or `pip install -e .`) compiles it again", RuntimeWarning, stacklevel=3)
    if not any(getattr(f, "kg_source_finder", False) for f in sys.meta_path):
        sys.meta_path.insert(0, _SourceFinder)
    return why


MODE = _choose()
"""How kg.extract runs: "compiled" (by mypyc), "pure" (nothing is compiled), or why its sources run
in place of the compiled modules beside them."""
