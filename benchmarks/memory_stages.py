#!/usr/bin/env python3
"""Where a build's memory goes: kg.build.build on a corpus, its RSS sampled every 0.1 s by stage.

    PYTHONPATH=src .venv/bin/python benchmarks/memory_stages.py CORPUS STORE

Prints the CPU seconds (process tree), the peak RSS of the build process and of its largest
child, and per stage the highest RSS seen of the build process ("own") and of the process tree
("tree": forked workers share most of their pages with the build, so this overcounts). Stages
are named by the kg.build function running (papers and people run in a thread while the workers
extract, so their figures include the extraction's)."""
import os, sys, threading, time, resource, importlib
from pathlib import Path
kb = importlib.import_module("kg.build")
stage = ["read"]
peaks = {}
order = []
def rss_tree():
    me = os.getpid()
    tot = 0; own = 0
    for p in os.listdir("/proc"):
        if not p.isdigit(): continue
        try:
            st = open(f"/proc/{p}/stat").read().split()
            if int(p) == me or int(st[3]) == me:
                r = int(open(f"/proc/{p}/statm").read().split()[1]) * 4096
                tot += r
                if int(p) == me: own = r
        except Exception: pass
    return own, tot
def sampler():
    last = time.time()
    while True:
        own, tot = rss_tree()
        s = stage[0]
        o, t = peaks.get(s, (0, 0))
        peaks[s] = (max(o, own), max(t, tot))
        if time.time() - last > 60:  # (a long build: the figures so far, on standard error)
            last = time.time()
            print(time.strftime("%H:%M:%S"), s, {k: round(v[0] / 2**20) for k, v in peaks.items()},
                  file=sys.stderr, flush=True)
        time.sleep(0.1)
def wrap(mod, name, label):
    f = getattr(mod, name)
    def g(*a, **k):
        prev = stage[0]; stage[0] = label
        if label not in order: order.append(label)
        try: return f(*a, **k)
        finally: stage[0] = prev
    setattr(mod, name, g)
import kg.graph.store as gs
wrap(kb, "cluster_papers", "cluster")
wrap(kb, "resolve_people", "people")
wrap(kb, "head_lines", "head")
wrap(kb, "build_triples", "build_triples(setup)")
wrap(kb, "_reusable", "reusable")
import kg.graph.build as gb
import kg.graph.distinct as gd


def relabel(owner, name, label, after=None):
    """Name the stage ``label`` while ``owner.name`` runs (a generator: while it is read), then
    ``after`` (default: the stage before)."""
    f = getattr(owner, name)
    def g(*a, **k):
        prev = stage[0]; stage[0] = label
        try:
            got = f(*a, **k)
            if hasattr(got, "__next__"):
                def walk():
                    stage[0] = label
                    try:
                        yield from got
                    finally:
                        stage[0] = after or prev
                return walk()
            return got
        finally:
            stage[0] = after or prev
    setattr(owner, name, g)


# within the write: the facts' lines, entity resolution, the merge of the sorted runs, the loaders' wait
relabel(gb, "link_repos", "write:entities")
relabel(gb._FactLines, "blocks", "write:facts")
relabel(gd.Distinct, "drain", "write:drain")
import kg.engines.shards as esh
relabel(esh.ShardedFacts, "blocks", "write:shards")  # the forked writers' facts (a local build with workers)
relabel(kb, "_write_index", "index")
import kg.resolve.index as kri
wrap(kri, "paper_rows", "index-rows")  # (in the resolving thread, while the workers extract)
relabel(kri, "begin", "index-rows")  # (the same rows, written to the index's file as they are made)
relabel(gb, "components", "write:entities")  # the entities, from the index's tables (no model cards)
relabel(kb, "records_lines", "records-lines", after="extract")
relabel(gs._Loader, "close", "write:loaders-finish", after="write:flush+optimize")
orig_write = gs.Store.write
def write(self, *a, **k):
    stage[0] = "write(load)"; order.append("write(load)")
    return orig_write(self, *a, **k)
gs.Store.write = write
orig_br = kb._build_records
def br(*a, **k):
    stage[0] = "extract"; order.append("extract")
    return orig_br(*a, **k)
kb._build_records = br
threading.Thread(target=sampler, daemon=True).start()
t = time.time(); c0 = os.times()
rep = kb.build([sys.argv[1]], store=sys.argv[2], rebuild=True)
c1 = os.times()
cpu = (c1.user - c0.user) + (c1.system - c0.system) + (c1.children_user - c0.children_user) + (c1.children_system - c0.children_system)
print(f"records {rep.records} wall {time.time()-t:.1f}s cpu {cpu:.1f}s maxrss self {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024:.0f} MB children {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024:.0f} MB load {os.getloadavg()}")
for s, (o, t) in peaks.items():
    print(f"  {s:24s} own {o/2**20:7.0f} MB  tree {t/2**20:7.0f} MB")
