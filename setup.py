"""The build: kg is pure Python; the hot modules of extraction (:data:`COMPILED`) are also compiled
with mypyc when they can be, as black's are.

Pure Python is built instead, without error, when ``KG_PURE_PYTHON=1`` is set, when mypyc cannot be
imported (a build without isolation in an environment without mypy), when there is no C compiler or
no Python headers, or when compiling fails. Type errors mypyc finds in the compiled modules fail the
build: they would be errors at run time in the compiled code (KG_PURE_PYTHON=1 installs anyway).

A compiled module sits beside its source (in src/ for an editable install) and is imported in its
place. ``kg/extract/_compiled.json`` records what was compiled and the hash of each source of
extraction (:data:`CHECKED`): kg.extract imports all of its modules from their sources, with a
warning, when a source no longer matches (an edit since the last ``pip install -e .``; ``make
compile`` compiles again).
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import shutil
import sys
import sysconfig
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "src"
EXTRACT = SRC / "kg" / "extract"
MANIFEST = EXTRACT / "_compiled.json"

COMPILED = [
    "kg/extract/abbreviations.py",
    "kg/extract/lexicon.py",
    "kg/extract/modelnames.py",
    "kg/extract/prefilter.py",
    "kg/extract/roles.py",
    "kg/extract/sentences.py",
    "kg/extract/sizes.py",
    "kg/extract/tokens.py",
    "kg/extract/words.py",
    "kg/extract/components/authors.py",
    "kg/extract/components/derivations.py",
    "kg/extract/components/models.py",
    "kg/extract/components/techniques.py",
    "kg/extract/contributions/called_models.py",
    "kg/extract/contributions/candidates.py",
    "kg/extract/contributions/chunker.py",
    "kg/extract/contributions/contribution.py",
    "kg/extract/contributions/kinds.py",
    "kg/extract/contributions/made.py",
    "kg/extract/contributions/marked.py",
    "kg/extract/contributions/means.py",
    "kg/extract/contributions/named.py",
    "kg/extract/contributions/own_parts.py",
    "kg/extract/contributions/parts.py",
    "kg/extract/contributions/said.py",
    "kg/extract/contributions/sentence.py",
    "kg/extract/contributions/shapes.py",
    "kg/extract/contributions/stage_names.py",
    "kg/extract/contributions/title.py",
    "kg/extract/contributions/uses.py",
]
"""The modules compiled (paths under src/). Not compiled: what is pickled or registered (doc, fact,
decision, saved, pipeline), the modelcard and abbreviations components (cold), and the packages'
__init__ files (kg.extract's checks the rest). prefilter is: mypyc compiles Gated's __getattr__."""


def _say(message: str) -> None:
    print(f"kg setup.py: {message}", file=sys.stderr)


def _why_pure() -> str | None:
    """Why this build is pure Python, or None when it compiles."""
    if os.environ.get("KG_PURE_PYTHON", "") not in ("", "0"):
        return "KG_PURE_PYTHON is set"
    if sys.implementation.name != "cpython":
        return f"{sys.implementation.name} is not CPython"
    try:
        import mypyc.build  # noqa: F401
    except ImportError:
        return "mypyc cannot be imported"
    if os.name == "posix":
        cc = os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc"
        if not shlex.split(cc) or shutil.which(shlex.split(cc)[0]) is None:
            return f"no C compiler ({cc})"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").is_file():
        return "no Python headers (Python.h)"
    return None


def _remove_compiled(keep: tuple[str, ...] = ()) -> None:
    """Compiled modules an earlier build left beside the sources (an editable install), which would be
    imported in place of the sources; all but those of the modules ``keep`` (paths under src/)."""
    kept = {str(SRC / path[: -len(".py")]) for path in keep}
    for path in EXTRACT.rglob("*"):
        if path.name.endswith(tuple(EXTENSION_SUFFIXES)) and str(path.parent / path.name.split(".", 1)[0]) not in kept:
            path.unlink()
    if not keep:
        for shared in SRC.glob("*__mypyc*"):
            shared.unlink()
        MANIFEST.unlink(missing_ok=True)


def _source_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


CHECKED = ("extract", "records", "keys.py", "vocab.py")
"""The parts of kg whose sources the compiled modules are compiled from or checked against (the code of
extraction, kg.extract.saved.EXTRACTION_CODE): an edit to one makes kg.extract run its sources."""


def _write_manifest() -> None:
    """The hash of each source of :data:`CHECKED`, read by kg.extract to tell compiled modules from edited sources."""
    kg = SRC / "kg"
    sources = sorted(p for part in CHECKED for p in ([kg / part] if part.endswith(".py") else (kg / part).rglob("*.py")))
    hashes = {p.relative_to(kg).as_posix(): _source_hash(p) for p in sources}
    text = json.dumps({"compiled": [p[len("kg/"):] for p in COMPILED], "sources": hashes}, indent=1) + "\n"
    if not MANIFEST.is_file() or MANIFEST.read_text("utf-8") != text:
        MANIFEST.write_text(text, "utf-8")


BUILDS = {"build", "build_ext", "bdist_wheel", "editable_wheel", "develop", "install", "bdist_egg"}
"""The commands that build modules (PEP 517's hooks run this script for metadata too, which compiles nothing)."""


def _ext_modules() -> list:
    if not BUILDS & set(sys.argv[1:]):
        return []
    why = _why_pure()
    if why is not None:
        _say(f"building pure Python ({why})")
        _remove_compiled()
        return []
    from mypyc.build import mypycify

    _remove_compiled(keep=tuple(COMPILED))  # (a module compiled before, no longer)
    _write_manifest()
    # the compiled modules are type checked; what they import (doc, fact, kg.keys, ...) is read for its types
    extensions = mypycify(["--follow-imports=silent", *(str(Path("src", p)) for p in COMPILED)],
                          target_dir=str(Path("build", "mypyc")))
    names = {ext.name for ext in extensions}
    for shared in SRC.glob("*__mypyc*"):  # the shared library of another set of modules, compiled before
        if shared.name.split(".", 1)[0] not in names:
            shared.unlink()
    return extensions


CACHE = ROOT / "build" / "mypyc-cache"
"""Compiled modules by the hash of what they were compiled from: installing again what was installed
before (``pip install -e '.[test]'`` after ``pip install -e .``) compiles nothing."""


def _cache_key(ext) -> str:
    import mypy.version

    h = hashlib.sha256(repr((ext.name, ext.extra_compile_args, ext.define_macros, mypy.version.__version__,
                             sys.version, sysconfig.get_platform(), os.environ.get("CC") or sysconfig.get_config_var("CC"),
                             os.environ.get("CFLAGS"), os.environ.get("LDFLAGS"))).encode())
    for path in [*ext.sources, *sorted(ext.depends)]:
        h.update(Path(path).read_bytes())
    return h.hexdigest()[:32]


class OptionalBuildExt(build_ext):
    """build_ext that takes a compiled module from :data:`CACHE` when it can, and falls back to pure
    Python when compiling or linking fails."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # noqa: BLE001 -- whatever the compiler's failure, pure Python works
            _say(f"compiling failed ({type(exc).__name__}: {exc}); building pure Python")
            for ext in self.extensions:
                Path(self.get_ext_fullpath(ext.name)).unlink(missing_ok=True)
            self.extensions = []
            _remove_compiled()

    def build_extension(self, ext) -> None:
        target = Path(self.get_ext_fullpath(ext.name))
        cached = CACHE / ext.name / f"{_cache_key(ext)}{''.join(target.suffixes)}"
        if cached.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cached, target)
            os.utime(cached)  # (the cache keeps the ones used last)
            return
        super().build_extension(ext)
        cached.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, cached)
        for old in sorted(cached.parent.iterdir(), key=lambda p: p.stat().st_mtime)[:-3]:
            old.unlink()  # three builds of each module kept: enough to switch branches back and forth


os.chdir(ROOT)  # (mypyc names modules by the paths given it, relative to here)
setup(ext_modules=_ext_modules(), cmdclass={"build_ext": OptionalBuildExt})
