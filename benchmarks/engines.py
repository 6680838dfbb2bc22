"""``kg build --engine dask`` on a 2-worker LocalCluster against ``--engine local``, same corpus.

Used by ``bench.py --dask`` (beside the other measurements of each size) and ``bench.py
--engines-only`` (only this). Builds alternate local, dask, local, dask ... (the shared machine's
speed drifts: alternating spreads the drift over both); each is a fresh ``kg build --rebuild``
child process, timed by bench.py's launcher (wall, CPU of the whole process tree, peak RSS of its
largest process). The dask build starts its own cluster (``--workers 2``), and that start-up is
part of its time, as it is of a user's. At the end, the two stores' graphs are compared (sorted
N-Quads): a difference is reported, not hidden.
"""

from __future__ import annotations

import hashlib
import os
import statistics
from collections.abc import Callable
from pathlib import Path

ENGINES = {"local": [], "dask": ["--engine", "dask", "--workers", "2"]}


def graph_digest(store: Path) -> str:
    """SHA-256 of the store's triples, sorted: equal digests, equal graphs."""
    import pyoxigraph

    from kg.graph.store import Store

    data = Store(store).oxigraph().dump(format=pyoxigraph.RdfFormat.N_QUADS)
    return hashlib.sha256(b"\n".join(sorted(data.splitlines()))).hexdigest()


def compare(n: int, corpus_dir: Path, work: Path, runs: int, launch: Callable[[list[str]], dict],
            kg_cmd: Callable[..., list[str]]) -> dict:
    """Both engines on ``corpus_dir`` (``n`` records), ``runs`` builds each: medians and ranges."""
    out: dict = {}
    for k in range(runs):
        for engine, extra in ENGINES.items():
            store = work / f"store-{n}-{engine}"
            r = launch(kg_cmd("build", str(corpus_dir), "--store", str(store), "--rebuild", "-q", *extra))
            r["load"] = os.getloadavg()[1]  # the machine is shared: how busy it was over the last 5 minutes
            out.setdefault(engine, []).append(r)
            print(f"  --engine {engine} build {k + 1}/{runs}: {r['wall']:.1f} s (CPU {r['cpu']:.1f} s, "
                  f"peak {r['maxrss_kb'] / 1024:.0f} MB, load average {r['load']:.1f})", flush=True)
    res: dict = {}
    for engine, builds in out.items():
        walls = [b["wall"] for b in builds]
        res[engine] = {"build_s": statistics.median(walls), "runs": walls,
                       "rps": n / statistics.median(walls), "cpu_s": [b["cpu"] for b in builds],
                       "peak_mb": max(b["maxrss_kb"] for b in builds) / 1024,
                       "load": [b["load"] for b in builds]}
    digests = {engine: graph_digest(work / f"store-{n}-{engine}") for engine in ENGINES}
    res["same_graph"] = len(set(digests.values())) == 1
    print(f"  same graph from both engines: {res['same_graph']}", flush=True)
    return res


def table(n: int, res: dict) -> list[str]:
    """Markdown lines for one size."""
    lines = [f"`--engine dask` (LocalCluster, 2 worker processes) against `--engine local`, {n:,} records, "
             f"{len(res['local']['runs'])} builds each (median; range):", "",
             "| engine | build | records/s | CPU (all processes) | peak memory (largest process) |",
             "|---|---|---|---|---|"]
    for engine in ENGINES:
        r = res[engine]
        lines.append(f"| {engine} | {r['build_s']:.1f} s ({min(r['runs']):.1f}-{max(r['runs']):.1f}) | "
                     f"{r['rps']:.0f} | {statistics.median(r['cpu_s']):.0f} s | {r['peak_mb']:.0f} MB |")
    loads = [x for engine in ENGINES for x in res[engine].get("load", [])]
    if loads:
        lines += ["", f"Load average (5 min) after the builds: {min(loads):.1f}-{max(loads):.1f} on "
                      f"{os.cpu_count()} cores (a shared machine: wall times stretch with it, CPU seconds less)."]
    lines += ["", f"Same graph (sorted N-Quads) from both engines: {'yes' if res['same_graph'] else 'NO'}.", ""]
    return lines
