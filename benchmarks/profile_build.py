#!/usr/bin/env python3
"""cProfile of kg.build.build on a synthetic corpus: where a build spends its time.

    .venv/bin/python benchmarks/profile_build.py [N] [--parallel] [--top 15]

Extraction normally runs in forked worker processes, which cProfile does not
see; by default this profile runs it in-process (one core) so the extractors'
own cost shows. --parallel profiles the build exactly as `kg build` runs it.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402

import importlib  # noqa: E402

kg_build = importlib.import_module("kg.build")  # the module (kg.build is also a function)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, nargs="?", default=10_000)
    ap.add_argument("--parallel", action="store_true")
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    if not a.parallel:
        kg_build.PARALLEL_MIN_RECORDS = 10**12
    tmp = Path(tempfile.mkdtemp(prefix="kg-profile-"))
    try:
        synth.generate(a.n, tmp / "corpus", seed=a.seed)
        prof = cProfile.Profile()
        t = time.perf_counter()
        prof.enable()
        kg_build.build([tmp / "corpus"], store=tmp / "store", rebuild=True)
        prof.disable()
        print(f"kg.build.build, {a.n} records, {'parallel' if a.parallel else 'in-process'}: "
              f"{time.perf_counter() - t:.1f} s under cProfile\n")
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(a.top)
        print(out.getvalue())
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(a.top)
        print(out.getvalue())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
