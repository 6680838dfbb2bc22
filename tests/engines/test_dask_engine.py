"""kg build --engine dask: the same graph as a local build, on a real Dask LocalCluster.

The cluster runs in this process (two single-threaded workers, ``processes=False``, on TCP so a
``kg`` child process can reach it too); the local builds run as ``kg build`` child processes, so no
process forks while the cluster's threads run.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from distributed import LocalCluster  # the test extra installs kg[cluster]: without it these fail

import kg
from support import free_port  # nothing listens on it: a scheduler that does not answer
from kg.engines import EngineError
from kg.engines import dask as dask_engine
from kg.engines import parquet, shards
from kg.graph.store import Store
from kg.records.io import read_paths
from kg.resolve import papers

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
sys.path.insert(0, str(ROOT / "benchmarks"))
import synth  # noqa: E402


def sorted_ntriples(store: Path) -> list[str]:
    """The store's graph as sorted N-Triples lines: equal lists, equal graphs."""
    import pyoxigraph

    data = Store(store).oxigraph().dump(format=pyoxigraph.RdfFormat.N_QUADS)  # the default graph: N-Triples lines
    return sorted(data.decode("utf-8").splitlines())


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, protocol="tcp",
                      dashboard_address=None) as c:
        yield c


@pytest.fixture
def engine(cluster, tmp_path):
    with dask_engine.connect(cluster.scheduler_address, work_dir=tmp_path) as e:
        yield e


def local_build(kg_cli, paths, store: Path, *extra: str) -> None:
    proc = kg_cli("build", *map(str, paths), "--store", str(store), "-q", *extra)
    assert proc.returncode == 0, proc.stderr


def test_records_survive_parquet_field_for_field(tmp_path):
    records = read_paths([CORPUS]).records
    records.append(replace(records[0], index=99, categories=("cs.CL", "cs.LG"), authors=(), doi=None))
    assert any(r.extra for r in records) and any(r.title is None for r in records)
    parquet.write(records, tmp_path / "p.parquet")
    back = parquet.read(tmp_path / "p.parquet")
    assert back == records
    assert [r.extra for r in back] == [r.extra for r in records]  # extra is not part of ==
    assert [list(r.extra) for r in back] == [list(r.extra) for r in records]  # nor is its order


def test_the_example_corpus_gives_the_graph_a_local_build_gives(engine, example_store, tmp_path):
    store = tmp_path / "dask"
    report = kg.build([CORPUS], store=store, engine=engine)
    assert report.changed and report.records == 86
    assert sorted_ntriples(store) == sorted_ntriples(example_store)
    assert report.counts == Store(example_store).manifest()["summary"]
    # the facts' evidence was written by the workers as N-Triples shards, which the store loaded and keeps
    parts = sorted((store / "CURRENT" / "ntriples").glob("part-*.nt"))
    written = [p for p in parts if p.name.startswith("part-w")]
    shard_lines = [line for p in written for line in p.read_text(encoding="utf-8").splitlines()]
    assert written and len(shard_lines) > len(sorted_ntriples(store)) // 2
    assert all("/evidence/" in line.split(" ", 1)[0] for line in shard_lines)
    # together the parts are the graph, each line once (an N-Triples export copies them as they are)
    every = [line for p in parts for line in p.read_text(encoding="utf-8").splitlines()]
    assert sorted(every) == sorted_ntriples(store)
    # every partition was written by a worker into the work folder, one folder per input file
    partitions = sorted(engine.work.glob("records/read-*/*/part-*.parquet"))
    assert len({p.parent for p in partitions}) == len(list(CORPUS.iterdir()))
    # the docs the cluster extracted are kept like local ones: a local build of the same files reuses them
    names = [s["sha256"] for s in Store(store).manifest()["sources"]]
    kept = list((store / "CURRENT" / "extracted").iterdir())
    assert len(kept) == len(names) and all(f.stat().st_size > 0 for f in kept)


@pytest.mark.slow
def test_a_synthetic_corpus_in_many_partitions_gives_the_local_graph(cluster, tmp_path, monkeypatch, kg_cli):
    corpus = synth.generate(450, tmp_path / "corpus", seed=3)
    local_build(kg_cli, [tmp_path / "corpus"], tmp_path / "local")
    monkeypatch.setattr(dask_engine, "PARTITION", 48)  # the workers are threads of this process
    with dask_engine.connect(cluster.scheduler_address, work_dir=tmp_path) as engine:
        report = kg.build([tmp_path / "corpus"], store=tmp_path / "dask", engine=engine)
        largest = max(len(list(d.glob("part-?????.parquet"))) for d in (engine.work / "records").glob("read-*/*"))
        sketches = dict(engine.sketches)
    assert report.records == corpus.records
    assert largest == 8  # the 360-record listing file went out as partitions of 48
    assert sorted_ntriples(tmp_path / "dask") == sorted_ntriples(tmp_path / "local")
    # the abstracts' blocking keys came from the workers, for every record with an abstract
    records = read_paths([tmp_path / "corpus"]).records
    assert set(sketches) == {(r.file, r.index) for r in records if r.abstract}
    assert all(sketches[(r.file, r.index)] == papers.sketch(r.abstract) for r in records if r.abstract)


def test_blocking_keys_made_elsewhere_group_the_records_as_keys_made_here(tmp_path):
    synth.generate(600, tmp_path / "corpus", seed=5)
    records = [r for r in read_paths([tmp_path / "corpus"]).records if r.abstract]
    parquet.write_keys(records[:400], tmp_path / "a.keys.parquet")  # a worker's keys, for some records
    given: dict = {}
    parquet.read_keys(tmp_path / "a.keys.parquet", given)
    assert len(given) == 400 and given[(records[0].file, records[0].index)] == papers.sketch(records[0].abstract)
    as_here = [[(r.file, r.index) for r in g] for g in papers.group_records(records)]
    as_given = [[(r.file, r.index) for r in g] for g in papers.group_records(records, sketches=given)]
    assert as_given == as_here and len(as_here) < len(records)  # some records were joined


def test_model_cards_in_folders_give_the_local_graph(engine, kg_cli, tmp_path):
    """A card's repo is the two folders it lies in: a worker reads it under the name the build
    gives it ("org/name/README.md"), not under its file name alone."""
    hub = ROOT / "tests" / "data" / "hub"
    inputs = [CORPUS, hub / "models.jsonl", hub / "cards"]
    local_build(kg_cli, inputs, tmp_path / "local")
    kg.build(inputs, store=tmp_path / "dask", engine=engine)
    dask_lines = sorted_ntriples(tmp_path / "dask")
    assert any("hfId" in line for line in dask_lines)
    assert dask_lines == sorted_ntriples(tmp_path / "local")


def test_sources_the_store_held_are_extracted_on_the_cluster_when_the_code_changed(
        cluster, tmp_path, kg_cli):
    files = sorted(CORPUS.iterdir())
    store = tmp_path / "dask"
    # a store whose docs were extracted by other code (fewer components: another signature)
    kg.build(files[:-1], store=store, components=("authors", "abbreviations", "models"))
    with dask_engine.connect(cluster.scheduler_address, work_dir=tmp_path) as engine:
        kg.build(files[-1:], store=store, engine=engine)
        written_here = list((engine.work / "records").glob("here-*"))
    assert len(written_here) == len(files) - 1  # read again from the store, shipped as Parquet
    local_build(kg_cli, files, tmp_path / "local")
    assert sorted_ntriples(store) == sorted_ntriples(tmp_path / "local")


def test_sources_the_store_kept_are_written_here_and_the_new_one_on_the_workers(engine, kg_cli, tmp_path):
    files = sorted(CORPUS.iterdir())
    store = tmp_path / "dask"
    kg.build(files[:-1], store=store)  # docs kept by the same code: reused, not sent to the cluster
    kg.build(files, store=store, engine=engine)
    assert len(engine.extracted) == 1  # only the new file was extracted there
    assert list((store / "CURRENT" / "ntriples").glob("part-w*.nt"))  # and its evidence written there
    local_build(kg_cli, files, tmp_path / "local")
    assert sorted_ntriples(store) == sorted_ntriples(tmp_path / "local")


def test_a_confidence_threshold_gives_the_local_graph(engine, tmp_path):
    """Facts under the threshold name nothing: no entity, no cited paper is made for them alone."""
    hub = ROOT / "tests" / "data" / "hub"
    inputs = [CORPUS, hub / "models.jsonl", hub / "cards"]
    local = kg.build(inputs, store=tmp_path / "local", min_confidence=0.8)
    dask = kg.build(inputs, store=tmp_path / "dask", min_confidence=0.8, engine=engine)
    everything = kg.build(inputs, store=tmp_path / "all", engine=engine)
    assert dask.counts == local.counts and dask.counts["facts"] < everything.counts["facts"]
    assert sorted_ntriples(tmp_path / "dask") == sorted_ntriples(tmp_path / "local")


def test_bulk_sources_with_a_category_filter_give_the_local_graph_and_count(engine, tmp_path):
    inputs = ROOT / "tests" / "data" / "inputs"
    bulk = tmp_path / "bulk"
    bulk.mkdir()
    for name in ("arxiv_snapshot.jsonl", "oai_arxiv.xml", "oai_arxivraw.xml", "feed.atom"):
        shutil.copy(inputs / name, bulk / name)
    local = kg.build([bulk], store=tmp_path / "local", categories=["cs.CL", "cs"])
    dask = kg.build([bulk], store=tmp_path / "dask", categories=["cs.CL", "cs"], engine=engine)
    assert dask.counts == local.counts and dask.counts["filtered"] > 0
    assert sorted_ntriples(tmp_path / "dask") == sorted_ntriples(tmp_path / "local")
    assert Store(tmp_path / "dask").manifest()["sources"] == Store(tmp_path / "local").manifest()["sources"]


def test_the_cli_builds_on_a_scheduler_address(cluster, kg_cli, example_store, tmp_path):
    proc = kg_cli("build", CORPUS, "--store", tmp_path / "s", "--engine", "dask",
                  "--scheduler", cluster.scheduler_address, "--work-dir", tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "records        86" in proc.stdout
    assert sorted_ntriples(tmp_path / "s") == sorted_ntriples(example_store)
    assert not list(tmp_path.glob("kg-dask-*"))  # the intermediate results are gone


@pytest.mark.parametrize("existing", [False, True])
def test_a_scheduler_that_does_not_answer_is_one_line_and_leaves_the_store_alone(
        kg_cli, example_store, tmp_path, existing):
    store = tmp_path / "s"
    if existing:
        shutil.copytree(example_store, store, symlinks=True)
        before = sorted(p.relative_to(store) for p in store.rglob("*"))
    address = f"tcp://127.0.0.1:{free_port()}"
    proc = kg_cli("build", CORPUS, "--store", store, "--rebuild", "--engine", "dask",
                  "--scheduler", address, "--scheduler-timeout", "1", timeout=60)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [f"error: no Dask scheduler answers at {address} (waited 1 s)"]
    if existing:
        assert sorted(p.relative_to(store) for p in store.rglob("*")) == before
    else:
        assert not store.exists()


@pytest.mark.parametrize("module, task", [(dask_engine, "extract_partition"), (shards, "fact_shard")],
                         ids=["extracting", "writing-facts"])
def test_a_task_that_fails_on_the_cluster_stops_the_build_and_leaves_the_store_alone(
        engine, example_store, tmp_path, monkeypatch, module, task):
    store = tmp_path / "s"
    shutil.copytree(example_store, store, symlinks=True)
    before = sorted(p.relative_to(store) for p in store.rglob("*"))

    def broken(*args):
        raise MemoryError("worker out of memory")

    monkeypatch.setattr(module, task, broken)  # the workers are threads of this process
    with pytest.raises(EngineError, match="^the Dask cluster failed: MemoryError: worker out of memory$"):
        kg.build([CORPUS], store=store, rebuild=True, engine=engine)
    assert sorted(p.relative_to(store) for p in store.rglob("*")) == before


def test_results_this_machine_cannot_see_are_one_line_and_no_store(engine, tmp_path, monkeypatch):
    """A work folder the workers do not share with the building machine: their docs are not there."""
    real = dask_engine.extract_partition

    def elsewhere(*args):
        got = real(*args)
        os.unlink(got.docs)  # written where only the worker sees it
        return got

    monkeypatch.setattr(dask_engine, "extract_partition", elsewhere)  # the workers are threads of this process
    with pytest.raises(EngineError, match=r"^cannot read a worker's results at .*\.docs: No such file or "
                                          r"directory \(the work folder must be shared .*--work-dir\)$"):
        kg.build([CORPUS], store=tmp_path / "s", engine=engine)
    assert not any((tmp_path / "s").glob("gen-*"))


def test_a_worker_that_cannot_see_an_input_says_so(tmp_path):
    got = dask_engine.read_file(str(tmp_path / "elsewhere.txt"), "elsewhere.txt", None, str(tmp_path / "w"))
    assert got.source is None and "a worker cannot read" in got.error and "elsewhere.txt" in got.error


def test_a_truncated_compressed_input_is_one_line_and_no_store(kg_cli, tmp_path):
    import gzip

    data = gzip.compress((CORPUS / sorted(p.name for p in CORPUS.iterdir())[0]).read_bytes())
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cut.txt.gz").write_bytes(data[: len(data) // 2])
    local = kg_cli("build", tmp_path / "in", "--store", tmp_path / "a")
    proc = kg_cli("build", tmp_path / "in", "--store", tmp_path / "s", "--engine", "dask", "--workers", "1")
    assert proc.returncode == local.returncode == 1
    assert proc.stderr.strip().splitlines() == local.stderr.strip().splitlines()
    assert len(proc.stderr.strip().splitlines()) == 1 and "cut.txt.gz" in proc.stderr
    assert not (tmp_path / "s").exists()


def test_dask_options_without_the_engine_are_a_usage_error(kg_cli, tmp_path):
    proc = kg_cli("build", CORPUS, "--store", tmp_path / "s", "--scheduler", "tcp://127.0.0.1:1")
    assert proc.returncode == 2
    assert "--engine dask" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "s").exists()


@pytest.mark.slow
def test_without_a_scheduler_a_local_cluster_of_processes_is_started(kg_cli, example_store, tmp_path):
    proc = kg_cli("build", CORPUS, "--store", tmp_path / "s", "--engine", "dask", "--workers", "2", "-q")
    assert proc.returncode == 0, proc.stderr
    assert sorted_ntriples(tmp_path / "s") == sorted_ntriples(example_store)
    summary = json.loads((tmp_path / "s" / "CURRENT" / "manifest.json").read_text())["summary"]
    assert summary["records"] == 86
